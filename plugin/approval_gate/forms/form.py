"""The Ministry's request form (แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน), filled.

`form_data` turns a post, its decision and the registry into plain values (pure);
`render_html` lays them out on one A4 page (Jinja, autoescaped: every value from the
front matter is text, never markup); `render_pdf` prints that page with WeasyPrint,
an optional extra. The fonts are the Sarabun TTF files bundled beside this module,
named in `@font-face` by file, because the fontconfig alias "TH Sarabun New" picks
another Thai font and overlaps glyphs.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import markdown

from ..core import summary
from ..core.decision import Decision, chain_link
from ..core.messages import message, role_name, state_name
from ..core.post import Post, SignOff
from ..core.registry import Registry
from ..core.thaidates import TO_THAI_DIGITS, DateError, display_date, parse_when
from ..services import templating

FONTS_DIR = Path(__file__).resolve().parents[1] / "fonts"
FONT_FILES = {"400": "Sarabun-Regular.ttf", "700": "Sarabun-Bold.ttf"}
DETAILS_LIMIT = 300  # characters: the details box holds four lines on the page
PRINT_VERSION = "1"  # bump when printing changes without the HTML changing (cache key)
# Longer values would push the form past one page; the post itself keeps them whole.
FIELD_LIMITS = {"agency": 110, "title": 160, "link": 110, "remarks": 110, "position": 90, "site_key": 160}


class PdfUnavailable(RuntimeError):
    """WeasyPrint (the `[pdf]` extra) or the Pango library it needs is not installed."""


@dataclass(frozen=True)
class SignLine:
    """One name-and-date block of the form; empty values print as dotted lines."""

    label: str
    signed: str = ""  # how it was signed ("signed electronically"), or "" for a line to sign on paper
    name: str = ""
    position: str = ""
    date: str = ""
    note: str = ""  # a role title under the label, or a refusal


@dataclass(frozen=True)
class FormData:
    """Everything printed on the form, as finished text."""

    lang: str
    labels: dict[str, str]
    agency: str = ""
    date: str = ""
    title: str = ""
    details: str = ""
    link: str = ""
    remarks: str = ""
    window: str = ""
    requester: SignLine = field(default_factory=lambda: SignLine(""))
    reviewer: SignLine = field(default_factory=lambda: SignLine(""))
    approver: SignLine = field(default_factory=lambda: SignLine(""))
    publisher: SignLine = field(default_factory=lambda: SignLine(""))
    fingerprints: tuple[tuple[str, str], ...] = ()  # (label, value) lines matching the printout to the signed post
    status: str = ""
    blank: bool = False


LABEL_CODES = (
    "form_heading_1", "form_heading_2", "form_heading_3", "form_agency", "form_date", "form_title",
    "form_details", "form_link", "form_remarks", "form_sign", "form_position", "form_on", "form_window",
)  # fmt: skip


def labels(lang: str, thai_digits: bool = False) -> dict[str, str]:
    found = {code.removeprefix("form_"): message(code, lang) for code in LABEL_CODES}
    return {key: text.translate(TO_THAI_DIGITS) for key, text in found.items()} if thai_digits else found


# --- summarising the body --------------------------------------------------------


class _TextOnly(HTMLParser):
    """Collects the visible text of rendered Markdown, one space between blocks."""

    BLOCKS = frozenset(
        {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br", "div", "blockquote", "pre"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _shorten(text: str, limit: int, more: str = "…") -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:  # Thai has no spaces between words; cut at a space only when one is near
        cut = cut[:space]
    return cut.rstrip() + more


def summarise(body: str, title: str = "", limit: int = DETAILS_LIMIT) -> str:
    """รายละเอียดข้อมูล: the body as plain text, without a heading that repeats the title."""
    parser = _TextOnly()
    with contextlib.suppress(AssertionError):  # Python's parser gives up on some malformed `<![`
        parser.feed(markdown.markdown(body))
        parser.close()
    text = " ".join("".join(parser.parts).split())
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    return _shorten(text, limit)


# --- filling the form -------------------------------------------------------------


def _moment(value: object, tz: ZoneInfo) -> dt.datetime | None:
    try:
        return parse_when(value, tz).at.astimezone(tz)
    except DateError:
        return None


def _person(registry: Registry | None, person_id: str) -> tuple[str, str]:
    """Display name and position of a registry id (the id itself when it is not there)."""
    person = registry.people.get(person_id) if registry else None
    return (person.name, person.position) if person else (person_id, "")


def _counted(decision: Decision) -> list[SignOff]:
    """Sign-offs that verified: a chain entry with any reason against it is left blank."""
    flagged = {r.key.split(".")[0] for r in decision.reasons if r.key and r.key.startswith("signoffs[")}
    return [entry for entry in decision.chain if f"signoffs[{entry.index + 1}]" not in flagged]


def _signed_line(
    label: str, entry: SignOff, registry: Registry | None, tz: ZoneInfo, lang: str, thai_digits: bool
) -> SignLine:
    name, position = _person(registry, entry.signer)
    at = entry.at.astimezone(tz) if entry.at else None
    how = message("form_signed_electronically" if entry.sig else "form_recorded", lang)
    return SignLine(
        label=label,
        signed=how,
        name=name,
        position=_shorten(position, FIELD_LIMITS["position"]),
        date=display_date(at, lang, thai_digits=thai_digits, with_time=True) if at else "",
        note=role_name(entry.role, lang),
    )


def form_data(
    post: Post,
    decision: Decision,
    registry: Registry | None,
    *,
    tz: ZoneInfo,
    now: dt.datetime,
    lang: str = "th",
    thai_digits: bool = False,
    roles: tuple[str, ...] = ("chair", "director"),
    with_status: bool = True,
) -> FormData:
    """The form filled from the post's front matter, its verified sign-offs and `published`.

    `with_status` prints the post's state at `now`; the site's copies leave it out so a
    form's page changes only when the post does."""

    def when(moment: dt.datetime | None, *, with_time: bool = False) -> str:
        # Long month names in the fields; a sign-off's date and time fit one line with short ones.
        if moment is None:
            return ""
        return display_date(moment, lang, long=not with_time, thai_digits=thai_digits, with_time=with_time)

    requester = post.requester
    requested = requester.date.at.astimezone(tz) if requester and requester.date else None
    requester_line = SignLine(
        label=message("form_requester", lang),
        name=requester.name if requester else "",
        position=_shorten(requester.position or "", FIELD_LIMITS["position"]) if requester else "",
        date=when(requested),
    )
    counted = {entry.role: entry for entry in _counted(decision)}
    reviewer_role, approver_role = (roles[0], roles[-1]) if roles else ("chair", "director")
    reviewer = SignLine(message("form_reviewer", lang), note=role_name(reviewer_role, lang))
    approver = SignLine(message("form_approver", lang), note=role_name(approver_role, lang))
    if reviewer_role in counted and len(roles) > 1:
        reviewer = _signed_line(reviewer.label, counted[reviewer_role], registry, tz, lang, thai_digits)
    if approver_role in counted and len(counted) == len(roles):
        approver = _signed_line(approver.label, counted[approver_role], registry, tz, lang, thai_digits)
    if decision.refusal is not None:
        refused = decision.refusal
        line = SignLine(
            reviewer.label if refused.role == reviewer_role else approver.label,
            name=_person(registry, refused.signer)[0],
            position=_person(registry, refused.signer)[1],
            date=when(refused.at.astimezone(tz) if refused.at else None, with_time=True),
            note=message("form_refused", lang, reason=refused.reason or ""),
        )
        reviewer, approver = (line, approver) if refused.role == reviewer_role else (reviewer, line)

    publisher = SignLine(message("form_publisher", lang))
    if post.published and isinstance(post.published.get("name"), str):
        name, position = _person(registry, post.published["name"])
        publisher = SignLine(
            publisher.label,
            signed=message("form_recorded", lang),
            name=name,
            position=position,
            date=when(_moment(post.published.get("at"), tz), with_time=True),
        )

    prints: list[tuple[str, str]] = [(message("form_file", lang), post.path)]
    if post.digest:
        prints.append((message("form_digest", lang), post.digest))
    # What else reaches the site, and the files bound to the digest: shown to whoever signs on paper.
    for item in summary.site_keys(post, lang):
        shown = _shorten(item.value, FIELD_LIMITS["site_key"])
        prints.append((message("form_site_key", lang, label=item.label, key=item.key, value=shown), ""))
    for name, sha in summary.attachments(post):
        prints.append((message("form_attachment", lang, name=_shorten(name, FIELD_LIMITS["link"])), f"sha256:{sha}"))
    for entry in _counted(decision):
        if entry.key:
            link = chain_link(entry.sig) or ""
            prints.append((role_name(entry.role, lang), f"{entry.key} · sig {link[:16]}"))
    window = ""
    if post.window:
        end = post.window.end.astimezone(tz) - dt.timedelta(seconds=1)  # the inclusive last moment
        window = message("form_window_range", lang, start=when(post.window.start.astimezone(tz)), end=when(end))
    today = when(now.astimezone(tz), with_time=True)
    return FormData(
        lang=lang,
        labels=labels(lang, thai_digits),
        agency=_shorten(post.agency or "", FIELD_LIMITS["agency"]),
        date=when(requested),
        title=_shorten(post.title or "", FIELD_LIMITS["title"]),
        details=summarise(post.body, post.title or ""),
        link=_shorten(post.external_link or "", FIELD_LIMITS["link"]),
        remarks=_shorten(post.remarks or "", FIELD_LIMITS["remarks"]),
        window=window,
        requester=requester_line,
        reviewer=reviewer,
        approver=approver,
        publisher=publisher,
        fingerprints=tuple(prints),
        status=message("form_status", lang, date=today, state=state_name(decision.state, lang)) if with_status else "",
    )


def blank_form(lang: str = "th", roles: tuple[str, ...] = ("chair", "director"), thai_digits: bool = False) -> FormData:
    """The empty form, every field a dotted line (for the office's written procedure)."""
    return FormData(
        lang=lang,
        labels=labels(lang, thai_digits),
        requester=SignLine(message("form_requester", lang)),
        reviewer=SignLine(message("form_reviewer", lang), note=role_name(roles[0] if roles else "chair", lang)),
        approver=SignLine(message("form_approver", lang), note=role_name(roles[-1] if roles else "director", lang)),
        publisher=SignLine(message("form_publisher", lang)),
        blank=True,
    )


# --- rendering ----------------------------------------------------------------------


def font_urls(mode: str, prefix: str = "") -> dict[str, str]:
    """Where `@font-face` finds the bundled TTF files.

    `file`: file URIs (WeasyPrint); `embed`: data URIs (a standalone HTML file that
    prints the same anywhere); `url`: `prefix` + file name (pages of the site)."""
    if mode == "file":
        return {weight: (FONTS_DIR / name).as_uri() for weight, name in FONT_FILES.items()}
    if mode == "embed":
        return {
            weight: "data:font/ttf;base64," + base64.b64encode((FONTS_DIR / name).read_bytes()).decode("ascii")
            for weight, name in FONT_FILES.items()
        }
    return {weight: prefix + name for weight, name in FONT_FILES.items()}


def render_html(form: FormData, fonts: dict[str, str] | None = None, *, title: str = "") -> str:
    """The form as one HTML page laid out for A4."""
    template = templating.environment().get_template("form.html")
    if not title:
        title = message("form_doc_title", form.lang, title=form.title) if form.title else form.labels["heading_1"]
    return template.render(form=form, fonts=fonts if fonts is not None else font_urls("embed"), doc_title=title)


# HarfBuzz draws SARA AM (ำ) as two glyphs, NIKHAHIT and SARA AA, and WeasyPrint records one
# text per glyph for the whole PDF: "ำ" then vanishes from the text layer, or every later "า"
# copies as "ำ". Writing the two characters out (NIKHAHIT before a tone mark, the order the
# shaper uses) draws the same pixels and keeps copied and searched text right (it is ำ's NFKC form).
_SARA_AM_RE = re.compile("([\u0e48-\u0e4b]?)\u0e33")


def printable_text(html: str) -> str:
    return _SARA_AM_RE.sub("\u0e4d\\1\u0e32", html)


def render_pdf(html: str) -> bytes:
    """Print the HTML with WeasyPrint; PdfUnavailable when the `[pdf]` extra cannot load."""
    html = printable_text(html)
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango is missing
        raise PdfUnavailable(str(error).splitlines()[0] if str(error) else type(error).__name__) from None
    document: Any = weasyprint.HTML(string=html, base_url=FONTS_DIR.as_uri() + "/")
    pdf: bytes = document.write_pdf()
    return pdf


def pdf_available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def cached_pdf(html: str, cache_dir: Path) -> bytes:
    """render_pdf, kept under the SHA-256 of the HTML: a build re-prints only forms that changed."""
    from weasyprint import __version__ as printer  # a new WeasyPrint prints afresh

    key = hashlib.sha256(f"{PRINT_VERSION}\n{printer}\n{html}".encode()).hexdigest()
    cache_file = cache_dir / f"form-{key}.pdf"
    try:
        return cache_file.read_bytes()
    except OSError:
        pass
    pdf = render_pdf(html)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cache_file.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pdf)
        partial.replace(cache_file)  # whole or absent, even with two builds at once
    except OSError:
        pass  # a read-only checkout still builds; it only prints every time
    return pdf
