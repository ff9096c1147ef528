"""The ITA evidence pack: one PDF and one ZIP per fiscal year (MOIT 1).

The PDF holds a cover and an index (item, dates up and down, requester, chair, director,
uploader, status), the blank request form, then, month by month, each item's filled form,
its print screens (evidence.py) and a verification page: the digest, and for each sign-off
its signer, role, time, key fingerprint and whether its signature verified when the pack
was made. Bookmarks: one per month, one per item under it. Each item is a named destination
of its version (register.item_anchor: post path and revision number); the first item of a
post path also carries the path's own, which the register links. The ZIP beside it holds, per
item, the statement files, the signatures, an `allowed_signers` file and the exact
`ssh-keygen -Y verify` commands, so an assessor re-checks every signature offline.

Which items: every post that was approved and whose window opened in the fiscal year
(the register's rule: live, or taken down), plus any post with a print screen filed
under that year whatever its state now (withdrawn, or changed after it was captured),
each shown with its state. A sign-off reads "verified" only when its signature verifies
with the registry's key over its statement, the statement names the post's current
digest, and the gate holds nothing else against it.

`collect` is the pure part over judged posts; `render_html`, `write_pdf` and `write_zip`
turn items into files.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from ..core import signing
from ..core.decision import EXPIRED, LIVE, Settings, statements
from ..core.messages import message, role_name, state_name
from ..core.post import Post
from ..core.registry import Registry
from ..core.thaidates import BE_OFFSET, MONTHS_EN_LONG, MONTHS_LONG, display_date
from ..services import templating
from ..services.evidence import Capture, digest_hex
from ..services.repository import Judged
from . import form
from .register import approved_and_started, fiscal_year, item_anchor


@dataclass(frozen=True)
class Check:
    """One sign-off as checked when the pack was made."""

    number: int  # 1 = the first entry of `signoffs`
    role: str
    signer: str
    signer_name: str
    decision: str
    at: str
    key: str
    digest: str
    verified: bool
    superseded: bool  # signed an earlier version of a post whose current version verified since (an amendment)
    why: tuple[str, ...]  # why it does not verify (empty when it does)
    statement: bytes
    signature: str | None  # the armored signature, when there is one
    allowed_signers: str | None  # the registry's line for its key, when the key is known


@dataclass(frozen=True)
class Item:
    number: int
    post_path: str
    revision: int  # แก้ไขครั้งที่ n (`revises.number`); 0 for the version first approved
    anchors: tuple[str, ...]  # its named destinations in the PDF, its own version's first
    title: str
    start: dt.datetime
    down: dt.datetime | None
    state: str
    status: str  # for people: live, taken down on …, or the gate's state
    requester: str
    chair: str
    director: str
    uploader: str
    digest: str
    form: form.FormData
    captures: tuple[Capture, ...]
    checks: tuple[Check, ...]
    problems: tuple[str, ...]  # the gate's reasons against the post now


def _name(registry: Registry | None, person_id: str) -> str:
    person = registry.people.get(person_id) if registry else None
    return person.name if person else person_id


def checks_of(
    post: Post, decision_reasons: Iterable[str], settings: Settings, registry: Registry | None, lang: str
) -> tuple[Check, ...]:
    """Each sign-off verified now: signature, key, and the digest it names against the post's."""
    flagged = set(decision_reasons)
    result: list[Check] = []
    for entry, statement in statements(post, settings):
        why: list[str] = []
        line = None
        found = registry.key_by_fingerprint(entry.key) if registry and entry.key else None
        if not entry.sig or not entry.key:
            why.append(message("pack_unsigned", lang))
        elif found is None:
            why.append(message("pack_key_unknown", lang, fingerprint=entry.key))
        else:
            line = signing.allowed_signers_line(found[0].id, found[1].line)
            if found[0].id != entry.signer:
                why.append(message("pack_key_not_signer", lang, signer=entry.signer))
            if not signing.verify(found[1].line, statement, entry.sig):
                why.append(message("pack_bad_signature", lang))
        if entry.digest != post.digest:
            why.append(message("pack_digest_changed", lang, signed=entry.digest, current=post.digest or "-"))
        if f"signoffs[{entry.index + 1}]" in flagged:
            why.append(message("pack_gate_objects", lang))
        result.append(
            Check(
                number=entry.index + 1,
                role=entry.role,
                signer=entry.signer,
                signer_name=_name(registry, entry.signer),
                decision=entry.decision,
                at=entry.at_text,
                key=entry.key or "",
                digest=entry.digest,
                verified=not why,
                superseded=False,
                why=tuple(why),
                statement=statement,
                signature=signing.armor(entry.sig) if entry.sig else None,
                allowed_signers=line,
            )
        )
    current = any(check.verified for check in result)  # the version now on record was signed and verifies
    return tuple(
        replace(check, superseded=True) if current and not check.verified and check.digest != post.digest else check
        for check in result
    )


def collect(
    judged: Iterable[Judged],
    captured: dict[str, list[Capture]],
    *,
    year: int,
    settings: Settings,
    registry: Registry | None,
    now: dt.datetime,
    tz: ZoneInfo,
    lang: str,
) -> list[Item]:
    """The fiscal year's items, in the order they went up."""
    chosen: list[Judged] = []
    for one in judged:
        post = one.post
        if post.window is None or post.digest is None:
            continue
        start = post.window.start.astimezone(tz)
        listed = one.place in ("content", "expired") and approved_and_started(post, one.decision, now, settings.roles)
        if (listed and fiscal_year(start.date()) == year) or post.path in captured:
            chosen.append(one)
    chosen.sort(key=lambda one: (one.post.window.start if one.post.window else now, one.post.path, _revision(one.post)))
    items = []
    taken: set[str] = set()
    for number, one in enumerate(chosen, 1):
        post, decision = one.post, one.decision
        assert post.window is not None and post.digest is not None  # filtered above
        approved = approved_and_started(post, decision, now, settings.roles)
        down = None
        if one.place == "expired" or decision.state == EXPIRED:
            down = _taken_down(post, tz) or post.window.end.astimezone(tz)
        if approved and decision.state == LIVE and one.place == "content":
            status = message("pack_status_live", lang)
        elif approved and down is not None and decision.withdrawal is not None:
            order = decision.withdrawal  # verified in this very decision: who ordered it, and why
            when = display_date(down, lang, with_time=True)
            signer = _name(registry, order.signer)
            status = message("pack_status_withdrawn", lang, date=when, signer=signer, reason=order.reason)
        elif approved and down is not None:
            status = message("pack_status_down", lang, date=display_date(down, lang, with_time=True))
        else:
            status = message("pack_status_other", lang, state=state_name(decision.state, lang))
        reasons = [reason.key or "" for reason in decision.reasons]
        checks = checks_of(post, reasons, settings, registry, lang)
        filled = form.form_data(post, decision, registry, tz=tz, now=now, lang=lang, roles=settings.roles)
        counted = [check for check in checks if check.verified and check.decision == "approve"]
        chair = next((c.signer_name for c in counted if c.role == settings.roles[0]), "")
        director = next((c.signer_name for c in counted if c.role == settings.roles[-1]), "")
        uploader = str((post.published or {}).get("name") or "")
        anchors = _anchors(post, taken)
        taken.update(anchors)
        items.append(
            Item(
                number=number,
                post_path=post.path,
                revision=_revision(post),
                anchors=anchors,
                title=post.title or post.path,
                start=post.window.start.astimezone(tz),
                down=down,
                state=decision.state,
                status=status,
                requester=post.requester.name if post.requester else "",
                chair=chair,
                director=director,
                uploader=_name(registry, uploader) if uploader else "",
                digest=post.digest,
                form=filled,
                captures=tuple(captured.get(post.path, ())),
                checks=checks,
                problems=tuple(reason.text(lang) for reason in decision.reasons),
            )
        )
    return items


def _revision(post: Post) -> int:
    return post.revises.number if post.revises else 0


def _anchors(post: Post, taken: set[str]) -> tuple[str, ...]:
    """The item's own named destination, from its post path and revision; the digest's first hex
    digits follow when another item already has it (a post taken down, then another put up at the
    same path). The first item of a post path also gets the path's own, which the register links."""
    own = item_anchor(post.path, _revision(post))
    if own in taken:
        own = f"{own}-{digest_hex(post.digest or '')[:12]}"
    by_path = item_anchor(post.path)
    return (own,) if by_path in taken or by_path == own else (own, by_path)


def _taken_down(post: Post, tz: ZoneInfo) -> dt.datetime | None:
    from ..core.thaidates import DateError, parse_when

    record = post.taken_down or {}
    if record.get("at") is None:
        return None
    try:
        return parse_when(record.get("at"), tz).at.astimezone(tz)
    except DateError:
        return None


# --- the PDF ------------------------------------------------------------------------------


def month_title(moment: dt.datetime, lang: str) -> str:
    if lang == "th":
        return f"{MONTHS_LONG[moment.month - 1]} {moment.year + BE_OFFSET}"
    return f"{MONTHS_EN_LONG[moment.month - 1]} {moment.year}"  # English shows the Common Era (display_date)


def bookmark_label(text: str) -> str:
    """`text` as a CSS string for `bookmark-label`: SARA AM as a CSS escape, so the printer's
    rewriting of SARA AM for the text layer (form.printable_text) leaves bookmarks as typed."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\u0e33", "\\e33 ")
    return f'"{escaped}"'


def verify_command(check: Check) -> str:
    return (
        f"ssh-keygen -Y verify -f allowed_signers -I {check.signer} -n {signing.NAMESPACE} "
        f"-s entry{check.number}.sig < entry{check.number}.statement"
    )


def item_folder(item: Item) -> str:
    return f"{item.number:03d}-{item.post_path.removesuffix('.md').replace('/', '-')}"


def render_html(
    items: list[Item], *, year: int, lang: str, office: str, now: dt.datetime, tz: dt.tzinfo, zip_name: str
) -> str:
    def day(moment: dt.datetime | None) -> str:
        return display_date(moment, lang) if moment else ""

    months: list[tuple[str, list[Item]]] = []
    for item in items:
        title = month_title(item.start, lang)
        if not months or months[-1][0] != title:
            months.append((title, []))
        months[-1][1].append(item)
    # By file URI: WeasyPrint reads each image once; 300 pages of base64 would sit in memory twice.
    images = {capture.image: capture.image.resolve().as_uri() for item in items for capture in item.captures}
    first = dt.datetime(year - BE_OFFSET - 1, 10, 1)
    last = dt.datetime(year - BE_OFFSET, 9, 30)
    template = templating.environment().get_template("evidence_pack.html")
    return template.render(
        lang=lang,
        year=year,
        office=office,
        span=message("register_fiscal_span", lang, start=display_date(first, lang), end=display_date(last, lang)),
        made=display_date(now.astimezone(tz), lang, with_time=True),
        months=months,
        items=items,
        blank=form.blank_form(lang),
        fonts=form.font_urls("file"),
        images=images,
        day=day,
        when=lambda moment: display_date(moment.astimezone(tz), lang, with_time=True),
        role_name=lambda role: role_name(role, lang),
        say=lambda code, **params: message(code, lang, **params),
        verify_command=verify_command,
        bookmark_label=bookmark_label,
        item_folder=item_folder,
        zip_name=zip_name,
        count=len(items),
    )


def write_pdf(html: str) -> bytes:
    """The pack printed, with Python's cycle collector paused meanwhile: WeasyPrint keeps every
    page's boxes alive until the PDF is written, and each full collection walked all of them
    again (a third of the time of a 300-item pack; peak memory grows by about a tenth).
    Reference counting still frees what the printer drops; the collector resumes after."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return form.render_pdf(html)
    finally:
        if paused:
            gc.enable()


def write_zip(items: list[Item], *, year: int, lang: str) -> bytes:
    """Per item: entryN.statement, entryN.sig, allowed_signers, verify.sh; and a README."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", message("pack_zip_readme", lang, year=year) + "\n")
        for item in items:
            folder = item_folder(item)
            lines = ["#!/bin/sh", f"# {item.post_path}  {item.digest}", 'cd "$(dirname "$0")" || exit 2', "status=0"]
            allowed: list[str] = []
            for check in item.checks:
                if check.signature is None:
                    continue
                archive.writestr(f"{folder}/entry{check.number}.statement", check.statement)
                archive.writestr(f"{folder}/entry{check.number}.sig", check.signature)
                if check.allowed_signers and check.allowed_signers not in allowed:
                    allowed.append(check.allowed_signers)
                lines.append(f"# {check.number}: {check.role} {check.signer} {check.at} digest {check.digest}")
                lines.append(f"{verify_command(check)} || status=1")
            lines.append('exit "$status"')
            archive.writestr(f"{folder}/allowed_signers", "".join(line + "\n" for line in allowed))
            script = zipfile.ZipInfo(f"{folder}/verify.sh", date_time=(2020, 1, 1, 0, 0, 0))
            script.external_attr = 0o100755 << 16  # executable when unpacked
            script.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(script, "\n".join(lines) + "\n")
    return buffer.getvalue()
