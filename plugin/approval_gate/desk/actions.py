"""What a person at the desk can do: see their queue, open a post as the site shows it, sign it.

The `Desk` is one person's desk over one site. It finds posts among the site's own (never by
a raw path) and signs exactly as `gate approve`/`gate reject` do, under the repository lock,
re-checking that the text and the step are still the ones the approver was shown.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from markupsafe import Markup

from ..core import signing
from ..core.catalogue import CATALOGUE
from ..core.messages import message, role_name
from ..core.post import Post
from ..core.signoff import SignOffRefused, clean_reason, make_entry, next_role, write_entry
from ..core.thaidates import DateError, parse_when
from ..services import sanitize
from ..services.binding import attachment_folder
from ..services.moves import FileChanged, MoveError, replace_file, repository_lock
from ..services.repository import Gate, Judged
from .time_text import moment_text
from .waiting import REVIEW_TARGET, QueueRow, queue_rows


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
        a form control, a refresh or a style the site would not apply. The title heading a body
        that has none is the template's (`views`), as text."""
        with self._gate_lock:
            checked = sanitize.check(self.gate.renderer.html(post.body), self.gate.renderer.policy)
        return Markup(checked.html)  # the sanitiser's output: what the site publishes

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
