"""Real builds: only live posts reach the site, and nothing of the others does."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import EXAMPLE_NOW, run_mkdocs, swap_between_gate_and_blog
from factory import UTC, SiteFactory

SIGNED = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
LATER = dt.datetime(2026, 11, 20, 3, 0, tzinfo=UTC)

# (token, state) — each post carries its token in its file name, title, body, tag and category.
STATES = ["live", "scheduled", "awaitingchair", "awaitingdirector", "rejected", "invalid", "expired"]


def token(state: str) -> str:
    return f"tok{state}"


def state_post(site: SiteFactory, state: str) -> str:
    tok = token(state)
    path = f"news/posts/{tok}.md"
    window = {"publish_from": "2569-11-01", "publish_until": "2570-12-31"}
    if state == "scheduled":
        window = {"publish_from": "2570-06-01", "publish_until": "2570-12-31"}
    if state == "expired":
        window = {"publish_from": "2569-10-01", "publish_until": "2569-10-31"}
    text = site.text(
        title=f"ข่าว {tok}",
        body=f"เนื้อหา {tok} ![ภาพ]({tok}/figure.png)",
        tags=f"[{tok}]",
        categories=f"[{tok}cat]",
        **window,
    )
    chair = ("chair1", "approve", None, SIGNED)
    director = ("director1", "approve", None, SIGNED + dt.timedelta(hours=1))
    steps = {
        "live": [chair, director],
        "scheduled": [chair, director],
        "expired": [chair, director],
        "awaitingchair": [],
        "awaitingdirector": [chair],
        "rejected": [("chair1", "reject", f"เหตุผล {tok}", SIGNED)],
        "invalid": [chair, director],
    }[state]
    figure = site.root / "content" / "news" / "posts" / tok / "figure.png"
    figure.parent.mkdir(parents=True, exist_ok=True)
    figure.write_bytes(b"\x89PNG\r\n\x1a\n" + tok.encode())  # before signing: the digest binds it
    text = site.sign(text, path, steps)
    if state == "invalid":
        text = text.replace('"decision": "approve"', '"decision": "approve", "bogus": 1', 1)
    site.add("content", path, text)
    return path


@pytest.fixture
def every_state(factory: SiteFactory) -> SiteFactory:
    for state in STATES:
        state_post(factory, state)
    return factory


def site_files(site: Path) -> dict[str, str]:
    out = site / "site"
    return {
        str(path.relative_to(out)): path.read_text(encoding="utf-8", errors="replace")
        for path in out.rglob("*")
        if path.is_file()
    }


def test_only_live_posts_leave_a_trace(every_state: SiteFactory) -> None:
    """Every non-live post is absent from every output file; the live one is everywhere it belongs."""
    result = run_mkdocs(every_state.root, "build")
    assert result.returncode == 0, result.stderr
    files = site_files(every_state.root)
    for state in STATES[1:]:
        leaks = [name for name, text in files.items() if token(state) in text or token(state) in name]
        if state == "expired":  # its URL serves the take-down notice (tombstones.py), never the post
            notice = files[f"news/{token(state)}/index.html"]
            assert "ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว" in notice and token(state) not in notice
            leaks = [name for name in leaks if name not in ("taken-down.txt", f"news/{token(state)}/index.html")]
        assert leaks == [], f"{state} leaked into {leaks}"
    live = token("live")
    assert f"news/{live}/index.html" in files
    assert f"news/{live}/figure.png" in files or f"news/posts/{live}/figure.png" in files
    search = json.loads(files["search/search_index.json"])
    assert any(live in doc["title"] or live in doc["text"] for doc in search["docs"])
    assert f"news/{live}/" in files["sitemap.xml"]
    assert live in files["news/index.html"]  # blog index
    assert live in files["news/archive/2026/index.html"]  # blog archive
    assert any(live in text for name, text in files.items() if name.startswith("news/category/"))
    assert live in files["tags/index.html"]  # tags index


def test_summary_line_and_warnings(every_state: SiteFactory) -> None:
    """One summary line; warnings for posts someone must fix, info for scheduled and expired."""
    result = run_mkdocs(every_state.root, "build")
    log = result.stderr
    assert "1 live, 1 scheduled, 2 awaiting, 1 refused, 1 invalid, 1 expired, 1 moved" in log
    for state in ("awaitingchair", "awaitingdirector", "rejected", "invalid"):
        assert f"WARNING -  approval_gate: 'news/posts/{token(state)}.md' is not published" in log
    for state in ("scheduled", "expired"):
        assert f"INFO    -  approval_gate: 'news/posts/{token(state)}.md' is not published" in log
    assert "`signoffs[1].bogus` is not a known field; remove it" in log
    assert f"refused by chair1 (chair of the information centre): เหตุผล {token('rejected')}" in log


def test_strict_build_fails_and_moves_nothing(every_state: SiteFactory) -> None:
    """A warning fails --strict, and a failed build takes nothing down."""
    result = run_mkdocs(every_state.root, "build", "--strict")
    assert result.returncode == 1
    assert "Aborted with" in result.stdout + result.stderr
    assert (every_state.root / "content/news/posts/tokexpired.md").exists()
    assert not (every_state.root / "pending/expired/news/posts/tokexpired.md").exists()


def test_expired_post_is_moved_with_taken_down_record(factory: SiteFactory) -> None:
    """After a clean build the expired post leaves content/ with its attachments, signatures intact."""
    state_post(factory, "live")
    state_post(factory, "expired")
    result = run_mkdocs(factory.root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    moved = factory.root / "pending/expired/news/posts/tokexpired.md"
    assert not (factory.root / "content/news/posts/tokexpired.md").exists()
    record = 'taken_down: {"at": "2026-11-25T10:00:00Z", "reason": "expired", "url": "news/tokexpired/"}'
    assert record in moved.read_text(encoding="utf-8")
    assert (factory.root / "pending/expired/news/posts/tokexpired/figure.png").exists()
    assert "took down 'news/posts/tokexpired.md'" in result.stderr
    check = run_mkdocs(factory.root, "build", "--strict")  # the second build has nothing to move
    assert "1 live, 0 scheduled, 0 awaiting, 0 refused, 0 invalid, 0 expired, 0 moved" in check.stderr


@pytest.mark.parametrize("option", ["move_expired: false"])
def test_move_can_be_switched_off(factory: SiteFactory, option: str) -> None:
    factory.write_config(extra_gate=f"      {option}\n")
    state_post(factory, "expired")
    result = run_mkdocs(factory.root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert (factory.root / "content/news/posts/tokexpired.md").exists()


def test_dirty_build_is_refused(factory: SiteFactory) -> None:
    """--dirty would keep pages of posts that are no longer live: refused, nothing moved."""
    state_post(factory, "expired")
    result = run_mkdocs(factory.root, "build", "--dirty")
    assert result.returncode == 1
    assert "approval-gate refuses --dirty builds" in result.stdout + result.stderr
    assert (factory.root / "content/news/posts/tokexpired.md").exists()


def test_disabled_plugin_fails_closed(factory: SiteFactory) -> None:
    """enabled: false publishes no gated page and warns."""
    factory.write_config(extra_gate="      enabled: false\n")
    state_post(factory, "live")
    result = run_mkdocs(factory.root, "build")
    assert "approval-gate is disabled (enabled: false)" in result.stderr
    assert not (factory.root / "site/news/toklive").exists()
    assert run_mkdocs(factory.root, "build", "--strict").returncode == 1


def test_without_the_plugin_exclude_docs_publishes_nothing_gated(factory: SiteFactory) -> None:
    """A builder that ignores plugins still publishes no post, thanks to exclude_docs."""
    state_post(factory, "live")
    config = factory.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  - approval-gate:")
    end = text.index("  - blog:")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    assert not list((factory.root / "site").rglob("*toklive*"))
    assert (factory.root / "site/index.html").exists()


def test_unreadable_registry_publishes_nothing(factory: SiteFactory) -> None:
    state_post(factory, "live")
    (factory.root / "approvers.yml").write_text("site_id: test-site\npeople: [\n", encoding="utf-8")
    result = run_mkdocs(factory.root, "build")
    assert "the approvers registry approvers.yml cannot be read" in result.stderr
    assert not (factory.root / "site/news/toklive").exists()


def test_a_post_changed_after_verification_is_published_as_verified(every_state: SiteFactory) -> None:
    """The blog reads its posts itself: it reads the staged copy the gate verified, so a post
    edited on disk after the gate's read is published exactly as it was signed."""
    root = every_state.root
    swap_between_gate_and_blog(root, "toklive")
    result = run_mkdocs(root, "build")
    assert result.returncode == 0, result.stderr
    built = site_files(root)
    assert "เนื้อหา toklive" in built["news/toklive/index.html"]
    assert [name for name, text in built.items() if "เนื้อหา swapped" in text] == []


def test_link_to_excluded_post_warns(factory: SiteFactory) -> None:
    """A built page linking to an unpublished post gets a warning that fails --strict."""
    state_post(factory, "awaitingchair")
    (factory.root / "content/index.md").write_text(
        "# หน้าแรก\n\n[ข่าว](news/posts/tokawaitingchair.md)\n", encoding="utf-8"
    )
    result = run_mkdocs(factory.root, "build")
    assert "'index.md' links to 'news/posts/tokawaitingchair.md', which is not published" in result.stderr


def test_shared_image_is_an_asset_and_a_post_cannot_bind_it(factory: SiteFactory) -> None:
    """A file outside a post's folder is published only as a declared asset; a post linking a
    file elsewhere in the gated scope is invalid, and that file is left out with a warning."""
    config = factory.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      exempt:", "      assets: [images/*]\n      exempt:"), "utf-8"
    )
    (factory.root / "content/images").mkdir()
    (factory.root / "content/images/logo.png").write_bytes(b"\x89PNG logo")
    (factory.root / "content/stray.png").write_bytes(b"\x89PNG stray")
    text = factory.text(title="ข่าว tokshared", body="![โลโก้](../../images/logo.png)")
    factory.add("content", "news/posts/tokshared.md", factory.approved(text, "news/posts/tokshared.md"))
    text = factory.text(title="ข่าว tokstray", body="![หลง](../../stray.png)")
    factory.add("content", "news/posts/tokstray.md", factory.approved(text, "news/posts/tokstray.md"))
    result = run_mkdocs(factory.root, "build")
    assert result.returncode == 0, result.stderr
    files = site_files(factory.root)
    assert "images/logo.png" in files and "news/tokshared/index.html" in files
    assert "stray.png" not in files and "news/tokstray/index.html" not in files
    assert "'stray.png' is not a post, an attachment of a post or an exempt file" in result.stderr
    assert "the link '../../stray.png' leaves the post's own folder" in result.stderr


def test_explicit_nav_is_pruned_and_prev_next_relinked(tmp_path: Path) -> None:
    """An excluded page listed in `nav:` disappears from every page's nav and from prev/next links."""
    nav = "nav:\n  - index.md\n  - ข่าวหนึ่ง: first.md\n  - ข่าวรอ: waiting.md\n  - ข่าวสาม: third.md\n"
    site = SiteFactory(tmp_path / "nav", nav=nav)
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("features: [navigation.prune]", "features: []"), encoding="utf-8"
    )
    for name in ("first", "third"):
        site.add("content", f"{name}.md", site.approved(site.text(title=f"หน้า {name}"), f"{name}.md"))
    site.add("content", "waiting.md", site.text(title="หน้า tokwaiting"))
    result = run_mkdocs(site.root, "build")
    assert result.returncode == 0, result.stderr
    files = site_files(site.root)
    assert [name for name, text in files.items() if "tokwaiting" in text or "waiting/" in text] == []
    first = files["first/index.html"]
    assert 'href="../third/"' in first  # next page skips the excluded one
    assert "ข่าวรอ" not in first


def test_exempt_pages_need_no_signoff(factory: SiteFactory) -> None:
    assert run_mkdocs(factory.root, "build", "--strict").returncode == 0
    assert "ยินดีต้อนรับ" in (factory.root / "site/index.html").read_text(encoding="utf-8")


def test_example_site_builds_strict(example_site: Path) -> None:
    """The shipped example builds cleanly with --strict and takes down its expired post."""
    result = run_mkdocs(example_site, "build", "--strict", now=EXAMPLE_NOW)
    assert result.returncode == 0, result.stderr
    assert (
        "6 live, 1 scheduled, 0 awaiting, 0 refused, 0 invalid, 1 expired, 1 moved" in result.stderr
    )  # 3 news, 3 policies
    assert (
        example_site
        / "pending/expired/news/posts/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙.md"
    ).exists()
    assert (example_site / "site/news/flu-vaccine-2569/index.html").exists()
    taken_down = (
        example_site / "site/news/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙"
    )  # only the take-down notice (tombstones.py)
    assert [path.name for path in taken_down.iterdir()] == ["index.html"]
    assert "ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว" in (taken_down / "index.html").read_text(encoding="utf-8")
