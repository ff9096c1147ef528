"""The witness: when the publish run first saw each sign-off.

A sign-off's `at` is the signer's own clock, so a person whose role or key has ended could
sign with an old date. The publish run (the build in CI, `gate sweep`) is a clock the signer
does not control: it records, in `signoffs-seen.json` at the repository root (committed with
the take-downs), the first instant it saw each sign-off, under the SHA-256 of its signature.
The decision (decision.py, pure) is given this map: a sign-off first seen after its signer's
role or key ended does not count, however it is dated. Entries are only ever added.

The file sits outside `content/` and `pending/`, where post authors write; who may change
it is written down in docs/trust.md. This module reads and writes it; it imports no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..core import withdrawal
from ..core.decision import Decision, Settings, witness_key
from ..core.post import AT_RE, Post
from .moves import repository_lock, write_atomically

WITNESS_FILE = "signoffs-seen.json"
VERSION = 1
MAX_SIZE = 64 * 1024 * 1024
_HEX = frozenset("0123456789abcdef")


class WitnessError(ValueError):
    """The witness file cannot be read; `detail` says why."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


def stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text: str, path: Path) -> dict[str, dt.datetime]:
    """`{"version": 1, "seen": {"<sha256 hex>": "YYYY-MM-DDTHH:MM:SSZ", ...}}` as a map."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise WitnessError(path, f"not JSON ({error})") from None
    if not isinstance(document, dict) or document.get("version") != VERSION or set(document) != {"version", "seen"}:
        raise WitnessError(path, f'not a witness file: expected {{"version": {VERSION}, "seen": {{…}}}}')
    seen = document["seen"]
    if not isinstance(seen, dict):
        raise WitnessError(path, '"seen" is not a mapping')
    found: dict[str, dt.datetime] = {}
    for key, value in seen.items():
        if len(key) != 64 or not set(key) <= _HEX:
            raise WitnessError(path, f"{key[:80]!r} is not a SHA-256 in hex")
        if not isinstance(value, str) or not value.isascii() or not AT_RE.match(value):
            raise WitnessError(path, f"{key}: {str(value)[:40]!r} is not a UTC time YYYY-MM-DDTHH:MM:SSZ")
        try:
            found[key] = dt.datetime.fromisoformat(value[:-1]).replace(tzinfo=dt.UTC)
        except ValueError:
            raise WitnessError(path, f"{key}: {value!r} is not a time") from None
    return found


def read(path: Path) -> dict[str, dt.datetime]:
    """The witness map; empty when there is no file yet (every sign-off is then seen now)."""
    try:
        if path.stat().st_size > MAX_SIZE:
            raise WitnessError(path, "larger than 64 MiB")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise WitnessError(path, getattr(error, "strerror", None) or str(error)) from None
    return parse(text, path)


def dump(seen: Mapping[str, dt.datetime]) -> str:
    """One entry a line, sorted, so that a commit shows exactly which sign-offs were first seen."""
    document = {"version": VERSION, "seen": {key: stamp(moment) for key, moment in seen.items()}}
    return json.dumps(document, indent=1, sort_keys=True) + "\n"


def observed(judged: Iterable[tuple[Post, Decision]], settings: Settings) -> set[str]:
    """The keys of the sign-offs that can make a post's state: the chain on its current digest and
    its refusal (at most one entry per role and one more a post, so a post cannot flood the file),
    and its verified withdrawal order and requests (each signed by a person holding a role)."""
    keys: set[str] = set()
    for post, decision in judged:
        entries = [*decision.chain, *([decision.refusal] if decision.refusal else [])]
        keys.update(witness_key(post.path, settings, entry) for entry in entries)
        # Verified withdrawals too (the order, and requests), so none can be backdated later.
        orders = [*([decision.withdrawal] if decision.withdrawal else []), *decision.withdrawal_requests]
        keys.update(withdrawal.witness_key(settings.site_id, post.path, entry) for entry in orders)
    return keys


def record(root: Path, keys: Iterable[str], now: dt.datetime) -> list[str]:
    """Add the keys not in `root/signoffs-seen.json` yet, first seen `now`; the keys added.

    Under the repository lock, re-read and written atomically: two runs at once keep the
    earlier instant of each key. A file that cannot be read is never overwritten (WitnessError)."""
    path = root / WITNESS_FILE
    with repository_lock(root):
        seen = read(path)
        added = sorted(set(keys) - set(seen))
        if added:
            seen.update(dict.fromkeys(added, now.astimezone(dt.UTC).replace(microsecond=0)))
            write_atomically(path, dump(seen).encode("utf-8"))
    return added
