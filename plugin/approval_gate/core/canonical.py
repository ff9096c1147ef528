"""The canonical form of a post and its digest (SPEC §3 "The digest").

Harmless changes (CRLF, BOM, key order, re-quoting, NFC-equal Thai) keep the digest;
every other change breaks it, and with it every sign-off made on the old text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .strict_yaml import StrictYAMLError, load_strict

RECORD_KEYS = ("signoffs", "published", "taken_down", "withdrawals")
MAX_FRONT_MATTER = 64 * 1024
MAX_POST = 2 * 1024 * 1024

# Exactly MkDocs' own split (mkdocs.utils.meta.YAML_RE), so what we verify is what it renders.
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)

# Bidi controls can make a reviewer read a different text from the one signed.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class PostFormatError(ValueError):
    """The text of a post cannot be read as a gated post.

    `code` is a catalogue key; `key` the front-matter key involved, if any.
    """

    def __init__(self, code: str, key: str | None = None, line: int | None = None, detail: str = ""):
        super().__init__(f"{code}: {key or ''} {detail}".strip())
        self.code = code
        self.key = key
        self.line = line
        self.detail = detail


@dataclass(frozen=True)
class PostText:
    """A post split into its parsed front matter and its body, plus the digest."""

    text: str  # normalised text, exactly what MkDocs is given to render
    meta: dict[str, Any]
    body: str
    digest: str


def normalise(raw: bytes) -> str:
    """Strict UTF-8, one BOM removed, CRLF/CR to LF, NFC (never NFKC)."""
    if len(raw) > MAX_POST:
        raise PostFormatError("post_too_large", detail=str(len(raw)))
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        raise PostFormatError("not_utf8", detail=f"byte {error.start}") from None
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def split(text: str) -> tuple[str, str]:
    """Split normalised text into (front matter YAML, body) the way MkDocs does."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        raise PostFormatError("no_front_matter")
    return match.group(1), text[match.end() :].lstrip("\n")


def _top_key(line: str) -> str | None:
    """`key` of a line `key: ...` at the left margin (what a pattern `^([^\\s#:][^:]*?)\\s*:(\\s|$)`
    matches, in one pass: that pattern took quadratic time on a long line without a colon)."""
    if not line or line[0].isspace() or line[0] in "#:":
        return None
    colon = line.find(":")
    if colon == -1 or (colon + 1 < len(line) and not line[colon + 1].isspace()):
        return None
    return line[:colon].rstrip()


def _key_at_line(yaml_text: str, line: int | None) -> str | None:
    """The top-level key whose entry holds 1-based `line`, so messages can name it."""
    if line is None:
        return None
    for text in reversed(yaml_text.split("\n")[:line]):
        if key := _top_key(text):
            return key.strip("'\"")
    return None


def parse_front_matter(yaml_text: str) -> dict[str, Any]:
    if len(yaml_text.encode("utf-8")) > MAX_FRONT_MATTER:
        raise PostFormatError("front_matter_too_large")
    if bidi := BIDI_CONTROLS.search(yaml_text):
        line = yaml_text[: bidi.start()].count("\n") + 1
        raise PostFormatError("bidi_control", key=_key_at_line(yaml_text, line), line=line + 1)
    try:
        meta = load_strict(yaml_text)
    except StrictYAMLError as error:
        key = error.key or _key_at_line(yaml_text, error.line)
        # +1: the opening fence is line 1 of the file.
        file_line = error.line + 1 if error.line is not None else None
        raise PostFormatError(error.code, key=key, line=file_line, detail=error.detail) from None
    if not isinstance(meta, dict):
        raise PostFormatError("front_matter_not_mapping")
    return meta


def _tagged(value: Any) -> Any:
    """Make a JSON-ready value; dates become tagged strings, and strings that
    start with the tag mark are escaped, so the encoding stays one-to-one."""
    if isinstance(value, str):  # most values: checked first
        return "!" + value if value.startswith("!") else value
    if isinstance(value, dict):
        return {key: _tagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_tagged(item) for item in value]
    if isinstance(value, dt.datetime):
        return "!datetime " + value.isoformat()
    if isinstance(value, dt.date):
        return "!date " + value.isoformat()
    return value


def canonical_json(value: Any) -> str:
    """RFC 8785-style JSON: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(_tagged(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_body(body: str) -> str:
    # Spaces, tabs and line ends only: any other character (a vertical tab, U+00A0) is content.
    trimmed = body.rstrip(" \t\n")
    return trimmed + "\n" if trimmed else ""


def digest_of(meta: dict[str, Any], body: str, attachments: Iterable[tuple[str, str]] = ()) -> str:
    """Statement version 2: the front matter, the body and the attachments, each length-prefixed.

    `attachments`: (path relative to the post's folder, SHA-256 hex) of each file the post
    uses. Version 1 (before attachments were bound) had no third part; a sign-off made on a
    version-1 digest no longer matches and is listed as history (see CHANGELOG, 0.2.0)."""
    signed = {key: value for key, value in meta.items() if key not in RECORD_KEYS}
    head = canonical_json(signed).encode("utf-8")
    tail = canonical_body(body).encode("utf-8")
    files = canonical_json(sorted([name, sha] for name, sha in attachments)).encode("utf-8")
    form = b"approval-gate/v2\n%d\n%s\n%d\n%s\n%d\n%s" % (len(head), head, len(tail), tail, len(files), files)
    return "sha256:" + hashlib.sha256(form).hexdigest()


def read_post_text(raw: bytes) -> PostText:
    """Everything the digest needs, from the raw bytes of a post file."""
    text = normalise(raw)
    yaml_text, body = split(text)
    meta = parse_front_matter(yaml_text)
    return PostText(text=text, meta=meta, body=body, digest=digest_of(meta, body))
