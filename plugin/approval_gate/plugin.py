"""The MkDocs plugin's stable entry point (`approval_gate.plugin:ApprovalGatePlugin`).

The plugin itself is the MkDocs adapter in `site/plugin.py`."""

from .site.plugin import ApprovalGatePlugin

__all__ = ["ApprovalGatePlugin"]
