"""Print screens of published posts: the ITA evidence that a post was on the website, and how.

A capture is filed beside the take-down records (committed with them, so it outlives the
post), by fiscal year of the post's publication and by post path, under the digest it shows:

    evidence/<fiscal year>/<post path without .md>/<digest prefix>.png   the full page, A4 width
    evidence/<fiscal year>/<post path without .md>/<digest prefix>.json  url, digest, captured at, title

An amended post (a new digest) gets a new capture beside the old ones, which stay. Which
posts a build put on the site, and at which URL, the plugin notes after a successful
`mkdocs build` in `.cache/approval-gate/built-pages.json` (never in `site/`); `gate capture`
reads that note, so it photographs exactly the pages MkDocs wrote, at the URLs it gave them.

Reading and writing these files is here; driving the browser is in chromium.py.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.messages import message
from .moves import write_atomically

EVIDENCE_DIR = "evidence"
BUILT_PAGES = ".cache/approval-gate/built-pages.json"
A4_WIDTH = 794  # CSS pixels: 210 mm at 96 dpi
DIGEST_PREFIX = 16  # hex digits of the digest in a capture's file name
SIDECAR_VERSION = 1


class EvidenceError(ValueError):
    """An evidence file or the built-pages note cannot be read; `detail` says why."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class BuiltPage:
    """A live post as a build wrote it: where its page is in `site/` and what it was built from."""

    post_path: str
    url: str  # as MkDocs gives it, relative to the site root: 'news/flu/'
    dest: str  # the file under site/: 'news/flu/index.html'
    digest: str
    fiscal_year: int  # of the day its window opened (the register's filing)


@dataclass(frozen=True)
class Capture:
    """One print screen and its sidecar."""

    post_path: str
    fiscal_year: int
    digest: str
    url: str
    captured_at: dt.datetime
    title: str  # document.title of the captured page
    heading: str  # the text of its first <h1>
    image: Path


def digest_hex(digest: str) -> str:
    return digest.removeprefix("sha256:")


def folder_for(root: Path, fiscal_year: int, post_path: str) -> Path:
    return root / EVIDENCE_DIR / str(fiscal_year) / post_path.removesuffix(".md")


def image_for(root: Path, fiscal_year: int, post_path: str, digest: str) -> Path:
    return folder_for(root, fiscal_year, post_path) / f"{digest_hex(digest)[:DIGEST_PREFIX]}.png"


def sidecar_of(image: Path) -> Path:
    return image.with_suffix(".json")


def has_capture(root: Path, page: BuiltPage) -> bool:
    """A capture is complete once its sidecar is written (the image is written first)."""
    return sidecar_of(image_for(root, page.fiscal_year, page.post_path, page.digest)).is_file()


# --- the built-pages note ---------------------------------------------------------------


def write_built_pages(root: Path, site_dir: Path, built_at: dt.datetime, pages: Iterable[BuiltPage]) -> Path:
    target = root / BUILT_PAGES
    document = {
        "site_dir": str(site_dir),
        "built_at": built_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "pages": [
            {"post": p.post_path, "url": p.url, "dest": p.dest, "digest": p.digest, "fiscal_year": p.fiscal_year}
            for p in sorted(pages, key=lambda page: page.post_path)
        ],
    }
    write_atomically(target, (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return target


def _safe_relative(value: object) -> bool:
    return (
        isinstance(value, str)
        and not value.startswith("/")
        and "\\" not in value
        and ".." not in value.split("/")
        and ":" not in value.split("/")[0]
    )


def read_built_pages(root: Path) -> tuple[Path, list[BuiltPage]]:
    """(site folder, live pages) of the last successful build; EvidenceError when the note is bad."""
    source = root / BUILT_PAGES
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvidenceError(source, "missing") from None
    except (OSError, ValueError) as error:
        raise EvidenceError(source, str(error)) from None
    pages: list[BuiltPage] = []
    try:
        for item in document["pages"]:
            if not all(_safe_relative(item[key]) for key in ("post", "url", "dest")):
                raise ValueError(f"unsafe path in {item!r}")
            pages.append(
                BuiltPage(item["post"], item["url"], item["dest"], str(item["digest"]), int(item["fiscal_year"]))
            )
        site_dir = Path(document["site_dir"])
    except (KeyError, TypeError, ValueError) as error:
        raise EvidenceError(source, f"unexpected content ({error})") from None
    return site_dir, pages


# --- captures ---------------------------------------------------------------------------


def store(
    root: Path, page: BuiltPage, png: bytes, *, url: str, captured_at: dt.datetime, title: str, heading: str
) -> Capture:
    """File a capture: the image first, then the sidecar that marks it complete."""
    image = image_for(root, page.fiscal_year, page.post_path, page.digest)
    sidecar = {
        "version": SIDECAR_VERSION,
        "post": page.post_path,
        "fiscal_year": page.fiscal_year,
        "digest": page.digest,
        "url": url,
        "captured_at": captured_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "title": title,
        "heading": heading,
        "image": image.name,
    }
    write_atomically(image, png)
    write_atomically(sidecar_of(image), (json.dumps(sidecar, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return Capture(page.post_path, page.fiscal_year, page.digest, url, captured_at, title, heading, image)


def _read_capture(sidecar: Path, fiscal_year: int) -> Capture:
    try:
        data: dict[str, Any] = json.loads(sidecar.read_text(encoding="utf-8"))
        at = dt.datetime.strptime(data["captured_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        image = sidecar.with_name(str(data["image"]))
        if image.name != sidecar.with_suffix(".png").name or image.is_symlink() or not image.is_file():
            raise ValueError("its image is missing (or is a symbolic link)")
        post = str(data["post"])
        if not _safe_relative(post):
            raise ValueError(f"unsafe post path {post!r}")
        return Capture(
            post,
            fiscal_year,
            str(data["digest"]),
            str(data["url"]),
            at,
            str(data["title"]),
            str(data["heading"]),
            image,
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise EvidenceError(sidecar, str(error)) from None


def captures(root: Path, fiscal_year: int) -> tuple[dict[str, list[Capture]], list[EvidenceError]]:
    """Every capture filed under a fiscal year, by post path, oldest first; and the unreadable ones."""
    found: dict[str, list[Capture]] = {}
    problems: list[EvidenceError] = []
    folder = root / EVIDENCE_DIR / str(fiscal_year)
    if not folder.is_dir():
        return found, problems
    for sidecar in sorted(folder.rglob("*.json")):
        if sidecar.is_symlink():
            problems.append(EvidenceError(sidecar, "a symbolic link"))
            continue
        try:
            capture = _read_capture(sidecar, fiscal_year)
        except EvidenceError as error:
            problems.append(error)
            continue
        expected = folder_for(root, fiscal_year, capture.post_path)
        if sidecar.parent != expected:
            problems.append(EvidenceError(sidecar, f"filed outside {posixpath.join(EVIDENCE_DIR, str(fiscal_year))}"))
            continue
        found.setdefault(capture.post_path, []).append(capture)
    for items in found.values():
        items.sort(key=lambda capture: capture.captured_at)
    return found, problems


def footer_text(lang: str, *, public: str, when: str, digest: str) -> str:
    return message("evidence_footer", lang, url=public, date=when, digest=digest_hex(digest)[:DIGEST_PREFIX])


def footer_script(text: str) -> str:
    """JavaScript that appends the capture footer (as text, never markup) and returns
    [document.title, first h1's text]."""
    style = (
        "margin:24px 0 0;padding:12px 16px;border-top:2px solid #333;background:#fff;color:#000;"
        "font:14px/1.5 Sarabun,'TH Sarabun New',Tahoma,sans-serif;white-space:pre-wrap;"
    )
    return (
        "(async () => {"
        "await document.fonts.ready;"
        "const foot = document.createElement('div');"
        f"foot.setAttribute('style', {json.dumps(style)});"
        f"foot.textContent = {json.dumps(text, ensure_ascii=False)};"
        "document.body.appendChild(foot);"
        "await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));"
        "const h1 = document.querySelector('article h1, .md-content h1, h1');"
        "return [document.title, h1 ? h1.textContent.trim() : ''];"
        "})()"
    )
