"""Tombstones: a taken-down URL serves a short notice, never the old post, and is listed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from mkdocs.config import load_config

from approval_gate.site import tombstones
from conftest import run_mkdocs

EXPIRED_SLUG = "บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙"
COVID = "news/posts/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙.md"
COVID_PAGE = "news/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙/index.html"
COVID_TITLE = "บริการฉีดวัคซีนโควิด 19 เข็มกระตุ้น"
NOTICE = "ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว"


def config_for(site: Path, **changes: str) -> object:
    """The example's mkdocs.yml with some lines swapped, loaded as MkDocs would."""
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    (site / "mkdocs.yml").write_text(text, encoding="utf-8")
    return load_config(str(site / "mkdocs.yml"))


def write_post(base: Path, post_path: str, meta: str) -> None:
    target = base / post_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"---\ntitle: ข่าวทดสอบ\n{meta}---\n\n# ข่าวทดสอบ\n", encoding="utf-8")


# --- where a post was served ------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "post_path", "meta", "url", "dest"),
    [
        ({}, "news/posts/flu.md", "date: 2026-11-01\n", "news/flu/", "news/flu/index.html"),
        (
            {"use_directory_urls: true": "use_directory_urls: false"},
            "news/posts/flu.md",
            "date: 2026-11-01\n",
            "news/flu.html",
            "news/flu.html",
        ),
        (
            {'post_url_format: "{file}"': 'post_url_format: "{date}/{slug}"'},
            "news/posts/flu.md",
            "date: 2026-11-01\nslug: flu-shot\n",
            "news/2026/11/01/flu-shot/",
            "news/2026/11/01/flu-shot/index.html",
        ),
        ({}, "notices/holiday.md", "date: 2026-11-01\n", "notices/holiday/", "notices/holiday/index.html"),
        ({}, "news/posts/nodate.md", "", "news/posts/nodate/", "news/posts/nodate/index.html"),
    ],
    ids=["blog-file", "no-directory-urls", "blog-date-slug", "not-a-blog-post", "blog-cannot-read-falls-back"],
)
def test_url_of_a_taken_down_post(
    example_site: Path, changes: dict[str, str], post_path: str, meta: str, url: str, dest: str
) -> None:
    """The URL is the one MkDocs (and the blog, for its posts) gave the post while live."""
    config = config_for(example_site, **changes)
    expired = example_site / "pending" / "expired"
    write_post(expired, post_path, meta)
    assert tombstones.tombstone_for(post_path, expired, config) == tombstones.Tombstone(post_path, url, dest)


@pytest.mark.parametrize(
    ("dest", "directory_urls", "expected"),
    [
        ("news/flu/index.html", True, "../../"),
        ("flu/index.html", True, "../"),
        ("index.html", True, "./"),
        ("news/flu.html", False, "../index.html"),
        ("flu.html", False, "index.html"),
    ],
)
def test_home_link_is_relative(dest: str, directory_urls: bool, expected: str) -> None:
    """The link home works wherever the site is hosted, sub-path included."""
    assert expected == tombstones.home_link(dest, directory_urls)


@pytest.mark.parametrize(
    ("url", "site_url", "expected"),
    [
        ("news/flu/", "https://example.go.th/", "/news/flu/"),
        ("news/flu/", "https://example.go.th/health/", "/health/news/flu/"),
        ("news/flu.html", None, "/news/flu.html"),
    ],
)
def test_listed_url_paths_carry_the_site_prefix(url: str, site_url: str | None, expected: str) -> None:
    assert expected == tombstones.url_path(url, site_url)


def test_notice_page_in_thai_and_english() -> None:
    """Short, noindex, a link home, and the site name escaped."""
    thai = tombstones.tombstone_html("news/flu/index.html", lang="th", site_name="A & <B>", use_directory_urls=True)
    assert '<meta name="robots" content="noindex">' in thai
    assert f"<h1>{NOTICE}</h1>" in thai
    assert '<a href="../../">' in thai
    assert "A &amp; &lt;B&gt;" in thai and "<B>" not in thai
    english = tombstones.tombstone_html("flu.html", lang="en", site_name="Site", use_directory_urls=False)
    assert "publication period of this information has ended" in english
    assert '<a href="index.html">' in english


# --- real builds --------------------------------------------------------------------


def site_files_mentioning(site: Path, needle: str) -> set[str]:
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and needle in path.read_bytes().decode("utf-8", errors="replace")
    }


def test_build_lays_a_tombstone_for_the_post_it_takes_down(example_site: Path) -> None:
    """The expired example post: moved, its URL serves the notice, listed, in no index or feed."""
    built = run_mkdocs(example_site)
    assert built.returncode == 0, built.stderr
    assert (example_site / "pending" / "expired" / COVID).is_file()
    site = example_site / "site"
    page = (site / COVID_PAGE).read_text(encoding="utf-8")
    assert NOTICE in page
    assert '<meta name="robots" content="noindex">' in page
    assert COVID_TITLE not in page and "อังคารและพฤหัสบดี" not in page  # never the old content
    assert (site / "taken-down.txt").read_text(
        encoding="utf-8"
    ) == "/news/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙/\n"
    assert "1 taken-down URLs serve a notice page" in built.stderr
    # Nothing indexes or links the notice: search, sitemap, blog pages, tags (the register
    # lists the taken-down post's request form on purpose: it is the office's evidence).
    mentions = site_files_mentioning(site, "บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙")
    assert {name for name in mentions if not name.startswith("register/")} == {"taken-down.txt"}
    assert NOTICE not in (site / "search" / "search_index.json").read_text(encoding="utf-8")
    for live in ("news/เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน/index.html", "news/flu-vaccine-2569/index.html"):
        assert NOTICE not in (site / live).read_text(encoding="utf-8")


def test_next_build_keeps_the_tombstone_of_a_post_already_taken_down(example_site: Path) -> None:
    assert run_mkdocs(example_site).returncode == 0
    shutil.rmtree(example_site / "site")
    again = run_mkdocs(example_site)
    assert again.returncode == 0, again.stderr
    assert NOTICE in (example_site / "site" / COVID_PAGE).read_text(encoding="utf-8")
    assert (example_site / "site" / "taken-down.txt").read_text(
        encoding="utf-8"
    ) == "/news/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙/\n"
    assert " 0 moved" in again.stderr


def test_take_down_records_the_url_later_builds_reuse(example_site: Path) -> None:
    """The URL is worked out once, recorded in `taken_down`, and read back afterwards."""
    assert run_mkdocs(example_site).returncode == 0
    moved = (
        example_site
        / "pending"
        / "expired"
        / "news"
        / "posts"
        / "บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙.md"
    )
    assert f'"url": "news/{quote(EXPIRED_SLUG)}/"' in moved.read_text(encoding="utf-8")
    assert tombstones.recorded_url(moved) == f"news/{quote(EXPIRED_SLUG)}/"  # as MkDocs writes URLs
    # A recorded URL wins over working it out again (here: a post the blog could not place).
    text = moved.read_text(encoding="utf-8").replace(f"news/{quote(EXPIRED_SLUG)}/", "news/elsewhere/")
    moved.write_text(text, encoding="utf-8")
    again = run_mkdocs(example_site)
    assert again.returncode == 0, again.stderr
    assert NOTICE in (example_site / "site" / "news" / "elsewhere" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("url", ["/etc/", "../x/", "https://evil.test/", "a/../../b/"])
def test_a_recorded_url_cannot_leave_the_site(tmp_path: Path, url: str) -> None:
    post = tmp_path / "p.md"
    post.write_text(
        f'---\ntitle: x\ntaken_down: {{"at": "2026-11-25T10:00:00Z", "url": "{url}"}}\n---\nx\n', encoding="utf-8"
    )
    assert tombstones.recorded_url(post) is None


def test_live_page_at_the_same_url_wins(example_site: Path) -> None:
    """An old copy in the expired folder never hides a live post at the same URL."""
    live = "news/posts/เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน.md"
    old = example_site / "pending" / "expired" / live
    old.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(example_site / "content" / live, old)
    built = run_mkdocs(example_site)
    assert built.returncode == 0, built.stderr
    page = (example_site / "site" / "news" / "เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน" / "index.html").read_text(encoding="utf-8")
    assert NOTICE not in page and "ไข้เลือดออก" in page
    listed = (example_site / "site" / "taken-down.txt").read_text(encoding="utf-8").splitlines()
    assert listed == ["/news/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙/"]


def test_tombstone_without_directory_urls(example_site: Path) -> None:
    config_for(example_site, **{"use_directory_urls: true": "use_directory_urls: false"})
    built = run_mkdocs(example_site)
    assert built.returncode == 0, built.stderr
    page = (
        example_site / "site" / "news" / "บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙.html"
    ).read_text(encoding="utf-8")
    assert NOTICE in page and '<a href="../index.html">' in page
    assert (example_site / "site" / "taken-down.txt").read_text(
        encoding="utf-8"
    ) == "/news/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙.html\n"


def test_sitemap_and_search_leave_out_every_tombstone(example_site: Path) -> None:
    assert run_mkdocs(example_site).returncode == 0
    site = example_site / "site"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert ["/news/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙/"] == (
        site / "taken-down.txt"
    ).read_text(encoding="utf-8").splitlines()
    for line in (site / "taken-down.txt").read_text(encoding="utf-8").splitlines():
        assert line not in sitemap
        assert all(not entry["location"].startswith(line.lstrip("/")) for entry in index["docs"])
