"""Correcting a live post without taking it down (`gate amend`), and withdrawing one early
(`gate withdraw`): real signatures, real `gate` commands, real Material builds after each step."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from approval_gate.cli.amend import revision_text
from approval_gate.core import withdrawal
from approval_gate.core.canonical import read_post_text
from approval_gate.core.records import add_record, without_keys
from approval_gate.desk import revision_changes
from approval_gate.forms import pack
from approval_gate.forms.register import fiscal_year
from approval_gate.site.tombstones import tombstone_html
from conftest import require_tool, run_mkdocs
from factory import SiteFactory
from test_decision import LATER, signed_entry
from test_thai_site import SIGNED, THAI_YML, add_post, built
from test_walkthrough import PASSPHRASE, Office

UTC = dt.UTC
POST = "news/posts/flu.md"
URL_PAGE = "news/flu/index.html"
WITHDRAWN_TITLE = "ข้อมูลนี้ถูกถอนการเผยแพร่แล้ว"
ENDED_TITLE = "ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว"
REASON = "ตัวเลขในประกาศไม่ถูกต้อง"


def thai_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, extra: str = "") -> Office:
    """The walkthrough's office on the Thai site (blog, tags, search, RSS) with the register on."""
    office = Office(tmp_path, monkeypatch)
    config = THAI_YML.replace(
        "      default_agency: สำนักงานสาธารณสุขจังหวัดทดสอบ\n",
        "      default_agency: สำนักงานสาธารณสุขจังหวัดทดสอบ\n      register: true\n" + extra,
    )
    assert config != THAI_YML
    (office.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(Path(__file__).resolve().parent.parent / "overrides", office.root / "overrides")
    return office


def key_file(office: Office, signer: str) -> Path:
    """The signer's passphrase-protected key, as `gate keygen` makes it."""
    folder = office.root.parent / "keys"
    folder.mkdir(exist_ok=True)
    file = folder / signer
    if not file.exists():
        encryption = serialization.BestAvailableEncryption(PASSPHRASE)
        pem = office.factory.keys[signer].private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, encryption
        )
        file.write_bytes(pem)
        (office.root.parent / "passphrase").write_bytes(PASSPHRASE + b"\n")
    office.monkeypatch.setenv("GATE_PASSPHRASE_FILE", str(office.root.parent / "passphrase"))
    return file


def withdraw(office: Office, file: Path, signer: str, reason: str = REASON) -> str:
    result = office.gate(
        "withdraw", str(file), "--as", signer, "--reason", reason, "--key", str(key_file(office, signer)), "--yes"
    )
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def outputs(site: Path) -> str:
    """Every output a page can leak into, besides its own page."""
    names = ["search/search_index.json", "sitemap.xml", "feed_rss_created.xml", "feed_json_created.json"]
    names += ["tags/index.html", "news/index.html"]
    return "\n".join(built(site, name) for name in names)


# --- amend while live ----------------------------------------------------------------------


@pytest.mark.slow
def test_amended_post_is_never_absent_and_the_register_lists_both_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = thai_office(tmp_path, monkeypatch)
    add_post(office.factory, "flu", "live", title="ข่าวไข้หวัด", body="เนื้อหาฉบับเดิม")
    add_post(office.factory, "other", "live", title="ข่าวอื่น", body="เนื้อหาอื่น")
    live = office.root / "content" / POST
    pending = office.root / "pending" / POST
    original = live.read_bytes()

    def page() -> str:
        office.build()
        return built(office.root, URL_PAGE)

    assert "เนื้อหาฉบับเดิม" in page()

    amended = office.gate("amend", str(live))
    assert (amended.exit_code, amended.stderr) == (0, "")
    assert f"revision 1 of '{POST}' written to {pending}" in amended.stdout
    assert live.read_bytes() == original, "the live version is not touched"
    copy = read_post_text(pending.read_bytes())
    assert copy.meta["revises"] == {"path": POST, "digest": read_post_text(original).digest, "number": 1}
    assert not {"signoffs", "published"} & set(copy.meta)
    assert "เนื้อหาฉบับเดิม" in page()

    office.edit(pending, "เนื้อหาฉบับเดิม", "เนื้อหาฉบับแก้ไข")
    office.edit(pending, "publish_until: 2570-12-31", "publish_until: 2571-01-31")
    judged = office.factory.gate().judge(pending, office.now)
    changes = {(line.kind, line.text) for line in revision_changes(office.factory.gate(), judged) or ()}
    assert ("del", "เนื้อหาฉบับเดิม") in changes and ("add", "เนื้อหาฉบับแก้ไข") in changes
    assert any(kind == "add" and text.startswith("publish_until: ") for kind, text in changes), "a longer window shows"

    chair = office.gate("approve", str(pending), "--as", "chair1", "--key", str(key_file(office, "chair1")), "--yes")
    assert chair.exit_code == 0, chair.output
    assert "Revision 1: changes from the version on the site:" in chair.stdout
    assert "    + เนื้อหาฉบับแก้ไข" in chair.stdout and "    - เนื้อหาฉบับเดิม" in chair.stdout
    digest = read_post_text(original).digest
    assert f"Revises (the version on the site) (revises):  path: {POST}, digest: {digest}, number: 1" in chair.stdout
    assert "เนื้อหาฉบับเดิม" in page()
    office.sign(pending, "director1", "approve")
    assert "เนื้อหาฉบับเดิม" in page()

    published = office.gate("publish", str(pending), "--as", "นายเว็บ ดูแล")
    assert (published.exit_code, published.stderr) == (0, ""), published.output
    assert not pending.exists()
    now_up = page()
    assert "เนื้อหาฉบับแก้ไข" in now_up and "เนื้อหาฉบับเดิม" not in now_up
    assert ENDED_TITLE not in now_up and WITHDRAWN_TITLE not in now_up
    assert "/news/flu/" not in built(office.root, "taken-down.txt"), "no notice: the address still serves the post"
    kept = office.root / "pending" / "expired" / ".revisions" / "0" / POST
    history = read_post_text(kept.read_bytes())
    assert history.digest == read_post_text(original).digest
    assert history.meta["taken_down"]["reason"] == "revised"
    assert read_post_text(live.read_bytes()).meta["published"]["name"] == "นายเว็บ ดูแล"

    checked = office.gate("check", str(kept))
    assert checked.exit_code == 0 and f"pending/expired/{POST}: live" in checked.stdout, checked.output
    audit = office.gate("audit", str(kept), "--out", str(tmp_path / "audit"))
    assert audit.exit_code == 0, audit.output
    statement = json.loads((tmp_path / "audit" / "entry1.statement").read_text(encoding="utf-8"))
    assert statement["path"] == POST, "the replaced version is audited at its own post path"
    register = built(office.root, "register/index.html")
    assert register.count("ข่าวไข้หวัด") >= 2, "both versions are listed"
    assert "แก้ไขครั้งที่ 1" in register and "แทนที่ด้วยฉบับแก้ไขเมื่อ" in register
    forms = office.root / "site" / "register" / "forms" / "news" / "posts"
    assert (forms / "flu.html").is_file() and (forms / "flu.r1.html").is_file()
    assert "เนื้อหาฉบับแก้ไข" in page(), "the next build keeps the revision up"


def test_amend_refuses_what_is_not_on_the_site_and_a_second_pending_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = Office(tmp_path, monkeypatch)
    factory = office.factory
    waiting = factory.add("pending", "news/posts/waiting.md", factory.text())
    refused = office.gate("amend", str(waiting))
    assert refused.exit_code == 1
    assert "only a post in the site's folder that is live or scheduled can be amended" in refused.stderr
    live = factory.add("content", POST, factory.approved(factory.text(), POST))
    assert office.gate("amend", str(live)).exit_code == 0
    again = office.gate("amend", str(live))
    assert again.exit_code == 1 and "a revision of 'news/posts/flu.md' is already waiting" in again.stderr
    (office.root / "content" / "news" / "posts" / "flu").mkdir()
    (office.root / "pending" / POST).unlink()
    with_files = office.gate("amend", str(live))
    assert with_files.exit_code == 1 and "amending a post with attachments is not supported yet" in with_files.stderr


def test_publish_refuses_a_revision_of_a_version_no_longer_on_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = Office(tmp_path, monkeypatch)
    factory = office.factory
    live = factory.add("content", POST, factory.approved(factory.text(), POST))
    assert office.gate("amend", str(live)).exit_code == 0
    pending = office.root / "pending" / POST
    pending.write_text(factory.approved(pending.read_text(encoding="utf-8"), POST, place="pending"), encoding="utf-8")
    # Meanwhile the live text changes (an edit that voids its sign-offs): the revision is stale.
    live.write_text(live.read_text(encoding="utf-8").replace("เนื้อหาข่าวทดสอบ", "แก้ในที่"), encoding="utf-8")
    before = (live.read_bytes(), pending.read_bytes())
    result = office.gate("publish", str(pending), "--as", "นายเว็บ ดูแล")
    assert result.exit_code == 1 and "revises the version sha256:" in result.stderr
    assert (live.read_bytes(), pending.read_bytes()) == before, "nothing moved"


@pytest.mark.parametrize("stopped", ["after keeping the old version", "after replacing the live file"])
def test_publishing_a_revision_stopped_half_way_finishes_on_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stopped: str
) -> None:
    """The state a stopped `gate publish` leaves (the old version kept; or also the live file
    replaced, the pending copy still there) is finished by running it again; nothing is lost."""
    office = Office(tmp_path, monkeypatch)
    factory = office.factory
    live = factory.add("content", POST, factory.approved(factory.text(body="ฉบับเดิม"), POST))
    original = live.read_text(encoding="utf-8")
    assert office.gate("amend", str(live)).exit_code == 0
    pending = office.root / "pending" / POST
    revision = pending.read_text(encoding="utf-8").replace("ฉบับเดิม", "ฉบับใหม่")
    pending.write_text(factory.approved(revision, POST, place="pending"), encoding="utf-8")
    kept = office.root / "pending" / "expired" / ".revisions" / "0" / POST
    kept.parent.mkdir(parents=True)
    record = {"at": "2026-11-25T01:00:00Z", "reason": "revised"}
    kept.write_text(add_record(original, "taken_down", record), encoding="utf-8")
    if stopped == "after replacing the live file":
        replaced = add_record(pending.read_text(encoding="utf-8"), "published", {"name": "x", "at": "y"})
        live.write_text(replaced, encoding="utf-8")
    result = office.gate("publish", str(pending), "--as", "นายเว็บ ดูแล")
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert not pending.exists() and "ฉบับใหม่" in live.read_text(encoding="utf-8")
    assert read_post_text(kept.read_bytes()).digest == read_post_text(original.encode()).digest


def test_revises_must_name_the_post_itself(factory: SiteFactory) -> None:
    """A revision replaces the page at its own address: `revises.path` naming another post is invalid."""
    digest = "sha256:" + "0" * 64
    text = factory.text(revises=f'{{path: news/posts/other.md, digest: "{digest}", number: 1}}')
    _, decision = factory.gate().judge_bytes(text.encode(), POST, SIGNED, base=factory.root / "pending")
    assert decision.state == "invalid"
    assert "revises_other_path" in {reason.code for reason in decision.reasons}
    shape = factory.text(revises=f'{{path: {POST}, digest: "{digest}", number: 0}}')
    _, decision = factory.gate().judge_bytes(shape.encode(), POST, SIGNED, base=factory.root / "pending")
    assert [("revises_shape", "revises.number")] == [(r.code, r.key) for r in decision.reasons]


def test_a_revision_of_a_revision_links_to_it_and_counts_on() -> None:
    """Amending revision 1 drops its link and records, and links revision 2 to it."""
    digest = "sha256:" + "a" * 64
    live = (
        '---\ntitle: ก\nrevises: {"path": "news/posts/flu.md", "digest": "sha256:'
        + "b" * 64
        + '", "number": 1}\nsignoffs:\n  - {role: chair}\npublished: {name: x}\n---\n\nเนื้อหา\n'
    )
    expected = (
        '---\ntitle: ก\nrevises: {"path": "news/posts/flu.md", "digest": "' + digest + '", "number": 2}\n---\n\nเนื้อหา\n'
    )
    assert expected == revision_text(live, POST, digest, 2)


def test_without_keys_drops_whole_entries_and_keeps_every_other_byte() -> None:
    text = (
        "---\r\ntitle: ก  # comment\r\nsignoffs:\r\n  - {a: 1}\r\n  - {b: 2}\r\n"
        "date: 2026-11-01\r\npublished: {x: 1}\r\n---\r\nbody\r\n"
    )
    expected = "---\r\ntitle: ก  # comment\r\ndate: 2026-11-01\r\n---\r\nbody\r\n"
    assert expected == without_keys(text, ("signoffs", "published"))


# --- withdraw ------------------------------------------------------------------------------


@pytest.mark.slow
def test_withdrawn_post_is_gone_from_every_output_and_its_signature_verifies_with_ssh_keygen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ssh_keygen = require_tool("ssh-keygen")
    office = thai_office(tmp_path, monkeypatch)
    add_post(office.factory, "flu", "live", title="ข่าวไข้หวัดถอน", body="เนื้อหาที่จะถอน", tags="[ป้ายถอน]")
    add_post(office.factory, "other", "live", title="ข่าวอื่น", body="เนื้อหาอื่น")
    live = office.root / "content" / POST
    office.build()
    assert "ข่าวไข้หวัดถอน" in outputs(office.root) and "ป้ายถอน" in outputs(office.root)

    requested = withdraw(office, live, "chair1")
    assert "stays up until the provincial chief medical officer signs the order" in requested
    status = office.status()
    assert "Withdrawal requested, waiting for the order (1)" in status
    assert f"  content/{POST}: ข่าวไข้หวัดถอน\n    requested by chair1: {REASON}\n" in status
    office.build()
    assert "เนื้อหาที่จะถอน" in built(office.root, URL_PAGE), "a request takes nothing down"

    ordered = withdraw(office, live, "director1")
    assert f"withdrawal of 'content/{POST}' signed and recorded" in ordered
    assert office.gate("check", str(live)).stdout.count("withdrawn by director1") == 1
    office.build()
    leaks = outputs(office.root)
    assert "ข่าวไข้หวัดถอน" not in leaks and "ป้ายถอน" not in leaks and "news/flu/" not in leaks
    assert "ข่าวอื่น" in leaks
    notice = built(office.root, URL_PAGE)
    assert WITHDRAWN_TITLE in notice and "เนื้อหาที่จะถอน" not in notice and REASON not in notice
    assert "/news/flu/\n" in built(office.root, "taken-down.txt")
    moved = office.root / "pending" / "expired" / POST
    assert not live.exists()
    record = read_post_text(moved.read_bytes()).meta["taken_down"]
    assert record["reason"] == "withdrawn"
    register = built(office.root, "register/index.html")
    assert "ถอนการเผยแพร่เมื่อ" in register and "โดย นายแพทย์ผู้อำนวยการ หนึ่ง" in register

    seen = json.loads((office.root / "signoffs-seen.json").read_text(encoding="utf-8"))["seen"]
    moved_post = office.factory.gate().judge(moved, office.now).post
    for entry in moved_post.withdrawals:  # the publish run witnessed both: neither can be backdated later
        assert withdrawal.witness_key("test-site", POST, entry) in seen
    office.build()  # the next build lays the same notice from the expired folder
    assert WITHDRAWN_TITLE in built(office.root, URL_PAGE)

    gate = office.factory.gate()  # the ITA evidence pack lists it, withdrawn, with who ordered it and why
    year = fiscal_year(office.now.astimezone(gate.rules.timezone).date())
    items = pack.collect(
        gate.judge_all(office.now), {}, year=year, settings=gate.settings, registry=gate.registry,
        now=office.now, tz=gate.rules.timezone, lang="th",
    )  # fmt: skip
    [item] = [item for item in items if item.post_path == POST]
    assert item.status.startswith("ถอนการเผยแพร่เมื่อ") and "นายแพทย์ผู้อำนวยการ หนึ่ง" in item.status
    assert REASON in item.status

    out = tmp_path / "audit"
    audit = office.gate("audit", str(moved), "--out", str(out))
    assert audit.exit_code == 0, audit.output
    for number, signer in ((1, "chair1"), (2, "director1")):
        statement = json.loads((out / f"withdrawal{number}.statement").read_text(encoding="utf-8"))
        assert statement["type"] == withdrawal.STATEMENT_TYPE and statement["signer"] == signer
        assert statement["path"] == POST and statement["reason"] == REASON
        checked = subprocess.run(
            [ssh_keygen, "-Y", "verify", "-f", "allowed_signers", "-I", signer, "-n", "approval-gate-v1",
             "-s", f"withdrawal{number}.sig"],
            cwd=out, input=(out / f"withdrawal{number}.statement").read_bytes(), capture_output=True, check=False,
        )  # fmt: skip
        assert checked.returncode == 0, checked.stderr
        assert f'Good "approval-gate-v1" signature for {signer}'.encode() in checked.stdout


def test_withdrawal_signed_with_plain_ssh_keygen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Statement from gate, signature from stock ssh-keygen, checked before it is recorded; a signature
    over another reason (a statement edited after signing) is refused and nothing is written."""
    ssh_keygen = require_tool("ssh-keygen")
    office = Office(tmp_path, monkeypatch)
    own = tmp_path / "own"
    subprocess.run([ssh_keygen, "-q", "-t", "ed25519", "-N", "", "-C", "d", "-f", str(own)], check=True)
    added = office.gate("registry", "add-key", "--id", "director1", "--key-file", f"{own}.pub")
    assert added.exit_code == 0, added.output
    live = office.factory.add("content", POST, office.factory.approved(office.factory.text(), POST))
    statement = tmp_path / "withdraw.statement"
    step1 = office.gate("withdraw", str(live), "--as", "director1", "--reason", REASON, "--yes", "--ssh-keygen",
                        str(statement))  # fmt: skip
    assert step1.exit_code == 0, step1.output
    assert f"gate withdraw {live} --as director1 --signature {statement}.sig" in step1.stdout
    assert "withdrawals" not in live.read_text(encoding="utf-8")
    sign = [ssh_keygen, "-Y", "sign", "-f", str(own), "-n", "approval-gate-v1", str(statement)]
    assert subprocess.run(sign, capture_output=True, check=False).returncode == 0
    original = statement.read_bytes()
    statement.write_bytes(original.replace(REASON.encode(), "เหตุผลอื่น".encode()))
    before = live.read_bytes()
    forged = office.gate("withdraw", str(live), "--as", "director1", "--signature", f"{statement}.sig")
    assert forged.exit_code == 1 and "does not verify over the statement" in forged.stderr
    assert live.read_bytes() == before
    statement.write_bytes(original)
    step2 = office.gate("withdraw", str(live), "--as", "director1", "--signature", f"{statement}.sig")
    assert (step2.exit_code, step2.stderr) == (0, ""), step2.output
    judged = office.factory.gate().judge(live, office.now)
    assert judged.decision.withdrawal is not None and judged.decision.withdrawal.reason == REASON


def test_withdraw_refuses_what_is_not_on_the_site_and_people_without_a_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = Office(tmp_path, monkeypatch)
    factory = office.factory
    waiting = factory.add("pending", "news/posts/waiting.md", factory.text())
    result = office.gate("withdraw", str(waiting), "--as", "director1", "--reason", REASON, "--yes")
    assert result.exit_code == 1 and "only a post in the site's folder that is live or scheduled" in result.stderr
    live = factory.add("content", POST, factory.approved(factory.text(), POST))
    stranger = office.gate("withdraw", str(live), "--as", "nobody", "--reason", REASON, "--yes")
    assert stranger.exit_code == 1 and "nobody holds none of the roles" in stranger.stderr
    empty = office.gate("withdraw", str(live), "--as", "director1", "--reason", "  ", "--yes")
    assert empty.exit_code == 2 and "a withdrawal needs --reason" in empty.stderr


def test_forged_withdrawal_keeps_the_post_out_loudly_and_takes_nothing_down(factory: SiteFactory) -> None:
    """A withdrawal signed with a key not in the registry: the build warns (--strict fails), the post
    is not built, and it is not moved nor given a 'withdrawn' notice in the director's name."""
    text = factory.approved(factory.text(title="ข่าวปลอม", body="เนื้อหาปลอม"), POST, SIGNED)
    stranger = Ed25519PrivateKey.generate()
    factory.keys["intruder"] = stranger
    forged = signed_entry(
        factory, text, POST, key_of="intruder", signer="director1", role="director", action="withdraw", at=LATER
    )
    live = factory.add("content", POST, forged)
    strict = run_mkdocs(factory.root, "build", "--strict", now=LATER)
    assert strict.returncode == 1 and "withdrawals[1].key" in strict.stderr
    loose = run_mkdocs(factory.root, "build", now=LATER)
    assert loose.returncode == 0, loose.stderr
    assert live.is_file() and not (factory.root / "pending" / "expired" / POST).exists()
    assert not (factory.root / "site" / URL_PAGE).exists()


def test_sweep_takes_a_withdrawn_post_down_now_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`gate sweep` takes the same path as the build: the withdrawn post moves, recorded as withdrawn."""
    office = Office(tmp_path, monkeypatch)
    factory = office.factory
    text = factory.approved(factory.text(), POST, SIGNED)
    live = factory.add(
        "content",
        POST,
        signed_entry(factory, text, POST, key_of="director1", signer="director1", role="director", action="withdraw",
                     at=LATER),
    )  # fmt: skip
    planned = office.gate("sweep", "--dry-run", "--json")
    assert planned.exit_code == 0, planned.output
    (step,) = json.loads(planned.stdout)["posts"]
    assert (step["post"], step["action"], step["why"], step["done"]) == (POST, "move", "withdrawn", False)
    assert live.is_file()
    swept = office.gate("sweep")
    assert swept.exit_code == 0, swept.output
    moved = office.root / "pending" / "expired" / POST
    assert not live.exists() and read_post_text(moved.read_bytes()).meta["taken_down"]["reason"] == "withdrawn"


def test_a_notice_says_withdrawn_only_for_a_withdrawal_that_verifies(tmp_path: Path) -> None:
    """With `withdrawal_reason_public: true` the notice shows the signed reason; an entry edited
    afterwards in the expired folder no longer verifies, so its text never reaches the public."""
    factory = SiteFactory(tmp_path / "site", extra_gate="      withdrawal_reason_public: true\n")
    text = factory.approved(factory.text(), POST, SIGNED)
    text = signed_entry(factory, text, POST, key_of="director1", signer="director1", role="director",
                        action="withdraw", at=LATER)  # fmt: skip
    text = add_record(text, "taken_down", {"at": "2026-11-10T04:00:00Z", "reason": "withdrawn"})
    expired = factory.add("expired", POST, text)
    assert run_mkdocs(factory.root, "build", "--strict", now=LATER).returncode == 0
    notice = built(factory.root, URL_PAGE)
    assert WITHDRAWN_TITLE in notice and f"เหตุผล: {REASON}" in notice
    expired.write_text(text.replace(REASON, "ข้อความที่แอบแก้"), encoding="utf-8")
    assert run_mkdocs(factory.root, "build", now=LATER).returncode == 0
    tampered = built(factory.root, URL_PAGE)
    assert ENDED_TITLE in tampered and "ข้อความที่แอบแก้" not in tampered and WITHDRAWN_TITLE not in tampered


def test_withdrawn_notice_shows_the_reason_only_when_the_site_says_so() -> None:
    hidden = tombstone_html(URL_PAGE, lang="th", site_name="ส", use_directory_urls=True, withdrawn=True)
    shown = tombstone_html(
        URL_PAGE, lang="en", site_name="S", use_directory_urls=True, withdrawn=True, reason="<wrong> figures"
    )
    assert WITHDRAWN_TITLE in hidden and "เหตุผล" not in hidden
    assert "This information has been withdrawn" in shown and "Reason: &lt;wrong&gt; figures" in shown
