"""The everyday commands: `gate new`, `check` on folders, `status`, `publish`, `sweep`, `next`."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from approval_gate.cli import main
from factory import SiteFactory

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # 17:00 in Bangkok
FACTORY_AGENCY = "สำนักงานสาธารณสุขจังหวัดทดสอบ"


@pytest.fixture(autouse=True)
def english_and_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    monkeypatch.delenv("GATE_CONFIG", raising=False)


def gate(site: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-f", str(site / "mkdocs.yml"), *args])


def touch(file: Path, moment: dt.datetime) -> None:
    os.utime(file, (moment.timestamp(), moment.timestamp()))


# --- gate new ---------------------------------------------------------------------------

EXPECTED_NEW = """\
---
# แบบขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน: กรอกให้ครบแล้วสั่ง `gate check` เพื่อตรวจ
# วันที่เขียนเป็นปี พ.ศ. เช่น 2569-11-25, 25/11/2569 หรือ 25 พ.ย. 2569 (ช่อง date คำสั่ง gate เขียนให้)
title: "ขอเชิญร่วม: วันเอดส์โลก 2569!"  # หัวข้อ (ต้องกรอก)
agency: "สำนักงานสาธารณสุขจังหวัดทดสอบ"  # ชื่อหน่วยงาน (เว้นว่างได้ถ้าเว็บไซต์ตั้งชื่อหน่วยงานไว้แล้ว)
requester:  # ผู้รับผิดชอบการให้ข้อมูล
  name: ""  # ชื่อ-นามสกุลของผู้ขอเผยแพร่ (ต้องกรอกก่อนส่งให้ประธานศูนย์ข้อมูลข่าวสารตรวจสอบ)
  position: ""  # ตำแหน่ง (ไม่บังคับ)
  date: 2569-11-25  # วัน/เดือน/ปี ที่ขอเผยแพร่ (พ.ศ.)
external_link: ""  # Link ภายนอก (ไม่บังคับ ต้องขึ้นต้นด้วย https:// หรือ http://)
remarks: ""  # หมายเหตุ (ไม่บังคับ)
category: "ประกาศ"  # หมวดหมู่ (ไม่บังคับ) ใช้หนึ่งใน: ข่าวประชาสัมพันธ์, ประกาศ
publish_from: 2569-11-25  # วันเริ่มเผยแพร่ (พ.ศ.)
publish_until: 2569-12-09  # วันสุดท้ายที่เผยแพร่ (พ.ศ. เผยแพร่ถึงสิ้นวันนี้ รวม 15 วัน)
date: 2026-11-25  # gate เขียนให้: วันของ publish_from (แก้ publish_from แล้ว gate check บอกค่าใหม่)
tags: []  # ป้ายกำกับ (ไม่บังคับ) เช่น [วัคซีน, ไข้หวัดใหญ่]
# signoffs, published, taken_down: คำสั่ง gate เป็นผู้เขียน ห้ามแก้ไขเอง
---

# ขอเชิญร่วม: วันเอดส์โลก 2569!

<!-- รายละเอียดข้อมูล: เขียนเนื้อหาใต้บรรทัดนี้ ไฟล์แนบให้วางในโฟลเดอร์ ขอเชิญร่วม-วันเอดส์โลก-2569/ ข้างไฟล์นี้ \
แล้วลิงก์เป็น [ชื่อเอกสาร](ขอเชิญร่วม-วันเอดส์โลก-2569/ชื่อไฟล์.pdf) -->
"""

PERIODS = "      categories: [ข่าวประชาสัมพันธ์, ประกาศ]\n      periods: {ประกาศ: 15, default: 20}\n"


def test_new_scaffolds_the_whole_form(tmp_path: Path) -> None:
    """Every form key, Thai comments, BE dates, a Thai slug and the category's period."""
    site = SiteFactory(tmp_path / "site", extra_gate=PERIODS).root
    result = gate(site, "new", "ขอเชิญร่วม:  วันเอดส์โลก 2569!", "--category", "ประกาศ")
    file = site / "pending/news/posts/ขอเชิญร่วม-วันเอดส์โลก-2569.md"
    assert (result.exit_code, result.stderr) == (0, "")
    assert (
        f"created {file}\nfill in requester.name and the details under the title, then run: gate check {file}\n"
        == result.stdout
    )
    assert file.read_text(encoding="utf-8") == EXPECTED_NEW


def test_new_then_check_fails_until_the_name_is_filled(tmp_path: Path) -> None:
    """The empty requester name fails clearly; filled in, the post awaits the chair."""
    site = SiteFactory(tmp_path / "site").root
    assert gate(site, "new", "ข่าวทดสอบ", "--slug", "test-news").exit_code == 0
    file = site / "pending/news/posts/test-news.md"
    result = gate(site, "check", str(file))
    assert (
        result.exit_code,
        result.stdout,
    ) == (
        1,
        "pending/news/posts/test-news.md: invalid\n    - `requester.name` is missing; fill it in\n",
    )
    text = file.read_text(encoding="utf-8")
    assert "publish_until: 2569-12-24  # " in text  # the default period: 30 days, the last one inclusive
    file.write_text(text.replace('  name: ""', "  name: นางสาวผู้ขอ ทดสอบ"), encoding="utf-8")
    result = gate(site, "check", str(file))
    assert (
        result.exit_code,
        result.stdout.split("    - ")[0],
    ) == (0, "pending/news/posts/test-news.md: awaiting_chair (awaiting the chair)\n")


def test_new_folder_option_and_default_period(tmp_path: Path) -> None:
    """--folder sets the post path's folder; a category without a period takes `default`."""
    site = SiteFactory(tmp_path / "site", extra_gate=PERIODS).root
    result = gate(site, "new", "Flu Clinic", "--folder", "news/posts/2569", "--category", "ข่าวประชาสัมพันธ์")
    assert result.exit_code == 0
    text = (site / "pending/news/posts/2569/flu-clinic.md").read_text(encoding="utf-8")
    assert "publish_until: 2569-12-14  # วันสุดท้ายที่เผยแพร่ (พ.ศ. เผยแพร่ถึงสิ้นวันนี้ รวม 20 วัน)" in text


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["new", "<b>x</b>"], "`title` contains '<'; write plain text without HTML (no <, >, \" or &)\n"),
        (
            ["new", "ข่าว\x1b]52;c;eA==\x07"],
            "`title` contains an invisible or control character (U+001B); delete it and retype the text\n",
        ),
        (["new", "   "], "the title must be one line of plain text without '<' or '>'\n"),
        (
            ["new", "ข่าว", "--slug", "ข่าว"],
            "--slug 'ข่าว' must be lower-case ASCII letters and digits joined by '-', e.g. flu-vaccine-2569\n",
        ),
        (["new", "!!!"], "the title gives no file name; pass --slug, e.g. --slug flu-vaccine-2569\n"),
        (
            ["new", "ข่าว", "--folder", "../outside"],
            "--folder '../outside' must be a relative folder inside the pending folder, e.g. news/posts\n",
        ),
        (
            ["new", "ข่าว", "--folder", "/abs"],
            "--folder '/abs' must be a relative folder inside the pending folder, e.g. news/posts\n",
        ),
        (
            ["new", "ข่าว", "--category", "อื่นๆ"],
            "--category 'อื่นๆ' is not a configured category; use one of: ข่าวประชาสัมพันธ์, ประกาศ\n",
        ),
    ],
)
def test_new_wrong_usage(tmp_path: Path, args: list[str], error: str) -> None:
    """Bad titles, slugs, folders and categories: exit 2, one clear line, no file."""
    site = SiteFactory(tmp_path / "site", extra_gate=PERIODS).root
    result = gate(site, *args)
    assert (2, "", error) == (result.exit_code, result.stdout, result.stderr)
    assert list((site / "pending").rglob("*.md")) == []


def test_new_never_overwrites(tmp_path: Path) -> None:
    """A post path already used in pending, content or expired: exit 1, the old file untouched."""
    factory = SiteFactory(tmp_path / "site")
    existing = factory.add("expired", "news/posts/flu.md", factory.text())
    result = gate(factory.root, "new", "flu")
    assert (1, f"{existing} already exists; choose another title or pass --slug\n") == (result.exit_code, result.stderr)
    assert not (factory.root / "pending/news/posts/flu.md").exists()


def test_new_in_thai(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line follows LANG."""
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    site = SiteFactory(tmp_path / "site").root
    result = gate(site, "new", "ข่าว", "--slug", "Bad")
    assert (
        result.exit_code,
        result.stderr,
    ) == (2, "--slug 'Bad' ต้องเป็นอักษรอังกฤษตัวเล็กและตัวเลขคั่นด้วย '-' เช่น flu-vaccine-2569\n")


# --- gate check on folders ------------------------------------------------------------------


def test_check_folders(tmp_path: Path) -> None:
    """A folder means every post below it; exempt pages and hidden folders are skipped; each file once."""
    factory = SiteFactory(tmp_path / "site")
    live = factory.add("content", "news/posts/a.md", factory.approved(factory.text(), "news/posts/a.md"))
    factory.add("pending", "news/posts/2569/b.md", factory.text())
    factory.add("pending", "news/posts/.drafts/c.md", factory.text(title=None))
    result = gate(factory.root, "check", str(factory.root / "content"), str(live), str(factory.root / "pending"))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "content/news/posts/a.md: live",
        "pending/news/posts/2569/b.md: awaiting_chair (awaiting the chair)",
        "    - waiting for the chair of the information centre's sign-off",
    ]


def test_check_folder_with_an_invalid_post_exits_1(tmp_path: Path) -> None:
    factory = SiteFactory(tmp_path / "site")
    factory.add("pending", "news/posts/x/bad.md", factory.text(title=None))
    result = gate(factory.root, "check", str(factory.root / "pending" / "news"))
    assert (
        result.exit_code,
        result.stdout,
    ) == (1, "pending/news/posts/x/bad.md: invalid\n    - `title` is missing; fill it in\n")


def test_check_folder_usage_errors(tmp_path: Path) -> None:
    """A missing path or a folder outside the site's folders is wrong usage (exit 2)."""
    factory = SiteFactory(tmp_path / "site")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = gate(factory.root, "check", str(outside))
    assert (2, f"{outside / 'x.md'} is not under the content, pending or expired folders\n") == (
        result.exit_code,
        result.stderr,
    )
    result = gate(factory.root, "check", str(tmp_path / "nope"))
    assert (2, f"{tmp_path / 'nope'}: no such file\n") == (result.exit_code, result.stderr)


# --- gate status ------------------------------------------------------------------------------


def queue_site(tmp_path: Path) -> SiteFactory:
    """One post in each interesting state, with known times."""
    factory = SiteFactory(tmp_path / "site")
    refused_at = NOW - dt.timedelta(hours=3)
    refused = factory.sign(
        factory.text(title="ข่าวที่ถูกตีกลับ"), "news/posts/refused.md", [("chair1", "reject", "ขาดแหล่งอ้างอิง", refused_at)]
    )
    factory.add("pending", "news/posts/refused.md", refused)
    revised = factory.sign(
        factory.text(title="ข่าวแก้ไขแล้ว"), "news/posts/revised.md", [("chair1", "reject", "ตัวเลขไม่ตรง", refused_at)]
    )
    revised = revised.replace("เนื้อหาข่าวทดสอบ", "เนื้อหาข่าวทดสอบ ฉบับแก้ไข")
    touch(factory.add("pending", "news/posts/revised.md", revised), NOW - dt.timedelta(minutes=12))
    chair_at = NOW - dt.timedelta(minutes=45)
    director = factory.sign(
        factory.text(title="รอนายแพทย์"), "news/posts/director.md", [("chair1", "approve", None, chair_at)]
    )
    factory.add("pending", "news/posts/director.md", director)
    factory.add("pending", "news/posts/ready.md", factory.approved(factory.text(title="พร้อมขึ้น"), "news/posts/ready.md"))
    old = factory.approved(factory.text(title="หมดเวลา", publish_until="2569-11-20"), "news/posts/old.md")
    factory.add("content", "news/posts/old.md", old)
    live = factory.approved(factory.text(title="ออนไลน์", publish_until="2569-12-31"), "news/posts/live.md")
    factory.add("content", "news/posts/live.md", live)
    return factory


EXPECTED_STATUS = """\
Approval queue at 25 Nov 2026 17:00 (targets: request 10 min, review 30 min)

refused (1)
  pending/news/posts/refused.md: ข่าวที่ถูกตีกลับ
    in this state 3 h 0 min (target 10 min) OVERDUE
    refused by chair1 (chair of the information centre) on 25 Nov 2026 14:00: ขาดแหล่งอ้างอิง
    waits for the requester: นางสาวผู้ขอ ทดสอบ

awaiting the chair (1)
  pending/news/posts/revised.md: ข่าวแก้ไขแล้ว
    in this state 12 min (target 30 min)
    revised after refusal, awaiting the chair of the information centre
    earlier refusal by chair1 (chair of the information centre) on 25 Nov 2026 14:00: ตัวเลขไม่ตรง
    waits for the chair of the information centre: นายประธาน หนึ่ง (chair1), นางรอง ประธาน (chair2)

awaiting the director (1)
  pending/news/posts/director.md: รอนายแพทย์
    in this state 45 min (target 30 min) OVERDUE
    waits for the provincial chief medical officer: นายแพทย์ผู้อำนวยการ หนึ่ง (director1)

approved, to be put up (1)
  pending/news/posts/ready.md: พร้อมขึ้น
    in this state 23 d 6 h
    waits for the web master: gate publish {ready} --as NAME

period ended, still in the site (1)
  content/news/posts/old.md: หมดเวลา
    in this state 4 d 17 h
    waits for the next build or the web master: gate sweep

On the site: 1 live, 0 scheduled

Next changes to the site
  1 Jan 2027 00:00  comes down  news/posts/live.md: ออนไลน์
"""


def test_status_text(tmp_path: Path) -> None:
    """Groups in acting order, ages against targets, overdue marks, refusals, who is next, what changes."""
    factory = queue_site(tmp_path)
    result = gate(factory.root, "status")
    assert (result.exit_code, result.stderr) == (0, "")
    assert EXPECTED_STATUS.format(ready=factory.root / "pending/news/posts/ready.md") == result.stdout


def test_status_fail_overdue(tmp_path: Path) -> None:
    """--fail-overdue: exit 1 when a post waits for review past its target, else 0."""
    factory = queue_site(tmp_path)
    assert gate(factory.root, "status", "--fail-overdue").exit_code == 1
    (factory.root / "pending/news/posts/director.md").unlink()
    assert gate(factory.root, "status", "--fail-overdue").exit_code == 0  # refused is overdue, but not for review


def test_status_targets_are_configurable(tmp_path: Path) -> None:
    factory = SiteFactory(tmp_path / "site", extra_gate="      targets: {review: 60}\n")
    chair_at = NOW - dt.timedelta(minutes=45)
    factory.add(
        "pending",
        "news/posts/d.md",
        factory.sign(factory.text(), "news/posts/d.md", [("chair1", "approve", None, chair_at)]),
    )
    result = gate(factory.root, "status", "--fail-overdue")
    assert result.exit_code == 0
    assert "    in this state 45 min (target 1 h 0 min)\n" in result.stdout
    assert result.stdout.startswith("Approval queue at 25 Nov 2026 17:00 (targets: request 10 min, review 1 h 0 min)\n")


def test_status_json(tmp_path: Path) -> None:
    factory = queue_site(tmp_path)
    result = gate(factory.root, "status", "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert (
        document["now"],
        document["targets"],
        document["overdue_for_review"],
    ) == ("2026-11-25T10:00:00Z", {"request": 10, "review": 30}, 1)
    by_path = {post["path"]: post for post in document["posts"]}
    revised = by_path["news/posts/revised.md"]
    assert {
        "group": "awaiting_chair",
        "age_minutes": 12,
        "target_minutes": 30,
        "overdue": False,
        "revised": True,
        "refusal": {"role": "chair", "signer": "chair1", "reason": "ตัวเลขไม่ตรง", "at": "2026-11-25T07:00:00Z"},
        "waiting_for": {
            "role": "chair",
            "people": [{"id": "chair1", "name": "นายประธาน หนึ่ง"}, {"id": "chair2", "name": "นางรอง ประธาน"}],
        },
    }.items() <= revised.items()
    assert [reason["code"] for reason in revised["reasons"]] == ["awaiting", "revised"]
    assert (by_path["news/posts/director.md"]["overdue"], by_path["news/posts/director.md"]["step"]) == (True, "review")
    assert document["next"] == [
        {"at": "2026-12-31T17:00:00Z", "change": "closes", "path": "news/posts/live.md", "title": "ออนไลน์"}
    ]
    assert [post["group"] for post in document["posts"]] == [
        "rejected",
        "awaiting_chair",
        "awaiting_director",
        "to_publish",
        "to_take_down",
        "live",
    ]


def test_status_markdown(tmp_path: Path) -> None:
    """--markdown: a job-summary table, overdue in bold."""
    factory = queue_site(tmp_path)
    (factory.root / "pending/news/posts/ready.md").unlink()
    (factory.root / "pending/news/posts/revised.md").unlink()
    result = gate(factory.root, "status", "--markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    # Post data (paths, titles, names, reasons) is written as character references: it reads
    # the same, and no Markdown or HTML of a post's author takes effect in the summary.
    assert "](" not in result.stdout and "`" not in result.stdout
    assert html.unescape(result.stdout) == (
        "### Approval queue at 25 Nov 2026 17:00 (targets: request 10 min, review 30 min)\n"
        "\n"
        "| state | post | title | in state / target | waits for | notes |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| refused | <code>pending/news/posts/refused.md</code> | ข่าวที่ถูกตีกลับ | **OVERDUE** 3 h 0 min / 10 min "
        "| waits for the requester: นางสาวผู้ขอ ทดสอบ "
        "| refused by chair1 (chair of the information centre) on 25 Nov 2026 14:00: ขาดแหล่งอ้างอิง |\n"
        "| awaiting the director | <code>pending/news/posts/director.md</code> | รอนายแพทย์ "
        "| **OVERDUE** 45 min / 30 min "
        "| waits for the provincial chief medical officer: นายแพทย์ผู้อำนวยการ หนึ่ง (director1) |  |\n"
        "| period ended, still in the site | <code>content/news/posts/old.md</code> | หมดเวลา | 4 d 17 h "
        "| waits for the next build or the web master: gate sweep |  |\n"
        "\n"
        "On the site: 1 live, 0 scheduled\n"
        "\n"
        "#### Next changes to the site\n"
        "\n"
        "- 1 Jan 2027 00:00 comes down news/posts/live.md: ออนไลน์\n"
    )


def test_status_markdown_keeps_a_hostile_post_literal(tmp_path: Path) -> None:
    """--markdown: a title holding table bars, Markdown and a javascript: link, and the reasons
    quoting a refused reason's HTML, stay text, each in its own cell; the notes of one post
    are one cell, split by <br>."""
    factory = SiteFactory(tmp_path / "site")
    title = "ข่าว | **bold** [x](javascript:alert(2))"
    refused_at = NOW - dt.timedelta(hours=3)
    signed = factory.sign(
        factory.text(title=title), "news/posts/h.md", [("chair1", "reject", "<img src=x>", refused_at)]
    )
    factory.add("pending", "news/posts/h.md", signed)
    result = gate(factory.root, "status", "--markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    row = next(line for line in result.stdout.splitlines() if "news/posts/h.md" in line)
    assert "<a " not in row and "](" not in row and "**bold**" not in row
    assert row.count("|") == 7  # the bars of the post's text are character references, not cell borders
    cells = [html.unescape(cell.strip()) for cell in row.strip("|").split("|")]
    assert cells[:3] == ["invalid", "<code>pending/news/posts/h.md</code>", title]
    notes = cells[5].split("<br>")
    assert len(notes) > 1 and all(note.strip() for note in notes)
    assert notes[0] == "`signoffs[1].reason` contains '<'; write plain text without HTML (no <, >, \" or &)"
    assert notes[1].startswith("the rendered post holds <a href=javascript:> (HTML line 1)")


def test_status_empty_and_in_thai(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    factory = SiteFactory(tmp_path / "site")
    result = gate(factory.root, "status")
    assert (result.exit_code, result.stdout) == (
        0,
        "คิวขออนุมัติเผยแพร่ ณ 25 พ.ย. 2569 เวลา 17.00 น. (เป้าหมาย: ขอเผยแพร่ 10 นาที พิจารณา 30 นาที)\n"
        "\n"
        "ไม่มีโพสต์รอดำเนินการ\n"
        "\n"
        "ในเว็บไซต์: เผยแพร่อยู่ 0 รอถึงวัน 0\n"
        "\n"
        "การเปลี่ยนแปลงถัดไปของเว็บไซต์\n"
        "  ไม่มีโพสต์ที่จะเริ่มหรือสิ้นสุดการเผยแพร่\n",
    )


def test_status_one_format_only(tmp_path: Path) -> None:
    result = gate(SiteFactory(tmp_path / "site").root, "status", "--json", "--markdown")
    assert (result.exit_code, result.stderr) == (2, "use --json or --markdown, not both\n")


# --- gate publish -------------------------------------------------------------------------------

BODY_WITH_FILES = """\
ดาวน์โหลด [แบบฟอร์ม](a/form.pdf) และดู ![แผนที่](a/map.png) หรือ [เว็บกรม](https://ddc.moph.go.th/)

[ref]: a/form.pdf
"""


def approved_pending(factory: SiteFactory, name: str = "a", body: str = BODY_WITH_FILES, **fields: str) -> Path:
    post_path = f"news/posts/{name}.md"
    text = factory.approved(factory.text(body=body, **fields), post_path, place="pending")
    return factory.add("pending", post_path, text)


def test_publish_moves_post_and_attachments_and_records(tmp_path: Path) -> None:
    """Approved and complete: moved with its attachments folder, `published` recorded, still live."""
    factory = SiteFactory(tmp_path / "site")
    folder = factory.root / "pending" / "news" / "posts" / "a"  # before signing: the digest binds them
    folder.mkdir(parents=True)
    (folder / "form.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "map.png").write_bytes(b"\x89PNG\r\n")
    file = approved_pending(factory)
    before = file.read_text(encoding="utf-8")
    result = gate(factory.root, "publish", str(file), "--as", "นายเว็บ มาสเตอร์")
    target = factory.root / "content/news/posts/a.md"
    assert (0, f"put up 'news/posts/a.md' (moved to {target}); it is live from the next build\n", "") == (
        result.exit_code,
        result.stdout,
        result.stderr,
    )
    assert not file.exists() and not (file.parent / "a").exists()
    assert (target.parent / "a" / "form.pdf").is_file() and (target.parent / "a" / "map.png").is_file()
    record = 'published: {"name": "นายเว็บ มาสเตอร์", "at": "2026-11-25T10:00:00Z"}\n---\n'
    assert before.replace("\n---\n", "\n" + record, 1) == target.read_text(encoding="utf-8")
    check = gate(factory.root, "check", str(target))
    assert (check.exit_code, check.stdout) == (0, "content/news/posts/a.md: live\n")


def test_publish_scheduled_says_when(tmp_path: Path) -> None:
    factory = SiteFactory(tmp_path / "site")
    file = approved_pending(factory, body="รายละเอียด", publish_from="2569-12-01")
    result = gate(factory.root, "publish", str(file), "--as", "webmaster")
    target = factory.root / "content/news/posts/a.md"
    assert (
        0,
        f"put up 'news/posts/a.md' (moved to {target}); it appears at the first build from 1 Dec 2026 00:00\n",
    ) == (
        result.exit_code,
        result.stdout,
    )


INVALID = "    - it is invalid, not approved by the whole chain"


@pytest.mark.parametrize(
    ("body", "fields", "lines"),
    [
        (
            BODY_WITH_FILES,
            {},
            [
                INVALID,
                "    - the attachment 'a/form.pdf' does not exist (or is a symlink); add the file or remove the link",
                "    - the attachment 'a/map.png' does not exist (or is a symlink); add the file or remove the link",
            ],
        ),
        (
            "[x](ftp://files.example/a) [y](https://localhost/) `[z](missing.pdf)` [top](#top) [mail](mailto:a@b.th)",
            {},
            [
                INVALID,
                "    - the rendered post holds <a href=ftp:> (HTML line 3), which the site's allowlist refuses; "
                "remove it from the body (or the title)",
            ],
        ),
        ("<!-- ยังไม่ได้เขียน -->", {}, ["    - the details (รายละเอียดข้อมูล) are missing: write the body under the title"]),
        (
            "[อื่น](../../../secret.txt)",
            {},
            [
                INVALID,
                "    - the link '../../../secret.txt' leaves the post's own folder; put the file in the folder named "
                "after the post (e.g. news/posts/flu/ for news/posts/flu.md) and link it from there",
            ],
        ),
    ],
)
def test_publish_refuses_incomplete(tmp_path: Path, body: str, fields: dict[str, str], lines: list[str]) -> None:
    """Missing attachments, bad links, no details: exit 1, every reason, nothing moved."""
    factory = SiteFactory(tmp_path / "site")
    file = approved_pending(factory, body=body, **fields)
    result = gate(factory.root, "publish", str(file), "--as", "webmaster")
    assert (1, "", "\n".join(["'news/posts/a.md' was not put up:", *lines]) + "\n") == (
        result.exit_code,
        result.stdout,
        result.stderr,
    )
    assert file.is_file() and not (factory.root / "content/news/posts/a.md").exists()


def test_publish_refuses_what_is_not_approved(tmp_path: Path) -> None:
    factory = SiteFactory(tmp_path / "site")
    file = factory.add("pending", "news/posts/a.md", factory.text())
    result = gate(factory.root, "publish", str(file), "--as", "webmaster")
    assert (result.exit_code, result.stderr) == (
        1,
        "'news/posts/a.md' was not put up:\n"
        "    - it is awaiting the chair, not approved by the whole chain\n"
        "    - waiting for the chair of the information centre's sign-off\n",
    )
    assert file.is_file()


def test_publish_refuses_expired(tmp_path: Path) -> None:
    factory = SiteFactory(tmp_path / "site")
    file = approved_pending(factory, body="รายละเอียด", publish_until="2569-11-20")
    result = gate(factory.root, "publish", str(file), "--as", "webmaster")
    assert (result.exit_code, result.stderr) == (
        1,
        "'news/posts/a.md' was not put up:\n"
        "    - it is expired, not approved by the whole chain\n"
        "    - the publication period has ended\n",
    )


def test_publish_period_ending_soon_needs_yes(tmp_path: Path) -> None:
    """Within publish_warning_days of the end: a warning, exit 1 without --yes, exit 0 with it."""
    factory = SiteFactory(tmp_path / "site")
    file = approved_pending(factory, body="รายละเอียด", publish_until="2569-11-30")
    result = gate(factory.root, "publish", str(file), "--as", "webmaster")
    assert (result.exit_code, result.stderr) == (
        1,
        "'news/posts/a.md': the publication period ends within 7 days\n"
        "not put up; pass --yes to put it up anyway, or ask for a longer period (which needs new sign-offs)\n",
    )
    assert file.is_file()
    result = gate(factory.root, "publish", str(file), "--as", "webmaster", "--yes")
    assert (result.exit_code, result.stderr) == (0, "'news/posts/a.md': the publication period ends within 7 days\n")
    assert (factory.root / "content/news/posts/a.md").is_file()


def test_publish_never_overwrites(tmp_path: Path) -> None:
    factory = SiteFactory(tmp_path / "site")
    file = approved_pending(factory, body="รายละเอียด")
    clash = factory.add("content", "news/posts/a.md", "---\ntitle: อื่น\n---\n")
    result = gate(factory.root, "publish", str(file), "--as", "webmaster")
    assert (1, f"'news/posts/a.md' was not moved: {clash} already holds a different post; rename one of them\n") == (
        result.exit_code,
        result.stderr,
    )
    assert file.is_file() and "title: อื่น" in clash.read_text(encoding="utf-8")


def test_publish_usage_and_place(tmp_path: Path) -> None:
    """Wrong usage exits 2; a post already in content exits 1."""
    factory = SiteFactory(tmp_path / "site")
    live = factory.add("content", "news/posts/b.md", factory.approved(factory.text(), "news/posts/b.md"))
    result = gate(factory.root, "publish", str(live), "--as", "webmaster")
    assert (1, f"{live} is not in the pending folder; only posts waiting there can be put up\n") == (
        result.exit_code,
        result.stderr,
    )
    missing = factory.root / "pending/news/posts/none.md"
    result = gate(factory.root, "publish", str(missing), "--as", "webmaster")
    assert (2, f"{missing}: no such file\n") == (result.exit_code, result.stderr)
    result = gate(factory.root, "publish", str(live), "--as", "<b>")
    assert (result.exit_code, result.stderr) == (2, "--as must be your name as web master, in plain text\n")
    assert gate(factory.root, "publish", str(live)).exit_code == 2  # --as is required


# --- gate sweep and gate next ---------------------------------------------------------------------


def test_sweep(tmp_path: Path) -> None:
    """--dry-run lists and moves nothing; then the expired post goes to the expired folder with `taken_down`."""
    factory = SiteFactory(tmp_path / "site")
    old = factory.add(
        "content", "news/posts/old.md", factory.approved(factory.text(publish_until="2569-11-20"), "news/posts/old.md")
    )
    factory.add("content", "news/posts/live.md", factory.approved(factory.text(), "news/posts/live.md"))
    result = gate(factory.root, "sweep", "--dry-run")
    assert (result.exit_code, result.stdout) == (0, "would take down 'news/posts/old.md' (move to pending/expired/)\n")
    assert old.is_file()
    result = gate(factory.root, "sweep")
    assert (result.exit_code, result.stdout) == (0, "took down 'news/posts/old.md' (moved to pending/expired/)\n")
    moved = factory.root / "pending/expired/news/posts/old.md"
    assert not old.exists()
    # The URL is recorded as the build records it, so the notice goes where the post was served.
    recorded = 'taken_down: {"at": "2026-11-25T10:00:00Z", "reason": "expired", "url": "news/old/"}\n---\n'
    assert recorded in moved.read_text(encoding="utf-8")
    assert (factory.root / "content/news/posts/live.md").is_file()
    result = gate(factory.root, "sweep")
    assert (result.exit_code, result.stdout) == (0, "nothing to take down\n")


def test_next(tmp_path: Path) -> None:
    """The earliest opening or closing after now, in UTC; nothing at all when none."""
    factory = SiteFactory(tmp_path / "site")
    result = gate(factory.root, "next")
    assert (result.exit_code, result.stdout) == (0, "")
    factory.add(
        "content", "news/posts/a.md", factory.approved(factory.text(publish_until="2570-01-31"), "news/posts/a.md")
    )
    factory.add(
        "content", "news/posts/b.md", factory.approved(factory.text(publish_from="2569-12-01"), "news/posts/b.md")
    )
    factory.add(
        "pending", "news/posts/c.md", factory.approved(factory.text(publish_until="2569-11-26"), "news/posts/c.md")
    )
    result = gate(factory.root, "next")
    assert (result.exit_code, result.stdout) == (0, "2026-11-30T17:00:00Z\n")


def test_status_queue_in_thai(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Revision, refusal, overdue and who is next read in Thai, with Buddhist-Era times."""
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    factory = queue_site(tmp_path)
    result = gate(factory.root, "status")
    assert result.exit_code == 0
    assert (
        "รอประธานศูนย์ข้อมูลข่าวสารตรวจสอบ (1)\n"
        "  pending/news/posts/revised.md: ข่าวแก้ไขแล้ว\n"
        "    อยู่ในสถานะนี้ 12 นาที (เป้าหมาย 30 นาที)\n"
        "    แก้ไขแล้วหลังไม่อนุมัติ รอประธานศูนย์ข้อมูลข่าวสาร\n"
        "    เคยไม่อนุมัติโดย chair1 (ประธานศูนย์ข้อมูลข่าวสาร) เมื่อ 25 พ.ย. 2569 เวลา 14.00 น.: ตัวเลขไม่ตรง\n"
        "    รอประธานศูนย์ข้อมูลข่าวสาร: นายประธาน หนึ่ง (chair1), นางรอง ประธาน (chair2)\n"
    ) in result.stdout
    assert "    อยู่ในสถานะนี้ 45 นาที (เป้าหมาย 30 นาที) เกินกำหนด\n" in result.stdout


def test_workflow_options() -> None:
    """The workflow's plugin options: documented defaults, exact errors."""
    from approval_gate.site.config import GateConfig

    config = GateConfig()
    config.load_dict({})
    assert config.validate()[0] == []
    assert {
        "new_post_folder": "",
        "periods": {},
        "targets": {"request": 10, "review": 30},
        "publish_warning_days": 7,
    }.items() <= dict(config).items()
    for values, error in [
        ({"targets": {"review": 0}}, "review: 0 must be a whole number of at least 1"),
        ({"targets": {"approve": 5}}, "unknown key 'approve'; use request, review"),
        ({"periods": {"ประกาศ": -1}}, "ประกาศ: -1 must be a whole number of at least 1"),
    ]:
        config = GateConfig()
        config.load_dict(values)
        assert [error] == [str(problem) for _, problem in config.validate()[0]]
