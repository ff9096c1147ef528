"""The review desk: queue rows, diffs, signing through the desk, and every refusal of the server."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import http.client
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.cli import main
from approval_gate.cli.common import load_gate
from approval_gate.cli.review import key_file
from approval_gate.core import signing
from approval_gate.core.decision import decide
from approval_gate.core.loopback import is_loopback, loopback_address
from approval_gate.core.post import load_post
from approval_gate.core.signoff import clean_reason, make_entry, write_entry
from approval_gate.desk import Desk, DeskServer, NotLoopback
from approval_gate.desk.changes import comparable_lines, text_diff
from approval_gate.desk.history import previous_text
from approval_gate.desk.time_text import age_text
from approval_gate.desk.urls import sign_url
from approval_gate.desk.waiting import queue_rows
from approval_gate.services.moves import FileChanged, replace_file
from approval_gate.services.repository import Gate
from conftest import EXAMPLE_NOW

UTC = dt.UTC
PASSPHRASE = "ผ่าน-passphrase-9"
PEOPLE = {
    # id: (name, position, role)
    "somchai": ("นายสมชาย รักษ์ข้อมูล", "ประธานศูนย์ข้อมูลข่าวสาร", "chair"),
    "wichai": ("นายแพทย์วิชัย ใจบุญ", "นายแพทย์สาธารณสุขจังหวัดปทุมธานี", "director"),
    "malee": ("นางมาลี ศรีสุข", "รองประธานศูนย์ข้อมูลข่าวสาร (ทำหน้าที่แทน)", "chair"),
}
REVIEW = "news/review"  # under pending/: the posts these tests make and sign
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.test", "-c", "commit.gpgsign=false"]


def post_text(title: str, body: str, *, remarks: str = "ทดสอบโต๊ะพิจารณา") -> str:
    return (
        "---\n"
        f"title: {title}\n"
        "category: ข่าวประชาสัมพันธ์\n"
        "date: 2026-12-10\n"
        "publish_from: 2569-12-10\n"
        "publish_until: 31/01/2570\n"
        "external_link: https://example.go.th/review\n"
        f"remarks: {remarks}\n"
        "requester:\n"
        "  name: นางสาวสมหญิง ใจดี\n"
        "  position: นักวิชาการสาธารณสุขชำนาญการ\n"
        "  date: 2569-11-20\n"
        "---\n\n"
        f"# {title}\n\n{body}\n"
    )


@dataclass
class ReviewSite:
    root: Path
    key_dir: Path
    keys: dict[str, Ed25519PrivateKey]
    gate: Gate

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def file(self, name: str) -> Path:
        return self.root / "pending" / REVIEW / name

    def sign(self, name: str, signer: str, verdict: str, reason: str | None, at: dt.datetime) -> None:
        file = self.file(name)
        text = file.read_text(encoding="utf-8")
        post = load_post(text.encode(), f"{REVIEW}/{name}", self.gate.rules)
        decision = decide(post, self.gate.registry, self.gate.settings, at)
        assert decision.waiting_for is not None, decision
        entry = make_entry(
            post, decision, self.gate.settings, role=decision.waiting_for, signer=signer, verdict=verdict,
            reason=reason, now=at, key=self.keys[signer],
        )  # fmt: skip
        file.write_text(write_entry(text, entry), encoding="utf-8")

    def desk(self, person: str, lang: str = "th") -> Desk:
        gate, _ = load_gate(self.config)
        return Desk(gate=gate, person=person, lang=lang, key_file=self.key_dir / person, clock=lambda: EXAMPLE_NOW)


@functools.cache
def key_material(person: str) -> tuple[bytes, str, Ed25519PrivateKey]:
    """A passphrase-protected key per person, made once per test run (bcrypt is slow on purpose)."""
    pem, public = signing.generate_private_key(PASSPHRASE.encode(), person)
    return pem, public, signing.load_private_key(pem, PASSPHRASE.encode())


def make_review_site(site: Path, key_dir: Path) -> ReviewSite:
    """The example site with a registry of fresh passphrase-protected keys, and three posts of our own:

    - new-clinic.md: a new request, waiting for the chair;
    - revised-notice.md: refused by the chair, committed to git, then revised: waiting for the chair again;
    - director-step.md: approved by the chair: waiting for the director.
    """
    key_dir.mkdir(parents=True, exist_ok=True)
    keys: dict[str, Ed25519PrivateKey] = {}
    lines = ["site_id: pathumthani-health", "timezone: Asia/Bangkok", "people:"]
    for person, (name, position, role) in PEOPLE.items():
        pem, public, keys[person] = key_material(person)
        (key_dir / person).write_bytes(pem)
        (key_dir / person).chmod(0o600)
        lines += [
            f"  - id: {person}",
            f"    name: {name}",
            f"    position: {position}",
            "    roles:",
            f"      - {{role: {role}, from: 2569-09-01}}",
            "    keys:",
            f'      - {{key: "{public}", from: 2569-09-01}}',
        ]
    (site / "approvers.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = site / "pending" / REVIEW
    folder.mkdir(parents=True)
    (folder / "new-clinic.md").write_text(
        post_text("เปิดคลินิกเลิกบุหรี่แห่งใหม่", "เปิดให้บริการทุกวันพุธ เวลา 09.00-12.00 น."), encoding="utf-8"
    )
    (folder / "revised-notice.md").write_text(
        post_text("ประกาศรับสมัครอาสาสมัครสาธารณสุข", "รับสมัครถึงวันที่ 15 ธันวาคม 2569\n\nสมัครได้ที่ <em>ทุกอำเภอ</em>"),
        encoding="utf-8",
    )
    (folder / "director-step.md").write_text(
        post_text("ขอเชิญร่วมวิ่งเพื่อสุขภาพ", "วันอาทิตย์ที่ 20 ธันวาคม 2569 ณ สวนสาธารณะ"), encoding="utf-8"
    )
    gate, _ = load_gate(site / "mkdocs.yml")
    review = ReviewSite(site, key_dir, keys, gate)
    review.sign(
        "revised-notice.md", "somchai", "reject", "ระบุวันปิดรับสมัครไม่ชัดเจน", dt.datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
    )
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    subprocess.run([*GIT, "-C", str(site), "add", f"pending/{REVIEW}/revised-notice.md"], check=True)
    subprocess.run([*GIT, "-C", str(site), "commit", "-q", "-m", "Request volunteers"], check=True)
    revised = (folder / "revised-notice.md").read_text(encoding="utf-8")
    revised = revised.replace("รับสมัครถึงวันที่ 15 ธันวาคม 2569", "รับสมัครตั้งแต่วันนี้ถึงวันที่ 15 ธันวาคม 2569 เวลา 16.30 น.")
    (folder / "revised-notice.md").write_text(revised, encoding="utf-8")
    review.sign("director-step.md", "somchai", "approve", None, dt.datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    return review


@pytest.fixture
def review_site(
    example_site: Path, tmp_path: Path, pinned_clock: dt.datetime, monkeypatch: pytest.MonkeyPatch
) -> ReviewSite:
    key_dir = tmp_path / "keys"
    monkeypatch.setenv("GATE_KEY_DIR", str(key_dir))
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    return make_review_site(example_site, key_dir)


def check_states(site: ReviewSite, *names: str) -> tuple[int, str]:
    runner = CliRunner()
    paths = [str(site.file(name)) for name in names]
    result = runner.invoke(main, ["-f", str(site.config), "check", *paths], catch_exceptions=False)
    return result.exit_code, result.output


# --- pure helpers --------------------------------------------------------------


def test_queue_holds_what_waits_for_the_persons_role(review_site: ReviewSite) -> None:
    """The chair's queue: every awaiting_chair post; the director's: the chair-approved one."""
    gate, now = review_site.gate, EXAMPLE_NOW
    judged = gate.judge_all(now)
    assert gate.registry is not None
    chair = {row.path for row in queue_rows(judged, gate.registry, "somchai", now)}
    assert chair == {
        f"{REVIEW}/new-clinic.md",
        f"{REVIEW}/revised-notice.md",
        "news/posts/คำแนะนำการดูแลสุขภาพช่วงฝุ่น-pm25-สูง.md",
        "news/posts/clinic-hours-change.md",
    }
    director = queue_rows(judged, gate.registry, "wichai", now)
    assert [row.path for row in director] == [f"{REVIEW}/director-step.md"]
    (row,) = director
    assert (row.role, row.requester, row.since) == (
        "director",
        "นางสาวสมหญิง ใจดี",
        dt.datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
    )
    assert row.agency == "สำนักงานสาธารณสุขจังหวัดปทุมธานี"  # the plugin's default_agency
    assert (row.age, row.overdue) == (dt.timedelta(hours=1), True)
    assert queue_rows(judged, gate.registry, "nobody", now) == []


def test_queue_shows_the_persons_own_earlier_refusals(review_site: ReviewSite) -> None:
    """somchai refused revised-notice before: his row carries the reason; malee's does not."""
    gate, now = review_site.gate, EXAMPLE_NOW
    assert gate.registry is not None
    judged = gate.judge_all(now)
    rows = {row.path: row for row in queue_rows(judged, gate.registry, "somchai", now)}
    (refusal,) = rows[f"{REVIEW}/revised-notice.md"].refusals
    assert refusal.reason == "ระบุวันปิดรับสมัครไม่ชัดเจน"
    assert rows[f"{REVIEW}/revised-notice.md"].since is not None  # aged by the same rule as `gate status`
    assert rows[f"{REVIEW}/new-clinic.md"].refusals == ()
    malee = {row.path: row for row in queue_rows(judged, gate.registry, "malee", now)}
    assert malee[f"{REVIEW}/revised-notice.md"].refusals == ()


def test_queue_is_oldest_first(review_site: ReviewSite) -> None:
    """Rows come in the order they began waiting."""
    gate = review_site.gate
    assert gate.registry is not None
    rows = queue_rows(gate.judge_all(EXAMPLE_NOW), gate.registry, "somchai", EXAMPLE_NOW)
    starts = [row.since for row in rows]
    assert starts == sorted(starts)  # type: ignore[type-var]


@pytest.mark.parametrize(
    ("minutes", "lang", "expected"),
    [
        (0, "th", "0 นาที"),
        (29, "en", "29 min"),
        (61, "th", "1 ชม. 1 นาที"),
        (60 * 26 + 5, "th", "1 วัน 2 ชม."),
        (60 * 49, "en", "2 d 1 h"),
    ],
)
def test_age_text(minutes: int, lang: str, expected: str) -> None:
    """Ages read in whole minutes, hours and days."""
    assert expected == age_text(dt.timedelta(minutes=minutes, seconds=30), lang)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  ขอแก้ไข\r\nบรรทัดสอง  ", "ขอแก้ไข บรรทัดสอง"),
        ("\u0e40\u0e01\u0e48", "เก่"),
        ("", ""),
        ("a\x00b", None),
        ("a\u2066b", None),
    ],
)
def test_clean_reason(typed: str, expected: str | None) -> None:
    """One NFC line, as `gate reject` records it; hidden control characters are refused."""
    assert expected == clean_reason(typed)


@pytest.mark.parametrize(
    ("host", "expected"),
    [("127.0.0.1", True), ("127.8.9.1", True), ("::1", True), ("[::1]", True), ("0.0.0.0", False),
     ("192.168.1.5", False), ("localhost", False), ("example.com", False), ("", False), ("[::]", False)],
)  # fmt: skip
def test_the_desk_binds_only_to_a_loopback_address(host: str, expected: bool) -> None:
    """Only loopback address literals count: the desk binds its socket to the address itself."""
    assert expected == (loopback_address(host) is not None)
    assert is_loopback(host) == (expected or host == "localhost")  # names people type: localhost too


def test_text_diff_shows_what_changed() -> None:
    """The diff covers what the digest covers; record keys are left out."""
    old = post_text("หัวข้อ", "บรรทัดเดิม\n\nบรรทัดที่คงอยู่").encode()
    new = post_text("หัวข้อ", "บรรทัดใหม่\n\nบรรทัดที่คงอยู่").encode()
    lines = text_diff(old, new)
    assert ("del", "บรรทัดเดิม") in [(line.kind, line.text) for line in lines]
    assert ("add", "บรรทัดใหม่") in [(line.kind, line.text) for line in lines]
    assert all("signoffs" not in line for line in comparable_lines(new))
    assert text_diff(new, new) == []


def test_previous_text_comes_from_git(review_site: ReviewSite) -> None:
    """The refused version is found by its digest in the file's history; untracked files have none."""
    gate = review_site.gate
    judged = gate.judge(review_site.file("revised-notice.md"), EXAMPLE_NOW)
    (refusal,) = judged.decision.history
    old = previous_text(judged.file, refusal.digest)
    assert old is not None
    assert "รับสมัครถึงวันที่ 15 ธันวาคม 2569" in old.decode()
    assert previous_text(review_site.file("new-clinic.md"), refusal.digest) is None
    assert previous_text(judged.file, "sha256:" + "0" * 64) is None


def test_replace_file_refuses_a_file_changed_underneath(tmp_path: Path) -> None:
    """The write checks the file still holds what was read, and leaves no temporary behind."""
    target = tmp_path / "post.md"
    target.write_bytes(b"one")
    with pytest.raises(FileChanged):
        replace_file(target, b"something else", b"two")
    assert target.read_bytes() == b"one"
    replace_file(target, b"one", b"two")
    assert target.read_bytes() == b"two"
    assert [path.name for path in tmp_path.iterdir()] == ["post.md"]


# --- signing through the desk ----------------------------------------------------


def test_desk_approves_like_gate_approve(review_site: ReviewSite) -> None:
    """One verified entry is appended; every other byte stays; the post moves to the director."""
    desk = review_site.desk("somchai")
    file = review_site.file("new-clinic.md")
    before = file.read_text(encoding="utf-8")
    judged = desk.find("pending", f"{REVIEW}/new-clinic.md")
    assert judged is not None and judged.post.digest
    outcome = desk.sign("pending", judged.post.path, judged.post.digest, "chair", "approve", "ignored", PASSPHRASE)
    assert outcome.ok, outcome.text
    assert outcome.judged is not None and outcome.judged.decision.state == "awaiting_director"
    after = file.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines() and line != "signoffs:"]
    assert len(added) == 1 and '"signer": "somchai"' in added[0] and '"reason": null' in added[0]
    assert after.replace(added[0] + "\n", "").replace("signoffs:\n", "") == before
    assert check_states(review_site, "new-clinic.md")[0] == 0


def test_desk_refuses_with_reason(review_site: ReviewSite) -> None:
    """A refusal records the reason; the post becomes rejected with that reason."""
    desk = review_site.desk("wichai")
    judged = desk.find("pending", f"{REVIEW}/director-step.md")
    assert judged is not None and judged.post.digest
    outcome = desk.sign(
        "pending", judged.post.path, judged.post.digest, "director", "reject", "  ขอภาพประกอบ  ", PASSPHRASE
    )
    assert outcome.ok and outcome.judged is not None
    assert outcome.judged.decision.state == "rejected"
    assert outcome.judged.decision.refusal is not None
    assert outcome.judged.decision.refusal.reason == "ขอภาพประกอบ"
    code, output = check_states(review_site, "director-step.md")
    assert code == 0 and "rejected" in output


@pytest.mark.parametrize(
    ("verdict", "reason", "passphrase", "digest", "role", "expected"),
    [
        ("reject", "   ", PASSPHRASE, None, "chair", "กรุณาระบุเหตุผลที่ไม่อนุมัติ"),
        ("reject", "ข้อความ\u202eกลับด้าน", PASSPHRASE, None, "chair", "อักขระควบคุมที่มองไม่เห็น"),
        ("approve", "", "wrong", None, "chair", "รหัสผ่านไม่ถูกต้อง"),
        ("approve", "", "", None, "chair", "รหัสผ่านไม่ถูกต้อง"),
        ("approve", "", PASSPHRASE, "sha256:" + "1" * 64, "chair", "โพสต์ถูกแก้ไขหลังจากท่านเปิดอ่าน"),
        ("approve", "", PASSPHRASE, None, "director", "โพสต์ถูกแก้ไขหลังจากท่านเปิดอ่าน"),
        ("publish", "", PASSPHRASE, None, "chair", "คำขอไม่ถูกต้อง"),
    ],
)
def test_desk_signs_nothing_when_something_is_wrong(
    review_site: ReviewSite, verdict: str, reason: str, passphrase: str, digest: str | None, role: str, expected: str
) -> None:
    """No reason, a wrong passphrase, a changed post or a changed step: a message, and the file untouched."""
    desk = review_site.desk("somchai")
    file = review_site.file("new-clinic.md")
    before = file.read_bytes()
    judged = desk.find("pending", f"{REVIEW}/new-clinic.md")
    assert judged is not None and judged.post.digest
    outcome = desk.sign("pending", judged.post.path, digest or judged.post.digest, role, verdict, reason, passphrase)
    assert not outcome.ok
    assert expected in outcome.text
    assert file.read_bytes() == before


def test_desk_will_not_let_one_person_sign_twice(review_site: ReviewSite) -> None:
    """somchai approved director-step as chair; he holds no director role, and the page says so."""
    desk = review_site.desk("somchai")
    judged = desk.find("pending", f"{REVIEW}/director-step.md")
    assert judged is not None
    role, why_not = desk.can_sign(judged)
    assert role is None and why_not


# --- the server ------------------------------------------------------------------


@dataclass
class Running:
    server: DeskServer
    thread: threading.Thread
    cookie: str

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.server.port}"

    @property
    def origin(self) -> str:
        return f"http://{self.host}"

    def request(
        self, method: str, path: str, *, body: dict[str, str] | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        data = urlencode(body).encode() if body is not None else None
        sent = {"Host": self.host}
        if data is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        sent.update(headers or {})
        connection.request(method, path, body=data, headers=sent)
        response = connection.getresponse()
        text = response.read().decode("utf-8")
        connection.close()
        return response.status, dict(response.getheaders()), text

    def post_pairs(self, path: str, pairs: list[tuple[str, str]]) -> tuple[int, str]:
        """A form posted as the browser would send it, fields in order, a name any number of times."""
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        headers = {
            "Host": self.host, "Cookie": self.cookie, "Origin": self.origin,
            "Content-Type": "application/x-www-form-urlencoded",
        }  # fmt: skip
        connection.request("POST", path, body=urlencode(pairs).encode(), headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8")
        connection.close()
        return response.status, text

    def post(self, path: str, body: dict[str, str], **headers: str) -> tuple[int, dict[str, str], str]:
        sent = {"Cookie": self.cookie, "Origin": self.origin, **headers}
        return self.request("POST", path, body=body, headers={name: value for name, value in sent.items() if value})


def start(
    desk: Desk, idle: dt.timedelta = dt.timedelta(minutes=5), poll: float = 0.1
) -> tuple[DeskServer, threading.Thread]:
    server = DeskServer(desk, idle=idle)
    thread = threading.Thread(target=server.serve_until_done, kwargs={"poll": poll}, daemon=True)
    thread.start()
    return server, thread


@pytest.fixture
def running(review_site: ReviewSite) -> Iterator[Running]:
    server, thread = start(review_site.desk("somchai"))
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", f"/t/{server.token}", headers={"Host": f"127.0.0.1:{server.port}"})
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    connection.close()
    yield Running(server, thread, cookie)
    if thread.is_alive():
        server.stop_soon()
        thread.join(10)


def sign_form(running: Running, judged_path: str, digest: str, **fields: str) -> dict[str, str]:
    return {
        "csrf": running.server.csrf, "place": "pending", "path": judged_path, "digest": digest, "role": "chair",
        "verdict": "approve", "reason": "", "passphrase": PASSPHRASE, **fields,
    }  # fmt: skip


def test_server_listens_on_loopback_only(running: Running) -> None:
    """The socket is bound to 127.0.0.1 on a port the system chose."""
    host, port = running.server.server_address[:2]
    assert host == "127.0.0.1" and port == running.server.port > 0
    assert running.server.url == f"http://127.0.0.1:{port}/t/{running.server.token}"
    assert len(running.server.token) >= 40


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "10.0.0.1", "::", "example.com", "localhost."])
def test_a_second_desk_on_another_address_is_refused(running: Running, review_site: ReviewSite, host: str) -> None:
    """While a desk runs, another asked to listen beyond loopback raises before binding anything."""
    with pytest.raises(NotLoopback, match=r"127\.0\.0\.1"):
        DeskServer(review_site.desk("malee"), host=host)


def test_token_is_exchanged_for_a_cookie(running: Running) -> None:
    """The token in the link becomes an HttpOnly, SameSite=Strict cookie and leaves the address bar."""
    status, headers, _ = running.request("GET", f"/t/{running.server.token}")
    assert status == 303 and headers["Location"] == "/"
    cookie = headers["Set-Cookie"]
    assert cookie.startswith(f"gate_review_{running.server.port}={running.server.token};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    status, headers, page = running.request("GET", "/", headers={"Cookie": running.cookie})
    assert status == 200
    assert "โพสต์ที่รอท่านพิจารณา" in page and "เปิดคลินิกเลิกบุหรี่แห่งใหม่" in page
    assert (
        "script-src" not in headers["Content-Security-Policy"]
        and "default-src 'none'" in headers["Content-Security-Policy"]
    )
    assert headers["X-Frame-Options"] == "DENY" and headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "path", ["/", "/t/wrong-token", "/t/", "/post/pending/news/review/new-clinic.md", "/static/desk.css"]
)
def test_requests_without_the_token_are_refused(running: Running, path: str) -> None:
    """No cookie, or a wrong token in the link: 403."""
    status, _, page = running.request("GET", path)
    assert status == 403
    assert "เปิดจากลิงก์ที่คำสั่ง `gate review` แสดง" in page


def test_a_wrong_cookie_is_refused(running: Running) -> None:
    """A cookie with another value does not open the desk."""
    name = running.cookie.split("=")[0]
    status, _, _ = running.request("GET", "/", headers={"Cookie": f"{name}=guess"})
    assert status == 403


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "192.168.1.20:{port}", ""])
def test_a_foreign_host_is_refused(running: Running, host: str) -> None:
    """DNS rebinding: only 127.0.0.1:<port> and localhost:<port> are answered, even with the cookie."""
    status, _, page = running.request(
        "GET", "/", headers={"Host": host.format(port=running.server.port), "Cookie": running.cookie}
    )
    assert status == 403 and "127.0.0.1" in page


def test_localhost_is_answered(running: Running) -> None:
    """The same desk under the name localhost."""
    status, _, _ = running.request(
        "GET", "/", headers={"Host": f"localhost:{running.server.port}", "Cookie": running.cookie}
    )
    assert status == 200


@pytest.mark.parametrize(
    "origin", ["http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:{port}", ""]
)
def test_cross_origin_posts_are_refused(running: Running, review_site: ReviewSite, origin: str) -> None:
    """A form posted from another site (or with no Origin at all) signs nothing."""
    file = review_site.file("new-clinic.md")
    before = file.read_bytes()
    judged = review_site.gate.judge(file, EXAMPLE_NOW)
    assert judged.post.digest
    form = sign_form(running, judged.post.path, judged.post.digest)
    url = sign_url("pending", judged.post.path, judged.post.digest)
    status, _, page = running.post(url, form, Origin=origin.format(port=running.server.port))
    assert status == 403
    assert "มาจากเว็บไซต์อื่น" in page
    assert file.read_bytes() == before


def test_a_foreign_origin_is_refused_on_get_too(running: Running) -> None:
    """A page fetched on behalf of another site is refused as well."""
    status, _, _ = running.request("GET", "/", headers={"Cookie": running.cookie, "Origin": "http://evil.example"})
    assert status == 403


@pytest.mark.parametrize("csrf", [None, "", "x" * 43])
def test_posts_without_the_anti_forgery_token_are_refused(
    running: Running, review_site: ReviewSite, csrf: str | None
) -> None:
    """Same origin and cookie, but no (or a wrong) form token: nothing is signed, the desk stays open."""
    file = review_site.file("new-clinic.md")
    before = file.read_bytes()
    judged = review_site.gate.judge(file, EXAMPLE_NOW)
    assert judged.post.digest
    form = sign_form(running, judged.post.path, judged.post.digest)
    if csrf is None:
        del form["csrf"]
    else:
        form["csrf"] = csrf
    status, _, page = running.post(sign_url("pending", judged.post.path, judged.post.digest), form)
    assert status == 403 and "แบบฟอร์มหมดอายุ" in page
    assert file.read_bytes() == before
    status, _, _ = running.post("/close", {"csrf": csrf or ""})
    assert status == 403 and running.thread.is_alive()


def test_signing_over_http_never_logs_the_passphrase(
    running: Running, review_site: ReviewSite, capfd: pytest.CaptureFixture[str]
) -> None:
    """An approval over HTTP writes the entry; the passphrase appears in no output and no file."""
    file = review_site.file("new-clinic.md")
    judged = review_site.gate.judge(file, EXAMPLE_NOW)
    assert judged.post.digest
    url = sign_url("pending", judged.post.path, judged.post.digest)
    status, _, page = running.post(url, sign_form(running, judged.post.path, judged.post.digest))
    assert status == 200, page
    assert "ท่านอนุมัติ “เปิดคลินิกเลิกบุหรี่แห่งใหม่” ในฐานะประธานศูนย์ข้อมูลข่าวสารแล้ว" in page
    assert "รอนายแพทย์สาธารณสุขจังหวัดอนุมัติ" in page  # re-checked: awaiting the director
    out, err = capfd.readouterr()
    assert PASSPHRASE not in out + err and running.server.token not in out + err
    assert PASSPHRASE not in file.read_text(encoding="utf-8")
    assert check_states(review_site, "new-clinic.md")[0] == 0


def test_post_page_shows_form_window_digest_and_changes(running: Running, review_site: ReviewSite) -> None:
    """Buddhist-Era window, digest, the chair's refusal and the escaped diff from git."""
    judged = review_site.gate.judge(review_site.file("revised-notice.md"), EXAMPLE_NOW)
    status, _, page = running.request(
        "GET", f"/post/pending/{REVIEW}/revised-notice.md", headers={"Cookie": running.cookie}
    )
    assert status == 200
    assert "ตั้งแต่ 10 ธ.ค. 2569 ถึง 31 ม.ค. 2570" in page
    assert str(judged.post.digest) in page
    assert "ระบุวันปิดรับสมัครไม่ชัดเจน" in page
    assert 'class="diff-add"' in page and "เวลา 16.30 น." in page
    assert "&lt;em&gt;ทุกอำเภอ&lt;/em&gt;" in page  # raw HTML is text inside the diff
    assert "<em>ทุกอำเภอ</em>" in page  # and HTML in the rendered body, as on the site
    assert 'id="passphrase"' in page and 'type="password"' in page
    assert f'name="csrf" value="{running.server.csrf}"' in page


def test_post_page_of_a_revision_shows_every_change_from_the_live_version(
    running: Running, review_site: ReviewSite
) -> None:
    """A revision made with `gate amend` shows its diff from the version on the site, the
    publication period included: a revision cannot lengthen the window unseen."""
    review_site.sign("director-step.md", "wichai", "approve", None, dt.datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    live = review_site.root / "content" / REVIEW / "director-step.md"
    live.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(review_site.file("director-step.md"), live)
    amended = CliRunner().invoke(main, ["-f", str(review_site.config), "amend", str(live)], catch_exceptions=False)
    assert amended.exit_code == 0, amended.output
    revision = review_site.file("director-step.md")
    text = revision.read_text(encoding="utf-8")
    revision.write_text(text.replace("publish_until: 31/01/2570", "publish_until: 31/03/2570"), encoding="utf-8")
    status, _, page = running.request(
        "GET", f"/post/pending/{REVIEW}/director-step.md", headers={"Cookie": running.cookie}
    )
    assert status == 200
    assert 'id="revision-diff"' in page and "ฉบับแก้ไขครั้งที่ 1 ของโพสต์ที่เผยแพร่อยู่" in page
    assert '<span class="diff-del">- publish_until: &#34;31/01/2570&#34;</span>' in page
    assert '<span class="diff-add">+ publish_until: &#34;31/03/2570&#34;</span>' in page
    live.write_text(live.read_text(encoding="utf-8").replace("สวนสาธารณะ", "สนามกีฬา"), encoding="utf-8")
    _, _, stale = running.request("GET", f"/post/pending/{REVIEW}/director-step.md", headers={"Cookie": running.cookie})
    assert 'id="revision-no-live"' in stale and 'id="revision-diff"' not in stale


def test_post_page_without_history_says_so(running: Running, review_site: ReviewSite) -> None:
    """A refused version that git never saw: the page says no earlier text is available."""
    review_site.sign("new-clinic.md", "malee", "reject", "ขอเพิ่มเบอร์โทรศัพท์", dt.datetime(2026, 11, 25, 1, 0, tzinfo=UTC))
    file = review_site.file("new-clinic.md")
    file.write_text(
        file.read_text(encoding="utf-8").replace("09.00-12.00", "09.00-12.00 โทร 02 000 0000"), encoding="utf-8"
    )
    status, _, page = running.request(
        "GET", f"/post/pending/{REVIEW}/new-clinic.md", headers={"Cookie": running.cookie}
    )
    assert status == 200
    assert "ขอเพิ่มเบอร์โทรศัพท์" in page and 'id="no-earlier-text"' in page


def test_unknown_posts_are_not_shown(running: Running) -> None:
    """Only the site's own posts and their bound attachments, never a path outside the site."""
    for path in ["/post/pending/../../approvers.yml", "/post/pending/news/nothing.md", "/nothing"]:
        status, _, _ = running.request("GET", path, headers={"Cookie": running.cookie})
        assert status == 404


def test_an_invalid_post_is_shown_as_invalid_and_cannot_be_signed(running: Running) -> None:
    """Its state, its reasons and its sanitised body; no sign form."""
    status, _, page = running.request(
        "GET",
        "/post/pending/news/posts/" + quote("สมุนไพรรักษาโรคเบาหวานให้หายขาด.md"),
        headers={"Cookie": running.cookie},
    )
    assert status == 200
    assert 'id="invalid-post"' in page and "ไม่ถูกต้อง" in page
    assert 'id="sign-form"' not in page and 'id="cannot-sign"' in page


def test_close_button_stops_the_server(running: Running) -> None:
    """ "Close" answers, then the server stops and the port is released."""
    status, _, page = running.post("/close", {"csrf": running.server.csrf})
    assert status == 200 and "ปิดโต๊ะพิจารณาแล้ว" in page
    running.thread.join(10)
    assert not running.thread.is_alive()
    with pytest.raises(OSError):
        http.client.HTTPConnection("127.0.0.1", running.server.port, timeout=2).connect()


def test_idle_desk_stops_by_itself(review_site: ReviewSite) -> None:
    """Nobody uses the desk for the idle time: it stops."""
    _, thread = start(review_site.desk("somchai"), idle=dt.timedelta(seconds=0.3), poll=0.05)
    began = time.monotonic()
    thread.join(10)
    assert not thread.is_alive() and time.monotonic() - began < 5


def test_english_follows_lang(review_site: ReviewSite) -> None:
    """With an English LANG the desk speaks English."""
    server, thread = start(review_site.desk("wichai", lang="en"))
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        connection.request("GET", f"/t/{server.token}", headers={"Host": f"127.0.0.1:{server.port}"})
        response = connection.getresponse()
        response.read()
        cookie = response.getheader("Set-Cookie", "").split(";")[0]
        connection.request("GET", "/", headers={"Host": f"127.0.0.1:{server.port}", "Cookie": cookie})
        page = connection.getresponse().read().decode()
        connection.close()
        assert "Posts waiting for your decision" in page and "ขอเชิญร่วมวิ่งเพื่อสุขภาพ" in page
        assert "past target" in page  # waiting 1 h against a 30 min target
    finally:
        server.stop_soon()
        thread.join(10)


# --- the command -----------------------------------------------------------------


def test_cli_refuses_unknown_person_and_missing_key(
    review_site: ReviewSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wrong usage exits 2 with a message naming the fix; no server starts."""
    runner = CliRunner()
    result = runner.invoke(main, ["-f", str(review_site.config), "review", "--as", "nobody", "--no-browser"])
    assert result.exit_code == 2 and "nobody" in result.output and "approvers.yml" in result.output
    monkeypatch.setenv("GATE_KEY_DIR", str(tmp_path / "empty"))
    result = runner.invoke(main, ["-f", str(review_site.config), "review", "--as", "wichai", "--no-browser"])
    assert result.exit_code == 2 and "gate keygen --id wichai" in result.output


def test_key_file_follows_gate_key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GATE_KEY_DIR overrides the user's application folder."""
    monkeypatch.setenv("GATE_KEY_DIR", str(tmp_path))
    assert key_file("somchai") == tmp_path / "somchai"


def test_cli_serves_until_closed(review_site: ReviewSite) -> None:
    """`gate review --no-browser` prints the link, serves, and exits 0 when closed."""
    import os
    import sys

    gate = shutil.which("gate", path=str(Path(sys.executable).parent)) or "gate"
    env = {**os.environ}
    process = subprocess.Popen(
        [gate, "-f", str(review_site.config), "review", "--as", "somchai", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        url = first.split(": ", 1)[1].strip()
        assert url.startswith("http://127.0.0.1:") and "/t/" in url
        port = int(url.split(":")[2].split("/")[0])
        token = url.rsplit("/", 1)[1]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", f"/t/{token}", headers={"Host": f"127.0.0.1:{port}"})
        response = connection.getresponse()
        cookie = response.getheader("Set-Cookie", "").split(";")[0]
        response.read()
        connection.request("GET", "/", headers={"Host": f"127.0.0.1:{port}", "Cookie": cookie})
        page = connection.getresponse().read().decode()
        csrf = page.split('name="csrf" value="')[1].split('"')[0]
        connection.request(
            "POST", "/close", body=urlencode({"csrf": csrf}),
            headers={"Host": f"127.0.0.1:{port}", "Cookie": cookie, "Origin": f"http://127.0.0.1:{port}",
                     "Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        assert connection.getresponse().status == 200
        connection.close()
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "ปิดโต๊ะพิจารณาแล้ว" in out
    assert token not in err


def test_an_oversized_form_is_refused(running: Running) -> None:
    """A form body larger than any sign-off needs is not read at all."""
    url = sign_url("pending", f"{REVIEW}/new-clinic.md", "sha256:0")
    status, _, _ = running.post(url, {"csrf": running.server.csrf, "reason": "x" * 70_000})
    assert status == 400


def test_review_target_follows_the_targets_option(review_site: ReviewSite) -> None:
    """The desk measures ages against the same `targets.review` as `gate status`."""
    from approval_gate.cli.review import review_target

    assert review_target(load_gate(review_site.config)[1]) == dt.timedelta(minutes=30)
    text = review_site.config.read_text(encoding="utf-8")
    text = text.replace(
        "      registry: approvers.yml\n", "      registry: approvers.yml\n      targets: {review: 45}\n"
    )
    review_site.config.write_text(text, encoding="utf-8")
    assert review_target(load_gate(review_site.config)[1]) == dt.timedelta(minutes=45)


# --- the desk signs only what it showed ------------------------------------------------


def smuggled(running: Running, fields: dict[str, str], before: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The desk's fields, with what a post body placed before them (controls with form="sign-form")."""
    return [*before, *fields.items()]


@pytest.mark.parametrize(
    "extra",
    [
        [("verdict", "approve")],
        [("path", f"{REVIEW}/director-step.md")],
        [("digest", "sha256:" + "0" * 64)],
        [("place", "content")],
        [("passphrase", "x")],
        [("next", "/elsewhere")],  # a field the desk does not know
    ],
    ids=["verdict", "path", "digest", "place", "passphrase", "unknown"],
)
def test_a_duplicated_or_unknown_field_signs_nothing(
    running: Running, review_site: ReviewSite, extra: list[tuple[str, str]]
) -> None:
    """Fields a post body put before the desk's own: HTTP 400, no file changes."""
    files = [review_site.file(name) for name in ("new-clinic.md", "director-step.md", "revised-notice.md")]
    before = [file.read_bytes() for file in files]
    judged = review_site.gate.judge(files[0], EXAMPLE_NOW)
    assert judged.post.digest
    fields = sign_form(running, judged.post.path, judged.post.digest, verdict="reject", reason="ไม่ชัดเจน")
    url = sign_url("pending", judged.post.path, judged.post.digest)
    status, page = running.post_pairs(url, smuggled(running, fields, extra))
    assert status == 400, page
    assert [file.read_bytes() for file in files] == before


def test_the_post_signed_is_the_one_the_url_names(running: Running, review_site: ReviewSite) -> None:
    """A form whose echo names another post than its URL signs nothing (a button's formaction
    pointing elsewhere, a stale page); a URL with an old digest is refused as changed."""
    files = [review_site.file(name) for name in ("new-clinic.md", "revised-notice.md")]
    before = [file.read_bytes() for file in files]
    one, other = (review_site.gate.judge(file, EXAMPLE_NOW).post for file in files)
    assert one.digest and other.digest
    fields = sign_form(running, one.path, one.digest)
    status, _ = running.post_pairs(sign_url("pending", other.path, other.digest), list(fields.items()))
    assert status == 400
    status, _ = running.post_pairs(sign_url("pending", one.path, other.digest), list(fields.items()))
    assert status == 400  # the echoed digest is not the URL's
    old = "sha256:" + "1" * 64
    stale = sign_form(running, one.path, old)
    status, page = running.post_pairs(sign_url("pending", one.path, old), list(stale.items()))
    assert status == 409 and "โพสต์ถูกแก้ไขหลังจากท่านเปิดอ่าน" in page
    assert [file.read_bytes() for file in files] == before
    status, _, _ = running.post("/sign", fields)  # the old address names no post: a bad request
    assert status == 400
    assert [file.read_bytes() for file in files] == before


def test_post_page_shows_every_key_that_reaches_the_site(running: Running, review_site: ReviewSite) -> None:
    """Theme and blog keys, and each attachment with its SHA-256, next to the form."""
    text = post_text("ประกาศพร้อมแผนที่", "![แผนที่](map-notice/map.png)").replace(
        "date: 2026-12-10\n", 'date: 2026-12-10\ntags: [ฝุ่น, "<b>"]\ndescription: สรุปสั้น\n'
    )
    file = review_site.file("map-notice.md")
    file.write_text(text, encoding="utf-8")
    (file.parent / "map-notice").mkdir()
    (file.parent / "map-notice" / "map.png").write_bytes(b"PNG map")
    status, _, page = running.request(
        "GET", f"/post/pending/{REVIEW}/map-notice.md", headers={"Cookie": running.cookie}
    )
    assert status == 200
    assert '<tr data-key="tags"><th>ป้ายกำกับ <code>tags</code></th><td>ฝุ่น, &lt;b&gt;</td></tr>' in page
    assert '<tr data-key="date">' in page and '<tr data-key="description">' in page
    assert "map-notice/map.png" in page and "sha256:" + hashlib.sha256(b"PNG map").hexdigest() in page
    status, headers, _ = running.request(
        "GET", f"/post/pending/{REVIEW}/map-notice/map.png", headers={"Cookie": running.cookie}
    )
    assert status == 200 and headers["Content-Type"] == "image/png"  # the bound bytes, as on the site


def test_desk_writes_dates_in_the_sites_digit_style(review_site: ReviewSite) -> None:
    """The desk shows the publication window in the site's digits: Arabic by default, Thai with
    `thai_digits: true`."""
    post = load_post(review_site.file("new-clinic.md").read_bytes(), f"{REVIEW}/new-clinic.md", review_site.gate.rules)
    assert ("10 ธ.ค. 2569", "31 ม.ค. 2570") == review_site.desk("somchai").window_text(post)
    config = review_site.config.read_text(encoding="utf-8")
    assert "      thai_digits: false" in config
    review_site.config.write_text(config.replace("      thai_digits: false", "      thai_digits: true"), "utf-8")
    assert ("๑๐ ธ.ค. ๒๕๖๙", "๓๑ ม.ค. ๒๕๗๐") == review_site.desk("somchai").window_text(post)
