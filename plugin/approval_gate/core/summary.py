"""What the approvers are shown of a post besides its body: every front-matter key that
reaches the site, as plain text, and the attachments bound to the digest with their SHA-256.

One list for the review desk, `gate approve`/`gate reject` and the request form, so no key
can reach the site without being shown by all three. Pure: no files, no MkDocs, no click.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .fields import THEME_KEYS
from .messages import message
from .post import Post

# The request form's keys each tool shows in its own place (title, window) are not repeated.
FORM_LABELS = {
    "agency": "review_field_agency",
    "requester": "review_field_requester",
    "external_link": "review_field_link",
    "remarks": "review_field_remarks",
    "category": "review_field_category",
    "revises": "review_field_revises",  # a revision of a post on the site: which version, which number
}


@dataclass(frozen=True)
class Shown:
    """One key as shown: its name in the file, its label in the reader's language, its value."""

    key: str
    label: str
    value: str


def plain(value: object) -> str:
    """A parsed YAML value as one line of plain text (lists joined, mappings as `key: value`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(plain(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{plain(key)}: {plain(item)}" for key, item in value.items())
    return "" if value is None else str(value)


def _requester(value: object) -> str:
    if not isinstance(value, dict):
        return plain(value)
    parts = [plain(value.get("name"))]
    if value.get("position"):
        parts.append(f"({plain(value['position'])})")
    if value.get("date") is not None:
        parts.append(plain(value["date"]))
    return " ".join(part for part in parts if part)


def site_keys(post: Post, lang: str) -> list[Shown]:
    """The theme and blog keys the post sets (tags, description, blog date, categories, authors,
    links, …): what Material puts on the page, in its feeds and its indexes."""
    return [Shown(key, message(f"field_{key}", lang), plain(post.meta[key])) for key in THEME_KEYS if key in post.meta]


def all_keys(post: Post, lang: str) -> list[Shown]:
    """The request form's keys (agency, requester, link, remarks, category), then `site_keys`."""
    form = []
    for key, code in FORM_LABELS.items():
        if key == "agency" and post.agency:
            form.append(Shown(key, message(code, lang), post.agency))  # the site's default when not set
        elif key in post.meta:
            value = _requester(post.meta[key]) if key == "requester" else plain(post.meta[key])
            form.append(Shown(key, message(code, lang), value))
    return [*form, *site_keys(post, lang)]


def attachments(post: Post) -> list[tuple[str, str]]:
    """(name relative to the post's folder, SHA-256 hex) of every attachment bound to the digest."""
    return [(item.name, item.sha256) for item in post.attachments]
