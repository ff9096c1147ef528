"""`gate sweep` takes down expired posts now, exactly as a successful build does;
`gate next` says when the built site next changes, so CI can schedule the build."""

from __future__ import annotations

import os

import click

from ..moves import MoveError
from ..queue import next_changes
from .common import EXIT_FAILED, EXIT_OK, Context, build_now, main, pass_context
from .status import iso


@main.command()
@click.option("--dry-run", is_flag=True, help="List what would be taken down; move nothing.")
@pass_context
def sweep(ctx: Context, dry_run: bool) -> None:
    """Move expired posts out of the site into the expired folder, recording `taken_down`."""
    gate, now = ctx.gate, build_now()
    expired = gate.expired_in_content(now)
    if not expired:
        click.echo(ctx.say("sweep_nothing"))
        raise SystemExit(EXIT_OK)
    try:
        result = gate.take_down(expired, now, dry_run=dry_run)
    except MoveError as error:  # the lock: another build or command is moving posts
        click.echo(ctx.say(error.code, path=str(error.path), detail=error.detail), err=True)
        raise SystemExit(EXIT_FAILED) from None
    target = os.path.relpath(gate.expired_dir, gate.root)
    for post_path in result.moved:
        click.echo(ctx.say("sweep_would" if dry_run else "moved_post", path=post_path, target=target))
    for post_path, code, detail in result.problems:
        click.echo(ctx.say(code, path=post_path, detail=detail), err=True)
    raise SystemExit(EXIT_FAILED if result.problems else EXIT_OK)


@main.command(name="next")
@pass_context
def next_change(ctx: Context) -> None:
    """The next instant (ISO 8601, UTC) a window opens or closes; nothing when none will."""
    gate, now = ctx.gate, build_now()
    changes = next_changes(gate.judge_all(now), now)
    if changes:
        click.echo(iso(changes[0].at))
