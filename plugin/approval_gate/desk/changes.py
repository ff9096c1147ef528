"""What changed in a post the approver is asked to sign again: a line diff of what the digest covers.

Two diffs reach the desk: from the text an approver refused (read back from git, `history`)
and, for a revision made with `gate amend`, from the live version it revises. Both are
`DiffLine`s, rendered by an autoescaping template (and printed by `gate approve`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ..core.canonical import RECORD_KEYS, PostFormatError, canonical_json, read_post_text
from ..core.decision import Decision
from ..core.post import SignOff
from ..services.repository import CONTENT, Gate, Judged
from .history import previous_text


@dataclass(frozen=True)
class DiffLine:
    kind: str  # add | del | same | hunk
    text: str


def latest_refusal(decision: Decision) -> SignOff | None:
    """The newest refusal on an earlier text: what the requester revised."""
    refusals = [entry for entry in decision.history if entry.decision == "reject"]
    return refusals[-1] if refusals else None


def comparable_lines(raw: bytes) -> list[str]:
    """What the digest covers, one line per form key then the body: a stable base for a diff."""
    text = read_post_text(raw)
    form = [f"{key}: {canonical_json(value)}" for key, value in sorted(text.meta.items()) if key not in RECORD_KEYS]
    return [*form, "---", *text.body.strip("\n").split("\n")]


def text_diff(old: bytes, new: bytes) -> list[DiffLine]:
    """A unified diff of what changed; rendered by an autoescaping template."""
    lines: list[DiffLine] = []
    for line in difflib.unified_diff(comparable_lines(old), comparable_lines(new), lineterm="", n=2):
        if line.startswith(("---", "+++")) and not lines:
            continue  # file headers
        if line.startswith("@@"):
            lines.append(DiffLine("hunk", line))
        elif line.startswith("+"):
            lines.append(DiffLine("add", line[1:]))
        elif line.startswith("-"):
            lines.append(DiffLine("del", line[1:]))
        else:
            lines.append(DiffLine("same", line[1:]))
    return lines


def refusal_changes(file: Path, refusal: SignOff) -> list[DiffLine] | None:
    """The diff from the text `refusal` refused, as git kept it, to the file now: what the
    requester revised. None when git holds no such text (or it cannot be read)."""
    old = previous_text(file, refusal.digest)
    if old is None:
        return None
    try:
        return text_diff(old, file.read_bytes())
    except (PostFormatError, OSError):
        return None


def revision_changes(gate: Gate, judged: Judged) -> list[DiffLine] | None:
    """For a revision (`revises`): the diff from the live version it revises (form keys, the
    publication period included, and body), so a revision cannot change anything unseen.
    None when the live version is not in the site's folder or is another text now."""
    revises = judged.post.revises
    if revises is None:
        return None
    live = gate.target(CONTENT, revises.path)
    try:
        old, new = live.read_bytes(), judged.file.read_bytes()
        if live.is_symlink() or read_post_text(old).digest != revises.digest:
            return None
        return text_diff(old, new)
    except (OSError, PostFormatError):
        return None
