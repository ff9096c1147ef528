"""The publication register (ทะเบียนการเผยแพร่ข้อมูล): everything that was ever live, by fiscal year.

It is the office's evidence for ITA item MOIT 1, filed like the paper evidence: by
fiscal year (1 October to 30 September, Buddhist Era: FY 2570 began 1 October 2026)
and month, each item with its request form. Pure: rows come from (post, decision)
pairs; the plugin reads the files and adds the pages.

Only posts that were approved (the chain complete and verified on the current digest)
and whose window has started are listed: never awaiting, refused, invalid or
scheduled ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote
from zoneinfo import ZoneInfo

from ..core.decision import EXPIRED, LIVE, Decision
from ..core.messages import message
from ..core.names import safe_char
from ..core.plain import markdown_text
from ..core.post import Post
from ..core.thaidates import BE_OFFSET, MONTHS_EN_LONG, MONTHS_LONG, DateError, display_date, parse_when, site_digits

REGISTER_PAGE = "register/index.md"
FORMS_DIR = "register/forms"
FONTS_DIR = "register/fonts"


@dataclass(frozen=True)
class Entry:
    """One line of the register."""

    post_path: str
    title: str
    agency: str
    start: dt.datetime  # when the window opened, in the site's zone
    taken_down: dt.datetime | None  # None while the post is live
    live: bool  # on the site now (a link to the post is printed)
    revision: int = 0  # แก้ไขครั้งที่ n: 0 for the version first approved
    withdrawn_at: dt.datetime | None = None  # taken down by a verified withdrawal order
    withdrawn_by: str | None = None  # the name of the person who signed it
    replaced: bool = False  # replaced on the site by a later revision (taken_down.reason: revised)


@dataclass(frozen=True)
class Month:
    year: int  # Common Era
    month: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class FiscalYear:
    year: int  # Buddhist Era: FY 2570 runs 1 Oct 2569 (2026) to 30 Sep 2570 (2027)
    months: tuple[Month, ...]

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year - BE_OFFSET - 1, 10, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year - BE_OFFSET, 9, 30)

    @property
    def count(self) -> int:
        return sum(len(month.entries) for month in self.months)


def fiscal_year(day: dt.date) -> int:
    """The Thai government fiscal year (BE) of a day: October starts the next one."""
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def approved_and_started(post: Post, decision: Decision, now: dt.datetime, roles: tuple[str, ...]) -> bool:
    """Whether a post belongs in the register: approved, and its window has opened.

    `decide` reports `expired` for any post whose window has ended, approved or not, so an
    expired post counts only if nothing but the end of its window is held against it."""
    if post.window is None or post.window.start > now:
        return False
    if decision.state == LIVE:
        return True
    return (
        decision.state == EXPIRED
        and decision.refusal is None
        and len(decision.chain) == len(roles)
        and all(reason.code in ("window_ended", "withdrawn") for reason in decision.reasons)
    )


def _taken_down_at(post: Post, tz: ZoneInfo) -> dt.datetime | None:
    record = post.taken_down or {}
    try:
        return parse_when(record.get("at"), tz).at.astimezone(tz) if record.get("at") is not None else None
    except DateError:
        return None


def entry_for(
    post: Post, decision: Decision, *, on_site: bool, tz: ZoneInfo, names: Mapping[str, str] | None = None
) -> Entry:
    """A register line; a post no longer on the site shows when it was taken down, and why
    when it was withdrawn (by whom: `names` maps person ids to names) or replaced by a revision."""
    if post.window is None:
        raise ValueError(f"{post.path} has no publication window; filter with approved_and_started first")
    taken_down = None
    if not on_site or decision.state == EXPIRED:
        # The record written at take-down, else the end of the window (moved at the end of this build).
        taken_down = _taken_down_at(post, tz) or post.window.end.astimezone(tz)
    order = decision.withdrawal
    return Entry(
        post_path=post.path,
        title=post.title or post.path,
        agency=post.agency or "",
        start=post.window.start.astimezone(tz),
        taken_down=taken_down,
        live=on_site and decision.state == LIVE,
        revision=post.revises.number if post.revises else 0,
        withdrawn_at=order.at.astimezone(tz) if order is not None and order.at is not None else None,
        withdrawn_by=(names or {}).get(order.signer, order.signer) if order is not None else None,
        replaced=(post.taken_down or {}).get("reason") == "revised",
    )


def group(entries: Iterable[Entry]) -> tuple[FiscalYear, ...]:
    """Newest fiscal year first; inside a year, months and items in calendar order (Oct to Sep)."""
    by_year: dict[int, dict[tuple[int, int], list[Entry]]] = {}
    for entry in entries:
        months = by_year.setdefault(fiscal_year(entry.start.date()), {})
        months.setdefault((entry.start.year, entry.start.month), []).append(entry)
    return tuple(
        FiscalYear(
            year,
            tuple(
                Month(y, m, tuple(sorted(items, key=lambda e: (e.start, e.post_path, e.revision))))
                for (y, m), items in sorted(by_year[year].items())
            ),
        )
        for year in sorted(by_year, reverse=True)
    )


def form_uri(post_path: str, extension: str, revision: int = 0) -> str:
    """Where a post's form is in the site: register/forms/<post path>.html (or .pdf); a revision's
    form is register/forms/<post path>.r<n>.html, so every version keeps its own."""
    suffix = f".r{revision}" if revision else ""
    return f"{FORMS_DIR}/{post_path.removesuffix('.md')}{suffix}.{extension}"


def link_target(path: str) -> str:
    """A relative path as a Markdown link target that is only ever that path: every character
    outside the safe file-name set (names.py) and '/' is percent-encoded, so a file name can
    never close the link, start a new one or carry a `javascript:` scheme (':' is encoded)."""
    return "".join(char if char == "/" or safe_char(char) else quote(char, safe="") for char in path)


def pack_url(template: str, year: int) -> str:
    return template.replace("{year}", str(year))


def item_anchor(post_path: str, revision: int = 0) -> str:
    """The named destination of a version of a post in the evidence pack (pack.py): its post path,
    and `.r<n>` for revision n ('.' never comes out of a path here, so no other post's anchor is hit)."""
    path = "".join(char if char.isascii() and char.isalnum() else "-" for char in post_path.removesuffix(".md"))
    return f"item-{path}.r{revision}" if revision else f"item-{path}"


def evidence_href(template: str, entry: Entry) -> str:
    """Where an entry's evidence is filed: its version's item in its fiscal year's pack."""
    return f"{pack_url(template, fiscal_year(entry.start.date()))}#{item_anchor(entry.post_path, entry.revision)}"


def url_target(url: str) -> str:
    """An http(s) address (checked by the configuration) as a Markdown link target: spaces,
    parentheses, brackets and quotes percent-encoded, so it can only ever be that address."""
    return quote(url, safe=":/?#&=%.~-_+,;@")


def page_markdown(
    years: tuple[FiscalYear, ...],
    *,
    lang: str,
    page_link: Callable[[Entry], str | None],
    with_pdf: bool,
    thai_digits: bool = False,
    evidence_link: Callable[[Entry], str | None] = lambda entry: None,
    pack_link: Callable[[int], str | None] = lambda year: None,
) -> str:
    """The register page. `page_link` gives a Markdown link target for a live post (or None),
    `pack_link` the address where a fiscal year's evidence pack is filed and `evidence_link`
    an item's place in it (absolute http(s) addresses); links to forms are relative to REGISTER_PAGE."""

    def day(moment: dt.date) -> str:
        return display_date(moment, lang, thai_digits=thai_digits)

    def month_title(month: Month) -> str:
        if lang == "th":
            return site_digits(f"{MONTHS_LONG[month.month - 1]} {month.year + BE_OFFSET}", thai_digits)
        return f"{MONTHS_EN_LONG[month.month - 1]} {month.year}"

    def number(value: int) -> str:
        return site_digits(str(value), thai_digits and lang == "th")

    here = REGISTER_PAGE.rsplit("/", 1)[0] + "/"
    lines = [f"# {message('register_title', lang)}", "", message("register_intro", lang), ""]
    if not years:
        lines += [message("register_empty", lang), ""]
    for year in years:
        lines += [f"## {message('register_fiscal_year', lang, year=number(year.year))}", ""]
        span = message("register_fiscal_span", lang, start=day(year.first_day), end=day(year.last_day))
        lines += [f"{span} · {message('register_count', lang, count=number(year.count))}", ""]
        if (pack := pack_link(year.year)) is not None:
            lines += [f"[{message('register_pack', lang, year=number(year.year))}]({url_target(pack)})", ""]
        for month in year.months:
            lines += [f"### {month_title(month)}", ""]
            for entry in month.entries:
                title = markdown_text(entry.title)
                target = page_link(entry) if entry.live else None
                shown = f"[{title}]({link_target(target)})" if target else title
                if entry.revision:
                    shown += f" · {message('register_revision', lang, number=entry.revision)}"
                if entry.withdrawn_at is not None:
                    name = markdown_text(entry.withdrawn_by or "")
                    shown += f" ({message('register_withdrawn', lang, date=day(entry.withdrawn_at), name=name)})"
                elif entry.replaced and entry.taken_down is not None:
                    shown += f" ({message('register_replaced', lang, date=day(entry.taken_down))})"
                elif entry.taken_down is not None:
                    shown += f" ({message('register_taken_down', lang, date=day(entry.taken_down))})"
                kinds = [("register_form", "html"), ("register_pdf", "pdf")][: 2 if with_pdf else 1]
                uris = [(code, form_uri(entry.post_path, extension, entry.revision)) for code, extension in kinds]
                links = [f"[{message(code, lang)}]({link_target(uri.removeprefix(here))})" for code, uri in uris]
                if (evidence := evidence_link(entry)) is not None:
                    links.append(f"[{message('register_evidence', lang)}]({url_target(evidence)})")
                agency = f" — {markdown_text(entry.agency)}" if entry.agency else ""
                lines.append(f"- {day(entry.start)} · {shown}{agency} · {' · '.join(links)}")
            lines.append("")
    return "\n".join(lines)
