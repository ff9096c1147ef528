"""The request form's `category` files a blog post under that blog category: Material reads only
`categories`, so the gate adds it to the text it stages, never to the file or what was signed."""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote

import pytest

from approval_gate.cli.common import load_gate
from approval_gate.core.canonical import split
from approval_gate.core.post import Post, Rules, blog_text, load_post
from conftest import run_mkdocs
from factory import UTC, SiteFactory

AGENCY = "สำนักงานสาธารณสุขจังหวัดทดสอบ"
BLOG = Rules(default_agency=AGENCY, blog_posts=("news/posts/",))
NEWS = "ข่าวประชาสัมพันธ์"
SIGNED = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)


def post(text: str, path: str = "news/posts/a.md", rules: Rules = BLOG) -> Post:
    return load_post(text.encode("utf-8"), path, rules)


def test_a_blog_post_with_a_form_category_is_staged_with_that_blog_category() -> None:
    """One line closes the front matter; the body and every signed key are untouched."""
    original = post(SiteFactory.text(category=NEWS, description="สรุป\n  ต่อบรรทัด"))
    assert () == original.problems
    staged = blog_text(original, BLOG)
    front, body = split(staged)
    assert front.endswith(f'\ncategories: ["{NEWS}"]\n')
    assert (front.removesuffix(f'categories: ["{NEWS}"]\n'), body) == split(original.text)
    again = post(staged)
    assert {**original.meta, "categories": [NEWS]} == again.meta


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("news/posts/a.md", {"categories": "[ข่าวอื่น]"}),  # the post chose its blog categories itself
        ("news/posts/a.md", {"category": None}),  # no category on the form
        ("policies/a.md", {}),  # not a blog post
    ],
)
def test_other_posts_are_staged_exactly_as_signed(path: str, fields: dict[str, str | None]) -> None:
    original = post(SiteFactory.text(**fields), path)
    assert original.text == blog_text(original, BLOG)


def test_without_a_blog_nothing_is_added() -> None:
    original = post(SiteFactory.text(), rules=Rules(default_agency=AGENCY))
    assert original.text == blog_text(original, Rules(default_agency=AGENCY))


@pytest.mark.parametrize(
    ("category", "code"),
    [
        ("ก" * 51, "field_too_long"),  # a form category may be 100 characters, a blog category 50
        ("ข่าวอื่น", "blog_category_bad"),  # not in the blog's categories_allowed
    ],
)
def test_the_form_category_of_a_blog_post_is_held_to_the_blogs_rules(category: str, code: str) -> None:
    rules = Rules(default_agency=AGENCY, blog_posts=("news/posts/",), blog_categories=(NEWS,))
    problems = post(SiteFactory.text(category=category), rules=rules).problems
    assert [(code, "category")] == [(reason.code, reason.key) for reason in problems]


def test_category_page_lists_the_live_post_and_no_other(factory: SiteFactory) -> None:
    """A real Material build: the category page of the form's `category` exists and lists only
    the live post; the post's file and its digest are unchanged by the build."""
    live = factory.approved(factory.text(title="ข่าวออนไลน์ tokcatlive"), "news/posts/live.md")
    live_file = factory.add("content", "news/posts/live.md", live)
    waiting = factory.sign(factory.text(title="ข่าวรออนุมัติ tokcatwaiting"), "news/posts/waiting.md", [])
    factory.add("content", "news/posts/waiting.md", waiting)
    other = factory.sign(
        factory.text(title="ข่าวรอผู้อำนวยการ tokcatother", category="ประกาศจัดซื้อ"),
        "news/posts/other.md",
        [("chair1", "approve", None, SIGNED)],
    )
    factory.add("content", "news/posts/other.md", other)
    result = run_mkdocs(factory.root, "build")  # not --strict: the posts waiting in content/ are warnings
    assert 0 == result.returncode, result.stderr
    site = factory.root / "site"
    # One category page (Material's stock slugify drops Thai vowels from its folder name): the
    # live post's; the category only the post awaiting the director names has none.
    (folder,) = (site / "news" / "category").iterdir()
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert NEWS in page and "tokcatlive" in page and "tokcatwaiting" not in page
    built = "\n".join(path.read_text(encoding="utf-8") for path in site.rglob("*.html"))
    assert "tokcatwaiting" not in built and "tokcatother" not in built
    post_page = unquote((site / "news" / "live" / "index.html").read_text(encoding="utf-8"))
    assert "tokcatlive" in post_page and f"category/{folder.name}/" in post_page  # the post links its category
    assert "categories:" not in post_page  # front matter, never body text
    assert live == live_file.read_text(encoding="utf-8")  # the signed file is as it was


def test_the_gate_refuses_what_the_blog_would_refuse(factory: SiteFactory) -> None:
    """With categories_allowed, a form category outside it is invalid before any build."""
    config = factory.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            '      post_url_format: "{file}"\n',
            f'      post_url_format: "{{file}}"\n      categories_allowed: [{NEWS}]\n',
        ),
        encoding="utf-8",
    )
    factory.add("content", "news/posts/x.md", factory.approved(factory.text(category="ข่าวอื่น"), "news/posts/x.md"))
    judged = load_gate(config, "en")[0].judge(factory.root / "content/news/posts/x.md", SIGNED + dt.timedelta(days=1))
    assert ["blog_category_bad"] == [reason.code for reason in judged.decision.reasons]
    assert "`category`: 'ข่าวอื่น' is not one of the blog's categories; use one of: " + NEWS == (
        judged.decision.reasons[0].text("en")
    )
