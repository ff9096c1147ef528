"""`gate publish`: the web master puts an approved post up (pending/ -> content/).

Refuses unless the post is approved (scheduled or live) and complete, and its period is
current; asks for `--yes` when the period ends soon. The move keeps the post path, so
the signatures stay valid, and `published: {name, at}` is recorded outside the digest.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from pathlib import Path

import click

from ..core.decision import LIVE, SCHEDULED
from ..core.fields import TEXTS, text_problem
from ..core.messages import Reason, state_name
from ..core.readiness import completeness, currency
from ..core.records import RecordError, add_record
from ..core.signoff import utc_stamp
from ..services.moves import (
    MoveError,
    attachments_of,
    clean_temporaries,
    create_file,
    left_by_move,
    move_attachments,
    move_post,
    remove_file,
    replace_file,
    repository_lock,
)
from ..services.repository import CONTENT, PENDING, Gate, Judged
from .common import EXIT_FAILED, Context, build_now, fail, fail_usage, main, pass_context, post_file, shown
from .helptext import option
from .status import format_moment


def will_exist(gate: Gate, post_path: str, file: Path) -> Callable[[str], bool]:
    """`exists(site path)` after the move: the post's attachments folder moves along with it
    (so its files are looked up where they are now), everything else must already be in content/."""
    prefix = posixpath.splitext(post_path)[0] + "/"
    attachments = attachments_of(file)

    def exists(site_path: str) -> bool:
        if site_path.startswith(prefix):
            return (attachments / site_path[len(prefix) :]).is_file()
        return (gate.docs_dir / site_path).is_file()

    return exists


def refusals_for(
    ctx: Context, judged: Judged, now: dt.datetime, warning_days: int
) -> tuple[list[Reason], list[Reason]]:
    """(what refuses the move, what needs --yes)."""
    if judged.decision.state not in (SCHEDULED, LIVE):
        state = state_name(judged.decision.state, ctx.lang)
        return [Reason("publish_not_approved", None, {"state": state}), *judged.decision.reasons], []
    refused = completeness(judged.post, will_exist(ctx.gate, judged.post.path, judged.file))
    late, warnings = currency(judged.post, now, dt.timedelta(days=warning_days))
    if judged.post.published is not None:
        refused.append(Reason("publish_already_recorded", None))
    return refused + late, warnings


@main.command(help_code="help_publish")
@click.argument("path", type=click.Path(path_type=Path))
@option("--as", "name", required=True, help_code="help_publish_as")
@option("--yes", is_flag=True, help_code="help_publish_yes")
@pass_context
def publish(ctx: Context, path: Path, name: str, yes: bool) -> None:
    """Check the approved post PATH and move it from the pending folder into the site."""
    gate, now = ctx.gate, build_now()
    name = " ".join(name.split())
    if not name or text_problem("published.name", name, TEXTS["requester.name"]):
        fail_usage(ctx.say("publish_bad_name"))
    file, place, post_path = post_file(ctx, path)
    if place != PENDING:
        fail(ctx.say("publish_not_pending", path=str(file)))
    warning_days = int(ctx.mkdocs_config.plugins["approval-gate"].config["publish_warning_days"])

    try:
        with repository_lock(gate.root):  # judged again under the lock: what is checked is what moves
            refused, warnings = refusals_for(ctx, gate.judge(file, now), now, warning_days)
            if refused:
                click.echo(ctx.say("publish_refused", path=post_path), err=True)
                for reason in refused:
                    click.echo(f"    - {shown(reason.text(ctx.lang))}", err=True)
                raise SystemExit(EXIT_FAILED)
            for reason in warnings:
                click.echo(ctx.say("publish_warning", path=post_path, detail=reason.text(ctx.lang)), err=True)
            if warnings and not yes:
                fail(ctx.say("publish_needs_yes"))
            target = gate.target(CONTENT, post_path)
            judged = gate.judge(file, now)
            if judged.post.revises is not None:
                replace_live(ctx, gate, judged, target, {"name": name, "at": utc_stamp(now)}, now)
                report_done(ctx, gate, post_path, target, gate.judge(target, now))
                return
            if target.exists() or (attachments_of(file).exists() and attachments_of(target).exists()):
                clash = target if target.exists() else attachments_of(target)
                fail(ctx.say("move_clash", path=post_path, detail=str(clash)))
            record = {"name": name, "at": utc_stamp(now)}

            def with_record(data: bytes) -> bytes:
                try:
                    return add_record(data.decode("utf-8"), "published", record).encode("utf-8")
                except RecordError:  # checked above; never rewrite an existing record
                    return data

            try:
                clean_temporaries(target.parent)
                # Attachments first: stopped in between, the post is still pending and its files
                # stay out of the site (exclude_docs; no live post uses them); run publish again.
                move_attachments(file, target)
                move_post(file, target, with_record)
            except MoveError as error:
                fail(ctx.say(error.code, path=post_path, detail=str(error.path)))
    except MoveError as error:  # the lock could not be had: nothing moved
        fail(ctx.say(error.code, path=post_path, detail=error.detail or str(error.path)))

    report_done(ctx, gate, post_path, target, gate.judge(target, now))


def report_done(ctx: Context, gate: Gate, post_path: str, target: Path, judged: Judged) -> None:
    after, window = judged.decision, judged.post.window
    if after.state == LIVE:
        click.echo(ctx.say("publish_done_live", path=post_path, target=str(target)))
    elif after.state == SCHEDULED and window is not None:
        start = format_moment(window.start, gate.rules.timezone, ctx.lang)
        click.echo(ctx.say("publish_done_scheduled", path=post_path, target=str(target), start=start))
    else:  # cannot happen: the same bytes, the same path, the same clock
        fail(ctx.say("publish_changed", path=post_path, state=after.state))


def replace_live(
    ctx: Context, gate: Gate, judged: Judged, target: Path, record: dict[str, str], now: dt.datetime
) -> None:
    """Put an approved revision up in place of the version it revises; the caller holds the lock.

    The replaced version is kept first (a new file under <expired_dir>/.revisions/<its number>/,
    with `taken_down: {at, reason: revised}`); then the revision is written over the live file in
    one atomic rename (the page is never missing: a build sees the old text or the new one); then
    the pending copy is removed. Stopped at any point, running `gate publish` again finishes the job."""
    file, post, post_path = judged.file, judged.post, judged.post.path
    assert post.revises is not None
    pending_raw = file.read_bytes()
    if not target.is_file():
        fail(ctx.say("publish_revision_no_live", path=post_path, target=str(target)))
    live = gate.judge(target, now)
    live_raw = target.read_bytes()
    if live.post.digest == post.digest and left_by_move(pending_raw, live_raw):
        remove_file(file)  # an earlier run was stopped after the replacement: only the pending copy is left
        return
    if live.post.digest != post.revises.digest:
        fail(ctx.say("publish_revision_stale", path=post_path, digest=post.revises.digest))
    if live.decision.state not in (LIVE, SCHEDULED):
        fail(ctx.say("publish_revision_not_live", path=post_path, state=state_name(live.decision.state, ctx.lang)))
    if attachments_of(file).exists() or attachments_of(target).exists():
        fail(ctx.say("amend_attachments", path=post_path, folder=str(attachments_of(target))))
    archive = gate.revision_target(live.post.revises.number if live.post.revises else 0, post_path)
    taken = {"at": record["at"], "reason": "revised"}
    try:
        kept = add_record(live_raw.decode("utf-8"), "taken_down", taken).encode("utf-8")
        published = add_record(pending_raw.decode("utf-8"), "published", record).encode("utf-8")
    except (RecordError, UnicodeDecodeError):
        fail(ctx.say("amend_unreadable", path=post_path))
    try:
        if not (archive.is_file() and not archive.is_symlink() and left_by_move(live_raw, archive.read_bytes())):
            create_file(archive, kept)
        replace_file(target, live_raw, published)
        remove_file(file)
    except MoveError as error:
        fail(ctx.say(error.code, path=post_path, detail=str(error.path)))
    except OSError as error:  # FileChanged: the live file changed meanwhile; nothing was replaced
        fail(ctx.say("cli_post_changed", path=f"{target}: {error.strerror or error}"))
