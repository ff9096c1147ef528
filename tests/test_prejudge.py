"""Judging on a second core from `on_config` gives exactly the verdicts judging in `on_files` gives."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from approval_gate import prejudge
from approval_gate.decision import LIVE
from approval_gate.prejudge import Prejudge, digest_now, pages_to_judge
from approval_gate.repository import Gate
from conftest import EXAMPLE_NOW, epoch, run_mkdocs, swap_between_gate_and_blog
from factory import UTC, SiteFactory

SIGNED = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
STATES = ("live", "scheduled", "awaiting", "rejected", "invalid", "expired")
COUNT = prejudge.START_FROM + 10


def post(site: SiteFactory, index: int) -> None:
    state = STATES[index % len(STATES)]
    path = f"news/posts/p{index:03d}{state}.md"
    window = {
        "scheduled": {"publish_from": "2570-06-01"},
        "expired": {"publish_from": "2569-10-01", "publish_until": "2569-10-31"},
    }.get(state, {})
    text = site.text(title=f"ข่าว p{index:03d}{state}", body=f"เนื้อหา p{index:03d}{state}", **window)
    chair = ("chair1", "approve", None, SIGNED)
    director = ("director1", "approve", None, SIGNED + dt.timedelta(hours=1))
    steps = {"awaiting": [chair], "rejected": [("chair1", "reject", "ข้อมูลไม่ครบ", SIGNED)]}.get(state, [chair, director])
    text = site.sign(text, path, steps)
    if state == "invalid":
        text = text.replace('"decision": "approve"', '"decision": "approve", "bogus": 1', 1)
    site.add("content", path, text)


@pytest.fixture
def many(factory: SiteFactory) -> SiteFactory:
    for index in range(COUNT):
        post(factory, index)
    return factory


def gate_of(site: SiteFactory) -> Gate:
    options = {"site_id": "test-site", "exempt": ["index.md", "news/index.md", "tags.md"]}
    options["default_agency"] = "สำนักงานสาธารณสุขจังหวัดทดสอบ"
    return Gate.from_options(site.root, site.root / "content", options)


def one_by_one(gate: Gate, files: list[tuple[str, str]]) -> dict[tuple[str, str], object]:
    return {(uri, path): gate.judge_read(path, uri, EXAMPLE_NOW) for uri, path in files}


def test_same_verdicts_as_judging_one_by_one(many: SiteFactory) -> None:
    gate = gate_of(many)
    files = pages_to_judge(str(many.root / "content"), gate)
    assert len(files) == COUNT  # the exempt index pages are not posts
    job = Prejudge(gate, EXAMPLE_NOW, files)
    job.worker.join(timeout=0.05)  # let the worker take a share before the main process starts on its own
    verdicts = job.verdicts()
    assert verdicts == one_by_one(gate, files)
    assert job.by_worker > 0 and job.by_worker + job.by_main == COUNT
    assert not job.worker.is_alive()
    states = {decision.state for _, _, decision in verdicts.values()}
    assert {"live", "scheduled", "awaiting_director", "rejected", "invalid", "expired"} <= states


def test_a_dead_worker_costs_time_not_verdicts(many: SiteFactory) -> None:
    gate = gate_of(many)
    files = pages_to_judge(str(many.root / "content"), gate)
    job = Prejudge(gate, EXAMPLE_NOW, files)
    job.worker.kill()
    verdicts = job.verdicts()
    assert set(verdicts) <= set(files)
    assert verdicts == {key: value for key, value in one_by_one(gate, files).items() if key in verdicts}
    assert job.by_worker == 0


def test_the_ends_are_claimed_under_a_lock_the_worker_sees(many: SiteFactory) -> None:
    gate = gate_of(many)
    job = Prejudge(gate, EXAMPLE_NOW, pages_to_judge(str(many.root / "content"), gate))
    job.worker.kill()
    job.worker.join()
    other = multiprocessing.get_context("fork").Process(target=lambda: os._exit(job._claim(front=True) or 0))
    with job._ends_locked():
        other.start()
        other.join(timeout=0.3)
        assert other.is_alive()  # waiting for the lock
        job.ends[0] = 7
    other.join(timeout=10)
    assert other.exitcode == 7  # it read the ends once the lock was let go
    job.close()


def test_not_started_where_it_cannot_help(many: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    gate, docs = gate_of(many), str(many.root / "content")
    monkeypatch.setattr(prejudge, "START_FROM", COUNT + 1)
    assert Prejudge.start(gate, docs, EXAMPLE_NOW) is None  # too few posts
    monkeypatch.setattr(prejudge, "START_FROM", 1)
    monkeypatch.setattr(prejudge, "usable_cores", lambda: 1)
    assert Prejudge.start(gate, docs, EXAMPLE_NOW) is None  # one core
    monkeypatch.setattr(prejudge, "usable_cores", lambda: 2)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert Prejudge.start(gate, docs, EXAMPLE_NOW) is None  # forking a threaded process is unsafe
    finally:
        stop.set()
        other.join()
    job = Prejudge.start(gate, docs, EXAMPLE_NOW)
    assert job is not None
    job.close()


def published(site: SiteFactory) -> set[str]:
    """Post pages in the built site (a taken-down post's URL holds a `noindex` notice instead)."""
    pages = (site.root / "site" / "news").glob("p*/index.html")
    return {page.parent.name for page in pages if "noindex" not in page.read_text(encoding="utf-8")}


def build_in_process(site: SiteFactory, monkeypatch: pytest.MonkeyPatch, *, strict: bool = False) -> object:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(EXAMPLE_NOW))
    monkeypatch.chdir(site.root)
    config = load_config(str(site.root / "mkdocs.yml"), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config.plugins["approval-gate"]


def test_a_build_whose_worker_dies_publishes_the_same(many: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker exits at once: every post is judged in on_files instead, with the same result."""
    started: list[Prejudge | None] = []
    real_start = Prejudge.start

    def start(*args: object, **options: bool) -> Prejudge | None:
        started.append(real_start(*args, **options))  # type: ignore[arg-type]
        return started[-1]

    monkeypatch.setattr(Prejudge, "_work", lambda self, sender: os._exit(3))
    monkeypatch.setattr(Prejudge, "start", start)
    posts = {uri for uri, _ in pages_to_judge(str(many.root / "content"), gate_of(many))}
    plugin = build_in_process(many, monkeypatch)
    assert started and started[0] is not None
    judged = plugin.judged  # type: ignore[attr-defined]
    assert set(judged) == posts
    live = {uri for uri, (_, decision) in judged.items() if decision.state == LIVE}
    assert len(live) == len(range(0, COUNT, len(STATES)))
    assert published(many) == {Path(uri).stem for uri in live}


def test_a_real_build_judges_on_both_cores(many: SiteFactory) -> None:
    result = run_mkdocs(many.root, "build", "--verbose")
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stderr.splitlines() if "on a second core" in line)
    worker, main = (int(word) for word in line.split() if word.isdigit())
    assert worker + main == COUNT
    live = {f"p{index:03d}live" for index in range(0, COUNT, len(STATES))}
    assert published(many) == live
    files = (path for path in (many.root / "site").rglob("*") if path.is_file())
    everything = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in files)
    for index in range(COUNT):
        name = f"p{index:03d}{STATES[index % len(STATES)]}"
        if not name.endswith("expired"):  # a taken-down post leaves a notice at its URL, by design
            assert (name in everything) == (name in live), name


# --- --strict builds: signature checks deferred until on_env ----------------------------

CLEAN_STATES = ("live", "scheduled", "expired")  # no warnings: a --strict build passes
CLEAN = [index for index in range(COUNT * 2) if STATES[index % len(STATES)] in CLEAN_STATES][:COUNT]
CLEAN_LIVE = {f"p{index:03d}live" for index in CLEAN if STATES[index % len(STATES)] == "live"}


@pytest.fixture
def clean_many(factory: SiteFactory) -> SiteFactory:
    for index in CLEAN:
        post(factory, index)
    return factory


def forge(site: SiteFactory, name: str = "p998forged") -> str:
    """A post signed like a live one, whose director's signature is by nobody's key."""
    path = f"news/posts/{name}.md"
    text = site.approved(site.text(title=f"ข่าว {name}", body=f"เนื้อหา {name}"), path)
    signature = text.split('"sig": "')[2].split('"')[0]
    forged = signature[:-8] + ("A" if signature[-8] != "A" else "B") + signature[-7:]
    site.add("content", path, text.replace(signature, forged))
    return path


def test_deferred_checks_find_exactly_the_bad_signatures(clean_many: SiteFactory) -> None:
    forged = forge(clean_many)
    gate = gate_of(clean_many)
    files = pages_to_judge(str(clean_many.root / "content"), gate)
    job = Prejudge(gate, EXAMPLE_NOW, files, defer=True)
    verdicts = job.verdicts()
    tentative = {uri: decision.state for (uri, _), (_, _, decision) in verdicts.items()}
    assert tentative[forged] == LIVE  # decided as if it verified...
    assert job.results() == ({forged}, None)  # ...and caught before anything is written
    real = one_by_one(gate, files)
    assert {key: value for key, value in real.items() if key[0] != forged} == {
        key: value for key, value in verdicts.items() if key[0] != forged
    }


def test_the_build_process_never_waits_for_the_workers_own_checks(
    factory: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build process's share of the checks (here about 1,000 of them) outgrows the pipe's
    buffer; handing it over must not wait until the worker has run its own checks (slowed to 2 s)."""
    for index in [index for index in range(900) if STATES[index % len(STATES)] in CLEAN_STATES]:
        post(factory, index)
    build_process = os.getpid()

    def slow_in_the_worker(real: Callable[..., Any], seconds: float, calls: int) -> Callable[..., Any]:
        """`real`, taking `seconds` longer for its first `calls` calls in the worker."""
        slowed = iter(range(calls))

        def slowed_down(*args: Any, **kwargs: Any) -> Any:
            if os.getpid() != build_process and next(slowed, None) is not None:
                time.sleep(seconds)
            return real(*args, **kwargs)

        return slowed_down

    monkeypatch.setattr(Gate, "judge_read", slow_in_the_worker(Gate.judge_read, 0.02, calls=1_000))
    monkeypatch.setattr(prejudge.signing, "verify", slow_in_the_worker(prejudge.signing.verify, 0.4, calls=5))
    gate = gate_of(factory)
    job = Prejudge(gate, EXAMPLE_NOW, pages_to_judge(str(factory.root / "content"), gate), defer=True)
    job.worker.join(timeout=0.1)  # a few posts, and so a few checks, for the worker
    started = time.monotonic()
    job.verdicts()
    waited = time.monotonic() - started
    assert 0 < job.by_worker < job.by_main
    assert waited < 1.0, f"the build process waited {waited:.2f} s for the worker"
    assert job.results() == (set(), None)


def test_a_strict_build_with_a_forged_signature_writes_and_moves_nothing(clean_many: SiteFactory) -> None:
    forged = forge(clean_many)
    result = run_mkdocs(clean_many.root, "build", "--strict")
    assert result.returncode != 0
    assert f"failed signature checks that a --strict build finishes while the site is being built: {forged}" in (
        result.stderr
    )
    assert f"'{forged}' is not published (invalid)" in result.stderr
    assert not any((clean_many.root / "site").rglob("*"))  # even what other plugins wrote early is gone
    assert sorted((clean_many.root / "content" / "news" / "posts").glob("*expired.md"))  # nothing taken down


def test_a_strict_build_of_good_posts_defers_checks_and_publishes_the_same(clean_many: SiteFactory) -> None:
    result = run_mkdocs(clean_many.root, "build", "--strict", "--verbose")
    assert result.returncode == 0, result.stderr
    assert "on a second core" in result.stderr
    assert published(clean_many) == CLEAN_LIVE
    assert not sorted((clean_many.root / "content" / "news" / "posts").glob("*expired.md"))  # taken down


def test_a_worker_dying_before_its_checks_means_checking_in_the_build(
    clean_many: SiteFactory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The worker sends its verdicts and dies: every deferred check is redone in the build process."""
    forged = forge(clean_many)

    def verdicts_then_die(self: Prejudge, connection: object) -> None:
        done, _ = self._judge_share(front=True)
        connection.send(done)  # type: ignore[attr-defined]
        os._exit(3)

    monkeypatch.setattr(Prejudge, "_work", verdicts_then_die)
    with pytest.raises(Exception, match="Aborted"):
        build_in_process(clean_many, monkeypatch, strict=True)
    assert f"failed signature checks that a --strict build finishes while the site is being built: {forged}" in (
        caplog.text
    )
    assert not any((clean_many.root / "site").rglob("*"))


def test_the_worker_hashes_again_the_files_it_is_asked_about(clean_many: SiteFactory) -> None:
    gate = gate_of(clean_many)
    files = pages_to_judge(str(clean_many.root / "content"), gate)
    job = Prejudge(gate, EXAMPLE_NOW, files, defer=True)
    verdicts = job.verdicts()
    changed, kept, unknown = files[0], files[-1], ("news/posts/new.md", str(clean_many.root / "new.md"))
    Path(changed[1]).write_text(Path(changed[1]).read_text(encoding="utf-8") + "\nแก้ไข\n", encoding="utf-8")
    assert job.rehash([changed, kept, unknown]) == [unknown]  # not one it judged: the build hashes it
    failed, digests = job.results()
    assert failed == set()
    assert digests == {changed: digest_now(changed[1]), kept: verdicts[kept][0]}
    assert digests[changed] != verdicts[changed][0]


def test_a_strict_build_fails_when_a_post_changes_before_the_blog_reads_it(clean_many: SiteFactory) -> None:
    """The worker hashes the posts again after the blog has read them; the build fails before writing."""
    swap_between_gate_and_blog(clean_many.root, "p000live")
    result = run_mkdocs(clean_many.root, "build", "--strict", "--verbose")
    assert result.returncode != 0
    assert "on a second core" in result.stderr
    assert "'news/posts/p000live.md' changed on disk while the site was being built" in result.stderr
    assert not any((clean_many.root / "site").rglob("*"))
    assert sorted((clean_many.root / "content" / "news" / "posts").glob("*expired.md"))  # nothing taken down


@pytest.mark.parametrize("asked", [False, True], ids=["before-it-is-asked", "once-asked"])
def test_a_worker_dying_before_it_hashes_again_means_hashing_in_the_build(
    clean_many: SiteFactory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, asked: bool
) -> None:
    swap_between_gate_and_blog(clean_many.root, "p000live")

    def checks_then_die(self: Prejudge, connection: Any) -> None:
        self._judge_share(front=True)
        self.spilled.flush()
        connection.send(None)
        connection.recv()  # the build process's checks: none fail
        connection.send([])
        if asked:
            connection.recv()  # which files to hash again
        os._exit(3)

    monkeypatch.setattr(Prejudge, "_work", checks_then_die)
    with pytest.raises(Exception, match="Aborted"):
        build_in_process(clean_many, monkeypatch, strict=True)
    assert "'news/posts/p000live.md' changed on disk while the site was being built" in caplog.text
    assert not any((clean_many.root / "site").rglob("*"))


def test_a_chunk_cut_short_by_a_dying_worker_is_left_out(many: SiteFactory) -> None:
    """The worker spills verdicts to a file as it goes; the build reads every complete chunk."""
    gate = gate_of(many)
    files = pages_to_judge(str(many.root / "content"), gate)
    verdicts = one_by_one(gate, files[:3])
    with tempfile.TemporaryFile() as spilled:
        prejudge._spill(spilled, {0: verdicts[files[0]], 1: verdicts[files[1]]})
        prejudge._spill(spilled, {2: verdicts[files[2]]})
        spilled.truncate(spilled.tell() - 1)  # the last chunk lost its final byte
        spilled.seek(0, os.SEEK_END)
        assert prejudge._read_spilled(spilled) == {0: verdicts[files[0]], 1: verdicts[files[1]]}
