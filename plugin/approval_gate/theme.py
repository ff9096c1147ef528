"""What a Thai site's templates need from the gate: Thai word search and Buddhist-Era dates.

The plugin adds the search worker wrapper `assets/thai-search.js` to the site and gives
the templates three names (the site's `overrides/` use them only when they exist, so a
builder without this plugin still renders):

- `thai_search_worker`: where the wrapper lands; `overrides/main.html` points Material's
  search at it, and the wrapper loads Material's own worker.
- `thai_date` filter: `moment | thai_date(long=false, thai_digits=true)` -> '๒๖ พ.ย. ๒๕๖๙'.
- `published_line(page)`: 'เผยแพร่เมื่อ ๑๓ พ.ย. ๒๕๖๙' for a live gated post, '' otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .messages import message
from .thaidates import thai_date

ASSETS = Path(__file__).resolve().parent / "assets"
SEARCH_WORKER = "assets/javascripts/workers/thai-search.js"


def add_assets(files: Files, config: MkDocsConfig) -> None:
    """Ship the search worker wrapper unless the site brings its own copy."""
    if files.get_file_from_path(SEARCH_WORKER) is None:
        files.append(File.generated(config, SEARCH_WORKER, abs_src_path=str(ASSETS / "thai-search.js")))


def _thai_date(moment: dt.date, long: bool = False, thai_digits: bool = True) -> str:
    return thai_date(moment, long=long, thai_digits=thai_digits)


def add_template_helpers(env: Any, *, lang: str, timezone: ZoneInfo, starts: Mapping[str, dt.datetime]) -> None:
    """`starts` maps the page path of each live post to the start of its publication window."""

    def published_line(page: Any) -> str:
        start = starts.get(getattr(getattr(page, "file", None), "src_uri", ""))
        if start is None:
            return ""
        local = start.astimezone(timezone)
        date = _thai_date(local) if lang == "th" else f"{local.day} {local:%b %Y}"
        return message("post_published_on", lang, date=date)

    env.filters["thai_date"] = _thai_date
    env.globals["thai_search_worker"] = SEARCH_WORKER
    env.globals["published_line"] = published_line
