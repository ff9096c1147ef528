"""The bad-input corpus: each file gets its exact message naming file and key, none is
ever built, and none crashes the build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from approval_gate.core.post import Post, Rules, load_post
from approval_gate.services.binding import MarkdownSetup, Renderer, bind
from approval_gate.services.sanitize import Checked
from conftest import run_mkdocs
from factory import SiteFactory

CORPUS = Path(__file__).parent / "data" / "bad-posts"
EXPECTED: dict[str, list[str | None]] = {
    name: json.loads(value)
    for name, _, value in (
        line.partition(": ") for line in (CORPUS / "expected.yml").read_text(encoding="utf-8").splitlines()
    )
    if not name.startswith("#")
}
RULES = Rules(default_agency="สำนักงานสาธารณสุขจังหวัดทดสอบ", categories=("ข่าวประชาสัมพันธ์",))
OK_HEAD = (
    "---\ntitle: ข่าว\nrequester:\n  name: ก\n  date: 2569-11-01\npublish_from: 2569-11-01\npublish_until: 2570-12-31\n"
)
GENERATED = {
    "huge-front-matter": (OK_HEAD + "remarks: " + "ก" * 23000 + "\n---\nเนื้อหา\n").encode(),
    "huge-post": (OK_HEAD + "---\n" + "ข" * 800000 + "\n").encode(),
}
GENERATED_EXPECTED = {
    "huge-front-matter": ["front_matter_too_large", None],
    "huge-post": ["post_too_large", None],
}


RENDERER = Renderer(MarkdownSetup(("toc", "tables", "fenced_code")))


def judged(raw: bytes, post_path: str) -> Post:
    """The post as the gate reads it: parsed, rendered, its HTML checked (no attachments here)."""
    post = load_post(raw, post_path, RULES)
    checked = RENDERER.check(post) if post.digest else Checked(html="", findings=(), urls=())
    return bind(post, checked, lambda path: None)


def test_corpus_is_large_and_complete() -> None:
    files = {path.stem for path in CORPUS.glob("*.md")}
    assert files == set(EXPECTED)
    assert len(files) + len(GENERATED) >= 79  # 77 files + 2 generated; the corpus only grows


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_post_gives_its_exact_message(name: str) -> None:
    """The first problem is the expected one, with its key and its exact text."""
    post = judged((CORPUS / f"{name}.md").read_bytes(), f"news/posts/{name}.md")
    first = post.problems[0]
    assert EXPECTED[name] == [first.code, first.key, first.text("en")]
    assert first.text("th") != first.text("en")  # every message exists in Thai too


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_size_limits(name: str) -> None:
    post = judged(GENERATED[name], f"news/posts/{name}.md")
    assert GENERATED_EXPECTED[name] == [post.problems[0].code, post.problems[0].key]


def test_no_bad_post_is_ever_built(factory: SiteFactory) -> None:
    """All of them in one real build: each warned about by file name, none in the output."""
    factory.write_config(extra_gate="      categories: [ข่าวประชาสัมพันธ์]\n")
    # Outside the blog's posts folder, where a missing `date` would be one more reason.
    posts = factory.root / "content" / "news" / "bad"
    posts.mkdir(parents=True)
    for path in CORPUS.glob("*.md"):
        shutil.copy(path, posts / path.name)
    for name, raw in GENERATED.items():
        (posts / f"{name}.md").write_bytes(raw)
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    for name, (_, _, text) in EXPECTED.items():
        assert f"WARNING -  approval_gate: 'news/bad/{name}.md' is not published (invalid): {text}" in result.stderr
    for name in GENERATED:
        assert f"'news/bad/{name}.md' is not published (invalid)" in result.stderr
    assert f"0 live, 0 scheduled, 0 awaiting, 0 refused, {len(EXPECTED) + len(GENERATED)} invalid" in result.stderr
    built = [p.relative_to(factory.root / "site").as_posix() for p in (factory.root / "site").rglob("*.html")]
    assert not [page for page in built if any(name in page for name in (*EXPECTED, *GENERATED))]
    assert run_mkdocs(factory.root, "build", "--strict").returncode == 1
