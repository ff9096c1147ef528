"""`make bench`: what the gate costs a build, measured on this machine in one run.

1. `mkdocs build --strict` of one generated site with the gate and without it, interleaved:
   the ratio of the build's CPU time with a 95% bootstrap interval over the pairs; wall clock too.
2. The gate's steps per post, timed in this process with `time.process_time`.

Writes bench/RESULTS.md and bench/results.json (sites go to bench/out/). Options: --help.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import NOW, PDF, PHOTO, generate, set_gate
from peak_memory import build_peak_mib

BENCH = Path(__file__).resolve().parent
WORK = BENCH / "out"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": str(int(NOW.timestamp())), "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("CI", None)
TARGET = 1.10  # CPU ratio at 1,000 posts (issue 24)
Pairs = list[tuple[float, float]]  # (with the gate, without it)


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def build(site: Path, posts: int | None) -> tuple[float, float]:
    """(CPU, wall) seconds of one `mkdocs build --strict`; `posts`: the post pages the gate must build."""
    shutil.rmtree(site / "site", ignore_errors=True)
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    result = subprocess.run(command, cwd=site, env=ENV, capture_output=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {site}:\n{result.stderr.decode()[-3000:]}")
    built = sum(1 for _ in (site / "site" / "news").glob("post-*/index.html"))
    if posts is not None and built != posts:
        raise SystemExit(f"{site}: the gate built {built} of {posts} live posts")
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def peak_memory(site: Path) -> dict[str, float]:
    """Peak resident memory (MiB) of one build with the gate and one without it."""
    peaks = {}
    for gated in (True, False):
        set_gate(site, gated)
        shutil.rmtree(site / "site", ignore_errors=True)
        peaks["with" if gated else "without"] = build_peak_mib(site, ENV)
    set_gate(site, True)
    return peaks


def summary(pairs: Pairs, draws: int = 2000) -> dict[str, Any]:
    """Medians, their ratio and its 95% bootstrap interval, drawing whole pairs."""

    def ratio(drawn: Pairs) -> float:
        return statistics.median(w for w, _ in drawn) / statistics.median(o for _, o in drawn)

    chance = random.Random(0)
    ratios = sorted(ratio(chance.choices(pairs, k=len(pairs))) for _ in range(draws))
    return {
        "with": statistics.median(w for w, _ in pairs),
        "without": statistics.median(o for _, o in pairs),
        "ratio": ratio(pairs),
        "interval": (ratios[int(draws * 0.025)], ratios[int(draws * 0.975) - 1]),
    }


def overhead(sizes: list[int], attach_every: int, min_rounds: int, max_rounds: int, budget: float) -> dict[int, Any]:
    sites = {size: WORK / f"site-{size}" for size in sizes}
    for size, site in sites.items():
        generate(site, size, attach_every=attach_every)
        for gated in (True, False):  # warm-up, untimed: byte-compiled modules, page cache
            set_gate(site, gated)
            build(site, size if gated else None)
    cpu: dict[int, Pairs] = {size: [] for size in sizes}
    wall: dict[int, Pairs] = {size: [] for size in sizes}
    started = time.perf_counter()
    for round_ in range(max_rounds):
        if round_ >= min_rounds and time.perf_counter() - started > budget:
            break
        for size, site in sites.items():
            times = {}
            for gated in (True, False) if round_ % 2 == 0 else (False, True):
                set_gate(site, gated)
                times[gated] = build(site, size if gated else None)
            cpu[size].append((times[True][0], times[False][0]))
            wall[size].append((times[True][1], times[False][1]))
            log(f"round {round_ + 1}, {size} posts: CPU {times[True][0]:.2f} s with, {times[False][0]:.2f} s without")
    for site in sites.values():
        set_gate(site, True)
    return {
        size: {"pairs": len(cpu[size]), "cpu": summary(cpu[size]), "wall": summary(wall[size]),
               "cpu_pairs": cpu[size], "wall_pairs": wall[size]}
        for size in sizes
    }  # fmt: skip


def clock(step: Callable[[Any], object], items: Sequence[Any], repeats: int) -> float:
    """CPU milliseconds `step` takes per item: the median over `repeats` passes."""
    if not items:
        return float("nan")
    passes = []
    for _ in range(repeats):
        start = time.process_time()
        for item in items:
            step(item)
        passes.append((time.process_time() - start) / len(items) * 1000)
    return statistics.median(passes)


def per_post(site: Path, repeats: int) -> dict[str, Any]:
    """Each of the gate's steps per post, as `Gate.judge` runs them (no cache). The builds have shown
    every post live: the signatures are checked here only to be sure two per post are timed."""
    from mkdocs.config import load_config

    from approval_gate.core import signing
    from approval_gate.core.decision import statements
    from approval_gate.core.post import load_post
    from approval_gate.services import sanitize
    from approval_gate.services.binding import MarkdownSetup, bind
    from approval_gate.services.repository import Gate, blog_rules, read_plain_file

    config = load_config(str(site / "mkdocs.yml"))
    docs = Path(config.docs_dir).resolve()
    setup = MarkdownSetup(tuple(config.markdown_extensions), dict(config.mdx_configs))
    options = dict(config.plugins["approval-gate"].config)
    gate = Gate.from_options(site, docs, options, markdown=setup, blog=blog_rules(config.plugins, docs))
    if gate.registry is None:
        raise SystemExit(f"{site}: the registry did not load ({gate.registry_problem})")
    registry, settings = gate.registry, gate.settings
    files = list(gate.post_files())
    raws = [(file.read_bytes(), file.relative_to(docs).as_posix()) for file in files]
    posts = [load_post(raw, path, gate.rules) for raw, path in raws]
    texts = [f"# {post.title}\n\n{post.body}" for post in posts]  # what Renderer.check renders
    htmls = [gate.renderer.html(text) for text in texts]

    def attach(item: tuple[Any, Any]) -> Any:
        return bind(item[0], item[1], lambda path: read_plain_file(docs, path))

    pairs = [(post, gate.renderer.check(post)) for post in posts]
    bound = [attach(pair) for pair in pairs]
    with_files = [pair for pair, post in zip(pairs, bound, strict=True) if post.attachments]
    without = [pair for pair, post in zip(pairs, bound, strict=True) if not post.attachments]
    signatures = [
        (found[1].line, message, entry.sig or "")
        for post in bound
        for entry, message in statements(post, settings)
        if (found := registry.key_by_fingerprint(entry.key or "")) is not None
    ]
    if len(signatures) != 2 * len(posts) or not all(signing.verify(*item) for item in signatures):
        raise SystemExit(f"{site}: not every post carries two good signatures")
    return {
        "posts": len(posts),
        "with_attachments": len(with_files),
        "parse": clock(lambda raw: load_post(raw[0], raw[1], gate.rules), raws, repeats),
        "render": clock(gate.renderer.html, texts, repeats),
        "check": clock(lambda html: sanitize.check(html, gate.renderer.policy), htmls, repeats),
        "attachments": clock(attach, with_files, repeats),
        "no_attachments": clock(attach, without, repeats),
        "signatures": 2 * clock(lambda item: signing.verify(*item), signatures, repeats),
        "judge": clock(lambda file: gate.judge(file, NOW), files, repeats),
    }


def machine() -> dict[str, str]:
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").is_file() else ""
    model = next((line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("model name")), "")
    found = {"CPU": f"{os.cpu_count()} × {model}", "on": platform.platform(), "Python": platform.python_version()}
    return found | {name: version(name) for name in ("mkdocs", "mkdocs-material", "Markdown", "nh3", "cryptography")}


def verdict(cpu: dict[str, Any]) -> str:
    low, high = cpu["interval"]
    if high <= TARGET:
        return f"**meets** the target (the whole interval is at or below {TARGET:.2f})"
    if low > TARGET:
        return f"**misses** the target (the whole interval is above {TARGET:.2f})"
    return f"cannot tell (the interval holds {TARGET:.2f})"


def report(results: dict[str, Any]) -> str:
    rows, steps, args, big = results["overhead"], results["per_post"], results["args"], max(results["overhead"])
    table = "\n".join(
        f"| {size:,} | {row['pairs']} | {c['with']:.2f} / {c['without']:.2f} | **{c['ratio']:.3f}** "
        f"| {c['interval'][0]:.3f}–{c['interval'][1]:.3f} | {w['with']:.2f} / {w['without']:.2f} "
        f"| {w['ratio']:.3f} | {w['interval'][0]:.3f}–{w['interval'][1]:.3f} |"
        for size, row in rows.items()
        for c, w in [(row["cpu"], row["wall"])]
    )
    added = rows[big]["cpu"]["with"] - rows[big]["cpu"]["without"]
    baseline = rows[big]["cpu"]["without"] / big * 1000  # ms of CPU per post without the gate
    memory = results["memory"]
    machine = ", ".join(f"{name} {value}" for name, value in results["machine"].items())
    return f"""# Benchmark results

Written by `make bench` on {results["date"]} in {results["minutes"]:.1f} minutes; load average
{results["load"][0]} at the start, {results["load"][1]} at the end (other work shares this machine:
hence interleaved runs, ratios and intervals). One run on one machine: {machine}.

## The gate's cost on `mkdocs build --strict`

One generated site (Material with `navigation.prune`, blog, tags, search, `attr_list`, `toc`; every
post signed by a chair and a director and live; every {args["attach_every"]}th post embeds a
{PHOTO // 1024} KB photo and links a {PDF // 2**20} MB PDF) built with the gate and without it (plugin
and `exclude_docs` removed). Each round builds one pair per size, alternating which goes first;
{args["min_rounds"]} to {args["max_rounds"]} rounds, as many as fit in {args["budget"]:.0f} s. **CPU**:
user + system time of the build process, the work the gate adds. **Wall**: what a user waits for.
Ratios of the medians; 95% intervals by bootstrap over the pairs.

| posts | pairs | CPU (s) with / without | **ratio** | 95% interval | wall (s) with / without | ratio | 95% interval |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{table}

Target: a CPU ratio ≤ {TARGET:.2f} at 1,000 posts. This run, {big:,} posts: {verdict(rows[big]["cpu"])}.

## The gate's steps, per post

CPU time in one process (`time.process_time`) over the {steps["posts"]:,} posts of the {big:,}-post
site, {steps["with_attachments"]} of them with attachments; median of {args["repeats"]} passes; files
in the page cache. Timed one step at a time (each in a loop of its own), the steps add up to a little
less than `Gate.judge`, which runs them one post at a time.

| step | ms per post |
| --- | ---: |
| parse: front matter, field checks, digest (`load_post`) | {steps["parse"]:.3f} |
| sanitiser: render (Python-Markdown) + check (`sanitize.check`, nh3) | **{steps["render"] + steps["check"]:.3f}** |
| of which render / check | {steps["render"]:.3f} / {steps["check"]:.3f} |
| attachments: read, SHA-256, digest (`bind`); a post with a photo and a PDF | {steps["attachments"]:.3f} |
| the same, a post without attachments | {steps["no_attachments"]:.3f} |
| the two Ed25519 signature checks (`signing.verify` × 2) | {steps["signatures"]:.3f} |
| all of the above, reading the file included (`Gate.judge`) | **{steps["judge"]:.3f}** |

Judging all {steps["posts"]:,} posts so takes {steps["judge"] * steps["posts"] / 1000:.2f} s of CPU;
the gate adds {added:.2f} s to the build (medians above). The rest is the plugin's other work
(staging the verified bytes, sanitising each built page's HTML again on the way out) and MkDocs'
work on the staged files.

Why the target is hard to meet: the same build without the gate spends {baseline:.2f} ms of CPU per
post, so a ratio of {TARGET:.2f} leaves {baseline * (TARGET - 1):.2f} ms per post for everything the gate does.
Rendering each post once more, to know the files it uses and to check its HTML before deciding, costs
{steps["render"]:.2f} ms; the two signature checks {steps["signatures"]:.2f} ms; reading the form strictly
{steps["parse"]:.2f} ms.

## Memory

Peak resident memory of one build of the {big:,}-post site: **{memory["with"]:.0f} MiB** with the gate,
{memory["without"]:.0f} MiB without it. The gate stages each live post's attachments as it decides the
post and keeps only their hashes, so memory does not grow with the size of the site's files.

## Reproduce

`make bench`, which runs `{results["command"]}`. Raw times of every build: `bench/results.json`.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure the gate; write bench/RESULTS.md and bench/results.json.")
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--attach-every", type=int, default=10, help="every Nth post has a photo and a PDF")
    parser.add_argument("--min-rounds", type=int, default=8)
    parser.add_argument("--max-rounds", type=int, default=20)
    parser.add_argument("--budget", type=float, default=540.0, help="seconds after which no new round starts")
    parser.add_argument("--repeats", type=int, default=5, help="passes of each per-post measure")
    parser.add_argument("--quick", action="store_true", help="small sites, 2 rounds: a smoke test, written to out/")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.min_rounds, args.max_rounds, args.repeats = "50,100", 2, 2, 2
    WORK.mkdir(exist_ok=True)
    started, load = time.perf_counter(), [f"{os.getloadavg()[0]:.1f}"]
    sizes = [int(size) for size in args.sizes.split(",")]
    rows = overhead(sizes, args.attach_every, args.min_rounds, args.max_rounds, args.budget)
    log("timing the gate's steps per post")
    steps = per_post(WORK / f"site-{max(sizes)}", args.repeats)
    log("peak memory of one build with the gate and one without")
    memory = peak_memory(WORK / f"site-{max(sizes)}")
    load.append(f"{os.getloadavg()[0]:.1f}")
    results = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join(["python", "bench/run.py", *sys.argv[1:]]),
        "minutes": (time.perf_counter() - started) / 60,
        "load": load,
        "machine": machine(),
        "args": vars(args),
        "overhead": rows,
        "per_post": steps,
        "memory": memory,
    }
    out = WORK if args.quick else BENCH
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "RESULTS.md").write_text(report(results), encoding="utf-8")
    log(f"wrote {out / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
