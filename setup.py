"""Builds the package with the files `gate init` copies into a new site.

They live where this repository uses them (the Thai theme overrides in `overrides/`, the
publish workflow in `.github/workflows/publish.yml` and `scripts/publish-local`) and are
copied into `approval_gate/shipped/` of the built package, so there is one copy to edit.
Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = {  # the same table as approval_gate.services.adopt.SHIPPED
    "theme_overrides": "overrides",
    "publish.yml": ".github/workflows/publish.yml",
    "publish-local": "scripts/publish-local",
}


class BuildWithShippedFiles(build_py):
    def run(self) -> None:
        super().run()
        if self.dry_run or getattr(self, "editable_mode", False):
            return  # an editable install reads them from the source tree (adopt.shipped)
        target = Path(self.build_lib) / "approval_gate" / "shipped"
        for name, source in SHIPPED.items():
            path = HERE / source
            if path.is_dir():
                shutil.copytree(path, target / name, dirs_exist_ok=True)
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target / name)


setup(cmdclass={"build_py": BuildWithShippedFiles})
