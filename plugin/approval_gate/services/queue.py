"""The approval queue as `gate status` shows it: who each post waits for, since when,
whether it is past its step target, and what the built site will change next.

Pure: it takes judged posts, the registry, the targets, file modification times and
`now`, and returns plain data. The command line only formats it.

Age in state ("since"):
- awaiting the first role (the chair): the requester's date when it carries a time;
  otherwise the file's last modification, but never before the start of the requester's
  date (a date alone says nothing about the hour, and an edit restarts the review);
- awaiting a later role (the director), or approved and not yet put up: the last
  sign-off on the current digest;
- refused: the refusal; invalid (a draft being written or fixed): the last modification;
- expired: the end of the publication period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..core.decision import EXPIRED, INVALID, LIVE, REJECTED, SCHEDULED
from ..core.post import SignOff
from ..core.registry import Registry
from .repository import CONTENT, EXPIRED_PLACE, PENDING, Judged

STEP_REQUEST, STEP_REVIEW = "request", "review"
DEFAULT_TARGETS = {STEP_REQUEST: 10, STEP_REVIEW: 30}  # minutes, from the Ministry's procedure

# Groups beyond the states: approved posts still in pending/ wait for the webmaster to put
# them up; expired posts still in content/ wait for the next build or `gate sweep`.
TO_PUBLISH, TO_TAKE_DOWN = "to_publish", "to_take_down"
REQUESTER, WEBMASTER = "requester", "webmaster"
OPENS, CLOSES = "opens", "closes"


@dataclass(frozen=True)
class Targets:
    request: dt.timedelta
    review: dt.timedelta

    @classmethod
    def from_minutes(cls, minutes: Mapping[str, int] | None = None) -> Targets:
        """Step targets from the plugin option `targets` (minutes); missing steps keep the default."""
        merged = {**DEFAULT_TARGETS, **(minutes or {})}
        return cls(dt.timedelta(minutes=merged[STEP_REQUEST]), dt.timedelta(minutes=merged[STEP_REVIEW]))

    def of(self, step: str | None) -> dt.timedelta | None:
        return {STEP_REQUEST: self.request, STEP_REVIEW: self.review}.get(step or "")


@dataclass(frozen=True)
class Waiting:
    """Whose turn it is: a chain role (with the registry people holding it now), the requester or the webmaster."""

    role: str
    people: tuple[tuple[str, str], ...] = ()  # (id, display name); the requester has no id: ("", name)


@dataclass(frozen=True)
class Item:
    judged: Judged
    group: str
    since: dt.datetime | None
    age: dt.timedelta | None
    step: str | None
    target: dt.timedelta | None
    overdue: bool
    waiting: Waiting | None
    refusal: SignOff | None  # the refusal in force (refused) or the one that was answered (revised)
    revised: bool


@dataclass(frozen=True)
class Change:
    """A window opening or closing: the built site changes at the first build after `at`."""

    at: dt.datetime
    kind: str  # opens | closes
    path: str
    title: str


@dataclass(frozen=True)
class Queue:
    now: dt.datetime
    targets: Targets
    items: tuple[Item, ...]
    changes: tuple[Change, ...]
    group_order: tuple[str, ...]

    def groups(self) -> list[tuple[str, list[Item]]]:
        """Non-empty groups in the order people act on them."""
        found = [(group, [item for item in self.items if item.group == group]) for group in self.group_order]
        return [(group, items) for group, items in found if items]

    @property
    def overdue_for_review(self) -> list[Item]:
        return [item for item in self.items if item.overdue and item.step == STEP_REVIEW]

    @property
    def queued(self) -> list[Item]:
        """Everything someone must act on: all but the approved posts already in content/."""
        return [item for item in self.items if not (item.judged.place == CONTENT and item.group in (LIVE, SCHEDULED))]


def group_order(roles: Iterable[str]) -> tuple[str, ...]:
    awaiting = tuple(f"awaiting_{role}" for role in roles)
    return (INVALID, REJECTED, *awaiting, TO_PUBLISH, TO_TAKE_DOWN, EXPIRED, SCHEDULED, LIVE)


def _group(judged: Judged) -> str:
    state = judged.decision.state
    if state in (SCHEDULED, LIVE) and judged.place == PENDING:
        return TO_PUBLISH
    if state == EXPIRED and judged.place == CONTENT:
        return TO_TAKE_DOWN
    return state


def _step(group: str) -> str | None:
    if group.startswith("awaiting_"):
        return STEP_REVIEW
    if group in (INVALID, REJECTED):
        return STEP_REQUEST
    return None


def entered_state(
    judged: Judged, group: str, first_role: str | None, modified: dt.datetime | None
) -> dt.datetime | None:
    """When the post entered `group`; the queue, `gate status` and the review desk age posts by it."""
    post, decision = judged.post, judged.decision
    if group == f"awaiting_{first_role}":
        date = post.requester.date if post.requester else None
        if date is not None and not date.date_only:
            return date.at
        if modified is None:
            return date.at if date else None
        return max(modified, date.at) if date else modified
    if group.startswith("awaiting_") or group == TO_PUBLISH:
        return decision.chain[-1].at if decision.chain else modified
    if group == REJECTED:
        return decision.refusal.at if decision.refusal else modified
    if group in (EXPIRED, TO_TAKE_DOWN):
        return post.window.end if post.window else modified
    if group == INVALID:
        return modified
    return None


def _waiting(judged: Judged, group: str, registry: Registry | None, now: dt.datetime) -> Waiting | None:
    requester = judged.post.requester
    if group in (INVALID, REJECTED, EXPIRED):
        return Waiting(REQUESTER, (("", requester.name),) if requester and requester.name else ())
    if group in (TO_PUBLISH, TO_TAKE_DOWN):
        return Waiting(WEBMASTER)
    if group.startswith("awaiting_"):
        role = group.removeprefix("awaiting_")
        signed = {entry.signer for entry in judged.decision.chain}
        holders = registry.holders(role, now) if registry else []
        return Waiting(role, tuple((person.id, person.name) for person in holders if person.id not in signed))
    return None


def _last_refusal(judged: Judged) -> SignOff | None:
    if judged.decision.refusal is not None:
        return judged.decision.refusal
    refusals = [entry for entry in judged.decision.history if entry.decision == "reject"]
    return refusals[-1] if refusals else None


def next_changes(judged_posts: Iterable[Judged], now: dt.datetime) -> list[Change]:
    """Window openings and closings after `now` of approved posts in content/, earliest first."""
    changes: list[Change] = []
    for judged in judged_posts:
        window = judged.post.window
        if judged.place != CONTENT or window is None or judged.decision.state not in (SCHEDULED, LIVE):
            continue
        title = judged.post.title or judged.post.path
        if window.start > now:
            changes.append(Change(window.start, OPENS, judged.post.path, title))
        if window.end > now:
            changes.append(Change(window.end, CLOSES, judged.post.path, title))
    return sorted(changes, key=lambda change: (change.at, change.path, change.kind))


def build_queue(
    judged_posts: Iterable[Judged],
    registry: Registry | None,
    roles: tuple[str, ...],
    targets: Targets,
    now: dt.datetime,
    modified: Mapping[Path, dt.datetime],
) -> Queue:
    """Every post outside the expired folder, grouped, aged and checked against its target."""
    posts = [judged for judged in judged_posts if judged.place != EXPIRED_PLACE]
    items: list[Item] = []
    first_role = roles[0] if roles else None
    for judged in posts:
        group = _group(judged)
        since = entered_state(judged, group, first_role, modified.get(judged.file))
        if since is not None:
            since = min(since, now)
        age = now - since if since is not None else None
        step = _step(group)
        target = targets.of(step)
        refusal = _last_refusal(judged)
        revised = any(reason.code == "revised" for reason in judged.decision.reasons)
        items.append(
            Item(
                judged=judged,
                group=group,
                since=since,
                age=age,
                step=step,
                target=target,
                overdue=age is not None and target is not None and age > target,
                waiting=_waiting(judged, group, registry, now),
                refusal=refusal if group == REJECTED or revised else None,
                revised=revised,
            )
        )
    order = group_order(roles)
    items.sort(key=lambda item: (order.index(item.group), item.since or now, item.judged.post.path))
    return Queue(now, targets, tuple(items), tuple(next_changes(posts, now)), order)
