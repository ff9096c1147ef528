"""The services the adapters share: the repository of posts on disk and what acts on it.

`repository` finds, reads, renders (`binding`, `sanitize`) and judges posts; `moves` moves
them atomically; `witness` keeps when each sign-off was first seen; `queue` and `notices`
plan who waits for whom; `delivery` sends the notices; `evidence` and `chromium` take the
print screens; `templating` is the one Jinja environment for pages the gate writes itself.
May import the core and the standard library's file and network modules, never an adapter
(the MkDocs plugin, the command line, the desk, the server or the forms).
"""
