"""What every `gate` command shares: the group, loading the gate, the clock, messages."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import click

from ..core.messages import LANGUAGES, language_from_env, message
from ..core.plain import visible, visible_json
from ..services.binding import MarkdownSetup
from ..services.repository import Gate, blog_rules
from .helptext import Group, Option, option

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass
class Context:
    config_file: Path
    lang: str
    lang_chosen: bool = False  # --lang given (on the group or the command), not read from the locale
    _gate: Gate | None = None
    _mkdocs: Any = None

    @property
    def gate(self) -> Gate:
        if self._gate is None:
            self._gate, self._mkdocs = load_gate(self.config_file, self.lang)
        return self._gate

    @property
    def mkdocs_config(self) -> Any:
        self.gate  # noqa: B018 - loads both
        return self._mkdocs

    def say(self, code: str, **params: object) -> str:
        """A catalogue message; every parameter (titles, names, paths, reasons) is `shown`."""
        return message(code, self.lang, **{name: shown(value) for name, value in params.items()})


def shown(text: object) -> str:
    """Text from a post (a title, a name, a reason, a path) made safe to print on a terminal:
    control, format, bidi and zero-width characters, line breaks included, are written as
    visible escapes (`\\x1b`, `\\u202e`), so no ESC sequence, OSC 8 link, OSC 52 clipboard
    write, carriage return or text-direction override reaches the terminal. Every command
    prints post data through it (or `say`, which applies it to every parameter)."""
    return visible(text)


def shown_lines(text: str) -> str:
    """`shown` for a text of several lines: each line escaped, the line breaks kept."""
    return "\n".join(visible(line) for line in text.split("\n"))


def shown_json(document: str) -> str:
    """A JSON document safe to print: the same data, invisible characters as `\\uXXXX`."""
    return visible_json(document)


def load_gate(config_file: Path, lang: str | None = None) -> tuple[Gate, Any]:
    """The gate exactly as the plugin configures it from `mkdocs.yml`; problems in `lang`."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    lang = lang or language_from_env()
    if not config_file.is_file():
        fail_usage(message("cli_no_config", lang, path=str(config_file)))
    try:
        config = load_config(str(config_file))
    except (ConfigurationError, OSError) as error:
        fail_usage(message("cli_bad_config", lang, path=str(config_file), detail=str(error)))
    plugin = config.plugins.get("approval-gate")
    if plugin is None:
        fail_usage(message("cli_no_plugin", lang, path=str(config_file)))
    root = config_file.resolve().parent
    docs_dir = Path(config.docs_dir).resolve()
    markdown = MarkdownSetup(tuple(config.markdown_extensions), dict(config.mdx_configs))
    blog = blog_rules(config.plugins, docs_dir)
    return Gate.from_options(root, docs_dir, dict(plugin.config), markdown=markdown, blog=blog), config


def build_now() -> dt.datetime:
    """The same clock as the build: SOURCE_DATE_EPOCH when set, else now (UTC)."""
    from mkdocs.utils import get_build_datetime

    moment: dt.datetime = get_build_datetime()
    return moment


def fail_usage(text: str) -> NoReturn:
    click.echo(text, err=True)
    raise SystemExit(EXIT_USAGE)


def fail(text: str) -> NoReturn:
    click.echo(text, err=True)
    raise SystemExit(EXIT_FAILED)


def post_file(ctx: Context, path: Path) -> tuple[Path, str, str]:
    """PATH as a post file of the site: (absolute file, place, post path); exits 2, saying why, if not."""
    file = path.absolute()
    if not file.is_file():
        fail_usage(ctx.say("cli_no_such_post", path=str(file)))
    try:
        place, post_path = ctx.gate.place_of(file)
    except ValueError:
        fail_usage(ctx.say("cli_not_a_post", path=str(file)))
    return file, place, post_path


@click.group(cls=Group, help_code="help_gate", context_settings={"help_option_names": ["-h", "--help"]})
@option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: Path(os.environ.get("GATE_CONFIG", "mkdocs.yml")),
    show_default="mkdocs.yml",
    help_code="help_config_file",
)
@option("--lang", type=click.Choice(LANGUAGES), help_code="help_lang")
@click.version_option(
    package_name="mkdocs-approval-gate",
    prog_name="gate",
    message="%(prog)s %(version)s",
    cls=Option,
    help_code="help_version",
)
@click.pass_context
def main(ctx: click.Context, config_file: Path, lang: str | None) -> None:
    """approval-gate: request, sign off, publish and take down posts."""
    ctx.obj = Context(config_file=config_file.absolute(), lang=lang or language_from_env(), lang_chosen=bool(lang))


pass_context = click.make_pass_decorator(Context)


def _choose_language(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """`gate check --lang en` as well as `gate --lang en check`: the command's choice wins."""
    if value is not None:
        context = ctx.find_object(Context)
        if context is not None:
            context.lang, context.lang_chosen = value, True


def lang_everywhere(group: click.Group) -> None:
    """Give every command of `group` (and of its sub-groups) its own `--lang`, so it is accepted
    after the command name too; a command with a `--lang` of its own keeps it."""
    for command in group.commands.values():
        if isinstance(command, click.Group):
            lang_everywhere(command)
        if not any("--lang" in getattr(param, "opts", ()) for param in command.params):
            command.params.append(
                Option(
                    ["--lang"],
                    type=click.Choice(LANGUAGES),
                    expose_value=False,
                    is_eager=True,
                    callback=_choose_language,
                    help_code="help_lang",
                )
            )
