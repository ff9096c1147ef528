"""Edits to approvers.yml as text: a person, a key, a key's end or revocation, a version bump.

Comments, quoting and line endings survive: each edit finds its place with the strict
loader's node marks and inserts or replaces only the lines it changes. Pure: text in, text
out; the command line checks the result with the parser the build uses and writes it.
"""

from __future__ import annotations

import json

import yaml

from . import signing
from .strict_yaml import StrictLoader, StrictYAMLError


class EditError(ValueError):
    def __init__(self, code: str, **params: str):
        super().__init__(code)
        self.code = code
        self.params = params


def _compose(text: str) -> yaml.MappingNode:
    loader = StrictLoader(text)
    try:
        root = loader.get_single_node()
    except (yaml.YAMLError, StrictYAMLError) as error:
        raise EditError("cli_registry_unparsable", detail=str(error)) from None
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode):
        raise EditError("cli_registry_unparsable", detail="not a mapping")
    return root


def _newline(text: str) -> str:
    index = text.find("\n")
    return "\r\n" if index > 0 and text[index - 1] == "\r" else "\n"


def _get(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in mapping.value:
        if key_node.value == key:
            return key_node, value_node
    return None


def _last_leaf(node: yaml.Node) -> yaml.Node:
    """The node whose end is the end of `node`'s text (block collections end at the next token)."""
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return _last_leaf(last[1] if isinstance(last, tuple) else last)
    return node


def _after_line(text: str, index: int) -> int:
    """Where a new line goes after the line holding `index`."""
    if index > 0 and text[index - 1] in "\r\n":
        return index  # a block scalar already ends with its line break
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _insert_lines(text: str, at: int, lines: list[str]) -> str:
    newline = _newline(text)
    block = "".join(line + newline for line in lines)
    if at == len(text) and text and not text.endswith("\n"):
        block = newline + block
    return text[:at] + block + text[at:]


def _flow_append(text: str, node: yaml.Node, item: str) -> str:
    """Add `item` inside a flow collection `[…]` / `{…}` just before its closing bracket."""
    close = node.end_mark.index - 1
    separator = ", " if node.value else ""
    return text[:close] + separator + item + text[close:]


def _append_item(text: str, parent: yaml.MappingNode, key: str, item: str) -> str:
    """Append `- item` to the list `key` of `parent`, creating the list if needed."""
    found = _get(parent, key)
    if found is None:
        first_key = parent.value[0][0]
        indent = " " * first_key.start_mark.column
        at = _after_line(text, _last_leaf(parent).end_mark.index)
        return _insert_lines(text, at, [f"{indent}{key}:", f"{indent}  - {item}"])
    key_node, value = found
    if isinstance(value, yaml.SequenceNode) and value.flow_style:
        return _flow_append(text, value, item)
    if isinstance(value, yaml.SequenceNode) and value.value:
        indent = " " * value.start_mark.column
        at = _after_line(text, _last_leaf(value).end_mark.index)
        return _insert_lines(text, at, [f"{indent}- {item}"])
    if isinstance(value, yaml.ScalarNode) and value.value == "":
        indent = " " * (key_node.start_mark.column + 2)
        return _insert_lines(text, _after_line(text, key_node.end_mark.index), [f"{indent}- {item}"])
    raise EditError("cli_registry_shape", key=key)


def _set_field(text: str, mapping: yaml.MappingNode, key: str, value: str) -> str:
    found = _get(mapping, key)
    if found is not None:
        node = found[1]
        return text[: node.start_mark.index] + value + text[node.end_mark.index :]
    if mapping.flow_style:
        return _flow_append(text, mapping, f"{key}: {value}")
    indent = " " * mapping.value[0][0].start_mark.column
    return _insert_lines(text, _after_line(text, _last_leaf(mapping).end_mark.index), [f"{indent}{key}: {value}"])


def _person_node(root: yaml.MappingNode, person_id: str) -> yaml.MappingNode:
    people = _get(root, "people")
    if people is not None and isinstance(people[1], yaml.SequenceNode):
        for item in people[1].value:
            if isinstance(item, yaml.MappingNode):
                found = _get(item, "id")
                if found is not None and found[1].value == person_id:
                    return item
    raise EditError("cli_registry_no_person", id=person_id)


def bump_version(text: str) -> str:
    """A changed registry gets a higher version, so hardened mode can refuse the old one."""
    root = _compose(text)
    found = _get(root, "version")
    if found is None or not isinstance(found[1], yaml.ScalarNode) or not found[1].value.isdigit():
        return text
    node = found[1]
    return text[: node.start_mark.index] + str(int(node.value) + 1) + text[node.end_mark.index :]


def _quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def add_person(text: str, person_id: str, name: str, position: str | None, roles: list[tuple[str, str]],
               keys: list[tuple[str, str]], email: str | None = None) -> str:  # fmt: skip
    root = _compose(text)
    lines = [f"- id: {person_id}", f"  name: {_quote(name)}"]
    if position:
        lines.append(f"  position: {_quote(position)}")
    if email:
        lines.append(f"  email: {_quote(email)}")
    lines.append("  roles:")
    lines += [f"    - {{role: {role}, from: {start}}}" for role, start in roles]
    if keys:
        lines.append("  keys:")
        lines += [f"    - {{key: {_quote(line)}, from: {start}}}" for line, start in keys]
    people = _get(root, "people")
    if people is None:
        raise EditError("cli_registry_shape", key="people")
    key_node, value = people
    if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
        indent = " " * value.start_mark.column
        at = _after_line(text, _last_leaf(value).end_mark.index)
        return _insert_lines(text, at, [indent + line for line in lines])
    if (isinstance(value, yaml.SequenceNode) and not value.value) or (
        isinstance(value, yaml.ScalarNode) and value.value == ""
    ):
        # `people: []` or `people:` with nothing: replace the empty value by a block list.
        start, end = value.start_mark.index, value.end_mark.index
        head = text[:start].rstrip(" ") if start > key_node.end_mark.index else text[:start]
        newline = _newline(text)
        return head + "".join(newline + "  " + line for line in lines) + text[end:]
    raise EditError("cli_registry_shape", key="people")


def add_key(text: str, person_id: str, line: str, start: str) -> str:
    person = _person_node(_compose(text), person_id)
    return _append_item(text, person, "keys", f"{{key: {_quote(line)}, from: {start}}}")


def _key_node(text: str, person_id: str, key: str) -> yaml.MappingNode:
    person = _person_node(_compose(text), person_id)
    keys = _get(person, "keys")
    wanted = key.strip()
    if keys is not None and isinstance(keys[1], yaml.SequenceNode):
        for item in keys[1].value:
            if not isinstance(item, yaml.MappingNode):
                continue
            found = _get(item, "key")
            if found is None:
                continue
            line = str(found[1].value)
            try:
                matches = wanted in (signing.fingerprint(line), line) or wanted.split()[:2] == line.split()[:2]
            except signing.SignatureFormatError:
                matches = False
            if matches:
                return item
    raise EditError("cli_registry_no_key", id=person_id, key=wanted)


def set_key_field(text: str, person_id: str, key: str, field: str, value: str) -> str:
    return _set_field(text, _key_node(text, person_id, key), field, value)


def set_email(text: str, person_id: str, email: str) -> str:
    """Set (or change) a person's `email`."""
    return _set_field(text, _person_node(_compose(text), person_id), "email", _quote(email))
