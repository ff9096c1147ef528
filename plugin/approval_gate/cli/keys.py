"""`gate keygen`, and how every signing command finds a key and asks for its passphrase.

The passphrase is asked at every signature and never handed to an agent: an agent
keeps a key usable long after its owner has walked away from the desk.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import click
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..core import signing
from ..core.registry import ID_RE
from ..core.thaidates import BE_OFFSET
from .common import Context, build_now, fail, fail_usage, main, pass_context
from .helptext import option

KEY_DIR_ENV = "GATE_KEY_DIR"
PASSPHRASE_FILE_ENV = "GATE_PASSPHRASE_FILE"  # for demos, CI and automation; people type it
MIN_PASSPHRASE = 8


def key_dir() -> Path:
    """Where `gate keygen` keeps keys: the user's config folder, or GATE_KEY_DIR."""
    configured = os.environ.get(KEY_DIR_ENV, "").strip()
    return Path(configured) if configured else Path(click.get_app_dir("approval-gate")) / "keys"


def be_date(moment: dt.datetime, tz: ZoneInfo) -> str:
    """A registry date in the Buddhist Era, as approvers.yml writes them: 2569-11-25."""
    day = moment.astimezone(tz).date()
    return f"{day.year + BE_OFFSET:04d}-{day.month:02d}-{day.day:02d}"


def read_passphrase(ctx: Context, *, confirm: bool = False) -> bytes:
    """From GATE_PASSPHRASE_FILE when set, else typed (hidden) every time."""
    file = os.environ.get(PASSPHRASE_FILE_ENV, "").strip()
    if file:
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            fail_usage(ctx.say("cli_passphrase_file", path=file, detail=error.strerror or str(error)))
        return data.rstrip(b"\r\n")
    typed: str = click.prompt(ctx.say("cli_passphrase_prompt"), hide_input=True, confirmation_prompt=confirm)
    return typed.encode("utf-8")


def load_signing_key(ctx: Context, file: Path) -> Ed25519PrivateKey:
    """A passphrase-protected Ed25519 key; unprotected keys are refused."""
    try:
        data = file.read_bytes()
    except OSError as error:
        fail_usage(ctx.say("cli_key_unreadable", path=str(file), detail=error.strerror or str(error)))
    try:
        signing.load_private_key(data, None)
    except TypeError:
        pass  # encrypted, as it must be
    except (ValueError, UnsupportedAlgorithm) as error:  # SignatureFormatError is a ValueError
        fail_usage(ctx.say("cli_key_unreadable", path=str(file), detail=str(error)))
    else:
        fail_usage(ctx.say("cli_key_unprotected", path=str(file)))
    passphrase = read_passphrase(ctx)
    try:
        return signing.load_private_key(data, passphrase)
    except signing.SignatureFormatError as error:
        fail_usage(ctx.say("cli_key_unreadable", path=str(file), detail=str(error)))
    except (ValueError, TypeError, UnsupportedAlgorithm):
        fail(ctx.say("cli_wrong_passphrase", path=str(file)))


@main.command(help_code="help_keygen")
@option("--id", "person_id", required=True, help_code="help_keygen_id")
@pass_context
def keygen(ctx: Context, person_id: str) -> None:
    """Create your passphrase-protected Ed25519 signing key and print its registry line."""
    if not ID_RE.match(person_id):
        fail_usage(ctx.say("cli_bad_id", id=person_id))
    folder = key_dir()
    private, public = folder / person_id, folder / f"{person_id}.pub"
    if private.exists() or public.exists():
        fail_usage(ctx.say("cli_key_exists", path=str(private)))
    passphrase = read_passphrase(ctx, confirm=True)
    if len(passphrase) < MIN_PASSPHRASE:
        fail_usage(ctx.say("cli_passphrase_short", length=MIN_PASSPHRASE))
    pem, line = signing.generate_private_key(passphrase, person_id)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # O_EXCL: never overwrite a key; 0600 before a single byte is written.
    descriptor = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    os.chmod(private, 0o600)  # the umask may not have narrowed it, but never widen
    public.write_text(line + "\n", encoding="utf-8")
    today = be_date(build_now(), ZoneInfo("Asia/Bangkok"))
    click.echo(ctx.say("cli_keygen_done", path=str(private), fingerprint=signing.fingerprint(line)))
    click.echo(f'      - {{key: "{line}", from: {today}}}')
    click.echo(ctx.say("cli_keygen_next", id=person_id, pub=str(public)))
