"""Publishing on the office's own server: `gate watch` builds each change at its instant into a
new release (`releases`) and switches atomically; `webserver` writes what nginx needs to answer
`410 Gone` for a taken-down post. May import the MkDocs adapter, the services and the core.
"""
