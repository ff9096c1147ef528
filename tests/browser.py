"""The tests' Chromium driver: the package's own (approval_gate.services.chromium), re-exported."""

from approval_gate.services.chromium import BrowserError, Chromium, chromium_binary, serve

__all__ = ["BrowserError", "Chromium", "chromium_binary", "serve"]
