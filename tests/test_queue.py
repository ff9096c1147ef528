"""The queue `gate status` shows: groups, age in state, targets, who it waits for, next changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from approval_gate.services.queue import (
    CLOSES,
    OPENS,
    REQUESTER,
    TO_PUBLISH,
    TO_TAKE_DOWN,
    WEBMASTER,
    Change,
    Targets,
    build_queue,
    group_order,
    next_changes,
)
from approval_gate.services.repository import Gate, Judged
from factory import SITE_ID, SiteFactory

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # 17:00 in Bangkok
SIGNED = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)


def gate_of(factory: SiteFactory) -> Gate:
    options = {"site_id": SITE_ID, "default_agency": "สำนักงานสาธารณสุขจังหวัดทดสอบ"}
    return Gate.from_options(factory.root, factory.root / "content", options)


def judged(factory: SiteFactory, place: str, name: str, text: str) -> Judged:
    post_path = f"news/posts/{name}.md"
    return gate_of(factory).judge(factory.add(place, post_path, text), NOW)


def queue_of(
    factory: SiteFactory, posts: list[Judged], modified: dict[Path, dt.datetime] | None = None, **minutes: int
):  # type: ignore[no-untyped-def]
    gate = gate_of(factory)
    return build_queue(posts, gate.registry, gate.settings.roles, Targets.from_minutes(minutes), NOW, modified or {})


@pytest.mark.parametrize(
    ("minutes", "request_min", "review_min"),
    [({}, 10, 30), ({"review": 60}, 10, 60), ({"request": 5, "review": 45}, 5, 45)],
)
def test_targets_from_minutes(minutes: dict[str, int], request_min: int, review_min: int) -> None:
    """Missing steps keep the Ministry's defaults (10 and 30 minutes)."""
    assert Targets(dt.timedelta(minutes=request_min), dt.timedelta(minutes=review_min)) == Targets.from_minutes(minutes)


@pytest.mark.parametrize(
    ("requester_date", "modified", "age_minutes", "overdue"),
    [
        ("2569-11-25", dt.datetime(2026, 11, 25, 9, 50, tzinfo=UTC), 10, False),  # edited 10 minutes ago
        ("2569-11-25", dt.datetime(2026, 11, 25, 9, 0, tzinfo=UTC), 60, True),
        ("2569-11-25", dt.datetime(2026, 11, 20, 9, 0, tzinfo=UTC), 17 * 60, True),  # never before the date
        ("2569-11-25 16:45", dt.datetime(2026, 11, 25, 9, 59, tzinfo=UTC), 15, False),  # a time says it exactly
        ("2569-11-25", dt.datetime(2026, 11, 25, 11, 0, tzinfo=UTC), 0, False),  # a clock ahead: never negative
    ],
)
def test_awaiting_chair_age(
    factory: SiteFactory, requester_date: str, modified: dt.datetime, age_minutes: int, overdue: bool
) -> None:
    """Awaiting the chair: since the requester's date-time, else the last edit but not before that date."""
    text = factory.text(requester=f"\n  name: นางสาวผู้ขอ ทดสอบ\n  date: {requester_date}")
    post = judged(factory, "pending", "a", text)
    queue = queue_of(factory, [post], {post.file: modified})
    (item,) = queue.items
    assert ("awaiting_chair", "review", dt.timedelta(minutes=age_minutes), dt.timedelta(minutes=30), overdue) == (
        item.group,
        item.step,
        item.age,
        item.target,
        item.overdue,
    )
    assert [item] == queue.overdue_for_review if overdue else queue.overdue_for_review == []


def test_awaiting_director_since_the_chair_and_not_the_chair_again(factory: SiteFactory) -> None:
    """Awaiting the director: since the chair's sign-off; waits for director holders only."""
    at = NOW - dt.timedelta(minutes=45)
    text = factory.sign(factory.text(), "news/posts/a.md", [("chair1", "approve", None, at)])
    queue = queue_of(factory, [judged(factory, "pending", "a", text)])
    (item,) = queue.items
    assert ("awaiting_director", at, dt.timedelta(minutes=45), True) == (item.group, item.since, item.age, item.overdue)
    assert item.waiting is not None
    assert (item.waiting.role, item.waiting.people) == ("director", (("director1", "นายแพทย์ผู้อำนวยการ หนึ่ง"),))


def test_awaiting_chair_lists_every_chair(factory: SiteFactory) -> None:
    """Who a post waits for: every person holding the role now, from the registry."""
    post = judged(factory, "pending", "a", factory.text())
    (item,) = queue_of(factory, [post], {post.file: NOW}).items
    assert item.waiting is not None
    assert item.waiting.people == (("chair1", "นายประธาน หนึ่ง"), ("chair2", "นางรอง ประธาน"))


def test_refused_waits_for_the_requester_with_the_reason(factory: SiteFactory) -> None:
    """Refused: back to the requester (request step, 10 minutes), since the refusal, with its reason."""
    at = NOW - dt.timedelta(minutes=5)
    text = factory.sign(factory.text(), "news/posts/a.md", [("chair1", "reject", "ขาดแหล่งอ้างอิง", at)])
    (item,) = queue_of(factory, [judged(factory, "pending", "a", text)]).items
    assert ("rejected", "request", dt.timedelta(minutes=5), False) == (item.group, item.step, item.age, item.overdue)
    assert item.refusal is not None and (item.refusal.signer, item.refusal.reason) == ("chair1", "ขาดแหล่งอ้างอิง")
    assert item.waiting is not None
    assert (item.waiting.role, item.waiting.people) == (REQUESTER, (("", "นางสาวผู้ขอ ทดสอบ"),))


def test_revised_after_refusal(factory: SiteFactory) -> None:
    """An edit after a refusal starts the chain again; the old refusal is shown as history."""
    at = NOW - dt.timedelta(hours=2)
    refused = factory.sign(factory.text(), "news/posts/a.md", [("chair1", "reject", "ขาดแหล่งอ้างอิง", at)])
    revised = refused.replace("เนื้อหาข่าวทดสอบ", "เนื้อหาข่าวทดสอบ อ้างอิงกรมควบคุมโรค")
    post = judged(factory, "pending", "a", revised)
    (item,) = queue_of(factory, [post], {post.file: NOW - dt.timedelta(minutes=3)}).items
    assert ("awaiting_chair", True, dt.timedelta(minutes=3)) == (item.group, item.revised, item.age)
    assert item.refusal is not None and item.refusal.reason == "ขาดแหล่งอ้างอิง"


def test_groups_places_and_order(factory: SiteFactory) -> None:
    """Approved in pending waits for the web master; expired in content for a sweep; taken-down posts drop out."""
    approved = factory.approved(factory.text(), "news/posts/up.md")
    ended = factory.approved(factory.text(publish_until="2569-11-10"), "news/posts/old.md")
    posts = [
        judged(factory, "content", "live", factory.approved(factory.text(), "news/posts/live.md")),
        judged(factory, "pending", "up", approved),
        judged(factory, "content", "old", ended),
        judged(
            factory, "expired", "gone", factory.approved(factory.text(publish_until="2569-11-10"), "news/posts/gone.md")
        ),
        judged(factory, "pending", "bad", factory.text(title=None)),
    ]
    queue = queue_of(factory, posts)
    assert [(item.group, Path(item.judged.post.path).stem) for item in queue.items] == [
        ("invalid", "bad"),
        (TO_PUBLISH, "up"),
        (TO_TAKE_DOWN, "old"),
        ("live", "live"),
    ]
    waiting = {item.group: item.waiting.role if item.waiting else None for item in queue.items}
    assert waiting == {"invalid": REQUESTER, TO_PUBLISH: WEBMASTER, TO_TAKE_DOWN: WEBMASTER, "live": None}
    assert [item.group for item in queue.queued] == ["invalid", TO_PUBLISH, TO_TAKE_DOWN]
    old = queue.items[2]
    assert dt.datetime(2026, 11, 10, 17, 0, tzinfo=UTC) == old.since  # the period's end (Bangkok midnight)


def test_group_order_follows_the_chain() -> None:
    """Groups come in the order people act on them, the chain's roles in signing order."""
    assert group_order(("chair", "director")) == (
        "invalid", "rejected", "awaiting_chair", "awaiting_director", TO_PUBLISH, TO_TAKE_DOWN,
        "expired", "scheduled", "live",
    )  # fmt: skip


def test_next_changes(factory: SiteFactory) -> None:
    """Openings and closings after now, of approved posts in content only, earliest first."""
    posts = [
        judged(
            factory, "content", "live", factory.approved(factory.text(publish_until="2569-12-31"), "news/posts/live.md")
        ),
        judged(
            factory,
            "content",
            "soon",
            factory.approved(
                factory.text(title="เร็วๆ นี้", publish_from="2569-12-01", publish_until="2570-01-31"),
                "news/posts/soon.md",
            ),
        ),
        judged(
            factory, "pending", "wait", factory.approved(factory.text(publish_until="2569-11-26"), "news/posts/wait.md")
        ),
        judged(factory, "content", "nosign", factory.text(publish_until="2569-11-26")),
    ]
    assert [
        Change(dt.datetime(2026, 11, 30, 17, 0, tzinfo=UTC), OPENS, "news/posts/soon.md", "เร็วๆ นี้"),
        Change(dt.datetime(2026, 12, 31, 17, 0, tzinfo=UTC), CLOSES, "news/posts/live.md", "ข่าวทดสอบ"),
        Change(dt.datetime(2027, 1, 31, 17, 0, tzinfo=UTC), CLOSES, "news/posts/soon.md", "เร็วๆ นี้"),
    ] == next_changes(posts, NOW)


def test_next_changes_none() -> None:
    """No approved post in content: no change ahead."""
    assert next_changes([], NOW) == []
