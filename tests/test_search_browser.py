"""Thai search and network isolation in a real headless Chromium.

The search test types each query of tests/data/thai_queries.yml into Material's search
box on two builds of the same signed posts (tests/data/thai_search_posts.yml): one with
the site's overrides (Thai words cut by thai-search.js) and one with stock Material
search, plus ours again in a browser without Intl.Segmenter (the wordcut.js fallback).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from browser import Chromium, serve
from conftest import REPO, run_mkdocs
from factory import SiteFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.needs("chromium"),
]

DATA = Path(__file__).parent / "data"
QUERIES = yaml.safe_load((DATA / "thai_queries.yml").read_text(encoding="utf-8"))
POSTS = yaml.safe_load((DATA / "thai_search_posts.yml").read_text(encoding="utf-8"))
TOP = 3  # a query finds its page when the page is among the first TOP results

# Stock Material search on the same content: no overrides, default search settings.
STOCK_THEME = """\
theme:
  name: material
  language: th
  font: false
  features: [navigation.prune]
"""

TYPE_QUERY = """
(() => {
  const input = document.querySelector("input.md-search__input")
  input.focus()
  input.value = %s
  input.dispatchEvent(new Event("input", {bubbles: true}))
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "Unidentified"}))
  return true
})()
"""

READ_RESULTS = """
(() => {
  const meta = document.querySelector(".md-search-result__meta")
  const links = [...document.querySelectorAll("li.md-search-result__item > a.md-search-result__link")]
  return {meta: meta ? meta.textContent.trim() : "", links: links.map(a => a.href)}
})()
"""

PLACEHOLDER = "พิมพ์เพื่อเริ่มค้นหา"  # Material's th "search.result.placeholder"


@dataclass
class Sites:
    ours: Path
    stock: Path
    fallback: Path


def _build_posts(site: SiteFactory) -> None:
    for post in POSTS:
        path = f"news/posts/{post['path']}"
        text = site.text(
            title=post["title"],
            body=post["body"],
            tags="[" + ", ".join(post["tags"]) + "]",
            category=post.get("category", "ข่าวประชาสัมพันธ์"),
            publish_from="2569-11-13",
        )
        site.add("content", path, site.approved(text, path))


def _stock_config(thai_config: str) -> str:
    """The Thai test config with Material's stock theme and search settings."""
    head, rest = thai_config.split("theme:\n", 1)
    rest = rest[rest.index("extra_css:") :]
    rest = rest[rest.index("\n") + 1 :]
    lines = rest.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  - search:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("      "))
    return head + STOCK_THEME + "".join([*lines[:start], "  - search\n", *lines[end:]])


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    root = tmp_path_factory.mktemp("thai-search")
    factory = SiteFactory(root / "ours")
    thai_config = (DATA / "thai_mkdocs.yml").read_text(encoding="utf-8")
    (factory.root / "mkdocs.yml").write_text(thai_config, encoding="utf-8")
    shutil.copytree(REPO / "overrides", factory.root / "overrides")
    _build_posts(factory)
    stock = root / "stock"
    shutil.copytree(factory.root, stock, ignore=shutil.ignore_patterns("overrides"))
    (stock / "mkdocs.yml").write_text(_stock_config(thai_config), encoding="utf-8")
    for folder in (factory.root, stock):
        result = run_mkdocs(folder)
        assert result.returncode == 0, result.stderr
    # The same build of ours, served to a worker that has no Intl.Segmenter.
    fallback = root / "fallback"
    shutil.copytree(factory.root / "site", fallback)
    worker = fallback / "assets/javascripts/workers/thai-search.js"
    worker.write_text("delete Intl.Segmenter;\n" + worker.read_text(encoding="utf-8"), encoding="utf-8")
    return Sites(ours=factory.root / "site", stock=stock / "site", fallback=fallback)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    with Chromium(tmp_path_factory.mktemp("chromium")) as chromium:
        yield chromium


def _pages(links: list[str]) -> list[str]:
    """Result links as site paths, one per page, in result order."""
    pages: list[str] = []
    for link in links:
        path = unquote(urlsplit(link).path).lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages


def _search(browser: Chromium, query: str) -> list[str]:
    browser.evaluate(TYPE_QUERY % json.dumps(""))
    browser.wait_for(lambda: browser.evaluate(READ_RESULTS)["meta"] == PLACEHOLDER, what="an empty search")
    browser.evaluate(TYPE_QUERY % json.dumps(query))
    seen: list[str] = []

    def settled() -> dict[str, object] | None:
        state = browser.evaluate(READ_RESULTS)
        seen.append(json.dumps(state, sort_keys=True))
        ready = state["meta"] != PLACEHOLDER and len(seen) >= 3 and seen[-1] == seen[-2] == seen[-3]
        return state if ready else None

    state = browser.wait_for(settled, what=f"results for {query!r}", timeout=10)
    return _pages(state["links"])


def run_queries(browser: Chromium, site: Path) -> dict[str, list[str]]:
    """query -> result pages, typed into the search box of `site`."""
    with serve(site) as base:
        browser.goto(base + "/")
        browser.wait_for(lambda: browser.evaluate(READ_RESULTS)["meta"] != "", what="the search box")
        return {item["query"]: _search(browser, item["query"]) for item in QUERIES}


def found(results: dict[str, list[str]], top: int = TOP) -> list[str]:
    return [item["query"] for item in QUERIES if item["page"] in results[item["query"]][:top]]


def test_thai_queries_find_their_pages(sites: Sites, browser: Chromium, capsys: pytest.CaptureFixture[str]) -> None:
    """Every query finds its page with the Thai search; stock Material finds far fewer."""
    assert len(QUERIES) >= 25
    assert {item["page"] for item in QUERIES} <= {f"news/{post['path'][:-3]}/" for post in POSTS}
    ours = run_queries(browser, sites.ours)
    stock = run_queries(browser, sites.stock)
    fallback = run_queries(browser, sites.fallback)
    total = len(QUERIES)
    with capsys.disabled():
        print(
            f"\nThai search, expected page in the first {TOP} results (first result): "
            f"stock Material {len(found(stock))}/{total} ({len(found(stock, 1))}), "
            f"Intl.Segmenter {len(found(ours))}/{total} ({len(found(ours, 1))}), "
            f"wordcut.js fallback {len(found(fallback))}/{total} ({len(found(fallback, 1))})"
        )
    missed = {item["query"]: ours[item["query"]] for item in QUERIES if item["query"] not in found(ours)}
    assert not missed
    assert len(found(fallback)) >= total - 3, {q: fallback[q] for q in fallback if q not in found(fallback)}
    assert len(found(stock)) < total // 2


def test_search_highlights_thai_words(sites: Sites, browser: Chromium) -> None:
    """The matched Thai word is marked in the result text (positions stay exact)."""
    with serve(sites.ours) as base:
        browser.goto(base + "/")
        browser.wait_for(lambda: browser.evaluate(READ_RESULTS)["meta"] != "", what="the search box")
        assert _search(browser, "เครื่องกระตุกหัวใจ")[0] == "news/ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง-ประจำปีงบประมาณ-พศ-๒๕๗๐/"
        marks = browser.evaluate("[...document.querySelectorAll('.md-search-result mark')].map(m => m.textContent)")
    assert {"เครื่อง", "กระตุก", "หัวใจ"} <= set(marks)


def test_no_request_leaves_the_site(example_site: Path, browser: Chromium) -> None:
    """Three pages of the example site, with search opened, request nothing from another host."""
    result = run_mkdocs(example_site)
    assert result.returncode == 0, result.stderr
    with serve(example_site / "site") as base:
        browser.requests.clear()
        for page in ("", "news/flu-vaccine-2569/", "tags/"):
            browser.goto(f"{base}/{page}")
            browser.evaluate(TYPE_QUERY % json.dumps("วัคซีน"))
            browser.wait_for(lambda: "news/flu-vaccine-2569/" in _pages(browser.evaluate(READ_RESULTS)["links"]),
                             what="search results")  # fmt: skip
            browser.pump(0.3)
        requests = list(browser.requests)
    assert any(url.endswith("/search/search_index.json") for url in requests)
    assert any("/assets/fonts/sarabun-thai-400-normal.woff2" in url for url in requests)
    assert any("/workers/thai-search.js?worker=search." in url for url in requests)
    assert any("/workers/search." in url and ".min.js" in url and "thai-search" not in url for url in requests)
    outside = [url for url in requests if not url.startswith(base + "/") and not url.startswith("data:")]
    assert outside == []
    assert not any(url.endswith("/wordcut.js") for url in requests)  # the browser cuts words itself


def test_browser_helper_screenshot(sites: Sites, browser: Chromium, tmp_path: Path) -> None:
    """The helper loads a page, reads the DOM and takes a PNG screenshot."""
    with serve(sites.ours) as base:
        browser.goto(base + "/news/เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน/")
        assert "เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน" in browser.evaluate("document.title")
        assert "เผยแพร่เมื่อ 13 พ.ย. 2569" == browser.evaluate("document.querySelector('.md-post__published').textContent")
        font = browser.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
        shot = browser.screenshot(tmp_path / "post.png")
    assert font.startswith('"Sarabun"') or font.startswith("Sarabun")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
