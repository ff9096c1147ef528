"""Earlier texts of a post, read back from git: the text an approver refused, to diff against.

Nothing extra is stored for the desk: git already keeps every committed text.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..core.canonical import PostFormatError, read_post_text


def _git(folder: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def previous_text(file: Path, digest: str, *, max_commits: int = 200) -> bytes | None:
    """The newest committed version of `file` whose digest is `digest`, or None."""
    listing = _git(
        file.parent, "log", "--follow", f"-n{max_commits}", "--format=%x00%H", "--name-only", "--", file.name
    )
    top = _git(file.parent, "rev-parse", "--show-toplevel")
    if not listing or not top:
        return None
    for block in listing.decode("utf-8", "replace").split("\x00")[1:]:
        parts = block.split()
        if len(parts) < 2:
            continue
        commit, path = parts[0], parts[1]
        old = _git(Path(top.decode().strip()), "show", f"{commit}:{path}")
        if old is None:
            continue
        try:
            if read_post_text(old).digest == digest:
                return old
        except PostFormatError:
            continue
    return None
