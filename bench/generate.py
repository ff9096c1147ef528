"""Generate a gated site of N realistic signed Thai posts, fast.

Fresh Ed25519 keys, a registry, and posts signed by a chair and a director through
`approval_gate.core.signoff.make_entry`. Every `attach_every`-th post embeds a 200 KB photo and
links a 1 MB PDF from its own folder, both bound into its digest. Parsing YAML for every
post would dominate, so the front matter is built as data and as text side by side; a
sample of posts is checked against `read_post_text` and `write_entry`, so the fast path
cannot drift from the real one (`bench/run.py` then checks that the gate finds every
post live).

    python bench/generate.py DIR --live 1000 [--expired 0] [--attach-every 10] [--no-gate]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.core import signing
from approval_gate.core.canonical import digest_of, read_post_text
from approval_gate.core.decision import Decision, Settings
from approval_gate.core.post import Post, SignOff
from approval_gate.core.records import entry_line
from approval_gate.core.signoff import make_entry, write_entry

UTC = dt.UTC
SITE_ID = "bench-site"
SETTINGS = Settings(site_id=SITE_ID)
# The instant every benchmark build runs at (SOURCE_DATE_EPOCH).
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC)

GATE_PLUGIN = """\
  - approval-gate:
      site_id: {site_id}
      registry: approvers.yml
      roles: [chair, director]
      exempt: [index.md, news/index.md, tags.md]
      default_agency: สำนักงานสาธารณสุขจังหวัดตัวอย่าง
      categories: [ข่าวประชาสัมพันธ์, ประกาศ, จัดซื้อจัดจ้าง]
"""
EXCLUDE_DOCS = """\
exclude_docs: |
  *.md
  /news/posts/
  !/index.md
  !/news/index.md
  !/tags.md
"""
MKDOCS_YML = """\
site_name: สำนักงานสาธารณสุขจังหวัดตัวอย่าง
site_url: https://bench.example.test/
docs_dir: content
{exclude}theme:
  name: material
  language: th
  features:
    - navigation.prune
    - navigation.indexes
plugins:
{gate}  - blog:
      blog_dir: news
      post_url_format: "{{file}}"
      post_slugify: !!python/name:approval_gate.slug.thai_slugify
  - tags
  - search
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
      slugify: !!python/name:approval_gate.slug.thai_slugify
"""

CATEGORIES = ("ข่าวประชาสัมพันธ์", "ประกาศ", "จัดซื้อจัดจ้าง")
TOPICS = (
    ("ขอเชิญชวนประชาชนฉีดวัคซีนป้องกันไข้หวัดใหญ่", ["วัคซีน", "ไข้หวัดใหญ่"]),
    ("เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน", ["ไข้เลือดออก", "ยุงลาย"]),
    ("ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง", ["จัดซื้อจัดจ้าง"]),
    ("คำแนะนำการดูแลสุขภาพช่วงฝุ่น PM2.5 สูง", ["ฝุ่น", "สุขภาพ"]),
    ("ขอเชิญร่วมบริจาคโลหิต", ["บริจาคโลหิต"]),
    ("รณรงค์ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า", ["วัคซีน", "พิษสุนัขบ้า"]),
    ("แจ้งเปลี่ยนแปลงเวลาให้บริการคลินิกนอกเวลา", ["คลินิก"]),
    ("ตรวจคัดกรองเบาหวานและความดันโลหิตสูงฟรี", ["เบาหวาน", "ความดัน"]),
)
PARAGRAPHS = (
    "สำนักงานสาธารณสุขจังหวัดขอเชิญชวนกลุ่มเสี่ยง ได้แก่ ผู้สูงอายุ 65 ปีขึ้นไป หญิงตั้งครรภ์ "
    "เด็กเล็กอายุ 6 เดือนถึง 2 ปี และผู้ป่วยโรคเรื้อรัง รับบริการฟรี ณ โรงพยาบาลส่งเสริมสุขภาพตำบลใกล้บ้าน",
    "ขอให้ประชาชนช่วยกันกำจัดแหล่งเพาะพันธุ์ยุงลายตามหลัก **3 เก็บ ป้องกัน 3 โรค** คือ เก็บบ้าน เก็บขยะ "
    "และเก็บน้ำ เพื่อป้องกันโรคไข้เลือดออก โรคไข้ซิกา และโรคไข้ปวดข้อยุงลาย",
    "หากมีไข้สูงลอย 2 วันขึ้นไป ให้รีบพบแพทย์ทันที ห้ามซื้อยาแก้ปวดกลุ่มเอ็นเสด (NSAIDs) รับประทานเอง",
    "เปิดให้บริการทุกวันอังคารและพฤหัสบดี เวลา 08.30 - 16.30 น. สอบถามรายละเอียดเพิ่มเติมได้ที่ "
    "กลุ่มงานควบคุมโรคติดต่อ โทร. 0 2581 0000 ในวันและเวลาราชการ",
)
PEOPLE = (("somchai", "นายสมชาย รักษ์ข้อมูล", "chair"), ("wichai", "นายแพทย์วิชัย ใจบุญ", "director"))
REQUESTER = {"name": "นางสาวสมหญิง ใจดี", "position": "นักวิชาการสาธารณสุขชำนาญการ", "date": dt.date(2569, 10, 20)}
REQUESTER_YAML = "requester:\n  name: นางสาวสมหญิง ใจดี\n  position: นักวิชาการสาธารณสุขชำนาญการ\n  date: 2569-10-20\n"


def registry_text(keys: dict[str, Ed25519PrivateKey]) -> str:
    lines = [f"site_id: {SITE_ID}", "timezone: Asia/Bangkok", "people:"]
    for person, name, role in PEOPLE:
        public = signing.public_line(keys[person].public_key(), person)
        lines += [
            f"  - id: {person}",
            f"    name: {name}",
            "    roles:",
            f"      - {{role: {role}, from: 2569-01-01}}",
            "    keys:",
            f'      - {{key: "{public}", from: 2569-01-01}}',
        ]
    return "\n".join(lines) + "\n"


def mkdocs_yml(gate: bool) -> str:
    return MKDOCS_YML.format(
        exclude=EXCLUDE_DOCS if gate else "", gate=GATE_PLUGIN.format(site_id=SITE_ID) if gate else ""
    )


PHOTO, PDF = 200 * 1024, 1024 * 1024  # bytes of each post's attachments, when it has them


def _form(index: int, expired: bool, rng: random.Random, attach: bool) -> tuple[str, dict[str, Any], str]:
    """(front matter YAML without signoffs, the same as data, body) of post `index`."""
    topic, tags = TOPICS[index % len(TOPICS)]
    title = f"{topic} ฉบับที่ {index + 1}"
    category = CATEGORIES[index % len(CATEGORIES)]
    # The blog's `date` is the day of `publish_from` (Common Era, as the blog reads it); days
    # spread over many months give the archive and the blog index realistic sizes. `categories`
    # repeats the form's `category`, as the example's posts do: the build without the gate then
    # has the same category pages as the gated one (which would otherwise add them itself).
    if expired:
        day = dt.date(2026, 9, 1) + dt.timedelta(days=index % 30)
        until = dt.date(2569, 10, 31)
    else:
        day = dt.date(2025, 1, 1) + dt.timedelta(days=index % 600)
        until = dt.date(2579, 12, 31)
    start = day.replace(year=day.year + 543)
    meta: dict[str, Any] = {
        "title": title,
        "category": category,
        "categories": [category],
        "date": day,
        "publish_from": start,
        "publish_until": until,
        "tags": list(tags),
        "requester": dict(REQUESTER),
    }
    yaml_text = (
        f"title: {title}\ncategory: {category}\ncategories: [{category}]\ndate: {day.isoformat()}\n"
        f"publish_from: {start.isoformat()}\npublish_until: {until.isoformat()}\n"
        f"tags: [{', '.join(tags)}]\n{REQUESTER_YAML}"
    )
    paragraphs = [PARAGRAPHS[(index + k) % len(PARAGRAPHS)] for k in range(rng.randint(2, 4))]
    body = f"# {title}\n\n" + "\n\n".join(paragraphs) + f"\n\n## รายละเอียด\n\n- เลขที่ประกาศ {index + 1}/2569\n"
    if attach:
        folder = f"post-{index:05d}"
        body += f"\n![ภาพกิจกรรม]({folder}/photo.jpg)\n\n[ดาวน์โหลดประกาศ (PDF)]({folder}/notice.pdf)\n"
    return yaml_text, meta, body


def _attachments(docs: Path, index: int, rng: random.Random) -> list[tuple[str, str]]:
    """Write post `index`'s photo and PDF (random bytes); (name, SHA-256) as the digest binds them."""
    folder = docs / "news" / "posts" / f"post-{index:05d}"
    folder.mkdir()
    bound = []
    for name, size in (("photo.jpg", PHOTO), ("notice.pdf", PDF)):
        data = rng.randbytes(size)
        (folder / name).write_bytes(data)
        bound.append((f"{folder.name}/{name}", hashlib.sha256(data).hexdigest()))
    return bound


def _signed(post_path: str, digest: str, keys: dict[str, Ed25519PrivateKey], at: dt.datetime) -> list[dict[str, Any]]:
    """The chair's and the director's approving entries, made by make_entry."""
    entries: list[dict[str, Any]] = []
    chain: tuple[SignOff, ...] = ()
    for step, (person, _, role) in enumerate(PEOPLE):
        post = Post(path=post_path, digest=digest, signoffs=chain)
        decision = Decision(state=f"awaiting_{role}", waiting_for=role, chain=chain)
        moment = at + dt.timedelta(hours=step)
        entry = make_entry(
            post, decision, SETTINGS, role=role, signer=person, verdict="approve", reason=None, now=moment,
            key=keys[person],
        )  # fmt: skip
        entries.append(entry)
        at_text, key, sig = entry["at"] or "", entry["key"], entry["sig"]
        done = SignOff(
            index=step,
            role=role,
            signer=person,
            decision="approve",
            reason=None,
            digest=digest,
            at_text=at_text,
            at=moment,
            key=key,
            sig=sig,
        )
        chain = (*chain, done)
    return entries


def write_posts(
    docs: Path,
    keys: dict[str, Ed25519PrivateKey],
    count: int,
    *,
    expired: bool,
    start: int,
    rng: random.Random,
    attach_every: int = 0,
) -> list[str]:
    posts = docs / "news" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(start, start + count):
        post_path = f"news/posts/post-{index:05d}.md"
        attach = attach_every > 0 and index % attach_every == attach_every - 1
        yaml_text, meta, body = _form(index, expired, rng, attach)
        bound = _attachments(docs, index, rng) if attach else []
        digest = digest_of(meta, body, bound)
        sign_at = dt.datetime(2026, 8, 20, 3, 0, tzinfo=UTC) if expired else dt.datetime(2026, 10, 25, 3, tzinfo=UTC)
        entries = _signed(post_path, digest, keys, sign_at)
        unsigned = f"---\n{yaml_text}---\n\n{body}"
        lines = "".join(f"  - {entry_line(entry)}\n" for entry in entries)
        text = f"---\n{yaml_text}signoffs:\n{lines}---\n\n{body}"
        if index % 997 == start % 997:  # the fast path must equal the real one
            parsed = read_post_text(unsigned.encode())
            if digest_of(parsed.meta, parsed.body, bound) != digest:
                raise AssertionError(f"digest drift in {post_path}")
            slow = unsigned
            for entry in entries:
                slow = write_entry(slow, entry)
            if slow != text:
                raise AssertionError(f"write_entry drift in {post_path}")
        (docs / post_path).write_text(text, encoding="utf-8")
        written.append(post_path)
    return written


def generate(
    root: Path, live: int, expired: int = 0, *, gate: bool = True, attach_every: int = 10, seed: int = 2569
) -> list[str]:
    """A fresh site at `root` with `live` live and `expired` expired posts; returns the post paths.

    Every `attach_every`-th live post has a photo and a PDF (0: none has)."""
    if root.exists():
        shutil.rmtree(root)
    docs = root / "content"
    (docs / "news").mkdir(parents=True)
    (root / "pending" / "expired").mkdir(parents=True)
    keys = {person: Ed25519PrivateKey.generate() for person, _, _ in PEOPLE}
    (root / "approvers.yml").write_text(registry_text(keys), encoding="utf-8")
    (root / "mkdocs.yml").write_text(mkdocs_yml(gate), encoding="utf-8")
    (docs / "index.md").write_text("# หน้าแรก\n\nข่าวประชาสัมพันธ์และประกาศของสำนักงาน\n", encoding="utf-8")
    (docs / "news" / "index.md").write_text("# ข่าวประชาสัมพันธ์\n", encoding="utf-8")
    (docs / "tags.md").write_text("# ป้ายกำกับ\n\n<!-- material/tags -->\n", encoding="utf-8")
    rng = random.Random(seed)
    paths = write_posts(docs, keys, live, expired=False, start=0, rng=rng, attach_every=attach_every)
    paths += write_posts(docs, keys, expired, expired=True, start=live, rng=rng)
    return paths


def set_gate(root: Path, gate: bool) -> None:
    """Switch the same site between 'with the gate' and 'without it' (same pages)."""
    (root / "mkdocs.yml").write_text(mkdocs_yml(gate), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--live", type=int, default=1000)
    parser.add_argument("--expired", type=int, default=0)
    parser.add_argument("--attach-every", type=int, default=10, help="every Nth live post has a photo and a PDF")
    parser.add_argument("--no-gate", action="store_true")
    args = parser.parse_args()
    paths = generate(args.root, args.live, args.expired, gate=not args.no_gate, attach_every=args.attach_every)
    print(f"{len(paths)} posts in {args.root}")


if __name__ == "__main__":
    main()
