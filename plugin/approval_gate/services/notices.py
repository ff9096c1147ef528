"""What `gate notify` tells whom, and what it has told already.

Pure planning over the queue (queue.py): every post awaiting a sign-off is a notice to each
person in the registry who holds the role it waits for and has not signed it, on each
channel that can reach them (e-mail needs an `email` in approvers.yml; the webhook takes
every notice). A notice is sent once; while the post is past its step's target it is sent
again, at most once a day (`REPEAT`). A new version of the post (a new digest) is a new notice.

What was sent is kept in `notified.json` at the repository root (committed by the publish
run, like the take-downs and `signoffs-seen.json`): one record per channel, person, role,
post and digest, with the time it was last sent. Records of notices that no longer apply
(the post was signed, refused, withdrawn, or the person no longer holds the role) are
dropped when the file is next written. This module imports no MkDocs, click or network code.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..core.post import AT_RE
from ..core.registry import Person, Registry
from .moves import repository_lock, write_atomically
from .queue import Item, Queue

NOTIFIED_FILE = "notified.json"
VERSION = 1
MAX_SIZE = 16 * 1024 * 1024
REPEAT = dt.timedelta(days=1)  # an overdue notice comes again after this long, never sooner
NEW, REMINDER = "new", "reminder"
EMAIL, WEBHOOK = "email", "webhook"
CHANNELS = (EMAIL, WEBHOOK)
RECORD_KEYS = ("channel", "person", "role", "path", "digest")

# (channel, person id, role, post path, digest): what one record of notified.json stands for.
Key = tuple[str, str, str, str, str]


class NotifiedError(ValueError):
    """The state file cannot be read; `detail` says why. It is never overwritten then."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class Notice:
    """One message to one person on one channel: the post waits for their sign-off in `role`."""

    channel: str
    person: Person
    role: str
    item: Item
    kind: str  # new | reminder

    @property
    def key(self) -> Key:
        post = self.item.judged.post
        return (self.channel, self.person.id, self.role, post.path, post.digest or "")


@dataclass(frozen=True)
class Unreachable:
    """A person something waits for whom no configured channel reaches (no e-mail, no webhook)."""

    person: Person
    role: str
    item: Item


@dataclass(frozen=True)
class Plan:
    notices: tuple[Notice, ...]
    unreachable: tuple[Unreachable, ...]
    current: frozenset[Key]  # every key that still applies, sent now or earlier: the rest are dropped


def waiting_people(queue: Queue, registry: Registry) -> list[tuple[Person, str, Item]]:
    """Each (person, role, post) where the post waits for that person's sign-off, in queue order."""
    found: list[tuple[Person, str, Item]] = []
    for item in queue.items:
        waiting = item.waiting
        if waiting is None or not item.group.startswith("awaiting_") or not item.judged.post.digest:
            continue
        for person_id, _name in waiting.people:
            person = registry.people.get(person_id)
            if person is not None:
                found.append((person, waiting.role, item))
    return found


def plan(
    queue: Queue, registry: Registry, channels: Iterable[str], sent: Mapping[Key, dt.datetime], now: dt.datetime
) -> Plan:
    """What to send now on `channels`, given what was sent (`sent`: key -> when last sent)."""
    active = [channel for channel in CHANNELS if channel in set(channels)]
    notices: list[Notice] = []
    unreachable: list[Unreachable] = []
    current: set[Key] = set()
    for person, role, item in waiting_people(queue, registry):
        reach = [channel for channel in active if channel != EMAIL or person.email]
        if not reach:
            unreachable.append(Unreachable(person, role, item))
        for channel in reach:
            notice = Notice(channel, person, role, item, NEW)
            current.add(notice.key)
            last = sent.get(notice.key)
            if last is None:
                notices.append(notice)
            elif item.overdue and now - last >= REPEAT:
                notices.append(Notice(channel, person, role, item, REMINDER))
    return Plan(tuple(notices), tuple(unreachable), frozenset(current))


# --- the state file ---------------------------------------------------------------------


def stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text: str, path: Path) -> dict[Key, dt.datetime]:
    """`{"version": 1, "sent": [{channel, person, role, path, digest, at}, …]}` as a map."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise NotifiedError(path, f"not JSON ({error})") from None
    if not isinstance(document, dict) or document.get("version") != VERSION or set(document) != {"version", "sent"}:
        raise NotifiedError(path, f'not a notification record: expected {{"version": {VERSION}, "sent": [...]}}')
    records = document["sent"]
    if not isinstance(records, list):
        raise NotifiedError(path, '"sent" is not a list')
    found: dict[Key, dt.datetime] = {}
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict) or set(record) != {*RECORD_KEYS, "at"}:
            raise NotifiedError(path, f"entry {number}: expected the keys {', '.join((*RECORD_KEYS, 'at'))}")
        values = [record[name] for name in RECORD_KEYS]
        if not all(isinstance(value, str) for value in values) or record["channel"] not in CHANNELS:
            raise NotifiedError(path, f"entry {number}: a value is not text, or the channel is not email or webhook")
        at = record["at"]
        if not isinstance(at, str) or not at.isascii() or not AT_RE.match(at):
            raise NotifiedError(path, f"entry {number}: {str(at)[:40]!r} is not a UTC time YYYY-MM-DDTHH:MM:SSZ")
        try:
            moment = dt.datetime.fromisoformat(at[:-1]).replace(tzinfo=dt.UTC)
        except ValueError:
            raise NotifiedError(path, f"entry {number}: {at!r} is not a time") from None
        found[(values[0], values[1], values[2], values[3], values[4])] = moment
    return found


def read(path: Path) -> dict[Key, dt.datetime]:
    """What was sent; empty when there is no file yet."""
    try:
        if path.stat().st_size > MAX_SIZE:
            raise NotifiedError(path, "larger than 16 MiB")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise NotifiedError(path, getattr(error, "strerror", None) or str(error)) from None
    return parse(text, path)


def dump(sent: Mapping[Key, dt.datetime]) -> str:
    """One record a line, sorted, so that a commit shows exactly who was told what."""
    records = [dict(zip((*RECORD_KEYS, "at"), (*key, stamp(at)), strict=True)) for key, at in sorted(sent.items())]
    lines = ",\n".join("  " + json.dumps(record, ensure_ascii=False, sort_keys=True) for record in records)
    return f'{{\n "sent": [\n{lines}\n ],\n "version": {VERSION}\n}}\n' if records else dump_empty()


def dump_empty() -> str:
    return json.dumps({"sent": [], "version": VERSION}, indent=1) + "\n"


def record(
    root: Path, delivered: Iterable[Key], current: Iterable[Key], channels: Iterable[str], now: dt.datetime
) -> bool:
    """Note `delivered` as sent `now` and drop the records of `channels` that no longer apply (not
    in `current`); records of a channel not used in this run are kept as they are.

    Under the repository lock, re-read and written atomically, only when something changed; a
    file that cannot be read is never overwritten (NotifiedError). True when the file was written."""
    path = root / NOTIFIED_FILE
    keep, used = set(current), set(channels)
    with repository_lock(root):
        exists = path.exists()
        sent = read(path)
        updated = {key: at for key, at in sent.items() if key in keep or key[0] not in used}
        updated.update(dict.fromkeys(delivered, now.astimezone(dt.UTC).replace(microsecond=0)))
        if updated == sent and (exists or not updated):
            return False
        write_atomically(path, dump(updated).encode("utf-8"))
    return True
