"""`gate approve` and `gate reject`: sign the next step of a post's chain.

Two ways to sign:
- with the key `gate keygen` made (the passphrase is asked every time);
- with plain `ssh-keygen`: `--ssh-keygen FILE` writes the exact statement to FILE and
  prints the `ssh-keygen -Y sign` command; `--signature FILE.sig` then records it.
Either way the entry is inserted as text, so every other byte of the post stays as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..core import signing, signoff, summary
from ..core.decision import INVALID, Decision, Settings, chain_link, signoff_statement
from ..core.messages import role_name, state_name
from ..core.post import AT_RE, Post, SignOff
from ..core.registry import Registry
from ..core.signoff import SignOffRefused, make_entry, next_role, utc_stamp, write_entry
from ..core.thaidates import display_date
from ..services.moves import replace_file, repository_lock
from ..services.repository import Gate, Judged
from .common import EXIT_FAILED, EXIT_OK, Context, build_now, fail, fail_usage, main, pass_context, post_file, shown
from .helptext import option
from .keys import key_dir, load_signing_key

STATEMENT_KEYS = {"type", "site", "path", "digest", "role", "signer", "decision", "reason", "at", "prev"}


def clean_reason(ctx: Context, reason: str | None) -> str | None:
    """NFC (what the file is read as, so the signature still verifies), one line, no bidi tricks."""
    if reason is None:
        return None
    text = signoff.clean_reason(reason)
    if text is None:
        fail_usage(ctx.say("cli_reason_characters"))
    return text or None


def locate(ctx: Context, path: Path) -> tuple[Gate, Path]:
    gate = ctx.gate
    file, _, _ = post_file(ctx, path)
    if gate.registry is None:
        problem = gate.registry_problem
        fail(problem.text(ctx.lang) if problem else ctx.say("registry_missing", key="approvers.yml"))
    return gate, file


def show_summary(
    ctx: Context, gate: Gate, judged: Judged, role: str, signer: str, verdict: str, reason: str | None
) -> None:
    post, decision, registry = judged.post, judged.decision, gate.registry
    assert registry is not None  # checked by locate()
    tz = gate.rules.timezone
    click.echo(ctx.say("cli_summary_title", title=post.title or "-"))
    click.echo(ctx.say("cli_summary_path", path=f"{judged.place}/{post.path}"))
    if post.window is not None:
        last = (post.window.end - dt.timedelta(seconds=1)).astimezone(tz)
        click.echo(
            ctx.say(
                "cli_summary_window",
                start=display_date(post.window.start.astimezone(tz), ctx.lang),
                end=display_date(last, ctx.lang),
            )
        )
    click.echo(ctx.say("cli_summary_digest", digest=post.digest or "-"))
    # Every key that reaches the site, and every attachment bound to the digest (all escaped by `say`).
    for item in summary.all_keys(post, ctx.lang):
        click.echo(ctx.say("cli_summary_field", label=item.label, key=item.key, value=item.value))
    bound = summary.attachments(post)
    click.echo(ctx.say("field_attachments" if bound else "field_no_attachments"))
    for name, sha in bound:
        click.echo(ctx.say("cli_summary_attachment", name=name, sha256=sha))
    if post.revises is not None:
        from ..desk import revision_changes

        click.echo(ctx.say("cli_revision_changes", number=post.revises.number))
        changes = revision_changes(gate, judged)
        if changes is None:
            click.echo(f"    {ctx.say('review_revision_no_live')}")
        marks = {"add": "+ ", "del": "- ", "same": "  ", "hunk": ""}
        for line in changes or ():
            click.echo(f"    {marks[line.kind]}{shown(line.text)}")
    if not decision.chain:
        click.echo(ctx.say("cli_summary_no_chain"))
    for number, entry in enumerate(decision.chain, 1):
        person = registry.people.get(entry.signer)
        when = display_date(entry.at.astimezone(tz), ctx.lang, with_time=True) if entry.at else entry.at_text
        click.echo(
            ctx.say(
                "cli_summary_chain_entry", number=number, role=role_name(entry.role, ctx.lang),
                name=person.name if person else entry.signer, signer=entry.signer, at=when,
            )
        )  # fmt: skip
    person = registry.people[signer]
    click.echo(
        ctx.say(
            "cli_summary_you", name=person.name, signer=signer, role=role_name(role, ctx.lang),
            verdict=ctx.say(f"cli_verdict_{verdict}"),
        )
    )  # fmt: skip
    if reason:
        click.echo(ctx.say("cli_summary_reason", reason=reason))


def write_post(ctx: Context, gate: Gate, file: Path, seen: bytes, entry: dict[str, str | None]) -> None:
    """Insert `entry` under the repository lock, only if the file is still what was shown."""
    with repository_lock(gate.root):
        current = file.read_bytes()
        if current != seen:
            fail(ctx.say("cli_post_changed", path=str(file)))
        updated = write_entry(current.decode("utf-8"), entry).encode("utf-8")
        replace_file(file, current, updated)  # a short temporary name: long Thai names fit


def report(ctx: Context, gate: Gate, file: Path, now: dt.datetime) -> None:
    """Re-judge the post exactly as the build will, and say where it stands now."""
    judged = gate.judge(file, now)
    state = judged.decision.state
    click.echo(
        ctx.say("cli_signed_state", path=f"{judged.place}/{judged.post.path}", state=state_name(state, ctx.lang))
    )
    for reason in judged.decision.reasons:
        click.echo(f"    - {shown(reason.text(ctx.lang))}")
    raise SystemExit(EXIT_FAILED if state == INVALID else EXIT_OK)


def statement_for(post: Post, decision: Decision, settings: Settings, fields: dict[str, str | None]) -> bytes:
    """The statement exactly as make_entry signs it."""
    draft = SignOff(
        index=len(post.signoffs), role=fields["role"] or "", signer=fields["signer"] or "",
        decision=fields["decision"] or "", reason=fields["reason"], digest=fields["digest"] or "",
        at_text=fields["at"] or "", at=None, key=None, sig=None,
    )  # fmt: skip
    previous = decision.chain[-1].sig if decision.chain else None
    return signoff_statement(post.path, settings, draft, chain_link(previous))


def imported_entry(
    ctx: Context, judged: Judged, registry: Registry, settings: Settings, role: str, signer: str, verdict: str,
    signature_file: Path, now: dt.datetime,
) -> dict[str, str | None]:  # fmt: skip
    """The entry for a signature made with `ssh-keygen -Y sign` over a statement from `--ssh-keygen`."""
    post, decision = judged.post, judged.decision
    raw, fields, sig, statement_file = read_statement(ctx, signature_file, STATEMENT_KEYS, signing.STATEMENT_TYPE, post)
    reason = fields["reason"]
    if reason is not None and (not isinstance(reason, str) or clean_reason(ctx, reason) != reason):
        fail_usage(ctx.say("cli_statement_bad", path=str(statement_file)))
    if verdict == "reject" and not reason:
        fail_usage(ctx.say("signoff_reason_required"))
    at = fields["at"]
    if not isinstance(at, str) or not AT_RE.match(at) or at > utc_stamp(now):
        fail_usage(ctx.say("cli_statement_bad", path=str(statement_file)))
    entry: dict[str, str | None] = {
        "role": role, "signer": signer, "decision": verdict, "reason": fields["reason"],
        "digest": post.digest, "at": at,
    }  # fmt: skip
    if statement_for(post, decision, settings, entry) != raw:
        # Another site, path, role, signer, decision or chain: not a statement for this step.
        fail(ctx.say("cli_statement_mismatch", path=str(statement_file)))
    entry["key"], entry["sig"] = signed_by(ctx, registry, signer, raw, sig, signature_file), sig
    return entry


def read_statement(
    ctx: Context, signature_file: Path, keys: Iterable[str], statement_type: str, post: Post
) -> tuple[bytes, dict[str, Any], str, Path]:
    """The statement `gate … --ssh-keygen` wrote beside FILE.sig (as FILE), its fields and the
    signature: (bytes, fields, signature, statement file). Exits unless it is a statement of
    `statement_type` with exactly `keys`, over the post's current digest."""
    statement_file = signature_file.with_suffix("") if signature_file.suffix == ".sig" else None
    if statement_file is None or not statement_file.is_file():
        fail_usage(ctx.say("cli_statement_missing", path=str(signature_file)))
    raw = statement_file.read_bytes()
    try:
        fields = json.loads(raw.decode("utf-8"))
        sig = signing.read_signature(signature_file.read_text(encoding="utf-8"))
    except (ValueError, signing.SignatureFormatError):
        fail_usage(ctx.say("cli_statement_bad", path=str(statement_file)))
    if not isinstance(fields, dict) or set(fields) != set(keys) or fields.get("type") != statement_type:
        fail_usage(ctx.say("cli_statement_bad", path=str(statement_file)))
    if fields["digest"] != post.digest:
        fail(ctx.say("cli_statement_stale", path=str(statement_file)))
    return raw, fields, sig, statement_file


def signed_by(ctx: Context, registry: Registry | None, signer: str, raw: bytes, sig: str, signature_file: Path) -> str:
    """The fingerprint of the signer's registered key that made `sig` over `raw`; exits otherwise."""
    try:
        print_ = signing.fingerprint(signing.signer_line(sig))
    except signing.SignatureFormatError:
        fail(ctx.say("cli_signature_bad", path=str(signature_file)))
    person = registry.people.get(signer) if registry else None
    grant = person.key(print_) if person else None
    if grant is None:
        fail(ctx.say("cli_key_not_registered", fingerprint=print_, signer=signer))
    if not signing.verify(grant.line, raw, sig):
        fail(ctx.say("cli_signature_bad", path=str(signature_file)))
    return print_


def sign_off(
    ctx: Context, path: Path, signer: str, verdict: str, reason: str | None, key_file: Path | None, yes: bool,
    statement_out: Path | None, signature_file: Path | None,
) -> None:  # fmt: skip
    gate, file = locate(ctx, path)
    registry = gate.registry
    assert registry is not None
    settings, now = gate.settings, build_now()
    if statement_out is not None and signature_file is not None:
        fail_usage(ctx.say("cli_signoff_modes"))
    if not settings.signatures and (statement_out or signature_file or key_file):
        fail_usage(ctx.say("cli_signatures_off"))
    judged = gate.judge(file, now)
    seen = file.read_bytes()
    try:
        role = next_role(judged.post, judged.decision, registry, signer, settings, now)
    except SignOffRefused as refused:
        params = {
            name: role_name(value, ctx.lang) if name == "role" else value for name, value in refused.params.items()
        }
        lines = [ctx.say(refused.code, **params)]
        if refused.code == "signoff_invalid_post":
            lines += [f"    - {shown(reason.text(ctx.lang))}" for reason in judged.decision.reasons]
        fail("\n".join(lines))

    if signature_file is not None:
        entry = imported_entry(ctx, judged, registry, settings, role, signer, verdict, signature_file, now)
        write_post(ctx, gate, file, seen, entry)
        report(ctx, gate, file, now)

    if verdict == "reject" and not reason:
        fail_usage(ctx.say("signoff_reason_required"))
    show_summary(ctx, gate, judged, role, signer, verdict, reason)
    if not yes and not click.confirm(ctx.say("cli_confirm"), default=False):
        fail(ctx.say("cli_cancelled"))

    if statement_out is not None:
        fields: dict[str, str | None] = {
            "role": role, "signer": signer, "decision": verdict, "reason": reason,
            "digest": judged.post.digest, "at": utc_stamp(now),
        }  # fmt: skip
        statement_out.write_bytes(statement_for(judged.post, judged.decision, settings, fields))
        click.echo(ctx.say("cli_statement_written", path=str(statement_out)))
        click.echo(f"    ssh-keygen -Y sign -f ~/.ssh/id_ed25519 -n {signing.NAMESPACE} {statement_out}")
        command = "approve" if verdict == "approve" else "reject"
        click.echo(ctx.say("cli_statement_next"))
        click.echo(f"    gate {command} {path} --as {signer} --signature {statement_out}.sig")
        raise SystemExit(EXIT_OK)

    key = None
    if settings.signatures:
        key = load_signing_key(ctx, key_file or key_dir() / signer)
        print_ = signing.fingerprint(signing.public_line(key.public_key()))
        grant = registry.people[signer].key(print_)
        if grant is None or not grant.valid_at(now):
            fail(ctx.say("cli_key_not_registered", fingerprint=print_, signer=signer))
    try:
        entry = make_entry(
            judged.post, judged.decision, settings, role=role, signer=signer, verdict=verdict, reason=reason, now=now,
            key=key,
        )  # fmt: skip
    except SignOffRefused as refused:
        fail(ctx.say(refused.code, **refused.params))
    write_post(ctx, gate, file, seen, entry)
    report(ctx, gate, file, now)


SIGN_OPTIONS = [
    click.argument("path", type=click.Path(path_type=Path)),
    option("--as", "signer", required=True, help_code="help_sign_as"),
    option("--key", "key_file", type=click.Path(dir_okay=False, path_type=Path), help_code="help_sign_key"),
    option("--yes", is_flag=True, help_code="help_sign_yes"),
    option("--ssh-keygen", "statement_out", type=click.Path(dir_okay=False, path_type=Path),
           help_code="help_sign_ssh_keygen"),
    option("--signature", "signature_file", type=click.Path(dir_okay=False, path_type=Path),
           help_code="help_sign_signature"),
]  # fmt: skip


F = TypeVar("F", bound=Callable[..., Any])


def _with_options(function: F) -> F:
    for decorator in reversed(SIGN_OPTIONS):
        function = decorator(function)
    return function


@main.command(help_code="help_approve")
@_with_options
@pass_context
def approve(
    ctx: Context, path: Path, signer: str, key_file: Path | None, yes: bool, statement_out: Path | None,
    signature_file: Path | None,
) -> None:  # fmt: skip
    """Approve PATH as the next step of its chain (chair, then director)."""
    sign_off(ctx, path, signer, "approve", None, key_file, yes, statement_out, signature_file)


@main.command(help_code="help_reject")
@_with_options
@option("--reason", help_code="help_reject_reason")
@pass_context
def reject(
    ctx: Context, path: Path, signer: str, key_file: Path | None, yes: bool, statement_out: Path | None,
    signature_file: Path | None, reason: str | None,
) -> None:  # fmt: skip
    """Refuse PATH, with a reason the requester will see."""
    sign_off(ctx, path, signer, "reject", clean_reason(ctx, reason), key_file, yes, statement_out, signature_file)
