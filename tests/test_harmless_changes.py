"""Harmless changes keep every signature: line endings, BOM, key order, quoting, NFC, moving the file."""

from __future__ import annotations

import datetime as dt
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from approval_gate.core.decision import Decision, decide
from approval_gate.core.post import load_post
from approval_gate.core.registry import parse_registry
from approval_gate.services.repository import Gate
from factory import UTC, SiteFactory

PATH = "news/posts/x.md"
NOW = dt.datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
# ปุ่ม with SARA U and MAI EK typed in either order: different code points, one NFC text.
TYPED_ONE_WAY, TYPED_OTHER_WAY = "\u0e1b\u0e38\u0e48\u0e21", "\u0e1b\u0e48\u0e38\u0e21"


@pytest.fixture
def site(tmp_path: Path) -> SiteFactory:
    return SiteFactory(tmp_path / "s")


def judge(site: SiteFactory, raw: bytes) -> Decision:
    registry = parse_registry(site.registry_text(), ("chair", "director"))
    return decide(load_post(raw, PATH, site.rules), registry, site.settings, NOW)


def signed(site: SiteFactory) -> str:
    return site.approved(site.text(title=f"กด{TYPED_ONE_WAY}ลงทะเบียน"), PATH)


def swap_title_and_category(text: str) -> str:
    lines = text.split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    category = next(i for i, line in enumerate(lines) if line.startswith("category:"))
    lines[title], lines[category] = lines[category], lines[title]
    return "\n".join(lines)


def move_signoffs_to_top(text: str) -> str:
    head, rest = text.split("signoffs:\n", 1)
    entries, tail = rest.split("---\n", 1)
    return head.replace("---\n", "---\nsignoffs:\n" + entries, 1) + "---\n" + tail


HARMLESS: dict[str, Callable[[str], bytes]] = {
    "CRLF": lambda text: text.replace("\n", "\r\n").encode(),
    "CR": lambda text: text.replace("\n", "\r").encode(),
    "BOM": lambda text: b"\xef\xbb\xbf" + text.encode(),
    "BOM and CRLF": lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
    "key order": lambda text: swap_title_and_category(text).encode(),
    "sign-offs moved to the top": lambda text: move_signoffs_to_top(text).encode(),
    "double quotes": lambda text: text.replace("category: ข่าวประชาสัมพันธ์", 'category: "ข่าวประชาสัมพันธ์"').encode(),
    "single quotes": lambda text: text.replace("category: ข่าวประชาสัมพันธ์", "category: 'ข่าวประชาสัมพันธ์'").encode(),
    "block list": lambda text: text.replace("tags: [ทดสอบ]", "tags:\n  - ทดสอบ").encode(),
    "NFC-equal Thai": lambda text: text.replace(TYPED_ONE_WAY, TYPED_OTHER_WAY).encode(),
    "trailing blank lines": lambda text: (text + "\n\n\n").encode(),
}


def test_the_thai_sample_really_differs_before_normalisation() -> None:
    assert TYPED_ONE_WAY != TYPED_OTHER_WAY
    assert unicodedata.normalize("NFC", TYPED_ONE_WAY) == unicodedata.normalize("NFC", TYPED_OTHER_WAY)


@pytest.mark.parametrize("change", sorted(HARMLESS))
def test_harmless_change_keeps_every_signature(site: SiteFactory, change: str) -> None:
    text = signed(site)
    before = judge(site, text.encode())
    assert before.state == "live"
    changed = HARMLESS[change](text)
    assert changed != text.encode()
    after = judge(site, changed)
    assert (after.state, after.reasons, len(after.chain)) == ("live", (), 2)
    assert [entry.sig for entry in after.chain] == [entry.sig for entry in before.chain]


def test_moving_the_post_keeps_every_signature(site: SiteFactory) -> None:
    """pending/ -> content/ -> pending/expired/: the post path, and so the signatures, stay the same."""
    options = {"site_id": "test-site", "default_agency": "สำนักงานสาธารณสุขจังหวัดทดสอบ"}
    gate = Gate.from_options(site.root, site.root / "content", dict(options), now=NOW)
    file = site.add("pending", PATH, signed(site))
    seen = []
    for place in ("content", "expired"):
        judged = gate.judge(file, NOW)
        seen.append((judged.place, judged.post.path, judged.decision.state, len(judged.decision.chain)))
        target = gate.target(place, PATH)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(file, target)
        file = target
    judged = gate.judge(file, NOW)
    seen.append((judged.place, judged.post.path, judged.decision.state, len(judged.decision.chain)))
    assert seen == [("pending", PATH, "live", 2), ("content", PATH, "live", 2), ("expired", PATH, "live", 2)]
    assert judged.decision.reasons == ()
