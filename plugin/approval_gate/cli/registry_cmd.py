"""`gate registry …`: edit approvers.yml as text (comments, quoting and line endings survive:
core/registry_edits.py), check the result with the same parser the build uses, and write it
atomically.

`gate registry sign` adds a root signature for hardened mode (see hardened.py).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import click

from ..core import signing
from ..core.messages import role_name
from ..core.registry import ID_RE, Registry, RegistryError, parse_registry
from ..core.registry_edits import EditError, add_key, add_person, bump_version, set_email, set_key_field
from ..core.thaidates import DateError, display_date, parse_when
from ..services import hardened
from .common import Context, build_now, fail, fail_usage, main, pass_context, shown_json
from .helptext import option
from .keys import be_date, load_signing_key


def registry_file(ctx: Context) -> Path:
    options = dict(ctx.mkdocs_config.plugins["approval-gate"].config)
    return ctx.gate.root / str(options.get("registry") or "approvers.yml")


def _date(ctx: Context, value: str | None) -> str:
    """A date as typed (any accepted form), written back in the registry's BE ISO form."""
    tz = ctx.gate.rules.timezone
    if value is None:
        return be_date(build_now(), tz)
    try:
        return be_date(parse_when(value, tz).at, tz)
    except DateError:
        fail_usage(ctx.say("date_unreadable", key="--from/--until", value=value))


def _public_line(ctx: Context, key: str | None, key_file: Path | None) -> str:
    if key_file is not None:
        try:
            key = key_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            fail_usage(ctx.say("cli_key_unreadable", path=str(key_file), detail=str(error)))
    if not key:
        fail_usage(ctx.say("cli_registry_key_needed"))
    try:
        signing.fingerprint(key)
    except signing.SignatureFormatError as error:
        fail_usage(ctx.say("registry_key", key="--key", detail=str(error)))
    return " ".join(key.split())


def _read(ctx: Context, file: Path) -> str:
    try:
        return file.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(ctx.say("registry_unreadable", path=file.name, detail=str(error)))


def _save(ctx: Context, file: Path, new: str) -> Registry:
    """Validate the edited text with the build's own parser, then replace the file atomically."""
    new = bump_version(new)
    try:
        registry = parse_registry(new, ctx.gate.settings.roles)
    except RegistryError as error:
        fail(ctx.say("cli_registry_refused", detail=ctx.say(error.code, key=error.key, detail=error.detail)))
    temporary = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(new.encode("utf-8"))
        os.chmod(temporary, file.stat().st_mode & 0o7777)
        os.replace(temporary, file)
    finally:
        temporary.unlink(missing_ok=True)
    click.echo(ctx.say("cli_registry_saved", path=file.name))
    if registry.version is not None:
        click.echo(ctx.say("cli_registry_resign", version=registry.version))
    return registry


def _edit(ctx: Context, change: Any) -> Registry:
    file = registry_file(ctx)
    text = _read(ctx, file)
    try:
        new = change(text)
    except EditError as error:
        fail(ctx.say(error.code, **error.params))
    return _save(ctx, file, new)


@main.group("registry", help_code="help_registry")
def registry_group() -> None:
    """Show or edit the approvers registry (approvers.yml): people, roles and keys."""


@registry_group.command("add-person", help_code="help_registry_add_person")
@option("--id", "person_id", required=True, help_code="help_registry_new_id")
@option("--name", required=True, help_code="help_registry_name")
@option("--position", help_code="help_registry_position")
@option("--role", "roles", multiple=True, required=True, help_code="help_registry_role")
@option("--from", "start", help_code="help_registry_person_from")
@option("--key", help_code="help_registry_key_line")
@option("--key-file", type=click.Path(dir_okay=False, path_type=Path), help_code="help_registry_key_file")
@option("--email", help_code="help_registry_person_email")
@pass_context
def add_person_command(ctx: Context, person_id: str, name: str, position: str | None, roles: tuple[str, ...],
                       start: str | None, key: str | None, key_file: Path | None,
                       email: str | None) -> None:  # fmt: skip
    """Add a person with their roles (and optionally their key)."""
    if not ID_RE.match(person_id):
        fail_usage(ctx.say("cli_bad_id", id=person_id))
    for role in roles:
        if role not in ctx.gate.settings.roles:
            fail_usage(ctx.say("registry_role", key="--role", detail=f"{role} ({', '.join(ctx.gate.settings.roles)})"))
    day = _date(ctx, start)
    keys = [(_public_line(ctx, key, key_file), day)] if key or key_file else []
    registry = _edit(
        ctx, lambda text: add_person(text, person_id, name, position, [(r, day) for r in roles], keys, email)
    )
    if person_id not in registry.people:
        fail(ctx.say("cli_registry_no_person", id=person_id))


@registry_group.command("set-email", help_code="help_registry_set_email")
@option("--id", "person_id", required=True, help_code="help_registry_id")
@option("--email", required=True, help_code="help_registry_email")
@pass_context
def set_email_command(ctx: Context, person_id: str, email: str) -> None:
    """Set (or change) the e-mail address `gate notify` uses for a person."""
    _edit(ctx, lambda text: set_email(text, person_id, email))


@registry_group.command("add-key", help_code="help_registry_add_key")
@option("--id", "person_id", required=True, help_code="help_registry_id")
@option("--key", help_code="help_registry_key_line")
@option("--key-file", type=click.Path(dir_okay=False, path_type=Path), help_code="help_registry_key_file")
@option("--from", "start", help_code="help_registry_key_from")
@pass_context
def add_key_command(ctx: Context, person_id: str, key: str | None, key_file: Path | None, start: str | None) -> None:
    """Add a public key to a person."""
    line = _public_line(ctx, key, key_file)
    registry = _edit(ctx, lambda text: add_key(text, person_id, line, _date(ctx, start)))
    click.echo(ctx.say("cli_registry_key_added", id=person_id, fingerprint=signing.fingerprint(line)))
    assert registry.people[person_id].key(line) is not None


@registry_group.command("retire-key", help_code="help_registry_retire_key")
@option("--id", "person_id", required=True, help_code="help_registry_id")
@option("--key", required=True, help_code="help_registry_fingerprint")
@option("--until", "end", help_code="help_registry_until")
@pass_context
def retire_key_command(ctx: Context, person_id: str, key: str, end: str | None) -> None:
    """Stop a key from signing after a day; what it signed before stays valid."""
    registry = _edit(ctx, lambda text: set_key_field(text, person_id, key, "until", _date(ctx, end)))
    grant = registry.people[person_id].key(key)
    assert grant is not None and grant.span.end is not None


@registry_group.command("revoke-key", help_code="help_registry_revoke_key")
@option("--id", "person_id", required=True, help_code="help_registry_id")
@option("--key", required=True, help_code="help_registry_fingerprint")
@option("--date", "day", help_code="help_registry_revoked_on")
@pass_context
def revoke_key_command(ctx: Context, person_id: str, key: str, day: str | None) -> None:
    """Revoke a lost or stolen key: every signature it ever made stops counting."""
    registry = _edit(ctx, lambda text: set_key_field(text, person_id, key, "revoked", _date(ctx, day)))
    grant = registry.people[person_id].key(key)
    assert grant is not None and grant.revoked
    click.echo(ctx.say("cli_registry_revoked", fingerprint=grant.fingerprint))


@registry_group.command("sign", help_code="help_registry_sign")
@option("--key", "key_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
        help_code="help_registry_root_key")  # fmt: skip
@pass_context
def sign_command(ctx: Context, key_file: Path) -> None:
    """Add a root signature over approvers.yml to approvers.yml.sig (hardened mode)."""
    file = registry_file(ctx)
    raw = _read(ctx, file).encode("utf-8")
    try:
        registry = parse_registry(raw.decode("utf-8"), ctx.gate.settings.roles)
    except RegistryError as error:
        fail(ctx.say("cli_registry_refused", detail=ctx.say(error.code, key=error.key, detail=error.detail)))
    if registry.version is None or registry.expires is None:
        fail(ctx.say("cli_registry_sign_needs", path=file.name))
    key = load_signing_key(ctx, key_file)
    print_ = signing.fingerprint(signing.public_line(key.public_key()))
    signature = signing.sign(key, raw, signing.REGISTRY_NAMESPACE)
    sig_file = hardened.signature_file(file)
    kept = []
    if sig_file.exists():
        for line in hardened.signature_lines(sig_file.read_text(encoding="utf-8")):
            try:
                if signing.fingerprint(signing.signer_line(line)) == print_:
                    continue  # replaced by the new signature
            except signing.SignatureFormatError:
                continue
            if signing.verify(signing.signer_line(line), raw, line, signing.REGISTRY_NAMESPACE):
                kept.append(line)  # signatures over older bytes are dropped: they can never count
    temporary = sig_file.with_name(f".{sig_file.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text("".join(line + "\n" for line in [*kept, signature]), encoding="utf-8")
        os.replace(temporary, sig_file)
    finally:
        temporary.unlink(missing_ok=True)
    click.echo(ctx.say("cli_registry_signed", path=sig_file.name, fingerprint=print_, count=len(kept) + 1,
                       version=registry.version))  # fmt: skip


# --- reading it ----------------------------------------------------------------------


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def registry_as_json(registry: Registry, file: str, now: dt.datetime) -> dict[str, object]:
    """Everything the build trusts in approvers.yml, and what holds at `now`.
    `until` is the first instant a grant no longer holds (a date-only `until` is inclusive)."""
    return {
        "file": file,
        "site_id": registry.site_id,
        "version": registry.version,
        "expires": _iso(registry.expires),
        "now": _iso(now),
        "people": [
            {
                "id": person.id,
                "name": person.name,
                "position": person.position,
                "roles": [
                    {
                        "role": grant.role,
                        "from": _iso(grant.span.start),
                        "until": _iso(grant.span.end),
                        "holds_now": grant.span.holds_at(now),
                    }
                    for grant in person.roles
                ],
                "keys": [
                    {
                        "fingerprint": key.fingerprint,
                        "line": key.line,
                        "from": _iso(key.span.start),
                        "until": _iso(key.span.end),
                        "revoked": key.revoked,
                        "valid_now": key.valid_at(now),
                    }
                    for key in person.keys
                ],
            }
            for person in registry.people.values()
        ],
    }


def _span_text(ctx: Context, start: dt.datetime | None, end: dt.datetime | None) -> str:
    """'1 Sep 2026 to 31 Dec 2026', 'from 1 Sep 2026', 'until 31 Dec 2026' or 'always'."""
    tz = ctx.gate.rules.timezone
    first = display_date(start.astimezone(tz), ctx.lang) if start else None
    # `end` is exclusive: people read the last day it still holds.
    last = display_date((end - dt.timedelta(seconds=1)).astimezone(tz), ctx.lang) if end else None
    if first and last:
        return ctx.say("registry_show_span", start=first, end=last)
    if first:
        return ctx.say("registry_show_from", start=first)
    return ctx.say("registry_show_until", end=last) if last else ctx.say("registry_show_always")


@registry_group.command("show", help_code="help_registry_show")
@option("--json", "as_json", is_flag=True, help_code="help_registry_show_json")
@pass_context
def show_command(ctx: Context, as_json: bool) -> None:
    """List the people in approvers.yml, their roles and keys, and which of them hold now; change nothing."""
    gate, now = ctx.gate, build_now()
    file = registry_file(ctx)
    registry = gate.registry
    if registry is None:
        problem = gate.registry_problem
        fail(problem.text(ctx.lang) if problem else ctx.say("registry_show_missing", path=file.name))
    if as_json:
        click.echo(shown_json(json.dumps(registry_as_json(registry, file.name, now), ensure_ascii=False, indent=2)))
        return
    click.echo(ctx.say("registry_show_header", path=file.name, site_id=registry.site_id, count=len(registry.people)))
    for person in registry.people.values():
        click.echo(ctx.say("registry_show_person", id=person.id, name=person.name, position=person.position or "-"))
        for grant in person.roles:
            state = "registry_show_holds" if grant.span.holds_at(now) else "registry_show_not_now"
            click.echo(
                ctx.say(
                    "registry_show_role",
                    role=grant.role,
                    title=role_name(grant.role, ctx.lang),
                    span=_span_text(ctx, grant.span.start, grant.span.end),
                    state=ctx.say(state),
                )
            )
        for key in person.keys:
            state = "registry_show_revoked" if key.revoked else (
                "registry_show_holds" if key.valid_at(now) else "registry_show_not_now"
            )  # fmt: skip
            click.echo(
                ctx.say(
                    "registry_show_key",
                    fingerprint=key.fingerprint,
                    span=_span_text(ctx, key.span.start, key.span.end),
                    state=ctx.say(state),
                )
            )
