"""The gate as the files on disk see it: where posts are, how to read and judge them,
and how expired ones are taken down. The plugin and the `gate` command share it, so
they reach the same decision by the same code.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .decision import EXPIRED, Decision, Settings, decide
from .messages import Reason
from .moves import MoveError, clean_temporaries, move_attachments, move_post, repository_lock
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

    @classmethod
    def from_options(cls, root: Path, docs_dir: Path, options: dict[str, object]) -> Gate:
        """Build from the plugin options (a GateConfig or the same keys in a dict)."""
        roles = tuple(str(role) for role in options.get("roles") or ("chair", "director"))  # type: ignore[attr-defined]
        try:
            tz = ZoneInfo(str(options.get("timezone") or "Asia/Bangkok"))
        except (ZoneInfoNotFoundError, ValueError):
            tz = ZoneInfo("Asia/Bangkok")
        registry_path = root / str(options.get("registry") or "approvers.yml")
        registry: Registry | None = None
        problem: Reason | None = None
        try:
            registry = parse_registry(registry_path.read_text(encoding="utf-8"), roles)
        except OSError as error:
            problem = Reason("registry_unreadable", None, {"path": str(registry_path.name), "detail": error.strerror or str(error)})
        except UnicodeDecodeError:
            problem = Reason("registry_unreadable", None, {"path": registry_path.name, "detail": "not UTF-8"})
        except RegistryError as error:
            from .messages import message

            detail = message(error.code, "en", key=error.key, detail=error.detail)
            problem = Reason("registry_unreadable", None, {"path": registry_path.name, "detail": detail})
        site_id = str(options.get("site_id") or (registry.site_id if registry else ""))
        if registry is not None and site_id != registry.site_id:
            problem = Reason(
                "registry_unreadable", None, {"path": registry_path.name, "detail": f"site_id {registry.site_id!r} != {site_id!r}"}
            )
            registry = None
        categories = tuple(str(item) for item in options.get("categories") or ())  # type: ignore[attr-defined]
        default_agency = options.get("default_agency")
        return cls(
            root=root,
            docs_dir=docs_dir,
            pending_dir=root / str(options.get("pending_dir") or "pending"),
            expired_dir=root / str(options.get("expired_dir") or "pending/expired"),
            settings=Settings(site_id=site_id, roles=roles, signatures=options.get("signatures", "required") != "off"),
            rules=Rules(timezone=tz, default_agency=str(default_agency) if default_agency else None, categories=categories),
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
        for place, base in ((EXPIRED_PLACE, self.expired_dir), (CONTENT, self.docs_dir), (PENDING, self.pending_dir)):
            try:
                return place, resolved.relative_to(base.resolve()).as_posix()
            except ValueError:
                continue
        raise ValueError(f"{file} is not under {self.docs_dir}, {self.pending_dir} or {self.expired_dir}")

    def target(self, place: str, post_path: str) -> Path:
        base = {CONTENT: self.docs_dir, PENDING: self.pending_dir, EXPIRED_PLACE: self.expired_dir}[place]
        return base / post_path

    def post_files(self) -> Iterator[Path]:
        """Every post under content (exempt pages excluded), pending and expired."""
        expired = self.expired_dir.resolve()
        for base in (self.docs_dir, self.pending_dir, self.expired_dir):
            if not base.is_dir():
                continue
            for file in sorted(base.rglob("*.md")):
                if any(part.startswith(".") for part in file.relative_to(base).parts):
                    continue
                if base != self.expired_dir and expired in file.resolve().parents:
                    continue
                if base == self.docs_dir and self.is_exempt(file.relative_to(base).as_posix()):
                    continue
                yield file

    # --- judging -------------------------------------------------------------

    def judge_bytes(self, raw: bytes, post_path: str, now: dt.datetime) -> tuple[Post, Decision]:
        post = load_post(raw, post_path, self.rules)
        if self.registry_problem is not None:
            post = Post(**{**post.__dict__, "problems": (*post.problems, self.registry_problem)})
        return post, decide(post, self.registry, self.settings, now)

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
        return [self.judge(file, now) for file in self.post_files()]

    # --- taking down ---------------------------------------------------------

    def take_down(self, expired_posts: list[str], now: dt.datetime, *, dry_run: bool = False) -> TakeDown:
        """Move each expired post (by post path, under content) to the expired folder.

        Re-judges each post under the lock, so a post changed since the build is not
        moved on stale information."""
        result = TakeDown()
        stamp = now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

        def record(data: bytes) -> bytes:
            text = data.decode("utf-8")
            try:
                return add_record(text, "taken_down", {"at": stamp, "reason": "expired"}).encode("utf-8")
            except RecordError:
                return data  # already recorded by an interrupted earlier move

        if dry_run:
            result.moved = list(expired_posts)
            return result
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
                    move_post(source, target, record)
                    move_attachments(source, target)
                    result.moved.append(post_path)
                except MoveError as error:
                    result.problems.append((post_path, error.code, str(error.path)))
        return result

    def expired_in_content(self, now: dt.datetime) -> list[str]:
        return [
            judged.post.path
            for judged in self.judge_all(now)
            if judged.place == CONTENT and judged.decision.state == EXPIRED
        ]
