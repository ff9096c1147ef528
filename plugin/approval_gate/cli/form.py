"""`gate form`: the Ministry's request form for a post (or blank), as HTML and/or PDF."""

from __future__ import annotations

from pathlib import Path

import click

from ..forms import form as request_form
from .common import EXIT_OK, Context, build_now, fail, fail_usage, main, pass_context, post_file
from .helptext import option


@main.command("form", help_code="help_form")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@option("--blank", is_flag=True, help_code="help_form_blank")
@option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), help_code="help_form_html")
@option("--pdf", "pdf_file", type=click.Path(dir_okay=False, path_type=Path), help_code="help_form_pdf")
@option("--thai-digits/--arabic-digits", default=None, help_code="help_form_thai_digits")
@pass_context
def form_command(
    ctx: Context,
    path: Path | None,
    blank: bool,
    html_file: Path | None,
    pdf_file: Path | None,
    thai_digits: bool | None,
) -> None:
    """The official request form of PATH, filled from its front matter and sign-offs.

    The form is Thai, as the Ministry's is, unless --lang en is given (labels in English,
    Common-Era dates); the locale alone does not change it."""
    form_lang = ctx.lang if ctx.lang_chosen else "th"
    if html_file is None and pdf_file is None:
        fail_usage(ctx.say("cli_form_needs_output"))
    if (path is None) == (not blank):
        fail_usage(ctx.say("cli_form_path_or_blank"))
    if blank or path is None:
        data = request_form.blank_form(form_lang, thai_digits=bool(thai_digits))
    else:
        gate, now = ctx.gate, build_now()
        file, _, _ = post_file(ctx, path)
        judged = gate.judge(file, now)
        if judged.post.digest is None:  # the front matter cannot be read: there is nothing to fill in
            fail(ctx.say("cli_form_unreadable", path=str(path)))
        data = request_form.form_data(
            judged.post,
            judged.decision,
            gate.registry,
            tz=gate.rules.timezone,
            now=now,
            lang=form_lang,
            thai_digits=gate.thai_digits if thai_digits is None else thai_digits,
            roles=gate.settings.roles,
        )
    if pdf_file is not None:
        try:
            pdf = request_form.render_pdf(request_form.render_html(data, request_form.font_urls("file")))
        except request_form.PdfUnavailable as error:
            fail(ctx.say("cli_form_no_pdf", detail=str(error)))
        pdf_file.write_bytes(pdf)
        click.echo(ctx.say("cli_form_written", path=str(pdf_file)))
    if html_file is not None:
        # Fonts embedded: the file prints the same on any machine, with nothing beside it.
        html_file.write_text(request_form.render_html(data, request_form.font_urls("embed")), encoding="utf-8")
        click.echo(ctx.say("cli_form_written", path=str(html_file)))
    raise SystemExit(EXIT_OK)
