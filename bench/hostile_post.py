"""Time `load_post` on 2 MiB hostile posts (issue 23: no post may stall a build).

Run: python bench/hostile_post.py. Prints the seconds each case takes; exits 1 when one
takes over BOUND seconds (a generous bound, for a slow shared machine: the aim is well
under one second). Not a test: tests never depend on the machine's speed. A body of
many `<` without `>` is left out: the body's HTML check is being replaced by a
sanitiser, and that case belongs to its benchmark.
"""

from __future__ import annotations

import sys
import time

from approval_gate.core.canonical import MAX_FRONT_MATTER, MAX_POST
from approval_gate.core.post import Rules, load_post

BOUND = 5.0
HEAD = "---\ntitle: t\nrequester:\n  name: n\n  date: 2569-11-01\npublish_from: 2569-11-01\npublish_until: 2570-12-31\n"


def fill(head: str, unit: str) -> bytes:
    """A post of `head`, a closing fence and `unit` repeated to just under MAX_POST bytes."""
    start = (head + "---\n").encode()
    count = (MAX_POST - len(start)) // len(unit.encode())
    return start + (unit * count).encode()


def front(line: str) -> bytes:
    """Front matter padded to just under MAX_FRONT_MATTER with `line`."""
    room = MAX_FRONT_MATTER - len(HEAD.encode()) - 64
    return (HEAD + line * (room // len(line.encode())) + "---\nx\n").encode()


CASES = {
    "body: one long line": fill(HEAD, "ก"),
    "body: nested lists": fill(HEAD, "- " * 40 + "x\n"),
    "body: nested brackets": fill(HEAD, "[" * 50),
    "front: long link host": (HEAD + "external_link: 'https://" + "a" * 60000 + "\"'\n---\nx\n").encode(),
    "front: long name without colon": (HEAD + "x" + " " * 60000 + "\n:bad\n---\nx\n").encode(),
    "front: deep flow nesting": (HEAD + "remarks: " + "[" * 20000 + "]" * 20000 + "\n---\nx\n").encode(),
    "front: long date text": (
        HEAD.replace("2569-11-01\npublish_until", "1" + " ก" * 6000 + " 2569\npublish_until", 1) + "---\nx\n"
    ).encode(),
    "front: many short keys": front("k: v\n"),
    "front: many distinct keys": (HEAD + "".join(f"k{i}: v\n" for i in range(5500)) + "---\nx\n").encode(),
    "front: escapes": front('d: "\\e\\u202e\\x9b"\n'),
}


def main() -> int:
    rules = Rules(default_agency="x")
    worst = 0.0
    for name, raw in CASES.items():
        start = time.perf_counter()
        post = load_post(raw, "news/posts/hostile.md", rules)
        took = time.perf_counter() - start
        worst = max(worst, took)
        first = post.problems[0].code if post.problems else "-"
        print(f"{took:8.3f} s  {len(raw) / 1024:7.0f} KiB  {name}  ({first})")
    print(f"worst {worst:.3f} s (bound {BOUND} s)")
    return 0 if worst <= BOUND else 1


if __name__ == "__main__":
    sys.exit(main())
