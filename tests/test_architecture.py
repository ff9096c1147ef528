"""The import contracts in pyproject.toml (`make lint` runs them) hold, and they can fail.

A contract that no wrong import could break would guard nothing: each case copies the
package, adds one import the architecture forbids, and expects `lint-imports` to refuse it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports.exe" if os.name == "nt" else "lint-imports")


def lint_imports(package_parent: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}  # grimp's own warnings are not ours
    if package_parent is not None:  # the copy is found before the installed package
        env["PYTHONPATH"] = str(package_parent)
    command = [str(LINT_IMPORTS), str(REPO / "pyproject.toml"), "--no-cache"]
    return subprocess.run(command, cwd=package_parent or REPO, env=env, capture_output=True, text=True)


def test_the_contracts_are_kept() -> None:
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "contract"),
    [
        ("core/decision.py", "from ..services import repository", "Adapters over forms"),
        ("services/repository.py", "from ..site import plugin", "Adapters over forms"),
        ("forms/register.py", "from ..site import plugin", "Adapters over forms"),
        ("desk/__init__.py", "from ..server import watch", "Adapters over forms"),
        ("core/post.py", "from . import decision", "Inside the core"),
        ("core/post.py", "import mkdocs.config", "The decision core is pure"),
        ("core/signing.py", "import http.client", "The decision core is pure"),
        ("core/thaidates.py", "import jinja2", "The decision core is pure"),
        ("core/canonical.py", "from ..services import moves", "The decision core is pure"),
    ],
)
def test_a_wrong_import_breaks_a_contract(tmp_path: Path, module: str, wrong_import: str, contract: str) -> None:
    copy = tmp_path / "approval_gate"
    shutil.copytree(REPO / "plugin" / "approval_gate", copy, ignore=shutil.ignore_patterns("__pycache__"))
    source = copy / module
    source.write_text(source.read_text(encoding="utf-8") + f"\n{wrong_import}  # noqa\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout
