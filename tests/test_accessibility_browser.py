"""axe-core (WCAG 2.1 A/AA) on the pages the public never sees but staff work in: the
`mkdocs serve` preview (the queue, a pending post, a draft in content/) and the review desk
(the queue, a post, a refusal without a reason, the outcome, the closed desk).

The public page types are checked in test_site_browser.py with the same rules and the same
bar: no violation of impact serious or critical.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import Chromium
from test_preview import serve as mkdocs_serve
from test_review import PASSPHRASE, REVIEW, ReviewSite, review_site, start  # noqa: F401 - fixture
from test_site_browser import AXE, RUN_AXE, url

pytestmark = [pytest.mark.browser, pytest.mark.needs("chromium")]

SHOWN = "document.querySelector('.approval-gate-banner, .approval-gate-queue') !== null"
PREVIEW_PAGES = {
    "queue": "_pending/",
    "pending post (refused)": "_pending/news/posts/สมุนไพรรักษาโรคเบาหวานให้หายขาด/",
    "pending post (invalid)": "_pending/news/posts/rabies-vaccine-campaign/",
    "draft in content (scheduled)": "news/posts/world-diabetes-day-2580/",
}


def axe(browser: Chromium) -> list[str]:
    """The serious and critical WCAG 2.1 A/AA violations of the page now open."""
    browser.evaluate(AXE.read_text(encoding="utf-8") + ";0")
    violations: list[str] = browser.evaluate(RUN_AXE)
    return violations


@pytest.mark.slow
def test_preview_pages_are_accessible(example_site: Path, tmp_path: Path) -> None:
    """The preview's queue, banners and drafts: no serious or critical axe violation."""
    found: dict[str, list[str]] = {}
    for base in mkdocs_serve(example_site):
        with Chromium(tmp_path) as browser:
            browser.send("Page.setBypassCSP", {"enabled": True})  # the preview's CSP would refuse axe itself
            for name, path in PREVIEW_PAGES.items():
                browser.goto(url(base.rstrip("/"), path))
                assert browser.evaluate(SHOWN), name
                found[name] = axe(browser)
    assert {name: [] for name in PREVIEW_PAGES} == found


@pytest.fixture
def desk(review_site: ReviewSite) -> Iterator[str]:  # noqa: F811
    """The chair's review desk, running; its one-time link."""
    server, thread = start(review_site.desk("somchai"))
    try:
        yield server.url
    finally:
        if thread.is_alive():
            server.stop_soon()
        thread.join(10)


def submit(browser: Chromium, button: str, fields: dict[str, str]) -> None:
    """Fill the desk's form fields and press `button`, then wait for the next page."""
    script = "".join(f"document.querySelector({name!r}).value = {value!r};" for name, value in fields.items())
    browser.evaluate_and_wait_for_load(script + f"document.querySelector({button!r}).click(); 0")


def test_review_desk_pages_are_accessible(desk: str, tmp_path: Path) -> None:
    """Every page of the desk a chair meets: no serious or critical axe violation."""
    found: dict[str, list[str]] = {}
    with Chromium(tmp_path) as browser:
        browser.goto(desk)
        assert "โพสต์ที่รอท่านพิจารณา" == browser.evaluate("document.querySelector('h1').textContent.trim()")
        found["queue"] = axe(browser)
        post = desk.split("/t/")[0] + f"/post/pending/{REVIEW}/revised-notice.md"
        browser.goto(post)
        assert browser.evaluate("document.querySelector('#diff') !== null")
        found["post"] = axe(browser)
        submit(browser, "#reject", {"#passphrase": PASSPHRASE})
        assert "กรุณาระบุเหตุผลที่ไม่อนุมัติ" in browser.evaluate("document.querySelector('#outcome').textContent")
        found["notice"] = axe(browser)
        browser.goto(post)
        submit(browser, "#approve", {"#passphrase": PASSPHRASE})
        assert browser.evaluate("document.querySelector('#new-state') !== null")
        found["outcome"] = axe(browser)
        submit(browser, "#close-desk", {})
        assert "ปิดโต๊ะพิจารณาแล้ว" == browser.evaluate("document.querySelector('h1').textContent.trim()")
        found["closed"] = axe(browser)
    assert {name: [] for name in ("queue", "post", "notice", "outcome", "closed")} == found
