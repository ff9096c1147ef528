"""A week of scheduled publishing, simulated: the local pipeline (scripts/publish-local, what
CI runs) at pinned instants in a real git repository made from the example site.

At each instant: which posts are live in site/, which were taken down and committed (only
those and the print screens of posts newly up, by the bot identity, with [skip ci]), which
URLs serve a tombstone, what `gate next` says; and a second run at the same instant changes
nothing and commits nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.cli.common import load_gate
from approval_gate.core import signing
from approval_gate.core.decision import Settings, decide
from approval_gate.core.post import Rules, load_post
from approval_gate.core.registry import parse_registry
from approval_gate.core.signoff import make_entry, write_entry
from approval_gate.core.thaidates import parse_when
from approval_gate.services import witness
from conftest import EXAMPLE_PARTS, REPO, before_its_build, pristine_example, require_tool

UTC = dt.UTC
SITE_ID = "pathumthani-health"
AGENCY = "สำนักงานสาธารณสุขจังหวัดปทุมธานี"
NOTICE = "ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว"
POSTS = "news/posts"
EXAMPLE_LIVE = {"เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน", "flu-vaccine-2569", "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง-ประจำปีงบประมาณ-พศ-๒๕๗๐"}
SIGNERS = {"simchair": "chair", "simdirector": "director"}


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).astimezone(UTC)


# The simulation's own posts, all under content/ from the start, windows inside the week.
# Times without an offset are Bangkok time; a date-only `until` includes that whole day.
OWN_POSTS = {
    "sim-a": ("2569-11-24", "2569-11-26"),  # up now; down at 2026-11-27 00:00 +07
    "sim-b": ('"2569-11-27 09:00"', '"2569-11-29 18:00"'),  # up and down at a time of day
    "sim-c": ("2569-11-28", "2570-01-31"),  # up at 2026-11-28 00:00 +07; stays up
}


POLICY_PAGES = {"contact", "privacy-policy", "website-policy"}  # gated pages of the example, live all week


@dataclass(frozen=True)
class Instant:
    moment: dt.datetime
    live: set[str]  # post names with a page in site/news/
    moved: set[str]  # taken down (and committed) by this run
    tombstones: set[str]  # URLs that serve the notice, after this run
    next_change: dt.datetime | None
    overdue: bool = False  # a pending post waits past its target: the run exits 1


WEEK = [
    Instant(at("2026-11-25T10:00+07:00"), EXAMPLE_LIVE | {"sim-a"}, {"บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙"},  # noqa: E501 (a Thai file name as gate new makes it)
            {"บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙"}, at("2026-11-27T00:00+07:00")),
    Instant(at("2026-11-26T23:59:59+07:00"), EXAMPLE_LIVE | {"sim-a"}, set(),
            {"บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙"}, at("2026-11-27T00:00+07:00")),
    Instant(at("2026-11-27T00:00+07:00"), EXAMPLE_LIVE, {"sim-a"},
            {"บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙", "sim-a"}, at("2026-11-27T09:00+07:00")),  # noqa: E501 (a Thai file name as gate new makes it)
    Instant(at("2026-11-27T09:00+07:00"), EXAMPLE_LIVE | {"sim-b"}, set(),
            {"บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙", "sim-a"}, at("2026-11-28T00:00+07:00")),  # noqa: E501 (a Thai file name as gate new makes it)
    Instant(at("2026-11-28T07:30+07:00"), EXAMPLE_LIVE | {"sim-b", "sim-c"}, set(),
            {"บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙", "sim-a"}, at("2026-11-29T18:00+07:00")),  # noqa: E501 (a Thai file name as gate new makes it)
    Instant(at("2026-11-29T18:00+07:00"), EXAMPLE_LIVE | {"sim-c"}, {"sim-b"},
            {"บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙", "sim-a", "sim-b"}, at("2027-02-01T00:00+07:00"), overdue=True),  # noqa: E501 (a Thai file name as gate new makes it)
    Instant(at("2026-12-02T10:00+07:00"), EXAMPLE_LIVE | {"sim-c"}, set(),
            {"บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙", "sim-a", "sim-b"}, at("2027-02-01T00:00+07:00"), overdue=True),  # noqa: E501 (a Thai file name as gate new makes it)
]  # fmt: skip


# --- the repository -------------------------------------------------------------------


def git(repo: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def post_text(name: str, start: str, end: str) -> str:
    bangkok = ZoneInfo("Asia/Bangkok")
    day = parse_when(start.strip('"'), bangkok).at.astimezone(bangkok).date()  # the blog's date: publish_from's day
    return textwrap.dedent(f"""\
        ---
        title: ข่าวจำลอง {name}
        requester:
          name: นางสาวสมหญิง ใจดี
          date: 2569-11-19
        category: ข่าวประชาสัมพันธ์
        date: {day.isoformat()}
        publish_from: {start}
        publish_until: {end}
        ---

        # ข่าวจำลอง {name}

        เนื้อหาเฉพาะของ {name}
        """)


def signed(text: str, post_path: str, registry_text: str, keys: dict[str, Ed25519PrivateKey]) -> str:
    """Chair then director approve, each signing with a key made for this test."""
    settings, rules = Settings(site_id=SITE_ID), Rules(default_agency=AGENCY)
    registry = parse_registry(registry_text, settings.roles)
    moment = dt.datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    for signer, role in SIGNERS.items():
        post = load_post(text.encode(), post_path, rules)
        decision = decide(post, registry, settings, moment)
        assert decision.waiting_for == role, decision.reasons
        entry = make_entry(
            post, decision, settings, role=role, signer=signer, verdict="approve", reason=None, now=moment,
            key=keys[signer],
        )  # fmt: skip
        text = write_entry(text, entry)
        moment += dt.timedelta(hours=1)
    return text


@pytest.fixture
def git_env(tmp_path: Path) -> dict[str, str]:
    """No machine or user git configuration: the pipeline must bring its own identity."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "LANGUAGE": "en"}
    for name in ("CI", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        env.pop(name, None)
    return env


@pytest.fixture
def repo(tmp_path: Path, git_env: dict[str, str]) -> Path:
    """The example site, its pending queue emptied, three signed posts of our own, committed."""
    parts = (*EXAMPLE_PARTS, ".gitignore", "scripts/publish-local")
    repo = before_its_build(pristine_example(tmp_path / "repo", parts))
    for post in (repo / "pending").rglob("*.md"):
        post.unlink()  # the queue emptied; pending/expired/.gitkeep stays

    keys = {signer: Ed25519PrivateKey.generate() for signer in SIGNERS}
    registry = (repo / "approvers.yml").read_text(encoding="utf-8").rstrip("\n") + "\n"
    for signer, role in SIGNERS.items():
        public = signing.public_line(keys[signer].public_key(), signer)
        registry += textwrap.indent(
            textwrap.dedent(f"""\
                - id: {signer}
                  name: ผู้ลงนามจำลอง {signer}
                  roles:
                    - {{role: {role}, from: 2569-09-01}}
                  keys:
                    - {{key: "{public}", from: 2569-09-01}}
                """),
            "  ",
        )
    (repo / "approvers.yml").write_text(registry, encoding="utf-8")
    for name, (start, end) in OWN_POSTS.items():
        post_path = f"{POSTS}/{name}.md"
        text = signed(post_text(name, start, end), post_path, registry, keys)
        (repo / "content" / post_path).write_text(text, encoding="utf-8")
    # An earlier publish run saw these sign-offs (so the week's commits hold only take-downs).
    gate, _ = load_gate(repo / "mkdocs.yml")
    earlier = WEEK[0].moment - dt.timedelta(hours=1)
    judged = [(item.post, item.decision) for item in gate.judge_all(earlier)]
    witness.record(repo, witness.observed(judged, gate.settings), earlier)

    git(repo, "init", "-q", "-b", "main", env=git_env)
    git(repo, "add", "-A", env=git_env)
    git(
        repo,
        "-c",
        "user.name=Webmaster",
        "-c",
        "user.email=webmaster@example.test",
        "commit",
        "-qm",
        "Site",
        env=git_env,
    )
    return repo


def publish(repo: Path, moment: dt.datetime, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    run_env = {**env, "SOURCE_DATE_EPOCH": str(int(moment.timestamp())), "BIN": str(Path(sys.executable).parent)}
    return subprocess.run(
        [str(repo / "scripts" / "publish-local")], cwd=repo, env=run_env, capture_output=True, text=True, timeout=300
    )


# --- what the run left --------------------------------------------------------------------


def pages(site: Path) -> tuple[set[str], set[str]]:
    """(live post names, tombstoned names) among the pages under site/news/."""
    live, tombstoned = set(), set()
    for page in (site / "news").glob("*/index.html"):
        name = page.parent.name
        if name in ("archive", "category", "page"):
            continue
        text = page.read_text(encoding="utf-8")
        if NOTICE in text:
            assert '<meta name="robots" content="noindex">' in text
            tombstoned.add(name)
        else:
            assert "ข้อมูลนี้" not in text
            live.add(name)
    return live, tombstoned


# The register dates a take-down by the window's end until the move is recorded, then by
# the `taken_down` record (and search indexes the register): the only bytes a rerun may change.
REGISTER_DATES = {"register/index.html", "search/search_index.json"}


def fingerprint(site: Path) -> dict[str, str]:
    """Every file of the built site with a hash of its bytes (a name only for REGISTER_DATES)."""
    return {
        name: "" if name in REGISTER_DATES else hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and (name := path.relative_to(site).as_posix())
    }


def next_change(stdout: str) -> dt.datetime | None:
    line = next(line for line in stdout.splitlines() if line.startswith("next change: "))
    value = line.removeprefix("next change: ")
    return None if value == "none" else dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def worktree_status(repo: Path, env: dict[str, str]) -> list[str]:
    """`git status` lines, less the build's own cache of printed forms (not the pipeline's business)."""
    lines = git(repo, "status", "--porcelain", "--untracked-files=all", env=env).splitlines()
    return [line for line in lines if not line.startswith("?? .cache/")]


def add_overdue_request(repo: Path) -> Path:
    """A request still waiting for the chair, days past the 30-minute target; never committed."""
    path = repo / "pending" / POSTS / "sim-waiting.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(post_text("sim-waiting", "2569-12-01", "2569-12-31"), encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_week_of_scheduled_publishing(repo: Path, git_env: dict[str, str]) -> None:
    require_tool("chromium")  # each run files a print screen of every post newly up (gate capture)
    site = repo / "site"
    captured: set[str] = set()
    subjects: list[str] = []
    for instant in WEEK:
        if instant.overdue and not (repo / "pending" / POSTS / "sim-waiting.md").exists():
            add_overdue_request(repo)
        head = git(repo, "rev-parse", "HEAD", env=git_env).strip()
        first = publish(repo, instant.moment, git_env)
        where = f"at {instant.moment.isoformat()}:\n{first.stdout}\n{first.stderr}"
        assert first.returncode == (1 if instant.overdue else 0), where
        if instant.overdue:
            assert "a review is overdue" in first.stderr, where

        live, tombstoned = pages(site)
        assert (live, tombstoned) == (instant.live, instant.tombstones), where
        listed = (site / "taken-down.txt").read_text(encoding="utf-8").splitlines()
        assert listed == sorted(f"/news/{name}/" for name in instant.tombstones), where
        assert next_change(first.stdout) == instant.next_change, where

        commits = git(repo, "rev-list", f"{head}..HEAD", env=git_env).split()
        # First up in this run: photographed, and the capture committed (the gated policy pages too).
        new = (instant.live | POLICY_PAGES) - captured
        captured |= instant.live | POLICY_PAGES
        if not instant.moved and not new:
            assert commits == [], where
            assert "nothing to commit" in first.stdout, where
        else:
            assert len(commits) == 1, where
            show = ("show", "--no-renames", "--name-status", "--format=%an|%s", "HEAD")
            shown = git(repo, "-c", "core.quotePath=false", *show, env=git_env)
            header, *changes = [line for line in shown.splitlines() if line]
            subject = "Take down expired posts" if instant.moved else "File print screens of published posts"
            subjects.append(f"{subject} [skip ci]")
            assert header == f"approval-gate|{subject} [skip ci]", where
            expected = {f"D\tcontent/{POSTS}/{name}.md" for name in instant.moved}
            expected |= {f"A\tpending/expired/{POSTS}/{name}.md" for name in instant.moved}
            filed = {change for change in changes if change.startswith("A\tevidence/")}
            assert set(changes) - filed == expected, where
            # An image and its record per post newly up, in a folder named for the post.
            assert {(name, suffix) for name in new for suffix in (".png", ".json")} == {
                (PurePosixPath(change).parent.name, PurePosixPath(change).suffix) for change in filed
            }, where
            for name in instant.moved:
                moved = (repo / "pending" / "expired" / POSTS / f"{name}.md").read_text(encoding="utf-8")
                stamp = instant.moment.strftime("%Y-%m-%dT%H:%M:%SZ")
                assert f'taken_down: {{"at": "{stamp}", "reason": "expired", "url": ' in moved, where
        # The bot commits only what it moved: the untracked request stays untracked.
        expected_status = ["?? pending/news/posts/sim-waiting.md"] if instant.overdue else []
        assert worktree_status(repo, git_env) == expected_status, where

        # Run again at the same instant: the same site, no commit, no change.
        before = fingerprint(site)
        head = git(repo, "rev-parse", "HEAD", env=git_env).strip()
        second = publish(repo, instant.moment, git_env)
        assert second.returncode == first.returncode, second.stdout + second.stderr
        assert git(repo, "rev-parse", "HEAD", env=git_env).strip() == head
        assert worktree_status(repo, git_env) == expected_status
        assert "nothing to commit" in second.stdout
        assert fingerprint(site) == before, where

    log = git(repo, "log", "--format=%s", env=git_env).splitlines()
    assert log == [*reversed(subjects), "Site"]
    assert ["Take down expired posts [skip ci]"] * 3 == [subject for subject in subjects if "Take down" in subject]


def test_dry_run_builds_but_commits_nothing(repo: Path, git_env: dict[str, str]) -> None:
    """`make publish DRY_RUN=1`: the same pipeline, showing what it would commit."""
    head = git(repo, "rev-parse", "HEAD", env=git_env)
    run = publish(repo, WEEK[0].moment, {**git_env, "DRY_RUN": "1"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert "DRY_RUN=1: would commit:" in run.stdout
    assert f"- {POSTS}/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙.md" in run.stdout
    assert git(repo, "rev-parse", "HEAD", env=git_env) == head
    assert (repo / "site" / "news" / "sim-a" / "index.html").is_file()


def test_invalid_post_on_the_site_stops_the_pipeline_before_the_build(repo: Path, git_env: dict[str, str]) -> None:
    """`gate check content` runs first: a broken post there stops everything, nothing is built."""
    post = repo / "content" / POSTS / "sim-c.md"
    forged = post.read_text(encoding="utf-8").replace('"signer": "simchair"', '"signer": "malee"', 1)
    post.write_text(forged, encoding="utf-8")  # a sign-off whose signature is not malee's
    run = publish(repo, WEEK[0].moment, git_env)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "content/news/posts/sim-c.md: invalid" in run.stdout
    assert not (repo / "site").exists()
    assert (
        repo / "content" / POSTS / "บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙.md"
    ).is_file()  # nothing moved


def test_make_publish_runs_the_script_with_dry_run() -> None:
    """The Makefile target passes BIN and DRY_RUN to scripts/publish-local."""
    shown = subprocess.run(
        ["make", "--no-print-directory", "-n", "-o", ".venv/.installed", "publish", "DRY_RUN=1"],
        cwd=REPO, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert shown.stdout.strip().splitlines()[-1] == "BIN=.venv/bin DRY_RUN=1 scripts/publish-local"
