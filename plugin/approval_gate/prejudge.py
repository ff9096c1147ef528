"""Judging a build's posts on a second core while MkDocs is still collecting its files.

A plain `mkdocs build` needs every verdict in `on_files`, and judging (strict YAML,
two Ed25519 checks a post) used to run there on the critical path. The post files
are already known in `on_config`, so a forked worker starts on them from the front
of the list; when `on_files` comes, the main process takes posts from the back until
the two meet. Both run the same `Gate.judge_read`, and a post the worker does not
deliver (it died, could not read the file) is judged again in the main process, so
the worker can only ever save time, never change a verdict.

In a `--strict` build the signature checks are deferred as well: both sides decide as if
every signature verified, recording each check, and the worker runs all of them while the
blog and the rest of MkDocs work, until `on_env`, before anything is written. A check that
fails there fails the build, which a strict build does for such a post anyway, so only
the time of the failure moves, never what is published. Last, the worker hashes again the
posts Material's blog read itself in `on_files`, for the same check the build process makes
without a worker: that the blog read the bytes that were judged.

Only where `fork` is cheap and safe: Linux, a single-threaded process, two cores.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import gc
import hashlib
import mmap
import multiprocessing
import os
import pickle
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import replace
from multiprocessing.connection import Connection
from typing import BinaryIO

from mkdocs.utils import is_markdown_file

from . import signing
from .decision import Decision
from .post import Post
from .repository import Gate, usable_cores

START_FROM = 64  # fewer posts are judged faster than a worker starts
CHUNK = 64  # verdicts the worker pickles at a time, while it still has posts to judge
Verdict = tuple[str, Post, Decision]  # (SHA-256 of the bytes judged, post, decision)
Check = tuple[int, tuple[str, bytes, str]]  # (index of the post, (public key line, statement, signature))


def pages_to_judge(docs_dir: str, gate: Gate) -> list[tuple[str, str]]:
    """(src URI, absolute path) of the pages `on_files` will judge, walked the way MkDocs walks."""
    found = []
    docs_dir = os.path.normpath(docs_dir)  # so every walked path is normal too
    for folder, dirs, names in os.walk(docs_dir, followlinks=True):
        dirs.sort()
        relative = os.path.relpath(folder, docs_dir).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in sorted(names):
            if is_markdown_file(name) and not gate.is_exempt(prefix + name):
                found.append((prefix + name, os.path.join(folder, name)))
    return found


def _record(checks: list[Check], index: int, line: str, statement: bytes, signature: str) -> bool:
    """A stand-in for `signing.verify` that defers the check: noted now, run by the worker later."""
    checks.append((index, (line, statement, signature)))
    return True


def digest_now(path: str) -> str | None:
    """SHA-256 of a file as it is now; None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None


def _spill(out: BinaryIO, verdicts: dict[int, Verdict]) -> None:
    data = pickle.dumps(verdicts, pickle.HIGHEST_PROTOCOL)
    out.write(len(data).to_bytes(8, "big") + data)


def _read_spilled(source: BinaryIO) -> dict[int, Verdict]:
    """Every complete chunk the worker wrote; one cut short (it died writing it) is left out."""
    source.seek(0)
    found: dict[int, Verdict] = {}
    while len(head := source.read(8)) == 8:
        size = int.from_bytes(head, "big")
        data = source.read(size)
        if len(data) < size:
            break
        found.update(pickle.loads(data))
    return found


class Prejudge:
    """A worker judging `files` from the front while the main process may take them from the back."""

    def __init__(self, gate: Gate, now: dt.datetime, files: list[tuple[str, str]], *, defer: bool = False) -> None:
        context = multiprocessing.get_context("fork")
        self.gate, self.now, self.files, self.defer = replace(gate, cache=None), now, files, defer
        # The worker's verdicts go to an unnamed file as it goes, so none is left to pickle and
        # send when the two meet; the pipe only says "done" (and carries the deferred checks).
        self.spilled = tempfile.TemporaryFile()  # noqa: SIM115 - outlives this call; closed in close()
        # Next index from the front, from the back, in memory the worker shares (multiprocessing's
        # Lock and RawArray would cost 5 ms of imports).
        self.ends = memoryview(mmap.mmap(-1, 16)).cast("q")
        self.ends[0], self.ends[1] = 0, len(files) - 1
        self.connection, theirs = context.Pipe()
        self.worker = context.Process(target=self._work, args=(theirs,), daemon=True, name="approval-gate judge")
        self.worker.start()
        theirs.close()
        self.by_worker = self.by_main = 0  # verdicts delivered by each, known after `verdicts()`
        self.rehashing: list[tuple[str, str]] = []  # files the worker hashes again, see `rehash()`

    @classmethod
    def start(cls, gate: Gate, docs_dir: str, now: dt.datetime, *, defer: bool = False) -> Prejudge | None:
        """A running worker, or None where judging in `on_files` is as fast or forking is unsafe."""
        if not sys.platform.startswith("linux") or usable_cores() < 2 or threading.active_count() > 1:
            return None
        files = pages_to_judge(docs_dir, gate)
        if len(files) < START_FROM:
            return None
        try:
            return cls(gate, now, files, defer=defer)
        except OSError:  # no temporary file, no process: judge in on_files
            return None

    @contextlib.contextmanager
    def _ends_locked(self) -> Iterator[None]:
        # A lock on the file's first byte: POSIX record locks belong to a process, not to the
        # descriptor the two share, so they exclude each other.
        fcntl.lockf(self.spilled, fcntl.LOCK_EX, 1, 0, os.SEEK_SET)
        try:
            yield
        finally:
            fcntl.lockf(self.spilled, fcntl.LOCK_UN, 1, 0, os.SEEK_SET)

    def _claim(self, front: bool) -> int | None:
        with self._ends_locked():
            first, last = self.ends[0], self.ends[1]
            if first > last:
                return None
            if front:
                self.ends[0] = first + 1
                return first
            self.ends[1] = last - 1
            return last

    def _judge_share(self, front: bool) -> tuple[dict[int, Verdict], list[Check]]:
        """Judge posts from one end until the two ends meet; a file that cannot be read is left out
        (the build process reads it again and reports the error itself). The worker (front) spills
        its verdicts to the file every CHUNK posts and returns none."""
        verdicts: dict[int, Verdict] = {}
        checks: list[Check] = []
        while (index := self._claim(front)) is not None:
            src_uri, path = self.files[index]
            verify = functools.partial(_record, checks, index) if self.defer else None
            with contextlib.suppress(OSError):
                verdicts[index] = self.gate.judge_read(path, src_uri, self.now, verify=verify)
            if front and len(verdicts) >= CHUNK:
                _spill(self.spilled, verdicts)
                verdicts = {}
        if front and verdicts:
            _spill(self.spilled, verdicts)
            verdicts = {}
        return verdicts, checks

    def _work(self, connection: Connection) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
        gc.disable()  # a collection would walk, and so copy, every page shared with the build process
        _, checks = self._judge_share(front=True)
        self.spilled.flush()
        connection.send(None)  # done: every verdict is in the file
        if self.defer:
            # Its own checks start at once, while the build process may still be collecting files
            # (the sooner the worker ends, the sooner the build stops copying pages they share),
            # but the build process's share is taken in as soon as it comes: sending it would
            # block the build once it outgrows the pipe's buffer.
            failed: set[int] = set()
            from_build: list[Check] | None = None
            for index, check in checks:
                if from_build is None and connection.poll():
                    from_build = connection.recv()
                if not signing.verify(*check):
                    failed.add(index)
            for index, check in connection.recv() if from_build is None else from_build:
                if not signing.verify(*check):
                    failed.add(index)
            connection.send(sorted(failed))
            wanted: list[int] = connection.recv()  # see `rehash()`
            connection.send([digest_now(self.files[index][1]) for index in wanted])
        connection.close()

    def verdicts(self) -> dict[tuple[str, str], Verdict]:
        """Every verdict, keyed by (src URI, absolute path): the main process's share, then the worker's."""
        collecting = gc.isenabled()
        gc.disable()  # judging and unpickling leave no cycles; a collection here walks all of MkDocs' objects
        try:
            mine, checks = self._judge_share(front=False)
            try:
                self.connection.recv()
                if self.defer:
                    self.connection.send(checks)
            except (EOFError, OSError):
                pass  # the worker died: what it did not write is judged again in on_files
            theirs = _read_spilled(self.spilled)
        finally:
            if collecting:
                gc.enable()
        if not self.defer:
            self.close()
        self.by_worker, self.by_main = len(theirs), len(mine)
        return {self.files[index]: verdict for index, verdict in {**theirs, **mine}.items()}

    def rehash(self, files: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """In a deferring build, after `verdicts()`: have the worker hash these (src URI, absolute
        path) again, as they are now; the digests come with `results()`. Returns the files the
        worker was not given, for the build process to hash itself."""
        index_of = {file: index for index, file in enumerate(self.files)}
        asked = [file for file in files if file in index_of]
        try:
            self.connection.send([index_of[file] for file in asked])
        except OSError:  # the worker died
            return files
        self.rehashing = asked
        return [file for file in files if file not in index_of]

    def results(self) -> tuple[set[str] | None, dict[tuple[str, str], str | None] | None]:
        """After `verdicts()` in a deferring build: the src URIs of posts with a signature that does
        not verify, and the digest now of each file `rehash()` asked about. Either is None when the
        worker could not say (it died): then the build process must do that work itself."""
        failed = digests = None
        try:
            failed = {self.files[index][0] for index in self.connection.recv()}
            if self.rehashing:
                digests = dict(zip(self.rehashing, self.connection.recv(), strict=True))
        except (EOFError, OSError):
            pass
        finally:
            self.close()
        return failed, digests

    def close(self) -> None:
        """Stop the worker: by now it has delivered all it will be asked for (or the build failed)."""
        self.connection.close()
        self.spilled.close()
        self.worker.kill()
        self.worker.join()
