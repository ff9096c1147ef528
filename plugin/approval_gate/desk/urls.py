"""The desk's addresses, built in one place: a post's page and the address its sign form posts to.

A post is named by its place (`pending`, `content`) and its path under it, never by a path
on disk; `routes` reads them back the same way.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

POST_PREFIX = "/post/"
SIGN_PREFIX = "/sign/"


def post_url(place: str, post_path: str) -> str:
    """The page that shows one post (and, under it, the attachments bound to it)."""
    return f"{POST_PREFIX}{quote(place)}/{quote(post_path)}"


def sign_url(place: str, post_path: str, digest: str) -> str:
    """Where the sign form of one post posts to: the post and the digest shown, named by the URL."""
    return f"{SIGN_PREFIX}{quote(place)}/{quote(post_path)}?{urlencode({'digest': digest})}"
