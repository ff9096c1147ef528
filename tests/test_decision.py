"""The decision, state by state (signatures made with real keys)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from approval_gate.decision import Decision, Settings, decide
from approval_gate.post import load_post
from approval_gate.registry import parse_registry
from factory import UTC, SiteFactory

PATH = "news/posts/x.md"
SIGNED = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
NOW = dt.datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
CHAIR = ("chair1", "approve", None, SIGNED)
DIRECTOR = ("director1", "approve", None, SIGNED + dt.timedelta(hours=1))


@pytest.fixture
def site(tmp_path: Path) -> SiteFactory:
    return SiteFactory(tmp_path / "s")


def judge(site: SiteFactory, text: str, now: dt.datetime = NOW, settings: Settings | None = None) -> Decision:
    registry = parse_registry(site.registry_text(), ("chair", "director"))
    return decide(load_post(text.encode(), PATH, site.rules), registry, settings or site.settings, now)


@pytest.mark.parametrize(
    ("window", "steps", "state", "waiting"),
    [
        ({}, [], "awaiting_chair", "chair"),
        ({}, [CHAIR], "awaiting_director", "director"),
        ({}, [CHAIR, DIRECTOR], "live", None),
        ({"publish_from": "2570-01-01"}, [CHAIR, DIRECTOR], "scheduled", None),
        ({"publish_until": "2569-11-20"}, [CHAIR, DIRECTOR], "expired", None),
        ({"publish_until": "2569-11-20"}, [], "awaiting_chair", "chair"),  # never approved: never expired
        ({}, [("chair1", "reject", "ข้อมูลไม่ครบ", SIGNED)], "rejected", None),
        ({}, [CHAIR, ("director1", "reject", "ไม่เหมาะสม", SIGNED + dt.timedelta(hours=1))], "rejected", None),
    ],
)
def test_states(
    site: SiteFactory,
    window: dict[str, str],
    steps: list[tuple[str, str, str | None, dt.datetime]],
    state: str,
    waiting: str | None,
) -> None:
    """Each state of SPEC §5 from the chain and the window."""
    decision = judge(site, site.sign(site.text(**window), PATH, steps))
    assert (state, waiting) == (decision.state, decision.waiting_for)


def test_refusal_reason_is_shown(site: SiteFactory) -> None:
    decision = judge(site, site.sign(site.text(), PATH, [("chair1", "reject", "ข้อมูลไม่ครบ", SIGNED)]))
    assert [r.text("en") for r in decision.reasons] == [
        "refused by chair1 (chair of the information centre): ข้อมูลไม่ครบ"
    ]
    assert [r.text("th") for r in decision.reasons] == ["ไม่อนุมัติโดย chair1 (ประธานศูนย์ข้อมูลข่าวสาร): ข้อมูลไม่ครบ"]


def test_revision_after_refusal_starts_again(site: SiteFactory) -> None:
    """Editing a refused post gives a new digest: the refusal becomes history."""
    refused = site.sign(site.text(), PATH, [("chair1", "reject", "แก้ไข", SIGNED)])
    revised = refused.replace("เนื้อหาข่าวทดสอบ", "เนื้อหาข่าวทดสอบ ฉบับแก้ไข")
    decision = judge(site, revised)
    assert decision.state == "awaiting_chair"
    assert [r.code for r in decision.reasons] == ["awaiting", "revised"]
    assert len(decision.history) == 1


def test_edit_after_approval_needs_new_signoffs(site: SiteFactory) -> None:
    approved = site.sign(site.text(), PATH, [CHAIR, DIRECTOR])
    decision = judge(site, approved.replace("เนื้อหาข่าวทดสอบ", "เนื้อหาอื่น"))
    assert decision.state == "awaiting_chair"
    assert "changed_after_signoff" in [r.code for r in decision.reasons]


def test_signatures_off_records_names_only(site: SiteFactory) -> None:
    """With `signatures: off`, entries without key/sig count, roles are still checked."""
    off = Settings(site_id="test-site", signatures=False)
    text = site.text()
    for role, signer in (("chair", "chair1"), ("director", "director1")):
        from approval_gate.records import append_signoff

        digest = load_post(text.encode(), PATH, site.rules).digest
        at = "2026-11-02T03:00:00Z" if role == "chair" else "2026-11-02T04:00:00Z"
        entry = {"role": role, "signer": signer, "decision": "approve", "reason": None, "digest": digest, "at": at}
        text = append_signoff(text, entry)
    assert judge(site, text, settings=off).state == "live"
    assert judge(site, text).state == "invalid"  # the same entries under `signatures: required`


def test_invalid_lists_every_problem(site: SiteFactory) -> None:
    decision = judge(site, site.text(title="", publish_from="someday", external_link="ftp://x"))
    assert decision.state == "invalid"
    assert {"missing_key", "date_unreadable", "bad_link"} <= {r.code for r in decision.reasons}
    assert {"title", "publish_from", "external_link"} <= {r.key for r in decision.reasons}


@pytest.mark.parametrize(
    ("now", "state"),
    [
        (dt.datetime(2026, 10, 31, 16, 59, 59, tzinfo=UTC), "scheduled"),  # 23:59:59 the day before, Bangkok
        (dt.datetime(2026, 10, 31, 17, 0, 0, tzinfo=UTC), "live"),  # 00:00 on 1 Nov, Bangkok
        (dt.datetime(2027, 12, 31, 16, 59, 59, tzinfo=UTC), "live"),  # last second of 31 Dec 2570 BE
        (dt.datetime(2027, 12, 31, 17, 0, 0, tzinfo=UTC), "expired"),
    ],
)
def test_window_edges_through_decide(site: SiteFactory, now: dt.datetime, state: str) -> None:
    text = site.sign(
        site.text(),
        PATH,
        [
            ("chair1", "approve", None, dt.datetime(2026, 10, 1, tzinfo=UTC)),
            ("director1", "approve", None, dt.datetime(2026, 10, 2, tzinfo=UTC)),
        ],
    )
    assert state == judge(site, text, now=now).state


def test_a_signature_that_is_not_ascii_is_a_reason_not_a_crash() -> None:
    """A hand-edited `sig` holding any character is judged like any bad signature."""
    from approval_gate.decision import chain_link

    assert chain_link("\xc0sig") == chain_link("\xc0sig") != chain_link("sig")
