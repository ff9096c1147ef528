"""Only approved bytes reach the site: real builds, every output file searched.

Each test stands for one way an author with write access to content/ and pending/ tried to
get unapproved bytes into site/ (issue "Only approved bytes reach the site")."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from approval_gate.core.post import Post
from approval_gate.services.binding import MarkdownSetup, Renderer
from conftest import EXAMPLE_NOW, REPO, epoch, run_mkdocs
from factory import SiteFactory

sys.path.insert(0, str(REPO / "bench"))  # the build's peak memory is measured as the benchmark does
from peak_memory import build_peak_mib

HOSTILE = yaml.safe_load((Path(__file__).parent / "data" / "hostile" / "bodies.yml").read_text(encoding="utf-8"))
MARKDOWN = ("toc", "tables", "fenced_code", "attr_list", "md_in_html")


def site_bytes(root: Path) -> dict[str, bytes]:
    out = root / "site"
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*") if path.is_file()}


def leaks(root: Path, marker: str) -> list[str]:
    """Every output file whose name or bytes hold `marker`."""
    needle = marker.encode("utf-8")
    return sorted(name for name, data in site_bytes(root).items() if needle in data or marker in name)


def with_markdown(site: SiteFactory) -> None:
    config = site.root / "mkdocs.yml"
    extensions = "markdown_extensions:\n" + "".join(f"  - {name}\n" for name in MARKDOWN[3:])
    config.write_text(config.read_text(encoding="utf-8") + extensions, encoding="utf-8")


def approved_post(site: SiteFactory, name: str, body: str, **fields: str) -> Path:
    path = f"news/posts/{name}.md"
    return site.add("content", path, site.approved(site.text(title=f"ข่าว {name}", body=body, **fields), path))


# --- 1. files that are not Markdown pages -------------------------------------------------


def test_files_that_are_not_posts_never_reach_the_site(factory: SiteFactory) -> None:
    """An .html page, an upper-case .MD, a .markdown page and a .txt symlink to a pending post:
    none is copied, each is named in a warning (so --strict fails)."""
    content = factory.root / "content"
    (content / "evil.html").write_text("<script>tokhtml</script>", encoding="utf-8")
    (content / "news" / "evil.MD").write_text("# tokupper\n", encoding="utf-8")
    (content / "news" / "other.markdown").write_text("# tokmarkdown\n", encoding="utf-8")
    pending = factory.add("pending", "news/posts/secret.md", factory.text(title="ข่าว toksecret"))
    os.symlink(pending, content / "news" / "leak.txt")
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    for marker in ("tokhtml", "tokupper", "tokmarkdown", "toksecret", "evil.", "leak.txt", "other.markdown"):
        assert leaks(factory.root, marker) == [], marker
    assert "'evil.html' is not a post, an attachment of a post or an exempt file" in result.stderr
    assert "'news/evil.MD' looks like Markdown but is not a post" in result.stderr
    assert "'news/other.markdown' looks like Markdown but is not a post" in result.stderr
    assert "'news/leak.txt' is a symbolic link" in result.stderr
    assert run_mkdocs(factory.root, "build", "--strict").returncode == 1


def test_a_symlinked_post_and_folder_are_refused(factory: SiteFactory) -> None:
    """A signed post reached through a symlink (file or folder) is never read, never published."""
    text = factory.approved(factory.text(title="ข่าว toklinked"), "news/posts/linked.md")
    outside = factory.root / "outside"
    outside.mkdir()
    (outside / "linked.md").write_text(text, encoding="utf-8")
    (factory.root / "content" / "news" / "posts").mkdir()
    os.symlink(outside / "linked.md", factory.root / "content" / "news" / "posts" / "linked.md")
    os.symlink(outside, factory.root / "content" / "news" / "folder")
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    assert leaks(factory.root, "toklinked") == []
    assert "'news/posts/linked.md' is a symbolic link" in result.stderr
    assert "'news/folder/linked.md' is a symbolic link" in result.stderr


def test_without_the_plugin_nothing_gated_is_built(example_site: Path) -> None:
    """The shipped exclude_docs keeps every Markdown page (any extension, any case) and the posts'
    folder out for a builder that ignores plugins; only the exempt pages are built."""
    (example_site / "content" / "news" / "extra.markdown").write_text("# tokmarkdown\n", encoding="utf-8")
    (example_site / "content" / "news" / "extra.mdown").write_text("# tokmdown\n", encoding="utf-8")
    config = example_site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  - approval-gate:")
    end = text.index("  - blog:")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_mkdocs(example_site, "build")
    assert result.returncode == 0, result.stderr
    built = site_bytes(example_site)
    assert [name for name in built if name.startswith("news/") and name.endswith("index.html")] == [
        "news/index.html"
    ] or all("posts" not in name for name in built)
    for marker in ("tokmarkdown", "tokmdown"):
        assert leaks(example_site, marker) == [], marker
    for post in (example_site / "content" / "news" / "posts").glob("*.md"):
        assert leaks(example_site, post.stem) == [], post.stem


def test_exclude_docs_that_lets_a_post_through_stops_the_build(factory: SiteFactory) -> None:
    """A gated page that exclude_docs does not keep out stops the build with the lines to add."""
    config = factory.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  *.md\n", ""), encoding="utf-8")
    factory.add("content", "about.md", "# tokabout\n")
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 1
    assert "1 gated page(s) are not kept out by `exclude_docs` (about.md)" in result.stderr
    assert "exclude_docs: |\n  *.[mM][dD]\n  *.[mM][aA][rR][kK][dD][oO][wW][nN]\n" in result.stderr
    assert "  !/index.md\n  !/news/index.md\n  !/tags.md" in result.stderr
    assert not (factory.root / "site" / "about").exists()


# --- 2. the allowlist -----------------------------------------------------------------------


@pytest.mark.parametrize("case", HOSTILE, ids=[case["name"] for case in HOSTILE])
def test_each_hostile_body_is_refused_with_its_reason(case: dict[str, str]) -> None:
    """The allowlist names what it refused, for every bypass class in the corpus."""
    renderer = Renderer(MarkdownSetup(MARKDOWN))
    checked = renderer.check(Post(path="news/posts/x.md", digest="sha256:0", title="ข่าว", body=case["body"]))
    assert [f.what for f in checked.findings if f.what.startswith(case["refused"])], [f.what for f in checked.findings]


def test_hostile_corpus_is_large_and_named() -> None:
    names = [case["name"] for case in HOSTILE]
    assert len(names) == len(set(names)) >= 60
    assert {"SVG", "MathML", "entities", "null bytes", "attr_list", "md_in_html", "data URL", "srcset"} <= {
        case["class"] for case in HOSTILE
    }
    assert all(case["class"] and case["refused"] for case in HOSTILE)


def test_no_hostile_body_reaches_the_site(factory: SiteFactory) -> None:
    """Every corpus body, signed by both approvers, in one real build: each is invalid with its
    reason, and no byte of any of them is in site/ (pages, search, sitemap, feeds, tags)."""
    with_markdown(factory)
    (factory.root / "content" / "news" / "posts" / "honest").mkdir(parents=True)
    (factory.root / "content" / "news" / "posts" / "honest" / "photo.png").write_bytes(b"\x89PNG tokphoto")
    for number, case in enumerate(HOSTILE):
        approved_post(factory, f"hostile{number:03d}", f"tokhostile{number:03d}\n\n{case['body']}")
    approved_post(factory, "honest", "ข่าวดี tokhonest ![ภาพ](honest/photo.png)")
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    assert f"1 live, 0 scheduled, 0 awaiting, 0 refused, {len(HOSTILE)} invalid" in result.stderr
    for number in range(len(HOSTILE)):
        assert leaks(factory.root, f"tokhostile{number:03d}") == []
        assert f"'news/posts/hostile{number:03d}.md' is not published (invalid)" in result.stderr
    assert leaks(factory.root, "alert(1)") == []
    assert leaks(factory.root, "tokhonest") != [] and len(leaks(factory.root, "tokphoto")) == 1


def test_title_is_checked_as_the_blog_renders_it(factory: SiteFactory) -> None:
    """Material's blog renders the title as Markdown above an excerpt: a script link there is refused."""
    path = "news/posts/title.md"
    text = factory.text(title="ข่าว", body="เนื้อหา").replace("title: ข่าว", "title: '[คลิก](javascript:alert(1)) toktitle'")
    factory.add("content", path, text)
    result = run_mkdocs(factory.root, "build")
    assert "<a href=javascript:>" in result.stderr
    assert leaks(factory.root, "toktitle") == []


# --- 3. what is signed is what is rendered -------------------------------------------------


def test_nfc_text_is_what_is_published(factory: SiteFactory) -> None:
    """U+1FEF normalises to a backtick: the raw file holds live HTML, the signed (NFC) text holds
    inert code. The site, its blog pages and its feed get the signed text: no <meta> anywhere."""
    refresh = '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
    path = "news/posts/greek.md"
    signed = factory.approved(factory.text(title="ข่าว tokgreek", body=f"ข้อความ `{refresh}` ต่อ"), path)
    raw = signed.replace(f"`{refresh}`", f"\u1fef{refresh}\u1fef")
    assert raw != signed
    factory.add("content", path, raw)  # same digest: NFC(raw) == signed
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    assert "1 live" in result.stderr
    page = (factory.root / "site" / "news" / "greek" / "index.html").read_text(encoding="utf-8")
    assert "<code>&lt;meta http-equiv=" in page
    for name, data in site_bytes(factory.root).items():
        if name.endswith((".html", ".xml")):
            assert refresh_metas(data.decode("utf-8")) == [], name
    assert leaks(factory.root, "\u1fef") == []


def refresh_metas(html: str) -> list[str]:
    """Every <meta http-equiv> element a browser would see in `html`."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Metas(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
                found.append(str(attrs))

    Metas().feed(html)
    return found


# --- 4. attachments are bound ----------------------------------------------------------------


def test_a_replaced_attachment_voids_the_signoffs(factory: SiteFactory) -> None:
    """Replacing an approved post's PDF after sign-off takes the post (and both files) off the site."""
    folder = factory.root / "content" / "news" / "posts" / "notice"
    folder.mkdir(parents=True)
    (folder / "form.pdf").write_bytes(b"%PDF-1.4 tokoriginal")
    approved_post(factory, "notice", "[แบบฟอร์ม](notice/form.pdf)")
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    published = leaks(factory.root, "tokoriginal")
    assert len(published) == 1 and published[0].endswith("notice/form.pdf")
    (folder / "form.pdf").write_bytes(b"%PDF-1.4 tokreplaced")
    result = run_mkdocs(factory.root, "build")
    assert "'news/posts/notice.md' is not published" in result.stderr
    assert "the post changed after it was signed off" in result.stderr
    assert leaks(factory.root, "tokreplaced") == [] and leaks(factory.root, "tokoriginal") == []


@pytest.mark.skipif(sys.platform != "linux", reason="the peak is read from /proc/self/status")
def test_a_build_holds_one_posts_attachments_at_a_time(tmp_path: Path) -> None:
    """Twelve live posts with an 8 MiB PDF each (96 MiB) build in about the memory of the same
    posts with 8 KiB PDFs: the bytes are staged as each post is decided, not kept to the end."""
    peaks = {}
    for size in (8 * 1024, 8 * 1024 * 1024):
        site = SiteFactory(tmp_path / f"site-{size}")
        for number in range(12):
            folder = site.root / "content" / "news" / "posts" / f"big{number}"
            folder.mkdir(parents=True)
            (folder / "form.pdf").write_bytes(b"%PDF-1.4 " + os.urandom(size))
            approved_post(site, f"big{number}", f"[แบบฟอร์ม](big{number}/form.pdf)")
        environment = {**os.environ, "SOURCE_DATE_EPOCH": epoch(EXAMPLE_NOW), "NO_MKDOCS_2_WARNING": "1"}
        environment.pop("CI", None)
        peaks[size] = build_peak_mib(site.root, environment)
        assert len(list((site.root / "site" / "news").glob("big*/form.pdf"))) == 12
    assert peaks[8 * 1024 * 1024] - peaks[8 * 1024] < 48, peaks


def test_an_added_attachment_voids_the_signoffs(factory: SiteFactory) -> None:
    """A file added to the post's folder after sign-off and linked by nothing is never published;
    a link to it would change the body, and so the digest."""
    approved_post(factory, "plain", "เนื้อหา tokplain")
    folder = factory.root / "content" / "news" / "posts" / "plain"
    folder.mkdir(parents=True)
    (folder / "extra.pdf").write_bytes(b"%PDF tokextra")
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    assert leaks(factory.root, "tokplain") != []
    assert leaks(factory.root, "tokextra") == []


def test_images_of_unapproved_posts_never_reach_the_site(factory: SiteFactory) -> None:
    """Reference-style and unquoted-src images of a post awaiting sign-off are not copied."""
    folder = factory.root / "content" / "news" / "posts" / "waiting"
    folder.mkdir(parents=True)
    (folder / "a.png").write_bytes(b"\x89PNG tokrefstyle")
    (folder / "b.png").write_bytes(b"\x89PNG tokunquoted")
    body = "![ภาพ][r]\n\n<img src=waiting/b.png>\n\n[r]: waiting/a.png"
    factory.add("content", "news/posts/waiting.md", factory.text(title="ข่าวรอ", body=body))
    run_mkdocs(factory.root, "build")
    assert leaks(factory.root, "tokrefstyle") == [] and leaks(factory.root, "tokunquoted") == []


def test_attachment_rules(factory: SiteFactory) -> None:
    """Attachments live in the post's own folder, exist, and are of a type that cannot run."""
    folder = factory.root / "content" / "news" / "posts" / "rules"
    folder.mkdir(parents=True)
    (folder / "page.html").write_text("<script>tokhtmlattachment</script>", encoding="utf-8")
    body = "[หน้า](rules/page.html) [ไม่มี](rules/missing.pdf)"
    approved_post(factory, "rules", body)
    result = run_mkdocs(factory.root, "build")
    assert "the attachment 'rules/page.html' is of a type that could run in the site (.html)" in result.stderr
    assert "the attachment 'rules/missing.pdf' does not exist" in result.stderr
    assert leaks(factory.root, "tokhtmlattachment") == []


# --- 6. a post that was never approved is never presented as published ---------------------


def test_an_unapproved_post_whose_period_ended_goes_back_to_pending(factory: SiteFactory) -> None:
    """Awaiting the director in content/ when its window ends: never tombstoned, never listed as
    taken down, moved back to pending/ (not pending/expired/) with a warning."""
    path = "news/posts/halfway.md"
    text = factory.text(title="ข่าว tokhalfway", publish_from="2569-10-01", publish_until="2569-10-31")
    text = factory.sign(text, path, [("chair1", "approve", None, dt.datetime(2026, 10, 2, tzinfo=dt.UTC))])
    factory.add("content", path, text)
    result = run_mkdocs(factory.root, "build", now=EXAMPLE_NOW)
    assert result.returncode == 0, result.stderr
    assert "never approved by the whole chain" in result.stderr
    assert "'news/posts/halfway.md' was never approved and its publication period has ended" in result.stderr
    assert not (factory.root / "content" / path).exists()
    assert (factory.root / "pending" / path).read_text(encoding="utf-8") == text
    assert not (factory.root / "pending" / "expired" / path).exists()
    assert leaks(factory.root, "halfway") == []


# --- every file accounted for, whatever the tree ----------------------------------------------

FOLDERS = ["", "news", "news/posts", "news/posts/live", "ข่าว/ประกาศ", "assetsx"]
STEMS = ["rnd", "ข่าวrnd", "RND", "index-rnd", "rnd file", "๑๒rnd"]
SUFFIXES = [".md", ".MD", ".Md", ".markdown", ".mdown", ".html", ".htm", ".txt", ".png", ".pdf", ".svg", ".js", ""]
ENTRY = st.tuples(
    st.sampled_from(FOLDERS),
    st.sampled_from(STEMS),
    st.sampled_from(SUFFIXES),
    st.sampled_from(["file", "post", "symlink-pending", "symlink-outside", "symlink-folder"]),
)


def plant(site: SiteFactory, entries: list[tuple[str, str, str, str]]) -> None:
    """Random files under content/, each holding a marker `tokrandN` (in its bytes) and `rnd`
    (in its name); posts among them were signed by both approvers and edited afterwards."""
    content, outside = site.root / "content", site.root / "outside"
    outside.mkdir(exist_ok=True)
    for number, (folder, stem, suffix, kind) in enumerate(entries):
        target = content / folder / f"{stem}{number}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() or target.is_symlink():
            continue
        marker = f"tokrand{number}"
        if kind == "post":  # signed by both, then edited: the sign-offs no longer count
            post_path = target.relative_to(content).as_posix()
            signed = site.approved(site.text(title=f"ข่าว {marker}", body=marker), post_path)
            target.write_text(signed + "แก้ไขหลังลงนาม\n", "utf-8")
        elif kind == "file":
            target.write_bytes(f"<script>{marker}</script>".encode())
        elif kind == "symlink-pending":
            pending = site.add("pending", f"news/posts/p{number}.md", site.text(title=f"ข่าว {marker}"))
            os.symlink(pending, target)
        elif kind == "symlink-outside":
            (outside / f"o{number}.md").write_text(site.text(title=f"ข่าว {marker}"), encoding="utf-8")
            os.symlink(outside / f"o{number}.md", target)
        else:
            folder_target = outside / f"d{number}"
            folder_target.mkdir()
            (folder_target / "x.html").write_text(marker, encoding="utf-8")
            os.symlink(folder_target, target)


def only_approved_bytes(tmp_path: Path, entries: list[tuple[str, str, str, str]]) -> None:
    site = SiteFactory(tmp_path / "site")
    folder = site.root / "content" / "news" / "posts" / "live"
    folder.mkdir(parents=True)
    (folder / "photo.png").write_bytes(b"\x89PNG toklivephoto")
    approved_post(site, "live", "ข่าว toklive ![ภาพ](live/photo.png)")
    plant(site, entries)
    result = run_mkdocs(site.root, "build")
    assert result.returncode == 0, result.stderr
    built = site_bytes(site.root)
    assert [name for name in built if "rnd" in name.lower()] == []
    assert [name for name, data in built.items() if b"tokrand" in data] == []
    assert len([name for name, data in built.items() if b"toklivephoto" in data]) == 1
    assert any(b"toklive" in data for name, data in built.items() if name.endswith("index.html"))


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ENTRY, min_size=1, max_size=10))
def test_any_tree_publishes_only_approved_bytes(tmp_path_factory: pytest.TempPathFactory, entries: list) -> None:  # type: ignore[type-arg]
    """Random trees under content/ (Thai and ASCII names, any extension and case, signed posts,
    symlinks to pending posts, to files and to folders outside): no byte of any of them reaches
    site/, and the one live post and its photo do."""
    only_approved_bytes(tmp_path_factory.mktemp("tree"), entries)


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ENTRY, min_size=1, max_size=20))
def test_any_tree_publishes_only_approved_bytes_at_length(
    tmp_path_factory: pytest.TempPathFactory,
    entries: list,  # type: ignore[type-arg]
) -> None:
    """The same property over more and larger trees."""
    only_approved_bytes(tmp_path_factory.mktemp("tree"), entries)


def test_an_aligned_table_is_published_with_its_alignment(factory: SiteFactory) -> None:
    """Python-Markdown writes column alignment as `style="text-align: …"`: the one style allowed."""
    approved_post(factory, "table", "| ลำดับ | จำนวน |\n|:--|--:|\n| ๑ | ๒๐ |")
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    page = (factory.root / "site" / "news" / "table" / "index.html").read_text(encoding="utf-8")
    assert '<th style="text-align:left">ลำดับ</th>' in page and '<td style="text-align:right">๒๐</td>' in page


def test_gate_sweep_returns_an_unapproved_ended_post_to_pending(factory: SiteFactory) -> None:
    """`gate sweep` does what the build does: never takes down what was never approved."""
    from click.testing import CliRunner

    from approval_gate.cli import main
    from conftest import epoch

    path = "news/posts/halfway.md"
    text = factory.text(title="ข่าว tokhalfway", publish_from="2569-10-01", publish_until="2569-10-31")
    text = factory.sign(text, path, [("chair1", "approve", None, dt.datetime(2026, 10, 2, tzinfo=dt.UTC))])
    factory.add("content", path, text)
    env = {"SOURCE_DATE_EPOCH": epoch(EXAMPLE_NOW), "LANG": "en_US.UTF-8"}
    args = ["--config-file", str(factory.root / "mkdocs.yml"), "sweep"]
    dry = CliRunner().invoke(main, [*args, "--dry-run", "--json"], env=env)
    assert 0 == dry.exit_code, dry.output
    assert (factory.root / "content" / path).exists()
    result = CliRunner().invoke(main, args, env=env)
    assert 0 == result.exit_code, result.output
    assert "'news/posts/halfway.md' was never approved and its publication period has ended" in result.output
    assert (factory.root / "pending" / path).read_text(encoding="utf-8") == text
    assert not (factory.root / "content" / path).exists() and not (factory.root / "pending/expired" / path).exists()


def test_returning_to_pending_never_follows_a_symlinked_folder(factory: SiteFactory, tmp_path: Path) -> None:
    """`pending/news` linked elsewhere: the never-approved ended post stays in content/, and
    nothing is written through the link."""
    path = "news/posts/halfway.md"
    text = factory.text(title="ข่าว tokhalfway", publish_from="2569-10-01", publish_until="2569-10-31")
    factory.add("content", path, text)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, factory.root / "pending" / "news")
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    assert (factory.root / "content" / path).read_text(encoding="utf-8") == text
    assert list(elsewhere.rglob("*")) == []
