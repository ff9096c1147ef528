"""The `gate` command: thin click adapters over the core and the repository.

Each command lives in the module named for its job; this module holds the group
and what they share. Exit codes: 0 success, 1 a post or check failed, 2 wrong usage.
"""

from __future__ import annotations

import click

from .common import main

# Importing the command modules registers their commands on `main`.
from . import check as _check  # noqa: E402,F401
from . import keys as _keys  # noqa: E402,F401
from . import signoffs as _signoffs  # noqa: E402,F401
from . import registry_cmd as _registry_cmd  # noqa: E402,F401
from . import audit as _audit  # noqa: E402,F401
from . import form as _form  # noqa: E402,F401
from . import new as _new  # noqa: E402,F401
from . import publish as _publish  # noqa: E402,F401
from . import status as _status  # noqa: E402,F401
from . import sweep as _sweep  # noqa: E402,F401
from . import review as _review  # noqa: E402,F401

__all__ = ["main"]
