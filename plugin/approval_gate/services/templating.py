"""The one Jinja environment for the pages the gate writes itself (the request form, the
evidence pack, the take-down notices, the preview's banner and queue, the job summary of
`gate status`): the package's `templates/` folder, every value autoescaped, an undefined
name an error rather than an empty string.

The filters are the only way a template writes markup of its own making, each from text it
escapes first:

- `inline_code`: a catalogue text whose `key` marks become <code> elements.
- `markdown_literal`: text from a post as literal text in Markdown (a job summary).
- `table_cell`: a text that stays inside one cell of a Markdown table.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..core.messages import message
from ..core.plain import markdown_text, visible

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
CODE_MARK = re.compile(r"`([^`<>]+)`")


@functools.cache
def environment() -> jinja2.Environment:
    # Autoescape everything: a title like "<script>" must print as text.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        finalize=escaped,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["inline_code"] = inline_code
    env.filters["markdown_literal"] = markdown_literal
    env.filters["table_cell"] = table_cell
    return env


def escaped(value: object) -> object:
    """A printed value escaped as `html.escape` does (`&quot;`, `&#x27;`), the one way the gate
    escapes HTML in every page it writes; markup a filter made (escaping first) passes as it is."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value), quote=True))


def inline_code(text: object) -> Markup:
    """A catalogue text with its `key` marks as <code>: the text is escaped first, so the
    marks are the only markup and a mark can hold nothing but escaped text."""
    return Markup(CODE_MARK.sub(r"<code>\1</code>", html.escape(str(text), quote=True)))


def markdown_literal(text: object) -> Markup:
    """Text from a post (a title, a path, a name, a reason) as literal text in Markdown: no
    link, emphasis or HTML of the author's takes effect, no invisible character hides. `&`, `<`
    and `>` become character references too, so it is safe as HTML text (not as an attribute)."""
    return Markup(markdown_text(visible(text)))


def table_cell(text: object) -> str:
    """A text kept inside one cell of a Markdown table: a bar is literal, a line break a space."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(name: str, lang: str, **values: object) -> str:
    """The template `name` with `values`, and `say(code, **fields)` for catalogue texts in `lang`."""

    def say(code: str, **fields: object) -> str:
        return message(code, lang, **fields)

    return environment().get_template(name).render(say=say, **values)
