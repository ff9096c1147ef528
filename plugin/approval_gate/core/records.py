"""Writing the record keys (`signoffs`, `published`, `taken_down`) into a post as text.

A sign-off must not change any other byte of the file (comments, quoting, line
endings, BOM), so entries are inserted as text, never by re-serialising YAML. Each
entry is one line of JSON, which is also a YAML flow mapping.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from .strict_yaml import StrictLoader

_OPEN_RE = re.compile(r"^(\ufeff?)-{3}[ \t]*(\r\n|\r|\n)")
_CLOSE_RE = re.compile(r"^(?:\.{3}|-{3})[ \t]*(?:\r\n|\r|\n)", re.MULTILINE)


class RecordError(ValueError):
    def __init__(self, code: str, key: str = ""):
        super().__init__(code)
        self.code = code
        self.key = key


def _front_matter_span(text: str) -> tuple[int, int, str]:
    """(start of YAML, end of YAML = start of the closing fence, newline style)."""
    opening = _OPEN_RE.match(text)
    if not opening:
        raise RecordError("no_front_matter")
    newline = opening.group(2)
    closing = _CLOSE_RE.search(text, opening.end())
    if not closing:
        raise RecordError("no_front_matter")
    return opening.end(), closing.start(), newline


def entry_line(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, separators=(", ", ": "))


def _mapping_root(yaml_text: str) -> yaml.MappingNode:
    """The front matter's top-level mapping, as nodes (positions kept)."""
    loader = StrictLoader(yaml_text.replace("\r\n", "\n").replace("\r", "\n"))
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode):
        raise RecordError("front_matter_not_mapping")
    return root


def _top_level_value_node(yaml_text: str, key: str) -> yaml.Node | None:
    root = _mapping_root(yaml_text)
    for key_node, value_node in root.value:
        if key_node.value == key:
            return value_node  # type: ignore[no-any-return]
    return None


def _offset_of_line(text: str, line: int) -> int:
    """Character offset of the start of 0-based `line` (any newline style)."""
    offset = 0
    for _ in range(line):
        match = re.compile(r"\r\n|\r|\n").search(text, offset)
        if match is None:
            return len(text)
        offset = match.end()
    return offset


def append_signoff(text: str, entry: dict[str, Any]) -> str:
    """`text` with `entry` appended to its `signoffs` list; nothing else changes."""
    return append_entry(text, "signoffs", entry)


def append_entry(text: str, key: str, entry: dict[str, Any]) -> str:
    """`text` with `entry` appended to its list `key` (`signoffs`, `withdrawals`); nothing else changes."""
    start, end, newline = _front_matter_span(text)
    yaml_text = text[start:end]
    node = _top_level_value_node(yaml_text, key)
    line = entry_line(entry)
    if node is None:
        insertion = f"{key}:{newline}  - {line}{newline}"
        return text[:end] + insertion + text[end:]
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        # Append after the last item: the node ends where the next key (or the fence) begins.
        indent = " " * node.start_mark.column
        at = start + _offset_of_line(yaml_text, node.end_mark.line)
        if node.end_mark.column != 0:  # last item runs to the end of the YAML without newline
            at = end
        return text[:at] + f"{indent}- {line}{newline}" + text[at:]
    if isinstance(node, yaml.SequenceNode) and not node.value:  # `signoffs: []`
        value_start = start + _offset_of_line(yaml_text, node.start_mark.line) + node.start_mark.column
        value_end = start + _offset_of_line(yaml_text, node.end_mark.line) + node.end_mark.column
        return text[:value_start] + f"{newline}  - {line}" + text[value_end:]
    raise RecordError(f"{key}_shape", key)


def without_keys(text: str, keys: tuple[str, ...]) -> str:
    """`text` without the top-level `keys` of its front matter (each key's lines, up to the next key),
    every other byte kept: how `gate amend` drops the records of the live version from its copy."""
    start, end, _ = _front_matter_span(text)
    yaml_text = text[start:end]
    root = _mapping_root(yaml_text)
    starts = [(key_node.start_mark.line, key_node.value) for key_node, _ in root.value]
    cuts = []
    for number, (line, name) in enumerate(starts):
        if name in keys:
            following = starts[number + 1][0] if number + 1 < len(starts) else None
            stop = _offset_of_line(yaml_text, following) if following is not None else len(yaml_text)
            cuts.append((_offset_of_line(yaml_text, line), stop))
    for cut_start, cut_stop in reversed(cuts):
        yaml_text = yaml_text[:cut_start] + yaml_text[cut_stop:]
    return text[:start] + yaml_text + text[end:]


def add_record(text: str, key: str, value: dict[str, Any]) -> str:
    """`text` with a new top-level `key: {json}` line before the closing fence."""
    start, end, newline = _front_matter_span(text)
    if _top_level_value_node(text[start:end], key) is not None:
        raise RecordError("record_exists", key)
    return text[:end] + f"{key}: {entry_line(value)}{newline}" + text[end:]


def without_record(text: str, key: str) -> str:
    """`text` without the `key: {json}` line that `add_record` puts last in the front matter.

    Raises RecordError when the front matter's last line is not such a line."""
    start, end, newline = _front_matter_span(text)
    yaml_text = text[start:end]
    if not yaml_text.endswith(newline):
        raise RecordError("no_record", key)
    body = yaml_text[: -len(newline)]
    line_start = max(body.rfind("\n"), body.rfind("\r")) + 1
    line = body[line_start:]
    if not (line.startswith(f"{key}: {{") and line.endswith("}")):
        raise RecordError("no_record", key)
    return text[: start + line_start] + text[end:]
