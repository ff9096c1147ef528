"""Is a host this machine? The preview (`dev_addr`), the review desk and the mail settings ask.

`localhost` counts for names people type; the desk binds a socket, so it takes address
literals only (`loopback_address`)."""

from __future__ import annotations

import ipaddress


def loopback_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The loopback address `host` spells (IPv6 with or without brackets), or None."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    return address if address.is_loopback else None


def is_loopback(host: str) -> bool:
    """`localhost`, or a loopback address literal."""
    return host.lower() == "localhost" or loopback_address(host) is not None
