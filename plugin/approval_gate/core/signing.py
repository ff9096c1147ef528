"""SSH signatures (SSHSIG, the format of `ssh-keygen -Y sign`) over sign-off statements.

Only Ed25519. The signature is stored as one base64 line; `armor` turns it back into
the file `ssh-keygen -Y verify` reads, so an auditor needs nothing of ours.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import struct
import textwrap
from typing import TYPE_CHECKING, Any

from .canonical import canonical_json

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

# cryptography is imported where a key is used, not here: in a --strict build only the
# worker checks signatures, and the import alone costs the build process about 10 ms.

NAMESPACE = "approval-gate-v1"
REGISTRY_NAMESPACE = "approval-gate-registry-v1"  # root signatures over approvers.yml (hardened mode)
STATEMENT_TYPE = "approval-gate/signoff/v1"
KEY_TYPE = b"ssh-ed25519"
HASH = "sha512"
HASHES = {b"sha512": hashlib.sha512, b"sha256": hashlib.sha256}  # what SSHSIG allows


class SignatureFormatError(ValueError):
    pass


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _read_string(blob: bytes, offset: int) -> tuple[bytes, int]:
    if offset + 4 > len(blob):
        raise SignatureFormatError("truncated")
    (length,) = struct.unpack(">I", blob[offset : offset + 4])
    end = offset + 4 + length
    if end > len(blob):
        raise SignatureFormatError("truncated")
    return blob[offset + 4 : end], end


def public_key_blob(line: str) -> bytes:
    """The wire blob of an `ssh-ed25519 AAAA… comment` line."""
    parts = line.split()
    if len(parts) < 2 or parts[0] != "ssh-ed25519":
        raise SignatureFormatError("not an ssh-ed25519 public key line")
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except binascii.Error:
        raise SignatureFormatError("public key is not base64") from None
    kind, offset = _read_string(blob, 0)
    raw, offset = _read_string(blob, offset)
    if kind != KEY_TYPE or len(raw) != 32 or offset != len(blob):
        raise SignatureFormatError("not an Ed25519 public key")
    return blob


@functools.lru_cache(maxsize=1024)
def _public_key(line: str) -> tuple[bytes, Ed25519PublicKey]:
    """(wire blob, key) of a public key line: a registry has few keys and every post checks them."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    blob = public_key_blob(line)
    return blob, Ed25519PublicKey.from_public_bytes(blob[-32:])  # the blob ends with the 32 raw bytes


def fingerprint(line: str) -> str:
    """`SHA256:…` exactly as `ssh-keygen -l` prints it."""
    digest = hashlib.sha256(public_key_blob(line)).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def public_line(key: Ed25519PublicKey, comment: str = "") -> str:
    from cryptography.hazmat.primitives import serialization

    line = key.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()
    return f"{line} {comment}".strip()


def statement(fields: dict[str, Any]) -> bytes:
    """The exact bytes a sign-off signs: canonical JSON of the statement fields."""
    return canonical_json({"type": STATEMENT_TYPE, **fields}).encode("utf-8")


def _signed_data(message: bytes, namespace: str) -> bytes:
    return (
        b"SSHSIG"
        + _string(namespace.encode())
        + _string(b"")
        + _string(HASH.encode())
        + _string(hashlib.sha512(message).digest())
    )


def sign(private_key: Ed25519PrivateKey, message: bytes, namespace: str = NAMESPACE) -> str:
    """An SSHSIG signature of `message`, as one base64 line."""
    public_blob = public_key_blob(public_line(private_key.public_key()))
    signature = private_key.sign(_signed_data(message, namespace))
    blob = (
        b"SSHSIG"
        + struct.pack(">I", 1)
        + _string(public_blob)
        + _string(namespace.encode())
        + _string(b"")
        + _string(HASH.encode())
        + _string(_string(KEY_TYPE) + _string(signature))
    )
    return base64.b64encode(blob).decode()


def _parse(sig_b64: str) -> tuple[bytes, bytes, bytes, bytes, bytes]:
    """(signer key blob, namespace, reserved, hash name, signature blob) of an SSHSIG line."""
    try:
        blob = base64.b64decode(sig_b64, validate=True)
    except (binascii.Error, ValueError):
        raise SignatureFormatError("signature is not base64") from None
    if not blob.startswith(b"SSHSIG") or blob[6:10] != struct.pack(">I", 1):
        raise SignatureFormatError("not an SSHSIG version 1 signature")
    signer_blob, offset = _read_string(blob, 10)
    namespace, offset = _read_string(blob, offset)
    reserved, offset = _read_string(blob, offset)
    hash_name, offset = _read_string(blob, offset)
    signature_blob, offset = _read_string(blob, offset)
    if offset != len(blob):
        raise SignatureFormatError("trailing bytes after the signature")
    return signer_blob, namespace, reserved, hash_name, signature_blob


def signer_line(sig_b64: str) -> str:
    """The `ssh-ed25519 AAAA…` public key a signature says it was made with (not yet verified)."""
    signer_blob = _parse(sig_b64)[0]
    line = "ssh-ed25519 " + base64.b64encode(signer_blob).decode()
    public_key_blob(line)  # refuses anything but Ed25519
    return line


def verify(public_key_line: str, message: bytes, sig_b64: str, namespace: str = NAMESPACE) -> bool:
    """True only if `sig_b64` is a valid SSHSIG by exactly this key in `namespace`."""
    from cryptography.exceptions import InvalidSignature

    try:
        signer_blob, signed_namespace, reserved, hash_name, signature_blob = _parse(sig_b64)
        if signed_namespace != namespace.encode() or hash_name not in HASHES:
            return False
        key_blob, key = _public_key(public_key_line)
        if signer_blob != key_blob:
            return False
        kind, inner = _read_string(signature_blob, 0)
        raw_signature, inner = _read_string(signature_blob, inner)
        if kind != KEY_TYPE or inner != len(signature_blob) or len(raw_signature) != 64:
            return False
        digest = HASHES[hash_name](message).digest()
        signed = b"SSHSIG" + _string(signed_namespace) + _string(reserved) + _string(hash_name) + _string(digest)
        key.verify(raw_signature, signed)
        return True
    except (binascii.Error, SignatureFormatError, InvalidSignature, ValueError):
        return False


def armor(sig_b64: str) -> str:
    """The signature as the PEM-like file `ssh-keygen -Y verify -s` reads."""
    body = "\n".join(textwrap.wrap(sig_b64, 70))
    return f"-----BEGIN SSH SIGNATURE-----\n{body}\n-----END SSH SIGNATURE-----\n"


def dearmor(text: str) -> str:
    """The one base64 line inside an armored signature file."""
    lines = [line.strip() for line in text.strip().splitlines()]
    if not lines or lines[0] != "-----BEGIN SSH SIGNATURE-----" or lines[-1] != "-----END SSH SIGNATURE-----":
        raise SignatureFormatError("not an SSH signature file")
    return "".join(lines[1:-1])


def read_signature(text: str) -> str:
    """A signature given as an armored file (what `ssh-keygen -Y sign` writes) or as one base64 line."""
    stripped = text.strip()
    if stripped.startswith("-----BEGIN"):
        return dearmor(stripped)
    if not stripped or any(char.isspace() for char in stripped):
        raise SignatureFormatError("not an SSH signature")
    return stripped


def allowed_signers_line(principal: str, public_key_line: str, namespace: str = NAMESPACE) -> str:
    """One line of the `allowed_signers` file `ssh-keygen -Y verify -f` reads."""
    kind, data = public_key_line.split()[:2]
    return f'{principal} namespaces="{namespace}" {kind} {data}'


def generate_private_key(passphrase: bytes, comment: str) -> tuple[bytes, str]:
    """A new Ed25519 key: (passphrase-protected OpenSSH private key, public line)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.BestAvailableEncryption(passphrase),
    )
    return pem, public_line(key.public_key(), comment)


def load_private_key(data: bytes, passphrase: bytes | None) -> Ed25519PrivateKey:
    """An OpenSSH private key; ValueError for a wrong passphrase or a damaged file."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = serialization.load_ssh_private_key(data, password=passphrase or None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SignatureFormatError("only Ed25519 keys can sign sign-offs")
    return key
