"""The `mkdocs serve` preview: a state banner for each unpublished post and a queue page.

Pure text in, text out: the plugin gathers (post, decision) pairs and the links,
this module words the banner, the page Markdown and the dashboard, and the templates
under `templates/preview/` lay them out. Every value that comes from a post or the
registry is autoescaped there, because a preview shows exactly the posts nobody has
approved yet.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from ..core.decision import EXPIRED, INVALID, LIVE, REJECTED, SCHEDULED, Decision
from ..core.messages import message, role_name, state_name
from ..core.post import Post
from ..core.thaidates import display_date
from ..services import templating

PREVIEW_DIR = "_pending"
DASHBOARD_URI = f"{PREVIEW_DIR}/index.md"
CSS_URI = f"{PREVIEW_DIR}/approval-gate-preview.css"
CONTENT, PENDING = "content", "pending"

# The queue reads best with what needs a person first, then what waits for time.
STATE_ORDER = ("awaiting_", REJECTED, INVALID, LIVE, SCHEDULED, EXPIRED)

CSS = """\
.approval-gate-banner {
  border: 2px solid #b45309; border-left-width: 8px; border-radius: 4px;
  background: #fffbeb; color: #1f2937; padding: 0.6em 1em; margin: 0 0 1.5em;
}
.approval-gate-banner p { margin: 0.3em 0; }
.approval-gate-banner ul { margin: 0.2em 0 0.4em; }
.approval-gate-banner .approval-gate-head { font-weight: 700; }
.approval-gate-banner .approval-gate-state { font-size: 1.15em; }
.approval-gate-banner.approval-gate-invalid,
.approval-gate-banner.approval-gate-rejected { border-color: #b91c1c; background: #fef2f2; }
.approval-gate-banner.approval-gate-live,
.approval-gate-banner.approval-gate-scheduled { border-color: #15803d; background: #f0fdf4; }
.approval-gate-banner.approval-gate-expired { border-color: #6b7280; background: #f3f4f6; }
.md-typeset table.approval-gate-queue { font-size: 0.7rem; border-collapse: collapse; width: 100%; }
.approval-gate-queue th, .approval-gate-queue td {
  vertical-align: top; text-align: left; padding: 0.5em 0.6em; border-bottom: 1px solid #e5e7eb;
}
.approval-gate-queue th { background: #f3f4f6; }
.approval-gate-queue td:first-child { min-width: 14em; }
.approval-gate-queue ul { margin: 0; }
.approval-gate-queue .approval-gate-path { display: block; margin-top: 0.3em; font-size: 0.85em; }
"""


@dataclass(frozen=True)
class Item:
    """One unpublished post as the preview shows it."""

    post: Post
    decision: Decision
    place: str  # content | pending
    src_uri: str  # the page's path inside the served site
    names: Mapping[str, str] = field(default_factory=dict)  # signer id -> display name


def preview_uri(post_path: str) -> str:
    """Where a pending post is served: `_pending/<post path>` (never on the dashboard itself)."""
    uri = f"{PREVIEW_DIR}/{post_path}"
    return f"{PREVIEW_DIR}/index.post.md" if uri == DASHBOARD_URI else uri


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue page, in words (the template escapes every value)."""

    state: str
    path: str
    href: str
    title: str
    folder: str
    state_name: str
    waiting: str
    reasons: Sequence[str]


def title_of(post: Post, lang: str) -> str:
    """The title as written (even one the gate refused), or a placeholder."""
    raw = post.meta.get("title")
    title = post.title or (raw if isinstance(raw, str) else None)
    return title.strip() if title and title.strip() else message("preview_no_title", lang)


def day(moment: dt.datetime | dt.date, lang: str, tz: ZoneInfo, thai_digits: bool = False) -> str:
    if isinstance(moment, dt.datetime):
        moment = moment.astimezone(tz).date()
    return display_date(moment, lang, thai_digits=thai_digits)


def period(post: Post, lang: str, tz: ZoneInfo, thai_digits: bool = False) -> str | None:
    """The publication period as people read it: an inclusive last day."""
    if post.window is None:
        return None
    last = post.window.end - dt.timedelta(microseconds=1)
    start, end = day(post.window.start, lang, tz, thai_digits), day(last, lang, tz, thai_digits)
    return message("preview_period", lang, start=start, end=end)


def waiting_for(item: Item, lang: str, tz: ZoneInfo, thai_digits: bool = False) -> str:
    """Who (or what) the post waits for, in words."""
    state, post = item.decision.state, item.post
    if item.decision.waiting_for and state.startswith("awaiting_"):
        return role_name(item.decision.waiting_for, lang)
    if state == REJECTED:
        name = post.requester.name if post.requester else message("preview_requester", lang)
        return message("preview_wait_revise", lang, name=name)
    if state == INVALID:
        return message("preview_wait_fix", lang)
    if state in (LIVE, SCHEDULED) and item.place == PENDING:
        return message("preview_wait_publish", lang)
    if state == SCHEDULED and post.window is not None:
        return message("preview_wait_start", lang, date=day(post.window.start, lang, tz, thai_digits))
    if state == EXPIRED and item.place == CONTENT:
        return message("preview_wait_take_down", lang)
    return message("preview_wait_nothing", lang)


def _state_class(state: str) -> str:
    return "awaiting" if state.startswith("awaiting_") else re.sub(r"[^a-z_]", "", state)


def banner_html(item: Item, lang: str, tz: ZoneInfo, dashboard_href: str, thai_digits: bool = False) -> str:
    """The box at the top of a previewed page: state, who it waits for, and every reason;
    dates in the site's digit style."""
    post, decision = item.post, item.decision
    requested = None
    if post.requester is not None:
        requested = message("preview_requester_line", lang, name=post.requester.name)
        if post.requester.date is not None:
            requested += f" ({day(post.requester.date.at, lang, tz, thai_digits)})"
    signoffs = [
        message(
            "preview_signed",
            lang,
            role=role_name(entry.role, lang),
            signer=item.names.get(entry.signer, entry.signer),
            date=day(entry.at, lang, tz, thai_digits) if entry.at else entry.at_text,
        )
        for entry in decision.chain
    ]
    return (
        templating.render(
            "preview/banner.html",
            lang,
            state=decision.state,
            state_class=_state_class(decision.state),
            state_name=state_name(decision.state, lang),
            title=title_of(post, lang),
            waiting=waiting_for(item, lang, tz, thai_digits),
            folder=_folder(item),
            path=post.path,
            period=period(post, lang, tz, thai_digits),
            requested=requested,
            signoffs=signoffs,
            reasons=[reason.text(lang) for reason in decision.reasons],
            in_content=item.place == CONTENT,
            dashboard_href=dashboard_href,
        )
        + "\n"
    )


def _folder(item: Item) -> str:
    return "content" if item.place == CONTENT else "pending"


def _front_matter(title: str) -> str:
    # JSON strings are YAML; the title is HTML-escaped first because MkDocs' Jinja
    # does not autoescape and the title lands in <title>.
    quoted = json.dumps(html.escape(title), ensure_ascii=False)
    return f"---\ntitle: {quoted}\nsearch:\n  exclude: true\n---\n\n"


def page_markdown(post: Post, raw: str, lang: str) -> str:
    """The Markdown a previewed post is rendered from: its title, then its body.

    A body whose HTML the allowlist refused (scripts, handlers, forms) or a file it could not read
    is shown as escaped text, so opening a preview never runs what nobody approved."""
    unsafe = any(reason.code == "html_refused" for reason in post.problems)
    if post.digest is None or unsafe:
        shown = post.body if post.digest is not None else raw
        body = templating.render("preview/shown_as_text.html", lang, text=shown) + "\n"
    else:
        body = post.body
    return _front_matter(title_of(post, lang)) + body


def _sort_key(item: Item) -> tuple[int, str, str]:
    state = item.decision.state
    rank = next((i for i, prefix in enumerate(STATE_ORDER) if state.startswith(prefix)), len(STATE_ORDER))
    return rank, state, f"{item.place}/{item.post.path}"


def dashboard_markdown(
    rows: Sequence[tuple[Item, str]], lang: str, tz: ZoneInfo, now: dt.datetime, thai_digits: bool = False
) -> str:
    """The queue page: every unpublished post with its state, who it waits for, why, and a link;
    dates in the site's digit style."""
    ordered = sorted(rows, key=lambda row: _sort_key(row[0]))
    title = message("preview_dashboard_title", lang)
    stamp = display_date(now.astimezone(tz), lang, with_time=True, thai_digits=thai_digits)
    queue = [
        QueueRow(
            state=item.decision.state,
            path=item.post.path,
            href=href,
            title=title_of(item.post, lang),
            folder=_folder(item),
            state_name=state_name(item.decision.state, lang),
            waiting=waiting_for(item, lang, tz, thai_digits),
            reasons=[reason.text(lang) for reason in item.decision.reasons],
        )
        for item, href in ordered
    ]
    body = templating.render("preview/dashboard.md", lang, title=title, stamp=stamp, rows=queue)
    return _front_matter(title) + body


# Nothing loads from elsewhere, nothing is submitted or framed, no plugin runs, and only the
# theme's own scripts run (the content has none: it is sanitised before this is added).
CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-src 'none'; connect-src 'self' ws: wss:; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'"
)


def with_csp(page_html: str) -> str:
    """`page_html` with a Content-Security-Policy as the first thing in its <head>.

    Inline scripts are allowed by their hashes, so only the theme's own (present when the
    page is written) run; MkDocs' live reload, injected later, does not: reload by hand."""
    from ..services.sanitize import inline_scripts

    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"
        for code in inline_scripts(page_html)
    )
    meta = templating.environment().get_template("preview/csp.html").render(policy=CSP.format(hashes=hashes))
    head = re.search(r"<head[^>]*>", page_html, re.IGNORECASE)
    if head is None:
        return meta + page_html
    return page_html[: head.end()] + meta + page_html[head.end() :]
