"""The MkDocs plugin: build only `live` posts and leave no trace of any other.

It decides in `on_files` before every other plugin, then closes the leaks that
`InclusionLevel.EXCLUDED` leaves open: explicit `nav:` entries, links from built
pages, assets used only by excluded posts, and stale output of `--dirty` builds.
`--dirty` builds are refused, since they would keep pages of posts no longer live.
Expired posts are moved out of `docs_dir` only after a successful, clean build.
"""

from __future__ import annotations

import inspect
import posixpath
import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from .config import GateConfig
from .decision import EXPIRED, LIVE, REJECTED, SCHEDULED, Decision, Settings
from .messages import Reason, message, site_language, state_name
from .post import Post
from .repository import Gate

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
        self._reset()

    def _reset(self) -> None:
        self.gate: Gate | None = None
        self.serving = False
        self.failed = False
        self.judged: dict[str, tuple[Post, Decision]] = {}  # page path -> verdict
        self.excluded: set[str] = set()  # page paths of gated pages kept out
        self.excluded_urls: dict[str, str] = {}  # url -> page path
        self.verified_text: dict[str, str] = {}
        self.used_by_built: set[str] = set()  # src URIs of files linked from built pages
        self.used_by_excluded: set[str] = set()
        self.used_by_live: set[str] = set()  # attachments and links of live posts
        self.lang = "th"

    # --- lifecycle -------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty, self.started = command, dirty, True

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()  # one instance lives across `serve` rebuilds
        if self.dirty:
            # A dirty build keeps old pages of posts that are no longer live.
            raise PluginError(message("dirty_refused", "en"))
        self.serving = self.command == "serve" or _is_serving()
        self.lang = site_language(config.theme.get("language"))
        root = Path(config.config_file_path or ".").resolve().parent
        self.gate = Gate.from_options(root, Path(config.docs_dir).resolve(), dict(self.config))
        self.now = get_build_datetime()  # honours SOURCE_DATE_EPOCH; read once per build
        return config

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True

    # --- deciding --------------------------------------------------------------

    @event_priority(100)  # before blog (-50), tags, search, RSS: they must never see a gated post
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        gate = self._gate()
        if not self.config.enabled:
            log.warning(message("plugin_disabled", "en"))
        for file in files.documentation_pages(inclusion=lambda level: True):
            if gate.is_exempt(file.src_uri) or file.abs_src_path is None:
                continue
            post, decision = self._judge(file)
            self.judged[file.src_uri] = (post, decision)
            if decision.state == LIVE and self.config.enabled:
                file.inclusion = InclusionLevel.INCLUDED
                self.verified_text[file.src_uri] = post.text
                self.used_by_live.update(self._local_links(file, post.body))
                self.used_by_live.update(self._attachments(files, file))
            else:
                file.inclusion = InclusionLevel.EXCLUDED
                self.excluded.add(file.src_uri)
                self.excluded_urls[file.url] = file.src_uri
                self._report(file.src_uri, decision)
                self.used_by_excluded.update(self._local_links(file, post.body))
                self.used_by_excluded.update(self._attachments(files, file))
        return files

    def _gate(self) -> Gate:
        if self.gate is None:
            raise RuntimeError("approval-gate: on_config did not run")
        return self.gate

    def _judge(self, file: File) -> tuple[Post, Decision]:
        gate = self._gate()
        raw = Path(file.abs_src_path or "").read_bytes()
        post, decision = gate.judge_bytes(raw, file.src_uri, self.now)
        log.debug(f"{file.src_uri}: {decision.state}; " + "; ".join(r.text("en") for r in decision.reasons))
        return post, decision

    def _report(self, page_path: str, decision: Decision) -> None:
        """Warn (failing --strict) for what someone must fix; info for the normal cases."""
        reasons = "; ".join(reason.text("en") for reason in decision.reasons)
        text = message("excluded_page", "en", path=page_path, state=state_name(decision.state, "en"), reasons=reasons)
        if decision.state in (SCHEDULED, EXPIRED) and self.config.enabled:
            log.info(text)
        else:
            log.warning(text)

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

    @staticmethod
    def _attachments(files: Files, page: File) -> set[str]:
        folder = posixpath.splitext(page.src_uri)[0] + "/"
        return {file.src_uri for file in files if file.src_uri.startswith(folder) and not file.is_documentation_page()}

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        # Render exactly the text that was verified, not whatever is on disk now.
        return self.verified_text.get(page.file.src_uri)

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
        for file in files:
            if file.is_documentation_page() or file.src_uri.startswith(".") or "/." in file.src_uri:
                continue
            used = file.src_uri in self.used_by_built or file.src_uri in self.used_by_live
            if file.src_uri in self.used_by_excluded and not used:
                file.inclusion = InclusionLevel.EXCLUDED
                self.excluded_urls.setdefault(file.url, file.src_uri)
            elif used and file.inclusion == InclusionLevel.EXCLUDED:
                file.inclusion = InclusionLevel.INCLUDED
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.takes_down():
            self._summarise(moved=0)

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
        if self.gate is None or not self.takes_down():
            return
        if self.failed:
            self._summarise(moved=0)
            return
        expired = [path for path, (_, decision) in self.judged.items() if decision.state == EXPIRED]
        result = self.gate.take_down(expired, self.now) if expired else None
        if result is not None:
            for post_path, code, detail in result.problems:
                log.warning(message(code, "en", path=post_path, detail=detail))
            for post_path in result.moved:
                log.info(message("moved_post", "en", path=post_path, target=str(self.gate.expired_dir.name)))
        self._summarise(moved=len(result.moved) if result else 0)


__all__ = ["ApprovalGatePlugin", "Reason", "Settings"]
