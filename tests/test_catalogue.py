"""The one message catalogue: every text in English and Thai, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from approval_gate.core.catalogue import CATALOGUE
from approval_gate.core.messages import Reason, language_from_env

THAI = re.compile("[\u0e00-\u0e7f]")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_message_exists_in_both_languages(code: str) -> None:
    english, thai = CATALOGUE[code]
    assert english.strip() and thai.strip()
    assert fields(english) == fields(thai), "both languages take the same parameters"


def test_thai_texts_are_thai() -> None:
    """A Thai slot holding English words is a missing translation (placeholders, code and names aside)."""

    def words(text: str) -> str:
        return re.sub(r"\{[^}]*\}|`[^`]*`|--[a-z-]+|PDF|SHA256|UTC|HTML", "", text)

    untranslated = [
        code
        for code, (_, thai) in CATALOGUE.items()
        if re.search("[A-Za-z]{4,}", words(thai)) and not THAI.search(thai)
    ]
    assert [] == untranslated


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("th", "รอการลงนามของประธานศูนย์ข้อมูลข่าวสาร"), ("en", "waiting for the chair of the information centre's sign-off")],
)
def test_reason_text_follows_the_language(lang: str, expected: str) -> None:
    assert expected == Reason("awaiting", None, {"role": "chair"}).text(lang)


@pytest.mark.parametrize(
    ("env", "lang"), [({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "th_TH.UTF-8"}, "th"), ({}, "th")]
)
def test_cli_language_follows_lang(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], lang: str) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert lang == language_from_env()
