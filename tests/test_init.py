"""`gate init`: a new site, an existing site's mkdocs.yml, and the whole adoption from a built wheel."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from approval_gate.cli import main
from approval_gate.services import adopt

ROOT = Path(__file__).resolve().parents[1]
EPOCH = "1795600800"  # 2026-11-25 17:00 in Bangkok
PLAIN_CONFIG = """\
site_name: Plain office site  # a comment that must survive
docs_dir: docs
use_directory_urls: false
exclude_docs: |
  drafts/
plugins:
  - search
markdown_extensions:
  - toc:
      slugify: !!python/name:pymdownx.slugs.uslugify
"""
PLAIN_PAGES = {
    "index.md": "# Home\n\nWelcome.\n",
    "about.md": "---\ntitle: About us\n---\n# About\n\nWho we are.\n",
    "guide/setup.md": "# Setup\n\nSteps.\n",
    "images/logo.png": "not really a png\n",
    "drafts/idea.md": "# An idea the site keeps out itself\n",
}


def plain_site(root: Path, *, tag_free: bool = False) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    config = PLAIN_CONFIG
    if tag_free:  # the wheel's venv need not have pymdownx
        config = config.replace(
            "markdown_extensions:\n  - toc:\n      slugify: !!python/name:pymdownx.slugs.uslugify\n", ""
        )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for path, text in PLAIN_PAGES.items():
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(text, encoding="utf-8")
    return root


def run(*args: str) -> tuple[int, str]:
    result = CliRunner(env={"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": ""}).invoke(main, list(args))
    return result.exit_code, result.output


def test_init_shows_the_changes_to_an_existing_site_and_writes_nothing(tmp_path: Path) -> None:
    """Without --write: the diff and the plan, and not one byte changes."""
    site = plain_site(tmp_path / "site")
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    code, output = run("init", str(site), "--id", "somchai", "--name", "นายสมชาย", "--role", "chair")
    assert 0 == code
    assert "+  - approval-gate:\n" in output
    assert "    - about.md\n    - guide/setup.md\n    - index.md\n" in output  # exempt, one line per page
    assert "Nothing was written" in output
    assert before == {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_init_adds_the_gate_first_and_keeps_every_existing_page_published(tmp_path: Path) -> None:
    """The plugin first, exempt pages re-included, the site's own lines and comments kept."""
    site = plain_site(tmp_path / "site")
    code, _ = run("init", str(site), "--site-id", "plain", "--id", "somchai", "--name", "นายสมชาย", "--role", "chair",
                  "--write")  # fmt: skip
    assert 0 == code
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "# a comment that must survive" in text and "!!python/name:pymdownx.slugs.uslugify" in text
    config = adopt.read_config(text)
    assert ["approval-gate", "search"] == [name for name, _ in adopt.plugin_entries(config)]
    options = adopt.plugin_entries(config)[0][1]
    assert ["about.md", "guide/setup.md", "index.md", "drafts/*"] == options["exempt"]
    assert ["images/*"] == options["assets"]
    assert "plain" == options["site_id"]
    lines = config["exclude_docs"].splitlines()
    assert ["drafts/", *adopt.exclude_docs_lines(["about.md", "guide/setup.md", "index.md"])] == lines
    for folder in ("pending", "pending/expired"):
        assert (site / folder).is_dir()
    assert (ROOT / ".github/workflows/publish.yml").read_bytes() == (
        site / ".github/workflows/publish.yml"
    ).read_bytes()
    registry = yaml.safe_load((site / "approvers.yml").read_text(encoding="utf-8"))
    assert ["somchai"] == [person["id"] for person in registry["people"]]
    assert "plain" == registry["site_id"]
    # Run again: nothing more to add, nothing overwritten.
    code, output = run("init", str(site), "--write")
    assert 0 == code and "already lists approval-gate" in output
    assert text == (site / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("plugins", "expected"),
    [
        ("", ["approval-gate", "search"]),
        ("plugins: [search, tags]\n", ["approval-gate", "search", "tags"]),
        ("plugins:\n  search: {}\n", ["approval-gate", "search"]),
        ("plugins:\n    - blog:\n        blog_dir: news\n    - search\n", ["approval-gate", "blog", "search"]),
    ],
)
def test_init_puts_the_plugin_first_whatever_form_plugins_has(plugins: str, expected: list[str]) -> None:
    """No plugins, a flow list, a mapping, an indented list: approval-gate comes first."""
    text = adopt.adopt_config("site_name: x\n" + plugins, site_id="x", exempt=["index.md"], assets=[], agency=None)
    assert expected == [name for name, _ in adopt.plugin_entries(adopt.read_config(text))]


def test_init_needs_a_first_person_for_a_new_registry(tmp_path: Path) -> None:
    """approvers.yml is created with its first person, so the command asks for one."""
    code, output = run("init", str(tmp_path))
    assert 2 == code
    assert "--id, --name and --role" in output


def test_a_gated_page_without_front_matter_is_told_about_exempt_and_gated() -> None:
    """The refusal of an ordinary page in the gated scope names both options."""
    from approval_gate.core.messages import message

    text = message("no_form_scope_hint", "en", path="about.md")
    assert "`exempt`" in text and "`gated`" in text and "!/about.md" in text


def test_unquoted_signatures_off_is_off() -> None:
    """YAML reads `signatures: off` as false; the plugin takes it as `off`."""
    from approval_gate.site.config import GateConfig

    config = GateConfig()
    config.load_dict({"signatures": False})
    errors, _ = config.validate()
    assert [] == errors
    assert "off" == config["signatures"]


# --- the whole adoption, from the wheel ----------------------------------------------------


def _venv(tmp_path: Path) -> Path:
    """A fresh venv with the wheel built from a clean copy of the source.

    The wheel is installed with --no-deps --no-index; its dependencies come from this test's
    own environment through a .pth file (a path entry, so that environment's own .pth files,
    its editable install of this project included, are not read)."""
    source = tmp_path / "source"
    anywhere = shutil.ignore_patterns("__pycache__", "*.egg-info", ".*_cache")
    top_only = {".git", ".venv", "site", "build", "dist", "bench"}  # approval_gate/site/ is the plugin's own package

    def ignore(folder: str, names: list[str]) -> set[str]:
        return set(anywhere(folder, names)) | (top_only.intersection(names) if Path(folder) == ROOT else set())

    shutil.copytree(ROOT, source, ignore=ignore)
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    tooling = {**os.environ, "PYTHONWARNINGS": ""}  # pip and venv are not under test; their warnings are theirs
    subprocess.run(
        [*pip, "wheel", "--no-deps", "-w", str(wheels), str(source)], check=True, capture_output=True, env=tooling
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=tooling)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    wheel = next(wheels.glob("*.whl"))
    install = [str(python), "-m", "pip", "-q", "install", "--no-deps", "--no-index", str(wheel)]
    subprocess.run(install, check=True, env=tooling)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    (Path(site) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python.parent


@pytest.mark.slow
def test_adopt_from_the_wheel_on_a_new_and_an_existing_site(tmp_path: Path) -> None:
    """Wheel -> fresh venv -> gate init -> keys -> post -> sign-offs -> publish -> build; and no plugin, no post."""
    bin_dir = _venv(tmp_path)
    env = {
        **os.environ,
        "LANG": "en_US.UTF-8",
        "LANGUAGE": "",
        "LC_ALL": "",
        "SOURCE_DATE_EPOCH": EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        "GATE_KEY_DIR": str(tmp_path / "keys"),
        "GATE_PASSPHRASE_FILE": str(tmp_path / "passphrase"),
        "PYTHONPATH": "",
    }
    (tmp_path / "passphrase").write_text("correct horse battery staple\n", encoding="utf-8")

    def call(site: Path, *args: str) -> str:
        result = subprocess.run([str(bin_dir / args[0]), *args[1:]], cwd=site, env=env, capture_output=True, text=True)
        assert 0 == result.returncode, (args, result.stdout, result.stderr)
        return result.stdout + result.stderr

    where = call(tmp_path, "python", "-c", "import approval_gate; print(approval_gate.__file__)")
    assert str(tmp_path / "venv") in where  # the wheel's copy, not the source tree
    call(tmp_path, "gate", "keygen", "--id", "somchai")
    call(tmp_path, "gate", "keygen", "--id", "wichai")

    new_site = tmp_path / "new"
    existing = plain_site(tmp_path / "existing", tag_free=True)
    pages = {path: path.read_bytes() for path in (existing / "docs").rglob("*") if path.is_file()}
    for site in (new_site, existing):
        site.mkdir(exist_ok=True)
        call(site, "gate", "init", "--id", "somchai", "--name", "นายสมชาย ใจดี", "--role", "chair", "--write")
        call(site, "gate", "registry", "add-key", "--id", "somchai", "--key-file", str(tmp_path / "keys/somchai.pub"))
        call(site, "gate", "registry", "add-person", "--id", "wichai", "--name", "นายแพทย์วิชัย", "--role", "director",
             "--key-file", str(tmp_path / "keys/wichai.pub"))  # fmt: skip
        call(site, "gate", "new", "ข่าวทดสอบการรับรอง", "--slug", "adopted-news")
        post = site / "pending/news/posts/adopted-news.md"
        text = post.read_text(encoding="utf-8").replace('  name: ""', '  name: "นางสาวสมหญิง ใจดี"', 1)
        text = text.replace('agency: ""', 'agency: "สำนักงานทดสอบ"', 1)
        post.write_text(text + "เชิญประชาชนรับบริการ\n", encoding="utf-8")
        call(site, "gate", "approve", str(post), "--as", "somchai", "--yes")
        call(site, "gate", "approve", str(post), "--as", "wichai", "--yes")
        call(site, "gate", "publish", str(post), "--as", "ผู้ดูแลเว็บไซต์", "--yes")
        assert "docs/news/posts/adopted-news.md: live" in call(site, "gate", "check")
        call(site, "python", "-m", "mkdocs", "build", "--strict")
        built = site / "site" / "news/posts"
        assert "เชิญประชาชนรับบริการ" in next(built.rglob("*.html")).read_text(encoding="utf-8")

        # A builder without the plugin: exclude_docs keeps every gated post out.
        config = (site / "mkdocs.yml").read_text(encoding="utf-8")
        start = config.index("  - approval-gate:")
        end = config.index("  - search")
        (site / "mkdocs.yml").write_text(config[:start] + config[end:], encoding="utf-8")
        call(site, "python", "-m", "mkdocs", "build", "-d", "plain-site")
        assert [] == list((site / "plain-site").rglob("adopted-news*"))
        assert "adopted-news" not in (site / "plain-site/search/search_index.json").read_text(encoding="utf-8")
        (site / "mkdocs.yml").write_text(config, encoding="utf-8")

    # The existing site's ordinary pages: untouched on disk, and built.
    for path, data in pages.items():
        assert hashlib.sha256(data).digest() == hashlib.sha256(path.read_bytes()).digest(), path
    for page in ("index.html", "about.html", "guide/setup.html", "images/logo.png"):
        assert (existing / "site" / page).is_file(), page
    assert not (existing / "site/drafts").exists()


def test_every_read_only_command_speaks_json_of_the_documented_shape(tmp_path: Path) -> None:
    """check, status, next and sweep --dry-run with --json on a fresh site: documented top-level shapes."""
    import json

    site = tmp_path / "site"
    site.mkdir()
    assert 0 == run("init", str(site), "--id", "somchai", "--name", "นายสมชาย", "--role", "chair", "--write")[0]
    config = str(site / "mkdocs.yml")
    assert 0 == run("-f", config, "new", "ข่าวใหม่", "--slug", "fresh")[0]
    code, output = run("-f", config, "check", "--json")
    assert (1, ["pending"]) == (code, [item["place"] for item in json.loads(output)])  # requester.name is empty
    assert {"path", "file", "place", "state", "waiting_for", "digest", "attachments", "title", "window",
            "reasons"} == set(json.loads(output)[0])  # fmt: skip
    code, output = run("-f", config, "status", "--json")
    assert 0 == code and {"now", "targets", "next"} <= set(json.loads(output))
    code, output = run("-f", config, "next", "--json")
    assert (0, {"next": None, "changes": []}) == (code, json.loads(output))
    code, output = run("-f", config, "sweep", "--dry-run", "--json")
    assert 0 == code and isinstance(json.loads(output), (dict, list))


def test_lang_option_and_a_c_locale() -> None:
    """--lang picks the language; C.UTF-8 asks for nothing, so Thai."""
    result = CliRunner(env={"LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": ""}).invoke(main, ["init", "/nonexistent-x"])
    assert "ยังไม่มี approvers.yml" in result.output
    result = CliRunner(env={"LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": ""}).invoke(
        main, ["--lang", "en", "init", "/nonexistent-x"]
    )
    assert "approvers.yml does not exist yet" in result.output
