"""The canonical form: the split matches MkDocs, the digest ignores only harmless changes."""

from __future__ import annotations

import pytest
from mkdocs.utils.meta import get_data

from approval_gate.core.canonical import PostFormatError, digest_of, normalise, read_post_text, split

BASE = "---\ntitle: ข่าว\nrequester:\n  name: นางสาวสมหญิง\npublish_from: 2569-11-26\n---\n\nเนื้อหา  \nบรรทัดสอง\n"

SPLITS = [
    "---\ntitle: a\n---\nbody\n",
    "---\ntitle: a\n...\nbody\n",
    "--- \ntitle: a\n---\t\nbody",
    "---\ntitle: a\n---\n\n\nbody\n",
    "---\ntitle: a\n---\nbody\n---\nmore\n",
    "---\ntitle: 'a: b'\nlist:\n  - x\n---\nbody\n",
]


@pytest.mark.parametrize("text", SPLITS)
def test_split_matches_mkdocs(text: str) -> None:
    """What we verify is exactly what MkDocs renders: same meta, same body."""
    _, body = split(text)
    mkdocs_body, mkdocs_meta = get_data(text)
    assert (mkdocs_meta, mkdocs_body) == (read_post_text(text.encode()).meta, body)


@pytest.mark.parametrize(
    "text", ["----\ntitle: a\n----\nbody\n", "\n---\ntitle: a\n---\nbody\n", "title: a\n---\nbody\n"]
)
def test_no_front_matter_is_refused(text: str) -> None:
    """No YAML front matter as MkDocs splits it (MkDocs may still read MultiMarkdown
    meta from the last one, which the gate never trusts): refused."""
    with pytest.raises(PostFormatError) as caught:
        read_post_text(text.encode())
    assert caught.value.code == "no_front_matter"


def test_python_frontmatter_disagrees_with_mkdocs() -> None:
    """Why the gate does not read posts with python-frontmatter: on these inputs it
    sees a different form from the one MkDocs renders."""
    frontmatter = pytest.importorskip("frontmatter")
    four_dashes = "----\ntitle: a\n----\nbody\n"
    assert frontmatter.loads(four_dashes).metadata == {"title": "a"}
    assert get_data(four_dashes)[1] == {}
    dots = "---\ntitle: a\n...\nbody\n"
    assert frontmatter.loads(dots).metadata == {}
    assert get_data(dots)[1] == {"title": "a"}


def digest(text: str | bytes) -> str:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return read_post_text(raw).digest


@pytest.mark.parametrize(
    "variant",
    [
        BASE.replace("\n", "\r\n"),  # CRLF
        BASE.replace("\n", "\r"),  # old Mac CR
        "\ufeff" + BASE,  # BOM
        BASE.replace("title: ข่าว\n", "").replace("publish_from", "title: ข่าว\npublish_from"),  # key order
        BASE.replace("title: ข่าว", 'title: "ข่าว"'),  # re-quoting
        BASE.replace("title: ข่าว", "title: 'ข่าว'"),
        BASE + "\n\n   \n",  # trailing blank lines at the end of the body
        BASE.replace("\n---\n\n", "\n---\n\n\n\n"),  # blank lines after the fence (MkDocs strips them)
        BASE.replace("name: นางสาวสมหญิง", "name:   นางสาวสมหญิง   "),  # YAML drops the spaces
    ],
)
def test_harmless_changes_keep_the_digest(variant: str) -> None:
    assert digest(BASE) == digest(variant)


def test_record_keys_are_outside_the_digest() -> None:
    recorded = BASE.replace("---\n\n", 'published: {"name": "x", "at": "y"}\ntaken_down: {"at": "z"}\n---\n\n', 1)
    assert digest(BASE) == digest(recorded)


def test_nfc_equal_thai_keeps_the_digest() -> None:
    """Tone mark and vowel typed in either order normalise to the same text."""
    typed_one_way = BASE.replace("ข่าว", "ที่นี่")
    typed_other_way = BASE.replace("ข่าว", "ท\u0e35\u0e48น\u0e35\u0e48")
    assert digest(typed_one_way) == digest(typed_other_way)


@pytest.mark.parametrize(
    "variant",
    [
        BASE.replace("เนื้อหา  ", "เนื้อหา"),  # two trailing spaces inside are a line break
        BASE.replace("2569-11-26", "2569-11-27"),
        BASE.replace("2569-11-26", '"2569-11-26"'),  # a date is not the same as a string
        BASE.replace("นางสาวสมหญิง", "นางสาว สมหญิง"),
        BASE.replace("---\n\n", "remarks: x\n---\n\n", 1),  # an added key
        BASE.replace("บรรทัดสอง", "บรรทัดสอง."),
    ],
)
def test_real_changes_break_the_digest(variant: str) -> None:
    assert digest(BASE) != digest(variant)


def test_nfkc_is_not_applied() -> None:
    """SARA AM stays SARA AM: NFKC would rewrite it into NIKHAHIT + SARA AA."""
    assert normalise("ทำ".encode()) == "ทำ"
    assert digest(BASE.replace("ข่าว", "ทำ")) != digest(BASE.replace("ข่าว", "ท\u0e4d\u0e32"))


def test_string_tag_escape_is_one_to_one() -> None:
    """A string that looks like a tagged date does not collide with the date."""
    as_date = digest_of({"d": __import__("datetime").date(2026, 1, 1)}, "")
    as_string = digest_of({"d": "!date 2026-01-01"}, "")
    assert as_date != as_string
