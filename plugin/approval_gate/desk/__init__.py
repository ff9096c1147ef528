"""The review desk: a page in the browser where the chair and the director sign off.

`gate review --as ID` serves it on loopback only, behind a one-time token, so a senior
official approves or refuses without a terminal. Signing goes through the same core as
`gate approve` (`signoff.next_role`, `make_entry`, `write_entry`), so an entry made here is
byte for byte the entry the command would make. The desk signs only what it showed: the
post a sign-off names comes from the URL the approver opened, and the body is shown as the
site publishes it (the sanitiser's output). Read it top down: `server` (the loopback HTTP
server and its guards) asks `session` (token, cookie, anti-forgery token), then `routes`
(a URL to an action) calls `actions` (the `Desk`: find, show, sign) and `views` (Jinja
templates in `templates/`, autoescaped); `waiting`, `changes`, `history`, `forms`, `urls`
and `time_text` are the small pure pieces under them. The desk is an adapter: it may import
the repository, the sign-off service and the core below it, never the command line, the
MkDocs plugin or `gate watch` (the import contracts in pyproject.toml).
"""

from __future__ import annotations

from .actions import Desk
from .changes import revision_changes
from .server import DeskServer, NotLoopback
from .waiting import REVIEW_TARGET, roles_held

__all__ = ["REVIEW_TARGET", "Desk", "DeskServer", "NotLoopback", "revision_changes", "roles_held"]
