"""Fuzzing the readers and the decision: only the project's own errors, and junk is never live.

- load_post never raises, whatever the bytes;
- parse_when raises only DateError; load_strict only StrictYAMLError;
- libyaml's fast path and the pure-Python loader agree on every document;
- no change to a signed post that changes what was signed leaves it live.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from approval_gate.core import post as post_module
from approval_gate.core import strict_yaml
from approval_gate.core.decision import LIVE, decide
from approval_gate.core.messages import Reason
from approval_gate.core.post import Rules, SignOff, load_post
from approval_gate.core.registry import parse_registry
from approval_gate.core.strict_yaml import StrictYAMLError, load_strict
from approval_gate.core.thaidates import DateError, parse_when
from factory import SiteFactory

BANGKOK = ZoneInfo("Asia/Bangkok")
RULES = Rules(default_agency="สำนักงานทดสอบ")
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
FUZZ = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces people (and attackers) put in front matter.
YAML_ATOMS = st.sampled_from(
    [
        "title", "publish_from", "publish_until", "signoffs", "requester", "date", "tags", "on", "<<",
        ": ", ":", "\n", "\n  ", "\n- ", "  - ", "- ", "[", "]", "{", "}", ",", "'", '"', "#", "&a ", "*a",
        "!!str ", "!!python/object ", "! ", "? ", "|", ">", "---", "...", "%YAML 1.1\n", "\t", "\r", "\ufeff",
        "1.5", "012", "12:30", "2569-11-25", "25/11/2569", "๒๕ พ.ย. ๒๕๖๙", "null", "~", "true", "yes", ".inf",
        "ข่าว", "ประกาศ", "\u200f", "\u0085", "\u2028", "\x00", "\x07", "é", "😀", "\\", "\\x", "%", "@", "`",
    ]
)  # fmt: skip
YAMLISH = st.lists(st.one_of(YAML_ATOMS, st.text(max_size=6)), max_size=30).map("".join)


def both_paths(text: str) -> tuple[object, object]:
    """(fast path result, pure-Python result); an error is its (code, line, key)."""

    def run(loader: type) -> object:
        try:
            return ("ok", strict_yaml._load_with(loader, text))
        except StrictYAMLError as error:
            return ("error", error.code, error.line, error.key)

    return run(strict_yaml._PlainCLoader), run(strict_yaml.StrictLoader)


@FUZZ
@given(YAMLISH)
def test_load_strict_raises_only_its_own_error(text: str) -> None:
    with contextlib.suppress(StrictYAMLError):
        load_strict(text)


@pytest.mark.skipif(strict_yaml.CParser is None, reason="PyYAML without libyaml")
@FUZZ
@given(YAMLISH)
def test_libyaml_and_pure_python_agree_whenever_libyaml_accepts(text: str) -> None:
    """The fast path answers only when it accepts; then the pure-Python loader must give the same data."""
    assume(not strict_yaml.Reader.NON_PRINTABLE.search(text) and not strict_yaml._SLOW_PATH.search(text))
    fast, slow = both_paths(text)
    if fast[0] == "ok":
        assert slow == fast


@FUZZ
@given(raw=st.one_of(st.binary(max_size=300), YAMLISH.map(lambda text: ("---\n" + text + "\n---\n\nbody").encode())))
def test_load_post_never_raises_and_junk_is_never_live(signed: tuple[bytes, object, SiteFactory], raw: bytes) -> None:
    """Judged against the real registry that makes the signed post live (the fixture checks it can be)."""
    _, registry, site = signed
    post = load_post(raw, "news/posts/signed.md", site.rules)
    decision = decide(post, registry, site.settings, NOW)  # type: ignore[arg-type]
    assert decision.state != LIVE


DATE_VALUES = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\A[0-9๐-๙]{1,4}[ /.-][0-9๐-๙ก-๙.]{1,12}[ /.-][0-9๐-๙]{2,4}( [0-9]{1,2}[:.][0-9]{2})?\Z"),
    st.dates(),
    st.datetimes(timezones=st.one_of(st.none(), st.timezones())),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@FUZZ
@given(DATE_VALUES)
def test_parse_when_raises_only_date_error(value: object) -> None:
    try:
        when = parse_when(value, BANGKOK)
    except DateError:
        return
    assert when.at.tzinfo is not None and 2000 <= when.at.year <= 2199


# --- signed posts, mutated -----------------------------------------------------------------


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, object, SiteFactory]:
    site = SiteFactory(tmp_path_factory.mktemp("fuzz") / "site")
    text = site.approved(site.text(title="ข่าวที่ลงนามแล้ว", body="เนื้อหา **สำคัญ**"), "news/posts/signed.md")
    registry = parse_registry((site.root / "approvers.yml").read_text(encoding="utf-8"), site.settings.roles)
    raw = text.encode("utf-8")
    post = load_post(raw, "news/posts/signed.md", site.rules)
    assert decide(post, registry, site.settings, NOW).state == LIVE
    return raw, registry, site


@pytest.mark.parametrize(
    ("written", "same"),
    [("2569-1-1", True), ("2569-01-1", True), ("'2569-01-01'", False), ("2569-01-02", False)],
)
def test_a_date_is_a_value_not_its_spelling(
    signed: tuple[bytes, object, SiteFactory], written: str, same: bool
) -> None:
    """Found by the fuzz below: `2569-01-1` for `2569-01-01` keeps the post live, because YAML reads
    both as one date and the digest is over values. Quoted, it is text, another value: not live."""
    raw, registry, site = signed
    changed = raw.replace(b"  date: 2569-01-01\n", f"  date: {written}\n".encode(), 1)
    assert changed != raw
    post = load_post(changed, "news/posts/signed.md", site.rules)
    live = decide(post, registry, site.settings, NOW).state == LIVE  # type: ignore[arg-type]
    assert (live, reference_model(changed) == reference_model(raw)) == (same, same)


@FUZZ
@given(data=st.data())
def test_no_mutation_that_changes_the_signed_content_stays_live(
    signed: tuple[bytes, object, SiteFactory], data: st.DataObject
) -> None:
    raw, registry, site = signed
    mutated = bytearray(raw)
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["flip", "insert", "delete", "replace-run"]))
        at = data.draw(st.integers(0, len(mutated) - 1))
        if kind == "flip":
            mutated[at] ^= 1 << data.draw(st.integers(0, 7))
        elif kind == "insert":
            mutated[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del mutated[at : at + data.draw(st.integers(1, 16))]
        else:
            mutated[at : at + 4] = data.draw(st.sampled_from([b"    ", b"\r\n", b"\n\n", b"'", b'"', b"#"]))
    post = load_post(bytes(mutated), "news/posts/signed.md", site.rules)
    decision = decide(post, registry, site.settings, NOW)  # type: ignore[arg-type]
    if decision.state == LIVE:  # then the change was harmless by the reference model, not by the digest
        assert reference_model(raw) == reference_model(bytes(mutated))


# --- the digest against an independent model ---------------------------------------------
# A byte-level model of the harmless changes (SPEC, "The digest"): line endings, a BOM, key
# order, re-quoting, Thai typed in an NFC-equal order, trailing whitespace at the end, and
# the record keys. These must keep the digest; any edit of the content must change it. The
# oracle is the generator's own classification plus a reference reading with plain PyYAML,
# never the canonical form under test.

# ปุ่ม with SARA U and MAI EK typed in either order: different code points, one NFC text.
TYPED_ONE_WAY, TYPED_OTHER_WAY = "\u0e1b\u0e38\u0e48\u0e21", "\u0e1b\u0e48\u0e38\u0e21"
MODEL_TEXT = (
    f"---\ntitle: กด{TYPED_ONE_WAY}ลงทะเบียน\ncategory: ข่าวประชาสัมพันธ์\nrequester:\n  name: นางสาวผู้ขอ ทดสอบ\n"
    "  date: 2569-11-01\npublish_from: 2569-11-01\npublish_until: 2570-12-31\ntags: [ทดสอบ, วัคซีน]\n"
    f"signoffs: []\n---\n\n# หัวข้อ\n\nกด{TYPED_ONE_WAY} เพื่อรับบริการ  \nบรรทัดที่สอง **สำคัญ**\n"
)
RECORD_KEYS = ("signoffs", "published", "taken_down", "withdrawals")


# A plain (unquoted) scalar YAML reads as a date: 2569-01-01 and 2569-1-1 are one date.
PLAIN_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _values(node: yaml.Node) -> object:
    """Every scalar a string, except a plain date, which is its day (zero-padded): the form's
    values as the digest means them, with no other YAML 1.1 typing."""
    if isinstance(node, yaml.MappingNode):
        return {_values(key): _values(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_values(item) for item in node.value]
    if node.style is None and (day := PLAIN_DATE.match(node.value)):
        return "date " + "-".join((day[1], day[2].zfill(2), day[3].zfill(2)))
    return node.value


def reference_model(raw: bytes) -> object:
    """What the digest stands for, read independently: the form's values and the body."""
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        text = unicodedata.normalize("NFC", text)
        _, head, body = text.split("---\n", 2)
        form = _values(yaml.compose(head, Loader=yaml.BaseLoader))
        assert isinstance(form, dict)
        return {key: value for key, value in form.items() if key not in RECORD_KEYS}, body.rstrip(
            " \t\n"
        )  # trailing spaces, tabs and line ends (SPEC: "trailing whitespace")
    except (UnicodeDecodeError, ValueError, yaml.YAMLError, AttributeError, AssertionError, TypeError) as error:
        return ("unreadable", raw, type(error).__name__)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def swap_top_level_keys(text: str, first: int, second: int) -> str:
    """Swap two one-line top-level keys of the front matter."""
    head, body = text[4:].split("\n---\n", 1)
    lines = _lines(head)
    single = [i for i, line in enumerate(lines) if re.match(r"^\w+: \S", line) and not line.startswith("requester")]
    a, b = single[first % len(single)], single[second % len(single)]
    lines[a], lines[b] = lines[b], lines[a]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def requote(text: str, key: str, quote: str) -> str:
    """Quote a plain (unquoted) value."""
    return re.sub(rf"^{key}: ([^'\"].*)$", lambda m: f"{key}: {quote}{m.group(1)}{quote}", text, count=1, flags=re.M)


HARMLESS_TEXT = {
    "key order": lambda text, data: swap_top_level_keys(
        text, data.draw(st.integers(0, 9)), data.draw(st.integers(0, 9))
    ),
    "double quotes": lambda text, data: requote(text, data.draw(st.sampled_from(["title", "category"])), '"'),
    "single quotes": lambda text, data: requote(text, data.draw(st.sampled_from(["title", "category"])), "'"),
    "Thai typed the other way": lambda text, data: text.replace(
        TYPED_ONE_WAY, TYPED_OTHER_WAY, data.draw(st.integers(1, 2))
    ),
    "trailing whitespace": lambda text, data: text + data.draw(st.sampled_from(["\n", "\n\n", "  \n", " "])),
    "a record key": lambda text, data: text.replace("signoffs: []\n", 'published: {"name": "ก", "at": "x"}\n'),
}
HARMLESS_BYTES = {
    "CRLF": lambda raw: raw.replace(b"\n", b"\r\n"),
    "CR": lambda raw: raw.replace(b"\n", b"\r"),
    "BOM": lambda raw: b"\xef\xbb\xbf" + raw,
}
# Edits of the content: (where, what). Each changes the form or the body.
LETTERS = st.sampled_from(["ก", "า", "x", "7", "๗", "-", "*", " "])


def harmless(data: st.DataObject) -> bytes:
    text = MODEL_TEXT
    for name in data.draw(st.lists(st.sampled_from(sorted(HARMLESS_TEXT)), max_size=4)):
        text = HARMLESS_TEXT[name](text, data)
    raw = text.encode("utf-8")
    for name in data.draw(st.lists(st.sampled_from(sorted(HARMLESS_BYTES)), max_size=1, unique=True)):
        raw = HARMLESS_BYTES[name](raw)
    return raw


def edit_content(text: str, data: st.DataObject) -> str:
    """Insert, delete or replace one character of a form value or of the body (not its trailing blanks)."""
    head, body = text[4:].split("\n---\n", 1)
    values = [m.span(1) for m in re.finditer(r"^(?:title|category|publish_until|  name): (.+)$", head, re.M)]
    body_start = 4 + len(head) + len("\n---\n")
    spans = [(4 + start, 4 + end) for start, end in values] + [(body_start + 1, body_start + len(body.rstrip()))]
    start, end = data.draw(st.sampled_from(spans))
    at = data.draw(st.integers(start, end - 1))
    kind = data.draw(st.sampled_from(["insert", "delete", "replace"]))
    if kind == "insert":
        return text[:at] + data.draw(LETTERS) + text[at:]
    if kind == "delete":
        assume(not text[at].isspace() or text[at - 1 : at + 1] == "  ")  # a significant character
        return text[:at] + text[at + 1 :]
    letter = data.draw(LETTERS)
    assume(letter != text[at])
    return text[:at] + letter + text[at + 1 :]


def test_the_model_text_loads_cleanly() -> None:
    """The fuzzed post is a well-formed post, so a changed digest is about the change."""
    post = load_post(MODEL_TEXT.encode(), "news/posts/model.md", RULES)
    assert post.digest.startswith("sha256:")
    assert [] == [problem.code for problem in post.problems if problem.code.startswith(("yaml", "front"))]


@FUZZ
@given(data=st.data())
def test_harmless_changes_keep_the_digest(data: st.DataObject) -> None:
    original = load_post(MODEL_TEXT.encode(), "news/posts/model.md", RULES).digest
    raw = harmless(data)
    assert reference_model(MODEL_TEXT.encode()) == reference_model(raw)  # the model agrees it is harmless
    assert original == load_post(raw, "news/posts/model.md", RULES).digest


@FUZZ
@given(data=st.data())
def test_any_content_edit_changes_the_digest(data: st.DataObject) -> None:
    original = load_post(MODEL_TEXT.encode(), "news/posts/model.md", RULES).digest
    edited = edit_content(MODEL_TEXT, data)
    assume(reference_model(MODEL_TEXT.encode()) != reference_model(edited.encode()))
    for name in data.draw(st.lists(st.sampled_from(sorted(HARMLESS_TEXT)), max_size=3)):
        edited = HARMLESS_TEXT[name](edited, data)
    raw = edited.encode("utf-8")
    for name in data.draw(st.lists(st.sampled_from(sorted(HARMLESS_BYTES)), max_size=1, unique=True)):
        raw = HARMLESS_BYTES[name](raw)
    assert original != load_post(raw, "news/posts/model.md", RULES).digest


@FUZZ
@given(path=st.text(min_size=1, max_size=30))
def test_a_signed_post_moved_to_another_path_is_never_live(
    signed: tuple[bytes, object, SiteFactory], path: str
) -> None:
    raw, registry, site = signed
    assume(path != "news/posts/signed.md")
    post = load_post(raw, path, site.rules)
    assert decide(post, registry, site.settings, NOW).state != LIVE  # type: ignore[arg-type]


BODY_ATOMS = st.sampled_from(
    [
        "<",
        ">",
        " ",
        "\n",
        ":",
        "=",
        "script",
        "SCRIPT",
        "ſcript",
        "iframe",
        "embed",
        "on",
        "onclick",
        "javascript",
        "JavaScript",
        "vbscript",
        "vb",
        "a",
        "ข่าว",
        "K",
        "(",
        '"',
    ]
)


@FUZZ
@given(st.lists(BODY_ATOMS, max_size=16).map("".join))
@example("<a href=x onclick=y>")
@example("< SCRIPT>")
@example("[a](JavaScript:alert(1))")
def test_the_published_html_never_runs_anything(body: str) -> None:
    """Whatever the body, the sanitiser's output (what is published) holds no script, no event
    handler and no script URL; and a body called clean holds, as a browser parses it, nothing
    the allowlist refuses."""
    from approval_gate.core.post import Post
    from approval_gate.services.binding import MarkdownSetup, Renderer
    from approval_gate.services.sanitize import _scheme, _tokens

    renderer = Renderer(MarkdownSetup(("toc", "tables", "fenced_code", "attr_list")))
    checked = renderer.check(Post(path="p.md", digest="sha256:0", body=body))
    for kind, tag, attrs in _tokens(checked.html).tokens:
        if kind == "start":
            assert tag not in ("script", "iframe", "object", "embed")
            assert not [name for name, _ in attrs if name.startswith("on")]
            assert not [v for name, v in attrs if name in ("href", "src") and _scheme(v) in ("javascript", "vbscript")]
    if checked.clean:  # nothing a browser would build from the body was refused
        from approval_gate.services.sanitize import STRICT, _refusals

        kept = _tokens(STRICT.keeper.clean(renderer.html(body))).tokens
        assert [token for token in kept if _refusals(token, STRICT)] == []


@FUZZ
@given(st.from_regex(r"\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\n?\Z") | st.text(max_size=25))
@example("2026-02-29T00:00:00Z")
@example("2026-11-25T24:00:00Z")
@example("2026-11-25T10:00:60Z")
@example("2026-11-25T10:00:00Z\n")
@example("๒๐๒๖-๑๑-๒๕T๑๐:๐๐:๐๐Z")
def test_a_signoff_time_is_read_as_strptime_reads_it(at: str) -> None:
    """Sign-off times are read with fromisoformat where that is exact, strptime elsewhere."""
    digest = "sha256:" + "0" * 64
    text_problems: list[Reason] = []
    parsed = post_module._signoff(
        0, {"role": "chair", "signer": "a", "decision": "approve", "digest": digest, "at": at}, text_problems
    )
    assert isinstance(parsed, SignOff)
    try:
        expected = dt.datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        expected = None
    if not post_module.AT_RE.match(at):
        expected = None
    assert parsed.at == expected
    if at and expected is None:
        # The categories the docs name (docs/front-matter.md), written out here, not imported.
        refused = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
        if any(unicodedata.category(char) in refused or char in "\u115f\u1160\u3164\uffa0\u180e" for char in at):
            # a control or invisible character: refused as text before it is read as a time
            assert "field_bad_char" in [problem.code for problem in text_problems]
        else:
            assert "signoff_at" in [problem.code for problem in parsed.problems]
