"""The MkDocs plugin: build only `live` posts and leave no trace of any other.

It decides in `on_files` before every other plugin, then closes the leaks that
`InclusionLevel.EXCLUDED` leaves open: explicit `nav:` entries, links from built
pages and assets used only by excluded posts. `--dirty` builds are refused, since
they would keep pages of posts no longer live. Expired posts are moved out of
`docs_dir` only after a successful, clean build. It also adds, when configured,
the publication register and, in `mkdocs serve`, the preview of pending posts.
"""

from __future__ import annotations

import bisect
import inspect
import itertools
import logging
import os
import posixpath
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory, get_build_datetime, get_relative_url

from . import theme, tombstones
from .config import GateConfig
from .decision import EXPIRED, LIVE, REJECTED, SCHEDULED, Decision, Settings, decide
from .messages import Reason, message, site_language, state_name
from .plain import visible
from .post import Post
from .prejudge import Prejudge, Verdict, digest_now
from .repository import PENDING, Gate, JudgeCache, blog_rules

if TYPE_CHECKING:
    from . import preview

# The register (with its forms) and the serve preview are imported when first used:
# most builds need neither, and every build waits for what it imports.

log = get_plugin_logger(__name__)

HREF_RE = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"'#?]+)""", re.IGNORECASE)
MARKDOWN_LINK_RE = re.compile(r"""(?:\]\(|\b(?:href|src)\s*=\s*["'])\s*<?([^)\s"'>#?]+)""", re.IGNORECASE)


def _is_serving() -> bool:
    """True inside `mkdocs serve`, including `serve --clean` (which reports 'build')."""
    return any(frame.filename.replace("\\", "/").endswith("mkdocs/commands/serve.py") for frame in inspect.stack(0))


class ApprovalGatePlugin(BasePlugin[GateConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.started = False  # on_startup runs only under the `mkdocs` command line
        self.cache = JudgeCache()  # survives serve rebuilds: unchanged posts are not verified again
        self._reset()

    def _reset(self) -> None:
        self.gate: Gate | None = None
        self.serving = False
        self.failed = False
        self.judged: dict[str, tuple[Post, Decision]] = {}  # page path -> verdict
        self.excluded: set[str] = set()  # page paths of gated pages kept out
        self.excluded_urls: dict[str, str] = {}  # url -> page path
        self.verified_text: dict[str, str] = {}
        self.read_as: dict[str, str] = {}  # page path of a live post -> SHA-256 of the bytes verified
        self.used_by_built: set[str] = set()  # src URIs of files linked from built pages
        self.used_by_excluded: set[str] = set()
        self.in_question: set[str] = set()  # src URIs of files whose inclusion on_env may change
        self.lang = "th"
        self.previewing = False  # serve only, `preview: true`, CI unset
        self.previews: dict[str, preview.Item] = {}  # served src URI -> previewed post
        self.preview_text: dict[str, str] = {}
        self.dashboard_url = ""
        self.expiring_urls: dict[str, str] = {}  # post path -> URL, recorded when taken down
        self.prejudge: Prejudge | None = None  # `build` only: posts judged on a second core from on_config
        self.unchecked: set[str] = set()  # page paths decided before their signature checks came back

    # --- lifecycle -------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty, self.started = command, dirty, True

    @event_priority(100)  # first: the earlier the worker starts judging, the less on_files waits
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._stop_prejudge()
        self._reset()  # one instance lives across `serve` rebuilds
        if self.dirty:
            # A dirty build keeps old pages of posts that are no longer live.
            raise PluginError(message("dirty_refused", "en"))
        self.serving = self.command == "serve" or _is_serving()
        self.lang = site_language(config.theme.get("language"))
        root = Path(config.config_file_path or ".").resolve().parent
        docs_dir = Path(config.docs_dir).resolve()
        blog = blog_rules(config.plugins, docs_dir)
        self.gate = Gate.from_options(root, docs_dir, dict(self.config), blog=blog)
        self.gate.cache = self.cache
        self.cache.start_build()
        self.now = get_build_datetime()  # honours SOURCE_DATE_EPOCH; read once per build
        # CI builds what the public sees, so a preview there would only hide mistakes.
        self.previewing = self.serving and self.config.preview and self.config.enabled and "CI" not in os.environ
        if self.previewing:
            from . import preview

            config.extra_css.append(preview.CSS_URI)
        elif not self.serving:  # serve keeps its own cache; its threads make forking unsafe
            # --strict fails the build for a bad signature anyway, so checks may finish later.
            self.prejudge = Prejudge.start(self.gate, config.docs_dir, self.now, defer=bool(config.strict))
        return config

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True
        self._stop_prejudge()

    def _stop_prejudge(self) -> None:
        if self.prejudge is not None:
            self.prejudge.close()
            self.prejudge = None

    # --- deciding --------------------------------------------------------------

    @event_priority(100)  # before blog (-50), tags, search, RSS: they must never see a gated post
    def _decide(self, files: Files, *, config: MkDocsConfig) -> Files:
        gate = self._gate()
        if not self.config.enabled:
            log.warning(message("plugin_disabled", "en"))
        assets = sorted(file.src_uri for file in files if not file.is_documentation_page())
        verdicts: dict[tuple[str, str], Verdict] = {}
        if self.prejudge is not None:
            verdicts = self.prejudge.verdicts()
            log.debug(message("prejudged", "en", worker=self.prejudge.by_worker, main=self.prejudge.by_main))
            if not self.prejudge.defer:
                self.prejudge = None
        for file in files.documentation_pages(inclusion=lambda level: True):
            if gate.is_exempt(file.src_uri) or file.abs_src_path is None:
                continue
            verdict = verdicts.get((file.src_uri, os.path.normpath(file.abs_src_path)))
            if verdict is not None and self.prejudge is not None:
                self.unchecked.add(file.src_uri)
            read_as, post, decision = verdict or gate.judge_read(file.abs_src_path, file.src_uri, self.now)
            self.judged[file.src_uri] = (post, decision)
            if log.isEnabledFor(logging.DEBUG):
                log.debug(f"{file.src_uri}: {decision.state}; " + "; ".join(r.text("en") for r in decision.reasons))
            if decision.state == LIVE and self.config.enabled:
                file.inclusion = InclusionLevel.INCLUDED
                self.verified_text[file.src_uri] = post.text
                self.read_as[file.src_uri] = read_as
            else:
                file.inclusion = InclusionLevel.EXCLUDED
                self.excluded.add(file.src_uri)
                self.excluded_urls[file.url] = file.src_uri
                self._report(file.src_uri, decision)
                self.used_by_excluded.update(self._files_used(file, post.body, assets))
        if self.previewing:
            self._add_previews(files, config)
        if self.config.register and self.config.enabled:
            self._add_register(files, config)  # after the decisions: generated pages are never gated
        cached = message("judge_cache", "en", parsed=self.cache.parsed, reused=self.cache.reused)
        (log.info if self.cache.reused else log.debug)(cached)
        return files

    @event_priority(-100)  # after the blog, which reads its posts itself in on_files
    def _check_early_reads(self, files: Files, *, config: MkDocsConfig) -> None:
        """Fail the build if a live post changed on disk after it was verified and before a plugin
        read it itself (`on_page_read_source`, which serves the verified text, is not used then).
        A --strict build's worker hashes them again off the critical path, answering by on_env."""
        read_early = []
        for src_uri in self.read_as:
            file = files.get_file_from_path(src_uri)
            if file is None or file.page is None or file.abs_src_path is None:
                continue  # no page yet: MkDocs will read it through on_page_read_source
            read_early.append((src_uri, os.path.normpath(file.abs_src_path)))
        if self.prejudge is not None and read_early:
            read_early = self.prejudge.rehash(read_early)
        if changed := self._changed_since_judged({file: digest_now(file[1]) for file in read_early}):
            raise PluginError(message("changed_during_build", "en", path=changed[0]))
        self.in_question = self._files_in_question(files)  # the files are all there now

    def _changed_since_judged(self, digests: dict[tuple[str, str], str | None]) -> list[str]:
        """`digests`: (src URI, path) of live posts -> SHA-256 of the file now (None: unreadable)."""
        return sorted(src_uri for (src_uri, _), digest in digests.items() if digest != self.read_as[src_uri])

    on_files = CombinedEvent(_decide, _check_early_reads)

    # --- the publication register ------------------------------------------------

    def _add_register(self, files: Files, config: MkDocsConfig) -> None:
        """The register page, each listed post's form (HTML, and PDF when WeasyPrint loads) and the fonts."""
        from . import form
        from .register import FONTS_DIR as REGISTER_FONTS
        from .register import REGISTER_PAGE, approved_and_started, entry_for, form_uri, group
        from .register import page_markdown as register_markdown

        gate = self._gate()
        tz, roles = gate.rules.timezone, gate.settings.roles
        listed: dict[str, tuple[Post, Decision, bool]] = {}  # post path -> (post, decision, on the site)
        for path in sorted(gate.expired_dir.rglob("*.md")) if gate.expired_dir.is_dir() else ():
            judged = gate.judge(path, self.now)
            listed[judged.post.path] = (judged.post, judged.decision, False)
        for post, decision in self.judged.values():
            listed[post.path] = (post, decision, True)
        listed = {key: item for key, item in sorted(listed.items()) if approved_and_started(*item[:2], self.now, roles)}
        with_pdf = not self.serving and form.pdf_available()  # printing is slow: `build` only
        entries = [entry_for(post, decision, on_site=on_site, tz=tz) for post, decision, on_site in listed.values()]
        page = register_markdown(
            group(entries),
            lang=self.lang,
            page_link=lambda entry: posixpath.relpath(entry.post_path, posixpath.dirname(REGISTER_PAGE)),
            with_pdf=with_pdf,
        )
        added = [File.generated(config, REGISTER_PAGE, content=page, inclusion=InclusionLevel.INCLUDED)]
        for name in (*form.FONT_FILES.values(), "OFL.txt"):
            added.append(File.generated(config, f"{REGISTER_FONTS}/{name}", abs_src_path=str(form.FONTS_DIR / name)))
        for post_path, (post, decision, _) in listed.items():
            data = form.form_data(post, decision, gate.registry, tz=tz, now=self.now, roles=roles, with_status=False)
            fonts = form.font_urls("url", "../" * (post_path.count("/") + 1) + "fonts/")
            added.append(File.generated(config, form_uri(post_path, "html"), content=form.render_html(data, fonts)))
            if with_pdf:
                printable = form.render_html(data, form.font_urls("file"))
                pdf = form.cached_pdf(printable, gate.root / ".cache" / "approval-gate")
                added.append(File.generated(config, form_uri(post_path, "pdf"), content=pdf))
        for file in added:
            files.append(file)

    # --- the serve preview -------------------------------------------------------

    def _add_previews(self, files: Files, config: MkDocsConfig) -> None:
        """Non-live posts in content become drafts, pending posts pages under _pending/, plus the queue.

        Everything added is DRAFT: MkDocs builds drafts in `serve` only, a second lock
        behind `previewing`. Drafts stay out of the blog (it only walks included
        pages), so a broken post cannot break the blog; they are plain pages."""
        from . import preview

        gate = self._gate()
        names = {pid: person.name for pid, person in gate.registry.people.items()} if gate.registry else {}
        for src_uri in sorted(self.excluded):
            file = files.get_file_from_path(src_uri)
            if file is None or file.abs_src_path is None:
                continue
            post, decision = self.judged[src_uri]
            file.inclusion = InclusionLevel.DRAFT
            self.previews[src_uri] = preview.Item(post, decision, preview.CONTENT, src_uri, names)
            self.preview_text[src_uri] = preview.page_markdown(post, self._raw(Path(file.abs_src_path)), self.lang)
        expired = gate.expired_dir.resolve()
        for path in gate.post_files():
            place, post_path = gate.place_of(path)
            uri = preview.preview_uri(post_path)
            if place != PENDING or files.get_file_from_path(uri) is not None:
                continue
            judged = gate.judge(path, self.now)
            text = preview.page_markdown(judged.post, self._raw(path), self.lang)
            files.append(File.generated(config, uri, content=text, inclusion=InclusionLevel.DRAFT))
            self.previews[uri] = preview.Item(judged.post, judged.decision, preview.PENDING, uri, names)
        for path in sorted(gate.pending_dir.rglob("*")) if gate.pending_dir.is_dir() else []:
            relative = path.relative_to(gate.pending_dir).as_posix()
            hidden = "/." in f"/{relative}"
            if path.suffix == ".md" or hidden or not path.is_file() or expired in path.resolve().parents:
                continue
            uri = f"{preview.PREVIEW_DIR}/{relative}"
            if files.get_file_from_path(uri) is None:  # images beside a pending post
                files.append(File.generated(config, uri, abs_src_path=str(path), inclusion=InclusionLevel.DRAFT))
        files.append(File.generated(config, preview.CSS_URI, content=preview.CSS, inclusion=InclusionLevel.DRAFT))
        dashboard = File.generated(config, preview.DASHBOARD_URI, content="", inclusion=InclusionLevel.DRAFT)
        self.dashboard_url = dashboard.url
        rows = [(item, get_relative_url(files.src_uris[uri].url, dashboard.url)) for uri, item in self.previews.items()]
        dashboard.content_string = preview.dashboard_markdown(rows, self.lang, gate.rules.timezone, self.now)
        files.append(dashboard)

    @staticmethod
    def _raw(path: Path) -> str:
        try:
            return path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when the registry or (with the preview) a pending post changes."""
        if self.gate is not None:
            watched = [self.gate.root / self.config.registry]
            if self.previewing:
                watched.append(self.gate.pending_dir)
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
        if decision.state in (SCHEDULED, EXPIRED) and self.config.enabled:
            log.info(text)
        else:
            log.warning(text)

    @classmethod
    def _files_used(cls, file: File, markdown: str, assets: list[str]) -> set[str]:
        """src URIs of the files a post links to and those in its attachments folder."""
        return cls._local_links(file, markdown) | cls._attachments(assets, file)

    @staticmethod
    def _local_links(file: File, markdown: str) -> set[str]:
        """src URIs of local files a page links to (images, attachments)."""
        base = posixpath.dirname(file.src_uri)
        found = set()
        for target in MARKDOWN_LINK_RE.findall(markdown):
            if urlsplit(target).scheme or target.startswith(("/", "//")):
                continue
            found.add(posixpath.normpath(posixpath.join(base, unquote(target))))
        return found

    def _files_in_question(self, files: Files) -> set[str]:
        """src URIs of the files whose inclusion on_env may change: excluded ones (they come back
        when a built page uses them) and those excluded posts use (they go when nothing built does).
        In a site whose posts are all live there are usually none, and no links need collecting."""
        return {
            file.src_uri
            for file in files
            if not file.is_documentation_page()
            and not (file.src_uri.startswith(".") or "/." in file.src_uri)
            and (file.src_uri in self.used_by_excluded or file.inclusion == InclusionLevel.EXCLUDED)
        }

    def _used_by_live(self, files: Files) -> set[str]:
        """src URIs of files live posts link to or keep in their attachments folders."""
        assets = sorted(file.src_uri for file in files if not file.is_documentation_page())
        used = set()
        for src_uri in self.read_as:
            file = files.get_file_from_path(src_uri)
            if file is not None:
                used.update(self._files_used(file, self.judged[src_uri][0].body, assets))
        return used

    @staticmethod
    def _attachments(assets: list[str], page: File) -> set[str]:
        """src URIs in the page's attachments folder; `assets` is every non-page src URI, sorted
        (a prefix search, since scanning all files for every post was quadratic: 2.4 s at 3,000 posts)."""
        folder = posixpath.splitext(page.src_uri)[0] + "/"
        found = set()
        for uri in itertools.islice(assets, bisect.bisect_left(assets, folder), None):
            if not uri.startswith(folder):
                break
            found.add(uri)
        return found

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        # Render exactly the text that was verified (or previewed), not whatever is on disk now.
        return self.verified_text.get(page.file.src_uri) or self.preview_text.get(page.file.src_uri)

    # --- closing the leaks -------------------------------------------------------

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
        for page in (f.page for f in files.documentation_pages(inclusion=lambda level: True) if f.page):
            if page.file.src_uri in self.excluded:
                page.previous_page = page.next_page = None
        return nav

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.previewing:
            from . import preview

            item = self.previews.get(page.file.src_uri)
            if item is not None:
                back = get_relative_url(self.dashboard_url, page.url)
                return preview.banner_html(item, self.lang, self._gate().rules.timezone, back) + html
            if page.file.src_uri == preview.DASHBOARD_URI:
                return html
        if not self.excluded_urls and not self.in_question:
            return html  # no link can reach an excluded page or decide a file's inclusion
        base = posixpath.dirname(page.file.src_uri)
        for target in HREF_RE.findall(html):
            if urlsplit(target).scheme or target.startswith("//"):
                continue
            url = posixpath.normpath(posixpath.join(posixpath.dirname(page.url.rstrip("/") + "/x"), unquote(target)))
            url = url.lstrip("./") if url != "." else ""
            for candidate in (url, url + "/", url.rstrip("/") + "/"):
                if candidate in self.excluded_urls:
                    log.warning(
                        message("link_to_excluded", "en", page=page.file.src_uri, target=self.excluded_urls[candidate])
                    )
                    break
            self.used_by_built.add(posixpath.normpath(posixpath.join(base, unquote(target))))
        return html

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Settle which assets are copied (this runs before static files are): those only
        excluded posts use stay out; those live pages use come back in, even when
        `exclude_docs` keeps the posts' folders out for builders that ignore plugins."""
        self._settle_deferred_checks(config)
        # A file another plugin added excluded after on_files was not in question when the pages
        # were scanned: it stays out, the safe side.
        in_question = self._files_in_question(files) & self.in_question
        used = self.used_by_built | self._used_by_live(files) if in_question else set()
        if self.previewing:
            used |= self.used_by_excluded  # drafts show them
        for file in files:
            if file.src_uri not in in_question:
                continue
            if file.src_uri in self.used_by_excluded and file.src_uri not in used:
                file.inclusion = InclusionLevel.EXCLUDED
                self.excluded_urls.setdefault(file.url, file.src_uri)
            elif file.src_uri in used and file.inclusion == InclusionLevel.EXCLUDED:
                file.inclusion = InclusionLevel.INCLUDED
        # Thai word search and Buddhist-Era publication dates for the theme's overrides.
        theme.add_assets(files, config)
        live = [(path, post) for path, (post, decision) in self.judged.items() if decision.state == LIVE]
        starts = {path: post.window.start for path, post in live if post.window}
        theme.add_template_helpers(env, lang=self.lang, timezone=ZoneInfo(self.config.timezone), starts=starts)
        return env

    def _settle_deferred_checks(self, config: MkDocsConfig) -> None:
        """The signature checks a --strict build deferred, and the rehashing of posts the blog read
        itself, before pages are written: a post whose decision the checks change, or that changed
        on disk, fails the build (a bad signature's warning would in strict mode), and what other
        plugins wrote early (Material's tags.json) is cleared."""
        job, self.prejudge = self.prejudge, None
        if job is None:
            return
        failed, digests = job.results()
        gate = self._gate()
        late = []
        for src_uri in sorted(self.unchecked if failed is None else failed & self.unchecked):
            post, tentative = self.judged[src_uri]
            decision = decide(post, gate.registry, gate.settings, self.now)
            if decision != tentative:
                self.judged[src_uri] = (post, decision)
                self._report(src_uri, decision)
                late.append(src_uri)
        if digests is None:  # the worker died: hash them here
            digests = {file: digest_now(file[1]) for file in job.rehashing}
        changed = self._changed_since_judged(digests)
        if late or changed:
            clean_directory(config.site_dir)
        if late:
            raise PluginError(message("late_signature_failure", "en", count=len(late), list=", ".join(late)))
        if changed:
            raise PluginError(message("changed_during_build", "en", path=changed[0]))

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
        laid = tombstones.lay(Path(config.site_dir), posts, config, self.lang)
        self.expiring_urls = {stone.post_path: stone.url for stone in laid if stone.post_path in self.judged}
        if laid:
            log.info(message("tombstones_laid", "en", count=len(laid), list=tombstones.LIST_NAME))

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
        self._stop_prejudge()
        if self.gate is None or not self.takes_down():
            return
        if self.failed:
            self._summarise(moved=0)
            return
        expired = [path for path, (_, decision) in self.judged.items() if decision.state == EXPIRED]
        result = self.gate.take_down(expired, self.now, urls=self.expiring_urls) if expired else None
        if result is not None:
            for post_path, code, detail in result.problems:
                log.warning(message(code, "en", path=post_path, detail=detail))
            for post_path in result.moved:
                log.info(message("moved_post", "en", path=post_path, target=str(self.gate.expired_dir.name)))
        self._summarise(moved=len(result.moved) if result else 0)


__all__ = ["ApprovalGatePlugin", "Reason", "Settings"]
