"""The guides cannot drift from the code: every `gate …` command they show exists with the
options shown, the reference lists every plugin option with its real default, and the
README and guides keep their promised length."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from approval_gate.cli import main as gate_main
from approval_gate.site.config import GateConfig
from conftest import REPO

DOCS = REPO / "docs"
ROLES = ("requester", "chair", "director", "webmaster", "auditor")
GUIDES = [DOCS / lang / f"{role}.md" for lang in ("th", "en") for role in ROLES]
# Written alongside this branch by others; the README and the reference link to them.
LINKED_ELSEWHERE = {"docs/takedown.md", "docs/front-matter.md", "docs/guarantees.md"}
STOP = {"#", "|", "||", "&&", ";", ">", ">>", "<", "2>&1"}


def gate_commands(text: str) -> list[str]:
    """Every `gate …` command in code blocks (to type) and inline code (to type, or a command's name)."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL):
        found += [line.strip() for line in block.splitlines() if line.strip().startswith("gate ")]
    outside = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    found += [span for span in re.findall(r"`([^`\n]+)`", outside) if span.startswith("gate ")]
    return found


def is_a_name(command: str) -> bool:
    """`gate publish` in a sentence names the command; it is not a command line to type."""
    _, args = resolve(command)
    return not args


def words(command: str) -> list[str]:
    """The command's words, up to a comment, a pipe or a redirection; `...` placeholders kept."""
    out = []
    for word in shlex.split(command.replace("…", "..."), comments=True):
        if word in STOP:
            break
        out.append(word)
    return out


def resolve(command: str) -> tuple[click.Command, list[str]]:
    """The click command a line names, and the words after it; fails on anything unknown."""
    args = words(command)[1:]
    current: click.Command = gate_main
    while args and isinstance(current, click.Group):
        if args[0] in ("-f", "--config-file"):
            args = args[2:]
            continue
        name = args.pop(0)
        assert name in current.commands, f"`{command}`: `gate` has no subcommand {name!r}"
        current = current.commands[name]
    assert not isinstance(current, click.Group), f"`{command}`: names a group, not a command"
    return current, args


def check_options(command: str, target: click.Command, args: list[str]) -> None:
    options = {name: param for param in target.params if isinstance(param, click.Option) for name in param.opts}
    options.update({"-h": None, "--help": None})  # type: ignore[dict-item]
    arguments = [param for param in target.params if isinstance(param, click.Argument)]
    positional = 0
    index = 0
    while index < len(args):
        word = args[index]
        if word.startswith("-") and word != "-":
            name = word.split("=", 1)[0]
            assert name in options, f"`{command}`: {target.name} has no option {name}"
            param = options[name]
            takes_value = param is not None and not param.is_flag and "=" not in word
            index += 2 if takes_value else 1
            continue
        positional += 1
        index += 1
    most = sum(1 if param.nargs == 1 else 10**6 for param in arguments)
    assert positional <= most, f"`{command}`: too many arguments for {target.name}"
    required = sum(1 for param in arguments if param.required)
    if is_a_name(command):
        return
    assert positional >= required, f"`{command}`: {target.name} needs {required} argument(s)"


def shown_commands() -> list[tuple[Path, str]]:
    return [(guide, command) for guide in GUIDES for command in gate_commands(guide.read_text(encoding="utf-8"))]


def test_every_role_has_a_thai_and_an_english_guide() -> None:
    for guide in GUIDES:
        assert guide.is_file(), guide


def test_the_guides_show_commands() -> None:
    """The extraction finds commands in every guide (so the next test cannot pass on nothing)."""
    for guide in GUIDES:
        assert gate_commands(guide.read_text(encoding="utf-8")), guide
    assert len(shown_commands()) >= 50


@pytest.mark.parametrize(("guide", "command"), shown_commands(), ids=lambda value: str(value)[-60:])
def test_every_command_in_a_guide_is_a_real_command(guide: Path, command: str) -> None:
    """The subcommand exists and every option shown is one of its options."""
    target, args = resolve(command)
    check_options(command, target, args)


def test_the_checker_catches_drift() -> None:
    """An unknown subcommand, option or a missing argument fails the check."""
    for wrong in ("gate aprove x.md --as a", "gate approve x.md --ass a", "gate publish --as a", "gate registry"):
        with pytest.raises(AssertionError):
            target, args = resolve(wrong)
            check_options(wrong, target, args)


def test_the_reference_lists_every_plugin_option_with_its_default() -> None:
    """Each `GateConfig` option is a row of the reference's options table, with its real default."""
    text = (DOCS / "reference.md").read_text(encoding="utf-8")
    table = text[text.index("| option | default |") : text.index("## The `gate` command")]
    rows = dict(re.findall(r"^\| `(\w+)` \| ([^|]+) \|", table, re.MULTILINE))
    names = [name for name, _ in GateConfig._schema]
    assert sorted(names) == sorted(rows)
    for name, option in GateConfig._schema:
        shown = rows[name].strip().strip("`")
        default = option.default
        if default is None:
            assert "none" == shown, name
        elif isinstance(default, bool):
            assert str(default).lower() == shown, name
        elif isinstance(default, list):
            assert f"[{', '.join(default)}]" == shown, name
        elif isinstance(default, dict):
            assert "{" + ", ".join(f"{key}: {value}" for key, value in default.items()) + "}" == shown, name
        elif default == "":
            assert '""' == shown, name
        else:
            assert str(default) == shown, name


def test_the_reference_lists_every_command() -> None:
    text = (DOCS / "reference.md").read_text(encoding="utf-8")
    for name, command in gate_main.commands.items():
        if isinstance(command, click.Group):
            for sub in command.commands:
                assert f"`gate {name} {sub}" in text, sub
        else:
            assert f"`gate {name}" in text, name


def test_the_readme_is_short_and_its_links_resolve() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) < 200
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
        assert (REPO / target).exists() or target in LINKED_ELSEWHERE, target


def test_each_guide_fits_on_two_a4_pages() -> None:
    """About 50 printed lines a page: at most 100 lines, none longer than a printed line allows."""
    for guide in GUIDES:
        lines = guide.read_text(encoding="utf-8").splitlines()
        wrapped = sum(1 + len(line) // 110 for line in lines)
        assert wrapped <= 100, f"{guide}: {wrapped} printed lines"
