"""The evidence pack's parts without a browser: signature checks, filed captures, the
built-pages note, `gate capture`'s warnings, the register's links to the pack, and long
values printed inside their cells."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from html import unescape
from pathlib import Path
from zoneinfo import ZoneInfo

import markdown
import pytest
from click.testing import CliRunner

import printed
from approval_gate.cli import main
from approval_gate.forms import pack, register
from approval_gate.services import evidence
from conftest import epoch, run_mkdocs
from factory import SiteFactory
from printed import LONG_NAME, LONG_URL, THAI_RUN

UTC = dt.UTC
BANGKOK = ZoneInfo("Asia/Bangkok")
NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
SIGNED = dt.datetime(2026, 10, 20, 3, 0, tzinfo=UTC)
PATH = "news/posts/flu.md"


def checks(factory: SiteFactory, text: str) -> tuple[pack.Check, ...]:
    factory.add("content", PATH, text)
    gate = factory.gate()
    judged = gate.judge(factory.root / "content" / PATH, NOW)
    reasons = [reason.key or "" for reason in judged.decision.reasons]
    return pack.checks_of(judged.post, reasons, gate.settings, gate.registry, "en")


def test_an_approved_post_verifies(factory: SiteFactory) -> None:
    """Both sign-offs verify; each carries its statement, signature and allowed_signers line."""
    found = checks(factory, factory.approved(factory.text("ข่าวไข้หวัด"), PATH, SIGNED))
    assert [(True, False, ())] * 2 == [(c.verified, c.superseded, c.why) for c in found]
    assert ["chair1", "director1"] == [c.signer for c in found]
    assert all(c.signature and c.allowed_signers and c.allowed_signers.startswith(c.signer + " ") for c in found)


def test_a_body_changed_after_sign_off_does_not_verify(factory: SiteFactory) -> None:
    """The signatures are good over their statements, but the statements name another digest."""
    signed = factory.approved(factory.text("ข่าวไข้หวัด", "ฉีดวัคซีนฟรี"), PATH, SIGNED)
    found = checks(factory, signed.replace("ฉีดวัคซีนฟรี", "ฉีดวัคซีน 500 บาท"))
    assert [False, False] == [c.verified for c in found]
    assert [False, False] == [c.superseded for c in found]
    assert all(c.why[0].startswith("the post changed after this sign-off: signed sha256:") for c in found)


def test_a_forged_signature_does_not_verify(factory: SiteFactory) -> None:
    """A director's signature copied onto the chair's entry: the key is not the signer's, and it does not match."""
    signed = factory.approved(factory.text("ข่าวไข้หวัด"), PATH, SIGNED)
    lines = signed.splitlines()
    chair, director = (i for i, line in enumerate(lines) if line.lstrip().startswith("- {") and "role" in line)
    sig_of = {i: lines[i][lines[i].index('"sig": ') :] for i in (chair, director)}
    lines[chair] = lines[chair].replace(sig_of[chair], sig_of[director])
    found = checks(factory, "\n".join(lines) + "\n")
    assert not found[0].verified
    assert "the signature does not match the statement" in found[0].why


def test_an_amendment_supersedes_the_earlier_sign_offs(factory: SiteFactory) -> None:
    """Sign-offs on the earlier version are history, not failures, once the new version verifies."""
    first = factory.approved(factory.text("ข่าวไข้หวัด", "เวลา 08.30 น."), PATH, SIGNED)
    amended = factory.approved(first.replace("08.30", "09.00"), PATH, SIGNED + dt.timedelta(days=3))
    found = checks(factory, amended)
    assert [(False, True), (False, True), (True, False), (True, False)] == [(c.verified, c.superseded) for c in found]


def test_bookmark_labels_keep_sara_am_and_stay_strings() -> None:
    assert '"ประกาศเวลาท\\e33 การ \\"x\\" \\\\"' == pack.bookmark_label('ประกาศเวลาทำการ "x" \\')


def page(year: int = 2570, post: str = PATH, digest: str = "sha256:" + "ab" * 32) -> evidence.BuiltPage:
    return evidence.BuiltPage(
        post, post.removesuffix(".md") + "/", post.removesuffix(".md") + "/index.html", digest, year
    )


def test_captures_are_filed_by_year_post_and_digest(tmp_path: Path) -> None:
    stored = evidence.store(
        tmp_path, page(), b"\x89PNG fake", url="https://x.test/news/posts/flu/", captured_at=NOW, title="t", heading="h"
    )
    assert tmp_path / "evidence" / "2570" / "news" / "posts" / "flu" / "abababababababab.png" == stored.image
    assert evidence.has_capture(tmp_path, page())
    assert not evidence.has_capture(tmp_path, page(digest="sha256:" + "cd" * 32))
    found, problems = evidence.captures(tmp_path, 2570)
    assert [] == problems
    assert [("https://x.test/news/posts/flu/", NOW, "h")] == [(c.url, c.captured_at, c.heading) for c in found[PATH]]


def test_unreadable_or_misplaced_captures_are_reported_not_packed(tmp_path: Path) -> None:
    evidence.store(tmp_path, page(), b"png", url="u", captured_at=NOW, title="t", heading="h")
    folder = tmp_path / "evidence" / "2570" / "news" / "posts" / "flu"
    (folder / "broken.json").write_text("{", encoding="utf-8")
    moved = json.loads((folder / "abababababababab.json").read_text(encoding="utf-8"))
    moved["post"] = "news/posts/other.md"  # filed under flu/, claims to be another post
    (folder / "abababababababab.json").write_text(json.dumps(moved), encoding="utf-8")
    found, problems = evidence.captures(tmp_path, 2570)
    assert {} == found
    assert ["abababababababab.json", "broken.json"] == sorted(problem.path.name for problem in problems)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "/etc/passwd", "c:/x", "a\\b"])
def test_the_built_pages_note_refuses_paths_outside_the_site(tmp_path: Path, bad: str) -> None:
    evidence.write_built_pages(tmp_path, tmp_path / "site", NOW, [page()])
    note = tmp_path / evidence.BUILT_PAGES
    document = json.loads(note.read_text(encoding="utf-8"))
    document["pages"][0]["dest"] = bad
    note.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(evidence.EvidenceError, match="unsafe path"):
        evidence.read_built_pages(tmp_path)


def test_capture_without_a_build_warns_and_fails_softly(factory: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(NOW))
    result = CliRunner().invoke(main, ["-f", str(factory.root / "mkdocs.yml"), "--lang", "en", "capture"])
    assert 1 == result.exit_code
    note = factory.root / evidence.BUILT_PAGES
    assert f"warning: no print screens taken: the note of built pages {note} cannot be read (missing)" in result.output
    assert not (factory.root / "evidence").exists()


def test_capture_skips_a_post_changed_since_the_build(factory: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page in site/ was built from other bytes than the post now holds: no capture, a warning."""
    factory.add("content", PATH, factory.approved(factory.text("ข่าวไข้หวัด"), PATH, SIGNED))
    evidence.write_built_pages(factory.root, factory.root / "site", NOW, [page()])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(NOW))
    result = CliRunner().invoke(main, ["-f", str(factory.root / "mkdocs.yml"), "--lang", "en", "capture"])
    assert 1 == result.exit_code
    assert f"warning: {PATH}: not captured: the post changed or is no longer live since the build" in result.output
    assert "print screens: 0 taken, 0 already filed, 1 failed" in result.output
    assert not (factory.root / "evidence").exists()


def test_the_register_links_the_filed_pack_and_each_item_in_it() -> None:
    start = dt.datetime(2026, 11, 1, tzinfo=BANGKOK)
    entry = register.Entry(PATH, "ข่าว", "", start, None, True)
    template = "https://ita.example.go.th/หลักฐาน/evidence-{year}.pdf"
    page_text = register.page_markdown(
        register.group([entry]),
        lang="th",
        page_link=lambda e: "../news/posts/flu/",
        with_pdf=False,
        pack_link=lambda year: register.pack_url(template, year),
        evidence_link=lambda e: register.pack_url(template, 2570) + "#" + register.item_anchor(e.post_path),
    )
    html = markdown.markdown(page_text)
    pack_address = (
        "https://ita.example.go.th/%E0%B8%AB%E0%B8%A5%E0%B8%B1%E0%B8%81%E0%B8%90%E0%B8%B2%E0%B8%99/evidence-2570.pdf"
    )
    assert f'<a href="{pack_address}">ชุดหลักฐานปีงบประมาณ พ.ศ. 2570' in unescape(html)
    assert f'<a href="{pack_address}#item-news-posts-flu">หลักฐาน</a>' in unescape(html)


def test_the_register_links_each_version_to_its_own_item() -> None:
    """A revision's line leads to the revision's item in the pack, not to the first version's."""
    start = dt.datetime(2026, 11, 1, tzinfo=BANGKOK)
    template = "https://ita.example.go.th/evidence-{year}.pdf"
    first = register.Entry(PATH, "ข่าว", "", start, None, False)
    second = register.Entry(PATH, "ข่าว", "", start + dt.timedelta(days=3), None, True, revision=2)
    hrefs = [register.evidence_href(template, entry) for entry in (first, second)]
    assert hrefs == [
        "https://ita.example.go.th/evidence-2570.pdf#item-news-posts-flu",
        "https://ita.example.go.th/evidence-2570.pdf#item-news-posts-flu.r2",
    ]


def test_without_a_pack_address_the_register_links_no_pack() -> None:
    entry = register.Entry(PATH, "ข่าว", "", dt.datetime(2026, 11, 1, tzinfo=BANGKOK), None, True)
    text = register.page_markdown(register.group([entry]), lang="th", page_link=lambda e: None, with_pdf=False)
    assert "ชุดหลักฐาน" not in text and "[หลักฐาน]" not in text and "https://" not in text


def test_only_a_successful_build_notes_its_live_pages(factory: SiteFactory) -> None:
    """A strict build that fails notes nothing; the lenient rebuild (as CI runs it) notes the live posts only,
    outside site/."""
    factory.add("content", PATH, factory.approved(factory.text("ข่าวไข้หวัด"), PATH, SIGNED))
    factory.add("content", "news/posts/waiting.md", factory.text("ข่าวรออนุมัติ"))  # unsigned: a warning
    note = factory.root / evidence.BUILT_PAGES
    failed = run_mkdocs(factory.root, now=NOW)
    assert 0 != failed.returncode and not note.exists()
    built = run_mkdocs(factory.root, "build", now=NOW)
    assert 0 == built.returncode, built.stderr
    site_dir, pages = evidence.read_built_pages(factory.root)
    assert factory.root / "site" == site_dir
    assert [(PATH, "news/flu/", "news/flu/index.html", 2570)] == [
        (p.post_path, p.url, p.dest, p.fiscal_year) for p in pages
    ]
    assert not list((factory.root / "site").rglob("built-pages.json"))


def test_long_unbreakable_values_stay_inside_their_cells_and_the_page(factory: SiteFactory, tmp_path: Path) -> None:
    """A 300-character URL, a 200-character Thai run and a 150-character file name wrap inside their
    table cells and the page's margins on the cover, the index, the verification page, the form and
    the print screen's page (WeasyPrint's boxes and poppler's words), and each is printed whole."""
    from PIL import Image

    post_path = "news/posts/" + LONG_NAME
    requester = f"\n  name: {THAI_RUN[:60]}\n  position: {THAI_RUN[:90]}\n  date: 2569-01-01"
    text = factory.text(THAI_RUN, THAI_RUN, agency=THAI_RUN, external_link=LONG_URL, remarks=LONG_URL,
                        requester=requester)  # fmt: skip
    factory.add("content", post_path, factory.approved(text, post_path, SIGNED))
    gate = factory.gate()
    judged = gate.judge_all(NOW)
    digest = next(one.post.digest for one in judged if one.post.path == post_path)
    assert digest is not None
    shot = tmp_path / "shot.png"
    Image.new("RGB", (evidence.A4_WIDTH, 600), "white").save(shot)
    evidence.store(factory.root, page(post=post_path, digest=digest), shot.read_bytes(), url=LONG_URL,
                   captured_at=NOW, title=THAI_RUN, heading=THAI_RUN)  # fmt: skip
    captured, problems = evidence.captures(factory.root, 2570)
    assert [] == problems
    items = pack.collect(judged, captured, year=2570, settings=gate.settings, registry=gate.registry, now=NOW,
                         tz=BANGKOK, lang="th")  # fmt: skip
    assert [post_path] == [item.post_path for item in items]
    html = pack.render_html(items, year=2570, lang="th", office=THAI_RUN, now=NOW, tz=BANGKOK, zip_name="x.zip")

    document = printed.laid_out(html)
    assert [] == printed.text_outside_its_box(document)
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(document.write_pdf())
    assert [] == printed.words_past_the_margins(pdf, left_mm=20, right_mm=15)
    text = printed.pdf_text(pdf)
    filled = items[0].form
    for value in (THAI_RUN, LONG_URL, post_path, filled.title, filled.agency, filled.link, filled.remarks,
                  filled.requester.name, filled.requester.position):  # fmt: skip
        assert printed.squeezed(value) in text, value


def test_each_version_of_a_post_has_its_own_place_in_the_pack(
    factory: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A live post and its signed revision (`gate amend`), a revision put up whose first version is
    kept as history, and two posts at one path (one taken down, then another put up there): each item
    is a named destination of its own in the PDF; the first of a path also carries the path's, which
    the register links; the revision is named in the heading, the bookmark and the index."""
    from approval_gate.cli.amend import revision_text

    flu = factory.add("content", PATH, factory.approved(factory.text("ข่าวไข้หวัด"), PATH, SIGNED))
    gate = factory.gate()
    live = gate.judge(flu, NOW).post
    assert live.digest is not None
    evidence.store(factory.root, page(digest=live.digest), b"png", url="u", captured_at=NOW, title="t", heading="h")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(NOW))
    amended = CliRunner().invoke(main, ["-f", str(factory.root / "mkdocs.yml"), "--lang", "en", "amend", str(flu)])
    assert 0 == amended.exit_code, amended.output
    revision = factory.root / "pending" / PATH
    signed = factory.approved(revision.read_text(encoding="utf-8"), PATH, SIGNED + dt.timedelta(days=2), "pending")
    revision.write_text(signed, encoding="utf-8")
    clinic = "news/posts/clinic.md"
    first = factory.text("เวลาทำการคลินิก", publish_from="2569-11-10")
    factory.add("content", clinic, factory.approved(revision_text(first, clinic, "sha256:" + "0" * 64, 1), clinic))
    dengue = "news/posts/dengue.md"
    early = factory.text("ไข้เลือดออก รอบแรก", publish_from="2569-10-15", publish_until="2569-11-10")
    factory.add("expired", dengue, factory.approved(early, dengue, SIGNED, "expired"))
    again = factory.text("ไข้เลือดออก รอบสอง", publish_from="2569-11-20")
    factory.add("content", dengue, factory.approved(again, dengue))

    gate = factory.gate()
    captured, _ = evidence.captures(factory.root, 2570)
    items = pack.collect(gate.judge_all(NOW), captured, year=2570, settings=gate.settings, registry=gate.registry,
                         now=NOW, tz=BANGKOK, lang="en")  # fmt: skip
    second_dengue = next(item for item in items if item.title == "ไข้เลือดออก รอบสอง")
    assert [
        (dengue, 0, ("item-news-posts-dengue",)),
        (PATH, 0, ("item-news-posts-flu",)),
        (PATH, 1, ("item-news-posts-flu.r1",)),
        (clinic, 1, ("item-news-posts-clinic.r1", "item-news-posts-clinic")),
        (dengue, 0, ("item-news-posts-dengue-" + second_dengue.digest.removeprefix("sha256:")[:12],)),
    ] == [(item.post_path, item.revision, item.anchors) for item in items]

    html = pack.render_html(items, year=2570, lang="en", office="x", now=NOW, tz=BANGKOK, zip_name="x.zip")
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(pack.write_pdf(html))
    dests = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    named = re.findall(r'"(item-[^"]+)"', dests)
    assert sorted(anchor for item in items for anchor in item.anchors) == sorted(named)
    outline = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", str(pdf)],
                             capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "3. ข่าวไข้หวัด (revision 1)" in unescape(outline)
    assert "ข่าวไข้หวัด (revision 1)" in subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                                                        text=True, check=True).stdout  # fmt: skip


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_cycle_collector_is_paused_while_printing_and_restored(
    monkeypatch: pytest.MonkeyPatch, enabled_before: bool
) -> None:
    """Printing a year's pack with the collector running spent a third of its time in it; it is
    paused while WeasyPrint prints, and left as it was found, even when printing fails."""
    import gc

    seen: list[bool] = []

    def printer(html: str) -> bytes:
        seen.append(gc.isenabled())
        if html == "fail":
            raise RuntimeError("printer broke")
        return b"%PDF-" + html.encode()

    monkeypatch.setattr(pack.form, "render_pdf", printer)
    was = gc.isenabled()
    try:
        if not enabled_before:
            gc.disable()
        assert b"%PDF-x" == pack.write_pdf("x")
        with pytest.raises(RuntimeError):
            pack.write_pdf("fail")
        assert [False, False] == seen
        assert enabled_before == gc.isenabled()
    finally:
        if was:
            gc.enable()
