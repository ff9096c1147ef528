"""`gate keygen`, `gate approve`, `gate reject` and `gate audit`, end to end with real keys and ssh-keygen."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.cli import main
from approval_gate.core import signing
from conftest import epoch
from factory import UTC, SiteFactory

NOW = dt.datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
POST = "news/posts/flu.md"


PASSPHRASE = b"correct horse battery"


@pytest.fixture(scope="module")
def keys() -> dict[str, tuple[Ed25519PrivateKey, bytes]]:
    """chair1's and director1's keys, made once: the passphrase KDF is deliberately slow."""
    made = {}
    for person in ("chair1", "director1"):
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
            serialization.BestAvailableEncryption(PASSPHRASE),
        )  # fmt: skip
        made[person] = (key, pem)
    return made


@pytest.fixture
def site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: dict[str, tuple[Ed25519PrivateKey, bytes]]
) -> SiteFactory:
    """A site whose chair1 and director1 keep passphrase-protected keys where `gate keygen` puts them."""
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(NOW))
    monkeypatch.setenv("GATE_KEY_DIR", str(tmp_path / "keys"))
    monkeypatch.delenv("GATE_ROOT_KEYS", raising=False)
    (tmp_path / "pass").write_bytes(PASSPHRASE + b"\n")
    monkeypatch.setenv("GATE_PASSPHRASE_FILE", str(tmp_path / "pass"))
    factory = SiteFactory(tmp_path / "s")
    (tmp_path / "keys").mkdir()
    for person, (key, pem) in keys.items():
        factory.keys[person] = key
        (tmp_path / "keys" / person).write_bytes(pem)
        (tmp_path / "keys" / person).chmod(0o600)
    (factory.root / "approvers.yml").write_text(factory.registry_text(), encoding="utf-8")
    return factory


def gate(site: SiteFactory, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["-f", str(site.root / "mkdocs.yml"), *args], input=input)


def pending(site: SiteFactory, text: str | None = None) -> Path:
    return site.add("pending", POST, text or site.text(title="ฉีดวัคซีนไข้หวัดใหญ่"))


def test_keygen_writes_a_private_key_only_its_owner_reads(site: SiteFactory, tmp_path: Path) -> None:
    result = gate(site, "keygen", "--id", "newperson")
    assert result.exit_code == 0, result.output
    key = tmp_path / "keys" / "newperson"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert b"BEGIN OPENSSH PRIVATE KEY" in key.read_bytes()
    line = (tmp_path / "keys" / "newperson.pub").read_text().strip()
    assert f"Fingerprint: {signing.fingerprint(line)}" in result.output
    assert f'      - {{key: "{line}", from: 2569-11-25}}' in result.output
    with pytest.raises(ValueError):
        signing.load_private_key(key.read_bytes(), b"wrong passphrase")
    assert signing.fingerprint(
        signing.public_line(signing.load_private_key(key.read_bytes(), PASSPHRASE).public_key())
    ) == (signing.fingerprint(line))
    again = gate(site, "keygen", "--id", "newperson")
    assert again.exit_code == 2
    assert "already exists; a key is never overwritten" in again.output


def test_a_key_from_keygen_signs_once_registered(site: SiteFactory, tmp_path: Path) -> None:
    """keygen, then `registry add-key` with its .pub, then approve with it."""
    assert gate(site, "keygen", "--id", "chair2").exit_code == 0
    (tmp_path / "keys" / "chair1").unlink()
    registered = gate(
        site, "registry", "add-key", "--id", "chair2", "--key-file", str(tmp_path / "keys" / "chair2.pub")
    )
    assert registered.exit_code == 0, registered.output
    result = gate(site, "approve", str(pending(site)), "--as", "chair2", "--yes")
    assert result.exit_code == 0, result.output
    assert "awaiting the director" in result.output


def test_keygen_refuses_short_passphrase_and_bad_id(site: SiteFactory, tmp_path: Path) -> None:
    (tmp_path / "short").write_text("abc\n")
    result = CliRunner(env={"GATE_PASSPHRASE_FILE": str(tmp_path / "short")}).invoke(main, ["keygen", "--id", "x"])
    assert result.exit_code == 2
    assert "at least 8 characters" in result.output
    assert gate(site, "keygen", "--id", "Not Valid").exit_code == 2


def test_keygen_prompts_twice_without_passphrase_file(site: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GATE_PASSPHRASE_FILE")
    result = gate(site, "keygen", "--id", "typed", input="long enough one\nlong enough one\n")
    assert result.exit_code == 0, result.output
    assert "Passphrase of your signing key: \nRepeat for confirmation: \n" in result.output


def test_approve_then_approve_goes_live_and_keeps_every_other_byte(site: SiteFactory) -> None:
    """BOM, CRLF and comments survive; only the two entry lines are added."""
    original = "\ufeff" + site.text(title="ฉีดวัคซีน").replace("title:", "# หมายเหตุ: คอมเมนต์\ntitle:", 1)
    original = original.replace("\n", "\r\n")
    file = pending(site, original)
    chair = gate(site, "approve", str(file), "--as", "chair1", "--yes")
    assert chair.exit_code == 0, chair.output
    assert "Title:   ฉีดวัคซีน" in chair.output
    assert "Period:  1 Nov 2026 – 31 Dec 2027" in chair.output
    assert "Sign-offs so far: none" in chair.output
    assert "Signed. pending/news/posts/flu.md is now: awaiting the director" in chair.output
    director = gate(site, "approve", str(file), "--as", "director1", "--yes")
    assert director.exit_code == 0, director.output
    assert "Sign-off 1: chair of the information centre: นายประธาน หนึ่ง (chair1) approved" in director.output
    assert "is now: live" in director.output
    after = file.read_bytes()
    assert after.startswith("\ufeff---\r\n# หมายเหตุ: คอมเมนต์\r\n".encode())
    added = [line for line in after.split(b"\r\n") if line not in original.encode().split(b"\r\n")]
    assert [line.split(b",")[0] for line in added] == [
        b"signoffs:",
        b'  - {"role": "chair"',
        b'  - {"role": "director"',
    ]
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert gate(site, "check", str(file)).exit_code == 0


def test_reject_records_the_reason(site: SiteFactory) -> None:
    file = pending(site)
    result = gate(site, "reject", str(file), "--as", "chair1", "--yes", "--reason", "ข้อมูลไม่ครบ")
    assert result.exit_code == 0, result.output
    assert "is now: refused" in result.output
    assert "refused by chair1 (chair of the information centre): ข้อมูลไม่ครบ" in result.output
    missing = gate(site, "reject", str(pending(site)), "--as", "chair1", "--yes")
    assert missing.exit_code == 2
    assert "a refusal needs a reason" in missing.output


def test_reason_with_bidi_control_is_refused(site: SiteFactory) -> None:
    file = pending(site)
    before = file.read_bytes()
    result = gate(site, "reject", str(file), "--as", "chair1", "--yes", "--reason", "ไม่\u202eผ่าน")
    assert result.exit_code == 2
    assert "without control or text-direction characters" in result.output
    assert file.read_bytes() == before


def test_confirmation_declined_writes_nothing(site: SiteFactory) -> None:
    file = pending(site)
    before = file.read_bytes()
    result = gate(site, "approve", str(file), "--as", "chair1", input="n\n")
    assert result.exit_code == 1
    assert "Sign this? [y/N]" in result.output
    assert "Cancelled; nothing was signed." in result.output
    assert file.read_bytes() == before
    assert gate(site, "approve", str(file), "--as", "chair1", input="y\n").exit_code == 0


def test_passphrase_is_prompted_hidden_and_checked(site: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GATE_PASSPHRASE_FILE")
    file = pending(site)
    before = file.read_bytes()
    wrong = gate(site, "approve", str(file), "--as", "chair1", "--yes", input="not it\n")
    assert wrong.exit_code == 1
    assert "wrong passphrase" in wrong.output
    assert "not it" not in wrong.output  # hidden input
    assert file.read_bytes() == before
    right = gate(site, "approve", str(file), "--as", "chair1", "--yes", input=PASSPHRASE.decode() + "\n")
    assert right.exit_code == 0, right.output


@pytest.mark.parametrize(
    ("signer", "message"),
    [
        ("director1", "the next step is the chair of the information centre's, and director1 does not hold that role"),
        ("nobody", "nobody is not in the approvers registry"),
    ],
)
def test_refused_signers(site: SiteFactory, signer: str, message: str) -> None:
    result = gate(site, "approve", str(pending(site)), "--as", signer, "--yes")
    assert result.exit_code == 1
    assert message in result.output


def test_same_person_cannot_sign_twice(site: SiteFactory) -> None:
    file = pending(site)
    assert gate(site, "approve", str(file), "--as", "chair1", "--yes").exit_code == 0
    result = gate(site, "approve", str(file), "--as", "chair1", "--yes")
    assert result.exit_code == 1
    assert "does not hold that role" in result.output or "already signed" in result.output


def test_someone_elses_key_is_refused_before_writing(site: SiteFactory, tmp_path: Path) -> None:
    file = pending(site)
    result = gate(site, "approve", str(file), "--as", "chair1", "--yes", "--key", str(tmp_path / "keys" / "director1"))
    assert result.exit_code == 1
    assert "is not a current key of chair1" in result.output
    assert "signoffs" not in file.read_text()


def test_unprotected_key_is_refused(site: SiteFactory, tmp_path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "bare")], check=True)
    result = gate(site, "approve", str(pending(site)), "--as", "chair1", "--yes", "--key", str(tmp_path / "bare"))
    assert result.exit_code == 2
    assert "has no passphrase" in result.output


def test_ssh_keygen_round_trip(site: SiteFactory, tmp_path: Path) -> None:
    """Statement from gate, signature from plain ssh-keygen, recorded and verified by gate."""
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "d", "-f", str(tmp_path / "own")], check=True)
    added = gate(site, "registry", "add-key", "--id", "director1", "--key-file", str(tmp_path / "own.pub"))
    assert added.exit_code == 0, added.output
    file = pending(site)
    assert gate(site, "approve", str(file), "--as", "chair1", "--yes").exit_code == 0
    statement = tmp_path / "flu.statement"
    step1 = gate(site, "approve", str(file), "--as", "director1", "--yes", "--ssh-keygen", str(statement))
    assert step1.exit_code == 0, step1.output
    assert f"ssh-keygen -Y sign -f ~/.ssh/id_ed25519 -n approval-gate-v1 {statement}" in step1.output
    assert f"--as director1 --signature {statement}.sig" in step1.output
    assert "director" not in file.read_text().split("signoffs:")[1]
    signed = subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-f", str(tmp_path / "own"), "-n", "approval-gate-v1", str(statement)],
        capture_output=True,
    )
    assert signed.returncode == 0, signed.stderr
    step2 = gate(site, "approve", str(file), "--as", "director1", "--signature", f"{statement}.sig")
    assert step2.exit_code == 0, step2.output
    assert "is now: live" in step2.output
    again = gate(site, "approve", str(file), "--as", "director1", "--signature", f"{statement}.sig")
    assert again.exit_code == 1  # the chain is complete; a statement is good for one step only


def test_ssh_keygen_statement_goes_stale_when_the_post_changes(site: SiteFactory, tmp_path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "own")], check=True)
    gate(site, "registry", "add-key", "--id", "chair1", "--key-file", str(tmp_path / "own.pub"))
    file = pending(site)
    statement = tmp_path / "s.txt"
    assert gate(site, "approve", str(file), "--as", "chair1", "--yes", "--ssh-keygen", str(statement)).exit_code == 0
    subprocess.run(["ssh-keygen", "-Y", "sign", "-f", str(tmp_path / "own"), "-n", "approval-gate-v1", str(statement)],
                   check=True, capture_output=True)  # fmt: skip
    file.write_text(file.read_text().replace("เนื้อหาข่าวทดสอบ", "เนื้อหาใหม่"))
    result = gate(site, "approve", str(file), "--as", "chair1", "--signature", f"{statement}.sig")
    assert result.exit_code == 1
    assert "the post changed after" in result.output
    assert "signoffs" not in file.read_text()


def test_ssh_keygen_signature_by_an_unregistered_key_is_refused(site: SiteFactory, tmp_path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "other")], check=True)
    file = pending(site)
    statement = tmp_path / "s.txt"
    gate(site, "approve", str(file), "--as", "chair1", "--yes", "--ssh-keygen", str(statement))
    sign_command = ["ssh-keygen", "-Y", "sign", "-f", str(tmp_path / "other"), "-n", "approval-gate-v1", str(statement)]
    subprocess.run(sign_command, check=True, capture_output=True)
    result = gate(site, "approve", str(file), "--as", "chair1", "--signature", f"{statement}.sig")
    assert result.exit_code == 1
    assert "is not a current key of chair1" in result.output


def test_audit_export_verifies_with_plain_ssh_keygen(site: SiteFactory, tmp_path: Path) -> None:
    file = pending(site)
    gate(site, "approve", str(file), "--as", "chair1", "--yes")
    gate(site, "approve", str(file), "--as", "director1", "--yes")
    out = tmp_path / "audit"
    result = gate(site, "audit", str(file), "--out", str(out))
    assert result.exit_code == 0, result.output
    for number, signer in ((1, "chair1"), (2, "director1")):
        command = (
            f"ssh-keygen -Y verify -f allowed_signers -I {signer} -n approval-gate-v1 "
            f"-s entry{number}.sig < entry{number}.statement"
        )
        assert command in result.output
        checked = subprocess.run(command, shell=True, cwd=out, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
        assert f'Good "approval-gate-v1" signature for {signer}' in checked.stdout
    # A tampered statement fails the same plain check.
    (out / "entry2.statement").write_bytes((out / "entry2.statement").read_bytes().replace(b"director", b"chair"))
    tampered = subprocess.run(
        "ssh-keygen -Y verify -f allowed_signers -I director1 -n approval-gate-v1 -s entry2.sig < entry2.statement",
        shell=True, cwd=out, capture_output=True,
    )  # fmt: skip
    assert tampered.returncode != 0
    one = gate(site, "audit", str(file), "--entry", "2", "--out", str(tmp_path / "one"))
    assert one.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == ["allowed_signers", "entry2.sig", "entry2.statement"]
    assert gate(site, "audit", str(file), "--entry", "3", "--out", str(tmp_path / "x")).exit_code == 2


SITE_KEYS = {
    "description": "คำอธิบายสำหรับเครื่องมือค้นหา",
    "tags": "[วัคซีน, ไข้หวัดใหญ่]",
    "categories": "[ข่าวสุขภาพ]",
    "links": "\n  - กรมควบคุมโรค: https://ddc.moph.go.th/",
    "pin": "true",
    "readtime": "3",
}


def post_with_every_site_key(site: SiteFactory) -> tuple[Path, str]:
    """A pending post that sets the theme and blog keys and embeds one attachment; its SHA-256."""
    file = pending(site, site.text(title="ฉีดวัคซีน", body="![แผนที่](flu/map.png)", **SITE_KEYS))
    (file.parent / "flu").mkdir()
    (file.parent / "flu" / "map.png").write_bytes(b"\x89PNG map")
    return file, hashlib.sha256(b"\x89PNG map").hexdigest()


def test_approve_shows_every_key_that_reaches_the_site(site: SiteFactory) -> None:
    """The summary lists each front-matter key the site uses and each attachment with its SHA-256."""
    file, sha = post_with_every_site_key(site)
    result = gate(site, "approve", str(file), "--as", "chair1", "--yes")
    assert result.exit_code == 0, result.output
    for line in [
        "Agency (agency):  สำนักงานสาธารณสุขจังหวัดทดสอบ",
        "Requester (requester):  นางสาวผู้ขอ ทดสอบ 2569-01-01",
        "Category (category):  ข่าวประชาสัมพันธ์",
        "Description (search engines, link previews) (description):  คำอธิบายสำหรับเครื่องมือค้นหา",
        "Tags (tags):  วัคซีน, ไข้หวัดใหญ่",
        "Blog date (date):  2026-11-01",
        "Blog categories (categories):  ข่าวสุขภาพ",
        "Related links (links):  กรมควบคุมโรค: https://ddc.moph.go.th/",
        "Pinned on the blog index (pin):  true",
        "Reading time (minutes) (readtime):  3",
        "Attachments (bound to what you sign by their SHA-256)",
        f"    flu/map.png  sha256:{sha}",
    ]:
        assert line in result.output.splitlines(), line


def test_summary_values_are_escaped_for_the_terminal(site: SiteFactory) -> None:
    """Through a real terminal: a YAML escape in a value (OSC 52, a clipboard write) is refused by name
    and shown as `U+001B`, never sent to the terminal."""
    description = '"คำอธิบาย\\e]52;c;ZXZpbA==\\a"'
    file = pending(site, site.text(title="ฉีดวัคซีน", **{**SITE_KEYS, "description": description}))
    output = run_in_pty(site, ["approve", str(file), "--as", "chair1", "--yes"])
    assert "\x1b" not in output and "\x07" not in output
    assert "`description`" in output and "U+001B" in output


def run_in_pty(site: SiteFactory, args: list[str]) -> str:
    """`gate ARGS` with a real terminal as its stdout and stderr; everything it wrote."""
    import pty  # POSIX only

    gate_program = Path(sys.executable).with_name("gate")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [str(gate_program), "-f", str(site.root / "mkdocs.yml"), *args],
        stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=dict(os.environ),
    )  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")
