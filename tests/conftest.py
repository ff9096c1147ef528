"""Shared fixtures: a copy of the example site, a signed-post factory, a pinned clock,
and the one rule for tests that need an outside tool (Chromium, Node, ssh-keygen, nginx)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from browser import chromium_binary
from factory import SiteFactory

REPO = Path(__file__).resolve().parent.parent
# The example's reference instant: the Makefile's EXAMPLE_EPOCH, scripts/make_example.py's too.
EXAMPLE_NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
# What makes up the example site; copied from git, never from the working tree.
EXAMPLE_PARTS = ("mkdocs.yml", "approvers.yml", "content", "pending", "overrides", "signoffs-seen.json")

# --- outside tools ----------------------------------------------------------------------
# GATE_REQUIRE_TOOLS=1 (set by .ci/run) turns "tool missing, skipped" into a failure, so a
# broken CI install can never pass as a green run with the browser or signature tests skipped.

REQUIRE_TOOLS_ENV = "GATE_REQUIRE_TOOLS"
TOOLS: dict[str, tuple[Callable[[], str | None], str]] = {
    "chromium": (chromium_binary, "apt-get install chromium"),
    "chromedriver": (lambda: shutil.which("chromedriver"), "apt-get install chromium-driver"),
    "node": (lambda: shutil.which("node"), "apt-get install nodejs"),
    "ssh-keygen": (lambda: shutil.which("ssh-keygen"), "apt-get install openssh-client"),
    "nginx": (lambda: shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin"), "apt-get install nginx"),
    "properdocs": (lambda: _beside_python("properdocs"), "make test installs it (the dev extra)"),
    "actionlint": (lambda: _beside_python("actionlint") or shutil.which("actionlint"), "the dev extra"),
    "shellcheck": (lambda: shutil.which("shellcheck"), "apt-get install shellcheck"),
    "systemd-analyze": (lambda: shutil.which("systemd-analyze"), "apt-get install systemd"),
    "check-jsonschema": (lambda: _beside_python("check-jsonschema"), "make test installs it (the dev extra)"),
}


def _beside_python(name: str) -> str | None:
    program = Path(sys.executable).with_name(name)
    return str(program) if program.is_file() else None


def tools_required() -> bool:
    return os.environ.get(REQUIRE_TOOLS_ENV, "") == "1"


def require_tool(name: str) -> str:
    """The tool's path; when it is missing, skip the test, or fail it under GATE_REQUIRE_TOOLS=1."""
    find, install = TOOLS[name]
    found = find()
    if found:
        return found
    text = f"needs {name} ({install})"
    if tools_required():
        pytest.fail(f"{text}; {REQUIRE_TOOLS_ENV}=1 forbids skipping it", pytrace=False)
    pytest.skip(text)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """`@pytest.mark.needs("chromium", "chromedriver")`: the same rule, as a mark."""
    for mark in item.iter_markers("needs"):
        for name in mark.args:
            require_tool(name)


# --- the example site -------------------------------------------------------------------


def pristine_example(destination: Path, parts: tuple[str, ...] = EXAMPLE_PARTS) -> Path:
    """The example as committed (`git archive HEAD`), never the working tree, which
    `make build` or a person may have changed."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "HEAD", "--", *parts],
        cwd=REPO,
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    destination.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
    return destination


TAKEN_DOWN_LINE = re.compile(r"^taken_down: .*\n", re.MULTILINE)


def before_its_build(site: Path) -> Path:
    """The example as it was just before the build at its reference instant: each post that
    build took down is back in content/ without its `taken_down` record (the shipped example
    is the state that build leaves; test_example_site.py checks the two agree)."""
    expired = site / "pending" / "expired"
    for post in sorted(expired.rglob("*.md")):
        text = post.read_text(encoding="utf-8")
        target = site / "content" / post.relative_to(expired)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(TAKEN_DOWN_LINE.sub("", text, count=1), encoding="utf-8")
        post.unlink()
    for folder in sorted(expired.rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return site


def epoch(moment: dt.datetime) -> str:
    return str(int(moment.timestamp()))


@pytest.fixture
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """SOURCE_DATE_EPOCH at the example site's reference instant."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(EXAMPLE_NOW))
    return EXAMPLE_NOW


@pytest.fixture(scope="session")
def _example_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pristine_example(tmp_path_factory.mktemp("pristine") / "example")


@pytest.fixture
def shipped_example(tmp_path: Path, _example_archive: Path) -> Path:
    """A private copy of the example exactly as committed (a build at EXAMPLE_NOW moves nothing)."""
    site = tmp_path / "example"
    shutil.copytree(_example_archive, site)
    return site


@pytest.fixture
def example_site(shipped_example: Path) -> Path:
    """A private copy of the example just before its build at EXAMPLE_NOW: the expired post
    is still in content/, so building it takes the post down (building moves files)."""
    return before_its_build(shipped_example)


@pytest.fixture
def factory(tmp_path: Path) -> SiteFactory:
    """An empty gated site with fresh keys for a chair, a director and a spare chair."""
    return SiteFactory(tmp_path / "site")


# Every warning is an error in a subprocess build, and in every other Python process a test
# starts (mkdocs serve, gate, the demo): they inherit it from here.
BUILD_WARNINGS = "error"
os.environ["PYTHONWARNINGS"] = BUILD_WARNINGS


def run_mkdocs(
    site: Path, *args: str, now: dt.datetime = EXAMPLE_NOW, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` (or another command) as a real process, with a pinned clock."""
    # Warnings are errors in the build process too, as in pytest itself (filterwarnings).
    environment = {**os.environ, "SOURCE_DATE_EPOCH": epoch(now), "NO_MKDOCS_2_WARNING": "1"}
    environment["PYTHONWARNINGS"] = BUILD_WARNINGS
    environment.pop("CI", None)  # the preview and moves depend on it; tests opt in via `env`
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *(args or ("build", "--strict"))],
        cwd=site,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


SWAP_HOOK = """\
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(0)  # after the gate has verified the post (100), before the blog reads it (-50)
def on_files(files, config):
    post = Path(config.docs_dir) / "news" / "posts" / "{name}.md"
    post.write_text(post.read_text(encoding="utf-8").replace("เนื้อหา {name}", "เนื้อหา swapped"), encoding="utf-8")
"""


def swap_between_gate_and_blog(site: Path, name: str) -> None:
    """A hook that rewrites the body of post `name` after the gate verified it, before the blog reads it."""
    (site / "swap.py").write_text(SWAP_HOOK.format(name=name), encoding="utf-8")
    with (site / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("hooks: [swap.py]\n")


DOCS_IMAGES = REPO / "docs-images"


def keep_for_docs(image: Path, name: str) -> None:
    """With UPDATE_DOCS_IMAGES=1, a screenshot a test made becomes the guides' picture
    `docs-images/<name>`, so the pictures in the docs come from real runs, never by hand."""
    if os.environ.get("UPDATE_DOCS_IMAGES") == "1":
        DOCS_IMAGES.mkdir(exist_ok=True)
        shutil.copyfile(image, DOCS_IMAGES / name)
