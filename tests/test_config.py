"""The plugin's options: documented defaults and exact errors for bad values."""

from __future__ import annotations

import pytest

from approval_gate.site.config import GateConfig


def load(values: dict[str, object]) -> tuple[GateConfig, list[tuple[str, Exception]]]:
    config = GateConfig()
    config.load_dict(values)
    errors, _warnings = config.validate()
    return config, errors


def test_defaults() -> None:
    """load_config({}) gives the defaults the README documents."""
    config, errors = load({})
    assert errors == []
    assert {
        "enabled": True,
        "site_id": "",
        "registry": "approvers.yml",
        "signatures": "required",
        "roles": ["chair", "director"],
        "timezone": "Asia/Bangkok",
        "pending_dir": "pending",
        "expired_dir": "pending/expired",
        "exempt": ["index.md"],
        "move_expired": True,
        "preview": True,
        "default_agency": None,
        "categories": [],
        "evidence_pack_url": "",
    }.items() <= dict(config).items()


@pytest.mark.parametrize(
    ("values", "key", "text"),
    [
        ({"signatures": "maybe"}, "signatures", "Expected one of: ('required', 'off') but received: 'maybe'"),
        ({"enabled": "yes"}, "enabled", "Expected type: <class 'bool'> but received: <class 'str'>"),
        ({"roles": "chair"}, "roles", "Expected a list of items, but a <class 'str'> was given."),
        ({"move_expired": 1}, "move_expired", "Expected type: <class 'bool'> but received: <class 'int'>"),
        ({"timezone": "Bangkok"}, "timezone", "unknown time zone 'Bangkok'; write an IANA name such as Asia/Bangkok"),
        ({"roles": ["chair", "chair"]}, "roles", "list each role once, in signing order, e.g. [chair, director]"),
        ({"roles": []}, "roles", "list each role once, in signing order, e.g. [chair, director]"),
        (
            {"evidence_pack_url": "javascript:alert(1)//{year}"},
            "evidence_pack_url",
            "'javascript:alert(1)//{year}' is not an http(s) address; "
            "write one such as https://ita.example.go.th/evidence-{year}.pdf",
        ),
        (
            {"evidence_pack_url": "https://ita.example.go.th/{yaer}.pdf"},
            "evidence_pack_url",
            "'https://ita.example.go.th/{yaer}.pdf' is not an http(s) address; "
            "write one such as https://ita.example.go.th/evidence-{year}.pdf",
        ),
        (
            {"evidence_pack_url": "https://ita.example.go.th/a b.pdf"},
            "evidence_pack_url",
            "'https://ita.example.go.th/a b.pdf' contains spaces or control characters; write the address without them",
        ),
    ],
)
def test_bad_values(values: dict[str, object], key: str, text: str) -> None:
    _, errors = load(values)
    assert [(key, text)] == [(name, str(error)) for name, error in errors]
