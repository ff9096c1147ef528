"""The approvers registry (`approvers.yml`): who holds which role, with which keys, when.

```yaml
site_id: pathumthani-health
timezone: Asia/Bangkok
version: 3            # optional; required (and may never go down) in hardened mode
expires: 2570-09-30   # optional; required in hardened mode
people:
  - id: somchai
    name: นายสมชาย รักษ์สุขภาพ
    position: ประธานศูนย์ข้อมูลข่าวสาร
    email: somchai@example.go.th   # optional: where `gate notify` writes
    roles:
      - {role: chair, from: 2569-10-01}
    keys:
      - {key: "ssh-ed25519 AAAA… somchai", from: 2569-10-01}
      - {key: "ssh-ed25519 AAAA… old", until: 2569-09-30}       # retired: old signatures still count
      - {key: "ssh-ed25519 AAAA… lost", revoked: 2569-08-01}    # revoked: every signature void
```

Loading is strict: anything unknown, missing or doubtful is a RegistryError that
names the key, because a registry that is half understood is not a registry at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .signing import SignatureFormatError, fingerprint
from .strict_yaml import StrictYAMLError, load_strict
from .thaidates import DateError, parse_when

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
TOP_KEYS = {"site_id", "timezone", "people", "version", "expires"}
PERSON_KEYS = {"id", "name", "position", "email", "roles", "keys"}
# An address `gate notify` can hand to any mail server: ASCII, one @, a dotted domain (write an
# internationalised domain in its xn-- form). Nothing that could end or add a mail header.
EMAIL_RE = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}"  # the local part, unquoted
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)
ROLE_KEYS = {"role", "from", "until"}
KEY_KEYS = {"key", "from", "until", "revoked"}


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

    def valid_at(self, moment: dt.datetime) -> bool:
        return not self.revoked and self.span.holds_at(moment)


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
    email: str = ""  # optional: where `gate notify` sends what waits for this person

    def holds(self, role: str, moment: dt.datetime) -> bool:
        return any(grant.role == role and grant.span.holds_at(moment) for grant in self.roles)

    def key(self, value: str) -> KeyGrant | None:
        """This person's key by fingerprint or public key line."""
        for grant in self.keys:
            if value in (grant.fingerprint, grant.line) or value.split()[:2] == grant.line.split()[:2]:
                return grant
        return None


@dataclass(frozen=True)
class Registry:
    site_id: str
    timezone: ZoneInfo
    people: dict[str, Person]
    version: int | None = None
    expires: dt.datetime | None = field(default=None)

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
    if isinstance(value, bool):
        raise RegistryError("registry_date", key, str(value).lower())
    try:
        when = parse_when(value, tz)
    except DateError:
        raise RegistryError("registry_date", key, str(value)) from None
    if end and when.date_only:  # a date-only end is inclusive, like publish_until
        return when.at + dt.timedelta(days=1)
    return when.at


def _span(entry: dict[str, Any], key: str, tz: ZoneInfo) -> Span:
    span = Span(
        _instant(entry.get("from"), f"{key}.from", tz), _instant(entry.get("until"), f"{key}.until", tz, end=True)
    )
    if span.start is not None and span.end is not None and span.end <= span.start:
        raise RegistryError("registry_span", f"{key}.until", str(entry.get("until")))
    return span


def _mapping(value: Any, key: str, allowed: set[str], required: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RegistryError("registry_shape", key)
    for name in sorted(set(value) - allowed):
        raise RegistryError("registry_unknown_key", f"{key}.{name}" if key != "approvers.yml" else name)
    for name in sorted(required):
        if value.get(name) in (None, ""):
            raise RegistryError("registry_missing", f"{key}.{name}" if key != "approvers.yml" else name)
    return value


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RegistryError("registry_text", key, str(value))
    return value.strip()


def _email(value: Any, key: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > 254 or not EMAIL_RE.fullmatch(value):
        raise RegistryError("registry_email", key, str(value))
    return value.strip()


def _list(value: Any, key: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RegistryError("registry_shape", key)
    return value


def _person(raw: Any, where: str, roles: tuple[str, ...], tz: ZoneInfo, owners: dict[str, str]) -> Person:
    entry = _mapping(raw, where, PERSON_KEYS, {"id", "name"})
    person_id = entry["id"]
    if not isinstance(person_id, str) or not ID_RE.match(person_id):
        raise RegistryError("registry_id", f"{where}.id", str(person_id))
    name = _text(entry["name"], f"{where}.name")
    position = _text(entry["position"], f"{where}.position") if entry.get("position") is not None else ""
    email = _email(entry.get("email"), f"{where}.email")
    grants: list[RoleGrant] = []
    for index, role_raw in enumerate(_list(entry.get("roles"), f"{where}.roles"), 1):
        role_key = f"{where}.roles[{index}]"
        role_entry = _mapping(role_raw, role_key, ROLE_KEYS, {"role"})
        if role_entry["role"] not in roles:
            raise RegistryError("registry_role", f"{role_key}.role", f"{role_entry['role']} ({', '.join(roles)})")
        grants.append(RoleGrant(role_entry["role"], _span(role_entry, role_key, tz)))
    keys: list[KeyGrant] = []
    for index, key_raw in enumerate(_list(entry.get("keys"), f"{where}.keys"), 1):
        key_key = f"{where}.keys[{index}]"
        key_entry = _mapping(key_raw, key_key, KEY_KEYS, {"key"})
        line = _text(key_entry["key"], f"{key_key}.key")
        try:
            print_ = fingerprint(line)
        except SignatureFormatError as error:
            raise RegistryError("registry_key", f"{key_key}.key", str(error)) from None
        if print_ in owners:
            raise RegistryError("registry_key_shared", f"{key_key}.key", owners[print_])
        owners[print_] = person_id
        revoked = key_entry.get("revoked")
        if revoked is not None and not isinstance(revoked, bool):  # a date records when it was revoked
            _instant(revoked, f"{key_key}.revoked", tz)
        keys.append(KeyGrant(line, print_, _span(key_entry, key_key, tz), revoked not in (None, False)))
    return Person(person_id, name, position, tuple(grants), tuple(keys), email)


def parse_registry(text: str, roles: tuple[str, ...]) -> Registry:
    """Parse and validate a registry; any doubt raises RegistryError."""
    try:
        data = load_strict(text.removeprefix("\ufeff"))
    except StrictYAMLError as error:
        where = error.key or (f"line {error.line}" if error.line else "approvers.yml")
        raise RegistryError("registry_yaml", where, error.detail or error.code) from None
    if data is None:
        raise RegistryError("registry_missing", "site_id")
    data = _mapping(data, "approvers.yml", TOP_KEYS, {"site_id", "timezone", "people"})
    site_id = data["site_id"]
    if not isinstance(site_id, str) or not ID_RE.match(site_id):
        raise RegistryError("registry_id", "site_id", str(site_id))
    try:
        if not isinstance(data["timezone"], str):
            raise ValueError(data["timezone"])
        tz = ZoneInfo(data["timezone"])
    except (ZoneInfoNotFoundError, ValueError):
        raise RegistryError("registry_timezone", "timezone", str(data["timezone"])) from None
    version = data.get("version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int) or version < 1):
        raise RegistryError("registry_version", "version", str(version))
    expires = _instant(data.get("expires"), "expires", tz, end=True)
    people: dict[str, Person] = {}
    owners: dict[str, str] = {}  # key fingerprint -> person id
    for number, raw in enumerate(_list(data["people"], "people"), 1):
        person = _person(raw, f"people[{number}]", roles, tz, owners)
        if person.id in people:
            raise RegistryError("registry_duplicate_person", f"people[{number}].id", person.id)
        people[person.id] = person
    return Registry(site_id, tz, people, version, expires)
