"""The post model: the request form read from front matter, every field validated.

`load_post` never raises: everything wrong with a post becomes a Reason, so the
decision can list every problem at once.

Longer than most modules because the model and its one reader belong together: each key of
the request form is read here, next to the value it becomes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any
from zoneinfo import ZoneInfo

from .canonical import FRONT_MATTER_RE, PostFormatError, parse_front_matter, read_post_text, split
from .fields import (
    ALLOWED_KEYS,
    MAX_REVISION,
    REQUESTER_KEYS,
    REVISES_KEYS,
    TEXTS,
    check_theme_keys,
    http_url_problem,
    record_problems,
    shown_value,
    text_problem,
    unknown_key_reason,
)
from .messages import Reason
from .names import check_post_path
from .thaidates import DateError, When, Window, parse_when, window_from

DIGEST_RE = re.compile(r"^sha256:[0-9a-f]{64}$")
AT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
BANGKOK = ZoneInfo("Asia/Bangkok")


@dataclass(frozen=True)
class Rules:
    """What a post is checked against: the plugin's options that concern the form."""

    timezone: ZoneInfo = BANGKOK
    default_agency: str | None = None
    categories: tuple[str, ...] = ()
    # The blog's author ids (its `.authors.yml`); None: no authors file, so `authors` is refused.
    authors: frozenset[str] | None = None
    # The blog's `categories_allowed`; empty: any category.
    blog_categories: tuple[str, ...] = ()
    # The blogs' post folders ('news/posts/'): Material stops the whole build on a post there without `date`.
    blog_posts: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SignedEntry:
    """What a sign-off and a withdrawal share: who signed (in which role) which text, when,
    with which key, and what is wrong with the entry as written."""

    index: int
    role: str
    signer: str
    digest: str
    at_text: str
    at: dt.datetime | None
    key: str | None
    sig: str | None
    problems: tuple[Reason, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SignOff(SignedEntry):
    """One entry of `signoffs`: an approval or a refusal (with its reason) of one step of the chain."""

    decision: str
    reason: str | None


@dataclass(frozen=True, kw_only=True)
class Withdrawal(SignedEntry):
    """One entry of `withdrawals`: a signed order to take the post down now (`action: withdraw`),
    or a signed request for one (`action: request`, by a role that may not order it)."""

    action: str  # withdraw | request
    reason: str


@dataclass(frozen=True)
class Revises:
    """`revises`: the live version a revision replaces (its post path and digest) and its number."""

    path: str
    digest: str
    number: int


@dataclass(frozen=True)
class Attachment:
    """A local file the post links or embeds, bound into its digest."""

    path: str  # relative to the post's root folder (content, pending, expired): news/flu/photo.png
    name: str  # relative to the post's own folder: flu/photo.png (what the digest binds)
    sha256: str
    data: bytes = field(repr=False, compare=False)  # the bytes hashed: what is staged and moved


@dataclass(frozen=True)
class Requester:
    name: str
    position: str | None
    date: When | None


@dataclass(frozen=True)
class Post:
    path: str
    digest: str | None = None
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    title: str | None = None
    agency: str | None = None
    requester: Requester | None = None
    external_link: str | None = None
    remarks: str | None = None
    category: str | None = None
    window: Window | None = None
    signoffs: tuple[SignOff, ...] = ()
    published: dict[str, Any] | None = None
    taken_down: dict[str, Any] | None = None
    revises: Revises | None = None
    withdrawals: tuple[Withdrawal, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    problems: tuple[Reason, ...] = ()

    def without_attachment_bytes(self) -> Post:
        """The same post, its attachments' paths and hashes kept and their bytes let go: what a
        build keeps for every post until it ends, so memory does not grow with the site's files."""
        if not any(item.data for item in self.attachments):
            return self
        return replace(self, attachments=tuple(replace(item, data=b"") for item in self.attachments))


def _text(
    meta: dict[str, Any], key: str, problems: list[Reason], *, required: bool, where: str | None = None
) -> str | None:
    """A text field, checked against its entry in fields.TEXTS (`where`: its dotted name)."""
    value = meta.get(key)
    if value is None or value == "":
        if required:
            problems.append(Reason("missing_key", key))
        return None
    if not isinstance(value, str):
        problems.append(Reason("not_text", key))
        return None
    if problem := text_problem(key, value, TEXTS[where or key]):
        problems.append(problem)
        return None
    return value.strip()


def _when(
    meta: dict[str, Any], key: str, tz: ZoneInfo, problems: list[Reason], *, required: bool = True
) -> When | None:
    if meta.get(key) is None:
        if required:
            problems.append(Reason("missing_key", key))
        return None
    try:
        return parse_when(meta[key], tz)
    except DateError as error:
        problems.append(Reason(error.code, key, {"value": shown_value(error.value)}))
        return None


def blog_day(value: object, tz: ZoneInfo) -> dt.date | None:
    """The day a Material blog shows for its `date` value (a date, a timestamp, or {created: …}),
    in the site's zone: the blog reads a date without a zone as UTC. None when it is not one."""
    created = value.get("created") if isinstance(value, dict) else value
    if isinstance(created, dt.datetime):
        return (created if created.tzinfo else created.replace(tzinfo=dt.UTC)).astimezone(tz).date()
    return created if isinstance(created, dt.date) else None


def _blog_date_problems(value: object, start: When | None, tz: ZoneInfo) -> list[Reason]:
    """A blog post's `date` is the day its publication starts: the page, the blog lists and the
    archive show one date, the one the approvers signed as `publish_from`. The gate cannot write it
    in (the staged text is exactly what was signed), so it names the value to write."""
    if start is None:
        return [Reason("blog_date_missing", "date")] if value is None else []
    right = start.at.astimezone(tz).date()
    if value is None:
        return [Reason("blog_date_missing_from", "date", {"value": right.isoformat()})]
    day = blog_day(value, tz)
    if day is None or day.year >= 2400 or day == right:  # not a date, or a BE year: fields.py says so
        return []
    return [Reason("blog_date_not_publish_from", "date", {"value": day.isoformat(), "right": right.isoformat()})]


def _requester(meta: dict[str, Any], tz: ZoneInfo, problems: list[Reason]) -> Requester | None:
    value = meta.get("requester")
    if value is None:
        problems.append(Reason("missing_key", "requester"))
        return None
    if not isinstance(value, dict):
        problems.append(Reason("requester_shape", "requester"))
        return None
    inner: list[Reason] = []
    name = _text(value, "name", inner, required=True, where="requester.name")
    position = _text(value, "position", inner, required=False, where="requester.position")
    date = _when(value, "date", tz, inner)
    for extra in sorted(set(value) - set(REQUESTER_KEYS)):
        inner.append(Reason("unknown_subkey", shown_value(extra, 60)))
    problems.extend(Reason(r.code, f"requester.{r.key}", r.params) for r in inner)
    if name is None:
        return None
    return Requester(name, position, date)


def _signoff(index: int, entry: object, text_problems: list[Reason]) -> SignOff | Reason:
    """One sign-off entry; what is wrong with its text (characters, lengths) goes to
    `text_problems`, the post's own problems, whatever digest the entry is on."""
    key = f"signoffs[{index + 1}]"
    if not isinstance(entry, dict):
        return Reason("signoff_shape", key)
    problems: list[Reason] = []
    strings: dict[str, str | None] = {}
    for name in ("role", "signer", "decision", "digest", "at", "reason", "key", "sig"):
        value = entry.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(Reason("signoff_field_type", f"{key}.{name}"))
            value = None
        strings[name] = value
    for name in sorted(set(entry) - set(strings)):
        problems.append(Reason("unknown_subkey", f"{key}.{shown_value(name, 60)}"))
    for name, value in strings.items():
        spec = TEXTS["signoffs.reason" if name == "reason" else "signoffs"]
        if value is not None and (problem := text_problem(f"{key}.{name}", value, spec)):
            text_problems.append(problem)
            strings[name] = None if name in ("reason", "key", "sig") else ""
    digest = strings["digest"] or ""
    if not DIGEST_RE.match(digest):
        # Without a readable digest the entry cannot even be placed in history.
        return Reason("signoff_digest", f"{key}.digest")
    for name in ("role", "signer", "decision", "at"):
        if not strings[name]:
            problems.append(Reason("missing_key", f"{key}.{name}"))
    if strings["decision"] not in (None, "approve", "reject"):
        problems.append(Reason("signoff_decision", f"{key}.decision"))
    if strings["decision"] == "reject" and not (strings["reason"] or "").strip():
        problems.append(Reason("signoff_reason", f"{key}.reason"))
    at: dt.datetime | None = None
    at_text = strings["at"] or ""
    if at_text and not AT_RE.match(at_text):
        problems.append(Reason("signoff_at", f"{key}.at", {"value": shown_value(at_text)}))
    elif at_text:
        try:
            if at_text.isascii() and at_text.endswith("Z"):  # as strptime reads it, 20 times faster
                at = dt.datetime.fromisoformat(at_text[:-1]).replace(tzinfo=dt.UTC)
            else:  # AT_RE's \d takes Thai digits too, which strptime reads
                at = dt.datetime.strptime(at_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        except ValueError:
            problems.append(Reason("signoff_at", f"{key}.at", {"value": shown_value(at_text)}))
    return SignOff(
        index=index,
        role=strings["role"] or "",
        signer=strings["signer"] or "",
        decision=strings["decision"] or "",
        reason=strings["reason"],
        digest=digest,
        at_text=at_text,
        at=at,
        key=strings["key"],
        sig=strings["sig"],
        problems=tuple(problems),
    )


def _stamp_at(at_text: str, where: str, problems: list[Reason]) -> dt.datetime | None:
    """A `YYYY-MM-DDTHH:MM:SSZ` record time, or None with a problem."""
    if not AT_RE.match(at_text):
        problems.append(Reason("signoff_at", where, {"value": shown_value(at_text)}))
        return None
    try:
        return dt.datetime.strptime(at_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        problems.append(Reason("signoff_at", where, {"value": shown_value(at_text)}))
        return None


WITHDRAWAL_FIELDS = ("action", "role", "signer", "reason", "digest", "at", "key", "sig")


def _withdrawal(index: int, entry: object) -> Withdrawal | Reason:
    """One `withdrawals` entry; every problem is the entry's own (an entry that is not even
    readable is a Reason: it makes the post invalid, never silently ignored)."""
    key = f"withdrawals[{index + 1}]"
    if not isinstance(entry, dict):
        return Reason("withdrawal_shape", key)
    problems: list[Reason] = []
    strings: dict[str, str] = {}
    for name in WITHDRAWAL_FIELDS:
        value = entry.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(Reason("signoff_field_type", f"{key}.{name}"))
            value = None
        spec = TEXTS["withdrawals.reason" if name == "reason" else "signoffs"]
        if value is not None and (problem := text_problem(f"{key}.{name}", value, spec)):
            problems.append(problem)
            value = None
        strings[name] = value or ""
    for name in sorted(set(entry) - set(WITHDRAWAL_FIELDS)):
        problems.append(Reason("unknown_subkey", f"{key}.{shown_value(name, 60)}"))
    if not DIGEST_RE.match(strings["digest"]):
        return Reason("signoff_digest", f"{key}.digest")
    for name in ("action", "role", "signer", "reason", "at"):
        if not strings[name].strip():
            problems.append(Reason("missing_key", f"{key}.{name}"))
    if strings["action"] not in ("", "withdraw", "request"):
        problems.append(Reason("withdrawal_action", f"{key}.action", {"value": shown_value(strings["action"])}))
    at = _stamp_at(strings["at"], f"{key}.at", problems) if strings["at"] else None
    return Withdrawal(
        index=index, action=strings["action"], role=strings["role"], signer=strings["signer"],
        reason=strings["reason"], digest=strings["digest"], at_text=strings["at"], at=at,
        key=strings["key"] or None, sig=strings["sig"] or None, problems=tuple(problems),
    )  # fmt: skip


def _revises(meta: dict[str, Any], path: str, problems: list[Reason]) -> Revises | None:
    """`revises: {path, digest, number}`: the post path must be this post's own (a revision
    replaces the page at the same address), the digest a digest, the number 1 to 999."""
    value = meta.get("revises")
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != set(REVISES_KEYS):
        problems.append(Reason("revises_shape", "revises"))
        return None
    target, digest, number = value["path"], value["digest"], value["number"]
    if not isinstance(digest, str) or not DIGEST_RE.match(digest):
        problems.append(Reason("revises_shape", "revises.digest"))
        return None
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_REVISION:
        problems.append(Reason("revises_shape", "revises.number"))
        return None
    if target != path:
        problems.append(Reason("revises_other_path", "revises.path", {"value": shown_value(target), "path": path}))
        return None
    return Revises(path=target, digest=digest, number=number)


def _record(meta: dict[str, Any], key: str, problems: list[Reason]) -> dict[str, Any] | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.append(Reason("record_shape", key))
        return None
    if found := record_problems(key, value):
        problems.extend(found)
        return None
    return value


def load_post(raw: bytes, path: str, rules: Rules) -> Post:
    """Read a post's bytes into a Post; problems are collected, never raised.

    `path` is the post path: a name outside the safe set (names.py) is a problem too."""
    named = check_post_path(path)
    try:
        text = read_post_text(raw)
    except PostFormatError as error:
        params = {"line": str(error.line or "?"), "detail": shown_value(error.detail, 200)}
        key = shown_value(error.key, 60) if error.key is not None else None
        return Post(path=path, problems=(*named, Reason(error.code, key, params)))
    meta = text.meta
    problems: list[Reason] = list(named)
    for key in meta:
        if key not in ALLOWED_KEYS:
            problems.append(unknown_key_reason(key))
    title = _text(meta, "title", problems, required=True)
    agency = _text(meta, "agency", problems, required=rules.default_agency is None) or rules.default_agency
    requester = _requester(meta, rules.timezone, problems)
    remarks = _text(meta, "remarks", problems, required=False)
    link = _text(meta, "external_link", problems, required=False)
    if link is not None and (problem := http_url_problem("external_link", link)):
        problems.append(problem)
        link = None
    category = _text(meta, "category", problems, required=False)
    if category is not None and rules.categories and category not in rules.categories:
        problems.append(Reason("bad_category", "category", {"value": category, "allowed": ", ".join(rules.categories)}))
    problems.extend(check_theme_keys(meta, rules.authors, rules.blog_categories or None))
    if category is not None and _files_category(meta, path, rules):
        # The blog will file the post under its `category` (see blog_text): held to the blog's own rules.
        as_blog = check_theme_keys({"categories": [category]}, rules.authors, rules.blog_categories or None)
        problems.extend(Reason(reason.code, "category", reason.params) for reason in as_blog)

    start = _when(meta, "publish_from", rules.timezone, problems)
    until = _when(meta, "publish_until", rules.timezone, problems)
    window = None
    if start and until:
        try:
            window = window_from(start, until, rules.timezone)
        except DateError:
            problems.append(Reason("window_order", "publish_until"))

    signoffs: list[SignOff] = []
    raw_signoffs = meta.get("signoffs") or []
    if not isinstance(raw_signoffs, list):
        problems.append(Reason("signoffs_shape", "signoffs"))
        raw_signoffs = []
    for index, entry in enumerate(raw_signoffs):
        parsed = _signoff(index, entry, problems)
        if isinstance(parsed, Reason):
            problems.append(parsed)
        else:
            signoffs.append(parsed)
    withdrawals: list[Withdrawal] = []
    raw_withdrawals = meta.get("withdrawals") or []
    if not isinstance(raw_withdrawals, list):
        problems.append(Reason("withdrawal_shape", "withdrawals"))
        raw_withdrawals = []
    for index, entry in enumerate(raw_withdrawals):
        parsed_withdrawal = _withdrawal(index, entry)
        if isinstance(parsed_withdrawal, Reason):
            problems.append(parsed_withdrawal)
        else:
            withdrawals.append(parsed_withdrawal)
    revises = _revises(meta, path, problems)
    if path.startswith(rules.blog_posts):
        problems.extend(_blog_date_problems(meta.get("date"), start, rules.timezone))
    return Post(
        path=path,
        digest=text.digest,
        text=text.text,
        meta=meta,
        body=text.body,
        title=title,
        agency=agency,
        requester=requester,
        external_link=link,
        remarks=remarks,
        category=category,
        window=window,
        signoffs=tuple(signoffs),
        published=_record(meta, "published", problems),
        taken_down=_record(meta, "taken_down", problems),
        revises=revises,
        withdrawals=tuple(withdrawals),
        problems=tuple(problems),
    )


def _files_category(meta: dict[str, Any], path: str, rules: Rules) -> bool:
    """A blog post whose form names a `category` and that has no `categories` of its own."""
    return bool(rules.blog_posts) and path.startswith(rules.blog_posts) and "categories" not in meta


def blog_text(post: Post, rules: Rules) -> str:
    """The text the build renders for a live post: the verified canonical text, and for a blog
    post whose request form names a `category` but has no `categories`, that same text with one
    line `categories: ["<category>"]` closing its front matter, so Material's blog files the post
    under the category the approvers signed (the form's `category` is not a key Material reads).

    Nothing else changes: the body, every signed key and the digest stay as approved, and the
    value was checked as a blog category when the post was judged. Should the added line not
    read back as exactly the signed keys plus that one (it always does), the signed text is
    staged unchanged: no category page, never other bytes."""
    if post.category is None or not _files_category(post.meta, post.path, rules):
        return post.text
    match = FRONT_MATTER_RE.match(post.text)
    if match is None:
        return post.text
    line = "categories: " + json.dumps([post.category], ensure_ascii=False) + "\n"
    staged = post.text[: match.end(1)] + line + post.text[match.end(1) :]
    try:
        front, body = split(staged)
        same = parse_front_matter(front) == {**post.meta, "categories": [post.category]}
    except PostFormatError:
        return post.text
    return staged if same and body == split(post.text)[1] else post.text
