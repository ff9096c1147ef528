"""Taking posts down: moving expired posts out of the site, and never-approved ones back to pending.

The same plan serves `gate sweep --dry-run` and the build. Every move is made under the
repository lock, attachments first, through `moves` (atomic, never overwriting), so an
interrupted take-down finishes when run again.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..core.decision import EXPIRED, Decision
from ..core.records import RecordError, add_record
from .moves import (
    MoveError,
    attachments_of,
    clashes,
    clean_temporaries,
    move_attachments,
    move_post,
    repository_lock,
)
from .repository import CONTENT, Gate, first_symlink


def ended_unapproved(decision: Decision) -> bool:
    """The period ended but the post was never approved by the whole chain."""
    return decision.state != EXPIRED and any(reason.code == "never_approved_ended" for reason in decision.reasons)


# What a take-down does with one post (PlannedMove.action).
MOVE, FINISH, CLASH, SYMLINK = "move", "finish", "clash", "symlink"


@dataclass(frozen=True)
class PlannedMove:
    """One expired post and what taking it down does: the same plan for `gate sweep --dry-run` and the build.

    `action`: `move` (to `target`), `finish` (an interrupted move left exactly this move's copy in
    `target`: remove the source), `clash` (`in_the_way` holds something else: both are kept) or
    `symlink` (`in_the_way` is a symbolic link: refused, never followed)."""

    post_path: str
    source: Path
    target: Path
    action: str
    attachments: Path | None = None  # the source's attachments folder, when there is one
    in_the_way: Path | None = None
    until: dt.datetime | None = None  # the end of the publication window: why it is taken down
    why: str = "expired"  # `taken_down.reason`: expired, or withdrawn (a verified withdrawal order)

    @property
    def problem(self) -> tuple[str, str, str] | None:
        """(post path, catalogue code, detail) when the post cannot be moved."""
        if self.action == CLASH:
            return (self.post_path, "takedown_clash", str(self.in_the_way))
        if self.action == SYMLINK:
            return (self.post_path, "move_symlink", str(self.in_the_way))
        return None


@dataclass
class TakeDown:
    moved: list[str] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (post path, code, detail)
    plan: list[PlannedMove] = field(default_factory=list)


def _detail(error: MoveError) -> str:
    """The folder in the way for a clash; what went wrong, and where, otherwise."""
    return str(error.path) if error.code == "move_clash" or not error.detail else f"{error.detail}: {error.path}"


def plan_take_down(gate: Gate, expired_posts: list[str], now: dt.datetime) -> list[PlannedMove]:
    """What taking down each post (by post path, under content) would do now.

    Posts no longer there or no longer expired are left out. Symbolic links on either
    side (the post, its attachments folder, any folder on the way) are refused up front."""
    plan = []
    for post_path in expired_posts:
        source = gate.docs_dir / post_path
        target = gate.expired_dir / post_path
        if not os.path.lexists(source):
            continue
        attachments = attachments_of(source)
        linked = (
            first_symlink(gate.root, source)
            or (attachments if attachments.is_symlink() else None)
            or first_symlink(gate.root, target)
            or (attachments_of(target) if attachments_of(target).is_symlink() else None)
        )
        if linked is not None:
            plan.append(PlannedMove(post_path, source, target, SYMLINK, in_the_way=linked))
            continue
        judged = gate.judge(source, now)
        if judged.decision.state != EXPIRED:
            continue
        until = judged.post.window.end if judged.post.window else None
        why = "withdrawn" if judged.decision.withdrawal is not None else "expired"
        folder = attachments if attachments.is_dir() else None
        if clashes(source, target):
            action, in_the_way = CLASH, target
        elif folder is not None and os.path.lexists(attachments_of(target)):
            action, in_the_way = CLASH, attachments_of(target)
        elif os.path.lexists(target):
            action, in_the_way = FINISH, None
        else:
            action, in_the_way = MOVE, None
        plan.append(PlannedMove(post_path, source, target, action, folder, in_the_way, until, why))
    return plan


def take_down(
    gate: Gate,
    expired_posts: list[str],
    now: dt.datetime,
    *,
    dry_run: bool = False,
    urls: Mapping[str, str] | None = None,
) -> TakeDown:
    """Move each expired post (by post path, under content) to the expired folder.

    Plans under the lock (so a post changed since the build is not moved on stale
    information), then carries the plan out: a clash or a symlink is reported and
    both files are kept. `urls` (post path -> the URL it had) is recorded in
    `taken_down`, so later builds lay its tombstone without working the URL out again.
    A dry run returns the same plan and moves nothing."""
    result = TakeDown()
    stamp = now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def recorder(post_path: str, why: str) -> Callable[[bytes], bytes]:
        entry = {"at": stamp, "reason": why}
        if urls and post_path in urls:
            entry["url"] = urls[post_path]

        def record(data: bytes) -> bytes:
            try:
                return add_record(data.decode("utf-8"), "taken_down", entry).encode("utf-8")
            except (RecordError, UnicodeDecodeError):
                return data  # already recorded by an interrupted earlier move

        return record

    if dry_run:
        result.plan = plan_take_down(gate, expired_posts, now)
        result.moved = [step.post_path for step in result.plan if step.problem is None]
        result.problems = [step.problem for step in result.plan if step.problem is not None]
        return result
    try:
        with repository_lock(gate.root):
            clean_temporaries(gate.docs_dir)
            clean_temporaries(gate.expired_dir)
            result.plan = plan_take_down(gate, expired_posts, now)
            for step in result.plan:
                if step.problem is not None:
                    result.problems.append(step.problem)
                    continue
                try:
                    # Attachments first: stopped in between, the post is still here (and still
                    # excluded) and is moved next time; the other way round its files would be
                    # left in the site with no post to exclude them.
                    move_attachments(step.source, step.target)
                    move_post(step.source, step.target, recorder(step.post_path, step.why))
                    result.moved.append(step.post_path)
                except MoveError as error:
                    code = "takedown_clash" if error.code == "move_clash" else error.code
                    result.problems.append((step.post_path, code, _detail(error)))
    except MoveError as error:  # the lock: nothing was moved
        result.problems.extend((post_path, error.code, _detail(error)) for post_path in expired_posts)
    return result


def return_to_pending(gate: Gate, post_paths: list[str], now: dt.datetime) -> TakeDown:
    """Move posts whose period ended without the whole chain's approval back to pending
    (never to the expired folder: they were never published, so nothing is taken down)."""
    result = TakeDown()
    try:
        with repository_lock(gate.root):
            for post_path in post_paths:
                source = gate.docs_dir / post_path
                target = gate.pending_dir / post_path
                if not source.is_file() or first_symlink(gate.root, source) or first_symlink(gate.root, target):
                    continue  # a link is never followed (plan_take_down says why, for expired posts)
                if not ended_unapproved(gate.judge(source, now).decision):
                    continue
                try:
                    if clashes(source, target):
                        raise MoveError("move_clash", target)
                    move_attachments(source, target)
                    move_post(source, target)
                    result.moved.append(post_path)
                except MoveError as error:
                    result.problems.append((post_path, error.code, _detail(error)))
    except MoveError as error:
        result.problems.extend((post_path, error.code, _detail(error)) for post_path in post_paths)
    return result


def expired_in_content(gate: Gate, now: dt.datetime) -> list[str]:
    return [
        judged.post.path
        for judged in gate.judge_all(now)
        if judged.place == CONTENT and judged.decision.state == EXPIRED
    ]
