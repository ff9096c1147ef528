"""The `gate` command: thin click adapters over the core and the repository.

Each command lives in the module named for its job; this module holds the group
and what they share. Exit codes: 0 success, 1 a post or check failed, 2 wrong usage.
"""

from __future__ import annotations

import click

from .common import main

# Importing the command modules registers their commands on `main`.
from . import check as _check  # noqa: E402,F401

__all__ = ["main"]
