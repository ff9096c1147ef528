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

from ..decision import LIVE, SCHEDULED
from ..fields import TEXTS, text_problem
from ..messages import Reason, state_name
from ..moves import MoveError, attachments_of, clean_temporaries, move_attachments, move_post, repository_lock
from ..readiness import completeness, currency
from ..records import RecordError, add_record
from ..repository import CONTENT, PENDING, Gate, Judged
from ..signoff import utc_stamp
from .common import EXIT_FAILED, Context, build_now, fail, fail_usage, main, pass_context, shown
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


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--as", "name", required=True, help="Your name as web master (ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่).")
@click.option("--yes", is_flag=True, help="Put it up even though its period ends within publish_warning_days.")
@pass_context
def publish(ctx: Context, path: Path, name: str, yes: bool) -> None:
    """Check the approved post PATH and move it from the pending folder into the site."""
    gate, now = ctx.gate, build_now()
    file = path.absolute()
    name = " ".join(name.split())
    if not name or text_problem("published.name", name, TEXTS["requester.name"]):
        fail_usage(ctx.say("publish_bad_name"))
    if not file.is_file():
        fail_usage(ctx.say("cli_no_such_post", path=str(file)))
    try:
        place, post_path = gate.place_of(file)
    except ValueError:
        fail_usage(ctx.say("cli_not_a_post", path=str(file)))
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

    after = gate.judge(target, now)
    window = after.post.window
    if after.decision.state == LIVE:
        click.echo(ctx.say("publish_done_live", path=post_path, target=str(target)))
    elif after.decision.state == SCHEDULED and window is not None:
        start = format_moment(window.start, gate.rules.timezone, ctx.lang)
        click.echo(ctx.say("publish_done_scheduled", path=post_path, target=str(target), start=start))
    else:  # cannot happen: the same bytes, the same path, the same clock
        fail(ctx.say("publish_changed", path=post_path, state=after.decision.state))
