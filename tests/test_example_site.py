"""The example is shipped as a build at its reference instant leaves it, so `make build` on a
fresh clone changes no tracked file; and the tests' "before the build" copy agrees with it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import EXAMPLE_NOW, REPO, before_its_build, epoch, run_mkdocs

TRACKED = ("approvers.yml", "content", "pending")


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file of the example's tracked parts, by path, with its bytes."""
    return {
        str(path.relative_to(site)): path.read_bytes()
        for part in TRACKED
        for path in sorted((site / part).rglob("*") if (site / part).is_dir() else [site / part])
        if path.is_file()
    }


def test_building_the_shipped_example_changes_nothing(shipped_example: Path) -> None:
    """A strict build at EXAMPLE_NOW moves nothing and leaves every tracked byte as it was, twice."""
    before = snapshot(shipped_example)
    for _ in range(2):
        result = run_mkdocs(shipped_example)
        assert result.returncode == 0, result.stderr
        assert "0 expired, 0 moved" in result.stderr
        assert before == snapshot(shipped_example)
    assert (
        shipped_example
        / "pending/expired/news/posts/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙.md"
    ).is_file()
    assert "/news/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙/\n" == (
        shipped_example / "site/taken-down.txt"
    ).read_text(encoding="utf-8")


def test_the_build_takes_the_example_to_its_shipped_state(shipped_example: Path, tmp_path: Path) -> None:
    """The copy before the build, built at EXAMPLE_NOW, is byte for byte the shipped example."""
    shipped = snapshot(shipped_example)
    site = before_its_build(shipped_example)
    assert (
        site / "content/news/posts/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙.md"
    ).is_file()
    assert shipped != snapshot(site)
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr
    assert "1 expired, 1 moved" in result.stderr
    assert shipped == snapshot(site)


def test_one_reference_instant_everywhere() -> None:
    """The Makefile, scripts/make_example.py and the tests pin the same instant."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    script = (REPO / "scripts/make_example.py").read_text(encoding="utf-8")
    assert [epoch(EXAMPLE_NOW)] == re.findall(r"^EXAMPLE_EPOCH := (\d+)$", makefile, re.MULTILINE)
    assert [epoch(EXAMPLE_NOW)] == re.findall(r"^EXAMPLE_EPOCH = (\d+)$", script, re.MULTILINE)


def test_make_build_pins_the_instant_unless_given(tmp_path: Path) -> None:
    """`make build` judges at EXAMPLE_EPOCH; a SOURCE_DATE_EPOCH from outside (the workflow's) wins."""
    probe = tmp_path / "probe.mk"  # read after the Makefile: build's recipe replaced, its variables kept
    probe.write_text('build:\n\t@echo "[$$SOURCE_DATE_EPOCH]"\n', encoding="utf-8")

    def seen_by_build(env: dict[str, str]) -> str:
        return subprocess.run(
            ["make", "--no-print-directory", "-f", "Makefile", "-f", str(probe), "-o", ".venv/.installed", "build"],
            cwd=REPO, capture_output=True, text=True, check=True, timeout=60, env={"PATH": "/usr/bin:/bin", **env},
        ).stdout.strip()  # fmt: skip

    assert f"[{epoch(EXAMPLE_NOW)}]" == seen_by_build({})
    assert "[1800000000]" == seen_by_build({"SOURCE_DATE_EPOCH": "1800000000"})
