"""`gate withdraw`: a signed order to take a post down at the next build, whatever its window.

The configured role (`withdraw_role`, the director by default) orders it; another role of
the chain (the chair) records a signed request, which takes nothing down by itself and is
shown to the director with the command to sign. The entry is made and checked like a
sign-off (see withdrawal.py) and inserted as text into the post's `withdrawals` record,
so no other byte of the post changes and its digest stays the same.
"""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path

import click

from ..core import signing, withdrawal
from ..core.decision import EXPIRED, INVALID, LIVE, SCHEDULED
from ..core.messages import role_name, state_name
from ..core.post import AT_RE, Post, Withdrawal
from ..core.records import RecordError, append_entry
from ..core.signoff import utc_stamp
from ..services.moves import replace_file, repository_lock
from ..services.repository import CONTENT, Gate
from .common import EXIT_FAILED, EXIT_OK, Context, build_now, fail, fail_usage, main, pass_context, shown
from .helptext import option
from .keys import key_dir, load_signing_key
from .signoffs import clean_reason, locate, read_statement, signed_by


def role_for(gate: Gate, signer: str, now: dt.datetime) -> tuple[str, str] | None:
    """(action, role) `signer` may sign now: an order in the withdraw role, else a request in
    another role of the chain they hold; None when they hold none."""
    registry = gate.registry
    person = registry.people.get(signer) if registry else None
    if person is None:
        return None
    order_role = gate.settings.withdraw_role
    if order_role in gate.settings.roles and person.holds(order_role, now):
        return withdrawal.WITHDRAW, order_role
    for role in gate.settings.roles:
        if role != order_role and person.holds(role, now):
            return withdrawal.REQUEST, role
    return None


def write_withdrawal(
    ctx: Context, gate: Gate, file: Path, post_path: str, seen: bytes, entry: dict[str, str], now: dt.datetime
) -> None:
    """Insert `entry` under the repository lock, only if the file is still what was shown and the
    entry verifies as the build will check it (an entry that would make the post invalid is never
    written: nothing else happens)."""
    with repository_lock(gate.root):
        current = file.read_bytes()
        if current != seen:
            fail(ctx.say("cli_post_changed", path=str(file)))
        try:
            updated = append_entry(current.decode("utf-8"), "withdrawals", entry).encode("utf-8")
        except RecordError as error:
            fail(ctx.say(error.code, key=error.key or "withdrawals"))
        _, decision = gate.judge_bytes(updated, post_path, now, base=gate.docs_dir)
        if decision.state == INVALID:
            lines = [ctx.say("withdraw_not_recorded", path=f"{CONTENT}/{post_path}")]
            lines += [f"    - {shown(reason.text(ctx.lang))}" for reason in decision.reasons]
            fail("\n".join(lines))
        replace_file(file, current, updated)


def imported_entry(
    ctx: Context, gate: Gate, post: Post, action: str, role: str, signer: str, signature_file: Path,
    now: dt.datetime,
) -> dict[str, str]:  # fmt: skip
    """The entry for a signature made with `ssh-keygen -Y sign` over a statement from `--ssh-keygen`."""
    keys, kind = withdrawal.STATEMENT_KEYS, withdrawal.STATEMENT_TYPE
    raw, fields, sig, statement_file = read_statement(ctx, signature_file, keys, kind, post)
    reason, at = fields["reason"], fields["at"]
    if not isinstance(reason, str) or not reason or clean_reason(ctx, reason) != reason:
        fail_usage(ctx.say("cli_statement_bad", path=str(statement_file)))
    if not isinstance(at, str) or not AT_RE.match(at) or at > utc_stamp(now):
        fail_usage(ctx.say("cli_statement_bad", path=str(statement_file)))
    draft = Withdrawal(
        index=len(post.withdrawals), action=action, role=role, signer=signer, reason=reason, digest=post.digest or "",
        at_text=at, at=None, key=None, sig=None,
    )  # fmt: skip
    if withdrawal.statement(gate.settings.site_id, post.path, draft) != raw:
        fail(ctx.say("cli_statement_mismatch", path=str(statement_file)))
    print_ = signed_by(ctx, gate.registry, signer, raw, sig, signature_file)
    entry = {"action": action, "role": role, "signer": signer, "reason": reason, "digest": draft.digest, "at": at}
    return {**entry, "key": print_, "sig": sig}


@main.command(help_code="help_withdraw")
@click.argument("path", type=click.Path(path_type=Path))
@option("--as", "signer", required=True, help_code="help_sign_as")
@option(
    "--reason",
    help_code="help_withdraw_reason",
)
@option(
    "--key",
    "key_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help_code="help_sign_key",
)
@option("--yes", is_flag=True, help_code="help_sign_yes")
@option(
    "--ssh-keygen",
    "statement_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help_code="help_sign_ssh_keygen",
)
@option(
    "--signature",
    "signature_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help_code="help_sign_signature",
)
@pass_context
def withdraw(
    ctx: Context, path: Path, signer: str, reason: str | None, key_file: Path | None, yes: bool,
    statement_out: Path | None, signature_file: Path | None,
) -> None:  # fmt: skip
    """Withdraw PATH (a post on the site) now: the next build takes it down, whatever its period."""
    gate, file = locate(ctx, path)
    if statement_out is not None and signature_file is not None:
        fail_usage(ctx.say("cli_signoff_modes"))
    if not gate.settings.signatures and (statement_out or signature_file or key_file):
        fail_usage(ctx.say("cli_signatures_off"))
    text = clean_reason(ctx, reason) if reason is not None else None
    if not text and signature_file is None:
        fail_usage(ctx.say("withdraw_reason_required"))
    now = build_now()
    judged = gate.judge(file, now)
    post, decision = judged.post, judged.decision
    shown_path = f"{judged.place}/{post.path}"
    if judged.place != CONTENT or decision.state not in (LIVE, SCHEDULED):
        state = state_name(decision.state, ctx.lang)
        if decision.state == EXPIRED and decision.withdrawal is not None:
            fail(ctx.say("withdraw_already", path=shown_path))
        fail(ctx.say("withdraw_not_on_site", path=shown_path, state=state))
    allowed = role_for(gate, signer, now)
    if allowed is None:
        roles = ", ".join(role_name(role, ctx.lang) for role in gate.settings.roles)
        fail(ctx.say("withdraw_no_role", signer=signer, roles=roles))
    action, role = allowed
    seen = file.read_bytes()
    if signature_file is not None:
        entry = imported_entry(ctx, gate, post, action, role, signer, signature_file, now)
        text = entry["reason"]
    else:
        assert text is not None
        click.echo(ctx.say("cli_summary_title", title=post.title or "-"))
        click.echo(ctx.say("cli_summary_path", path=shown_path))
        click.echo(ctx.say("cli_summary_digest", digest=post.digest or "-"))
        person = gate.registry.people[signer] if gate.registry else None
        name = person.name if person else signer
        click.echo(ctx.say(f"withdraw_summary_{action}", name=name, signer=signer, role=role_name(role, ctx.lang)))
        click.echo(ctx.say("cli_summary_reason", reason=text))
        if not yes and not click.confirm(ctx.say("cli_confirm"), default=False):
            fail(ctx.say("cli_cancelled"))
        if statement_out is not None:
            draft = Withdrawal(
                index=len(post.withdrawals), action=action, role=role, signer=signer, reason=text,
                digest=post.digest or "", at_text=utc_stamp(now), at=None, key=None, sig=None,
            )  # fmt: skip
            statement_out.write_bytes(withdrawal.statement(gate.settings.site_id, post.path, draft))
            click.echo(ctx.say("cli_statement_written", path=str(statement_out)))
            click.echo(f"    ssh-keygen -Y sign -f ~/.ssh/id_ed25519 -n {signing.NAMESPACE} {statement_out}")
            click.echo(ctx.say("cli_statement_next"))
            click.echo(f"    gate withdraw {path} --as {signer} --signature {statement_out}.sig")
            raise SystemExit(EXIT_OK)
        key = None
        if gate.settings.signatures:
            key = load_signing_key(ctx, key_file or key_dir() / signer)
            print_ = signing.fingerprint(signing.public_line(key.public_key()))
            grant = gate.registry.people[signer].key(print_) if gate.registry else None
            if grant is None or not grant.valid_at(now):
                fail(ctx.say("cli_key_not_registered", fingerprint=print_, signer=signer))
        entry = withdrawal.make_entry(
            post, site_id=gate.settings.site_id, action=action, role=role, signer=signer, reason=text,
            at=utc_stamp(now), key=key,
        )  # fmt: skip
    write_withdrawal(ctx, gate, file, post.path, seen, entry, now)

    after = gate.judge(file, now)
    if action == withdrawal.WITHDRAW and after.decision.withdrawal is not None:
        click.echo(ctx.say("withdraw_done", path=shown_path))
        raise SystemExit(EXIT_OK)
    if action == withdrawal.REQUEST and after.decision.state in (LIVE, SCHEDULED):
        click.echo(
            ctx.say("withdraw_requested", path=shown_path, role=role_name(gate.settings.withdraw_role, ctx.lang))
        )
        click.echo(f"    gate withdraw {shlex.quote(str(path))} --as <id> --reason {shown(shlex.quote(text))}")
        raise SystemExit(EXIT_OK)
    click.echo(ctx.say("cli_signed_state", path=shown_path, state=state_name(after.decision.state, ctx.lang)))
    for problem in after.decision.reasons:
        click.echo(f"    - {shown(problem.text(ctx.lang))}")
    raise SystemExit(EXIT_FAILED)
