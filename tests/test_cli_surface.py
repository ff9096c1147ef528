"""The `gate` command line as a whole: every command documents its options in --help, in Thai
or English from the catalogue, takes --lang (Thai with Buddhist-Era dates, English with
Common-Era dates), and every read-only command's --json output matches the JSON Schema shipped
in the package."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from approval_gate.cli import main
from approval_gate.core import signing
from approval_gate.core.catalogue import CATALOGUE
from approval_gate.core.messages import message
from factory import SiteFactory

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = files("approval_gate") / "schemas"
# Every read-only command that speaks JSON: its words after `gate`, and its schema file.
READ_ONLY = {
    ("check", "--json"): "check.json",
    ("status", "--json"): "status.json",
    ("next", "--json"): "next.json",
    ("sweep", "--dry-run", "--json"): "sweep.json",
    ("notify", "--dry-run", "--json"): "notify.json",
    ("registry", "show", "--json"): "registry-show.json",
}


def commands(
    group: click.Group = main, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command of the tree, groups included, with the words that call it."""
    yield prefix, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def gate(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture
def neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


# --- --help ------------------------------------------------------------------------------


def test_every_option_and_argument_is_documented() -> None:
    """Each option has help text; each argument is named (PATH, TITLE…) in its command's help."""
    undocumented = []
    for words, command in commands():
        for param in command.params:
            if isinstance(param, click.Option) and not (param.help or "").strip():
                undocumented.append(f"gate {' '.join(words)} {param.opts[-1]}")
            if isinstance(param, click.Argument) and (param.name or "").upper() not in (command.help or ""):
                undocumented.append(f"gate {' '.join(words)} {(param.name or '').upper()}")
        if not (command.help or "").strip():
            undocumented.append(f"gate {' '.join(words)} (no description)")
    assert [] == undocumented
    assert len(list(commands())) >= 20  # the walk reached the sub-groups' commands


def test_every_help_page_lists_its_options() -> None:
    """`gate … --help` prints, for every command, each of its options with its text."""
    for words, command in commands():
        result = gate(*words, "--help")
        assert 0 == result.exit_code, (words, result.output)
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.opts[-1] in result.output, (words, param.opts)
                assert (param.help or "").split()[0] in result.output, (words, param.opts)


def help_texts(command: click.Command) -> Iterator[tuple[str, str]]:
    """(what, catalogue code) of a command's help and of each of its options' (`--help` included)."""
    context = click.Context(command, **main.context_settings)  # as `gate` makes it: -h and --help
    yield "the command", getattr(command, "help_code", "")
    for param in command.get_params(context):
        if isinstance(param, click.Option):
            yield param.opts[-1], getattr(param, "help_code", "")


def test_every_help_text_is_in_the_catalogue_in_both_languages() -> None:
    """The text of each command and of each option (`--help` and `--version` too) is a catalogue
    entry, in English and in Thai."""
    missing = [
        f"gate {' '.join(words)} {what}"
        for words, command in commands()
        for what, code in help_texts(command)
        if code not in CATALOGUE or not all(text.strip() for text in CATALOGUE[code])
    ]
    assert [] == missing


def test_the_english_help_of_a_command_is_its_docstring() -> None:
    """What a command does is written for people reading the code and in the catalogue: the two
    say the same (line breaks aside)."""
    for words, command in commands():
        english = CATALOGUE[getattr(command, "help_code", "")][0].replace("{{}}", "{}")
        assert (inspect.getdoc(command.callback) or "").split() == english.split(), words


def squeezed(text: str) -> str:
    """`text` without white space: what click's wrapping cannot change."""
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_help_page_is_in_the_chosen_language(lang: str, neutral_locale: None) -> None:
    """`gate --lang th COMMAND --help` is all Thai, its headings too; `--lang en` all English."""
    other = "en" if lang == "th" else "th"
    for words, command in commands():
        result = gate("--lang", lang, *words, "--help")
        assert 0 == result.exit_code, (words, result.output)
        page = squeezed(result.output)
        assert page.startswith(squeezed(message("help_usage", lang))), words
        assert squeezed(message("help_heading_options", lang)) in page, words
        for what, code in help_texts(command):
            assert squeezed(message(code, lang)) in page, (words, what)
            assert squeezed(message(code, other)) not in page, (words, what)


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (("status", "--help"), {}, "th"),  # no locale: Thai, like every message
        (("status", "--help"), {"LANG": "en_US.UTF-8"}, "en"),
        (("status", "--help"), {"LANG": "C.UTF-8", "LANGUAGE": "en"}, "en"),
        (("--lang", "th", "status", "--help"), {"LANG": "en_US.UTF-8"}, "th"),
        (("status", "--lang", "th", "--help"), {"LANG": "en_US.UTF-8"}, "th"),
        (("status", "--help", "--lang", "th"), {"LANG": "en_US.UTF-8"}, "th"),  # --help acts before --lang is read
        (("--lang", "th", "status", "--lang=en", "--help"), {}, "en"),  # the command's own choice wins
        (("--help", "--lang", "en"), {}, "en"),
        (("--lang", "en", "registry", "show", "--help"), {}, "en"),  # a sub-group's command
    ],
)
def test_help_follows_lang_and_the_locale(
    neutral_locale: None, args: tuple[str, ...], env: dict[str, str], expected: str
) -> None:
    """Help is chosen the way messages are: --lang (wherever it is typed), else the locale."""
    result = gate(*args, env=env)
    assert 0 == result.exit_code, result.output
    words = tuple(word for word in args if not word.startswith("-") and word not in ("th", "en"))
    command = dict(commands())[words]
    page = squeezed(result.output)
    assert page.startswith(squeezed(message("help_usage", expected)))
    assert squeezed(message(getattr(command, "help_code", ""), expected)) in page


def test_clicks_own_notes_follow_the_language(neutral_locale: None) -> None:
    """[required] and [default: …] that click adds to an option read in the page's language."""
    thai = gate("--lang", "th", "watch", "--help").output
    english = gate("--lang", "en", "watch", "--help").output
    assert "[ต้องระบุ]" in thai and "[ค่าเริ่มต้น:" in squeezed(thai) and "required" not in thai
    assert "[required]" in english and "[default:" in english


# --- --lang ------------------------------------------------------------------------------


def test_every_command_takes_lang() -> None:
    missing = [" ".join(words) for words, command in commands() if not any("--lang" in p.opts for p in command.params)]
    assert [] == missing


def test_lang_after_the_command_gives_english_with_common_era_dates(
    example_site: Path, pinned_clock: object, neutral_locale: None
) -> None:
    config = str(example_site / "mkdocs.yml")
    after = gate("-f", config, "status", "--lang", "en")
    before = gate("--lang", "en", "-f", config, "status")
    assert (0, 0) == (after.exit_code, before.exit_code), after.output
    assert after.output.startswith("Approval queue at 25 Nov 2026 17:00 (targets:")
    assert after.output == before.output
    changes = [line for line in after.output.splitlines() if "  comes down  " in line or "  goes up  " in line]
    assert changes and all(re.match(r"^  \d{1,2} [A-Z][a-z]{2} 20\d\d \d\d:\d\d  ", line) for line in changes)


def test_lang_on_the_command_wins_over_the_locale(example_site: Path, pinned_clock: object) -> None:
    config = str(example_site / "mkdocs.yml")
    thai = gate("-f", config, "status", "--lang", "th", env={"LANG": "en_US.UTF-8", "LANGUAGE": ""})
    assert 0 == thai.exit_code, thai.output
    assert thai.output.startswith("คิวขออนุมัติเผยแพร่ ณ 25 พ.ย. 2569 เวลา 17.00 น.")
    english = gate("--lang", "th", "-f", config, "status", "--lang", "en")  # the command's own choice wins
    assert english.output.startswith("Approval queue at 25 Nov 2026 17:00")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "คิวขออนุมัติเผยแพร่ ณ 25 พ.ย. 2569"),  # no locale: Thai
        ({"LANG": "C.UTF-8"}, "คิวขออนุมัติเผยแพร่ ณ 25 พ.ย. 2569"),  # every server's and CI's default: Thai
        ({"LANG": "th_TH.UTF-8"}, "คิวขออนุมัติเผยแพร่ ณ 25 พ.ย. 2569"),
        ({"LANG": "en_GB.UTF-8"}, "Approval queue at 25 Nov 2026"),  # the locale asks for English
        ({"LANG": "C.UTF-8", "LANGUAGE": "en"}, "Approval queue at 25 Nov 2026"),
    ],
)
def test_the_default_is_thai_unless_the_locale_asks_for_english(
    example_site: Path, pinned_clock: object, neutral_locale: None, env: dict[str, str], expected: str
) -> None:
    result = gate("-f", str(example_site / "mkdocs.yml"), "status", env=env)
    assert 0 == result.exit_code, result.output
    assert result.output.startswith(expected)


def test_lang_reaches_the_messages_about_the_configuration(tmp_path: Path, neutral_locale: None) -> None:
    """Even the message that mkdocs.yml is missing follows the command's --lang."""
    missing = tmp_path / "mkdocs.yml"
    english = gate("-f", str(missing), "check", "--lang", "en")
    thai = gate("-f", str(missing), "check")
    assert (2, f"{missing} not found; run gate in the site's folder or pass --config-file\n") == (
        english.exit_code,
        english.stderr,
    )
    assert (2, f"ไม่พบ {missing} ให้สั่ง gate ในโฟลเดอร์ของเว็บไซต์ หรือระบุ --config-file\n") == (
        thai.exit_code,
        thai.stderr,
    )


def test_registry_show_dates_follow_the_language(example_site: Path, pinned_clock: object) -> None:
    config = str(example_site / "mkdocs.yml")
    english, thai = gate("-f", config, "registry", "show", "--lang", "en"), gate("-f", config, "registry", "show")
    assert (0, 0) == (english.exit_code, thai.exit_code), english.output
    assert "    role chair (chair of the information centre): from 1 Sep 2026 (holds now)\n" in english.output
    assert "    บทบาท chair (ประธานศูนย์ข้อมูลข่าวสาร): ตั้งแต่ 1 ก.ย. 2569 (ใช้ได้ขณะนี้)\n" in thai.output
    assert english.output.startswith("approvers.yml: site pathumthani-health, 3 people\n  somchai: นายสมชาย รักษ์ข้อมูล (")


def test_the_form_is_thai_unless_english_is_asked_for(example_site: Path, pinned_clock: object, tmp_path: Path) -> None:
    """The Ministry's form is Thai whatever the locale; --lang en gives English labels and Common-Era dates."""
    config = str(example_site / "mkdocs.yml")
    post = next((example_site / "content").rglob("flu-vaccine-2569.md"))
    thai, english = tmp_path / "th.html", tmp_path / "en.html"
    assert 0 == gate("-f", config, "form", str(post), "--html", str(thai), env={"LANG": "en_US.UTF-8"}).exit_code
    assert 0 == gate("-f", config, "form", str(post), "--html", str(english), "--lang", "en").exit_code
    thai_html, english_html = thai.read_text(encoding="utf-8"), english.read_text(encoding="utf-8")
    # The request date (2569-11-10) and the director's sign-off (2026-11-12T08:40:00Z, 15.40 in Bangkok).
    assert "10 พฤศจิกายน 2569" in thai_html and "12 พ.ย. 2569 เวลา 15.40 น." in thai_html
    assert "10 November 2026" in english_html and "12 Nov 2026 15:40" in english_html
    assert "พฤศจิกายน" not in english_html


# --- --json ------------------------------------------------------------------------------


def schema_registry() -> Registry:  # type: ignore[type-arg]
    resources = []
    for entry in SCHEMAS.iterdir():
        if entry.name.endswith(".json"):
            document = json.loads(entry.read_text(encoding="utf-8"))
            resources.append((document["$id"], Resource.from_contents(document)))
    registry: Registry = Registry().with_resources(resources)  # type: ignore[type-arg]
    return registry


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=schema_registry())


def test_every_json_option_is_a_read_only_command_with_a_shipped_schema() -> None:
    """No command grows a --json without a schema, and no schema is left without its command."""
    with_json = {words for words, command in commands() if any("--json" in p.opts for p in command.params)}
    assert with_json == {tuple(w for w in words if not w.startswith("--")) for words in READ_ONLY}
    shipped = {entry.name for entry in SCHEMAS.iterdir() if entry.name.endswith(".json")}
    assert shipped == set(READ_ONLY.values())


def test_the_reference_documents_each_schema() -> None:
    reference = (REPO / "docs" / "reference.md").read_text(encoding="utf-8")
    for words, name in READ_ONLY.items():
        assert f"`gate {' '.join(words)}`" in reference, words
        assert f"schemas/{name}" in reference, name


@pytest.mark.parametrize("words", list(READ_ONLY), ids=[" ".join(words) for words in READ_ONLY])
def test_read_only_json_matches_its_schema_on_the_example(
    example_site: Path, pinned_clock: object, words: tuple[str, ...]
) -> None:
    before = sorted(str(path.relative_to(example_site)) for path in example_site.rglob("*"))
    result = gate("-f", str(example_site / "mkdocs.yml"), *words, "--lang", "en")
    assert result.exit_code in (0, 1), result.output  # check exits 1 when a post is invalid
    document = json.loads(result.stdout)
    validator(READ_ONLY[words]).validate(document)
    assert before == sorted(str(path.relative_to(example_site)) for path in example_site.rglob("*"))  # read-only
    # The example gives every schema something to check: none of these documents is empty.
    items: list[Any] = {
        "check": document if isinstance(document, list) else [],
        "status": document.get("posts", []) if isinstance(document, dict) else [],
        "next": document.get("changes", []) if isinstance(document, dict) else [],
        "sweep": document.get("posts", []) if isinstance(document, dict) else [],
        "notify": document.get("messages", []) if isinstance(document, dict) else [],
        "registry": document.get("people", []) if isinstance(document, dict) else [],
    }[words[0]]
    assert items


def test_the_schemas_refuse_what_the_commands_never_print(example_site: Path, pinned_clock: object) -> None:
    """The schemas are strict: an unknown state, a stray key or a missing key is refused."""
    document = json.loads(gate("-f", str(example_site / "mkdocs.yml"), "check", "--json").stdout)
    check = validator("check.json")
    check.validate(document)
    for broken in (
        [{**document[0], "state": "approved"}],
        [{**document[0], "extra": 1}],
        [{key: value for key, value in document[0].items() if key != "digest"}],
        [{**document[0], "place": "site"}],
    ):
        with pytest.raises(ValidationError):
            check.validate(broken)


def test_registry_show_tells_what_holds_now(factory: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A retired key shows its last day and no longer holds; a revoked key says nothing it signed counts."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC).timestamp())))
    config = str(factory.root / "mkdocs.yml")
    retired = signing.fingerprint(signing.public_line(factory.keys["chair1"].public_key(), "chair1"))
    revoked = signing.fingerprint(signing.public_line(factory.keys["chair2"].public_key(), "chair2"))
    retire = gate("-f", config, "registry", "retire-key", "--id", "chair1", "--key", retired, "--until", "2569-06-30")
    assert 0 == retire.exit_code, retire.output
    assert 0 == gate("-f", config, "registry", "revoke-key", "--id", "chair2", "--key", revoked).exit_code
    text = gate("-f", config, "registry", "show", "--lang", "en")
    assert 0 == text.exit_code, text.output
    assert f"    key {retired}: 1 Jan 2026 to 30 Jun 2026 (does not hold now)\n" in text.output
    assert f"    key {revoked}: from 1 Jan 2026 (revoked: nothing it signed counts)\n" in text.output
    document = json.loads(gate("-f", config, "registry", "show", "--json").stdout)
    validator("registry-show.json").validate(document)
    keys = {key["fingerprint"]: key for person in document["people"] for key in person["keys"]}
    assert (keys[retired]["until"], keys[retired]["valid_now"]) == ("2026-06-30T17:00:00Z", False)
    assert (keys[revoked]["revoked"], keys[revoked]["valid_now"]) == (True, False)
    assert {"chair1": True, "chair2": True, "director1": True} == {
        person["id"]: person["roles"][0]["holds_now"] for person in document["people"]
    }


def test_registry_show_without_a_registry_says_how_to_make_one(factory: SiteFactory) -> None:
    (factory.root / "approvers.yml").unlink()
    result = gate("-f", str(factory.root / "mkdocs.yml"), "registry", "show", "--json", "--lang", "en")
    assert 1 == result.exit_code and "" == result.stdout
    assert "approvers.yml" in result.stderr
