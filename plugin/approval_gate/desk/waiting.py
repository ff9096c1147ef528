"""The posts waiting for the person at the desk: who may sign what now, aged as `gate status` ages them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.decision import awaiting
from ..core.post import SignOff
from ..core.registry import Registry
from ..services.queue import entered_state
from ..services.repository import Judged

REVIEW_TARGET = dt.timedelta(minutes=30)  # SPEC §7: the review step's target


@dataclass(frozen=True)
class QueueRow:
    """One post waiting for the person at the desk."""

    place: str
    path: str
    title: str
    requester: str
    agency: str
    role: str
    since: dt.datetime | None
    age: dt.timedelta | None
    overdue: bool
    refusals: tuple[SignOff, ...]  # this person's earlier refusals of the post


def roles_held(registry: Registry, person: str, now: dt.datetime) -> tuple[str, ...]:
    holder = registry.people.get(person)
    if holder is None:
        return ()
    return tuple(dict.fromkeys(grant.role for grant in holder.roles if holder.holds(grant.role, now)))


def _modified(item: Judged) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(item.file.stat().st_mtime, tz=dt.UTC)
    except OSError:
        return None


def queue_rows(
    judged: Iterable[Judged],
    registry: Registry,
    person: str,
    now: dt.datetime,
    target: dt.timedelta = REVIEW_TARGET,
    roles: tuple[str, ...] = ("chair", "director"),
) -> list[QueueRow]:
    """The posts waiting for a role `person` holds now, oldest first, aged as `gate status` ages them."""
    held = roles_held(registry, person, now)
    first_role = roles[0] if roles else None
    rows = []
    for item in judged:
        decision, post = item.decision, item.post
        role = decision.waiting_for
        if role is None or role not in held or decision.state != awaiting(role):
            continue
        if any(entry.signer == person for entry in decision.chain):
            continue  # one person cannot sign two steps of the same chain
        since = entered_state(item, decision.state, first_role, _modified(item))
        age = max(now - since, dt.timedelta(0)) if since is not None else None
        refusals = tuple(entry for entry in decision.history if entry.signer == person and entry.decision == "reject")
        rows.append(
            QueueRow(
                place=item.place,
                path=post.path,
                title=post.title or post.path,
                requester=post.requester.name if post.requester else "",
                agency=post.agency or "",
                role=role,
                since=since,
                age=age,
                overdue=age is not None and age > target,
                refusals=refusals,
            )
        )
    far_past = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(rows, key=lambda row: (row.since or far_past, row.path))
