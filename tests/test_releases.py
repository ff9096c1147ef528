"""Atomic releases under a web root: folders per build, a `current` symlink switched by rename(2)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from approval_gate.cli import main
from approval_gate.server import releases
from factory import SiteFactory

UTC = dt.UTC
ENGLISH = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


def deploy(web_root: Path, minute: int, text: str) -> Path:
    """A complete release built at 10:`minute`, holding one page, made current."""
    moment = dt.datetime(2026, 11, 28, 10, minute, tzinfo=UTC)
    name, building = releases.start_build(web_root, moment)
    (building / "index.html").write_text(text, encoding="utf-8")
    release = releases.finish_build(web_root, name, building, releases.Manifest(moment.isoformat()))
    releases.switch(web_root, release)
    return release


def test_a_release_is_served_only_once_complete(tmp_path: Path) -> None:
    """The build folder is hidden until renamed; `current` is a relative symlink, replaced whole."""
    web_root = tmp_path / "www"
    name, building = releases.start_build(web_root, dt.datetime(2026, 11, 28, 10, 0, tzinfo=UTC))
    assert (name, building.name) == ("20261128T100000Z", ".building-20261128T100000Z")
    assert releases.current_release(web_root) is None and releases.complete_releases(web_root) == []
    building.rmdir()
    first = deploy(web_root, 0, "one")
    assert os.readlink(web_root / "current") == "releases/20261128T100000Z"
    assert (web_root / "current" / "index.html").read_text(encoding="utf-8") == "one"
    second = deploy(web_root, 1, "two")
    assert releases.current_release(web_root) == second.resolve() and first.is_dir()
    assert (web_root / "current" / "index.html").read_text(encoding="utf-8") == "two"
    assert not list(web_root.glob(".current*"))


def test_two_builds_in_the_same_second_get_their_own_folders(tmp_path: Path) -> None:
    moment = dt.datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    first = releases.start_build(tmp_path, moment)
    second = releases.start_build(tmp_path, moment)
    assert (first[0], second[0]) == ("20261128T100000Z", "20261128T100000Z-2")


def test_prune_keeps_the_newest_and_the_served_release(tmp_path: Path) -> None:
    for minute in range(5):
        deploy(tmp_path, minute, str(minute))
    releases.switch(tmp_path, tmp_path / "releases" / "20261128T100000Z")  # an old one served (rolled back)
    removed = releases.prune(tmp_path, keep=2)
    assert [path.name for path in removed] == ["20261128T100100Z", "20261128T100200Z"]
    assert [path.name for path in releases.complete_releases(tmp_path)] == [
        "20261128T100000Z", "20261128T100300Z", "20261128T100400Z"
    ]  # fmt: skip
    assert not (tmp_path / "releases" / "20261128T100100Z.json").exists()


def test_unfinished_builds_are_removed(tmp_path: Path) -> None:
    deploy(tmp_path, 0, "good")
    _name, building = releases.start_build(tmp_path, dt.datetime(2026, 11, 28, 10, 1, tzinfo=UTC))
    (building / "half.html").write_text("<html><body>", encoding="utf-8")
    os.symlink("releases/x", tmp_path / ".current.999.tmp")  # a switch interrupted before its rename
    assert releases.remove_unfinished(tmp_path) == [building]
    assert not building.exists() and not (tmp_path / ".current.999.tmp").is_symlink()
    assert releases.current_release(tmp_path) == (tmp_path / "releases" / "20261128T100000Z").resolve()


def test_a_folder_named_current_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "current").mkdir()
    (tmp_path / "current" / "index.html").write_text("the site someone copied here", encoding="utf-8")
    name, building = releases.start_build(tmp_path, dt.datetime(2026, 11, 28, 10, 0, tzinfo=UTC))
    release = releases.finish_build(tmp_path, name, building, releases.Manifest("2026-11-28T10:00:00Z"))
    with pytest.raises(releases.ReleaseError) as caught:
        releases.switch(tmp_path, release)
    assert caught.value.code == "releases_current_not_link"
    assert (tmp_path / "current" / "index.html").read_text(encoding="utf-8") == "the site someone copied here"


def test_not_on_windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(releases.os, "name", "nt")
    with pytest.raises(releases.ReleaseError) as caught:
        releases.start_build(tmp_path, dt.datetime(2026, 11, 28, 10, 0, tzinfo=UTC))
    assert caught.value.code == "releases_posix_only" and not (tmp_path / "releases").exists()


def rollback(factory: SiteFactory, web_root: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, ["-f", str(factory.root / "mkdocs.yml"), "rollback", "--web-root", str(web_root)], env=ENGLISH
    )
    return result.exit_code, result.stdout, result.stderr


def test_gate_rollback(factory: SiteFactory, tmp_path: Path) -> None:
    """One step back per call; at the oldest release it refuses and changes nothing."""
    web_root = tmp_path / "www"
    web_root.mkdir()
    assert rollback(factory, web_root) == (1, "", f"{web_root / 'current'} does not point at a release; "
                                           "run `gate watch --once` first\n")  # fmt: skip
    for minute in range(3):
        deploy(web_root, minute, str(minute))
    code, out, _ = rollback(factory, web_root)
    assert (code, out) == (0, "the site is back at release 20261128T100100Z (was 20261128T100200Z); "
                              "`gate watch` deploys a new build at the next change or edit\n")  # fmt: skip
    assert (web_root / "current" / "index.html").read_text(encoding="utf-8") == "1"
    assert rollback(factory, web_root)[0] == 0
    code, _, err = rollback(factory, web_root)
    assert (code, err) == (1, f"{web_root / 'releases' / '20261128T100000Z'} is the oldest release kept; "
                              "there is nothing to roll back to\n")  # fmt: skip
    assert (web_root / "current" / "index.html").read_text(encoding="utf-8") == "0"


def test_gate_rollback_in_thai(factory: SiteFactory, tmp_path: Path) -> None:
    for minute in range(2):
        deploy(tmp_path, minute, str(minute))
    result = CliRunner().invoke(
        main, ["-f", str(factory.root / "mkdocs.yml"), "--lang", "th", "rollback", "--web-root", str(tmp_path)]
    )
    assert (0, "เว็บไซต์กลับไปเป็นรุ่น 20261128T100000Z แล้ว (เดิม 20261128T100100Z)") == (
        result.exit_code,
        result.stdout.split(" `gate watch`")[0],
    )
