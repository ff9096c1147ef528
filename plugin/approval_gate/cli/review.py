"""`gate review --as ID`: the review desk in the browser, for approvers who avoid terminals."""

from __future__ import annotations

import contextlib
import datetime as dt
import webbrowser
from pathlib import Path
from typing import Any

import click

from ..desk import REVIEW_TARGET, Desk, DeskServer, roles_held
from .common import Context, build_now, fail, fail_usage, main, pass_context
from .helptext import option
from .keys import key_dir


def key_file(person: str) -> Path:
    """Where `gate keygen --id PERSON` wrote the key (GATE_KEY_DIR, else the user's app folder)."""
    return key_dir() / person


def review_target(config: Any) -> dt.timedelta:
    """The review step's target from the plugin's `targets` option (as `gate status` reads it)."""
    plugin = config.plugins.get("approval-gate")
    targets = plugin.config.get("targets") if plugin is not None else None
    minutes = targets.get("review") if isinstance(targets, dict) else None
    return dt.timedelta(minutes=minutes) if isinstance(minutes, int) and minutes > 0 else REVIEW_TARGET


@main.command(help_code="help_review")
@option("--as", "person", required=True, metavar="ID", help_code="help_review_as")
@option("--idle", type=click.IntRange(1, 24 * 60), default=15, show_default=True, help_code="help_review_idle")
@option("--port", type=click.IntRange(0, 65535), default=0, help_code="help_review_port")
@option("--no-browser", is_flag=True, help_code="help_review_no_browser")
@pass_context
def review(ctx: Context, person: str, idle: int, port: int, no_browser: bool) -> None:
    """Open the review desk: read, approve or refuse posts in the browser (this computer only)."""
    gate = ctx.gate
    if gate.registry is None:
        fail(gate.registry_problem.text(ctx.lang) if gate.registry_problem else ctx.say("review_no_registry"))
    registry_name = str(gate.root / "approvers.yml")
    if person not in gate.registry.people:
        fail_usage(ctx.say("review_cli_unknown_person", person=person, path=registry_name))
    if not roles_held(gate.registry, person, build_now()):
        fail_usage(ctx.say("review_cli_no_role", person=person, roles=", ".join(gate.settings.roles)))
    key = key_file(person)
    if gate.settings.signatures and not key.is_file():
        fail_usage(ctx.say("review_cli_no_key", person=person, path=str(key)))
    config = ctx.mkdocs_config
    desk = Desk(
        gate=gate,
        person=person,
        lang=ctx.lang,
        key_file=key,
        clock=build_now,
        target=review_target(config),
    )
    server = DeskServer(desk, port=port, idle=dt.timedelta(minutes=idle))
    click.echo(ctx.say("review_cli_url", person=person, url=server.url, idle=idle))
    if not no_browser:
        webbrowser.open(server.url)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_until_done()
    click.echo(ctx.say("review_cli_stopped"))
