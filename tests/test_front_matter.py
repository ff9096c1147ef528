"""The front-matter allowlist, plain-text checks on parsed values, safe names, escaped output."""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from approval_gate.cli import main
from approval_gate.core import canonical, post, slug, strict_yaml, thaidates
from approval_gate.core.names import check_post_path
from approval_gate.core.post import Rules, load_post
from approval_gate.forms import register
from approval_gate.services import repository as repository_module
from conftest import run_mkdocs
from factory import SiteFactory

RULES = Rules(default_agency="สำนักงานทดสอบ", authors=frozenset({"somying"}), blog_categories=())
HEAD = (
    "---\ntitle: ข่าว\nrequester:\n  name: ก ข\n  date: 2569-11-01\n"
    "publish_from: 2569-11-01\npublish_until: 2570-12-31\n"
)


def problems(extra: str, rules: Rules = RULES, path: str = "news/posts/x.md") -> list[tuple[str, str | None]]:
    found = load_post((HEAD + extra + "---\nเนื้อหา\n").encode(), path, rules).problems
    return [(reason.code, reason.key) for reason in found]


@pytest.mark.parametrize(
    "extra",
    [
        "tags: [วัคซีน, ไข้หวัดใหญ่]\n",
        "description: คำอธิบายสั้น ๆ\n",
        "date: 2026-11-26\n",
        "date: 2026-11-26 09:30:00+07:00\n",
        "date:\n  created: 2026-11-26\n  updated: 2026-11-27\n",
        "categories: [ข่าว]\n",
        "authors: [somying]\n",
        "links:\n  - กรมควบคุมโรค: https://ddc.moph.go.th/\n",
        "pin: true\n",
        "readtime: 3\n",
        "slug: ข่าว-วัคซีน-2569\n",
        "hide: [toc, footer]\n",
        "search: {exclude: true}\n",
        "remarks: |\n  บรรทัดหนึ่ง\n  บรรทัดสอง\n",
        "external_link: https://example.go.th/a?b=1&c=2#d\n",
    ],
)
def test_allowed_keys_with_good_values_pass(extra: str) -> None:
    """Every documented theme and blog key, with a value Material reads, is accepted."""
    assert [] == problems(extra)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("template: main.html\n", ("refused_key", "template")),
        ("author: x\n", ("author_key", "author")),
        ("subtitle: x\n", ("unknown_key", "subtitle")),
        ('"\\e]52;c;eA==\\a": 1\n', ("unknown_key", "\\x1b]52;c;eA==\\x07")),
        ("authors: [somchai]\n", ("authors_unknown", "authors")),
        ("readtime: true\n", ("readtime_bad", "readtime")),
        ("readtime: 0\n", ("readtime_bad", "readtime")),
        ("date: 2569-11-26\n", ("blog_date_be", "date")),
        ("date: '2026-11-26'\n", ("blog_date_bad", "date")),
        ("date:\n  created: 2026-11-26\n  published: 2026-11-27\n", ("unknown_subkey", "date.published")),
        ("links:\n  - https://example.go.th/\n", ("links_shape", "links")),
        ("links:\n  - '<b>x</b>': https://example.go.th/\n", ("field_html_char", "links[1]")),
        ("hide: [navigation, sidebar]\n", ("hide_bad", "hide")),
        ("search: {exclude: true, boost: 2}\n", ("search_bad", "search")),
        ("slug: .hidden\n", ("slug_bad", "slug")),
        ('description: "x\\u2066y"\n', ("field_bad_char", "description")),
        ('requester_note: "x"\n', ("unknown_key", "requester_note")),
        ('published: {name: "web\\u200bmaster", at: "2026-11-02T03:00:00Z"}\n', ("field_bad_char", "published.name")),
    ],
)
def test_refused_values(extra: str, expected: tuple[str, str | None]) -> None:
    """Each refused key or value gives its own reason, naming the key."""
    assert expected == problems(extra)[0]


BLOG = Rules(default_agency="สำนักงานทดสอบ", blog_posts=("news/posts/",))


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("date: 2026-11-01\n", []),
        ("date: 2026-11-01 09:30:00+07:00\n", []),
        ("date: 2026-10-31 17:00:00\n", []),  # no zone: the blog reads UTC, 1 Nov 00:00 in Bangkok
        ("date:\n  created: 2026-11-01\n  updated: 2026-11-20\n", []),
        ("", [("blog_date_missing_from", "date")]),
        ("date: 2026-11-02\n", [("blog_date_not_publish_from", "date")]),
        ("date: 2026-11-01 18:00:00\n", [("blog_date_not_publish_from", "date")]),  # 2 Nov in Bangkok
        ("date:\n  created: 2025-11-01\n", [("blog_date_not_publish_from", "date")]),
        ("date: 2569-11-01\n", [("blog_date_be", "date")]),  # said once, as a Buddhist-Era year
    ],
)
def test_blog_date_is_the_day_of_publish_from(extra: str, expected: list[tuple[str, str]]) -> None:
    """A blog post shows one date, the signed publish_from (1 Nov 2569 here): `date` must be that day."""
    assert expected == problems(extra, BLOG)


def test_blog_date_message_gives_the_value_to_write() -> None:
    """The refusal names the value, so nobody converts a year by hand; outside the blog there is no rule."""
    found = load_post((HEAD + "date: 2026-11-02\n---\nเนื้อหา\n").encode(), "news/posts/x.md", BLOG).problems
    assert [reason.text("en") for reason in found] == [
        "`date` 2026-11-02 is not the day of publish_from: the site would show two dates for one post; "
        "write `date: 2026-11-01` (the day of publish_from, in the Common Era as the blog reads it)"
    ]
    assert [] == problems("date: 2026-11-02\n", BLOG, path="policies/x.md")


def test_authors_need_an_authors_file() -> None:
    """Without an authors file (Rules.authors None) the key is refused, whatever the ids."""
    assert [("authors_no_file", "authors")] == problems("authors: [somying]\n", Rules(default_agency="x"))


def test_blog_categories_follow_the_blog() -> None:
    """With `categories_allowed` set, another category is refused rather than stopping the build."""
    rules = Rules(default_agency="x", blog_categories=("ข่าว",))
    assert [("blog_category_bad", "categories")] == problems("categories: [ข่าวลือ]\n", rules)


def test_a_20000_character_name_is_refused_by_its_length() -> None:
    """The size check comes first and names the length."""
    post = load_post((HEAD.replace("ก ข", "a" * 20000) + "---\nx\n").encode(), "news/posts/x.md", RULES)
    assert "`requester.name` is 20000 characters long; shorten it to at most 200" == post.problems[0].text("en")


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("news/2569/ข่าว-วัคซีน_ไข้หวัดใหญ่.md", None),
        ("news/posts/flu-vaccine-2569.md", None),
        ("news/posts/๒๕๖๙.md", None),
        ("news/posts/a b.md", "name_bad_char"),
        ("news/posts/*.md", "name_bad_char"),
        ("news/posts/x\n- forged.md", "name_bad_char"),
        ("news/posts/x).md", "name_bad_char"),
        ("news/posts/日本.md", "name_bad_char"),
        ("news/posts/.hidden.md", "name_bad_start"),
        ("news/posts/-rf.md", "name_bad_start"),
        ("news//x.md", "name_bad_start"),
        ("news/posts/" + "ก" * 86 + ".md", "name_part_too_long"),
    ],
)
def test_safe_names(path: str, code: str | None) -> None:
    assert code == next((reason.code for reason in check_post_path(path)), None)


def test_load_post_checks_the_name() -> None:
    """The name's reason comes first, with the fix."""
    found = load_post((HEAD + "---\nx\n").encode(), "news/posts/a b.md", RULES).problems
    assert found[0].text("en") == (
        "the file name 'news/posts/a b.md' has a character file names may not hold (U+0020 SPACE); rename it "
        "with Thai or ASCII letters, digits, '-', '_' and '.' only (`gate new --slug` sets a name)"
    )


@pytest.mark.parametrize("title", ["ข่าว ประชาสัมพันธ์ 2569!", "Café 東京 ข่าว", "(ด่วน) แจ้ง: งดบริการ", "x" * 300])
def test_gate_new_names_are_safe(title: str) -> None:
    """Whatever the title, the name `gate new` makes (cut to the limit) passes the name check."""
    name = slug.slugify(title)[:77].strip("-")
    assert [] == check_post_path(f"news/posts/{name}.md")


def test_register_link_targets_are_only_paths() -> None:
    """A file name cannot close a register link or start a javascript: one."""
    target = register.link_target("../news/posts/x)[a](javascript:alert(1).md")
    assert "(" not in target and ")" not in target and ":" not in target
    assert register.link_target("../news/posts/ข่าว-1.md") == "../news/posts/ข่าว-1.md"


# --- linear time ------------------------------------------------------------------------------


def _nested_unbounded(parsed: object, inside: bool = False) -> bool:
    """Whether a parsed pattern repeats, without bound, something that itself repeats without bound."""
    constants = re._constants  # type: ignore[attr-defined]
    for op, av in parsed:  # type: ignore[attr-defined]
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            unbounded = av[1] == constants.MAXREPEAT
            children = [av[2]]
            if unbounded and inside:
                return True
        else:
            unbounded = False
            children = [av[-1]] if op == constants.SUBPATTERN else list(av[1]) if op == constants.BRANCH else []
        if any(_nested_unbounded(child, inside or unbounded) for child in children):
            return True
    return False


def test_no_nested_quantifiers_over_user_text() -> None:
    """No pattern of the modules that read a post nests unbounded repeats (catastrophic backtracking)."""
    patterns = [
        value
        for module in (post, canonical, thaidates, strict_yaml, slug)
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    ]
    patterns += [regex for pairs in strict_yaml._StrictResolver.yaml_implicit_resolvers.values() for _, regex in pairs]
    parser = re._parser  # type: ignore[attr-defined]
    assert [] == [p.pattern for p in patterns if _nested_unbounded(parser.parse(p.pattern, p.flags))]
    assert not hasattr(post, "URL_RE")  # the link check is urllib.parse, not a pattern


def test_date_text_is_bounded_before_any_pattern() -> None:
    """A date text longer than any date is refused before the month pattern runs."""
    with pytest.raises(thaidates.DateError):
        thaidates.parse_when("1 " + "ก" * (thaidates.MAX_DATE_TEXT + 1) + " 2569", ZoneInfo("Asia/Bangkok"))


# --- the build: values that stopped Material now exclude only their post ------------------------

ABORTS = {  # key, value, the reason it is refused with
    "authors": ("[x]", "`authors` needs the blog's authors file (.authors.yml), and the site has none"),
    "pin": ("1", "`pin` must be true or false, without quotes (it is 1)"),
    "readtime": ("fast", "`readtime` must be a whole number of minutes from 1 to 999"),
    "date": ("next week", "`date` next week is not a date the blog can read"),
    "hide": ("toc", "`hide` must be a list of some of: navigation, toc, footer, tags"),
}


def test_former_build_aborts_exclude_only_their_post(factory: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each value that made Material abort the build (issue 23 §3), in a post signed off by the
    whole chain, is an `invalid` reason now: the site builds, the post is left out with a warning
    naming the key and nothing else, the good post is live."""
    real = repository_module.load_post
    # Sign as an approver who was shown these posts before the allowlist existed.
    monkeypatch.setattr(repository_module, "load_post", lambda *args: dataclasses.replace(real(*args), problems=()))
    factory.add("content", "news/posts/good.md", factory.approved(factory.text(title="ดี"), "news/posts/good.md"))
    for name, (value, _) in ABORTS.items():
        path = f"news/posts/{name}.md"
        factory.add("content", path, factory.approved(factory.text(title=f"ข่าว {name}", **{name: value}), path))
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    for name, (_, reason) in ABORTS.items():
        assert f"'news/posts/{name}.md' is not published (invalid): {reason}" in result.stderr
        assert not (factory.root / "site" / "news" / name).exists()
    assert (factory.root / "site" / "news" / "good" / "index.html").is_file()
    assert "Aborted" not in result.stderr and "Error reading metadata" not in result.stderr


def test_authors_from_the_authors_file_build(factory: SiteFactory) -> None:
    """An id the blog's .authors.yml defines is accepted, and the page shows that author."""
    (factory.root / "content" / "news" / ".authors.yml").write_text(
        "authors:\n  somying:\n    name: สมหญิง ใจดี\n    description: นักวิชาการ\n    avatar: https://example.test/a.png\n",
        encoding="utf-8",
    )
    text = factory.approved(factory.text(title="มีผู้เขียน", authors="[somying]"), "news/posts/authored.md")
    factory.add("content", "news/posts/authored.md", text)
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    page = (factory.root / "site" / "news" / "authored" / "index.html").read_text(encoding="utf-8")
    assert "สมหญิง ใจดี" in page


# --- the terminal ------------------------------------------------------------------------------

HOSTILE_KEY = '"\\e]52;c;Y3VybCBldmlsfHNo\\a\\e[2J\\u202e": 1\n'


def test_cli_output_is_escaped(factory: SiteFactory) -> None:
    """gate check prints a hostile key name and a hostile file name as visible escapes."""
    factory.add("pending", "news/posts/key.md", HEAD + HOSTILE_KEY + "---\nx\n")
    factory.add("pending", "news/posts/x\x1b[31m.md", HEAD + "---\nx\n")
    result = CliRunner().invoke(main, ["-f", str(factory.root / "mkdocs.yml"), "check"], env={"LANG": "en_US.UTF-8"})
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\u202e" not in result.output and "\x07" not in result.output
    assert "`\\x1b]52;c;Y3VybCBldmlsfHNo\\x07\\x1b[2J\\u202e` is not a key" in result.output
    assert "pending/news/posts/x\\x1b[31m.md: invalid" in result.output


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("command", [["check"], ["approve", "{post}", "--as", "chair1", "--yes"]])
def test_terminal_receives_no_control_sequence(factory: SiteFactory, command: list[str]) -> None:
    """Through a real pseudo-terminal, `gate check` and `gate approve` on a hostile post write
    no ESC, BEL, CR or bidi override: the approver's screen and clipboard stay theirs."""
    import pty
    import subprocess

    post_file = factory.add("pending", "news/posts/hostile.md", HEAD + HOSTILE_KEY + "---\nx\n")
    gate = Path(sys.executable).with_name("gate")
    args = [str(gate), "-f", str(factory.root / "mkdocs.yml"), *(a.format(post=post_file) for a in command)]
    leader, follower = pty.openpty()
    env = {**os.environ, "LANG": "en_US.UTF-8", "SOURCE_DATE_EPOCH": "1795600800"}
    process = subprocess.Popen(args, stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 1
    text = output.decode("utf-8")
    assert "\\x1b]52;c;Y3VybCBldmlsfHNo" in text
    assert not [char for char in text.replace("\r\n", "\n") if char in "\x1b\x07\r\u202e"]
