"""How the gate behaves when things go wrong around it: kill -9, races, a full disk, read-only folders.

Each test ends with the same check as tests/test_moves.py: every post exists exactly once,
whole, with signatures that verify.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from approval_gate.services import moves
from approval_gate.services.moves import MoveError
from approval_gate.services.takedown import take_down
from conftest import EXAMPLE_NOW, epoch
from factory import SiteFactory
from test_moves import (
    add_expired,
    assert_exactly_once,
    assert_never_lost,
    copies,
    digest,
    gate_of,
    live_text,
    temporaries,
)

GATE = str(Path(sys.executable).with_name("gate"))


def environment() -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch(EXAMPLE_NOW), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CI", None)
    return env


def start(root: Path, command: str, site_dir: str = "site") -> subprocess.Popen[str]:
    args = {
        "build": [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(root / site_dir)],
        "sweep": [GATE, "--config-file", str(root / "mkdocs.yml"), "sweep"],
    }[command]
    return subprocess.Popen(
        args, cwd=root, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=600)
    return process.returncode, out + err


# --- kill -9 ---------------------------------------------------------------------------
# Deterministic: a process dies (SIGKILL, sent to itself) just before the k-th filesystem step
# of moves.py (open, write, fsync, link, unlink, rename), for every k of a clean run, in both
# the build and `gate sweep`. The count of kills is exact on any machine, however busy.

EXPIRED_COUNT = 3
WITH_ATTACHMENT = (0, 2)
STEPS = ("open", "write", "fsync", "link", "unlink", "rename")

DIE_AT_STEP = """\
import atexit, os, signal, sys, types

from approval_gate.services import moves

STEPS, DIE_AT, calls = {steps!r}, int(sys.argv[1]), 0


class Dying(types.SimpleNamespace):
    \"\"\"`os` as moves.py sees it: the DIE_AT-th step kills the process (0: count only).\"\"\"

    def __getattr__(self, name):
        real = getattr(os, name)
        if name not in STEPS:
            return real

        def step(*args, **kwargs):
            global calls
            calls += 1
            if calls == DIE_AT:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return step


moves.os = Dying()
atexit.register(lambda: sys.stderr.write(f"\\nsteps: {{calls}}\\n"))
command, args = sys.argv[2], sys.argv[3:]
if command == "build":
    from mkdocs.__main__ import cli
    cli(["build", *args])
else:
    from approval_gate.cli import main
    main(args)
"""


@pytest.fixture(scope="module")
def few_expired(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A site with 3 expired posts (two with an attachment) and 3 live ones, to copy for each run."""
    factory = SiteFactory(tmp_path_factory.mktemp("kill") / "template")
    paths = add_expired(factory, EXPIRED_COUNT)
    for index in WITH_ATTACHMENT:
        folder = factory.root / "content" / paths[index].removesuffix(".md")
        folder.mkdir()
        (folder / "ไฟล์แนบ.pdf").write_bytes(b"%PDF-1.4 " + bytes(index))
    for index in range(3):
        factory.add("content", f"news/posts/live-{index:03d}.md", live_text(factory, index))
    return factory.root, {post_path: digest(factory.root / "content" / post_path) for post_path in paths}


def run_dying(site: Path, command: str, die_at: int) -> subprocess.CompletedProcess[str]:
    """Run the build or `gate sweep` on `site`, dying just before moves.py's `die_at`-th step."""
    script = site.parent / "die_at_step.py"
    if not script.exists():
        script.write_text(DIE_AT_STEP.format(steps=STEPS), encoding="utf-8")
    args = {
        "build": ["--site-dir", str(site / "site")],
        "sweep": ["--config-file", str(site / "mkdocs.yml"), "sweep"],
    }[command]
    return subprocess.run(
        [sys.executable, str(script), str(die_at), command, *args],
        cwd=site, env=environment(), capture_output=True, text=True, timeout=600,
    )  # fmt: skip


@pytest.mark.slow
def test_kill_9_at_every_step_never_loses_or_duplicates_a_post(
    tmp_path: Path, few_expired: tuple[Path, dict[str, str]]
) -> None:
    template, digests = few_expired
    kills, mid_move, with_temporaries = 0, 0, 0
    for command in ("sweep", "build"):
        site = tmp_path / f"count-{command}"
        shutil.copytree(template, site)
        clean = run_dying(site, command, 0)
        assert clean.returncode == 0, clean.stdout + clean.stderr
        assert_exactly_once(site, digests, "expired")
        steps = int(clean.stderr.rsplit("steps: ", 1)[1])
        # At least a write, an fsync, a link and an unlink per post: the hook does see the moves.
        assert steps >= 4 * EXPIRED_COUNT, clean.stderr
        for die_at in range(1, steps + 1):
            site = tmp_path / f"{command}-{die_at}"
            shutil.copytree(template, site)
            killed = run_dying(site, command, die_at)
            assert -signal.SIGKILL == killed.returncode, (command, die_at, killed.stderr)
            kills += 1
            mid_move += any(len(copies(site, post_path)) == 2 for post_path in digests)
            with_temporaries += bool(temporaries(site))
            assert_never_lost(site, digests)
            # The next run, of either kind, finishes the job.
            again = run_dying(site, "build" if die_at % 2 else "sweep", 0)
            assert again.returncode == 0, (command, die_at, again.stdout + again.stderr)
            assert_exactly_once(site, digests, "expired")
            for index in range(3):
                assert (site / "content" / "news" / "posts" / f"live-{index:03d}.md").is_file()
            for index in WITH_ATTACHMENT:
                folder = site / "pending" / "expired" / "news" / "posts" / f"expired-{index:03d}"
                assert (folder / "ไฟล์แนบ.pdf").is_file(), "attachments follow their post"
                assert not (site / "content" / "news" / "posts" / f"expired-{index:03d}").exists()
            shutil.rmtree(site)
    print(  # shown with -s
        f"\nkill -9: {kills} kills, one before every step of a clean run "
        f"({mid_move} with a post in both places, {with_temporaries} with a temporary file)"
    )
    assert mid_move > 0 and with_temporaries > 0  # the kills did land inside moves


# --- races ---------------------------------------------------------------------------------


def publish(root: Path, file: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [GATE, "--config-file", str(root / "mkdocs.yml"), "publish", str(file), "--as", "นายเว็บ มาสเตอร์", "--yes"],
        cwd=root,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_builds_and_gate_publish_racing_on_one_repository(factory: SiteFactory) -> None:
    expired = add_expired(factory, 30)
    pending = []
    for index in range(6):
        post_path = f"news/posts/new-{index:03d}.md"
        factory.add("pending", post_path, live_text(factory, index, name="new"))
        pending.append(post_path)
    expired_digests = {post_path: digest(factory.root / "content" / post_path) for post_path in expired}
    pending_digests = {post_path: digest(factory.root / "pending" / post_path) for post_path in pending}
    builds = [start(factory.root, "build", "site-a"), start(factory.root, "build", "site-b")]
    publishes = [publish(factory.root, factory.root / "pending" / post_path) for post_path in pending]
    for process in builds + publishes:
        code, output = finish(process)
        assert code == 0, output
    assert_exactly_once(factory.root, expired_digests, "expired")
    assert_exactly_once(factory.root, pending_digests, "content")
    gate = gate_of(factory.root)
    for post_path in pending:
        judged = gate.judge(factory.root / "content" / post_path, EXAMPLE_NOW)
        assert judged.decision.state == "live" and judged.post.published is not None


# --- a full disk --------------------------------------------------------------------------


@contextlib.contextmanager
def mounted(options: list[str], source: str, target: Path) -> Iterator[None]:
    """Mount (root only); skip the test cleanly where mounting is not allowed."""
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("needs root and mount")
    result = subprocess.run(["mount", *options, source, str(target)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here: {result.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


def one_expired(factory: SiteFactory) -> tuple[str, Path, str]:
    [post_path] = add_expired(factory, 1)
    source = factory.root / "content" / post_path
    return post_path, source, digest(source)


def test_a_full_disk_leaves_the_post_where_it_was_with_a_clear_error(
    factory: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC from the write, by monkeypatching os.write as moves.py sees it (works anywhere)."""
    post_path, source, signed = one_expired(factory)

    class FullDisk:
        def __getattr__(self, name: str) -> object:
            if name == "write":

                def write(handle: int, data: bytes) -> int:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

                return write
            return getattr(os, name)

    monkeypatch.setattr(moves, "os", FullDisk())
    result = take_down(gate_of(factory.root), [post_path], EXAMPLE_NOW)
    monkeypatch.setattr(moves, "os", os)
    assert result.moved == []
    [(path, code, detail)] = result.problems
    assert (path, code) == (post_path, "move_failed") and detail.startswith("no space left")
    assert digest(source) == signed and temporaries(factory.root) == []
    assert take_down(gate_of(factory.root), [post_path], EXAMPLE_NOW).moved == [post_path]
    assert_exactly_once(factory.root, {post_path: signed}, "expired")


def test_a_real_full_tmpfs_leaves_the_post_where_it_was(factory: SiteFactory) -> None:
    """The expired folder on a 64 KiB tmpfs, filled up: the same outcome with a real ENOSPC."""
    post_path, source, signed = one_expired(factory)
    expired = factory.root / "pending" / "expired"
    expired.mkdir(parents=True, exist_ok=True)
    with mounted(["-t", "tmpfs", "-o", "size=64k"], "tmpfs", expired):
        (expired / "news" / "posts").mkdir(parents=True)
        with contextlib.suppress(OSError), (expired / "filler").open("wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
        result = take_down(gate_of(factory.root), [post_path], EXAMPLE_NOW)
        assert result.moved == [] and result.problems[0][1] == "move_failed"
        assert "no space left" in result.problems[0][2]
        assert digest(source) == signed and not (expired / post_path).exists()
        assert temporaries(expired) == []
        (expired / "filler").unlink()
        assert take_down(gate_of(factory.root), [post_path], EXAMPLE_NOW).moved == [post_path]
        assert_exactly_once(factory.root, {post_path: signed}, "expired")


# --- read-only folders ------------------------------------------------------------------------


def test_a_read_only_expired_folder_leaves_the_post_where_it_was(factory: SiteFactory) -> None:
    """chmod does not stop root, so the folder is a read-only bind mount of itself."""
    post_path, source, signed = one_expired(factory)
    expired = factory.root / "pending" / "expired"
    (expired / "news" / "posts").mkdir(parents=True)
    with mounted(["--bind", "-o", "ro"], str(expired), expired):
        if os.access(expired, os.W_OK) and not _really_read_only(expired):
            pytest.skip("the bind mount is not read-only here")
        result = take_down(gate_of(factory.root), [post_path], EXAMPLE_NOW)
        assert result.moved == []
        [(path, code, detail)] = result.problems
        assert (path, code) == (post_path, "move_failed") and "Read-only file system" in detail
        assert digest(source) == signed and not (expired / post_path).exists()
    assert take_down(gate_of(factory.root), [post_path], EXAMPLE_NOW).moved == [post_path]
    assert_exactly_once(factory.root, {post_path: signed}, "expired")


def _really_read_only(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return True
    probe.unlink()
    return False


def test_a_read_only_checkout_reports_the_lock_and_moves_nothing(factory: SiteFactory) -> None:
    """Not even the lock file can be made: every expired post is reported, none is touched."""
    post_path, source, signed = one_expired(factory)
    with mounted(["--bind", "-o", "ro"], str(factory.root), factory.root):
        if not _really_read_only(factory.root):
            pytest.skip("the bind mount is not read-only here")
        result = take_down(gate_of(factory.root), [post_path], EXAMPLE_NOW)
        assert result.moved == [] and [code for _, code, _ in result.problems] == ["move_failed"]
        assert digest(source) == signed


def test_a_build_with_a_read_only_expired_folder_warns_and_fails_strict(factory: SiteFactory) -> None:
    _, source, signed = one_expired(factory)
    expired = factory.root / "pending" / "expired"
    (expired / "news" / "posts").mkdir(parents=True)
    with mounted(["--bind", "-o", "ro"], str(expired), expired):
        if not _really_read_only(expired):
            pytest.skip("the bind mount is not read-only here")
        code, output = finish(start(factory.root, "build"))
        assert "was not moved" in output and "stays where it was" in output
        assert digest(source) == signed
    assert code == 0  # the site itself built; the warning names the post and the fix


def test_lock_timeout_is_a_move_error_not_a_crash(factory: SiteFactory) -> None:
    _, source, signed = one_expired(factory)
    with moves.repository_lock(factory.root), pytest.raises(MoveError) as caught:  # noqa: SIM117
        with moves.repository_lock(factory.root, timeout=0.2):
            pass
    assert caught.value.code == "lock_timeout"
    assert digest(source) == signed


# --- the verification cache across serve rebuilds ------------------------------------------------


def test_rebuilds_verify_only_changed_posts_and_decide_again_with_the_new_clock(
    factory: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds on one plugin instance, as `mkdocs serve` does: unchanged posts are not parsed or
    verified again, an edited one is, and every decision is made again with the new `now`."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    for index in range(4):
        factory.add("content", f"news/posts/live-{index:03d}.md", live_text(factory, index))
    ending = factory.text(title="ข่าวที่ใกล้หมดเวลา", publish_from="2569-11-01", publish_until="2569-11-25")
    factory.add("content", "news/posts/ending.md", factory.approved(ending, "news/posts/ending.md"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(EXAMPLE_NOW))
    config = load_config(str(factory.root / "mkdocs.yml"), site_dir=str(factory.root / "site"))
    plugin = config.plugins["approval-gate"]
    mkdocs_build(config)
    assert (plugin.cache.parsed, plugin.cache.reused) == (5, 0)
    assert plugin.judged["news/posts/ending.md"][1].state == "live"

    edited = factory.root / "content" / "news" / "posts" / "live-001.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # new bytes, same digest
    later = EXAMPLE_NOW + dt.timedelta(days=2)  # the ending post's window has closed
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(later))
    config = load_config(str(factory.root / "mkdocs.yml"), site_dir=str(factory.root / "site"))
    assert config.plugins["approval-gate"] is plugin  # as in serve: one instance across rebuilds
    mkdocs_build(config)
    assert (plugin.cache.parsed, plugin.cache.reused) == (1, 4)
    assert plugin.judged["news/posts/ending.md"][1].state == "expired"  # cached post, fresh decision
    assert plugin.judged["news/posts/live-001.md"][1].state == "live"
    page = (factory.root / "site" / "news" / "ending" / "index.html").read_text(encoding="utf-8")
    assert "สิ้นสุดระยะเวลาการเผยแพร่แล้ว" in page and "noindex" in page  # the "period ended" notice
    assert "ข่าวที่ใกล้หมดเวลา" not in page  # and nothing of the post


def test_a_cached_signature_check_follows_the_registry(factory: SiteFactory) -> None:
    """The cache keys a check by (key line, statement, signature): a replaced key is checked afresh."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from approval_gate.services.judge_cache import JudgeCache

    post_path = "news/posts/live-000.md"
    file = factory.add("content", post_path, live_text(factory, 0))
    gate = gate_of(factory.root)
    gate.cache = JudgeCache()
    assert gate.judge(file, EXAMPLE_NOW).decision.state == "live"
    factory.keys["chair1"] = Ed25519PrivateKey.generate()  # the registry now names another key
    (factory.root / "approvers.yml").write_text(factory.registry_text(), encoding="utf-8")
    fresh = gate_of(factory.root)
    fresh.cache = gate.cache
    gate.cache.start_build()
    judged = fresh.judge(file, EXAMPLE_NOW)
    assert judged.decision.state != "live" and gate.cache.reused == 1
