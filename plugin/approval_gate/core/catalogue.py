"""Message texts: code -> (English, Thai). Placeholders are filled by `messages.message`.

Each text says what is wrong, where (`{key}`), and what to do.

Long by nature: it is data, one entry per message, and one file keeps every Thai text where
a translator reads it in one place (docs/design.md says why it is not a gettext catalogue).
"""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # --- reading the file ---------------------------------------------------
    "post_too_large": (
        "the post is larger than 2 MiB ({detail} bytes); move large material to attachments",
        "ไฟล์โพสต์ใหญ่เกิน 2 MiB ({detail} ไบต์) ให้ย้ายเนื้อหาขนาดใหญ่ไปเป็นไฟล์แนบ",
    ),
    "not_utf8": (
        "the file is not valid UTF-8 ({detail}); save it as UTF-8",
        "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 ({detail}) ให้บันทึกไฟล์ใหม่เป็น UTF-8",
    ),
    "no_front_matter": (
        "no front matter found: the file must start with a line '---' (no blank line or spaces before it), "
        "then the request form, then a closing '---'",
        "ไม่พบส่วนแบบฟอร์ม (front matter): บรรทัดแรกของไฟล์ต้องเป็น '---' (ห้ามมีบรรทัดว่างหรือช่องว่างก่อน) "
        "ตามด้วยข้อมูลแบบฟอร์ม แล้วปิดด้วย '---'",
    ),
    "front_matter_too_large": (
        "the front matter is larger than 64 KiB; keep the form short and put details in the body",
        "ส่วนแบบฟอร์มใหญ่เกิน 64 KiB ให้ย่อข้อมูลแบบฟอร์มและย้ายรายละเอียดไปไว้ในเนื้อหา",
    ),
    "bidi_control": (
        "`{key}` (line {line}) contains an invisible text-direction control character; delete it and retype the text",
        "ช่อง `{key}` (บรรทัด {line}) มีอักขระควบคุมทิศทางข้อความที่มองไม่เห็น ให้ลบแล้วพิมพ์ข้อความใหม่",
    ),
    "front_matter_not_mapping": (
        "the front matter is not a list of 'key: value' lines; write it as in `gate new`",
        "ส่วนแบบฟอร์มไม่อยู่ในรูปแบบ 'ชื่อช่อง: ค่า' ให้เขียนตามแบบที่ได้จาก `gate new`",
    ),
    "yaml_syntax": (
        "`{key}` (line {line}) is not valid YAML: {detail}; check quotes, colons and indentation",
        "ช่อง `{key}` (บรรทัด {line}) เขียนผิดรูปแบบ YAML: {detail} ให้ตรวจเครื่องหมายคำพูด เครื่องหมาย : และการย่อหน้า",
    ),
    "yaml_duplicate": (
        "`{key}` appears twice (line {line}); keep only one",
        "ช่อง `{key}` ซ้ำกันสองครั้ง (บรรทัด {line}) ให้เหลือไว้เพียงช่องเดียว",
    ),
    "yaml_alias": (
        "`{key}` (line {line}) uses a YAML anchor or alias (& or *); write the value out in full",
        "ช่อง `{key}` (บรรทัด {line}) ใช้ anchor หรือ alias ของ YAML (& หรือ *) ให้เขียนค่าเต็มแทน",
    ),
    "yaml_merge": (
        "`{key}` (line {line}) uses a YAML merge key (<<); write the keys out in full",
        "ช่อง `{key}` (บรรทัด {line}) ใช้คีย์ผสาน (<<) ของ YAML ให้เขียนแต่ละช่องให้ครบแทน",
    ),
    "yaml_tag": (
        "`{key}` (line {line}) uses a YAML tag ({detail}); remove it and write a plain value",
        "ช่อง `{key}` (บรรทัด {line}) ใช้แท็ก YAML ({detail}) ให้ลบออกและเขียนค่าธรรมดา",
    ),
    "yaml_float": (
        "`{key}` (line {line}) has a decimal number ({detail}); put it in quotes if it is text",
        "ช่อง `{key}` (บรรทัด {line}) มีเลขทศนิยม ({detail}) หากเป็นข้อความให้ใส่เครื่องหมายคำพูดครอบ",
    ),
    "yaml_key_type": (
        "`{key}` (line {line}) is a key that is not text ({detail}); keys must be plain names",
        "`{key}` (บรรทัด {line}) เป็นชื่อช่องที่ไม่ใช่ข้อความ ({detail}) ชื่อช่องต้องเป็นคำธรรมดา",
    ),
    # --- the form -----------------------------------------------------------
    "missing_key": ("`{key}` is missing; fill it in", "ยังไม่ได้กรอกช่อง `{key}` ให้กรอกให้ครบ"),
    "not_text": ("`{key}` must be text", "ช่อง `{key}` ต้องเป็นข้อความ"),
    "not_text_list": ("`{key}` must be a list of words", "ช่อง `{key}` ต้องเป็นรายการคำ"),
    "html_in_field": (
        "`{key}` contains '<' or '>'; write plain text without HTML",
        "ช่อง `{key}` มีอักขระ '<' หรือ '>' ให้เขียนเป็นข้อความธรรมดาโดยไม่มี HTML",
    ),
    "requester_shape": (
        "`{key}` must have `name`, `date` and optionally `position` on indented lines",
        "ช่อง `{key}` ต้องมี `name` `date` และ `position` (ถ้ามี) ในบรรทัดย่อหน้าถัดไป",
    ),
    "unknown_subkey": ("`{key}` is not a known field; remove it", "`{key}` ไม่ใช่ช่องที่รู้จัก ให้ลบออก"),
    "refused_key": (
        "`{key}` is not allowed in a gated post; remove it (the gate decides what is published)",
        "ห้ามใช้ช่อง `{key}` ในโพสต์ที่ต้องอนุมัติ ให้ลบออก (ระบบเป็นผู้ตัดสินว่าจะเผยแพร่หรือไม่)",
    ),
    "bad_link": (
        "`{key}` is not an http(s) link: {value}; write a full address starting with https://",
        "ช่อง `{key}` ไม่ใช่ลิงก์ http(s): {value} ให้เขียนที่อยู่เต็มที่ขึ้นต้นด้วย https://",
    ),
    "bad_category": (
        "`{key}` '{value}' is not a configured category; use one of: {allowed}",
        "หมวดหมู่ `{key}` '{value}' ไม่อยู่ในรายการที่กำหนด ให้ใช้หนึ่งใน: {allowed}",
    ),
    "blog_date_be": (
        "`{key}` {value} is read by the blog as a Common-Era year; write it in CE (e.g. 2026-11-26) or remove it",
        "ช่อง `{key}` {value} บล็อกจะอ่านเป็นปี ค.ศ. ให้เขียนเป็น ค.ศ. (เช่น 2026-11-26) หรือลบออก",
    ),
    "record_shape": (
        "`{key}` is written by `gate` and is damaged; restore it from version control",
        "ช่อง `{key}` เขียนโดยคำสั่ง `gate` และเสียหาย ให้กู้คืนจากระบบควบคุมเวอร์ชัน",
    ),
    # --- dates --------------------------------------------------------------
    "date_unreadable": (
        "`{key}` '{value}' is not a date; write e.g. 2569-11-26, 26/11/2569 or 26 พ.ย. 2569",
        "ช่อง `{key}` '{value}' ไม่ใช่วันที่ ให้เขียน เช่น 2569-11-26, 26/11/2569 หรือ 26 พ.ย. 2569",
    ),
    "date_month": (
        "`{key}` '{value}' has an unknown month; write e.g. 26 พ.ย. 2569",
        "ช่อง `{key}` '{value}' มีชื่อเดือนที่ไม่รู้จัก ให้เขียน เช่น 26 พ.ย. 2569",
    ),
    "date_year": (
        "`{key}` '{value}' has an implausible year; write the Buddhist-Era year, e.g. 2569",
        "ช่อง `{key}` '{value}' มีปีที่ไม่น่าจะถูกต้อง ให้เขียนปี พ.ศ. เช่น 2569",
    ),
    "window_order": (
        "`{key}` is not after `publish_from`; the period must end after it starts",
        "ช่อง `{key}` ไม่อยู่หลัง `publish_from` วันสิ้นสุดการเผยแพร่ต้องอยู่หลังวันเริ่ม",
    ),
    # --- sign-off entries ---------------------------------------------------
    "signoffs_shape": (
        "`{key}` is damaged (not a list); restore it from version control",
        "ช่อง `{key}` เสียหาย (ไม่ใช่รายการ) ให้กู้คืนจากระบบควบคุมเวอร์ชัน",
    ),
    "signoff_shape": (
        "`{key}` is damaged (not a mapping); restore it from version control",
        "`{key}` เสียหาย ให้กู้คืนจากระบบควบคุมเวอร์ชัน",
    ),
    "signoff_field_type": (
        "`{key}` must be text; sign-offs are written by `gate`, never by hand",
        "`{key}` ต้องเป็นข้อความ การลงนามต้องเขียนด้วยคำสั่ง `gate` เท่านั้น",
    ),
    "signoff_digest": (
        "`{key}` is not a sha256 digest; sign-offs are written by `gate`, never by hand",
        "`{key}` ไม่ใช่ค่า sha256 การลงนามต้องเขียนด้วยคำสั่ง `gate` เท่านั้น",
    ),
    "signoff_decision": (
        "`{key}` must be approve or reject; sign-offs are written by `gate`, never by hand",
        "`{key}` ต้องเป็น approve หรือ reject การลงนามต้องเขียนด้วยคำสั่ง `gate` เท่านั้น",
    ),
    "signoff_reason": (
        "`{key}`: a refusal needs a reason; refuse again with `gate reject --reason`",
        "`{key}`: การไม่อนุมัติต้องระบุเหตุผล ให้ใช้ `gate reject --reason` อีกครั้ง",
    ),
    "signoff_at": (
        "`{key}` '{value}' is not a UTC time YYYY-MM-DDTHH:MM:SSZ; sign-offs are written by `gate`, never by hand",
        "`{key}` '{value}' ไม่ใช่เวลา UTC แบบ YYYY-MM-DDTHH:MM:SSZ การลงนามต้องเขียนด้วยคำสั่ง `gate` เท่านั้น",
    ),
    "signoff_future": (
        "`{key}` {value} is in the future; check the signer's clock and sign again",
        "`{key}` {value} เป็นเวลาในอนาคต ให้ตรวจนาฬิกาเครื่องของผู้ลงนามแล้วลงนามใหม่",
    ),
    "signoff_order": (
        "`{key}` is a {role} sign-off where the chain expects {expected}; entries are out of order or duplicated",
        "`{key}` เป็นการลงนามของ {role} แต่ลำดับต้องเป็น {expected} รายการลงนามสลับลำดับหรือซ้ำ",
    ),
    "signoff_time_order": (
        "`{key}` is earlier than the previous sign-off; the director signs after the chair",
        "`{key}` ลงนามก่อนขั้นก่อนหน้า ผู้อนุมัติต้องลงนามหลังผู้ตรวจสอบ",
    ),
    "signoff_after_refusal": (
        "`{key}` follows a refusal on the same text; the author must revise the post first",
        "`{key}` ลงนามต่อจากการไม่อนุมัติในเนื้อหาเดียวกัน ผู้ขอต้องแก้ไขโพสต์ก่อน",
    ),
    "same_person": (
        "`{key}`: {signer} already signed as {role}; chair and director must be different people",
        "`{key}`: {signer} ลงนามในฐานะ {role} แล้ว ผู้ตรวจสอบและผู้อนุมัติต้องเป็นคนละคน",
    ),
    "signer_unknown": (
        "`{key}` {signer} is not in the approvers registry; add them with `gate registry add-person`",
        "`{key}` {signer} ไม่อยู่ในทะเบียนผู้อนุมัติ ให้เพิ่มด้วย `gate registry add-person`",
    ),
    "role_not_held": (
        "`{key}`: {signer} did not hold the role {role} at that time; check approvers.yml",
        "`{key}`: {signer} ไม่ได้ดำรงบทบาท {role} ในเวลานั้น ให้ตรวจ approvers.yml",
    ),
    "signature_missing": (
        "`{key}` has no signature; sign with `gate approve` or `gate reject`",
        "`{key}` ไม่มีลายมือชื่อดิจิทัล ให้ลงนามด้วย `gate approve` หรือ `gate reject`",
    ),
    "signature_bad": (
        "`{key}` does not verify: the post, its path or the entry changed after signing; sign again",
        "`{key}` ตรวจสอบไม่ผ่าน: โพสต์ ตำแหน่งไฟล์ หรือรายการลงนามถูกแก้ไขหลังลงนาม ให้ลงนามใหม่",
    ),
    "key_unknown": (
        "`{key}` {fingerprint} is not in the approvers registry; add it with `gate registry add-key`",
        "`{key}` กุญแจ {fingerprint} ไม่อยู่ในทะเบียนผู้อนุมัติ ให้เพิ่มด้วย `gate registry add-key`",
    ),
    "key_not_signers": (
        "`{key}` belongs to {owner}, not to {signer}; each person signs with their own key",
        "`{key}` เป็นกุญแจของ {owner} ไม่ใช่ของ {signer} แต่ละคนต้องลงนามด้วยกุญแจของตนเอง",
    ),
    "key_revoked": (
        "`{key}` was revoked, which voids every signature it made; the signer must sign again with a new key",
        "`{key}` ถูกเพิกถอนแล้ว ลายมือชื่อทั้งหมดจากกุญแจนี้ใช้ไม่ได้ ผู้ลงนามต้องลงนามใหม่ด้วยกุญแจใหม่",
    ),
    "key_not_valid_at": (
        "`{key}` was not valid at {at}; sign again with a current key",
        "`{key}` ไม่อยู่ในช่วงใช้งาน ณ {at} ให้ลงนามใหม่ด้วยกุญแจปัจจุบัน",
    ),
    "registry_missing_for_check": (
        "`{key}` cannot be checked: the approvers registry could not be read; fix approvers.yml",
        "ตรวจสอบ `{key}` ไม่ได้เพราะอ่านทะเบียนผู้อนุมัติไม่ได้ ให้แก้ไข approvers.yml",
    ),
    # --- states -------------------------------------------------------------
    "window_ended": ("the publication period has ended", "สิ้นสุดระยะเวลาการเผยแพร่แล้ว"),
    "not_yet_open": ("the publication period has not started yet", "ยังไม่ถึงวันเริ่มเผยแพร่"),
    "awaiting": ("waiting for the {role}'s sign-off", "รอการลงนามของ{role}"),
    "revised": ("revised after a refusal; the chain starts again", "แก้ไขแล้วหลังไม่อนุมัติ เริ่มขั้นตอนลงนามใหม่"),
    "changed_after_signoff": (
        "the post changed after it was signed off; earlier sign-offs no longer count",
        "โพสต์ถูกแก้ไขหลังการลงนาม การลงนามเดิมจึงไม่มีผล ต้องลงนามใหม่",
    ),
    "refused": ("refused by {signer} ({role}): {reason}", "ไม่อนุมัติโดย {signer} ({role}): {reason}"),
    "state_live": ("live", "เผยแพร่อยู่"),
    "state_scheduled": ("scheduled", "รอถึงวันเผยแพร่"),
    "state_expired": ("expired", "สิ้นสุดการเผยแพร่"),
    "state_rejected": ("refused", "ไม่อนุมัติ"),
    "state_invalid": ("invalid", "ไม่ถูกต้อง"),
    "state_awaiting_chair": ("awaiting the chair", "รอประธานศูนย์ข้อมูลข่าวสารตรวจสอบ"),
    "state_awaiting_director": ("awaiting the director", "รอนายแพทย์สาธารณสุขจังหวัดอนุมัติ"),
    "role_chair": ("chair of the information centre", "ประธานศูนย์ข้อมูลข่าวสาร"),
    "role_director": ("provincial chief medical officer", "นายแพทย์สาธารณสุขจังหวัด"),
    # --- registry -----------------------------------------------------------
    "registry_unreadable": (
        "the approvers registry {path} cannot be read ({detail}); nothing gated is published until it is fixed",
        "อ่านทะเบียนผู้อนุมัติ {path} ไม่ได้ ({detail}) จะไม่เผยแพร่โพสต์ใดจนกว่าจะแก้ไข",
    ),
    "registry_yaml": ("`{key}`: {detail}; fix the YAML", "`{key}`: {detail} ให้แก้ไขรูปแบบ YAML"),
    "registry_shape": ("`{key}` has the wrong shape; see the README", "`{key}` มีรูปแบบไม่ถูกต้อง ดู README"),
    "registry_unknown_key": ("`{key}` is not a known field; remove it", "`{key}` ไม่ใช่ช่องที่รู้จัก ให้ลบออก"),
    "registry_missing": ("`{key}` is missing; fill it in", "ยังไม่ได้กรอก `{key}`"),
    "registry_timezone": (
        "`{key}` '{detail}' is not a time zone; write e.g. Asia/Bangkok",
        "`{key}` '{detail}' ไม่ใช่เขตเวลา ให้เขียน เช่น Asia/Bangkok",
    ),
    "registry_id": (
        "`{key}` '{detail}' must be lower-case letters, digits, '.', '_' or '-'",
        "`{key}` '{detail}' ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข '.' '_' หรือ '-'",
    ),
    "registry_duplicate_person": ("`{key}` '{detail}' is listed twice", "`{key}` '{detail}' ซ้ำกัน"),
    "registry_role": (
        "`{key}` '{detail}' is not a configured role",
        "`{key}` '{detail}' ไม่ใช่บทบาทที่กำหนดไว้",
    ),
    "registry_key": (
        "`{key}` is not an ssh-ed25519 public key ({detail})",
        "`{key}` ไม่ใช่กุญแจสาธารณะ ssh-ed25519 ({detail})",
    ),
    "registry_key_shared": (
        "`{key}` is already listed under {detail}; a key belongs to one person only",
        "`{key}` อยู่ในรายชื่อของ {detail} แล้ว กุญแจหนึ่งดอกเป็นของคนเดียวเท่านั้น",
    ),
    "registry_date": ("`{key}` '{detail}' is not a date", "`{key}` '{detail}' ไม่ใช่วันที่"),
    # --- the plugin -----------------------------------------------------------
    "plugin_disabled": (
        "approval-gate is disabled (enabled: false): no gated page is published; set enabled: true",
        "ปิดการทำงาน approval-gate (enabled: false) จะไม่เผยแพร่หน้าที่ต้องอนุมัติใดเลย ให้ตั้ง enabled: true",
    ),
    "dirty_refused": (
        "approval-gate refuses --dirty builds: they keep old pages of posts that are no longer live; "
        "build without --dirty",
        "approval-gate ไม่รับการสร้างแบบ --dirty เพราะจะค้างหน้าของโพสต์ที่สิ้นสุดการเผยแพร่แล้ว ให้สร้างใหม่โดยไม่ใช้ --dirty",
    ),
    "excluded_page": (
        "'{path}' is not published ({state}): {reasons}",
        "'{path}' ไม่ถูกเผยแพร่ ({state}): {reasons}",
    ),
    # --- what reaches the site (staging, the allowlist, attachments) -------------
    "html_refused": (
        "the rendered post holds {what} (HTML line {line}), which the site's allowlist refuses; "
        "remove it from the body (or the title)",
        "เนื้อหาที่แสดงผลมี {what} (บรรทัด HTML {line}) ซึ่งไม่อยู่ในรายการที่อนุญาต ให้ลบออกจากเนื้อหา (หรือหัวข้อ)",
    ),
    "html_rewritten": (
        "the rendered post's HTML is malformed near {what} (HTML line {line}): the sanitiser had to rewrite it; "
        "close every tag you open and nest them properly",
        "HTML ของเนื้อหาผิดรูปแบบใกล้ {what} (บรรทัด HTML {line}) ตัวกรองต้องเขียนใหม่ ให้ปิดแท็กทุกตัวที่เปิดและซ้อนแท็กให้ถูกต้อง",
    ),
    "attachment_outside": (
        "the link '{url}' leaves the post's own folder; put the file in the folder named after the post "
        "(e.g. news/posts/flu/ for news/posts/flu.md) and link it from there",
        "ลิงก์ '{url}' ชี้ออกนอกโฟลเดอร์ของโพสต์ ให้วางไฟล์ไว้ในโฟลเดอร์ชื่อเดียวกับโพสต์ "
        "(เช่น news/posts/flu/ สำหรับ news/posts/flu.md) แล้วลิงก์จากที่นั่น",
    ),
    "attachment_type": (
        "the attachment '{url}' is of a type that could run in the site ({suffix}); attach a PDF, an image "
        "or an office document instead",
        "ไฟล์แนบ '{url}' เป็นชนิดที่อาจทำงานในเว็บไซต์ได้ ({suffix}) ให้แนบเป็น PDF รูปภาพ หรือเอกสารสำนักงานแทน",
    ),
    "attachment_missing": (
        "the attachment '{url}' does not exist (or is a symlink); add the file or remove the link",
        "ไม่พบไฟล์แนบ '{url}' (หรือเป็นลิงก์สัญลักษณ์) ให้เพิ่มไฟล์หรือลบลิงก์",
    ),
    "attachment_too_large": (
        "the attachment '{url}' is larger than 50 MiB; link to it on another server instead",
        "ไฟล์แนบ '{url}' ใหญ่เกิน 50 MiB ให้ลิงก์ไปยังไฟล์บนเซิร์ฟเวอร์อื่นแทน",
    ),
    "html_removed_at_build": (
        "'{path}': the sanitiser removed {found} from the page MkDocs rendered, though the gate's own rendering "
        "was clean; the page is published without it. Report this",
        "'{path}': ตัวกรอง HTML ลบ {found} ออกจากหน้าที่ MkDocs สร้าง แม้ผลการตรวจของระบบจะผ่าน "
        "หน้านี้เผยแพร่โดยไม่มีส่วนนั้น กรุณาแจ้งผู้ดูแลระบบ",
    ),
    "symlink_refused": (
        "'{path}' is a symbolic link (or inside one) and is left out; copy the file itself into the folder",
        "'{path}' เป็นลิงก์สัญลักษณ์ (หรืออยู่ในโฟลเดอร์ที่เป็นลิงก์) จึงไม่นำขึ้นเว็บ ให้คัดลอกไฟล์จริงมาไว้แทน",
    ),
    "not_a_post": (
        "'{path}' looks like Markdown but is not a post ('.md' in lower case); it is left out. Rename it to .md",
        "'{path}' ดูเหมือนไฟล์ Markdown แต่ไม่ใช่โพสต์ (ต้องลงท้ายด้วย '.md' ตัวพิมพ์เล็ก) จึงไม่นำขึ้นเว็บ ให้เปลี่ยนชื่อเป็น .md",
    ),
    "unaccounted_file": (
        "'{path}' is not a post, an attachment of a post or an exempt file, and is left out; "
        "delete it, move it into a post's folder, or list it under the plugin's `assets` or `exempt`",
        "'{path}' ไม่ใช่โพสต์ ไฟล์แนบของโพสต์ หรือไฟล์ที่ได้รับยกเว้น จึงไม่นำขึ้นเว็บ "
        "ให้ลบ ย้ายไปไว้ในโฟลเดอร์ของโพสต์ หรือระบุใน `assets` หรือ `exempt` ของปลั๊กอิน",
    ),
    "exclude_docs_uncovered": (
        "{count} gated page(s) are not kept out by `exclude_docs` ({list}), so a builder that ignores plugins "
        "would publish them unapproved. Add to mkdocs.yml:\n{lines}",
        "มี {count} หน้าที่ต้องผ่านการอนุมัติแต่ `exclude_docs` ไม่ได้กันไว้ ({list}) "
        "เครื่องมือสร้างเว็บที่ไม่ใช้ปลั๊กอินจะเผยแพร่หน้าเหล่านี้โดยไม่ได้รับอนุมัติ ให้เพิ่มใน mkdocs.yml:\n{lines}",
    ),
    "preview_not_loopback": (
        "the preview of unpublished posts is off: `dev_addr` ({host}) is not a loopback address; "
        "serve on 127.0.0.1 to preview",
        "ปิดการแสดงตัวอย่างโพสต์ที่ยังไม่เผยแพร่ เพราะ `dev_addr` ({host}) ไม่ใช่ที่อยู่ภายในเครื่อง ให้ใช้ 127.0.0.1 เพื่อดูตัวอย่าง",
    ),
    "returned_to_pending": (
        "'{path}' was never approved and its publication period has ended: it was moved back to the pending "
        "folder, unpublished (not taken down, not in the register)",
        "'{path}' ไม่เคยได้รับอนุมัติและสิ้นสุดระยะเวลาการเผยแพร่แล้ว จึงย้ายกลับไปยังโฟลเดอร์รอดำเนินการ "
        "โดยไม่เผยแพร่ (ไม่นับเป็นการนำลงและไม่อยู่ในทะเบียน)",
    ),
    "fix_done": (
        "'{path}' rewritten in canonical form (NFC, LF, no BOM); its digest and sign-offs are unchanged",
        "เขียน '{path}' ใหม่ในรูปแบบมาตรฐาน (NFC, LF, ไม่มี BOM) แล้ว ค่าย่อยและการลงนามยังคงเดิม",
    ),
    "fix_already": ("'{path}' is already in canonical form", "'{path}' อยู่ในรูปแบบมาตรฐานแล้ว"),
    "fix_refused": ("'{path}' was not rewritten: {reason}", "ไม่ได้เขียน '{path}' ใหม่: {reason}"),
    "fix_digest_changed": (
        "the canonical form would change the digest; nothing was written",
        "รูปแบบมาตรฐานจะทำให้ค่าย่อยเปลี่ยน จึงไม่ได้เขียนไฟล์",
    ),
    "not_canonical": (
        "'{path}' is not stored in canonical form (NFC, LF, no BOM); the site publishes the canonical text that "
        "was signed. `gate fix {path}` rewrites the file (same digest)",
        "'{path}' ไม่ได้บันทึกในรูปแบบมาตรฐาน (NFC, LF, ไม่มี BOM) เว็บไซต์เผยแพร่ข้อความมาตรฐานที่ลงนามไว้ "
        "คำสั่ง `gate fix {path}` จะเขียนไฟล์ใหม่ (ค่าย่อยเดิม)",
    ),
    "blog_date_missing": (
        "`date` is missing: the blog needs the post's date (Common Era, e.g. date: 2026-11-26); add it",
        "ไม่มีช่อง `date`: บล็อกต้องใช้วันที่ของโพสต์ (ปีคริสต์ศักราช เช่น date: 2026-11-26) ให้เพิ่มช่องนี้",
    ),
    "never_approved_ended": (
        "the publication period has ended, but the post was never approved by the whole chain: "
        "it was never published and is not taken down",
        "สิ้นสุดระยะเวลาการเผยแพร่แล้ว แต่โพสต์ไม่เคยได้รับอนุมัติครบทุกขั้น จึงไม่เคยเผยแพร่และไม่ถูกนำลง",
    ),
    "link_to_excluded": (
        "'{page}' links to '{target}', which is not published; remove the link or get the post approved",
        "'{page}' มีลิงก์ไปยัง '{target}' ซึ่งไม่ได้เผยแพร่ ให้ลบลิงก์หรือขออนุมัติโพสต์นั้น",
    ),
    "build_summary": (
        "{live} live, {scheduled} scheduled, {awaiting} awaiting, {rejected} refused, "
        "{invalid} invalid, {expired} expired, {moved} moved",
        "เผยแพร่ {live}, รอถึงวัน {scheduled}, รอลงนาม {awaiting}, ไม่อนุมัติ {rejected}, "
        "ไม่ถูกต้อง {invalid}, สิ้นสุด {expired}, ย้ายออก {moved}",
    ),
    "moved_post": ("took down '{path}' (moved to {target}/)", "นำ '{path}' ลงจากเว็บไซต์แล้ว (ย้ายไป {target}/)"),
    "move_clash": (
        "'{path}' was not moved: {detail} already holds a different post; rename one of them",
        "ไม่ได้ย้าย '{path}': {detail} มีโพสต์อื่นอยู่แล้ว ให้เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง",
    ),
    "move_failed": (
        "'{path}' was not moved ({detail}); it stays where it was; fix the folder and run again",
        "ไม่ได้ย้าย '{path}' ({detail}) ไฟล์ยังอยู่ที่เดิม ให้แก้ไขโฟลเดอร์แล้วสั่งใหม่",
    ),
    "lock_timeout": (
        "'{path}': another build or gate command is moving posts ({detail}); try again in a minute",
        "'{path}': มีการสร้างเว็บหรือคำสั่ง gate อื่นกำลังย้ายโพสต์ ({detail}) ให้ลองใหม่ในอีกสักครู่",
    ),
    "unreadable": ("the file cannot be read ({detail})", "อ่านไฟล์ไม่ได้ ({detail})"),
    # --- the command line -----------------------------------------------------
    "cli_no_config": (
        "{path} not found; run gate in the site's folder or pass --config-file",
        "ไม่พบ {path} ให้สั่ง gate ในโฟลเดอร์ของเว็บไซต์ หรือระบุ --config-file",
    ),
    "cli_bad_config": ("{path} cannot be read: {detail}", "อ่าน {path} ไม่ได้: {detail}"),
    "cli_no_plugin": (
        "{path} has no approval-gate entry under plugins; add it (see the README)",
        "{path} ไม่มี approval-gate ในส่วน plugins ให้เพิ่มตาม README",
    ),
    "cli_no_such_post": ("{path}: no such file", "{path}: ไม่พบไฟล์"),
    "cli_not_a_post": (
        "{path} is not under the content, pending or expired folders",
        "{path} ไม่ได้อยู่ในโฟลเดอร์ content, pending หรือ expired",
    ),
    # --- everyday workflow (gate new, status, publish, sweep, next) ------------
    "check_no_posts": ("{path}: no posts in this folder", "{path}: ไม่มีโพสต์ในโฟลเดอร์นี้"),
    "new_created": (
        "created {path}\nfill in requester.name and the details under the title, then run: gate check {path}",
        "สร้าง {path} แล้ว\nกรอกชื่อผู้ขอ (requester.name) และรายละเอียดข้อมูลใต้หัวข้อ แล้วสั่ง: gate check {path}",
    ),
    "new_bad_title": (
        "the title must be one line of plain text without '<' or '>'",
        "หัวข้อต้องเป็นข้อความบรรทัดเดียว ไม่มีอักขระ '<' หรือ '>'",
    ),
    "new_bad_category": (
        "--category '{value}' is not a configured category; use one of: {allowed}",
        "--category '{value}' ไม่อยู่ในรายการหมวดหมู่ที่กำหนด ให้ใช้หนึ่งใน: {allowed}",
    ),
    "new_bad_slug": (
        "--slug '{value}' must be lower-case ASCII letters and digits joined by '-', e.g. flu-vaccine-2569",
        "--slug '{value}' ต้องเป็นอักษรอังกฤษตัวเล็กและตัวเลขคั่นด้วย '-' เช่น flu-vaccine-2569",
    ),
    "new_empty_slug": (
        "the title gives no file name; pass --slug, e.g. --slug flu-vaccine-2569",
        "สร้างชื่อไฟล์จากหัวข้อไม่ได้ ให้ระบุ --slug เช่น --slug flu-vaccine-2569",
    ),
    "new_bad_folder": (
        "--folder '{value}' must be a relative folder inside the pending folder, e.g. news/posts",
        "--folder '{value}' ต้องเป็นโฟลเดอร์ย่อยภายในโฟลเดอร์ pending เช่น news/posts",
    ),
    "new_exists": (
        "{path} already exists; choose another title or pass --slug",
        "มีไฟล์ {path} อยู่แล้ว ให้ใช้หัวข้ออื่นหรือระบุ --slug",
    ),
    "status_header": (
        "Approval queue at {now} (targets: request {request}, review {review})",
        "คิวขออนุมัติเผยแพร่ ณ {now} (เป้าหมาย: ขอเผยแพร่ {request} พิจารณา {review})",
    ),
    "status_one_format": ("use --json or --markdown, not both", "เลือกใช้ --json หรือ --markdown อย่างใดอย่างหนึ่ง"),
    "status_empty": ("nothing waits: the queue is empty", "ไม่มีโพสต์รอดำเนินการ"),
    "group_to_publish": ("approved, to be put up", "อนุมัติแล้ว รอนำขึ้นเผยแพร่"),
    "group_to_take_down": ("period ended, still in the site", "สิ้นสุดการเผยแพร่แล้ว ยังอยู่ในเว็บไซต์"),
    "group_expired": ("period ended before it was put up", "สิ้นสุดระยะเวลาเผยแพร่ก่อนได้นำขึ้น"),
    "status_age": ("in this state {age}", "อยู่ในสถานะนี้ {age}"),
    "status_age_target": ("in this state {age} (target {target})", "อยู่ในสถานะนี้ {age} (เป้าหมาย {target})"),
    "status_overdue": ("OVERDUE", "เกินกำหนด"),
    "age_minutes": ("{m} min", "{m} นาที"),
    "age_hours": ("{h} h {m} min", "{h} ชม. {m} นาที"),
    "age_days": ("{d} d {h} h", "{d} วัน {h} ชม."),
    "status_who_role": ("waits for the {role}: {people}", "รอ{role}: {people}"),
    "status_who_nobody": (
        "waits for the {role}, but nobody holds that role now; update approvers.yml",
        "รอ{role} แต่ขณะนี้ไม่มีผู้ดำรงบทบาทนี้ ให้ปรับปรุง approvers.yml",
    ),
    "status_who_requester": ("waits for the requester: {name}", "รอผู้รับผิดชอบการให้ข้อมูล: {name}"),
    "status_no_name": ("(no name yet)", "(ยังไม่ได้กรอกชื่อ)"),
    "status_who_publish": (
        "waits for the web master: gate publish {path} --as NAME",
        "รอผู้ดูแลเว็บไซต์: gate publish {path} --as ชื่อ",
    ),
    "status_who_sweep": (
        "waits for the next build or the web master: gate sweep",
        "รอการสร้างเว็บไซต์ครั้งถัดไป หรือผู้ดูแลเว็บไซต์สั่ง: gate sweep",
    ),
    "status_refusal": (
        "refused by {signer} ({role}) on {at}: {reason}",
        "ไม่อนุมัติโดย {signer} ({role}) เมื่อ {at}: {reason}",
    ),
    "status_revised": ("revised after refusal, awaiting the {role}", "แก้ไขแล้วหลังไม่อนุมัติ รอ{role}"),
    "status_earlier_refusal": (
        "earlier refusal by {signer} ({role}) on {at}: {reason}",
        "เคยไม่อนุมัติโดย {signer} ({role}) เมื่อ {at}: {reason}",
    ),
    "status_on_site": (
        "On the site: {live} live, {scheduled} scheduled",
        "ในเว็บไซต์: เผยแพร่อยู่ {live} รอถึงวัน {scheduled}",
    ),
    "status_next_header": ("Next changes to the site", "การเปลี่ยนแปลงถัดไปของเว็บไซต์"),
    "status_opens": ("goes up", "ขึ้นเผยแพร่"),
    "status_closes": ("comes down", "นำลง"),
    "status_no_changes": ("no publication period opens or closes", "ไม่มีโพสต์ที่จะเริ่มหรือสิ้นสุดการเผยแพร่"),
    "status_more": (
        "… and {count} more (gate status --json lists them all)",
        "… และอีก {count} รายการ (ดูทั้งหมดด้วย gate status --json)",
    ),
    "md_state": ("state", "สถานะ"),
    "md_post": ("post", "โพสต์"),
    "md_title": ("title", "หัวข้อ"),
    "md_age": ("in state / target", "ระยะเวลา / เป้าหมาย"),
    "md_waits": ("waits for", "รอ"),
    "md_notes": ("notes", "หมายเหตุ"),
    "publish_bad_name": (
        "--as must be your name as web master, in plain text",
        "--as ต้องเป็นชื่อของผู้นำข้อมูลขึ้นเผยแพร่ เป็นข้อความธรรมดา",
    ),
    "publish_not_pending": (
        "{path} is not in the pending folder; only posts waiting there can be put up",
        "{path} ไม่ได้อยู่ในโฟลเดอร์ pending นำขึ้นเผยแพร่ได้เฉพาะโพสต์ที่รออยู่ในโฟลเดอร์นั้น",
    ),
    "publish_refused": ("'{path}' was not put up:", "ไม่ได้นำ '{path}' ขึ้นเผยแพร่:"),
    "publish_not_approved": (
        "it is {state}, not approved by the whole chain",
        "สถานะคือ {state} ยังไม่ได้รับอนุมัติครบทุกขั้น",
    ),
    "publish_no_details": (
        "the details (รายละเอียดข้อมูล) are missing: write the body under the title",
        "ยังไม่มีรายละเอียดข้อมูล ให้เขียนเนื้อหาใต้หัวข้อ",
    ),
    "publish_bad_link": (
        "the link '{value}' is not a valid http(s), mailto or tel address; fix it (a change needs new sign-offs)",
        "ลิงก์ '{value}' ไม่ใช่ที่อยู่ http(s), mailto หรือ tel ที่ถูกต้อง ให้แก้ไข (การแก้ไขต้องขออนุมัติใหม่)",
    ),
    "publish_missing_file": (
        "'{value}' is linked but no such file is in the attachments folder or the site; add the file",
        "มีลิงก์ไปยัง '{value}' แต่ไม่พบไฟล์ในโฟลเดอร์ไฟล์แนบหรือในเว็บไซต์ ให้เพิ่มไฟล์",
    ),
    "publish_no_window": ("the publication period cannot be read", "อ่านระยะเวลาเผยแพร่ไม่ได้"),
    "publish_already_recorded": (
        "it already has a `published` record; it was put up before, check its history",
        "มีบันทึก `published` อยู่แล้ว แสดงว่าเคยนำขึ้นเผยแพร่ ให้ตรวจสอบประวัติ",
    ),
    "publish_ends_soon": (
        "the publication period ends within {days} days",
        "ระยะเวลาเผยแพร่จะสิ้นสุดภายใน {days} วัน",
    ),
    "publish_warning": ("'{path}': {detail}", "'{path}': {detail}"),
    "publish_needs_yes": (
        "not put up; pass --yes to put it up anyway, or ask for a longer period (which needs new sign-offs)",
        "ยังไม่ได้นำขึ้น หากต้องการนำขึ้นให้ระบุ --yes หรือขอขยายระยะเวลาเผยแพร่ (ต้องขออนุมัติใหม่)",
    ),
    "publish_done_live": (
        "put up '{path}' (moved to {target}); it is live from the next build",
        "นำ '{path}' ขึ้นแล้ว (ย้ายไป {target}) จะปรากฏในเว็บไซต์เมื่อสร้างเว็บไซต์ครั้งถัดไป",
    ),
    "publish_done_scheduled": (
        "put up '{path}' (moved to {target}); it appears at the first build from {start}",
        "นำ '{path}' ขึ้นแล้ว (ย้ายไป {target}) จะปรากฏเมื่อสร้างเว็บไซต์ครั้งแรกตั้งแต่ {start}",
    ),
    "publish_changed": (
        "'{path}' was moved but is now {state}; check it with gate check",
        "ย้าย '{path}' แล้วแต่สถานะเป็น {state} ให้ตรวจด้วย gate check",
    ),
    "sweep_nothing": ("nothing to take down", "ไม่มีโพสต์ที่ต้องนำลง"),
    "sweep_would": ("would take down '{path}' (move to {target}/)", "จะนำ '{path}' ลง (ย้ายไป {target}/)"),
    # --- request form and publication register ---------------------------------
    "form_heading_1": (
        "Request to publish information on the agency's website",
        "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน",
    ),
    "form_heading_2": (
        "Agencies under the Office of the Permanent Secretary, Ministry of Public Health",
        "ในสังกัดสำนักงานปลัดกระทรวงสาธารณสุข",
    ),
    "form_heading_3": (
        "under the Office of the Permanent Secretary's guideline on publishing information "
        "through agency websites, 2018 (B.E. 2561)",
        "ตามประกาศสำนักงานปลัดกระทรวงสาธารณสุข เรื่อง แนวทางการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน พ.ศ. 2561",
    ),
    "form_agency": ("Agency", "ชื่อหน่วยงาน"),
    "form_date": ("Date", "วัน/เดือน/ปี"),
    "form_title": ("Title", "หัวข้อ"),
    "form_details": ("Details (summary or attachment)", "รายละเอียดข้อมูล (โดยสรุปหรือเอกสารแนบ)"),
    "form_link": ("External link", "Link ภายนอก"),
    "form_remarks": ("Remarks", "หมายเหตุ"),
    "form_requester": ("Person responsible for the information", "ผู้รับผิดชอบการให้ข้อมูล"),
    "form_reviewer": ("Reviewed and forwarded by", "ผู้ตรวจสอบและเสนอ"),
    "form_approver": ("Approved and certified by", "ผู้อนุมัติรับรอง"),
    "form_publisher": ("Person responsible for putting the information up", "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่"),
    "form_sign": ("(signed)", "(ลงชื่อ)"),
    "form_position": ("Position", "ตำแหน่ง"),
    "form_on": ("Date", "วันที่"),
    "form_signed_electronically": ("signed electronically", "ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์"),
    "form_recorded": ("recorded in the system", "บันทึกในระบบ"),
    "form_refused": ("refused: {reason}", "ไม่อนุมัติ: {reason}"),
    "form_window": ("Publication period", "ระยะเวลาเผยแพร่"),
    "form_window_range": ("{start} to {end}", "{start} ถึง {end}"),
    "form_file": ("File", "ไฟล์"),
    "form_digest": ("Content digest", "รหัสตรวจสอบเนื้อหา"),
    "form_status": ("Status on {date}: {state}", "สถานะ ณ {date}: {state}"),
    "form_blank_note": (
        "Form for requesting publication on the agency's website (blank)",
        "แบบฟอร์มสำหรับขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน (ฉบับว่าง)",
    ),
    "form_more": ("(continued in the post)", "(มีต่อในเนื้อหาข่าว)"),
    "form_doc_title": ("Request form: {title}", "แบบฟอร์มขอเผยแพร่: {title}"),
    "register_title": ("Publication register", "ทะเบียนการเผยแพร่ข้อมูล"),
    "register_intro": (
        "Every item published on this website, by fiscal year (1 October to 30 September), "
        "with its request form and sign-offs (ITA evidence, MOIT 1).",
        "รายการข้อมูลทั้งหมดที่เผยแพร่บนเว็บไซต์นี้ จำแนกตามปีงบประมาณ (1 ตุลาคม – 30 กันยายน) "
        "พร้อมแบบฟอร์มการขอเผยแพร่และการอนุมัติ (หลักฐานประกอบการประเมิน ITA ตัวชี้วัด MOIT 1)",
    ),
    "register_empty": ("Nothing has been published yet.", "ยังไม่มีข้อมูลที่เผยแพร่"),
    "register_fiscal_year": ("Fiscal year {year} BE", "ปีงบประมาณ พ.ศ. {year}"),
    "register_fiscal_span": ("{start} to {end}", "{start} – {end}"),
    "register_count": ("{count} items", "จำนวน {count} รายการ"),
    "register_form": ("request form", "แบบฟอร์ม"),
    "register_pdf": ("PDF", "PDF"),
    "register_taken_down": ("taken down {date}", "นำลงแล้วเมื่อ {date}"),
    "cli_form_written": ("wrote {path}", "บันทึก {path} แล้ว"),
    "cli_form_needs_output": (
        "say where to write the form: --html FILE and/or --pdf FILE",
        "ระบุไฟล์ที่จะบันทึกแบบฟอร์ม: --html FILE และ/หรือ --pdf FILE",
    ),
    "cli_form_path_or_blank": (
        "give one post PATH, or --blank for an empty form",
        "ระบุโพสต์หนึ่งไฟล์ (PATH) หรือใช้ --blank สำหรับแบบฟอร์มว่าง",
    ),
    "cli_form_no_pdf": (
        "PDF output needs WeasyPrint: pip install 'mkdocs-approval-gate[pdf]' ({detail})",
        "การสร้าง PDF ต้องใช้ WeasyPrint: pip install 'mkdocs-approval-gate[pdf]' ({detail})",
    ),
    "cli_form_unreadable": (
        "{path}: the post cannot be read, so the form cannot be filled; run gate check {path}",
        "{path}: อ่านโพสต์ไม่ได้ จึงกรอกแบบฟอร์มไม่ได้ ให้สั่ง gate check {path}",
    ),
    # --- preview (mkdocs serve) ---------------------------------------------
    "preview_banner_head": (
        "Preview: this page is shown only by `mkdocs serve` and is not on the public site",
        "ตัวอย่างก่อนเผยแพร่: หน้านี้แสดงเฉพาะใน mkdocs serve และไม่ปรากฏบนเว็บไซต์จริง",
    ),
    "preview_state": ("State", "สถานะ"),
    "preview_title": ("Title", "หัวข้อ"),
    "preview_waiting": ("Waiting for", "รอ"),
    "preview_file": ("File", "ไฟล์"),
    "preview_reasons": ("Reasons", "เหตุผล"),
    "preview_period": ("Publication period: {start} to {end}", "ช่วงเผยแพร่: {start} ถึง {end}"),
    "preview_requester": ("the requester", "ผู้ขอเผยแพร่"),
    "preview_requester_line": ("Requested by {name}", "ผู้รับผิดชอบการให้ข้อมูล: {name}"),
    "preview_signed": ("Signed off as {role} by {signer} on {date}", "ลงนามแล้วในฐานะ{role}: {signer} เมื่อ {date}"),
    "preview_in_content": (
        "This post is in the content folder but is not published; a real build leaves it out.",
        "โพสต์นี้อยู่ในโฟลเดอร์ content แต่ไม่ถูกเผยแพร่ การสร้างเว็บไซต์จริงจะไม่รวมหน้านี้",
    ),
    "preview_queue_link": ("All posts waiting for publication", "ดูคิวโพสต์ที่รอเผยแพร่ทั้งหมด"),
    "preview_no_title": ("(no title)", "(ไม่มีหัวข้อ)"),
    "preview_shown_as_text": (
        "The gate could not accept this post's text, so it is shown as plain text, not rendered.",
        "ระบบไม่ยอมรับเนื้อหาของโพสต์นี้ จึงแสดงเป็นข้อความธรรมดาโดยไม่แปลงเป็นหน้าเว็บ",
    ),
    "preview_wait_revise": ("{name} to revise the post and send it again", "{name} แก้ไขโพสต์ตามเหตุผลแล้วส่งใหม่"),
    "preview_wait_fix": (
        "the requester or the web master to fix the problems listed",
        "ผู้ขอเผยแพร่หรือผู้ดูแลเว็บไซต์แก้ไขปัญหาตามรายการ",
    ),
    "preview_wait_publish": (
        "the web master to put it up (gate publish)",
        "ผู้ดูแลเว็บไซต์นำขึ้นเผยแพร่ (gate publish)",
    ),
    "preview_wait_start": ("the start of its period on {date}", "ถึงวันเริ่มเผยแพร่ {date}"),
    "preview_wait_take_down": (
        "nobody: the next build takes it down",
        "ไม่มี: การสร้างเว็บไซต์ครั้งถัดไปจะนำลงจากเว็บไซต์",
    ),
    "preview_wait_nothing": ("nobody: its period has ended", "ไม่มี: สิ้นสุดช่วงเผยแพร่แล้ว"),
    "preview_dashboard_title": ("Posts waiting for publication", "คิวโพสต์ที่รอเผยแพร่"),
    "preview_dashboard_intro": (
        "Every post that is not on the public site, as of {now}. Shown only by `mkdocs serve`.",
        "โพสต์ทั้งหมดที่ยังไม่ปรากฏบนเว็บไซต์จริง ข้อมูล ณ {now} หน้านี้แสดงเฉพาะใน mkdocs serve",
    ),
    "preview_dashboard_empty": ("No post is waiting.", "ไม่มีโพสต์ที่รอเผยแพร่"),
    "preview_col_title": ("Title", "หัวข้อ"),
    "preview_col_state": ("State", "สถานะ"),
    "preview_col_waiting": ("Waiting for", "รอ"),
    "preview_col_reasons": ("Reasons", "เหตุผล"),
    # --- review desk (gate review) ---------------------------------------------
    "review_desk_name": ("Review desk", "โต๊ะพิจารณาอนุมัติ"),
    "review_queue_link": ("Waiting for me", "รายการรอพิจารณา"),
    "review_close_button": ("Close the desk", "ปิดโต๊ะพิจารณา"),
    "review_queue_title": ("Posts waiting for your decision", "โพสต์ที่รอท่านพิจารณา"),
    "review_queue_lead": (
        "Oldest first. The target for a review is {target}; rows past it are marked.",
        "เรียงจากเรื่องที่รอนานที่สุด เป้าหมายการพิจารณาคือ {target} เรื่องที่เกินกำหนดจะมีเครื่องหมายกำกับ",
    ),
    "review_queue_empty": ("Nothing is waiting for you.", "ไม่มีเรื่องรอท่านพิจารณา"),
    "review_col_title": ("Title", "หัวข้อ"),
    "review_col_requester": ("Requester", "ผู้ขอเผยแพร่"),
    "review_col_agency": ("Agency", "หน่วยงาน"),
    "review_col_step": ("Step", "ขั้นตอน"),
    "review_col_age": ("Waiting", "รอมาแล้ว"),
    "review_col_refusals": ("Your earlier refusals", "เหตุผลที่ท่านเคยไม่อนุมัติ"),
    "review_overdue": ("past target", "เกินกำหนด"),
    "review_since": ("since {when}", "ตั้งแต่ {when}"),
    "review_form_heading": ("Request form", "แบบขอเผยแพร่ข้อมูล"),
    "review_field_agency": ("Agency", "ชื่อหน่วยงาน"),
    "review_field_requester": ("Requester", "ผู้รับผิดชอบการให้ข้อมูล"),
    "review_field_date": ("Date of request", "วัน/เดือน/ปี ที่ขอ"),
    "review_field_category": ("Category", "หมวดหมู่"),
    "review_field_link": ("External link", "Link ภายนอก"),
    "review_field_remarks": ("Remarks", "หมายเหตุ"),
    "review_field_window": ("Publication period", "ระยะเวลาเผยแพร่"),
    "review_window": ("from {start} to {end} inclusive", "ตั้งแต่ {start} ถึง {end}"),
    "review_field_digest": ("Digest (what you sign)", "รหัสตรวจสอบเนื้อหา (สิ่งที่ท่านลงนาม)"),
    "review_chain_heading": ("Sign-offs so far", "การลงนามที่ผ่านมา"),
    "review_chain_empty": ("No one has signed this text yet.", "ยังไม่มีผู้ลงนามในข้อความฉบับนี้"),
    "review_approved_at": ("approved {when}", "อนุมัติเมื่อ {when}"),
    "review_changes_heading": ("What changed since the refusal", "สิ่งที่แก้ไขหลังจากไม่อนุมัติ"),
    "review_refused_by": (
        "Refused by {who} ({role}) on {when}, reason:",
        "{who} ({role}) ไม่อนุมัติเมื่อ {when} ด้วยเหตุผล:",
    ),
    "review_no_earlier_text": (
        "No earlier text is available: the refused version was never committed to git.",
        "ไม่มีข้อความฉบับก่อนให้เปรียบเทียบ เพราะฉบับที่ไม่อนุมัติไม่ได้บันทึกไว้ใน git",
    ),
    "review_no_text_change": ("The text is the same as the refused version.", "ข้อความเหมือนกับฉบับที่ไม่อนุมัติ"),
    "review_body_heading": ("Details (as it will appear on the website)", "รายละเอียดข้อมูล (ตามที่จะแสดงบนเว็บไซต์)"),
    "review_decide_heading": ("Your decision", "ผลการพิจารณาของท่าน"),
    "review_decide_lead": ("You sign as {role}.", "ท่านลงนามในฐานะ{role}"),
    "review_reason_label": ("Reason (required to refuse)", "เหตุผล (ต้องระบุเมื่อไม่อนุมัติ)"),
    "review_passphrase_label": ("Passphrase of your signing key", "รหัสผ่านของกุญแจลงนาม"),
    "review_approve_button": ("Approve", "อนุมัติ"),
    "review_reject_button": ("Refuse", "ไม่อนุมัติ"),
    "review_approved": ("You approved “{title}” as {role}.", "ท่านอนุมัติ “{title}” ในฐานะ{role}แล้ว"),
    "review_refused": ("You refused “{title}” as {role}.", "ท่านไม่อนุมัติ “{title}” ในฐานะ{role}แล้ว"),
    "review_rechecked": ("The post, checked again:", "ผลการตรวจโพสต์อีกครั้ง:"),
    "review_back_to_post": ("back to the post", "กลับไปที่โพสต์"),
    "review_reason_required": (
        "Nothing was signed: write the reason for refusing, so the requester knows what to fix.",
        "ยังไม่ได้ลงนาม: กรุณาระบุเหตุผลที่ไม่อนุมัติ เพื่อให้ผู้ขอทราบว่าต้องแก้ไขอะไร",
    ),
    "review_reason_characters": (
        "Nothing was signed: the reason holds invisible control or text-direction characters; retype it.",
        "ยังไม่ได้ลงนาม: เหตุผลมีอักขระควบคุมที่มองไม่เห็น กรุณาพิมพ์ใหม่",
    ),
    "review_changed": (
        "Nothing was signed: the post changed after you opened it; open it again and read the new text.",
        "ยังไม่ได้ลงนาม: โพสต์ถูกแก้ไขหลังจากท่านเปิดอ่าน กรุณาเปิดใหม่และอ่านข้อความล่าสุด",
    ),
    "review_bad_passphrase": (
        "Nothing was signed: the passphrase does not open your key; type it again.",
        "ยังไม่ได้ลงนาม: รหัสผ่านไม่ถูกต้อง กรุณาพิมพ์ใหม่",
    ),
    "review_no_key": (
        "Nothing was signed: no signing key for {person} at {path}; create one with `gate keygen --id {person}`.",
        "ยังไม่ได้ลงนาม: ไม่พบกุญแจลงนามของ {person} ที่ {path} ให้สร้างด้วยคำสั่ง `gate keygen --id {person}`",
    ),
    "review_no_registry": (
        "the approvers registry cannot be read; ask the webmaster to fix approvers.yml",
        "อ่านทะเบียนผู้อนุมัติไม่ได้ กรุณาแจ้งผู้ดูแลเว็บไซต์ให้แก้ไข approvers.yml",
    ),
    "review_cannot_sign": ("You cannot sign this post now ({code}).", "ท่านยังลงนามโพสต์นี้ไม่ได้ในขณะนี้ ({code})"),
    "review_cannot_write": (
        "Nothing was signed: {path} could not be written; ask the webmaster to check the folder.",
        "ยังไม่ได้ลงนาม: บันทึก {path} ไม่ได้ กรุณาแจ้งผู้ดูแลเว็บไซต์ให้ตรวจสอบโฟลเดอร์",
    ),
    "review_no_such_post": ("{path} is not a post of this site.", "{path} ไม่ใช่โพสต์ของเว็บไซต์นี้"),
    "review_bad_request": ("The request was not understood.", "คำขอไม่ถูกต้อง"),
    "review_forbidden_title": ("Not allowed", "ไม่อนุญาต"),
    "review_forbidden_token": (
        "This page needs the link printed by `gate review`; open that link again.",
        "หน้านี้ต้องเปิดจากลิงก์ที่คำสั่ง `gate review` แสดง กรุณาเปิดลิงก์นั้นอีกครั้ง",
    ),
    "review_forbidden_host": (
        "The desk answers only at 127.0.0.1 or localhost; open the link printed by `gate review`.",
        "โต๊ะพิจารณาตอบเฉพาะที่อยู่ 127.0.0.1 หรือ localhost กรุณาเปิดลิงก์ที่คำสั่ง `gate review` แสดง",
    ),
    "review_forbidden_origin": (
        "The request came from another website and was refused.",
        "คำขอมาจากเว็บไซต์อื่น จึงถูกปฏิเสธ",
    ),
    "review_forbidden_csrf": (
        "The form is out of date; go back to the queue and open the post again.",
        "แบบฟอร์มหมดอายุ กรุณากลับไปที่รายการและเปิดโพสต์ใหม่",
    ),
    "review_not_found_title": ("Not found", "ไม่พบหน้า"),
    "review_not_found": (
        "There is no such page, or the post is no longer waiting; go back to the queue.",
        "ไม่พบหน้านี้ หรือโพสต์ไม่ได้รอพิจารณาแล้ว กรุณากลับไปที่รายการ",
    ),
    "review_closed_title": ("The desk is closed", "ปิดโต๊ะพิจารณาแล้ว"),
    "review_closed": ("You can close this tab.", "ท่านปิดแท็บนี้ได้"),
    "review_not_loopback": (
        "the review desk listens only on this computer (127.0.0.1), not on {host}",
        "โต๊ะพิจารณาเปิดได้เฉพาะบนเครื่องนี้ (127.0.0.1) ไม่ใช่ {host}",
    ),
    "review_cli_url": (
        "Review desk for {person}: {url}\nOpen it in your browser if it did not open. "
        "Close it with the button on the page, or it closes after {idle} minutes without use.",
        "โต๊ะพิจารณาของ {person}: {url}\nหากเบราว์เซอร์ไม่เปิดเอง ให้เปิดลิงก์นี้ ปิดได้ด้วยปุ่มบนหน้าเว็บ "
        "หรือจะปิดเองเมื่อไม่มีการใช้งาน {idle} นาที",
    ),
    "review_cli_stopped": ("The review desk is closed.", "ปิดโต๊ะพิจารณาแล้ว"),
    "review_cli_unknown_person": (
        "{person} is not in {path}; use your id from the approvers registry",
        "ไม่พบ {person} ใน {path} ให้ใช้รหัสของท่านตามทะเบียนผู้อนุมัติ",
    ),
    "review_cli_no_role": (
        "{person} holds no sign-off role today ({roles}); ask the webmaster to update the registry",
        "{person} ไม่มีบทบาทลงนามในวันนี้ ({roles}) กรุณาแจ้งผู้ดูแลเว็บไซต์ให้ปรับปรุงทะเบียน",
    ),
    "review_cli_no_key": (
        "no signing key for {person} at {path}; create one with `gate keygen --id {person}`",
        "ไม่พบกุญแจลงนามของ {person} ที่ {path} ให้สร้างด้วยคำสั่ง `gate keygen --id {person}`",
    ),
    "review_error_title": ("Something went wrong", "เกิดข้อผิดพลาด"),
    "review_error": (
        "The desk could not show this page; nothing was signed. Go back to the queue, or close the desk and run "
        "`gate review` again.",
        "โต๊ะพิจารณาแสดงหน้านี้ไม่ได้ และยังไม่ได้ลงนามใด ๆ กรุณากลับไปที่รายการ หรือปิดแล้วสั่ง `gate review` ใหม่",
    ),
    # --- Thai site theme ---
    "post_published_on": ("Published {date}", "เผยแพร่เมื่อ {date}"),
    # --- signed sign-offs (keygen, approve, reject, audit, registry, hardened mode) ---
    "signoff_invalid_post": (
        "the post cannot be signed while it is invalid; fix what `gate check` reports first",
        "ยังลงนามโพสต์นี้ไม่ได้เพราะโพสต์ไม่ถูกต้อง ให้แก้ไขตามที่ `gate check` แจ้งก่อน",
    ),
    "signoff_expired_post": (
        "the publication period has ended; the requester must set new dates first",
        "สิ้นสุดระยะเวลาการเผยแพร่แล้ว ผู้ขอต้องกำหนดวันเผยแพร่ใหม่ก่อน",
    ),
    "signoff_already_refused": (
        "this text was already refused; the requester must revise the post before anyone signs again",
        "เนื้อหานี้ถูกไม่อนุมัติแล้ว ผู้ขอต้องแก้ไขโพสต์ก่อนจึงจะลงนามใหม่ได้",
    ),
    "signoff_complete": (
        "every sign-off is already in place; nothing is left to sign",
        "ลงนามครบทุกขั้นแล้ว ไม่มีขั้นใดต้องลงนามอีก",
    ),
    "signoff_unknown_signer": (
        "{signer} is not in the approvers registry; add them with `gate registry add-person`",
        "{signer} ไม่อยู่ในทะเบียนผู้อนุมัติ ให้เพิ่มด้วย `gate registry add-person`",
    ),
    "signoff_wrong_role": (
        "the next step is the {role}'s, and {signer} does not hold that role now",
        "ขั้นถัดไปเป็นของ{role} แต่ {signer} ไม่ได้ดำรงบทบาทนี้ในขณะนี้",
    ),
    "signoff_same_person": (
        "{signer} already signed this post; chair and director must be different people",
        "{signer} ลงนามโพสต์นี้แล้ว ผู้ตรวจสอบและผู้อนุมัติต้องเป็นคนละคน",
    ),
    "signoff_reason_required": (
        'a refusal needs a reason for the requester: add --reason "…"',
        'การไม่อนุมัติต้องระบุเหตุผลให้ผู้ขอทราบ: เพิ่ม --reason "…"',
    ),
    "signoff_key_required": (
        "signatures are required on this site, and no key was given",
        "เว็บไซต์นี้กำหนดให้ต้องมีลายมือชื่อดิจิทัล แต่ไม่ได้ระบุกุญแจ",
    ),
    "registry_span": (
        "`{key}` '{detail}' is not after `from`; a period must end after it starts",
        "`{key}` '{detail}' ไม่อยู่หลัง `from` ช่วงเวลาต้องสิ้นสุดหลังวันเริ่ม",
    ),
    "registry_text": ("`{key}` must be text, not '{detail}'", "`{key}` ต้องเป็นข้อความ ไม่ใช่ '{detail}'"),
    "registry_version": (
        "`{key}` '{detail}' must be a whole number from 1 up",
        "`{key}` '{detail}' ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป",
    ),
    "root_keys_bad": (
        "GATE_ROOT_KEYS holds '{entry}', which is neither an ssh-ed25519 public key nor a SHA256: fingerprint; "
        "nothing gated is published until it is fixed",
        "GATE_ROOT_KEYS มี '{entry}' ซึ่งไม่ใช่กุญแจสาธารณะ ssh-ed25519 หรือลายนิ้วมือ SHA256: จะไม่เผยแพร่โพสต์ใดจนกว่าจะแก้ไข",
    ),
    "root_threshold_bad": (
        "GATE_ROOT_THRESHOLD '{value}' must be a whole number from 1 up; nothing gated is published until it is fixed",
        "GATE_ROOT_THRESHOLD '{value}' ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป จะไม่เผยแพร่โพสต์ใดจนกว่าจะแก้ไข",
    ),
    "root_threshold_unreachable": (
        "GATE_ROOT_THRESHOLD is {threshold} but GATE_ROOT_KEYS pins only {count} root keys; "
        "nothing gated is published until it is fixed",
        "GATE_ROOT_THRESHOLD เป็น {threshold} แต่ GATE_ROOT_KEYS มีกุญแจหลักเพียง {count} ดอก จะไม่เผยแพร่โพสต์ใดจนกว่าจะแก้ไข",
    ),
    "registry_sig_missing": (
        "hardened mode: the root signatures {path} are missing or unreadable; "
        "root key holders sign with `gate registry sign`; nothing gated is published until then",
        "โหมดเข้มงวด: ไม่พบหรืออ่านไฟล์ลายมือชื่อหลัก {path} ไม่ได้ ผู้ถือกุญแจหลักต้องลงนามด้วย `gate registry sign` "
        "จะไม่เผยแพร่โพสต์ใดจนกว่าจะลงนาม",
    ),
    "registry_not_signed": (
        "hardened mode: only {valid} of the {needed} required root signatures verify for {path} "
        "(it changed after signing, or was signed by keys not pinned in GATE_ROOT_KEYS); "
        "root key holders must review it and sign with `gate registry sign`; nothing gated is published until then",
        "โหมดเข้มงวด: ลายมือชื่อหลักของ {path} ตรวจสอบผ่านเพียง {valid} จากที่ต้องมี {needed} "
        "(ไฟล์ถูกแก้ไขหลังลงนาม หรือลงนามด้วยกุญแจที่ไม่ได้กำหนดใน GATE_ROOT_KEYS) "
        "ผู้ถือกุญแจหลักต้องตรวจทานและลงนามด้วย `gate registry sign` จะไม่เผยแพร่โพสต์ใดจนกว่าจะลงนาม",
    ),
    "registry_no_version": (
        "hardened mode: {path} has no `version`; add `version: 1` (raise it on every change) and sign again",
        "โหมดเข้มงวด: {path} ไม่มี `version` ให้เพิ่ม `version: 1` (เพิ่มค่าทุกครั้งที่แก้ไข) แล้วลงนามใหม่",
    ),
    "registry_no_expiry": (
        "hardened mode: {path} has no `expires`; add an end date (e.g. `expires: 2570-09-30`) and sign again",
        "โหมดเข้มงวด: {path} ไม่มี `expires` ให้เพิ่มวันหมดอายุ (เช่น `expires: 2570-09-30`) แล้วลงนามใหม่",
    ),
    "registry_expired": (
        "hardened mode: {path} expired at {expires}; root key holders must review it, extend `expires`, "
        "raise `version` and sign again; nothing gated is published until then",
        "โหมดเข้มงวด: {path} หมดอายุเมื่อ {expires} ผู้ถือกุญแจหลักต้องตรวจทาน ขยาย `expires` เพิ่ม `version` "
        "แล้วลงนามใหม่ จะไม่เผยแพร่โพสต์ใดจนกว่าจะลงนาม",
    ),
    "registry_rolled_back": (
        "hardened mode: {path} is version {version}, older than version {seen} already seen here; "
        "an old registry was brought back; restore the newest one",
        "โหมดเข้มงวด: {path} เป็นรุ่น {version} ซึ่งเก่ากว่ารุ่น {seen} ที่เคยใช้แล้ว มีการนำทะเบียนรุ่นเก่ากลับมาใช้ ให้กู้คืนรุ่นล่าสุด",
    ),
    "registry_state_unreadable": (
        "hardened mode: the version record {path} cannot be read or written; fix or restore it "
        "(GATE_STATE_FILE); nothing gated is published until then",
        "โหมดเข้มงวด: อ่านหรือเขียนไฟล์บันทึกรุ่นทะเบียน {path} ไม่ได้ ให้แก้ไขหรือกู้คืน (GATE_STATE_FILE) จะไม่เผยแพร่โพสต์ใดจนกว่าจะแก้ไข",
    ),
    "cli_passphrase_prompt": ("Passphrase of your signing key", "รหัสผ่านของกุญแจลงนาม"),
    "cli_passphrase_file": (
        "GATE_PASSPHRASE_FILE {path} cannot be read ({detail})",
        "อ่านไฟล์รหัสผ่าน GATE_PASSPHRASE_FILE {path} ไม่ได้ ({detail})",
    ),
    "cli_passphrase_short": (
        "the passphrase must have at least {length} characters",
        "รหัสผ่านต้องมีอย่างน้อย {length} ตัวอักษร",
    ),
    "cli_key_unreadable": (
        "the key {path} cannot be read ({detail}); create one with `gate keygen --id ID` or pass --key",
        "อ่านกุญแจ {path} ไม่ได้ ({detail}) ให้สร้างด้วย `gate keygen --id ID` หรือระบุ --key",
    ),
    "cli_key_unprotected": (
        "the key {path} has no passphrase; protect it with `ssh-keygen -p -f {path}` first",
        "กุญแจ {path} ไม่มีรหัสผ่าน ให้ตั้งรหัสผ่านด้วย `ssh-keygen -p -f {path}` ก่อน",
    ),
    "cli_wrong_passphrase": (
        "wrong passphrase for {path}; nothing was signed",
        "รหัสผ่านของ {path} ไม่ถูกต้อง ยังไม่ได้ลงนามใด ๆ",
    ),
    "cli_bad_id": (
        "'{id}' is not a valid id: use lower-case letters, digits, '.', '_' or '-'",
        "'{id}' ใช้เป็นรหัสไม่ได้ ให้ใช้อักษรอังกฤษตัวเล็ก ตัวเลข '.' '_' หรือ '-'",
    ),
    "cli_key_exists": (
        "{path} already exists; a key is never overwritten (remove it yourself if you really mean to)",
        "มี {path} อยู่แล้ว ระบบจะไม่เขียนทับกุญแจ (หากต้องการจริงให้ลบด้วยตนเอง)",
    ),
    "cli_keygen_done": (
        "Created {path} (passphrase-protected, readable by you only).\nFingerprint: {fingerprint}\n"
        "Line for approvers.yml (under your `keys:`):",
        "สร้าง {path} แล้ว (มีรหัสผ่าน อ่านได้เฉพาะคุณ)\nลายนิ้วมือกุญแจ: {fingerprint}\n"
        "บรรทัดสำหรับ approvers.yml (ใต้ `keys:` ของคุณ):",
    ),
    "cli_keygen_next": (
        "Send {pub} to the webmaster, who runs: gate registry add-key --id {id} --key-file {id}.pub",
        "ส่งไฟล์ {pub} ให้ผู้ดูแลเว็บไซต์ เพื่อสั่ง: gate registry add-key --id {id} --key-file {id}.pub",
    ),
    "cli_reason_characters": (
        "the reason must be one line of plain text, without control or text-direction characters",
        "เหตุผลต้องเป็นข้อความบรรทัดเดียว ไม่มีอักขระควบคุมหรืออักขระกำหนดทิศทางข้อความ",
    ),
    "cli_summary_title": ("Title:   {title}", "หัวข้อ:   {title}"),
    "cli_summary_path": ("Post:    {path}", "โพสต์:    {path}"),
    "cli_summary_window": ("Period:  {start} – {end}", "ช่วงเผยแพร่:  {start} – {end}"),
    "cli_summary_digest": ("Digest:  {digest}", "ค่าตรวจสอบ:  {digest}"),
    "cli_summary_no_chain": ("Sign-offs so far: none", "การลงนามที่มีแล้ว: ยังไม่มี"),
    "cli_summary_chain_entry": (
        "Sign-off {number}: {role}: {name} ({signer}) approved, {at}",
        "ลงนามขั้นที่ {number}: {role}: {name} ({signer}) อนุมัติเมื่อ {at}",
    ),
    "cli_summary_you": (
        "You sign as {name} ({signer}), {role}: {verdict}",
        "คุณลงนามในนาม {name} ({signer}) ตำแหน่ง{role}: {verdict}",
    ),
    "cli_summary_reason": ("Reason:  {reason}", "เหตุผล:  {reason}"),
    "cli_verdict_approve": ("APPROVE", "อนุมัติ"),
    "cli_verdict_reject": ("REFUSE", "ไม่อนุมัติ"),
    "cli_confirm": ("Sign this?", "ยืนยันการลงนาม?"),
    "cli_cancelled": ("Cancelled; nothing was signed.", "ยกเลิกแล้ว ยังไม่ได้ลงนามใด ๆ"),
    "cli_post_changed": (
        "{path} changed while you were signing; nothing was written; run the command again",
        "{path} ถูกแก้ไขระหว่างที่คุณลงนาม ยังไม่ได้บันทึกใด ๆ ให้สั่งใหม่อีกครั้ง",
    ),
    "cli_signed_state": ("Signed. {path} is now: {state}", "ลงนามแล้ว {path} อยู่ในสถานะ: {state}"),
    "cli_key_not_registered": (
        "key {fingerprint} is not a current key of {signer} in approvers.yml; "
        "use your own registered key or ask the webmaster to add it",
        "กุญแจ {fingerprint} ไม่ใช่กุญแจที่ใช้งานได้ของ {signer} ใน approvers.yml "
        "ให้ใช้กุญแจของคุณที่ลงทะเบียนไว้ หรือขอให้ผู้ดูแลเว็บไซต์เพิ่มกุญแจ",
    ),
    "cli_signoff_modes": (
        "use either --ssh-keygen (write the statement) or --signature (record the signature), not both",
        "ใช้ --ssh-keygen (เขียนข้อความที่จะลงนาม) หรือ --signature (บันทึกลายมือชื่อ) อย่างใดอย่างหนึ่ง",
    ),
    "cli_signatures_off": (
        "this site has `signatures: off`; sign-offs record names only, without keys",
        "เว็บไซต์นี้ตั้ง `signatures: off` การลงนามบันทึกเพียงชื่อ ไม่ใช้กุญแจ",
    ),
    "cli_statement_written": (
        "Statement written to {path}. Sign it with your own key:",
        "เขียนข้อความที่จะลงนามไว้ที่ {path} แล้ว ให้ลงนามด้วยกุญแจของคุณ:",
    ),
    "cli_statement_next": ("Then record the signature:", "จากนั้นบันทึกลายมือชื่อ:"),
    "cli_statement_missing": (
        "{path}: the signature file must be STATEMENT.sig next to the statement written by --ssh-keygen",
        "{path}: ไฟล์ลายมือชื่อต้องชื่อ STATEMENT.sig และอยู่คู่กับไฟล์ข้อความที่ได้จาก --ssh-keygen",
    ),
    "cli_statement_bad": (
        "{path} is not a statement written by `gate … --ssh-keygen`, or the signature file is damaged",
        "{path} ไม่ใช่ข้อความที่ได้จาก `gate … --ssh-keygen` หรือไฟล์ลายมือชื่อเสียหาย",
    ),
    "cli_statement_stale": (
        "the post changed after {path} was written; make a new statement with --ssh-keygen and sign that",
        "โพสต์ถูกแก้ไขหลังจากเขียน {path} ให้สร้างข้อความใหม่ด้วย --ssh-keygen แล้วลงนามใหม่",
    ),
    "cli_statement_mismatch": (
        "{path} is not the statement for this step (site, path, role, signer, decision or chain differ); "
        "make a new one with --ssh-keygen",
        "{path} ไม่ตรงกับขั้นตอนนี้ (เว็บไซต์ ตำแหน่งไฟล์ บทบาท ผู้ลงนาม การตัดสิน หรือลำดับต่างกัน) ให้สร้างใหม่ด้วย --ssh-keygen",
    ),
    "cli_signature_bad": (
        "{path} does not verify over the statement; sign the statement file again with ssh-keygen",
        "{path} ตรวจสอบกับข้อความไม่ผ่าน ให้ลงนามไฟล์ข้อความใหม่ด้วย ssh-keygen",
    ),
    "cli_audit_nothing": ("{path} has no sign-offs", "{path} ยังไม่มีการลงนาม"),
    "cli_audit_no_entry": (
        "there is no sign-off {number}; the post has {count}",
        "ไม่มีการลงนามลำดับที่ {number} โพสต์นี้มี {count} รายการ",
    ),
    "cli_audit_unsigned": (
        "sign-off {number} has no signature; there is nothing to verify",
        "การลงนามลำดับที่ {number} ไม่มีลายมือชื่อดิจิทัล จึงไม่มีสิ่งใดให้ตรวจสอบ",
    ),
    "cli_audit_key_unknown": (
        "sign-off {number}: key {fingerprint} is not in approvers.yml; no allowed_signers line for it",
        "การลงนามลำดับที่ {number}: กุญแจ {fingerprint} ไม่อยู่ใน approvers.yml จึงไม่มีบรรทัด allowed_signers",
    ),
    "cli_audit_entry": (
        "sign-off {number} ({role}, {signer}, {at}): check with",
        "การลงนามลำดับที่ {number} ({role}, {signer}, {at}) ตรวจสอบด้วย",
    ),
    "cli_registry_unparsable": (
        "approvers.yml cannot be edited: {detail}; fix it by hand first",
        "แก้ไข approvers.yml ไม่ได้: {detail} ให้แก้ไขไฟล์ด้วยมือก่อน",
    ),
    "cli_registry_shape": (
        "`{key}` in approvers.yml has a shape this command cannot edit; edit it by hand",
        "`{key}` ใน approvers.yml มีรูปแบบที่คำสั่งนี้แก้ไขไม่ได้ ให้แก้ไขด้วยมือ",
    ),
    "cli_registry_no_person": (
        "no person with id '{id}' in approvers.yml; add them with `gate registry add-person`",
        "ไม่มีบุคคลรหัส '{id}' ใน approvers.yml ให้เพิ่มด้วย `gate registry add-person`",
    ),
    "cli_registry_no_key": (
        "{id} has no key matching '{key}'; give its SHA256: fingerprint or its public key line",
        "{id} ไม่มีกุญแจที่ตรงกับ '{key}' ให้ระบุลายนิ้วมือ SHA256: หรือบรรทัดกุญแจสาธารณะ",
    ),
    "cli_registry_key_needed": (
        'give the public key with --key "ssh-ed25519 …" or --key-file FILE.pub',
        'ให้ระบุกุญแจสาธารณะด้วย --key "ssh-ed25519 …" หรือ --key-file FILE.pub',
    ),
    "cli_registry_refused": (
        "approvers.yml was not changed: the result would be invalid ({detail})",
        "ไม่ได้แก้ไข approvers.yml เพราะผลลัพธ์จะไม่ถูกต้อง ({detail})",
    ),
    "cli_registry_saved": (
        "{path} updated; have the change reviewed and committed",
        "ปรับปรุง {path} แล้ว ให้ส่งการแก้ไขเพื่อตรวจทานและบันทึกเข้าระบบ",
    ),
    "cli_registry_resign": (
        "version is now {version}; in hardened mode root key holders must sign it again (`gate registry sign`)",
        "รุ่นทะเบียนเป็น {version} แล้ว ในโหมดเข้มงวดผู้ถือกุญแจหลักต้องลงนามใหม่ (`gate registry sign`)",
    ),
    "cli_registry_key_added": ("added key {fingerprint} to {id}", "เพิ่มกุญแจ {fingerprint} ให้ {id} แล้ว"),
    "cli_registry_revoked": (
        "revoked {fingerprint}: every sign-off it made no longer counts; the signers must sign again",
        "เพิกถอน {fingerprint} แล้ว การลงนามทั้งหมดจากกุญแจนี้ไม่มีผล ผู้ลงนามต้องลงนามใหม่",
    ),
    "cli_registry_sign_needs": (
        "{path} needs `version` and `expires` before root keys sign it",
        "{path} ต้องมี `version` และ `expires` ก่อนให้กุญแจหลักลงนาม",
    ),
    "cli_registry_signed": (
        "signed version {version} with {fingerprint}; {path} now holds {count} signature(s) over these exact bytes",
        "ลงนามรุ่น {version} ด้วย {fingerprint} แล้ว {path} มีลายมือชื่อ {count} รายการสำหรับไฟล์ฉบับนี้",
    ),
    # --- measuring and reliability ---------------------------------------------
    "judge_cache": (
        "{parsed} posts read and verified, {reused} unchanged since the last build (not verified again)",
        "อ่านและตรวจลายมือชื่อ {parsed} โพสต์ ใช้ผลเดิม {reused} โพสต์ที่ไม่เปลี่ยนแปลงตั้งแต่การสร้างครั้งก่อน",
    ),
    # --- publishing on a schedule (tombstones) ---------------------------------
    "tombstone_title": (
        "The publication period of this information has ended",
        "ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว",
    ),
    "tombstone_text": (
        "It has been taken down from the website according to its approved publication period.",
        "ข้อมูลนี้ถูกนำลงจากเว็บไซต์ตามระยะเวลาการเผยแพร่ที่ได้รับอนุมัติ",
    ),
    "tombstone_home": ("Go to the home page of {site}", "ไปที่หน้าแรกของ{site}"),
    "tombstones_laid": (
        "{count} taken-down URLs serve a notice page (listed in {list})",
        "ลิงก์ของโพสต์ที่นำลงแล้ว {count} รายการแสดงหน้าแจ้งสิ้นสุดการเผยแพร่ (รายการอยู่ใน {list})",
    ),
    # --- take-down that is always right (moves, notices, the web server) ------
    "takedown_clash": (
        "'{path}' was not taken down: {detail} already exists and is not this post as it was signed "
        "(another post, or this one without its sign-offs); both are kept. Compare the two files, "
        "remove or rename the one that is wrong, then build again",
        "ไม่ได้นำ '{path}' ลง: มีไฟล์ {detail} อยู่แล้วและไม่ใช่โพสต์นี้ตามที่ลงนามไว้ "
        "(เป็นโพสต์อื่น หรือเป็นโพสต์นี้แต่ไม่มีลายมือชื่อ) จึงเก็บไว้ทั้งสองไฟล์ "
        "ให้เปรียบเทียบทั้งสองไฟล์ ลบหรือเปลี่ยนชื่อไฟล์ที่ไม่ถูกต้อง แล้วสร้างเว็บไซต์ใหม่",
    ),
    "move_symlink": (
        "'{path}' was not moved: {detail} is a symbolic link, and links are never followed; "
        "replace the link with the real file or folder, then run again",
        "ไม่ได้ย้าย '{path}': {detail} เป็นลิงก์สัญลักษณ์ (symbolic link) ซึ่งจะไม่ถูกติดตาม ให้แทนที่ลิงก์ด้วยไฟล์หรือโฟลเดอร์จริง แล้วสั่งใหม่",
    ),
    "tombstone_unwritable": (
        "the notice page of taken-down '{path}' cannot be written at {url} ({detail}); that URL answers "
        "404 instead. Give the post a shorter file name (at most 250 bytes; a Thai letter takes 3)",
        "เขียนหน้าแจ้งสิ้นสุดการเผยแพร่ของ '{path}' ที่ {url} ไม่ได้ ({detail}) ลิงก์นั้นจะแสดง 404 แทน "
        "ให้ตั้งชื่อไฟล์โพสต์ให้สั้นลง (ไม่เกิน 250 ไบต์ อักษรไทยหนึ่งตัวใช้ 3 ไบต์)",
    ),
    "nginx_no_list": (
        "{path} not found: build the site first (mkdocs build), then run gate nginx again",
        "ไม่พบ {path} ให้สร้างเว็บไซต์ก่อน (mkdocs build) แล้วสั่ง gate nginx ใหม่",
    ),
    "nginx_skipped_url": (
        "'{url}' holds a quote, backslash, '$', brace or control character and is left out of the nginx "
        "configuration (its notice page is still served); rename the post",
        "'{url}' มีเครื่องหมายคำพูด แบ็กสแลช '$' วงเล็บปีกกา หรืออักขระควบคุม จึงไม่ได้ใส่ไว้ในการตั้งค่า nginx "
        "(ยังแสดงหน้าแจ้งสิ้นสุดการเผยแพร่ตามปกติ) ให้เปลี่ยนชื่อไฟล์โพสต์",
    ),
    "nginx_written": (
        "wrote the nginx configuration for {count} taken-down URLs to {path}; include it in the site's "
        "server block and reload nginx",
        "เขียนการตั้งค่า nginx สำหรับลิงก์ที่นำลงแล้ว {count} รายการไว้ที่ {path} แล้ว "
        "ให้ include ไว้ใน server block ของเว็บไซต์ แล้ว reload nginx",
    ),
    # --- the front-matter allowlist, plain text, safe names (docs/front-matter.md) ---------
    "unknown_key": (
        "`{key}` is not a key a gated post may have; remove it (docs/front-matter.md lists the allowed keys)",
        "ช่อง `{key}` ไม่ใช่ช่องที่โพสต์ที่ต้องอนุมัติใช้ได้ ให้ลบออก (รายการช่องที่ใช้ได้อยู่ใน docs/front-matter.md)",
    ),
    "author_key": (
        "`{key}` is not allowed (themes print it without escaping); list author ids under `authors` instead, "
        "or remove it",
        "ห้ามใช้ช่อง `{key}` (ธีมแสดงค่านี้โดยไม่กรอง) ให้ใส่รหัสผู้เขียนในช่อง `authors` แทน หรือลบออก",
    ),
    "field_too_long": (
        "`{key}` is {length} characters long; shorten it to at most {max}",
        "ช่อง `{key}` ยาว {length} ตัวอักษร ให้ย่อให้เหลือไม่เกิน {max} ตัวอักษร",
    ),
    "too_many_items": (
        "`{key}` has {count} entries; keep at most {max}",
        "ช่อง `{key}` มี {count} รายการ ให้เหลือไม่เกิน {max} รายการ",
    ),
    "field_bad_char": (
        "`{key}` contains an invisible or control character ({char}); delete it and retype the text",
        "ช่อง `{key}` มีอักขระควบคุมหรืออักขระที่มองไม่เห็น ({char}) ให้ลบแล้วพิมพ์ข้อความใหม่",
    ),
    "field_html_char": (
        "`{key}` contains '{char}'; write plain text without HTML (no <, >, \" or &)",
        "ช่อง `{key}` มีอักขระ '{char}' ให้เขียนเป็นข้อความธรรมดาโดยไม่มี HTML (ห้ามใช้ < > \" และ &)",
    ),
    "not_bool": (
        "`{key}` must be true or false, without quotes (it is {value})",
        "ช่อง `{key}` ต้องเป็น true หรือ false โดยไม่มีเครื่องหมายคำพูด (ตอนนี้เป็น {value})",
    ),
    "readtime_bad": (
        "`{key}` must be a whole number of minutes from 1 to 999, without quotes (it is {value})",
        "ช่อง `{key}` ต้องเป็นจำนวนนาทีเต็ม 1 ถึง 999 โดยไม่มีเครื่องหมายคำพูด (ตอนนี้เป็น {value})",
    ),
    "blog_date_bad": (
        "`{key}` {value} is not a date the blog can read; write a Common-Era date without quotes, "
        "e.g. 2026-11-26 or 2026-11-26 09:00:00",
        "ช่อง `{key}` {value} ไม่ใช่วันที่ที่บล็อกอ่านได้ ให้เขียนวันที่เป็นปี ค.ศ. โดยไม่มีเครื่องหมายคำพูด "
        "เช่น 2026-11-26 หรือ 2026-11-26 09:00:00",
    ),
    "authors_no_file": (
        "`{key}` needs the blog's authors file (.authors.yml), and the site has none; remove `{key}` "
        "or ask the web master to add the file",
        "ช่อง `{key}` ต้องใช้ไฟล์รายชื่อผู้เขียนของบล็อก (.authors.yml) ซึ่งเว็บไซต์นี้ไม่มี ให้ลบช่อง `{key}` หรือขอให้ผู้ดูแลเว็บไซต์เพิ่มไฟล์",
    ),
    "authors_unknown": (
        "`{key}`: '{value}' is not an author id in the blog's .authors.yml; use one of: {allowed}",
        "ช่อง `{key}`: '{value}' ไม่ใช่รหัสผู้เขียนใน .authors.yml ของบล็อก ให้ใช้หนึ่งใน: {allowed}",
    ),
    "blog_category_bad": (
        "`{key}`: '{value}' is not one of the blog's categories; use one of: {allowed}",
        "ช่อง `{key}`: '{value}' ไม่ใช่หมวดหมู่ของบล็อก ให้ใช้หนึ่งใน: {allowed}",
    ),
    "links_shape": (
        "`{key}` must be a list of lines '- title: https://…'",
        "ช่อง `{key}` ต้องเป็นรายการบรรทัดแบบ '- ชื่อลิงก์: https://…'",
    ),
    "slug_bad": (
        "`{key}` {value} is not a safe name: use Thai or ASCII letters, digits, '-', '_' and '.', "
        "not first '.' or '-', at most 255 bytes",
        "ช่อง `{key}` {value} ไม่ใช่ชื่อที่ปลอดภัย ให้ใช้ตัวอักษรไทยหรืออังกฤษ ตัวเลข '-' '_' และ '.' "
        "ห้ามขึ้นต้นด้วย '.' หรือ '-' ยาวไม่เกิน 255 ไบต์",
    ),
    "hide_bad": (
        "`{key}` must be a list of some of: {allowed}",
        "ช่อง `{key}` ต้องเป็นรายการที่เลือกจาก: {allowed}",
    ),
    "search_bad": (
        "`{key}` may only hold 'exclude: true' or 'exclude: false'",
        "ช่อง `{key}` มีได้เพียง 'exclude: true' หรือ 'exclude: false'",
    ),
    "name_bad_char": (
        "the file name '{path}' has a character file names may not hold ({char}); rename it with Thai or ASCII "
        "letters, digits, '-', '_' and '.' only (`gate new --slug` sets a name)",
        "ชื่อไฟล์ '{path}' มีอักขระที่ใช้ในชื่อไฟล์ไม่ได้ ({char}) ให้เปลี่ยนชื่อโดยใช้ตัวอักษรไทยหรืออังกฤษ ตัวเลข "
        "'-' '_' และ '.' เท่านั้น (ตั้งชื่อได้ด้วย `gate new --slug`)",
    ),
    "name_bad_start": (
        "the file name '{path}' has a part '{name}' that is empty or starts with '.' or '-'; rename it "
        "(`gate new --slug` sets a name)",
        "ชื่อไฟล์ '{path}' มีส่วน '{name}' ที่ว่างหรือขึ้นต้นด้วย '.' หรือ '-' ให้เปลี่ยนชื่อ (ตั้งชื่อได้ด้วย `gate new --slug`)",
    ),
    "name_part_too_long": (
        "a name in '{path}' is too long (at most {max} bytes of UTF-8, about 85 Thai characters); choose a "
        "shorter one with `gate new --slug`",
        "ชื่อใน '{path}' ยาวเกินไป (ไม่เกิน {max} ไบต์ UTF-8 หรือประมาณ 85 ตัวอักษรไทย) ให้ตั้งชื่อที่สั้นลงด้วย `gate new --slug`",
    ),
    "yaml_too_deep": (
        "the front matter nests lists or mappings too deep to read; write it flat, as in `gate new`",
        "ส่วนแบบฟอร์มซ้อนรายการหรือช่องย่อยลึกเกินกว่าจะอ่านได้ ให้เขียนแบบไม่ซ้อนตามแบบที่ได้จาก `gate new`",
    ),
    "name_too_long": (
        "the file name '{path}' is too long (at most {max} characters); choose a shorter one with `gate new --slug`",
        "ชื่อไฟล์ '{path}' ยาวเกินไป (ไม่เกิน {max} ตัวอักษร) ให้ตั้งชื่อที่สั้นลงด้วย `gate new --slug`",
    ),
    # --- what the approvers are shown; when sign-offs were first seen (issue 23) ---------
    "review_invalid_post": (
        "This post is invalid: it cannot be signed, and the site will not publish it. The reasons are below.",
        "โพสต์นี้ไม่ถูกต้อง ลงนามไม่ได้ และเว็บไซต์จะไม่เผยแพร่ ดูเหตุผลด้านล่าง",
    ),
    "signoff_before_request": (
        "`{key}`: the sign-off is dated {value}, before the post was requested ({requested}); a sign-off cannot "
        "come before the request: sign again",
        "`{key}`: การลงนามลงวันที่ {value} ก่อนวันที่ขอเผยแพร่ ({requested}) การลงนามต้องไม่ก่อนวันขอเผยแพร่ ให้ลงนามใหม่",
    ),
    "signoff_seen_after_role": (
        "`{key}`: the publish run first saw this sign-off at {seen}, after {signer}'s role {role} ended ({end}); "
        "however it is dated, it does not count: ask the person who holds the role now to sign",
        "`{key}`: ระบบเผยแพร่พบการลงนามนี้ครั้งแรกเมื่อ {seen} หลังจากที่ {signer} พ้นบทบาท {role} แล้ว ({end}) "
        "ไม่ว่าจะลงวันที่ใดก็ไม่นับ ให้ผู้ที่ดำรงบทบาทนี้ในปัจจุบันลงนาม",
    ),
    "signoff_seen_after_key": (
        "`{key}`: the publish run first saw this sign-off at {seen}, after the key {fingerprint} was retired "
        "({end}); however it is dated, it does not count: sign again with a current key",
        "`{key}`: ระบบเผยแพร่พบการลงนามนี้ครั้งแรกเมื่อ {seen} หลังจากเลิกใช้กุญแจ {fingerprint} แล้ว ({end}) "
        "ไม่ว่าจะลงวันที่ใดก็ไม่นับ ให้ลงนามใหม่ด้วยกุญแจปัจจุบัน",
    ),
    "witness_unreadable": (
        "{path} cannot be read ({detail}): every sign-off counts as first seen now and the file is not rewritten; "
        "restore it from git",
        "อ่านไฟล์ {path} ไม่ได้ ({detail}) ทุกการลงนามจะนับว่าพบครั้งแรกในขณะนี้ และจะไม่เขียนไฟล์ทับ ให้กู้คืนไฟล์จาก git",
    ),
    "witness_recorded": (
        "recorded {count} sign-off(s) first seen now in {path}; commit it with the take-downs",
        "บันทึกการลงนามที่พบครั้งแรกในขณะนี้ {count} รายการลงใน {path} แล้ว ให้ commit พร้อมกับการนำโพสต์ลง",
    ),
    "field_description": ("Description (search engines, link previews)", "คำอธิบาย (เครื่องมือค้นหา ตัวอย่างลิงก์)"),
    "field_tags": ("Tags", "ป้ายกำกับ"),
    "field_date": ("Blog date", "วันที่ของบล็อก"),
    "field_categories": ("Blog categories", "หมวดหมู่ของบล็อก"),
    "field_authors": ("Authors", "ผู้เขียน"),
    "field_links": ("Related links", "ลิงก์ที่เกี่ยวข้อง"),
    "field_pin": ("Pinned on the blog index", "ปักหมุดไว้บนหน้ารวมบล็อก"),
    "field_readtime": ("Reading time (minutes)", "เวลาอ่าน (นาที)"),
    "field_slug": ("Name in the address (slug)", "ชื่อในที่อยู่เว็บ (slug)"),
    "field_hide": ("Parts of the page hidden", "ส่วนของหน้าที่ซ่อนไว้"),
    "field_search": ("Search", "การค้นหา"),
    "field_attachments": (
        "Attachments (bound to what you sign by their SHA-256)",
        "ไฟล์แนบ (ผูกกับสิ่งที่ท่านลงนามด้วยค่า SHA-256)",
    ),
    "field_no_attachments": ("Attachments: none", "ไฟล์แนบ: ไม่มี"),
    "review_site_keys_heading": ("What else the site publishes", "ข้อมูลอื่นที่เว็บไซต์เผยแพร่"),
    "cli_summary_field": ("{label} ({key}):  {value}", "{label} ({key}):  {value}"),
    "cli_summary_attachment": ("    {name}  sha256:{sha256}", "    {name}  sha256:{sha256}"),
    "form_site_key": ("{label} ({key}): {value}", "{label} ({key}): {value}"),
    "form_attachment": ("Attachment {name}", "ไฟล์แนบ {name}"),
    # --- adopting the gate (`gate init`), scope and signatures-off messages -------
    "no_form_scope_hint": (
        "If '{path}' is an ordinary page, not a post: add it to the plugin's `exempt` (and `!/{path}` to "
        "`exclude_docs`), or limit `gated` to the posts' folder",
        "หาก '{path}' เป็นหน้าทั่วไป ไม่ใช่โพสต์ ให้เพิ่มไว้ใน `exempt` ของปลั๊กอิน (และเพิ่ม `!/{path}` ใน "
        "`exclude_docs`) หรือจำกัด `gated` ไว้เฉพาะโฟลเดอร์ของโพสต์",
    ),
    "signatures_off_build": (
        "signatures: off: NOTHING IS VERIFIED; sign-offs are names only and anyone who can edit a post can "
        "publish it. Set `signatures: required` for a real site",
        "signatures: off: ไม่มีการตรวจสอบลายมือชื่อใดเลย การลงนามเป็นเพียงชื่อ ผู้ที่แก้ไขโพสต์ได้ก็เผยแพร่ได้ "
        "ให้ตั้ง `signatures: required` สำหรับเว็บไซต์จริง",
    ),
    "init_first_person": (
        "approvers.yml does not exist yet: name its first person with --id, --name and --role "
        '(e.g. --id somchai --name "นายสมชาย ใจดี" --role chair)',
        "ยังไม่มี approvers.yml ให้ระบุบุคคลแรกด้วย --id, --name และ --role "
        '(เช่น --id somchai --name "นายสมชาย ใจดี" --role chair)',
    ),
    "init_bad_role": (
        "unknown role {role!r}: use chair or director",
        "ไม่รู้จักบทบาท {role!r} ให้ใช้ chair หรือ director",
    ),
    "init_bad_config": (
        "{path} cannot be read as YAML ({detail}); fix it, then run gate init again",
        "อ่าน {path} เป็น YAML ไม่ได้ ({detail}) ให้แก้ไขแล้วสั่ง gate init อีกครั้ง",
    ),
    "init_plugins_shape": (
        "{path}: `plugins` is written in a form gate init cannot edit safely; add approval-gate first "
        "among the plugins by hand (see the README, 'Adopting it on your own site')",
        "{path}: `plugins` เขียนในรูปแบบที่ gate init แก้ไขเองอย่างปลอดภัยไม่ได้ ให้เพิ่ม approval-gate "
        "เป็นปลั๊กอินแรกด้วยตนเอง (ดู README หัวข้อ 'Adopting it on your own site')",
    ),
    "init_exclude_docs_shape": (
        "{path}: `exclude_docs` is not text; write it as a block (`exclude_docs: |`), then run gate init again",
        "{path}: `exclude_docs` ไม่ใช่ข้อความ ให้เขียนเป็นบล็อก (`exclude_docs: |`) แล้วสั่ง gate init อีกครั้ง",
    ),
    "init_already": (
        "{path} already lists approval-gate: mkdocs.yml is left as it is",
        "{path} มี approval-gate อยู่แล้ว จึงไม่แก้ไข mkdocs.yml",
    ),
    "init_scope": (
        "Scope: every page stays gated (the safer default: a page added later is published only once it is "
        "signed off or listed under `exempt`). The {count} page(s) without a request form that the site has "
        "today are listed under `exempt`, so they stay published as they are; {posts} page(s) with a request "
        "form will be judged:",
        "ขอบเขต: ทุกหน้ายังต้องผ่านการอนุมัติ (ค่าที่ปลอดภัยกว่า: หน้าที่เพิ่มภายหลังจะเผยแพร่เมื่อได้รับการลงนาม "
        "หรือระบุไว้ใน `exempt` เท่านั้น) หน้าที่ไม่มีแบบขออนุญาต {count} หน้าที่มีอยู่ในวันนี้ระบุไว้ใน `exempt` "
        "จึงเผยแพร่ต่อไปตามเดิม หน้าที่มีแบบขออนุญาต {posts} หน้าจะได้รับการตรวจสอบ:",
    ),
    "init_assets": (
        "{count} `assets` pattern(s) keep today's static files (images, styles) published as they are",
        "รูปแบบ `assets` {count} รายการทำให้ไฟล์คงที่ที่มีอยู่ในวันนี้ (รูปภาพ สไตล์) เผยแพร่ต่อไปตามเดิม",
    ),
    "init_kept_out": (
        "{count} `exempt` pattern(s) name what the site's own `exclude_docs` keeps out: never judged, still kept out",
        "รูปแบบ `exempt` {count} รายการระบุสิ่งที่ `exclude_docs` เดิมของเว็บไซต์กันไว้ ไม่ต้องตรวจสอบและยังคงไม่เผยแพร่",
    ),
    "init_new_file": ("new file: {path}", "ไฟล์ใหม่: {path}"),
    "init_kept_file": ("kept as it is (already there): {path}", "มีอยู่แล้ว ไม่แก้ไข: {path}"),
    "init_theme_lines": (
        "The Thai theme (Material) needs, under `theme:` in mkdocs.yml: `language: th`, `custom_dir: overrides`, "
        "`font: false`, and `extra_css: [assets/stylesheets/thai.css]` at the top level; add them by hand",
        "ธีมภาษาไทย (Material) ต้องเพิ่มใต้ `theme:` ใน mkdocs.yml: `language: th`, `custom_dir: overrides`, "
        "`font: false` และเพิ่ม `extra_css: [assets/stylesheets/thai.css]` ที่ระดับบนสุด ให้เพิ่มด้วยตนเอง",
    ),
    "init_dry_run": (
        "Nothing was written. Run again with --write to make these changes. The publish workflow installs with "
        "`make` and builds with `make build`: adapt those two steps to your site",
        "ยังไม่ได้เขียนไฟล์ใด ให้สั่งอีกครั้งพร้อม --write เพื่อบันทึกการเปลี่ยนแปลง เวิร์กโฟลว์การเผยแพร่ติดตั้งด้วย "
        "`make` และสร้างเว็บด้วย `make build` ให้ปรับสองขั้นตอนนี้ให้เข้ากับเว็บไซต์ของท่าน",
    ),
    "init_written": (
        "Written in {path}. Next: each approver runs `gate keygen --id ID`, the webmaster adds the keys "
        "with `gate registry add-key` (and people with `gate registry add-person`), then `gate new TITLE`",
        "บันทึกใน {path} แล้ว ขั้นต่อไป: ผู้อนุมัติแต่ละคนสั่ง `gate keygen --id ID` ผู้ดูแลเว็บไซต์เพิ่มกุญแจด้วย "
        "`gate registry add-key` (และเพิ่มบุคคลด้วย `gate registry add-person`) แล้วเริ่มโพสต์ด้วย `gate new TITLE`",
    ),
    # --- the public Thai site (theme.py): MkDocs' draft mark, the blog date checked against publish_from ---
    "draft_marker": ("DRAFT", "ฉบับร่าง"),
    "draft_marker_title": (
        "This page will not be included in the built site.",
        "หน้านี้จะไม่ถูกเผยแพร่บนเว็บไซต์จริง",
    ),
    "blog_date_missing_from": (
        "`date` is missing: the blog needs the post's date; add `date: {value}` (the day of publish_from, "
        "which `gate new` writes for you)",
        "ไม่มีช่อง `date`: บล็อกต้องใช้วันที่ของโพสต์ ให้เพิ่ม `date: {value}` (วันเดียวกับ publish_from "
        "ซึ่งคำสั่ง `gate new` เขียนให้อัตโนมัติ)",
    ),
    # --- make demo (scripts/demo.py): the narration of the walk-through ------------
    "demo_title": (
        "Demo: free diabetes screening (a demo post)",
        "ทดลองระบบ: ขอเชิญตรวจคัดกรองเบาหวานฟรี (ข่าวสาธิต)",
    ),
    "demo_intro": (
        "A walk through the publication workflow, in the throwaway folder {folder}.\n"
        "The approvers are made-up demo people with keys made for this demo only;\n"
        "nothing in the repository (approvers.yml, posts) is changed.",
        "สาธิตขั้นตอนการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ ในโฟลเดอร์ชั่วคราว {folder}\n"
        "ผู้อนุมัติในการสาธิตเป็นบุคคลสมมติ (สาธิต) ใช้กุญแจที่สร้างขึ้นใหม่สำหรับการสาธิตเท่านั้น\n"
        "ไม่มีการแก้ไข approvers.yml หรือโพสต์ใด ๆ ของที่เก็บจริง",
    ),
    "demo_clock": (
        "Demo clock: {at}",
        "เวลาในการสาธิต: {at}",
    ),
    "demo_s_keys": (
        "The webmaster adds two demo approvers, a chair and a director. Each makes their own signing key "
        "(gate keygen) and hands the public half to the webmaster for the registry.",
        "ผู้ดูแลเว็บไซต์เพิ่มผู้อนุมัติสาธิต: ประธานศูนย์ข้อมูลข่าวสาร และนายแพทย์สาธารณสุขจังหวัด "
        "แต่ละคนสร้างกุญแจลงนามของตนเอง (gate keygen) และส่งกุญแจสาธารณะให้ผู้ดูแลเว็บไซต์ลงทะเบียน",
    ),
    "demo_s_new": (
        "The requester creates the request form (gate new), then fills in their name and the details.",
        "ผู้ขอเผยแพร่สร้างแบบขออนุญาตเผยแพร่ (gate new) แล้วกรอกชื่อและรายละเอียดข้อมูล",
    ),
    "demo_filled": (
        "(form filled in: the requester's name and the text)",
        "(กรอกแบบฟอร์มแล้ว: ชื่อผู้ขอ และเนื้อหาข่าว)",
    ),
    "demo_s_check": (
        "The requester checks it: it waits for the chair.",
        "ผู้ขอเผยแพร่ตรวจแบบฟอร์ม: รอประธานศูนย์ข้อมูลข่าวสาร",
    ),
    "demo_s_reject": (
        "The chair refuses, with a reason the requester will see.",
        "ประธานศูนย์ข้อมูลข่าวสารไม่อนุมัติ พร้อมเหตุผลที่ผู้ขอเผยแพร่จะเห็น",
    ),
    "demo_reason": (
        "The text promises a cure; make it an invitation to screening.",
        "ข้อความอ้างว่ารักษาหายขาด ขอให้แก้เป็นการเชิญตรวจคัดกรอง",
    ),
    "demo_s_revise": (
        "The requester revises it and checks again: the old sign-off stays as history; the chain starts again.",
        "ผู้ขอเผยแพร่แก้ไขตามเหตุผลแล้วตรวจอีกครั้ง: การลงนามเดิมเป็นประวัติ เริ่มลำดับการอนุมัติใหม่",
    ),
    "demo_revised": (
        "(text revised)",
        "(แก้ไขเนื้อหาแล้ว)",
    ),
    "demo_s_chair": (
        "The chair approves; the director is next.",
        "ประธานศูนย์ข้อมูลข่าวสารตรวจแล้วอนุมัติ ส่งต่อนายแพทย์สาธารณสุขจังหวัด",
    ),
    "demo_s_director": (
        "The director approves.",
        "นายแพทย์สาธารณสุขจังหวัดอนุมัติ",
    ),
    "demo_s_publish": (
        "The webmaster puts it up (pending/ to content/, with their name recorded) and prints the filled "
        "request form as ITA evidence.",
        "ผู้ดูแลเว็บไซต์นำขึ้นเผยแพร่ (ย้ายจาก pending/ ไป content/ และบันทึกชื่อผู้นำขึ้น) และพิมพ์แบบขออนุญาตที่กรอกครบแล้วเป็นหลักฐาน ITA",
    ),
    "demo_webmaster": (
        "Web Master (demo)",
        "นายเว็บ มาสเตอร์ (สาธิต)",
    ),
    "demo_s_build": (
        "Build: only approved posts inside their period are published.",
        "สร้างเว็บไซต์: เผยแพร่เฉพาะโพสต์ที่อนุมัติครบและอยู่ในช่วงเวลาเผยแพร่",
    ),
    "demo_s_next": (
        "When the site next changes (CI schedules builds by it):",
        "เว็บไซต์จะเปลี่ยนครั้งถัดไปเมื่อ (CI ใช้เวลานี้ตั้งรอบสร้างเว็บไซต์)",
    ),
    "demo_s_expire": (
        "The period ends: the post is taken down (gate sweep does what the build does), then the site is built again.",
        "หมดช่วงเวลาเผยแพร่: นำโพสต์ลง (gate sweep ทำเหมือนกับการสร้างเว็บไซต์) แล้วสร้างเว็บไซต์อีกครั้ง",
    ),
    "demo_done": (
        "Done in {seconds:.0f} seconds.",
        "เสร็จแล้ว ใช้เวลา {seconds:.0f} วินาที",
    ),
    "demo_open": (
        "Open the results:\n"
        "  the site while the post was up:  {published}\n"
        "  the site after its take-down:    {site}\n"
        "  the filled request form:         {form}\n"
        "Serve a site and open it in a browser, e.g.\n"
        "  {serve_published}\n"
        "    http://127.0.0.1:8000/news/demo-news/   (the demo post)\n"
        "    http://127.0.0.1:8000/register/         (the publication register, ITA MOIT 1)\n"
        "  {serve_site}\n"
        "    http://127.0.0.1:8001/news/demo-news/   (the 'period ended' notice)\n"
        "Preview the posts awaiting approval (this machine only):\n"
        "  {preview}\n"
        "    http://127.0.0.1:8000/_pending/\n"
        "Remove the demo folder when done: rm -r {folder}",
        "เปิดดูผลลัพธ์:\n"
        "  เว็บไซต์ตอนที่ข่าวเผยแพร่อยู่:   {published}\n"
        "  เว็บไซต์หลังนำข่าวลง:         {site}\n"
        "  แบบขออนุญาตที่กรอกแล้ว:        {form}\n"
        "ให้บริการเว็บไซต์แล้วเปิดในเบราว์เซอร์ เช่น\n"
        "  {serve_published}\n"
        "    http://127.0.0.1:8000/news/demo-news/   (ข่าวสาธิต)\n"
        "    http://127.0.0.1:8000/register/         (ทะเบียนการเผยแพร่ ITA MOIT 1)\n"
        "  {serve_site}\n"
        "    http://127.0.0.1:8001/news/demo-news/   (หน้าแจ้งว่าสิ้นสุดระยะเวลาการเผยแพร่แล้ว)\n"
        "ดูตัวอย่างโพสต์ที่รออนุมัติ (เฉพาะเครื่องนี้):\n"
        "  {preview}\n"
        "    http://127.0.0.1:8000/_pending/\n"
        "ลบโฟลเดอร์สาธิตได้เมื่อไม่ใช้แล้ว: rm -r {folder}",
    ),
    # --- gate notify: telling each person what waits for them ----------------
    "registry_email": (
        "`{key}` '{detail}' is not an e-mail address; write it as name@example.go.th (a Thai domain in its xn-- form)",
        "`{key}` '{detail}' ไม่ใช่ที่อยู่อีเมล ให้เขียนในรูปแบบ name@example.go.th (โดเมนภาษาไทยให้เขียนในรูป xn--)",
    ),
    "notify_subject_new": (
        "[{site}] Waiting for your sign-off as {role}: {title}",
        "[{site}] รอท่านลงนามในฐานะ{role}: {title}",
    ),
    "notify_subject_reminder": (
        "[{site}] Overdue: still waiting for your sign-off as {role}: {title}",
        "[{site}] เกินกำหนดแล้ว ยังรอท่านลงนามในฐานะ{role}: {title}",
    ),
    "notify_body": (
        "Dear {name},\n"
        "\n"
        "A request to publish on the website waits for your sign-off as {role}.\n"
        "\n"
        "Title: {title}\n"
        "Requested by: {requester}\n"
        "Agency: {agency}\n"
        "Request date: {requested}\n"
        "File: {file}\n"
        "Waiting: {age} (target {target}){overdue}\n"
        "\n"
        "Review and approve with\n"
        "  {approve}\n"
        "or refuse, with your reasons, with\n"
        "  {reject}\n"
        "or open the review desk in your browser with\n"
        "  {review}\n",
        "เรียน {name}\n"
        "\n"
        "มีคำขอเผยแพร่ข้อมูลผ่านเว็บไซต์รอท่านลงนามในฐานะ{role}\n"
        "\n"
        "หัวข้อ: {title}\n"
        "ผู้ขอเผยแพร่: {requester}\n"
        "หน่วยงาน: {agency}\n"
        "วันที่ขอ: {requested}\n"
        "ไฟล์: {file}\n"
        "รอมาแล้ว: {age} (เป้าหมาย {target}){overdue}\n"
        "\n"
        "ตรวจและอนุมัติด้วยคำสั่ง\n"
        "  {approve}\n"
        "หรือไม่อนุมัติพร้อมเหตุผลด้วยคำสั่ง\n"
        "  {reject}\n"
        "หรือเปิดโต๊ะตรวจในเบราว์เซอร์ด้วยคำสั่ง\n"
        "  {review}\n",
    ),
    "notify_body_overdue": (" - overdue", " - เกินกำหนดแล้ว"),
    "notify_body_link": ("The file in the repository: {url}\n", "ไฟล์ในคลังเก็บเว็บไซต์: {url}\n"),
    "notify_body_footer": (
        "\nThis message was sent automatically by gate notify; it is sent again once a day while overdue.\n",
        "\nข้อความนี้ส่งโดยอัตโนมัติจาก gate notify และจะส่งซ้ำวันละครั้งระหว่างที่เกินกำหนด\n",
    ),
    "notify_reason_placeholder": ("REASON", "เหตุผล"),
    "notify_nobody_name": ("(no name)", "(ไม่ระบุชื่อ)"),
    "notify_sent": ("sent by {channel} to {name} ({id}): {title}", "ส่งทาง {channel} ถึง {name} ({id}) แล้ว: {title}"),
    "notify_failed": (
        "NOT sent by {channel} to {name} ({id}): {title}: {detail}; check the {channel} settings; "
        "the next run tries again",
        "ส่งทาง {channel} ถึง {name} ({id}) ไม่สำเร็จ: {title}: {detail} ให้ตรวจการตั้งค่า {channel} รอบถัดไปจะส่งใหม่",
    ),
    "notify_would": ("would send by {channel} to {to} ({kind}):", "จะส่งทาง {channel} ถึง {to} ({kind}):"),
    "notify_kind_new": ("first notice", "แจ้งครั้งแรก"),
    "notify_kind_reminder": ("daily reminder, overdue", "เตือนรายวัน เกินกำหนด"),
    "notify_dry_run_unset": (
        "no channel is set up (GATE_SMTP_HOST, GATE_WEBHOOK_URL): showing what each channel would send",
        "ยังไม่ได้ตั้งค่าช่องทางส่ง (GATE_SMTP_HOST, GATE_WEBHOOK_URL) จึงแสดงข้อความที่แต่ละช่องทางจะส่ง",
    ),
    "notify_no_channel": (
        "no channel is set up: set GATE_SMTP_HOST (e-mail) or GATE_WEBHOOK_URL (webhook); nothing was sent",
        "ยังไม่ได้ตั้งค่าช่องทางส่ง ให้ตั้ง GATE_SMTP_HOST (อีเมล) หรือ GATE_WEBHOOK_URL (webhook) ยังไม่ได้ส่งข้อความใด",
    ),
    "notify_nothing": ("nothing new to tell anyone", "ไม่มีเรื่องใหม่ที่ต้องแจ้งใคร"),
    "notify_unreachable": (
        "{name} ({id}) is waited for on {path}, but no channel reaches them: add `email: ADDRESS` to {id} in "
        "approvers.yml, or set GATE_WEBHOOK_URL",
        "{path} รอ {name} ({id}) ลงนาม แต่ไม่มีช่องทางส่งถึง ให้เพิ่ม `email: ที่อยู่อีเมล` ให้ {id} ใน approvers.yml "
        "หรือตั้งค่า GATE_WEBHOOK_URL",
    ),
    "notify_recorded": (
        "recorded in {path}: commit it with the site, so nobody is told twice",
        "บันทึกใน {path} แล้ว ให้ commit พร้อมเว็บไซต์ เพื่อไม่ให้แจ้งใครซ้ำ",
    ),
    "notify_state_unreadable": (
        "{path} cannot be read ({detail}); nothing was sent: fix the file, or delete it to start again "
        "(everyone is then told again of what waits for them)",
        "อ่าน {path} ไม่ได้ ({detail}) จึงยังไม่ได้ส่งข้อความใด ให้แก้ไขไฟล์ หรือลบไฟล์เพื่อเริ่มใหม่ (ทุกคนจะได้รับแจ้งเรื่องที่รออยู่อีกครั้ง)",
    ),
    "notify_env_security": (
        "{variable} is '{value}': use starttls, tls or none",
        "{variable} เป็น '{value}' ให้ใช้ starttls, tls หรือ none",
    ),
    "notify_env_port": (
        "{variable} is '{value}': give a port number from 1 to 65535",
        "{variable} เป็น '{value}' ให้ระบุหมายเลขพอร์ต 1 ถึง 65535",
    ),
    "notify_env_password": (
        "GATE_SMTP_USER is set but {variable} is empty: set the password secret too",
        "ตั้งค่า GATE_SMTP_USER แล้วแต่ {variable} ว่าง ให้ตั้งค่ารหัสผ่านด้วย",
    ),
    "notify_env_cleartext": (
        "{variable} is '{value}' with a user name: the password would travel unencrypted; use starttls or tls",
        "{variable} เป็น '{value}' พร้อมชื่อผู้ใช้ รหัสผ่านจะถูกส่งโดยไม่เข้ารหัส ให้ใช้ starttls หรือ tls",
    ),
    "notify_env_from": (
        "{variable} is '{value}': give the sender as `name <address>` or `address`",
        "{variable} เป็น '{value}' ให้ระบุผู้ส่งในรูปแบบ `ชื่อ <ที่อยู่อีเมล>` หรือ `ที่อยู่อีเมล`",
    ),
    "notify_env_webhook": (
        "{variable} is '{value}': give an https:// address (http:// only to this computer)",
        "{variable} เป็น '{value}' ให้ระบุที่อยู่ที่ขึ้นต้นด้วย https:// (ใช้ http:// ได้เฉพาะกับเครื่องนี้)",
    ),
    "notify_env_link": (
        "{variable} is '{value}': give the https:// address of the repository's files, "
        "e.g. https://github.com/OWNER/REPO/blob/main",
        "{variable} เป็น '{value}' ให้ระบุที่อยู่ https:// ของไฟล์ในคลังเก็บ เช่น https://github.com/OWNER/REPO/blob/main",
    ),
    # --- gate watch, atomic releases, gate rollback -------------------------
    "watch_started": (
        "watching {root}: deploying to {web_root} (served release: {release})",
        "เริ่มเฝ้าดู {root}: นำเว็บไซต์ขึ้นที่ {web_root} (รุ่นที่ให้บริการอยู่: {release})",
    ),
    "watch_built": (
        "{at}: release {release} is live; went up: {up}; came down: {down}; next change: {next}",
        "{at}: เว็บไซต์รุ่น {release} ขึ้นแล้ว; ขึ้นใหม่: {up}; นำลง: {down}; เปลี่ยนครั้งถัดไป: {next}",
    ),
    "watch_none": ("none", "ไม่มี"),
    "watch_lenient": (
        "(the strict build found {count} warning(s) someone must fix; the lenient build went up, "
        "which still publishes only live posts: run `gate check content`)",
        "(การสร้างแบบเข้มงวดพบคำเตือน {count} รายการที่ต้องแก้ไข จึงนำรุ่นที่สร้างแบบผ่อนปรนขึ้นแทน "
        "ซึ่งยังเผยแพร่เฉพาะโพสต์ที่อยู่ในช่วงเผยแพร่ ให้รัน `gate check content`)",
    ),
    "watch_warning": ("build warning: {detail}", "คำเตือนจากการสร้างเว็บไซต์: {detail}"),
    "watch_failed": (
        "{at}: the build failed; the site stays at release {release}; retrying in {delay} s",
        "{at}: สร้างเว็บไซต์ไม่สำเร็จ เว็บไซต์ยังคงเป็นรุ่น {release} จะลองใหม่ในอีก {delay} วินาที",
    ),
    "watch_build_failed": (
        "mkdocs build exited with {status}: {detail}; fix the site (`mkdocs build --strict` shows the same)",
        "mkdocs build จบด้วยรหัส {status}: {detail} ให้แก้ไขเว็บไซต์ (`mkdocs build --strict` แสดงข้อผิดพลาดเดียวกัน)",
    ),
    "watch_config_failed": (
        "{path} could not be read as the site's configuration (see above); fix it and the next try builds",
        "อ่านไฟล์ตั้งค่าเว็บไซต์ {path} ไม่ได้ (ดูข้อความด้านบน) เมื่อแก้แล้วการลองครั้งถัดไปจะสร้างเว็บไซต์",
    ),
    "watch_clock_bad": (
        "GATE_CLOCK_FILE {path} does not hold an ISO 8601 instant with an offset ({detail}); "
        "write e.g. 2026-11-28T10:00:00Z, or unset GATE_CLOCK_FILE to use the machine's clock",
        "ไฟล์ GATE_CLOCK_FILE {path} ไม่มีเวลาแบบ ISO 8601 พร้อมเขตเวลา ({detail}) "
        "ให้เขียนเช่น 2026-11-28T10:00:00Z หรือยกเลิก GATE_CLOCK_FILE เพื่อใช้นาฬิกาของเครื่อง",
    ),
    "watch_clock_back": (
        "the clock went back before the last build ({built}): the site was built again at the new time",
        "นาฬิกาถอยหลังไปก่อนเวลาที่สร้างเว็บไซต์ครั้งล่าสุด ({built}) จึงสร้างเว็บไซต์ใหม่ตามเวลาปัจจุบัน",
    ),
    "watch_pull_failed": (
        "git pull failed ({detail}); the site is built from the repository as it is; fix the checkout",
        "git pull ไม่สำเร็จ ({detail}) จะสร้างเว็บไซต์จากที่เก็บตามสภาพปัจจุบัน ให้แก้ไขสำเนาที่เก็บ",
    ),
    "watch_nginx_reloaded": (
        "nginx: {path} now answers {count} taken-down URL(s) with 410 Gone; checked and reloaded",
        "nginx: {path} ตอบ 410 Gone สำหรับ URL ที่นำลงแล้ว {count} รายการ ตรวจสอบและโหลดใหม่แล้ว",
    ),
    "watch_nginx_rejected": (
        "the nginx test rejected the new {path} ({detail}); the previous one is back and nginx was not "
        "reloaded; fix the server block that includes it",
        "การทดสอบ nginx ไม่ผ่านสำหรับ {path} ฉบับใหม่ ({detail}) จึงคืนฉบับเดิมและไม่โหลด nginx ใหม่ "
        "ให้แก้ไข server block ที่ include ไฟล์นี้",
    ),
    "watch_nginx_reload_failed": (
        "nginx did not reload ({detail}) after {path} changed; reload it by hand and check --nginx-reload",
        "โหลด nginx ใหม่ไม่สำเร็จ ({detail}) หลังจาก {path} เปลี่ยน ให้โหลดใหม่ด้วยตนเองและตรวจ --nginx-reload",
    ),
    "watch_nginx_written": (
        "nginx: {path} now lists {count} taken-down URL(s); the web server's own unit tests and reloads it",
        "nginx: {path} มี URL ที่นำลงแล้ว {count} รายการ ยูนิตของเว็บเซิร์ฟเวอร์จะตรวจสอบและโหลดใหม่เอง",
    ),
    "watch_after_build_failed": (
        "the command after the build ({command}) failed: {detail}; the site is up, fix the command",
        "คำสั่งหลังการสร้างเว็บไซต์ ({command}) ไม่สำเร็จ: {detail} เว็บไซต์ขึ้นแล้ว ให้แก้ไขคำสั่งนี้",
    ),
    "watch_capture_failed": (
        "print screens (gate capture) not all taken: {detail}; the site is up, the next build tries again",
        "ถ่ายภาพหน้าจอ (gate capture) ไม่ครบ: {detail} เว็บไซต์ขึ้นแล้ว การสร้างครั้งถัดไปจะลองใหม่",
    ),
    "watch_error": (
        "the build stopped on an unexpected error ({detail}); the served site stays; report it with this line",
        "การสร้างเว็บไซต์หยุดเพราะข้อผิดพลาดที่ไม่คาดคิด ({detail}) เว็บไซต์เดิมยังคงอยู่ ให้แจ้งผู้ดูแลระบบพร้อมบรรทัดนี้",
    ),
    "watch_removed_unfinished": (
        "removed {path}: a build that was stopped before it finished (it was never served)",
        "ลบ {path} ซึ่งเป็นการสร้างที่ถูกหยุดก่อนเสร็จ (ไม่เคยนำขึ้นให้บริการ)",
    ),
    "releases_posix_only": (
        "{path}: atomic deploys switch a symlink with rename(2), which needs a POSIX server "
        "(Linux, BSD, macOS); on Windows, build with `make publish` and copy site/ to the web server",
        "{path}: การนำเว็บไซต์ขึ้นแบบสลับทันทีใช้ symlink และ rename(2) ซึ่งต้องใช้เซิร์ฟเวอร์แบบ POSIX "
        "(Linux, BSD, macOS) บน Windows ให้ใช้ `make publish` แล้วคัดลอก site/ ไปยังเว็บเซิร์ฟเวอร์",
    ),
    "releases_failed": (
        "could not write {path} ({detail}); check the web root's owner, permissions and free space",
        "เขียน {path} ไม่ได้ ({detail}) ให้ตรวจเจ้าของ สิทธิ์ และพื้นที่ว่างของโฟลเดอร์เว็บ",
    ),
    "releases_current_not_link": (
        "{path} is a folder, not a symlink; move it away so releases can be switched atomically",
        "{path} เป็นโฟลเดอร์ ไม่ใช่ symlink ให้ย้ายออกไปก่อน เพื่อให้สลับรุ่นของเว็บไซต์ได้ทันที",
    ),
    "rollback_no_current": (
        "{path} does not point at a release; run `gate watch --once` first",
        "{path} ไม่ได้ชี้ไปที่รุ่นใดของเว็บไซต์ ให้รัน `gate watch --once` ก่อน",
    ),
    "rollback_no_previous": (
        "{path} is the oldest release kept; there is nothing to roll back to",
        "{path} เป็นรุ่นเก่าที่สุดที่เก็บไว้ จึงย้อนกลับไม่ได้",
    ),
    "rollback_done": (
        "the site is back at release {after} (was {before}); "
        "`gate watch` deploys a new build at the next change or edit",
        "เว็บไซต์กลับไปเป็นรุ่น {after} แล้ว (เดิม {before}) `gate watch` จะนำรุ่นใหม่ขึ้นเมื่อถึงการเปลี่ยนแปลงหรือการแก้ไขครั้งถัดไป",
    ),
    # --- gate registry show, --lang on every command -----------------------------------
    "registry_show_header": (
        "{path}: site {site_id}, {count} people",
        "{path}: เว็บไซต์ {site_id} มีผู้มีสิทธิ์ {count} คน",
    ),
    "registry_show_person": ("  {id}: {name} ({position})", "  {id}: {name} ({position})"),
    "registry_show_role": ("    role {role} ({title}): {span} {state}", "    บทบาท {role} ({title}): {span} {state}"),
    "registry_show_key": ("    key {fingerprint}: {span} {state}", "    กุญแจ {fingerprint}: {span} {state}"),
    "registry_show_span": ("{start} to {end}", "{start} ถึง {end}"),
    "registry_show_from": ("from {start}", "ตั้งแต่ {start}"),
    "registry_show_until": ("until {end}", "จนถึง {end}"),
    "registry_show_always": ("with no time limit", "ไม่จำกัดเวลา"),
    "registry_show_holds": ("(holds now)", "(ใช้ได้ขณะนี้)"),
    "registry_show_not_now": ("(does not hold now)", "(ใช้ไม่ได้ขณะนี้)"),
    "registry_show_revoked": ("(revoked: nothing it signed counts)", "(เพิกถอนแล้ว: ทุกการลงนามด้วยกุญแจนี้ไม่นับ)"),
    "registry_show_missing": (
        "There is no approvers registry: {path} does not exist; "
        "create it with `gate init` or `gate registry add-person`.",
        "ไม่มีทะเบียนผู้อนุมัติ: ไม่พบไฟล์ {path} ให้สร้างด้วยคำสั่ง `gate init` หรือ `gate registry add-person`",
    ),
    # --- amend while live (`gate amend`) and withdraw (`gate withdraw`) ---------------------
    "revises_shape": (
        "`{key}` is damaged; `revises` is written by `gate amend` (path, digest, number), never by hand",
        "`{key}` เสียหาย ช่อง `revises` เขียนด้วยคำสั่ง `gate amend` (path, digest, number) เท่านั้น ห้ามแก้ด้วยมือ",
    ),
    "revises_other_path": (
        "`{key}` is '{value}' but this post is '{path}': a revision replaces the post at its own address; "
        "start again with `gate amend`",
        "`{key}` คือ '{value}' แต่โพสต์นี้คือ '{path}' ฉบับแก้ไขต้องแทนที่โพสต์ที่อยู่เดียวกัน ให้เริ่มใหม่ด้วย `gate amend`",
    ),
    "withdrawal_shape": (
        "`{key}` is damaged; withdrawals are written by `gate withdraw`, never by hand; "
        "restore it from version control",
        "`{key}` เสียหาย การถอนการเผยแพร่ต้องเขียนด้วยคำสั่ง `gate withdraw` เท่านั้น ให้กู้คืนจากระบบควบคุมเวอร์ชัน",
    ),
    "withdrawals_shape": (
        "`{key}` is not a list; restore it from version control",
        "`{key}` ไม่ใช่รายการ ให้กู้คืนจากระบบควบคุมเวอร์ชัน",
    ),
    "withdrawal_action": (
        "`{key}` is '{value}'; it must be `withdraw` or `request`",
        "`{key}` คือ '{value}' ต้องเป็น `withdraw` หรือ `request`",
    ),
    "withdrawal_role": (
        "`{key}`: '{role}' is not a role of the approval chain",
        "`{key}`: '{role}' ไม่ใช่บทบาทในลำดับการอนุมัติ",
    ),
    "withdrawal_action_role": (
        "`{key}`: {role} may not sign this action (only the configured `withdraw_role` orders a withdrawal; "
        "the other roles request one)",
        "`{key}`: {role} ลงนามการกระทำนี้ไม่ได้ (เฉพาะบทบาทที่กำหนดใน `withdraw_role` สั่งถอนการเผยแพร่ได้ "
        "บทบาทอื่นขอให้ถอนได้เท่านั้น)",
    ),
    "withdrawn": (
        "withdrawn by {signer} at {at}: taken down at the next build",
        "ถอนการเผยแพร่โดย {signer} เมื่อ {at} จะนำลงเมื่อสร้างเว็บไซต์ครั้งถัดไป",
    ),
    "tombstone_withdrawn_title": ("This information has been withdrawn", "ข้อมูลนี้ถูกถอนการเผยแพร่แล้ว"),
    "tombstone_withdrawn_text": (
        "It was taken down from the website by order of the approver before the end of its publication period.",
        "ข้อมูลนี้ถูกนำลงจากเว็บไซต์ตามคำสั่งของผู้อนุมัติก่อนสิ้นสุดระยะเวลาการเผยแพร่",
    ),
    "tombstone_withdrawn_reason": ("Reason: {reason}", "เหตุผล: {reason}"),
    "register_revision": ("revision {number}", "แก้ไขครั้งที่ {number}"),
    "register_withdrawn": ("withdrawn {date} by {name}", "ถอนการเผยแพร่เมื่อ {date} โดย {name}"),
    "register_replaced": ("replaced by a revision {date}", "แทนที่ด้วยฉบับแก้ไขเมื่อ {date}"),
    "withdraw_reason_required": (
        "a withdrawal needs --reason: why the post must come down",
        "การถอนการเผยแพร่ต้องระบุ --reason: เหตุผลที่ต้องนำโพสต์ลง",
    ),
    "withdraw_not_on_site": (
        "'{path}' is {state}: only a post in the site's folder that is live or scheduled can be withdrawn "
        "(a pending post is simply not put up)",
        "'{path}' มีสถานะ {state} ถอนการเผยแพร่ได้เฉพาะโพสต์ในโฟลเดอร์ของเว็บไซต์ที่เผยแพร่อยู่หรือรอถึงวันเผยแพร่ "
        "(โพสต์ที่ยังรอดำเนินการเพียงไม่ต้องนำขึ้น)",
    ),
    "withdraw_already": (
        "'{path}' is already withdrawn; the next build takes it down",
        "'{path}' ถูกถอนการเผยแพร่แล้ว จะนำลงเมื่อสร้างเว็บไซต์ครั้งถัดไป",
    ),
    "withdraw_no_role": (
        "{signer} holds none of the roles {roles} today; check approvers.yml",
        "{signer} ไม่ได้ดำรงบทบาทใดใน {roles} ในวันนี้ ให้ตรวจ approvers.yml",
    ),
    "withdraw_summary_withdraw": (
        "You: {name} ({signer}), {role}: withdraw this post now (the next build takes it down)",
        "ท่าน: {name} ({signer}) {role}: ถอนการเผยแพร่โพสต์นี้ทันที (นำลงเมื่อสร้างเว็บไซต์ครั้งถัดไป)",
    ),
    "withdraw_summary_request": (
        "You: {name} ({signer}), {role}: request the withdrawal of this post (it stays up until the order is signed)",
        "ท่าน: {name} ({signer}) {role}: ขอให้ถอนการเผยแพร่โพสต์นี้ (ยังเผยแพร่อยู่จนกว่าจะมีการลงนามสั่งถอน)",
    ),
    "withdraw_done": (
        "withdrawal of '{path}' signed and recorded; the next build takes it down and lays a 'withdrawn' notice",
        "ลงนามและบันทึกการถอนการเผยแพร่ '{path}' แล้ว เมื่อสร้างเว็บไซต์ครั้งถัดไปจะนำลงและแสดงหน้าแจ้งว่าถอนการเผยแพร่แล้ว",
    ),
    "withdraw_requested": (
        "request to withdraw '{path}' signed and recorded; it stays up until the {role} signs the order:",
        "ลงนามและบันทึกคำขอถอนการเผยแพร่ '{path}' แล้ว โพสต์ยังเผยแพร่อยู่จนกว่า{role}จะลงนามสั่งถอน:",
    ),
    "amend_not_on_site": (
        "'{path}' is {state}: only a post in the site's folder that is live or scheduled can be amended "
        "(edit a pending post directly)",
        "'{path}' มีสถานะ {state} แก้ไขระหว่างเผยแพร่ได้เฉพาะโพสต์ในโฟลเดอร์ของเว็บไซต์ที่เผยแพร่อยู่หรือรอถึงวันเผยแพร่ "
        "(โพสต์ที่ยังรอดำเนินการให้แก้ไขไฟล์ได้เลย)",
    ),
    "amend_attachments": (
        "'{path}' has an attachments folder ({folder}): amending a post with attachments is not supported yet; "
        "withdraw it and put up a new post instead",
        "'{path}' มีโฟลเดอร์ไฟล์แนบ ({folder}) ยังแก้ไขระหว่างเผยแพร่โพสต์ที่มีไฟล์แนบไม่ได้ ให้ถอนการเผยแพร่แล้วนำโพสต์ใหม่ขึ้นแทน",
    ),
    "amend_unreadable": (
        "'{path}': its front matter cannot be rewritten as text; restore it from version control",
        "'{path}': ไม่สามารถเขียนส่วนหัวของโพสต์ใหม่ได้ ให้กู้คืนจากระบบควบคุมเวอร์ชัน",
    ),
    "amend_exists": (
        "a revision of '{path}' is already waiting in {target}; edit that one (or remove it to start again)",
        "มีฉบับแก้ไขของ '{path}' รออยู่แล้วที่ {target} ให้แก้ไขฉบับนั้น (หรือลบออกเพื่อเริ่มใหม่)",
    ),
    "amend_done": (
        "revision {number} of '{path}' written to {target}: edit it there; the live version stays up, unchanged, "
        "until the chair and the director sign the revision and `gate publish` replaces it",
        "สร้างฉบับแก้ไขครั้งที่ {number} ของ '{path}' ไว้ที่ {target} แล้ว ให้แก้ไขที่นั่น ฉบับที่เผยแพร่อยู่ยังคงอยู่ไม่เปลี่ยนแปลง "
        "จนกว่าประธานศูนย์ข้อมูลข่าวสารและนายแพทย์สาธารณสุขจังหวัดจะลงนามฉบับแก้ไข และ `gate publish` นำขึ้นแทน",
    ),
    "publish_revision_no_live": (
        "'{path}' revises a post that is no longer on the site ({target}): start a new post instead",
        "'{path}' เป็นฉบับแก้ไขของโพสต์ที่ไม่อยู่ในเว็บไซต์แล้ว ({target}) ให้เริ่มโพสต์ใหม่แทน",
    ),
    "publish_revision_stale": (
        "'{path}' revises the version {digest}, but the site holds another one now; run `gate amend` again "
        "and carry the changes over",
        "'{path}' แก้ไขจากฉบับ {digest} แต่ฉบับในเว็บไซต์เปลี่ยนไปแล้ว ให้ใช้ `gate amend` ใหม่แล้วนำการแก้ไขไปใส่",
    ),
    "publish_revision_not_live": (
        "'{path}': the version it revises is {state}, not on the site; start a new post instead",
        "'{path}': ฉบับที่ถูกแก้ไขมีสถานะ {state} ไม่ได้อยู่ในเว็บไซต์ ให้เริ่มโพสต์ใหม่แทน",
    ),
    "cli_audit_withdrawal": (
        "withdrawal {number} ({action}, {role}, {signer}, {at}): check with",
        "การถอนการเผยแพร่ลำดับที่ {number} ({action}, {role}, {signer}, {at}) ตรวจสอบด้วย",
    ),
    "cli_audit_withdrawal_unsigned": (
        "withdrawal {number} has no signature (signatures: off): nothing to check",
        "การถอนการเผยแพร่ลำดับที่ {number} ไม่มีลายมือชื่อ (signatures: off) จึงไม่มีสิ่งที่ต้องตรวจ",
    ),
    "review_revision_heading": ("Changes from the version on the site", "สิ่งที่เปลี่ยนจากฉบับที่เผยแพร่อยู่"),
    "review_revision_intro": (
        "Revision {number} of a post on the site: it replaces the live version when published. Every change "
        "to the form (the publication period included) and to the text is shown below.",
        "ฉบับแก้ไขครั้งที่ {number} ของโพสต์ที่เผยแพร่อยู่ เมื่อนำขึ้นจะแทนที่ฉบับเดิม ด้านล่างแสดงทุกการเปลี่ยนแปลง"
        "ของแบบฟอร์ม (รวมถึงระยะเวลาการเผยแพร่) และของเนื้อหา",
    ),
    "review_revision_no_live": (
        "The version it revises is not in the site's folder, or is another text now: publishing will be refused.",
        "ไม่พบฉบับที่ถูกแก้ไขในโฟลเดอร์ของเว็บไซต์ หรือเนื้อหาเปลี่ยนไปแล้ว จะนำขึ้นเผยแพร่ไม่ได้",
    ),
    "withdraw_not_recorded": (
        "nothing was recorded: with this withdrawal '{path}' would not verify (invalid):",
        "ไม่ได้บันทึก: หากบันทึกการถอนนี้ '{path}' จะตรวจสอบไม่ผ่าน (ไม่ถูกต้อง):",
    ),
    "review_field_revises": ("Revises (the version on the site)", "แก้ไขจากฉบับที่เผยแพร่อยู่"),
    "status_withdrawal_requests": (
        "Withdrawal requested, waiting for the order ({count}): the director runs `gate withdraw` to take it down",
        "มีคำขอถอนการเผยแพร่ รอคำสั่งถอน ({count}): นายแพทย์สาธารณสุขจังหวัดใช้ `gate withdraw` เพื่อนำลง",
    ),
    "status_withdrawal_request": ("requested by {signer}: {reason}", "ขอโดย {signer}: {reason}"),
    "cli_revision_changes": (
        "Revision {number}: changes from the version on the site:",
        "ฉบับแก้ไขครั้งที่ {number}: สิ่งที่เปลี่ยนจากฉบับที่เผยแพร่อยู่:",
    ),
    # --- one calendar and one digit style on the public site (issue 22) -----------
    "tombstone_last_day": ("It was published until {date}.", "ข้อมูลนี้เผยแพร่ถึงวันที่ {date}"),
    "blog_date_not_publish_from": (
        "`date` {value} is not the day of publish_from: the site would show two dates for one post; "
        "write `date: {right}` (the day of publish_from, in the Common Era as the blog reads it)",
        "ช่อง `date` {value} ไม่ตรงกับวันของ publish_from หน้าเว็บจะแสดงวันที่สองวันสำหรับโพสต์เดียว "
        "ให้เขียน `date: {right}` (วันเดียวกับ publish_from เป็นปี ค.ศ. ตามที่บล็อกอ่าน)",
    ),
    # --- the ITA evidence pack: print screens (gate capture) and the yearly pack (gate evidence) ---
    "evidence_footer": (
        "Print screen of {url}\ntaken {date} by the publish run (approval-gate), page built from digest {digest}…",
        "ภาพหน้าจอของ {url}\nบันทึกเมื่อ {date} โดยขั้นตอนเผยแพร่ (approval-gate) หน้าเว็บสร้างจากรหัสตรวจสอบ {digest}…",
    ),
    "evidence_note_unwritable": (
        "cannot write the note of built pages {path} ({detail}); `gate capture` will have nothing to capture "
        "until a build can write it: check that the folder is writable",
        "เขียนบันทึกหน้าที่สร้างแล้ว {path} ไม่ได้ ({detail}) `gate capture` จะไม่มีหน้าให้บันทึกภาพจนกว่าการสร้างเว็บไซต์"
        "จะเขียนได้ ให้ตรวจสอบว่าโฟลเดอร์เขียนได้",
    ),
    "cli_capture_no_note": (
        "warning: no print screens taken: the note of built pages {path} cannot be read ({detail}); "
        "run `mkdocs build` first (publishing goes on; the next run tries again)",
        "คำเตือน: ไม่ได้บันทึกภาพหน้าจอ เพราะอ่านบันทึกหน้าที่สร้างแล้ว {path} ไม่ได้ ({detail}) "
        "ให้รัน `mkdocs build` ก่อน (การเผยแพร่ดำเนินต่อไป และจะลองใหม่ในรอบถัดไป)",
    ),
    "cli_capture_changed": (
        "warning: {post}: not captured: the post changed or is no longer live since the build; "
        "build again (the next publish run captures it)",
        "คำเตือน: {post}: ไม่ได้บันทึกภาพหน้าจอ เพราะโพสต์เปลี่ยนไปหรือไม่ได้เผยแพร่แล้วหลังการสร้างเว็บไซต์ "
        "ให้สร้างเว็บไซต์ใหม่ (รอบเผยแพร่ถัดไปจะบันทึกให้)",
    ),
    "cli_capture_no_page": (
        "warning: {post}: not captured: its page {path} is not in the built site; build again",
        "คำเตือน: {post}: ไม่ได้บันทึกภาพหน้าจอ เพราะไม่พบหน้าเว็บ {path} ในเว็บไซต์ที่สร้างแล้ว ให้สร้างเว็บไซต์ใหม่",
    ),
    "cli_capture_failed": (
        "warning: {post}: the print screen failed ({detail}); publishing goes on, the next run tries again",
        "คำเตือน: {post}: บันทึกภาพหน้าจอไม่สำเร็จ ({detail}) การเผยแพร่ดำเนินต่อไป และจะลองใหม่ในรอบถัดไป",
    ),
    "cli_capture_no_browser": (
        "warning: no print screens taken: headless Chromium cannot start ({detail}); install Debian's `chromium` "
        "and the `site` extra (websocket-client); publishing goes on, the next run tries again",
        "คำเตือน: ไม่ได้บันทึกภาพหน้าจอ เพราะเปิด Chromium แบบไม่มีหน้าจอไม่ได้ ({detail}) ให้ติดตั้ง `chromium` "
        "ของ Debian และส่วนเสริม `site` (websocket-client) การเผยแพร่ดำเนินต่อไป และจะลองใหม่ในรอบถัดไป",
    ),
    "cli_capture_done": (
        "captured {post}: {path}",
        "บันทึกภาพหน้าจอ {post}: {path}",
    ),
    "cli_capture_summary": (
        "print screens: {captured} taken, {kept} already filed, {failed} failed",
        "ภาพหน้าจอ: บันทึกใหม่ {captured} รายการ มีอยู่แล้ว {kept} รายการ ไม่สำเร็จ {failed} รายการ",
    ),
    "cli_evidence_bad_capture": (
        "warning: {path}: a print screen's record cannot be read ({detail}); it is left out of the pack: "
        "restore it from the repository's history",
        "คำเตือน: {path}: อ่านข้อมูลกำกับภาพหน้าจอไม่ได้ ({detail}) จึงไม่รวมไว้ในชุดหลักฐาน ให้กู้คืนไฟล์จากประวัติของคลังข้อมูล",
    ),
    "cli_evidence_unwritable": (
        "cannot write {path} ({detail}); choose a writable folder with --out",
        "เขียนไฟล์ {path} ไม่ได้ ({detail}) ให้เลือกโฟลเดอร์ที่เขียนได้ด้วย --out",
    ),
    "cli_evidence_written": (
        "evidence pack: {count} items\n  {pdf}\n  {zip}",
        "ชุดหลักฐาน: {count} รายการ\n  {pdf}\n  {zip}",
    ),
    "cli_evidence_unverified": (
        "{count} sign-offs do not verify: see each item's verification page",
        "มีการลงนาม {count} รายการที่ตรวจสอบไม่ผ่าน ดูหน้าการตรวจสอบของแต่ละรายการ",
    ),
    "pack_title": (
        "Evidence of publication on the website, fiscal year {year} BE (ITA, MOIT 1)",
        "หลักฐานการเผยแพร่ข้อมูลผ่านเว็บไซต์ ปีงบประมาณ พ.ศ. {year} (ITA ตัวชี้วัด MOIT 1)",
    ),
    "pack_count": ("{count} items", "จำนวน {count} รายการ"),
    "pack_made": ("Made and signatures checked on {date}", "จัดทำและตรวจสอบลายมือชื่ออิเล็กทรอนิกส์เมื่อ {date}"),
    "pack_zip_beside": (
        "Signature files for re-checking with ssh-keygen: {name}",
        "ไฟล์สำหรับตรวจสอบลายมือชื่อซ้ำด้วย ssh-keygen: {name}",
    ),
    "pack_index": ("Index", "สารบัญรายการ"),
    "pack_empty": ("No item in this fiscal year.", "ไม่มีรายการในปีงบประมาณนี้"),
    "pack_col_item": ("Item", "เรื่อง"),
    "pack_col_up": ("Put up", "วันที่ขึ้นเผยแพร่"),
    "pack_col_down": ("Taken down", "วันที่นำลง"),
    "pack_col_requester": ("Requester", "ผู้รับผิดชอบการให้ข้อมูล"),
    "pack_col_chair": ("Chair", "ประธานศูนย์ข้อมูลข่าวสาร"),
    "pack_col_director": ("Director", "ผู้อนุมัติรับรอง"),
    "pack_col_uploader": ("Put up by", "ผู้นำข้อมูลขึ้นเผยแพร่"),
    "pack_col_status": ("Status", "สถานะ"),
    "pack_blank_form": (
        "The blank request form (MOIT 1, item 1.4)",
        "แบบฟอร์มการขอเผยแพร่ข้อมูล (ฉบับว่าง) (MOIT 1 ข้อ 1.4)",
    ),
    "pack_status_live": ("on the website", "เผยแพร่อยู่บนเว็บไซต์"),
    "pack_status_down": ("taken down on {date}", "นำลงเมื่อ {date}"),
    "pack_status_withdrawn": (
        "withdrawn on {date}, ordered by {signer}: {reason}",
        "ถอนการเผยแพร่เมื่อ {date} ตามคำสั่งของ {signer}: {reason}",
    ),
    "pack_status_other": ("not on the website: {state}", "ไม่ได้เผยแพร่บนเว็บไซต์: {state}"),
    "pack_file": ("File", "ไฟล์"),
    "pack_digest": ("Digest of the post now", "รหัสตรวจสอบของโพสต์ปัจจุบัน"),
    "pack_zip_folder": ("Signature files", "ไฟล์ลายมือชื่อ"),
    "pack_verification": ("Signature check on {date}", "ผลการตรวจสอบลายมือชื่ออิเล็กทรอนิกส์ เมื่อ {date}"),
    "pack_decision_approve": ("approved", "อนุมัติ"),
    "pack_decision_reject": ("refused", "ไม่อนุมัติ"),
    "pack_key": ("Key fingerprint", "ลายนิ้วมือกุญแจ"),
    "pack_signed_digest": ("Digest signed", "รหัสตรวจสอบที่ลงนาม"),
    "pack_verified": (
        "Verified: the signature is valid for this version of the post",
        "ตรวจสอบผ่าน: ลายมือชื่อถูกต้องสำหรับโพสต์ฉบับนี้",
    ),
    "pack_superseded": (
        "Signed an earlier version: the post was amended and its current version verifies (above or below)",
        "ลงนามในฉบับก่อนหน้า: โพสต์ได้รับการแก้ไขและฉบับปัจจุบันตรวจสอบผ่าน",
    ),
    "pack_not_verified": ("Does not verify", "ตรวจสอบไม่ผ่าน (does not verify)"),
    "pack_unsigned": ("no signature was recorded (signatures: off)", "ไม่มีลายมือชื่ออิเล็กทรอนิกส์ (signatures: off)"),
    "pack_key_unknown": (
        "the key {fingerprint} is not in the registry",
        "ไม่พบกุญแจ {fingerprint} ในทะเบียนผู้อนุมัติ",
    ),
    "pack_key_not_signer": ("the key does not belong to {signer}", "กุญแจนี้ไม่ใช่ของ {signer}"),
    "pack_bad_signature": ("the signature does not match the statement", "ลายมือชื่อไม่ตรงกับข้อความที่ลงนาม"),
    "pack_digest_changed": (
        "the post changed after this sign-off: signed {signed}, now {current}",
        "โพสต์ถูกแก้ไขหลังการลงนาม: ลงนามที่ {signed} ปัจจุบันเป็น {current}",
    ),
    "pack_gate_objects": ("the gate does not count this sign-off (see below)", "ระบบไม่นับการลงนามนี้ (ดูด้านล่าง)"),
    "pack_no_signoffs": ("No sign-off recorded.", "ไม่มีการลงนาม"),
    "pack_problems": ("What the gate holds against the post now:", "ปัญหาของโพสต์ในขณะนี้:"),
    "pack_capture": ("Print screen taken {date} of {url}", "ภาพหน้าจอ บันทึกเมื่อ {date} จาก {url}"),
    "pack_capture_current": ("It shows this version of the post.", "เป็นภาพของโพสต์ฉบับนี้"),
    "pack_capture_older": (
        "It shows an earlier version of the post (digest {digest}).",
        "เป็นภาพของโพสต์ฉบับก่อนหน้า (รหัสตรวจสอบ {digest})",
    ),
    "pack_no_capture": ("No print screen was filed for this item.", "ไม่มีภาพหน้าจอของรายการนี้"),
    "pack_zip_readme": (
        "Evidence pack, fiscal year {year}: one folder per item, as numbered in the PDF.\n"
        "Each holds entryN.statement (the exact bytes signed), entryN.sig (the SSH signature),\n"
        "allowed_signers (the approvers' public keys) and verify.sh, which runs for each sign-off:\n"
        "  ssh-keygen -Y verify -f allowed_signers -I SIGNER -n approval-gate-v1 -s entryN.sig < entryN.statement\n"
        "A statement names the post's digest; the PDF's verification page compares it with the post's.",
        "ชุดหลักฐาน ปีงบประมาณ {year}: หนึ่งโฟลเดอร์ต่อหนึ่งรายการ ตามลำดับเลขใน PDF\n"
        "แต่ละโฟลเดอร์มี entryN.statement (ข้อความที่ลงนามทุกไบต์) entryN.sig (ลายมือชื่อ SSH)\n"
        "allowed_signers (กุญแจสาธารณะของผู้อนุมัติ) และ verify.sh ซึ่งรันคำสั่งนี้สำหรับการลงนามแต่ละครั้ง:\n"
        "  ssh-keygen -Y verify -f allowed_signers -I SIGNER -n approval-gate-v1 -s entryN.sig < entryN.statement\n"
        "ข้อความที่ลงนามระบุรหัสตรวจสอบของโพสต์ หน้าการตรวจสอบใน PDF เทียบกับรหัสของโพสต์ปัจจุบัน",
    ),
    "register_pack": (
        "The evidence pack of fiscal year {year} BE (forms, print screens, signature checks)",
        "ชุดหลักฐานปีงบประมาณ พ.ศ. {year} (แบบฟอร์ม ภาพหน้าจอ ผลการตรวจสอบลายมือชื่อ)",
    ),
    "register_evidence": ("evidence", "หลักฐาน"),
    # --- `gate … --help`: what each command and option does (cli/helptext.py) ------------
    "help_gate": (
        "approval-gate: request, sign off, publish and take down posts.",
        "approval-gate: ขออนุญาตเผยแพร่ ลงนาม นำขึ้นเผยแพร่ และนำโพสต์ลง",
    ),
    "help_amend": (
        "Copy PATH (a post on the site) to the pending folder as a new revision to edit and sign.",
        "คัดลอก PATH (โพสต์ที่เผยแพร่อยู่) ไปไว้ในโฟลเดอร์รอเผยแพร่ เป็นฉบับแก้ไขเพื่อแก้และลงนามใหม่",
    ),
    "help_approve": (
        "Approve PATH as the next step of its chain (chair, then director).",
        "อนุมัติ PATH ตามลำดับขั้นถัดไป (ประธานศูนย์ข้อมูลข่าวสาร แล้วจึง นายแพทย์สาธารณสุขจังหวัด)",
    ),
    "help_audit": (
        "Export PATH's sign-offs and withdrawals so `ssh-keygen -Y verify` can re-check each one.",
        "ส่งออกการลงนาม และการถอนการเผยแพร่ของ PATH เพื่อตรวจสอบซ้ำทีละรายการ ด้วย `ssh-keygen -Y verify`",
    ),
    "help_capture": (
        "Take a print screen of each live post not yet captured under its current digest.",
        "ถ่ายภาพหน้าจอโพสต์ที่เผยแพร่อยู่ ซึ่งยังไม่มีภาพของฉบับปัจจุบัน",
    ),
    "help_check": (
        "Decide every post (or the posts in PATHS, files or folders) as the build would; exit 1 if any is invalid.",
        "ตรวจทุกโพสต์ (หรือเฉพาะ PATHS ซึ่งเป็นไฟล์หรือโฟลเดอร์) แบบเดียวกับการสร้างเว็บไซต์ จบด้วยรหัส 1 หากมีโพสต์ที่ไม่ถูกต้อง",
    ),
    "help_evidence": (
        "One PDF (forms, print screens, signature checks) and one ZIP (for ssh-keygen) per fiscal year.",
        "ชุดหลักฐานของปีงบประมาณ: PDF หนึ่งไฟล์ (แบบฟอร์ม ภาพหน้าจอ ผลการตรวจสอบลายมือชื่อ) และ ZIP หนึ่งไฟล์ (สำหรับ ssh-keygen)",
    ),
    "help_fix": (
        "Rewrite each post in PATHS in canonical form (NFC, LF, no BOM); its digest and sign-offs stay valid.",
        "เขียนแต่ละโพสต์ใน PATHS ใหม่ในรูปแบบมาตรฐาน (NFC, LF, ไม่มี BOM) รหัสตรวจสอบและการลงนาม ยังใช้ได้เหมือนเดิม",
    ),
    "help_form": (
        "The official request form of PATH, filled from its front matter and sign-offs.\n\n"
        "The form is Thai, as the Ministry's is, unless --lang en is given (labels in English, "
        "Common-Era dates); the locale alone does not change it.",
        "แบบขออนุญาตเผยแพร่ของ PATH กรอกจากข้อมูลแบบฟอร์ม และการลงนามของโพสต์\n\n"
        "แบบฟอร์มเป็นภาษาไทย ตามแบบของกระทรวง เว้นแต่ระบุ --lang en (หัวข้อเป็นภาษาอังกฤษ "
        "วันที่เป็น ค.ศ.) การตั้งค่าภาษาของเครื่อง ไม่ทำให้แบบฟอร์มเปลี่ยนภาษา",
    ),
    "help_init": (
        "Add the gate to the site in DIRECTORY (default: here), or start a new site there.",
        "ติดตั้งระบบอนุมัติในเว็บไซต์ที่ DIRECTORY (ค่าเริ่มต้น: โฟลเดอร์นี้) หรือเริ่มเว็บไซต์ใหม่ที่นั่น",
    ),
    "help_keygen": (
        "Create your passphrase-protected Ed25519 signing key and print its registry line.",
        "สร้างกุญแจลงนาม Ed25519 ของท่านซึ่งมีรหัสผ่านป้องกัน และแสดงบรรทัดสำหรับทะเบียนผู้อนุมัติ",
    ),
    "help_new": (
        "Create pending/<folder>/<slug>.md for a post called TITLE: the request form to fill in, then `gate check` it.",
        "สร้าง pending/<folder>/<slug>.md สำหรับโพสต์ชื่อ TITLE: กรอกแบบขออนุญาตเผยแพร่ แล้วตรวจด้วย `gate check`",
    ),
    "help_next": (
        "The next instant (ISO 8601, UTC) a window opens or closes; nothing when none will.",
        "เวลาถัดไป (ISO 8601, UTC) ที่ช่วงเผยแพร่ใดเริ่มหรือสิ้นสุด ไม่แสดงอะไรหากไม่มี",
    ),
    "help_nginx": (
        "Print nginx `location` blocks (for the site's `server {{}}`) answering taken-down URLs with 410 Gone.",
        "แสดงบล็อก `location` ของ nginx (สำหรับ `server {{}}` ของเว็บไซต์) ที่ตอบที่อยู่ของโพสต์ที่นำลงแล้วด้วย 410 Gone",
    ),
    "help_notify": (
        "Tell each approver what waits for their sign-off (e-mail, webhook); once, then daily while overdue.",
        "แจ้งผู้อนุมัติแต่ละคน ถึงโพสต์ที่รอการลงนาม (อีเมล, webhook) แจ้งครั้งเดียว แล้วแจ้งทุกวันเมื่อเกินกำหนด",
    ),
    "help_publish": (
        "Check the approved post PATH and move it from the pending folder into the site.",
        "ตรวจโพสต์ PATH ที่อนุมัติแล้ว และย้ายจากโฟลเดอร์รอเผยแพร่ เข้าสู่เว็บไซต์",
    ),
    "help_registry": (
        "Show or edit the approvers registry (approvers.yml): people, roles and keys.",
        "ดูหรือแก้ไขทะเบียนผู้อนุมัติ (approvers.yml): รายชื่อ บทบาท และกุญแจ",
    ),
    "help_registry_add_key": ("Add a public key to a person.", "เพิ่มกุญแจสาธารณะให้บุคคลในทะเบียน"),
    "help_registry_add_person": (
        "Add a person with their roles (and optionally their key).",
        "เพิ่มบุคคลพร้อมบทบาท (และกุญแจ หากมี)",
    ),
    "help_registry_retire_key": (
        "Stop a key from signing after a day; what it signed before stays valid.",
        "เลิกใช้กุญแจหลังวันที่กำหนด สิ่งที่ลงนามไว้ก่อนหน้ายังใช้ได้",
    ),
    "help_registry_revoke_key": (
        "Revoke a lost or stolen key: every signature it ever made stops counting.",
        "เพิกถอนกุญแจที่สูญหายหรือถูกขโมย ลายมือชื่อทุกรายการจากกุญแจนี้ จะใช้ไม่ได้",
    ),
    "help_registry_set_email": (
        "Set (or change) the e-mail address `gate notify` uses for a person.",
        "กำหนด (หรือเปลี่ยน) อีเมลที่ `gate notify` ใช้แจ้งบุคคลนี้",
    ),
    "help_registry_show": (
        "List the people in approvers.yml, their roles and keys, and which of them hold now; change nothing.",
        "แสดงรายชื่อใน approvers.yml พร้อมบทบาทและกุญแจ และรายการที่ใช้ได้ในขณะนี้ โดยไม่แก้ไขใด ๆ",
    ),
    "help_registry_sign": (
        "Add a root signature over approvers.yml to approvers.yml.sig (hardened mode).",
        "ลงนามรับรอง approvers.yml ด้วยกุญแจหลัก แล้วเพิ่มใน approvers.yml.sig (โหมดเข้มงวด)",
    ),
    "help_reject": (
        "Refuse PATH, with a reason the requester will see.",
        "ไม่อนุมัติ PATH พร้อมเหตุผลที่ผู้ขอเผยแพร่จะเห็น",
    ),
    "help_review": (
        "Open the review desk: read, approve or refuse posts in the browser (this computer only).",
        "เปิดโต๊ะพิจารณาอนุมัติ: อ่าน อนุมัติ หรือไม่อนุมัติโพสต์ในเบราว์เซอร์ (เฉพาะเครื่องนี้)",
    ),
    "help_rollback": (
        "Serve the previous release again (switch `current` back by one).",
        "กลับไปใช้เว็บไซต์รุ่นก่อนหน้า (ย้อน `current` กลับหนึ่งรุ่น)",
    ),
    "help_status": (
        "The queue by state: age against the step targets, who each post waits for, what changes next.",
        "คิวโพสต์ตามสถานะ: ระยะเวลาเทียบกับเป้าหมายของแต่ละขั้น แต่ละโพสต์รอใคร และการเปลี่ยนแปลงถัดไป",
    ),
    "help_sweep": (
        "Move expired posts out of the site into the expired folder, recording `taken_down`.",
        "ย้ายโพสต์ที่หมดช่วงเผยแพร่ ออกจากเว็บไซต์ ไปยังโฟลเดอร์โพสต์ที่นำลงแล้ว และบันทึก `taken_down`",
    ),
    "help_watch": (
        "Publish on this server: build, deploy atomically, sleep until the next change, again.",
        "เผยแพร่บนเซิร์ฟเวอร์นี้: สร้างเว็บไซต์ นำขึ้นในขั้นตอนเดียว รอจนถึงการเปลี่ยนแปลงถัดไป แล้วทำซ้ำ",
    ),
    "help_withdraw": (
        "Withdraw PATH (a post on the site) now: the next build takes it down, whatever its period.",
        "ถอนการเผยแพร่ PATH (โพสต์ที่เผยแพร่อยู่) ทันที การสร้างเว็บไซต์ครั้งถัดไปจะนำลง ไม่ว่าช่วงเผยแพร่จะเหลือเท่าใด",
    ),
    # the options, shared ones first
    "help_config_file": (
        "The site's mkdocs.yml; the gate's options are read from its approval-gate plugin entry.",
        "ไฟล์ mkdocs.yml ของเว็บไซต์ ระบบอ่านค่าตั้งจากรายการปลั๊กอิน approval-gate ในไฟล์นี้",
    ),
    "help_lang": (
        "Language of messages and dates: th (Buddhist Era) or en (Common Era) [default: Thai, "
        "unless LANGUAGE, LC_ALL, LC_MESSAGES or LANG asks for English].",
        "ภาษาของข้อความและวันที่: th (พ.ศ.) หรือ en (ค.ศ.) [ค่าเริ่มต้น: ภาษาไทย เว้นแต่ LANGUAGE, "
        "LC_ALL, LC_MESSAGES หรือ LANG กำหนดเป็นภาษาอังกฤษ]",
    ),
    "help_version": ("Show the version and exit.", "แสดงรุ่นของโปรแกรมแล้วจบ"),
    "help_help": ("Show this message and exit.", "แสดงคำอธิบายนี้แล้วจบ"),
    "help_sign_as": ("Your id in approvers.yml.", "รหัสของท่านใน approvers.yml"),
    "help_sign_key": (
        "Private key file (default: the one `gate keygen --id ID` made).",
        "ไฟล์กุญแจส่วนตัว (ค่าเริ่มต้น: ไฟล์ที่ `gate keygen --id ID` สร้างไว้)",
    ),
    "help_sign_yes": ("Do not ask for confirmation.", "ไม่ต้องถามยืนยัน"),
    "help_sign_ssh_keygen": (
        "Write the statement to FILE for `ssh-keygen -Y sign` instead of signing here.",
        "เขียนข้อความที่จะลงนามลงใน FILE เพื่อลงนามด้วย `ssh-keygen -Y sign` แทนการลงนามที่นี่",
    ),
    "help_sign_signature": (
        "Record FILE.sig, made by `ssh-keygen -Y sign` over the statement FILE from --ssh-keygen.",
        "บันทึกลายมือชื่อ FILE.sig ที่สร้างด้วย `ssh-keygen -Y sign` จากข้อความ FILE ของ --ssh-keygen",
    ),
    "help_audit_entry": (
        "Only sign-off N (1 = the first in `signoffs`).",
        "เฉพาะการลงนามลำดับที่ N (1 = รายการแรกใน `signoffs`)",
    ),
    "help_audit_out": (
        "Folder for the statement, signature and allowed_signers files.",
        "โฟลเดอร์สำหรับไฟล์ข้อความที่ลงนาม ไฟล์ลายมือชื่อ และไฟล์ allowed_signers",
    ),
    "help_capture_site": (
        "The built site to photograph (default: the folder the last `mkdocs build` wrote).",
        "เว็บไซต์ที่สร้างแล้วซึ่งจะถ่ายภาพ (ค่าเริ่มต้น: โฟลเดอร์ที่ `mkdocs build` ครั้งล่าสุดเขียนไว้)",
    ),
    "help_check_json": ("One JSON document with every decision.", "ผลการตรวจทุกโพสต์ในเอกสาร JSON เดียว"),
    "help_evidence_fiscal_year": (
        "The Buddhist-Era fiscal year: 2570 runs from 1 October 2569 to 30 September 2570.",
        "ปีงบประมาณ (พ.ศ.) เช่น 2570 คือ 1 ตุลาคม 2569 ถึง 30 กันยายน 2570",
    ),
    "help_evidence_out": (
        "Folder for evidence-<year>.pdf and evidence-<year>.zip.",
        "โฟลเดอร์สำหรับ evidence-<year>.pdf และ evidence-<year>.zip",
    ),
    "help_evidence_lang": (
        "Language of the pack; the Ministry's form is Thai.",
        "ภาษาของชุดหลักฐาน (แบบฟอร์มของกระทรวงเป็นภาษาไทยเสมอ)",
    ),
    "help_form_blank": (
        "An empty form, for the office's written procedure (MOIT 1, item 1.4).",
        "แบบฟอร์มเปล่า สำหรับแนบแนวปฏิบัติของหน่วยงาน (MOIT 1 ข้อ 1.4)",
    ),
    "help_form_html": ("Write the form as HTML.", "บันทึกแบบฟอร์มเป็นไฟล์ HTML"),
    "help_form_pdf": ("Write the form as PDF (A4).", "บันทึกแบบฟอร์มเป็นไฟล์ PDF (A4)"),
    "help_form_thai_digits": (
        "Print dates with Thai digits (๒๕๖๙) or Arabic digits (2569); default: the site's `thai_digits` option.",
        "พิมพ์วันที่เป็นเลขไทย (๒๕๖๙) หรือเลขอารบิก (2569) ค่าเริ่มต้น: ตามค่า `thai_digits` ของเว็บไซต์",
    ),
    "help_init_site_id": (
        "The site's id, bound into every signature [default: from the folder's name].",
        "รหัสเว็บไซต์ ซึ่งผูกอยู่ในลายมือชื่อทุกรายการ [ค่าเริ่มต้น: ตามชื่อโฟลเดอร์]",
    ),
    "help_init_site_name": (
        "site_name of a new site [default: the folder's name].",
        "site_name ของเว็บไซต์ใหม่ [ค่าเริ่มต้น: ชื่อโฟลเดอร์]",
    ),
    "help_init_agency": (
        "default_agency: ชื่อหน่วยงาน written on posts that name none.",
        "default_agency: ชื่อหน่วยงาน สำหรับโพสต์ที่ไม่ได้ระบุหน่วยงาน",
    ),
    "help_init_id": (
        "The first person in approvers.yml: their id (lower-case).",
        "รหัสของบุคคลแรกใน approvers.yml (ตัวพิมพ์เล็ก)",
    ),
    "help_init_name": ("The first person's full name with title.", "ชื่อ-นามสกุลพร้อมคำนำหน้าของบุคคลแรก"),
    "help_init_position": ("The first person's position.", "ตำแหน่งของบุคคลแรก"),
    "help_init_role": (
        "The first person's role: chair or director (repeatable).",
        "บทบาทของบุคคลแรก: chair หรือ director (ระบุซ้ำได้)",
    ),
    "help_init_thai_theme": (
        "Also copy the Thai theme overrides (Material) into overrides/.",
        "คัดลอกธีมภาษาไทย (Material) ไปไว้ใน overrides/ ด้วย",
    ),
    "help_init_write": (
        "Write the changes; without it, only show them.",
        "บันทึกการเปลี่ยนแปลง หากไม่ระบุจะแสดงให้ดูเท่านั้น",
    ),
    "help_keygen_id": (
        "Your id in approvers.yml (lower-case letters, digits, . _ -).",
        "รหัสของท่านใน approvers.yml (อักษรอังกฤษตัวพิมพ์เล็ก ตัวเลข . _ -)",
    ),
    "help_new_category": (
        "One of the configured categories; it also sets the default publication period.",
        "หมวดหมู่หนึ่งที่เว็บไซต์กำหนดไว้ ซึ่งกำหนดช่วงเผยแพร่เริ่มต้นด้วย",
    ),
    "help_new_slug": (
        "An ASCII file name instead of the Thai one made from the title, e.g. flu-vaccine-2569.",
        "ชื่อไฟล์ภาษาอังกฤษ แทนชื่อภาษาไทยที่สร้างจากหัวข้อ เช่น flu-vaccine-2569",
    ),
    "help_new_folder": (
        "Folder under the pending folder [default: plugin option new_post_folder].",
        "โฟลเดอร์ย่อยในโฟลเดอร์รอเผยแพร่ [ค่าเริ่มต้น: ค่า new_post_folder ของปลั๊กอิน]",
    ),
    "help_next_json": (
        '{{"next": ISO time or null, "changes": [{{at, change, path, title}}]}}.',
        '{{"next": เวลา ISO หรือ null, "changes": [{{at, change, path, title}}]}}',
    ),
    "help_nginx_site_dir": (
        "The built site holding taken-down.txt [default: mkdocs.yml's site_dir].",
        "เว็บไซต์ที่สร้างแล้วซึ่งมี taken-down.txt [ค่าเริ่มต้น: site_dir ใน mkdocs.yml]",
    ),
    "help_nginx_output": ("Write to this file instead of stdout.", "เขียนลงไฟล์นี้แทนการแสดงบนหน้าจอ"),
    "help_notify_dry_run": (
        "Print what would be sent; send nothing, write nothing.",
        "แสดงสิ่งที่จะส่ง โดยไม่ส่งและไม่บันทึกใด ๆ",
    ),
    "help_notify_json": (
        "One JSON document: every message, its channel and outcome.",
        "เอกสาร JSON เดียว: ทุกข้อความ ช่องทาง และผลการส่ง",
    ),
    "help_publish_as": (
        "Your name as web master (ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่).",
        "ชื่อของท่าน (ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่)",
    ),
    "help_publish_yes": (
        "Put it up even though its period ends within publish_warning_days.",
        "นำขึ้นเผยแพร่ แม้ช่วงเผยแพร่จะสิ้นสุดภายใน publish_warning_days วัน",
    ),
    "help_registry_id": ("The person's id in approvers.yml.", "รหัสของบุคคลใน approvers.yml"),
    "help_registry_key_line": (
        'Public key line "ssh-ed25519 AAAA… id".',
        'บรรทัดกุญแจสาธารณะ "ssh-ed25519 AAAA… id"',
    ),
    "help_registry_key_file": ("A .pub file instead of --key.", "ไฟล์ .pub แทน --key"),
    "help_registry_key_from": (
        "First day the key counts (default: today).",
        "วันแรกที่กุญแจใช้ได้ (ค่าเริ่มต้น: วันนี้)",
    ),
    "help_registry_new_id": ("Lower-case id used in sign-offs.", "รหัสตัวพิมพ์เล็กที่ใช้ในการลงนาม"),
    "help_registry_name": (
        "Full name with title, as on the request form.",
        "ชื่อ-นามสกุลพร้อมคำนำหน้า ตามแบบขออนุญาตเผยแพร่",
    ),
    "help_registry_position": ("Position, as on the request form.", "ตำแหน่ง ตามแบบขออนุญาตเผยแพร่"),
    "help_registry_role": ("A role from the chain (repeatable).", "บทบาทในลำดับการอนุมัติ (ระบุซ้ำได้)"),
    "help_registry_person_from": (
        "First day the roles and key count (default: today).",
        "วันแรกที่บทบาทและกุญแจใช้ได้ (ค่าเริ่มต้น: วันนี้)",
    ),
    "help_registry_person_email": (
        "Where `gate notify` tells this person what waits for them (optional).",
        "อีเมลที่ `gate notify` ใช้แจ้งบุคคลนี้ถึงงานที่รออยู่ (ไม่บังคับ)",
    ),
    "help_registry_fingerprint": (
        "The key's SHA256: fingerprint or public key line.",
        "ลายนิ้วมือ SHA256: ของกุญแจ หรือบรรทัดกุญแจสาธารณะ",
    ),
    "help_registry_until": (
        "Last day the key counts (default: today). Its earlier signatures stay valid.",
        "วันสุดท้ายที่กุญแจใช้ได้ (ค่าเริ่มต้น: วันนี้) ลายมือชื่อก่อนหน้านั้นยังใช้ได้",
    ),
    "help_registry_revoked_on": (
        "When it was revoked, for the record (default: today).",
        "วันที่เพิกถอน เพื่อบันทึกไว้ (ค่าเริ่มต้น: วันนี้)",
    ),
    "help_registry_email": ("The address `gate notify` writes to.", "อีเมลที่ `gate notify` ส่งถึง"),
    "help_registry_show_json": (
        "One JSON document: the people, their roles and keys, and what holds now.",
        "เอกสาร JSON เดียว: รายชื่อ บทบาท กุญแจ และรายการที่ใช้ได้ในขณะนี้",
    ),
    "help_registry_root_key": (
        "A root private key (kept off this repository).",
        "กุญแจหลักส่วนตัว (เก็บไว้นอกที่เก็บข้อมูลนี้)",
    ),
    "help_reject_reason": (
        "Why it is refused; shown to the requester (required).",
        "เหตุผลที่ไม่อนุมัติ ซึ่งผู้ขอเผยแพร่จะเห็น (ต้องระบุ)",
    ),
    "help_review_as": ("Your id in the approvers registry.", "รหัสของท่านในทะเบียนผู้อนุมัติ"),
    "help_review_idle": ("Close after this many idle minutes.", "ปิดเมื่อไม่มีการใช้งาน ครบจำนวนนาทีนี้"),
    "help_review_port": (
        "Port on 127.0.0.1 (default: any free port).",
        "พอร์ตบน 127.0.0.1 (ค่าเริ่มต้น: พอร์ตใดก็ได้ที่ว่าง)",
    ),
    "help_review_no_browser": ("Print the link only; do not open a browser.", "แสดงลิงก์เท่านั้น ไม่เปิดเบราว์เซอร์"),
    "help_rollback_web_root": ("The web root `gate watch` deploys to.", "โฟลเดอร์เว็บที่ `gate watch` นำเว็บไซต์ขึ้น"),
    "help_status_json": ("Every post as JSON, with ages in minutes.", "ทุกโพสต์เป็น JSON ระยะเวลาเป็นนาที"),
    "help_status_markdown": ("A Markdown table for a CI job summary.", "ตาราง Markdown สำหรับหน้าสรุปงานของ CI"),
    "help_status_fail_overdue": (
        "Exit 1 when a post waits for review longer than the target.",
        "จบด้วยรหัส 1 เมื่อมีโพสต์รอพิจารณานานเกินเป้าหมาย",
    ),
    "help_sweep_dry_run": ("List what would be taken down; move nothing.", "แสดงรายการที่จะนำลง โดยไม่ย้ายไฟล์ใด"),
    "help_sweep_json": (
        "One JSON document: each post, its action, from, to and why.",
        "เอกสาร JSON เดียว: แต่ละโพสต์ การดำเนินการ ต้นทาง ปลายทาง และเหตุผล",
    ),
    "help_watch_web_root": (
        "Where releases/ and the `current` symlink live; the web server's root is <web-root>/current.",
        "โฟลเดอร์ที่เก็บ releases/ และลิงก์ `current` รากของเว็บเซิร์ฟเวอร์คือ <web-root>/current",
    ),
    "help_watch_keep": ("Releases kept for rollback.", "จำนวนรุ่นที่เก็บไว้สำหรับย้อนกลับ"),
    "help_watch_poll": (
        "Seconds between looks at the repository and the clock (no sleep is longer).",
        "ตรวจที่เก็บข้อมูลและนาฬิกา ทุกจำนวนวินาทีนี้ (ไม่รอนานกว่านี้)",
    ),
    "help_watch_git_pull": (
        "Run `git pull --ff-only` in the repository every this many seconds.",
        "สั่ง `git pull --ff-only` ในที่เก็บข้อมูลทุกจำนวนวินาทีนี้",
    ),
    "help_watch_strict": (
        "Build with --strict, falling back to a lenient build.",
        "สร้างเว็บไซต์ด้วย --strict หากไม่ผ่านจึงสร้างแบบผ่อนปรน",
    ),
    "help_watch_retry": (
        "First retry delay (s) after a failed build; it doubles.",
        "เวลารอก่อนลองใหม่ครั้งแรก (วินาที) หลังสร้างเว็บไซต์ไม่สำเร็จ ครั้งต่อไปรอนานขึ้นเท่าตัว",
    ),
    "help_watch_max_retry": ("Longest retry delay (s).", "เวลารอก่อนลองใหม่นานที่สุด (วินาที)"),
    "help_watch_nginx_snippet": (
        "The file the site's nginx server block includes: rewritten with the 410 locations when they change.",
        "ไฟล์ที่บล็อก server ของ nginx ของเว็บไซต์ include ไว้ ระบบเขียนใหม่เมื่อรายการที่ตอบ 410 เปลี่ยน",
    ),
    "help_watch_nginx_test": (
        "Checks the configuration before a reload ('' with --nginx-reload '': only write the snippet).",
        "คำสั่งตรวจค่าตั้งก่อนโหลดใหม่ ('' พร้อม --nginx-reload '': เขียนไฟล์อย่างเดียว)",
    ),
    "help_watch_nginx_reload": ("Reloads the web server.", "คำสั่งให้เว็บเซิร์ฟเวอร์ โหลดค่าตั้งใหม่"),
    "help_watch_after_build": (
        "A command run in the repository after each deploy, e.g. 'scripts/publish-local commit' (take-downs).",
        "คำสั่งที่รันในที่เก็บข้อมูล หลังนำเว็บไซต์ขึ้นแต่ละครั้ง เช่น 'scripts/publish-local commit' (บันทึกการนำลง)",
    ),
    "help_watch_capture": (
        "After each deploy, take the print screens of posts newly live (gate capture, needs "
        "Chromium); a failure is a warning, tried again at the next build.",
        "หลังนำเว็บไซต์ขึ้นแต่ละครั้ง ถ่ายภาพหน้าจอโพสต์ที่เพิ่งเผยแพร่ (gate capture ต้องมี "
        "Chromium) หากไม่สำเร็จจะแจ้งเตือน และลองใหม่ในการสร้างครั้งถัดไป",
    ),
    "help_watch_once": (
        "Build and deploy once if anything is due, then exit (for a timer).",
        "สร้างและนำเว็บไซต์ขึ้นครั้งเดียว หากมีสิ่งที่ถึงกำหนด แล้วจบ (สำหรับตัวตั้งเวลา)",
    ),
    "help_withdraw_reason": (
        "Why the post must come down (recorded, signed, shown in the register); required unless "
        "--signature, which takes it from the signed statement.",
        "เหตุผลที่ต้องนำโพสต์ลง (บันทึก ลงนาม และแสดงในทะเบียน) ต้องระบุ เว้นแต่ใช้ --signature ซึ่งอ่านเหตุผลจากข้อความที่ลงนามแล้ว",
    ),
    # click's own words in a help page
    "help_usage": ("Usage:", "วิธีใช้:"),
    "help_heading_options": ("Options", "ตัวเลือก"),
    "help_heading_commands": ("Commands", "คำสั่ง"),
    "help_default": ("default: {default}", "ค่าเริ่มต้น: {default}"),
    "help_required": ("required", "ต้องระบุ"),
    "help_env_var": ("env var: {var}", "ตัวแปรสภาพแวดล้อม: {var}"),
}
