"""The public example site as a citizen sees it: no English, one calendar, accessible, and
readable on a 360 px phone. Built once at the example's reference instant.

Accessibility uses axe-core (vendored in tests/data/axe/, MPL-2.0, see its LICENSE) with the
WCAG 2.1 A and AA rules (the serve preview and the review desk: test_accessibility_browser.py).
The screenshots of home, a post and the register at 1280 and 360 px are taken in every run;
with `UPDATE_DOCS_IMAGES=1` they replace the guides' pictures in docs-images/ (`keep_for_docs`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from approval_gate.core.fields import ALLOWED_KEYS
from approval_gate.core.thaidates import TO_THAI_DIGITS
from approval_gate.site.theme import feed_stylesheet
from browser import Chromium, serve
from conftest import keep_for_docs, pristine_example, run_mkdocs

AXE = Path(__file__).parent / "data" / "axe" / "axe.min.js"
NOTICE = "news/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙/"
SCREENSHOTS = ("home", "post", "register")  # kept in the guides at 1280 and 360 px
# One page of each type a citizen meets.
PAGES = {
    "home": "",
    "news": "news/",
    "archive": "news/archive/2026/",
    "category": "news/category/ข่าวประชาสัมพันธ์/",
    "tags": "tags/",
    "post": "news/flu-vaccine-2569/",
    "policy": "policies/privacy-policy/",
    "register": "register/",
    "form": "register/forms/news/posts/flu-vaccine-2569.html",
    "notice": NOTICE,
    "not-found": "404.html",
    "feed": "feed_rss_created.xml",  # as a browser shows it, through the gate's Thai stylesheet
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example as committed, built at its reference instant; the built site folder."""
    example = pristine_example(tmp_path_factory.mktemp("citizen") / "example")
    result = run_mkdocs(example)
    assert result.returncode == 0, result.stderr
    return example / "site"


# --- no English chrome ------------------------------------------------------------------

# Latin words that may appear: acronyms and names in the content, "Link ภายนอก" (the official
# form's own label), and the front-matter keys the request form names beside their Thai labels.
ALLOWED_LATIN = {"ITA", "MOIT", "PDF", "RSS", "AED", "NSAIDs", "PM2.5", "N95", "COVID", "Link", "sig", *ALLOWED_KEYS}
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*")
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:go\.th|com|org)\S*")


class VisibleText(HTMLParser):
    """The text a person sees or hears: text nodes and the labels read aloud (title,
    aria-label, alt, placeholder), without scripts, styles, code and the document head."""

    HIDDEN = frozenset({"script", "style", "code", "pre", "kbd", "svg", "head", "template"})
    MACHINE = "mono"  # the request form's file names, digests and key fingerprints

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden: list[str] = []  # the open elements whose text is not read
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag in self.HIDDEN or self.MACHINE in classes:
            self.hidden.append(tag)
        elif not self.hidden:
            self.parts.extend(
                value for name, value in attrs if name in ("title", "aria-label", "alt", "placeholder") and value
            )

    def handle_endtag(self, tag: str) -> None:
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def english_words(html: str) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    text = _ADDRESS.sub(" ", " ".join(parser.parts))
    return {word.rstrip(".-") for word in _LATIN.findall(text)} - ALLOWED_LATIN


def test_no_english_on_the_public_site(site: Path) -> None:
    """Every built page's visible text is Thai, but for acronyms and names in the content."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 15
    found = {str(page.relative_to(site)): words for page in pages if (words := english_words(page.read_text("utf-8")))}
    assert {} == found


def test_the_scan_finds_english_chrome() -> None:
    """The scanner itself: Material's credit line and an English menu title are caught."""
    html = '<nav aria-label="Main"><a>News</a></nav><p>Made with <a>Material</a></p><code>mkdocs</code>'
    assert {"Main", "News", "Made", "with", "Material"} == english_words(html)


# --- one calendar -----------------------------------------------------------------------

_CE_YEAR = re.compile(r"\b20[2-4][0-9]\b")  # 2020-2049 (not the 2000 of a telephone number)
_BE_DATE = re.compile(r"\b\d{1,2} (?:[ก-ฮ]+\.[ก-ฮ]+\.|[ก-์]+) 25[6-9]\d\b")


@pytest.mark.parametrize("page", ["post", "news", "archive", "category"])
def test_dates_are_buddhist_era(site: Path, page: str) -> None:
    """Dates on a post page, the blog list, the archive and a category are Buddhist Era, and
    the archive is titled 2569, not 2026."""
    html = (site / PAGES[page] / "index.html").read_text(encoding="utf-8")
    times = re.findall(r"<time[^>]*>\s*([^<]+?)\s*<", html)
    assert times, page
    for text in times:
        assert _BE_DATE.fullmatch(text), text
    visible = _visible(html)
    assert not _CE_YEAR.search(visible), _CE_YEAR.findall(visible)
    if page == "archive":
        assert '<h1 id="2569">2569' in html


@pytest.fixture(scope="module")
def thai_digit_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built with `thai_digits: true`; the built site folder."""
    example = pristine_example(tmp_path_factory.mktemp("thai-digits") / "example")
    config = example / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      thai_digits: false" in text
    config.write_text(text.replace("      thai_digits: false", "      thai_digits: true", 1), encoding="utf-8")
    result = run_mkdocs(example)
    assert result.returncode == 0, result.stderr
    return example / "site"


# What the site itself writes (not the signed text of a post): dates, read times, the footer's
# year, the register's headings and dates, the notice's last day, the form's period line.
SITE_WRITTEN = re.compile(
    r"<time[^>]*>([^<]*)<"
    r'|class="md-post__published">([^<]*)<'
    r'|class="gov-latest__date">([^<]*)<'
    r'|class="gov-footer__copyright">([^<]*)<'
    r"|(อ่าน \S+ นาที)"
    r"|<h[123][^>]*>((?:ปีงบประมาณ พ\.ศ\. |[ก-๛]+ )?[0-9๐-๙]{4})<"
    r"|<li>([0-9๐-๙]{1,2} [ก-ฮ.]+ [0-9๐-๙]{4}) ·"
    r"|(เผยแพร่ถึงวันที่ [^<]*)<"
    r"|(ระยะเวลาเผยแพร่: [^<]*)<"
)


def test_thai_digits_everywhere_the_site_writes_a_date_or_a_number(thai_digit_site: Path) -> None:
    """`thai_digits: true`: every date, year and read time the site writes is in Thai digits,
    on post pages, blog lists, the archive, the home page, the footer, the register, a form and
    a notice; the text of the posts stays as it was signed."""
    written: dict[str, list[str]] = {}
    for name in ("home", "news", "archive", "category", "post", "policy", "register", "form", "notice"):
        page = thai_digit_site / PAGES[name]
        html = (page if page.suffix == ".html" else page / "index.html").read_text(encoding="utf-8")
        written[name] = [" ".join(part.split()) for found in SITE_WRITTEN.findall(html) for part in found if part]
    assert all(written.values()), written
    arabic = {
        name: bad for name, texts in written.items() if (bad := [text for text in texts if re.search("[0-9]", text)])
    }
    assert {} == arabic
    assert "๒๕๖๙" in written["archive"]
    assert "สงวนลิขสิทธิ์ พ.ศ. ๒๕๖๙ สำนักงานสาธารณสุขจังหวัดปทุมธานี" in written["home"]
    assert "อ่าน ๑ นาที" in written["news"]
    assert "ปีงบประมาณ พ.ศ. ๒๕๗๐" in written["register"]
    assert "เผยแพร่ถึงวันที่ ๓๑ ต.ค. ๒๕๖๙" in written["notice"]
    assert "ระยะเวลาเผยแพร่: ๑๓ พฤศจิกายน ๒๕๖๙ ถึง ๓๑ ธันวาคม ๒๕๗๙" in written["form"]


def _visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


# --- in a browser: accessibility, phones, screenshots -------------------------------------

SERIOUS = ("serious", "critical")
# Chromium puts its own banner on any page drawn with XSLT (the feed), announcing that browsers
# drop XSLT: browser chrome, not the site's page, so axe leaves it out.
RUN_AXE = """
axe.run({exclude: [["xslt-warning-banner"]]},
        {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
  .then(r => r.violations.filter(v => ["serious", "critical"].includes(v.impact))
    .map(v => v.id + " (" + v.impact + "): " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")))
"""


def url(base: str, path: str) -> str:
    return f"{base}/{quote(path)}"


@pytest.mark.needs("chromium")
def test_accessibility_wcag21_aa(site: Path, tmp_path: Path) -> None:
    """axe-core finds no serious or critical WCAG 2.1 A/AA violation on any page type."""
    script = AXE.read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    with serve(site) as base, Chromium(tmp_path) as browser:
        for name, path in PAGES.items():
            browser.goto(url(base, path))
            browser.evaluate(script + ";0")
            found[name] = browser.evaluate(RUN_AXE)
    assert {name: [] for name in PAGES} == found


@pytest.mark.needs("chromium")
def test_the_feed_in_a_browser_is_thai(site: Path, tmp_path: Path) -> None:
    """The RSS feed opened in a browser: Thai labels, Buddhist-Era dates, no raw markup."""
    with serve(site) as base, Chromium(tmp_path) as browser:
        browser.goto(url(base, PAGES["feed"]))
        html = browser.evaluate("document.documentElement.outerHTML")
        text = browser.evaluate("document.body.innerText")
    assert set() == english_words(html)
    dates = re.findall(r"เผยแพร่เมื่อ (\S+ \S+ \S+)", text)
    assert ["15 พ.ย. 2569", "14 พ.ย. 2569", "13 พ.ย. 2569"] == dates
    assert "<p>" not in text and "&lt;" not in html


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="feed.xsl"?>
<rss version="2.0"><channel><title>ฟีด</title><link>http://127.0.0.1/</link><description>ทดสอบ</description>
{items}
</channel></rss>
"""


@pytest.mark.needs("chromium")
@pytest.mark.parametrize("thai_digits", [False, True])
def test_the_feed_view_shows_the_bangkok_day_in_buddhist_era(tmp_path: Path, thai_digits: bool) -> None:
    """RFC 822 dates become the day in Asia/Bangkok: across midnight, a month, a year, a leap
    day; any zone the format allows; a date it cannot read is shown as it is."""
    cases = {
        "Sun, 15 Nov 2026 00:00:00 +0000": "15 พ.ย. 2569",
        "Sun, 15 Nov 2026 16:59:00 +0000": "15 พ.ย. 2569",
        "Sun, 15 Nov 2026 17:00:00 +0000": "16 พ.ย. 2569",
        "Thu, 31 Dec 2026 20:30:00 GMT": "1 ม.ค. 2570",
        "Mon, 28 Feb 2028 18:00:00 -0000": "29 ก.พ. 2571",
        "Tue, 01 Dec 2026 01:00:00 +0900": "30 พ.ย. 2569",
        "Tue, 01 Dec 2026 23:00:00 -0500": "2 ธ.ค. 2569",
        "soon": "soon",
    }
    items = "".join(
        f"<item><title>{i}</title><link>http://127.0.0.1/{i}</link><pubDate>{when}</pubDate></item>"
        for i, when in enumerate(cases)
    )
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "feed.xml").write_text(FEED.format(items=items), encoding="utf-8")
    (folder / "feed.xsl").write_text(feed_stylesheet(thai_digits), encoding="utf-8")
    with serve(folder) as base, Chromium(tmp_path) as browser:
        browser.goto(base + "/feed.xml")
        shown = browser.evaluate("[...document.querySelectorAll('article .meta')].map(p => p.textContent.trim())")
    expected = [f"เผยแพร่เมื่อ {day}" for day in cases.values()]
    if thai_digits:
        expected = [text.translate(TO_THAI_DIGITS) for text in expected]
    assert expected == shown


@pytest.mark.needs("chromium")
def test_no_horizontal_scroll_at_360_px(site: Path, tmp_path: Path) -> None:
    """On a 360 px wide phone no page type scrolls sideways; Thai wraps at word boundaries."""
    widths: dict[str, int] = {}
    breaking = ""
    with serve(site) as base, Chromium(tmp_path, width=360, height=780) as browser:
        # A headless window is never narrower than about 500 px: emulate the phone's viewport.
        browser.send(
            "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True}
        )
        for name, path in PAGES.items():
            browser.goto(url(base, path))
            widths[name] = browser.evaluate("document.documentElement.scrollWidth")
            if name in SCREENSHOTS:
                shot = browser.screenshot(tmp_path / f"{name}-360.png")
                assert shot.stat().st_size > 10_000, name  # a rendered page, not a blank one
                keep_for_docs(shot, shot.name)
            if name == "post":
                breaking = browser.evaluate("getComputedStyle(document.querySelector('.md-typeset')).wordBreak")
    assert len(widths) == len(PAGES)
    assert {} == {name: width for name, width in widths.items() if width > 360}
    assert "break-all" != breaking


@pytest.mark.needs("chromium")
def test_desktop_screenshots(site: Path, tmp_path: Path) -> None:
    """The 1280 px screenshots of home, a post and the register (kept for the guides with
    UPDATE_DOCS_IMAGES=1): real pages, not blank ones."""
    with serve(site) as base, Chromium(tmp_path, width=1280, height=900) as browser:
        for name in SCREENSHOTS:
            browser.goto(url(base, PAGES[name]))
            shot = browser.screenshot(tmp_path / f"{name}-1280.png")
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert shot.stat().st_size > 10_000
            keep_for_docs(shot, shot.name)
