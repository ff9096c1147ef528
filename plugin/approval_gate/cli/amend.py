"""`gate amend`: start a revision of a post that is on the site, without taking it down.

The live version stays in `content/`, unchanged, and keeps being built. Its copy goes to
`pending/` at the same post path (so the revision, once published, replaces the page at
the same address), without the live version's records (sign-offs, `published`, …) and
with `revises: {path, digest, number}`: the live version's post path and digest and the
revision's number. `revises` is a form key, covered by the digest, so the chair and the
director sign the link too. `gate publish` of the approved revision then replaces the live
version in one step and keeps the replaced one as history (see cli/publish.py).
"""

from __future__ import annotations

from pathlib import Path

import click

from ..core.canonical import RECORD_KEYS
from ..core.decision import LIVE, SCHEDULED
from ..core.messages import state_name
from ..core.records import RecordError, add_record, without_keys
from ..services.moves import MoveError, attachments_of, create_file, repository_lock
from ..services.repository import CONTENT, PENDING
from .common import Context, build_now, fail, main, pass_context, post_file


def revision_text(text: str, post_path: str, digest: str, number: int) -> str:
    """The live version's text as a new revision: its records and any earlier `revises` dropped,
    the link to the live version added; every other byte kept."""
    bare = without_keys(text, (*RECORD_KEYS, "revises"))
    return add_record(bare, "revises", {"path": post_path, "digest": digest, "number": number})


@main.command(help_code="help_amend")
@click.argument("path", type=click.Path(path_type=Path))
@pass_context
def amend(ctx: Context, path: Path) -> None:
    """Copy PATH (a post on the site) to the pending folder as a new revision to edit and sign."""
    gate, now = ctx.gate, build_now()
    file, place, post_path = post_file(ctx, path)
    judged = gate.judge(file, now)
    post, decision = judged.post, judged.decision
    if place != CONTENT or decision.state not in (LIVE, SCHEDULED) or post.digest is None:
        fail(ctx.say("amend_not_on_site", path=f"{place}/{post_path}", state=state_name(decision.state, ctx.lang)))
    if attachments_of(file).exists():
        fail(ctx.say("amend_attachments", path=post_path, folder=str(attachments_of(file))))
    number = (post.revises.number if post.revises else 0) + 1
    target = gate.target(PENDING, post_path)
    try:
        text = revision_text(file.read_bytes().decode("utf-8"), post_path, post.digest, number)
    except (RecordError, UnicodeDecodeError, OSError):
        fail(ctx.say("amend_unreadable", path=post_path))
    try:
        with repository_lock(gate.root):
            if gate.judge(file, now).post.digest != post.digest:
                fail(ctx.say("cli_post_changed", path=str(file)))
            create_file(target, text.encode("utf-8"))
    except MoveError as error:
        if error.code == "move_clash":
            fail(ctx.say("amend_exists", path=post_path, target=str(target)))
        fail(ctx.say(error.code, path=post_path, detail=error.detail or str(error.path)))
    click.echo(ctx.say("amend_done", path=post_path, number=number, target=str(target)))
