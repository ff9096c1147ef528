"""One test per threat: the post is not built, with the exact reason code and text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.core import signing
from approval_gate.core.decision import Decision, Settings, decide
from approval_gate.core.messages import Reason
from approval_gate.core.post import load_post
from approval_gate.core.registry import parse_registry
from approval_gate.core.signoff import make_entry, write_entry
from conftest import run_mkdocs
from factory import UTC, SiteFactory

PATH = "news/posts/x.md"
SIGNED = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
NOW = dt.datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def site(tmp_path: Path) -> SiteFactory:
    return SiteFactory(tmp_path / "s")


def judge(
    site: SiteFactory, text: str, *, path: str = PATH, registry: str | None = None, settings: Settings | None = None,
    now: dt.datetime = NOW,
) -> Decision:  # fmt: skip
    parsed = parse_registry(registry or site.registry_text(), ("chair", "director"))
    return decide(load_post(text.encode(), path, site.rules), parsed, settings or site.settings, now)


def sign(
    site: SiteFactory, text: str, signer: str, *, role: str | None = None, key: Ed25519PrivateKey | None = None,
    at: dt.datetime = SIGNED, verdict: str = "approve", reason: str | None = None, registry: str | None = None,
    path: str = PATH,
) -> str:  # fmt: skip
    """Append one sign-off made with the core, exactly as `gate approve` would (or as an attacker could)."""
    parsed = parse_registry(registry or site.registry_text(), ("chair", "director"))
    post = load_post(text.encode(), path, site.rules)
    decision = decide(post, parsed, site.settings, at)
    entry = make_entry(
        post, decision, site.settings, role=role or decision.waiting_for or "chair", signer=signer, verdict=verdict,
        reason=reason, now=at, key=key or site.keys[signer],
    )  # fmt: skip
    return write_entry(text, entry)


def approved(site: SiteFactory, text: str | None = None, path: str = PATH) -> str:
    text = sign(site, text or site.text(), "chair1", path=path)
    return sign(site, text, "director1", at=SIGNED + HOUR, path=path)


def only(decision: Decision, code: str) -> Reason:
    """The single reason with `code`; the post must not be live."""
    assert decision.state != "live"
    found = [reason for reason in decision.reasons if reason.code == code]
    assert len(found) == 1, decision.reasons
    return found[0]


def entries(text: str) -> list[dict[str, str]]:
    return [json.loads(line.split("- ", 1)[1]) for line in text.splitlines() if line.startswith("  - {")]


def test_control_a_properly_signed_post_is_live(site: SiteFactory) -> None:
    """The baseline every threat below departs from."""
    assert judge(site, approved(site)).state == "live"


def test_forged_entry_without_signature(site: SiteFactory) -> None:
    text = site.text()
    for role, signer in (("chair", "chair1"), ("director", "director1")):
        digest = load_post(text.encode(), PATH, site.rules).digest
        forged = {"role": role, "signer": signer, "decision": "approve", "digest": digest, "at": "2026-11-02T03:00:00Z"}
        text = write_entry(text, forged)
    decision = judge(site, text)
    assert decision.state == "invalid"
    assert [reason.text("en") for reason in decision.reasons] == [
        "`signoffs[1]` has no signature; sign with `gate approve` or `gate reject`",
        "`signoffs[2]` has no signature; sign with `gate approve` or `gate reject`",
    ]


def test_garbage_signature(site: SiteFactory) -> None:
    text = approved(site)
    sig = entries(text)[1]["sig"]
    decision = judge(site, text.replace(sig, "U1NIU0lH" + "A" * 60))
    assert decision.state == "invalid"
    assert only(decision, "signature_bad").text("en") == (
        "`signoffs[2].sig` does not verify: the post, its path or the entry changed after signing; sign again"
    )


def test_body_edited_after_signoff(site: SiteFactory) -> None:
    text = approved(site).replace("เนื้อหาข่าวทดสอบ", "เนื้อหาข่าวทดสอบ แก้ไขแล้ว")
    decision = judge(site, text)
    assert decision.state == "awaiting_chair"
    assert len(decision.history) == 2 and not decision.chain
    assert only(decision, "changed_after_signoff").text("en") == (
        "the post changed after it was signed off; earlier sign-offs no longer count"
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("title: ข่าวทดสอบ", "title: ข่าวทดสอบ!"),  # a signed key edited
        ("publish_until: 2570-12-31", "publish_until: 2575-12-31"),
        ("title: ข่าวทดสอบ", "title: ข่าวทดสอบ\ndescription: เพิ่มภายหลัง"),  # a key added
        ("tags: [ทดสอบ]", "tags: [ทดสอบ, เพิ่ม]"),
    ],
)
def test_signed_front_matter_key_edited_or_added(site: SiteFactory, before: str, after: str) -> None:
    text = approved(site)
    assert before in text
    decision = judge(site, text.replace(before, after, 1))
    assert decision.state == "awaiting_chair"
    assert only(decision, "changed_after_signoff").code == "changed_after_signoff"


def test_replayed_onto_another_post(site: SiteFactory) -> None:
    """Copied sign-offs are history on another text; with their digests rewritten, they do not verify."""
    signed = approved(site)
    block = signed[signed.index("signoffs:") : signed.rindex("---")]
    other = site.text(title="ข่าวอื่น", body="เนื้อหาอื่น")
    replayed = other.replace("\n---\n\n", "\n" + block + "---\n\n", 1)
    assert judge(site, replayed).state == "awaiting_chair"
    digest = load_post(other.encode(), PATH, site.rules).digest
    assert digest is not None
    for entry in entries(signed):
        replayed = replayed.replace(entry["digest"], digest)
    decision = judge(site, replayed)
    assert decision.state == "invalid"
    assert [reason.key for reason in decision.reasons if reason.code == "signature_bad"] == [
        "signoffs[1].sig",
        "signoffs[2].sig",
    ]


def test_replayed_onto_another_path(site: SiteFactory) -> None:
    decision = judge(site, approved(site), path="news/posts/other.md")
    assert decision.state == "invalid"
    assert {reason.code for reason in decision.reasons} == {"signature_bad"}


def test_replayed_onto_another_site(site: SiteFactory) -> None:
    decision = judge(site, approved(site), settings=Settings(site_id="another-site"))
    assert decision.state == "invalid"
    assert [reason.key for reason in decision.reasons] == ["signoffs[1].sig", "signoffs[2].sig"]


def test_key_not_in_registry(site: SiteFactory) -> None:
    stranger = Ed25519PrivateKey.generate()
    text = sign(site, site.text(), "chair1", key=stranger)
    fingerprint = signing.fingerprint(signing.public_line(stranger.public_key()))
    decision = judge(site, text)
    assert decision.state == "invalid"
    assert only(decision, "key_unknown").text("en") == (
        f"`signoffs[1].key` {fingerprint} is not in the approvers registry; add it with `gate registry add-key`"
    )


def test_signer_key_mismatch(site: SiteFactory) -> None:
    """chair1 named as signer, chair2's (registered) key used."""
    decision = judge(site, sign(site, site.text(), "chair1", key=site.keys["chair2"]))
    assert decision.state == "invalid"
    assert only(decision, "key_not_signers").text("en") == (
        "`signoffs[1].key` belongs to chair2, not to chair1; each person signs with their own key"
    )


def test_wrong_role(site: SiteFactory) -> None:
    """The director signs the chair's step."""
    decision = judge(site, sign(site, site.text(), "director1", role="chair"))
    assert decision.state == "invalid"
    assert only(decision, "role_not_held").text("en") == (
        "`signoffs[1].role`: director1 did not hold the role chair of the information centre at that time; "
        "check approvers.yml"
    )


def test_role_not_held_at_signing_time(site: SiteFactory) -> None:
    """chair1 became chair only after signing (roles count from their `from`)."""
    registry = site.registry_text().replace("{role: chair, from: 2569-01-01}", "{role: chair, from: 2569-11-10}", 1)
    text = sign(site, site.text(), "chair1", registry=site.registry_text())
    decision = judge(site, text, registry=registry)
    assert only(decision, "role_not_held").key == "signoffs[1].role"
    assert decision.state == "invalid"


def test_key_expired(site: SiteFactory) -> None:
    registry = site.registry_text().replace("from: 2569-01-01}", "from: 2569-01-01, until: 2569-10-31}")
    decision = judge(site, approved(site), registry=registry)
    assert decision.state == "invalid"
    reason = next(r for r in decision.reasons if r.code == "key_not_valid_at")
    assert reason.text("en").endswith("was not valid at 2026-11-02T03:00:00Z; sign again with a current key")


def test_key_revoked_voids_old_signatures(site: SiteFactory) -> None:
    """Revoked after signing: the old signature stops counting too."""
    line = site.registry_text().splitlines()
    registry = "\n".join(
        entry.replace("from: 2569-01-01}", "from: 2569-01-01, revoked: 2569-11-20}") if 'chair1"' in entry else entry
        for entry in line
    )
    decision = judge(site, approved(site), registry=registry + "\n")
    assert decision.state == "invalid"
    assert only(decision, "key_revoked").text("en") == (
        "`signoffs[1].key` was revoked, which voids every signature it made; the signer must sign again with a new key"
    )


def test_same_person_in_both_roles(site: SiteFactory) -> None:
    registry = site.registry_text().replace(
        "{role: chair, from: 2569-01-01}",
        "{role: chair, from: 2569-01-01}\n      - {role: director, from: 2569-01-01}",
        1,
    )
    text = sign(site, site.text(), "chair1", registry=registry)
    text = sign(site, text, "chair1", role="director", at=SIGNED + HOUR, registry=registry)
    decision = judge(site, text, registry=registry)
    assert decision.state == "invalid"
    assert only(decision, "same_person").text("en") == (
        "`signoffs[2].signer`: chair1 already signed as chair of the information centre; "
        "chair and director must be different people"
    )


def test_director_before_chair(site: SiteFactory) -> None:
    decision = judge(site, sign(site, site.text(), "director1", role="director"))
    assert decision.state == "invalid"
    assert only(decision, "signoff_order").text("en") == (
        "`signoffs[1].role` is a provincial chief medical officer sign-off where the chain expects "
        "chair of the information centre; entries are out of order or duplicated"
    )


def test_director_signed_earlier_than_chair(site: SiteFactory) -> None:
    text = sign(site, site.text(), "chair1")
    decision = judge(site, sign(site, text, "director1", at=SIGNED - HOUR))
    assert decision.state == "invalid"
    assert only(decision, "signoff_time_order").text("en") == (
        "`signoffs[2].at` is earlier than the previous sign-off; the director signs after the chair"
    )


def test_reordered_entries(site: SiteFactory) -> None:
    text = approved(site)
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("  - {"))
    lines[first], lines[first + 1] = lines[first + 1], lines[first]
    decision = judge(site, "\n".join(lines))
    assert decision.state == "invalid"
    assert "signoff_order" in {reason.code for reason in decision.reasons}


def test_duplicated_entry(site: SiteFactory) -> None:
    """The chair's entry pasted twice cannot stand in for the director."""
    text = sign(site, site.text(), "chair1")
    line = next(line for line in text.split("\n") if line.startswith("  - {"))
    decision = judge(site, text.replace(line, line + "\n" + line))
    assert decision.state == "invalid"
    assert only(decision, "signoff_order").key == "signoffs[2].role"


def test_at_in_the_future(site: SiteFactory) -> None:
    text = sign(site, site.text(), "chair1", at=NOW + HOUR)
    decision = judge(site, text)
    assert decision.state == "invalid"
    assert only(decision, "signoff_future").text("en") == (
        "`signoffs[1].at` 2026-11-25T04:00:00Z is in the future; check the signer's clock and sign again"
    )


@pytest.mark.parametrize("at", ["2026-11-02T03:00:00+00:00", "2026-11-02 03:00:00Z", "2026-11-02T03:00:00.0Z"])
def test_non_canonical_at(site: SiteFactory, at: str) -> None:
    text = sign(site, site.text(), "chair1").replace('"2026-11-02T03:00:00Z"', json.dumps(at))
    decision = judge(site, text)
    assert decision.state == "invalid"
    assert only(decision, "signoff_at").text("en") == (
        f"`signoffs[1].at` '{at}' is not a UTC time YYYY-MM-DDTHH:MM:SSZ; "
        "sign-offs are written by `gate`, never by hand"
    )


def test_bidi_control_characters(site: SiteFactory) -> None:
    """A right-to-left override makes a reviewer read another text than the one signed."""
    text = approved(site, site.text(title="ราคา 100000 บาท")).replace("100000", "100\u202e000")
    decision = judge(site, text)
    assert decision.state == "invalid"
    assert only(decision, "bidi_control").text("en") == (
        "`title` (line 2) contains an invisible text-direction control character; delete it and retype the text"
    )


def test_threats_in_a_real_build(site: SiteFactory) -> None:
    """Forged, edited and replayed posts in content/ are not built and fail --strict; a good one is."""
    site.add("content", "news/posts/good.md", approved(site, site.text(title="ข่าวดี"), path="news/posts/good.md"))
    # Signed for news/posts/x.md: replayed under other names, body edited, or forged.
    site.add("content", "news/posts/replayed.md", approved(site))
    site.add("content", "news/posts/x.md", approved(site).replace("เนื้อหาข่าวทดสอบ", "เนื้อหาที่แก้ไข"))
    forged = site.text(title="ข่าวปลอม")
    digest = load_post(forged.encode(), "news/posts/forged.md", site.rules).digest
    for role, signer in (("chair", "chair1"), ("director", "director1")):
        forged = write_entry(
            forged,
            {"role": role, "signer": signer, "decision": "approve", "digest": digest, "at": "2026-11-02T03:00:00Z"},
        )
    site.add("content", "news/posts/forged.md", forged)
    result = run_mkdocs(site.root, now=NOW)
    assert result.returncode == 1, result.stderr
    log = result.stderr
    assert "signoffs[1].sig` does not verify" in log  # replayed under another path
    assert "signoffs[1]` has no signature" in log  # forged
    assert "earlier sign-offs no longer count" in log  # edited
    built = site.root / "site" / "news"
    assert (built / "good" / "index.html").exists()
    assert not (built / "replayed" / "index.html").exists()
    assert not (built / "x" / "index.html").exists()
    assert not (built / "forged" / "index.html").exists()
