"""The MkDocs plugin: the builder reads only bytes the gate verified.

In `on_files`, before every other plugin, every file under `docs_dir` is accounted for:

- a live post is *staged*: the canonical text that was verified is written to a private
  folder and the page's source points there, so MkDocs, Material's blog and every other
  plugin read exactly what the approvers signed, never the file in `docs_dir`;
- its attachments are staged the same way, with the bytes that were hashed into its digest;
- an exempt page or asset (and anything outside the `gated` scope) is left as it is;
- a post that is not live stays as an excluded page with no content at all, so MkDocs
  treats links and `nav:` entries to it as it treats any excluded page;
- anything else (any extension, any case, any symlink) is dropped with a warning.

What is not staged is, by construction, not published. Rendered HTML of every live post is
sanitised on the way out (`on_page_content`), the `nav:` is pruned of excluded pages, and
expired posts are moved out of `docs_dir` only after a successful, clean build.

Longer than most modules because it is one class in MkDocs' event order: each event's part
reads as the build runs it. What the events use lives elsewhere (staging rules in
`repository`, the register's files in `register_pages`, notices in `tombstones`, take-down
in `takedown`, the preview in `preview`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime, get_relative_url

from ..core.decision import EXPIRED, LIVE, REJECTED, SCHEDULED, Decision, Settings
from ..core.loopback import is_loopback
from ..core.messages import Reason, message, site_language, state_name
from ..core.plain import visible
from ..core.post import Post, blog_text
from ..core.thaidates import display_date
from ..services import sanitize, witness
from ..services.adopt import exclude_docs_lines
from ..services.binding import MARKDOWN_SUFFIXES, MarkdownSetup, attachment_folder
from ..services.judge_cache import JudgeCache
from ..services.moves import MoveError
from ..services.repository import (
    CONTENT,
    EXPIRED_PLACE,
    PENDING,
    Gate,
    blog_rules,
    first_symlink,
)
from ..services.takedown import ended_unapproved, return_to_pending, take_down
from . import theme, tombstones
from .config import GateConfig

if TYPE_CHECKING:
    from . import preview

# The register (with its forms) and the serve preview are imported when first used:
# most builds need neither, and every build waits for what it imports.

log = get_plugin_logger(__name__)

SERVE_MODULES = ("mkdocs.commands.serve", "properdocs.commands.serve")


def is_serving(command: str) -> bool:
    """True inside `serve`, including `serve --clean` (which reports 'build' to on_startup):
    MkDocs and ProperDocs import their serve command only to serve."""
    return command == "serve" or any(name in sys.modules for name in SERVE_MODULES)


class ApprovalGatePlugin(BasePlugin[GateConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.started = False  # on_startup runs only under the `mkdocs` command line
        self.cache = JudgeCache()  # survives serve rebuilds: unchanged posts are not verified again
        self.stage: Path | None = None
        self._reset()

    def _reset(self) -> None:
        self.gate: Gate | None = None
        self.serving = False
        self.failed = False
        self.judged: dict[str, tuple[Post, Decision]] = {}  # page path -> verdict
        self.live: set[str] = set()  # page paths of staged posts
        self.excluded: set[str] = set()  # page paths of gated pages kept out
        self.excluded_urls: dict[str, str] = {}  # url -> page path
        self.lang = "th"
        self.previewing = False  # serve only, `preview: true`, CI unset, loopback
        self.previews: dict[str, preview.Item] = {}  # served src URI -> previewed post
        self.dashboard_url = ""
        self.expiring_urls: dict[str, str] = {}  # post path -> URL, recorded when taken down
        self.built_pages: dict[str, tuple[str, str]] = {}  # page path of a live post -> (url, output file)

    # --- lifecycle -------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty, self.started = command, dirty, True

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()  # one instance lives across `serve` rebuilds
        self._unstage()
        if self.dirty:
            # A dirty build keeps old pages of posts that are no longer live.
            raise PluginError(message("dirty_refused", "en"))
        self.serving = is_serving(self.command)
        self.lang = site_language(config.theme.get("language"))
        root = Path(config.config_file_path or ".").resolve().parent
        docs_dir = Path(config.docs_dir).resolve()
        markdown = MarkdownSetup(tuple(config.markdown_extensions), dict(config.mdx_configs))
        blog = blog_rules(config.plugins, docs_dir)
        self.gate = Gate.from_options(root, docs_dir, dict(self.config), markdown=markdown, blog=blog)
        self.gate.cache = self.cache
        self.cache.start_build()
        self.now = get_build_datetime()  # honours SOURCE_DATE_EPOCH; read once per build
        self.site_dir = str(config.site_dir)
        # CI builds what the public sees, so a preview there would only hide mistakes; and
        # unapproved posts are shown only to this machine.
        self.previewing = self.serving and self.config.preview and self.config.enabled and "CI" not in os.environ
        if self.previewing and not is_loopback(config.dev_addr.host):
            log.warning(message("preview_not_loopback", "en", host=config.dev_addr.host))
            self.previewing = False
        if self.previewing:
            from . import preview

            config.extra_css.append(preview.CSS_URI)
        return config

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True

    # --- deciding and staging ----------------------------------------------------

    @event_priority(100)  # before blog (-50), tags, search, RSS: they must never see a gated post
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        gate = self._gate()
        if not self.config.enabled:
            log.warning(message("plugin_disabled", "en"))
        if self.config.signatures == "off":
            log.warning(message("signatures_off_build", "en"))
        docs = gate.docs_dir
        pages: list[File] = []
        others: list[File] = []
        for file in list(files):
            if file.generated_by is not None or file.abs_src_path is None:
                continue
            path = Path(file.abs_src_path)
            if docs not in path.parents:
                continue  # the theme's own files
            if file.src_uri.startswith((".", "templates/")) or "/." in file.src_uri:
                files.remove(file)  # MkDocs never publishes these; nobody reads them from Files
            elif first_symlink(docs, path) is not None:
                files.remove(file)
                log.warning(message("symlink_refused", "en", path=file.src_uri))
            elif not gate.is_gated(file.src_uri):
                continue
            elif file.src_uri.endswith(".md"):
                pages.append(file)
            else:
                others.append(file)
        uncovered = [file.src_uri for file in pages if not file.inclusion.is_excluded()]
        if uncovered:
            raise PluginError(self._exclude_docs_help(uncovered))
        staged: dict[str, Path] = {}  # src URI of a live post's attachment -> its staged copy
        folders: set[str] = set()
        for file in pages:
            self._decide(file, staged)
            folders.add(attachment_folder(file.src_uri))
        for file in others:
            if file.src_uri in staged:
                file.abs_src_path = str(staged.pop(file.src_uri))
                file.inclusion = InclusionLevel.INCLUDED
                continue
            files.remove(file)
            if posixpath.splitext(file.src_uri)[1].lower() in MARKDOWN_SUFFIXES:
                log.warning(message("not_a_post", "en", path=file.src_uri))
            elif not any(file.src_uri.startswith(folder) for folder in folders):
                log.warning(message("unaccounted_file", "en", path=file.src_uri))
        for src_uri, copy in staged.items():  # bound, but MkDocs did not list them (a hidden folder)
            generated = File.generated(config, src_uri, abs_src_path=str(copy))
            generated.inclusion = InclusionLevel.INCLUDED
            files.append(generated)
        if self.previewing:
            self._add_previews(files, config)
        if self.config.register and self.config.enabled:
            self._add_register(files, config)  # after the decisions: generated pages are never gated
        cached = message("judge_cache", "en", parsed=self.cache.parsed, reused=self.cache.reused)
        (log.info if self.cache.reused else log.debug)(cached)
        return files

    def _decide(self, file: File, staged: dict[str, Path]) -> None:
        """Judge one post; stage it (and its attachments) when live, else leave an empty excluded page.

        The attachments' bytes are written to the stage at once and not kept: a build holds
        one post's files in memory at a time, however large the site."""
        gate = self._gate()
        try:
            with open(str(file.abs_src_path), "rb") as handle:
                raw = handle.read()
            post, decision = gate.judge_bytes(raw, file.src_uri, self.now, base=gate.docs_dir)
        except OSError as error:
            post = Post(path=file.src_uri, problems=(Reason("unreadable", None, {"detail": error.strerror or ""}),))
            decision = Decision("invalid", post.problems)
        self.judged[file.src_uri] = (post.without_attachment_bytes(), decision)
        if log.isEnabledFor(logging.DEBUG):
            log.debug(f"{file.src_uri}: {decision.state}; " + "; ".join(r.text("en") for r in decision.reasons))
        if post.digest is not None and raw != post.text.encode("utf-8"):
            log.info(message("not_canonical", "en", path=file.src_uri))
        if decision.state == LIVE and self.config.enabled:
            self._stage_file(file, blog_text(post, gate.rules).encode("utf-8"))
            self.live.add(file.src_uri)
            staged.update((item.path, self._write_stage(item.path, item.data)) for item in post.attachments)
            return
        file.content_string = ""  # no byte of it is readable by anyone, and MkDocs builds nothing
        file.inclusion = InclusionLevel.EXCLUDED
        self.excluded.add(file.src_uri)
        self.excluded_urls[file.url] = file.src_uri
        self._report(file.src_uri, decision)

    def _stage_file(self, file: File, data: bytes) -> None:
        file.abs_src_path = str(self._write_stage(file.src_uri, data))
        file.inclusion = InclusionLevel.INCLUDED

    def _write_stage(self, src_uri: str, data: bytes) -> Path:
        if self.stage is None:
            self.stage = Path(tempfile.mkdtemp(prefix="approval-gate-"))
        target = self.stage.joinpath(*src_uri.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return target

    def _unstage(self) -> None:
        if self.stage is not None:
            shutil.rmtree(self.stage, ignore_errors=True)
            self.stage = None

    def _exclude_docs_help(self, uncovered: list[str]) -> str:
        """The build stops: a builder that ignores plugins would publish these posts."""
        gate = self._gate()
        lines = ["exclude_docs: |", *(f"  {line}" for line in exclude_docs_lines(gate.exempt))]
        return message(
            "exclude_docs_uncovered",
            "en",
            count=len(uncovered),
            list=", ".join(uncovered[:5]),
            lines="\n".join(lines),
        )

    # --- the publication register ------------------------------------------------

    def _add_register(self, files: Files, config: MkDocsConfig) -> None:
        """The register page, each listed version's form and the fonts (register_pages.py)."""
        from .register_pages import register_files

        added = register_files(
            self._gate(),
            self.judged.values(),
            self.now,
            config,
            lang=self.lang,
            thai_digits=self.config.thai_digits,
            with_pdf=not self.serving,  # printing is slow: `build` only
            pack_url=self.config.evidence_pack_url,  # where the office files each year's pack (never in the site)
        )
        for file in added:
            files.append(file)

    # --- the serve preview -------------------------------------------------------

    def _add_previews(self, files: Files, config: MkDocsConfig) -> None:
        """Non-live posts in content become drafts, pending posts pages under _pending/, plus the queue.

        Everything added is DRAFT: MkDocs builds drafts in `serve` only, a second lock
        behind `previewing`. Drafts stay out of the blog (it only walks included pages),
        so a broken post cannot break the blog. Their HTML is sanitised like a live page's
        (`on_page_content`) and served with a Content-Security-Policy (`on_post_page`)."""
        from . import preview

        gate = self._gate()
        names = {pid: person.name for pid, person in gate.registry.people.items()} if gate.registry else {}
        for src_uri in sorted(self.excluded):
            file = files.get_file_from_path(src_uri)
            if file is None:
                continue
            post, decision = self.judged[src_uri]
            file.inclusion = InclusionLevel.DRAFT
            self.previews[src_uri] = preview.Item(post, decision, preview.CONTENT, src_uri, names)
            text = preview.page_markdown(post, self._raw(gate.docs_dir / src_uri), self.lang)
            file.content_string = text
            file.abs_src_path = str(self._write_stage(src_uri, text.encode("utf-8")))  # plugins read the file
        for path in gate.post_files():
            place, post_path = gate.place_of(path)
            uri = preview.preview_uri(post_path)
            if place != PENDING or files.get_file_from_path(uri) is not None:
                continue
            judged = gate.judge(path, self.now)
            text = preview.page_markdown(judged.post, self._raw(path), self.lang)
            files.append(File.generated(config, uri, content=text, inclusion=InclusionLevel.DRAFT))
            self.previews[uri] = preview.Item(judged.post, judged.decision, preview.PENDING, uri, names)
            for item in judged.post.attachments:  # the bytes that were hashed, as for a live post
                shown = f"{preview.PREVIEW_DIR}/{item.path}"
                if files.get_file_from_path(shown) is None:
                    staged = str(self._write_stage(shown, item.data))
                    files.append(File.generated(config, shown, abs_src_path=staged, inclusion=InclusionLevel.DRAFT))
        files.append(File.generated(config, preview.CSS_URI, content=preview.CSS, inclusion=InclusionLevel.DRAFT))
        dashboard = File.generated(config, preview.DASHBOARD_URI, content="", inclusion=InclusionLevel.DRAFT)
        self.dashboard_url = dashboard.url
        rows = [(item, get_relative_url(files.src_uris[uri].url, dashboard.url)) for uri, item in self.previews.items()]
        dashboard.content_string = preview.dashboard_markdown(
            rows, self.lang, gate.rules.timezone, self.now, thai_digits=self.config.thai_digits
        )
        files.append(dashboard)

    @staticmethod
    def _raw(path: Path) -> str:
        try:
            return path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild (and stage again) when the registry or a pending post changes; MkDocs
        watches docs_dir itself."""
        if self.gate is not None:
            watched = [self.gate.root / self.config.registry, self.gate.pending_dir]
            for path in watched:
                if path.exists():
                    server.watch(str(path))
        return server

    def _gate(self) -> Gate:
        if self.gate is None:
            raise RuntimeError("approval-gate: on_config did not run")
        return self.gate

    def _report(self, page_path: str, decision: Decision) -> None:
        """Warn (failing --strict) for what someone must fix; info for the normal cases."""
        reasons = "; ".join(reason.text("en") for reason in decision.reasons)
        path = visible(page_path)  # a file name is the author's text too: no control character reaches the log
        text = message("excluded_page", "en", path=path, state=state_name(decision.state, "en"), reasons=reasons)
        if any(reason.code == "no_front_matter" for reason in decision.reasons):
            text += " " + message("no_form_scope_hint", "en", path=path)
        if decision.state in (SCHEDULED, EXPIRED) and self.config.enabled:
            log.info(text)
        else:
            log.warning(text)

    # --- what reaches the pages --------------------------------------------------

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Drop excluded pages from an explicit `nav:` and re-link previous/next."""

        def prune(items: list[Any]) -> list[Any]:
            kept = []
            for item in items:
                if isinstance(item, Page) and item.file.src_uri in self.excluded:
                    continue
                if getattr(item, "url", None) in self.excluded_urls and not isinstance(item, Page):
                    continue
                if isinstance(item, Section):
                    item.children = prune(item.children)
                    if not item.children:
                        continue
                kept.append(item)
            return kept

        nav.items = prune(nav.items)
        nav.pages = [page for page in nav.pages if page.file.src_uri not in self.excluded]
        bookended = [None, *nav.pages, None]
        for previous, page, following in zip(bookended[:-2], nav.pages, bookended[2:], strict=True):
            page.previous_page, page.next_page = previous, following
        return nav

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Live posts and previews are published as the sanitiser's output; links from any
        built page to a post that is not live are named."""
        src_uri = page.file.src_uri
        item = self.previews.get(src_uri) if self.previewing else None
        if src_uri in self.live or item is not None:
            checked = sanitize.check(html, self._gate().renderer.policy)
            if checked.findings and item is None:
                # The gate rendered this post clean; MkDocs' own rendering must be too.
                found = ", ".join(finding.what for finding in checked.findings)
                log.warning(message("html_removed_at_build", "en", path=src_uri, found=found))
            html, urls = checked.html, checked.urls
        else:
            urls = sanitize.urls_in(html)
        if item is not None:
            from . import preview

            back = get_relative_url(self.dashboard_url, page.url)
            tz, digits = self._gate().rules.timezone, self.config.thai_digits
            html = preview.banner_html(item, self.lang, tz, back, thai_digits=digits) + html
        if self.excluded_urls and not (self.previewing and src_uri.startswith("_pending/")):
            self._name_links_to_excluded(page, urls)
        return html

    def _name_links_to_excluded(self, page: Page, urls: tuple[str, ...]) -> None:
        for target in urls:
            if urlsplit(target).scheme or target.startswith("//"):
                continue
            path = urlsplit(target).path
            url = posixpath.normpath(posixpath.join(posixpath.dirname(page.url.rstrip("/") + "/x"), unquote(path)))
            url = url.lstrip("./") if url != "." else ""
            for candidate in (url, url + "/", url.rstrip("/") + "/"):
                if candidate in self.excluded_urls:
                    target_uri = self.excluded_urls[candidate]
                    log.warning(message("link_to_excluded", "en", page=page.file.src_uri, target=target_uri))
                    break

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Preview pages carry a Content-Security-Policy: nothing loads from elsewhere, nothing
        is submitted, and only the theme's own scripts run (the content has none: it is sanitised).
        MkDocs' own 'DRAFT' mark on them is written in the site's language."""
        if page.file.src_uri in self.live and not self.serving:
            self.built_pages[page.file.src_uri] = (page.url, page.file.dest_uri)
        if self.previewing:
            output = theme.draft_marker(output, self.lang)
        if not self.previewing or (
            page.file.src_uri not in self.previews and not page.file.src_uri.startswith("_pending")
        ):
            return output
        from . import preview

        return preview.with_csp(output)

    @event_priority(-100)  # after the blog's on_env, whose `date` filter writes Common-Era years
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Thai word search, Buddhist-Era dates and the home page's lists for the theme's overrides."""
        theme.add_assets(files, config, lang=self.lang, thai_digits=self.config.thai_digits)
        live: list[theme.LivePost] = []
        for path, (post, decision) in sorted(self.judged.items()):
            file = files.get_file_from_path(path)
            if decision.state == LIVE and post.window and file is not None:
                live.append(theme.LivePost(path, file.url, post.title, post.category, post.window.start))
        theme.add_template_helpers(
            env,
            lang=self.lang,
            timezone=ZoneInfo(self.config.timezone),
            live=live,
            categories=tuple(self.config.categories),
            thai_digits=self.config.thai_digits,
            now=self.now,
        )
        return env

    @event_priority(-100)  # after the blog computed each post's read time (on_page_content)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        """With `thai_digits`, the blog's read time in Thai digits too (post pages and blog lists)."""
        if self.config.thai_digits:
            theme.readtime_in_thai_digits(page)
        return context

    @event_priority(-100)  # after the blog wrote its archive views ('# 2026')
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Title the blog's archive views with the Buddhist-Era year ('2569', not '2026')."""
        return theme.archive_markdown(markdown, page, thai_digits=self.config.thai_digits)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._lay_tombstones(config)
        if not self.takes_down():
            self._summarise(moved=0)

    def _lay_tombstones(self, config: MkDocsConfig) -> None:
        """A notice page at the URL of every taken-down post, plus site/taken-down.txt.

        Posts expired in this build are included: they are out of this site already, and
        the ones `on_shutdown` is about to move keep the same URL, so they need nothing more."""
        gate = self._gate()
        expiring = [
            (path, gate.docs_dir, None) for path, (_, decision) in self.judged.items() if decision.state == EXPIRED
        ]
        posts = [*tombstones.expired_posts(gate.expired_dir), *expiring]
        public = bool(self.config.withdrawal_reason_public)
        # Only a verified withdrawal order makes a notice say "withdrawn" (and show its reason).
        verdicts = [(path, decision) for path, (_, decision) in self.judged.items() if decision.state == EXPIRED]
        for path in tombstones.recorded_withdrawn(gate.expired_dir):
            verdicts.append((path, gate.judge(gate.target(EXPIRED_PLACE, path), self.now).decision))
        withdrawn = {
            path: (decision.withdrawal.reason if public else None)
            for path, decision in verdicts
            if decision.withdrawal is not None
        }
        last_days = self._last_days(posts)
        laid = tombstones.lay(Path(config.site_dir), posts, config, self.lang, withdrawn, last_days)
        self.expiring_urls = {stone.post_path: stone.url for stone in laid if stone.post_path in self.judged}
        if laid:
            log.info(message("tombstones_laid", "en", count=len(laid), list=tombstones.LIST_NAME))

    def _last_days(self, posts: list[tuple[str, Path, str | None]]) -> dict[str, str]:
        """Post path -> the last day of its publication period, as the notice shows it."""
        gate, tz = self._gate(), ZoneInfo(self.config.timezone)
        shown: dict[str, str] = {}
        for post_path, base, _ in posts:
            judged = self.judged.get(post_path)
            post = judged[0] if judged else gate.judge(base / post_path, self.now).post
            if post.window is not None:
                last = post.window.end.astimezone(tz) - dt.timedelta(seconds=1)  # the end is exclusive
                shown[post_path] = display_date(last, self.lang, thai_digits=self.config.thai_digits)
        return shown

    def _summarise(self, moved: int) -> None:
        counts = Counter(decision.state for _, decision in self.judged.values())
        awaiting = sum(n for state, n in counts.items() if state.startswith("awaiting_"))
        log.info(
            message(
                "build_summary",
                "en",
                live=counts[LIVE],
                scheduled=counts[SCHEDULED],
                awaiting=awaiting,
                rejected=counts[REJECTED],
                invalid=counts["invalid"],
                expired=counts[EXPIRED],
                moved=moved,
            )
        )

    def takes_down(self) -> bool:
        """Moves happen only after a clean `mkdocs build` (never serve, --dirty or a failure)."""
        return (
            self.started
            and self.command == "build"
            and not self.serving
            and not self.dirty
            and bool(self.config.move_expired)
            and bool(self.config.enabled)
        )

    def on_shutdown(self) -> None:
        self._unstage()
        self._record_witness()
        self._note_built_pages()
        if self.gate is None or not self.takes_down():
            return
        if self.failed:
            self._summarise(moved=0)
            return
        expired = [path for path, (_, decision) in self.judged.items() if decision.state == EXPIRED]
        result = take_down(self.gate, expired, self.now, urls=self.expiring_urls) if expired else None
        if result is not None:
            for post_path, code, detail in result.problems:
                log.warning(message(code, "en", path=post_path, detail=detail))
            for post_path in result.moved:
                log.info(message("moved_post", "en", path=post_path, target=str(self.gate.expired_dir.name)))
        ended = [path for path, (_, decision) in self.judged.items() if ended_unapproved(decision)]
        returned = return_to_pending(self.gate, ended, self.now) if ended else None
        if returned is not None:
            for post_path, code, detail in returned.problems:
                log.warning(message(code, "en", path=post_path, detail=detail))
            for post_path in returned.moved:
                log.warning(message("returned_to_pending", "en", path=post_path))
        self._summarise(moved=len(result.moved) if result else 0)

    # --- what `gate capture` photographs --------------------------------------------

    def _note_built_pages(self) -> None:
        """After a successful `mkdocs build`, note which live posts it wrote and where (evidence.py)."""
        gate = self.gate
        if gate is None or not self.started or self.command != "build" or self.serving or self.failed:
            return
        from ..forms.register import fiscal_year
        from ..services import evidence

        pages = []
        for src_uri, (url, dest) in self.built_pages.items():
            post, decision = self.judged[src_uri]
            if decision.state != LIVE or post.digest is None or post.window is None:
                continue
            start = post.window.start.astimezone(gate.rules.timezone).date()
            pages.append(evidence.BuiltPage(post.path, url, dest, post.digest, fiscal_year(start)))
        try:
            evidence.write_built_pages(gate.root, Path(self.site_dir), self.now, pages)
        except MoveError as error:
            log.warning(
                message("evidence_note_unwritable", "en", path=str(error.path), detail=error.detail or error.code)
            )

    # --- the witness of sign-off times -------------------------------------------

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """An unreadable witness file fails --strict: sign-offs then count as first seen now."""
        gate = self.gate
        if gate is not None and gate.witness_problem is not None:
            log.warning(message("witness_unreadable", "en", path=witness.WITNESS_FILE, detail=gate.witness_problem))

    def records_witness(self) -> bool:
        """Only a successful `mkdocs build` is the publish run that records sign-offs it first sees."""
        return (
            self.gate is not None
            and self.started
            and self.command == "build"
            and not self.serving
            and not self.dirty
            and not self.failed
            and bool(self.config.enabled)
            and self.gate.witness_problem is None
        )

    def _record_witness(self) -> None:
        """Note in signoffs-seen.json when each sign-off (of every post, pending ones included) was first seen."""
        gate = self.gate
        if gate is None or not self.records_witness():
            return
        # The posts of this build were judged in on_files; only the others are read now.
        others = [file for file in gate.post_files() if gate.place_of(file)[0] != CONTENT]
        judged = [*self.judged.values(), *((j.post, j.decision) for j in (gate.judge(f, self.now) for f in others))]
        try:
            added = witness.record(gate.root, witness.observed(judged, gate.settings), self.now)
        except witness.WitnessError as error:
            log.warning(message("witness_unreadable", "en", path=witness.WITNESS_FILE, detail=error.detail))
            return
        except MoveError as error:
            log.warning(message(error.code, "en", path=str(error.path), detail=error.detail))
            return
        if added:
            log.info(message("witness_recorded", "en", count=len(added), path=witness.WITNESS_FILE))


__all__ = ["ApprovalGatePlugin", "Reason", "Settings"]
