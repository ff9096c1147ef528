"""The slug function a site's `mkdocs.yml` names (`!!python/name:approval_gate.slug.thai_slugify`).

A stable public name: the function lives in the core (`core/slug.py`)."""

from .core.slug import thai_slugify

__all__ = ["thai_slugify"]
