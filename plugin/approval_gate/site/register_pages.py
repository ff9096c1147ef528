"""The publication register as files of a build: its page, each listed version's filled form
(HTML, and PDF when WeasyPrint loads) and the fonts they use.

Every version of a post that was approved and started has its line: those on the site now,
those replaced by a revision (`pending/expired/.revisions/`) and those taken down.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from ..core.decision import Decision
from ..core.post import Post
from ..forms import form
from ..forms.register import FONTS_DIR as REGISTER_FONTS
from ..forms.register import REGISTER_PAGE, approved_and_started, entry_for, evidence_href, form_uri, group
from ..forms.register import pack_url as filed_pack
from ..forms.register import page_markdown as register_markdown
from ..services.repository import REVISIONS_DIR, Gate


def revision_of(post: Post) -> int:
    """แก้ไขครั้งที่ n of a post: 0 for the version first approved."""
    return post.revises.number if post.revises else 0


def register_files(
    gate: Gate,
    verdicts: Iterable[tuple[Post, Decision]],
    now: dt.datetime,
    config: MkDocsConfig,
    *,
    lang: str,
    thai_digits: bool,
    with_pdf: bool,
    pack_url: str | None,
) -> list[File]:
    """The register page and its forms; `verdicts`: this build's posts and their decisions.
    `with_pdf`: print each form as a PDF too (slow: a build, not serve)."""
    tz, roles = gate.rules.timezone, gate.settings.roles
    # (post path, revision number) -> (post, decision, on the site): every version of a post has its line.
    listed: dict[tuple[str, int], tuple[Post, Decision, bool]] = {}
    replaced = [gate.judge_revision(file, post_path, now) for file, post_path in gate.revision_files()]
    for path in sorted(gate.expired_dir.rglob("*.md")) if gate.expired_dir.is_dir() else ():
        if REVISIONS_DIR not in path.relative_to(gate.expired_dir).parts:
            replaced.append(gate.judge(path, now))
    for judged in replaced:
        listed[(judged.post.path, revision_of(judged.post))] = (judged.post, judged.decision, False)
    for post, decision in verdicts:
        listed[(post.path, revision_of(post))] = (post, decision, True)
    listed = {key: item for key, item in sorted(listed.items()) if approved_and_started(*item[:2], now, roles)}
    with_pdf = with_pdf and form.pdf_available()
    names = {pid: person.name for pid, person in gate.registry.people.items()} if gate.registry else {}
    entries = [entry_for(post, verdict, on_site=up, tz=tz, names=names) for post, verdict, up in listed.values()]
    page = register_markdown(
        group(entries),
        lang=lang,
        page_link=lambda entry: posixpath.relpath(entry.post_path, posixpath.dirname(REGISTER_PAGE)),
        with_pdf=with_pdf,
        thai_digits=thai_digits,
        pack_link=lambda year: filed_pack(pack_url, year) if pack_url else None,
        evidence_link=lambda entry: evidence_href(pack_url, entry) if pack_url else None,
    )
    added = [File.generated(config, REGISTER_PAGE, content=page, inclusion=InclusionLevel.INCLUDED)]
    for name in (*form.FONT_FILES.values(), "OFL.txt"):
        added.append(File.generated(config, f"{REGISTER_FONTS}/{name}", abs_src_path=str(form.FONTS_DIR / name)))
    for (post_path, revision), (post, decision, _) in listed.items():
        data = form.form_data(
            post,
            decision,
            gate.registry,
            tz=tz,
            now=now,
            thai_digits=thai_digits,
            roles=roles,
            with_status=False,
        )
        fonts = form.font_urls("url", "../" * (post_path.count("/") + 1) + "fonts/")
        html_uri = form_uri(post_path, "html", revision)
        added.append(File.generated(config, html_uri, content=form.render_html(data, fonts)))
        if with_pdf:
            printable = form.render_html(data, form.font_urls("file"))
            pdf = form.cached_pdf(printable, gate.root / ".cache" / "approval-gate")
            added.append(File.generated(config, form_uri(post_path, "pdf", revision), content=pdf))
    return added
