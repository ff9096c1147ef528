"""The Ministry's request form: filled from front matter and sign-offs, one A4 page, HTML and PDF."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

import printed
from approval_gate.cli import main
from approval_gate.core.decision import decide
from approval_gate.core.post import load_post
from approval_gate.core.registry import parse_registry
from approval_gate.forms import form
from conftest import epoch, keep_for_docs
from factory import PEOPLE, SiteFactory
from printed import LONG_NAME, LONG_URL, THAI_RUN

UTC = dt.UTC
BANGKOK = ZoneInfo("Asia/Bangkok")
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
POST_PATH = "news/flu.md"
CHAIR_AT = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)  # 2 พ.ย. 2569 10.00 น. in Bangkok
DIRECTOR_AT = CHAIR_AT + dt.timedelta(hours=5, minutes=30)  # 2 พ.ย. 2569 15.30 น.

FIELDS = {
    "title": "ขอเชิญชวนประชาชนฉีดวัคซีนป้องกันไข้หวัดใหญ่",
    "agency": "กลุ่มงานควบคุมโรคติดต่อ สำนักงานสาธารณสุขจังหวัดทดสอบ",
    "requester": "\n  name: นางสาวสมหญิง ใจดี\n  position: นักวิชาการสาธารณสุขชำนาญการ\n  date: 2569-11-01",
    "external_link": "https://example.go.th/flu",
    "remarks": "เผยแพร่ตลอดฤดูไข้หวัดใหญ่",
}
BODY = "ขอเชิญกลุ่มเสี่ยงรับวัคซีนฟรี ณ โรงพยาบาลส่งเสริมสุขภาพตำบลใกล้บ้าน\n\n- ผู้สูงอายุ 65 ปีขึ้นไป\n- หญิงตั้งครรภ์"


def post_text(factory: SiteFactory, steps: int) -> str:
    """The test post with its first `steps` sign-offs (chair, then director)."""
    text = factory.text(FIELDS["title"], BODY, **{k: v for k, v in FIELDS.items() if k != "title"})
    plan = [("chair1", "approve", None, CHAIR_AT), ("director1", "approve", None, DIRECTOR_AT)][:steps]
    return factory.sign(text, POST_PATH, plan) if plan else text


def filled(factory: SiteFactory, text: str, **options: bool) -> form.FormData:
    registry = parse_registry((factory.root / "approvers.yml").read_text(encoding="utf-8"), factory.settings.roles)
    post = load_post(text.encode(), POST_PATH, factory.rules)
    decision = decide(post, registry, factory.settings, NOW)
    return form.form_data(post, decision, registry, tz=BANGKOK, now=NOW, **options)


@pytest.fixture(autouse=True)
def thai_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's own lines follow the locale: pin it to Thai."""
    monkeypatch.setenv("LANGUAGE", "th")


def tool(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_text(pdf: Path) -> str:
    """The PDF's text layer in reading order, NFKC-folded (ำ is printed as its NFKC form ํา)."""
    return unicodedata.normalize("NFKC", tool("pdftotext", "-raw", str(pdf), "-"))


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def check_pdf(pdf: Path, tmp_path: Path) -> str:
    """One A4 page with Sarabun embedded; keeps a PNG beside it; returns the text layer."""
    info = tool("pdfinfo", str(pdf))
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.M), info
    fonts = tool("pdffonts", str(pdf)).splitlines()[2:]
    sarabun = [line for line in fonts if "Sarabun" in line]
    assert len(sarabun) >= 2, fonts  # regular and bold
    assert all(line.split()[-5] == "yes" for line in sarabun), fonts  # the "emb" column
    assert not any("Laksaman" in line or "Garuda" in line for line in fonts), fonts
    tool("pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(tmp_path / pdf.stem))
    png = tmp_path / f"{pdf.stem}.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return pdf_text(pdf)


# --- pure parts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "title", "expected"),
    [
        ("# หัวข้อ\n\nเนื้อหา **สำคัญ**", "หัวข้อ", "เนื้อหา สำคัญ"),
        ("- หนึ่ง\n- สอง\n\n[ลิงก์](https://example.go.th)", "", "หนึ่ง สอง ลิงก์"),
        ("ก" * 500, "", "ก" * form.DETAILS_LIMIT + "…"),
        ("คำ " * 200, "", ("คำ " * (form.DETAILS_LIMIT // 3)).strip() + "…"),
        ("<div><![ภาพ](x.png) ", "", ""),  # Python's parser gives up on it: an empty summary, no crash
    ],
)
def test_summarise(body: str, title: str, expected: str) -> None:
    """The details field is the body as plain text, without the title heading, shortened."""
    assert expected == form.summarise(body, title)


def test_fully_signed_post_fills_every_line(factory: SiteFactory) -> None:
    """Requester from the front matter; chair as reviewer and director as approver from the registry."""
    data = filled(factory, post_text(factory, 2))
    assert (data.agency, data.title, data.link, data.remarks) == (
        FIELDS["agency"], FIELDS["title"], "https://example.go.th/flu", FIELDS["remarks"],
    )  # fmt: skip
    assert data.date == "1 พฤศจิกายน 2569"
    assert data.details.startswith("ขอเชิญกลุ่มเสี่ยงรับวัคซีนฟรี") and "หญิงตั้งครรภ์" in data.details
    assert (data.requester.name, data.requester.position, data.requester.date) == (
        "นางสาวสมหญิง ใจดี", "นักวิชาการสาธารณสุขชำนาญการ", "1 พฤศจิกายน 2569",
    )  # fmt: skip
    assert data.requester.signed == ""  # signed by hand on the printout
    assert (data.reviewer.name, data.reviewer.date) == (PEOPLE["chair1"][0], "2 พ.ย. 2569 เวลา 10.00 น.")
    assert (data.approver.name, data.approver.date) == (PEOPLE["director1"][0], "2 พ.ย. 2569 เวลา 15.30 น.")
    assert data.reviewer.signed == data.approver.signed == "ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์"
    assert data.publisher.name == data.publisher.date == ""
    prints = dict(data.fingerprints)
    post = load_post(post_text(factory, 2).encode(), POST_PATH, factory.rules)
    assert prints["รหัสตรวจสอบเนื้อหา"] == post.digest
    assert prints["ประธานศูนย์ข้อมูลข่าวสาร"].startswith(post.signoffs[0].key or "-")
    assert prints["นายแพทย์สาธารณสุขจังหวัด"].startswith(post.signoffs[1].key or "-")
    assert data.status == "สถานะ ณ 25 พ.ย. 2569 เวลา 17.00 น.: เผยแพร่อยู่"


def test_awaiting_director_leaves_the_approver_blank(factory: SiteFactory) -> None:
    data = filled(factory, post_text(factory, 1))
    assert data.reviewer.name == PEOPLE["chair1"][0]
    assert (data.approver.name, data.approver.signed, data.approver.date) == ("", "", "")
    assert "รอนายแพทย์สาธารณสุขจังหวัดอนุมัติ" in data.status


def test_a_forged_signoff_is_not_printed_as_signed(factory: SiteFactory) -> None:
    """A sign-off that does not verify prints as an empty dotted line, like one never given."""
    text = post_text(factory, 1)
    sig = re.search(r'"sig": "([^"]+)"', text)
    assert sig is not None
    forged = text.replace(sig.group(1), sig.group(1)[:-8] + "AAAAAAA=")
    data = filled(factory, forged)
    assert data.reviewer.name == "" and data.reviewer.signed == ""
    assert not any(label == "ประธานศูนย์ข้อมูลข่าวสาร" for label, _ in data.fingerprints)


def test_published_record_fills_the_last_line(factory: SiteFactory) -> None:
    record = '\npublished: {"name": "webmaster1", "at": "2026-11-03T02:00:00Z"}\n---\n\n#'
    text = post_text(factory, 2).replace("\n---\n\n#", record, 1)
    data = filled(factory, text, thai_digits=True)
    assert (data.publisher.name, data.publisher.date) == ("webmaster1", "๓ พ.ย. ๒๕๖๙ เวลา ๐๙.๐๐ น.")
    assert data.requester.date == "๑ พฤศจิกายน ๒๕๖๙"
    assert "๒๕๖๑" in data.labels["heading_3"]


def test_every_value_is_escaped_in_html() -> None:
    """post.py refuses '<' in titles, but the renderer must not depend on that."""
    attack = '<script>alert("x")</script>'
    line = form.SignLine("label", signed=attack, name=attack, position=attack, date=attack, note=attack)
    data = form.FormData(
        lang="th", labels=form.labels("th"), agency=attack, date=attack, title=attack, details=attack,
        link='javascript:alert(1)" onmouseover="x', remarks=attack, window=attack,
        requester=line, reviewer=line, approver=line, publisher=line, fingerprints=((attack, attack),), status=attack,
    )  # fmt: skip
    html = form.render_html(data, form.font_urls("url", "fonts/"))
    assert "<script" not in html
    assert html.count("&lt;script&gt;") >= 15
    assert 'onmouseover="' not in html and "href" not in html  # the link is printed, never followed


def test_blank_form_has_only_labels() -> None:
    data = form.blank_form()
    html = form.render_html(data, form.font_urls("url", "fonts/"))
    for label in ("ชื่อหน่วยงาน", "วัน/เดือน/ปี", "หัวข้อ", "รายละเอียดข้อมูล", "Link ภายนอก", "หมายเหตุ",
                  "ผู้รับผิดชอบการให้ข้อมูล", "ผู้อนุมัติรับรอง", "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่"):  # fmt: skip
        assert label in html
    assert "sha256:" not in html and "สถานะ" not in html


def test_pdf_text_keeps_sara_am() -> None:
    """ำ is written out as ํา before printing: the same pixels, a text layer that reads right."""
    assert form.printable_text("น้ำ ทำ สำนักงาน") == "น\u0e4d\u0e49\u0e32 ท\u0e4d\u0e32 ส\u0e4d\u0e32นักงาน"
    assert nfkc("น้ำ") != "น้ำ" and nfkc(form.printable_text("ทำ")) == nfkc("ทำ")


# --- the command and the printed page ----------------------------------------------------


def run_form(factory: SiteFactory, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["-f", str(factory.root / "mkdocs.yml"), "form", *args])
    return result.exit_code, result.output


def test_cli_prints_a_fully_signed_post(factory: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(NOW))
    path = factory.add("content", POST_PATH, post_text(factory, 2))
    html, pdf = tmp_path / "flu.html", tmp_path / "flu.pdf"
    code, output = run_form(factory, str(path), "--html", str(html), "--pdf", str(pdf))
    assert (code, output) == (0, f"บันทึก {pdf} แล้ว\nบันทึก {html} แล้ว\n")
    text = check_pdf(pdf, tmp_path)
    keep_for_docs(tmp_path / "flu.png", "form.png")
    for expected in (
        "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน", "ในสังกัดสำนักงานปลัดกระทรวงสาธารณสุข",
        "ชื่อหน่วยงาน", FIELDS["agency"], "วัน/เดือน/ปี", "1 พฤศจิกายน 2569", "หัวข้อ", FIELDS["title"],
        "รายละเอียดข้อมูล", "ขอเชิญกลุ่มเสี่ยงรับวัคซีนฟรี", "Link ภายนอก", "https://example.go.th/flu",
        "หมายเหตุ", FIELDS["remarks"], "ผู้รับผิดชอบการให้ข้อมูล", "นางสาวสมหญิง ใจดี", "นักวิชาการสาธารณสุขชำนาญการ",
        "ผู้ตรวจสอบและเสนอ", PEOPLE["chair1"][0], "2 พ.ย. 2569 เวลา 10.00 น.",
        "ผู้อนุมัติรับรอง", PEOPLE["director1"][0], "2 พ.ย. 2569 เวลา 15.30 น.",
        "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่", "ระยะเวลาเผยแพร่: 1 พฤศจิกายน 2569 ถึง 31 ธันวาคม 2570",
    ):  # fmt: skip
        assert nfkc(expected) in text, expected
    digest = load_post(path.read_bytes(), POST_PATH, factory.rules).digest or "-"
    assert digest in text.replace("\n", "")
    page = html.read_text(encoding="utf-8")
    assert "data:font/ttf;base64," in page and FIELDS["title"] in page  # standalone: fonts inside


def test_cli_prints_a_post_awaiting_the_director(
    factory: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(NOW))
    path = factory.add("pending", POST_PATH, post_text(factory, 1))
    pdf = tmp_path / "awaiting.pdf"
    assert run_form(factory, str(path), "--pdf", str(pdf), "--thai-digits")[0] == 0
    text = check_pdf(pdf, tmp_path)
    assert nfkc(PEOPLE["chair1"][0]) in text and nfkc("๒ พ.ย. ๒๕๖๙ เวลา ๑๐.๐๐ น.") in text
    assert nfkc(PEOPLE["director1"][0]) not in text
    assert nfkc("รอนายแพทย์สาธารณสุขจังหวัดอนุมัติ") in text


def test_cli_follows_the_sites_digit_style(
    factory: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site with `thai_digits: true` gets Thai digits from `gate form` unasked; --arabic-digits overrides."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(NOW))
    factory.write_config("      thai_digits: true\n")
    path = factory.add("content", POST_PATH, post_text(factory, 2))
    site_style, arabic = tmp_path / "site.html", tmp_path / "arabic.html"
    assert run_form(factory, str(path), "--html", str(site_style))[0] == 0
    assert run_form(factory, str(path), "--html", str(arabic), "--arabic-digits")[0] == 0
    assert "๒ พ.ย. ๒๕๖๙ เวลา ๑๕.๓๐ น." in site_style.read_text(encoding="utf-8")
    assert "2 พ.ย. 2569 เวลา 15.30 น." in arabic.read_text(encoding="utf-8")


def test_cli_prints_a_blank_form(tmp_path: Path) -> None:
    """--blank needs no site at all."""
    html, pdf = tmp_path / "blank.html", tmp_path / "blank.pdf"
    args = ["-f", str(tmp_path / "none.yml"), "form", "--blank", "--html", str(html), "--pdf", str(pdf)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    text = check_pdf(pdf, tmp_path)
    for label in ("ชื่อหน่วยงาน", "หัวข้อ", "รายละเอียดข้อมูล", "Link ภายนอก", "หมายเหตุ", "ผู้อนุมัติรับรอง",
                  "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่", "(ลงชื่อ)", "ตำแหน่ง"):  # fmt: skip
        assert nfkc(label) in text, label
    assert "sha256" not in text and "2569" not in text


def test_long_fields_stay_on_one_page(factory: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(NOW))
    long = "ข้อความยาวมากเพื่อทดสอบการตัดบรรทัด " * 20
    text = factory.text(long.strip(), long * 10, agency=long.strip(), remarks=long.strip(),
                        external_link="https://example.go.th/" + "a" * 300)  # fmt: skip
    path = factory.add("pending", POST_PATH, factory.sign(text, POST_PATH, [("chair1", "approve", None, CHAIR_AT)]))
    pdf = tmp_path / "long.pdf"
    assert run_form(factory, str(path), "--pdf", str(pdf))[0] == 0
    check_pdf(pdf, tmp_path)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--blank"], "ระบุไฟล์ที่จะบันทึกแบบฟอร์ม"),
        (["--blank", "POST", "--html", "OUT"], "ระบุโพสต์หนึ่งไฟล์"),
        (["--html", "OUT"], "ระบุโพสต์หนึ่งไฟล์"),
        (["MISSING", "--html", "OUT"], "ไม่พบไฟล์"),
    ],
)
def test_cli_usage_errors(factory: SiteFactory, tmp_path: Path, args: list[str], message: str) -> None:
    post = factory.add("pending", POST_PATH, post_text(factory, 0))
    names = {"POST": str(post), "OUT": str(tmp_path / "out.html"), "MISSING": str(tmp_path / "missing.md")}
    command = ["-f", str(factory.root / "mkdocs.yml"), "form", *[names.get(a, a) for a in args]]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "out.html").exists()


def test_unreadable_post_fails(factory: SiteFactory, tmp_path: Path) -> None:
    post = factory.add("pending", POST_PATH, "no front matter here\n")
    code, output = run_form(factory, str(post), "--html", str(tmp_path / "x.html"))
    assert code == 1 and "อ่านโพสต์ไม่ได้" in output and not (tmp_path / "x.html").exists()


def test_pdf_cache_reuses_a_printed_form(tmp_path: Path) -> None:
    html = form.render_html(form.blank_form(), form.font_urls("file"))
    first = form.cached_pdf(html, tmp_path / "cache")
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".pdf"]
    (next((tmp_path / "cache").iterdir())).write_bytes(b"%PDF-cached")
    assert form.cached_pdf(html, tmp_path / "cache") == b"%PDF-cached" and first.startswith(b"%PDF-")


def test_the_form_lists_what_else_reaches_the_site(factory: SiteFactory) -> None:
    """Theme and blog keys and each attachment's SHA-256 are printed under the form."""
    factory.add("content", "news/posts/x/m.png", "ภาพ")
    text = factory.approved(factory.text(body="![แผนที่](x/m.png)", description="สรุปสั้น"), "news/posts/x.md")
    post, decision = factory.gate().judge_bytes(text.encode(), "news/posts/x.md", NOW, base=factory.root / "content")
    data = form.form_data(post, decision, None, tz=BANGKOK, now=NOW)
    lines = [label for label, _ in data.fingerprints]
    assert ("ไฟล์แนบ x/m.png", "sha256:" + hashlib.sha256("ภาพ".encode()).hexdigest()) in data.fingerprints
    assert "คำอธิบาย (เครื่องมือค้นหา ตัวอย่างลิงก์) (description): สรุปสั้น" in lines
    assert "ป้ายกำกับ (tags): ทดสอบ" in lines
    assert "วันที่ของบล็อก (date): 2026-11-01" in lines


def test_long_unbreakable_values_stay_inside_their_cells_and_the_page(factory: SiteFactory, tmp_path: Path) -> None:
    """A 300-character URL, a 200-character Thai run and a 150-character file name in every field that
    takes them (a refusal's reason too) wrap inside their cells and the page's margins, and are printed
    whole as the form holds them (WeasyPrint's boxes and poppler's words)."""
    post_path = "news/" + LONG_NAME
    requester = f"\n  name: {THAI_RUN[:60]}\n  position: {THAI_RUN[:90]}\n  date: 2569-11-01"
    text = factory.text(THAI_RUN, THAI_RUN, agency=THAI_RUN, external_link=LONG_URL, remarks=LONG_URL,
                        requester=requester)  # fmt: skip
    refused = factory.sign(text, post_path, [("chair1", "reject", LONG_URL, CHAIR_AT)])
    registry = parse_registry((factory.root / "approvers.yml").read_text(encoding="utf-8"), factory.settings.roles)
    post = load_post(refused.encode(), post_path, factory.rules)
    data = form.form_data(post, decide(post, registry, factory.settings, NOW), registry, tz=BANGKOK, now=NOW)
    assert LONG_URL in data.reviewer.note

    document = printed.laid_out(form.render_html(data, form.font_urls("file")))
    assert [] == printed.text_outside_its_box(document)
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(document.write_pdf())
    assert [] == printed.words_past_the_margins(pdf, left_mm=25, right_mm=15)
    text = printed.pdf_text(pdf)
    for value in (data.title, data.agency, data.link, data.remarks, data.details, data.requester.name,
                  data.requester.position, data.reviewer.note, post_path):  # fmt: skip
        assert printed.squeezed(value) in text, value
