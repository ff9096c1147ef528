"""Message texts: code -> (English, Thai). Placeholders are filled by `messages.message`.

Each text says what is wrong, where (`{key}`), and what to do.
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
    "active_body": (
        "the body contains a script, an embedded frame, an event handler or a javascript: link; remove it",
        "เนื้อหามีสคริปต์ เฟรมฝัง ตัวจัดการเหตุการณ์ หรือลิงก์ javascript: ให้ลบออก",
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
    "register_fiscal_year": ("Fiscal year {year}", "ปีงบประมาณ พ.ศ. {year}"),
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
    "preview_col_file": ("File", "ไฟล์"),
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
    "review_age_minutes": ("{minutes} min", "{minutes} นาที"),
    "review_age_hours": ("{hours} h {minutes} min", "{hours} ชม. {minutes} นาที"),
    "review_age_days": ("{days} d {hours} h", "{days} วัน {hours} ชม."),
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
        "Review desk for {person}: {url}\nOpen it in your browser if it did not open. Close it with the button on the page, "
        "or it closes after {idle} minutes without use.",
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
    "review_cli_registry": ("{detail}", "{detail}"),
}
