"""The desk's one session: who may talk to it, and how a form proves it came from the desk's own page.

The link printed by `gate review` carries a one-time token; the browser trades it for a
cookie (HttpOnly, SameSite=Strict), so the token leaves the address bar on first use. Every
request must name the desk's own Host (no DNS rebinding) and, when it sends one, the desk's
own Origin; every form carries the anti-forgery token the pages embed. Secrets are compared
in constant time.
"""

from __future__ import annotations

import hmac
import secrets
from http.cookies import CookieError, SimpleCookie

COOKIE_PREFIX = "gate_review_"


class Session:
    """The token, the cookie that replaces it, the anti-forgery token, and the names the desk answers to."""

    def __init__(self, host: str, port: int) -> None:
        self.token = secrets.token_urlsafe(32)
        self.csrf = secrets.token_urlsafe(32)
        shown = f"[{host}]" if ":" in host else host
        self.allowed_hosts = {f"{shown}:{port}", f"localhost:{port}", f"127.0.0.1:{port}"}
        self.allowed_origins = {f"http://{name}" for name in self.allowed_hosts}
        self.cookie_name = f"{COOKIE_PREFIX}{port}"  # cookies ignore ports; two desks must not share one

    def host_ok(self, host: str) -> bool:
        return host in self.allowed_hosts

    def origin_ok(self, origin: str | None, *, required: bool) -> bool:
        if origin is None:
            return not required
        return origin in self.allowed_origins

    def token_ok(self, sent: str) -> bool:
        return hmac.compare_digest(sent.encode(), self.token.encode())

    def cookie(self) -> str:
        """The Set-Cookie value that trades the token in the link for a cookie."""
        return f"{self.cookie_name}={self.token}; Path=/; HttpOnly; SameSite=Strict"

    def cookie_ok(self, header: str) -> bool:
        try:
            cookies = SimpleCookie(header)
        except CookieError:
            return False
        morsel = cookies.get(self.cookie_name)
        return morsel is not None and hmac.compare_digest(morsel.value.encode(), self.token.encode())

    def csrf_ok(self, sent: str) -> bool:
        return hmac.compare_digest(sent.encode(), self.csrf.encode())
