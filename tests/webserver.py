"""A real nginx for tests: started on a loopback port with its own prefix, config, pid and temp folders.

Tests that need it take the `nginx` fixture of their module (see `nginx_binary`): they skip
where nginx is missing, and fail instead when GATE_REQUIRE_TOOLS=1 (CI must run them).
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")


def nginx_binary() -> str:
    """The nginx binary; skips the test, or fails it when GATE_REQUIRE_TOOLS=1, if there is none."""
    for candidate in NGINX_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    if os.environ.get("GATE_REQUIRE_TOOLS") == "1":
        pytest.fail("nginx is required (GATE_REQUIRE_TOOLS=1) but not installed: apt-get install nginx")
    pytest.skip("needs nginx (apt-get install nginx)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _quoted(path: Path) -> str:
    return '"' + str(path).replace("\\", "\\\\").replace('"', '\\"') + '"'


CONFIG = """\
{user}worker_processes 1;
daemon off;
master_process {master};
pid {pid};
error_log {error_log} warn;
events {{ worker_connections 64; }}
http {{
    types {{ text/html html; text/plain txt; text/css css; application/javascript js; }}
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/client;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
        include {snippet};
    }}
}}
"""


@contextlib.contextmanager
def running_nginx(binary: str, workdir: Path, site_dir: Path, snippet: Path, *, master: bool = False) -> Iterator[int]:
    """nginx serving `site_dir` with `snippet` included in its server block; yields the port.

    `master=True` runs a master process with a worker, as a server does: needed by tests that
    reload it (`nginx -s reload`), which a single process does not survive cleanly."""
    prefix = workdir / "nginx"
    (prefix / "temp").mkdir(parents=True, exist_ok=True)
    port = _free_port()
    config = prefix / "nginx.conf"
    config.write_text(
        CONFIG.format(
            user="user root;\n" if os.geteuid() == 0 else "",  # a root master would switch to nobody otherwise
            master="on" if master else "off",
            pid=_quoted(prefix / "nginx.pid"),
            error_log=_quoted(prefix / "error.log"),
            temp=prefix / "temp",
            port=port,
            root=_quoted(site_dir),
            snippet=_quoted(snippet),
        ),
        encoding="utf-8",
    )
    checked = subprocess.run([binary, "-t", "-p", str(prefix), "-c", str(config), "-e", str(prefix / "error.log")],
                             capture_output=True, text=True, timeout=30)  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(
        [binary, "-p", str(prefix), "-c", str(config), "-e", str(prefix / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            assert process.poll() is None, process.stderr.read() if process.stderr else "nginx exited"
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def get(port: int, path: str) -> tuple[int, dict[str, str], str]:
    """GET a decoded URL path the way a browser sends it (percent-encoded UTF-8): status, headers, body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", quote(path, safe="/"))
        response = connection.getresponse()
        body = response.read().decode("utf-8", errors="replace")
        return response.status, {name.lower(): value for name, value in response.getheaders()}, body
    finally:
        connection.close()
