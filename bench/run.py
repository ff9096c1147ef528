"""`make bench`: how fast the gate is, measured side by side on this machine, in one run.

Writes bench/RESULTS.md. Every site is generated fresh under bench/out/ (git-ignored).

    python bench/run.py [--runs 5] [--sizes 200,1000,3000] [--check-posts 10000] [--quick]
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import hashlib
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import version
from pathlib import Path
from queue import Empty, Queue

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import NOW, SETTINGS, generate, set_gate

from approval_gate import signing
from approval_gate.decision import chain_link, signoff_statement
from approval_gate.post import Rules, load_post

BENCH = Path(__file__).resolve().parent
WORK = BENCH / "out"
PYTHON = sys.executable
GATE = str(Path(PYTHON).with_name("gate"))
ENV = {**os.environ, "SOURCE_DATE_EPOCH": str(int(NOW.timestamp())), "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("CI", None)


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def machine() -> list[tuple[str, str]]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        model = found.group(1) if found else ""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        memory = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB" if found else ""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    return [
        ("CPU", f"{usable} usable cores ({os.cpu_count()} online) {model}".strip()),
        ("Memory", memory),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("mkdocs", version("mkdocs")),
        ("mkdocs-material", version("mkdocs-material")),
        ("PyYAML", f"{yaml.__version__} (libyaml: {yaml.__with_libyaml__})"),
        ("cryptography", version("cryptography")),
    ]


LOAD_AT_START = " / ".join(f"{load:.1f}" for load in os.getloadavg())

# Python work like judging (parsing into dicts, lists and strings), timed by the process itself.
BUSY = (
    "import json, time; post = {'title': 'ข่าว ' * 20, 'tags': ['วัคซีน'] * 8, 'signoffs': [{'sig': 'A' * 300}] * 2}; "
    "text = json.dumps(post); start = time.process_time(); [json.loads(text) for _ in range(60_000)]; "
    "print(time.process_time() - start)"
)


def second_core_speed(runs: int = 3) -> float:
    """How fast each of two busy processes runs, against one alone (1.0: the two cores do not
    share anything; less: the build process slows down while the gate's worker runs)."""
    ratios = []
    for _ in range(runs):
        alone = float(subprocess.run([PYTHON, "-c", BUSY], capture_output=True, text=True, check=True).stdout)
        pair = [subprocess.Popen([PYTHON, "-c", BUSY], stdout=subprocess.PIPE, text=True) for _ in range(2)]
        together = [float(process.communicate()[0]) for process in pair]
        ratios.append(alone / statistics.mean(together))
    return statistics.median(ratios)


CPU_TIMES: list[float] = []  # CPU seconds (user + system) of each timed command, in order


def timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall seconds of `command`; its CPU seconds go to CPU_TIMES (steadier on a busy machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=1800)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_TIMES.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stderr[-3000:]}")
    return elapsed, result


REPORTED: list[float] = []  # MkDocs' own "Documentation built in" seconds (before on_shutdown's moves)


def build(site: Path) -> float:
    shutil.rmtree(site / "site", ignore_errors=True)
    elapsed, result = timed([PYTHON, "-m", "mkdocs", "build", "--strict"], site)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {site}:\n{result.stderr[-3000:]}")
    found = re.search(r"Documentation built in ([\d.]+) seconds", result.stderr)
    REPORTED.append(float(found.group(1)) if found else float("nan"))
    return elapsed


def pages_built(site: Path) -> int:
    return sum(1 for _ in (site / "site" / "news").glob("post-*/index.html"))


# --- 1. gate overhead ----------------------------------------------------------


def gate_share(site: Path, runs: int = 3) -> dict[str, float]:
    """The gate's own time in the build process, measured directly (medians of `runs` builds)."""
    samples = []
    for _ in range(runs):
        shutil.rmtree(site / "site", ignore_errors=True)
        result = subprocess.run(
            [PYTHON, str(BENCH / "hooktime.py"), str(site)], env=ENV, capture_output=True, text=True, timeout=1800
        )
        if result.returncode != 0:
            raise SystemExit(f"bench/hooktime.py failed in {site}:\n{result.stderr[-3000:]}")
        samples.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}


def instructions(size: int) -> dict[str, float] | None:
    """Instructions each process of one strict build executes, with the gate and without it,
    counted by callgrind: the same count however busy the machine is (hash seed fixed), so
    a difference of one per cent is a difference, not noise. None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    site = WORK / f"overhead-{size}"
    counts: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for gated in (False, True):
            set_gate(site, gated)
            shutil.rmtree(site / "site", ignore_errors=True)
            out = Path(folder) / ("with" if gated else "without")
            command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}.%p", PYTHON, "-m", "mkdocs"]
            build = subprocess.Popen(  # valgrind runs the build in this same process: its pid names its count
                [*command, "build", "--strict", "-q"],
                cwd=site,
                env={**ENV, "PYTHONHASHSEED": "0"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if build.wait(timeout=3600) != 0:
                raise SystemExit(f"the callgrind build failed in {site}")
            for path in Path(folder).glob(f"{out.name}.*"):
                total = re.search(r"^summary: (\d+)", path.read_text(errors="replace"), re.MULTILINE)
                process = "build" if path.name == f"{out.name}.{build.pid}" else "worker"
                key = f"{out.name}_{process}"
                counts[key] = counts.get(key, 0.0) + (float(total.group(1)) if total else float("nan"))
    set_gate(site, True)
    log(f"instructions N={size}: {counts}")
    return counts


def ratio_interval(with_times: list[float], without_times: list[float], draws: int = 2000) -> tuple[float, float]:
    """95% bootstrap interval of the ratio of medians, drawing whole pairs (the two builds of a
    pair ran side by side, under the same machine noise)."""
    chance = random.Random(0)
    pairs = list(zip(with_times, without_times, strict=True))
    ratios = []
    for _ in range(draws):
        drawn = chance.choices(pairs, k=len(pairs))
        ratios.append(statistics.median(w for w, _ in drawn) / statistics.median(o for _, o in drawn))
    ratios.sort()
    return ratios[int(draws * 0.025)], ratios[int(draws * 0.975) - 1]


def overhead(sizes: list[int], runs: int, max_runs: int, budget: float) -> list[dict[str, object]]:
    rows = []
    for size in sizes:
        site = WORK / f"overhead-{size}"
        generate(site, size)
        with_times: list[float] = []
        without_times: list[float] = []
        with_cpu: list[float] = []
        without_cpu: list[float] = []
        started = time.perf_counter()
        for run in range(max_runs):
            if run >= runs and time.perf_counter() - started > budget:
                break
            order = (True, False) if run % 2 == 0 else (False, True)  # interleaved, alternating first
            for gated in order:
                set_gate(site, gated)
                (with_times if gated else without_times).append(build(site))
                (with_cpu if gated else without_cpu).append(CPU_TIMES[-1])
        set_gate(site, True)
        share = gate_share(site, runs=3 if size <= 1000 else 2)  # 2 of 3,000 posts keep `make bench` in budget
        built = pages_built(site)
        pairs = [w / o for w, o in zip(with_times, without_times, strict=True)]
        rows.append(
            {
                "size": size,
                "runs": len(with_times),
                "with": statistics.median(with_times),
                "without": statistics.median(without_times),
                "ratio": statistics.median(with_times) / statistics.median(without_times),
                "interval": ratio_interval(with_times, without_times),
                "pair_ratio": statistics.median(pairs),
                "min_ratio": min(with_times) / min(without_times),
                "cpu_with": statistics.median(with_cpu),
                "cpu_without": statistics.median(without_cpu),
                "cpu_ratio": statistics.median(with_cpu) / statistics.median(without_cpu),
                "share": share,
                "built": built,
                "with_times": with_times,
                "without_times": without_times,
            }
        )
        log(f"overhead N={size}: {rows[-1]}")
    return rows


# --- 2. verification throughput ------------------------------------------------


def floor(site: Path) -> tuple[float, int]:
    """Read + SHA-256 + two Ed25519 verifications per post, one process: the least any checker must do."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    rules = Rules(default_agency="x")
    registry_keys = {}
    for line in (site / "approvers.yml").read_text(encoding="utf-8").splitlines():
        found = re.search(r'key: "(ssh-ed25519 \S+ \S+)"', line)
        if found:
            public = found.group(1)
            registry_keys[signing.fingerprint(public)] = public
    jobs = []  # prepared outside the timed loop: (file, [(public key, raw signature, signed data)])
    for file in sorted((site / "content" / "news" / "posts").glob("*.md")):
        post = load_post(file.read_bytes(), file.relative_to(site / "content").as_posix(), rules)
        checks, prev = [], None
        for entry in post.signoffs:
            message = signoff_statement(post.path, SETTINGS, entry, prev)
            blob = signing.base64.b64decode(entry.sig or "")
            raw_signature = blob[-64:]
            public = registry_keys[entry.key or ""]
            raw_key = signing.public_key_blob(public)[-32:]
            signed = signing._signed_data(message, signing.NAMESPACE)
            checks.append((Ed25519PublicKey.from_public_bytes(raw_key), raw_signature, signed))
            prev = chain_link(entry.sig)
        jobs.append((file, checks))
    start = time.perf_counter()
    for file, checks in jobs:
        hashlib.sha256(file.read_bytes()).digest()
        for key, raw_signature, signed in checks:
            key.verify(raw_signature, signed)
    return time.perf_counter() - start, len(jobs)


def throughput(count: int, runs: int) -> dict[str, object]:
    site = WORK / f"check-{count}"
    generate(site, count)
    floors, checks = [], []
    states: dict[str, int] = {}
    for _ in range(runs):
        elapsed, posts = floor(site)
        floors.append(elapsed)
        elapsed, result = timed([GATE, "check", "--json"], site)
        checks.append(elapsed)
        states = {}
        for item in json.loads(result.stdout):
            states[item["state"]] = states.get(item["state"], 0) + 1
    row = {
        "posts": posts,
        "runs": runs,
        "floor": statistics.median(floors),
        "check": statistics.median(checks),
        "ratio": statistics.median(checks) / statistics.median(floors),
        "states": states,
    }
    log(f"throughput: {row}")
    return row


# --- 3. a site of mostly expired posts -------------------------------------------


def expired_site(runs: int) -> dict[str, object]:
    template = WORK / "expired-template"
    generate(template, 100, 2900)
    before, after, moved, rendered = [], [], [], []
    for _ in range(runs):
        site = WORK / "expired"
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(template, site)
        before.append(build(site))  # judges 3,000, builds 100, then moves 2,900 out
        rendered.append(REPORTED[-1])
        moved.append(sum(1 for _ in (site / "pending" / "expired").rglob("*.md")))
        after.append(build(site))
    left = sum(1 for _ in (WORK / "expired" / "content" / "news" / "posts").glob("*.md"))
    row = {
        "runs": runs,
        "before": statistics.median(before),
        "after": statistics.median(after),
        "moved": statistics.median(moved),
        "rendered": statistics.median(rendered),
        "left": left,
    }
    log(f"expired: {row}")
    return row


# --- 4. serve rebuild with the verification cache ----------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(count: int, edits: int) -> dict[str, object]:
    site = WORK / f"serve-{count}"
    paths = generate(site, count)
    command = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
    process = subprocess.Popen(
        command, cwd=site, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )
    lines: list[str] = []
    queue: Queue[str] = Queue()
    threading.Thread(target=lambda: [queue.put(line) for line in process.stdout or ()], daemon=True).start()

    def wait_for(pattern: str, timeout: float = 600) -> re.Match[str] | None:
        """The first new log line matching `pattern`, or None after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = queue.get(timeout=left)
            except Empty:
                break
            lines.append(line)
            if found := re.search(pattern, line):
                return found
        if process.poll() is not None:
            raise SystemExit("mkdocs serve ended:\n" + "".join(lines[-40:]))
        return None

    built = r"Documentation built in ([\d.]+) seconds"
    # A rebuild ends with "Reloading browsers"; MkDocs leaves out a "built in" line that
    # repeats an earlier one word for word, so that one may be missing.
    rebuilt = rf"{built}|Reloading browsers"
    counter = r"(\d+) posts read and verified, (\d+) unchanged"
    rebuilds: list[float] = []
    reported: list[float] = []
    counts: list[tuple[int, int]] = []

    def must(found: re.Match[str] | None) -> re.Match[str]:
        if found is None:
            raise SystemExit("mkdocs serve: no rebuild:\n" + "".join(lines[-40:]))
        return found

    try:
        first = float(must(wait_for(built)).group(1))
        must(wait_for(r"Serving on"))
        for edit in range(edits):
            time.sleep(1.5)  # let the watcher settle
            post = site / "content" / paths[(edit * 37) % len(paths)]
            # A trailing blank line: new bytes (so a new cache key), the same digest (still live).
            start = time.perf_counter()
            for _attempt in range(3):  # the watcher can miss a write made during a rebuild: write again
                with post.open("a", encoding="utf-8") as handle:
                    handle.write("\n")
                found = wait_for(counter, timeout=60)
                if found:
                    break
            found = must(found)
            counts.append((int(found.group(1)), int(found.group(2))))
            if seconds := must(wait_for(rebuilt)).group(1):
                reported.append(float(seconds))
            rebuilds.append(time.perf_counter() - start)
            log(f"serve rebuild {edit + 1}: {rebuilds[-1]:.2f} s, verified/reused {counts[-1]}")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    row = {
        "posts": count,
        "first": first,
        "rebuild": statistics.median(rebuilds),
        "rebuild_reported": statistics.median(reported),
        "counts": counts,
        "edits": edits,
    }
    log(f"serve: {row}")
    return row


def serve_without_gate(count: int, edits: int) -> tuple[float, float]:
    """The same serve session on the same pages without the gate: (first build, median rebuild)."""
    site = WORK / f"serve-{count}-nogate"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(WORK / f"serve-{count}", site)
    set_gate(site, False)
    command = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
    process = subprocess.Popen(
        command, cwd=site, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )
    assert process.stdout is not None
    built = re.compile(r"Documentation built in ([\d.]+) seconds")
    reloading = re.compile(r"Reloading browsers")  # the end of a rebuild, "built in" line or not (see above)

    queue: Queue[str] = Queue()
    threading.Thread(target=lambda: [queue.put(line) for line in process.stdout or ()], daemon=True).start()

    def next_build(end: re.Pattern[str], timeout: float = 600) -> float | None:
        """MkDocs' own seconds for the next build (NaN if it left its line out), or None after `timeout`."""
        seconds = float("nan")
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = queue.get(timeout=left)
            except Empty:
                break
            if found := built.search(line):
                seconds = float(found.group(1))
            if end.search(line):
                return seconds
        if process.poll() is not None:
            raise SystemExit("mkdocs serve (without the gate) ended")
        return None

    times: list[float] = []
    try:
        first = next_build(built) or float("nan")
        posts = sorted((site / "content" / "news" / "posts").glob("*.md"))
        for edit in range(edits):
            time.sleep(1.5)
            for _attempt in range(3):  # as above: write again if the watcher missed it
                with posts[(edit * 37 + 11) % len(posts)].open("a", encoding="utf-8") as handle:
                    handle.write("\n")
                if (seconds := next_build(reloading, timeout=60)) is not None:
                    if not math.isnan(seconds):
                        times.append(seconds)
                    break
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    log(f"serve without the gate: first {first:.2f} s, rebuilds {times}")
    return first, statistics.median(times) if times else float("nan")


def judge_cold_warm(count: int) -> tuple[float, float]:
    """The on_files work alone: judging `count` posts with an empty cache, then a full one."""
    from mkdocs.config import load_config

    from approval_gate.repository import Gate, JudgeCache

    site = WORK / f"serve-{count}"
    config = load_config(str(site / "mkdocs.yml"))
    options = dict(config.plugins["approval-gate"].config)
    gate = Gate.from_options(site, Path(config.docs_dir).resolve(), options)
    gate.cache = JudgeCache()
    files = list(gate.post_files())
    times = []
    for _ in range(2):
        gate.cache.start_build()
        start = time.perf_counter()
        for file in files:
            gate.judge(file, NOW)
        times.append(time.perf_counter() - start)
    return times[0], times[1]


# --- the report ------------------------------------------------------------------


def report(results: dict[str, object], args: argparse.Namespace, seconds: float) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`bench/run.py`) on {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}, "
        f"in {seconds / 60:.1f} minutes (load average at the start: {LOAD_AT_START}). Every number below "
        "comes from this one run on this one machine; "
        "times are medians, wall clock, including process start-up. "
        f"The clock is pinned (`SOURCE_DATE_EPOCH` = {NOW.isoformat()}).",
        "",
        "## Machine",
        "",
        "| | |",
        "| --- | --- |",
        *[f"| {name} | {value} |" for name, value in machine()],
        f"| Two busy processes at once | each at {results['second_core']:.2f} of the speed of one alone |",
        "",
    ]
    rows = results.get("overhead")
    if rows:
        lines += [
            "## Gate overhead on `mkdocs build`",
            "",
            "The same generated site (Material, `navigation.prune`, blog, tags, search; every post signed "
            "by a chair and a director and live) built with the gate and without it (plugin and "
            "`exclude_docs` removed). With and without runs are interleaved, alternating which goes first, "
            "to cancel machine noise; at least "
            f"{args.runs} pairs, more (up to {args.max_runs}) while a size is within {args.budget:.0f} s. "
            "Target: ratio ≤ 1.03.",
            "",
            "Every build runs `mkdocs build --strict`, as `make build` and CI do. The gate judges the "
            "posts in a forked worker from `on_config` on, while MkDocs is still collecting its files; in "
            "`on_files` the build process takes the remaining posts from the other end of the list until "
            "the two meet, and the worker runs the deferred signature checks until `on_env`. Wall-clock "
            "time is what a user waits for; the CPU column (build process and worker) shows the work itself. "
            "The interval (95%, a bootstrap over the pairs) is what this run can tell apart: while it holds "
            "1.03, the run neither shows nor refutes the target.",
            "",
            "| posts | pairs | with gate (s) | without (s) | **ratio** (medians) | 95% interval | "
            "paired ratios (median) | fastest with / fastest without | CPU with / without (s) | post pages built |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in rows:  # type: ignore[attr-defined]
            low, high = row["interval"]
            lines.append(
                f"| {row['size']:,} | {row['runs']} | {row['with']:.2f} | {row['without']:.2f} | "
                f"**{row['ratio']:.3f}** | {low:.3f}–{high:.3f} | {row['pair_ratio']:.3f} | {row['min_ratio']:.3f} | "
                f"{row['cpu_with']:.2f} / {row['cpu_without']:.2f} | {row['built']:,} |"
            )
        lines += [
            "",
            "Differences of a few per cent between whole builds are within this machine's noise (the same "
            "build varies by up to 10% from run to run), so the gate's own share of the build process is also"
            " measured directly (`bench/hooktime.py`, medians of 3 builds, 2 above 1,000 posts): importing "
            "the plugin, and the time its event handlers run, waiting for the worker included. *Direct share*"
            " is their sum over the build time without the gate. It leaves out what the gate costs MkDocs' "
            "own code: the garbage collector walking the verdicts the build keeps (about 16 objects a post), "
            "the page faults after the fork, and the worker's load on the machine while it runs.",
            "",
            "| posts | import (ms) | event handlers (ms) | of which `on_files` (ms) | judged by the worker / "
            "by the build process | worker CPU (s) | **direct share** |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in rows:  # type: ignore[attr-defined]
            share = row["share"]
            direct = (share["import"] + share["hooks"]) / row["without"]
            lines.append(
                f"| {row['size']:,} | {share['import'] * 1000:.0f} | {share['hooks'] * 1000:.0f} | "
                f"{share['on_files'] * 1000:.0f} | {share['by_worker']:,.0f} / {share['by_main']:,.0f} | "
                f"{share['worker_cpu']:.2f} | **{direct * 100:.1f}%** |"
            )
        lines.append("")
    counted = results.get("instructions")
    if counted and counted["counts"]:  # type: ignore[index]
        size, counts = counted["size"], counted["counts"]  # type: ignore[index]
        lines += [
            f"Instructions of one strict build of {size:,} posts, counted by valgrind's callgrind (the count "
            "does not change with the machine's load; hash seed fixed). The build process is what a user "
            "waits for; the worker runs beside it on the second core. What callgrind does not count is the "
            "kernel's work: the fork, and copying the pages the two processes share when the build process "
            "writes to them (a few microseconds a page on this machine).",
            "",
            "| posts | build process with gate | without | **ratio** | worker (second core) |",
            "| ---: | ---: | ---: | ---: | ---: |",
            f"| {size:,} | {counts['with_build'] / 1e9:.3f} G | {counts['without_build'] / 1e9:.3f} G | "
            f"**{counts['with_build'] / counts['without_build']:.4f}** | "
            f"{counts.get('with_worker', 0) / 1e9:.3f} G |",
            "",
        ]
    row = results.get("throughput")
    if row:
        lines += [
            "## Verification throughput: `gate check`",
            "",
            f"`gate check --json` over {row['posts']:,} signed posts (a fresh process each time: start-up, "  # type: ignore[index]
            "`mkdocs.yml`, registry, every post parsed, digested and both signatures verified), against the "
            "floor measured in the same run: one process reading each file, hashing it with SHA-256 and "
            "verifying its two Ed25519 signatures (parsing done beforehand, untimed). Target: within 3× of "
            "the floor. `gate check` shares large sets among the CPU cores.",
            "",
            "| posts | runs | floor (s) | `gate check` (s) | ratio | posts/s | states |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | --- |",
            f"| {row['posts']:,} | {row['runs']} | {row['floor']:.2f} | {row['check']:.2f} | "  # type: ignore[index]
            f"**{row['ratio']:.2f}×** | {row['posts'] / row['check']:,.0f} | {row['states']} |",  # type: ignore[index]
            "",
        ]
    row = results.get("expired")
    if row:
        lines += [
            "## A site of 3,000 posts, 2,900 of them expired",
            "",
            "The first build judges all 3,000, builds the 100 live ones and then moves the 2,900 expired "
            "posts to `pending/expired/` (the move is inside the timed build). The next build no longer "
            f"reads them. {row['runs']} runs (each copies the site afresh), to keep `make bench` "
            "within its time budget.",
            "",
            "| runs | first build, with the take-down (s) | of which before the take-down (MkDocs' own count, s) | "
            "next build (s) | posts moved | posts left in content |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {row['runs']} | {row['before']:.2f} | {row['rendered']:.2f} | {row['after']:.2f} | "  # type: ignore[index]
            f"{row['moved']:,.0f} | {row['left']:,} |",  # type: ignore[index]
            "",
        ]
    row = results.get("serve")
    if row:
        cold, warm = results.get("judge", (0.0, 0.0))  # type: ignore[misc]
        plain_first, plain_rebuild = results.get("serve_plain", (0.0, 0.0))  # type: ignore[misc]
        lines += [
            "## `mkdocs serve`: rebuild after editing one post",
            "",
            f"A real `mkdocs serve` of {row['posts']:,} posts. Each time one post gets a trailing blank "  # type: ignore[index]
            "line appended (new bytes, same digest, still live); the time runs from the write to the "
            "`Documentation built` log line (watcher delay included). The plugin keeps parsed posts and "
            "signature checks across rebuilds, keyed by the SHA-256 of the raw bytes and the post path; "
            "decisions are recomputed every build with the new `now`.",
            "",
            "| posts | first build (s) | rebuild after an edit (s), measured | as MkDocs reports it (s) | "
            "posts verified / reused per rebuild |",
            "| ---: | ---: | ---: | ---: | --- |",
            f"| {row['posts']:,} | {row['first']:.2f} | {row['rebuild']:.2f} | {row['rebuild_reported']:.2f} | "  # type: ignore[index]
            f"{', '.join(f'{a} / {b}' for a, b in row['counts'])} |",  # type: ignore[index]
            "",
            f"The gate's own share (judging every post, in process): {cold:.2f} s with an empty cache, "
            f"{warm:.2f} s with a full one. The same serve session without the gate: first build "
            f"{plain_first:.2f} s, rebuild {plain_rebuild:.2f} s (median, as MkDocs reports it).",
            "",
        ]
    lines += [
        "## Reproduce",
        "",
        f"`make bench` ({seconds / 60:.0f} minutes in this run). Options: `python bench/run.py --help`.",
        "",
    ]
    return "\n".join(lines)


def compile_plugin() -> None:
    """Byte-compile the plugin as `pip install` would: an editable install only gets .pyc files
    where Python may write them, and compiling on every start would be timed as gate overhead."""
    import approval_gate

    compileall.compile_dir(str(Path(approval_gate.__file__).parent), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure the gate; write bench/RESULTS.md.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="200,1000,3000")
    parser.add_argument("--check-posts", type=int, default=10_000)
    parser.add_argument("--serve-posts", type=int, default=1000)
    parser.add_argument("--max-runs", type=int, default=12, help="pairs per overhead size while within --budget")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per overhead size for more than --runs")
    parser.add_argument("--only", default="overhead,throughput,expired,serve")
    parser.add_argument("--quick", action="store_true", help="small sizes, 2 runs: a smoke test")
    parser.add_argument("--output", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.max_runs, args.sizes, args.check_posts, args.serve_posts = 2, 2, "50,100", 500, 100
    only = set(args.only.split(","))
    WORK.mkdir(exist_ok=True)
    compile_plugin()
    started = time.perf_counter()
    results: dict[str, object] = {"second_core": second_core_speed()}
    log(f"two busy processes each run at {results['second_core']:.2f} of one alone")
    if "overhead" in only:
        sizes = [int(size) for size in args.sizes.split(",")]
        results["overhead"] = overhead(sizes, args.runs, args.max_runs, args.budget)
        results["instructions"] = {"size": sizes[0], "counts": instructions(sizes[0])}
    if "throughput" in only:
        results["throughput"] = throughput(args.check_posts, args.runs)
    if "expired" in only:
        results["expired"] = expired_site(min(args.runs, 2))  # 2 keep `make bench` in budget
    if "serve" in only:
        edits = min(args.runs, 3)  # every rebuild shows the same count: 3 keep `make bench` in budget
        results["serve"] = serve(args.serve_posts, edits)
        results["judge"] = judge_cold_warm(args.serve_posts)
        results["serve_plain"] = serve_without_gate(args.serve_posts, edits)
    args.output.write_text(report(results, args, time.perf_counter() - started), encoding="utf-8")
    (WORK / "results.json").write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    log(f"wrote {args.output}")


if __name__ == "__main__":
    main()
