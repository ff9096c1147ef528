"""Regenerate the example site's posts, registry and signatures.

Keys are made fresh in memory on every run and never written anywhere: the example
signatures verify against the public keys in approvers.yml, and nobody holds the
private halves (to try the workflow with keys of your own, run `make demo`).
Run from the repository root: `.venv/bin/python scripts/make_example.py`.

The example is shipped in the state a build at its reference instant leaves it
(EXAMPLE_EPOCH, 2026-11-25 17:00 in Bangkok, the Makefile's SOURCE_DATE_EPOCH for
`make build`): the script ends by running that build, which takes the expired post
down into pending/expired/ with its `taken_down` record. So `make build` on a fresh
clone changes no tracked file, whatever today's date is.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.core import signing
from approval_gate.core.decision import Settings, decide
from approval_gate.core.post import Rules, load_post
from approval_gate.core.registry import parse_registry
from approval_gate.core.signoff import make_entry, write_entry

ROOT = Path(__file__).resolve().parent.parent
SITE_ID = "pathumthani-health"
SETTINGS = Settings(site_id=SITE_ID)
RULES = Rules(default_agency="สำนักงานสาธารณสุขจังหวัดปทุมธานี")
UTC = dt.UTC
# The example's reference instant: 2026-11-25T10:00:00Z. Keep in step with the Makefile
# (EXAMPLE_EPOCH) and tests/conftest.py (EXAMPLE_NOW).
EXAMPLE_EPOCH = 1795600800

PEOPLE = {
    "somchai": ("นายสมชาย รักษ์ข้อมูล", "ประธานศูนย์ข้อมูลข่าวสาร สำนักงานสาธารณสุขจังหวัดปทุมธานี", "chair"),
    "wichai": ("นายแพทย์วิชัย ใจบุญ", "นายแพทย์สาธารณสุขจังหวัดปทุมธานี", "director"),
    "malee": ("นางมาลี ศรีสุข", "รองประธานศูนย์ข้อมูลข่าวสาร (ทำหน้าที่แทน)", "chair"),
}


def registry_text(keys: dict[str, Ed25519PrivateKey]) -> str:
    lines = [
        "# ทะเบียนผู้อนุมัติ (approvers registry). Changes need review: see README, 'How sign-offs are verified'.",
        f"site_id: {SITE_ID}",
        "timezone: Asia/Bangkok",
        "people:",
    ]
    for person, (name, position, role) in PEOPLE.items():
        public = signing.public_line(keys[person].public_key(), person)
        lines += [
            f"  - id: {person}",
            f"    name: {name}",
            f"    position: {position}",
            f"    email: {person}@pathumthani-health.example",  # where `gate notify` writes (RFC 2606 domain)
            "    roles:",
            f"      - {{role: {role}, from: 2569-09-01}}",
            "    keys:",
            f'      - {{key: "{public}", from: 2569-09-01}}',
        ]
    return "\n".join(lines) + "\n"


def post_text(**form: str) -> str:
    body = form.pop("body")
    head = "\n".join(f"{key}: {value}" for key, value in form.items())
    return f"---\n{head}\n---\n\n{textwrap.dedent(body).strip()}\n"


def sign(
    path: Path,
    post_path: str,
    keys: dict[str, Ed25519PrivateKey],
    steps: list[tuple[str, str, str | None, dt.datetime]],
) -> None:
    registry = parse_registry((ROOT / "approvers.yml").read_text(encoding="utf-8"), SETTINGS.roles)
    for signer, verdict, reason, at in steps:
        text = path.read_text(encoding="utf-8")
        post = load_post(text.encode(), post_path, RULES)
        decision = decide(post, registry, SETTINGS, at)
        role = decision.waiting_for or "chair"
        entry = make_entry(
            post, decision, SETTINGS, role=role, signer=signer, verdict=verdict, reason=reason, now=at, key=keys[signer]
        )
        path.write_text(write_entry(text, entry), encoding="utf-8")


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=UTC)


COMMON = {
    "requester": "\n  name: นางสาวสมหญิง ใจดี\n  position: นักวิชาการสาธารณสุขชำนาญการ\n  date: 2569-11-10",
}
APPROVED = [
    ("somchai", "approve", None, at("2026-11-12T03:15:00")),
    ("wichai", "approve", None, at("2026-11-12T08:40:00")),
]

POSTS: list[tuple[str, str, dict[str, str], list[tuple[str, str, str | None, dt.datetime]]]] = [
    (
        "content",
        "news/posts/flu-vaccine-2569.md",
        {
            "title": "ขอเชิญชวนประชาชนฉีดวัคซีนป้องกันไข้หวัดใหญ่ ประจำปี 2569",
            "agency": "กลุ่มงานควบคุมโรคติดต่อ สำนักงานสาธารณสุขจังหวัดปทุมธานี",
            "category": "ข่าวประชาสัมพันธ์",
            "date": "2026-11-13",
            "publish_from": "2569-11-13",
            "publish_until": "2579-12-31",
            "external_link": "https://ddc.moph.go.th/",
            "remarks": "เผยแพร่ตลอดฤดูไข้หวัดใหญ่",
            "tags": "[วัคซีน, ไข้หวัดใหญ่]",
            "body": """
            # ขอเชิญชวนประชาชนฉีดวัคซีนป้องกันไข้หวัดใหญ่ ประจำปี 2569

            สำนักงานสาธารณสุขจังหวัดปทุมธานี ขอเชิญชวนกลุ่มเสี่ยง ได้แก่ ผู้สูงอายุ 65 ปีขึ้นไป
            หญิงตั้งครรภ์ เด็กเล็กอายุ 6 เดือนถึง 2 ปี และผู้ป่วยโรคเรื้อรัง
            รับวัคซีนป้องกันโรคไข้หวัดใหญ่ฟรี ณ โรงพยาบาลส่งเสริมสุขภาพตำบลใกล้บ้าน

            ## สถานที่รับบริการ

            - โรงพยาบาลปทุมธานี
            - โรงพยาบาลส่งเสริมสุขภาพตำบลทุกแห่ง
            """,
        },
        APPROVED,
    ),
    (
        "content",
        "news/posts/เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน.md",
        {
            "title": "เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน",
            "agency": "กลุ่มงานควบคุมโรคติดต่อ สำนักงานสาธารณสุขจังหวัดปทุมธานี",
            "category": "ข่าวประชาสัมพันธ์",
            "date": "2026-11-14",
            "publish_from": "14/11/2569",
            "publish_until": "31 ธ.ค. 2579",
            "tags": "[ไข้เลือดออก, ยุงลาย]",
            "body": """
            # เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน

            ขอให้ประชาชนช่วยกันกำจัดแหล่งเพาะพันธุ์ยุงลายตามหลัก **3 เก็บ ป้องกัน 3 โรค**
            คือ เก็บบ้าน เก็บขยะ และเก็บน้ำ เพื่อป้องกันโรคไข้เลือดออก โรคไข้ซิกา และโรคไข้ปวดข้อยุงลาย

            หากมีไข้สูงลอย 2 วันขึ้นไป ให้รีบพบแพทย์ทันที ห้ามซื้อยาแก้ปวดกลุ่มเอ็นเสด (NSAIDs) รับประทานเอง
            """,
        },
        APPROVED,
    ),
    (
        "content",
        "news/posts/ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง-ประจำปีงบประมาณ-พศ-๒๕๗๐.md",
        {
            "title": "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
            "agency": "กลุ่มงานบริหารทั่วไป สำนักงานสาธารณสุขจังหวัดปทุมธานี",
            "category": "จัดซื้อจัดจ้าง",
            "date": "2026-11-15",
            "publish_from": "๑๕ พฤศจิกายน ๒๕๖๙",
            "publish_until": "30/09/2580",
            "tags": "[จัดซื้อจัดจ้าง]",
            "body": """
            # ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๗๐

            สำนักงานสาธารณสุขจังหวัดปทุมธานี ขอเผยแพร่แผนการจัดซื้อจัดจ้าง
            ประจำปีงบประมาณ พ.ศ. 2570 ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560

            | ลำดับ | รายการ | วงเงิน (บาท) |
            | --- | --- | --- |
            | 1 | รถพยาบาลฉุกเฉิน 1 คัน | 2,500,000 |
            | 2 | เครื่องกระตุกหัวใจไฟฟ้าอัตโนมัติ (AED) 10 เครื่อง | 1,200,000 |
            """,
        },
        APPROVED,
    ),
    (
        "content",
        "news/posts/world-diabetes-day-2580.md",
        {
            "title": "ขอเชิญร่วมกิจกรรมวันเบาหวานโลก ปี 2580",
            "category": "ข่าวประชาสัมพันธ์",
            "date": "2037-11-01",
            "publish_from": "1 พ.ย. 2580",
            "publish_until": "30 พ.ย. 2580",
            "body": """
            # ขอเชิญร่วมกิจกรรมวันเบาหวานโลก ปี 2580

            ตรวจวัดระดับน้ำตาลในเลือดฟรี ณ ลานกิจกรรมศาลากลางจังหวัดปทุมธานี
            """,
        },
        APPROVED,
    ),
    (
        "content",
        "news/posts/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙.md",
        {
            "title": "บริการฉีดวัคซีนโควิด 19 เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ ตลอดเดือนตุลาคม ๒๕๖๙",
            "agency": "กลุ่มงานควบคุมโรคติดต่อ สำนักงานสาธารณสุขจังหวัดปทุมธานี",
            "category": "ข่าวประชาสัมพันธ์",
            "date": "2026-10-01",
            "publish_from": "2569-10-01",
            "publish_until": "2569-10-31",
            "requested": "2569-09-20",
            "body": """
            # บริการฉีดวัคซีนโควิด 19 เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ ตลอดเดือนตุลาคม ๒๕๖๙

            เปิดให้บริการทุกวันอังคารและพฤหัสบดี ตลอดเดือนตุลาคม 2569
            """,
        },
        [
            ("somchai", "approve", None, at("2026-09-25T02:00:00")),
            ("wichai", "approve", None, at("2026-09-26T04:00:00")),
        ],
    ),
    (
        "pending",
        "news/posts/คำแนะนำการดูแลสุขภาพช่วงฝุ่น-pm25-สูง.md",
        {
            "title": "คำแนะนำการดูแลสุขภาพช่วงฝุ่น PM2.5 สูง",
            "category": "ข่าวประชาสัมพันธ์",
            "date": "2026-12-01",
            "publish_from": "2569-12-01",
            "publish_until": "2570-03-31",
            "body": """
            # คำแนะนำการดูแลสุขภาพช่วงฝุ่น PM2.5 สูง

            หลีกเลี่ยงกิจกรรมกลางแจ้ง สวมหน้ากาก N95 เมื่อออกนอกอาคาร
            """,
        },
        [],
    ),
    (
        "pending",
        "news/posts/blood-donation-drive.md",
        {
            "title": "ขอเชิญร่วมบริจาคโลหิต เนื่องในวันพ่อแห่งชาติ",
            "category": "ข่าวประชาสัมพันธ์",
            "date": "2026-12-01",
            "publish_from": "2569-12-01",
            "publish_until": "2569-12-10",
            "body": """
            # ขอเชิญร่วมบริจาคโลหิต เนื่องในวันพ่อแห่งชาติ

            ณ ห้องประชุมสำนักงานสาธารณสุขจังหวัดปทุมธานี ชั้น 2 เวลา 08.30 - 15.30 น.
            """,
        },
        [("somchai", "approve", None, at("2026-11-20T02:00:00"))],
    ),
    (
        "pending",
        "news/posts/สมุนไพรรักษาโรคเบาหวานให้หายขาด.md",
        {
            "title": "สมุนไพรรักษาโรคเบาหวานให้หายขาด",
            "category": "ข่าวประชาสัมพันธ์",
            "date": "2026-12-01",
            "publish_from": "2569-12-01",
            "publish_until": "2570-01-31",
            "body": """
            # สมุนไพรรักษาโรคเบาหวานให้หายขาด

            สมุนไพรชนิดนี้รักษาโรคเบาหวานได้หายขาดภายใน 7 วัน
            """,
        },
        [
            (
                "somchai",
                "reject",
                "ข้อความอ้างสรรพคุณเกินจริง ขัดกับแนวทางของกรมการแพทย์แผนไทย ให้แก้ไขโดยอ้างอิงแหล่งข้อมูลทางวิชาการ",
                at("2026-11-21T03:00:00"),
            )
        ],
    ),
    (
        "pending",
        "news/posts/clinic-hours-change.md",
        {
            "title": "แจ้งเปลี่ยนแปลงเวลาให้บริการคลินิกนอกเวลา",
            "category": "ประกาศ",
            "date": "2026-12-01",
            "publish_from": "2569-12-01",
            "publish_until": "2570-12-31",
            "body": """
            # แจ้งเปลี่ยนแปลงเวลาให้บริการคลินิกนอกเวลา

            ตั้งแต่วันที่ 1 ธันวาคม 2569 คลินิกนอกเวลาเปิดให้บริการเวลา 16.30 - 20.00 น.
            """,
        },
        APPROVED,
    ),
    (
        "pending",
        "news/posts/rabies-vaccine-campaign.md",
        {
            "title": "รณรงค์ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้าในสุนัขและแมว",
            "category": "ข่าวประชาสัมพันธ์",
            "date": "2026-12-05",
            "publish_from": "2569-12-05",
            "publish_until": "2570-02-28",
            "body": """
            # รณรงค์ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้าในสุนัขและแมว

            นำสุนัขและแมวอายุ 2 เดือนขึ้นไปมารับวัคซีนฟรี ณ ที่ทำการองค์การบริหารส่วนตำบลทุกแห่ง
            """,
        },
        [],
    ),
]


POLICY = {
    "agency": "กลุ่มงานบริหารทั่วไป สำนักงานสาธารณสุขจังหวัดปทุมธานี",
    "publish_from": "2569-11-01",
    "publish_until": "2579-12-31",
    "requested": "2569-10-20",
}
POLICY_SIGNED = [
    ("somchai", "approve", None, at("2026-10-22T03:00:00")),
    ("wichai", "approve", None, at("2026-10-23T04:00:00")),
]
# The site policies are posts like any other: a request form, two sign-offs, a window.
POSTS += [
    (
        "content",
        "policies/website-policy.md",
        {
            "title": "นโยบายเว็บไซต์",
            **POLICY,
            "body": """
            # นโยบายเว็บไซต์

            เว็บไซต์นี้เผยแพร่ข่าวประชาสัมพันธ์ ประกาศ และข้อมูลการจัดซื้อจัดจ้างของสำนักงานสาธารณสุขจังหวัดปทุมธานี
            ทุกรายการผ่านการกรอกแบบขออนุญาตเผยแพร่ข้อมูล การตรวจสอบของประธานศูนย์ข้อมูลข่าวสาร
            และการอนุมัติของนายแพทย์สาธารณสุขจังหวัด ตามแนวทางการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน

            ## ระยะเวลาเผยแพร่

            ข้อมูลแต่ละรายการมีวันเริ่มและวันสิ้นสุดการเผยแพร่ เมื่อสิ้นสุดระยะเวลา ระบบจะนำข้อมูลลงโดยอัตโนมัติ
            และแสดงประกาศแจ้งไว้ที่ที่อยู่เดิม แบบขออนุญาตของทุกรายการดูได้ที่ทะเบียนการเผยแพร่ข้อมูล

            ## การใช้ข้อมูลบนเว็บไซต์

            ท่านนำข้อมูลบนเว็บไซต์ไปใช้ได้โดยอ้างอิงแหล่งที่มา เว็บไซต์ไม่ใช้คุกกี้ติดตามผู้ใช้
            และไม่โหลดแบบอักษรหรือสคริปต์จากเว็บไซต์อื่น
            """,
        },
        POLICY_SIGNED,
    ),
    (
        "content",
        "policies/privacy-policy.md",
        {
            "title": "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
            **POLICY,
            "body": """
            # นโยบายคุ้มครองข้อมูลส่วนบุคคล

            สำนักงานสาธารณสุขจังหวัดปทุมธานีเคารพสิทธิความเป็นส่วนตัวของผู้ใช้บริการ
            ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562

            ## ข้อมูลที่เก็บ

            เว็บไซต์นี้ไม่มีแบบฟอร์มให้กรอกข้อมูลส่วนบุคคล และไม่ใช้คุกกี้ติดตามผู้ใช้
            บันทึกการเข้าถึงของเครื่องแม่ข่ายเก็บไว้เพื่อความมั่นคงปลอดภัยของระบบเท่านั้น

            ## ข้อมูลในแบบขออนุญาตเผยแพร่

            แบบขออนุญาตเผยแพร่ข้อมูลในทะเบียนการเผยแพร่ข้อมูลแสดงชื่อและตำแหน่งของเจ้าหน้าที่ผู้ขอ ผู้ตรวจสอบ
            และผู้อนุมัติ ซึ่งเป็นข้อมูลการปฏิบัติหน้าที่ที่หน่วยงานต้องเปิดเผยตามแนวทางการประเมินคุณธรรมและความโปร่งใส

            ## ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล

            ติดต่อได้ตามช่องทางในหน้าติดต่อเรา
            """,
        },
        POLICY_SIGNED,
    ),
    (
        "content",
        "policies/contact.md",
        {
            "title": "ติดต่อเรา",
            **POLICY,
            "body": """
            # ติดต่อเรา

            **สำนักงานสาธารณสุขจังหวัดปทุมธานี**

            99 หมู่ 1 ถนนปทุมธานี-ลาดหลุมแก้ว ตำบลบางพูด อำเภอเมืองปทุมธานี จังหวัดปทุมธานี 12000

            - โทรศัพท์ 0 2000 0000
            - อีเมล info@example.go.th
            - เวลาทำการ วันจันทร์ถึงวันศุกร์ เวลา 08.30 - 16.30 น. เว้นวันหยุดราชการ

            ## ศูนย์ข้อมูลข่าวสาร

            ขอดูข้อมูลข่าวสารของราชการได้ที่ศูนย์ข้อมูลข่าวสาร ชั้น 1 ในเวลาทำการ
            """,
        },
        POLICY_SIGNED,
    ),
]


def main() -> None:
    keys = {person: Ed25519PrivateKey.generate() for person in PEOPLE}
    (ROOT / "approvers.yml").write_text(registry_text(keys), encoding="utf-8")
    for place, post_path, form, steps in POSTS:
        target = ROOT / place / post_path
        target.parent.mkdir(parents=True, exist_ok=True)
        requester = COMMON["requester"].replace("2569-11-10", form.pop("requested", "2569-11-10"))
        fields = {"title": form["title"]}
        fields.update({k: v for k, v in form.items() if k not in ("title", "body")})
        if post_path.startswith("news/posts/") and "category" in form:
            fields["categories"] = f"[{form['category']}]"  # the blog's category pages
        fields["requester"] = requester
        target.write_text(post_text(**fields, body=form["body"]), encoding="utf-8")
        sign(target, post_path, keys, steps)
    # Approved, then edited: the old sign-offs become history and the chain starts again.
    edited = ROOT / "pending/news/posts/clinic-hours-change.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("20.00 น.", "21.00 น."), encoding="utf-8")
    # Invalid: someone typed the sign-offs by hand instead of signing them.
    forged = ROOT / "pending/news/posts/rabies-vaccine-campaign.md"
    text = forged.read_text(encoding="utf-8")
    digest = load_post(text.encode(), "news/posts/rabies-vaccine-campaign.md", RULES).digest
    for signer, role in (("somchai", "chair"), ("wichai", "director")):
        entry = {
            "role": role,
            "signer": signer,
            "decision": "approve",
            "reason": None,
            "digest": digest,
            "at": "2026-11-22T02:00:00Z",
        }
        text = write_entry(text, entry)
    forged.write_text(text, encoding="utf-8")
    build_at_reference_instant()


def build_at_reference_instant() -> None:
    """Build once at EXAMPLE_EPOCH, as `make build` does: expired posts are taken down."""
    for stale in (ROOT / "pending" / "expired").rglob("*.md"):
        stale.unlink()  # a previous run's take-downs: the build below records them anew
    # The sign-offs are new: the build below records when it first saw them.
    (ROOT / "signoffs-seen.json").unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(EXAMPLE_EPOCH), "NO_MKDOCS_2_WARNING": "1"}
        env.pop("CI", None)
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", out],
            cwd=ROOT,
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
