"""The `gate` command: thin click adapters over the core and the repository.

Each command lives in the module named for its job; this module holds the group.
Exit codes: 0 success, 1 a post or check failed, 2 wrong usage.
"""

from __future__ import annotations

# Importing the command modules registers their commands on `main`.
from . import (  # noqa: F401
    amend,
    audit,
    capture,
    check,
    evidence_cmd,
    fix,
    form,
    init,
    keys,
    new,
    notify,
    publish,
    registry_cmd,
    review,
    signoffs,
    status,
    sweep,
    watch,
    webserver,
    withdraw,
)
from .common import lang_everywhere, main

lang_everywhere(main)

__all__ = ["main"]
