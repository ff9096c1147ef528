"""`gate evidence`: the ITA evidence pack of one fiscal year, a PDF and a ZIP (pack.py)."""

from __future__ import annotations

from pathlib import Path

import click

from ..forms import form as request_form
from ..forms import pack
from ..services import evidence
from ..services.moves import MoveError, write_atomically
from .common import EXIT_FAILED, EXIT_OK, Context, build_now, fail, main, pass_context
from .helptext import option


@main.command("evidence", help_code="help_evidence")
@option("--fiscal-year", "year", required=True, type=click.IntRange(2500, 2700), help_code="help_evidence_fiscal_year")
@option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
        help_code="help_evidence_out")  # fmt: skip
@option(
    "--lang", "pack_lang", type=click.Choice(["th", "en"]), default="th", show_default=True,
    help_code="help_evidence_lang",
)  # fmt: skip
@pass_context
def evidence_command(ctx: Context, year: int, out_dir: Path, pack_lang: str) -> None:
    """One PDF (forms, print screens, signature checks) and one ZIP (for ssh-keygen) per fiscal year."""
    gate, now = ctx.gate, build_now()
    captured, problems = evidence.captures(gate.root, year)
    for problem in problems:
        click.echo(ctx.say("cli_evidence_bad_capture", path=str(problem.path), detail=problem.detail), err=True)
    items = pack.collect(
        gate.judge_all(now),
        captured,
        year=year,
        settings=gate.settings,
        registry=gate.registry,
        now=now,
        tz=gate.rules.timezone,
        lang=pack_lang,
    )
    out_dir = out_dir.absolute()
    pdf_file, zip_file = out_dir / f"evidence-{year}.pdf", out_dir / f"evidence-{year}.zip"
    office = gate.rules.default_agency or str(ctx.mkdocs_config.site_name or "")
    html = pack.render_html(
        items, year=year, lang=pack_lang, office=office, now=now, tz=gate.rules.timezone, zip_name=zip_file.name
    )
    try:
        pdf = pack.write_pdf(html)
    except request_form.PdfUnavailable as error:
        fail(ctx.say("cli_form_no_pdf", detail=str(error)))
    try:
        write_atomically(pdf_file, pdf)
        write_atomically(zip_file, pack.write_zip(items, year=year, lang=pack_lang))
    except MoveError as error:
        fail(ctx.say("cli_evidence_unwritable", path=str(error.path), detail=error.detail or error.code))
    unverified = sum(1 for item in items for check in item.checks if not check.verified and not check.superseded)
    click.echo(ctx.say("cli_evidence_written", pdf=str(pdf_file), zip=str(zip_file), count=len(items)))
    if unverified:
        click.echo(ctx.say("cli_evidence_unverified", count=unverified), err=True)
    raise SystemExit(EXIT_FAILED if problems or unverified else EXIT_OK)
