"""One post through the whole procedure, as the office lives it:

new -> refused by the chair with a reason -> revised -> approved by chair and director ->
published -> live (a real `mkdocs build --strict`) -> expired and taken down by a real build,
with `gate status` read at every step.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from cryptography.hazmat.primitives import serialization

from approval_gate.cli import main
from conftest import run_mkdocs
from factory import SiteFactory

UTC = dt.UTC
START = dt.datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # 09:00 in Bangkok
TITLE = "ขอเชิญชวนฉีดวัคซีนไข้หวัดใหญ่ ประจำปี 2569"
SLUG = "ขอเชิญชวนฉีดวัคซีนไข้หวัดใหญ่-ประจำปี-2569"
POST_PATH = f"news/posts/{SLUG}.md"
PASSPHRASE = b"correct horse battery staple"
HEADER = "Approval queue at {now} (targets: request 10 min, review 30 min)\n\n"
FOOTER_EMPTY_SITE = (
    "\nOn the site: 0 live, 0 scheduled\n\nNext changes to the site\n  no publication period opens or closes\n"
)


class Office:
    """The site, the clock and the `gate` command."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.factory = SiteFactory(tmp_path / "site")
        self.root = self.factory.root
        self.monkeypatch = monkeypatch
        self.now = START
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "GATE_CONFIG", "CI"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("LANG", "en_US.UTF-8")
        self.at(START)

    def at(self, moment: dt.datetime) -> None:
        self.now = moment
        self.monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))

    def gate(self, *args: str) -> Result:
        return CliRunner().invoke(main, ["-f", str(self.root / "mkdocs.yml"), *args])

    def status(self) -> str:
        result = self.gate("status")
        assert (result.exit_code, result.stderr) == (0, "")
        return result.stdout

    def edit(self, file: Path, old: str, new: str) -> None:
        """The author edits the post in an editor: the file changes now."""
        text = file.read_text(encoding="utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
        os.utime(file, (self.now.timestamp(), self.now.timestamp()))

    def sign(self, file: Path, signer: str, verdict: str, reason: str | None = None) -> None:
        """`gate approve` / `gate reject` with the signer's passphrase-protected key."""
        key_file = self.root.parent / "keys" / signer
        if not key_file.exists():
            key_file.parent.mkdir(exist_ok=True)
            encryption = serialization.BestAvailableEncryption(PASSPHRASE)
            key = self.factory.keys[signer]
            pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, encryption)
            key_file.write_bytes(pem)
            (self.root.parent / "passphrase").write_bytes(PASSPHRASE + b"\n")
        self.monkeypatch.setenv("GATE_PASSPHRASE_FILE", str(self.root.parent / "passphrase"))
        args = [verdict, str(file), "--as", signer, "--key", str(key_file), "--yes"]
        result = self.gate(*args, *(["--reason", reason] if reason else []))
        assert (result.exit_code, result.stderr) == (0, "")

    def build(self) -> str:
        result = run_mkdocs(self.root, "build", "--strict", now=self.now)
        assert result.returncode == 0, result.stderr
        return result.stderr


def minutes(n: int) -> dt.timedelta:
    return dt.timedelta(minutes=n)


def test_one_post_through_the_whole_procedure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    office = Office(tmp_path, monkeypatch)
    pending = office.root / "pending" / POST_PATH
    content = office.root / "content" / POST_PATH

    # 1. The requester starts the form.
    result = office.gate("new", TITLE, "--category", "ข่าวประชาสัมพันธ์")
    assert (0, f"created {pending}\n") == (result.exit_code, result.stdout.splitlines(keepends=True)[0])
    os.utime(pending, (START.timestamp(), START.timestamp()))
    office.at(START + minutes(4))
    assert (
        HEADER.format(now="25 Nov 2026 09:04")
        + "invalid (1)\n"
        + f"  pending/{POST_PATH}: {TITLE}\n"
        + "    in this state 4 min (target 10 min)\n"
        + "    `requester.name` is missing; fill it in\n"
        + "    waits for the requester: (no name yet)\n"
        + FOOTER_EMPTY_SITE
    ) == office.status()

    # 2. The requester fills in the name and the details: it waits for the chair.
    office.at(START + minutes(8))
    office.edit(pending, '  name: ""', "  name: นางสาวสมหญิง ใจดี")
    office.edit(pending, "-->\n", "-->\n\nฉีดฟรีที่โรงพยาบาลส่งเสริมสุขภาพตำบลทุกแห่ง\n")
    assert office.gate("check", str(pending)).exit_code == 0
    office.at(START + minutes(9))
    assert (
        HEADER.format(now="25 Nov 2026 09:09")
        + "awaiting the chair (1)\n"
        + f"  pending/{POST_PATH}: {TITLE}\n"
        + "    in this state 1 min (target 30 min)\n"
        + "    waits for the chair of the information centre: นายประธาน หนึ่ง (chair1), นางรอง ประธาน (chair2)\n"
        + FOOTER_EMPTY_SITE
    ) == office.status()

    # 3. The chair refuses, with a reason.
    office.at(START + minutes(20))
    office.sign(pending, "chair1", "reject", "ระบุกลุ่มเสี่ยงที่ควรรับวัคซีนด้วย")
    office.at(START + minutes(25))
    assert (
        HEADER.format(now="25 Nov 2026 09:25")
        + "refused (1)\n"
        + f"  pending/{POST_PATH}: {TITLE}\n"
        + "    in this state 5 min (target 10 min)\n"
        + "    refused by chair1 (chair of the information centre) on 25 Nov 2026 09:20: ระบุกลุ่มเสี่ยงที่ควรรับวัคซีนด้วย\n"
        + "    waits for the requester: นางสาวสมหญิง ใจดี\n"
        + FOOTER_EMPTY_SITE
    ) == office.status()
    refused = office.gate("publish", str(pending), "--as", "นายเว็บ ดูแล")
    assert refused.exit_code == 1 and "it is refused, not approved by the whole chain" in refused.stderr

    # 4. The requester revises: the new digest makes the refusal history; the chain starts again.
    office.at(START + minutes(30))
    office.edit(pending, "ทุกแห่ง\n", "ทุกแห่ง สำหรับผู้สูงอายุ หญิงตั้งครรภ์ และผู้ป่วยโรคเรื้อรัง\n")
    office.at(START + minutes(33))
    assert (
        HEADER.format(now="25 Nov 2026 09:33")
        + "awaiting the chair (1)\n"
        + f"  pending/{POST_PATH}: {TITLE}\n"
        + "    in this state 3 min (target 30 min)\n"
        + "    revised after refusal, awaiting the chair of the information centre\n"
        + "    earlier refusal by chair1 (chair of the information centre) on 25 Nov 2026 09:20: "
        + "ระบุกลุ่มเสี่ยงที่ควรรับวัคซีนด้วย\n"
        + "    waits for the chair of the information centre: นายประธาน หนึ่ง (chair1), นางรอง ประธาน (chair2)\n"
        + FOOTER_EMPTY_SITE
    ) == office.status()

    # 5. The chair approves; the director is slow: overdue for review, which CI notices.
    office.at(START + minutes(40))
    office.sign(pending, "chair1", "approve")
    office.at(START + minutes(75))
    text = office.status()
    assert (
        "awaiting the director (1)\n"
        + f"  pending/{POST_PATH}: {TITLE}\n"
        + "    in this state 35 min (target 30 min) OVERDUE\n"
        + "    revised after refusal, awaiting the provincial chief medical officer\n"
        + "    earlier refusal by chair1 (chair of the information centre) on 25 Nov 2026 09:20: "
        + "ระบุกลุ่มเสี่ยงที่ควรรับวัคซีนด้วย\n"
        + "    waits for the provincial chief medical officer: นายแพทย์ผู้อำนวยการ หนึ่ง (director1)\n"
    ) in text
    assert office.gate("status", "--fail-overdue").exit_code == 1

    # 6. The director approves: approved, waiting for the web master.
    office.at(START + minutes(80))
    office.sign(pending, "director1", "approve")
    office.at(START + minutes(85))
    assert (
        HEADER.format(now="25 Nov 2026 10:25")
        + "approved, to be put up (1)\n"
        + f"  pending/{POST_PATH}: {TITLE}\n"
        + "    in this state 5 min\n"
        + f"    waits for the web master: gate publish {pending} --as NAME\n"
        + FOOTER_EMPTY_SITE
    ) == office.status()
    assert office.gate("status", "--fail-overdue").exit_code == 0
    office.build()  # in pending/: not part of the build
    assert not (office.root / "site" / "news" / SLUG).exists()

    # 7. The web master puts it up; the next build publishes it.
    office.at(START + minutes(90))
    result = office.gate("publish", str(pending), "--as", "นายเว็บ ดูแล")
    assert (0, f"put up '{POST_PATH}' (moved to {content}); it is live from the next build\n") == (
        result.exit_code,
        result.stdout,
    )
    office.build()
    page = office.root / "site" / "news" / SLUG / "index.html"
    assert "ฉีดฟรีที่โรงพยาบาลส่งเสริมสุขภาพตำบลทุกแห่ง" in page.read_text(encoding="utf-8")
    assert (
        HEADER.format(now="25 Nov 2026 10:30")
        + "nothing waits: the queue is empty\n"
        + "\nOn the site: 1 live, 0 scheduled\n\nNext changes to the site\n"
        + f"  25 Dec 2026 00:00  comes down  {POST_PATH}: {TITLE}\n"
    ) == office.status()
    assert office.gate("next").stdout == "2026-12-24T17:00:00Z\n"

    # 8. The period ends (30 days, the last one inclusive): the site must lose it at the next build.
    office.at(dt.datetime(2026, 12, 24, 17, 5, tzinfo=UTC))
    assert (
        "period ended, still in the site (1)\n"
        + f"  content/{POST_PATH}: {TITLE}\n"
        + "    in this state 5 min\n"
        + "    waits for the next build or the web master: gate sweep\n"
    ) in office.status()
    assert office.gate("next").stdout == ""
    log = office.build()
    assert f"took down '{POST_PATH}'" in log
    assert not content.exists()
    built = [
        file.read_text(encoding="utf-8")
        for file in (office.root / "site").rglob("*")
        if file.suffix in (".html", ".xml", ".json")
    ]
    assert built and not any("ฉีดฟรีที่โรงพยาบาลส่งเสริมสุขภาพตำบล" in text for text in built)  # at most a notice is left
    expired = office.root / "pending" / "expired" / POST_PATH
    text = expired.read_text(encoding="utf-8")
    assert 'published: {"name": "นายเว็บ ดูแล", "at": "2026-11-25T03:30:00Z"}\n' in text
    assert 'taken_down: {"at": "2026-12-24T17:05:00Z", "reason": "expired", "url": "news/' in text
    assert (
        HEADER.format(now="25 Dec 2026 00:05") + "nothing waits: the queue is empty\n" + FOOTER_EMPTY_SITE
    ) == office.status()
    assert (office.gate("sweep").exit_code, office.gate("sweep").stdout) == (0, "nothing to take down\n")
