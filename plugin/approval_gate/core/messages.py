"""The one message catalogue: every user-facing text, in Thai and English.

A `Reason` carries a catalogue code and its parameters, never finished text, so the
same decision reads in Thai on the site and in English in a CI log.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from .catalogue import CATALOGUE

LANGUAGES = ("th", "en")


def language_from_env() -> str:
    """The CLI follows LANGUAGE/LC_ALL/LC_MESSAGES/LANG; Thai unless it asks for English
    (`C`, `C.UTF-8` and `POSIX`, every server's and CI's default, ask for nothing: Thai)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "th"
    return "th"


def site_language(theme_language: str | None) -> str:
    return "en" if (theme_language or "th").lower().startswith("en") else "th"


def message(code: str, lang: str = "th", **params: object) -> str:
    """The text for `code` in `lang`, with `params` filled in."""
    english, thai = CATALOGUE[code]
    template = thai if lang == "th" else english
    return template.format(**params)


def role_name(role: str, lang: str = "th") -> str:
    """A role's title for people ('chair' -> ประธานศูนย์ข้อมูลข่าวสาร)."""
    return message(f"role_{role}", lang) if f"role_{role}" in CATALOGUE else role


def duration_text(span: dt.timedelta, lang: str = "th") -> str:
    """'3 ชม. 5 นาที' / '3 h 5 min': whole minutes, hours and days (a negative span is 0 minutes)."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return message("age_days", lang, d=days, h=hours)
    if hours:
        return message("age_hours", lang, h=hours, m=minutes)
    return message("age_minutes", lang, m=minutes)


def state_name(state: str, lang: str = "th") -> str:
    return message(f"state_{state}", lang) if f"state_{state}" in CATALOGUE else state


@dataclass(frozen=True)
class Reason:
    """Why a post is not live, or what a command refused: a code and its parameters."""

    code: str
    key: str | None = None
    params: dict[str, str] = field(default_factory=dict)

    def text(self, lang: str = "th") -> str:
        params = {
            name: role_name(value, lang) if name in ("role", "expected") else value
            for name, value in self.params.items()
        }
        return message(self.code, lang, key=self.key or "", **params)

    def __hash__(self) -> int:
        return hash((self.code, self.key, tuple(sorted(self.params.items()))))
