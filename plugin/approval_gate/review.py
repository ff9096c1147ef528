"""The review desk: a page in the browser where the chair and the director sign off.

`gate review --as ID` serves it on loopback only, behind a one-time token, so a senior
official approves or refuses without a terminal. Signing goes through the same core as
`gate approve` (`signoff.next_role`, `make_entry`, `write_entry`), so an entry made here
is byte for byte the entry the command would make.

The module holds pure helpers (queue rows, ages, text diffs), the `Desk` that reads and
signs posts, and the HTTP server with its guards: token, Host, Origin, anti-forgery token.

The desk signs only what it showed: the post a sign-off names comes from the URL the
approver opened (`/sign/<place>/<post path>?digest=…`), the form's echo of it is only a
check, and a form with a duplicated or unknown field is refused. The body is shown as
the site publishes it (the sanitiser's output under the site's own allowlist), so it can
carry no form control, no refresh and no style the site would not apply too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import hmac
import secrets
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import Markup

from . import sanitize, signing, summary
from .binding import attachment_folder
from .canonical import RECORD_KEYS, PostFormatError, canonical_json, read_post_text
from .catalogue import CATALOGUE
from .decision import INVALID, Decision, awaiting
from .loopback import loopback_address
from .messages import message, role_name, state_name
from .moves import FileChanged, MoveError, replace_file, repository_lock
from .post import Post, SignOff
from .queue import entered_state
from .registry import Registry
from .repository import CONTENT, Gate, Judged
from .signoff import SignOffRefused, clean_reason, make_entry, next_role, write_entry
from .thaidates import DateError, display_date, parse_when

REVIEW_TARGET = dt.timedelta(minutes=30)  # SPEC §7: the review step's target
DEFAULT_IDLE = dt.timedelta(minutes=15)
MAX_BODY = 64 * 1024  # a sign-off form is a few hundred bytes
TEMPLATES = Path(__file__).parent / "templates" / "review"
COOKIE_PREFIX = "gate_review_"
# The fields of the sign form; any other field, or any field twice, is refused (HTTP 400).
SIGN_FIELDS = frozenset({"csrf", "place", "path", "digest", "role", "verdict", "reason", "passphrase"})
CLOSE_FIELDS = frozenset({"csrf"})
# Attachments the desk serves to show a post as the site does: inline for images, else a download.
INLINE_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".avif": "image/avif",
}  # fmt: skip
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


# --- pure helpers ------------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    """One post waiting for the person at the desk."""

    place: str
    path: str
    title: str
    requester: str
    agency: str
    role: str
    since: dt.datetime | None
    age: dt.timedelta | None
    overdue: bool
    refusals: tuple[SignOff, ...]  # this person's earlier refusals of the post


def roles_held(registry: Registry, person: str, now: dt.datetime) -> tuple[str, ...]:
    holder = registry.people.get(person)
    if holder is None:
        return ()
    return tuple(dict.fromkeys(grant.role for grant in holder.roles if holder.holds(grant.role, now)))


def _modified(item: Judged) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(item.file.stat().st_mtime, tz=dt.UTC)
    except OSError:
        return None


def queue_rows(
    judged: Iterable[Judged],
    registry: Registry,
    person: str,
    now: dt.datetime,
    target: dt.timedelta = REVIEW_TARGET,
    roles: tuple[str, ...] = ("chair", "director"),
) -> list[QueueRow]:
    """The posts waiting for a role `person` holds now, oldest first, aged as `gate status` ages them."""
    held = roles_held(registry, person, now)
    first_role = roles[0] if roles else None
    rows = []
    for item in judged:
        decision, post = item.decision, item.post
        role = decision.waiting_for
        if role is None or role not in held or decision.state != awaiting(role):
            continue
        if any(entry.signer == person for entry in decision.chain):
            continue  # one person cannot sign two steps of the same chain
        since = entered_state(item, decision.state, first_role, _modified(item))
        age = max(now - since, dt.timedelta(0)) if since is not None else None
        refusals = tuple(entry for entry in decision.history if entry.signer == person and entry.decision == "reject")
        rows.append(
            QueueRow(
                place=item.place,
                path=post.path,
                title=post.title or post.path,
                requester=post.requester.name if post.requester else "",
                agency=post.agency or "",
                role=role,
                since=since,
                age=age,
                overdue=age is not None and age > target,
                refusals=refusals,
            )
        )
    far_past = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(rows, key=lambda row: (row.since or far_past, row.path))


def age_text(age: dt.timedelta | None, lang: str) -> str:
    """'3 ชม. 5 นาที': whole minutes, hours, days."""
    if age is None:
        return "-"
    minutes = int(age.total_seconds() // 60)
    if minutes < 60:
        return message("review_age_minutes", lang, minutes=minutes)
    if minutes < 24 * 60:
        return message("review_age_hours", lang, hours=minutes // 60, minutes=minutes % 60)
    return message("review_age_days", lang, days=minutes // (24 * 60), hours=minutes // 60 % 24)


def moment_text(
    moment: dt.datetime | None, tz: ZoneInfo, lang: str, *, with_time: bool = True, thai_digits: bool = False
) -> str:
    """Buddhist-Era dates in Thai (the site's digit style), Common-Era dates in English; in the site's zone."""
    if moment is None:
        return "-"
    return display_date(moment.astimezone(tz), lang, with_time=with_time, thai_digits=thai_digits)


def latest_refusal(decision: Decision) -> SignOff | None:
    """The newest refusal on an earlier text: what the requester revised."""
    refusals = [entry for entry in decision.history if entry.decision == "reject"]
    return refusals[-1] if refusals else None


def comparable_lines(raw: bytes) -> list[str]:
    """What the digest covers, one line per form key then the body: a stable base for a diff."""
    text = read_post_text(raw)
    form = [f"{key}: {canonical_json(value)}" for key, value in sorted(text.meta.items()) if key not in RECORD_KEYS]
    return [*form, "---", *text.body.strip("\n").split("\n")]


@dataclass(frozen=True)
class DiffLine:
    kind: str  # add | del | same | hunk
    text: str


def text_diff(old: bytes, new: bytes) -> list[DiffLine]:
    """A unified diff of what changed; rendered by an autoescaping template."""
    lines: list[DiffLine] = []
    for line in difflib.unified_diff(comparable_lines(old), comparable_lines(new), lineterm="", n=2):
        if line.startswith(("---", "+++")) and not lines:
            continue  # file headers
        if line.startswith("@@"):
            lines.append(DiffLine("hunk", line))
        elif line.startswith("+"):
            lines.append(DiffLine("add", line[1:]))
        elif line.startswith("-"):
            lines.append(DiffLine("del", line[1:]))
        else:
            lines.append(DiffLine("same", line[1:]))
    return lines


def revision_changes(gate: Gate, judged: Judged) -> list[DiffLine] | None:
    """For a revision (`revises`): the diff from the live version it revises (form keys, the
    publication period included, and body), so a revision cannot change anything unseen.
    None when the live version is not in the site's folder or is another text now."""
    revises = judged.post.revises
    if revises is None:
        return None
    live = gate.target(CONTENT, revises.path)
    try:
        old, new = live.read_bytes(), judged.file.read_bytes()
        if live.is_symlink() or read_post_text(old).digest != revises.digest:
            return None
        return text_diff(old, new)
    except (OSError, PostFormatError):
        return None


# --- reading earlier texts from git ------------------------------------------


def _git(folder: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def previous_text(file: Path, digest: str, *, max_commits: int = 200) -> bytes | None:
    """The newest committed version of `file` whose digest is `digest`, or None.

    Nothing extra is stored for the desk: git already keeps every committed text."""
    listing = _git(
        file.parent, "log", "--follow", f"-n{max_commits}", "--format=%x00%H", "--name-only", "--", file.name
    )
    top = _git(file.parent, "rev-parse", "--show-toplevel")
    if not listing or not top:
        return None
    for block in listing.decode("utf-8", "replace").split("\x00")[1:]:
        parts = block.split()
        if len(parts) < 2:
            continue
        commit, path = parts[0], parts[1]
        old = _git(Path(top.decode().strip()), "show", f"{commit}:{path}")
        if old is None:
            continue
        try:
            if read_post_text(old).digest == digest:
                return old
        except PostFormatError:
            continue
    return None


# --- the desk: reading and signing -------------------------------------------


@dataclass
class Outcome:
    """What came of an approve/refuse click: a message, and the post re-checked."""

    ok: bool
    text: str
    judged: Judged | None = None


@dataclass
class Desk:
    """One person's review desk over one site."""

    gate: Gate
    person: str
    lang: str
    key_file: Path | None
    clock: Callable[[], dt.datetime]
    target: dt.timedelta = REVIEW_TARGET
    _sign_lock: threading.Lock = field(default_factory=threading.Lock)
    # The gate's renderer and cache are not thread-safe; the server answers in threads.
    _gate_lock: threading.RLock = field(default_factory=threading.RLock)

    @property
    def tz(self) -> ZoneInfo:
        return self.gate.registry.timezone if self.gate.registry else self.gate.rules.timezone

    def say(self, code: str, /, **params: object) -> str:
        return message(code, self.lang, **params)

    def person_name(self, person: str) -> str:
        holder = self.gate.registry.people.get(person) if self.gate.registry else None
        return holder.name if holder else person

    def queue(self) -> list[QueueRow]:
        if self.gate.registry is None:
            return []
        now = self.clock()
        with self._gate_lock:
            judged = self.gate.judge_all(now)
        return queue_rows(judged, self.gate.registry, self.person, now, self.target, self.gate.settings.roles)

    def find(self, place: str, post_path: str) -> Judged | None:
        """The post at (place, post path), looked up among the site's posts, never by a raw path."""
        now = self.clock()
        for file in self.gate.post_files():
            try:
                found_place, found_path = self.gate.place_of(file)
            except ValueError:
                continue
            if (found_place, found_path) == (place, post_path):
                with self._gate_lock:
                    return self.gate.judge(file, now)
        return None

    def find_attachment(self, place: str, path: str) -> tuple[Judged, bytes] | None:
        """An attachment bound to a post's digest, by its path under the place (`news/flu/photo.png`):
        the bytes that were hashed, never a file read by its raw path."""
        folder = path
        while "/" in folder:
            folder = folder.rsplit("/", 1)[0]
            judged = self.find(place, folder + ".md")
            if judged is not None and path.startswith(attachment_folder(judged.post.path)):
                for item in judged.post.attachments:
                    if item.path == path:
                        return judged, item.data
        return None

    def shown_body(self, post: Post) -> Markup:
        """The body as the site publishes it: the site's Markdown extensions, then the sanitiser's
        output under the site's allowlist (the gate's renderer), so nothing on this page can act as
        a form control, a refresh or a style the site would not apply. As Material does, the title
        is the heading when the body has none (as text: the site prints the title unrendered)."""
        with self._gate_lock:
            checked = sanitize.check(self.gate.renderer.html(post.body), self.gate.renderer.policy)
        html = checked.html
        if "<h1" not in html:
            html = Markup("<h1>{}</h1>\n").format(post.title or post.path) + Markup(html)
        return Markup(html)  # the sanitiser's output: what the site publishes

    def can_sign(self, judged: Judged) -> tuple[str | None, str | None]:
        """(role, None) if the person may sign the next step now, else (None, why not)."""
        if self.gate.registry is None:
            return None, self.refusal_text(SignOffRefused("review_no_registry"))
        try:
            registry, settings = self.gate.registry, self.gate.settings
            return next_role(judged.post, judged.decision, registry, self.person, settings, self.clock()), None
        except SignOffRefused as refused:
            return None, self.refusal_text(refused)

    def refusal_text(self, refused: SignOffRefused) -> str:
        if refused.code in CATALOGUE:
            params = {
                name: role_name(value, self.lang) if name == "role" else value for name, value in refused.params.items()
            }
            return self.say(refused.code, **params)
        return self.say("review_cannot_sign", code=refused.code)

    def window_text(self, post: Post) -> tuple[str, str]:
        """The publication window as written (date-only stays a date), in the site's zone."""
        texts = []
        for key in ("publish_from", "publish_until"):
            try:
                when = parse_when(post.meta.get(key), self.gate.rules.timezone)
            except DateError:
                texts.append("-")
                continue
            shown = moment_text(
                when.at, self.tz, self.lang, with_time=not when.date_only, thai_digits=self.gate.thai_digits
            )
            texts.append(shown)
        return texts[0], texts[1]

    def sign(
        self, place: str, post_path: str, shown_digest: str, shown_role: str, verdict: str, reason: str, passphrase: str
    ) -> Outcome:
        """Approve or refuse the next step, exactly as `gate approve`/`gate reject` would."""
        if verdict not in ("approve", "reject"):
            return Outcome(False, self.say("review_bad_request"))
        cleaned = clean_reason(reason) if verdict == "reject" else None
        if verdict == "reject" and not cleaned:
            return Outcome(
                False, self.say("review_reason_required" if cleaned is not None else "review_reason_characters")
            )
        if self.gate.settings.signatures and not passphrase:
            return Outcome(False, self.say("review_bad_passphrase"))
        judged = self.find(place, post_path)
        if judged is None or self.gate.registry is None:
            return Outcome(False, self.say("review_no_such_post", path=post_path))
        file = judged.file
        try:
            with self._sign_lock, repository_lock(self.gate.root):
                raw = file.read_bytes()
                now = self.clock()
                with self._gate_lock:
                    post, decision = self.gate.judge_bytes(raw, post_path, now, base=self.gate.target(place, ""))
                if post.digest != shown_digest:
                    return Outcome(False, self.say("review_changed"))
                try:
                    role = next_role(post, decision, self.gate.registry, self.person, self.gate.settings, now)
                except SignOffRefused as refused:
                    return Outcome(False, self.refusal_text(refused))
                if role != shown_role:
                    return Outcome(False, self.say("review_changed"))
                key = None
                if self.gate.settings.signatures:
                    if self.key_file is None or not self.key_file.is_file():
                        return Outcome(False, self.say("review_no_key", person=self.person, path=str(self.key_file)))
                    try:
                        key = signing.load_private_key(self.key_file.read_bytes(), passphrase.encode("utf-8"))
                    except (ValueError, TypeError, signing.SignatureFormatError):
                        return Outcome(False, self.say("review_bad_passphrase"))
                    except OSError as error:
                        return Outcome(False, self.say("review_no_key", person=self.person, path=str(error.filename)))
                    finally:
                        del passphrase  # only the key object lives on, until this call returns
                try:
                    entry = make_entry(
                        post, decision, self.gate.settings, role=role, signer=self.person, verdict=verdict,
                        reason=cleaned, now=now, key=key,
                    )  # fmt: skip
                    new_text = write_entry(raw.decode("utf-8"), entry)
                except SignOffRefused as refused:
                    return Outcome(False, self.refusal_text(refused))
                except (ValueError, UnicodeDecodeError):
                    return Outcome(False, self.say("review_cannot_write", path=post_path))
                del key
                replace_file(file, raw, new_text.encode("utf-8"))
        except FileChanged:
            return Outcome(False, self.say("review_changed"))
        except (MoveError, OSError) as error:
            return Outcome(False, self.say("review_cannot_write", path=f"{post_path} ({error})"))
        with self._gate_lock:
            after = self.gate.judge(file, self.clock())
        done = "review_approved" if verdict == "approve" else "review_refused"
        return Outcome(True, self.say(done, title=post.title or post_path, role=role_name(role, self.lang)), after)


def sign_url(place: str, post_path: str, digest: str) -> str:
    """Where the sign form of one post posts to: the post and the digest shown, named by the URL."""
    return f"/sign/{quote(place)}/{quote(post_path)}?{urlencode({'digest': digest})}"


def read_form(data: bytes, allowed: frozenset[str]) -> dict[str, str] | None:
    """The fields of an urlencoded form, or None when one is unknown or sent twice.

    A browser sends every control that names the form, wherever it sits on the page, before
    or after the form's own: a field sent twice means something on the page added one."""
    try:
        pairs = parse_qsl(data.decode("utf-8"), keep_blank_values=True, max_num_fields=len(allowed))
    except (UnicodeDecodeError, ValueError):
        return None
    names = [name for name, _ in pairs]
    if len(set(names)) != len(names) or not set(names) <= allowed:
        return None
    return dict(pairs)


# --- pages -------------------------------------------------------------------


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every value is escaped unless marked safe (only the rendered body is)
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def material_stylesheet() -> Path | None:
    """Material's built stylesheet, when the theme is installed: the site's own type styles."""
    try:
        import material
    except ImportError:
        return None
    found = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
    return found[-1] if found else None


class Pages:
    """Turns the desk's data into HTML."""

    def __init__(self, desk: Desk, csrf: str) -> None:
        self.desk = desk
        self.csrf = csrf
        self.env = _environment()
        self.has_material = material_stylesheet() is not None

    def _render(self, name: str, **values: Any) -> bytes:
        desk = self.desk
        registry = desk.gate.registry
        now = desk.clock()
        values.setdefault("title_text", "")
        page = self.env.get_template(name).render(
            lang=desk.lang,
            t=desk.say,
            role_name=lambda role: role_name(role, desk.lang),
            state_name=lambda state: state_name(state, desk.lang),
            person=desk.person,
            person_name=desk.person_name(desk.person),
            roles=[role_name(role, desk.lang) for role in roles_held(registry, desk.person, now)] if registry else [],
            csrf=self.csrf,
            has_material=self.has_material,
            **values,
        )
        return page.encode("utf-8")

    def queue(self) -> bytes:
        desk = self.desk
        rows = desk.queue()
        return self._render(
            "queue.html",
            title_text=desk.say("review_queue_title"),
            rows=rows,
            age=lambda row: age_text(row.age, desk.lang),
            when=lambda moment: moment_text(moment, desk.tz, desk.lang, thai_digits=desk.gate.thai_digits),
            link=lambda row: f"/post/{quote(row.place)}/{quote(row.path)}",
            target=age_text(desk.target, desk.lang),
            registry_problem=desk.gate.registry_problem.text(desk.lang) if desk.gate.registry_problem else None,
        )

    def post(self, judged: Judged) -> bytes:
        desk = self.desk
        post, decision = judged.post, judged.decision
        refusal = latest_refusal(decision)
        diff: list[DiffLine] | None = None
        if refusal is not None:
            old = previous_text(judged.file, refusal.digest)
            if old is not None:
                try:
                    diff = text_diff(old, judged.file.read_bytes())
                except (PostFormatError, OSError):
                    diff = None
        revision_diff = revision_changes(desk.gate, judged)
        role, why_not = desk.can_sign(judged)
        start, end = desk.window_text(post)
        return self._render(
            "post.html",
            title_text=post.title or post.path,
            judged=judged,
            post=post,
            decision=decision,
            body=desk.shown_body(post),
            sign_url=sign_url(judged.place, post.path, post.digest or ""),
            invalid=decision.state == INVALID,
            site_keys=summary.site_keys(post, desk.lang),
            attachments=summary.attachments(post),
            window=(start, end),
            requester_date=moment_text(
                post.requester.date.at, desk.tz, desk.lang, with_time=False, thai_digits=desk.gate.thai_digits
            )
            if post.requester and post.requester.date
            else "-",
            refusal=refusal,
            diff=diff,
            revision=post.revises,
            revision_diff=revision_diff,
            role=role,
            why_not=why_not,
            signatures=desk.gate.settings.signatures,
            reasons=[reason.text(desk.lang) for reason in decision.reasons],
            when=lambda moment: moment_text(moment, desk.tz, desk.lang, thai_digits=desk.gate.thai_digits),
            name_of=desk.person_name,
        )

    def result(self, outcome: Outcome, back: str) -> bytes:
        judged = outcome.judged
        return self._render(
            "result.html",
            title_text=outcome.text,
            outcome=outcome,
            back=back,
            state=judged.decision.state if judged else None,
            reasons=[reason.text(self.desk.lang) for reason in judged.decision.reasons] if judged else [],
        )

    def notice(self, heading: str, text: str, *, show_nav: bool = True) -> bytes:
        return self._render("notice.html", title_text=heading, heading=heading, text=text, show_nav=show_nav)


# --- the server ----------------------------------------------------------------


class DeskServer(ThreadingHTTPServer):
    """The desk's HTTP server: loopback only, one token, one anti-forgery token, an idle timer."""

    daemon_threads = True

    def __init__(self, desk: Desk, host: str = "127.0.0.1", port: int = 0, idle: dt.timedelta = DEFAULT_IDLE) -> None:
        address = loopback_address(host)  # an address literal: the socket binds to it
        if address is None:
            raise NotLoopback(message("review_not_loopback", desk.lang, host=host))
        host = str(address)
        if address.version == 6:
            self.address_family = socket.AF_INET6
        self.desk = desk
        self.token = secrets.token_urlsafe(32)
        self.csrf = secrets.token_urlsafe(32)
        self.idle = idle
        self.last_seen = time.monotonic()
        self.pages = Pages(desk, self.csrf)
        super().__init__((host, port), DeskHandler)
        self.port: int = self.server_address[1]
        shown = f"[{host}]" if ":" in host else host
        self.allowed_hosts = {f"{shown}:{self.port}", f"localhost:{self.port}", f"127.0.0.1:{self.port}"}
        self.allowed_origins = {f"http://{name}" for name in self.allowed_hosts}
        self.cookie_name = f"{COOKIE_PREFIX}{self.port}"  # cookies ignore ports; two desks must not share one
        self._stopping = threading.Event()

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

    # --- answers ---

    def _send(
        self, status: HTTPStatus, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**SECURITY_HEADERS, **headers}.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _forbidden(self, code: str) -> None:
        desk = self.server.desk
        body = self.server.pages.notice(desk.say("review_forbidden_title"), desk.say(code), show_nav=False)
        self.close_connection = True
        self._send(HTTPStatus.FORBIDDEN, body)

    def _redirect(self, location: str, **headers: str) -> None:
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        for name, value in {**SECURITY_HEADERS, **headers}.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()

    # --- guards ---

    def _host_ok(self) -> bool:
        return self.headers.get("Host", "") in self.server.allowed_hosts

    def _origin_ok(self, required: bool) -> bool:
        origin = self.headers.get("Origin")
        if origin is None:
            return not required
        return origin in self.server.allowed_origins

    def _cookie_ok(self) -> bool:
        try:
            cookies = SimpleCookie(self.headers.get("Cookie", ""))
        except CookieError:
            return False
        morsel = cookies.get(self.server.cookie_name)
        return morsel is not None and hmac.compare_digest(morsel.value.encode(), self.server.token.encode())

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

    # --- routing ---

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
            desk = self.server.desk
            with contextlib.suppress(Exception):
                page = self.server.pages.notice(
                    desk.say("review_error_title"), desk.say("review_error"), show_nav=False
                )
                self._send(HTTPStatus.INTERNAL_SERVER_ERROR, page)

    def _handle(self) -> None:
        server = self.server
        if not self._host_ok():
            return self._forbidden("review_forbidden_host")
        if not self._origin_ok(required=self.command == "POST"):
            return self._forbidden("review_forbidden_origin")
        path = urlsplit(self.path).path
        if path.startswith("/t/") and self.command in ("GET", "HEAD"):
            if not hmac.compare_digest(path[3:].encode(), server.token.encode()):
                return self._forbidden("review_forbidden_token")
            server.touch()
            cookie = f"{server.cookie_name}={server.token}; Path=/; HttpOnly; SameSite=Strict"
            return self._redirect("/", Set_Cookie=cookie)
        if not self._cookie_ok():
            return self._forbidden("review_forbidden_token")
        server.touch()
        if self.command == "POST":
            return self._post(path)
        return self._get(path)

    def _get(self, path: str) -> None:
        pages = self.server.pages
        if path == "/":
            return self._send(HTTPStatus.OK, pages.queue())
        if path == "/static/desk.css":
            return self._send(HTTPStatus.OK, (TEMPLATES / "desk.css").read_bytes(), "text/css; charset=utf-8")
        if path == "/static/material.css":
            sheet = material_stylesheet()
            if sheet is not None:
                return self._send(HTTPStatus.OK, sheet.read_bytes(), "text/css; charset=utf-8")
        if path.startswith("/post/"):
            place, _, post_path = unquote(path[len("/post/") :]).partition("/")
            judged = self.server.desk.find(place, post_path)
            if judged is not None:  # an invalid post too: shown with its reasons, never signable
                return self._send(HTTPStatus.OK, pages.post(judged))
            found = self.server.desk.find_attachment(place, post_path)
            if found is not None:
                return self._send_attachment(post_path, found[1])
        desk = self.server.desk
        self._send(HTTPStatus.NOT_FOUND, pages.notice(desk.say("review_not_found_title"), desk.say("review_not_found")))

    def _send_attachment(self, path: str, data: bytes) -> None:
        """An image inline, anything else as a download: nothing the desk serves runs as a page."""
        suffix = Path(path).suffix.lower()
        if suffix in INLINE_TYPES:
            return self._send(HTTPStatus.OK, data, INLINE_TYPES[suffix])
        name = quote(Path(path).name)
        disposition = f"attachment; filename*=UTF-8''{name}"
        return self._send(HTTPStatus.OK, data, "application/octet-stream", Content_Disposition=disposition)

    def _post(self, path: str) -> None:
        form = self._form(SIGN_FIELDS if path.startswith("/sign/") else CLOSE_FIELDS)
        if form is None:
            self.close_connection = True  # an unread body must not be taken for the next request
            desk = self.server.desk
            return self._send(HTTPStatus.BAD_REQUEST, self.server.pages.notice(desk.say("review_bad_request"), ""))
        sent = form.pop("csrf", "")
        if not hmac.compare_digest(sent.encode(), self.server.csrf.encode()):
            return self._forbidden("review_forbidden_csrf")
        desk, pages = self.server.desk, self.server.pages
        if path == "/close":
            closed = pages.notice(desk.say("review_closed_title"), desk.say("review_closed"), show_nav=False)
            self._send(HTTPStatus.OK, closed)
            self.wfile.flush()
            self.server.stop_soon()
            return None
        if path.startswith("/sign/"):
            passphrase = form.pop("passphrase", "")
            # The post and digest come from the URL of the page the approver opened; what the
            # form echoes must agree with it, or nothing is signed.
            place, _, post_path = unquote(path[len("/sign/") :]).partition("/")
            query = read_form(urlsplit(self.path).query.encode("utf-8"), frozenset({"digest"})) or {}
            digest = query.get("digest", "")
            echoed = (form.get("place"), form.get("path"), form.get("digest"))
            if not digest or echoed != (place, post_path, digest):
                del passphrase
                return self._send(HTTPStatus.BAD_REQUEST, pages.notice(desk.say("review_bad_request"), ""))
            outcome = desk.sign(
                place, post_path, digest, form.get("role", ""), form.get("verdict", ""), form.get("reason", ""),
                passphrase,
            )  # fmt: skip
            del passphrase
            back = f"/post/{quote(place)}/{quote(post_path)}"
            status = HTTPStatus.OK if outcome.ok else HTTPStatus.CONFLICT
            return self._send(status, pages.result(outcome, back))
        self._send(HTTPStatus.NOT_FOUND, pages.notice(desk.say("review_not_found_title"), desk.say("review_not_found")))
