"""No post can stop the site: whatever a signed post's front matter and body hold, `mkdocs build`
finishes, the post is either live (and its page is there) or left out with a warning, and the
other posts are built (issue "What the approver sees is exactly what is published", §3)."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from approval_gate.core.signoff import SignOffRefused
from approval_gate.services import repository
from conftest import run_mkdocs
from factory import SiteFactory

KEYS = [
    "title", "agency", "remarks", "category", "external_link", "publish_from", "publish_until", "tags",
    "description", "date", "categories", "authors", "links", "pin", "readtime", "slug", "hide", "search",
    "requester", "template", "subtitle", "status", "icon", "draft", "published", "taken_down",
]  # fmt: skip
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["ข่าว", "2569-11-01", "2026-11-01", "1/1/2569", "https://example.go.th/", "javascript:x", "<b>", '"', "&", ""]
)
SCALAR = st.none() | st.booleans() | st.integers(-5, 10**6) | TEXT | st.dates()
VALUE = st.recursive(
    SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=6
)
ATOMS = [
    "ข่าว ", "**หนา** ", "[ลิงก์](https://example.go.th) ", "![ภาพ](x.png) ", "<div>", "</div>", "<!-- more -->",
    "\n\n", "```\n", "| a | b |\n|--|--:|\n| 1 | 2 |\n", "{: .cls }", "# หัวข้อ\n",
    "<details><summary>ก</summary>ข</details>", "&amp; ", "<", ">", "[^1]\n\n[^1]: หมายเหตุ\n",
]  # fmt: skip
BODY = st.lists(st.sampled_from(ATOMS), max_size=10).map("".join)


def signed_post(site: SiteFactory, name: str, fields: dict[str, object], body: str) -> None:
    """A post with `fields` over a valid form, signed by both approvers whatever it holds
    (as if the approvers had been shown it before the gate refused such values)."""
    form: dict[str, object] = {
        "title": f"ข่าว {name}",
        "requester": {"name": "นางสาวผู้ขอ ทดสอบ", "date": dt.date(2026, 11, 1)},
        "publish_from": dt.date(2026, 11, 1),
        "publish_until": dt.date(2027, 12, 31),
        **fields,
    }
    head = yaml.safe_dump(json.loads(json.dumps(form, default=str)), allow_unicode=True, sort_keys=False)
    text = f"---\n{head}---\n\n{body}\n"
    real = repository.load_post
    unchecked = mock.patch.object(repository, "load_post", lambda *a: dataclasses.replace(real(*a), problems=()))
    with unchecked, contextlib.suppress(SignOffRefused):  # some values cannot even be signed: it stays unsigned
        text = site.approved(text, f"news/posts/{name}.md")
    site.add("content", f"news/posts/{name}.md", text)


def builds_whatever_the_posts_hold(tmp_path: Path, posts: list[tuple[dict[str, object], str]]) -> None:
    site = SiteFactory(tmp_path / "site")
    site.add("content", "news/posts/good.md", site.approved(site.text(title="ข่าวดี tokgood"), "news/posts/good.md"))
    for number, (fields, body) in enumerate(posts):
        signed_post(site, f"random{number}", fields, body)
    result = run_mkdocs(site.root, "build")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr
    assert "tokgood" in (site.root / "site" / "news" / "good" / "index.html").read_text(encoding="utf-8")
    for number in range(len(posts)):
        name = f"news/posts/random{number}.md"
        page = site.root / "site" / "news" / f"random{number}" / "index.html"
        if f"'{name}' is not published" not in result.stderr:
            assert page.is_file(), name  # live: its page is there


POSTS = st.lists(st.tuples(st.dictionaries(st.sampled_from(KEYS), VALUE, max_size=4), BODY), min_size=1, max_size=4)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(posts=POSTS)
def test_no_post_stops_the_build(tmp_path_factory: pytest.TempPathFactory, posts: list) -> None:  # type: ignore[type-arg]
    """Random values for every key (and unknown keys), random Markdown and HTML bodies."""
    builds_whatever_the_posts_hold(tmp_path_factory.mktemp("abort"), posts)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(posts=POSTS)
def test_no_post_stops_the_build_at_length(tmp_path_factory: pytest.TempPathFactory, posts: list) -> None:  # type: ignore[type-arg]
    """The same over many more sites."""
    builds_whatever_the_posts_hold(tmp_path_factory.mktemp("abort"), posts)
