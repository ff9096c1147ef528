"""Tombstones: what the URL of a taken-down post serves once the post is gone.

Each such URL gets a short page in the site's language ("ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว"),
the last day of its publication period (Buddhist Era, in the site's digit style), a link
home and `<meta name="robots" content="noindex">`, never the old content.
`taken-down.txt` at the site root lists the same URL paths, one a line, for hosts that
can answer them with a redirect or `410 Gone` instead (`webserver.py` makes the nginx
configuration for that).

URLs are kept as MkDocs gives them (percent-encoded: `news/%E0%B8%82.../`), but every
file is written at the decoded path (`news/ข่าว.../index.html`), which is what a web
server maps a request to, and `taken-down.txt` lists decoded paths, which is what nginx
matches `location` against. A notice that cannot be written (a file name over the file
system's 255 bytes, a read-only folder) is a warning naming the post, never a failed build.

Which URL a post had: the one MkDocs gave it while it was live.
- A post under a Material blog's posts folder (`post_dir`, by default `<blog_dir>/posts/`)
  gets the blog's own `post_url_format` (`{file}`, `{slug}`, `{date}`, `{categories}`),
  computed by asking that blog plugin, so the rule cannot drift from the blog's:
  `news/posts/flu.md` with `post_url_format: "{file}"` was `news/flu/`.
- Any other page: MkDocs' rule for its page path under `docs_dir`
  (`news/flu.md` -> `news/flu/` with `use_directory_urls`, else `news/flu.html`).
- When the blog cannot read the post (no `date`, say), the plain MkDocs rule is used.

Tombstones are plain files written after the pages, never MkDocs pages, so no search
entry, sitemap entry, navigation entry or feed item can point at them. A URL that a page
of this build occupies is left alone (a live page always wins).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from ..core.canonical import PostFormatError, read_post_text
from ..core.messages import message
from ..services import templating

log = get_plugin_logger(__name__)

LIST_NAME = "taken-down.txt"
NAME_MAX = 255  # bytes in one path component: ext4, XFS, btrfs, APFS, NTFS (in UTF-16 units) alike


@dataclass(frozen=True)
class Tombstone:
    post_path: str
    url: str  # as MkDocs writes it: 'news/flu/' or 'news/flu.html', percent-encoded ('news/%E0%B8%82/')
    dest: str  # the output file under site_dir, decoded: 'news/flu/index.html', 'news/ข่าว/index.html'
    withdrawn: bool = False  # taken down by a withdrawal order, not by the end of its period
    reason: str | None = None  # the withdrawal's reason, only when `withdrawal_reason_public` is on
    last_day: str = ""  # the last day of the publication period, as the notice shows it ('' to leave it out)


def _page_file(src_uri: str, src_dir: Path | None, config: Any) -> File:
    return File(
        src_uri,
        src_dir=str(src_dir) if src_dir is not None else None,
        dest_dir=str(config.site_dir),
        use_directory_urls=bool(config.use_directory_urls),
    )


def _blog_plugins(config: Any) -> list[Any]:
    try:
        from material.plugins.blog.plugin import BlogPlugin
    except ImportError:  # Material is optional for the gate itself
        return []
    return [plugin for plugin in config.plugins.values() if isinstance(plugin, BlogPlugin) and plugin.config.enabled]


def _blog_src_uri(post_path: str, base: Path, config: Any) -> str | None:
    """The page path the Material blog gives a post (`news/flu.md`), or None if it is no blog post."""
    for blog in _blog_plugins(config):
        posts = posixpath.normpath(blog.config.post_dir.format(blog=blog.config.blog_dir))
        if not post_path.startswith(posts):  # the blog's own test (plugin.py, _resolve_posts)
            continue
        try:
            from material.plugins.blog.structure import Post as BlogPost

            post = BlogPost(_page_file(post_path, base, config), config)
            # Private, but the only place the rule lives; any failure falls back below.
            src_uri: str = blog._format_path_for_post(post, config)
            return src_uri
        except Exception:
            return None
    return None


def tombstone_for(post_path: str, base: Path, config: Any) -> Tombstone:
    """Where the post at `base / post_path` was served while live (see the module docstring)."""
    src_uri = _blog_src_uri(post_path, base, config) or post_path
    file = _page_file(src_uri, None, config)
    return Tombstone(post_path=post_path, url=file.url, dest=file.dest_uri)


def home_link(dest: str, use_directory_urls: bool) -> str:
    """A relative link from `dest` to the home page, so the site can live under a sub-path."""
    up = "../" * dest.count("/")
    if use_directory_urls:
        return up or "./"
    return up + "index.html"


def tombstone_html(
    dest: str,
    *,
    lang: str,
    site_name: str,
    use_directory_urls: bool,
    withdrawn: bool = False,
    reason: str | None = None,
    last_day: str = "",
) -> str:
    """The page itself: short, in the site's language, no trace of the old post (a withdrawn
    post's notice says it was withdrawn, with the reason only when the site makes it public;
    a post whose period ended gives its last day, `last_day`, a date as people read it)."""
    text = message("tombstone_withdrawn_text" if withdrawn else "tombstone_text", lang)
    paragraphs = [text]
    if withdrawn and reason:
        paragraphs.append(message("tombstone_withdrawn_reason", lang, reason=reason))
    elif last_day and not withdrawn:
        paragraphs[0] += " " + message("tombstone_last_day", lang, date=last_day)
    return (
        templating.environment()
        .get_template("notice.html")
        .render(
            lang=lang,
            title=message("tombstone_withdrawn_title" if withdrawn else "tombstone_title", lang),
            site_name=site_name,
            paragraphs=paragraphs,
            home=message("tombstone_home", lang, site=site_name),
            home_href=home_link(dest, use_directory_urls),
        )
    )


def url_path(url: str, site_url: str | None) -> str:
    """'/prefix/news/flu/' from 'news/flu/' and the site_url's path (its sub-path, if any), decoded:
    '/news/ข่าว/' from 'news/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/'."""
    prefix = unquote(urlsplit(site_url or "").path.rstrip("/"))
    return f"{prefix}/{unquote(url)}"


def unwritable(dest: str) -> str | None:
    """Why a notice cannot be written at `dest` whatever the disk, or None: a path component too long."""
    for part in dest.split("/"):
        if len(os.fsencode(part)) > NAME_MAX:
            return f"the name '{part[:20]}…' is {len(os.fsencode(part))} bytes, more than {NAME_MAX}"
    return None


def _safe_dest(dest: str) -> bool:
    """A relative path of plain names: no '..', no absolute path, no control characters."""
    parts = dest.split("/")
    return (
        bool(dest)
        and not dest.startswith("/")
        and all(part not in ("", ".", "..") for part in parts[:-1])
        and parts[-1] not in (".", "..")
        and not any(ord(char) < 0x20 or char in "\\\x7f" for char in dest)
    )


def write_tombstones(
    site_dir: Path,
    tombstones: Iterable[Tombstone],
    config: Any,
    lang: str,
) -> list[Tombstone]:
    """Write each tombstone whose URL no live page holds; return those written.

    One that cannot be written is a warning naming the post; the others are still written."""
    written: list[Tombstone] = []
    root = site_dir.resolve()
    for stone in tombstones:
        problem = unwritable(stone.dest) if _safe_dest(stone.dest) else "not a path inside the site"
        try:
            if problem is None:
                target = (site_dir / stone.dest).resolve()
                if root not in target.parents or target.exists():
                    continue  # a live page of this build (or a path outside the site) wins
                page = tombstone_html(
                    stone.dest,
                    lang=lang,
                    site_name=str(config.site_name or ""),
                    use_directory_urls=bool(config.use_directory_urls),
                    withdrawn=stone.withdrawn,
                    reason=stone.reason,
                    last_day=stone.last_day,
                )
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page, encoding="utf-8")
                written.append(stone)
                continue
        except OSError as error:
            problem = error.strerror or str(error)
        url = url_path(stone.url, config.site_url)
        log.warning(message("tombstone_unwritable", "en", path=stone.post_path, url=url, detail=problem))
    return written


def write_list(site_dir: Path, tombstones: Iterable[Tombstone], site_url: str | None) -> Path:
    """`taken-down.txt`: the decoded URL paths of every tombstone, sorted, merged with what is there."""
    target = site_dir / LIST_NAME
    lines = set(target.read_text(encoding="utf-8").splitlines()) if target.is_file() else set()
    lines.update(url_path(stone.url, site_url) for stone in tombstones)
    lines.discard("")
    target.write_text("".join(f"{line}\n" for line in sorted(lines)), encoding="utf-8")
    return target


def recorded_url(file: Path) -> str | None:
    """The URL written into `taken_down` when the post was moved, if any.

    Working a blog post's URL out again means the blog reading the whole post, for
    every taken-down post on every build: the record makes that a one-time cost."""
    try:
        record = read_post_text(file.read_bytes()).meta.get("taken_down")
    except (OSError, PostFormatError):
        return None
    url = record.get("url") if isinstance(record, dict) else None
    if not isinstance(url, str) or urlsplit(url).scheme or urlsplit(url).netloc:
        return None
    for form in (url, unquote(url)):  # '%2E%2E' is '..' once decoded
        if form.startswith("/") or ".." in form.split("/") or "\\" in form:
            return None
    return url


def expired_posts(expired_dir: Path) -> list[tuple[str, Path, str | None]]:
    """(post path, base folder, recorded URL) of every post in the expired folder (temporaries skipped)."""
    if not expired_dir.is_dir():
        return []
    found = []
    for file in sorted(expired_dir.rglob("*.md")):
        relative = file.relative_to(expired_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        found.append((relative.as_posix(), expired_dir, recorded_url(file)))
    return found


def from_url(post_path: str, url: str) -> Tombstone:
    """The tombstone of a recorded URL: written at the decoded path, as MkDocs writes pages."""
    path = unquote(url)
    dest = path + "index.html" if path == "" or path.endswith("/") else path
    return Tombstone(post_path=post_path, url=url, dest=dest)


def recorded_withdrawn(expired_dir: Path) -> list[str]:
    """Post paths in the expired folder whose `taken_down.reason` says `withdrawn`: candidates
    only, read without verifying; the plugin judges each (verify, then decide) before its notice
    says "withdrawn" or shows a reason."""
    found = []
    for post_path, _, _ in expired_posts(expired_dir):
        try:
            record = read_post_text((expired_dir / post_path).read_bytes()).meta.get("taken_down")
        except (OSError, PostFormatError):
            continue
        if isinstance(record, dict) and record.get("reason") == "withdrawn":
            found.append(post_path)
    return found


def lay(
    site_dir: Path,
    posts: Iterable[tuple[str, Path, str | None]],
    config: Any,
    lang: str,
    withdrawn: Mapping[str, str | None] | None = None,
    last_days: Mapping[str, str] | None = None,
) -> list[Tombstone]:
    """Tombstones for `posts` ((post path, base folder, recorded URL)), written with the list.

    `withdrawn`: post path -> public reason (or None) of the posts a withdrawal took down;
    `last_days`: post path -> the last day of its publication period, as the notice shows it."""
    seen: dict[str, Tombstone] = {}
    withdrawn = withdrawn or {}
    for post_path, base, url in posts:
        if post_path not in seen:
            stone = from_url(post_path, url) if url is not None else tombstone_for(post_path, base, config)
            if post_path in withdrawn:
                stone = replace(stone, withdrawn=True, reason=withdrawn[post_path])
            elif last_days and post_path in last_days:
                stone = replace(stone, last_day=last_days[post_path])
            seen[post_path] = stone
    written = write_tombstones(site_dir, seen.values(), config, lang)
    write_list(site_dir, written, config.site_url)
    return written
