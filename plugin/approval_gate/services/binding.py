"""A post rendered as the site renders it, its HTML checked, and the local files it uses bound to it.

The digest covers the post's text and, for each attachment (a local file the rendered HTML
links or embeds), its path and SHA-256: replacing a photo or a PDF after sign-off voids the
sign-offs like an edit does. Attachments live in the post's own folder (`news/flu.md` keeps
them in `news/flu/`), so a post is moved, published and taken down with exactly its files.

Reading files is injected (`read`), so this stays testable without a disk; the Markdown
renderer is Python-Markdown with the site's own extensions.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown

from ..core.canonical import digest_of
from ..core.messages import Reason
from ..core.post import Attachment, Post
from .sanitize import STRICT, Checked, Policy, check

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")
# Types a browser shows or downloads without running anything from the site's origin
# (no HTML, SVG, XML or scripts: those could act as pages of the site).
ATTACHMENT_SUFFIXES = frozenset(
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp",
        ".csv", ".txt", ".zip", ".mp3", ".mp4", ".webm",
    }
)  # fmt: skip
MAX_ATTACHMENT = 50 * 1024 * 1024


@dataclass(frozen=True)
class MarkdownSetup:
    """The site's Markdown configuration (MkDocs' `markdown_extensions` and their options)."""

    extensions: tuple[Any, ...] = ()
    configs: Mapping[str, Any] = field(default_factory=dict)


class Renderer:
    """Renders post bodies with one reused Python-Markdown instance (not thread-safe)."""

    def __init__(self, setup: MarkdownSetup, policy: Policy = STRICT) -> None:
        self.setup = setup
        self.policy = policy
        self._md: markdown.Markdown | None = None

    def html(self, text: str) -> str:
        if self._md is None:
            self._md = markdown.Markdown(
                extensions=list(self.setup.extensions), extension_configs=dict(self.setup.configs)
            )
        self._md.reset()
        return self._md.convert(text)

    def check(self, post: Post) -> Checked:
        """The body, with the title as Material's blog puts it above an excerpt, checked."""
        text = f"# {post.title}\n\n{post.body}" if post.title else post.body
        return check(self.html(text), self.policy)


def attachment_folder(post_path: str) -> str:
    """`news/flu.md` -> `news/flu/`: where the post's attachments live."""
    return posixpath.splitext(post_path)[0] + "/"


def _local_target(url: str, post_path: str) -> str | None:
    """The root-relative path a relative URL in the post points at (None: not a local file)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(post_path), unquote(parts.path)))


def bind(
    post: Post,
    checked: Checked,
    read: Callable[[str], bytes | None],
    *,
    is_asset: Callable[[str], bool] = lambda path: False,
) -> Post:
    """`post` with its HTML findings, its attachments and the digest that covers them.

    `read(path)`: the bytes of a root-relative file, None when there is none (or it is
    not a plain file). `is_asset(path)`: a file published without sign-off (exempt)."""
    if post.digest is None:
        return post
    problems: list[Reason] = [
        Reason("html_rewritten" if f.detail else "html_refused", None, {"what": f.what, "line": str(f.line)})
        for f in checked.findings
    ]
    folder = attachment_folder(post.path)
    found: dict[str, Attachment] = {}
    for url in checked.urls:
        target = _local_target(url, post.path)
        if target is None or target in found:
            continue
        suffix = posixpath.splitext(target)[1].lower()
        if target == "." or target.startswith("../") or target == "..":
            problems.append(Reason("attachment_outside", None, {"url": url}))
        elif suffix in MARKDOWN_SUFFIXES or not suffix or url.endswith("/"):
            continue  # a link to a page: MkDocs checks it
        elif is_asset(target):
            continue
        elif not target.startswith(folder):
            problems.append(Reason("attachment_outside", None, {"url": url, "folder": folder}))
        elif suffix not in ATTACHMENT_SUFFIXES:
            problems.append(Reason("attachment_type", None, {"url": url, "suffix": suffix}))
        elif (data := read(target)) is None:
            problems.append(Reason("attachment_missing", None, {"url": url}))
        elif len(data) > MAX_ATTACHMENT:
            problems.append(Reason("attachment_too_large", None, {"url": url}))
        else:
            name = posixpath.relpath(target, posixpath.dirname(post.path))
            found[target] = Attachment(path=target, name=name, sha256=hashlib.sha256(data).hexdigest(), data=data)
    attachments = tuple(sorted(found.values(), key=lambda item: item.name))
    digest = digest_of(post.meta, post.body, [(item.name, item.sha256) for item in attachments])
    return replace(post, digest=digest, attachments=attachments, problems=(*post.problems, *problems))
