"""The witness of sign-off times: the publish run records when it first saw each sign-off, and a
retired approver's backdated sign-off does not count (issue 23 §8). Real builds, real files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from approval_gate.cli import main
from approval_gate.services import witness
from conftest import epoch, run_mkdocs
from factory import UTC, SiteFactory

POST = "news/posts/notice.md"
IN_OFFICE = dt.datetime(2026, 11, 5, 3, 0, tzinfo=UTC)
BUILD = dt.datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
RETIRING = ("{role: chair, from: 2569-01-01}", "{role: chair, from: 2569-01-01, until: 2569-11-10}")


def seen(site: SiteFactory) -> dict[str, str]:
    document = json.loads((site.root / witness.WITNESS_FILE).read_text(encoding="utf-8"))
    return dict(document["seen"])


def retire_chair(site: SiteFactory) -> None:
    text = site.registry_text()
    assert RETIRING[0] in text
    (site.root / "approvers.yml").write_text(text.replace(*RETIRING, 1), encoding="utf-8")


def signed(site: SiteFactory, chair_at: dt.datetime, requested: str = "2569-11-01") -> str:
    text = site.text(requester=f"\n  name: นางสาวผู้ขอ ทดสอบ\n  date: {requested}")
    return site.sign(
        text, POST, [("chair1", "approve", None, chair_at), ("director1", "approve", None, chair_at + dt.timedelta(1))]
    )


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("{", "not JSON"),
        ('{"version": 2, "seen": {}}', "not a witness file"),
        ('{"version": 1, "seen": []}', '"seen" is not a mapping'),
        ('{"version": 1, "seen": {"abc": "2026-11-25T10:00:00Z"}}', "is not a SHA-256 in hex"),
        ('{"version": 1, "seen": {"' + "a" * 64 + '": "25/11/2569"}}', "is not a UTC time"),
    ],
)
def test_a_bad_witness_file_is_named(tmp_path: Path, text: str, detail: str) -> None:
    """Anything but the documented shape is an error with the reason, never a silent empty map."""
    path = tmp_path / witness.WITNESS_FILE
    path.write_text(text, encoding="utf-8")
    with pytest.raises(witness.WitnessError) as raised:
        witness.read(path)
    assert detail in raised.value.detail


def test_record_adds_only_new_sign_offs_and_keeps_the_first_instant(tmp_path: Path) -> None:
    """A second run adds what it sees for the first time; what was seen keeps its earlier instant."""
    first, later = "a" * 64, "b" * 64
    assert witness.record(tmp_path, [first], IN_OFFICE) == [first]
    assert witness.record(tmp_path, [first, later], BUILD) == [later]
    assert witness.read(tmp_path / witness.WITNESS_FILE) == {first: IN_OFFICE, later: BUILD}
    text = (tmp_path / witness.WITNESS_FILE).read_text(encoding="utf-8")
    assert text == witness.dump(witness.read(tmp_path / witness.WITNESS_FILE))
    assert witness.record(tmp_path, [first], BUILD) == []
    assert (tmp_path / witness.WITNESS_FILE).read_text(encoding="utf-8") == text


def test_the_build_records_each_sign_off_once(factory: SiteFactory) -> None:
    """A successful build writes the chain's two sign-offs at its instant; a later build changes nothing."""
    factory.add("content", POST, signed(factory, IN_OFFICE))
    built = run_mkdocs(factory.root, now=IN_OFFICE + dt.timedelta(days=2))
    assert built.returncode == 0, built.stderr
    assert "recorded 2 sign-off(s) first seen now in signoffs-seen.json" in built.stderr
    assert set(seen(factory).values()) == {"2026-11-07T03:00:00Z"}
    before = (factory.root / witness.WITNESS_FILE).read_bytes()
    again = run_mkdocs(factory.root, now=BUILD)
    assert again.returncode == 0, again.stderr
    assert (factory.root / witness.WITNESS_FILE).read_bytes() == before


def test_a_sign_off_seen_while_in_office_still_counts_after_retirement(factory: SiteFactory) -> None:
    """The chair signed and a build saw it before the role ended: after the end, the post stays live."""
    factory.add("content", POST, signed(factory, IN_OFFICE))
    assert run_mkdocs(factory.root, now=IN_OFFICE + dt.timedelta(days=2)).returncode == 0
    retire_chair(factory)
    built = run_mkdocs(factory.root, now=BUILD)
    assert built.returncode == 0, built.stderr
    assert (factory.root / "site" / "news" / "notice" / "index.html").is_file()


@pytest.mark.parametrize(
    ("requested", "reason"),
    [
        ("2569-11-20", "before the post was requested"),  # requested after the chair retired
        ("2569-11-01", "first saw this sign-off at 2026-11-25T03:00:00Z, after chair1's role"),  # request backdated too
    ],
)
def test_a_retired_chair_cannot_sign_by_backdating(factory: SiteFactory, requested: str, reason: str) -> None:
    """`SOURCE_DATE_EPOCH=<in office> gate approve` after retirement: the post is not published, and the
    build says why in plain words."""
    retire_chair(factory)
    factory.add("content", POST, signed(factory, IN_OFFICE, requested))
    built = run_mkdocs(factory.root, "build", now=BUILD)
    assert built.returncode == 0, built.stderr
    assert "news/posts/notice.md' is not published (invalid)" in built.stderr
    assert reason in built.stderr
    assert not (factory.root / "site" / "news" / "notice" / "index.html").exists()


def test_gate_sweep_records_too(factory: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """`gate sweep` is a publish run: it records the sign-offs it first sees (not with --dry-run)."""
    factory.add("pending", POST, signed(factory, IN_OFFICE))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(BUILD))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    config = str(factory.root / "mkdocs.yml")
    dry = CliRunner().invoke(main, ["-f", config, "sweep", "--dry-run"], catch_exceptions=False)
    assert dry.exit_code == 0 and not (factory.root / witness.WITNESS_FILE).exists()
    result = CliRunner().invoke(main, ["-f", config, "sweep"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "recorded 2 sign-off(s) first seen now in signoffs-seen.json" in result.output
    assert set(seen(factory).values()) == {"2026-11-25T03:00:00Z"}
