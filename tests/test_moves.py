"""Moves never lose or duplicate a post: a fault at every step, a name clash, two builds at once.

The invariant checked everywhere: right after a fault each post is in its old place, or
in both places with the same digest (never half-written, never gone); after the next
clean run each post exists exactly once, in its new place, and its signatures verify.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from approval_gate.core.canonical import read_post_text
from approval_gate.services import moves
from approval_gate.services.moves import TMP_SUFFIX, MoveError, move_post
from approval_gate.services.repository import Gate
from approval_gate.services.takedown import take_down
from conftest import EXAMPLE_NOW, epoch
from factory import SiteFactory

UTC = dt.UTC
OPTIONS: dict[str, object] = {
    "site_id": "test-site",
    "exempt": ["index.md", "news/index.md", "tags.md"],
    "default_agency": "สำนักงานสาธารณสุขจังหวัดทดสอบ",
}


# --- helpers shared with test_reliability.py ------------------------------------


def expired_text(factory: SiteFactory, index: int) -> str:
    post_path = f"news/posts/expired-{index:03d}.md"
    text = factory.text(
        title=f"ประกาศที่หมดอายุแล้ว ฉบับที่ {index}",
        body=f"เนื้อหาของประกาศฉบับที่ {index}",
        publish_from="2569-09-01",
        publish_until="2569-10-31",
    )
    return factory.approved(text, post_path, at=dt.datetime(2026, 8, 20, 3, 0, tzinfo=UTC))


def live_text(factory: SiteFactory, index: int, folder: str = "news/posts", name: str = "live") -> str:
    post_path = f"{folder}/{name}-{index:03d}.md"
    text = factory.text(title=f"ข่าวที่เผยแพร่อยู่ ฉบับที่ {index}", body=f"เนื้อหาข่าวฉบับที่ {index}")
    return factory.approved(text, post_path)


def add_expired(factory: SiteFactory, count: int) -> list[str]:
    paths = []
    for index in range(count):
        post_path = f"news/posts/expired-{index:03d}.md"
        factory.add("content", post_path, expired_text(factory, index))
        paths.append(post_path)
    return paths


def gate_of(root: Path) -> Gate:
    return Gate.from_options(root, root / "content", OPTIONS)


def copies(root: Path, post_path: str) -> list[Path]:
    """Every file holding `post_path`: in content, pending and the expired folder."""
    places = (root / "content", root / "pending", root / "pending" / "expired")
    return [base / post_path for base in places if (base / post_path).is_file()]


def temporaries(root: Path) -> list[Path]:
    return sorted(root.rglob(f"*{TMP_SUFFIX}"))


def digest(file: Path) -> str:
    return read_post_text(file.read_bytes()).digest


def assert_never_lost(root: Path, digests: dict[str, str]) -> None:
    """After a fault: each post is somewhere, every copy of it whole and the same post."""
    for post_path, expected in digests.items():
        found = copies(root, post_path)
        assert found, f"{post_path} is lost"
        for file in found:
            assert digest(file) == expected, f"{file} is not the signed post"


def assert_exactly_once(root: Path, digests: dict[str, str], place: str, now: dt.datetime = EXAMPLE_NOW) -> None:
    """After a clean run: each post exactly once, in `place`, whole, with verifying signatures."""
    gate = gate_of(root)
    base = {"content": root / "content", "pending": root / "pending", "expired": root / "pending" / "expired"}[place]
    for post_path, expected in digests.items():
        found = copies(root, post_path)
        assert found == [base / post_path], f"{post_path}: {found}"
        judged = gate.judge(found[0], now)
        assert judged.post.digest == expected
        bad = [reason.code for reason in judged.decision.reasons if reason.code != "window_ended"]
        assert bad == [], f"{post_path}: {bad}"
        assert len(judged.decision.chain) == 2  # both signatures verify
    assert temporaries(root) == []


class FaultyOs(types.SimpleNamespace):
    """`os` as moves.py sees it, failing the `nth` call of `name` with `error`."""

    def __init__(self, name: str, nth: int, error: int = errno.EIO) -> None:
        super().__init__()
        self._name, self._nth, self._error, self._calls = name, nth, error, 0
        self.hit = False

    def __getattr__(self, attribute: str) -> Any:
        real = getattr(os, attribute)
        if attribute != self._name:
            return real

        def faulty(*args: Any, **kwargs: Any) -> Any:
            self._calls += 1
            if self._calls == self._nth:
                self.hit = True
                raise OSError(self._error, os.strerror(self._error))
            return real(*args, **kwargs)

        return faulty


STEPS = ("open", "write", "fsync", "link", "unlink", "rename")


def count_calls(monkeypatch: pytest.MonkeyPatch, action: Any) -> dict[str, int]:
    """How often a clean run of `action` calls each faultable function of moves.py."""
    counts = dict.fromkeys(STEPS, 0)

    class Counting(types.SimpleNamespace):
        def __getattr__(self, attribute: str) -> Any:
            real = getattr(os, attribute)
            if attribute not in counts:
                return real

            def counted(*args: Any, **kwargs: Any) -> Any:
                counts[attribute] += 1
                return real(*args, **kwargs)

            return counted

    monkeypatch.setattr(moves, "os", Counting())
    action()
    monkeypatch.setattr(moves, "os", os)
    return counts


# --- move_post alone ----------------------------------------------------------------


def make_pair(tmp_path: Path, factory: SiteFactory) -> tuple[Path, Path, str]:
    source = factory.add("content", "news/posts/expired-000.md", expired_text(factory, 0))
    (source.with_suffix("")).mkdir()
    (source.with_suffix("") / "แผนที่.pdf").write_bytes(b"%PDF-1.4 attachment")
    target = factory.root / "pending" / "expired" / "news" / "posts" / "expired-000.md"
    return source, target, digest(source)


def test_a_clean_move_is_exactly_once(tmp_path: Path, factory: SiteFactory) -> None:
    source, target, signed = make_pair(tmp_path, factory)
    assert move_post(source, target, lambda data: data + b"\n") == "moved"
    assert not source.exists() and digest(target) == signed
    assert temporaries(factory.root) == []


def every_fault(monkeypatch: pytest.MonkeyPatch, action: Any) -> list[tuple[str, int]]:
    counts = count_calls(monkeypatch, action)
    assert counts["write"] >= 1 and counts["fsync"] >= 3 and counts["link"] == 1 and counts["unlink"] >= 2
    return [(name, nth) for name in STEPS for nth in range(1, counts[name] + 1)]


def test_a_fault_at_every_step_of_take_down_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pinned_clock: dt.datetime
) -> None:
    """Fail each call of open/write/fsync/link/unlink/rename in turn (file and folder fsyncs alike)."""
    rounds = 0
    template = SiteFactory(tmp_path / "template")
    texts = {post_path: expired_text(template, index) for index, post_path in enumerate(["news/posts/expired-000.md"])}

    def fresh(name: str) -> tuple[SiteFactory, Gate]:
        site = SiteFactory(tmp_path / name)
        site.keys = template.keys
        (site.root / "approvers.yml").write_text(template.registry_text(), encoding="utf-8")
        for post_path, text in texts.items():
            site.add("content", post_path, text)
            folder = site.root / "content" / post_path.removesuffix(".md")
            folder.mkdir()
            (folder / "photo.jpg").write_bytes(b"\xff\xd8jpeg")
        return site, gate_of(site.root)

    site, gate = fresh("count")
    faults = every_fault(monkeypatch, lambda: take_down(gate, list(texts), pinned_clock))
    moved = template.root.parent / "count" / "pending" / "expired"
    digests = {post_path: digest(moved / post_path) for post_path in texts}
    for name, nth in faults:
        site, gate = fresh(f"{name}-{nth}")
        faulty = FaultyOs(name, nth)
        monkeypatch.setattr(moves, "os", faulty)
        try:
            result = take_down(gate, list(texts), pinned_clock)
        finally:
            monkeypatch.setattr(moves, "os", os)
        assert faulty.hit
        # Every fault is reported as a problem with a catalogue code; none escapes as an exception.
        assert result.problems, (name, nth)
        assert {code for _, code, _ in result.problems} <= {"move_failed", "takedown_clash"}
        assert_never_lost(site.root, digests)
        # The next clean run finishes the job: exactly once, in the expired folder, verifying.
        again = take_down(gate_of(site.root), list(texts), pinned_clock)
        assert again.problems == [], (name, nth, again.problems)
        assert_exactly_once(site.root, digests, "expired")
        # The attachment follows its post: never orphaned in content/, never lost.
        assert (site.root / "pending" / "expired" / "news" / "posts" / "expired-000" / "photo.jpg").is_file()
        assert not (site.root / "content" / "news" / "posts" / "expired-000").exists()
        rounds += 1
    assert rounds == len(faults) >= 12


def test_an_error_before_the_link_leaves_no_temporary_and_the_post_in_place(
    tmp_path: Path, factory: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target, signed = make_pair(tmp_path, factory)
    for name in ("write", "fsync"):
        monkeypatch.setattr(moves, "os", FaultyOs(name, 1))
        with pytest.raises(MoveError) as caught:
            move_post(source, target)
        monkeypatch.setattr(moves, "os", os)
        assert caught.value.code == "move_failed"
        assert digest(source) == signed and not target.exists()
        assert temporaries(factory.root) == []  # a failed write cleans up after itself


def test_a_copy_left_by_an_interrupted_move_is_completed_not_duplicated(tmp_path: Path, factory: SiteFactory) -> None:
    source, target, signed = make_pair(tmp_path, factory)
    target.parent.mkdir(parents=True)
    target.write_bytes(source.read_bytes().replace(b"---\n\n", b'taken_down: {"at": "x"}\n---\n\n', 1))
    temporary = target.with_name(f".{target.name}{TMP_SUFFIX}")
    temporary.write_bytes(b"half a post")
    moves.clean_temporaries(target.parent)
    assert move_post(source, target) == "resolved"
    assert not source.exists() and digest(target) == signed and not temporary.exists()


def test_a_name_clash_refuses_and_changes_nothing(
    tmp_path: Path, factory: SiteFactory, pinned_clock: dt.datetime
) -> None:
    """The expired folder already holds a different post under the same path."""
    source, target, signed = make_pair(tmp_path, factory)
    other = expired_text(factory, 7)
    target.parent.mkdir(parents=True)
    target.write_text(other, encoding="utf-8")
    before = target.read_bytes()
    with pytest.raises(MoveError) as caught:
        move_post(source, target)
    assert caught.value.code == "move_clash"
    result = take_down(gate_of(factory.root), ["news/posts/expired-000.md"], pinned_clock)
    assert result.moved == [] and result.problems == [("news/posts/expired-000.md", "takedown_clash", str(target))]
    assert digest(source) == signed and target.read_bytes() == before
    assert (source.with_suffix("") / "แผนที่.pdf").is_file()  # attachments stay with the post


def test_an_attachments_folder_clash_leaves_the_folder_and_reports_it(
    tmp_path: Path, factory: SiteFactory, pinned_clock: dt.datetime
) -> None:
    source, target, signed = make_pair(tmp_path, factory)
    clash = target.with_suffix("")
    clash.mkdir(parents=True)
    (clash / "อื่น.pdf").write_bytes(b"another post's file")
    result = take_down(gate_of(factory.root), ["news/posts/expired-000.md"], pinned_clock)
    assert result.problems and result.problems[0][1] == "takedown_clash"
    assert (source.with_suffix("") / "แผนที่.pdf").is_file() and (clash / "อื่น.pdf").is_file()
    assert_never_lost(factory.root, {"news/posts/expired-000.md": signed})


# --- two builds at once ---------------------------------------------------------------


def build(root: Path, site_dir: str) -> subprocess.Popen[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch(EXAMPLE_NOW), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CI", None)
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(root / site_dir)],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_builds_at_once_move_each_post_exactly_once(factory: SiteFactory) -> None:
    paths = add_expired(factory, 25)
    for index in range(3):
        factory.add("content", f"news/posts/live-{index:03d}.md", live_text(factory, index))
    digests = {post_path: digest(factory.root / "content" / post_path) for post_path in paths}
    first, second = build(factory.root, "site-a"), build(factory.root, "site-b")
    outputs = [process.communicate(timeout=300) for process in (first, second)]
    for process, (_, stderr) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, stderr
        assert "was not taken down" not in stderr and "was not moved" not in stderr
    moved = sum(len([line for line in stderr.splitlines() if "took down" in line]) for _, stderr in outputs)
    assert moved == len(paths)  # between them, each post was moved once
    assert_exactly_once(factory.root, digests, "expired")
    for index in range(3):
        assert (factory.root / "site-a" / "news" / f"live-{index:03d}" / "index.html").is_file()
