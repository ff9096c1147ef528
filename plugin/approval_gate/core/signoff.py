"""Making a sign-off: the next step of the chain, the signed entry, written into the post.

Used by `gate approve`, `gate reject` and the review desk alike.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import signing
from .canonical import BIDI_CONTROLS
from .decision import Decision, Settings, chain_link, signoff_statement
from .post import Post, SignOff
from .records import append_signoff
from .registry import Registry


class SignOffRefused(ValueError):
    """The sign-off cannot be made; `code` is a catalogue key, `params` fill it."""

    def __init__(self, code: str, **params: str):
        super().__init__(code)
        self.code = code
        self.params = params


CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def clean_reason(reason: str) -> str | None:
    """A refusal reason as it is recorded: NFC (as the file is read, so the signature
    verifies) on one line; None when it holds control or text-direction characters."""
    text = " ".join(unicodedata.normalize("NFC", reason).split())
    if CONTROL_RE.search(text) or BIDI_CONTROLS.search(text):
        return None
    return text


def utc_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def next_role(
    post: Post, decision: Decision, registry: Registry, signer: str, settings: Settings, now: dt.datetime
) -> str:
    """The role `signer` may sign now, or SignOffRefused saying why not."""
    if post.digest is None or decision.state == "invalid":
        raise SignOffRefused("signoff_invalid_post")
    if decision.state == "expired":
        raise SignOffRefused("signoff_expired_post")
    if decision.state == "rejected":
        raise SignOffRefused("signoff_already_refused")
    if decision.waiting_for is None:
        raise SignOffRefused("signoff_complete")
    person = registry.people.get(signer)
    if person is None:
        raise SignOffRefused("signoff_unknown_signer", signer=signer)
    role = decision.waiting_for
    if not person.holds(role, now):
        raise SignOffRefused("signoff_wrong_role", signer=signer, role=role)
    if any(entry.signer == signer for entry in decision.chain):
        raise SignOffRefused("signoff_same_person", signer=signer)
    return role


def make_entry(
    post: Post,
    decision: Decision,
    settings: Settings,
    *,
    role: str,
    signer: str,
    verdict: str,
    reason: str | None,
    now: dt.datetime,
    key: Ed25519PrivateKey | None,
) -> dict[str, str | None]:
    """The sign-off entry, signed with `key` (None only with `signatures: off`)."""
    if verdict == "reject" and not (reason or "").strip():
        raise SignOffRefused("signoff_reason_required")
    if post.digest is None:
        raise SignOffRefused("signoff_invalid_post")
    at = utc_stamp(now)
    reason = reason.strip() if reason else None
    entry: dict[str, str | None] = {
        "role": role,
        "signer": signer,
        "decision": verdict,
        "reason": reason,
        "digest": post.digest,
        "at": at,
    }
    if settings.signatures:
        if key is None:
            raise SignOffRefused("signoff_key_required")
        previous = decision.chain[-1].sig if decision.chain else None
        draft = SignOff(
            index=len(post.signoffs), role=role, signer=signer, decision=verdict, reason=reason,
            digest=post.digest, at_text=at, at=None, key=None, sig=None,
        )  # fmt: skip
        message = signoff_statement(post.path, settings, draft, chain_link(previous))
        entry["key"] = signing.fingerprint(signing.public_line(key.public_key()))
        entry["sig"] = signing.sign(key, message)
    return entry


def write_entry(text: str, entry: dict[str, str | None]) -> str:
    return append_signoff(text, entry)
