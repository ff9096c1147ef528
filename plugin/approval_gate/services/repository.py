"""The gate as the files on disk see it: where posts are and how to read and judge them.
The plugin and the `gate` command share it, so they reach the same decision by the same
code. Taking expired posts down is `takedown.py`.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import os
import posixpath
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..core import signing
from ..core.decision import Decision, Settings, decide
from ..core.messages import Reason
from ..core.post import Post, Rules, load_post
from ..core.registry import Registry, RegistryError, parse_registry
from . import hardened, sanitize, witness
from .binding import MARKDOWN_SUFFIXES, MarkdownSetup, Renderer, bind
from .judge_cache import JudgeCache
from .sanitize import Checked

CONTENT, PENDING, EXPIRED_PLACE = "content", "pending", "expired"
# Versions replaced on the site by a revision (`gate amend`, then `gate publish`) are kept as
# history under <expired_dir>/.revisions/<their revision number>/<post path>: the same post
# path, so their signatures still verify; a hidden folder, so no walker takes them for posts
# that were taken down (no notice is laid for them: their address still serves the revision).
REVISIONS_DIR = ".revisions"


def read_plain_file(base: Path, path: str) -> bytes | None:
    """The bytes of `base/path` when it is a plain file reached without a symlink, else None."""
    target = base / path
    try:
        if first_symlink(base, target) is not None or not target.is_file():
            return None
        return target.read_bytes()
    except OSError:
        return None


def read_witness(root: Path) -> tuple[dict[str, dt.datetime], str | None]:
    """The witness map and, when its file cannot be read, why (then every sign-off is seen now)."""
    try:
        return witness.read(root / witness.WITNESS_FILE), None
    except witness.WitnessError as error:
        return {}, error.detail


@dataclass(frozen=True)
class Judged:
    """A post file, where it is, and what the gate decided about it."""

    file: Path
    place: str  # content | pending | expired
    post: Post
    decision: Decision


def first_symlink(base: Path, path: Path) -> Path | None:
    """The first symbolic link on the way from `base` down to `path` (`path` itself included), if any."""
    try:
        parts = path.relative_to(base).parts
    except ValueError:  # a folder configured outside the site's root: check the file itself
        return path if path.is_symlink() else None
    current = base
    for part in parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def blog_rules(plugins: Mapping[str, Any], docs_dir: Path) -> dict[str, Any]:
    """`authors`, `blog_categories` and `blog_posts` for Rules: what the site's Material blog plugins
    accept, and the folders of their posts (which need a `date`).

    `authors`: the ids in the blog's authors file (`.authors.yml` in the blog folder), None
    when no blog has one (then `authors` is refused), empty when one cannot be read; the
    ids of several blogs are pooled. `blog_categories`: `categories_allowed`, or () when a
    blog allows any category."""
    import yaml

    authors: set[str] | None = None
    categories: list[str] = []
    post_dirs: list[str] = []
    restricted = True
    for name, plugin in plugins.items():
        options = getattr(plugin, "config", None)
        if not name.endswith("blog") or options is None or "authors_file" not in options:
            continue
        blog_dir = str(options.get("blog_dir") or "blog")
        post_dir = str(options.get("post_dir") or "{blog}/posts").format(blog=blog_dir)
        post_dirs.append(posixpath.normpath(post_dir).strip("/") + "/")
        file = docs_dir / str(options["authors_file"]).format(blog=blog_dir)
        if file.is_file():
            authors = authors if authors is not None else set()
            try:
                data = yaml.safe_load(file.read_text(encoding="utf-8-sig")) or {}
                found = data.get("authors") if isinstance(data, dict) else None
                if isinstance(found, dict):
                    authors.update(key for key in found if isinstance(key, str))
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                pass  # unreadable: no author id is accepted (Material stops the build on it anyway)
        allowed = list(options.get("categories_allowed") or ())
        restricted = restricted and bool(allowed)
        categories += [str(item) for item in allowed]
    return {
        "authors": frozenset(authors) if authors is not None else None,
        "blog_categories": tuple(dict.fromkeys(categories)) if restricted else (),
        "blog_posts": tuple(post_dirs),
    }


@dataclass
class Gate:
    root: Path
    docs_dir: Path
    pending_dir: Path
    expired_dir: Path
    settings: Settings
    rules: Rules
    exempt: tuple[str, ...]
    registry: Registry | None
    registry_problem: Reason | None
    assets: tuple[str, ...] = ()
    gated: tuple[str, ...] = ("*",)
    renderer: Renderer = field(default_factory=lambda: Renderer(MarkdownSetup()))
    cache: JudgeCache | None = None  # set by the plugin, which lives across serve rebuilds
    # When the publish run first saw each sign-off (witness.py); empty: every sign-off is seen now.
    witness: Mapping[str, dt.datetime] = field(default_factory=dict)
    witness_problem: str | None = None  # why the witness file could not be read
    thai_digits: bool = False  # the site's digit style (plugin option `thai_digits`), for what `gate` prints

    @classmethod
    def from_options(
        cls,
        root: Path,
        docs_dir: Path,
        options: dict[str, object],
        now: dt.datetime | None = None,
        *,
        markdown: MarkdownSetup | None = None,
        blog: Mapping[str, Any] | None = None,
    ) -> Gate:
        """Build from the plugin options (a GateConfig or the same keys in a dict).

        `now` (default: the build clock) is only needed to check a hardened registry's expiry;
        `markdown` is the site's Markdown setup, which posts are rendered with to check them;
        `blog`: what `blog_rules` found (no blog: `authors` is refused, any blog category)."""
        roles = tuple(str(role) for role in options.get("roles") or ("chair", "director"))  # type: ignore[attr-defined]
        try:
            tz = ZoneInfo(str(options.get("timezone") or "Asia/Bangkok"))
        except (ZoneInfoNotFoundError, ValueError):
            tz = ZoneInfo("Asia/Bangkok")
        registry_path = root / str(options.get("registry") or "approvers.yml")
        registry: Registry | None = None
        problem: Reason | None = None
        try:
            registry_raw = registry_path.read_bytes()
            registry = parse_registry(registry_raw.decode("utf-8"), roles)
        except OSError as error:
            problem = Reason(
                "registry_unreadable", None, {"path": str(registry_path.name), "detail": error.strerror or str(error)}
            )
        except UnicodeDecodeError:
            problem = Reason("registry_unreadable", None, {"path": registry_path.name, "detail": "not UTF-8"})
        except RegistryError as error:
            from ..core.messages import message

            detail = message(error.code, "en", key=error.key, detail=error.detail)
            problem = Reason("registry_unreadable", None, {"path": registry_path.name, "detail": detail})
        site_id = str(options.get("site_id") or (registry.site_id if registry else ""))
        if registry is not None and site_id != registry.site_id:
            problem = Reason(
                "registry_unreadable",
                None,
                {"path": registry_path.name, "detail": f"site_id {registry.site_id!r} != {site_id!r}"},
            )
            registry = None
        if registry is not None and hardened.enabled(os.environ):
            # Hardened mode: an unverifiable registry fails every post closed.
            try:
                if now is None:
                    from mkdocs.utils import get_build_datetime

                    now = get_build_datetime()
                hardened.check(registry_path, registry_raw, registry, now, os.environ)
            except hardened.RegistryTrustError as error:
                problem = Reason(error.code, None, {"path": registry_path.name, **error.params})
                registry = None
        categories = tuple(str(item) for item in options.get("categories") or ())  # type: ignore[attr-defined]
        default_agency = options.get("default_agency")
        seen, seen_problem = read_witness(root)
        return cls(
            root=root,
            docs_dir=docs_dir,
            pending_dir=root / str(options.get("pending_dir") or "pending"),
            expired_dir=root / str(options.get("expired_dir") or "pending/expired"),
            settings=Settings(
                site_id=site_id,
                roles=roles,
                signatures=options.get("signatures", "required") != "off",
                withdraw_role=str(options.get("withdraw_role") or "director"),
            ),
            rules=Rules(
                timezone=tz,
                default_agency=str(default_agency) if default_agency else None,
                categories=categories,
                **(blog or {}),
            ),
            exempt=tuple(str(item) for item in options.get("exempt") or ()),  # type: ignore[attr-defined]
            assets=tuple(str(item) for item in options.get("assets") or ()),  # type: ignore[attr-defined]
            gated=tuple(str(item) for item in options.get("gated") or ("*",)),  # type: ignore[attr-defined]
            registry=registry,
            registry_problem=problem,
            renderer=Renderer(markdown or MarkdownSetup(), sanitize.policy_with(options.get("allowed_html"))),
            witness=seen,
            witness_problem=seen_problem,
            thai_digits=options.get("thai_digits") is True,
        )

    # --- where posts live ----------------------------------------------------

    def is_exempt(self, path: str) -> bool:
        """A page or file under docs_dir published without sign-off (`exempt` globs)."""
        return any(fnmatch.fnmatchcase(path, pattern) for pattern in self.exempt)

    def is_asset(self, path: str) -> bool:
        """A static file under docs_dir published without sign-off (`assets` globs; never a page)."""
        suffix = os.path.splitext(path)[1].lower()
        return suffix not in MARKDOWN_SUFFIXES and any(fnmatch.fnmatchcase(path, pattern) for pattern in self.assets)

    def is_gated(self, path: str) -> bool:
        """Inside the gated scope (`gated` globs) and not exempt: must be accounted for."""
        return any(fnmatch.fnmatchcase(path, pattern) for pattern in self.gated) and not (
            self.is_exempt(path) or self.is_asset(path)
        )

    def place_of(self, file: Path) -> tuple[str, str]:
        """(place, post path) of a post file: relative to the most specific root holding it.

        The folder is resolved, not the file: a symlinked post is placed where the link is,
        so a link pointing anywhere is judged (and refused by a take-down), never a crash."""
        resolved = self._resolved_folder(file.parent) / file.name
        for place, base in self._resolved_bases:
            try:
                return place, resolved.relative_to(base).as_posix()
            except ValueError:
                continue
        raise ValueError(f"{file} is not under {self.docs_dir}, {self.pending_dir} or {self.expired_dir}")

    def _resolved_folder(self, folder: Path) -> Path:
        cache: dict[Path, Path] = self.__dict__.setdefault("_folders", {})
        if folder not in cache:
            cache[folder] = folder.resolve()
        return cache[folder]

    @functools.cached_property
    def _resolved_bases(self) -> tuple[tuple[str, Path], ...]:
        # Resolving the three folders for every file was a third of `gate check` on 10,000 posts.
        places = ((EXPIRED_PLACE, self.expired_dir), (CONTENT, self.docs_dir), (PENDING, self.pending_dir))
        return tuple((place, base.resolve()) for place, base in places)

    def folder(self, place: str) -> str:
        """The configured folder of a place, as people see it: relative to the site's root when inside it."""
        base = {CONTENT: self.docs_dir, PENDING: self.pending_dir, EXPIRED_PLACE: self.expired_dir}[place]
        try:
            return base.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return base.as_posix()

    def target(self, place: str, post_path: str) -> Path:
        base = {CONTENT: self.docs_dir, PENDING: self.pending_dir, EXPIRED_PLACE: self.expired_dir}[place]
        return base / post_path

    def post_files(self) -> Iterator[Path]:
        """Every post under content (exempt pages excluded), pending and expired."""
        expired = self.expired_dir.resolve()
        in_expired: dict[Path, bool] = {}  # per folder: resolving every file was 0.7 s of 10,000

        def under_expired(file: Path) -> bool:
            if file.is_symlink():
                return expired in file.resolve().parents
            folder = file.parent
            if folder not in in_expired:
                resolved = folder.resolve()
                in_expired[folder] = resolved == expired or expired in resolved.parents
            return in_expired[folder]

        for base in (self.docs_dir, self.pending_dir, self.expired_dir):
            if not base.is_dir():
                continue
            for file in sorted(base.rglob("*.md")):
                if any(part.startswith(".") for part in file.relative_to(base).parts):
                    continue
                if base != self.expired_dir and under_expired(file):
                    continue
                if base == self.docs_dir and self.is_exempt(file.relative_to(base).as_posix()):
                    continue
                yield file

    # --- judging -------------------------------------------------------------

    def judge_bytes(self, raw: bytes, post_path: str, now: dt.datetime, *, base: Path) -> tuple[Post, Decision]:
        """Read, render, check and bind a post's bytes, then decide; `base` is the folder its
        post path is relative to (content, pending or expired), where its attachments are."""
        cache = self.cache
        post = cache.post(raw, post_path, self.rules) if cache else load_post(raw, post_path, self.rules)
        post = bind(
            post, self._render(post), functools.partial(read_plain_file, base), is_asset=self._is_asset_at(base)
        )
        if self.registry_problem is not None:
            post = replace(post, problems=(*post.problems, self.registry_problem))
        verify = cache.verify if cache else signing.verify
        return post, decide(post, self.registry, self.settings, now, verify=verify, seen=self.witness)

    def _render(self, post: Post) -> Checked:
        if post.digest is None:
            return Checked(html="", findings=(), urls=())
        if self.cache is not None:
            return self.cache.rendered(post, self.renderer)
        return self.renderer.check(post)

    def _is_asset_at(self, base: Path) -> Callable[[str], bool]:
        """Exempt files count as assets only in the site itself: elsewhere they are not published."""
        if base != self.docs_dir:
            return lambda path: False
        return lambda path: self.is_exempt(path) or self.is_asset(path)

    @property
    def revisions_dir(self) -> Path:
        return self.expired_dir / REVISIONS_DIR

    def revision_target(self, number: int, post_path: str) -> Path:
        """Where version `number` (0: the first approved) of a post is kept once a revision replaced it."""
        return self.revisions_dir / str(number) / post_path

    def revision_files(self) -> list[tuple[Path, str]]:
        """(file, post path) of every replaced version kept as history."""
        found = []
        folder = self.revisions_dir
        if not folder.is_dir() or folder.is_symlink():
            return []
        for numbered in sorted(folder.iterdir()):
            if not numbered.name.isdigit() or numbered.is_symlink() or not numbered.is_dir():
                continue
            for file in sorted(numbered.rglob("*.md")):
                relative = file.relative_to(numbered)
                if not any(part.startswith(".") for part in relative.parts):
                    found.append((file, relative.as_posix()))
        return found

    def judge_revision(self, file: Path, post_path: str, now: dt.datetime) -> Judged:
        """A replaced version, judged at its own post path (its attachments beside it)."""
        base = file.parents[len(Path(post_path).parts) - 1]
        raw = read_plain_file(base, post_path)
        if raw is None:
            post = Post(path=post_path, problems=(Reason("unreadable", None, {"detail": str(file)}),))
            return Judged(file, EXPIRED_PLACE, post, decide(post, self.registry, self.settings, now))
        post, decision = self.judge_bytes(raw, post_path, now, base=base)
        return Judged(file, EXPIRED_PLACE, post, decision)

    def judge(self, file: Path, now: dt.datetime) -> Judged:
        place, post_path = self.place_of(file)
        kept = post_path.split("/", 2)
        if place == EXPIRED_PLACE and len(kept) == 3 and kept[0] == REVISIONS_DIR and kept[1].isdigit():
            return self.judge_revision(file, kept[2], now)  # a replaced version: judged at its own post path
        base = self.target(place, "")
        try:
            raw = file.read_bytes()
        except OSError as error:
            post = Post(path=post_path, problems=(Reason("unreadable", None, {"detail": error.strerror or ""}),))
            return Judged(file, place, post, decide(post, self.registry, self.settings, now))
        post, decision = self.judge_bytes(raw, post_path, now, base=base)
        return Judged(file, place, post, decision)

    def judge_all(self, now: dt.datetime) -> list[Judged]:
        """Every post judged; attachments keep their hashes, not their bytes (memory stays flat)."""
        judged = (self.judge(file, now) for file in self.post_files())
        return [replace(item, post=item.post.without_attachment_bytes()) for item in judged]
