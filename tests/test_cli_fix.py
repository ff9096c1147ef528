"""`gate fix`: a post stored in a non-canonical form is rewritten to exactly what was signed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from approval_gate.cli import main
from conftest import EXAMPLE_NOW, epoch, run_mkdocs
from factory import SiteFactory


def gate(site: Path, *args: str) -> Result:
    env = {"SOURCE_DATE_EPOCH": epoch(EXAMPLE_NOW), "LANG": "en_US.UTF-8"}
    return CliRunner().invoke(main, ["--config-file", str(site / "mkdocs.yml"), *args], env=env)


def test_fix_rewrites_to_the_signed_form_and_keeps_the_signoffs(factory: SiteFactory) -> None:
    """BOM, CRLF and a decomposed character (U+1FEF, which NFC turns into a backtick) are
    rewritten; the digest is the same, so the post stays live, and a second run changes nothing."""
    path = "news/posts/fixme.md"
    signed = factory.approved(factory.text(title="ข่าว tokfix", body="โค้ด `x` จบ"), path)
    raw = ("\ufeff" + signed.replace("`x`", "\u1fefx\u1fef")).replace("\n", "\r\n").encode("utf-8")
    file = factory.root / "content" / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(raw)
    build = run_mkdocs(factory.root, "build")
    assert "1 live" in build.stderr
    assert "'news/posts/fixme.md' is not stored in canonical form (NFC, LF, no BOM)" in build.stderr
    result = gate(factory.root, "fix", str(file))
    assert (0, f"'{file}' rewritten in canonical form (NFC, LF, no BOM); its digest and sign-offs are unchanged\n") == (
        result.exit_code,
        result.output,
    )
    assert signed.encode("utf-8") == file.read_bytes()
    again = gate(factory.root, "fix", str(file))
    assert (0, f"'{file}' is already in canonical form\n") == (again.exit_code, again.output)
    check = gate(factory.root, "check", str(file))
    assert (0, "content/news/posts/fixme.md: live\n") == (check.exit_code, check.output)


def test_fix_refuses_what_is_not_a_post(tmp_path: Path, factory: SiteFactory) -> None:
    """Bytes that are not UTF-8 are named and left alone; exit 1."""
    file = factory.root / "content" / "news" / "broken.md"
    file.write_bytes(b"---\ntitle: \xff\n---\n")
    result = gate(factory.root, "fix", str(file))
    assert 1 == result.exit_code
    assert f"'{file}' was not rewritten: the file is not valid UTF-8 (byte 11); save it as UTF-8" in result.output
    assert b"---\ntitle: \xff\n---\n" == file.read_bytes()
