"""Take-down that is always right: Thai file names, clashes, symlinks, long names, read-only
folders, two take-downs at once, and random sites over time.

Every fault test counts every post file (by post path and digest) and every other file
(attachments, by path and SHA-256) under content/, pending/ and pending/expired/ before
and after: nothing is lost, and nothing is duplicated except in a reported clash, where
both files are kept on purpose.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

from approval_gate.cli import main
from approval_gate.core.canonical import PostFormatError, read_post_text
from approval_gate.services.moves import TMP_SUFFIX, temporary_for
from approval_gate.site.tombstones import recorded_url
from conftest import EXAMPLE_NOW, epoch, require_tool, run_mkdocs
from factory import SiteFactory
from test_reliability import mounted
from test_walkthrough import Office
from webserver import get, nginx_binary, running_nginx

UTC = dt.UTC
NOTICE = "ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว"
SIGNED_AT = dt.datetime(2026, 8, 20, 3, 0, tzinfo=UTC)


# --- counting every file ------------------------------------------------------------------


def inventory(root: Path) -> Counter[tuple[str, str, str]]:
    """(kind, path under its folder, identity) of every file under content/, pending/ and
    pending/expired/: posts by digest, other files by SHA-256, symlinks by where they point.
    Symlinks are never followed; temporaries of interrupted moves are not counted."""
    found: Counter[tuple[str, str, str]] = Counter()
    expired = root / "pending" / "expired"
    for base in (root / "content", root / "pending", expired):
        for folder, dirs, files in os.walk(base):
            here = Path(folder)
            if base != expired and (here == expired or expired in here.parents):
                dirs.clear()
                continue
            for name in [*files, *(d for d in dirs if (here / d).is_symlink())]:
                path = here / name
                relative = path.relative_to(base).as_posix()
                if path.is_symlink():
                    found["link", relative, os.readlink(path)] += 1
                elif name.endswith(TMP_SUFFIX):
                    continue
                elif name.endswith(".md"):
                    try:
                        found["post", relative, read_post_text(path.read_bytes()).digest] += 1
                    except PostFormatError:
                        found["page", relative, hashlib.sha256(path.read_bytes()).hexdigest()] += 1
                else:
                    found["file", relative, hashlib.sha256(path.read_bytes()).hexdigest()] += 1
    return found


def temporaries(root: Path) -> list[Path]:
    return sorted(root.rglob(f"*{TMP_SUFFIX}"))


def gate(root: Path, *args: str, now: dt.datetime = EXAMPLE_NOW) -> Result:
    env = {"SOURCE_DATE_EPOCH": epoch(now), "LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    return CliRunner().invoke(main, ["-f", str(root / "mkdocs.yml"), *args], env=env)


def expired_post(factory: SiteFactory, post_path: str, *, place: str = "content", attachment: bool = True) -> Path:
    """An approved post whose period ended on 2569-10-31, with a PDF in its attachments folder."""
    text = factory.text(title="ประกาศที่หมดอายุแล้ว", publish_from="2569-09-01", publish_until="2569-10-31")
    file = factory.add(place, post_path, factory.approved(text, post_path, at=SIGNED_AT))
    if attachment:
        file.with_suffix("").mkdir()
        (file.with_suffix("") / "เอกสารแนบ.pdf").write_bytes(b"%PDF-1.4 " + post_path.encode())
    return file


def without_signoffs(text: str) -> str:
    """The same post, the same digest, its `signoffs` cut out (what anyone able to write pending/ can plant)."""
    head, fence, body = text.partition("\n---\n")
    kept = [line for line in head.splitlines() if not line.startswith(("signoffs:", "  - {"))]
    return "\n".join(kept) + fence + body


# --- one Thai-named post through the whole procedure --------------------------------------

TITLE = "ประกาศรับสมัครอาสาสมัครสาธารณสุขประจำหมู่บ้าน ประจำปีงบประมาณ ๒๕๗๐ รุ่นที่ ๒"
SLUG = "ประกาศรับสมัครอาสาสมัครสาธารณสุขประจำหมู่บ้าน-ประจำปีงบประมาณ-๒๕๗๐-รุ่นที่-๒"  # 220 bytes
POST_PATH = f"news/posts/{SLUG}.md"


def test_a_thai_named_post_is_taken_down_and_later_builds_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """new -> refused -> revised -> chair -> director -> publish -> live -> expired and taken
    down -> three more builds: each passes --strict, the notice is at the decoded path,
    and nginx answers 410 Gone at the URL a browser requests (percent-encoded, 600+ bytes)."""
    office = Office(tmp_path, monkeypatch)
    start = office.now
    pending = office.root / "pending" / POST_PATH
    assert office.gate("new", TITLE).exit_code == 0
    assert pending.is_file()
    office.edit(pending, '  name: ""', "  name: นางสาวสมหญิง ใจดี")
    office.edit(pending, "-->\n", "-->\n\nรับสมัครตั้งแต่วันนี้ที่สำนักงานสาธารณสุขอำเภอทุกแห่ง\n")
    office.at(start + dt.timedelta(minutes=10))
    office.sign(pending, "chair1", "reject", "ระบุคุณสมบัติผู้สมัครด้วย")
    office.at(start + dt.timedelta(minutes=20))
    office.edit(pending, "ทุกแห่ง\n", "ทุกแห่ง ผู้สมัครต้องมีอายุ ๑๘ ปีขึ้นไป\n")
    office.at(start + dt.timedelta(minutes=30))
    sign_with_ssh_keygen(office, tmp_path, pending, "chair1")
    office.at(start + dt.timedelta(minutes=40))
    sign_with_ssh_keygen(office, tmp_path, pending, "director1")
    office.at(start + dt.timedelta(minutes=50))
    assert office.gate("publish", str(pending), "--as", "นายเว็บ ดูแล").exit_code == 0
    office.build()
    page = office.root / "site" / "news" / SLUG / "index.html"
    assert "ผู้สมัครต้องมีอายุ ๑๘ ปีขึ้นไป" in page.read_text(encoding="utf-8")

    # The period (30 days by default) is over: sweep --dry-run --json says what the build will do.
    office.at(start + dt.timedelta(days=31))
    before = inventory(office.root)
    planned = office.gate("sweep", "--dry-run", "--json")
    assert planned.exit_code == 0, planned.stderr
    assert '"action": "move"' in planned.stdout and f'"to": "pending/expired/{POST_PATH}"' in planned.stdout
    assert f'"url": "/news/{SLUG}/"' in planned.stdout and '"done": false' in planned.stdout
    log = office.build()
    assert f"took down '{POST_PATH}'" in log
    moved = office.root / "pending" / "expired" / POST_PATH
    assert [key for key in before if key[0] == "post"] == [
        ("post", POST_PATH, read_post_text(moved.read_bytes()).digest)
    ]
    assert Counter({(kind, path, ident) for kind, path, ident in before}) == inventory(office.root)
    for extra in range(1, 4):
        office.at(start + dt.timedelta(days=31, hours=extra))
        office.build()  # --strict: a warning would fail it
        notice = office.root / "site" / "news" / SLUG / "index.html"
        assert NOTICE in notice.read_text(encoding="utf-8") and "ผู้สมัคร" not in notice.read_text(encoding="utf-8")
        assert f"/news/{SLUG}/\n" == (office.root / "site" / "taken-down.txt").read_text(encoding="utf-8")
    assert not list((office.root / "site").rglob("*%E0*"))  # nothing written at an encoded path

    serving_notice(office.root, office.now, f"/news/{SLUG}/")
    snippet = tmp_path / "gone.conf"
    assert office.gate("nginx", "--output", str(snippet)).exit_code == 0
    with running_nginx(nginx_binary(), tmp_path, office.root / "site", snippet) as port:
        status, headers, body = get(port, f"/news/{SLUG}/")
        assert (410, True, "noindex") == (status, NOTICE in body, headers["x-robots-tag"])


def sign_with_ssh_keygen(office: Office, tmp_path: Path, file: Path, signer: str) -> None:
    """An approval as the README documents it with stock OpenSSH: a key from `ssh-keygen`, added
    to the registry; the statement from `gate approve --ssh-keygen`, signed by `ssh-keygen -Y sign`
    and recorded with `gate approve --signature`."""
    require_tool("ssh-keygen")
    key = tmp_path / f"{signer}-ssh"
    if not key.exists():
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", signer, "-f", str(key)], check=True)
        added = office.gate("registry", "add-key", "--id", signer, "--key-file", f"{key}.pub")
        assert added.exit_code == 0, added.output
    statement = tmp_path / f"{signer}.statement"
    asked = office.gate("approve", str(file), "--as", signer, "--yes", "--ssh-keygen", str(statement))
    assert asked.exit_code == 0, asked.output
    command = ["ssh-keygen", "-Y", "sign", "-f", str(key), "-n", "approval-gate-v1", str(statement)]
    subprocess.run(command, check=True, capture_output=True)
    recorded = office.gate("approve", str(file), "--as", signer, "--signature", f"{statement}.sig")
    assert recorded.exit_code == 0, recorded.output


def serving_notice(root: Path, now: dt.datetime, url: str) -> None:
    """`mkdocs serve` starts, and serves the notice at the Thai URL a browser requests."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch(now), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CI", None)
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else "mkdocs serve exited"
            try:
                status, _, body = get(port, url)
                break
            except OSError:
                assert time.monotonic() < deadline, "mkdocs serve did not start"
                time.sleep(0.2)
        assert (200, True) == (status, NOTICE in body)
    finally:
        server.terminate()
        server.communicate(timeout=30)


# --- faults, each with every file counted ---------------------------------------------------

NAME = "ประกาศผลการคัดเลือก-๒๕๖๙"
POST = f"news/posts/{NAME}.md"


def test_a_target_with_other_bytes_keeps_both_and_names_both(factory: SiteFactory) -> None:
    source = expired_post(factory, POST)
    other = factory.text(title="โพสต์อื่นที่ใช้ชื่อเดียวกัน", publish_until="2569-10-31")
    target = factory.add("expired", POST, other)
    before = inventory(factory.root)
    built = run_mkdocs(factory.root, "build")
    assert built.returncode == 0, built.stderr
    assert f"'{POST}' was not taken down: {target} already exists and is not this post as it was signed" in built.stderr
    assert before == inventory(factory.root)
    assert source.is_file() and target.read_text(encoding="utf-8") == other
    assert NOTICE in (factory.root / "site" / "news" / NAME / "index.html").read_text(encoding="utf-8")


def test_the_same_post_without_its_signoffs_is_a_clash_not_a_finished_move(factory: SiteFactory) -> None:
    """Same digest, sign-offs cut out, planted in the expired folder: the signed source stays."""
    source = expired_post(factory, POST)
    signed = source.read_text(encoding="utf-8")
    planted = factory.add("expired", POST, without_signoffs(signed))
    assert read_post_text(planted.read_bytes()).digest == read_post_text(source.read_bytes()).digest
    before = inventory(factory.root)
    result = gate(factory.root, "sweep")
    assert result.exit_code == 1 and f"'{POST}' was not taken down: {planted}" in result.stderr
    assert before == inventory(factory.root) and source.read_text(encoding="utf-8") == signed
    # Once someone removes the planted copy, the next sweep takes the signed post down.
    planted.unlink()
    assert gate(factory.root, "sweep").exit_code == 0
    assert "signoffs:" in planted.read_text(encoding="utf-8") and not source.exists()


def test_an_interrupted_move_is_finished_only_when_the_copy_is_exactly_the_moves(factory: SiteFactory) -> None:
    source = expired_post(factory, POST, attachment=False)
    copy = factory.add("expired", POST, source.read_text(encoding="utf-8"))
    plan = gate(factory.root, "sweep", "--dry-run", "--json")
    assert '"action": "finish"' in plan.stdout
    assert gate(factory.root, "sweep").exit_code == 0
    assert not source.exists() and copy.is_file()


def outside_post(factory: SiteFactory, tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    file = outside / "elsewhere.md"
    text = factory.text(title="ไฟล์นอกเว็บไซต์", publish_from="2569-09-01", publish_until="2569-10-31")
    file.write_text(factory.approved(text, POST, at=SIGNED_AT), encoding="utf-8")
    return file


@pytest.mark.parametrize("case", ["post-to-outside", "post-to-pending", "attachments-folder", "expired-folder-out"])
def test_symlinks_are_refused_up_front(factory: SiteFactory, tmp_path: Path, case: str) -> None:
    """A symlinked post, attachments folder or folder on the way: refused, nothing followed or moved."""
    link: Path
    if case == "post-to-outside":
        link = factory.root / "content" / POST
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(outside_post(factory, tmp_path))
    elif case == "post-to-pending":
        real = expired_post(factory, POST, place="pending", attachment=False)
        link = factory.root / "content" / POST
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(real)
    elif case == "attachments-folder":
        expired_post(factory, POST, attachment=False)
        link = factory.root / "content" / "news" / "posts" / NAME
        (tmp_path / "outside-files").mkdir()
        (tmp_path / "outside-files" / "x.pdf").write_bytes(b"%PDF")
        link.symlink_to(tmp_path / "outside-files")
    else:
        expired_post(factory, POST)
        (tmp_path / "outside-expired").mkdir()
        link = factory.root / "pending" / "expired"
        link.symlink_to(tmp_path / "outside-expired")
    before = inventory(factory.root)
    outside_before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if "site" not in p.parts)
    result = gate(factory.root, "sweep")
    assert result.exit_code == 1, result.output
    assert f"'{POST}' was not moved: {link} is a symbolic link, and links are never followed" in result.stderr
    assert before == inventory(factory.root)
    outside_after = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if "site" not in p.parts)
    assert outside_before == outside_after
    assert '"action": "symlink"' in gate(factory.root, "sweep", "--dry-run", "--json").stdout


def test_a_build_with_a_symlinked_post_warns_and_does_not_crash(factory: SiteFactory, tmp_path: Path) -> None:
    link = factory.root / "content" / POST
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside_post(factory, tmp_path))
    before = inventory(factory.root)
    for _ in range(2):
        built = run_mkdocs(factory.root, "build")
        assert built.returncode == 0, built.stderr
        assert f"'{POST}' is a symbolic link (or inside one) and is left out" in built.stderr
        assert "Traceback" not in built.stderr
    assert before == inventory(factory.root)


def long_name(size: int) -> str:
    """A Thai file name of exactly `size` bytes ('.md' included)."""
    stem = "ก" * ((size - 3) // 3) + "a" * ((size - 3) % 3)
    name = f"{stem}.md"
    assert len(name.encode()) == size
    return name


def test_a_250_byte_thai_file_name_is_taken_down_with_its_notice(factory: SiteFactory) -> None:
    post_path = f"news/posts/{long_name(250)}"
    source = expired_post(factory, post_path)
    assert len(temporary_for(source).name.encode()) < 30
    before = inventory(factory.root)
    for _ in range(2):
        built = run_mkdocs(factory.root)  # --strict
        assert built.returncode == 0, built.stderr
    assert (factory.root / "pending" / "expired" / post_path).is_file() and not source.exists()
    assert sorted(before.elements()) == sorted(
        (kind, path, ident) for kind, path, ident in inventory(factory.root).elements()
    )
    stem = long_name(250).removesuffix(".md")
    assert NOTICE in (factory.root / "site" / "news" / stem / "index.html").read_text(encoding="utf-8")


def test_a_notice_too_long_to_write_is_a_warning_not_a_crash(factory: SiteFactory) -> None:
    """A legal 255-byte name: with .html URLs its notice would need 257 bytes."""
    with (factory.root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("use_directory_urls: false\n")
    post_path = f"news/posts/{long_name(255)}"
    expired_post(factory, post_path)
    live = factory.add("content", "news/posts/live.md", factory.approved(factory.text(), "news/posts/live.md"))
    before = inventory(factory.root)
    built = run_mkdocs(factory.root, "build")
    assert built.returncode == 0, built.stderr
    assert f"the notice page of taken-down '{post_path}' cannot be written at /news/ก" in built.stderr
    assert "more than 255" in built.stderr and "Traceback" not in built.stderr
    site = factory.root / "site"
    assert (site / "index.html").is_file() and (site / "news" / "live.html").is_file() and live.is_file()
    assert (factory.root / "pending" / "expired" / post_path).is_file()
    assert Counter(before) == inventory(factory.root)


def test_a_read_only_target_folder_moves_nothing(factory: SiteFactory) -> None:
    source = expired_post(factory, POST)
    expired = factory.root / "pending" / "expired"
    (expired / "news" / "posts").mkdir(parents=True)
    before = inventory(factory.root)
    with mounted(["--bind", "-o", "ro"], str(expired), expired):
        result = gate(factory.root, "sweep")
        # The attachments go first: renaming them into a mount fails like writing into it would.
        assert result.exit_code == 1 and f"'{POST}' was not moved (" in result.stderr
        assert "it stays where it was; fix the folder and run again" in result.stderr
        assert before == inventory(factory.root) and source.is_file()
        assert temporaries(factory.root) == []
    assert gate(factory.root, "sweep").exit_code == 0
    assert not source.exists()


def test_two_take_downs_at_once_move_each_post_once(factory: SiteFactory) -> None:
    posts = [f"news/posts/ข่าวหมดอายุ-{index:02d}.md" for index in range(12)]
    for post_path in posts:
        expired_post(factory, post_path)
    before = inventory(factory.root)
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch(EXAMPLE_NOW), "LANG": "en_US.UTF-8", "NO_MKDOCS_2_WARNING": "1"}
    command = [str(Path(sys.executable).with_name("gate")), "-f", str(factory.root / "mkdocs.yml"), "sweep"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)]
    runs.append(subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert sum(out.count("took down") for out, _ in outputs) == len(posts)
    after = inventory(factory.root)
    assert sorted(before.values()) == sorted(after.values()) and sum(before.values()) == sum(after.values())
    for post_path in posts:
        assert (factory.root / "pending" / "expired" / post_path).is_file()
        assert not (factory.root / "content" / post_path).exists()


# --- random sites over time --------------------------------------------------------------------

THAI = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอฮะาเแโใไ่้๊๋ิีึืุู"
# Names as `gate new` makes them: the safe set, never starting with '-' (names.py).
NAMES = st.text(alphabet=THAI + "abcxyz0129๐๑๒๙-_", min_size=1, max_size=24).filter(
    lambda name: not name.startswith("-") and name not in ("index", "tags")
)
BASE = dt.datetime(2026, 11, 5, 3, 0, tzinfo=UTC)
QUICK = [Phase.explicit, Phase.reuse, Phase.generate]  # a failing example is printed, not shrunk for minutes


def be(day: dt.date) -> str:
    return f"{day.year + 543:04d}-{day.month:02d}-{day.day:02d}"


def build_here(root: Path, now: dt.datetime) -> None:
    """`mkdocs build` in this process (a second process costs more than the build)."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch(now)
    try:
        config = load_config(str(root / "mkdocs.yml"))
        for plugin in config.plugins.values():
            # MkDocs keeps plugin instances across loads (for serve); Material's blog makes its
            # temporary folder once, in __init__, and removes it in on_shutdown.
            if isinstance(getattr(plugin, "temp_dir", None), str):
                os.makedirs(plugin.temp_dir, exist_ok=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


POSTS = st.lists(
    st.tuples(NAMES, st.integers(min_value=-20, max_value=40), st.integers(min_value=1, max_value=30)),
    min_size=1,
    max_size=5,
    unique_by=lambda post: post[0].casefold(),
)
STEPS = st.lists(
    st.tuples(st.sampled_from(["build", "sweep"]), st.integers(min_value=1, max_value=40 * 24)), max_size=3
)


def run_site(posts: list[tuple[str, int, int]], steps: list[tuple[str, int]]) -> None:
    """Approved posts with the given windows, then builds and sweeps at increasing clock times, then a build."""
    with tempfile.TemporaryDirectory() as folder:
        factory = SiteFactory(Path(folder) / "site")
        digests = {}
        for name, start, days in posts:
            post_path = f"news/posts/{name}.md"
            opens = (BASE + dt.timedelta(days=start)).date()
            text = factory.text(
                title=f"ข่าว {name}", publish_from=be(opens), publish_until=be(opens + dt.timedelta(days=days))
            )
            file = factory.add("content", post_path, factory.approved(text, post_path))
            digests[post_path] = read_post_text(file.read_bytes()).digest
        moments = sorted({hours for _, hours in steps})
        plan = [(action, BASE + dt.timedelta(hours=hours)) for (action, _), hours in zip(steps, moments, strict=False)]
        plan.append(("build", BASE + dt.timedelta(days=80)))
        for action, now in plan:
            if action == "build":
                build_here(factory.root, now)
            else:
                result = gate(factory.root, "sweep", now=now)
                assert result.exit_code == 0, result.output
            for post_path, digest in digests.items():
                found = [
                    base / post_path
                    for base in (
                        factory.root / "content",
                        factory.root / "pending",
                        factory.root / "pending" / "expired",
                    )
                    if (base / post_path).is_file()
                ]
                assert len(found) == 1, (post_path, found)
                assert read_post_text(found[0].read_bytes()).digest == digest
        assert temporaries(factory.root) == []
        site = factory.root / "site"
        listed = set((site / "taken-down.txt").read_text(encoding="utf-8").splitlines())
        for post_path in digests:
            moved = factory.root / "pending" / "expired" / post_path
            assert moved.is_file(), post_path  # 80 days on, every window has ended
            url = recorded_url(moved)
            assert url is not None
            name = post_path.removeprefix("news/posts/").removesuffix(".md")
            assert NOTICE in (site / "news" / name / "index.html").read_text(encoding="utf-8")
            assert f"/news/{name}/" in listed


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=QUICK)
@given(posts=POSTS, steps=STEPS)
def test_random_sites_over_time_keep_every_post_once_and_every_notice(
    posts: list[tuple[str, int, int]], steps: list[tuple[str, int]]
) -> None:
    run_site(posts, steps)


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=QUICK)
@given(posts=POSTS, steps=STEPS)
def test_random_sites_over_time_many(posts: list[tuple[str, int, int]], steps: list[tuple[str, int]]) -> None:
    run_site(posts, steps)


# --- portability ------------------------------------------------------------------------------


def test_take_down_modules_load_without_posix_only_modules() -> None:
    """As on Windows: fcntl, termios, pwd, grp and resource cannot be imported."""
    blocked = ("fcntl", "termios", "pwd", "grp", "resource")
    code = (
        "import sys\n"
        f"for name in {blocked!r}: sys.modules[name] = None\n"
        "import approval_gate.services.moves, approval_gate.services.repository\n"
        "import approval_gate.site.tombstones, approval_gate.server.webserver\n"
        "import approval_gate.cli.sweep, approval_gate.cli.webserver\n"
        "print('loaded')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert ("loaded\n", "") == (result.stdout, result.stderr)


def test_a_long_thai_url_recorded_at_take_down_keeps_the_post_valid(factory: SiteFactory) -> None:
    """A 246-byte Thai name is a 732-character percent-encoded URL in `taken_down`: the record is
    the gate's own, so the taken-down post stays `expired` (and in the register), not invalid."""
    name = "ก" * 80
    text = factory.text(title="ข่าวยาว", publish_from="2569-10-01", publish_until="2569-10-31")
    factory.add("content", f"news/posts/{name}.md", factory.approved(text, f"news/posts/{name}.md", at=SIGNED_AT))
    assert run_mkdocs(factory.root, "build").returncode == 0
    moved = factory.root / "pending" / "expired" / "news" / "posts" / f"{name}.md"
    assert '"url": "news/%E0%B8%81' in moved.read_text(encoding="utf-8")
    env = {"SOURCE_DATE_EPOCH": epoch(EXAMPLE_NOW), "LANG": "en_US.UTF-8"}
    check = CliRunner().invoke(main, ["-f", str(factory.root / "mkdocs.yml"), "check", str(moved)], env=env)
    assert (0, f"pending/expired/news/posts/{name}.md: expired\n    - the publication period has ended\n") == (
        check.exit_code,
        check.output,
    )
