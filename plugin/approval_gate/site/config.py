"""The plugin's configuration: every option, its type, its default and why it exists."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError


class TimeZone(c.Type[str]):
    """An IANA zone name such as Asia/Bangkok."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        name: str = super().run_validation(value)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError(f"unknown time zone {name!r}; write an IANA name such as Asia/Bangkok") from None
        return name


class HttpTemplate(c.Type[str]):
    """An http(s) address, possibly with `{year}`; empty for none."""

    def __init__(self) -> None:
        super().__init__(str, default="")

    def run_validation(self, value: object) -> str:
        text: str = super().run_validation(value)
        probe = text.replace("{year}", "2570")
        if text and (not probe.startswith(("https://", "http://")) or "{" in probe or "}" in probe):
            raise ValidationError(
                f"{text!r} is not an http(s) address; write one such as https://ita.example.go.th/evidence-{{year}}.pdf"
            )
        if any(ch.isspace() or ord(ch) < 32 for ch in text):
            raise ValidationError(f"{text!r} contains spaces or control characters; write the address without them")
        return text


class Chain(c.ListOfItems[str]):
    """The sign-off roles: at least one, each once."""

    def __init__(self, default: list[str]) -> None:
        super().__init__(c.Type(str), default=default)

    def run_validation(self, value: object) -> list[str]:
        roles: list[str] = super().run_validation(value)
        if not roles or len(set(roles)) != len(roles):
            raise ValidationError("list each role once, in signing order, e.g. [chair, director]")
        return roles


class Counts(c.DictOfItems[int]):
    """A mapping of names to whole numbers of at least 1 (days or minutes); `keys` limits the names."""

    def __init__(self, default: dict[str, int], keys: tuple[str, ...] = ()) -> None:
        super().__init__(c.Type(int), default=default)
        self.keys = keys

    def run_validation(self, value: object) -> dict[str, int]:
        counts: dict[str, int] = super().run_validation(value)
        for name, number in counts.items():
            if self.keys and name not in self.keys:
                raise ValidationError(f"unknown key {name!r}; use {', '.join(self.keys)}")
            if number < 1:
                raise ValidationError(f"{name}: {number} must be a whole number of at least 1")
        return counts


class Signatures(c.Choice[str]):
    """`required` or `off`; an unquoted `off` (which YAML reads as false) is `off` too."""

    def __init__(self, default: str) -> None:
        super().__init__(("required", "off"), default=default)

    def run_validation(self, value: object) -> str:
        choice: str = super().run_validation("off" if value is False else value)
        return choice


class GateConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """`false` publishes no gated page at all (it never switches the gate off)."""

    site_id = c.Type(str, default="")
    """Bound into every signature, so a sign-off cannot be replayed on another site.
    Empty means: take it from the registry's `site_id`."""

    registry = c.Type(str, default="approvers.yml")
    """The approvers registry, relative to `mkdocs.yml`."""

    signatures = Signatures(default="required")
    """`off` records names only; for trying the workflow out, never for a real site."""

    roles = Chain(default=["chair", "director"])
    """The sign-off chain, in order."""

    timezone = TimeZone(default="Asia/Bangkok")
    """Zone for times written without an offset (never the machine's zone)."""

    pending_dir = c.Type(str, default="pending")
    """Posts not on the site: drafts, under review, refused, approved but not put up."""

    expired_dir = c.Type(str, default="pending/expired")
    """Where taken-down posts go, under their post path."""

    exempt = c.ListOfItems(c.Type(str), default=["index.md"])
    """Pages under `docs_dir` that need no sign-off (glob patterns on the path under `docs_dir`).
    They are built from the file as it is: protect them by review like `mkdocs.yml` itself."""

    gated = c.ListOfItems(c.Type(str), default=["*"])
    """The gated scope (glob patterns on the path under `docs_dir`; `*` crosses folders): every
    file in it must be a post, an attachment bound to a live post, exempt or an asset, or it is
    left out with a warning. Files outside it are neither judged nor touched."""

    assets = c.ListOfItems(c.Type(str), default=[])
    """Static files under `docs_dir` published without sign-off, e.g. `[assets/*, images/*]`
    (never a Markdown page). Like `exempt`, protect them by review."""

    allowed_html = c.DictOfItems(c.ListOfItems(c.Type(str), default=[]), default={})
    """Extra HTML a post may contain, as `{tag: [attribute, ...]}`, on top of the strict
    allowlist. Scripts, frames, forms, styles, event handlers and non-http(s) URLs stay refused."""

    move_expired = c.Type(bool, default=True)
    """Move expired posts out of `docs_dir` after a successful `mkdocs build`."""

    preview = c.Type(bool, default=True)
    """In `mkdocs serve` only: show pending and non-live posts with a state banner."""

    default_agency = c.Optional(c.Type(str))
    """ชื่อหน่วยงาน used when a post has no `agency`."""

    categories = c.ListOfItems(c.Type(str), default=[])
    """Allowed values of `category`; empty allows any."""

    # --- the everyday workflow (`gate new`, `gate status`, `gate publish`) ------

    new_post_folder = c.Type(str, default="")
    """Where `gate new` puts a post, as a post path folder (under `pending_dir`). Empty: the blog
    plugin's posts folder (`post_dir`, by default `<blog_dir>/posts`), or `news/posts` without a blog."""

    periods = Counts(default={})
    """Default publication period in days per category, for `gate new`, e.g. `{จัดซื้อจัดจ้าง: 15}`.
    The key `default` sets it for every other category (30 days when absent)."""

    targets = Counts(default={"request": 10, "review": 30}, keys=("request", "review"))
    """Step targets in minutes for `gate status`: `request` (the requester's step, 10) and
    `review` (chair and director together, 30). A post past its target is overdue."""

    publish_warning_days = c.Type(int, default=7)
    """`gate publish` asks for `--yes` when the publication period ends within this many days."""

    register = c.Type(bool, default=False)
    """Add the publication register (/register/, ทะเบียนการเผยแพร่ข้อมูล): every post that was ever
    live, by fiscal year and month, each with its filled request form as a page (and a PDF when
    the `[pdf]` extra is installed): the evidence for ITA item MOIT 1."""

    evidence_pack_url = HttpTemplate()
    """Where the office files each fiscal year's ITA evidence pack (`gate evidence`), as an http(s)
    address with `{year}` for the Buddhist-Era fiscal year, e.g.
    `https://ita.example.go.th/evidence/evidence-{year}.pdf`; the register links it under each
    fiscal year. Empty (the default): no link. The pack is never built into the site: it holds
    the pages of posts that were taken down."""

    thai_digits = c.Type(bool, default=False)
    """Write dates on the public site (post dates, blog lists, archive titles, the register and its
    forms, the footer year) with Thai digits (๒๕๖๙) instead of Arabic digits (2569, the default
    and the common choice of Thai government sites). The calendar is the Buddhist Era either way."""

    # --- withdrawal (`gate withdraw`) -------------------------------------------------

    withdraw_role = c.Type(str, default="director")
    """The role of the chain whose signed withdrawal takes a post down at the next build, whatever
    its window. Any other role of the chain (the chair) may sign a *request* for one, which takes
    nothing down by itself. A role not in `roles` means no withdrawal can take anything down."""

    withdrawal_reason_public = c.Type(bool, default=False)
    """Show the withdrawal's reason on the public notice at the post's address. Off by default: the
    notice says only that the item was withdrawn; the reason is in the register's form and the post."""
