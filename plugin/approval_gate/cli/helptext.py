"""`--help` in the language the person reads: the text of every command and option is a
catalogue entry (English and Thai), looked up when the help is written.

The language is chosen as for every other message: `--lang` on the command, else on the group
before it, else the locale (`messages.language_from_env`). But click writes the help as soon
as it reads `--help`, before it has acted on a `--lang` (which may even come after `--help`),
so the help looks at the words typed instead: each command keeps the words it was given.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import click

from ..core.messages import LANGUAGES, language_from_env, message

F = TypeVar("F", bound=Callable[..., Any])

# click's own headings, as click writes them, and the entry each is shown with.
HEADINGS = {"Options": "help_heading_options", "Commands": "help_heading_commands"}


def typed_language(words: Sequence[str]) -> str | None:
    """The language of the last `--lang th|en` (or `--lang=en`) among `words`, if any."""
    chosen = None
    for index, word in enumerate(words):
        if word == "--":  # what follows is arguments, not options
            break
        value = words[index + 1] if word == "--lang" and index + 1 < len(words) else None
        if word.startswith("--lang="):
            value = word.removeprefix("--lang=")
        if value in LANGUAGES:
            chosen = value
    return chosen


def help_language(ctx: click.Context | None = None) -> str:
    """The language of the help being written: the command's own `--lang`, else a group's
    before it, else the locale. Outside a command, the locale."""
    context = ctx or click.get_current_context(silent=True)
    while context is not None:
        chosen = typed_language(context.typed) if isinstance(context, HelpContext) else None
        if chosen is not None:
            return chosen
        context = context.parent
    return language_from_env()


class HelpFormatter(click.HelpFormatter):
    """click's help layout with its own words (usage, the headings) from the catalogue."""

    def __init__(self, lang: str, **options: Any) -> None:
        super().__init__(**options)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{message('help_usage', self.lang)} " if prefix is None else prefix)

    @contextlib.contextmanager
    def section(self, name: str) -> Iterator[None]:
        heading = message(HEADINGS[name], self.lang) if name in HEADINGS else name
        with super().section(heading):
            yield


class HelpContext(click.Context):
    """A click context that remembers the words its command was given (see `help_language`)."""

    typed: tuple[str, ...] = ()

    def make_formatter(self) -> click.HelpFormatter:
        return HelpFormatter(help_language(self), width=self.terminal_width, max_width=self.max_content_width)


class Command(click.Command):
    """A `gate` command whose help is the catalogue entry `help_code`."""

    context_class = HelpContext

    def __init__(self, *args: Any, help_code: str, **attrs: Any) -> None:
        self.help_code = help_code
        self.catalogue_help_option: click.Option | None = None
        super().__init__(*args, **attrs)

    @property
    def help(self) -> str:
        return message(self.help_code, help_language())

    @help.setter
    def help(self, _docstring: str | None) -> None:
        """click sets the help from the function's docstring; what is shown is the catalogue's."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if isinstance(ctx, HelpContext):
            ctx.typed = tuple(args)
        return super().parse_args(ctx, args)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """click's `--help`, with its text from the catalogue."""
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        if self.catalogue_help_option is None:  # made once: click orders eager options by this object
            click.help_option(*names, cls=Option, help_code="help_help")(self)
            made = self.params.pop()
            assert isinstance(made, Option)
            self.catalogue_help_option = made
        return self.catalogue_help_option


class Group(Command, click.Group):
    """A `gate` group: its commands and sub-groups are of these classes too."""

    command_class = Command
    group_class = type


class Option(click.Option):
    """An option whose help is the catalogue entry `help_code`."""

    def __init__(self, *decls: Any, help_code: str, **attrs: Any) -> None:
        self.help_code = help_code
        super().__init__(*decls, **attrs)

    @property
    def help(self) -> str:
        return message(self.help_code, help_language())

    @help.setter
    def help(self, _text: str | None) -> None:
        """click sets a default text for some options (--version); what is shown is the catalogue's."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        # click's own notes ([default: …], [required]) in the help's language too.
        if self.hidden:
            return None
        lang = help_language(ctx)
        extra = self.get_help_extra(ctx)
        notes = []
        if "envvars" in extra:
            notes.append(message("help_env_var", lang, var=", ".join(extra["envvars"])))
        if "default" in extra:
            notes.append(message("help_default", lang, default=extra["default"]))
        if "range" in extra:
            notes.append(extra["range"])
        if "required" in extra:
            notes.append(message("help_required", lang))
        text = message(self.help_code, lang)
        return self.get_help_spec(ctx), f"{text}  [{'; '.join(notes)}]" if notes else text


def option(*decls: str, help_code: str, **attrs: Any) -> Callable[[F], F]:
    """`click.option` with its help from the catalogue entry `help_code`."""
    decorator: Callable[[F], F] = click.option(*decls, cls=Option, help_code=help_code, **attrs)
    return decorator
