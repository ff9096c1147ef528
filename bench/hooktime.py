"""`mkdocs build` with a stopwatch on every plugin event: where the gate's time goes.

    python bench/hooktime.py SITE_DIR  ->  one JSON line on stdout

Differences between whole builds drown in machine noise at a few per cent, so this
measures the gate's own share in the build process directly: importing it, and the
seconds its event handlers run (waiting for the second-core worker included). The
worker's CPU time shows as the children's CPU time.
"""

from __future__ import annotations

import collections
import contextlib
import importlib
import io
import json
import logging
import os
import resource
import sys
import time
from typing import Any

import mkdocs.config.defaults  # what a build imports anyway, before any plugin
import mkdocs.plugins
import mkdocs.structure.files
import mkdocs.structure.nav
from mkdocs.commands.build import build
from mkdocs.config import load_config

SPENT: collections.defaultdict[tuple[str, str], float] = collections.defaultdict(float)
SHARED = [0, 0]  # posts judged by the worker, by the build process


def count_shares(verdicts: Any) -> Any:
    """`Prejudge.verdicts`, noting how the posts were shared (the plugin only logs it at DEBUG
    level, and that level would also log a line for every post, inside the timed handler)."""

    def counted(self: Any) -> Any:
        found = verdicts(self)
        SHARED[:] = [self.by_worker, self.by_main]
        return found

    return counted


def run_event(self: mkdocs.plugins.PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
    """MkDocs' own `run_event`, timing each handler."""
    for method in self.events[name]:
        self._current_plugin = self._event_origins.get(method, "<unknown>")
        start = time.perf_counter()
        result = method(**kwargs) if item is None else method(item, **kwargs)
        SPENT[(self._current_plugin or "", name)] += time.perf_counter() - start
        if result is not None:
            item = result
    self._current_plugin = None
    return item


def main() -> None:
    os.chdir(sys.argv[1])
    start = time.perf_counter()
    importlib.import_module("approval_gate.plugin")
    imported = time.perf_counter() - start
    mkdocs.plugins.PluginCollection.run_event = run_event  # type: ignore[method-assign]
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    prejudge = importlib.import_module("approval_gate.prejudge")
    prejudge.Prejudge.verdicts = count_shares(prejudge.Prejudge.verdicts)
    config = load_config("mkdocs.yml", strict=True)  # as `make build` builds
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            build(config)
    finally:
        config.plugins.on_shutdown()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    hooks = {name: seconds for (plugin, name), seconds in SPENT.items() if plugin == "approval-gate"}
    print(
        json.dumps(
            {
                "import": imported,
                "hooks": sum(hooks.values()),
                "on_files": hooks.get("files", 0.0),
                "by_worker": SHARED[0],
                "by_main": SHARED[1],
                "worker_cpu": children.ru_utime + children.ru_stime,
            }
        )
    )


if __name__ == "__main__":
    main()
