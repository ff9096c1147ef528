"""Hardened mode: the registry itself must be signed by root keys pinned outside the repository.

Whoever can edit `approvers.yml` can add themselves as a director. In hardened mode
(on when `GATE_ROOT_KEYS` is set) the registry counts only if at least
`GATE_ROOT_THRESHOLD` (default 2) of those pinned root keys signed its exact bytes
(`approvers.yml.sig`, one SSHSIG line per root key, namespace
`approval-gate-registry-v1`), it has not expired, and its `version` is not lower
than the highest version this machine has seen (kept in a state file outside the
repository, so an old, once-valid registry cannot be brought back).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..core import signing
from ..core.registry import Registry

ROOT_KEYS_ENV = "GATE_ROOT_KEYS"
THRESHOLD_ENV = "GATE_ROOT_THRESHOLD"
STATE_ENV = "GATE_STATE_FILE"
DEFAULT_THRESHOLD = 2
FINGERPRINT_RE = re.compile(r"^SHA256:[A-Za-z0-9+/]{43}$")


class RegistryTrustError(ValueError):
    """The registry is not trusted in hardened mode; `code` and `params` fill a catalogue text."""

    def __init__(self, code: str, **params: str):
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Roots:
    """The pinned root keys (by fingerprint) and how many of them must sign."""

    fingerprints: frozenset[str]
    threshold: int = DEFAULT_THRESHOLD


@dataclass(frozen=True)
class Verified:
    version: int
    signed_by: tuple[str, ...] = field(default=())  # fingerprints of the valid root signatures


def enabled(environ: Mapping[str, str]) -> bool:
    return bool(environ.get(ROOT_KEYS_ENV, "").strip())


def roots_from_env(environ: Mapping[str, str]) -> Roots | None:
    """The pinned roots, or None when hardened mode is off. A bad setting fails closed."""
    value = environ.get(ROOT_KEYS_ENV, "")
    if not value.strip():
        return None
    prints: set[str] = set()
    for item in re.split(r"[\n;,]", value):
        item = item.strip()
        if not item or item.startswith("#"):
            continue
        if FINGERPRINT_RE.match(item):
            prints.add(item)
            continue
        try:
            prints.add(signing.fingerprint(item))
        except signing.SignatureFormatError:
            raise RegistryTrustError("root_keys_bad", entry=item[:40]) from None
    raw_threshold = environ.get(THRESHOLD_ENV, "").strip() or str(DEFAULT_THRESHOLD)
    if not raw_threshold.isdigit() or int(raw_threshold) < 1:
        raise RegistryTrustError("root_threshold_bad", value=raw_threshold)
    threshold = int(raw_threshold)
    if threshold > len(prints):
        raise RegistryTrustError("root_threshold_unreachable", threshold=str(threshold), count=str(len(prints)))
    return Roots(frozenset(prints), threshold)


def signature_file(registry_file: Path) -> Path:
    return registry_file.with_name(registry_file.name + ".sig")


def signature_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def verify_registry(
    raw: bytes, signatures: str, registry: Registry, roots: Roots, now: dt.datetime, highest_seen: int | None
) -> Verified:
    """Pure check of a registry's root signatures, expiry and version; raises RegistryTrustError."""
    valid: set[str] = set()
    for line in signature_lines(signatures):
        try:
            signer = signing.signer_line(line)
        except signing.SignatureFormatError:
            continue  # a damaged line counts as no signature
        print_ = signing.fingerprint(signer)
        if print_ in roots.fingerprints and signing.verify(signer, raw, line, signing.REGISTRY_NAMESPACE):
            valid.add(print_)
    if len(valid) < roots.threshold:
        raise RegistryTrustError("registry_not_signed", valid=str(len(valid)), needed=str(roots.threshold))
    if registry.version is None:
        raise RegistryTrustError("registry_no_version")
    if registry.expires is None:
        raise RegistryTrustError("registry_no_expiry")
    if now >= registry.expires:
        raise RegistryTrustError("registry_expired", expires=registry.expires.isoformat())
    if highest_seen is not None and registry.version < highest_seen:
        raise RegistryTrustError("registry_rolled_back", version=str(registry.version), seen=str(highest_seen))
    return Verified(registry.version, tuple(sorted(valid)))


# --- the state file: the highest registry version seen, per site -------------


def state_file(environ: Mapping[str, str]) -> Path:
    configured = environ.get(STATE_ENV, "").strip()
    if configured:
        return Path(configured)
    import click  # only for the per-user config folder, as `gate keygen` uses

    return Path(click.get_app_dir("approval-gate")) / "registry-state.json"


def _read_state(path: Path) -> dict[str, int]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        # Losing the memory of versions would allow a rollback: fail closed.
        raise RegistryTrustError("registry_state_unreadable", path=str(path)) from None
    sites = data.get("sites") if isinstance(data, dict) else None
    if not isinstance(sites, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in sites.values()):
        raise RegistryTrustError("registry_state_unreadable", path=str(path))
    return {str(key): value for key, value in sites.items()}


def highest_seen(path: Path, site_id: str) -> int | None:
    return _read_state(path).get(site_id)


def remember(path: Path, site_id: str, version: int) -> None:
    """Record `version` as seen (never lowering it), atomically."""
    sites = _read_state(path)
    if sites.get(site_id, 0) >= version:
        return
    sites[site_id] = version
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps({"sites": sites}, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise RegistryTrustError("registry_state_unreadable", path=str(path)) from None


def check(
    registry_file: Path, raw: bytes, registry: Registry, now: dt.datetime, environ: Mapping[str, str]
) -> Verified | None:
    """Hardened-mode check of a parsed registry (None when hardened mode is off)."""
    roots = roots_from_env(environ)
    if roots is None:
        return None
    try:
        signatures = signature_file(registry_file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RegistryTrustError("registry_sig_missing", path=signature_file(registry_file).name) from None
    except (OSError, UnicodeDecodeError):
        raise RegistryTrustError("registry_sig_missing", path=signature_file(registry_file).name) from None
    state = state_file(environ)
    verified = verify_registry(raw, signatures, registry, roots, now, highest_seen(state, registry.site_id))
    remember(state, registry.site_id, verified.version)
    return verified
