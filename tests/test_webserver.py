"""Serving taken-down URLs: nginx answers 410 Gone with the Thai notice; a static host serves the notice.

Real builds, real `gate nginx`, a real nginx on a loopback port and real HTTP requests
with the percent-encoded URLs a browser sends.
"""

from __future__ import annotations

import datetime as dt
import http.client
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from click.testing import CliRunner, Result

from approval_gate.cli import main
from approval_gate.server import webserver
from browser import serve
from conftest import EXAMPLE_NOW, run_mkdocs
from factory import SiteFactory
from webserver import get, nginx_binary, running_nginx

UTC = dt.UTC
NOTICE = "ข้อมูลนี้สิ้นสุดระยะเวลาการเผยแพร่แล้ว"
THAI_NAME = "ประกาศรับสมัครอาสาสมัครสาธารณสุขประจำหมู่บ้าน-รุ่นที่-๒-ปี-๒๕๖๙"  # 60 characters, 172 bytes
SPACED_NAME = "ข่าว-สั้น-๓-วัน"
EXPIRED = {
    f"news/posts/{THAI_NAME}.md": f"/news/{THAI_NAME}/",
    f"news/posts/{SPACED_NAME}.md": f"/news/{SPACED_NAME}/",
    "news/posts/flu-2569.md": "/news/flu-2569/",
}
LIVE = "news/posts/ข่าวที่ยังเผยแพร่.md"


@pytest.fixture
def nginx() -> str:
    return nginx_binary()


ENGLISH = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


def gate(site: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-f", str(site / "mkdocs.yml"), *args], env=ENGLISH)


def expired_site(factory: SiteFactory) -> None:
    """Three posts whose period ended (Thai, Thai with spaces and digits, ASCII) and one live post."""
    for post_path in EXPIRED:
        text = factory.text(title="ประกาศที่หมดอายุ", publish_from="2569-09-01", publish_until="2569-10-31")
        factory.add("content", post_path, factory.approved(text, post_path, at=dt.datetime(2026, 8, 20, tzinfo=UTC)))
    factory.add("content", LIVE, factory.approved(factory.text(title="ข่าวที่ยังเผยแพร่"), LIVE))


# --- the configuration itself -----------------------------------------------------------


def test_nginx_config_for_thai_and_html_urls() -> None:
    """Exact, quoted, decoded locations; each notice served from its own named location."""
    config = webserver.nginx_config(["/news/ข่าว/", "/news/flu.html"])
    assert ["/news/flu.html", "/news/ข่าว/"] == config.urls and config.skipped == []
    assert (
        'location = "/news/ข่าว/" {\n    error_page 410 @approval_gate_gone_2;\n    return 410;\n}\n'
        'location = "/news/ข่าว/index.html" {\n    error_page 410 @approval_gate_gone_2;\n    return 410;\n}\n'
        "location @approval_gate_gone_2 {\n    charset utf-8;\n"
        '    add_header X-Robots-Tag "noindex" always;\n    try_files "/news/ข่าว/index.html" =410;\n}\n'
    ) in config.text
    assert config.text.count('location = "/news/flu.html"') == 1


@pytest.mark.parametrize("url", ['/news/a"b/', "/news/a$b/", "/news/a\\b/", "/news/{x}/", "news/x/", "/news/../x/"])
def test_nginx_config_leaves_out_what_it_cannot_quote(url: str) -> None:
    config = webserver.nginx_config([url, "/news/ok/"])
    assert ([url], ["/news/ok/"]) == (config.skipped, config.urls)
    assert url not in config.text


def test_gate_nginx_without_a_built_site(factory: SiteFactory) -> None:
    result = gate(factory.root, "nginx")
    assert (1, "") == (result.exit_code, result.stdout)
    assert f"{factory.root / 'site' / 'taken-down.txt'} not found: build the site first" in result.stderr


# --- real builds, real servers ------------------------------------------------------------


@pytest.mark.nginx
@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "html-urls"])
def test_nginx_answers_410_with_the_thai_notice(
    factory: SiteFactory, nginx: str, tmp_path: Path, directory_urls: bool
) -> None:
    if not directory_urls:
        with (factory.root / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write("use_directory_urls: false\n")
    expired_site(factory)
    built = run_mkdocs(factory.root, now=EXAMPLE_NOW)
    assert built.returncode == 0, built.stderr
    site = factory.root / "site"
    urls = [url if directory_urls else url.rstrip("/") + ".html" for url in EXPIRED.values()]
    assert sorted(urls) == (site / "taken-down.txt").read_text(encoding="utf-8").splitlines()
    snippet = tmp_path / "gone.conf"
    result = gate(factory.root, "nginx", "--output", str(snippet))
    assert (0, f"wrote the nginx configuration for 3 taken-down URLs to {snippet}; include it in the site's "
            "server block and reload nginx\n") == (result.exit_code, result.stdout)  # fmt: skip
    live = "/news/ข่าวที่ยังเผยแพร่/" if directory_urls else "/news/ข่าวที่ยังเผยแพร่.html"
    with running_nginx(nginx, tmp_path, site, snippet) as port:
        for url in urls:
            status, headers, body = get(port, url)
            assert (410, True) == (status, NOTICE in body), url
            assert headers["x-robots-tag"] == "noindex" and "utf-8" in headers["content-type"]
            assert '<meta name="robots" content="noindex">' in body and "ประกาศที่หมดอายุ" not in body
            if directory_urls:
                assert get(port, url + "index.html")[0] == 410
        status, _, body = get(port, live)
        assert (200, True) == (status, "ข่าวที่ยังเผยแพร่" in body)
        assert get(port, "/")[0] == 200 and get(port, "/news/never-was/")[0] == 404


def test_a_static_host_serves_the_notice_with_noindex(factory: SiteFactory) -> None:
    """Without the web server's help: 200 with the notice page, which search engines drop."""
    expired_site(factory)
    built = run_mkdocs(factory.root, now=EXAMPLE_NOW)
    assert built.returncode == 0, built.stderr
    with serve(factory.root / "site") as base:
        port = urlsplit(base).port
        assert port is not None
        for url in EXPIRED.values():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", quote(url, safe="/"))
            response = connection.getresponse()
            body = response.read().decode("utf-8")
            connection.close()
            assert (200, True, True) == (
                response.status,
                NOTICE in body,
                '<meta name="robots" content="noindex">' in body,
            ), url
