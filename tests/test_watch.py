"""`gate watch` on a server: real builds, real signatures, a real nginx on a loopback port.

The watcher reads its clock from GATE_CLOCK_FILE, which the tests move forward: minutes of
schedule run in seconds, and each build's instant is exact (its release is named for it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from approval_gate.server import releases
from approval_gate.server.watch import WatchError, read_clock
from conftest import require_tool
from factory import SiteFactory
from webserver import nginx_binary, running_nginx

UTC = dt.UTC
T0 = dt.datetime(2026, 11, 28, 10, 0, tzinfo=UTC)  # 17:00 in Bangkok
ENGLISH = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
CLOSING, OPENING = "news/posts/closing.md", "news/posts/opening.md"
CLOSING_URL, OPENING_URL = "/news/closing/", "/news/opening/"
CLOSING_TITLE, OPENING_TITLE = "ประกาศที่กำลังจะหมดเวลา", "ข่าวที่กำลังจะเผยแพร่"
NOTICE = "ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว"


def scheduled_site(factory: SiteFactory) -> None:
    """One post up until T0+3 min, one going up at T0+2 min (windows to the minute, Bangkok time)."""
    closing = factory.text(title=CLOSING_TITLE, publish_from="2569-11-01", publish_until="2026-11-28T17:03:00+07:00")
    factory.add("content", CLOSING, factory.approved(closing, CLOSING))
    opening = factory.text(title=OPENING_TITLE, publish_from="2026-11-28T17:02:00+07:00", publish_until="2570-12-31")
    factory.add("content", OPENING, factory.approved(opening, OPENING))


def set_clock(clock: Path, moment: dt.datetime) -> None:
    temporary = clock.with_name(clock.name + ".tmp")
    temporary.write_text(moment.isoformat(), encoding="utf-8")
    os.replace(temporary, clock)


@dataclass
class Watch:
    process: subprocess.Popen[bytes]
    log: Path

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def builds(self) -> list[str]:
        return [line for line in self.text().splitlines() if " is live; " in line]

    def wait_for_builds(self, count: int, timeout: float = 180) -> list[str]:
        deadline = time.monotonic() + timeout
        while len(self.builds()) < count:
            assert self.process.poll() is None, self.text()
            assert time.monotonic() < deadline, self.text()
            time.sleep(0.05)
        return self.builds()

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)


@contextlib.contextmanager
def watching(site: Path, web_root: Path, clock: Path, log: Path, *extra: str) -> Iterator[Watch]:
    """`gate watch` as its own process group (as systemd runs it), English log lines into `log`."""
    environment = {**os.environ, **ENGLISH, "GATE_CLOCK_FILE": str(clock), "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("SOURCE_DATE_EPOCH", None)
    command = [str(Path(sys.executable).with_name("gate")), "-f", str(site / "mkdocs.yml"), "watch"]
    command += [
        "--web-root",
        str(web_root),
        "--poll",
        "0.05",
        "--retry",
        "0.5",
        "--no-capture",
        *extra,
    ]  # a later --capture wins
    with log.open("ab") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=environment, start_new_session=True
        )
    watch = Watch(process, log)
    try:
        yield watch
    finally:
        watch.kill()


def nginx_commands(workdir: Path) -> list[str]:
    """--nginx-test and --nginx-reload for the nginx `running_nginx` starts under `workdir`."""
    prefix = workdir / "nginx"
    where = f"-p {prefix} -c {prefix / 'nginx.conf'} -e {prefix / 'error.log'}"
    binary = nginx_binary()
    return ["--nginx-test", f"{binary} -t -q {where}", "--nginx-reload", f"{binary} -s reload {where}"]


def served_release(web_root: Path) -> str:
    current = releases.current_release(web_root)
    assert current is not None
    return current.name


def fetch(port: int, path: str) -> tuple[int, str]:
    """GET with `Connection: close`: one short connection per request, as many browsers make."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", quote(path, safe="/"), headers={"Connection": "close"})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace")
    finally:
        connection.close()


class Requests:
    """GET the pages continuously from a thread, keeping every answer, so the switches are hit."""

    def __init__(self, port: int, urls: list[str]) -> None:
        self.port, self.urls = port, urls
        self.seen: dict[str, list[tuple[int, str]]] = {url: [] for url in urls}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.is_set():
            for url in self.urls:
                self.seen[url].append(fetch(self.port, url))
            time.sleep(0.002)

    def __enter__(self) -> Requests:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=30)

    def latest(self, url: str) -> tuple[int, str]:
        count = len(self.seen[url])
        deadline = time.monotonic() + 10
        while len(self.seen[url]) == count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.seen[url][-1]

    def until(self, url: str, status: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while self.latest(url)[0] != status:
            assert time.monotonic() < deadline, (url, self.seen[url][-1][0])


def whole_page(body: str, title: str) -> bool:
    return title in body and body.rstrip().endswith("</html>")


def check_answers(answers: Requests) -> None:
    """Never a 404 for a page that is up, never a half-built page, no way back once a change happened."""
    home = answers.seen["/"]
    assert home and all(status == 200 and body.rstrip().endswith("</html>") for status, body in home)
    opening = [status for status, _ in answers.seen[OPENING_URL]]
    first_up = opening.index(200)
    assert set(opening[:first_up]) == {404} and set(opening[first_up:]) == {200}, opening
    assert all(whole_page(body, OPENING_TITLE) for status, body in answers.seen[OPENING_URL] if status == 200)
    closing = answers.seen[CLOSING_URL]
    assert 404 not in {status for status, _ in closing}
    gone = [status for status, _ in closing].index(410)
    before, after = closing[:gone], closing[gone:]
    # Up to the take-down: the post itself, whole, then its notice page from the switch to nginx's reload.
    assert all(status == 200 and (whole_page(body, CLOSING_TITLE) or NOTICE in body) for status, body in before)
    shown = [CLOSING_TITLE in body for _, body in before].count(True)
    assert all(CLOSING_TITLE in body for _, body in before[:shown]) and all(NOTICE in b for _, b in before[shown:])
    # After it, 410 (or the notice page itself while the reload reaches every nginx worker), and 410 at the end.
    assert all(status == 410 or (status == 200 and NOTICE in body) for status, body in after)
    assert all(CLOSING_TITLE not in body for _, body in after) and after[-1][0] == 410


@pytest.mark.nginx
@pytest.mark.slow
def test_watch_publishes_each_change_at_its_instant_behind_nginx(factory: SiteFactory, tmp_path: Path) -> None:
    nginx = nginx_binary()
    scheduled_site(factory)
    web_root, clock, snippet = tmp_path / "www", tmp_path / "clock", tmp_path / "gone.conf"
    snippet.write_text("", encoding="utf-8")
    set_clock(clock, T0)
    nginx_options = nginx_commands(tmp_path)
    with (
        running_nginx(nginx, tmp_path, web_root / "current", snippet, master=True) as port,
        watching(factory.root, web_root, clock, tmp_path / "watch.log", "--nginx-snippet", str(snippet),
                 *nginx_options) as watch,
    ):  # fmt: skip
        first = watch.wait_for_builds(1)[0]
        assert "release 20261128T100000Z is live" in first
        assert f"went up: {CLOSING_TITLE} ({CLOSING}); came down: none; next change: 28 Nov 2026 17:02" in first
        with Requests(port, ["/", OPENING_URL, CLOSING_URL]) as answers:
            assert answers.latest(OPENING_URL)[0] == 404 and answers.latest(CLOSING_URL)[0] == 200
            set_clock(clock, T0 + dt.timedelta(minutes=2, seconds=-1))  # a second early: nothing is due
            time.sleep(1)
            assert len(watch.builds()) == 1 and served_release(web_root) == "20261128T100000Z"

            set_clock(clock, T0 + dt.timedelta(minutes=2))  # the window opens
            second = watch.wait_for_builds(2)[1]
            assert "release 20261128T100200Z is live" in second  # built at the instant itself
            assert f"went up: {OPENING_TITLE} ({OPENING}); came down: none; next change: 28 Nov 2026 17:03" in second
            answers.until(OPENING_URL, 200)

            set_clock(clock, T0 + dt.timedelta(minutes=3))  # the other window closes
            third = watch.wait_for_builds(3)[2]
            assert "release 20261128T100300Z is live" in third
            assert f"went up: none; came down: {CLOSING_TITLE} ({CLOSING}); next change: 1 Jan 2028 00:00" in third
            answers.until(CLOSING_URL, 410)
            # The take-down moved the post: the watcher sees the edit and builds once more, same result.
            assert "release 20261128T100300Z-2 is live" in watch.wait_for_builds(4)[3]
            time.sleep(0.5)
        check_answers(answers)
        assert "now answers 1 taken-down URL(s) with 410 Gone; checked and reloaded" in watch.text()
        assert "failed" not in watch.text()
        assert len(watch.builds()) == 4
    assert (factory.root / "pending" / "expired" / CLOSING).is_file() and not (
        factory.root / "content" / CLOSING
    ).exists()
    assert "taken_down:" in (factory.root / "pending" / "expired" / CLOSING).read_text(encoding="utf-8")
    assert [p.name for p in releases.complete_releases(web_root)] == [
        "20261128T100000Z", "20261128T100200Z", "20261128T100300Z", "20261128T100300Z-2"
    ]  # fmt: skip


@pytest.mark.nginx
@pytest.mark.slow
def test_sigkill_mid_build_keeps_the_last_good_site_and_the_restart_is_on_time(
    factory: SiteFactory, tmp_path: Path
) -> None:
    nginx = nginx_binary()
    scheduled_site(factory)
    posts = {path: path.read_bytes() for path in (factory.root / "content").rglob("*.md")}
    web_root, clock, snippet = tmp_path / "www", tmp_path / "clock", tmp_path / "gone.conf"
    snippet.write_text("", encoding="utf-8")
    set_clock(clock, T0)
    log = tmp_path / "watch.log"
    nginx_options = ["--nginx-snippet", str(snippet), *nginx_commands(tmp_path)]
    with running_nginx(nginx, tmp_path, web_root / "current", snippet, master=True) as port:
        with watching(factory.root, web_root, clock, log, *nginx_options) as watch:
            watch.wait_for_builds(1)
            set_clock(clock, T0 + dt.timedelta(minutes=2))
            deadline = time.monotonic() + 60
            while not mkdocs_running(watch.process.pid):  # the build has started
                assert time.monotonic() < deadline, watch.text()
                time.sleep(0.005)
            assert list((web_root / "releases").glob(".building-*"))
            os.killpg(watch.process.pid, signal.SIGKILL)  # the watcher and its mkdocs, as systemd stops a unit
            watch.process.wait(timeout=30)
            assert len(watch.builds()) == 1
        # The served site is the last good one, whole; nothing in the repository was lost.
        assert served_release(web_root) == "20261128T100000Z"
        assert fetch(port, OPENING_URL)[0] == 404
        status, body = fetch(port, CLOSING_URL)
        assert status == 200 and whole_page(body, CLOSING_TITLE)
        assert posts == {path: path.read_bytes() for path in (factory.root / "content").rglob("*.md")}
        assert not list(factory.root.rglob("*.gate-tmp"))
        with watching(factory.root, web_root, clock, log, *nginx_options) as watch:
            # The restart knows from the files alone that the change is due, and makes it at its instant.
            assert "release 20261128T100200Z is live" in watch.wait_for_builds(2)[1]
            assert "a build that was stopped before it finished (it was never served)" in watch.text()
            assert not list((web_root / "releases").glob(".building-*"))
            status, body = fetch(port, OPENING_URL)
            assert status == 200 and whole_page(body, OPENING_TITLE)
            set_clock(clock, T0 + dt.timedelta(minutes=3))  # the next change, on time
            assert "release 20261128T100300Z is live" in watch.wait_for_builds(3)[2]
            deadline = time.monotonic() + 30
            while fetch(port, CLOSING_URL)[0] != 410:
                assert time.monotonic() < deadline
                time.sleep(0.05)
    assert (factory.root / "pending" / "expired" / CLOSING).is_file()
    assert (factory.root / "content" / OPENING).read_bytes() == posts[factory.root / "content" / OPENING]


def mkdocs_running(pid: int) -> bool:
    """Whether the watcher `pid` has an `mkdocs build` child running (Linux /proc)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    for child in children.read_text(encoding="utf-8").split() if children.exists() else []:
        with contextlib.suppress(OSError):
            if b"mkdocs\0build" in Path(f"/proc/{child}/cmdline").read_bytes():
                return True
    return False


def test_a_restart_with_nothing_due_does_not_build(factory: SiteFactory, tmp_path: Path) -> None:
    """State comes from the served release's manifest: the same clock and files mean no new build."""
    scheduled_site(factory)
    web_root, clock = tmp_path / "www", tmp_path / "clock"
    set_clock(clock, T0)
    first = once(factory.root, web_root, clock)
    assert first.returncode == 0, first.stderr
    assert "release 20261128T100000Z is live" in first.stdout
    again = once(factory.root, web_root, clock)
    assert (0, "", "") == (again.returncode, again.stdout, again.stderr)
    manifest = releases.read_manifest(web_root / "releases" / "20261128T100000Z")
    assert manifest is not None
    assert (manifest.live, manifest.next_change) == ({CLOSING: CLOSING_TITLE}, "2026-11-28T10:02:00Z")


def once(site: Path, web_root: Path, clock: Path, *extra: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **ENGLISH, "GATE_CLOCK_FILE": str(clock), "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("SOURCE_DATE_EPOCH", None)
    command = [str(Path(sys.executable).with_name("gate")), "-f", str(site / "mkdocs.yml"), "--lang", lang]
    command += ["watch", "--once"]
    command += ["--web-root", str(web_root), "--no-capture", *extra]  # a later --capture wins
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300, check=False)


def test_the_log_line_in_thai_with_buddhist_era_dates(factory: SiteFactory, tmp_path: Path) -> None:
    scheduled_site(factory)
    set_clock(tmp_path / "clock", T0)
    result = once(factory.root, tmp_path / "www", tmp_path / "clock", lang="th")
    assert (result.returncode, result.stdout) == (
        0,
        f"28 พ.ย. 2569 เวลา 17.00 น.: เว็บไซต์รุ่น 20261128T100000Z ขึ้นแล้ว; ขึ้นใหม่: {CLOSING_TITLE} ({CLOSING}); "
        "นำลง: ไม่มี; เปลี่ยนครั้งถัดไป: 28 พ.ย. 2569 เวลา 17.02 น.\n",
    )


def test_watch_takes_the_print_screen_of_a_post_that_went_up(factory: SiteFactory, tmp_path: Path) -> None:
    """With --capture (the default), the deploy is followed by `gate capture` on the new release:
    the post that went up has its print screen and record under evidence/, at the watcher's instant."""
    require_tool("chromium")
    scheduled_site(factory)
    set_clock(tmp_path / "clock", T0)
    result = once(factory.root, tmp_path / "www", tmp_path / "clock", "--capture")
    assert result.returncode == 0, result.stderr
    assert "gate capture" not in result.stderr  # no capture warning
    records = list((factory.root / "evidence").rglob("*.json"))
    assert [record.parent.name for record in records] == ["closing"]
    captured = json.loads(records[0].read_text(encoding="utf-8"))
    assert captured["title"] == CLOSING_TITLE or CLOSING_TITLE in captured["heading"]
    assert captured["captured_at"].startswith("2026-11-28T10:00")
    assert records[0].with_suffix(".png").stat().st_size > 10_000


FAILING_HOOK = "def on_post_build(config):\n    raise RuntimeError('the disk is full')\n"


@pytest.mark.slow
def test_a_failed_build_keeps_the_last_good_site(factory: SiteFactory, tmp_path: Path) -> None:
    """The failure is reported with mkdocs' own words; `current` and the repository are untouched."""
    scheduled_site(factory)
    web_root, clock = tmp_path / "www", tmp_path / "clock"
    set_clock(clock, T0)
    assert once(factory.root, web_root, clock).returncode == 0
    (factory.root / "boom.py").write_text(FAILING_HOOK, encoding="utf-8")
    with (factory.root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("hooks: [boom.py]\n")
    set_clock(clock, T0 + dt.timedelta(minutes=3))  # the closing post is due to come down
    failed = once(factory.root, web_root, clock)
    assert (1, "") == (failed.returncode, failed.stdout)
    assert (
        "28 Nov 2026 17:03: the build failed; the site stays at release 20261128T100000Z; retrying in 10 s\n"
        in failed.stderr
    )
    assert "mkdocs build exited with 1: " in failed.stderr and "the disk is full" in failed.stderr
    assert served_release(web_root) == "20261128T100000Z"
    assert {"20261128T100000Z", "20261128T100000Z.json"} == {p.name for p in (web_root / "releases").iterdir()}
    assert (factory.root / "content" / CLOSING).is_file()  # no take-down after a failed build


@pytest.mark.slow
def test_retries_back_off_and_recover(factory: SiteFactory, tmp_path: Path) -> None:
    """In the loop: each failure doubles the wait (up to --max-retry); the fix is deployed at the next try."""
    scheduled_site(factory)
    web_root, clock = tmp_path / "www", tmp_path / "clock"
    set_clock(clock, T0)
    (factory.root / "boom.py").write_text(FAILING_HOOK, encoding="utf-8")
    with (factory.root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("hooks: [boom.py]\n")
    log = tmp_path / "watch.log"
    with watching(factory.root, web_root, clock, log, "--retry", "0.2", "--max-retry", "0.4") as watch:
        deadline = time.monotonic() + 120
        while watch.text().count("the build failed") < 3:
            assert time.monotonic() < deadline, watch.text()
            time.sleep(0.05)
        assert releases.current_release(web_root) is None
        (factory.root / "boom.py").write_text("", encoding="utf-8")  # fixed
        assert "release 20261128T100000Z is live" in watch.wait_for_builds(1)[0]
    delays = [line.rsplit("retrying in ", 1)[1] for line in watch.text().splitlines() if "retrying in" in line]
    assert delays[:3] == ["0.2 s", "0.4 s", "0.4 s"]


def test_the_clock_file_must_hold_an_instant_with_an_offset(tmp_path: Path) -> None:
    clock = tmp_path / "clock"
    clock.write_text("2026-11-28T10:00:00+07:00\n", encoding="utf-8")
    assert read_clock({"GATE_CLOCK_FILE": str(clock)}) == dt.datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
    clock.write_text("2026-11-28 10:00", encoding="utf-8")
    with pytest.raises(WatchError) as caught:
        read_clock({"GATE_CLOCK_FILE": str(clock)})
    assert caught.value.code == "watch_clock_bad" and "has no UTC offset" in str(caught.value.params["detail"])
    now = read_clock({})
    assert abs((now - dt.datetime.now(UTC)).total_seconds()) < 5 and now.microsecond == 0


def test_a_bad_clock_file_builds_nothing(factory: SiteFactory, tmp_path: Path) -> None:
    scheduled_site(factory)
    clock = tmp_path / "clock"
    clock.write_text("tomorrow", encoding="utf-8")
    result = once(factory.root, tmp_path / "www", clock)
    assert (1, "") == (result.returncode, result.stdout)
    assert f"GATE_CLOCK_FILE {clock} does not hold an ISO 8601 instant with an offset" in result.stderr
    assert not (tmp_path / "www" / "current").exists()


def test_a_clock_jump_back_rebuilds_at_the_new_time(factory: SiteFactory, tmp_path: Path) -> None:
    """A post that opened at 17:02 is off the site again when the clock goes back to 17:01."""
    scheduled_site(factory)
    web_root, clock = tmp_path / "www", tmp_path / "clock"
    set_clock(clock, T0 + dt.timedelta(minutes=2))
    assert "release 20261128T100200Z is live" in once(factory.root, web_root, clock).stdout
    set_clock(clock, T0 + dt.timedelta(minutes=1))
    back = once(factory.root, web_root, clock)
    assert back.returncode == 0, back.stderr
    assert (
        "28 Nov 2026 17:01: release 20261128T100100Z is live; went up: none; "
        f"came down: {OPENING_TITLE} ({OPENING}); next change: 28 Nov 2026 17:02\n"
    ) in back.stdout
    assert "the clock went back before the last build (2026-11-28T10:02:00Z)" in back.stderr
    assert not (web_root / "current" / "news" / "opening").exists()


@pytest.mark.slow
def test_nginx_is_reloaded_only_after_its_test_passes(factory: SiteFactory, tmp_path: Path) -> None:
    """A rejected configuration is put back and nginx is not reloaded; the site still switches."""
    scheduled_site(factory)
    web_root, clock, snippet, reloads = tmp_path / "www", tmp_path / "clock", tmp_path / "gone.conf", tmp_path / "log"
    reload = f"sh -c 'echo reload >> {reloads}'"
    set_clock(clock, T0)
    first = once(factory.root, web_root, clock, "--nginx-snippet", str(snippet), "--nginx-test", "true",
                 "--nginx-reload", reload)  # fmt: skip
    assert f"nginx: {snippet} now answers 0 taken-down URL(s) with 410 Gone; checked and reloaded" in first.stdout
    before = snippet.read_text(encoding="utf-8")
    assert reloads.read_text(encoding="utf-8") == "reload\n"
    unchanged = once(factory.root, web_root, clock, "--nginx-snippet", str(snippet), "--nginx-reload", reload)
    assert (unchanged.returncode, unchanged.stdout) == (0, "")  # nothing due: no build, no reload
    set_clock(clock, T0 + dt.timedelta(minutes=3))
    rejected = once(factory.root, web_root, clock, "--nginx-snippet", str(snippet), "--nginx-test", "false",
                    "--nginx-reload", reload)  # fmt: skip
    assert rejected.returncode == 0 and "release 20261128T100300Z is live" in rejected.stdout
    assert f"the nginx test rejected the new {snippet} (exit 1); the previous one is back" in rejected.stderr
    assert snippet.read_text(encoding="utf-8") == before and reloads.read_text(encoding="utf-8") == "reload\n"
    assert served_release(web_root) == "20261128T100300Z"
    # The next build (the take-down moved a post: an edit) tries again, and this time the test passes.
    accepted = once(factory.root, web_root, clock, "--nginx-snippet", str(snippet), "--nginx-test", "true",
                    "--nginx-reload", reload)  # fmt: skip
    assert "now answers 1 taken-down URL(s) with 410 Gone; checked and reloaded" in accepted.stdout
    assert f'location = "{CLOSING_URL}"' in snippet.read_text(encoding="utf-8")
    assert reloads.read_text(encoding="utf-8") == "reload\nreload\n"
