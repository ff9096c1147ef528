"""`gate watch`: time from a window's start to the post being served, over 20 changes.

A small gated site (fresh keys, real signatures) holds 20 approved posts whose windows open a
minute apart. `gate watch` runs on it with its clock in a file (GATE_CLOCK_FILE); for each
post the clock is moved to its opening minute and the time until an HTTP server on the web
root answers 200 for the post is measured (detection + build + atomic switch). Prints the
median and the maximum, and writes bench/watch-latency.json. Options: --help.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.client
import http.server
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "tests"))

from factory import SiteFactory  # noqa: E402 - tests/ is put on the path just above

T0 = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)


def site_with_openings(root: Path, changes: int) -> SiteFactory:
    factory = SiteFactory(root)
    for number in range(1, changes + 1):
        start = (T0 + dt.timedelta(minutes=number)).astimezone(dt.timezone(dt.timedelta(hours=7)))
        post_path = f"news/posts/post-{number:02d}.md"
        text = factory.text(title=f"ข่าวที่ {number}", publish_from=start.isoformat(), publish_until="2570-12-31")
        factory.add("content", post_path, factory.approved(text, post_path))
    return factory


def status(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", quote(path, safe="/"))
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def set_clock(clock: Path, moment: dt.datetime) -> None:
    clock.with_name("clock.tmp").write_text(moment.isoformat(), encoding="utf-8")
    os.replace(clock.with_name("clock.tmp"), clock)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=20, help="window openings to measure (default 20)")
    parser.add_argument("--poll", type=float, default=1.0, help="gate watch --poll, seconds (default 1, as a server)")
    parser.add_argument("--output", type=Path, default=BENCH / "watch-latency.json")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        factory = site_with_openings(work / "site", options.changes)
        web_root, clock = work / "www", work / "clock"
        web_root.mkdir()
        set_clock(clock, T0)
        handler = functools.partial(Quiet, directory=str(web_root / "current"))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        environment = {**os.environ, "GATE_CLOCK_FILE": str(clock), "LANG": "en_US.UTF-8", "NO_MKDOCS_2_WARNING": "1"}
        environment.pop("SOURCE_DATE_EPOCH", None)
        gate = str(Path(sys.executable).with_name("gate"))
        command = [gate, "-f", str(factory.root / "mkdocs.yml"), "watch", "--web-root", str(web_root)]
        watcher = subprocess.Popen(
            [*command, "--poll", str(options.poll), "--nginx-test=", "--nginx-reload=", "--no-capture"],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        latencies: list[float] = []
        try:
            while status(port, "/") != 200:
                time.sleep(0.05)
            for number in range(1, options.changes + 1):
                url = f"/news/post-{number:02d}/"
                assert status(port, url) == 404, f"{url} was served before its window opened"
                started = time.perf_counter()
                set_clock(clock, T0 + dt.timedelta(minutes=number))
                while status(port, url) != 200:
                    time.sleep(0.01)
                latencies.append(time.perf_counter() - started)
                print(f"change {number:2d}: served after {latencies[-1]:.2f} s", flush=True)
        finally:
            os.killpg(watcher.pid, signal.SIGTERM)
            watcher.wait()
            server.shutdown()
    result = {
        "changes": len(latencies),
        "poll_seconds": options.poll,
        "median_seconds": round(statistics.median(latencies), 3),
        "max_seconds": round(max(latencies), 3),
        "latencies": [round(value, 3) for value in latencies],
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "python": platform.python_version(),
    }
    options.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"window start -> post served: median {result['median_seconds']} s, max {result['max_seconds']} s "
          f"over {result['changes']} changes (poll {options.poll} s); written to {options.output}")  # fmt: skip


if __name__ == "__main__":
    main()
