"""What `mkdocs serve` keeps between rebuilds so an unchanged post is not judged again."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..core import signing
from ..core.post import Post, Rules, load_post
from .binding import Renderer
from .sanitize import Checked


@dataclass
class JudgeCache:
    """Parsed posts, rendered bodies and signature checks, kept by the plugin across `mkdocs serve`
    rebuilds.

    A post is keyed by the SHA-256 of its raw bytes and its path, a rendering by the title
    and body, a signature check by (key line, statement, signature): all are pure, so an
    unchanged post is neither parsed, rendered nor verified again. Attachments are read
    afresh every time, and decisions are not cached: they depend on `now`."""

    posts: dict[tuple[str, str, Rules], Post] = field(default_factory=dict)
    signatures: dict[tuple[str, bytes, str], bool] = field(default_factory=dict)
    renders: dict[tuple[str, str], Checked] = field(default_factory=dict)
    parsed: int = 0  # this build: posts read and verified afresh
    reused: int = 0  # this build: posts taken from the cache

    def start_build(self) -> None:
        """Forget what the last build did not use (old versions of edited posts)."""
        self.posts = {key: post for key, post in self.posts.items() if key in self._seen_posts}
        self.signatures = {key: ok for key, ok in self.signatures.items() if key in self._seen_signatures}
        self.renders = {key: checked for key, checked in self.renders.items() if key in self._seen_renders}
        self._seen_posts: set[tuple[str, str, Rules]] = set()
        self._seen_signatures: set[tuple[str, bytes, str]] = set()
        self._seen_renders: set[tuple[str, str]] = set()
        self.parsed = self.reused = 0

    def __post_init__(self) -> None:
        self._seen_posts = set()
        self._seen_signatures = set()
        self._seen_renders = set()

    def post(self, raw: bytes, post_path: str, rules: Rules) -> Post:
        key = (hashlib.sha256(raw).hexdigest(), post_path, rules)
        self._seen_posts.add(key)
        post = self.posts.get(key)
        if post is None:
            post = self.posts[key] = load_post(raw, post_path, rules)
            self.parsed += 1
        else:
            self.reused += 1
        return post

    def rendered(self, post: Post, renderer: Renderer) -> Checked:
        key = (post.title or "", post.body)
        self._seen_renders.add(key)
        checked = self.renders.get(key)
        if checked is None:
            checked = self.renders[key] = renderer.check(post)
        return checked

    def verify(self, line: str, message: bytes, sig: str) -> bool:
        key = (line, message, sig)
        self._seen_signatures.add(key)
        ok = self.signatures.get(key)
        if ok is None:
            ok = self.signatures[key] = signing.verify(line, message, sig)
        return ok
