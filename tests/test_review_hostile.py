"""The review desk in Chromium against hostile post bodies: the sign-off recorded names
exactly the post and the verdict on the screen, or the post is shown invalid and unsignable.

The desk runs in this process (so one test can also switch the sanitiser off, to prove the
second guard: the post comes from the URL and a duplicated field is refused), driven over
the DevTools protocol by tests/browser.py.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from approval_gate.core.post import load_post
from approval_gate.desk import Desk, DeskServer
from approval_gate.services import binding, sanitize
from browser import BrowserError, Chromium
from conftest import EXAMPLE_NOW
from test_review import PASSPHRASE, REVIEW, ReviewSite, post_text, review_site  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.needs("chromium")]

# Bodies that attack the desk itself (the hostile corpus's form, refresh and CSS classes).
SMUGGLE = (
    "ข้อความปกติ\n\n"
    '<input type="hidden" form="sign-form" name="place" value="pending">\n'
    f'<input type="hidden" form="sign-form" name="path" value="{REVIEW}/director-step.md">\n'
    '<input type="hidden" form="sign-form" name="verdict" value="approve">\n'
)
HOSTILE = {
    "smuggle.md": ("แอบส่งช่องในแบบฟอร์ม", SMUGGLE),
    "refresh.md": ("เปลี่ยนหน้าเอง", 'อ่านต่อ\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/login">'),
    "hidden.md": ("ข้อความซ่อน", 'Do <span style="display:none">NOT </span>drink bleach'),
}


@dataclass
class Open:
    site: ReviewSite
    server: DeskServer
    browser: Chromium

    def go(self, path: str) -> None:
        self.browser.goto(f"http://127.0.0.1:{self.server.port}{path}")

    def js(self, expression: str) -> object:
        return self.browser.evaluate(expression)

    def click(self, css: str) -> None:
        """Click a submit button and wait until the answer to the form has loaded."""
        self.js(f"window.__left = false; document.querySelector({css!r}).click()")

        def arrived() -> bool:
            try:
                return bool(self.js("window.__left === undefined && document.readyState === 'complete'"))
            except BrowserError:  # the old page is going away
                return False

        self.browser.wait_for(arrived, what=f"the answer to {css}")

    def sign_offs(self, name: str) -> list[tuple[str, str, str, str]]:
        post = load_post(self.site.file(name).read_bytes(), f"{REVIEW}/{name}", self.site.gate.rules)
        return [(entry.role, entry.signer, entry.decision, entry.digest) for entry in post.signoffs]


@pytest.fixture
def desk(review_site: ReviewSite, tmp_path: Path) -> Iterator[Open]:  # noqa: F811
    for name, (title, body) in HOSTILE.items():
        review_site.file(name).write_text(post_text(title, body), encoding="utf-8")
    desk = Desk(
        gate=review_site.desk("somchai").gate, person="somchai", lang="th",
        key_file=review_site.key_dir / "somchai", clock=lambda: EXAMPLE_NOW,
    )  # fmt: skip
    server = DeskServer(desk)
    thread = threading.Thread(target=server.serve_until_done, kwargs={"poll": 0.1}, daemon=True)
    thread.start()
    try:
        with Chromium(tmp_path) as browser:
            browser.goto(server.url)  # the token becomes a cookie
            yield Open(review_site, server, browser)
    finally:
        server.stop_soon()
        thread.join(10)


def test_hostile_bodies_are_shown_invalid_and_cannot_be_signed(desk: Open) -> None:
    """Each hostile post: shown as invalid, its body without any control, refresh or style, no sign form;
    the desk does not navigate away; the hidden words are on the screen."""
    for name in HOSTILE:
        desk.go(f"/post/pending/{REVIEW}/{name}")
        desk.browser.pump(0.5)  # time for a refresh to fire, if one could
        assert desk.js("location.pathname") == f"/post/pending/{REVIEW}/{name}"
        assert desk.js("document.querySelector('#post-state').innerText") == "ไม่ถูกต้อง"
        assert desk.js("!!document.querySelector('#invalid-post') && !document.querySelector('#sign-form')")
        found = desk.js(
            "document.querySelectorAll('#post-body :is(form, input, button, select, textarea, meta, base, "
            "link, style, script, iframe, [style], [form], [formaction])').length"
        )
        assert found == 0, name
        assert desk.js("document.querySelectorAll('input[form], button[form], meta[http-equiv]').length") == 0
    desk.go(f"/post/pending/{REVIEW}/hidden.md")
    assert "Do NOT drink bleach" in str(desk.js("document.querySelector('#post-body').innerText"))
    for name in HOSTILE:
        assert desk.sign_offs(name) == []


def test_refuse_on_screen_is_the_refusal_recorded(desk: Open) -> None:
    """The chair refuses the post on the screen: exactly that post gets exactly that refusal, on the digest shown."""
    others = {name: desk.site.file(name).read_bytes() for name in ("director-step.md", "revised-notice.md")}
    desk.go(f"/post/pending/{REVIEW}/new-clinic.md")
    shown_digest = desk.js("document.querySelector('#digest').innerText")
    desk.js(
        f"document.querySelector('#reason').value = 'ขอให้ระบุสถานที่'; "
        f"document.querySelector('#passphrase').value = {PASSPHRASE!r}"
    )
    desk.click("#reject")
    assert "ท่านไม่อนุมัติ" in str(desk.js("document.querySelector('#outcome').innerText"))
    assert desk.sign_offs("new-clinic.md") == [("chair", "somchai", "reject", shown_digest)]
    assert {name: desk.site.file(name).read_bytes() for name in others} == others


def test_with_the_sanitiser_bypassed_smuggled_fields_sign_nothing(desk: Open, monkeypatch: pytest.MonkeyPatch) -> None:
    """Second guard: were form controls to reach the page, the form arrives with duplicated
    fields and the desk refuses it (400): the chair's Refuse never becomes another post's approval."""
    real = sanitize.check

    def let_through(html: str, policy: sanitize.Policy = sanitize.STRICT) -> sanitize.Checked:
        return sanitize.Checked(html=html, findings=(), urls=real(html, policy).urls)

    monkeypatch.setattr(sanitize, "check", let_through)
    monkeypatch.setattr(binding, "check", let_through)
    before = {name: desk.site.file(name).read_bytes() for name in ("smuggle.md", "director-step.md")}
    desk.go(f"/post/pending/{REVIEW}/smuggle.md")
    assert desk.js("document.querySelectorAll('input[form=\"sign-form\"]').length") == 3  # on the page
    assert desk.js("!!document.querySelector('#sign-form')")
    desk.js(
        f"document.querySelector('#reason').value = 'ไม่อนุมัติ'; "
        f"document.querySelector('#passphrase').value = {PASSPHRASE!r}"
    )
    desk.click("#reject")
    assert desk.js("document.querySelector('h1').innerText") == "คำขอไม่ถูกต้อง"
    assert {name: desk.site.file(name).read_bytes() for name in before} == before
