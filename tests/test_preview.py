"""The `mkdocs serve` preview: banners and the queue page, in serve only, never in CI or a build."""

from __future__ import annotations

import ast
import base64
import datetime as dt
import hashlib
import inspect
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from mkdocs.utils.meta import get_data

from approval_gate.cli import status
from approval_gate.core.decision import EXPIRED, INVALID, LIVE, REJECTED, SCHEDULED, Decision
from approval_gate.core.messages import Reason
from approval_gate.core.post import Post, Rules, load_post
from approval_gate.services.binding import MarkdownSetup, Renderer, bind
from approval_gate.services.chromium import HEADLESS_FLAGS
from approval_gate.services.sanitize import _tokens
from approval_gate.site import preview, theme
from conftest import EXAMPLE_NOW, epoch, keep_for_docs, require_tool, run_mkdocs

BANGKOK = ZoneInfo("Asia/Bangkok")

POST = """\
---
title: ประกาศทดสอบ
agency: สำนักงานสาธารณสุขจังหวัดปทุมธานี
requester:
  name: นางสาวสมหญิง ใจดี
  date: 2569-11-10
publish_from: 2569-12-01
publish_until: 2570-01-31
---

# ประกาศทดสอบ

เนื้อหาประกาศ
"""


def a_post(text: str = POST, path: str = "news/posts/test.md") -> Post:
    return load_post(text.encode("utf-8"), path, Rules())


def item(
    post: Post, state: str, *reasons: Reason, place: str = preview.PENDING, waiting: str | None = None
) -> preview.Item:
    return preview.Item(post, Decision(state, reasons, waiting), place, preview.preview_uri(post.path))


# --- the pure part -------------------------------------------------------------------


def test_banner_shows_state_waiting_and_reasons_in_thai() -> None:
    """An awaiting post's banner names its Thai state, who it waits for, its period and its reasons."""
    shown = item(a_post(), "awaiting_chair", Reason("awaiting", None, {"role": "chair"}), waiting="chair")
    banner = preview.banner_html(shown, "th", BANGKOK, "../../../")
    assert 'data-state="awaiting_chair"' in banner
    assert "ตัวอย่างก่อนเผยแพร่" in banner
    assert "สถานะ: <strong>รอประธานศูนย์ข้อมูลข่าวสารตรวจสอบ</strong>" in banner
    assert "<p>รอ: ประธานศูนย์ข้อมูลข่าวสาร</p>" in banner
    assert "<li>รอการลงนามของประธานศูนย์ข้อมูลข่าวสาร</li>" in banner
    assert "ช่วงเผยแพร่: 1 ธ.ค. 2569 ถึง 31 ม.ค. 2570" in banner
    assert "<code>pending/news/posts/test.md</code>" in banner
    assert '<a href="../../../">ดูคิวโพสต์ที่รอเผยแพร่ทั้งหมด</a>' in banner


def test_banner_and_queue_follow_the_sites_digit_style() -> None:
    """With `thai_digits`, the dates the preview writes are in Thai digits; the post's own text is not touched."""
    post = a_post(POST.replace("title: ประกาศทดสอบ", "title: ประกาศทดสอบ 2569"))
    shown = item(post, SCHEDULED, Reason("not_yet_open"), place=preview.CONTENT)
    banner = preview.banner_html(shown, "th", BANGKOK, "../", thai_digits=True)
    assert "ช่วงเผยแพร่: ๑ ธ.ค. ๒๕๖๙ ถึง ๓๑ ม.ค. ๒๕๗๐" in banner
    assert "นางสาวสมหญิง ใจดี (๑๐ พ.ย. ๒๕๖๙)" in banner
    assert "ประกาศทดสอบ 2569" in banner
    queue = preview.dashboard_markdown([(shown, "x/")], "th", BANGKOK, EXAMPLE_NOW, thai_digits=True)
    assert "๒๕ พ.ย. ๒๕๖๙ เวลา ๑๗.๐๐ น." in queue
    assert "ประกาศทดสอบ 2569" in queue


def test_banner_follows_the_site_language() -> None:
    """With an English site the same banner reads in English."""
    shown = item(a_post(), "awaiting_director", Reason("awaiting", None, {"role": "director"}), waiting="director")
    banner = preview.banner_html(shown, "en", BANGKOK, "../")
    assert "State: <strong>awaiting the director</strong>" in banner
    assert "Publication period: 1 Dec 2026 to 31 Jan 2027" in banner
    assert "ตัวอย่าง" not in banner


def test_banner_escapes_every_value() -> None:
    """Titles, names and refusal reasons from a post never reach the page as HTML."""
    hostile = POST.replace("title: ประกาศทดสอบ", 'title: "<script>alert(1)</script>"').replace(
        "name: นางสาวสมหญิง ใจดี", "name: '<b>x</b>'"
    )
    post = a_post(hostile)
    signer = '"><img src=x onerror=alert(2)>'
    refusal = Reason("refused", None, {"role": "chair", "signer": signer, "reason": "<i>no</i>"})
    shown = item(post, REJECTED, refusal)
    banner = preview.banner_html(shown, "th", BANGKOK, '"><script>')
    assert "<script>" not in banner and "<img" not in banner and "<i>" not in banner and "<b>" not in banner
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in banner
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in banner
    assert 'href="&quot;&gt;&lt;script&gt;"' in banner


def test_banner_marks_only_escaped_keys_as_code() -> None:
    """A reason's `key` mark becomes <code>, and a key holding HTML is escaped inside it."""
    reason = Reason("bidi_control", 'x<b onclick="y">', {"line": "3"})
    banner = preview.banner_html(item(a_post(), INVALID, reason), "en", BANGKOK, "../")
    assert "<li><code>x&lt;b onclick=&quot;y&quot;&gt;</code> (line 3) contains" in banner
    assert "<b " not in banner and 'onclick="' not in banner


def test_draft_marker_in_the_sites_language() -> None:
    """MkDocs' English DRAFT mark on a previewed page reads in the site's language; a page
    without it is returned as it was."""
    page = f"<main>{theme.DRAFT_MARKER}<h1>x</h1></main>"
    plain = "<main><h1>x</h1></main>"
    assert theme.draft_marker(plain, "th") == plain
    assert theme.draft_marker(page, "th") == (
        '<main><div class="mkdocs-draft-marker" title="หน้านี้จะไม่ถูกเผยแพร่บนเว็บไซต์จริง">ฉบับร่าง</div><h1>x</h1></main>'
    )
    english = theme.draft_marker(page, "en")
    assert '<div class="mkdocs-draft-marker" title="This page will not be included in the built site.">DRAFT</div>' in (
        english
    )


def test_csp_is_first_in_the_head_and_hashes_the_theme_scripts() -> None:
    """The policy opens the <head>, quoted as before, and allows exactly the page's inline
    scripts by the SHA-256 of their text."""
    scripts = ["var a = 1;", "__md_scope=new URL('.',location)"]
    page = "<!doctype html><html><head><title>t</title>" + "".join(f"<script>{code}</script>" for code in scripts)
    page += "</head><body></body></html>"
    shown = preview.with_csp(page)
    head = "<!doctype html><html><head>"
    assert shown.startswith(head + '<meta http-equiv="Content-Security-Policy" content="default-src &#x27;self&#x27;;')
    assert shown.endswith("<title>t</title>" + page.split("<title>t</title>", 1)[1])
    hashes = [
        "&#x27;sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "&#x27;"
        for code in scripts
    ]
    assert f"script-src &#x27;self&#x27; {' '.join(hashes)}; style-src" in shown
    assert preview.with_csp("<p>no head</p>").startswith('<meta http-equiv="Content-Security-Policy"')


def test_preview_html_comes_only_from_templates() -> None:
    """The banner, the queue, the draft mark, the policy and the job summary of `gate status`
    are written by templates (autoescaped); the modules hold no HTML of their own."""
    tag = re.compile(r"<(p|div|ul|li|a|code|pre|em|strong|table|tr|td|th|meta|br)[ >]")
    for module in (preview, theme, status):
        tree = ast.parse(inspect.getsource(module))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        found = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and tag.search(node.value)
        ]
        # theme.DRAFT_MARKER is the text MkDocs writes, looked for and replaced.
        assert found == ([theme.DRAFT_MARKER] if module is theme else []), module.__name__


def test_page_markdown_keeps_the_body_and_an_escaped_title() -> None:
    """A previewed page renders the post's body under its own (escaped) title, kept out of search."""
    post = a_post(POST.replace("title: ประกาศทดสอบ", 'title: "A & <B>"'))
    body, meta = get_data(preview.page_markdown(post, POST, "th"))
    assert meta == {"title": "A &amp; &lt;B&gt;", "search": {"exclude": True}}
    assert body.startswith("# ประกาศทดสอบ")


def test_page_markdown_never_renders_an_active_body() -> None:
    """A body the gate refused as active is shown as escaped text, never as HTML."""
    text = POST.replace("เนื้อหาประกาศ", '<script>alert("x")</script>')
    post = a_post(text)
    post = bind(post, Renderer(MarkdownSetup()).check(post), lambda path: None)
    body, _ = get_data(preview.page_markdown(post, text, "th"))
    assert "<script>" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert "แสดงเป็นข้อความธรรมดา" in body


def test_page_markdown_shows_an_unreadable_file_as_text() -> None:
    """A post without readable front matter is shown escaped as it is on disk."""
    raw = "title: <x>\nno front matter"
    body, meta = get_data(preview.page_markdown(a_post(raw), raw, "th"))
    assert meta["title"] == "(ไม่มีหัวข้อ)"
    assert "<pre>title: &lt;x&gt;\nno front matter</pre>" in body


@pytest.mark.parametrize(
    ("state", "place", "waiting", "expected"),
    [
        ("awaiting_chair", preview.PENDING, "chair", "ประธานศูนย์ข้อมูลข่าวสาร"),
        ("awaiting_director", preview.CONTENT, "director", "นายแพทย์สาธารณสุขจังหวัด"),
        (REJECTED, preview.PENDING, None, "นางสาวสมหญิง ใจดี แก้ไขโพสต์ตามเหตุผลแล้วส่งใหม่"),
        (INVALID, preview.PENDING, None, "ผู้ขอเผยแพร่หรือผู้ดูแลเว็บไซต์แก้ไขปัญหาตามรายการ"),
        (LIVE, preview.PENDING, None, "ผู้ดูแลเว็บไซต์นำขึ้นเผยแพร่ (gate publish)"),
        (SCHEDULED, preview.PENDING, None, "ผู้ดูแลเว็บไซต์นำขึ้นเผยแพร่ (gate publish)"),
        (SCHEDULED, preview.CONTENT, None, "ถึงวันเริ่มเผยแพร่ 1 ธ.ค. 2569"),
        (EXPIRED, preview.CONTENT, None, "ไม่มี: การสร้างเว็บไซต์ครั้งถัดไปจะนำลงจากเว็บไซต์"),
        (EXPIRED, preview.PENDING, None, "ไม่มี: สิ้นสุดช่วงเผยแพร่แล้ว"),
    ],
)
def test_waiting_for(state: str, place: str, waiting: str | None, expected: str) -> None:
    """Who or what each state waits for, by where the post is."""
    assert expected == preview.waiting_for(item(a_post(), state, place=place, waiting=waiting), "th", BANGKOK)


def test_dashboard_lists_the_queue_in_order_with_links() -> None:
    """People's work first (awaiting, refused, invalid), then what waits for time; every value escaped."""
    hostile = a_post(POST.replace("title: ประกาศทดสอบ", 'title: "<b>bold</b>"'), "news/posts/z.md")
    rows = [
        (item(a_post(path="news/posts/b.md"), SCHEDULED, Reason("not_yet_open"), place=preview.CONTENT), "../b/"),
        (item(hostile, REJECTED, Reason("refused", None, {"role": "chair", "signer": "s", "reason": "<r>"})), "z/"),
        (item(a_post(path="news/posts/a.md"), "awaiting_chair", waiting="chair"), "a/"),
    ]
    page = preview.dashboard_markdown(rows, "th", BANGKOK, EXAMPLE_NOW)
    body, meta = get_data(page)
    assert meta["title"] == "คิวโพสต์ที่รอเผยแพร่"
    assert "ข้อมูล ณ 25 พ.ย. 2569 เวลา 17.00 น." in body
    order = [body.index(f'data-path="news/posts/{name}.md"') for name in ("a", "z", "b")]
    assert order == sorted(order)
    assert '<a href="a/">ประกาศทดสอบ</a><code class="approval-gate-path">pending/news/posts/a.md</code></td>' in body
    assert "<td>รอประธานศูนย์ข้อมูลข่าวสารตรวจสอบ</td><td>ประธานศูนย์ข้อมูลข่าวสาร</td>" in body
    assert '<code class="approval-gate-path">content/news/posts/b.md</code>' in body
    assert "<b>" not in body and "<r>" not in body
    assert "&lt;b&gt;bold&lt;/b&gt;" in body and "&lt;r&gt;" in body


def test_dashboard_with_an_empty_queue() -> None:
    """An empty queue says so instead of showing an empty table."""
    body, _ = get_data(preview.dashboard_markdown([], "th", BANGKOK, EXAMPLE_NOW))
    assert "ไม่มีโพสต์ที่รอเผยแพร่" in body and "<table" not in body


def test_preview_uri_never_takes_the_dashboard() -> None:
    """Pending posts are served under _pending/; a post named index.md does not replace the queue."""
    assert preview.preview_uri("news/posts/a.md") == "_pending/news/posts/a.md"
    assert preview.preview_uri("index.md") != preview.DASHBOARD_URI


# --- a real `mkdocs serve` ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    """GET `url` as a browser would: Thai paths percent-encoded."""
    url = urllib.parse.quote(url, safe=":/?&=#%")
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def mkdocs_command() -> list[str]:
    script = Path(sys.executable).parent / "mkdocs"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mkdocs"]


def stop(process: subprocess.Popen[bytes]) -> None:
    """End the process group this test started (mkdocs and anything it spawned)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)


def serve(site: Path, *, ci: bool = False) -> Iterator[str]:
    """`mkdocs serve` on a free port with the example's clock; yields its base URL."""
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch(EXAMPLE_NOW), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CI", None)
    if ci:
        env["CI"] = "1"
    log = (site / "serve.log").open("wb")
    process = subprocess.Popen(
        [*mkdocs_command(), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail("mkdocs serve exited:\n" + (site / "serve.log").read_text(errors="replace"))
            try:
                if fetch(base)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("mkdocs serve did not answer:\n" + (site / "serve.log").read_text(errors="replace"))
            time.sleep(0.3)
        yield base
    finally:
        stop(process)
        log.close()


@pytest.fixture
def served(example_site: Path) -> Iterator[str]:
    yield from serve(example_site)


@pytest.fixture
def served_in_ci(example_site: Path) -> Iterator[str]:
    yield from serve(example_site, ci=True)


PENDING_STATES = {
    "blood-donation-drive": "awaiting_director",
    "clinic-hours-change": "awaiting_chair",
    "สมุนไพรรักษาโรคเบาหวานให้หายขาด": "rejected",
    "คำแนะนำการดูแลสุขภาพช่วงฝุ่น-pm25-สูง": "awaiting_chair",
    "rabies-vaccine-campaign": "invalid",
}
CONTENT_DRAFTS = {
    "world-diabetes-day-2580": "scheduled",
    "บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙": "expired",
}


@pytest.mark.slow
def test_serve_shows_the_queue_and_pending_posts(served: str) -> None:
    """/_pending/ lists every unpublished post; each preview carries its Thai banner."""
    status, queue = fetch(served + "_pending/")
    assert status == 200
    assert "คิวโพสต์ที่รอเผยแพร่" in queue
    for name, state in PENDING_STATES.items():
        href = urllib.parse.quote(name)
        assert f'<tr data-state="{state}" data-path="news/posts/{name}.md"><td><a href="news/posts/{href}/">' in queue
    for name, state in CONTENT_DRAFTS.items():
        href = urllib.parse.quote(name)
        row = f'<tr data-state="{state}" data-path="news/posts/{name}.md"><td><a href="../news/posts/{href}/">'
        assert row in queue
    assert "<td>ไม่อนุมัติ</td><td>นางสาวสมหญิง ใจดี แก้ไขโพสต์ตามเหตุผลแล้วส่งใหม่</td>" in queue
    assert "flu-vaccine-2569" not in queue  # live posts are not in the queue

    status, page = fetch(served + "_pending/news/posts/สมุนไพรรักษาโรคเบาหวานให้หายขาด/")
    assert status == 200
    assert 'class="approval-gate-banner approval-gate-rejected"' in page
    assert "สถานะ: <strong>ไม่อนุมัติ</strong>" in page
    assert "ข้อความอ้างสรรพคุณเกินจริง" in page
    assert "สมุนไพรชนิดนี้รักษาโรคเบาหวานได้หายขาดภายใน 7 วัน" in page
    assert "approval-gate-preview.css" in page

    status, page = fetch(served + "_pending/news/posts/rabies-vaccine-campaign/")
    assert status == 200 and "<code>signoffs[1]</code> ไม่มีลายมือชื่อดิจิทัล" in page


@pytest.mark.slow
def test_serve_shows_content_drafts_and_leaves_live_pages_alone(served: str) -> None:
    """Non-live posts in content are drafts with a banner, outside the blog; live posts have no banner."""
    status, page = fetch(served + "news/posts/world-diabetes-day-2580/")
    assert status == 200
    assert "สถานะ: <strong>รอถึงวันเผยแพร่</strong>" in page
    assert "โพสต์นี้อยู่ในโฟลเดอร์ content แต่ไม่ถูกเผยแพร่" in page
    status, page = fetch(served + "news/posts/บริการฉีดวัคซีนโควิด-19-เข็มกระตุ้นสำหรับกลุ่มเสี่ยงและผู้สูงอายุ-ตลอดเดือนตุลาคม-๒๕๖๙/")
    assert status == 200 and "สถานะ: <strong>สิ้นสุดการเผยแพร่</strong>" in page
    status, live = fetch(served + "news/flu-vaccine-2569/")
    assert status == 200 and "approval-gate-banner" not in live
    status, blog = fetch(served + "news/")
    assert status == 200 and "world-diabetes-day-2580" not in blog and "สมุนไพรรักษาโรคเบาหวานให้หายขาด" not in blog
    status, index = fetch(served + "search/search_index.json")
    assert status == 200 and "_pending" not in index and "world-diabetes-day-2580" not in index


@pytest.mark.slow
def test_serve_rebuilds_when_a_pending_post_changes(served: str, example_site: Path) -> None:
    """pending/ is watched: a new post there shows up in the queue without restarting."""
    source = example_site / "pending" / "news" / "posts" / "คำแนะนำการดูแลสุขภาพช่วงฝุ่น-pm25-สูง.md"
    text = source.read_text(encoding="utf-8").replace("PM2.5", "PM10", 1)
    (source.parent / "new-dust-advice.md").write_text(text, encoding="utf-8")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if 'data-path="news/posts/new-dust-advice.md"' in fetch(served + "_pending/")[1]:
            break
        time.sleep(0.5)
    else:
        pytest.fail("the queue did not pick up a new pending post")


@pytest.mark.slow
def test_serve_in_ci_shows_nothing_pending(served_in_ci: str) -> None:
    """With CI set, serve behaves like build: no queue, no pending post, no draft."""
    for path in (
        "_pending/",
        "_pending/news/posts/สมุนไพรรักษาโรคเบาหวานให้หายขาด/",
        "news/posts/world-diabetes-day-2580/",
    ):
        assert fetch(served_in_ci + path)[0] == 404, path
    status, page = fetch(served_in_ci + "news/flu-vaccine-2569/")
    assert status == 200 and "approval-gate-banner" not in page and "approval-gate-preview.css" not in page


@pytest.mark.slow
def test_build_never_produces_the_preview(example_site: Path) -> None:
    """`mkdocs build` with `preview: true` writes no _pending page, banner or preview style."""
    result = run_mkdocs(example_site, "build", "--strict")
    assert result.returncode == 0, result.stderr
    out = example_site / "site"
    assert not (out / "_pending").exists()
    assert not (out / "news" / "posts" / "world-diabetes-day-2580").exists()
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "approval-gate-banner" not in text and "approval-gate-preview.css" not in text, path


# --- a real browser -------------------------------------------------------------------


def chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium once; its process group is ended whatever happens."""
    binary = require_tool("chromium")
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    process = subprocess.Popen(
        [
            binary,
            *HEADLESS_FLAGS,
            f"--user-data-dir={profile}",
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        out, _ = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
    return out.decode("utf-8", errors="replace")


@pytest.mark.browser
@pytest.mark.slow
def test_browser_shows_the_banner_and_the_queue(served: str, tmp_path: Path) -> None:
    """Chromium renders the Thai banner on a pending post and the queue's rows; screenshots for the README."""
    dom = chromium(tmp_path, "--dump-dom", served + "_pending/news/posts/blood-donation-drive/")
    assert "ตัวอย่างก่อนเผยแพร่: หน้านี้แสดงเฉพาะใน mkdocs serve" in dom
    assert "สถานะ: <strong>รอนายแพทย์สาธารณสุขจังหวัดอนุมัติ</strong>" in dom
    assert "ขอเชิญร่วมบริจาคโลหิต" in dom
    dom = chromium(tmp_path, "--dump-dom", served + "_pending/")
    for name in PENDING_STATES:
        assert f'data-path="news/posts/{name}.md"' in dom
    for name, url in (("preview", "_pending/news/posts/สมุนไพรรักษาโรคเบาหวานให้หายขาด/"), ("queue", "_pending/")):
        shot = tmp_path / f"{name}.png"
        chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", "--hide-scrollbars", served + url)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        keep_for_docs(shot, f"{name}.png" if name == "preview" else "preview-queue.png")
        assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


def test_dashboard_states_the_time_it_was_judged_at() -> None:
    """The queue says as of when it was judged (the caller's `now`, in the site's zone)."""
    later = EXAMPLE_NOW + dt.timedelta(days=1)
    first = preview.dashboard_markdown([], "en", BANGKOK, later)
    assert first == preview.dashboard_markdown([], "en", BANGKOK, later)
    assert "as of 26 Nov 2026 17:00." in first


@pytest.mark.slow
def test_preview_runs_nothing_nobody_approved(example_site: Path) -> None:
    """An unsigned pending post holding an SVG onload handler is shown sanitised, with a
    Content-Security-Policy, and the handler never reaches the served page."""
    hostile = example_site / "pending" / "news" / "posts" / "hostile-preview.md"
    text = (example_site / "pending" / "news" / "posts" / "clinic-hours-change.md").read_text(encoding="utf-8")
    head, _, _ = text.rpartition("\n---\n")
    hostile.write_text(head + "\n---\n\nข่าว tokpreview <svg/onload=alert(document.domain)>\n", encoding="utf-8")
    for base in serve(example_site):
        status, page = fetch(base + "_pending/news/posts/hostile-preview/")
        assert status == 200
        assert "tokpreview" in page
        handlers = [
            (tag, attrs)
            for kind, tag, attrs in _tokens(page).tokens
            if kind == "start" and any(name.startswith("on") or "alert(" in value for name, value in attrs)
        ]
        assert handlers == []
        assert "&lt;svg/onload=alert(document.domain)&gt;" in page  # shown as inert text
        assert '<meta http-equiv="Content-Security-Policy" content="default-src &#x27;self&#x27;' in page


def test_preview_is_off_unless_served_on_loopback(example_site: Path) -> None:
    """`dev_addr` on a public address: the preview is off, with a warning saying why."""
    config = example_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "dev_addr: 0.0.0.0:8000\n", encoding="utf-8")
    from approval_gate.core.loopback import is_loopback

    assert [True, True, True, False, False] == [
        is_loopback(host) for host in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "192.168.1.5")
    ]


@pytest.mark.slow
@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_serve_clean_never_takes_posts_down(example_site: Path, tool: str) -> None:
    """`serve --clean` reports the command 'build' to plugins; it must still not move the
    example's expired post (serve is told apart by its command module, not the call stack)."""
    require_tool("properdocs") if tool == "properdocs" else None
    expired = next((example_site / "content" / "news" / "posts").glob("บริการฉีดวัคซีนโควิด*.md"))
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch(EXAMPLE_NOW), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CI", None)
    command = [str(Path(sys.executable).parent / tool), "serve", "--clean", "-a", f"127.0.0.1:{port}"]
    with (example_site / "serve.log").open("wb") as log:
        process = subprocess.Popen(
            command, cwd=example_site, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 90
            while process.poll() is None and time.monotonic() < deadline:
                try:
                    if fetch(f"http://127.0.0.1:{port}/")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.3)
            else:
                pytest.fail(
                    f"{tool} serve did not answer:\n" + (example_site / "serve.log").read_text(errors="replace")
                )
        finally:
            stop(process)
    assert expired.is_file()
    assert not (example_site / "pending" / "expired" / "news" / "posts" / expired.name).exists()
