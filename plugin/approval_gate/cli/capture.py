"""`gate capture`: a print screen of every post the last build put on the site, once per digest.

Runs after `mkdocs build` in the publish run. It serves the built `site/` on loopback,
opens each live post's page in headless Chromium at A4 width, adds a footer with the
capture's date and time (Buddhist Era) and the page's public address, and files the
full-page image with a sidecar under `evidence/` (evidence.py). A post already captured
under its current digest is skipped, so an amendment gets a new capture and the old ones
stay. A capture that fails is a warning (exit 1), never a stop: the publish run carries
on and the next run tries again.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from ..core.decision import LIVE
from ..core.messages import site_language
from ..core.thaidates import display_date
from ..services import evidence
from .common import EXIT_FAILED, EXIT_OK, Context, build_now, main, pass_context
from .helptext import option


@main.command("capture", help_code="help_capture")
@option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), help_code="help_capture_site")
@pass_context
def capture(ctx: Context, site_dir: Path | None) -> None:
    """Take a print screen of each live post not yet captured under its current digest."""
    gate, now = ctx.gate, build_now()
    config = ctx.mkdocs_config
    try:
        noted_site, pages = evidence.read_built_pages(gate.root)
    except evidence.EvidenceError as error:
        click.echo(ctx.say("cli_capture_no_note", path=str(error.path), detail=error.detail), err=True)
        raise SystemExit(EXIT_FAILED) from None
    site = (site_dir or noted_site).absolute()
    todo: list[evidence.BuiltPage] = []
    failed = kept = 0
    for page in pages:
        if evidence.has_capture(gate.root, page):
            kept += 1
            continue
        # The page was built from verified bytes; photograph it only while the post still says so.
        source = gate.docs_dir / page.post_path
        judged = gate.judge(source, now) if source.is_file() else None
        if judged is None or judged.decision.state != LIVE or judged.post.digest != page.digest:
            click.echo(ctx.say("cli_capture_changed", post=page.post_path), err=True)
            failed += 1
        elif not (site / page.dest).is_file():
            click.echo(ctx.say("cli_capture_no_page", post=page.post_path, path=str(site / page.dest)), err=True)
            failed += 1
        else:
            todo.append(page)
    captured = 0
    if todo:
        captured, errors = _take(ctx, site, todo, config)
        failed += errors
    click.echo(ctx.say("cli_capture_summary", captured=captured, kept=kept, failed=failed))
    raise SystemExit(EXIT_FAILED if failed else EXIT_OK)


def _take(ctx: Context, site: Path, todo: list[evidence.BuiltPage], config: object) -> tuple[int, int]:
    """(captured, failed): one browser for every page."""
    from ..services.chromium import Chromium, serve

    gate, now = ctx.gate, build_now()
    lang = site_language(getattr(config, "theme", {}).get("language"))
    site_url = str(getattr(config, "site_url", "") or "")
    when = display_date(now.astimezone(gate.rules.timezone), lang, long=True, with_time=True)
    captured = failed = 0
    try:
        with (
            serve(site) as base,
            tempfile.TemporaryDirectory(prefix="gate-capture-") as work,
            Chromium(Path(work), width=evidence.A4_WIDTH) as browser,
        ):
            for page in todo:
                public = (site_url.rstrip("/") + "/" if site_url else "/") + page.url
                try:
                    browser.goto(f"{base}/{page.url}")
                    footer = evidence.footer_text(lang, public=public, when=when, digest=page.digest)
                    title, heading = browser.evaluate(evidence.footer_script(footer))
                    image = Path(work) / "page.png"
                    browser.full_page_screenshot(image, width=evidence.A4_WIDTH)
                    stored = evidence.store(
                        gate.root, page, image.read_bytes(), url=public, captured_at=now, title=title, heading=heading
                    )
                except Exception as error:  # a capture never stops publishing: warn, retry next run
                    click.echo(ctx.say("cli_capture_failed", post=page.post_path, detail=str(error)), err=True)
                    failed += 1
                    continue
                captured += 1
                click.echo(ctx.say("cli_capture_done", post=page.post_path, path=str(stored.image)))
    except Exception as error:  # no browser, no websocket-client, no free port: the same rule
        click.echo(ctx.say("cli_capture_no_browser", detail=str(error) or type(error).__name__), err=True)
        return captured, len(todo) - captured
    return captured, failed
