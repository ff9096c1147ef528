"""`gate check`: the plugin's exact decision for each post."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..core.decision import INVALID
from ..core.messages import state_name
from ..services.repository import CONTENT, Gate, Judged
from .common import EXIT_FAILED, EXIT_OK, Context, build_now, fail_usage, main, pass_context, shown, shown_json
from .helptext import option


def judged_as_json(judged: Judged, lang: str) -> dict[str, object]:
    decision = judged.decision
    return {
        "path": judged.post.path,
        "file": str(judged.file),
        "place": judged.place,
        "state": decision.state,
        "waiting_for": decision.waiting_for,
        "digest": judged.post.digest,
        "attachments": [{"path": item.name, "sha256": item.sha256} for item in judged.post.attachments],
        "title": judged.post.title,
        "window": [judged.post.window.start.isoformat(), judged.post.window.end.isoformat()]
        if judged.post.window
        else None,
        "reasons": [{"code": reason.code, "key": reason.key, "text": reason.text(lang)} for reason in decision.reasons],
    }


def expand(ctx: Context, gate: Gate, paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; folders as every post below them (hidden folders and exempt pages skipped)."""
    files: list[Path] = []
    for path in (path.absolute() for path in paths):
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            for file in sorted(path.rglob("*.md")):
                if any(part.startswith(".") for part in file.relative_to(path).parts):
                    continue
                try:
                    place, post_path = gate.place_of(file)
                except ValueError:
                    fail_usage(ctx.say("cli_not_a_post", path=str(file)))
                if place == CONTENT and gate.is_exempt(post_path):
                    continue
                files.append(file)
        else:
            fail_usage(ctx.say("cli_no_such_post", path=str(path)))
    return list(dict.fromkeys(files))  # a file named twice (or inside a named folder) is checked once


@main.command(help_code="help_check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@option("--json", "as_json", is_flag=True, help_code="help_check_json")
@pass_context
def check(ctx: Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Decide every post (or the posts in PATHS, files or folders) as the build would; exit 1 if any is invalid."""
    gate, now = ctx.gate, build_now()
    files = expand(ctx, gate, paths) if paths else list(gate.post_files())
    for file in files:
        try:
            gate.place_of(file)
        except ValueError:
            fail_usage(ctx.say("cli_not_a_post", path=str(file)))
    results = [gate.judge(file, now) for file in files]
    if as_json:
        click.echo(shown_json(json.dumps([judged_as_json(j, ctx.lang) for j in results], ensure_ascii=False, indent=2)))
    else:
        for judged in results:
            state, label = judged.decision.state, state_name(judged.decision.state, ctx.lang)
            shown_state = state if label == state else f"{state} ({label})"
            click.echo(f"{gate.folder(judged.place)}/{shown(judged.post.path)}: {shown_state}")
            for reason in judged.decision.reasons:
                click.echo(f"    - {shown(reason.text(ctx.lang))}")
    invalid = any(judged.decision.state == INVALID for judged in results)
    raise SystemExit(EXIT_FAILED if invalid else EXIT_OK)
