"""approvers.yml: strict loading with errors that name the key, and `gate registry` text edits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.cli import main
from approval_gate.core import signing
from approval_gate.core.messages import message
from approval_gate.core.registry import RegistryError, parse_registry
from conftest import epoch
from factory import UTC, SiteFactory

ROLES = ("chair", "director")
KEY_A = signing.public_line(Ed25519PrivateKey.generate().public_key(), "a")
KEY_B = signing.public_line(Ed25519PrivateKey.generate().public_key(), "b")
GOOD = f"""\
# comment kept
site_id: demo
timezone: Asia/Bangkok
people:
  - id: somchai
    name: นายสมชาย
    position: ประธาน
    roles:
      - {{role: chair, from: 2569-09-01, until: 2570-09-30}}
    keys:
      - {{key: "{KEY_A}", from: 2569-09-01}}
  - id: wichai
    name: นพ.วิชัย
    roles: [{{role: director}}]
    keys:
      - key: "{KEY_B}"
        revoked: 2569-12-01
"""


def test_good_registry() -> None:
    """Roles and keys with BE dates, an inclusive date-only `until`, a revocation date."""
    registry = parse_registry(GOOD, ROLES)
    somchai, wichai = registry.people["somchai"], registry.people["wichai"]
    last_day = dt.datetime(2027, 9, 30, 16, 59, tzinfo=UTC)  # 23:59 in Bangkok
    assert somchai.holds("chair", last_day) and not somchai.holds("chair", last_day + dt.timedelta(minutes=1))
    assert somchai.keys[0].fingerprint == signing.fingerprint(KEY_A)
    assert wichai.keys[0].revoked and not wichai.keys[0].valid_at(last_day)
    assert registry.version is None and registry.expires is None


@pytest.mark.parametrize(
    ("change", "code", "key"),
    [
        (lambda t: t.replace("timezone: Asia/Bangkok\n", ""), "registry_missing", "timezone"),
        (lambda t: t.replace("Asia/Bangkok", "Mars/Olympus"), "registry_timezone", "timezone"),
        (lambda t: t.replace("role: chair", "role: webmaster"), "registry_role", "people[1].roles[1].role"),
        (lambda t: t.replace(KEY_B, KEY_A.replace(" a", " again")), "registry_key_shared", "people[2].keys[1].key"),
        (lambda t: t.replace("id: wichai", "id: somchai"), "registry_duplicate_person", "people[2].id"),
        (lambda t: t.replace("id: wichai", "id: Wichai Jai"), "registry_id", "people[2].id"),
        (lambda t: t.replace("site_id: demo", "site_id: 12"), "registry_id", "site_id"),
        (lambda t: t.replace("position: ประธาน\n", "position: ประธาน\n    phone: x\n"), "registry_unknown_key",
         "people[1].phone"),
        (lambda t: t.replace("position: ประธาน\n", "position: ประธาน\n    email: x\n"), "registry_email",
         "people[1].email"),
        (lambda t: t + "extra: 1\n", "registry_unknown_key", "extra"),
        (lambda t: t.replace("name: นพ.วิชัย", "name: 12"), "registry_text", "people[2].name"),
        (lambda t: t.replace("until: 2570-09-30", "until: 2569-08-01"), "registry_span", "people[1].roles[1].until"),
        (lambda t: t.replace("from: 2569-09-01}", "from: someday}"), "registry_date", "people[1].keys[1].from"),
        (lambda t: t.replace("revoked: 2569-12-01", "revoked: soon"), "registry_date", "people[2].keys[1].revoked"),
        (lambda t: t.replace(KEY_A, "ssh-rsa AAAAB3NzaC1yc2E"), "registry_key", "people[1].keys[1].key"),
        (lambda t: t.replace("roles: [{role: director}]", "roles: director"), "registry_shape", "people[2].roles"),
        (lambda t: t.replace("site_id: demo", "site_id: demo\nsite_id: other"), "registry_yaml", "site_id"),
        (lambda t: t.replace("site_id: demo", "version: 0\nsite_id: demo"), "registry_version", "version"),
        (lambda t: "[1, 2]\n", "registry_shape", "approvers.yml"),
    ],
)  # fmt: skip
def test_registry_errors_name_the_key(change: object, code: str, key: str) -> None:
    with pytest.raises(RegistryError) as caught:
        parse_registry(change(GOOD), ROLES)  # type: ignore[operator]
    assert (caught.value.code, caught.value.key) == (code, key)
    text = message(caught.value.code, "en", key=caught.value.key, detail=caught.value.detail)
    assert key in text


def test_error_texts() -> None:
    """Two people sharing a key, and an unknown role, read plainly."""
    with pytest.raises(RegistryError) as shared:
        parse_registry(GOOD.replace(KEY_B, KEY_A), ROLES)
    assert message(shared.value.code, "en", key=shared.value.key, detail=shared.value.detail) == (
        "`people[2].keys[1].key` is already listed under somchai; a key belongs to one person only"
    )
    with pytest.raises(RegistryError) as role:
        parse_registry(GOOD.replace("role: director", "role: boss"), ROLES)
    assert message(role.value.code, "en", key=role.value.key, detail=role.value.detail) == (
        "`people[2].roles[1].role` 'boss (chair, director)' is not a configured role"
    )


def test_bom_and_crlf_are_read() -> None:
    registry = parse_registry("\ufeff" + GOOD.replace("\n", "\r\n"), ROLES)
    assert set(registry.people) == {"somchai", "wichai"}


# --- gate registry ------------------------------------------------------------


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteFactory:
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(dt.datetime(2026, 11, 25, 3, 0, tzinfo=UTC)))
    monkeypatch.delenv("GATE_ROOT_KEYS", raising=False)
    factory = SiteFactory(tmp_path / "s")
    text = "\ufeff# ทะเบียน: keep this comment\r\n" + factory.registry_text().replace("\n", "\r\n")
    (factory.root / "approvers.yml").write_bytes(text.encode())
    return factory


def gate(site: SiteFactory, *args: str) -> Result:
    return CliRunner().invoke(main, ["-f", str(site.root / "mkdocs.yml"), "registry", *args])


def registry_of(site: SiteFactory) -> str:
    return (site.root / "approvers.yml").read_bytes().decode()


def test_add_person_keeps_comments_bom_and_crlf(site: SiteFactory) -> None:
    before = registry_of(site)
    result = gate(site, "add-person", "--id", "malee", "--name", "นางมาลี: ศรีสุข", "--position", "รองประธาน",
                  "--role", "chair", "--from", "1/12/2569", "--key", KEY_A)  # fmt: skip
    assert result.exit_code == 0, result.output
    after = registry_of(site)
    assert after.startswith(before)  # appended at the end of `people`, nothing else touched
    assert after[len(before) :] == (
        '  - id: malee\r\n    name: "นางมาลี: ศรีสุข"\r\n    position: "รองประธาน"\r\n    roles:\r\n'
        f'      - {{role: chair, from: 2569-12-01}}\r\n    keys:\r\n      - {{key: "{KEY_A}", from: 2569-12-01}}\r\n'
    )
    person = parse_registry(after, ROLES).people["malee"]
    assert person.name == "นางมาลี: ศรีสุข" and person.keys[0].line == KEY_A


def test_add_key_retire_and_revoke(site: SiteFactory) -> None:
    assert gate(site, "add-key", "--id", "chair2", "--key", KEY_B, "--from", "2569-11-01").exit_code == 0
    text = registry_of(site)
    assert f'      - {{key: "{KEY_B}", from: 2569-11-01}}\r\n  - id: director1' not in text  # chair2 is last
    assert text.endswith(f'      - {{key: "{KEY_B}", from: 2569-11-01}}\r\n')
    fingerprint = signing.fingerprint(KEY_B)
    retired = gate(site, "retire-key", "--id", "chair2", "--key", fingerprint, "--until", "30 พ.ย. 2569")
    assert retired.exit_code == 0, retired.output
    assert registry_of(site).endswith(f'      - {{key: "{KEY_B}", from: 2569-11-01, until: 2569-11-30}}\r\n')
    revoked = gate(site, "revoke-key", "--id", "chair2", "--key", KEY_B)
    assert revoked.exit_code == 0, revoked.output
    assert f"revoked {fingerprint}: every sign-off it made no longer counts" in revoked.output
    assert registry_of(site).endswith(
        f'      - {{key: "{KEY_B}", from: 2569-11-01, until: 2569-11-30, revoked: 2569-11-25}}\r\n'
    )
    assert registry_of(site).startswith("\ufeff# ทะเบียน: keep this comment\r\n")


def test_block_style_key_entries_are_edited_in_place(site: SiteFactory) -> None:
    text = GOOD.replace("site_id: demo", "site_id: test-site")
    (site.root / "approvers.yml").write_text(text, encoding="utf-8")
    assert (
        gate(
            site, "retire-key", "--id", "wichai", "--key", signing.fingerprint(KEY_B), "--until", "2569-12-31"
        ).exit_code
        == 0
    )
    after = registry_of(site)
    assert after == text.replace(
        "        revoked: 2569-12-01\n", "        revoked: 2569-12-01\n        until: 2569-12-31\n"
    )


def test_an_edit_that_would_break_the_registry_is_refused(site: SiteFactory) -> None:
    before = registry_of(site)
    taken = signing.public_line(site.keys["chair1"].public_key(), "copy")
    result = gate(site, "add-key", "--id", "director1", "--key", taken)
    assert result.exit_code == 1
    assert "approvers.yml was not changed" in result.output
    assert "already listed under chair1" in result.output
    assert registry_of(site) == before


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (("add-key", "--id", "ghost", "--key", KEY_A), "no person with id 'ghost'"),
        (("retire-key", "--id", "chair1", "--key", "SHA256:nope"), "chair1 has no key matching 'SHA256:nope'"),
        (("add-person", "--id", "x", "--name", "X", "--role", "webmaster"), "'webmaster (chair, director)'"),
        (("add-key", "--id", "chair1", "--key", "ssh-rsa AAAA"), "is not an ssh-ed25519 public key"),
    ],
)
def test_bad_edits(site: SiteFactory, args: tuple[str, ...], text: str) -> None:
    before = registry_of(site)
    result = gate(site, *args)
    assert result.exit_code in (1, 2)
    assert text in result.output
    assert registry_of(site) == before


def test_an_edit_raises_the_version(site: SiteFactory) -> None:
    """With a `version`, every edit raises it, so hardened mode can refuse the old file."""
    text = registry_of(site).replace("site_id:", "version: 7 # raised by gate\r\nsite_id:", 1)
    (site.root / "approvers.yml").write_bytes(text.encode())
    result = gate(site, "add-key", "--id", "chair1", "--key", KEY_A)
    assert result.exit_code == 0, result.output
    assert "version: 8 # raised by gate\r\n" in registry_of(site)
    assert "version is now 8" in result.output


def test_email_add_and_set(site: SiteFactory) -> None:
    """`--email` on add-person and `set-email` write the address `gate notify` uses; a bad one is refused."""
    added = gate(site, "add-person", "--id", "malee", "--name", "นางมาลี ศรีสุข", "--role", "chair",
                 "--from", "2569-12-01", "--email", "malee@example.go.th")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert '  - id: malee\r\n    name: "นางมาลี ศรีสุข"\r\n    email: "malee@example.go.th"\r\n' in registry_of(site)
    changed = gate(site, "set-email", "--id", "chair1", "--email", "chair1@example.go.th")
    assert changed.exit_code == 0, changed.output
    again = gate(site, "set-email", "--id", "chair1", "--email", "chair.one@example.go.th")
    assert again.exit_code == 0, again.output
    people = parse_registry(registry_of(site), ROLES).people
    assert ("chair.one@example.go.th", "malee@example.go.th", "") == (
        people["chair1"].email,
        people["malee"].email,
        people["chair2"].email,
    )
    before = registry_of(site)
    refused = gate(site, "set-email", "--id", "chair2", "--email", "chair2 at example.go.th")
    assert refused.exit_code == 1
    assert "`people[3].email` 'chair2 at example.go.th' is not an e-mail address" in refused.output
    assert before == registry_of(site)
