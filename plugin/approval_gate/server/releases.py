"""Atomic deploys to a web root: one folder per build, a `current` symlink switched by rename(2).

Layout of a web root (the web server's document root is `<web root>/current`):

    releases/20261128T100200Z/        a complete build (never changed once it is there)
    releases/20261128T100200Z.json    what that build published (live posts, next change)
    releases/.building-<name>/        a build in progress (removed at the next start)
    current -> releases/20261128T100200Z

A build is written into `.building-<name>` and renamed into place only when it is complete;
`current` is then switched by creating a new symlink beside it and `os.replace`-ing it over
`current`, which is a single rename(2): a request is served entirely from the old release or
entirely from the new one, never from a half-written folder. The last `keep` releases stay
for `gate rollback`.

Symlink switching is for POSIX servers (Linux, the BSDs, macOS); elsewhere every function
raises `ReleaseError("releases_posix_only")`. Nothing here imports a POSIX-only module.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

RELEASES = "releases"
CURRENT = "current"
BUILDING = ".building-"
MANIFEST_SUFFIX = ".json"


class ReleaseError(Exception):
    """A deploy step that failed; `code` is a catalogue key, nothing was switched."""

    def __init__(self, code: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{code}: {path}: {detail}")
        self.code = code
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class Manifest:
    """What a release published: its build instant, live posts (post path -> title),
    the next change it knew of, and the repository's fingerprint when it was built."""

    built_at: str
    live: dict[str, str] = field(default_factory=dict)
    next_change: str | None = None
    fingerprint: str = ""

    def to_json(self) -> str:
        document = {
            "built_at": self.built_at,
            "live": self.live,
            "next": self.next_change,
            "fingerprint": self.fingerprint,
        }
        return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        live = data.get("live") or {}
        if not isinstance(data, dict) or not isinstance(live, dict):
            raise ValueError("not a release manifest")
        return cls(
            built_at=str(data.get("built_at", "")),
            live={str(path): str(title) for path, title in live.items()},
            next_change=data.get("next") if isinstance(data.get("next"), str) else None,
            fingerprint=str(data.get("fingerprint", "")),
        )


def require_posix(web_root: Path) -> None:
    """Symlink switching needs a POSIX server; elsewhere a clear refusal."""
    if os.name != "posix":
        raise ReleaseError("releases_posix_only", web_root)


def release_name(moment: dt.datetime) -> str:
    """'20261128T100200Z': the build instant, UTC, sortable."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def releases_dir(web_root: Path) -> Path:
    return web_root / RELEASES


def complete_releases(web_root: Path) -> list[Path]:
    """Complete release folders, oldest first (their names sort by build instant)."""
    folder = releases_dir(web_root)
    if not folder.is_dir():
        return []
    found = [path for path in folder.iterdir() if path.is_dir() and not path.name.startswith(".")]
    return sorted(found, key=lambda path: path.name)


def current_release(web_root: Path) -> Path | None:
    """The release `current` points at, or None when there is none (or it is broken)."""
    link = web_root / CURRENT
    if not link.is_symlink():
        return None
    target = (web_root / os.readlink(link)).resolve()
    return target if target.is_dir() else None


def start_build(web_root: Path, moment: dt.datetime) -> tuple[str, Path]:
    """A fresh, empty folder to build into, and the release name it will get."""
    require_posix(web_root)
    folder = releases_dir(web_root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        base = release_name(moment)
        name, number = base, 1
        while (folder / name).exists() or (folder / f"{BUILDING}{name}").exists():
            number += 1
            name = f"{base}-{number}"
        building = folder / f"{BUILDING}{name}"
        building.mkdir()
    except OSError as error:
        raise ReleaseError("releases_failed", folder, error.strerror or str(error)) from None
    return name, building


def finish_build(web_root: Path, name: str, building: Path, manifest: Manifest) -> Path:
    """Rename a complete build into place and write its manifest beside it."""
    release = releases_dir(web_root) / name
    try:
        manifest_path = release.with_name(name + MANIFEST_SUFFIX)
        temporary = manifest_path.with_name(f".{manifest_path.name}.tmp")
        temporary.write_text(manifest.to_json(), encoding="utf-8")
        os.replace(temporary, manifest_path)
        os.rename(building, release)
    except OSError as error:
        raise ReleaseError("releases_failed", release, error.strerror or str(error)) from None
    return release


def read_manifest(release: Path) -> Manifest | None:
    """The manifest of a release; None when it is missing or unreadable."""
    try:
        return Manifest.from_json(release.with_name(release.name + MANIFEST_SUFFIX).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, AttributeError):
        return None


def switch(web_root: Path, release: Path) -> None:
    """Make `release` the served site in one rename(2) of a symlink over `current`."""
    require_posix(web_root)
    link = web_root / CURRENT
    if link.exists() and not link.is_symlink():
        raise ReleaseError("releases_current_not_link", link)
    temporary = web_root / f".{CURRENT}.{os.getpid()}.tmp"
    try:
        if temporary.is_symlink() or temporary.exists():
            temporary.unlink()
        os.symlink(os.path.relpath(release, web_root), temporary)
        os.replace(temporary, link)
    except OSError as error:
        raise ReleaseError("releases_failed", link, error.strerror or str(error)) from None


def remove_unfinished(web_root: Path) -> list[Path]:
    """Remove builds a stopped process left half-written (never served: not yet renamed)."""
    folder = releases_dir(web_root)
    removed = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name.startswith(BUILDING) and path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    for stale in web_root.glob(f".{CURRENT}.*.tmp"):
        if stale.is_symlink():
            stale.unlink()
    return removed


def prune(web_root: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` releases; the served one is always kept."""
    served = current_release(web_root)
    releases = complete_releases(web_root)
    old = releases[: max(0, len(releases) - max(1, keep))]
    removed = []
    for release in old:
        if served is not None and release.resolve() == served:
            continue
        shutil.rmtree(release, ignore_errors=True)
        release.with_name(release.name + MANIFEST_SUFFIX).unlink(missing_ok=True)
        removed.append(release)
    return removed


def rollback(web_root: Path) -> tuple[Path, Path]:
    """Switch `current` to the release before the served one: (from, to)."""
    require_posix(web_root)
    served = current_release(web_root)
    if served is None:
        raise ReleaseError("rollback_no_current", web_root / CURRENT)
    releases = [release.resolve() for release in complete_releases(web_root)]
    earlier = [release for release in releases if release.name < served.name]
    if not earlier:
        raise ReleaseError("rollback_no_previous", served)
    switch(web_root, earlier[-1])
    return served, earlier[-1]
