"""Is an approved post ready to be put up? The web master's checks before `gate publish`.

Completeness: the details are written, every link has a sane form, and every local link
or image resolves to a file (in the post's attachments folder, which moves with it, or
already on the site). Currency: the period has not ended and does not end too soon.
Pure apart from asking whether files exist, which the caller passes in.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from .messages import Reason
from .post import Post

_FENCE_RE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE_RE = re.compile(r"`[^`\n]*`")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_INLINE_LINK_RE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$", re.MULTILINE)
_HTML_ATTR_RE = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s.*$", re.MULTILINE)
_SCHEMES = ("http", "https", "mailto", "tel")
_URL_HOST_RE = re.compile(r"^[^\s/?#<>\"']+\.[^\s/?#<>\"']+$")


def links_in(body: str) -> list[str]:
    """Link and image targets of a Markdown body, in order (code and comments skipped)."""
    text = _COMMENT_RE.sub("", _INLINE_CODE_RE.sub("", _FENCE_RE.sub("", body)))
    regexes = (_INLINE_LINK_RE, _REFERENCE_RE, _HTML_ATTR_RE)
    found = [(match.start(), match.group(1)) for regex in regexes for match in regex.finditer(text)]
    return [target for _, target in sorted(found)]


def has_details(body: str) -> bool:
    """True when the body says something beyond its headings and comments."""
    return bool(_HEADING_RE.sub("", _COMMENT_RE.sub("", body)).strip())


def _good_url(scheme: str, netloc: str) -> bool:
    if scheme in ("http", "https"):
        return bool(_URL_HOST_RE.match(netloc.rsplit("@", 1)[-1]))
    return scheme in _SCHEMES


def completeness(post: Post, exists: Callable[[str], bool]) -> list[Reason]:
    """Every reason the post is not complete; `exists(site path)` says whether a file will be there.

    A local link is resolved from the post's own folder (its post path), as MkDocs does;
    a link starting with '/' from the site root."""
    problems: list[Reason] = []
    if not has_details(post.body):
        problems.append(Reason("publish_no_details", None))
    base = posixpath.dirname(post.path)
    for target in links_in(post.body):
        if not target or target.startswith("#"):
            continue
        parts = urlsplit(target)
        if parts.scheme:
            if not _good_url(parts.scheme.lower(), parts.netloc):
                problems.append(Reason("publish_bad_link", None, {"value": target}))
            continue
        if target.startswith("//"):
            problems.append(Reason("publish_bad_link", None, {"value": target}))
            continue
        path = unquote(parts.path)
        if not path:
            continue
        resolved = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(base, path))
        if resolved.startswith("../") or resolved == ".." or not exists(resolved):
            problems.append(Reason("publish_missing_file", None, {"value": target}))
    return problems


def currency(post: Post, now: dt.datetime, warning: dt.timedelta) -> tuple[list[Reason], list[Reason]]:
    """(refusals, warnings) about the publication period at `now`."""
    if post.window is None:
        return [Reason("publish_no_window", None)], []
    if post.window.end <= now:
        return [Reason("window_ended", None)], []
    if post.window.end - now <= warning:
        return [], [Reason("publish_ends_soon", None, {"days": str(warning.days)})]
    return [], []
