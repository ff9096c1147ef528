"""Deliberate bugs in the decision core, for the test-the-tests check (tests/test_mutants.py).

Loaded as a pytest plugin (`-p mutants`) with APPROVAL_GATE_MUTANT naming one of MUTANTS: the
plugin swaps the named function before any test runs, and the core tests must then fail."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any


def _signatures_always_verify() -> None:
    from approval_gate.core import decision, signing

    signing.verify = lambda *args: True
    # `decide`'s keyword default was bound when it was defined
    decision.decide.__kwdefaults__ = {**(decision.decide.__kwdefaults__ or {}), "verify": signing.verify}


def _entries_never_fail() -> None:
    from approval_gate.core import decision

    decision._check_entry = lambda *args, **kwargs: []


def _withdrawals_never_fail() -> None:
    from approval_gate.core import withdrawal

    withdrawal.entry_problems = lambda *args, **kwargs: []


def _window_always_open() -> None:
    from approval_gate.core import decision

    decision._window_state = lambda post, now: decision.LIVE if post.window is not None else None


def _body_not_in_digest() -> None:
    from approval_gate.core import canonical

    canonical.canonical_body = lambda body: ""


def _missing_keys_ignored() -> None:
    from approval_gate.core import post

    real = post.load_post

    def load_post(raw: bytes, path: str, rules: Any) -> Any:
        loaded = real(raw, path, rules)
        import dataclasses

        return dataclasses.replace(loaded, problems=tuple(p for p in loaded.problems if p.code != "missing_key"))

    post.load_post = load_post


MUTANTS: dict[str, Callable[[], None]] = {
    "signatures-always-verify": _signatures_always_verify,
    "entries-never-fail": _entries_never_fail,
    "window-always-open": _window_always_open,
    "withdrawals-never-fail": _withdrawals_never_fail,
    "body-not-in-digest": _body_not_in_digest,
    "missing-keys-ignored": _missing_keys_ignored,
}


def pytest_configure(config: Any) -> None:
    name = os.environ.get("APPROVAL_GATE_MUTANT")
    if name:
        MUTANTS[name]()
