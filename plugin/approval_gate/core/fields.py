"""The front-matter keys a gated post may hold: the key table, each key's type and limits.

An allowlist (docs/front-matter.md is its user-facing form): the request form's keys,
the record keys `gate` writes, and a small set of theme and blog keys whose values the
gate checks itself, so that no value can stop Material's build or put markup into a page.
Any other key is refused. Pure functions over parsed values: no files, no MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .messages import Reason
from .names import name_problem
from .plain import codepoint, html_char, refused_char, visible
from .thaidates import MAX_YEAR, MIN_YEAR

FORM_KEYS = (
    "title",
    "agency",
    "requester",
    "external_link",
    "remarks",
    "category",
    "publish_from",
    "publish_until",
    "revises",  # written by `gate amend`: the live version this one replaces (signed like the rest)
)
# `withdrawals`: signed orders (and requests) to take a post down now, written by `gate withdraw`.
RECORD_KEYS = ("signoffs", "published", "taken_down", "withdrawals")
REVISES_KEYS = ("path", "digest", "number")
MAX_REVISION = 999
THEME_KEYS = (
    "tags",
    "description",
    "date",
    "categories",
    "authors",
    "links",
    "pin",
    "readtime",
    "slug",
    "hide",
    "search",
)
ALLOWED_KEYS = frozenset((*FORM_KEYS, *RECORD_KEYS, *THEME_KEYS))
# Keys with their own message: they would let a post decide its own fate or template.
REFUSED_KEYS = ("template", "draft")
REQUESTER_KEYS = ("name", "position", "date")
HIDE_VALUES = ("navigation", "toc", "footer", "tags")
BLOG_DATE_KEYS = ("created", "updated")


@dataclass(frozen=True)
class Text:
    """A text value: at most `limit` characters; `html`: `<`, `>`, `"`, `&` refused (themes put
    it into HTML unescaped); `newlines`: line breaks allowed (else one line)."""

    limit: int
    html: bool = True
    newlines: bool = False


TEXTS: dict[str, Text] = {
    "title": Text(200),
    "agency": Text(200),
    "requester.name": Text(200),
    "requester.position": Text(200),
    "external_link": Text(2000, html=False),
    "remarks": Text(1000, newlines=True),
    "category": Text(100),
    "description": Text(300),
    "tags[]": Text(50),
    "categories[]": Text(50),
    "authors[]": Text(50, html=False),
    "links.title": Text(200),
    "links.url": Text(2000, html=False),
    "slug": Text(80, html=False),
    "signoffs.reason": Text(1000),
    "withdrawals.reason": Text(1000),
    "signoffs": Text(1000, html=False),  # the other sign-off fields (role, signer, digest, key, sig…)
    "record": Text(200, html=False),  # the strings in `published` and `taken_down`
    # A taken-down post's URL as MkDocs writes it: percent-encoded, 9 characters a Thai letter.
    "record_url": Text(2400, html=False),
}
MAX_ITEMS = {"tags": 20, "categories": 10, "authors": 10, "links": 20}
MAX_DATE_TEXT = 64  # a date as text: longer is never a date
MAX_READTIME = 999


def shown_value(value: object, limit: int = 80) -> str:
    """A value quoted in a message: invisible characters made visible, cut to `limit`."""
    text = visible(value)
    return text if len(text) <= limit else text[:limit] + "…"


def text_problem(key: str, value: str, spec: Text) -> Reason | None:
    """The first thing wrong with a text value (length, then characters), or None."""
    if len(value) > spec.limit:
        return Reason("field_too_long", key, {"length": str(len(value)), "max": str(spec.limit)})
    if char := refused_char(value, newlines=spec.newlines):
        return Reason("field_bad_char", key, {"char": codepoint(char)})
    if spec.html and (char := html_char(value)):
        return Reason("field_html_char", key, {"char": char})
    return None


def http_url_problem(key: str, value: str) -> Reason | None:
    """An http(s) address with a host, no spaces, controls, quotes, angle brackets or user
    part (`https://gov.th@evil.example` reads as gov.th): urllib.parse, one pass, no regex."""
    bad = Reason("bad_link", key, {"value": shown_value(value)})
    if problem := text_problem(key, value, TEXTS["links.url"]):
        return problem
    if any(char.isspace() or char in "<>\"'`\\" for char in value):
        return bad
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        return bad
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return bad
    return None


def unknown_key_reason(key: str) -> Reason:
    if key in REFUSED_KEYS:
        return Reason("refused_key", key)
    if key == "author":
        return Reason("author_key", key)
    return Reason("unknown_key", shown_value(key, 60))


def _text_list(key: str, value: object, problems: list[Reason]) -> list[str] | None:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        problems.append(Reason("not_text_list", key))
        return None
    if len(value) > MAX_ITEMS[key]:
        problems.append(Reason("too_many_items", key, {"count": str(len(value)), "max": str(MAX_ITEMS[key])}))
        return None
    for index, item in enumerate(value):
        if problem := text_problem(f"{key}[{index + 1}]", item, TEXTS[f"{key}[]"]):
            problems.append(problem)
            return None
    return value


def _blog_date(value: object, problems: list[Reason]) -> None:
    """What Material's blog reads (a YAML date or timestamp, or {created, updated} of them), in CE."""
    items = value.items() if isinstance(value, dict) else [(None, value)]
    if isinstance(value, dict):
        for extra in sorted(set(value) - set(BLOG_DATE_KEYS)):
            problems.append(Reason("unknown_subkey", f"date.{shown_value(extra, 60)}"))
        if "created" not in value:
            problems.append(Reason("missing_key", "date.created"))
    for name, item in items:
        key = f"date.{name}" if name else "date"
        if not isinstance(item, dt.date):  # a datetime is a date too
            problems.append(Reason("blog_date_bad", key, {"value": shown_value(item)}))
        elif item.year >= 2400:
            problems.append(Reason("blog_date_be", key, {"value": str(item)}))
        elif not MIN_YEAR <= item.year <= MAX_YEAR:
            problems.append(Reason("blog_date_bad", key, {"value": str(item)}))


def _links(value: object, problems: list[Reason]) -> None:
    """Blog `links`: a list of `title: https://…` entries, nothing nested."""
    if not isinstance(value, list) or not all(isinstance(item, dict) and len(item) == 1 for item in value):
        problems.append(Reason("links_shape", "links"))
        return
    if len(value) > MAX_ITEMS["links"]:
        problems.append(Reason("too_many_items", "links", {"count": str(len(value)), "max": str(MAX_ITEMS["links"])}))
        return
    for index, item in enumerate(value):
        ((title, url),) = item.items()
        key = f"links[{index + 1}]"
        if not isinstance(url, str):
            problems.append(Reason("links_shape", key))
        elif problem := text_problem(key, title, TEXTS["links.title"]) or http_url_problem(key, url):
            problems.append(problem)


def check_theme_keys(
    meta: dict[str, Any], authors: frozenset[str] | None, blog_categories: tuple[str, ...] | None
) -> list[Reason]:
    """Every reason the theme and blog keys of `meta` could break the build or the page.

    `authors`: the ids of the blog's authors file, None when there is none (then `authors`
    is refused); `blog_categories`: the blog's `categories_allowed` (None or empty: any)."""
    problems: list[Reason] = []
    if "tags" in meta:
        _text_list("tags", meta["tags"], problems)
    if "categories" in meta and (names := _text_list("categories", meta["categories"], problems)):
        for name in names:
            if blog_categories and name not in blog_categories:
                allowed = ", ".join(blog_categories)
                problems.append(Reason("blog_category_bad", "categories", {"value": name, "allowed": allowed}))
    if "authors" in meta and (ids := _text_list("authors", meta["authors"], problems)) is not None:
        if authors is None:
            problems.append(Reason("authors_no_file", "authors"))
        else:
            for author in ids:
                if author not in authors:
                    shown = ", ".join(sorted(authors)) or "-"
                    problems.append(Reason("authors_unknown", "authors", {"value": author, "allowed": shown}))
    if (description := meta.get("description")) is not None:
        if not isinstance(description, str):
            problems.append(Reason("not_text", "description"))
        elif problem := text_problem("description", description, TEXTS["description"]):
            problems.append(problem)
    if "date" in meta:
        _blog_date(meta["date"], problems)
    if "links" in meta:
        _links(meta["links"], problems)
    if "pin" in meta and not isinstance(meta["pin"], bool):
        problems.append(Reason("not_bool", "pin", {"value": shown_value(meta["pin"])}))
    if "readtime" in meta:
        minutes = meta["readtime"]
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_READTIME:
            problems.append(Reason("readtime_bad", "readtime", {"value": shown_value(minutes)}))
    if "slug" in meta:
        slug = meta["slug"]
        if not isinstance(slug, str) or name_problem(slug) is not None:
            problems.append(Reason("slug_bad", "slug", {"value": shown_value(slug)}))
    if "hide" in meta:
        hide = meta["hide"]
        if not isinstance(hide, list) or not all(isinstance(item, str) and item in HIDE_VALUES for item in hide):
            problems.append(Reason("hide_bad", "hide", {"allowed": ", ".join(HIDE_VALUES)}))
    if "search" in meta:
        search = meta["search"]
        if not isinstance(search, dict) or set(search) != {"exclude"} or not isinstance(search["exclude"], bool):
            problems.append(Reason("search_bad", "search"))
    return problems


def strings(value: object, key: str) -> Iterator[tuple[str, str]]:
    """Every string inside `value` (keys of mappings too), with its dotted key."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield key, str(name)
            yield from strings(item, f"{key}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{key}[{index + 1}]")


def record_problems(key: str, value: dict[str, Any]) -> list[Reason]:
    """The strings of a `published` or `taken_down` record: short, one line, visible."""
    for where, text in strings(value, key):
        limit = TEXTS["record_url"] if where == f"{key}.url" else TEXTS["record"]
        if problem := text_problem(shown_value(where, 60), text, limit):
            return [problem]
    return []
