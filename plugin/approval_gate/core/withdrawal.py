"""Withdrawal: a signed order to take a live post down now, whatever its window.

An entry of the record key `withdrawals` is made and checked like a sign-off: an SSH
signature (SSHSIG, namespace `approval-gate-v1`) over a canonical JSON statement
`{type: approval-gate/withdrawal/v1, site, path, digest, action, role, signer, reason, at}`.
The statement names the post's path and digest, so a withdrawal cannot be replayed onto
another post or onto another text of this one; its `type` differs from a sign-off's, so
neither can stand for the other. `ssh-keygen -Y verify` checks it with the same
`allowed_signers` line as the signer's sign-offs.

`action: withdraw` is an order, by the configured role (`withdraw_role`, the director by
default); `action: request` is a request by another role of the chain (the chair), which
takes nothing down by itself and tells the director what to sign.

Verify, then decide. An entry that does not verify (forged, unknown signer, wrong role,
revoked key, a future time, another post's digest…) makes the post `invalid`: it is
neither taken down *as withdrawn* (the notice and the register would name a director who
never signed) nor left up silently (someone tried to change the post's fate without the
right key). Invalid posts are kept out of the site with a warning that fails
`mkdocs build --strict`, so a person looks at it. Nobody gains power by forging one: anyone
who can write a post's file can already take it off the site by deleting or editing it,
and nobody can put a post *up* with a withdrawal.

Pure functions over plain data: no files, no MkDocs, no clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import signing
from .canonical import canonical_json
from .messages import Reason
from .post import Post, Withdrawal
from .signed_entry import Verifier, signer_problems

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from .registry import Registry

STATEMENT_TYPE = "approval-gate/withdrawal/v1"
WITHDRAW, REQUEST = "withdraw", "request"
STATEMENT_KEYS = ("type", "site", "path", "digest", "action", "role", "signer", "reason", "at")


def witness_key(site_id: str, post_path: str, entry: Withdrawal) -> str:
    """What the witness (signoffs-seen.json) records a withdrawal under, as for a sign-off: the
    SHA-256 of its signature (of its statement when signatures are off), hex."""
    if entry.sig:
        return hashlib.sha256(entry.sig.encode("utf-8")).hexdigest()
    return hashlib.sha256(statement(site_id, post_path, entry)).hexdigest()


def statement(site_id: str, post_path: str, entry: Withdrawal) -> bytes:
    """The exact bytes a withdrawal's signature covers."""
    fields = {
        "type": STATEMENT_TYPE,
        "site": site_id,
        "path": post_path,
        "digest": entry.digest,
        "action": entry.action,
        "role": entry.role,
        "signer": entry.signer,
        "reason": entry.reason,
        "at": entry.at_text,
    }
    return canonical_json(fields).encode("utf-8")


@dataclass(frozen=True)
class Checked:
    """What the withdrawals of a post amount to: the order that counts on the current digest
    (the first valid one), the valid requests on it, and every problem of every entry."""

    order: Withdrawal | None
    requests: tuple[Withdrawal, ...]
    problems: tuple[Reason, ...]


def action_for(role: str, order_role: str) -> str:
    """What a signer in `role` records: an order, or a request for one."""
    return WITHDRAW if role == order_role else REQUEST


@dataclass(frozen=True)
class Context:
    """What judging a withdrawal depends on besides the post: the site, the chain's roles, the
    role that orders, whether signatures are checked, the instant, and the witness (`seen`)."""

    site_id: str
    roles: tuple[str, ...]
    order_role: str
    signatures: bool
    now: dt.datetime
    verify: Verifier = signing.verify
    seen: Mapping[str, dt.datetime] | None = None


def entry_problems(entry: Withdrawal, post: Post, registry: Registry | None, context: Context) -> list[Reason]:
    """Every reason this withdrawal entry does not count (empty: it counts).

    `seen`: the witness, as for sign-offs: an entry first seen by the publish run after its
    signer's role or key ended does not count, whatever its `at` says (no backdating)."""
    where = f"withdrawals[{entry.index + 1}]"
    problems = list(entry.problems)
    if entry.at is not None and entry.at > context.now:
        problems.append(Reason("signoff_future", f"{where}.at", {"value": entry.at_text}))
    if entry.role not in context.roles:
        problems.append(Reason("withdrawal_role", f"{where}.role", {"role": entry.role}))
    elif entry.action and entry.action != action_for(entry.role, context.order_role):
        problems.append(Reason("withdrawal_action_role", f"{where}.action", {"role": entry.role}))
    seen, key = context.seen, witness_key(context.site_id, post.path, entry)
    first_seen = seen.get(key, context.now) if seen is not None else None
    return problems + signer_problems(
        entry, where, registry, statement=statement(context.site_id, post.path, entry),
        signatures=context.signatures, verify=context.verify, first_seen=first_seen,
    )  # fmt: skip


def check(post: Post, registry: Registry | None, context: Context) -> Checked:
    """Check every entry (on any digest: a forged entry is never ignored), and pick the order
    and the requests that concern the current text."""
    order: Withdrawal | None = None
    requests: list[Withdrawal] = []
    problems: list[Reason] = []
    for entry in post.withdrawals:
        found = entry_problems(entry, post, registry, context)
        problems += found
        if found or entry.digest != post.digest:
            continue
        if entry.action == WITHDRAW and order is None:
            order = entry
        elif entry.action == REQUEST:
            requests.append(entry)
    return Checked(order, tuple(requests), tuple(problems))


def make_entry(
    post: Post,
    *,
    site_id: str,
    action: str,
    role: str,
    signer: str,
    reason: str,
    at: str,
    key: Ed25519PrivateKey | None,
) -> dict[str, str]:
    """A new `withdrawals` entry for the post's current digest, signed with `key` (None only
    with `signatures: off`)."""
    if post.digest is None:
        raise ValueError("a post without a digest cannot be withdrawn")
    entry: dict[str, str] = {
        "action": action, "role": role, "signer": signer, "reason": reason, "digest": post.digest, "at": at,
    }  # fmt: skip
    if key is not None:
        draft = Withdrawal(
            index=len(post.withdrawals), action=action, role=role, signer=signer, reason=reason,
            digest=post.digest, at_text=at, at=None, key=None, sig=None,
        )  # fmt: skip
        entry["key"] = signing.fingerprint(signing.public_line(key.public_key()))
        entry["sig"] = signing.sign(key, statement(site_id, post.path, draft))
    return entry


def statements(post: Post, site_id: str) -> list[tuple[Withdrawal, bytes]]:
    """Each withdrawal entry with the bytes its signature covers (for `gate audit`)."""
    return [(entry, statement(site_id, post.path, entry)) for entry in post.withdrawals]
