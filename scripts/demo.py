"""`make demo`: the whole workflow once, on a throwaway copy of the example, in a few seconds.

new -> refuse (with a reason) -> revise -> approve (chair, then director) -> publish ->
build -> expire (a sweep at a later clock) -> build again. Each step prints what happens in
Thai (English with LANG=en), the `gate` command a person would type, and its output.

Nothing here touches the repository: the example is copied (as committed) into a new
temporary folder, and the demo approvers are added to that copy's approvers.yml only. Their
keys are made fresh for the demo, stored in the copy, and protected by a passphrase written
in a file next to them: GATE_PASSPHRASE_FILE is the CLI's way to sign without a terminal,
meant for demos and automation. A person types the passphrase at every sign-off.

Usage: .venv/bin/python scripts/demo.py [--folder EMPTY_DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from approval_gate.core.messages import language_from_env, message

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EXAMPLE = ("mkdocs.yml", "approvers.yml", "content", "pending", "overrides")
UTC = dt.UTC
# The example's reference instant (the Makefile's EXAMPLE_EPOCH): 2026-11-25 17:00 in Bangkok.
START = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
POST = "pending/news/posts/demo-news.md"
LIVE = "content/news/posts/demo-news.md"
PASSPHRASE = "demo-passphrase-not-a-secret"


FIRST_BODY = "สมุนไพรชนิดใหม่รักษาโรคเบาหวานให้หายขาดภายใน 7 วัน"
REVISED_BODY = "ขอเชิญประชาชนอายุ 35 ปีขึ้นไป ตรวจคัดกรองโรคเบาหวานฟรี\nณ โรงพยาบาลส่งเสริมสุขภาพตำบลทุกแห่ง ตลอดเดือนธันวาคม 2569"


class Demo:
    def __init__(self, folder: Path, lang: str) -> None:
        self.folder, self.lang, self.step = folder, lang, 0
        self.now = START
        self.env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "GATE_KEY_DIR": str(folder / ".demo-keys"),
            "GATE_PASSPHRASE_FILE": str(folder / ".demo-keys" / "passphrase.txt"),
        }
        self.env.pop("CI", None)

    def say(self, code: str, **params: object) -> str:
        return message(f"demo_{code}", self.lang, **params)

    def heading(self, code: str, later: dt.timedelta = dt.timedelta(0)) -> None:
        self.now += later
        self.step += 1
        local = self.now.astimezone(dt.timezone(dt.timedelta(hours=7)))
        print(f"\n== {self.step}. {self.say(code)}")
        print("   " + self.say("clock", at=local.strftime("%Y-%m-%d %H:%M (+07:00)")))

    def run(self, *args: str, shown: str | None = None) -> str:
        """Run `gate …` or `mkdocs …` in the demo folder at the demo clock; print it as typed."""
        program = str(BIN / args[0])
        typed = shown or " ".join(shlex.quote(arg) for arg in args)
        print(f"\n$ {typed}")
        env = {**self.env, "SOURCE_DATE_EPOCH": str(int(self.now.timestamp()))}
        result = subprocess.run(
            [program, *args[1:]], cwd=self.folder, env=env, capture_output=True, text=True, timeout=300
        )
        output = (result.stdout + result.stderr).rstrip()
        if output:
            print(textwrap.indent(output, "  "))
        if result.returncode != 0:
            raise SystemExit(f"demo stopped: `{typed}` exited with {result.returncode}")
        return result.stdout

    def edit(self, old: str, new: str) -> None:
        file = self.folder / POST
        text = file.read_text(encoding="utf-8")
        if old not in text:
            raise SystemExit(f"demo stopped: {POST} does not contain {old!r}")
        file.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_example(folder: Path) -> None:
    """The example as committed when this is a git checkout, else as it is on disk."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "HEAD", "--", *EXAMPLE], cwd=ROOT, capture_output=True, check=False
    )
    if archive.returncode == 0:
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
        return
    for name in EXAMPLE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy2(source, folder / name)


def walk(demo: Demo) -> None:
    folder = demo.folder
    print(demo.say("intro", folder=folder))

    demo.heading("s_keys")
    keys = folder / ".demo-keys"
    keys.mkdir(mode=0o700)
    (keys / "passphrase.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    people = {
        "demo-chair": ("chair", "(สาธิต) นางสาวประธาน ทดลองระบบ", "ประธานศูนย์ข้อมูลข่าวสาร (สาธิต)"),
        "demo-director": ("director", "(สาธิต) นายแพทย์ผู้อำนวยการ ทดลองระบบ", "นายแพทย์สาธารณสุขจังหวัด (สาธิต)"),
    }
    for person, (role, name, position) in people.items():
        demo.run("gate", "keygen", "--id", person)
        demo.run(
            "gate", "registry", "add-person", "--id", person, "--name", name, "--position", position,
            "--role", role, "--from", "2569-11-01", "--key-file", f".demo-keys/{person}.pub",
        )  # fmt: skip

    demo.heading("s_new", dt.timedelta(minutes=5))
    demo.run("gate", "new", demo.say("title"), "--category", "ข่าวประชาสัมพันธ์", "--slug", "demo-news")
    demo.edit('  name: ""', '  name: "นางสาวผู้ขอ สาธิต"')
    demo.edit("-->\n", "-->\n\n" + FIRST_BODY + "\n")
    print("\n  " + demo.say("filled"))
    demo.run("gate", "check", POST)

    demo.heading("s_reject", dt.timedelta(minutes=25))
    demo.run("gate", "reject", POST, "--as", "demo-chair", "--reason", demo.say("reason"), "--yes")

    demo.heading("s_revise", dt.timedelta(minutes=20))
    demo.edit(FIRST_BODY, REVISED_BODY)
    print("\n  " + demo.say("revised"))
    demo.run("gate", "check", POST)

    demo.heading("s_chair", dt.timedelta(minutes=15))
    demo.run("gate", "approve", POST, "--as", "demo-chair", "--yes")

    demo.heading("s_director", dt.timedelta(minutes=30))
    demo.run("gate", "approve", POST, "--as", "demo-director", "--yes")

    demo.heading("s_publish", dt.timedelta(minutes=10))
    demo.run("gate", "publish", POST, "--as", demo.say("webmaster"))
    demo.run("gate", "form", LIVE, "--html", "demo-form.html")

    demo.heading("s_build")
    demo.run("mkdocs", "build", "--strict", "--site-dir", "site-published")
    demo.run("gate", "check", LIVE)
    print(f"\n{demo.say('s_next')}")
    change = demo.run("gate", "next").strip()

    demo.heading(
        "s_expire", dt.datetime.fromisoformat(change.replace("Z", "+00:00")) - demo.now + dt.timedelta(hours=9)
    )
    demo.run("gate", "sweep")
    demo.run("mkdocs", "build", "--strict")
    if not (folder / "pending/expired/news/posts/demo-news.md").is_file():
        raise SystemExit("demo stopped: the demo post was not taken down")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--folder", type=Path, help="an empty or new folder for the demo (default: a new temporary one)"
    )
    options = parser.parse_args()
    if options.folder:
        folder = options.folder.resolve()
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.iterdir()):
            parser.error(f"{folder} is not empty")
    else:
        folder = Path(tempfile.mkdtemp(prefix="approval-gate-demo-"))
    started = time.monotonic()
    copy_example(folder)
    demo = Demo(folder, language_from_env())
    walk(demo)
    python = shlex.quote(sys.executable)
    served = {name: shlex.quote(str(folder / name)) for name in ("site-published", "site")}
    mkdocs = shlex.quote(str(BIN / "mkdocs"))
    print(f"\n== {demo.say('done', seconds=time.monotonic() - started)}\n")
    print(
        demo.say(
            "open",
            folder=shlex.quote(str(folder)),
            published=folder / "site-published",
            site=folder / "site",
            form=folder / "demo-form.html",
            serve_published=f"{python} -m http.server -b 127.0.0.1 -d {served['site-published']} 8000",
            serve_site=f"{python} -m http.server -b 127.0.0.1 -d {served['site']} 8001",
            preview=f"cd {shlex.quote(str(folder))} && SOURCE_DATE_EPOCH={int(START.timestamp())} {mkdocs} serve",
        )
    )


if __name__ == "__main__":
    main()
