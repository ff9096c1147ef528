"""The plugin's configuration: every option, its type, its default and why it exists."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GateConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """`false` publishes no gated page at all (it never switches the gate off)."""

    site_id = c.Type(str, default="")
    """Bound into every signature, so a sign-off cannot be replayed on another site.
    Empty means: take it from the registry's `site_id`."""

    registry = c.Type(str, default="approvers.yml")
    """The approvers registry, relative to `mkdocs.yml`."""

    signatures = c.Choice(("required", "off"), default="required")
    """`off` records names only; for trying the workflow out, never for a real site."""

    roles = c.ListOfItems(c.Type(str), default=["chair", "director"])
    """The sign-off chain, in order."""

    timezone = c.Type(str, default="Asia/Bangkok")
    """Zone for times written without an offset (never the machine's zone)."""

    pending_dir = c.Type(str, default="pending")
    """Posts not on the site: drafts, under review, refused, approved but not put up."""

    expired_dir = c.Type(str, default="pending/expired")
    """Where taken-down posts go, under their post path."""

    exempt = c.ListOfItems(c.Type(str), default=["index.md"])
    """Pages under `docs_dir` that need no sign-off (glob patterns on the page path)."""

    move_expired = c.Type(bool, default=True)
    """Move expired posts out of `docs_dir` after a successful `mkdocs build`."""

    preview = c.Type(bool, default=True)
    """In `mkdocs serve` only: show pending and non-live posts with a state banner."""

    default_agency = c.Optional(c.Type(str))
    """ชื่อหน่วยงาน used when a post has no `agency`."""

    categories = c.ListOfItems(c.Type(str), default=[])
    """Allowed values of `category`; empty allows any."""
