"""What every signed record entry must satisfy, a sign-off or a withdrawal alike.

A registered signer who holds the entry's role at its time; their own key, valid then and
never revoked; an entry first seen by the publish run before that role or key ended (no
backdating); and a good signature over the entry's statement. The callers add what is
particular to their kind of entry (a sign-off's request date, a withdrawal's action).

Pure: no files, no clock (the caller gives `first_seen`, already read from the witness).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .messages import Reason
from .post import SignedEntry
from .registry import KeyGrant, Person, Registry

Verifier = Callable[[str, bytes, str], bool]


def stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def signer_problems(
    entry: SignedEntry,
    where: str,
    registry: Registry | None,
    *,
    statement: bytes,
    signatures: bool,
    verify: Verifier,
    first_seen: dt.datetime | None,
) -> list[Reason]:
    """Every reason the signer, the key or the signature of `entry` (at `where`, e.g.
    `signoffs[2]`) does not count. `first_seen`: when the witness first saw the entry (None:
    no witness is kept)."""
    if registry is None:
        return [Reason("registry_missing_for_check", where)]
    person = registry.people.get(entry.signer)
    if person is None:
        return [Reason("signer_unknown", f"{where}.signer", {"signer": entry.signer})]
    problems = []
    if entry.at is not None and not person.holds(entry.role, entry.at):
        problems.append(Reason("role_not_held", f"{where}.role", {"signer": entry.signer, "role": entry.role}))
    if not signatures:
        return problems + _witnessed(entry, where, person, None, first_seen)
    if not entry.key or not entry.sig:
        return [*problems, Reason("signature_missing", where)]
    found = registry.key_by_fingerprint(entry.key)
    if found is None:
        return [*problems, Reason("key_unknown", f"{where}.key", {"fingerprint": entry.key})]
    owner, grant = found
    problems += _witnessed(entry, where, person, grant, first_seen)
    if owner.id != entry.signer:
        problems.append(Reason("key_not_signers", f"{where}.key", {"signer": entry.signer, "owner": owner.id}))
    if grant.revoked:  # revocation voids every signature the key made, old ones included
        problems.append(Reason("key_revoked", f"{where}.key", {"fingerprint": entry.key}))
    elif entry.at is not None and not grant.span.holds_at(entry.at):
        problems.append(Reason("key_not_valid_at", f"{where}.key", {"fingerprint": entry.key, "at": entry.at_text}))
    if not verify(grant.line, statement, entry.sig):
        problems.append(Reason("signature_bad", f"{where}.sig"))
    return problems


def _witnessed(
    entry: SignedEntry, where: str, person: Person, key: KeyGrant | None, first: dt.datetime | None
) -> list[Reason]:
    """An entry first seen (by the publish run) after its signer's role or key ended does not
    count, whatever its `at` says: a retired approver cannot sign by backdating."""
    if first is None:
        return []
    problems = []
    held = [grant for grant in person.roles if grant.role == entry.role and entry.at and grant.span.holds_at(entry.at)]
    ends = [grant.span.end for grant in held]
    if held and all(end is not None and first >= end for end in ends):
        end = max(end for end in ends if end is not None)
        params = {"signer": entry.signer, "role": entry.role, "seen": stamp(first), "end": stamp(end)}
        problems.append(Reason("signoff_seen_after_role", f"{where}.at", params))
    if key is not None and key.span.end is not None and first >= key.span.end:
        params = {"fingerprint": key.fingerprint, "seen": stamp(first), "end": stamp(key.span.end)}
        problems.append(Reason("signoff_seen_after_key", f"{where}.key", params))
    return problems
