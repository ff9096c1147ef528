"""`gate fix PATH…` rewrites posts in their canonical form: UTF-8 without a BOM, LF line ends,
Unicode NFC. That is the form the digest is taken over and the build publishes, so the digest
(and every sign-off) stays valid, and the file then holds exactly what was signed."""

from __future__ import annotations

from pathlib import Path

import click

from ..core.canonical import PostFormatError, normalise, read_post_text
from ..services.moves import replace_file
from .common import EXIT_FAILED, EXIT_OK, Context, main, pass_context


def _rewrite(path: Path) -> bool:
    """Rewrite `path` in canonical form; False if it already was. Raises PostFormatError, OSError."""
    raw = path.read_bytes()
    canonical = normalise(raw).encode("utf-8")
    if canonical == raw:
        return False
    if read_post_text(raw).digest != read_post_text(canonical).digest:  # equal by construction; fail closed
        raise PostFormatError("fix_digest_changed")
    replace_file(path, raw, canonical)
    return True


@main.command(help_code="help_fix")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@pass_context
def fix(ctx: Context, paths: tuple[Path, ...]) -> None:
    """Rewrite each post in PATHS in canonical form (NFC, LF, no BOM); its digest and sign-offs stay valid."""
    failed = False
    for path in paths:
        try:
            rewritten = _rewrite(path)
        except PostFormatError as error:
            reason = ctx.say(error.code, key=error.key, line=error.line or "?", detail=error.detail)
            click.echo(ctx.say("fix_refused", path=path, reason=reason), err=True)
            failed = True
            continue
        except OSError as error:
            click.echo(ctx.say("fix_refused", path=path, reason=error.strerror or str(error)), err=True)
            failed = True
            continue
        click.echo(ctx.say("fix_done" if rewritten else "fix_already", path=path))
    raise SystemExit(EXIT_FAILED if failed else EXIT_OK)
