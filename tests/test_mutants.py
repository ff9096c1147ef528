"""Test the tests: each deliberate bug in the decision core (tests/mutants.py) must make the
core tests fail. A suite that stays green with a mutant in place could not catch that bug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mutants import MUTANTS

TESTS = Path(__file__).parent
CORE_TESTS = ["test_decision.py", "test_canonical.py", "test_harmless_changes.py", "test_bad_input_corpus.py"]


def run_core_tests(mutant: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(TESTS), "APPROVAL_GATE_MUTANT": mutant or ""}
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "mutants", "-p", "no:cacheprovider", "-m", "not slow"]
    return subprocess.run(
        [*command, *CORE_TESTS], cwd=TESTS, env=env, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.parametrize("mutant", sorted(MUTANTS))
def test_each_mutant_is_caught(mutant: str) -> None:
    result = run_core_tests(mutant)
    assert 1 == result.returncode, f"the core tests pass with the mutant {mutant!r}:\n{result.stdout[-2000:]}"
    assert " failed" in result.stdout


def test_the_core_tests_pass_without_a_mutant() -> None:
    """The control: the same command, no mutant, passes (so a failure above is the mutant's)."""
    result = run_core_tests(None)
    assert 0 == result.returncode, result.stdout[-2000:] + result.stderr[-2000:]
