"""Moving posts between `pending/`, `content/` and `pending/expired/` without ever losing one.

The order is: write the new copy beside its target, fsync, link it into place (which
fails rather than overwrite), fsync the folder, then remove the old file. A crash at
any point leaves the post in its old place, or in both places; the next move of that
post finishes the job only when the copy in the target is exactly what the move
writes: the source's bytes plus the one record line the move adds (`taken_down`,
`published`). Any other file in the target, even the same post without its
sign-offs, is a clash: both are kept and reported. A lock file serialises moves, so
two builds cannot both move the same post.

Temporary copies have short names of their own (`.<hash>.gate-tmp`), so a file name
that is legal (at most 255 bytes) can always be moved. Nothing here imports a
POSIX-only module at load time: the lock uses `fcntl` on POSIX and `msvcrt` on Windows.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..core.records import RecordError, without_record

LOCK_NAME = ".approval-gate.lock"
TMP_SUFFIX = ".gate-tmp"


class MoveError(OSError):
    """A move that was refused or failed; the post is still where it was.

    `code` is a catalogue key: move_clash, move_failed, lock_timeout, move_symlink."""

    def __init__(self, code: str, path: Path, detail: str = ""):
        super().__init__(f"{code}: {path}: {detail}")
        self.code = code
        self.path = path
        self.detail = detail


@contextlib.contextmanager
def repository_lock(folder: Path, timeout: float = 60.0) -> Iterator[None]:
    """An exclusive lock on `folder/.approval-gate.lock`, waiting up to `timeout`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:  # a read-only checkout: report it like any failed move
        raise MoveError("move_failed", folder / LOCK_NAME, error.strerror or str(error)) from None
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise MoveError("lock_timeout", folder / LOCK_NAME) from None
            time.sleep(0.05)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _try_lock(handle: int) -> bool:
    """Take the exclusive lock on the open lock file without waiting; False if another process holds it."""
    if sys.platform == "win32":
        import msvcrt  # Windows only: imported here so that the module loads everywhere

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)  # the first byte; released when the file closes
        except OSError:
            return False
        return True
    import fcntl  # POSIX only

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename itself
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def temporary_for(target: Path) -> Path:
    """The temporary copy's name beside `target`: short whatever the target's name (255-byte limit)."""
    tag = hashlib.sha256(os.fsencode(target.name)).hexdigest()[:16]
    return target.with_name(f".{tag}{TMP_SUFFIX}")


RECORD_KEYS = ("taken_down", "published")


def left_by_move(source: bytes, target: bytes) -> bool:
    """True if `target` is exactly what a move of `source` writes: the same bytes, or the same
    bytes plus the one record line a move adds. Anything else in the target is a clash."""
    if source == target:
        return True
    try:
        text, copy = source.decode("utf-8"), target.decode("utf-8")
    except UnicodeDecodeError:
        return False
    for key in RECORD_KEYS:
        try:
            if without_record(copy, key) == text:
                return True
        except RecordError:
            continue
    return False


def clashes(source: Path, target: Path) -> bool:
    """True if `target` exists and is not what a move of `source` writes (so neither may move)."""
    try:
        return os.path.lexists(target) and not left_by_move(source.read_bytes(), target.read_bytes())
    except OSError:
        return True  # an unreadable target is in the way: keep both


class FileChanged(OSError):
    """The file no longer holds what the caller read: someone changed it meanwhile."""


def replace_file(file: Path, expected: bytes, new: bytes) -> None:
    """Write `new` over `file` atomically, unless `file` no longer holds `expected`.

    The temporary copy sits beside it under `temporary_for`'s short name (so os.replace is a
    rename, and `clean_temporaries` removes it if the process dies half-way)."""
    temporary = temporary_for(file)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IMODE(file.stat().st_mode))
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(new)
            stream.flush()
            os.fsync(stream.fileno())
        if file.read_bytes() != expected:
            raise FileChanged(errno.EAGAIN, "changed while being rewritten", str(file))
        os.replace(temporary, file)
        _fsync_dir(file.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write_new(target: Path, data: bytes) -> None:
    """Create `target` with `data`, durably, failing if it exists."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_for(target)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)  # left by an interrupted move; we hold the lock
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(handle, view)
                view = view[written:]
            os.fsync(handle)
        finally:
            os.close(handle)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # a full disk should not keep a half copy as well
        raise
    try:
        os.link(temporary, target)  # atomic, and never replaces an existing file
    finally:
        os.unlink(temporary)
    _fsync_dir(target.parent)


def move_post(source: Path, target: Path, transform: Callable[[bytes], bytes] = lambda data: data) -> str:
    """Move one post file; the caller holds `repository_lock`.

    Returns 'moved', 'resolved' (a copy left by an interrupted move was completed)
    or 'gone' (someone else moved it first). Raises MoveError and changes nothing
    else if the target holds anything but what this move writes, or the disk refuses.
    Symlinks are never followed: a symlink as source or target is refused.
    """
    if source.is_symlink():
        raise MoveError("move_symlink", source)
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        return "gone"
    except OSError as error:
        raise MoveError("move_failed", source, error.strerror or str(error)) from None
    outcome = "moved"
    if target.is_symlink():
        raise MoveError("move_symlink", target)
    if target.exists():
        try:
            held = target.read_bytes()
        except OSError as error:
            raise MoveError("move_failed", target, error.strerror or str(error)) from None
        if not left_by_move(data, held):
            raise MoveError("move_clash", target)
        outcome = "resolved"
    else:
        try:
            _write_new(target, transform(data))
        except FileExistsError:
            raise MoveError("move_clash", target) from None
        except OSError as error:
            detail = "no space left" if error.errno == errno.ENOSPC else (error.strerror or str(error))
            raise MoveError("move_failed", target, detail) from None
    remove_file(source)
    return outcome


def attachments_of(post_file: Path) -> Path:
    """A post's attachments live in a folder named like the post: flu.md -> flu/."""
    return post_file.with_suffix("")


def move_attachments(source_post: Path, target_post: Path) -> bool:
    """Move the post's attachments folder along with it; refuses to merge folders."""
    source, target = attachments_of(source_post), attachments_of(target_post)
    if source.is_symlink():
        raise MoveError("move_symlink", source)
    if not source.is_dir():
        return False
    if os.path.lexists(target):
        raise MoveError("move_clash", target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(source, target)
        _fsync_dir(target.parent)
        _fsync_dir(source.parent)
    except OSError as error:
        raise MoveError("move_failed", target, error.strerror or str(error)) from None
    return True


def clean_temporaries(folder: Path, on_remove: Callable[[Path], None] = lambda path: None) -> None:
    """Remove half-written copies left by interrupted moves (the originals are intact)."""
    if not folder.is_dir():
        return
    for leftover in folder.rglob(f".*{TMP_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
            on_remove(leftover)


def write_atomically(target: Path, data: bytes) -> None:
    """Replace `target` with `data` durably: a reader sees the old file or the new one, never
    half of either, even if the process stops half-way. The caller holds `repository_lock`."""
    if target.is_symlink():
        raise MoveError("move_symlink", target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_for(target)
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        _fsync_dir(target.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise MoveError("move_failed", target, error.strerror or str(error)) from None


def create_file(target: Path, data: bytes) -> None:
    """Write a new file durably; never replaces anything (MoveError `move_clash` if `target` exists).
    The caller holds `repository_lock`."""
    if os.path.lexists(target):
        raise MoveError("move_symlink" if target.is_symlink() else "move_clash", target)
    try:
        _write_new(target, data)
    except FileExistsError:
        raise MoveError("move_clash", target) from None
    except OSError as error:
        raise MoveError("move_failed", target, error.strerror or str(error)) from None


def remove_file(file: Path) -> None:
    """Remove a post file whose bytes are safely elsewhere (the caller checked), durably."""
    try:
        os.unlink(file)
        _fsync_dir(file.parent)
    except FileNotFoundError:
        pass
    except OSError as error:
        raise MoveError("move_failed", file, error.strerror or str(error)) from None
