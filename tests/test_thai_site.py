"""The Thai site: slugs that keep Thai, corrected strings, Buddhist-Era post dates,
local fonts, feeds of live posts only, and builds under ProperDocs and without the gate."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from mkdocs.config import load_config

from approval_gate.core.slug import thai_slugify
from conftest import EXAMPLE_NOW, REPO, epoch, require_tool, run_mkdocs
from factory import UTC, SiteFactory

SIGNED = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)

THAI_YML = (Path(__file__).parent / "data" / "thai_mkdocs.yml").read_text(encoding="utf-8")


def make_thai_site(site: SiteFactory) -> SiteFactory:
    """Turn a factory site into one configured like the repository's Thai site."""
    (site.root / "mkdocs.yml").write_text(THAI_YML, encoding="utf-8")
    shutil.copytree(REPO / "overrides", site.root / "overrides")
    return site


def add_post(site: SiteFactory, name: str, state: str = "live", **fields: str) -> str:
    """A post in `state` (live, scheduled, expired, refused) signed by the test registry."""
    path = f"news/posts/{name}.md"
    window = {
        "live": ("2569-11-13", "2570-12-31"),
        "refused": ("2569-11-13", "2570-12-31"),
        "scheduled": ("2570-06-01", "2570-12-31"),
        "expired": ("2569-10-01", "2569-10-31"),
    }[state]
    fields.setdefault("title", f"ข่าว {name}")
    text = site.text(publish_from=window[0], publish_until=window[1], **fields)
    if state == "refused":
        text = site.sign(text, path, [("chair1", "reject", "ข้อมูลยังไม่ครบ", SIGNED)])
    else:
        text = site.approved(text, path, SIGNED)
    site.add("content", path, text)
    return path


def built(site: Path, page: str) -> str:
    return (site / "site" / page).read_text(encoding="utf-8")


# --- slugs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ข่าว", "ข่าว"),
        ("ข่าวประชาสัมพันธ์", "ข่าวประชาสัมพันธ์"),
        ("จัดซื้อจัดจ้าง", "จัดซื้อจัดจ้าง"),
        ("ประกาศ ผลการจัดซื้อ (ครั้งที่ ๒)", "ประกาศ-ผลการจัดซื้อ-ครั้งที่-๒"),
        ("สถานที่รับบริการ:", "สถานที่รับบริการ"),
        ("COVID-19 วัคซีน!", "covid-19-วัคซีน"),
        ("กรุงเทพฯ  ไปๆ มาๆ", "กรุงเทพฯ-ไปๆ-มาๆ"),
        ("Clean_Food   Good Taste", "clean-food-good-taste"),
        ("เบาหวาน/ความดัน", "เบาหวานความดัน"),
        ("\u0e19\u0e49\u0e33", "\u0e19\u0e49\u0e33"),  # น้ำ: tone mark and vowel, NFC order
    ],
)
def test_thai_slugify(value: str, expected: str) -> None:
    """Thai letters, vowels, tone marks and digits stay; punctuation goes; spaces become '-'."""
    assert expected == thai_slugify(value, "-")


def test_thai_slugify_keeps_every_thai_mark() -> None:
    """Every Thai letter, vowel sign, tone mark and digit of the block survives."""
    block = (chr(code) for code in range(0x0E01, 0x0E5C))
    thai = "".join(char for char in block if unicodedata.category(char)[0] in "LMN")  # not ฿ ๏ ๚ ๛
    assert len(thai) == 83
    assert sorted(thai) == sorted(thai_slugify(thai, "-"))  # NFC may reorder stacked marks, never drops one
    assert "ข่าว_ประชา" == thai_slugify("ข่าว ประชา", "_")


def test_headings_and_categories_keep_thai(factory: SiteFactory) -> None:
    """Heading ids, category pages and tag anchors keep every Thai character; ids are unique."""
    site = make_thai_site(factory)
    body = """
    ## สถานที่รับบริการ

    ก

    ## สถานที่รับบริการ

    ข

    ## ข้อควรปฏิบัติ ๓ ข้อ
    """
    add_post(site, "flu", title="ฉีดวัคซีนไข้หวัดใหญ่", body=body, categories="[ข่าวประชาสัมพันธ์]", tags="[ข่าว]")
    result = run_mkdocs(site.root)
    assert result.returncode == 0, result.stderr
    page = built(site.root, "news/flu/index.html")
    ids = re.findall(r'<h[1-6] id="([^"]+)"', page)
    assert ["ฉีดวัคซีนไข้หวัดใหญ่", "สถานที่รับบริการ", "สถานที่รับบริการ_1", "ข้อควรปฏิบัติ-๓-ข้อ"] == ids
    assert len(set(ids)) == len(ids)
    assert (site.root / "site/news/category/ข่าวประชาสัมพันธ์/index.html").exists()
    assert 'href="../category/ข่าวประชาสัมพันธ์/"' in unquote(page)
    tags = built(site.root, "tags/index.html")
    assert 'id="tag:ข่าว"' in unquote(tags)


# --- strings, dates, fonts -------------------------------------------------------------


def test_corrected_thai_strings(example_site: Path) -> None:
    """'ใน' (in) before a post's categories, 'ปรับปรุงล่าสุด' (last updated) for updated dates."""
    config = load_config(str(example_site / "mkdocs.yml"))
    env = config.theme.get_env()
    template = env.from_string(
        '{% import "partials/language.html" as lang with context %}'
        '{{ lang.t("blog.categories.in") }}|{{ lang.t("source.file.date.updated") }}|{{ lang.t("search") }}'
    )
    assert "ใน|ปรับปรุงล่าสุด|ค้นหา" == template.render(config=config)


def test_post_shows_buddhist_era_date_and_categories_in_thai(factory: SiteFactory) -> None:
    """A post page prints its publication date in the Buddhist Era (Arabic digits by default)."""
    site = make_thai_site(factory)
    add_post(site, "flu", title="ฉีดวัคซีนไข้หวัดใหญ่", categories="[ข่าวประชาสัมพันธ์]")
    result = run_mkdocs(site.root)
    assert result.returncode == 0, result.stderr
    page = built(site.root, "news/flu/index.html")
    assert '<p class="md-post__published">เผยแพร่เมื่อ 13 พ.ย. 2569</p>' in page
    assert re.search(r"\sใน\s+<a href=\"../category/", page)
    assert "ใย" not in page
    home = built(site.root, "index.html")
    assert "เผยแพร่เมื่อ" not in home  # exempt pages are no posts


def test_fonts_are_local(example_site: Path) -> None:
    """No page links Google Fonts; the Sarabun files and their licence ship with the site."""
    result = run_mkdocs(example_site)
    assert result.returncode == 0, result.stderr
    out = example_site / "site"
    pages = list(out.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, page
    css = (out / "assets/stylesheets/thai.css").read_text(encoding="utf-8")
    for face in ("thai-400", "thai-700", "latin-400", "latin-700"):
        font = out / f"assets/fonts/sarabun-{face}-normal.woff2"
        assert font.read_bytes()[:4] == b"wOF2"
        assert f"../fonts/sarabun-{face}-normal.woff2" in css
    assert "SIL Open Font License" in (out / "assets/fonts/OFL.txt").read_text(encoding="utf-8")


def test_repository_config_uses_the_thai_pieces() -> None:
    """mkdocs.yml wires in the overrides, local fonts, Thai slugs, the search separator and RSS after the gate."""
    config = load_config(str(REPO / "mkdocs.yml"))
    assert config.theme["font"] is False
    assert Path(config.theme.custom_dir or "").name == "overrides"
    assert "assets/stylesheets/thai.css" in [str(css) for css in config.extra_css]
    assert config.mdx_configs["toc"]["slugify"] is thai_slugify
    plugins = list(config.plugins)
    assert plugins.index("approval-gate") < plugins.index("material/blog") < plugins.index("rss")
    assert config.plugins["material/blog"].config.categories_slugify is thai_slugify
    assert config.plugins["material/search"].config.separator == r"[\s\u200b\-]+"


# --- search segmentation (Node runs the same file the browser runs) --------------------

THAI_SEARCH = REPO / "plugin/approval_gate/assets/thai-search.js"
WORDCUT = "lib/python3*/site-packages/material/templates/assets/javascripts/lunr/wordcut.js"


@pytest.mark.needs("node")
@pytest.mark.parametrize("engine", ["intl", "wordcut"])
def test_thai_search_cuts_words(engine: str, tmp_path: Path) -> None:
    """Index pieces add up to the text; queries become words (Intl.Segmenter, or wordcut.js without it)."""
    wordcut = next(Path(sys.prefix).glob(WORDCUT), None)
    assert wordcut is not None
    script = tmp_path / "run.js"
    script.write_text(
        f"""
        if ({json.dumps(engine)} === "wordcut") {{
          delete Intl.Segmenter
          globalThis.self = globalThis
          self.lunr = {{ wordcut: require({json.dumps(str(wordcut))}) }}
          self.lunr.wordcut.init()
        }}
        const t = require({json.dumps(str(THAI_SEARCH))})
        const text = "ไข้เลือดออก(dengue)ระบาดช่วงฤดูฝน"
        console.log(JSON.stringify({{
          intl: t.usesIntl,
          pieces: t.segment(text),
          query: t.segmentQuery("ไข้เลือดออก ฤดูฝน, \\"รถพยาบาลฉุกเฉิน\\" +วัคซีนฟรี covid-19"),
        }}))
        """,
        encoding="utf-8",
    )
    result = subprocess.run([require_tool("node"), str(script)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["intl"] is (engine == "intl")
    assert "".join(out["pieces"]) == "ไข้เลือดออก(dengue)ระบาดช่วงฤดูฝน"
    assert {"ไข้", "เลือด", "ออก", "(dengue)", "ระบาด", "ช่วง"} <= set(out["pieces"])
    words = out["query"].split(" ")
    assert words[:3] == ["ไข้", "เลือด", "ออก"]
    assert '"รถ' in out["query"] and 'ฉุกเฉิน"' in out["query"]
    assert "+วัคซีน" in words and "+ฟรี" in words and "covid-19" in words
    assert "," not in words and "ฤดูฝน," not in out["query"]


# --- feeds -----------------------------------------------------------------------------


def feed_links(site: Path) -> tuple[set[str], set[str]]:
    rss = ET.parse(site / "site/feed_rss_created.xml").getroot()
    rss_links = {item.findtext("link") or "" for item in rss.iter("item")}
    feed = json.loads((site / "site/feed_json_created.json").read_text(encoding="utf-8"))
    json_links = {item["url"] for item in feed["items"]}
    return rss_links, json_links


def test_feeds_list_live_posts_only(factory: SiteFactory) -> None:
    """A scheduled, a refused and an expired post are in neither the RSS nor the JSON feed."""
    site = make_thai_site(factory)
    for state in ("live", "scheduled", "refused", "expired"):
        add_post(site, f"post{state}", state, title=f"ข่าว post{state}", body=f"เนื้อหา post{state}")
    result = run_mkdocs(site.root, "build")  # not strict: the refused post is a warning
    assert result.returncode == 0, result.stderr
    for links in feed_links(site.root):
        assert {"https://example.test/news/postlive/"} == links
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml", "feed_json_created.json", "feed_json_updated.json"):
        text = built(site.root, name)
        assert "postlive" in text
        for state in ("scheduled", "refused", "expired"):
            assert f"post{state}" not in text, (name, state)


def test_example_feeds(example_site: Path) -> None:
    """The example's feeds carry its three live posts, not the expired or the scheduled one."""
    result = run_mkdocs(example_site)
    assert result.returncode == 0, result.stderr
    expected = {
        f"https://example.go.th/news/{quote(name)}/"  # feeds percent-encode URLs
        for name in (
            "flu-vaccine-2569",
            "เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน",
            "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง-ประจำปีงบประมาณ-พศ-๒๕๗๐",
        )
    }
    for links in feed_links(example_site):
        assert expected == links


# --- other builders ----------------------------------------------------------------------


@pytest.mark.slow  # about 6-10 s on 2 cores
@pytest.mark.needs("properdocs")
def test_example_builds_under_properdocs(example_site: Path) -> None:
    """`properdocs build --strict` builds the example site with the gate, blog, RSS and overrides."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": epoch(EXAMPLE_NOW)}
    environment.pop("CI", None)
    started = time.monotonic()
    result = subprocess.run(
        [require_tool("properdocs"), "build", "--strict"], cwd=example_site, env=environment,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 120
    out = example_site / "site"
    assert (out / "news/flu-vaccine-2569/index.html").exists()
    assert not (out / "news/world-diabetes-day-2580").exists()
    assert "thai-search.js?worker=search." in (out / "index.html").read_text(encoding="utf-8")
    assert feed_links(example_site)[0] == {
        f"https://example.go.th/news/{quote(name)}/"  # feeds percent-encode URLs
        for name in (
            "flu-vaccine-2569",
            "เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน",
            "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง-ประจำปีงบประมาณ-พศ-๒๕๗๐",
        )
    }


def without_gate(config: Path) -> None:
    """Drop the approval-gate entry from mkdocs.yml, as a builder that ignores plugins would."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  - approval-gate"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("      "))
    config.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def test_example_without_the_gate_publishes_no_post(example_site: Path) -> None:
    """Plain MkDocs without the gate (what Zensical does): exclude_docs keeps every post out,
    and the overrides still render (no Thai search worker, no dates)."""
    without_gate(example_site / "mkdocs.yml")
    assert "  - approval-gate" not in (example_site / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_mkdocs(example_site)
    assert result.returncode == 0, result.stderr
    out = example_site / "site"
    posts = [path.stem for path in (example_site / "content/news/posts").glob("*.md")]
    assert len(posts) >= 4
    for name in posts:
        assert not (out / "news" / name).exists(), name
        assert not list(out.rglob(f"{name}*")), name
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert not any(name in text for name in posts), path
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "workers/search." in home and "thai-search.js" not in home
