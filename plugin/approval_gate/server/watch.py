"""`gate watch`: publish on the office's own server, on time to the minute.

The watcher builds the site, asks the gate for the next instant the site changes, sleeps
until exactly then (in steps of at most `poll` seconds, waking early when the repository
changes), builds again and deploys atomically (`releases`). All it knows lives in files:
the served release and its manifest (what was live, the next change, the repository's
fingerprint), so a restart, even after SIGKILL, carries on from there.

- The build runs as a subprocess (`python -m mkdocs build`), into a folder nobody serves:
  killing it at any point leaves the served site as it was (posts move only through
  `moves`, atomically, and only after a successful build).
- A failed build keeps the last good site and is retried with back-off (doubling from
  `retry` up to `max_retry` seconds); each failure is one log line.
- A clock jump: `now` is read afresh at every wake-up and no sleep is longer than `poll`,
  so a jump forward past a change builds at once; a jump back before the last build
  rebuilds, judged at the new time.
- The clock is the machine's, or, for tests and drills, the instant written in the file
  named by `GATE_CLOCK_FILE` (ISO 8601), read at every wake-up.
- With an nginx snippet, the `410 Gone` configuration for the taken-down URLs is rewritten
  only when it changed, checked with the test command (`nginx -t`) and the server reloaded
  only when that passes; otherwise the previous snippet is put back and reported.

This module is an adapter (subprocesses, files, sleeping); the decisions come from the
gate through the `judge` callable the command line passes in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..services.moves import LOCK_NAME, TMP_SUFFIX
from ..services.queue import Change
from ..site.tombstones import LIST_NAME
from . import releases, webserver

CLOCK_ENV = "GATE_CLOCK_FILE"
WITNESS_NAME = "signoffs-seen.json"  # written by the build itself: not a change to the site's sources


class WatchError(Exception):
    """A step of a cycle that failed; `code` is a catalogue key."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Judgement:
    """What the gate says at a build instant: live posts (post path -> title) and the changes to come."""

    live: dict[str, str]
    changes: list[Change]


def read_clock(environ: dict[str, str] | None = None) -> dt.datetime:
    """Now, to the second: the instant in GATE_CLOCK_FILE when set, else the machine's clock (UTC)."""
    environ = dict(os.environ) if environ is None else environ
    clock_file = environ.get(CLOCK_ENV)
    if not clock_file:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        text = Path(clock_file).read_text(encoding="utf-8").strip()
        moment = dt.datetime.fromisoformat(text)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise WatchError("watch_clock_bad", path=clock_file, detail=str(error)) from None
    if moment.tzinfo is None:
        raise WatchError("watch_clock_bad", path=clock_file, detail=f"{text!r} has no UTC offset")
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def fingerprint(paths: Sequence[Path]) -> str:
    """A digest of every file's name, size and modification time under `paths`: it changes
    when a post, an attachment, the registry or the configuration is added, edited or moved."""
    digest = hashlib.sha256()
    for base in paths:
        if base.is_file():
            entries = [base]
        elif base.is_dir():
            entries = sorted(path for path in base.rglob("*") if path.is_file() or path.is_symlink())
        else:
            entries = []
        for path in entries:
            if path.name == LOCK_NAME or path.name.endswith(TMP_SUFFIX):
                continue
            try:
                info = path.lstat()
            except OSError:
                continue
            digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def iso(moment: dt.datetime | None) -> str | None:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def parse_iso(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


@dataclass
class Options:
    root: Path
    config_file: Path
    web_root: Path
    sources: list[Path]
    keep: int = 5
    poll: float = 2.0
    git_pull: float | None = None
    strict: bool = True
    retry: float = 10.0
    max_retry: float = 300.0
    nginx_snippet: Path | None = None
    nginx_test: list[str] = field(default_factory=list)
    nginx_reload: list[str] = field(default_factory=list)
    after_build: list[str] = field(default_factory=list)
    capture: bool = True  # print screens of posts newly live (gate capture), before `after_build` commits them


@dataclass
class Outcome:
    """One build: its instant, the release it made live, what went up and came down, the next change."""

    at: dt.datetime
    release: str
    up: dict[str, str]
    down: dict[str, str]
    next_change: dt.datetime | None
    lenient: bool = False
    warnings: list[str] = field(default_factory=list)


class Watcher:
    """The loop: decide whether a build is due, build, deploy, sleep."""

    def __init__(
        self,
        options: Options,
        judge: Callable[[dt.datetime], Judgement],
        report: Callable[..., None],
        clock: Callable[[], dt.datetime] = read_clock,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options
        self.judge = judge
        self.report = report
        self.clock = clock
        self.sleep = sleep
        self.failures = 0
        self.retry_at = 0.0  # time.monotonic() before which a failed build is not retried
        self.last_pull = 0.0

    # --- state, from the files alone -----------------------------------------------------

    def served(self) -> tuple[Path | None, releases.Manifest | None]:
        release = releases.current_release(self.options.web_root)
        return release, (releases.read_manifest(release) if release else None)

    def due(self, now: dt.datetime) -> str | None:
        """Why a build is due now ('first', 'change', 'edit', 'clock'), or None."""
        release, manifest = self.served()
        if release is None or manifest is None:
            return "first"
        built_at = parse_iso(manifest.built_at)
        if built_at is None or now < built_at:
            return "clock"
        upcoming = parse_iso(manifest.next_change)
        if upcoming is not None and now >= upcoming:
            return "change"
        if manifest.fingerprint != fingerprint(self.options.sources):
            return "edit"
        return None

    def seconds_to_next(self, now: dt.datetime) -> float:
        _, manifest = self.served()
        upcoming = parse_iso(manifest.next_change) if manifest else None
        return max(0.0, (upcoming - now).total_seconds()) if upcoming else float("inf")

    # --- one build --------------------------------------------------------------------

    def build(self, now: dt.datetime) -> Outcome:
        """Build at `now` into a new release and make it the served site."""
        options = self.options
        _, previous = self.served()
        sources = fingerprint(options.sources)  # before the build: an edit during it triggers the next one
        name, building = releases.start_build(options.web_root, now)
        try:
            lenient = False
            result = self.run_mkdocs(building, now, strict=options.strict)
            warnings = warning_lines(result.stderr)
            if result.returncode != 0 and options.strict:
                lenient = True
                shutil.rmtree(building, ignore_errors=True)
                building.mkdir()
                result = self.run_mkdocs(building, now, strict=False)
            if result.returncode != 0:
                raise WatchError("watch_build_failed", status=result.returncode, detail=last_lines(result.stderr))
            judgement = self.judge(now)
            upcoming = judgement.changes[0].at if judgement.changes else None
            manifest = releases.Manifest(iso(now) or "", judgement.live, iso(upcoming), sources)
            release = releases.finish_build(options.web_root, name, building, manifest)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        releases.switch(options.web_root, release)
        if options.nginx_snippet is not None:
            # After the switch: a taken-down URL already serves its notice page (200, noindex),
            # and from the reload on answers 410 with it. Reloading first would let an old nginx
            # worker, still answering while the new ones start, serve the post again after a 410.
            try:
                self.update_nginx(options.nginx_snippet, release)
            except WatchError as error:  # the notices are up anyway; the next build tries again
                self.report(error.code, **error.params)
        if options.capture:  # ITA evidence; never holds back the deploy, retried at the next build
            command = [sys.executable, "-m", "approval_gate", "-f", str(options.config_file), "capture"]
            problem = run_command([*command, "--site", str(release)], cwd=options.root, env=self.clock_env(now))
            if problem is not None:
                self.report("watch_capture_failed", detail=problem)
        if options.after_build:  # e.g. commit and push the take-downs: scripts/publish-local commit
            problem = run_command(options.after_build, cwd=options.root)
            if problem is not None:
                self.report("watch_after_build_failed", command=" ".join(options.after_build), detail=problem)
        releases.prune(options.web_root, options.keep)
        before = previous.live if previous else {}
        up = {path: title for path, title in judgement.live.items() if path not in before}
        down = {path: title for path, title in before.items() if path not in judgement.live}
        return Outcome(now, name, up, down, upcoming, lenient, warnings)

    def run_mkdocs(self, target: Path, now: dt.datetime, *, strict: bool) -> subprocess.CompletedProcess[str]:
        options = self.options
        command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(options.config_file)]
        command += ["-d", str(target)] + (["--strict"] if strict else [])
        return subprocess.run(
            command, cwd=options.root, env=self.clock_env(now), capture_output=True, text=True, errors="replace",
            check=False,
        )  # fmt: skip

    @staticmethod
    def clock_env(now: dt.datetime) -> dict[str, str]:
        """The environment of a child that must judge at the watcher's instant (SOURCE_DATE_EPOCH)."""
        return {**os.environ, "SOURCE_DATE_EPOCH": str(int(now.timestamp())), "NO_MKDOCS_2_WARNING": "1"}

    def update_nginx(self, snippet: Path, release: Path) -> None:
        """Rewrite the 410 snippet when it changed; `nginx -t`, then reload; put the old one back on failure."""
        options = self.options
        listed = release / LIST_NAME
        urls = webserver.read_list(release) if listed.is_file() else []
        config = webserver.nginx_config(urls)
        for url in config.skipped:
            self.report("nginx_skipped_url", url=url)
        old = snippet.read_text(encoding="utf-8") if snippet.is_file() else None
        if old == config.text:
            return
        write_file(snippet, config.text)
        if not options.nginx_test and not options.nginx_reload:  # a systemd path unit tests and reloads it
            self.report("watch_nginx_written", path=str(snippet), count=len(config.urls))
            return
        tested = run_command(options.nginx_test)
        if tested is not None:
            if old is None:
                snippet.unlink(missing_ok=True)
            else:
                write_file(snippet, old)
            raise WatchError("watch_nginx_rejected", path=str(snippet), detail=tested)
        reloaded = run_command(options.nginx_reload)
        if reloaded is not None:
            raise WatchError("watch_nginx_reload_failed", path=str(snippet), detail=reloaded)
        self.report("watch_nginx_reloaded", path=str(snippet), count=len(config.urls))

    # --- the loop ----------------------------------------------------------------------

    def pull(self) -> None:
        interval = self.options.git_pull
        if not interval or time.monotonic() - self.last_pull < interval:
            return
        self.last_pull = time.monotonic()
        command = ["git", "-C", str(self.options.root), "pull", "--ff-only", "--quiet"]
        problem = run_command(command)
        if problem is not None:
            self.report("watch_pull_failed", detail=problem)

    def step(self) -> Outcome | None:
        """One wake-up: pull if it is time, build if one is due, and say what happened."""
        self.pull()
        now = self.clock()
        why = self.due(now)
        if why is None or time.monotonic() < self.retry_at:
            return None
        _, manifest = self.served()
        try:
            outcome = self.build(now)
        except Exception as error:  # whatever broke this build, the served site stays and it is retried
            self.failures += 1
            delay = min(self.options.max_retry, self.options.retry * 2 ** (self.failures - 1))
            self.retry_at = time.monotonic() + delay
            release = releases.current_release(self.options.web_root)
            self.report("watch_failed", at=now, release=release.name if release else None, delay=f"{delay:g}")
            if isinstance(error, WatchError):
                self.report(error.code, **error.params)
            elif isinstance(error, releases.ReleaseError):
                self.report(error.code, path=error.path, detail=error.detail)
            else:
                self.report("watch_error", detail=f"{type(error).__name__}: {error}")
            return None
        self.failures, self.retry_at = 0, 0.0
        if why == "clock" and manifest is not None:
            self.report("watch_clock_back", built=manifest.built_at)
        self.report("watch_built", outcome=outcome)
        return outcome

    def wait(self) -> None:
        """Sleep until the next change, but never longer than `poll` (edits, clock jumps, retries)."""
        try:
            now = self.clock()
        except WatchError:
            self.sleep(self.options.poll)
            return
        seconds = min(self.options.poll, self.seconds_to_next(now))
        if self.retry_at:
            seconds = min(seconds, max(0.0, self.retry_at - time.monotonic()))
        self.sleep(max(seconds, 0.01))

    def run(self, *, once: bool = False) -> int:
        """Forever (or one build with `once`); returns the exit status for `once`."""
        releases.require_posix(self.options.web_root)
        for stale in releases.remove_unfinished(self.options.web_root):
            self.report("watch_removed_unfinished", path=str(stale))
        while True:
            try:
                outcome = self.step()
            except WatchError as error:  # the clock file could not be read: nothing is built
                self.report(error.code, **error.params)
                outcome = None
                if once:
                    return 1
            if once:
                return 1 if outcome is None and self.failures else 0
            self.wait()


def warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("WARNING")]


def last_lines(text: str, count: int = 5) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return " | ".join(lines[-count:])


def write_file(path: Path, text: str) -> None:
    """Write a whole file or nothing: a temporary file beside it, then rename(2)."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def run_command(command: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str | None:
    """Run a command; None when it succeeded, else what it said (its last lines)."""
    if not command:
        return None
    try:
        result = subprocess.run(
            list(command), cwd=cwd, env=env, capture_output=True, text=True, errors="replace", check=False
        )
    except OSError as error:
        return f"{command[0]}: {error.strerror or error}"
    if result.returncode == 0:
        return None
    said = last_lines(result.stderr + result.stdout)
    return f"exit {result.returncode}: {said}" if said else f"exit {result.returncode}"
