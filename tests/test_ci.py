"""The CI script runs the README's two commands in order, and nothing the suite needs may skip there."""

from __future__ import annotations

import re

import pytest

import conftest
from conftest import REPO, require_tool

CI = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_ci_runs_lint_then_the_two_commands_in_order() -> None:
    """`make lint`, `make build`, `make test`: in that order, each once, nothing else run by make."""
    assert ["make lint", "make build", "make test"] == re.findall(r"^make \w+", CI, re.MULTILINE)


def test_ci_requires_every_tool_and_installs_it() -> None:
    """GATE_REQUIRE_TOOLS=1 is exported and the Debian packages for each outside tool are installed."""
    assert re.search(r"^export GATE_REQUIRE_TOOLS=1$", CI, re.MULTILINE)
    for package in ("chromium", "chromium-driver", "nodejs", "nginx", "openssh-client", "git", "python3-venv"):
        assert re.search(rf"\s{re.escape(package)}(\s|$)", CI), package


def test_a_missing_tool_skips(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the switch, a missing tool skips the test, naming the package to install."""
    monkeypatch.delenv("GATE_REQUIRE_TOOLS", raising=False)
    monkeypatch.setitem(conftest.TOOLS, "node", (lambda: None, "apt-get install nodejs"))
    with pytest.raises(pytest.skip.Exception, match=r"needs node \(apt-get install nodejs\)"):
        require_tool("node")


def test_a_missing_tool_fails_under_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    """With GATE_REQUIRE_TOOLS=1 the same test fails instead."""
    monkeypatch.setenv("GATE_REQUIRE_TOOLS", "1")
    monkeypatch.setitem(conftest.TOOLS, "node", (lambda: None, "apt-get install nodejs"))
    with pytest.raises(pytest.fail.Exception, match="GATE_REQUIRE_TOOLS=1 forbids skipping"):
        require_tool("node")


def test_a_present_tool_is_its_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(conftest.TOOLS, "node", (lambda: "/opt/node", "apt-get install nodejs"))
    assert "/opt/node" == require_tool("node")
