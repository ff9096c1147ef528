"""`gate status`: the approval queue by state, age in state against the step targets,
who each post waits for, refusals with their reasons, and what changes on the site next."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import click

from ..core.decision import INVALID, LIVE, SCHEDULED
from ..core.messages import duration_text, message, role_name, state_name
from ..core.post import SignOff
from ..core.thaidates import display_date
from ..services import templating
from ..services.queue import (
    CLOSES,
    REQUESTER,
    TO_PUBLISH,
    TO_TAKE_DOWN,
    WEBMASTER,
    Item,
    Queue,
    Targets,
    build_queue,
)
from ..services.repository import CONTENT, EXPIRED_PLACE, PENDING
from .common import EXIT_FAILED, EXIT_OK, Context, build_now, fail_usage, main, pass_context, shown_json, shown_lines
from .helptext import option

SHOWN_CHANGES = 5  # text and Markdown list the next few; --json lists them all
UTC = dt.UTC


# --- formatting shared with other commands ------------------------------------------


def format_moment(moment: dt.datetime, tz: ZoneInfo, lang: str) -> str:
    """An instant in the site's zone: '25 พ.ย. 2569 เวลา 17.00 น.' or '25 Nov 2026 17:00'."""
    return display_date(moment.astimezone(tz), lang, with_time=True)


def iso(moment: dt.datetime | None) -> str | None:
    """UTC, ISO 8601 with a Z, to the second: the form sign-offs use."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def group_name(group: str, lang: str) -> str:
    own = (TO_PUBLISH, TO_TAKE_DOWN, "expired")  # groups that are not plain states, or read differently
    return message(f"group_{group}", lang) if group in own else state_name(group, lang)


def load_queue(ctx: Context, now: dt.datetime) -> Queue:
    gate = ctx.gate
    minutes = dict(ctx.mkdocs_config.plugins["approval-gate"].config["targets"])  # validated by GateConfig
    judged = gate.judge_all(now)
    modified = {j.file: dt.datetime.fromtimestamp(j.file.stat().st_mtime, UTC) for j in judged if j.file.exists()}
    return build_queue(judged, gate.registry, gate.settings.roles, Targets.from_minutes(minutes), now, modified)


# --- one post --------------------------------------------------------------------------


def waits_for(item: Item, lang: str) -> str:
    waiting = item.waiting
    if waiting is None:
        return ""
    if waiting.role == REQUESTER:
        name = waiting.people[0][1] if waiting.people else message("status_no_name", lang)
        return message("status_who_requester", lang, name=name)
    if waiting.role == WEBMASTER:
        code = "status_who_publish" if item.group == TO_PUBLISH else "status_who_sweep"
        return message(code, lang, path=str(item.judged.file))
    if not waiting.people:
        return message("status_who_nobody", lang, role=role_name(waiting.role, lang))
    people = ", ".join(f"{name} ({person_id})" for person_id, name in waiting.people)
    return message("status_who_role", lang, role=role_name(waiting.role, lang), people=people)


def notes(item: Item, tz: ZoneInfo, lang: str) -> list[str]:
    """Refusal, revision and (for invalid posts) what to fix."""
    lines = []
    refusal = item.refusal
    if item.revised:
        role = item.group.removeprefix("awaiting_")
        lines.append(message("status_revised", lang, role=role_name(role, lang)))
    if refusal is not None:
        lines.append(
            message(
                "status_refusal" if not item.revised else "status_earlier_refusal",
                lang,
                signer=refusal.signer,
                role=role_name(refusal.role, lang),
                at=format_moment(refusal.at, tz, lang) if refusal.at else refusal.at_text,
                reason=refusal.reason or "",
            )
        )
    if item.group == INVALID:
        lines.extend(reason.text(lang) for reason in item.judged.decision.reasons)
    return lines


def age_text(item: Item, lang: str) -> str:
    if item.age is None:
        return ""
    age = duration_text(item.age, lang)
    if item.target is None:
        return message("status_age", lang, age=age)
    text = message("status_age_target", lang, age=age, target=duration_text(item.target, lang))
    return f"{text} {message('status_overdue', lang)}" if item.overdue else text


# --- the three forms ----------------------------------------------------------------------


def as_text(queue: Queue, tz: ZoneInfo, lang: str, folders: Mapping[str, str] | None = None) -> str:
    out = [
        message(
            "status_header",
            lang,
            now=format_moment(queue.now, tz, lang),
            request=duration_text(queue.targets.request, lang),
            review=duration_text(queue.targets.review, lang),
        )
    ]
    queued = queue.queued
    if not queued:
        out += ["", message("status_empty", lang)]
    for group, items in queue.groups():
        items = [item for item in items if item in queued]
        if not items:
            continue
        out += ["", f"{group_name(group, lang)} ({len(items)})"]
        for item in items:
            post = item.judged.post
            folder = (folders or {}).get(item.judged.place, item.judged.place)
            out.append(f"  {folder}/{post.path}: {post.title or '-'}")
            for line in (age_text(item, lang), *notes(item, tz, lang), waits_for(item, lang)):
                if line:
                    out.append(f"    {line}")
    out += ["", on_site(queue, lang)]
    requested = [item for item in queue.items if item.judged.place == "content" and item.group in (LIVE, SCHEDULED)]
    requested = [item for item in requested if item.judged.decision.withdrawal_requests]
    if requested:
        out += ["", message("status_withdrawal_requests", lang, count=len(requested))]
    for item in requested:
        post = item.judged.post
        folder = (folders or {}).get(item.judged.place, item.judged.place)
        out.append(f"  {folder}/{post.path}: {post.title or '-'}")
        for entry in item.judged.decision.withdrawal_requests:
            out.append("    " + message("status_withdrawal_request", lang, signer=entry.signer, reason=entry.reason))
    out += ["", message("status_next_header", lang)]
    out += [f"  {line}" for line in change_lines(queue, tz, lang)]
    return "\n".join(out)


def on_site(queue: Queue, lang: str) -> str:
    on = [item for item in queue.items if item.judged.place == "content"]
    live = sum(1 for item in on if item.group == LIVE)
    scheduled = sum(1 for item in on if item.group == SCHEDULED)
    return message("status_on_site", lang, live=live, scheduled=scheduled)


def change_lines(queue: Queue, tz: ZoneInfo, lang: str) -> list[str]:
    if not queue.changes:
        return [message("status_no_changes", lang)]
    lines = []
    for change in queue.changes[:SHOWN_CHANGES]:
        kind = message("status_closes" if change.kind == CLOSES else "status_opens", lang)
        lines.append(f"{format_moment(change.at, tz, lang)}  {kind}  {change.path}: {change.title}")
    if len(queue.changes) > SHOWN_CHANGES:
        lines.append(message("status_more", lang, count=len(queue.changes) - SHOWN_CHANGES))
    return lines


@dataclass(frozen=True)
class SummaryRow:
    """One post in the job summary, in words (the template escapes every value)."""

    group: str
    file: str
    title: str
    age: str
    overdue: bool
    waits: str
    notes: list[str]


def as_markdown(queue: Queue, tz: ZoneInfo, lang: str, folders: Mapping[str, str] | None = None) -> str:
    """A GitHub job summary: one table of the queue, one of the next changes."""
    head = message(
        "status_header",
        lang,
        now=format_moment(queue.now, tz, lang),
        request=duration_text(queue.targets.request, lang),
        review=duration_text(queue.targets.review, lang),
    )
    rows = []
    for item in queue.queued:
        post = item.judged.post
        age = duration_text(item.age, lang) if item.age is not None else ""
        if item.target is not None:
            age += " / " + duration_text(item.target, lang)
        rows.append(
            SummaryRow(
                group=group_name(item.group, lang),
                file=f"{(folders or {}).get(item.judged.place, item.judged.place)}/{post.path}",
                title=post.title or "-",
                age=age,
                overdue=item.overdue,
                waits=waits_for(item, lang),
                notes=notes(item, tz, lang),
            )
        )
    columns = [message(f"md_{name}", lang) for name in ("state", "post", "title", "age", "waits", "notes")]
    summary = templating.render(
        "status/job_summary.md",
        lang,
        header=head,
        columns=columns,
        rows=rows,
        on_site=on_site(queue, lang),
        changes=change_lines(queue, tz, lang),
    )
    return summary.removesuffix("\n")  # click.echo ends the last line


def _refusal_json(refusal: SignOff | None) -> dict[str, str | None] | None:
    if refusal is None:
        return None
    return {"role": refusal.role, "signer": refusal.signer, "reason": refusal.reason, "at": refusal.at_text}


def as_json(queue: Queue, lang: str) -> str:
    def minutes(value: dt.timedelta | None) -> int | None:
        return int(value.total_seconds() // 60) if value is not None else None

    posts = []
    for item in queue.items:
        post, decision = item.judged.post, item.judged.decision
        refusal = item.refusal
        posts.append(
            {
                "path": post.path,
                "file": str(item.judged.file),
                "place": item.judged.place,
                "group": item.group,
                "state": decision.state,
                "title": post.title,
                "since": iso(item.since),
                "age_minutes": minutes(item.age),
                "step": item.step,
                "target_minutes": minutes(item.target),
                "overdue": item.overdue,
                "waiting_for": {
                    "role": item.waiting.role,
                    "people": [{"id": person_id, "name": name} for person_id, name in item.waiting.people],
                }
                if item.waiting
                else None,
                "revised": item.revised,
                "refusal": _refusal_json(refusal),
                "reasons": [{"code": r.code, "key": r.key, "text": r.text(lang)} for r in decision.reasons],
                "window": [iso(post.window.start), iso(post.window.end)] if post.window else None,
            }
        )
    document = {
        "now": iso(queue.now),
        "targets": {"request": minutes(queue.targets.request), "review": minutes(queue.targets.review)},
        "overdue_for_review": len(queue.overdue_for_review),
        "posts": posts,
        "next": [{"at": iso(c.at), "change": c.kind, "path": c.path, "title": c.title} for c in queue.changes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


@main.command(help_code="help_status")
@option("--json", "as_json_flag", is_flag=True, help_code="help_status_json")
@option("--markdown", is_flag=True, help_code="help_status_markdown")
@option("--fail-overdue", is_flag=True, help_code="help_status_fail_overdue")
@pass_context
def status(ctx: Context, as_json_flag: bool, markdown: bool, fail_overdue: bool) -> None:
    """The queue by state: age against the step targets, who each post waits for, what changes next."""
    if as_json_flag and markdown:
        fail_usage(ctx.say("status_one_format"))
    now = build_now()
    queue = load_queue(ctx, now)
    tz = ctx.gate.rules.timezone
    if as_json_flag:
        click.echo(shown_json(as_json(queue, ctx.lang)))
    elif markdown:
        click.echo(as_markdown(queue, tz, ctx.lang, _folders(ctx)))
    else:
        click.echo(shown_lines(as_text(queue, tz, ctx.lang, _folders(ctx))))
    raise SystemExit(EXIT_FAILED if fail_overdue and queue.overdue_for_review else EXIT_OK)


__all__ = ["format_moment", "iso", "status"]


def _folders(ctx: Context) -> dict[str, str]:
    """The configured folders, as `gate status` labels posts with them."""
    return {place: ctx.gate.folder(place) for place in (CONTENT, PENDING, EXPIRED_PLACE)}
