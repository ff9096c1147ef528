"""`make demo` runs the whole workflow with no prompt, in a throwaway folder, in well under two minutes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO


def test_the_demo_walks_the_workflow_without_a_prompt(tmp_path: Path) -> None:
    """new, refuse, revise, approve twice, publish, build, expire: a live page, then its notice."""
    registry = (REPO / "approvers.yml").read_bytes()
    folder = tmp_path / "demo"
    env = {**os.environ, "LANG": "th_TH.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    env.pop("SOURCE_DATE_EPOCH", None)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "demo.py"), "--folder", str(folder)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert time.monotonic() - started < 120
    out = result.stdout
    assert "ประธานศูนย์ข้อมูลข่าวสารไม่อนุมัติ" in out and "http://127.0.0.1:8000/news/demo-news/" in out

    taken_down = folder / "pending" / "expired" / "news" / "posts" / "demo-news.md"
    text = taken_down.read_text(encoding="utf-8")
    entries = [json.loads(line.strip()[2:]) for line in text.splitlines() if line.startswith("  - {")]
    assert [("chair", "reject"), ("chair", "approve"), ("director", "approve")] == [
        (entry["role"], entry["decision"]) for entry in entries
    ]
    assert entries[0]["digest"] != entries[1]["digest"] == entries[2]["digest"]  # revised, then approved
    assert all(entry["sig"] for entry in entries)
    assert "\npublished: " in text and "\ntaken_down: " in text
    assert not (folder / "content" / "news" / "posts" / "demo-news.md").exists()

    live = (folder / "site-published" / "news" / "demo-news" / "index.html").read_text(encoding="utf-8")
    assert "ขอเชิญประชาชนอายุ 35 ปีขึ้นไป" in live
    notice = (folder / "site" / "news" / "demo-news" / "index.html").read_text(encoding="utf-8")
    assert "สิ้นสุดระยะเวลาการเผยแพร่แล้ว" in notice and "ขอเชิญประชาชนอายุ 35 ปีขึ้นไป" not in notice
    assert "(สาธิต)" in (folder / "approvers.yml").read_text(encoding="utf-8")
    assert registry == (REPO / "approvers.yml").read_bytes()  # the real registry is never touched
    assert b"demo-" not in registry
