"""The `gate` command: thin click adapters over the core and the repository.

Each command lives in the module named for its job; this module holds the group.
Exit codes: 0 success, 1 a post or check failed, 2 wrong usage.
"""

from __future__ import annotations

# Importing the command modules registers their commands on `main`.
from . import (  # noqa: F401
    audit,
    capture,
    check,
    evidence_cmd,
    fix,
    form,
    init,
    keys,
    new,
    publish,
    registry_cmd,
    review,
    signoffs,
    status,
    sweep,
    webserver,
)
from .common import main

__all__ = ["main"]
