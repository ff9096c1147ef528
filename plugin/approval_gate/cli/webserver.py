"""`gate nginx`: the nginx `location` blocks that answer every taken-down URL with `410 Gone`."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..server import webserver
from ..site.tombstones import LIST_NAME
from .common import EXIT_FAILED, EXIT_OK, Context, fail, main, pass_context
from .helptext import option


@main.command(help_code="help_nginx")
@option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help_code="help_nginx_site_dir",
)
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help_code="help_nginx_output")
@pass_context
def nginx(ctx: Context, site_dir: Path | None, output: Path | None) -> None:
    """Print nginx `location` blocks (for the site's `server {}`) answering taken-down URLs with 410 Gone."""
    folder = site_dir if site_dir is not None else Path(ctx.mkdocs_config.site_dir)
    try:
        urls = webserver.read_list(folder)
    except FileNotFoundError:
        fail(ctx.say("nginx_no_list", path=str(folder / LIST_NAME)))
    except (OSError, UnicodeDecodeError) as error:
        fail(ctx.say("nginx_no_list", path=f"{folder / LIST_NAME} ({error})"))
    config = webserver.nginx_config(urls)
    for url in config.skipped:
        click.echo(ctx.say("nginx_skipped_url", url=url), err=True)
    if output is None:
        click.echo(config.text, nl=False)
    else:
        temporary = output.with_name(f".{output.name}.tmp")
        temporary.write_text(config.text, encoding="utf-8")
        os.replace(temporary, output)  # nginx never reads a half-written file
        click.echo(ctx.say("nginx_written", count=len(config.urls), path=str(output)))
    raise SystemExit(EXIT_FAILED if config.skipped else EXIT_OK)
