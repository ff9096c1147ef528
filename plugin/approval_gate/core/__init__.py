"""The decision core: what a post says, whether its sign-offs verify, and what the gate decides.

Pure functions and values: the front matter read strictly (`strict_yaml`, `canonical`,
`post`, `fields`), the people and their keys (`registry`, `signing`, `signed_entry`), the
decision (`decision`, `withdrawal`), Buddhist-Era dates (`thaidates`) and every message in
Thai and English (`catalogue`, `messages`). Nothing here reads or writes a file, reads the
clock, or imports MkDocs, click, Jinja, Markdown, nh3 or HTTP: it imports only the standard
library, PyYAML, cryptography and itself (checked by `make lint`).
"""
