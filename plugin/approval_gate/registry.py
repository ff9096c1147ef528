"""The approvers registry (`approvers.yml`): who holds which role, with which keys, when.

```yaml
site_id: pathumthani-health
timezone: Asia/Bangkok
people:
  - id: somchai
    name: นายสมชาย รักษ์สุขภาพ
    position: ประธานศูนย์ข้อมูลข่าวสาร
    roles:
      - {role: chair, from: 2569-10-01}
    keys:
      - {key: "ssh-ed25519 AAAA… somchai", from: 2569-10-01}
```
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .strict_yaml import StrictYAMLError, load_strict
from .signing import SignatureFormatError, fingerprint
from .thaidates import DateError, parse_when

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


class RegistryError(ValueError):
    """The registry cannot be trusted; `code` is a catalogue key, `key` where it is."""

    def __init__(self, code: str, key: str = "", detail: str = ""):
        super().__init__(f"{code} at {key}: {detail}")
        self.code = code
        self.key = key
        self.detail = detail


@dataclass(frozen=True)
class Span:
    """A validity period [start, end); either side may be open."""

    start: dt.datetime | None
    end: dt.datetime | None

    def holds_at(self, moment: dt.datetime) -> bool:
        return (self.start is None or self.start <= moment) and (self.end is None or moment < self.end)


@dataclass(frozen=True)
class KeyGrant:
    line: str
    fingerprint: str
    span: Span
    revoked: bool  # revocation voids every signature the key ever made


@dataclass(frozen=True)
class RoleGrant:
    role: str
    span: Span


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    position: str
    roles: tuple[RoleGrant, ...]
    keys: tuple[KeyGrant, ...]

    def holds(self, role: str, moment: dt.datetime) -> bool:
        return any(grant.role == role and grant.span.holds_at(moment) for grant in self.roles)


@dataclass(frozen=True)
class Registry:
    site_id: str
    timezone: ZoneInfo
    people: dict[str, Person]

    def key_by_fingerprint(self, value: str) -> tuple[Person, KeyGrant] | None:
        for person in self.people.values():
            for grant in person.keys:
                if grant.fingerprint == value:
                    return person, grant
        return None

    def holders(self, role: str, moment: dt.datetime) -> list[Person]:
        return [person for person in self.people.values() if person.holds(role, moment)]


def _instant(value: Any, key: str, tz: ZoneInfo, *, end: bool = False) -> dt.datetime | None:
    if value is None:
        return None
    try:
        when = parse_when(value, tz)
    except DateError:
        raise RegistryError("registry_date", key, str(value)) from None
    if end and when.date_only:  # a date-only end is inclusive, like publish_until
        return when.at + dt.timedelta(days=1)
    return when.at


def _span(entry: dict[str, Any], key: str, tz: ZoneInfo) -> Span:
    return Span(_instant(entry.get("from"), f"{key}.from", tz), _instant(entry.get("until"), f"{key}.until", tz, end=True))


def _mapping(value: Any, key: str, allowed: set[str], required: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RegistryError("registry_shape", key)
    for name in sorted(set(value) - allowed):
        raise RegistryError("registry_unknown_key", f"{key}.{name}")
    for name in sorted(required):
        if value.get(name) in (None, ""):
            raise RegistryError("registry_missing", f"{key}.{name}")
    return value


def parse_registry(text: str, roles: tuple[str, ...]) -> Registry:
    """Parse and validate a registry; any doubt raises RegistryError."""
    try:
        data = load_strict(text)
    except StrictYAMLError as error:
        raise RegistryError("registry_yaml", error.key or f"line {error.line}", error.detail or error.code) from None
    data = _mapping(data, "approvers.yml", {"site_id", "timezone", "people", "version", "expires"}, {"site_id", "timezone", "people"})
    try:
        tz = ZoneInfo(str(data["timezone"]))
    except (ZoneInfoNotFoundError, ValueError):
        raise RegistryError("registry_timezone", "timezone", str(data["timezone"])) from None
    if not isinstance(data["people"], list):
        raise RegistryError("registry_shape", "people")
    people: dict[str, Person] = {}
    owners: dict[str, str] = {}
    for number, raw in enumerate(data["people"], 1):
        where = f"people[{number}]"
        entry = _mapping(raw, where, {"id", "name", "position", "roles", "keys"}, {"id", "name"})
        person_id = str(entry["id"])
        if not ID_RE.match(person_id):
            raise RegistryError("registry_id", f"{where}.id", person_id)
        if person_id in people:
            raise RegistryError("registry_duplicate_person", f"{where}.id", person_id)
        grants: list[RoleGrant] = []
        for index, role_raw in enumerate(entry.get("roles") or [], 1):
            role_key = f"{where}.roles[{index}]"
            role_entry = _mapping(role_raw, role_key, {"role", "from", "until"}, {"role"})
            if role_entry["role"] not in roles:
                raise RegistryError("registry_role", f"{role_key}.role", str(role_entry["role"]))
            grants.append(RoleGrant(role_entry["role"], _span(role_entry, role_key, tz)))
        keys: list[KeyGrant] = []
        for index, key_raw in enumerate(entry.get("keys") or [], 1):
            key_key = f"{where}.keys[{index}]"
            key_entry = _mapping(key_raw, key_key, {"key", "from", "until", "revoked"}, {"key"})
            try:
                print_ = fingerprint(str(key_entry["key"]))
            except SignatureFormatError as error:
                raise RegistryError("registry_key", f"{key_key}.key", str(error)) from None
            if print_ in owners:
                raise RegistryError("registry_key_shared", f"{key_key}.key", owners[print_])
            owners[print_] = person_id
            revoked = key_entry.get("revoked")
            if revoked not in (None, False, True):  # a date is also accepted, as a record of when
                _instant(revoked, f"{key_key}.revoked", tz)
            keys.append(KeyGrant(str(key_entry["key"]), print_, _span(key_entry, key_key, tz), revoked not in (None, False)))
        people[person_id] = Person(
            person_id, str(entry["name"]), str(entry.get("position") or ""), tuple(grants), tuple(keys)
        )
    return Registry(str(data["site_id"]), tz, people)
