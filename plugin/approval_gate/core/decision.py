"""The one pure function that decides a post's state, with every reason (SPEC §5).

No files, no MkDocs, no clock: the plugin, `gate check`, `gate status` and the
preview all call `decide` with what they read, so they can never disagree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import signing, withdrawal
from .messages import Reason
from .post import Post, SignOff, Withdrawal
from .registry import Registry
from .signed_entry import Verifier, signer_problems, stamp

INVALID, REJECTED, SCHEDULED, LIVE, EXPIRED = "invalid", "rejected", "scheduled", "live", "expired"

# (public key line, statement, signature) -> valid; a pure function, so a caller may memoise it.
# witness_key(...) -> the instant the publish run first saw that sign-off (witness.py keeps it).
Witness = Mapping[str, dt.datetime]


@dataclass(frozen=True)
class Settings:
    """The parts of the plugin configuration the decision depends on."""

    site_id: str
    roles: tuple[str, ...] = ("chair", "director")
    signatures: bool = True  # False: `signatures: off`, names only
    withdraw_role: str = "director"  # the role whose signed withdrawal takes a post down now


def awaiting(role: str) -> str:
    return f"awaiting_{role}"


@dataclass(frozen=True)
class Decision:
    state: str
    reasons: tuple[Reason, ...] = ()
    waiting_for: str | None = None  # the role whose sign-off is next
    chain: tuple[SignOff, ...] = ()  # the sign-offs that count, on the current digest
    history: tuple[SignOff, ...] = field(default=())  # sign-offs on older digests
    refusal: SignOff | None = None
    withdrawal: Withdrawal | None = None  # the verified order that took the post down, if any
    withdrawal_requests: tuple[Withdrawal, ...] = ()  # verified requests for one (by the chair)

    @property
    def live(self) -> bool:
        return self.state == LIVE


def signoff_statement(post_path: str, settings: Settings, entry: SignOff, prev: str | None) -> bytes:
    """What a sign-off's signature covers: site, path, digest, role, signer, decision, reason, time, chain."""
    return signing.statement(
        {
            "site": settings.site_id,
            "path": post_path,
            "digest": entry.digest,
            "role": entry.role,
            "signer": entry.signer,
            "decision": entry.decision,
            "reason": entry.reason,
            "at": entry.at_text,
            "prev": prev,
        }
    )


def chain_link(sig: str | None) -> str | None:
    """`prev` for the next entry: SHA-256 of this approving entry's signature."""
    return hashlib.sha256(sig.encode("utf-8")).hexdigest() if sig else None


def witness_key(post_path: str, settings: Settings, entry: SignOff) -> str:
    """What the witness records a sign-off under: the SHA-256 of its signature (of its
    statement when signatures are off), hex."""
    if entry.sig:
        return hashlib.sha256(entry.sig.encode("utf-8")).hexdigest()
    return hashlib.sha256(signoff_statement(post_path, settings, entry, None)).hexdigest()


def statements(post: Post, settings: Settings) -> list[tuple[SignOff, bytes]]:
    """Each sign-off with the exact bytes its signature covers (for auditors and tools).

    `prev` is what it was when the entry was made: the newest earlier approving entry
    on the same digest, as `gate approve` chains them."""
    last_approval: dict[str, str | None] = {}
    result = []
    for entry in post.signoffs:
        prev = chain_link(last_approval.get(entry.digest))
        result.append((entry, signoff_statement(post.path, settings, entry, prev)))
        if entry.decision == "approve":
            last_approval[entry.digest] = entry.sig
    return result


def _check_entry(
    entry: SignOff,
    post: Post,
    registry: Registry | None,
    settings: Settings,
    now: dt.datetime,
    prev: str | None,
    verify: Verifier = signing.verify,
    seen: Witness | None = None,
) -> list[Reason]:
    """Every reason this sign-off does not count (empty: it counts)."""
    where = f"signoffs[{entry.index + 1}]"
    problems = list(entry.problems)
    if entry.at is not None and entry.at > now:
        problems.append(Reason("signoff_future", f"{where}.at", {"value": entry.at_text}))
    requested = post.requester.date.at if post.requester and post.requester.date else None
    if entry.at is not None and requested is not None and entry.at < requested:
        problems.append(
            Reason("signoff_before_request", f"{where}.at", {"value": entry.at_text, "requested": stamp(requested)})
        )
    first_seen = seen.get(witness_key(post.path, settings, entry), now) if seen is not None else None
    return problems + signer_problems(
        entry, where, registry, statement=signoff_statement(post.path, settings, entry, prev),
        signatures=settings.signatures, verify=verify, first_seen=first_seen,
    )  # fmt: skip


def _window_state(post: Post, now: dt.datetime) -> str | None:
    if post.window is None:
        return None
    return {"before": SCHEDULED, "open": LIVE, "after": EXPIRED}[post.window.position(now)]


def decide(
    post: Post,
    registry: Registry | None,
    settings: Settings,
    now: dt.datetime,
    *,
    verify: Verifier = signing.verify,
    seen: Witness | None = None,
) -> Decision:
    """State and reasons of `post` at `now` (`verify`: signing.verify or a memo of it).

    `seen`: the witness, when each sign-off was first seen by the publish run (a sign-off
    missing from it is seen `now`); the Gate always passes it. None leaves out the rule
    "not first seen after the signer's role or key ended" (for pure tests of other rules)."""
    window = _window_state(post, now)
    current = [entry for entry in post.signoffs if entry.digest == post.digest]
    history = tuple(entry for entry in post.signoffs if entry.digest != post.digest)
    reasons: list[Reason] = list(post.problems)

    chain: list[SignOff] = []
    refusal: SignOff | None = None
    prev: str | None = None
    signers: dict[str, str] = {}
    for entry in current:
        where = f"signoffs[{entry.index + 1}]"
        step = len(chain)
        reasons.extend(_check_entry(entry, post, registry, settings, now, prev, verify, seen))
        if refusal is not None:
            reasons.append(Reason("signoff_after_refusal", where))
            continue
        if step >= len(settings.roles) or entry.role != settings.roles[step]:
            expected = settings.roles[step] if step < len(settings.roles) else "-"
            reasons.append(Reason("signoff_order", f"{where}.role", {"role": entry.role, "expected": expected}))
            continue
        if chain and entry.at is not None and chain[-1].at is not None and entry.at < chain[-1].at:
            reasons.append(Reason("signoff_time_order", f"{where}.at"))
        if entry.signer in signers:
            reasons.append(
                Reason("same_person", f"{where}.signer", {"signer": entry.signer, "role": signers[entry.signer]})
            )
        signers[entry.signer] = entry.role
        if entry.decision == "reject":
            refusal = entry
        else:
            chain.append(entry)
            prev = chain_link(entry.sig)

    context = withdrawal.Context(
        settings.site_id, settings.roles, settings.withdraw_role, settings.signatures, now, verify, seen
    )
    withdrawals = withdrawal.check(post, registry, context)
    reasons.extend(withdrawals.problems)  # verify, then decide: an entry that does not verify is never ignored

    done = len(chain) == len(settings.roles)
    waiting = None if done or refusal else settings.roles[len(chain)]
    order = withdrawals.order if done and refusal is None else None

    def result(state: str, taken_by: Withdrawal | None = None) -> Decision:
        return Decision(state, tuple(reasons), waiting, tuple(chain), history, refusal, taken_by, withdrawals.requests)

    if order is not None and not reasons:
        # Taken down now, whatever the window, by the path expired posts take.
        reasons.append(Reason("withdrawn", None, {"signer": order.signer, "at": order.at_text}))
        return result(EXPIRED, order)
    if window == EXPIRED and done and not reasons and refusal is None:
        reasons.append(Reason("window_ended"))
        return result(EXPIRED)
    broken = bool(reasons)
    if window == EXPIRED:  # never approved: never published, so never taken down; it keeps its state
        reasons.append(Reason("never_approved_ended"))
    if broken:
        return result(INVALID)
    if refusal is not None:
        reasons.append(
            Reason("refused", None, {"role": refusal.role, "signer": refusal.signer, "reason": refusal.reason or ""})
        )
        return result(REJECTED)
    if not done:
        role = settings.roles[len(chain)]
        reasons.append(Reason("awaiting", None, {"role": role}))
        if any(entry.decision == "reject" for entry in history):
            reasons.append(Reason("revised", None))
        elif history:
            reasons.append(Reason("changed_after_signoff", None))
        return result(awaiting(role))
    if window == SCHEDULED:
        reasons.append(Reason("not_yet_open"))
        return result(SCHEDULED)
    return result(LIVE)
