"""The ready-made deploy files: systemd units for `gate watch` and its timer alternative, and
the GitLab CI template. Checked with the real tools: systemd-analyze, GitLab's CI schema
(as check-jsonschema ships it), shellcheck, and the `gate` command's own option parser."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from approval_gate.cli import main
from conftest import REPO, require_tool

DEPLOY = REPO / "deploy"
UNITS = [
    "approval-gate-watch.service",
    "approval-gate-nginx.path",
    "approval-gate-nginx.service",
    "approval-gate-publish.timer",
    "approval-gate-publish.service",
]
SITE, WEB_ROOT = "/srv/approval-gate/site", "/var/www/approval-gate"
GATE_SERVICES = ["approval-gate-watch.service", "approval-gate-publish.service"]


def unit_lines(name: str, key: str) -> list[str]:
    """The values of `key=` in a unit, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", (DEPLOY / name).read_text(encoding="utf-8"))
    return [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{key}=")]


def test_systemd_analyze_verify(tmp_path: Path) -> None:
    """The units as shipped, with the repository and web root pointed at real folders."""
    analyze = require_tool("systemd-analyze")
    web_root = tmp_path / "www"
    web_root.mkdir()
    for name in UNITS:
        text = (DEPLOY / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace(SITE, str(REPO)).replace(WEB_ROOT, str(web_root)), encoding="utf-8")
    result = subprocess.run(
        [analyze, "verify", *(str(tmp_path / name) for name in UNITS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    problems = [line for line in result.stderr.splitlines() if "approval-gate" in line]
    assert (result.returncode, problems) == (0, []), result.stderr


@pytest.mark.parametrize("name", GATE_SERVICES)
def test_the_services_are_hardened(name: str) -> None:
    """Their own user, a read-only system, write access to the repository and the web root only."""
    settings = {key: unit_lines(name, key) for key in ("User", "ProtectSystem", "NoNewPrivileges", "ReadWritePaths")}
    assert settings == {
        "User": ["approval-gate"],
        "ProtectSystem": ["strict"],
        "NoNewPrivileges": ["yes"],
        "ReadWritePaths": [f"{SITE} {WEB_ROOT}"],
    }
    for key, value in [("ProtectHome", "yes"), ("PrivateTmp", "yes"), ("CapabilityBoundingSet", "")]:
        assert unit_lines(name, key) == [value], key


@pytest.mark.parametrize("name", GATE_SERVICES)
def test_the_services_run_real_gate_options(name: str) -> None:
    """Each `gate` command line in a unit parses with the real command (no option is made up)."""
    commands = [
        shlex.split(value.lstrip("-")) for key in ("ExecStart", "ExecStartPost") for value in unit_lines(name, key)
    ]
    gate_commands = [words for words in commands if words[0].endswith("/.venv/bin/gate")]
    assert gate_commands
    for words in gate_commands:
        with main.make_context("gate", words[1:2]) as group_context:
            command = main.get_command(group_context, words[1])
            assert command is not None
            command.make_context(words[1], words[2:], parent=group_context)  # raises on a bad option
    served = [words for words in gate_commands if words[1] == "watch"]
    assert served and all(words[words.index("--web-root") + 1] == WEB_ROOT for words in served)
    for words in commands:
        if not words[0].endswith("/gate"):
            assert words[0].startswith(("/usr/", "/bin/", f"{SITE}/scripts/")), words
    after = [words[words.index("--after-build") + 1] for words in gate_commands if "--after-build" in words]
    for command in after:  # run in the repository by `gate watch`: a script of the repository, or sh
        assert shlex.split(command)[0] in ("sh", "scripts/publish-local"), command


def test_the_timer_checks_every_minute_and_the_path_unit_reloads_nginx() -> None:
    assert unit_lines("approval-gate-publish.timer", "OnCalendar") == ["*-*-* *:*:00"]
    assert unit_lines("approval-gate-publish.timer", "AccuracySec") == ["1s"]
    assert unit_lines("approval-gate-nginx.path", "PathChanged") == [f"{WEB_ROOT}/taken-down.conf"]
    assert unit_lines("approval-gate-nginx.service", "ExecStart") == [
        "/usr/sbin/nginx -t -q",
        "/usr/bin/systemctl reload nginx.service",
    ]  # the reload only runs when the test passed (a oneshot stops at the first failure)
    for name in GATE_SERVICES:
        assert f"--nginx-snippet {WEB_ROOT}/taken-down.conf" in unit_lines(name, "ExecStart")[0]


GITLAB = DEPLOY / "gitlab-ci.yml"


def gitlab() -> dict[str, object]:
    document = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def test_gitlab_template_against_gitlab_schema() -> None:
    checker = require_tool("check-jsonschema")
    result = subprocess.run(
        [checker, "--builtin-schema", "vendor.gitlab-ci", str(GITLAB)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout.strip()) == (0, "ok -- validation done"), result.stdout + result.stderr


def test_gitlab_template_does_what_the_github_workflow_does() -> None:
    """Check, strict build with a lenient fallback, commit of take-downs, one run at a time, an
    atomic deploy whenever a site was built, and the failures reported last."""
    document = gitlab()
    assert document["stages"] == ["build", "deploy", "report"]
    publish, deploy, report = (document[name] for name in ("publish", "deploy", "report"))
    assert isinstance(publish, dict) and isinstance(deploy, dict) and isinstance(report, dict)
    script = "\n".join(publish["script"])
    for step in ("gate check content", "if ! make build; then", "make build STRICT=", "scripts/publish-local commit",
                 'git push -o ci.skip "$remote"', "gate next", "gate status --markdown",
                 "gate capture ||"):  # fmt: skip
        assert step in script, step
    assert (publish["resource_group"], publish["interruptible"]) == ("publish", False)
    assert publish["artifacts"] == {"when": "always", "expire_in": "1 week", "paths": ["site/", "report/"]}
    assert deploy["needs"] == [{"job": "publish", "artifacts": True}]
    assert deploy["rules"] == [{"if": "$DEPLOY_HOST", "when": "always"}]
    deploy_script = "\n".join(deploy["script"])
    assert "rsync -a --delete" in deploy_script and "mv -T .current.tmp current" in deploy_script
    assert report["when"] == "always" and "gate status --fail-overdue" in "\n".join(report["script"])
    triggers = {rule["if"] for rule in document["workflow"]["rules"]}  # type: ignore[index]
    assert '$CI_PIPELINE_SOURCE == "schedule"' in triggers


@pytest.mark.parametrize("job", ["publish", "deploy", "report"])
def test_gitlab_script_lines_pass_shellcheck(job: str, tmp_path: Path) -> None:
    shellcheck = require_tool("shellcheck")
    steps = gitlab()[job]
    assert isinstance(steps, dict)
    script = tmp_path / f"{job}.sh"
    # GitLab runs each job's lines in one bash, with errexit and pipefail.
    script.write_text("#!/bin/bash\nset -eo pipefail\n" + "\n".join(steps["script"]) + "\n", encoding="utf-8")
    result = subprocess.run([shellcheck, "--severity=style", str(script)], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, "")
