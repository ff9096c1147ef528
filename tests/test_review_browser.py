"""The review desk in a real browser: headless Chromium refuses one post and approves another.

Driven through chromedriver with plain WebDriver calls (no client library). Screenshots
of the queue and of a post page are kept in tmp_path; with UPDATE_DOCS_IMAGES=1 they
also replace docs-images/review-queue.png and docs-images/review-post.png for the README.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import chromium_binary
from conftest import REPO
from test_review import PASSPHRASE, REVIEW, ReviewSite, check_states, review_site  # noqa: F401 - fixture

CHROMIUM = Path(chromium_binary() or "/usr/bin/chromium")
CHROMEDRIVER = Path(shutil.which("chromedriver") or "/usr/bin/chromedriver")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.needs("chromium", "chromedriver"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Browser:
    """The few WebDriver commands the test needs, over urllib."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.session = ""

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.base}{path}", data=data, method=method)
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{method} {path}: {error.read().decode()}") from None

    def start(self, profile: Path) -> None:
        args = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
            "--window-size=1280,900", "--lang=th-TH", "--hide-scrollbars",
        ]  # fmt: skip
        options = {"binary": str(CHROMIUM), "args": args}
        value = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}})
        self.session = value["sessionId"]

    def s(self, path: str) -> str:
        return f"/session/{self.session}{path}"

    def go(self, url: str) -> None:
        self.call("POST", self.s("/url"), {"url": url})

    def url(self) -> str:
        value: str = self.call("GET", self.s("/url"))
        return value

    def find(self, css: str) -> str:
        deadline = time.monotonic() + 10  # a click that submits a form returns before the next page is in
        while True:
            try:
                value = self.call("POST", self.s("/element"), {"using": "css selector", "value": css})
                break
            except AssertionError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"{css} not found in {self.source()[:3000]}") from None
                time.sleep(0.1)
        element: str = value[ELEMENT]
        return element

    def click(self, css: str) -> None:
        self.call("POST", self.s(f"/element/{self.find(css)}/click"), {})

    def type(self, css: str, text: str) -> None:
        self.call("POST", self.s(f"/element/{self.find(css)}/value"), {"text": text})

    def text(self, css: str) -> str:
        value: str = self.call("GET", self.s(f"/element/{self.find(css)}/text"))
        return value

    def expect(self, css: str, wanted: str, *, exact: bool = True) -> str:
        """The element's text once it shows `wanted`: a click may return before the next page is in."""
        deadline = time.monotonic() + 15
        while True:
            try:
                text = self.text(css)
            except AssertionError:
                text = ""
            if (text == wanted) if exact else (wanted in text):
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"{css}: {text!r} is not {wanted!r}")
            time.sleep(0.1)

    def source(self) -> str:
        value: str = self.call("GET", self.s("/source"))
        return value

    def screenshot(self, target: Path, *, full_page: bool = False) -> None:
        if full_page:
            height = self.call(
                "POST", self.s("/execute/sync"), {"script": "return document.body.scrollHeight", "args": []}
            )
            self.call("POST", self.s("/window/rect"), {"width": 1280, "height": int(height) + 140})
        target.write_bytes(base64.b64decode(self.call("GET", self.s("/screenshot"))))
        if full_page:
            self.call("POST", self.s("/window/rect"), {"width": 1280, "height": 900})

    def quit(self) -> None:
        if self.session:
            self.call("DELETE", self.s(""))


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    port = free_port()
    driver = subprocess.Popen(
        [str(CHROMEDRIVER), f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    client = Browser(port)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if client.call("GET", "/status").get("ready"):
                    break
            except (OSError, AssertionError):
                pass
            assert time.monotonic() < deadline, "chromedriver did not start"
            time.sleep(0.2)
        profile = tmp_path / "chromium-profile"
        profile.mkdir()
        client.start(profile)
        yield client
    finally:
        try:
            client.quit()
        finally:
            driver.terminate()
            driver.wait(20)


@pytest.fixture
def desk_process(review_site: ReviewSite) -> Iterator[tuple[subprocess.Popen[str], str]]:  # noqa: F811
    """`gate review --as somchai --no-browser` as the chair would start it, and its link."""
    gate = shutil.which("gate", path=str(Path(sys.executable).parent)) or "gate"
    process = subprocess.Popen(
        [gate, "-f", str(review_site.config), "review", "--as", "somchai", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ),
    )  # fmt: skip
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split(": ", 1)[1].strip()
        yield process, url
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=20)


def test_chair_refuses_one_post_and_approves_another(
    browser: Browser,
    desk_process: tuple[subprocess.Popen[str], str],
    review_site: ReviewSite,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The whole desk in Chromium, then `gate check` verifies both new sign-offs."""
    process, url = desk_process
    port = url.split(":")[2].split("/")[0]

    browser.go(url)
    assert browser.url() == f"http://127.0.0.1:{port}/"  # the token left the address bar
    browser.expect("h1", "โพสต์ที่รอท่านพิจารณา")
    queue = browser.text("#queue")
    for title in ("เปิดคลินิกเลิกบุหรี่แห่งใหม่", "ประกาศรับสมัครอาสาสมัครสาธารณสุข", "คำแนะนำการดูแลสุขภาพช่วงฝุ่น PM2.5 สูง"):
        assert title in queue
    assert "ขอเชิญร่วมวิ่งเพื่อสุขภาพ" not in queue  # waits for the director
    assert "ระบุวันปิดรับสมัครไม่ชัดเจน" in queue  # somchai's own earlier refusal
    queue_png = tmp_path / "review-queue.png"
    browser.screenshot(queue_png)

    # Approve the revised notice, after reading what changed since the refusal.
    browser.click(f'a[href="/post/pending/{REVIEW}/revised-notice.md"]')
    browser.expect("h1", "ประกาศรับสมัครอาสาสมัครสาธารณสุข")
    browser.expect("#window", "ตั้งแต่ 10 ธ.ค. 2569 ถึง 31 ม.ค. 2570", exact=False)
    browser.expect("#diff", "เวลา 16.30 น.", exact=False)
    post_png = tmp_path / "review-post.png"
    browser.screenshot(post_png, full_page=True)
    browser.type("#passphrase", PASSPHRASE)
    browser.click("#approve")
    browser.expect("#outcome", "ท่านอนุมัติ “ประกาศรับสมัครอาสาสมัครสาธารณสุข” ในฐานะประธานศูนย์ข้อมูลข่าวสารแล้ว")
    browser.expect("#new-state", "รอนายแพทย์สาธารณสุขจังหวัดอนุมัติ")

    # Refuse the new clinic: first without a reason (refused by the desk), then with one.
    browser.click("#back-to-queue")
    browser.click(f'a[href="/post/pending/{REVIEW}/new-clinic.md"]')
    browser.type("#passphrase", PASSPHRASE)
    browser.click("#reject")
    browser.expect("#outcome", "กรุณาระบุเหตุผลที่ไม่อนุมัติ", exact=False)
    browser.click("#back-to-post")
    browser.type("#reason", "ขอให้ระบุสถานที่ตั้งคลินิกและเบอร์โทรศัพท์ติดต่อ")
    browser.type("#passphrase", PASSPHRASE)
    browser.click("#reject")
    browser.expect("#outcome", "ท่านไม่อนุมัติ “เปิดคลินิกเลิกบุหรี่แห่งใหม่” ในฐานะประธานศูนย์ข้อมูลข่าวสารแล้ว")
    browser.expect("#new-state", "ไม่อนุมัติ")

    # Both posts have left the queue; closing the desk ends the command.
    browser.click("#back-to-queue")
    queue = browser.text("#queue")
    assert "เปิดคลินิกเลิกบุหรี่แห่งใหม่" not in queue and "ประกาศรับสมัครอาสาสมัครสาธารณสุข" not in queue
    browser.click("#close-desk")
    browser.expect("h1", "ปิดโต๊ะพิจารณาแล้ว")
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert PASSPHRASE not in out + err

    code, output = check_states(review_site, "revised-notice.md", "new-clinic.md")
    assert code == 0, output
    assert f"pending/{REVIEW}/revised-notice.md: awaiting_director" in output
    assert f"pending/{REVIEW}/new-clinic.md: rejected" in output
    assert "ขอให้ระบุสถานที่ตั้งคลินิกและเบอร์โทรศัพท์ติดต่อ" in output

    for png in (queue_png, post_png):
        assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 20_000
    if os.environ.get("UPDATE_DOCS_IMAGES") == "1":
        images = REPO / "docs-images"
        images.mkdir(exist_ok=True)
        shutil.copyfile(queue_png, images / "review-queue.png")
        shutil.copyfile(post_png, images / "review-post.png")
