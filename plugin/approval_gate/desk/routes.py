"""From a URL to an action of the desk, and from its result to an answer; no sockets, no guards.

The server has already checked the Host, the Origin, the session cookie and, for a form, its
fields and anti-forgery token (`server`, `session`, `forms`). Here the desk signs only what
it showed: the post and digest a sign-off names come from the URL of the page the approver
opened (`/sign/<place>/<post path>?digest=…`), and the form's echo of them is only a check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote, unquote

from .actions import Desk
from .forms import read_form
from .urls import POST_PREFIX, SIGN_PREFIX, post_url
from .views import DESK_STYLESHEET, Pages, material_stylesheet

HTML = "text/html; charset=utf-8"
CSS = "text/css; charset=utf-8"
# Attachments the desk serves to show a post as the site does: inline for images, else a download.
INLINE_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".avif": "image/avif",
}  # fmt: skip


@dataclass(frozen=True)
class Answer:
    """What to send back: the server adds the security headers and writes it."""

    status: HTTPStatus
    body: bytes
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    close: bool = False  # close the connection after it (a refusal, or a body left unread)
    then_stop: bool = False  # stop the desk once it is sent ("close" was clicked)


class Routes:
    """The desk's URLs: the queue, a post and its attachments, the stylesheets, sign and close."""

    def __init__(self, desk: Desk, pages: Pages) -> None:
        self.desk = desk
        self.pages = pages

    # --- answers that are not a route's own ---

    def forbidden(self, code: str) -> Answer:
        page = self.pages.notice(self.desk.say("review_forbidden_title"), self.desk.say(code), show_nav=False)
        return Answer(HTTPStatus.FORBIDDEN, page, close=True)

    def bad_request(self, *, close: bool = False) -> Answer:
        return Answer(HTTPStatus.BAD_REQUEST, self.pages.notice(self.desk.say("review_bad_request"), ""), close=close)

    def not_found(self) -> Answer:
        page = self.pages.notice(self.desk.say("review_not_found_title"), self.desk.say("review_not_found"))
        return Answer(HTTPStatus.NOT_FOUND, page)

    def error(self) -> Answer:
        page = self.pages.notice(self.desk.say("review_error_title"), self.desk.say("review_error"), show_nav=False)
        return Answer(HTTPStatus.INTERNAL_SERVER_ERROR, page)

    # --- GET and HEAD ---

    def get(self, path: str) -> Answer:
        if path == "/":
            return Answer(HTTPStatus.OK, self.pages.queue())
        if path == "/static/desk.css":
            return Answer(HTTPStatus.OK, DESK_STYLESHEET.read_bytes(), CSS)
        if path == "/static/material.css":
            sheet = material_stylesheet()
            if sheet is not None:
                return Answer(HTTPStatus.OK, sheet.read_bytes(), CSS)
        if path.startswith(POST_PREFIX):
            place, _, post_path = unquote(path[len(POST_PREFIX) :]).partition("/")
            judged = self.desk.find(place, post_path)
            if judged is not None:  # an invalid post too: shown with its reasons, never signable
                return Answer(HTTPStatus.OK, self.pages.post(judged))
            found = self.desk.find_attachment(place, post_path)
            if found is not None:
                return attachment(post_path, found[1])
        return self.not_found()

    # --- POST (a form whose fields and anti-forgery token the server checked) ---

    def post(self, path: str, query: str, form: dict[str, str]) -> Answer:
        desk, pages = self.desk, self.pages
        if path == "/close":
            closed = pages.notice(desk.say("review_closed_title"), desk.say("review_closed"), show_nav=False)
            return Answer(HTTPStatus.OK, closed, then_stop=True)
        if path.startswith(SIGN_PREFIX):
            passphrase = form.pop("passphrase", "")
            # The post and digest come from the URL of the page the approver opened; what the
            # form echoes must agree with it, or nothing is signed.
            place, _, post_path = unquote(path[len(SIGN_PREFIX) :]).partition("/")
            digest = (read_form(query.encode("utf-8"), frozenset({"digest"})) or {}).get("digest", "")
            echoed = (form.get("place"), form.get("path"), form.get("digest"))
            if not digest or echoed != (place, post_path, digest):
                del passphrase
                return self.bad_request()
            outcome = desk.sign(
                place, post_path, digest, form.get("role", ""), form.get("verdict", ""), form.get("reason", ""),
                passphrase,
            )  # fmt: skip
            del passphrase
            status = HTTPStatus.OK if outcome.ok else HTTPStatus.CONFLICT
            return Answer(status, pages.result(outcome, post_url(place, post_path)))
        return self.not_found()


def attachment(path: str, data: bytes) -> Answer:
    """An image inline, anything else as a download: nothing the desk serves runs as a page."""
    suffix = Path(path).suffix.lower()
    if suffix in INLINE_TYPES:
        return Answer(HTTPStatus.OK, data, INLINE_TYPES[suffix])
    disposition = f"attachment; filename*=UTF-8''{quote(Path(path).name)}"
    return Answer(HTTPStatus.OK, data, "application/octet-stream", {"Content-Disposition": disposition})
