"""`gate watch` publishes on the office's own server, on time to the minute; `gate rollback`
serves the previous release again. The loop itself is in `approval_gate.server.watch`."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from ..core.decision import LIVE
from ..server import releases
from ..server.watch import Judgement, Options, Outcome, Watcher, WatchError
from ..services.queue import next_changes
from ..services.repository import CONTENT
from .common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Context, fail, load_gate, main, pass_context
from .helptext import option
from .status import format_moment


class Reporter:
    """One line per event, in the CLI's language, flushed at once (a journal reads it live)."""

    def __init__(self, ctx: Context, tz: ZoneInfo) -> None:
        self.ctx = ctx
        self.tz = tz

    def moment(self, at: object) -> str:
        if isinstance(at, dt.datetime):
            return format_moment(at, self.tz, self.ctx.lang)
        return self.ctx.say("watch_none") if at is None else str(at)

    def titles(self, posts: dict[str, str]) -> str:
        if not posts:
            return self.ctx.say("watch_none")
        return ", ".join(f"{title} ({path})" for path, title in sorted(posts.items()))

    def __call__(self, code: str, **params: object) -> None:
        outcome = params.get("outcome")
        if code == "watch_built" and isinstance(outcome, Outcome):
            text = self.ctx.say(
                "watch_built",
                at=self.moment(outcome.at),
                release=outcome.release,
                up=self.titles(outcome.up),
                down=self.titles(outcome.down),
                next=self.moment(outcome.next_change),
            )
            if outcome.lenient:
                text += " " + self.ctx.say("watch_lenient", count=len(outcome.warnings))
            click.echo(text)
            for line in outcome.warnings:
                click.echo("  " + self.ctx.say("watch_warning", detail=line), err=True)
        else:
            shown = {name: self.moment(value) if name == "at" else value for name, value in params.items()}
            if "release" in shown and shown["release"] is None:
                shown["release"] = self.ctx.say("watch_none")
            stream_err = code not in ("watch_nginx_reloaded", "watch_nginx_written", "watch_started")
            click.echo(self.ctx.say(code, **shown), err=stream_err)
        sys.stdout.flush()


def command_words(text: str | None) -> list[str]:
    return shlex.split(text) if text else []


@main.command(help_code="help_watch")
@option(
    "--web-root",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help_code="help_watch_web_root",
)
@option("--keep", default=5, show_default=True, type=click.IntRange(1), help_code="help_watch_keep")
@option(
    "--poll",
    default=2.0,
    show_default=True,
    type=click.FloatRange(0.05),
    help_code="help_watch_poll",
)
@option(
    "--git-pull",
    type=click.FloatRange(1),
    help_code="help_watch_git_pull",
)
@option(
    "--strict/--no-strict",
    default=True,
    show_default=True,
    help_code="help_watch_strict",
)
@option(
    "--retry",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.01),
    help_code="help_watch_retry",
)
@option("--max-retry", default=300.0, show_default=True, type=click.FloatRange(0.01), help_code="help_watch_max_retry")
@option(
    "--nginx-snippet",
    type=click.Path(dir_okay=False, path_type=Path),
    help_code="help_watch_nginx_snippet",
)
@option(
    "--nginx-test",
    default="nginx -t",
    show_default=True,
    help_code="help_watch_nginx_test",
)
@option("--nginx-reload", default="nginx -s reload", show_default=True, help_code="help_watch_nginx_reload")
@option(
    "--after-build",
    help_code="help_watch_after_build",
)
@option(
    "--capture/--no-capture",
    default=True,
    show_default=True,
    help_code="help_watch_capture",
)
@option("--once", is_flag=True, help_code="help_watch_once")
@pass_context
def watch(
    ctx: Context,
    web_root: Path,
    keep: int,
    poll: float,
    git_pull: float | None,
    strict: bool,
    retry: float,
    max_retry: float,
    nginx_snippet: Path | None,
    nginx_test: str,
    nginx_reload: str,
    after_build: str | None,
    capture: bool,
    once: bool,
) -> None:
    """Publish on this server: build, deploy atomically, sleep until the next change, again."""
    gate = ctx.gate
    tz = gate.rules.timezone
    config_file = ctx.config_file

    def judge(now: dt.datetime) -> Judgement:
        try:
            fresh, _ = load_gate(config_file)
        except SystemExit:  # load_gate has said what is wrong with mkdocs.yml
            raise WatchError("watch_config_failed", path=str(config_file)) from None
        judged = fresh.judge_all(now)
        live = {
            item.post.path: item.post.title or item.post.path
            for item in judged
            if item.place == CONTENT and item.decision.state == LIVE
        }
        return Judgement(live, next_changes(judged, now))

    root = config_file.parent
    plugin = ctx.mkdocs_config.plugins.get("approval-gate")
    registry = root / str(plugin.config.get("registry") or "approvers.yml")
    sources = [config_file, gate.docs_dir, gate.pending_dir, registry]
    custom_dir = ctx.mkdocs_config.theme.custom_dir  # the theme's overrides, if any
    if custom_dir:
        sources.append(Path(custom_dir))
    options = Options(
        root=root,
        config_file=config_file,
        web_root=web_root.absolute(),
        sources=sorted(set(sources)),
        keep=keep,
        poll=poll,
        git_pull=git_pull,
        strict=strict,
        retry=retry,
        max_retry=max_retry,
        nginx_snippet=nginx_snippet.absolute() if nginx_snippet else None,
        nginx_test=command_words(nginx_test),
        nginx_reload=command_words(nginx_reload),
        after_build=command_words(after_build),
        capture=capture,
    )
    report = Reporter(ctx, tz)
    try:
        releases.require_posix(options.web_root)
    except releases.ReleaseError as error:
        fail(ctx.say(error.code, path=str(error.path)))
    served = releases.current_release(options.web_root)
    if not once:
        report("watch_started", root=str(root), web_root=str(options.web_root), release=served.name if served else None)
    status = Watcher(options, judge, report).run(once=once)
    raise SystemExit(EXIT_FAILED if status else EXIT_OK)


@main.command(help_code="help_rollback")
@option(
    "--web-root",
    required=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help_code="help_rollback_web_root",
)
@pass_context
def rollback(ctx: Context, web_root: Path) -> None:
    """Serve the previous release again (switch `current` back by one)."""
    try:
        before, after = releases.rollback(web_root.absolute())
    except releases.ReleaseError as error:
        click.echo(ctx.say(error.code, path=str(error.path), detail=error.detail), err=True)
        raise SystemExit(EXIT_USAGE if error.code == "releases_posix_only" else EXIT_FAILED) from None
    click.echo(ctx.say("rollback_done", before=before.name, after=after.name))
