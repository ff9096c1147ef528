"""SSHSIG signatures: our format is ssh-keygen's, both ways, with real `ssh-keygen`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.core import signing

pytestmark = pytest.mark.needs("ssh-keygen")

STATEMENT = signing.statement({"site": "s", "path": "news/x.md", "digest": "sha256:" + "0" * 64, "at": "x"})


def ssh_keygen(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["ssh-keygen", *args], input=stdin, capture_output=True, cwd=cwd, timeout=30)


def test_signed_by_gate_verified_by_ssh_keygen(tmp_path: Path) -> None:
    """A gate signature passes `ssh-keygen -Y verify` with the printed allowed_signers line."""
    key = Ed25519PrivateKey.generate()
    line = signing.public_line(key.public_key(), "chair1")
    (tmp_path / "allowed_signers").write_text(signing.allowed_signers_line("chair1", line) + "\n")
    (tmp_path / "entry.sig").write_text(signing.armor(signing.sign(key, STATEMENT)))
    result = ssh_keygen(
        "-Y", "verify", "-f", "allowed_signers", "-I", "chair1", "-n", signing.NAMESPACE, "-s", "entry.sig",
        stdin=STATEMENT, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert b'Good "approval-gate-v1" signature for chair1' in result.stdout
    tampered = ssh_keygen(
        "-Y", "verify", "-f", "allowed_signers", "-I", "chair1", "-n", signing.NAMESPACE, "-s", "entry.sig",
        stdin=STATEMENT + b" ", cwd=tmp_path,
    )  # fmt: skip
    assert tampered.returncode != 0


def test_signed_by_ssh_keygen_verified_by_gate(tmp_path: Path) -> None:
    """`ssh-keygen -Y sign` output verifies in the gate, and only in our namespace."""
    ssh_keygen("-q", "-t", "ed25519", "-N", "", "-C", "director1", "-f", str(tmp_path / "key"))
    (tmp_path / "msg").write_bytes(STATEMENT)
    signed = ssh_keygen("-Y", "sign", "-f", str(tmp_path / "key"), "-n", signing.NAMESPACE, str(tmp_path / "msg"))
    assert signed.returncode == 0, signed.stderr
    sig = signing.read_signature((tmp_path / "msg.sig").read_text())
    line = (tmp_path / "key.pub").read_text().strip()
    assert signing.verify(line, STATEMENT, sig)
    assert signing.signer_line(sig) == " ".join(line.split()[:2])
    assert not signing.verify(line, STATEMENT + b"x", sig)
    assert not signing.verify(line, STATEMENT, sig, namespace=signing.REGISTRY_NAMESPACE)


def test_fingerprint_matches_ssh_keygen(tmp_path: Path) -> None:
    """`SHA256:` fingerprints are exactly what `ssh-keygen -l` prints."""
    key = Ed25519PrivateKey.generate()
    line = signing.public_line(key.public_key(), "x")
    (tmp_path / "k.pub").write_text(line + "\n")
    printed = ssh_keygen("-l", "-f", str(tmp_path / "k.pub")).stdout.decode().split()[1]
    assert signing.fingerprint(line) == printed


def test_generated_key_is_an_encrypted_openssh_key(tmp_path: Path) -> None:
    """`generate_private_key` writes what ssh-keygen reads, and only with the passphrase."""
    pem, line = signing.generate_private_key(b"correct horse", "chair1")
    file = tmp_path / "k"
    file.write_bytes(pem)
    file.chmod(0o600)
    assert ssh_keygen("-y", "-P", "wrong", "-f", str(file)).returncode != 0
    derived = ssh_keygen("-y", "-P", "correct horse", "-f", str(file))
    assert derived.stdout.decode().split()[:2] == line.split()[:2]
    key = signing.load_private_key(pem, b"correct horse")
    assert signing.verify(line, b"m", signing.sign(key, b"m"))
    with pytest.raises(ValueError):
        signing.load_private_key(pem, b"wrong")


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "not base64!",
        "U1NIU0lH",  # truncated
        signing.sign(Ed25519PrivateKey.generate(), STATEMENT),  # another key
        signing.sign(Ed25519PrivateKey.generate(), STATEMENT, namespace="git"),
    ],
)
def test_verify_refuses(bad: str) -> None:
    """Garbage, truncated, foreign-key and foreign-namespace signatures never verify."""
    line = signing.public_line(Ed25519PrivateKey.generate().public_key())
    assert not signing.verify(line, STATEMENT, bad)


def test_armor_round_trip_and_statement_is_canonical() -> None:
    """Armor/dearmor are inverse; the statement is sorted, compact JSON with its type."""
    sig = signing.sign(Ed25519PrivateKey.generate(), STATEMENT)
    assert signing.dearmor(signing.armor(sig)) == sig
    assert signing.read_signature(sig + "\n") == sig
    assert signing.statement({"b": 1, "a": "ไทย"}) == '{"a":"ไทย","b":1,"type":"approval-gate/signoff/v1"}'.encode()
