"""Tombstones: what the URL of a taken-down post serves once the post is gone.

Each such URL gets a short page in the site's language ("ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว"),
with a link home and `<meta name="robots" content="noindex">`, never the old content.
`taken-down.txt` at the site root lists the same URL paths, one a line, for hosts that
can answer them with a redirect or `410 Gone` instead.

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

import html
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.structure.files import File

from .canonical import PostFormatError, read_post_text
from .messages import message

LIST_NAME = "taken-down.txt"
STYLE = (
    'body{font-family:Sarabun,"TH Sarabun New",Tahoma,sans-serif;'
    "max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7}"
)


@dataclass(frozen=True)
class Tombstone:
    post_path: str
    url: str  # as MkDocs writes it: 'news/flu/' or 'news/flu.html'
    dest: str  # the output file under site_dir: 'news/flu/index.html'


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


def tombstone_html(dest: str, *, lang: str, site_name: str, use_directory_urls: bool) -> str:
    """The page itself: short, in the site's language, no trace of the old post."""
    title = html.escape(message("tombstone_title", lang))
    body = html.escape(message("tombstone_text", lang))
    home = html.escape(message("tombstone_home", lang, site=site_name))
    href = html.escape(home_link(dest, use_directory_urls), quote=True)
    return f"""<!doctype html>
<html lang="{html.escape(lang, quote=True)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title} - {html.escape(site_name)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{body}</p>
<p><a href="{href}">{home}</a></p>
</main>
</body>
</html>
"""


def url_path(url: str, site_url: str | None) -> str:
    """'/prefix/news/flu/' from 'news/flu/' and the site_url's path (its sub-path, if any)."""
    prefix = urlsplit(site_url or "").path.rstrip("/")
    return f"{prefix}/{url}"


def write_tombstones(site_dir: Path, tombstones: Iterable[Tombstone], config: Any, lang: str) -> list[Tombstone]:
    """Write each tombstone whose URL no live page holds; return those written."""
    written: list[Tombstone] = []
    root = site_dir.resolve()
    for stone in tombstones:
        target = (site_dir / stone.dest).resolve()
        if root not in target.parents or target.exists():
            continue  # a live page of this build (or a path outside the site) wins
        target.parent.mkdir(parents=True, exist_ok=True)
        page = tombstone_html(
            stone.dest,
            lang=lang,
            site_name=str(config.site_name or ""),
            use_directory_urls=bool(config.use_directory_urls),
        )
        target.write_text(page, encoding="utf-8")
        written.append(stone)
    return written


def write_list(site_dir: Path, tombstones: Iterable[Tombstone], site_url: str | None) -> Path:
    """`taken-down.txt`: the URL paths of every tombstone, sorted, merged with what is there."""
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
    if not isinstance(url, str) or url.startswith("/") or ".." in url.split("/") or urlsplit(url).scheme:
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
    dest = url + "index.html" if url == "" or url.endswith("/") else url
    return Tombstone(post_path=post_path, url=url, dest=dest)


def lay(site_dir: Path, posts: Iterable[tuple[str, Path, str | None]], config: Any, lang: str) -> list[Tombstone]:
    """Tombstones for `posts` ((post path, base folder, recorded URL)), written with the list."""
    seen: dict[str, Tombstone] = {}
    for post_path, base, url in posts:
        if post_path not in seen:
            seen[post_path] = from_url(post_path, url) if url is not None else tombstone_for(post_path, base, config)
    written = write_tombstones(site_dir, seen.values(), config, lang)
    write_list(site_dir, written, config.site_url)
    return written
