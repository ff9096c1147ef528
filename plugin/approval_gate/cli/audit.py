"""`gate audit`: hand an auditor what plain `ssh-keygen -Y verify` needs, nothing of ours.

For each sign-off: the exact statement bytes, the armored signature and a line of
`allowed_signers` from the registry, plus the command that checks them.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..core import signing, withdrawal
from ..core.decision import statements
from .common import EXIT_FAILED, EXIT_OK, Context, build_now, fail, fail_usage, main, pass_context, post_file
from .helptext import option


@main.command(help_code="help_audit")
@click.argument("path", type=click.Path(path_type=Path))
@option("--entry", "number", type=click.IntRange(min=1), help_code="help_audit_entry")
@option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help_code="help_audit_out")
@pass_context
def audit(ctx: Context, path: Path, number: int | None, out_dir: Path) -> None:
    """Export PATH's sign-offs and withdrawals so `ssh-keygen -Y verify` can re-check each one."""
    gate = ctx.gate
    file, _, _ = post_file(ctx, path)
    judged = gate.judge(file, build_now())
    pairs = statements(judged.post, gate.settings)
    withdrawals = withdrawal.statements(judged.post, gate.settings.site_id) if number is None else []
    if not pairs and not withdrawals:
        fail(ctx.say("cli_audit_nothing", path=str(file)))
    if number is not None:
        if number > len(pairs):
            fail_usage(ctx.say("cli_audit_no_entry", number=number, count=len(pairs)))
        chosen = [(number, *pairs[number - 1])]
    else:
        chosen = [(index, entry, statement) for index, (entry, statement) in enumerate(pairs, 1)]
    out_dir = out_dir.absolute()
    out_dir.mkdir(parents=True, exist_ok=True)
    allowed: list[str] = []
    missing = False

    def export(name: str, number: int | str, key: str, sig: str, statement: bytes) -> None:
        """NAME.statement and NAME.sig for `ssh-keygen -Y verify`, and the signer's allowed_signers line."""
        nonlocal missing
        (out_dir / f"{name}.statement").write_bytes(statement)
        (out_dir / f"{name}.sig").write_text(signing.armor(sig), encoding="utf-8")
        found = gate.registry.key_by_fingerprint(key) if gate.registry else None
        if found is None:
            click.echo(ctx.say("cli_audit_key_unknown", number=number, fingerprint=key))
            missing = True
        elif (line := signing.allowed_signers_line(found[0].id, found[1].line)) not in allowed:
            allowed.append(line)

    def command(name: str, signer: str) -> str:
        return (
            f"    cd {out_dir} && ssh-keygen -Y verify -f allowed_signers -I {signer} "
            f"-n {signing.NAMESPACE} -s {name}.sig < {name}.statement"
        )

    for index, entry, statement in chosen:
        if not entry.sig or not entry.key:
            click.echo(ctx.say("cli_audit_unsigned", number=index))
            missing = True
            continue
        export(f"entry{index}", index, entry.key, entry.sig, statement)
        click.echo(ctx.say("cli_audit_entry", number=index, role=entry.role, signer=entry.signer, at=entry.at_text))
        click.echo(command(f"entry{index}", entry.signer))
    for index, item, statement in ((n, *pair) for n, pair in enumerate(withdrawals, 1)):
        name = f"withdrawal{index}"
        if not item.sig or not item.key:
            click.echo(ctx.say("cli_audit_withdrawal_unsigned", number=index))
            missing = True
            continue
        export(name, name, item.key, item.sig, statement)
        click.echo(
            ctx.say(
                "cli_audit_withdrawal", number=index, action=item.action, role=item.role, signer=item.signer,
                at=item.at_text,
            )
        )  # fmt: skip
        click.echo(command(name, item.signer))
    (out_dir / "allowed_signers").write_text("".join(line + "\n" for line in allowed), encoding="utf-8")
    raise SystemExit(EXIT_FAILED if missing else EXIT_OK)
