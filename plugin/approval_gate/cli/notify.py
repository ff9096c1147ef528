"""`gate notify`: tell each approver what waits for their sign-off, by e-mail and/or a JSON webhook.

The queue is `gate status`'s (queue.py); who is told what, and when again, is notices.py; the
sending is delivery.py. What was sent is recorded in notified.json, which the publish run commits.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

import click

from ..core.messages import duration_text, message, role_name
from ..core.thaidates import thai_date
from ..services import notices
from ..services.delivery import (
    DeliveryError,
    Mailer,
    SetupError,
    SmtpSettings,
    WebhookSettings,
    email_message,
    post_json,
    smtp_from_env,
    webhook_from_env,
)
from ..services.moves import MoveError
from ..services.notices import EMAIL, NEW, NOTIFIED_FILE, WEBHOOK, Notice, NotifiedError
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    Context,
    build_now,
    fail,
    fail_usage,
    main,
    pass_context,
    shown_json,
    shown_lines,
)
from .helptext import option
from .status import iso, load_queue

SCHEMA = "approval-gate/notify-1"
SHELL_SPECIAL = frozenset(" \t'\"$`\\!*?;&|<>()[]{}#~=%")


def _argument(text: str) -> str:
    """A path as a shell argument: quoted only when it needs it (Thai letters do not)."""
    return "'" + text.replace("'", "'\\''") + "'" if any(c in SHELL_SPECIAL for c in text) else text


def repository_link(env: Mapping[str, str]) -> str:
    """GATE_REPOSITORY_URL: where the repository's files are browsed, e.g. …/blob/main; '' when unset."""
    url = env.get("GATE_REPOSITORY_URL", "").strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("https", "http") or not parts.netloc or any(ord(c) < 33 for c in url):
        raise SetupError("notify_env_link", "GATE_REPOSITORY_URL", url)
    return url.rstrip("/")


class Composer:
    """The words of each notice, in the CLI's language, from the catalogue."""

    def __init__(self, ctx: Context, link: str) -> None:
        self.ctx = ctx
        self.lang = ctx.lang
        self.link = link
        config = ctx.mkdocs_config
        self.site = str(config.site_name or ctx.gate.settings.site_id)
        self.agency = ctx.gate.rules.default_agency or ""

    def file(self, notice: Notice) -> str:
        return os.path.relpath(notice.item.judged.file, self.ctx.gate.root).replace(os.sep, "/")

    def commands(self, notice: Notice) -> dict[str, str]:
        file, person = _argument(self.file(notice)), notice.person.id
        reason = message("notify_reason_placeholder", self.lang)
        return {
            "approve": f"gate approve {file} --as {person}",
            "reject": f'gate reject {file} --as {person} --reason "{reason}"',
            "review": f"gate review --as {person}",
        }

    def requested(self, notice: Notice) -> str:
        requester = notice.item.judged.post.requester
        if requester is None or requester.date is None:
            return "-"
        when = requester.date.at.astimezone(self.ctx.gate.rules.timezone)
        if self.lang == "th":
            return thai_date(when, with_time=not requester.date.date_only)
        return when.strftime("%Y-%m-%d" if requester.date.date_only else "%Y-%m-%d %H:%M")

    def subject(self, notice: Notice) -> str:
        post = notice.item.judged.post
        code = "notify_subject_new" if notice.kind == NEW else "notify_subject_reminder"
        return message(
            code, self.lang, site=self.site, role=role_name(notice.role, self.lang), title=post.title or post.path
        )

    def body(self, notice: Notice) -> str:
        item, post, lang = notice.item, notice.item.judged.post, self.lang
        requester = post.requester
        text = message(
            "notify_body",
            lang,
            name=notice.person.name,
            role=role_name(notice.role, lang),
            title=post.title or post.path,
            requester=requester.name if requester and requester.name else message("notify_nobody_name", lang),
            agency=post.agency or self.agency or "-",
            requested=self.requested(notice),
            file=self.file(notice),
            age=duration_text(item.age, lang) if item.age is not None else "-",
            target=duration_text(item.target, lang) if item.target is not None else "-",
            overdue=message("notify_body_overdue", lang) if item.overdue else "",
            **self.commands(notice),
        )
        if self.link:
            text += message("notify_body_link", lang, url=self.url(notice))
        return text + message("notify_body_footer", lang)

    def url(self, notice: Notice) -> str | None:
        return f"{self.link}/{quote(self.file(notice))}" if self.link else None

    def payload(self, notice: Notice) -> dict[str, object]:
        """The webhook's JSON (README, 'Notifications'): `text` is what chat systems show."""
        item, post, person = notice.item, notice.item.judged.post, notice.person
        requester = post.requester

        def minutes(value: dt.timedelta | None) -> int | None:
            return int(value.total_seconds() // 60) if value is not None else None

        subject, body = self.subject(notice), self.body(notice)
        return {
            "schema": SCHEMA,
            "site_id": self.ctx.gate.settings.site_id,
            "site_name": self.site,
            "kind": notice.kind,
            "lang": self.lang,
            "to": {"id": person.id, "name": person.name, "email": person.email or None},
            "role": notice.role,
            "post": {
                "path": post.path,
                "file": self.file(notice),
                "title": post.title,
                "digest": post.digest,
                "requester": requester.name if requester else None,
                "agency": post.agency or self.agency or None,
                "requested": iso(requester.date.at) if requester and requester.date else None,
            },
            "since": iso(item.since),
            "age_minutes": minutes(item.age),
            "target_minutes": minutes(item.target),
            "overdue": item.overdue,
            "commands": self.commands(notice),
            "link": self.url(notice),
            "subject": subject,
            "body": body,
            "text": f"{subject}\n\n{body}",
        }


def _send(
    notice: Notice, composer: Composer, mailer: Mailer | None, webhook: WebhookSettings | None, now: dt.datetime
) -> None:
    if notice.channel == EMAIL:
        assert mailer is not None  # planned only when e-mail is set up
        settings: SmtpSettings = mailer.settings
        mail = email_message(
            settings, notice.person.name, notice.person.email, composer.subject(notice), composer.body(notice), now
        )
        mailer.send(mail)
    else:
        assert webhook is not None  # planned only when the webhook is set up
        post_json(webhook, composer.payload(notice))


@main.command(help_code="help_notify")
@option("--dry-run", is_flag=True, help_code="help_notify_dry_run")
@option("--json", "as_json", is_flag=True, help_code="help_notify_json")
@pass_context
def notify(ctx: Context, dry_run: bool, as_json: bool) -> None:
    """Tell each approver what waits for their sign-off (e-mail, webhook); once, then daily while overdue."""
    env = os.environ
    try:
        smtp, webhook, link = smtp_from_env(env), webhook_from_env(env), repository_link(env)
    except SetupError as error:
        fail_usage(ctx.say(error.code, variable=error.variable, value=error.value))
    gate = ctx.gate
    if gate.registry is None:
        fail(gate.registry_problem.text(ctx.lang) if gate.registry_problem else ctx.say("review_no_registry"))
    now = build_now()
    configured = [channel for channel, on in ((EMAIL, smtp), (WEBHOOK, webhook)) if on]
    if not configured and not dry_run:
        click.echo(ctx.say("notify_no_channel"), err=True)
        raise SystemExit(EXIT_OK)
    try:
        sent = notices.read(gate.root / NOTIFIED_FILE)
    except NotifiedError as error:
        fail(ctx.say("notify_state_unreadable", path=NOTIFIED_FILE, detail=error.detail))
    queue = load_queue(ctx, now)
    channels = configured or list(notices.CHANNELS)  # a dry run without settings shows every channel
    plan = notices.plan(queue, gate.registry, channels, sent, now)
    composer = Composer(ctx, link)
    if dry_run:
        _show_plan(ctx, composer, plan, now, as_json=as_json, configured=configured)
        raise SystemExit(EXIT_OK)
    for missing in plan.unreachable:
        person = missing.person
        path = missing.item.judged.post.path
        click.echo(ctx.say("notify_unreachable", name=person.name, id=person.id, path=path), err=True)
    outcomes: list[tuple[Notice, str | None]] = []
    with contextlib.ExitStack() as stack:
        mailer = stack.enter_context(Mailer(smtp)) if smtp else None
        for notice in plan.notices:
            try:
                _send(notice, composer, mailer, webhook, now)
            except DeliveryError as error:
                outcomes.append((notice, error.detail))
            else:
                outcomes.append((notice, None))
    delivered = [notice.key for notice, problem in outcomes if problem is None]
    failed = any(problem is not None for _, problem in outcomes)
    try:
        written = notices.record(gate.root, delivered, plan.current, configured, now)
    except NotifiedError as error:
        click.echo(ctx.say("notify_state_unreadable", path=NOTIFIED_FILE, detail=error.detail), err=True)
        failed, written = True, False
    except MoveError as error:
        click.echo(ctx.say(error.code, path=str(error.path), detail=error.detail), err=True)
        failed, written = True, False
    if as_json:
        problems = [problem for _, problem in outcomes]
        document = _document(composer, plan, now, dry_run=False, configured=configured, problems=problems)
        click.echo(shown_json(json.dumps(document, ensure_ascii=False, indent=2)))
    else:
        for notice, problem in outcomes:
            person, title = notice.person, notice.item.judged.post.title or notice.item.judged.post.path
            if problem is None:
                click.echo(ctx.say("notify_sent", channel=notice.channel, name=person.name, id=person.id, title=title))
            else:
                who = {"channel": notice.channel, "name": person.name, "id": person.id, "title": title}
                click.echo(ctx.say("notify_failed", detail=problem, **who), err=True)
        if not outcomes:
            click.echo(ctx.say("notify_nothing"))
    if written and delivered:
        click.echo(ctx.say("notify_recorded", path=NOTIFIED_FILE), err=True)
    raise SystemExit(EXIT_FAILED if failed else EXIT_OK)


def _document(
    composer: Composer,
    plan: notices.Plan,
    now: dt.datetime,
    *,
    dry_run: bool,
    configured: list[str],
    problems: list[str | None] | None = None,
) -> dict[str, object]:
    """Every planned message with its channel; after sending, whether it was sent and why not."""
    messages = []
    for index, notice in enumerate(plan.notices):
        entry: dict[str, object] = {"channel": notice.channel, **composer.payload(notice)}
        if problems is not None:
            entry["sent"], entry["error"] = problems[index] is None, problems[index]
        messages.append(entry)
    return {
        "dry_run": dry_run,
        "now": iso(now),
        "channels": {channel: channel in configured for channel in notices.CHANNELS},
        "messages": messages,
        "unreachable": [
            {"person": missing.person.id, "role": missing.role, "path": missing.item.judged.post.path}
            for missing in plan.unreachable
        ],
    }


def _show_plan(
    ctx: Context, composer: Composer, plan: notices.Plan, now: dt.datetime, *, as_json: bool, configured: list[str]
) -> None:
    if as_json:
        document = _document(composer, plan, now, dry_run=True, configured=configured)
        click.echo(shown_json(json.dumps(document, ensure_ascii=False, indent=2)))
        return
    if not configured:
        click.echo(ctx.say("notify_dry_run_unset"))
    for missing in plan.unreachable:
        person = missing.person
        click.echo(ctx.say("notify_unreachable", name=person.name, id=person.id, path=missing.item.judged.post.path))
    if not plan.notices:
        click.echo(ctx.say("notify_nothing"))
    for notice in plan.notices:
        person = notice.person
        to = f"{person.name} <{person.email}>" if notice.channel == EMAIL else f"{person.name} ({person.id})"
        kind = message(f"notify_kind_{notice.kind}", ctx.lang)
        click.echo("")
        click.echo(ctx.say("notify_would", channel=notice.channel, to=to, kind=kind))
        click.echo(shown_lines(f"  {composer.subject(notice)}"))
        click.echo(shown_lines("\n".join(f"    {line}" if line else "" for line in composer.body(notice).split("\n"))))


__all__ = ["notify"]
