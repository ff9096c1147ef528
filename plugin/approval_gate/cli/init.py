"""`gate init`: start a new site with the gate, or add the gate to an existing one.

Shows what it would change (a unified diff of mkdocs.yml and the files it would create) and
writes only with `--write`. It never overwrites a file and never touches a page.
"""

from __future__ import annotations

import difflib
import os
import shutil
import stat
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from ..core.registry import ID_RE, RegistryError, parse_registry
from ..core.registry_edits import add_person
from ..core.thaidates import BE_OFFSET
from ..services import adopt
from .common import Context, build_now, fail_usage, main, pass_context, shown
from .helptext import option


@main.command(help_code="help_init")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@option("--site-id", help_code="help_init_site_id")
@option("--site-name", help_code="help_init_site_name")
@option("--agency", help_code="help_init_agency")
@option("--id", "person_id", help_code="help_init_id")
@option("--name", help_code="help_init_name")
@option("--position", help_code="help_init_position")
@option("--role", "roles", multiple=True, help_code="help_init_role")
@option("--thai-theme", is_flag=True, help_code="help_init_thai_theme")
@option("--write", is_flag=True, help_code="help_init_write")
@pass_context
def init(ctx: Context, directory: Path | None, site_id: str | None, site_name: str | None, agency: str | None,
         person_id: str | None, name: str | None, position: str | None, roles: tuple[str, ...], thai_theme: bool,
         write: bool) -> None:  # fmt: skip
    """Add the gate to the site in DIRECTORY (default: here), or start a new site there."""
    root = (directory or Path.cwd()).absolute()
    config_file = root / "mkdocs.yml"
    site_id = site_id or adopt.site_id_from(root.name)
    if not ID_RE.match(site_id):
        fail_usage(ctx.say("cli_bad_id", id=site_id))
    registry_file = root / "approvers.yml"
    first: tuple[str, str] | None = None
    if not registry_file.exists():
        if not (person_id and name and roles):
            fail_usage(ctx.say("init_first_person"))
        first = (person_id, name)
        if not ID_RE.match(person_id):
            fail_usage(ctx.say("cli_bad_id", id=person_id))
        for role in roles:
            if role not in ("chair", "director"):
                fail_usage(ctx.say("init_bad_role", role=role))

    files: dict[Path, str] = {}  # new files and their text
    before = after = ""
    if config_file.is_file():
        before = config_file.read_text(encoding="utf-8")
        try:
            config = adopt.read_config(before)
            entries = [entry for entry, _ in adopt.plugin_entries(config)]
            if adopt.PLUGIN_NAME in entries:
                after = before
                click.echo(ctx.say("init_already", path=str(config_file)))
            else:
                docs_dir = root / str(config.get("docs_dir") or adopt.DEFAULT_DOCS_DIR)
                posts_folder = adopt.blog_posts_folder(config) or "news/posts"
                site_exclude = config.get("exclude_docs")
                found = adopt.scan(docs_dir, site_exclude if isinstance(site_exclude, str) else "", posts_folder)
                after = adopt.adopt_config(
                    before,
                    site_id=site_id,
                    exempt=found.ordinary,
                    assets=found.assets,
                    agency=agency,
                    kept_out=found.kept_out,
                )
                click.echo(ctx.say("init_scope", count=len(found.ordinary), posts=len(found.posts)))
                for page in found.ordinary:
                    click.echo(f"    - {shown(page)}")
                if found.assets:
                    click.echo(ctx.say("init_assets", count=len(found.assets)))
                if found.kept_out:
                    click.echo(ctx.say("init_kept_out", count=len(found.kept_out)))
        except adopt.AdoptError as error:
            fail_usage(ctx.say(error.code, path=str(config_file), **error.params))
    else:
        after = adopt.new_config(
            site_name=site_name or root.name, site_id=site_id, agency=agency, thai_theme=thai_theme
        )
        files[root / adopt.DEFAULT_DOCS_DIR / "index.md"] = adopt.HOME_PAGE.format(title=site_name or root.name)

    if first is not None:
        today = build_now().astimezone(ZoneInfo("Asia/Bangkok")).date()
        start = f"{today.year + BE_OFFSET:04d}-{today.month:02d}-{today.day:02d}"
        text = add_person(adopt.registry_text(site_id), *first, position, [(r, start) for r in roles], [])
        try:
            parse_registry(text, ("chair", "director"))
        except RegistryError as error:
            fail_usage(ctx.say("cli_registry_refused", detail=str(error)))
        files[registry_file] = text
    for folder in ("pending", "pending/expired"):
        files[root / folder / ".gitkeep"] = ""
    files[root / ".github" / "workflows" / "publish.yml"] = adopt.shipped("publish.yml").read_text(encoding="utf-8")
    files[root / "scripts" / "publish-local"] = adopt.shipped("publish-local").read_text(encoding="utf-8")
    theme: dict[Path, Path] = {}
    if thai_theme:
        source = adopt.shipped("theme_overrides")
        for file in sorted(source.rglob("*")):
            if file.is_file():
                theme[root / "overrides" / file.relative_to(source)] = file
    new_files = {path: text for path, text in files.items() if not path.exists()}
    new_theme = {path: file for path, file in theme.items() if not path.exists()}

    if after != before:
        diff = difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), "a/mkdocs.yml", "b/mkdocs.yml"
        )
        click.echo("".join(diff), nl=False)
    for path in [*new_files, *new_theme]:
        click.echo(ctx.say("init_new_file", path=shown(path.relative_to(root).as_posix())))
    for path in [p for p in [*files, *theme] if p.exists() and p.name != ".gitkeep"]:
        click.echo(ctx.say("init_kept_file", path=shown(path.relative_to(root).as_posix())))
    if thai_theme and before:
        click.echo(ctx.say("init_theme_lines"))
    if not write:
        click.echo(ctx.say("init_dry_run"))
        return
    if after != before or not config_file.exists():
        _write(config_file, after)
    for path, text in new_files.items():
        _write(path, text)
    for path, file in new_theme.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, path)
    script = root / "scripts" / "publish-local"
    if script in new_files and os.name != "nt":
        script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    click.echo(ctx.say("init_written", path=str(root)))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
