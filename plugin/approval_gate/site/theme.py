"""What a Thai site's templates need from the gate: Thai word search, one calendar, the home page's lists.

The plugin adds the search worker wrapper `assets/thai-search.js` to the site (and on a Thai
site `assets/feed.xsl`, the Thai view of the RSS feed: set the rss plugin's
`stylesheet: assets/feed.xsl` to use it) and gives
the templates these names (the site's `overrides/` use them only when they exist, so a
builder without this plugin still renders):

- `thai_search_worker`: where the wrapper lands; `overrides/main.html` points Material's
  search at it, and the wrapper loads Material's own worker.
- `thai_date` filter: `moment | thai_date(long=false)` -> '26 พ.ย. 2569' (Thai digits when the
  plugin option `thai_digits` is on).
- `date` filter: replaces the blog's, which writes Common-Era dates ('28 พฤศจิกายน ค.ศ. 2026'),
  with the Buddhist-Era date ('28 พฤศจิกายน 2569') on post pages and blog lists.
- `be_date(moment)`: the same as a function, for templates that must also compile without the plugin.
- `published_line(page)`: 'เผยแพร่เมื่อ 13 พ.ย. 2569' for a live gated post, '' otherwise.
- `latest_posts(limit)`: the newest live posts of each configured category, for the home page.
- `live_pages(folder)`: live gated pages under a folder (the site policies, for the footer).
- `be_year`: the Buddhist-Era year of the build, for the footer.

The blog's archive views are titled with the CE year; `archive_markdown` gives them the BE year.
With `thai_digits`, `readtime_in_thai_digits` gives the blog's read time ('อ่าน ๓ นาที') Thai digits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core.messages import message
from ..core.thaidates import BE_OFFSET, TO_THAI_DIGITS, display_date, site_digits
from ..services import templating

ASSETS = Path(__file__).resolve().parents[1] / "assets"
SEARCH_WORKER = "assets/javascripts/workers/thai-search.js"
FEED_STYLESHEET = "assets/feed.xsl"
_DIGITS_OFF = '<xsl:variable name="thai-digits" select="false()"/>'
_ARCHIVE_TITLE = re.compile(r"\A# (\d{4})\b")


@dataclass(frozen=True)
class LivePost:
    """What the templates may know of a live gated page: nothing that was not signed."""

    path: str  # page path under docs_dir
    url: str  # site-relative URL
    title: str | None
    category: str | None
    start: dt.datetime  # start of the publication window


def add_assets(files: Files, config: MkDocsConfig, *, lang: str = "th", thai_digits: bool = False) -> None:
    """Ship the search worker wrapper, and on a Thai site the feed's Thai view (dates in the
    site's digit style), unless the site brings its own copy."""
    if files.get_file_from_path(SEARCH_WORKER) is None:
        files.append(File.generated(config, SEARCH_WORKER, abs_src_path=str(ASSETS / "thai-search.js")))
    if lang == "th" and files.get_file_from_path(FEED_STYLESHEET) is None:
        files.append(File.generated(config, FEED_STYLESHEET, content=feed_stylesheet(thai_digits)))


def feed_stylesheet(thai_digits: bool) -> str:
    """The XSLT view of the RSS feed in Thai; Thai digits when the site writes them."""
    text = (ASSETS / "feed-th.xsl").read_text(encoding="utf-8")
    if _DIGITS_OFF not in text:
        raise ValueError(f"{FEED_STYLESHEET}: the digit switch is missing")
    return text.replace(_DIGITS_OFF, _DIGITS_OFF.replace("false()", "true()")) if thai_digits else text


def be_year(year: int, *, thai_digits: bool = False) -> str:
    """The Buddhist-Era year of a Common-Era year: 2026 -> '2569'."""
    text = str(year + BE_OFFSET)
    return text.translate(TO_THAI_DIGITS) if thai_digits else text


def archive_markdown(markdown: str, page: Any, *, thai_digits: bool = False) -> str:
    """The markdown of a blog archive view with its CE year title ('# 2026') in BE ('# 2569')."""
    if type(page).__name__ != "Archive" or not type(page).__module__.startswith("material.plugins.blog"):
        return markdown
    return _ARCHIVE_TITLE.sub(lambda found: f"# {be_year(int(found[1]), thai_digits=thai_digits)}", markdown, 1)


def readtime_in_thai_digits(page: Any) -> None:
    """The blog's read time of a post page, or of each post a blog view lists, in Thai digits.

    The blog's templates print it as `lang.t("readtime.other") | replace("#", time)` (or the
    "one" string when it is the number 1), so the number itself must become Thai text."""
    for post in (page, *(getattr(page, "posts", None) or ())):
        options = getattr(post, "config", None)
        if type(post).__module__.startswith("material.plugins.blog") and options is not None:
            readtime = options.get("readtime")
            if isinstance(readtime, int) and not isinstance(readtime, bool):
                options.readtime = site_digits(str(readtime), thai_digits=True)


# What MkDocs writes (looked for, not written by the gate).
DRAFT_MARKER = (
    '<div class="mkdocs-draft-marker" title="This page will not be included into the built site.">DRAFT</div>'
)


def draft_marker(output: str, lang: str) -> str:
    """MkDocs' English draft mark on a previewed page, in the site's language."""
    if DRAFT_MARKER not in output:
        return output
    return output.replace(DRAFT_MARKER, templating.render("preview/draft_marker.html", lang))


def latest_by_category(
    live: Sequence[LivePost], categories: Sequence[str], limit: int
) -> list[tuple[str, list[LivePost]]]:
    """The `limit` newest live posts of each category, in the configured order of categories."""
    names = list(categories) or sorted({post.category for post in live if post.category})
    newest = sorted(live, key=lambda post: (post.start, post.path), reverse=True)
    return [(name, [post for post in newest if post.category == name][:limit]) for name in names]


def add_template_helpers(
    env: Any,
    *,
    lang: str,
    timezone: ZoneInfo,
    live: Sequence[LivePost],
    categories: Sequence[str] = (),
    thai_digits: bool = False,
    now: dt.datetime,
) -> None:
    """Give the templates the names listed in the module docstring."""
    starts = {post.path: post.start for post in live}

    def site_date(moment: dt.date, long: bool = False) -> str:
        if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
            moment = moment.astimezone(timezone)
        return display_date(moment, lang, long=long, thai_digits=thai_digits)

    def published_line(page: Any) -> str:
        start = starts.get(getattr(getattr(page, "file", None), "src_uri", ""))
        if start is None:
            return ""
        return message("post_published_on", lang, date=site_date(start))

    def latest_posts(limit: int = 5) -> list[tuple[str, list[LivePost]]]:
        return latest_by_category(live, categories, limit)

    def live_pages(folder: str) -> list[LivePost]:
        prefix = folder.strip("/") + "/"
        return sorted((post for post in live if post.path.startswith(prefix)), key=lambda post: post.path)

    env.filters["thai_date"] = site_date
    env.globals["be_date"] = site_date  # a global: a template that calls it still compiles without the plugin
    if lang == "th":
        env.filters["date"] = lambda moment: site_date(moment, long=True)
    env.globals["thai_search_worker"] = SEARCH_WORKER
    env.globals["published_line"] = published_line
    env.globals["latest_posts"] = latest_posts
    env.globals["live_pages"] = live_pages
    env.globals["be_year"] = be_year(now.astimezone(timezone).year, thai_digits=thai_digits)
