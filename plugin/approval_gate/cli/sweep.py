"""`gate sweep` takes down expired posts now, exactly as a successful build does;
`gate next` says when the built site next changes, so CI can schedule the build."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import click

from ..services import witness
from ..services.moves import MoveError, attachments_of
from ..services.queue import next_changes
from ..services.repository import CONTENT, Gate
from ..services.takedown import (
    PlannedMove,
    TakeDown,
    ended_unapproved,
    expired_in_content,
    return_to_pending,
    take_down,
)
from ..site import tombstones
from .common import EXIT_FAILED, EXIT_OK, Context, build_now, main, pass_context, shown_json
from .helptext import option
from .status import iso


def urls_of(gate: Gate, post_paths: list[str], config: Any) -> dict[str, str]:
    """The URL each post has now (as the build records it in `taken_down`)."""
    return {path: tombstones.tombstone_for(path, gate.docs_dir, config).url for path in post_paths}


def plan_as_json(
    gate: Gate, result: TakeDown, urls: dict[str, str], config: Any, ctx: Context, *, dry_run: bool
) -> dict[str, object]:
    """What was (or would be) moved, where, and why: one entry per expired post."""

    def shown(path: Path) -> str:
        return os.path.relpath(path, gate.root).replace(os.sep, "/")

    problems = {post_path: (code, detail) for post_path, code, detail in result.problems}

    def entry(step: PlannedMove) -> dict[str, object]:
        problem = problems.get(step.post_path)
        folder = step.attachments
        return {
            "post": step.post_path,
            "action": step.action,
            "from": shown(step.source),
            "to": shown(step.target),
            "attachments": None
            if folder is None
            else {"from": shown(folder), "to": shown(attachments_of(step.target))},
            "why": step.why,
            "until": iso(step.until) if step.until else None,
            "url": tombstones.url_path(urls[step.post_path], config.site_url) if step.post_path in urls else None,
            "done": not dry_run and step.post_path in result.moved,
            "problem": None
            if problem is None
            else {"code": problem[0], "text": ctx.say(problem[0], path=step.post_path, detail=problem[1])},
        }

    return {"dry_run": dry_run, "now": iso(build_now()), "posts": [entry(step) for step in result.plan]}


@main.command(help_code="help_sweep")
@option("--dry-run", is_flag=True, help_code="help_sweep_dry_run")
@option("--json", "as_json", is_flag=True, help_code="help_sweep_json")
@pass_context
def sweep(ctx: Context, dry_run: bool, as_json: bool) -> None:
    """Move expired posts out of the site into the expired folder, recording `taken_down`."""
    gate, now = ctx.gate, build_now()
    if not dry_run:
        record_witness(ctx, gate, now)
    expired = expired_in_content(gate, now)
    # Never approved and past their period: back to pending, never taken down (as the build does).
    ended = [j.post.path for j in gate.judge_all(now) if j.place == CONTENT and ended_unapproved(j.decision)]
    returned = return_to_pending(gate, ended, now) if ended and not dry_run else TakeDown(moved=list(ended))
    for post_path in returned.moved:
        click.echo(ctx.say("returned_to_pending", path=post_path), err=True)
    for post_path, code, detail in returned.problems:
        click.echo(ctx.say(code, path=post_path, detail=detail), err=True)
    if not expired and not as_json:
        if not ended:
            click.echo(ctx.say("sweep_nothing"))
        raise SystemExit(EXIT_FAILED if returned.problems else EXIT_OK)
    config = ctx.mkdocs_config
    urls = urls_of(gate, expired, config)
    try:
        result = take_down(gate, expired, now, dry_run=dry_run, urls=urls)
    except MoveError as error:  # the lock: another build or command is moving posts
        click.echo(ctx.say(error.code, path=str(error.path), detail=error.detail), err=True)
        raise SystemExit(EXIT_FAILED) from None
    if as_json:
        document = plan_as_json(gate, result, urls, config, ctx, dry_run=dry_run)
        document["returned_to_pending"] = returned.moved
        click.echo(shown_json(json.dumps(document, ensure_ascii=False, indent=2)))
        raise SystemExit(EXIT_FAILED if result.problems else EXIT_OK)
    target = os.path.relpath(gate.expired_dir, gate.root)
    for post_path in result.moved:
        click.echo(ctx.say("sweep_would" if dry_run else "moved_post", path=post_path, target=target))
    for post_path, code, detail in result.problems:
        click.echo(ctx.say(code, path=post_path, detail=detail), err=True)
    raise SystemExit(EXIT_FAILED if result.problems else EXIT_OK)


def record_witness(ctx: Context, gate: Gate, now: dt.datetime) -> None:
    """As a successful build does: note in signoffs-seen.json the sign-offs seen for the first time."""
    if gate.witness_problem is not None:
        click.echo(ctx.say("witness_unreadable", path=witness.WITNESS_FILE, detail=gate.witness_problem), err=True)
        return
    judged = [(item.post, item.decision) for item in gate.judge_all(now)]
    try:
        added = witness.record(gate.root, witness.observed(judged, gate.settings), now)
    except witness.WitnessError as error:
        click.echo(ctx.say("witness_unreadable", path=witness.WITNESS_FILE, detail=error.detail), err=True)
        return
    except MoveError as error:
        click.echo(ctx.say(error.code, path=str(error.path), detail=error.detail), err=True)
        return
    if added:
        click.echo(ctx.say("witness_recorded", count=len(added), path=witness.WITNESS_FILE), err=True)


@main.command(name="next", help_code="help_next")
@option("--json", "as_json", is_flag=True, help_code="help_next_json")
@pass_context
def next_change(ctx: Context, as_json: bool) -> None:
    """The next instant (ISO 8601, UTC) a window opens or closes; nothing when none will."""
    gate, now = ctx.gate, build_now()
    changes = next_changes(gate.judge_all(now), now)
    if as_json:
        document = {
            "next": iso(changes[0].at) if changes else None,
            "changes": [{"at": iso(c.at), "change": c.kind, "path": c.path, "title": c.title} for c in changes],
        }
        click.echo(shown_json(json.dumps(document, ensure_ascii=False, indent=2)))
        return
    if changes:
        click.echo(iso(changes[0].at))
