"""The one Jinja environment for the pages the gate writes itself (the request form, the
evidence pack, the take-down notices): the package's `templates/` folder, every value
autoescaped, an undefined name an error rather than an empty string."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


@functools.cache
def environment() -> jinja2.Environment:
    # Autoescape everything: a title like "<script>" must print as text.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
