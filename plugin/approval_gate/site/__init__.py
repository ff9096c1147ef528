"""The MkDocs adapter: the plugin (`plugin`, options in `config`) and what it adds to a build —
the preview of pending posts (`preview`), take-down notices (`tombstones`) and the Thai theme's
helpers (`theme`). May import the forms, the services and the core; nothing below imports it.
"""
