"""The desk's HTTP server: bound to a loopback address only, guarded, stopped by "close" or when idle.

Each request passes the guards in order (the Host, the Origin, the token in the link or the
session cookie, then a form's fields and anti-forgery token: `session`, `forms`) before
`routes` sees it. Nothing is logged: a request line can carry the token, and a form the
passphrase. Any failure becomes a plain error page, never a traceback in the terminal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from ..core.loopback import loopback_address
from ..core.messages import message
from .actions import Desk
from .forms import fields_for, read_form
from .routes import HTML, Answer, Routes
from .session import Session
from .views import Pages

DEFAULT_IDLE = dt.timedelta(minutes=15)
MAX_BODY = 64 * 1024  # a sign-off form is a few hundred bytes
# No script runs on the desk; a post body that slipped raw HTML past the checks cannot act.
# Images load from anywhere, as on the site: the desk must not show less than the site
# (the sanitiser refuses `style`, so no inline style is lost to `style-src 'self'` either).
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data: https: http:; font-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    # "no-referrer" would make the browser send `Origin: null` with the desk's own forms.
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class NotLoopback(ValueError):
    """The desk was asked to listen on an address other people could reach."""


class DeskServer(ThreadingHTTPServer):
    """The desk's HTTP server: loopback only, one session, an idle timer."""

    daemon_threads = True

    def __init__(self, desk: Desk, host: str = "127.0.0.1", port: int = 0, idle: dt.timedelta = DEFAULT_IDLE) -> None:
        address = loopback_address(host)  # an address literal: the socket binds to it
        if address is None:
            raise NotLoopback(message("review_not_loopback", desk.lang, host=host))
        host = str(address)
        if address.version == 6:
            self.address_family = socket.AF_INET6
        self.desk = desk
        self.idle = idle
        self.last_seen = time.monotonic()
        super().__init__((host, port), DeskHandler)
        self.port: int = self.server_address[1]
        self.session = Session(host, self.port)
        self.routes = Routes(desk, Pages(desk, self.session.csrf))
        self._stopping = threading.Event()

    @property
    def token(self) -> str:
        return self.session.token

    @property
    def csrf(self) -> str:
        return self.session.csrf

    @property
    def url(self) -> str:
        """The one link to hand to the browser; the token leaves the address bar on first use."""
        return f"http://127.0.0.1:{self.port}/t/{self.token}"

    def touch(self) -> None:
        self.last_seen = time.monotonic()

    def stop_soon(self) -> None:
        """Stop from a request thread: shutdown() waits for serve_forever, so not in-line."""
        self._stopping.set()
        threading.Thread(target=self.shutdown, daemon=True).start()

    def serve_until_done(self, poll: float = 1.0) -> None:
        """Serve until "close" is clicked or nobody has used the desk for `idle`."""

        def watch() -> None:
            while not self._stopping.wait(poll):
                if time.monotonic() - self.last_seen > self.idle.total_seconds():
                    self.stop_soon()
                    return

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            self.serve_forever(poll_interval=min(poll, 0.5))
        finally:
            self._stopping.set()
            self.server_close()


class DeskHandler(BaseHTTPRequestHandler):
    server: DeskServer
    server_version = "gate-review"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing: a request line can carry the token, and a form the passphrase."""

    # --- writing answers ---

    def _send(self, status: HTTPStatus, body: bytes, content_type: str = HTML, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**SECURITY_HEADERS, **headers}.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _give(self, answer: Answer) -> None:
        if answer.close:
            self.close_connection = True
        self._send(answer.status, answer.body, answer.content_type, **answer.headers)
        if answer.then_stop:
            self.wfile.flush()
            self.server.stop_soon()

    def _redirect(self, location: str, **headers: str) -> None:
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        for name, value in {**SECURITY_HEADERS, **headers}.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()

    def _form(self, allowed: frozenset[str]) -> dict[str, str] | None:
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            return None
        if not 0 <= length <= MAX_BODY:
            return None
        if not self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            return None
        return read_form(self.rfile.read(length), allowed)

    # --- the request ---

    def do_GET(self) -> None:  # http.server's naming
        self._answer()

    def do_HEAD(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        """Any failure becomes a plain error page; the default would print a traceback to the terminal."""
        try:
            self._handle()
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:
            self.close_connection = True
            with contextlib.suppress(Exception):
                self._give(self.server.routes.error())

    def _handle(self) -> None:
        server, session, routes = self.server, self.server.session, self.server.routes
        if not session.host_ok(self.headers.get("Host", "")):
            return self._give(routes.forbidden("review_forbidden_host"))
        if not session.origin_ok(self.headers.get("Origin"), required=self.command == "POST"):
            return self._give(routes.forbidden("review_forbidden_origin"))
        path = urlsplit(self.path).path
        if path.startswith("/t/") and self.command in ("GET", "HEAD"):
            if not session.token_ok(path[3:]):
                return self._give(routes.forbidden("review_forbidden_token"))
            server.touch()
            return self._redirect("/", Set_Cookie=session.cookie())
        if not session.cookie_ok(self.headers.get("Cookie", "")):
            return self._give(routes.forbidden("review_forbidden_token"))
        server.touch()
        if self.command != "POST":
            return self._give(routes.get(path))
        form = self._form(fields_for(path))
        if form is None:
            return self._give(routes.bad_request(close=True))  # an unread body must not be taken for the next request
        if not session.csrf_ok(form.pop("csrf", "")):
            return self._give(routes.forbidden("review_forbidden_csrf"))
        return self._give(routes.post(path, urlsplit(self.path).query, form))
