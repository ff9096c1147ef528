"""Build small gated sites for tests: a registry with fresh keys and signed posts."""

from __future__ import annotations

import contextlib
import datetime as dt
import textwrap
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.core import signing
from approval_gate.core.decision import Settings
from approval_gate.core.post import Rules
from approval_gate.core.signoff import make_entry, write_entry
from approval_gate.core.thaidates import DateError, parse_when
from approval_gate.services.binding import MarkdownSetup
from approval_gate.services.repository import Gate

UTC = dt.UTC
BANGKOK = ZoneInfo("Asia/Bangkok")
SITE_ID = "test-site"

MKDOCS_YML = """\
site_name: ทดสอบ
site_url: https://example.test/
docs_dir: content
exclude_docs: |
  *.md
  /news/posts/
  !/index.md
  !/news/index.md
  !/tags.md
theme:
  name: material
  language: th
  features: [navigation.prune]
plugins:
  - approval-gate:
      site_id: {site_id}
      exempt: [index.md, news/index.md, tags.md]
      default_agency: สำนักงานสาธารณสุขจังหวัดทดสอบ
{extra_gate}  - blog:
      blog_dir: news
      post_url_format: "{{file}}"
  - tags
  - search
{nav}"""

PEOPLE = {
    "chair1": ("นายประธาน หนึ่ง", "chair"),
    "director1": ("นายแพทย์ผู้อำนวยการ หนึ่ง", "director"),
    "chair2": ("นางรอง ประธาน", "chair"),
}


class SiteFactory:
    def __init__(self, root: Path, extra_gate: str = "", nav: str = "") -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.keys = {person: Ed25519PrivateKey.generate() for person in PEOPLE}
        self.settings = Settings(site_id=SITE_ID)
        self.rules = Rules(default_agency="สำนักงานสาธารณสุขจังหวัดทดสอบ")
        self.write_config(extra_gate, nav)
        (root / "approvers.yml").write_text(self.registry_text(), encoding="utf-8")
        (root / "content" / "news").mkdir(parents=True, exist_ok=True)
        (root / "pending").mkdir(exist_ok=True)
        (root / "content" / "index.md").write_text("# หน้าแรก\n\nยินดีต้อนรับ\n", encoding="utf-8")
        (root / "content" / "news" / "index.md").write_text("# ข่าว\n", encoding="utf-8")
        (root / "content" / "tags.md").write_text("# ป้ายกำกับ\n\n<!-- material/tags -->\n", encoding="utf-8")

    def write_config(self, extra_gate: str = "", nav: str = "") -> None:
        text = MKDOCS_YML.format(site_id=SITE_ID, extra_gate=extra_gate, nav=nav)
        (self.root / "mkdocs.yml").write_text(text, encoding="utf-8")

    def registry_text(self, **overrides: Any) -> str:
        lines = [f"site_id: {SITE_ID}", "timezone: Asia/Bangkok", "people:"]
        for person, (name, role) in PEOPLE.items():
            public = signing.public_line(self.keys[person].public_key(), person)
            lines += [
                f"  - id: {person}",
                f"    name: {name}",
                "    roles:",
                f"      - {{role: {role}, from: 2569-01-01}}",
                "    keys:",
                f'      - {{key: "{public}", from: 2569-01-01}}',
            ]
        return "\n".join(lines) + "\n"

    @staticmethod
    def text(title: str = "ข่าวทดสอบ", body: str = "เนื้อหาข่าวทดสอบ", **fields: Any) -> str:
        form: dict[str, Any] = {
            "title": title,
            "requester": "\n  name: นางสาวผู้ขอ ทดสอบ\n  date: 2569-01-01",
            "category": "ข่าวประชาสัมพันธ์",
            "date": "2026-11-01",
            "publish_from": "2569-11-01",
            "publish_until": "2570-12-31",
            "tags": "[ทดสอบ]",
        }
        form.update(fields)
        if "date" not in fields and fields.get("publish_from") is not None:
            # The blog's date is the day of publish_from, as `gate new` writes it and the gate checks.
            with contextlib.suppress(DateError):
                form["date"] = parse_when(fields["publish_from"], BANGKOK).at.astimezone(BANGKOK).date().isoformat()
        head = "\n".join(f"{key}: {value}" for key, value in form.items() if value is not None)
        return f"---\n{head}\n---\n\n# {title}\n\n{textwrap.dedent(body).strip()}\n"

    def gate(self) -> Gate:
        """The gate as the site's plugin sees it (MkDocs' default Markdown extensions)."""
        options = {"site_id": SITE_ID, "default_agency": self.rules.default_agency}
        markdown = MarkdownSetup(("toc", "tables", "fenced_code"))
        return Gate.from_options(self.root, self.root / "content", options, markdown=markdown)

    def sign(
        self, text: str, post_path: str, steps: list[tuple[str, str, str | None, dt.datetime]], place: str = "content"
    ) -> str:
        """`text` with the sign-offs of `steps`, each on the digest of the post as it would be
        at `place` (its attachments are read from there)."""
        gate = self.gate()
        base = gate.target({"expired": "expired"}.get(place, place), "")
        for signer, verdict, reason, at in steps:
            post, decision = gate.judge_bytes(text.encode(), post_path, at, base=base)
            role = decision.waiting_for or PEOPLE[signer][1]
            entry = make_entry(
                post, decision, self.settings, role=role, signer=signer, verdict=verdict, reason=reason, now=at,
                key=self.keys[signer],
            )  # fmt: skip
            text = write_entry(text, entry)
        return text

    def approved(
        self,
        text: str,
        post_path: str,
        at: dt.datetime = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC),
        place: str = "content",
    ) -> str:
        return self.sign(
            text,
            post_path,
            [("chair1", "approve", None, at), ("director1", "approve", None, at + dt.timedelta(hours=1))],
            place,
        )

    def add(self, place: str, post_path: str, text: str) -> Path:
        base = {
            "content": self.root / "content",
            "pending": self.root / "pending",
            "expired": self.root / "pending" / "expired",
        }[place]
        path = base / post_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path
