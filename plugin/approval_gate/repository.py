"""The gate as the files on disk see it: where posts are, how to read and judge them,
and how expired ones are taken down. The plugin and the `gate` command share it, so
they reach the same decision by the same code.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import hardened, signing
from .decision import EXPIRED, Decision, Settings, Verifier, decide
from .messages import Reason
from .moves import MoveError, clashes, clean_temporaries, move_attachments, move_post, repository_lock
from .post import Post, Rules, load_post
from .records import RecordError, add_record
from .registry import Registry, RegistryError, parse_registry

CONTENT, PENDING, EXPIRED_PLACE = "content", "pending", "expired"


@dataclass(frozen=True)
class Judged:
    """A post file, where it is, and what the gate decided about it."""

    file: Path
    place: str  # content | pending | expired
    post: Post
    decision: Decision


@dataclass
class TakeDown:
    moved: list[str] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (post path, code, detail)


PARALLEL_FROM = 1000  # posts per worker process; below this, starting workers costs more than it saves


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def blog_rules(plugins: Mapping[str, Any], docs_dir: Path) -> dict[str, Any]:
    """`authors` and `blog_categories` for Rules: what the site's Material blog plugins accept.

    `authors`: the ids in the blog's authors file (`.authors.yml` in the blog folder), None
    when no blog has one (then `authors` is refused), empty when one cannot be read; the
    ids of several blogs are pooled. `blog_categories`: `categories_allowed`, or () when a
    blog allows any category."""
    import yaml

    authors: set[str] | None = None
    categories: list[str] = []
    restricted = True
    for name, plugin in plugins.items():
        options = getattr(plugin, "config", None)
        if not name.endswith("blog") or options is None or "authors_file" not in options:
            continue
        blog_dir = str(options.get("blog_dir") or "blog")
        file = docs_dir / str(options["authors_file"]).format(blog=blog_dir)
        if file.is_file():
            authors = authors if authors is not None else set()
            try:
                data = yaml.safe_load(file.read_text(encoding="utf-8-sig")) or {}
                found = data.get("authors") if isinstance(data, dict) else None
                if isinstance(found, dict):
                    authors.update(key for key in found if isinstance(key, str))
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                pass  # unreadable: no author id is accepted (Material stops the build on it anyway)
        allowed = list(options.get("categories_allowed") or ())
        restricted = restricted and bool(allowed)
        categories += [str(item) for item in allowed]
    return {
        "authors": frozenset(authors) if authors is not None else None,
        "blog_categories": tuple(dict.fromkeys(categories)) if restricted else (),
    }


def _detail(error: MoveError) -> str:
    """The folder in the way for a clash; what went wrong, and where, otherwise."""
    return str(error.path) if error.code == "move_clash" or not error.detail else f"{error.detail}: {error.path}"


def _judge_chunk(job: tuple[Gate, list[Path], dt.datetime]) -> list[Judged]:
    gate, files, now = job
    return [gate.judge(file, now) for file in files]


@dataclass
class JudgeCache:
    """Parsed posts and signature checks, kept by the plugin across `mkdocs serve` rebuilds.

    A post is keyed by the SHA-256 of its raw bytes and its path, a signature check by
    (key line, statement, signature): both are pure, so an unchanged post is neither
    parsed nor verified again. Decisions are not cached: they depend on `now`."""

    posts: dict[tuple[str, str, Rules], Post] = field(default_factory=dict)
    signatures: dict[tuple[str, bytes, str], bool] = field(default_factory=dict)
    parsed: int = 0  # this build: posts read and verified afresh
    reused: int = 0  # this build: posts taken from the cache

    def start_build(self) -> None:
        """Forget what the last build did not use (old versions of edited posts)."""
        self.posts = {key: post for key, post in self.posts.items() if key in self._seen_posts}
        self.signatures = {key: ok for key, ok in self.signatures.items() if key in self._seen_signatures}
        self._seen_posts: set[tuple[str, str, Rules]] = set()
        self._seen_signatures: set[tuple[str, bytes, str]] = set()
        self.parsed = self.reused = 0

    def __post_init__(self) -> None:
        self._seen_posts = set()
        self._seen_signatures = set()

    def post(self, raw: bytes, post_path: str, rules: Rules, raw_digest: str | None = None) -> Post:
        """`raw_digest`: the SHA-256 of `raw` when the caller has it already."""
        key = (raw_digest or hashlib.sha256(raw).hexdigest(), post_path, rules)
        self._seen_posts.add(key)
        post = self.posts.get(key)
        if post is None:
            post = self.posts[key] = load_post(raw, post_path, rules)
            self.parsed += 1
        else:
            self.reused += 1
        return post

    def verify(self, line: str, message: bytes, sig: str) -> bool:
        key = (line, message, sig)
        self._seen_signatures.add(key)
        ok = self.signatures.get(key)
        if ok is None:
            ok = self.signatures[key] = signing.verify(line, message, sig)
        return ok


@dataclass
class Gate:
    root: Path
    docs_dir: Path
    pending_dir: Path
    expired_dir: Path
    settings: Settings
    rules: Rules
    exempt: tuple[str, ...]
    registry: Registry | None
    registry_problem: Reason | None
    cache: JudgeCache | None = None  # set by the plugin, which lives across serve rebuilds

    @classmethod
    def from_options(
        cls,
        root: Path,
        docs_dir: Path,
        options: dict[str, object],
        now: dt.datetime | None = None,
        blog: Mapping[str, Any] | None = None,
    ) -> Gate:
        """Build from the plugin options (a GateConfig or the same keys in a dict).

        `now` (default: the build clock) is only needed to check a hardened registry's expiry;
        `blog`: what `blog_rules` found (no blog: `authors` is refused, any blog category)."""
        roles = tuple(str(role) for role in options.get("roles") or ("chair", "director"))  # type: ignore[attr-defined]
        try:
            tz = ZoneInfo(str(options.get("timezone") or "Asia/Bangkok"))
        except (ZoneInfoNotFoundError, ValueError):
            tz = ZoneInfo("Asia/Bangkok")
        registry_path = root / str(options.get("registry") or "approvers.yml")
        registry: Registry | None = None
        problem: Reason | None = None
        try:
            registry_raw = registry_path.read_bytes()
            registry = parse_registry(registry_raw.decode("utf-8"), roles)
        except OSError as error:
            problem = Reason(
                "registry_unreadable", None, {"path": str(registry_path.name), "detail": error.strerror or str(error)}
            )
        except UnicodeDecodeError:
            problem = Reason("registry_unreadable", None, {"path": registry_path.name, "detail": "not UTF-8"})
        except RegistryError as error:
            from .messages import message

            detail = message(error.code, "en", key=error.key, detail=error.detail)
            problem = Reason("registry_unreadable", None, {"path": registry_path.name, "detail": detail})
        site_id = str(options.get("site_id") or (registry.site_id if registry else ""))
        if registry is not None and site_id != registry.site_id:
            problem = Reason(
                "registry_unreadable",
                None,
                {"path": registry_path.name, "detail": f"site_id {registry.site_id!r} != {site_id!r}"},
            )
            registry = None
        if registry is not None and hardened.enabled(os.environ):
            # Hardened mode: an unverifiable registry fails every post closed.
            try:
                if now is None:
                    from mkdocs.utils import get_build_datetime

                    now = get_build_datetime()
                hardened.check(registry_path, registry_raw, registry, now, os.environ)
            except hardened.RegistryTrustError as error:
                problem = Reason(error.code, None, {"path": registry_path.name, **error.params})
                registry = None
        categories = tuple(str(item) for item in options.get("categories") or ())  # type: ignore[attr-defined]
        default_agency = options.get("default_agency")
        return cls(
            root=root,
            docs_dir=docs_dir,
            pending_dir=root / str(options.get("pending_dir") or "pending"),
            expired_dir=root / str(options.get("expired_dir") or "pending/expired"),
            settings=Settings(site_id=site_id, roles=roles, signatures=options.get("signatures", "required") != "off"),
            rules=Rules(
                timezone=tz,
                default_agency=str(default_agency) if default_agency else None,
                categories=categories,
                **(blog or {}),
            ),
            exempt=tuple(str(item) for item in options.get("exempt") or ()),  # type: ignore[attr-defined]
            registry=registry,
            registry_problem=problem,
        )

    # --- where posts live ----------------------------------------------------

    def is_exempt(self, page_path: str) -> bool:
        return any(fnmatch.fnmatchcase(page_path, pattern) for pattern in self.exempt)

    def place_of(self, file: Path) -> tuple[str, str]:
        """(place, post path) of a post file: relative to the most specific root holding it."""
        resolved = file.resolve()
        for place, base in self._resolved_bases:
            try:
                return place, resolved.relative_to(base).as_posix()
            except ValueError:
                continue
        raise ValueError(f"{file} is not under {self.docs_dir}, {self.pending_dir} or {self.expired_dir}")

    @functools.cached_property
    def _resolved_bases(self) -> tuple[tuple[str, Path], ...]:
        # Resolving the three folders for every file was a third of `gate check` on 10,000 posts.
        places = ((EXPIRED_PLACE, self.expired_dir), (CONTENT, self.docs_dir), (PENDING, self.pending_dir))
        return tuple((place, base.resolve()) for place, base in places)

    def target(self, place: str, post_path: str) -> Path:
        base = {CONTENT: self.docs_dir, PENDING: self.pending_dir, EXPIRED_PLACE: self.expired_dir}[place]
        return base / post_path

    def post_files(self) -> Iterator[Path]:
        """Every post under content (exempt pages excluded), pending and expired."""
        expired = self.expired_dir.resolve()
        in_expired: dict[Path, bool] = {}  # per folder: resolving every file was 0.7 s of 10,000

        def under_expired(file: Path) -> bool:
            if file.is_symlink():
                return expired in file.resolve().parents
            folder = file.parent
            if folder not in in_expired:
                resolved = folder.resolve()
                in_expired[folder] = resolved == expired or expired in resolved.parents
            return in_expired[folder]

        for base in (self.docs_dir, self.pending_dir, self.expired_dir):
            if not base.is_dir():
                continue
            for file in sorted(base.rglob("*.md")):
                if any(part.startswith(".") for part in file.relative_to(base).parts):
                    continue
                if base != self.expired_dir and under_expired(file):
                    continue
                if base == self.docs_dir and self.is_exempt(file.relative_to(base).as_posix()):
                    continue
                yield file

    # --- judging -------------------------------------------------------------

    def judge_bytes(
        self,
        raw: bytes,
        post_path: str,
        now: dt.datetime,
        *,
        verify: Verifier | None = None,
        raw_digest: str | None = None,
    ) -> tuple[Post, Decision]:
        """`verify` replaces the signature check (the build defers checks with it, see prejudge)."""
        cache = self.cache
        post = cache.post(raw, post_path, self.rules, raw_digest) if cache else load_post(raw, post_path, self.rules)
        if self.registry_problem is not None:
            post = Post(**{**post.__dict__, "problems": (*post.problems, self.registry_problem)})
        verify = verify or (cache.verify if cache else signing.verify)
        return post, decide(post, self.registry, self.settings, now, verify=verify)

    def judge_read(
        self, path: str, post_path: str, now: dt.datetime, *, verify: Verifier | None = None
    ) -> tuple[str, Post, Decision]:
        """(SHA-256 of the bytes judged, post, decision) of one file; OSError when it cannot be read.

        The digest lets the plugin check, later in the build, that a plugin which reads
        posts itself (Material's blog) read these very bytes."""
        with open(path, "rb") as handle:
            raw = handle.read()
        digest = hashlib.sha256(raw).hexdigest()
        return (digest, *self.judge_bytes(raw, post_path, now, verify=verify, raw_digest=digest))

    def judge(self, file: Path, now: dt.datetime) -> Judged:
        place, post_path = self.place_of(file)
        try:
            raw = file.read_bytes()
        except OSError as error:
            post = Post(path=post_path, problems=(Reason("unreadable", None, {"detail": error.strerror or ""}),))
            return Judged(file, place, post, decide(post, self.registry, self.settings, now))
        post, decision = self.judge_bytes(raw, post_path, now)
        return Judged(file, place, post, decision)

    def judge_all(self, now: dt.datetime) -> list[Judged]:
        return self.judge_many(list(self.post_files()), now)

    def judge_many(self, files: list[Path], now: dt.datetime) -> list[Judged]:
        """`judge` for each file, in order; large sets are shared among the CPU cores.

        Parsing and two signature checks cost about 1 ms a post, so 10,000 posts on one
        core take seconds; worker processes divide that. Any failure to start them
        falls back to judging here, with the same results."""
        workers = min(usable_cores(), len(files) // PARALLEL_FROM)
        if workers < 2:
            return [self.judge(file, now) for file in files]
        from concurrent.futures import ProcessPoolExecutor  # here: builds never need it
        from concurrent.futures.process import BrokenProcessPool

        size = -(-len(files) // workers)
        chunks = [files[start : start + size] for start in range(0, len(files), size)]
        template = replace(self, cache=None)
        try:
            context = multiprocessing.get_context("fork")  # no re-import: the workers start in milliseconds
            with ProcessPoolExecutor(len(chunks) - 1, mp_context=context) as pool:
                # This process takes the first share itself: half as much to send back through pickles.
                others = pool.map(_judge_chunk, [(template, chunk, now) for chunk in chunks[1:]])
                parts = [[self.judge(file, now) for file in chunks[0]], *others]
        except (OSError, ValueError, BrokenProcessPool):
            return [self.judge(file, now) for file in files]
        return [judged for part in parts for judged in part]

    # --- taking down ---------------------------------------------------------

    def take_down(
        self,
        expired_posts: list[str],
        now: dt.datetime,
        *,
        dry_run: bool = False,
        urls: Mapping[str, str] | None = None,
    ) -> TakeDown:
        """Move each expired post (by post path, under content) to the expired folder.

        Re-judges each post under the lock, so a post changed since the build is not
        moved on stale information. `urls` (post path -> the URL it had) is recorded in
        `taken_down`, so later builds lay its tombstone without working the URL out again."""
        result = TakeDown()
        stamp = now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

        def recorder(post_path: str) -> Callable[[bytes], bytes]:
            entry = {"at": stamp, "reason": "expired"}
            if urls and post_path in urls:
                entry["url"] = urls[post_path]

            def record(data: bytes) -> bytes:
                try:
                    return add_record(data.decode("utf-8"), "taken_down", entry).encode("utf-8")
                except RecordError:
                    return data  # already recorded by an interrupted earlier move

            return record

        if dry_run:
            result.moved = list(expired_posts)
            return result
        try:
            with repository_lock(self.root):
                clean_temporaries(self.docs_dir)
                clean_temporaries(self.expired_dir)
                for post_path in expired_posts:
                    source = self.docs_dir / post_path
                    if not source.exists():
                        continue
                    if self.judge(source, now).decision.state != EXPIRED:
                        continue
                    target = self.expired_dir / post_path
                    try:
                        if clashes(source, target):
                            raise MoveError("move_clash", target)
                        # Attachments first: stopped in between, the post is still here (and still
                        # excluded) and is moved next time; the other way round its files would be
                        # left in the site with no post to exclude them.
                        move_attachments(source, target)
                        move_post(source, target, recorder(post_path))
                        result.moved.append(post_path)
                    except MoveError as error:
                        result.problems.append((post_path, error.code, _detail(error)))
        except MoveError as error:  # the lock: nothing was moved
            result.problems.extend((post_path, error.code, _detail(error)) for post_path in expired_posts)
        return result

    def expired_in_content(self, now: dt.datetime) -> list[str]:
        return [
            judged.post.path
            for judged in self.judge_all(now)
            if judged.place == CONTENT and judged.decision.state == EXPIRED
        ]
