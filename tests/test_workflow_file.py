"""The publishing workflow: valid for GitHub (actionlint), and every step it runs exists here."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from typing import Any

import click
import yaml

from approval_gate.cli import main as gate_main
from conftest import REPO, require_tool

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
SCRIPT = REPO / "scripts" / "publish-local"
COMMAND_RE = re.compile(r"""(?:^|[\s;&|(]|\$\()(gate|make|scripts/[\w.-]+)((?:[ \t]+[^\s;&|()<>]+)*)""")
SHELL_STOP = {">", ">>", "<", "|", "||", "&&", ";", ")", "2>&1"}


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def triggers() -> dict[str, Any]:
    data = workflow()
    value = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as True
    assert isinstance(value, dict)
    return value


def steps(job: str) -> list[dict[str, Any]]:
    found = workflow()["jobs"][job]["steps"]
    assert isinstance(found, list)
    return found


def commands(script: str) -> list[tuple[str, list[str]]]:
    """(program, arguments) for each `gate`, `make` and `scripts/...` call in a shell script."""
    calls = []
    for line in script.splitlines():
        line = line.split(" #", 1)[0]
        for program, rest in COMMAND_RE.findall(line):
            words = []
            for word in shlex.split(rest):
                if word in SHELL_STOP:
                    break
                words.append(word)
            calls.append((program, words))
    return calls


def run_commands() -> list[tuple[str, list[str]]]:
    return [
        call for job in workflow()["jobs"] for step in steps(job) if "run" in step for call in commands(step["run"])
    ]


def make_targets() -> set[str]:
    """Targets of the Makefile, with its `NAME := value` variables expanded."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    variables = dict(re.findall(r"^([A-Z_]+)\s*[:?]?=\s*(.*?)\s*$", text, re.MULTILINE))

    def expand(value: str) -> str:
        for _ in range(5):
            value = re.sub(r"\$\(([A-Z_]+)\)", lambda m: variables.get(m.group(1), ""), value)
        return value

    return {expand(name) for name in re.findall(r"^([^\s:#=.][^\s:=]*|\$\([A-Z_]+\)):(?!=)", text, re.MULTILINE)}


def option_names(command: click.Command) -> set[str]:
    return {name for param in command.params for name in (*param.opts, *param.secondary_opts)}


def check_gate_call(words: list[str]) -> None:
    assert words, "`gate` without a subcommand"
    name, *rest = words
    assert isinstance(gate_main, click.Group)
    command = gate_main.commands.get(name)
    assert command is not None, f"`gate {name}` is not a gate command ({sorted(gate_main.commands)})"
    for word in rest:
        if word.startswith("-"):
            assert word.split("=")[0] in option_names(command), f"`gate {name}` has no option {word}"


def script_phases() -> set[str]:
    usage = re.search(r"usage: scripts/publish-local \[([a-z|]+)\]", SCRIPT.read_text(encoding="utf-8"))
    assert usage is not None
    return set(usage.group(1).split("|"))


# --- every step exists ------------------------------------------------------------


def test_every_make_target_the_workflow_runs_exists() -> None:
    targets = make_targets()
    assert {"build", "publish"} <= targets
    called = [words[0] for program, words in run_commands() if program == "make"]
    assert "build" in called
    for target in called:
        assert target in targets, f"`make {target}` is not a Makefile target"


def test_every_gate_command_the_workflow_runs_exists() -> None:
    called = [words for program, words in run_commands() if program == "gate"]
    assert [words[0] for words in called] == ["check", "capture", "status", "next", "notify", "status", "check"]
    for words in called:
        check_gate_call(words)


def test_every_script_the_workflow_runs_exists() -> None:
    called = [(program, words) for program, words in run_commands() if program.startswith("scripts/")]
    assert called == [("scripts/publish-local", ["commit"])]
    for program, words in called:
        assert os.access(REPO / program, os.X_OK), f"{program} is not executable"
        assert set(words) <= script_phases()


def test_local_pipeline_runs_the_same_gate_commands() -> None:
    """scripts/publish-local calls the gate as the workflow does, with real commands and options."""
    local = re.findall(r'"\$BIN/gate" ([a-z]+)((?: --[a-z-]+)*)', SCRIPT.read_text(encoding="utf-8"))
    assert [name for name, _ in local] == ["check", "capture", "status", "next", "notify", "status"]
    for name, options in local:
        check_gate_call([name, *options.split()])
    workflow_calls = {
        (words[0], *sorted(w for w in words[1:] if w.startswith("-"))) for p, words in run_commands() if p == "gate"
    }
    local_calls = {(name, *sorted(options.split())) for name, options in local}
    assert workflow_calls == local_calls


# --- what the workflow promises -----------------------------------------------------


def test_runs_on_main_hourly_off_the_hour_and_by_hand() -> None:
    on = triggers()
    assert on["push"] == {"branches": ["main"]}
    crons = [entry["cron"] for entry in on["schedule"]]
    assert "23 * * * *" in crons
    for cron in crons:
        assert cron.split()[0] not in ("0", "*"), f"{cron} runs at minute 0"
    assert "workflow_dispatch" in on


def test_build_job_order_check_build_capture_upload_report_commit_overdue() -> None:
    names = [step.get("run", step.get("uses", "")) for step in steps("build")]
    position = {key: next(i for i, text in enumerate(names) if key in text) for key in (
        "gate check content", "make build", "gate capture", "upload-pages-artifact", "gate status --markdown",
        "gate notify", "scripts/publish-local commit", "gate status --fail-overdue", "gate notify could not send",
    )}  # fmt: skip
    assert list(position.values()) == sorted(position.values())
    # The failing checks come last: they never hold back a take-down, nor the commit of notified.json.
    assert position["gate status --fail-overdue"] == len(names) - 3
    assert position["gate notify could not send"] == len(names) - 2
    assert names[-1] == "gate check content"


def test_notices_never_stop_the_publish_run() -> None:
    """`gate notify` runs after the report and before the commit (which records notified.json);
    a failed send turns the run red only at the end, and its settings come from vars and secrets."""
    by_id = {step.get("id"): step for step in steps("build") if "id" in step}
    notify = by_id["notify"]
    assert (True, "gate notify") == (notify["continue-on-error"], notify["run"])
    assert "!cancelled()" in notify["if"]
    assert {"GATE_SMTP_PASSWORD": "${{ secrets.GATE_SMTP_PASSWORD }}"}.items() <= notify["env"].items()
    assert {"GATE_WEBHOOK_URL": "${{ secrets.GATE_WEBHOOK_URL }}"}.items() <= notify["env"].items()
    failing = steps("build")[-2]
    assert "!cancelled()" in failing["if"] and "steps.notify.outcome == 'failure'" in failing["if"]
    assert 'NOTIFIED="notified.json"' in SCRIPT.read_text(encoding="utf-8")


def test_a_post_to_fix_still_lets_expired_posts_come_down() -> None:
    """A strict failure is followed by a lenient build (the gate still publishes only live
    posts), so the site is deployed and expired posts come down; the job fails at the end."""
    by_id = {step.get("id"): step for step in steps("build") if "id" in step}
    assert by_id["check"]["continue-on-error"] is True and by_id["strict"]["continue-on-error"] is True
    lenient = next(step for step in steps("build") if step.get("run", "").strip() == "make build STRICT=")
    assert lenient["if"] == "steps.strict.outcome == 'failure'"
    last = steps("build")[-1]
    assert "steps.check.outcome == 'failure'" in last["if"] and "steps.strict.outcome == 'failure'" in last["if"]
    report = next(step for step in steps("build") if "gate status --markdown" in step.get("run", ""))
    assert '>> "$GITHUB_STEP_SUMMARY"' in report["run"] and "gate next" in report["run"]
    upload = next(step for step in steps("build") if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"] == {"path": "site"}


def test_permissions_concurrency_and_deploy() -> None:
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    assert data["concurrency"] == {"group": "publish", "cancel-in-progress": False}
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "write"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert "!cancelled()" in deploy["if"] and "needs.build.outputs.site == 'success'" in deploy["if"]


def test_capturing_never_stops_the_publish_run() -> None:
    """A failed print screen is a warning: the step goes on, and the local script does too."""
    capture = next(step for step in steps("build") if step.get("run", "").strip() == "gate capture")
    assert capture["continue-on-error"] is True
    assert '"$BIN/gate" capture || echo' in SCRIPT.read_text(encoding="utf-8")


def test_bot_commits_cannot_start_a_loop() -> None:
    commit = next(step for step in steps("build") if "publish-local commit" in step.get("run", ""))
    assert 'git config user.name "github-actions[bot]"' in commit["run"]
    assert "[skip ci]" in SCRIPT.read_text(encoding="utf-8")


# --- actionlint ------------------------------------------------------------------------


def test_workflow_passes_actionlint() -> None:
    program = require_tool("actionlint")
    result = subprocess.run(
        [program, "-no-color", str(WORKFLOW.relative_to(REPO))], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
