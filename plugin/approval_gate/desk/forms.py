"""The forms the desk accepts: exactly the fields it expects, each once, or nothing at all."""

from __future__ import annotations

from urllib.parse import parse_qsl

from .urls import SIGN_PREFIX

# The fields of the sign form; any other field, or any field twice, is refused (HTTP 400).
SIGN_FIELDS = frozenset({"csrf", "place", "path", "digest", "role", "verdict", "reason", "passphrase"})
CLOSE_FIELDS = frozenset({"csrf"})


def fields_for(path: str) -> frozenset[str]:
    """The fields a form posted to `path` may carry."""
    return SIGN_FIELDS if path.startswith(SIGN_PREFIX) else CLOSE_FIELDS


def read_form(data: bytes, allowed: frozenset[str]) -> dict[str, str] | None:
    """The fields of an urlencoded form, or None when one is unknown or sent twice.

    A browser sends every control that names the form, wherever it sits on the page, before
    or after the form's own: a field sent twice means something on the page added one."""
    try:
        pairs = parse_qsl(data.decode("utf-8"), keep_blank_values=True, max_num_fields=len(allowed))
    except (UnicodeDecodeError, ValueError):
        return None
    names = [name for name, _ in pairs]
    if len(set(names)) != len(names) or not set(names) <= allowed:
        return None
    return dict(pairs)
