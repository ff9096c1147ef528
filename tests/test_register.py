"""The publication register: every post that was ever live, by fiscal year, with its forms."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path
from zoneinfo import ZoneInfo

import markdown
import pytest

from approval_gate.core.decision import decide
from approval_gate.core.post import load_post
from approval_gate.core.registry import parse_registry
from approval_gate.forms import register
from conftest import run_mkdocs
from factory import SiteFactory

UTC = dt.UTC
BANGKOK = ZoneInfo("Asia/Bangkok")
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 9, 30), 2569),
        (dt.date(2026, 10, 1), 2570),
        (dt.date(2027, 1, 15), 2570),
        (dt.date(2027, 9, 30), 2570),
        (dt.date(2027, 10, 1), 2571),
    ],
)
def test_fiscal_year(day: dt.date, expected: int) -> None:
    """1 October starts the next Buddhist-Era fiscal year (FY 2570 began 1 Oct 2026)."""
    assert expected == register.fiscal_year(day)


def signed(factory: SiteFactory, path: str, start: str, until: str, at: dt.datetime, steps: int = 2) -> str:
    text = factory.text(f"ข่าว {path}", "เนื้อหา", publish_from=start, publish_until=until)
    plan = [("chair1", "approve", None, at), ("director1", "approve", None, at + dt.timedelta(hours=1))][:steps]
    return factory.sign(text, path, plan) if plan else text


def judged(factory: SiteFactory, path: str, text: str) -> tuple[object, object]:
    registry = parse_registry((factory.root / "approvers.yml").read_text(encoding="utf-8"), factory.settings.roles)
    post = load_post(text.encode(), path, factory.rules)
    return post, decide(post, registry, factory.settings, NOW)


SEPT = ("news/september.md", "2569-09-15", "2570-12-31", dt.datetime(2026, 9, 10, 3, 0, tzinfo=UTC))
OCT = ("news/october.md", "2569-10-05", "2570-12-31", dt.datetime(2026, 10, 1, 3, 0, tzinfo=UTC))
GONE = ("news/gone.md", "2569-03-01", "2569-06-30", dt.datetime(2026, 2, 20, 3, 0, tzinfo=UTC))


def test_a_fiscal_year_boundary_splits_posts(factory: SiteFactory) -> None:
    """Live in September 2569 -> FY 2569; live in October 2569 -> FY 2570."""
    entries = []
    for path, start, until, at in (OCT, SEPT):
        post, decision = judged(factory, path, signed(factory, path, start, until, at))
        assert register.approved_and_started(post, decision, NOW, factory.settings.roles)  # type: ignore[arg-type]
        entries.append(register.entry_for(post, decision, on_site=True, tz=BANGKOK))  # type: ignore[arg-type]
    years = register.group(entries)
    assert [(y.year, [(m.year, m.month, [e.post_path for e in m.entries]) for m in y.months]) for y in years] == [
        (2570, [(2026, 10, ["news/october.md"])]),
        (2569, [(2026, 9, ["news/september.md"])]),
    ]
    assert (years[0].first_day, years[0].last_day) == (dt.date(2026, 10, 1), dt.date(2027, 9, 30))


@pytest.mark.parametrize(
    ("start", "until", "steps", "listed"),
    [
        ("2569-11-01", "2570-12-31", 2, True),  # live
        ("2569-03-01", "2569-06-30", 2, True),  # approved, then expired
        ("2569-11-01", "2570-12-31", 1, False),  # awaiting the director
        ("2569-11-01", "2570-12-31", 0, False),  # awaiting the chair
        ("2569-03-01", "2569-06-30", 1, False),  # expired without approval: never live
        ("2570-01-01", "2570-12-31", 2, False),  # scheduled: not started yet
    ],
)
def test_only_approved_started_posts_are_listed(
    factory: SiteFactory, start: str, until: str, steps: int, listed: bool
) -> None:
    post, decision = judged(factory, "news/x.md", signed(factory, "news/x.md", start, until, GONE[3], steps))
    assert listed == register.approved_and_started(post, decision, NOW, factory.settings.roles)  # type: ignore[arg-type]


def test_rejected_and_invalid_posts_are_not_listed(factory: SiteFactory) -> None:
    text = factory.text("ข่าว", "เนื้อหา", publish_from="2569-03-01", publish_until="2569-06-30")
    refused = factory.sign(text, "news/x.md", [("chair1", "reject", "ข้อมูลไม่ครบ", GONE[3])])
    forged = signed(factory, "news/x.md", "2569-03-01", "2569-06-30", GONE[3]).replace('"sig": "U1NI', '"sig": "U1NJ')
    for text in (refused, forged):
        post, decision = judged(factory, "news/x.md", text)
        assert not register.approved_and_started(post, decision, NOW, factory.settings.roles)  # type: ignore[arg-type]


def test_front_matter_values_are_text_in_the_register_page() -> None:
    """A title is never markup, even if a post's own checks were bypassed."""
    start = dt.datetime(2026, 11, 1, tzinfo=BANGKOK)
    title = "<script>alert(1)</script> *bold* [a](javascript:x) | {: .x}"
    entry = register.Entry("news/x.md", title, "<b>agency</b>", start, None, True)
    page = register.page_markdown(register.group([entry]), lang="th", page_link=lambda e: "../news/x.md", with_pdf=True)
    html = markdown.markdown(page, extensions=["tables", "attr_list"])
    assert "<script" not in html and "<b>" not in html and "<strong>" not in html and "<em>" not in html
    assert 'href="javascript' not in html
    assert "<script>alert(1)</script> *bold* [a](javascript:x) | {: .x}" in unescape(html)
    assert html.count("<a href=") == 3  # the post, its form, its PDF


def build_register(factory: SiteFactory, options: str = "") -> Path:
    """The register's site: two live posts, one taken down, one not started, one unapproved; built."""
    factory.write_config("      register: true\n" + options)
    for path, start, until, at in (SEPT, OCT):
        factory.add("content", path, signed(factory, path, start, until, at))
    gone = signed(factory, GONE[0], GONE[1], GONE[2], GONE[3]).replace(
        "\n---\n\n#", '\ntaken_down: {"at": "2026-06-30T17:05:00Z", "reason": "expired"}\n---\n\n#', 1
    )
    factory.add("expired", GONE[0], gone)
    factory.add("content", "news/later.md", signed(factory, "news/later.md", "2570-01-01", "2570-12-31", OCT[3]))
    factory.add("pending", "news/waiting.md", signed(factory, "news/waiting.md", "2569-11-01", "2570-12-31", OCT[3], 1))
    result = run_mkdocs(factory.root, now=NOW)
    assert result.returncode == 0, result.stderr
    return factory.root / "site"


def article_of(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def test_register_in_a_built_site(factory: SiteFactory) -> None:
    """A real build: the page, each form as HTML and PDF, fonts, taken-down posts marked, nothing unapproved."""
    site = build_register(factory)
    article = article_of(site / "register" / "index.html")
    headings = re.findall(r"<h[23][^>]*>([^<]+)", article)
    assert headings == ["ปีงบประมาณ พ.ศ. 2570", "ตุลาคม 2569", "ปีงบประมาณ พ.ศ. 2569", "มีนาคม 2569", "กันยายน 2569"]
    assert '<a href="../news/october/">ข่าว news/october.md</a>' in article, article  # the built URL
    assert "ข่าว news/gone.md (นำลงแล้วเมื่อ 1 ก.ค. 2569)" in article.replace("&#46;", ".")
    assert "news/later" not in article and "news/waiting" not in article
    forms = site / "register" / "forms" / "news"
    assert sorted(p.name for p in forms.iterdir()) == [
        "gone.html", "gone.pdf", "october.html", "october.pdf", "september.html", "september.pdf",
    ]  # fmt: skip
    assert (forms / "gone.pdf").read_bytes().startswith(b"%PDF-")
    form_page = (forms / "september.html").read_text(encoding="utf-8")
    font = re.search(r'url\("([^"]+Sarabun-Regular\.ttf)"\)', form_page)
    assert font is not None
    assert (forms / font.group(1)).resolve() == site / "register" / "fonts" / "Sarabun-Regular.ttf"
    assert (site / "register" / "fonts" / "OFL.txt").read_text(encoding="utf-8").startswith("Copyright")
    assert "ข่าว news/september.md" in form_page and "สถานะ" not in form_page
    gone_url = site / "news" / "gone" / "index.html"  # its form stays, its content does not come back
    notice = gone_url.read_text(encoding="utf-8")  # the "period ended" notice, nothing of the post
    assert "สิ้นสุดระยะเวลาการเผยแพร่แล้ว" in notice and "ข่าว news/gone.md" not in notice
    assert "ข้อมูลนี้เผยแพร่ถึงวันที่ 30 มิ.ย. 2569" in notice  # the last day of its period


def test_a_built_register_links_each_item_to_its_place_in_the_filed_pack(factory: SiteFactory) -> None:
    """With `evidence_pack_url`, each line leads to its item in its own fiscal year's pack."""
    site = build_register(factory, '      evidence_pack_url: "https://ita.example.go.th/evidence-{year}.pdf"\n')
    article = unescape(article_of(site / "register" / "index.html"))
    links = sorted(set(re.findall(r'href="(https://ita\.example\.go\.th/[^"]+)"', article)))
    assert links == [
        "https://ita.example.go.th/evidence-2569.pdf",
        "https://ita.example.go.th/evidence-2569.pdf#item-news-gone",
        "https://ita.example.go.th/evidence-2569.pdf#item-news-september",
        "https://ita.example.go.th/evidence-2570.pdf",
        "https://ita.example.go.th/evidence-2570.pdf#item-news-october",
    ]


# Years 2500-2599 BE in Arabic digits, standing alone (not inside a digest or a file name).
ARABIC_BE_YEAR = re.compile(r"(?<![0-9A-Za-z])25[0-9]{2}(?![0-9A-Za-z])")


def test_thai_digits_reach_the_register_the_forms_and_the_notices(factory: SiteFactory) -> None:
    """`thai_digits: true`: the register, each filled form (HTML) and the take-down notice write
    Thai digits; no Buddhist-Era year is left in Arabic digits."""
    site = build_register(factory, "      thai_digits: true\n")
    article = article_of(site / "register" / "index.html")
    headings = re.findall(r"<h[23][^>]*>([^<]+)", article)
    assert headings == ["ปีงบประมาณ พ.ศ. ๒๕๗๐", "ตุลาคม ๒๕๖๙", "ปีงบประมาณ พ.ศ. ๒๕๖๙", "มีนาคม ๒๕๖๙", "กันยายน ๒๕๖๙"]
    assert "จำนวน ๑ รายการ" in article and "(นำลงแล้วเมื่อ ๑ ก.ค. ๒๕๖๙)" in article.replace("&#46;", ".")
    assert [] == ARABIC_BE_YEAR.findall(article)
    form_page = (site / "register" / "forms" / "news" / "september.html").read_text(encoding="utf-8")
    assert "๑๕ กันยายน ๒๕๖๙ ถึง ๓๑ ธันวาคม ๒๕๗๐" in form_page  # the publication period
    assert [] == ARABIC_BE_YEAR.findall(form_page)
    notice = (site / "news" / "gone" / "index.html").read_text(encoding="utf-8")
    assert "ข้อมูลนี้เผยแพร่ถึงวันที่ ๓๐ มิ.ย. ๒๕๖๙" in notice


def test_register_is_off_by_default(factory: SiteFactory) -> None:
    factory.add("content", OCT[0], signed(factory, *OCT))
    assert run_mkdocs(factory.root, now=NOW).returncode == 0
    assert not (factory.root / "site" / "register").exists()


def test_example_site_lists_its_register(example_site: Path) -> None:
    result = run_mkdocs(example_site)
    assert result.returncode == 0, result.stderr
    page = (example_site / "site" / "register" / "index.html").read_text(encoding="utf-8")
    assert "ปีงบประมาณ พ.ศ. 2570" in page and "นำลงแล้วเมื่อ" in page


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("th", ["## ปีงบประมาณ พ.ศ. 2570", "1 ต.ค. 2569 – 30 ก.ย. 2570 · จำนวน 1 รายการ", "### พฤศจิกายน 2569"]),
        ("en", ["## Fiscal year 2570 BE", "1 Oct 2026 to 30 Sep 2027 · 1 items", "### November 2026"]),
    ],
)
def test_register_dates_are_buddhist_era_in_thai_and_common_era_in_english(lang: str, lines: list[str]) -> None:
    """The fiscal year keeps its Buddhist-Era name; the days and months follow the language."""
    entry = register.Entry("news/x.md", "ข่าว", "หน่วยงาน", dt.datetime(2026, 11, 1, tzinfo=BANGKOK), None, True)
    page = register.page_markdown(register.group([entry]), lang=lang, page_link=lambda e: None, with_pdf=False)
    for line in lines:
        assert line in page.splitlines()
