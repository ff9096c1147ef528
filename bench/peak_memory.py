"""Peak resident memory of one `mkdocs build --strict`, measured by the build process itself.

Used by `bench/run.py` and by the test that a build's memory does not grow with the site's
attachments. Linux only: it reads /proc.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# mkdocs in a process of its own, which then prints its own peak resident size. VmHWM, not
# getrusage's ru_maxrss: that one keeps the parent's size from before the fork, so a large
# parent (the benchmark, after timing every post) would hide what the build itself used.
MEASURED_BUILD = """\
import re, sys
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict"])
except SystemExit as done:
    if done.code:
        raise
with open("/proc/self/status", encoding="ascii") as status:
    print("peak-kib", re.search(r"^VmHWM:\\s+(\\d+) kB", status.read(), re.M).group(1), file=sys.stderr)
"""


def build_peak_mib(site: Path, env: Mapping[str, str]) -> float:
    """Build `site` once; its peak resident memory in MiB. Raises when the build fails."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURED_BUILD], cwd=site, env=dict(env), capture_output=True, text=True, timeout=900
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {site}:\n{result.stderr[-3000:]}")
    return int(result.stderr.rsplit("peak-kib", 1)[1].split()[0]) / 1024
