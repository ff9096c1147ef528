"""Rendered HTML checked against an allowlist by a real sanitiser (nh3, a binding of Rust's ammonia).

The sanitiser is the oracle. A page is clean when sanitising it removes nothing: nh3 with the
strict allowlist gives the same HTML as nh3 keeping everything the strict one could remove (the
same parser and serialiser, so only what the allowlist refused can differ). Where they differ,
the input and nh3's output are read by one HTML parser into start tags (with their decoded
attributes) and text, and the input token that differs names what was refused (an element, an
attribute, a URL). What the site publishes is nh3's output, so a difference the comparison could
miss cannot reach a reader.

Pure: no files, no MkDocs. Imported by the core's adapters (the plugin, the desk, `gate check`).
"""

from __future__ import annotations

import functools
import string
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

# What Python-Markdown, attr_list, toc and tables produce, and nothing that runs, loads a
# document, submits, restyles or navigates by itself. No `style`: hidden text would make a
# page read differently from what the approvers were shown.
ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
        "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
        "tr", "u", "ul", "var",
    }
)  # fmt: skip
COMMON_ATTRIBUTES = frozenset({"id", "class", "title", "lang"})
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    # `style` only for Python-Markdown's table column alignment (STYLE_PROPERTIES).
    "td": frozenset({"align", "colspan", "rowspan", "style"}),
    "th": frozenset({"align", "colspan", "rowspan", "scope", "style"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "time": frozenset({"datetime"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "details": frozenset({"open"}),
    "del": frozenset({"datetime"}),
    "ins": frozenset({"datetime"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# The one CSS property a post may set, and its values: what `tables` writes for `|:--|--:|`.
STYLE_PROPERTIES = frozenset({"text-align"})
TEXT_ALIGN = frozenset({"left", "right", "center", "justify"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# What the keeping cleaner keeps: every element of HTML, SVG and MathML a page could hold, and
# every URL scheme a browser would run or load. (Anything else both cleaners drop alike.)
EVERY_TAG = frozenset(
    {
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont",
        "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption",
        "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog",
        "dir", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form",
        "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i",
        "iframe", "image", "img", "input", "ins", "isindex", "kbd", "keygen", "label", "legend", "li", "link",
        "listing", "main", "map", "mark", "marquee", "menu", "menuitem", "meta", "meter", "nav", "nobr", "noembed",
        "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture",
        "plaintext", "portal", "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script",
        "search", "section", "select", "slot", "small", "source", "spacer", "span", "strike", "strong", "style",
        "sub", "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time",
        "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
        "svg", "animate", "animatemotion", "animatetransform", "circle", "clippath", "defs", "desc", "ellipse",
        "feimage", "filter", "foreignobject", "g", "line", "lineargradient", "marker", "mask", "mpath", "path",
        "pattern", "polygon", "polyline", "radialgradient", "rect", "set", "stop", "switch", "symbol", "text",
        "textpath", "tspan", "use", "view",
        "math", "maction", "annotation", "annotation-xml", "menclose", "merror", "mfrac", "mi", "mn", "mo",
        "mover", "mpadded", "mphantom", "mroot", "mrow", "ms", "mspace", "msqrt", "mstyle", "msub", "msubsup",
        "msup", "mtable", "mtd", "mtext", "mtr", "munder", "munderover", "semantics",
    }
)  # fmt: skip
EVERY_SCHEME = frozenset(
    {
        "javascript", "vbscript", "livescript", "jscript", "mocha", "data", "file", "blob", "filesystem",
        "about", "view-source", "jar", "mhtml", "ms-its", "res", "resource", "chrome", "intent", "feed",
        "ftp", "ws", "wss", "sms", "callto", "irc", "ssh", "sftp", "smb", "news", "nntp", "gopher", "tel",
        "mailto", "http", "https",
    }
)  # fmt: skip
# Material's blog cuts a post's HTML at this comment to make its excerpt.
EXCERPT_SEPARATOR = "<!-- more -->"


@dataclass(frozen=True)
class Policy:
    """What may appear in a gated page's HTML; the plugin's `allowed_html` option extends it."""

    tags: frozenset[str] = ALLOWED_TAGS
    attributes: dict[str, frozenset[str]] = field(default_factory=lambda: dict(ALLOWED_ATTRIBUTES))
    common: frozenset[str] = COMMON_ATTRIBUTES
    schemes: frozenset[str] = URL_SCHEMES

    @functools.cached_property
    def cleaner(self) -> nh3.Cleaner:
        """The strict sanitiser; it notes every URL it keeps (see `_kept_urls`)."""
        attributes = {tag: set(names) for tag, names in self.attributes.items()}
        attributes["*"] = set(self.common)
        return nh3.Cleaner(
            tags=set(self.tags),
            clean_content_tags={"script", "style"},
            attributes=attributes,
            attribute_filter=_note_url,
            filter_style_properties=set(STYLE_PROPERTIES),
            url_schemes=set(self.schemes),
            link_rel=None,
            strip_comments=True,
        )

    @functools.cached_property
    def keeper(self) -> nh3.Cleaner:
        """The same parser and serialiser keeping every element, attribute and script URL the
        strict one could remove: where both give the same HTML, the strict one removed nothing."""
        return nh3.Cleaner(
            tags=set(EVERY_TAG | self.tags),
            clean_content_tags=set(),
            attributes={"*": set()},
            generic_attribute_prefixes=set(string.ascii_lowercase),
            url_schemes=set(EVERY_SCHEME | self.schemes),
            link_rel=None,
            strip_comments=True,
        )


STRICT = Policy()


def policy_with(extra: object) -> Policy:
    """STRICT plus the plugin's `allowed_html` option: `{tag: [attribute, ...]}`; scripts,
    frames, forms, styles and event handlers cannot be allowed (nh3 refuses them anyway)."""
    if not isinstance(extra, dict) or not extra:
        return STRICT
    attributes = dict(STRICT.attributes)
    tags = set(STRICT.tags)
    for tag, names in extra.items():
        tag = str(tag).lower()
        if tag in NEVER_ALLOWED:
            continue
        tags.add(tag)
        kept = {str(name).lower() for name in names or ()}
        attributes[tag] = attributes.get(tag, frozenset()) | {name for name in kept if not _active_attribute(name)}
    return Policy(tags=frozenset(tags), attributes=attributes)


NEVER_ALLOWED = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
        "button", "select", "textarea", "meta", "base", "link", "svg", "math", "template", "noscript",
    }
)  # fmt: skip


def _active_attribute(name: str) -> bool:
    return name.startswith("on") or name in {"style", "srcdoc", "formaction", "action", "srcset", "xmlns"}


@dataclass(frozen=True)
class Finding:
    """One thing the allowlist refused: `what` is an element (`<iframe>`) or an attribute
    (`<a href>`), `line` the 1-based line of the HTML it was found on."""

    what: str
    line: int
    detail: str = ""


@dataclass(frozen=True)
class Checked:
    html: str  # nh3's output: what is published
    findings: tuple[Finding, ...]
    urls: tuple[str, ...]  # every href/src/cite value kept, in order, decoded

    @property
    def clean(self) -> bool:
        return not self.findings


Token = tuple[str, str, tuple[tuple[str, str], ...]]  # (kind, tag or text, attributes)


class _Tokens(HTMLParser):
    """Start tags with sorted, decoded attributes and merged text; end tags and comments
    are left out (nh3's output closes what the input left open, and has no comments)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self.lines: list[int] = []
        self.comments = 0
        self.oddities: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pairs = ((name, _style(value or "") if name == "style" else value or "") for name, value in attrs)
        self.tokens.append(("start", tag, tuple(sorted(pairs))))
        self.lines.append(self.getpos()[0])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.tokens and self.tokens[-1][0] == "text":
            self.tokens[-1] = ("text", self.tokens[-1][1] + data, ())
        else:
            self.tokens.append(("text", data, ()))
            self.lines.append(self.getpos()[0])

    def handle_comment(self, data: str) -> None:
        self.comments += 1

    def handle_decl(self, decl: str) -> None:
        self.oddities.append(("<!" + decl.split(" ", 1)[0] + ">", self.getpos()[0]))

    def handle_pi(self, data: str) -> None:
        self.oddities.append(("<?…>", self.getpos()[0]))

    def unknown_decl(self, data: str) -> None:
        self.oddities.append(("<![…]>", self.getpos()[0]))


def _read(parser: HTMLParser, html: str) -> bool:
    """Feed `html` to `parser`; False when Python's parser gives up on it (it asserts on some
    malformed `<![` sections), so a caller can refuse the page instead of crashing the build."""
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:
        return False
    return True


def _tokens(html: str) -> _Tokens:
    parser = _Tokens()
    if not _read(parser, html):
        parser.oddities.append(("<![…]>", parser.getpos()[0]))
    # Whitespace-only text between tags is layout, and nh3 may move it when it re-nests.
    kept = [i for i, token in enumerate(parser.tokens) if token[0] != "text" or token[1].strip()]
    parser.tokens = [parser.tokens[i] for i in kept]
    parser.lines = [parser.lines[i] for i in kept]
    return parser


def _scheme(url: str) -> str | None:
    """The scheme a browser would see: controls and whitespace inside it are ignored by browsers."""
    head = url.split(":", 1)
    if len(head) < 2:
        return None
    name = "".join(ch for ch in head[0] if ch > " " and ch != "\x7f").lower()
    if "/" in name or "?" in name or "#" in name:
        return None
    return name


def _style(value: str) -> str:
    """A style attribute written one way (`text-align:left`), so nh3's rewriting of spaces and
    semicolons is not taken for a change; what it removes still is."""
    declarations = (part.partition(":") for part in value.split(";") if part.strip())
    return ";".join(f"{name.strip().lower()}:{setting.strip()}" for name, _, setting in declarations)


def _style_allowed(value: str) -> bool:
    declarations = [part.partition(":") for part in value.split(";") if part.strip()]
    return all(
        name.strip().lower() in STYLE_PROPERTIES and setting.strip().lower() in TEXT_ALIGN
        for name, _, setting in declarations
    )


def _refusals(token: Token, policy: Policy) -> list[str]:
    """Why the allowlist refuses this input token (empty: it does not, by these rules)."""
    kind, tag, attrs = token
    if kind != "start":
        return []
    if tag not in policy.tags:
        return [f"<{tag}>"]
    allowed = policy.common | policy.attributes.get(tag, frozenset())
    found = []
    for name, value in attrs:
        if name not in allowed or (name == "style" and not _style_allowed(value)):
            found.append(f"<{tag} {name}>")
        elif name in URL_ATTRIBUTES and (scheme := _scheme(value)) is not None and scheme not in policy.schemes:
            found.append(f"<{tag} {name}={scheme}:>")
    return found


_collected = threading.local()


def _note_url(tag: str, attribute: str, value: str) -> str:
    if attribute in URL_ATTRIBUTES:
        getattr(_collected, "urls", []).append(value)
    return value


def _kept_urls(cleaner: nh3.Cleaner, html: str) -> tuple[str, tuple[str, ...]]:
    """`cleaner.clean(html)` and the URL values it kept, in order."""
    _collected.urls = []
    try:
        return cleaner.clean(html), tuple(_collected.urls)
    finally:
        _collected.urls = []


def check(html: str, policy: Policy = STRICT) -> Checked:
    """Sanitise `html` and say everything the allowlist removed or changed.

    The common case costs two passes of nh3: the strict output equals the keeping one. Only
    otherwise is the input read token by token, to name what was refused."""
    cleaned, urls = _kept_urls(policy.cleaner, html)
    # `<!` and `<?` (comments, doctypes, CDATA, processing instructions) are dropped by both
    # cleaners alike, so they are looked at token by token.
    if cleaned == policy.keeper.clean(html) and "<!" not in html and "<?" not in html:
        return Checked(html=cleaned, findings=(), urls=urls)
    return Checked(html=cleaned, findings=_findings(html, cleaned, policy), urls=urls)


def _findings(html: str, cleaned: str, policy: Policy) -> tuple[Finding, ...]:
    before, after = _tokens(html), _tokens(cleaned)
    findings: list[Finding] = []
    seen: set[str] = set()

    def add(what: str, line: int, detail: str = "") -> None:
        if what not in seen:
            seen.add(what)
            findings.append(Finding(what, line, detail))

    for token, line in zip(before.tokens, before.lines, strict=True):
        for what in _refusals(token, policy):
            add(what, line)
    for what, line in before.oddities:
        add(what, line)
    # A comment marker inside an attribute could end Material's excerpt in the middle of a tag.
    if html.count("<!--") != before.comments or html.count(EXCERPT_SEPARATOR) > before.comments:
        add("<!-- in an attribute", 1)
    if not findings and before.tokens != after.tokens:
        # What the rules above do not name: nh3 changed the page anyway (re-nesting, a URL it
        # would not keep). The first difference is where to look.
        index = next(
            (i for i, (a, b) in enumerate(zip(before.tokens, after.tokens, strict=False)) if a != b),
            min(len(before.tokens), len(after.tokens)),
        )
        # Past the end of the input: nh3 added something (re-nesting); name that.
        token = before.tokens[index] if index < len(before.tokens) else after.tokens[index]
        line = before.lines[index] if index < len(before.lines) else (before.lines or [1])[-1]
        shown = f"<{token[1]}>" if token[0] == "start" else repr(token[1][:40])
        add(shown, line, "rewritten")
    return tuple(findings)


def urls_in(html: str) -> tuple[str, ...]:
    """Every href/src/cite value in `html`, decoded (for pages that are not sanitised)."""
    return tuple(
        value
        for kind, _, attrs in _tokens(html).tokens
        if kind == "start"
        for name, value in attrs
        if name in URL_ATTRIBUTES
    )


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open = tag == "script" and not any(name == "src" for name, _ in attrs)
        if self._open:
            self.inline.append("")

    def handle_endtag(self, tag: str) -> None:
        self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.inline[-1] += data


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline <script> of a whole page, as a CSP hash covers it."""
    parser = _Scripts()
    _read(parser, page_html)  # the theme's page: a malformed section of content is already sanitised away
    return parser.inline
