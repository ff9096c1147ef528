"""The tests' Chromium driver: the package's own (approval_gate.chromium), re-exported."""

from approval_gate.chromium import BrowserError, Chromium, chromium_binary, serve

__all__ = ["BrowserError", "Chromium", "chromium_binary", "serve"]
