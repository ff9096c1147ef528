"""The decision, state by state (signatures made with real keys)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.core import withdrawal
from approval_gate.core.decision import Decision, Settings, decide, witness_key
from approval_gate.core.post import load_post
from approval_gate.core.records import append_entry
from approval_gate.core.registry import parse_registry
from factory import UTC, SiteFactory

PATH = "news/posts/x.md"
SIGNED = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
NOW = dt.datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
CHAIR = ("chair1", "approve", None, SIGNED)
DIRECTOR = ("director1", "approve", None, SIGNED + dt.timedelta(hours=1))
DIRECTOR_LATE = ("director1", "approve", None, dt.datetime(2026, 11, 20, 3, 0, tzinfo=UTC))


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
        from approval_gate.core.records import append_signoff

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
        site.text(requester="\n  name: นางสาวผู้ขอ ทดสอบ\n  date: 2569-09-01"),  # signed in October
        PATH,
        [
            ("chair1", "approve", None, dt.datetime(2026, 10, 1, tzinfo=UTC)),
            ("director1", "approve", None, dt.datetime(2026, 10, 2, tzinfo=UTC)),
        ],
    )
    assert state == judge(site, text, now=now).state


def test_a_signature_that_is_not_ascii_is_a_reason_not_a_crash() -> None:
    """A hand-edited `sig` holding any character is judged like any bad signature."""
    from approval_gate.core.decision import chain_link

    assert chain_link("\xc0sig") == chain_link("\xc0sig") != chain_link("sig")


# --- when a sign-off was made, and when it was first seen (issue 23 §8) --------------------

RETIRED = dt.datetime(2026, 11, 10, 17, 0, tzinfo=UTC)  # the end of 10 Nov 2569, Bangkok
BACKDATED = dt.datetime(2026, 11, 5, 3, 0, tzinfo=UTC)  # before the retirement, as the signer claims


def judge_seen(site: SiteFactory, text: str, registry_text: str, seen: dict[str, dt.datetime] | None) -> Decision:
    registry = parse_registry(registry_text, ("chair", "director"))
    post = load_post(text.encode(), PATH, site.rules)
    if seen is not None:  # the test's witness names the chair's sign-off by its key
        seen = {witness_key(PATH, site.settings, post.signoffs[0]): moment for moment in seen.values()}
    return decide(post, registry, site.settings, NOW, seen=seen)


@pytest.mark.parametrize(
    ("retire", "seen", "state", "reason"),
    [
        ("role", {}, "invalid", "signoff_seen_after_role"),  # never seen before: seen now, after the role ended
        ("role", {"chair": RETIRED + dt.timedelta(days=1)}, "invalid", "signoff_seen_after_role"),
        ("role", {"chair": BACKDATED + dt.timedelta(hours=1)}, "live", None),  # seen while in office: counts
        ("role", None, "live", None),  # no witness given: the rule is not applied (pure tests only)
        ("key", {}, "invalid", "signoff_seen_after_key"),
        ("key", {"chair": RETIRED - dt.timedelta(seconds=1)}, "live", None),
    ],
)
def test_a_retired_signer_cannot_sign_by_backdating(
    site: SiteFactory, retire: str, seen: dict[str, dt.datetime] | None, state: str, reason: str | None
) -> None:
    """A sign-off first seen by the publish run after its signer's role or key ended does not count."""
    text = site.sign(site.text(), PATH, [("chair1", "approve", None, BACKDATED), DIRECTOR_LATE])
    old, new = {
        "role": ("{role: chair, from: 2569-01-01}", "{role: chair, from: 2569-01-01, until: 2569-11-10}"),
        "key": ("from: 2569-01-01}\n  - id: director1", "from: 2569-01-01, until: 2569-11-10}\n  - id: director1"),
    }[retire]
    registry_text = site.registry_text()
    assert old in registry_text
    decision = judge_seen(site, text, registry_text.replace(old, new, 1), seen)
    assert state == decision.state
    assert ([reason] if reason else []) == [r.code for r in decision.reasons if r.code.startswith("signoff_seen")]


def test_a_sign_off_before_the_request_does_not_count(site: SiteFactory) -> None:
    """Signed (or dated) before the requester asked: invalid, with both dates named."""
    requested = "\n  name: นางสาวผู้ขอ ทดสอบ\n  date: 2569-11-01"
    signed_at = dt.datetime(2026, 10, 20, tzinfo=UTC)
    text = site.sign(site.text(requester=requested), PATH, [("chair1", "approve", None, signed_at)])
    decision = judge(site, text)
    assert decision.state == "invalid"
    (reason,) = [r for r in decision.reasons if r.code == "signoff_before_request"]
    assert reason.text("en") == (
        "`signoffs[1].at`: the sign-off is dated 2026-10-20T00:00:00Z, before the post was requested "
        "(2026-10-31T17:00:00Z); a sign-off cannot come before the request: sign again"
    )


def _entries(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("  - {")]


def _signature(entry: str) -> str:
    return entry.split('"sig": "')[1].split('"')[0]


def _flip_director_signature(text: str) -> str:
    """One character in the middle of the director's signature changed."""
    sig = _signature(_entries(text)[1])
    middle = len(sig) // 2
    return text.replace(sig, sig[:middle] + ("A" if sig[middle] != "A" else "B") + sig[middle + 1 :])


def _shift_director_time(text: str) -> str:
    """The director's sign-off time changed after signing: no longer the statement signed."""
    return text.replace('"at": "2026-11-02T04:00:00Z"', '"at": "2026-11-02T05:00:00Z"')


def _copy_chair_signature(text: str) -> str:
    """The chair's signature pasted onto the director's entry."""
    chair, director = _entries(text)
    return text.replace(_signature(director), _signature(chair))


def _add_reason(text: str) -> str:
    """A reason added to the chair's approval: the reason is part of what is signed."""
    return text.replace('"decision": "approve", "reason": null', '"decision": "approve", "reason": "x"', 1)


@pytest.mark.parametrize("tamper", [_flip_director_signature, _shift_director_time, _copy_chair_signature, _add_reason])
def test_a_forged_or_altered_signature_never_counts(site: SiteFactory, tamper: Any) -> None:
    """Both approvals are there, but one of them is not what its key signed: the post is invalid."""
    text = site.sign(site.text(), PATH, [CHAIR, DIRECTOR])
    assert "live" == judge(site, text).state
    forged = tamper(text)
    assert forged != text
    decision = judge(site, forged)
    assert ("invalid", True) == (decision.state, "signature_bad" in [r.code for r in decision.reasons])


# --- withdrawals ------------------------------------------------------------------------------

REASON = "ตัวเลขในประกาศไม่ถูกต้อง"
POST = "news/posts/flu.md"
SIGNED_AT_START = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)


def signed_entry(
    factory: SiteFactory,
    text: str,
    post_path: str,
    *,
    key_of: str,
    signer: str,
    role: str,
    action: str,
    at: dt.datetime,
) -> str:
    """`text` with a withdrawal entry signed by `key_of`'s key (which may not be `signer`'s)."""
    post, _ = factory.gate().judge_bytes(text.encode(), post_path, at, base=factory.root / "content")
    stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    key: Ed25519PrivateKey = factory.keys[key_of]
    entry = withdrawal.make_entry(
        post, site_id=factory.settings.site_id, action=action, role=role, signer=signer, reason=REASON, at=stamp,
        key=key,
    )  # fmt: skip
    return append_entry(text, "withdrawals", entry)


LATER = dt.datetime(2026, 11, 10, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("key_of", "signer", "role", "action", "state", "codes"),
    [
        ("director1", "director1", "director", "withdraw", "expired", {"withdrawn"}),
        ("chair1", "chair1", "chair", "request", "live", set()),
        ("chair1", "chair1", "chair", "withdraw", "invalid", {"withdrawal_action_role"}),
        ("director1", "director1", "chair", "request", "invalid", {"role_not_held"}),
        ("chair1", "director1", "director", "withdraw", "invalid", {"key_not_signers"}),
    ],
)
def test_withdrawal_decisions(
    factory: SiteFactory, key_of: str, signer: str, role: str, action: str, state: str, codes: set[str]
) -> None:
    """Only a verified order by the withdraw role takes a post down; a request does nothing; anything
    that does not verify makes the post invalid (never withdrawn in someone's name, never ignored)."""
    text = factory.approved(factory.text(), POST, SIGNED_AT_START)
    text = signed_entry(factory, text, POST, key_of=key_of, signer=signer, role=role, action=action, at=LATER)
    _, decision = factory.gate().judge_bytes(text.encode(), POST, LATER, base=factory.root / "content")
    assert (state, codes) == (decision.state, {reason.code for reason in decision.reasons})
    assert (decision.withdrawal is not None) == (state == "expired")
    assert len(decision.withdrawal_requests) == (1 if action == "request" and state == "live" else 0)


def test_a_withdrawal_cannot_be_replayed_onto_another_post(factory: SiteFactory) -> None:
    """The statement names the post's path and digest: copied onto another post, it does not verify."""
    first = signed_entry(
        factory, factory.approved(factory.text(), POST, SIGNED_AT_START), POST, key_of="director1", signer="director1",
        role="director", action="withdraw", at=LATER,
    )  # fmt: skip
    entries = "withdrawals:" + first.split("withdrawals:", 1)[1].split("\n---", 1)[0]
    other_path = "news/posts/other.md"
    other = factory.approved(factory.text(title="ข่าวอื่น"), other_path, SIGNED_AT_START)
    replayed = other.replace("\n---\n\n#", f"\n{entries}\n---\n\n#", 1)
    assert "withdrawals:" in replayed
    _, decision = factory.gate().judge_bytes(replayed.encode(), other_path, LATER, base=factory.root / "content")
    assert decision.state == "invalid" and decision.withdrawal is None
    assert {"signature_bad"} == {reason.code for reason in decision.reasons}


def test_a_withdrawal_first_seen_after_the_signers_role_ended_does_not_count(factory: SiteFactory) -> None:
    """As for sign-offs, the witness stops backdating: a director whose role has ended cannot order a
    withdrawal by writing an earlier `at`; the same entry seen while the role held counts."""
    registry = factory.root / "approvers.yml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("{role: director, from: 2569-01-01}", "{role: director, from: 2569-01-01, until: "
                                     "2569-11-15}"), encoding="utf-8")  # fmt: skip
    signed = factory.approved(factory.text(), POST, SIGNED_AT_START)
    signed = signed_entry(
        factory, signed, POST, key_of="director1", signer="director1", role="director", action="withdraw", at=LATER
    )
    after_the_role = dt.datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    gate = factory.gate()
    post, _ = gate.judge_bytes(signed.encode(), POST, LATER, base=factory.root / "content")
    signoffs = {witness_key(POST, factory.settings, entry): LATER for entry in post.signoffs}
    (order,) = post.withdrawals
    gate.witness = signoffs
    _, late = gate.judge_bytes(signed.encode(), POST, after_the_role, base=factory.root / "content")
    assert ("invalid", {"signoff_seen_after_role"}) == (late.state, {reason.code for reason in late.reasons})
    gate.witness = {**signoffs, withdrawal.witness_key(factory.settings.site_id, POST, order): LATER}
    _, seen_in_time = gate.judge_bytes(signed.encode(), POST, after_the_role, base=factory.root / "content")
    assert ("expired", {"withdrawn"}) == (seen_in_time.state, {reason.code for reason in seen_in_time.reasons})
