"""Hardened mode: approvers.yml counts only when enough pinned root keys signed its exact bytes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.cli import main
from approval_gate.core import signing
from approval_gate.core.registry import parse_registry
from approval_gate.services import hardened
from conftest import epoch, run_mkdocs
from factory import UTC, SiteFactory

NOW = dt.datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
PASSPHRASE = b"root passphrase"
HEADER = "version: 1\nexpires: 2570-09-30\n"


@pytest.fixture(scope="module")
def roots() -> list[tuple[Ed25519PrivateKey, bytes, str]]:
    """Three root keys: (key, passphrase-protected file bytes, public line)."""
    made = []
    for number in range(3):
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
            serialization.BestAvailableEncryption(PASSPHRASE),
        )  # fmt: skip
        made.append((key, pem, signing.public_line(key.public_key(), f"root{number}")))
    return made


def env(roots: list[tuple[Ed25519PrivateKey, bytes, str]], count: int = 2, **extra: str) -> dict[str, str]:
    return {hardened.ROOT_KEYS_ENV: "\n".join(line for _, _, line in roots[:count]), **extra}


# --- the pure check -------------------------------------------------------------


def registry_and_sigs(site: SiteFactory, signers: list[Ed25519PrivateKey], header: str = HEADER) -> tuple[bytes, str]:
    raw = (header + site.registry_text()).encode()
    return raw, "".join(signing.sign(key, raw, signing.REGISTRY_NAMESPACE) + "\n" for key in signers)


@pytest.fixture
def site(tmp_path: Path) -> SiteFactory:
    return SiteFactory(tmp_path / "s")


def check(
    raw: bytes, sigs: str, roots: hardened.Roots, now: dt.datetime = NOW, seen: int | None = None
) -> hardened.Verified:
    registry = parse_registry(raw.decode(), ("chair", "director"))
    return hardened.verify_registry(raw, sigs, registry, roots, now, seen)


def test_two_root_signatures_verify(site: SiteFactory, roots: list[tuple[Ed25519PrivateKey, bytes, str]]) -> None:
    pinned = hardened.roots_from_env(env(roots))
    assert pinned is not None and pinned.threshold == 2
    raw, sigs = registry_and_sigs(site, [roots[0][0], roots[1][0]])
    verified = check(raw, sigs, pinned)
    assert verified.version == 1 and len(verified.signed_by) == 2


@pytest.mark.parametrize(
    ("case", "code", "params"),
    [
        ("one signature", "registry_not_signed", {"valid": "1", "needed": "2"}),
        ("same root twice", "registry_not_signed", {"valid": "1", "needed": "2"}),
        ("unpinned root", "registry_not_signed", {"valid": "1", "needed": "2"}),
        ("edited after signing", "registry_not_signed", {"valid": "0", "needed": "2"}),
        ("garbage lines", "registry_not_signed", {"valid": "0", "needed": "2"}),
        ("wrong namespace", "registry_not_signed", {"valid": "0", "needed": "2"}),
        ("expired", "registry_expired", {"expires": "2026-10-01T00:00:00+07:00"}),
        ("rolled back", "registry_rolled_back", {"version": "1", "seen": "2"}),
        ("no version", "registry_no_version", {}),
        ("no expiry", "registry_no_expiry", {}),
    ],
)
def test_untrusted_registries(
    site: SiteFactory, roots: list[tuple[Ed25519PrivateKey, bytes, str]], case: str, code: str, params: dict[str, str]
) -> None:
    pinned = hardened.roots_from_env(env(roots))
    assert pinned is not None
    first, second, third = (key for key, _, _ in roots)
    raw, sigs = registry_and_sigs(site, [first, second])
    seen = None
    if case == "one signature":
        raw, sigs = registry_and_sigs(site, [first])
    elif case == "same root twice":
        raw, sigs = registry_and_sigs(site, [first, first])
    elif case == "unpinned root":
        raw, sigs = registry_and_sigs(site, [first, third])
    elif case == "edited after signing":
        raw = raw.replace(b"role: chair", b"role: director", 1)
    elif case == "garbage lines":
        sigs = "not a signature\nU1NIU0lH\n"
    elif case == "wrong namespace":
        sigs = "".join(signing.sign(key, raw) + "\n" for key in (first, second))
    elif case == "expired":
        raw, sigs = registry_and_sigs(site, [first, second], "version: 1\nexpires: 2569-09-30\n")
    elif case == "rolled back":
        seen = 2
    elif case == "no version":
        raw, sigs = registry_and_sigs(site, [first, second], "expires: 2570-09-30\n")
    elif case == "no expiry":
        raw, sigs = registry_and_sigs(site, [first, second], "version: 1\n")
    with pytest.raises(hardened.RegistryTrustError) as caught:
        check(raw, sigs, pinned, seen=seen)
    assert (caught.value.code, caught.value.params) == (code, params)


@pytest.mark.parametrize(
    ("settings", "code"),
    [
        ({hardened.ROOT_KEYS_ENV: "ssh-rsa AAAA"}, "root_keys_bad"),
        ({hardened.ROOT_KEYS_ENV: "SHA256:" + "A" * 43, hardened.THRESHOLD_ENV: "two"}, "root_threshold_bad"),
        ({hardened.ROOT_KEYS_ENV: "SHA256:" + "A" * 43}, "root_threshold_unreachable"),
    ],
)
def test_bad_root_settings_fail_closed(settings: dict[str, str], code: str) -> None:
    with pytest.raises(hardened.RegistryTrustError) as caught:
        hardened.roots_from_env(settings)
    assert caught.value.code == code


def test_roots_accept_fingerprints_and_lines(roots: list[tuple[Ed25519PrivateKey, bytes, str]]) -> None:
    value = f"{roots[0][2]}, {signing.fingerprint(roots[1][2])}"
    pinned = hardened.roots_from_env({hardened.ROOT_KEYS_ENV: value, hardened.THRESHOLD_ENV: "1"})
    assert pinned == hardened.Roots(frozenset(signing.fingerprint(line) for _, _, line in roots[:2]), 1)
    assert hardened.roots_from_env({}) is None


def test_state_never_goes_down_and_a_damaged_state_fails_closed(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    hardened.remember(state, "a", 3)
    hardened.remember(state, "a", 2)
    hardened.remember(state, "b", 1)
    assert json.loads(state.read_text()) == {"sites": {"a": 3, "b": 1}}
    state.write_text("{broken")
    with pytest.raises(hardened.RegistryTrustError) as caught:
        hardened.highest_seen(state, "a")
    assert caught.value.code == "registry_state_unreadable"


# --- through the gate command and a real build -------------------------------------


@pytest.fixture
def hardened_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, roots: list[tuple[Ed25519PrivateKey, bytes, str]]
) -> SiteFactory:
    """A site with one approved post in content/, a versioned registry, two pinned roots and their key files."""
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(NOW))
    (tmp_path / "pass").write_bytes(PASSPHRASE + b"\n")
    monkeypatch.setenv("GATE_PASSPHRASE_FILE", str(tmp_path / "pass"))
    monkeypatch.setenv(hardened.STATE_ENV, str(tmp_path / "state" / "seen.json"))
    for variable, value in env(roots).items():
        monkeypatch.setenv(variable, value)
    site = SiteFactory(tmp_path / "s")
    (site.root / "approvers.yml").write_text(HEADER + site.registry_text(), encoding="utf-8")
    site.add("content", "news/posts/x.md", site.approved(site.text(), "news/posts/x.md"))
    for number, (_, pem, _) in enumerate(roots):
        (tmp_path / f"root{number}").write_bytes(pem)
    return site


def gate(site: SiteFactory, *args: str) -> Result:
    return CliRunner().invoke(main, ["-f", str(site.root / "mkdocs.yml"), *args])


def sign_with(site: SiteFactory, *numbers: int) -> None:
    for number in numbers:
        result = gate(site, "registry", "sign", "--key", str(site.root.parent / f"root{number}"))
        assert result.exit_code == 0, result.output


def state_of(site: SiteFactory) -> str:
    result = gate(site, "check", "--json", str(site.root / "content" / "news" / "posts" / "x.md"))
    decided = json.loads(result.output)[0]
    return f"{decided['state']}: " + " | ".join(reason["text"] for reason in decided["reasons"])


def test_signed_registry_publishes(hardened_site: SiteFactory, tmp_path: Path) -> None:
    sign_with(hardened_site, 0, 1)
    assert state_of(hardened_site) == "live: "
    assert json.loads((tmp_path / "state" / "seen.json").read_text()) == {"sites": {"test-site": 1}}
    lines = (hardened_site.root / "approvers.yml.sig").read_text().splitlines()
    assert len(lines) == 2


def test_registry_signature_verifies_with_ssh_keygen(
    hardened_site: SiteFactory, tmp_path: Path, roots: list[tuple[Ed25519PrivateKey, bytes, str]]
) -> None:
    sign_with(hardened_site, 0)
    line = (hardened_site.root / "approvers.yml.sig").read_text().strip()
    (tmp_path / "sig").write_text(signing.armor(line))
    (tmp_path / "allowed").write_text(signing.allowed_signers_line("root", roots[0][2], signing.REGISTRY_NAMESPACE))
    result = subprocess.run(
        ["ssh-keygen", "-Y", "verify", "-f", str(tmp_path / "allowed"), "-I", "root", "-n", signing.REGISTRY_NAMESPACE,
         "-s", str(tmp_path / "sig")],
        input=(hardened_site.root / "approvers.yml").read_bytes(), capture_output=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_unsigned_registry_publishes_nothing(hardened_site: SiteFactory) -> None:
    assert state_of(hardened_site).startswith(
        "invalid: hardened mode: the root signatures approvers.yml.sig are missing or unreadable"
    )


def test_under_threshold(hardened_site: SiteFactory) -> None:
    sign_with(hardened_site, 0)
    assert state_of(hardened_site).startswith(
        "invalid: hardened mode: only 1 of the 2 required root signatures verify for approvers.yml"
    )


def test_registry_edited_after_signing(hardened_site: SiteFactory) -> None:
    sign_with(hardened_site, 0, 1)
    file = hardened_site.root / "approvers.yml"
    file.write_text(file.read_text().replace("role: chair", "role: director", 1))
    assert state_of(hardened_site).startswith("invalid: hardened mode: only 0 of the 2 required root signatures")


def test_registry_rolled_back(hardened_site: SiteFactory) -> None:
    sign_with(hardened_site, 0, 1)
    file, sig = hardened_site.root / "approvers.yml", hardened_site.root / "approvers.yml.sig"
    old = file.read_bytes(), sig.read_bytes()
    fingerprint = signing.fingerprint(signing.public_line(hardened_site.keys["chair2"].public_key()))
    assert gate(hardened_site, "registry", "revoke-key", "--id", "chair2", "--key", fingerprint).exit_code == 0
    assert b"version: 2" in file.read_bytes()
    sign_with(hardened_site, 1, 0)
    assert state_of(hardened_site) == "live: "
    file.write_bytes(old[0])
    sig.write_bytes(old[1])  # the old, once-valid registry and its genuine signatures
    assert state_of(hardened_site) == (
        "invalid: hardened mode: approvers.yml is version 1, older than version 2 already seen here; "
        "an old registry was brought back; restore the newest one | "
        "`signoffs[1]` cannot be checked: the approvers registry could not be read; fix approvers.yml | "
        "`signoffs[2]` cannot be checked: the approvers registry could not be read; fix approvers.yml"
    )


def test_registry_expired(hardened_site: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    sign_with(hardened_site, 0, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(dt.datetime(2027, 10, 1, 3, 0, tzinfo=UTC)))
    assert "hardened mode: approvers.yml expired at 2027-10-01T00:00:00+07:00" in state_of(hardened_site)


def test_real_build_fails_closed(hardened_site: SiteFactory, tmp_path: Path) -> None:
    """Signed by one root only: the approved post is not built and --strict fails."""
    sign_with(hardened_site, 0)
    result = run_mkdocs(hardened_site.root, now=NOW)
    assert result.returncode == 1
    assert "only 1 of the 2 required root signatures verify" in result.stderr
    assert not (hardened_site.root / "site" / "news" / "x" / "index.html").exists()
    assert (hardened_site.root / "site" / "index.html").exists()  # the build ran; only the post is withheld
