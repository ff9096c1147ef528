"""The post template `gate new` writes: every key of the request form, each with a Thai comment.

Placeholders fail clearly: the requester's name is left empty, so `gate check` says
"`requester.name` is missing" until the requester fills it in; the body holds only the
title and a comment, so `gate publish` refuses a post whose details were never written.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from collections.abc import Mapping

from .thaidates import BE_OFFSET

DEFAULT_PERIOD_DAYS = 30
PERIOD_DEFAULT_KEY = "default"
_FOLDER_PART_RE = re.compile(r"^[^\s/\\:*?\"<>|]+$")


def period_days(periods: Mapping[str, int], category: str | None) -> int:
    """Days a post of `category` stays up by default (plugin option `periods`)."""
    if category and category in periods:
        return periods[category]
    return periods.get(PERIOD_DEFAULT_KEY, DEFAULT_PERIOD_DAYS)


def be_date(day: dt.date) -> str:
    """2569-11-25: the ISO form with the Buddhist-Era year, which every date field accepts."""
    return f"{day.year + BE_OFFSET:04d}-{day.month:02d}-{day.day:02d}"


def post_path(folder: str, slug: str) -> str | None:
    """`folder/slug.md` as a post path, or None when `folder` leaves the pending folder."""
    parts = [part for part in folder.replace("\\", "/").split("/") if part not in ("", ".")]
    if folder.startswith(("/", "\\")) or any(part == ".." or not _FOLDER_PART_RE.match(part) for part in parts):
        return None
    return posixpath.join(*parts, f"{slug}.md") if parts else f"{slug}.md"


def _quoted(value: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: no quoting rule to get wrong.
    return json.dumps(value, ensure_ascii=False)


def render(
    title: str,
    *,
    today: dt.date,
    days: int,
    slug: str,
    category: str | None = None,
    agency: str | None = None,
    categories: tuple[str, ...] = (),
) -> str:
    """A new post: the form filled with what is known, today's date in BE, the period from `days`."""
    until = today + dt.timedelta(days=days - 1)  # publish_until is inclusive: `days` whole days
    allowed = f" ใช้หนึ่งใน: {', '.join(categories)}" if categories else ""
    lines = [
        "---",
        "# แบบขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน: กรอกให้ครบแล้วสั่ง `gate check` เพื่อตรวจ",
        "# วันที่เขียนเป็นปี พ.ศ. เช่น 2569-11-25, 25/11/2569 หรือ 25 พ.ย. 2569 (ช่อง date คำสั่ง gate เขียนให้)",
        f"title: {_quoted(title)}  # หัวข้อ (ต้องกรอก)",
        f"agency: {_quoted(agency or '')}  # ชื่อหน่วยงาน (เว้นว่างได้ถ้าเว็บไซต์ตั้งชื่อหน่วยงานไว้แล้ว)",
        "requester:  # ผู้รับผิดชอบการให้ข้อมูล",
        '  name: ""  # ชื่อ-นามสกุลของผู้ขอเผยแพร่ (ต้องกรอกก่อนส่งให้ประธานศูนย์ข้อมูลข่าวสารตรวจสอบ)',
        '  position: ""  # ตำแหน่ง (ไม่บังคับ)',
        f"  date: {be_date(today)}  # วัน/เดือน/ปี ที่ขอเผยแพร่ (พ.ศ.)",
        'external_link: ""  # Link ภายนอก (ไม่บังคับ ต้องขึ้นต้นด้วย https:// หรือ http://)',
        'remarks: ""  # หมายเหตุ (ไม่บังคับ)',
        f"category: {_quoted(category or '')}  # หมวดหมู่ (ไม่บังคับ){allowed}",
        f"publish_from: {be_date(today)}  # วันเริ่มเผยแพร่ (พ.ศ.)",
        f"publish_until: {be_date(until)}  # วันสุดท้ายที่เผยแพร่ (พ.ศ. เผยแพร่ถึงสิ้นวันนี้ รวม {days} วัน)",
        f"date: {today.isoformat()}  # gate เขียนให้: วันของ publish_from (แก้ publish_from แล้ว gate check บอกค่าใหม่)",
        "tags: []  # ป้ายกำกับ (ไม่บังคับ) เช่น [วัคซีน, ไข้หวัดใหญ่]",
        "# signoffs, published, taken_down: คำสั่ง gate เป็นผู้เขียน ห้ามแก้ไขเอง",
        "---",
        "",
        f"# {title}",
        "",
        f"<!-- รายละเอียดข้อมูล: เขียนเนื้อหาใต้บรรทัดนี้ ไฟล์แนบให้วางในโฟลเดอร์ {slug}/ ข้างไฟล์นี้"
        f" แล้วลิงก์เป็น [ชื่อเอกสาร]({slug}/ชื่อไฟล์.pdf) -->",
        "",
    ]
    return "\n".join(lines)
