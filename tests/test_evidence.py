"""The ITA evidence pack: print screens at publication (`gate capture`) and one PDF and ZIP
per fiscal year (`gate evidence`), over a simulated fiscal year with real builds, real
Chromium, real WeasyPrint, and stock `ssh-keygen -Y verify`."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from approval_gate.cli import main
from approval_gate.forms import register
from approval_gate.services import evidence
from conftest import epoch, require_tool, run_mkdocs
from factory import SiteFactory

UTC = dt.UTC
FY = 2570  # 1 Oct 2026 - 30 Sep 2027

STEADY = ("news/posts/vaccine.md", "ขอเชิญชวนประชาชนฉีดวัคซีนป้องกันไข้หวัดใหญ่")
SHORT = ("news/posts/dengue.md", "ประกาศเฝ้าระวังโรคไข้เลือดออก")
AMENDED = ("news/posts/clinic.md", "ประกาศเวลาทำการคลินิกนอกเวลา")


def gate(site: Path, now: dt.datetime, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(now))
    return CliRunner().invoke(main, ["-f", str(site / "mkdocs.yml"), "--lang", "en", *args])


def build(site: Path, now: dt.datetime) -> None:
    result = run_mkdocs(site, now=now)
    assert 0 == result.returncode, result.stderr


def sidecars(site: Path) -> dict[str, list[dict[str, object]]]:
    found: dict[str, list[dict[str, object]]] = {}
    for file in sorted((site / "evidence" / str(FY)).rglob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        found.setdefault(str(data["post"]), []).append(data)
    return found


def non_blank_png(path: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as image:
        grey = image.convert("L")
        low, high = grey.getextrema()
        assert high - low > 100, f"{path} is blank"
        return image.size


@pytest.mark.slow
@pytest.mark.browser
def test_a_fiscal_year_of_evidence(factory: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three posts over FY 2570 (one taken down, one amended), captured and packed; a tampered one never verifies."""
    require_tool("chromium")
    ssh_keygen = require_tool("ssh-keygen")
    for tool in ("pdftotext", "pdftohtml", "pdfinfo", "pdftoppm"):
        if shutil.which(tool) is None:
            pytest.skip(f"needs {tool} (apt-get install poppler-utils)")
    site = factory.root
    signed = dt.datetime(2026, 10, 20, 3, 0, tzinfo=UTC)
    steady = factory.text(STEADY[1], "ฉีดวัคซีนฟรีที่โรงพยาบาลส่งเสริมสุขภาพตำบลทุกแห่ง",
                          publish_from="2569-11-01", publish_until="2570-09-15")  # fmt: skip
    short = factory.text(SHORT[1], "ช่วยกันกำจัดแหล่งเพาะพันธุ์ยุงลาย",
                         publish_from="2569-11-15", publish_until="2570-01-10")  # fmt: skip
    clinic = factory.text(AMENDED[1], "เปิดบริการวันจันทร์ถึงวันศุกร์ เวลา 16.30-20.00 น.",
                          publish_from="2569-12-01", publish_until="2570-08-31")  # fmt: skip
    factory.add("content", STEADY[0], factory.approved(steady, STEADY[0], signed))
    factory.add("content", SHORT[0], factory.approved(short, SHORT[0], signed))
    factory.add("content", AMENDED[0], factory.approved(clinic, AMENDED[0], signed))

    # December 2026: all three are up; each gets a print screen.
    december = dt.datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    build(site, december)
    result = gate(site, december, monkeypatch, "capture")
    assert 0 == result.exit_code, result.output
    assert "print screens: 3 taken, 0 already filed, 0 failed" in result.output
    result = gate(site, december, monkeypatch, "capture")  # the next run: nothing new
    assert "print screens: 0 taken, 3 already filed, 0 failed" in result.output

    # January 2027: the clinic's hours are amended and signed again; the dengue notice ends and is taken down.
    amended_at = dt.datetime(2027, 1, 12, 3, 0, tzinfo=UTC)
    current = (site / "content" / AMENDED[0]).read_text(encoding="utf-8")
    amended = current.replace("16.30-20.00 น.", "16.30-21.00 น. และวันเสาร์ 09.00-12.00 น.")
    (site / "content" / AMENDED[0]).write_text(factory.approved(amended, AMENDED[0], amended_at), encoding="utf-8")
    january = dt.datetime(2027, 1, 15, 3, 0, tzinfo=UTC)
    build(site, january)
    assert (site / "pending" / "expired" / SHORT[0]).is_file()
    result = gate(site, january, monkeypatch, "capture")
    assert 0 == result.exit_code, result.output
    assert "print screens: 1 taken, 1 already filed, 0 failed" in result.output

    filed = sidecars(site)
    assert [1, 1, 2] == [len(filed[path]) for path in (STEADY[0], SHORT[0], AMENDED[0])]
    for path, title in (STEADY, SHORT, AMENDED):
        for record in filed[path]:
            assert title == record["heading"]
            assert title in str(record["title"])
            image = site / "evidence" / str(FY) / path.removesuffix(".md") / str(record["image"])
            width, height = non_blank_png(image)
            assert evidence.A4_WIDTH == width and height > 600
    assert str(filed[AMENDED[0]][0]["digest"]) != str(filed[AMENDED[0]][1]["digest"])
    assert "https://example.test/news/vaccine/" == filed[STEADY[0]][0]["url"]

    # After its capture, someone edits the vaccine post's body in place.
    post = site / "content" / STEADY[0]
    post.write_text(post.read_text(encoding="utf-8").replace("ฉีดวัคซีนฟรี", "ฉีดวัคซีนราคา 500 บาท"), "utf-8")

    out = tmp_path / "pack"
    february = dt.datetime(2027, 2, 1, 3, 0, tzinfo=UTC)
    result = gate(site, february, monkeypatch, "evidence", "--fiscal-year", str(FY), "--out", str(out))
    assert 1 == result.exit_code, result.output  # the tampered post's sign-offs do not verify
    assert "evidence pack: 3 items" in result.output
    assert "2 sign-offs do not verify" in result.output
    pdf, archive = out / f"evidence-{FY}.pdf", out / f"evidence-{FY}.zip"

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert pages >= 12  # cover, index, blank form, and per item a check page, a form and each print screen
    outline = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    bookmarks = re.findall(r"<item page=\"\d+\">([^<]*)</item>", outline)
    assert ["พฤศจิกายน 2569", "ธันวาคม 2569"] == [mark for mark in bookmarks if mark.endswith("2569")]
    for number, (_, title) in enumerate((STEADY, SHORT, AMENDED), 1):
        assert f"{number}. {title}" in bookmarks

    # The printer writes SARA AM as NIKHAHIT + SARA AA (form.printable_text): compare in that form.
    # Each item is a named destination, which the register links (`evidence_pack_url#item-…`).
    dests = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    for path, _ in (STEADY, SHORT, AMENDED):
        assert f'"{register.item_anchor(path)}"' in dests

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    for expected in (
        "หลักฐานการเผยแพร่ข้อมูลผ่านเว็บไซต์ ปีงบประมาณ พ.ศ. 2570",
        "แบบฟอร์มการขอเผยแพร่ข้อมูล",
        "สารบัญรายการ",
        "นำลงเมื่อ",
        STEADY[1],
        SHORT[1],
        AMENDED[1],
    ):
        assert unicodedata.normalize("NFKC", expected) in text
    # Each item's verification page, between its heading and the next item's.
    sections = re.split(r"\s\d\. (?=ขอเชิญชวน|ประกาศเฝ้า|ประกาศเวลา)", text)
    titles = [unicodedata.normalize("NFKC", title) for _, title in (STEADY, SHORT, AMENDED)]
    by_title = {title: next(part for part in sections if part.lstrip().startswith(title)) for title in titles}
    tampered = by_title[titles[0]].split("ภาพหน้าจอ")[0]
    assert "ตรวจสอบไม่ผ่าน" in tampered and "ตรวจสอบผ่าน:" not in tampered
    assert "โพสต์ถูกแก้ไขหลังการลงนาม" in tampered
    for title in titles[1:]:
        checks = by_title[title].split("ภาพหน้าจอ")[0]
        assert "ตรวจสอบไม่ผ่าน" not in checks and checks.count("ตรวจสอบผ่าน:") == 2
    assert "ลงนามในฉบับก่อนหน้า" in by_title[titles[2]]

    # Every page renders: rasterised, none is blank.
    raster = tmp_path / "pages"
    raster.mkdir()
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(raster / "p")], check=True)
    assert pages == len(list(raster.glob("p-*.png")))
    for page in raster.glob("p-*.png"):
        non_blank_png(page)

    # Every signature in the ZIP verifies with stock ssh-keygen, with the exact commands given.
    unpacked = tmp_path / "zip"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(unpacked)
    signatures = sorted(unpacked.glob("*/entry*.sig"))
    assert 2 + 2 + 4 == len(signatures)
    for sig in signatures:
        script = (sig.parent / "verify.sh").read_text(encoding="utf-8")
        command = next(line for line in script.splitlines() if f"-s {sig.name} " in line)
        signer = re.search(r"-I (\S+)", command).group(1)  # type: ignore[union-attr]
        statement = sig.with_suffix(".statement")
        verify = [ssh_keygen, "-Y", "verify", "-f", "allowed_signers", "-I", signer, "-n", "approval-gate-v1"]
        checked = subprocess.run(
            [*verify, "-s", sig.name], cwd=sig.parent, input=statement.read_bytes(), capture_output=True, check=False
        )
        assert 0 == checked.returncode, checked.stderr
        assert b"Good" in checked.stdout
