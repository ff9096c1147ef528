"""Shared fixtures: a copy of the example site, a signed-post factory, a pinned clock."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factory import SiteFactory

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def epoch(moment: dt.datetime) -> str:
    return str(int(moment.timestamp()))


@pytest.fixture
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """SOURCE_DATE_EPOCH at the example site's reference instant."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(EXAMPLE_NOW))
    return EXAMPLE_NOW


@pytest.fixture
def example_site(tmp_path: Path) -> Path:
    """A private copy of the example site (building it moves files)."""
    site = tmp_path / "example"
    site.mkdir()
    for name in ("mkdocs.yml", "approvers.yml"):
        shutil.copy2(REPO / name, site / name)
    for name in ("content", "pending"):
        shutil.copytree(REPO / name, site / name)
    if (REPO / "overrides").is_dir():
        shutil.copytree(REPO / "overrides", site / "overrides")
    return site


@pytest.fixture
def factory(tmp_path: Path) -> SiteFactory:
    """An empty gated site with fresh keys for a chair, a director and a spare chair."""
    return SiteFactory(tmp_path / "site")


def run_mkdocs(
    site: Path, *args: str, now: dt.datetime = EXAMPLE_NOW, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` (or another command) as a real process, with a pinned clock."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": epoch(now), "NO_MKDOCS_2_WARNING": "1"}
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
