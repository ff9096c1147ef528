"""`gate new`: start a request; a post in the pending folder with every form key to fill in."""

from __future__ import annotations

import os
import re
from pathlib import Path

import click

from ..core.fields import TEXTS, text_problem
from ..core.names import MAX_NAME, check_post_path
from ..core.plain import visible
from ..core.scaffold import period_days, post_path, render
from ..core.slug import slugify
from ..services.repository import blog_rules
from .common import Context, build_now, fail, fail_usage, main, pass_context
from .helptext import option

DEFAULT_POST_FOLDER = "news/posts"  # without a blog and without `new_post_folder`
ASCII_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@main.command(help_code="help_new")
@click.argument("title")
@option("--category", help_code="help_new_category")
@option("--slug", help_code="help_new_slug")
@option("--folder", help_code="help_new_folder")
@pass_context
def new(ctx: Context, title: str, category: str | None, slug: str | None, folder: str | None) -> None:
    """Create pending/<folder>/<slug>.md for a post called TITLE: the request form to fill in, then `gate check` it."""
    gate = ctx.gate
    options = ctx.mkdocs_config.plugins["approval-gate"].config
    title = " ".join(title.split())
    if not title:
        fail_usage(ctx.say("new_bad_title"))
    if problem := text_problem("title", title, TEXTS["title"]):
        fail_usage(problem.text(ctx.lang))
    if category is not None and gate.rules.categories and category not in gate.rules.categories:
        fail_usage(ctx.say("new_bad_category", value=category, allowed=", ".join(gate.rules.categories)))
    if slug is not None and not ASCII_SLUG_RE.match(slug):
        fail_usage(ctx.say("new_bad_slug", value=visible(slug)))
    name = slug or slugify(title)[: MAX_NAME - len(".md")].strip("-")
    if not name:
        fail_usage(ctx.say("new_empty_slug"))
    if folder is None:
        blog_posts = blog_rules(ctx.mkdocs_config.plugins, gate.docs_dir)["blog_posts"]
        folder = options["new_post_folder"] or (blog_posts[0].rstrip("/") if blog_posts else DEFAULT_POST_FOLDER)
    path = post_path(folder, name)
    if path is None:
        fail_usage(ctx.say("new_bad_folder", value=visible(folder)))
    if named := check_post_path(path):
        fail_usage(named[0].text(ctx.lang))
    days = period_days(options["periods"], category)  # validated by GateConfig: at least 1

    for place in ("pending", "content", "expired"):
        existing = gate.target(place, path)
        if existing.exists():
            fail(ctx.say("new_exists", path=str(existing)))
    today = build_now().astimezone(gate.rules.timezone).date()
    text = render(
        title, today=today, days=days, slug=name, category=category, agency=gate.rules.default_agency,
        categories=gate.rules.categories,
    )  # fmt: skip
    file = gate.target("pending", path)
    file.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)  # never overwrite a post
    except FileExistsError:
        fail(ctx.say("new_exists", path=str(file)))
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    click.echo(ctx.say("new_created", path=str(_shown(file))))


def _shown(file: Path) -> Path:
    """The path as the user can type it back: relative to the current folder when inside it."""
    try:
        return file.relative_to(Path.cwd())
    except ValueError:
        return file
