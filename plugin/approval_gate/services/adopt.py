"""Adopting the gate on a site (`gate init`): what to add to `mkdocs.yml` and which files to create.

Pure apart from reading the site: `plan()` reads `mkdocs.yml` and the pages under `docs_dir`
and returns the new `mkdocs.yml` text and the files to create; the CLI shows it as a diff and
writes it only when asked. `mkdocs.yml` is edited as text, so the site's comments, quoting
and YAML tags (`!!python/name:`, `!ENV`) survive.

The safer scope for an existing site: everything stays gated (the plugin's default) and
every page that exists today without a request form is listed under `exempt` by its exact
path, so today's pages stay as they are and any page added later needs a sign-off (or an
`exempt` line) before it is published. Static files that exist today are listed under
`assets` (whole top-level folders that hold no posts, else file by file).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .binding import MARKDOWN_SUFFIXES

PLUGIN_NAME = "approval-gate"
DEFAULT_DOCS_DIR = "docs"
FORM_KEYS = frozenset({"requester", "signoffs", "publish_from", "publish_until"})
SITE_ID_RE = re.compile(r"[^a-z0-9._-]+")

# What ships with the package for a new site, and where it is in a source checkout.
SHIPPED = {
    "theme_overrides": "overrides",
    "publish.yml": ".github/workflows/publish.yml",
    "publish-local": "scripts/publish-local",
}
SHIPPED_DIR = "shipped"


class AdoptError(ValueError):
    """mkdocs.yml cannot be edited safely; `code` is a catalogue message."""

    def __init__(self, code: str, **params: str):
        super().__init__(code)
        self.code = code
        self.params = params


def any_case(text: str) -> str:
    """A gitignore pattern for `text` in any case: `.md` -> `.[mM][dD]`."""
    return "".join(f"[{ch.lower()}{ch.upper()}]" if ch.isalpha() else ch for ch in text)


def exclude_docs_lines(exempt: list[str] | tuple[str, ...]) -> list[str]:
    """The fail-closed `exclude_docs` lines: every Markdown extension in any case, then the exempt pages back."""
    return [f"*{any_case(suffix)}" for suffix in MARKDOWN_SUFFIXES] + [f"!/{pattern}" for pattern in exempt]


def shipped(name: str) -> Path:
    """A file or folder shipped for new sites: inside the installed package, or the source checkout's copy."""
    packaged = Path(str(resources.files("approval_gate"))) / SHIPPED_DIR / name
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[3] / SHIPPED[name]


# --- reading the site --------------------------------------------------------------------------


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its values only: any tag (`!!python/name:`, `!ENV`) becomes None."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_LenientLoader.add_multi_constructor("!", _any_tag)
_LenientLoader.add_multi_constructor("tag:", _any_tag)


def read_config(text: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_LenientLoader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        raise AdoptError("init_bad_config", detail=str(error).replace("\n", " ")) from None
    if not isinstance(data, dict):
        raise AdoptError("init_bad_config", detail="not a mapping")
    return data


def plugin_entries(config: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The `plugins` setting as (name, options) pairs, whichever of its forms the site uses."""
    plugins = config.get("plugins")
    pairs: list[tuple[str, dict[str, Any]]] = []
    items = list(plugins.items()) if isinstance(plugins, dict) else plugins or []
    for item in items:
        if isinstance(item, tuple):
            pairs.append((str(item[0]), item[1] if isinstance(item[1], dict) else {}))
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            pairs.append((str(name), options if isinstance(options, dict) else {}))
        elif isinstance(item, str):
            pairs.append((item, {}))
    return pairs


def blog_posts_folder(config: dict[str, Any]) -> str | None:
    """The blog plugin's posts folder (`post_dir`, by default `<blog_dir>/posts`), if the site has a blog."""
    for name, options in plugin_entries(config):
        if name in ("blog", "material/blog"):
            blog_dir = str(options.get("blog_dir") or "blog")
            post_dir = str(options.get("post_dir") or "{blog}/posts").format(blog=blog_dir)
            return posixpath.normpath(post_dir).strip("/")
    return None


def has_request_form(raw: bytes) -> bool:
    """A page whose front matter holds request-form keys: a post, to be judged."""
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    match = re.match(r"^-{3}[ \t]*\r?\n(.*?\r?\n)(?:-{3}|\.{3})[ \t]*(?:\r?\n|$)", text, re.DOTALL)
    if match is None:
        return False
    try:
        data = yaml.load(match.group(1), Loader=_LenientLoader)  # a SafeLoader subclass
    except yaml.YAMLError:
        return True  # broken front matter: let the gate judge it and say why
    return isinstance(data, dict) and bool(FORM_KEYS & set(map(str, data)))


@dataclass
class Scan:
    """What is under docs_dir today."""

    ordinary: list[str] = field(default_factory=list)  # Markdown pages without a request form
    posts: list[str] = field(default_factory=list)  # Markdown pages with one
    assets: list[str] = field(default_factory=list)  # asset globs for today's static files
    kept_out: list[str] = field(default_factory=list)  # globs for what the site's own exclude_docs keeps out


def _grouped(paths: list[str], others: set[str]) -> list[str]:
    """`top/*` for a top-level folder whose every file is in `paths` and none in `others`; else the paths."""
    folders: dict[str, list[str]] = {}
    for path in paths:
        folders.setdefault(path.split("/", 1)[0] if "/" in path else "", []).append(path)
    globs: list[str] = []
    for top, members in folders.items():
        if top and not any(other.startswith(top + "/") for other in others):
            globs.append(f"{top}/*")
        else:
            globs.extend(members)
    return globs


def scan(docs_dir: Path, site_exclude: str, posts_folder: str) -> Scan:
    """Pages and static files MkDocs would publish today, and what the site keeps out itself (hidden files skipped).

    What the site keeps out goes into `exempt` without a `!/` line in `exclude_docs`: never
    judged, still kept out."""
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(site_exclude.splitlines())
    result = Scan()
    static: list[str] = []
    kept_out: list[str] = []
    if not docs_dir.is_dir():
        return result
    for file in sorted(docs_dir.rglob("*")):
        path = file.relative_to(docs_dir).as_posix()
        if not file.is_file() or any(part.startswith(".") for part in path.split("/")):
            continue
        if path.startswith("templates/") or spec.match_file(path):
            kept_out.append(path)
        elif posixpath.splitext(path)[1].lower() in MARKDOWN_SUFFIXES:
            (result.posts if has_request_form(file.read_bytes()) else result.ordinary).append(path)
        else:
            static.append(path)
    posts = {*result.posts, posts_folder + "/"}
    result.assets = _grouped(static, {*posts, *result.ordinary, *kept_out})
    result.kept_out = _grouped(kept_out, {*posts, *result.ordinary, *static})
    return result


# --- editing mkdocs.yml as text ----------------------------------------------------------------


def _quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def entry_lines(
    site_id: str,
    exempt: list[str],
    assets: list[str],
    agency: str | None,
    kept_out: Sequence[str] = (),
) -> list[str]:
    """The plugin's entry (without the leading `- `), its options indented by two under its name."""
    exempt = [*exempt, *kept_out]
    lines = [f"{PLUGIN_NAME}:", f"  site_id: {_quote(site_id)}", "  registry: approvers.yml"]
    if agency:
        lines.append(f"  default_agency: {_quote(agency)}")
    if exempt:
        lines.append("  exempt:  # pages published without sign-off (paths under docs_dir)")
        lines += [f"    - {_quote(path)}" for path in exempt]
    else:
        lines.append("  exempt: []  # pages published without sign-off (paths under docs_dir)")
    if assets:
        lines.append("  assets:  # static files published without sign-off")
        lines += [f"    - {_quote(path)}" for path in assets]
    return lines


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _top_level(root: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _compose(text: str) -> yaml.MappingNode:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise AdoptError("init_bad_config", detail=str(error).replace("\n", " ")) from None
    if not isinstance(root, yaml.MappingNode):
        raise AdoptError("init_bad_config", detail="not a mapping")
    return root


def add_plugin(text: str, entry: list[str]) -> str:
    """`text` with the plugin entry first among `plugins` (the list is created when missing)."""
    root = _compose(text)
    found = _top_level(root, "plugins")
    if found is None:
        block = ["plugins:", "  - " + entry[0], *("    " + line for line in entry[1:]), "  - search"]
        return _append(text, block)
    key_node, value = found
    if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
        at = _line_start(text, value.start_mark.index)
        indent = " " * value.start_mark.column
        lines = [indent + "- " + entry[0], *(indent + "  " + line for line in entry[1:])]
        return text[:at] + "".join(line + "\n" for line in lines) + text[at:]
    if isinstance(value, yaml.MappingNode) and value.value and not value.flow_style:
        first = value.value[0][0]
        at = _line_start(text, first.start_mark.index)
        indent = " " * first.start_mark.column
        return text[:at] + "".join(indent + line + "\n" for line in entry) + text[at:]
    if isinstance(value, yaml.SequenceNode) or (isinstance(value, yaml.ScalarNode) and value.value == ""):
        # `plugins: [a, b]`, `plugins: []` or `plugins:` alone: rewritten as a block list.
        nodes = [] if isinstance(value, yaml.ScalarNode) else value.value
        items = [text[item.start_mark.index : item.end_mark.index] for item in nodes]
        lines = ["  - " + entry[0], *("    " + line for line in entry[1:]), *("  - " + item for item in items)]
        end = _line_end(text, key_node.end_mark.index if isinstance(value, yaml.ScalarNode) else value.end_mark.index)
        return text[: key_node.end_mark.index] + ":\n" + "".join(line + "\n" for line in lines) + text[end:]
    raise AdoptError("init_plugins_shape")


def add_exclude_docs(text: str, wanted: list[str]) -> str:
    """`text` with the fail-closed lines added to `exclude_docs` (kept: the site's own lines, first)."""
    root = _compose(text)
    found = _top_level(root, "exclude_docs")
    comment = "# Fail closed for any builder that ignores plugins: every Markdown page is excluded and the\n"
    comment += "# exempt pages come back; approval-gate re-includes only live posts (it checks this).\n"
    if found is None:
        return _append(text, ["exclude_docs: |", *("  " + line for line in wanted)], comment)
    _, value = found
    if not isinstance(value, yaml.ScalarNode):
        raise AdoptError("init_exclude_docs_shape")
    old = [line.strip() for line in str(value.value).splitlines() if line.strip()]
    lines = old + [line for line in wanted if line not in old]
    if lines == old:
        return text
    start = value.start_mark.index
    end = value.end_mark.index if value.style in ("|", ">") else _line_end(text, value.end_mark.index)
    block = "|\n" + "".join("  " + line + "\n" for line in lines)
    return text[:start] + block + text[end:]


def _append(text: str, lines: list[str], comment: str = "") -> str:
    head = text if not text or text.endswith("\n") else text + "\n"
    return head + "\n" + comment + "".join(line + "\n" for line in lines)


def adopt_config(
    text: str,
    *,
    site_id: str,
    exempt: list[str],
    assets: list[str],
    agency: str | None,
    kept_out: Sequence[str] = (),
) -> str:
    """The whole edit of an existing mkdocs.yml; checked by reading the result back. `kept_out`
    (what the site's own `exclude_docs` keeps out) is exempt but not re-included."""
    entry = entry_lines(site_id, exempt, assets, agency, kept_out)
    new = add_exclude_docs(add_plugin(text, entry), exclude_docs_lines(exempt))
    data = read_config(new)
    entries = plugin_entries(data)
    if not entries or entries[0][0] != PLUGIN_NAME:
        raise AdoptError("init_plugins_shape")
    return new


def new_config(*, site_name: str, site_id: str, agency: str | None, thai_theme: bool) -> str:
    """mkdocs.yml for a new site: docs/, one exempt home page, the gate first, then search."""
    lines = [f"site_name: {_quote(site_name)}", f"docs_dir: {DEFAULT_DOCS_DIR}"]
    if thai_theme:
        lines += [
            "",
            "theme:",
            "  name: material",
            "  language: th",
            "  custom_dir: overrides  # Thai search, corrected Thai strings, Buddhist-Era post dates",
            "  font: false            # no Google Fonts: Sarabun is served from the site",
            "",
            "extra_css:",
            "  - assets/stylesheets/thai.css",
        ]
    lines += ["", "plugins:", "  - " + (entry := entry_lines(site_id, ["index.md"], [], agency))[0]]
    lines += ["    " + line for line in entry[1:]]
    lines += ["  - search"]
    text = "\n".join(lines) + "\n"
    return add_exclude_docs(text, exclude_docs_lines(["index.md"]))


def site_id_from(name: str) -> str:
    """A registry-safe id from a folder or site name (`My Site` -> `my-site`), `site` if nothing is left."""
    return SITE_ID_RE.sub("-", name.lower()).strip("-._")[:64] or "site"


REGISTRY_HEAD = """\
# approvers.yml: who may sign off which step, with which keys, and when (the approvers registry).
# Review every change to this file as you review code: it decides whose signature counts.
#
# site_id: bound into every signature (must match the plugin's site_id).
# timezone: zone for dates written without one.
# people: each person who signs, with
#   id:        lower-case letters, digits, . _ - (used in sign-offs: `gate approve --as ID`)
#   name:      full name with title, as on the request form
#   position:  position, as on the request form (optional)
#   email:     where `gate notify` tells them what waits for their sign-off (optional)
#   roles:     [{role: chair|director, from: DATE, until: DATE (optional)}]
#   keys:      [{key: "ssh-ed25519 AAAA… id", from: DATE, until: DATE (retired), revoked: DATE (lost)}]
# Dates: 2569-11-25 (Buddhist Era) or 2026-11-25. Add people and keys with
# `gate keygen --id ID` (each approver) and `gate registry add-person` / `add-key` (the webmaster).
"""


def registry_text(site_id: str, timezone: str = "Asia/Bangkok") -> str:
    """An approvers.yml with its schema in comments and no one yet (the CLI adds the first person)."""
    return REGISTRY_HEAD + f"site_id: {_quote(site_id)}\ntimezone: {timezone}\npeople: []\n"


HOME_PAGE = """\
# {title}

This page is exempt: it is published without sign-off. Posts start with `gate new`.
"""
