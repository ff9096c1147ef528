"""Same words everywhere: for each post of a small corpus (harmless Thai with tricky markup, and
markup a hostile author would use to make the approvers read something else), the visible text
of the desk's post view and of the built public page agree in Chromium, and so do the title and
the keys `gate approve` prints, the desk lists and the site publishes."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from approval_gate.cli import main
from approval_gate.cli.common import load_gate
from approval_gate.desk import Desk, DeskServer
from browser import Chromium, serve
from conftest import epoch, run_mkdocs
from factory import UTC, SiteFactory

pytestmark = [pytest.mark.browser, pytest.mark.needs("chromium")]

NOW = dt.datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
EXTENSIONS = "markdown_extensions: [attr_list, md_in_html, admonition, def_list, footnotes, abbr]\n"
# (name, body, whether the body opens with the title as a heading)
CORPUS = [
    ("details", "ย่อหน้าแรก\n\n<details><summary>อ่านเพิ่ม</summary>\nข้อความในส่วนที่พับไว้\n</details>", True),
    ("table", "| อำเภอ | จำนวน |\n|---|---|\n| เมือง | ๑๒ |\n| คลองหลวง | 7 |", True),
    ("attr-list", "ข้อความสำคัญ\n{: .md-hidden #x }\n\n## หัวข้อย่อย {: .visually-hidden }", True),
    ("no-heading", "เนื้อหาที่ไม่มีหัวข้อ *เอียง* และ `โค้ด`", False),
    ("entities", "&lt;script&gt; &amp;amp; &#3585; และ <kbd>Ctrl</kbd>+<kbd>C</kbd>", True),
    ("html-comment", "ก่อน <!-- ความคิดเห็นที่ซ่อน --> หลัง\n\n<!-- more -->\n\nต่อจากตัดตอน", True),
    ("md-in-html", '<div markdown="1">\n**ตัวหนา** ใน div\n</div>', True),
    ("admonition", '!!! note "หมายเหตุ"\n    ฉีดวัคซีนได้ที่ รพ.สต. ทุกแห่ง', True),
    ("footnote", "ข้อความมีเชิงอรรถ[^1]\n\n[^1]: ที่มา: กรมควบคุมโรค", True),
    ("classes", '<span class="md-visually-hidden">ไม่</span>ต้องฉีด\n\n<p class="desk-card diff-add">กรอบ</p>', True),
    ("line-break", "บรรทัดหนึ่ง  \nบรรทัดสอง\n\n> ข้อความอ้างอิง", True),
]
TITLE = "ข่าว *ทดสอบ* ความตรงกัน"
KEYS = {"description": "สรุปสำหรับเครื่องมือค้นหา", "tags": "[ไข้หวัดใหญ่, วัคซีน]"}

CONTENT_TEXT = """(() => {
  const article = document.querySelector(%s).cloneNode(true);
  article.querySelectorAll('nav.md-tags, .md-source-file').forEach((node) => node.remove());
  document.body.appendChild(article);  // innerText needs the clone laid out, as the original is
  const text = article.innerText;
  article.remove();
  return text;
})()"""


def post_text(site: SiteFactory, body: str, heading: bool) -> str:
    text = site.text(title=TITLE, body=body, **KEYS)
    return text if heading else text.replace(f"# {TITLE}\n\n", "", 1)


@pytest.fixture
def built(factory: SiteFactory) -> SiteFactory:
    with (factory.root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(EXTENSIONS)
    for name, body, heading in CORPUS:
        path = f"news/posts/{name}.md"
        factory.add("content", path, factory.approved(post_text(factory, body, heading), path))
        factory.add("pending", path, post_text(factory, body, heading))  # the same post, for `gate approve`
    result = run_mkdocs(factory.root, "build", now=NOW)
    assert result.returncode == 0, result.stderr
    assert f"{len(CORPUS)} live" in result.stderr
    return factory


@pytest.fixture
def desk_url(built: SiteFactory) -> Iterator[str]:
    gate, _ = load_gate(built.root / "mkdocs.yml")
    server = DeskServer(Desk(gate=gate, person="chair1", lang="th", key_file=None, clock=lambda: NOW))
    thread = threading.Thread(target=server.serve_until_done, kwargs={"poll": 0.1}, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.stop_soon()
        thread.join(10)


def approve_summary(site: SiteFactory, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What `gate approve` shows before asking (it writes a statement file only, never the post)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(NOW))
    monkeypatch.setenv("LANGUAGE", "th")
    post = site.root / "pending" / "news" / "posts" / f"{name}.md"
    before = post.read_bytes()
    args = ["approve", str(post), "--as", "chair1", "--yes", "--ssh-keygen", str(tmp_path / f"{name}.json")]
    result = CliRunner().invoke(main, ["-f", str(site.root / "mkdocs.yml"), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert post.read_bytes() == before
    return result.output.splitlines()


def test_the_desk_the_site_and_gate_approve_show_the_same_words(
    built: SiteFactory, desk_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with serve(built.root / "site") as site_base, Chromium(tmp_path) as browser:
        browser.goto(desk_url)
        base = desk_url.split("/t/")[0]
        for name, _, _ in CORPUS:
            browser.goto(f"{base}/post/content/news/posts/{name}.md")
            desk_body = browser.evaluate(CONTENT_TEXT % "'#post-body'")
            desk_title = browser.evaluate("document.querySelector('main h1').innerText")
            desk_keys = browser.evaluate(
                "Object.fromEntries([...document.querySelectorAll('#site-keys tr[data-key]')]"
                ".map((row) => [row.dataset.key, row.querySelector('td').innerText]))"
            )
            browser.goto(f"{site_base}/news/{name}/")
            site_body = browser.evaluate(CONTENT_TEXT % "'article.md-content__inner'")
            site_title = browser.evaluate("document.title.split(' - ')[0]")
            site_tags = browser.evaluate("[...document.querySelectorAll('nav.md-tags .md-tag')].map((a) => a.text)")
            site_description = browser.evaluate("document.querySelector('meta[name=description]').content")
            summary = approve_summary(built, name, tmp_path, monkeypatch)

            assert site_body.strip() == desk_body.strip(), name
            assert site_title == desk_title == TITLE, name
            assert f"หัวข้อ:   {TITLE}" in summary, name
            assert desk_keys["tags"] == "ไข้หวัดใหญ่, วัคซีน", name
            assert sorted(desk_keys["tags"].split(", ")) == sorted(site_tags), name  # the theme sorts them
            assert f"ป้ายกำกับ (tags):  {desk_keys['tags']}" in summary, name
            assert desk_keys["description"] == site_description == KEYS["description"], name
            assert f"คำอธิบาย (เครื่องมือค้นหา ตัวอย่างลิงก์) (description):  {site_description}" in summary, name
