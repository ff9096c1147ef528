"""Plain text: the characters a front-matter value may hold, and showing any text safely.

Checks run on parsed values, so a YAML escape (`"\\e"`, `"\\r"`, `"\\u202E"`) is seen as
the character it stands for. Every check is one pass over the text: no regular
expression with nested quantifiers ever runs over what a post's author wrote.
"""

from __future__ import annotations

import unicodedata

# Unicode categories never allowed in a value: control (C0, C1, DEL), format (bidi
# controls, zero-width spaces and joiners, BOM, soft hyphen, tag characters), surrogate,
# private use, unassigned, line and paragraph separators.
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
# Invisible characters outside those categories that can hide or fake text.
INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u180e")
# Characters that are markup when a theme puts a value into HTML unescaped (MkDocs renders
# Jinja with autoescape off): a tag, an attribute break-out, an entity.
HTML_SIGNIFICANT = frozenset('<>"&')


def refused_char(text: str, *, newlines: bool = False) -> str | None:
    """The first character `text` may not hold, or None. `newlines`: allow LF (multi-line fields)."""
    if text.isprintable() and INVISIBLE.isdisjoint(text):
        return None  # the common case, at C speed: no character of any category refused
    for char in text:
        if char == "\n" and newlines:
            continue
        if char in INVISIBLE or unicodedata.category(char) in REFUSED_CATEGORIES:
            return char
    return None


def html_char(text: str) -> str | None:
    """The first of `<`, `>`, `"`, `&` in `text`, or None."""
    for char in text:
        if char in HTML_SIGNIFICANT:
            return char
    return None


def codepoint(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE' (or 'U+001B' for a control without a name): how a
    message names an invisible character."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def visible(text: object) -> str:
    """`text` with every control, format, separator and invisible character written as
    `\\uXXXX` (or `\\xXX`), so a terminal, a log or a job summary shows it and never obeys it:
    no ESC sequence (colours, OSC 8 links, OSC 52 clipboard), no CR overwrite, no bidi
    reordering, no forged line. Ordinary text, Thai included, is unchanged."""
    value = str(text)
    if value.isprintable() and not any(char in INVISIBLE for char in value):
        return value
    out = []
    for char in value:
        if char in INVISIBLE or unicodedata.category(char) in REFUSED_CATEGORIES:
            point = ord(char)
            width = "x02" if point < 0x100 else "u04" if point < 0x10000 else "U08"
            out.append(f"\\{width[0]}{point:{width[1:]}x}")
        else:
            out.append(char)
    return "".join(out)


def visible_json(document: str) -> str:
    """A JSON document with every character `visible` escapes written as a JSON `\\uXXXX`
    escape: the same data, and nothing a terminal obeys (JSON itself leaves C1 controls,
    bidi and zero-width characters raw). Such characters only occur inside JSON strings."""
    if document.isprintable() and not any(char in INVISIBLE for char in document):
        return document
    out = []
    for char in document:
        if char not in "\n " and (char in INVISIBLE or unicodedata.category(char) in REFUSED_CATEGORIES):
            point = ord(char)
            if point < 0x10000:
                out.append(f"\\u{point:04x}")
            else:  # a surrogate pair, as JSON writes characters beyond the BMP
                point -= 0x10000
                out.append(f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}")
        else:
            out.append(char)
    return "".join(out)


# Characters Markdown or a common extension acts on (links, emphasis, tables, attribute lists,
# emoji, strike-through, raw HTML).
MARKDOWN_ACTIVE = frozenset("\\`*_[](){}<>&!#|~^=:+$%")


def markdown_text(value: str) -> str:
    """A front-matter value as literal text in Markdown: no markup, no HTML, one line.

    Every character that Markdown or a common extension acts on (links, emphasis, tables,
    attribute lists, emoji, strike-through, raw HTML) becomes a numeric character reference,
    which prints as the character itself."""
    return "".join(f"&#{ord(ch)};" if ch in MARKDOWN_ACTIVE else ch for ch in " ".join(value.split()))
