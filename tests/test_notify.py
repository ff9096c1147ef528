"""`gate notify`: each approver is told what waits for them, by e-mail (a real SMTP server on
loopback, aiosmtpd) and by a JSON webhook (a real HTTP server on 127.0.0.1), once, then at most
once a day while overdue, with the clock moved by SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
import email
import http.server
import ipaddress
import json
import ssl
import threading
from collections.abc import Iterator
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from click.testing import CliRunner, Result

from approval_gate.cli import main
from approval_gate.core.registry import RegistryError, parse_registry
from factory import SiteFactory

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # 17:00 in Bangkok
CHAIR_SIGNED = dt.datetime(2026, 11, 25, 9, 20, tzinfo=UTC)  # 16:20 in Bangkok
EMAILS = {"chair1": "chair1@example.go.th", "director1": "director1@example.go.th"}  # chair2 has none
FIRST = "news/posts/first.md"
SECOND = "news/posts/second.md"


# --- the servers ---------------------------------------------------------------------------


class _LoopbackController(Controller):
    """aiosmtpd's controller on a free port of 127.0.0.1 (port 0: the system picks one)."""

    def _trigger_server(self) -> None:
        if self.port == 0 and self.server is not None:
            self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class Mailbox:
    """Every message the SMTP server accepted; `refuse` makes it answer 554 to the data instead."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], bytes]] = []
        self.refuse = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return "554 5.7.1 refused by the test"
        self.received.append((list(envelope.rcpt_tos), bytes(envelope.original_content)))
        return "250 OK"

    def messages(self) -> list[tuple[list[str], EmailMessage]]:
        return [
            (rcpt, email.message_from_bytes(raw, _class=EmailMessage, policy=policy.default))
            for rcpt, raw in self.received
        ]


def body_of(message: EmailMessage) -> str:
    """The body decoded; MIME text travels with CRLF line ends, a mail reader shows lines."""
    text: str = message.get_content()
    return text.replace("\r\n", "\n")


def decoded(raw: bytes, name: str) -> str:
    """A header as RFC 2047 reads it: the whitespace between two encoded words is not text. (The
    stdlib's modern parser puts a space there inside a display name; its RFC 2047 decoder does not.)"""
    value = email.message_from_bytes(raw, policy=policy.compat32)[name]
    return str(make_header(decode_header(value)))


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    mailbox = Mailbox()
    controller = _LoopbackController(mailbox, hostname="127.0.0.1", port=0)
    controller.start()
    try:
        yield mailbox, controller.port
    finally:
        controller.stop()


class Hook:
    """What the webhook server received; `status` is what it answers."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.status = 204

    def payloads(self) -> list[dict[str, Any]]:
        return [json.loads(body.decode("utf-8")) for _, body in self.received]


@pytest.fixture
def webhook() -> Iterator[tuple[Hook, str]]:
    hook = Hook()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            hook.received.append((dict(self.headers), self.rfile.read(length)))
            self.send_response(hook.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hook, f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- the site ------------------------------------------------------------------------------


def with_emails(factory: SiteFactory, emails: dict[str, str]) -> str:
    lines = []
    current = ""
    for line in factory.registry_text().splitlines():
        lines.append(line)
        if line.startswith("  - id: "):
            current = line.removeprefix("  - id: ")
        if line.startswith("    name: ") and current in emails:
            lines.append(f"    email: {emails[current]}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def site(factory: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> SiteFactory:
    """Two requests: one waits for the chairs (since 16:45 Bangkok), one for the director (chair1
    signed at 16:20 Bangkok). chair1 and director1 have an e-mail address, chair2 has none."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name in ("GATE_SMTP_HOST", "GATE_SMTP_PORT", "GATE_SMTP_USER", "GATE_SMTP_PASSWORD", "GATE_SMTP_FROM"):
        monkeypatch.delenv(name, raising=False)
    for name in ("GATE_SMTP_SECURITY", "GATE_WEBHOOK_URL", "GATE_WEBHOOK_TOKEN", "GATE_REPOSITORY_URL", "GATE_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    (factory.root / "approvers.yml").write_text(with_emails(factory, EMAILS), encoding="utf-8")
    requester = "\n  name: นางสาวผู้ขอ ทดสอบ\n  date: 2569-11-25 16:45"
    factory.add("pending", FIRST, factory.text(title="ขอเชิญฉีดวัคซีนไข้หวัดใหญ่", requester=requester))
    second = factory.text(title="ประกาศวันหยุดคลินิก", requester=requester.replace("16:45", "16:00"))
    factory.add("pending", SECOND, factory.sign(second, SECOND, [("chair1", "approve", None, CHAIR_SIGNED)], "pending"))
    at(monkeypatch, NOW)
    return factory


def at(monkeypatch: pytest.MonkeyPatch, moment: dt.datetime) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


def use_smtp(monkeypatch: pytest.MonkeyPatch, port: int) -> None:
    monkeypatch.setenv("GATE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("GATE_SMTP_PORT", str(port))
    monkeypatch.setenv("GATE_SMTP_SECURITY", "none")
    monkeypatch.setenv("GATE_SMTP_FROM", "ศูนย์ข้อมูลข่าวสาร <web@example.go.th>")


def gate(site: SiteFactory, *args: str, lang: str = "th") -> Result:
    return CliRunner().invoke(main, ["-f", str(site.root / "mkdocs.yml"), "--lang", lang, *args])


def state(site: SiteFactory) -> list[tuple[str, str, str, str, str]]:
    document = json.loads((site.root / "notified.json").read_text(encoding="utf-8"))
    return [(r["channel"], r["person"], r["role"], r["path"], r["at"]) for r in document["sent"]]


# --- what the messages say -----------------------------------------------------------------

CHAIR_SUBJECT = "[ทดสอบ] รอท่านลงนามในฐานะประธานศูนย์ข้อมูลข่าวสาร: ขอเชิญฉีดวัคซีนไข้หวัดใหญ่"
CHAIR_BODY = """\
เรียน นายประธาน หนึ่ง

มีคำขอเผยแพร่ข้อมูลผ่านเว็บไซต์รอท่านลงนามในฐานะประธานศูนย์ข้อมูลข่าวสาร

หัวข้อ: ขอเชิญฉีดวัคซีนไข้หวัดใหญ่
ผู้ขอเผยแพร่: นางสาวผู้ขอ ทดสอบ
หน่วยงาน: สำนักงานสาธารณสุขจังหวัดทดสอบ
วันที่ขอ: 25 พ.ย. 2569 เวลา 16.45 น.
ไฟล์: pending/news/posts/first.md
รอมาแล้ว: 15 นาที (เป้าหมาย 30 นาที)

ตรวจและอนุมัติด้วยคำสั่ง
  gate approve pending/news/posts/first.md --as chair1
หรือไม่อนุมัติพร้อมเหตุผลด้วยคำสั่ง
  gate reject pending/news/posts/first.md --as chair1 --reason "เหตุผล"
หรือเปิดโต๊ะตรวจในเบราว์เซอร์ด้วยคำสั่ง
  gate review --as chair1

ข้อความนี้ส่งโดยอัตโนมัติจาก gate notify และจะส่งซ้ำวันละครั้งระหว่างที่เกินกำหนด
"""
DIRECTOR_SUBJECT = "[ทดสอบ] รอท่านลงนามในฐานะนายแพทย์สาธารณสุขจังหวัด: ประกาศวันหยุดคลินิก"
DIRECTOR_REMINDER = "[ทดสอบ] เกินกำหนดแล้ว ยังรอท่านลงนามในฐานะนายแพทย์สาธารณสุขจังหวัด: ประกาศวันหยุดคลินิก"
CHAIR_REMINDER = "[ทดสอบ] เกินกำหนดแล้ว ยังรอท่านลงนามในฐานะประธานศูนย์ข้อมูลข่าวสาร: ขอเชิญฉีดวัคซีนไข้หวัดใหญ่"


def test_every_message_to_its_person_in_thai_decoded_exactly(
    site: SiteFactory, smtp: tuple[Mailbox, int], webhook: tuple[Hook, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recipients come from the registry: each holder of the awaited role who has not signed, by
    e-mail when they have an address and by the webhook always; Thai decodes back exactly."""
    mailbox, port = smtp
    hook, url = webhook
    use_smtp(monkeypatch, port)
    monkeypatch.setenv("GATE_WEBHOOK_URL", url)
    result = gate(site, "notify")
    assert 0 == result.exit_code, result.output
    mails = mailbox.messages()
    assert [["chair1@example.go.th"], ["director1@example.go.th"]] == sorted(rcpt for rcpt, _ in mails)
    by_to = {rcpt[0]: message for rcpt, message in mails}
    chair = by_to["chair1@example.go.th"]
    assert CHAIR_SUBJECT == chair["Subject"]
    assert CHAIR_BODY == body_of(chair)
    raw = mailbox.received[[rcpt for rcpt, _ in mails].index(["chair1@example.go.th"])][1]
    assert "นายประธาน หนึ่ง <chair1@example.go.th>" == decoded(raw, "To")
    assert "ศูนย์ข้อมูลข่าวสาร <web@example.go.th>" == decoded(raw, "From")
    assert CHAIR_SUBJECT == decoded(raw, "Subject")
    assert DIRECTOR_SUBJECT == by_to["director1@example.go.th"]["Subject"]
    assert "รอมาแล้ว: 40 นาที (เป้าหมาย 30 นาที) - เกินกำหนดแล้ว\n" in body_of(by_to["director1@example.go.th"])
    # On the wire every header is ASCII: Thai travels as RFC 2047 words, any server carries it.
    for _, raw in mailbox.received:
        head = raw.split(b"\r\n\r\n", 1)[0]
        assert head.isascii()
        assert b"Subject: =?utf-8?" in head
    payloads = hook.payloads()
    assert [("chair", "chair1"), ("chair", "chair2"), ("director", "director1")] == sorted(
        (p["role"], p["to"]["id"]) for p in payloads
    )
    first = next(p for p in payloads if p["to"]["id"] == "chair1")
    assert {
        "schema": "approval-gate/notify-1",
        "site_id": "test-site",
        "site_name": "ทดสอบ",
        "kind": "new",
        "lang": "th",
        "to": {"id": "chair1", "name": "นายประธาน หนึ่ง", "email": "chair1@example.go.th"},
        "role": "chair",
        "since": "2026-11-25T09:45:00Z",
        "age_minutes": 15,
        "target_minutes": 30,
        "overdue": False,
        "link": None,
        "subject": CHAIR_SUBJECT,
        "body": CHAIR_BODY,
        "text": f"{CHAIR_SUBJECT}\n\n{CHAIR_BODY}",
    } == {key: value for key, value in first.items() if key not in ("post", "commands")}
    assert "ขอเชิญฉีดวัคซีนไข้หวัดใหญ่" == first["post"]["title"]
    assert "pending/news/posts/first.md" == first["post"]["file"]
    assert "gate approve pending/news/posts/first.md --as chair1" == first["commands"]["approve"]
    headers = hook.received[0][0]
    assert "application/json; charset=utf-8" == headers["Content-Type"]
    no_mail = next(p for p in payloads if p["to"]["id"] == "chair2")
    assert None is no_mail["to"]["email"]
    assert "เรียน นางรอง ประธาน\n" == no_mail["body"].split("\n", 1)[0] + "\n"
    sent = state(site)
    assert 5 == len(sent)  # 2 e-mails, 3 webhook posts
    assert {"2026-11-25T10:00:00Z"} == {record[4] for record in sent}


def test_no_duplicates_across_runs_and_a_daily_reminder_when_overdue(
    site: SiteFactory, smtp: tuple[Mailbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second run sends nothing; an hour later still nothing (overdue, but told today); 24 hours
    after the first message, each overdue item is sent once more, marked overdue."""
    mailbox, port = smtp
    use_smtp(monkeypatch, port)
    assert 0 == gate(site, "notify").exit_code
    assert 2 == len(mailbox.received)
    again = gate(site, "notify")
    unreachable = (
        "news/posts/first.md รอ นางรอง ประธาน (chair2) ลงนาม แต่ไม่มีช่องทางส่งถึง "
        "ให้เพิ่ม `email: ที่อยู่อีเมล` ให้ chair2 ใน approvers.yml หรือตั้งค่า GATE_WEBHOOK_URL\n"
    )
    assert (0, unreachable + "ไม่มีเรื่องใหม่ที่ต้องแจ้งใคร\n") == (again.exit_code, again.output)
    at(monkeypatch, NOW + dt.timedelta(hours=1))
    assert 0 == gate(site, "notify").exit_code
    at(monkeypatch, NOW + dt.timedelta(hours=23, minutes=59))
    assert 0 == gate(site, "notify").exit_code
    assert 2 == len(mailbox.received)
    at(monkeypatch, NOW + dt.timedelta(hours=24))
    result = gate(site, "notify")
    assert 0 == result.exit_code, result.output
    reminders = mailbox.messages()[2:]
    assert sorted([CHAIR_REMINDER, DIRECTOR_REMINDER]) == sorted(message["Subject"] for _, message in reminders)
    chair = next(message for rcpt, message in reminders if rcpt == ["chair1@example.go.th"])
    assert "รอมาแล้ว: 1 วัน 0 ชม. (เป้าหมาย 30 นาที) - เกินกำหนดแล้ว\n" in body_of(chair)
    assert 0 == gate(site, "notify").exit_code
    assert 4 == len(mailbox.received)
    assert {"2026-11-26T10:00:00Z"} == {record[4] for record in state(site)}


def test_a_signature_moves_the_notice_to_the_next_person(
    site: SiteFactory, smtp: tuple[Mailbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the chair signs, the director is told (a new notice), and the chair's record is dropped."""
    mailbox, port = smtp
    use_smtp(monkeypatch, port)
    assert 0 == gate(site, "notify").exit_code
    file = site.root / "pending" / FIRST
    signed_at = NOW + dt.timedelta(minutes=5)
    file.write_text(
        site.sign(file.read_text(encoding="utf-8"), FIRST, [("chair2", "approve", None, signed_at)], "pending")
    )
    at(monkeypatch, NOW + dt.timedelta(minutes=10))
    assert 0 == gate(site, "notify").exit_code
    (rcpt, message), *rest = mailbox.messages()[2:]
    assert ([], ["director1@example.go.th"]) == (rest, rcpt)
    assert "[ทดสอบ] รอท่านลงนามในฐานะนายแพทย์สาธารณสุขจังหวัด: ขอเชิญฉีดวัคซีนไข้หวัดใหญ่" == message["Subject"]
    assert [("email", "director1", "director", FIRST), ("email", "director1", "director", SECOND)] == sorted(
        record[:4] for record in state(site)
    )


def test_an_edit_is_a_new_request(
    site: SiteFactory, smtp: tuple[Mailbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed post (a new digest) is told again, even within the day."""
    mailbox, port = smtp
    use_smtp(monkeypatch, port)
    assert 0 == gate(site, "notify").exit_code
    file = site.root / "pending" / FIRST
    file.write_text(file.read_text(encoding="utf-8").replace("เนื้อหาข่าวทดสอบ", "เนื้อหาที่แก้ไขแล้ว"), encoding="utf-8")
    assert 0 == gate(site, "notify").exit_code
    assert [["chair1@example.go.th"]] == [rcpt for rcpt, _ in mailbox.received[2:]]


def test_dry_run_sends_nothing_and_writes_nothing(
    site: SiteFactory, smtp: tuple[Mailbox, int], webhook: tuple[Hook, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--dry-run prints every message it would send, in full, and leaves servers and files alone."""
    mailbox, port = smtp
    hook, url = webhook
    use_smtp(monkeypatch, port)
    monkeypatch.setenv("GATE_WEBHOOK_URL", url)
    result = gate(site, "notify", "--dry-run")
    assert 0 == result.exit_code, result.output
    assert "จะส่งทาง email ถึง นายประธาน หนึ่ง <chair1@example.go.th> (แจ้งครั้งแรก):" in result.output
    assert "  " + CHAIR_SUBJECT in result.output
    assert "    รอมาแล้ว: 15 นาที (เป้าหมาย 30 นาที)" in result.output
    assert 5 == result.output.count("จะส่งทาง ")
    document = json.loads(gate(site, "notify", "--dry-run", "--json").output)
    assert (True, {"email": True, "webhook": True}) == (document["dry_run"], document["channels"])
    assert [("email", "chair1"), ("email", "director1"), ("webhook", "chair1"), ("webhook", "chair2")] == sorted(
        (m["channel"], m["to"]["id"]) for m in document["messages"]
    )[:4]
    assert CHAIR_BODY == next(m for m in document["messages"] if m["to"]["id"] == "chair1")["body"]
    assert ([], [], False) == (mailbox.received, hook.received, (site.root / "notified.json").exists())
    # After a real run, a dry run a day later shows the reminders but still records nothing.
    assert 0 == gate(site, "notify").exit_code
    before = (site.root / "notified.json").read_bytes()
    at(monkeypatch, NOW + dt.timedelta(days=1))
    later = json.loads(gate(site, "notify", "--dry-run", "--json").output)
    assert {"reminder"} == {m["kind"] for m in later["messages"]}
    assert (2, 3, before) == (len(mailbox.received), len(hook.received), (site.root / "notified.json").read_bytes())


def test_a_failed_send_is_reported_and_not_recorded(
    site: SiteFactory, smtp: tuple[Mailbox, int], webhook: tuple[Hook, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The webhook answers 500 and the mail server refuses: exit 1, each failure named, nothing of
    it recorded; the next run sends exactly what failed."""
    mailbox, port = smtp
    hook, url = webhook
    use_smtp(monkeypatch, port)
    monkeypatch.setenv("GATE_WEBHOOK_URL", url)
    hook.status = 500
    result = gate(site, "notify", lang="en")
    assert 1 == result.exit_code
    assert "NOT sent by webhook to นางรอง ประธาน (chair2): ขอเชิญฉีดวัคซีนไข้หวัดใหญ่: HTTP 500" in result.output
    assert [("email", "chair1"), ("email", "director1")] == sorted(record[:2] for record in state(site))
    hook.status, mailbox.refuse = 200, True
    result = gate(site, "notify", lang="en")
    assert 0 == result.exit_code, result.output
    assert 3 == len(hook.received) - 3  # the three webhook messages again, now delivered
    assert 2 == len(mailbox.received)  # no e-mail was due: both were delivered before
    assert 5 == len(state(site))
    # A new request while the mail server refuses: reported, not recorded, sent on the next run.
    site.add(
        "pending",
        "news/posts/third.md",
        site.text(title="ข่าวที่สาม", requester="\n  name: ผู้ขอ\n  date: 2569-11-25 16:50"),
    )
    result = gate(site, "notify", lang="en")
    assert 1 == result.exit_code
    assert "NOT sent by email to นายประธาน หนึ่ง (chair1): ข่าวที่สาม: 554 5.7.1 refused by the test" in result.output
    assert ["chair1", "chair2"] == sorted(r[1] for r in state(site) if r[3] == "news/posts/third.md")  # webhook only
    mailbox.refuse = False
    assert 0 == gate(site, "notify").exit_code
    assert [["chair1@example.go.th"]] == [rcpt for rcpt, _ in mailbox.received[2:]]


def test_a_mail_server_that_is_not_there(site: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing listens on the port: every e-mail fails, exit 1, nothing is recorded."""
    import socket

    with socket.socket() as probe:  # a port nobody listens on: bound, never listening
        probe.bind(("127.0.0.1", 0))
        use_smtp(monkeypatch, probe.getsockname()[1])
        result = gate(site, "notify", lang="en")
    assert 1 == result.exit_code
    assert 2 == result.output.count("NOT sent by email")
    assert not (site.root / "notified.json").exists()


def test_no_channel_sends_nothing(site: SiteFactory) -> None:
    """Without settings, the command says how to set a channel up, exits 0 and writes nothing."""
    result = gate(site, "notify", lang="en")
    assert 0 == result.exit_code
    assert "no channel is set up: set GATE_SMTP_HOST (e-mail) or GATE_WEBHOOK_URL (webhook)" in result.output
    assert not (site.root / "notified.json").exists()


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("GATE_SMTP_SECURITY", "ssl", "GATE_SMTP_SECURITY is 'ssl': use starttls, tls or none"),
        ("GATE_SMTP_PORT", "25x", "GATE_SMTP_PORT is '25x': give a port number from 1 to 65535"),
        ("GATE_SMTP_FROM", "not an address", "GATE_SMTP_FROM is 'not an address': give the sender as"),
        (
            "GATE_WEBHOOK_URL",
            "http://chat.example.com/hook",
            "GATE_WEBHOOK_URL is 'http://chat.example.com/hook': give",
        ),
        ("GATE_REPOSITORY_URL", "ftp://x", "GATE_REPOSITORY_URL is 'ftp://x': give the https:// address"),
    ],
)
def test_bad_settings_are_named_and_nothing_happens(
    site: SiteFactory, smtp: tuple[Mailbox, int], monkeypatch: pytest.MonkeyPatch, variable: str, value: str,
    expected: str,
) -> None:  # fmt: skip
    """A bad environment variable: exit 2, its name, value and fix; nothing sent, nothing written."""
    mailbox, port = smtp
    use_smtp(monkeypatch, port)
    monkeypatch.setenv(variable, value)
    result = gate(site, "notify", lang="en")
    assert 2 == result.exit_code
    assert expected in result.output
    assert ([], False) == (mailbox.received, (site.root / "notified.json").exists())


def test_a_password_is_never_sent_in_clear(site: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    use_smtp(monkeypatch, 25)
    monkeypatch.setenv("GATE_SMTP_HOST", "mail.example.go.th")
    monkeypatch.setenv("GATE_SMTP_USER", "web")
    monkeypatch.setenv("GATE_SMTP_PASSWORD", "secret")
    result = gate(site, "notify", lang="en")
    assert 2 == result.exit_code
    assert "GATE_SMTP_SECURITY is 'none' with a user name: the password would travel unencrypted" in result.output


def test_an_unreadable_state_file_stops_before_sending(
    site: SiteFactory, smtp: tuple[Mailbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken notified.json is never overwritten and nobody is told twice by accident."""
    mailbox, port = smtp
    use_smtp(monkeypatch, port)
    (site.root / "notified.json").write_text('{"version": 1, "sent": {}}', encoding="utf-8")
    result = gate(site, "notify", lang="en")
    assert 1 == result.exit_code
    assert 'notified.json cannot be read ("sent" is not a list); nothing was sent' in result.output
    assert ([], '{"version": 1, "sent": {}}') == (
        mailbox.received,
        (site.root / "notified.json").read_text(encoding="utf-8"),
    )


def test_the_repository_link(site: SiteFactory, webhook: tuple[Hook, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """GATE_REPOSITORY_URL adds a link to the file, its Thai path percent-encoded."""
    hook, url = webhook
    monkeypatch.setenv("GATE_WEBHOOK_URL", url)
    monkeypatch.setenv("GATE_REPOSITORY_URL", "https://github.com/office/site/blob/main/")
    site.add("pending", "news/posts/ข่าว.md", site.text(title="ข่าวไทย", requester="\n  name: ผู้ขอ\n  date: 2569-11-25"))
    assert 0 == gate(site, "notify").exit_code
    links = {p["post"]["path"]: p["link"] for p in hook.payloads()}
    assert (
        "https://github.com/office/site/blob/main/pending/news/posts/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7.md"
        == links["news/posts/ข่าว.md"]
    )
    body = next(p["body"] for p in hook.payloads() if p["post"]["path"] == FIRST)
    assert "ไฟล์ในคลังเก็บเว็บไซต์: https://github.com/office/site/blob/main/pending/news/posts/first.md\n" in body


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ('"chair1@example.go.th"', None),
        ("somchai.r@moph.go.th", None),
        ('"chair1@example"', "registry_email"),  # no dotted domain
        ('"two@at@example.go.th"', "registry_email"),
        ('"สมชาย@example.go.th"', "registry_email"),  # not ASCII
        ('"a@example.go.th\\nBcc: x@evil.test"', "registry_email"),  # a header of its own
        ('" chair1@example.go.th"', "registry_email"),
        ("[chair1@example.go.th]", "registry_email"),
        ("12", "registry_email"),
    ],
)
def test_registry_email(factory: SiteFactory, value: str, problem: str | None) -> None:
    """`email` is optional, an address a mail server takes as it is, or an error naming the key."""
    text = factory.registry_text().replace(
        "    name: นายประธาน หนึ่ง\n", f"    name: นายประธาน หนึ่ง\n    email: {value}\n"
    )
    if problem is None:
        registry = parse_registry(text, ("chair", "director"))
        assert value.strip('"') == registry.people["chair1"].email
        assert "" == registry.people["chair2"].email
        return
    with pytest.raises(RegistryError) as caught:
        parse_registry(text, ("chair", "director"))
    assert (problem, "people[1].email") == (caught.value.code, caught.value.key)


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key, as PEM files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    start = dt.datetime.now(UTC) - dt.timedelta(days=1)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


def test_starttls_and_login(site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default security: STARTTLS with the server's certificate checked, then the login; the
    server takes mail only after both. A certificate the machine does not trust sends nothing."""
    cert_file, key_file = _certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    logins: list[tuple[bytes, bytes]] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        logins.append((data.login, data.password))
        return AuthResult(success=(data.login, data.password) == (b"web", b"app password"))

    mailbox = Mailbox()
    controller = _LoopbackController(
        mailbox, hostname="127.0.0.1", port=0, tls_context=context, require_starttls=True,
        authenticator=authenticator, auth_required=True,
    )  # fmt: skip
    controller.start()
    try:
        use_smtp(monkeypatch, controller.port)
        monkeypatch.setenv("GATE_SMTP_SECURITY", "starttls")
        monkeypatch.setenv("GATE_SMTP_USER", "web")
        monkeypatch.setenv("GATE_SMTP_PASSWORD", "app password")
        untrusted = gate(site, "notify", lang="en")
        assert (1, 2, []) == (untrusted.exit_code, untrusted.output.count("CERTIFICATE_VERIFY_FAILED"), logins)
        monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
        result = gate(site, "notify", lang="en")
        assert 0 == result.exit_code, result.output
    finally:
        controller.stop()
    assert [(b"web", b"app password")] == logins  # one connection for the run
    assert [["chair1@example.go.th"], ["director1@example.go.th"]] == sorted(rcpt for rcpt, _ in mailbox.received)


def test_a_line_break_in_a_registry_name_never_becomes_a_header(
    site: SiteFactory, smtp: tuple[Mailbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Header injection: a name with a line break fails that one message (named, not recorded);
    the others are sent, and no message carries a header the name tried to add."""
    mailbox, port = smtp
    use_smtp(monkeypatch, port)
    registry = site.root / "approvers.yml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace("name: นายประธาน หนึ่ง", 'name: "นายประธาน\\r\\nBcc: spy@evil.test"'), encoding="utf-8"
    )
    result = gate(site, "notify", lang="en")
    assert 1 == result.exit_code
    # On the terminal the line break is written as escapes.
    assert "NOT sent by email to นายประธาน\\x0d\\x0aBcc: spy@evil.test (chair1)" in result.output
    assert "cannot be written as an e-mail" in result.output
    assert [["director1@example.go.th"]] == [rcpt for rcpt, _ in mailbox.received]
    assert all(b"evil.test" not in raw for _, raw in mailbox.received)
    assert [("email", "director1")] == [record[:2] for record in state(site)]


# --- the plan and the state file, without the command ---------------------------------------


def _queue(site: SiteFactory, now: dt.datetime) -> Any:
    from approval_gate.cli.common import load_gate
    from approval_gate.services.queue import Targets, build_queue

    gate_, _ = load_gate(site.root / "mkdocs.yml")
    judged = gate_.judge_all(now)
    return gate_, build_queue(judged, gate_.registry, gate_.settings.roles, Targets.from_minutes({}), now, {})


@pytest.mark.parametrize(
    ("sent_ago", "now_after", "expected"),
    [
        (None, dt.timedelta(0), "new"),  # never sent
        (dt.timedelta(minutes=1), dt.timedelta(0), None),  # sent, not overdue
        (dt.timedelta(hours=1), dt.timedelta(hours=1), None),  # overdue, but told within the day
        (dt.timedelta(hours=23, minutes=59), dt.timedelta(hours=23), None),
        (dt.timedelta(hours=24), dt.timedelta(hours=23), "reminder"),  # overdue, a day since
        (dt.timedelta(days=3), dt.timedelta(days=3), "reminder"),
    ],
)
def test_plan_once_then_daily_while_overdue(
    site: SiteFactory, sent_ago: dt.timedelta | None, now_after: dt.timedelta, expected: str | None
) -> None:
    """One chair's notice for the first post: new, nothing, or a reminder."""
    from approval_gate.services import notices

    now = NOW + now_after
    gate_, queue = _queue(site, now)
    digest = next(item.judged.post.digest for item in queue.items if item.judged.post.path == FIRST)
    key = ("email", "chair1", "chair", FIRST, digest)
    sent = {} if sent_ago is None else {key: now - sent_ago}
    plan = notices.plan(queue, gate_.registry, ["email"], sent, now)
    kinds = [notice.kind for notice in plan.notices if notice.key == key]
    assert ([] if expected is None else [expected]) == kinds
    assert key in plan.current
    assert [("chair2", "chair", FIRST)] == [(u.person.id, u.role, u.item.judged.post.path) for u in plan.unreachable]


def test_state_file_round_trip_drops_what_no_longer_applies(tmp_path: Path) -> None:
    """Records written one a line, read back the same; stale records of a channel in use are
    dropped, those of a channel not used in this run are kept; nothing changed, nothing written."""
    from approval_gate.services import notices

    old = ("email", "chair1", "chair", "news/posts/gone.md", "sha256:" + "a" * 64)
    hook = ("webhook", "chair1", "chair", "news/posts/gone.md", "sha256:" + "a" * 64)
    kept = ("email", "director1", "director", "news/posts/ข่าว.md", "sha256:" + "b" * 64)
    assert notices.record(tmp_path, [old, hook, kept], [old, hook, kept], ["email", "webhook"], NOW)
    path = tmp_path / notices.NOTIFIED_FILE
    text = path.read_text(encoding="utf-8")
    assert 3 == text.count('"channel"') == len(text.splitlines()) - 5
    assert {old: NOW, hook: NOW, kept: NOW} == notices.read(path)
    later = NOW + dt.timedelta(hours=2)
    assert notices.record(tmp_path, [], [kept], ["email"], later)
    assert {hook: NOW, kept: NOW} == notices.read(path)
    assert not notices.record(tmp_path, [], [kept], ["email"], later)
