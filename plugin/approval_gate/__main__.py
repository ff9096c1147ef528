"""`python -m approval_gate`: the `gate` command, for when its script is not on PATH."""

from .cli import main

main()
