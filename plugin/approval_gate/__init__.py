"""approval-gate: publish only what was requested, signed off and is in its window."""

__version__ = "0.1.0"
