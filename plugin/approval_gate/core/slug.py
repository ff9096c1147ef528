"""Thai-safe slugs for file names and heading ids.

Stock slugifiers drop Thai vowels and tone marks ("ข่าว" becomes "ขาว") because they
keep only "word" characters of some categories; this one keeps the whole Thai block.
"""

from __future__ import annotations

import re
import unicodedata

from .names import safe_char

# Letters and digits of any script, Thai combining vowels and tone marks (category Mn), and '-'.
_DROP_RE = re.compile(r"[^\w\u0E00-\u0E7F\s-]")
_SPACES_RE = re.compile(r"[\s-]+")


def slugify(value: str, separator: str = "-") -> str:
    """'ข่าว ประชาสัมพันธ์ 2569!' -> 'ข่าว-ประชาสัมพันธ์-2569': the file name `gate new` gives a post.

    NFC-normalised, ASCII lower-cased, punctuation removed (Thai letters, vowels, tone
    marks and digits stay), runs of spaces and separators become one `separator`. Only
    characters of the safe file-name set (names.py) are kept: letters of other scripts go,
    so the result is always a name the gate accepts (or empty).
    The signature matches Python-Markdown's `toc` `slugify` option.
    """
    text = unicodedata.normalize("NFC", value).strip()
    text = "".join(char.lower() if char.isascii() else char for char in text)
    text = "".join(char for char in text if unicodedata.category(char) not in ("Cc", "Cf"))
    text = _DROP_RE.sub("", text).replace("_", " ")
    # Thai signs that are punctuation, not spelling: ฯ ๏ ๚ ๛ go (ๆ, the repetition mark, stays).
    text = re.sub("[\u0e2f\u0e4f\u0e5a\u0e5b]", "", text)
    text = "".join(char for char in text if char.isspace() or char == "-" or safe_char(char))
    return _SPACES_RE.sub(separator, text).strip(separator)


def thai_slugify(value: str, separator: str = "-") -> str:
    """Heading ids and blog category/tag slugs: 'ข่าว ประชาสัมพันธ์ (2569)' -> 'ข่าว-ประชาสัมพันธ์-2569'.

    Keeps every letter, mark and digit of any script (so Thai vowels and tone marks,
    category Mn, survive where Python-Markdown's and Material's slugifiers drop them),
    lower-cases, turns spaces, '-' and '_' into `separator` and drops punctuation and
    symbols. Use it from mkdocs.yml as `!!python/name:approval_gate.slug.thai_slugify`
    (toc `slugify`, blog `post_slugify` and `categories_slugify`, tags `tags_slugify`).
    Duplicate headings are made unique by `toc` itself ('_1', '_2' suffixes).
    """
    kept = []
    for char in unicodedata.normalize("NFC", value).lower():
        if char.isspace() or char in "-_":
            kept.append(" ")
        elif unicodedata.category(char)[0] in "LMN":
            kept.append(char)
    return separator.join("".join(kept).split())
