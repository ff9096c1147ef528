"""Safe names for post and attachment files (docs/front-matter.md, "File names").

A file name reaches shells, git pathspecs, commit messages, Markdown links and URLs.
Only characters that mean nothing to any of them are allowed:

- Thai letters, vowels, tone marks and digits (U+0E01-U+0E5B, letters, marks and digits only),
- ASCII letters and digits,
- `-`, `_` and `.`, but a name never starts with `.` or `-`, and `..` is not a name.

Each name (folder or file) is at most 255 bytes of UTF-8 (every file system's limit; about
85 Thai characters) and a whole path at most 255 characters. `gate new` makes names of this
set; `gate new --slug` sets one by hand.
"""

from __future__ import annotations

import unicodedata

from .messages import Reason
from .plain import codepoint, visible

MAX_NAME = 255  # bytes of UTF-8: every file system's limit for one name (a Thai character takes 3)
MAX_PATH = 255
_PUNCTUATION = frozenset("-_.")


def safe_char(char: str) -> bool:
    """A character a file name may hold."""
    if char.isascii():
        return char.isalnum() or char in _PUNCTUATION
    return "\u0e01" <= char <= "\u0e5b" and unicodedata.category(char)[0] in "LMN"


def name_problem(name: str) -> str | None:
    """None for a safe name; else "empty", "leading", "long" or the first character not allowed."""
    if not name or name == "..":
        return "empty"
    if name[0] in ".-":
        return "leading"
    if len(name.encode("utf-8")) > MAX_NAME:
        return "long"
    for char in name:
        if not safe_char(char):
            return char
    return None


def check_path(path: str, key: str = "path") -> list[Reason]:
    """Reasons a relative, '/'-separated path is not made of safe names (empty: it is)."""
    shown = visible(path)
    if len(path) > MAX_PATH:
        return [Reason("name_too_long", key, {"path": shown[:80] + "…", "max": str(MAX_PATH)})]
    for name in path.split("/"):
        problem = name_problem(name)
        if problem is None:
            continue
        if problem == "long":
            return [Reason("name_part_too_long", key, {"path": shown, "max": str(MAX_NAME)})]
        if problem in ("empty", "leading"):
            return [Reason("name_bad_start", key, {"path": shown, "name": visible(name)})]
        return [Reason("name_bad_char", key, {"path": shown, "char": codepoint(problem)})]
    return []


def check_post_path(path: str) -> list[Reason]:
    """Reasons a post path (e.g. `news/2569/ข่าว-วัคซีน.md`) is not a safe name."""
    return check_path(path, "path")


def check_attachment_path(path: str) -> list[Reason]:
    """Reasons an attachment's path relative to its post's folder is not a safe name."""
    return check_path(path, "attachment")
