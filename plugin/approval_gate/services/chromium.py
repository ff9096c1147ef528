"""A small headless Chromium driver over the DevTools protocol (no Selenium).

`gate capture` takes its print screens with it; the tests drive pages with it.

    with serve(site_dir) as base, Chromium(tmp_path) as browser:
        browser.goto(base + "/")
        title = browser.evaluate("document.title")
        browser.screenshot(tmp_path / "home.png")
        urls = browser.requests  # every request of the page and of its workers

Needs Debian's `chromium` and the `websocket-client` package (the `site` extra). Chromium resolves no host
but 127.0.0.1 (`--host-resolver-rules`), so a page that reaches for another server makes
a request that shows up in `requests` and fails without any packet leaving the machine.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import itertools
import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

MAX_SCREENSHOT_HEIGHT = 16000  # CSS pixels: Chromium's texture limit; a longer page is cut there
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")


def chromium_binary() -> str | None:
    """The Chromium to use: $CHROMIUM, else the first one found."""
    for candidate in (os.environ.get("CHROMIUM"), *CHROMIUM_CANDIDATES):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port; yields the base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# How Chromium runs headless here, for the driver below and anyone starting it once.
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)


class BrowserError(RuntimeError):
    pass


class Chromium:
    """One headless Chromium with one page; every call waits for its answer."""

    def __init__(self, workdir: Path, *, width: int = 1280, height: int = 900, timeout: float = 30.0) -> None:
        import websocket  # websocket-client; imported here so collecting tests never needs it

        binary = chromium_binary()
        if binary is None:
            raise BrowserError("chromium is not installed")
        self.timeout = timeout
        self.profile = workdir / "chromium-profile"
        self.profile.mkdir(parents=True, exist_ok=True)
        (self.profile / "DevToolsActivePort").unlink(missing_ok=True)  # left by an earlier run
        self.process = subprocess.Popen(
            [
                binary,
                *HEADLESS_FLAGS,
                "--disable-default-apps",
                "--disable-sync",
                "--no-default-browser-check",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                f"--window-size={width},{height}",
                f"--user-data-dir={self.profile}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._ids = itertools.count(1)
        self._events: list[dict[str, Any]] = []
        self.requests: list[str] = []
        self.console: list[str] = []
        try:
            port, path = self._devtools_address()
            self.socket = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=timeout)
            target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            self.send("Network.enable")
            self.send("Page.enable")
            self.send("Runtime.enable")
            # Workers start paused so that their first requests are recorded too.
            self.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True})
        except Exception:
            self.close()
            raise

    # --- plumbing ----------------------------------------------------------------

    def _devtools_address(self) -> tuple[str, str]:
        active = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BrowserError(f"chromium exited with {self.process.returncode}")
            if active.exists():
                lines = active.read_text().split()
                if len(lines) >= 2:
                    return lines[0], lines[1]
            time.sleep(0.05)
        raise BrowserError("chromium did not open its DevTools port")

    def _write(self, method: str, params: dict[str, Any] | None, session: str | None) -> int:
        ident = next(self._ids)
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        return ident

    def _call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        ident = self._write(method, params, session)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            message = self._read()
            if message.get("id") == ident:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message.get("result", {})
        raise BrowserError(f"{method}: no answer in {self.timeout} s")

    def _read(self) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(self.socket.recv())
        if "method" in message:
            self._on_event(message)
        return message

    def _on_event(self, message: dict[str, Any]) -> None:
        method, params = message["method"], message.get("params", {})
        self._events.append(message)
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled":
            self.console.append(" ".join(str(arg.get("value", arg.get("description", ""))) for arg in params["args"]))
        elif method == "Target.attachedToTarget":
            child = params["sessionId"]  # a worker: record its requests, then let it run
            self._write("Network.enable", None, child)
            self._write("Runtime.enable", None, child)
            self._write("Runtime.runIfWaitingForDebugger", None, child)

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        """A DevTools command to the page; returns its result."""
        return self._call(method, params, self.session)

    def pump(self, seconds: float) -> None:
        """Let events arrive for `seconds` (requests of workers, console lines)."""
        deadline = time.monotonic() + seconds
        self.socket.settimeout(0.05)
        try:
            while time.monotonic() < deadline:
                with contextlib.suppress(Exception):
                    self._read()
        finally:
            self.socket.settimeout(self.timeout)

    # --- what tests use ----------------------------------------------------------

    def goto(self, url: str) -> None:
        """Load `url` and wait for its load event."""
        self._events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for(
            lambda: any(event["method"] == "Page.loadEventFired" for event in self._events), what=f"load {url}"
        )

    def evaluate_and_wait_for_load(self, expression: str) -> None:
        """Run JavaScript that leaves the page (a click on a submit button) and wait for the next page."""
        self._events.clear()
        self.evaluate(expression)
        self.wait_for(
            lambda: any(event["method"] == "Page.loadEventFired" for event in self._events), what=expression[:80]
        )

    def evaluate(self, expression: str) -> Any:
        """Run JavaScript in the page (awaiting a promise) and return its JSON value."""
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:80]}: {result['exceptionDetails'].get('exception', result)}")
        return result["result"].get("value")

    def wait_for(self, check: Callable[[], Any], *, what: str = "condition", timeout: float | None = None) -> Any:
        """Poll `check` (while reading events) until it returns something true."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline:
            value = check()
            if value:
                return value
            self.pump(0.05)
        raise BrowserError(f"timed out waiting for {what}")

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def full_page_screenshot(self, path: Path, *, width: int) -> Path:
        """The whole page at `width` CSS pixels (A4 is 794 at 96 dpi), however long it is."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
        )
        height = int(self.evaluate("Math.ceil(document.documentElement.scrollHeight)") or 900)
        height = max(1, min(height, MAX_SCREENSHOT_HEIGHT))
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        data = self.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})[
            "data"
        ]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.socket.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
