"""A strict YAML loader for front matter and the registry.

PyYAML's YAML 1.1 typing turns `on:` into `True`, `012` into 10, `12:30` into 750
and keeps the last of duplicate keys silently. A publishing gate cannot afford any
of that, so this loader knows only strings, decimal integers, booleans spelt
`true`/`false`, null, dates and timestamps, and refuses everything else.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

try:  # libyaml's scanner and parser, when PyYAML was built with it (the wheels are)
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - pure-Python PyYAML
    CParser = None  # type: ignore[assignment,misc]


class StrictYAMLError(ValueError):
    """A YAML document uses something the strict loader refuses.

    `code` is a message-catalogue key, `key` the dotted path of the offending key
    when known, `line` the 1-based line in the YAML text.
    """

    def __init__(self, code: str, key: str | None = None, line: int | None = None, detail: str = ""):
        super().__init__(f"{code} at {key or '?'} line {line}: {detail}")
        self.code = code
        self.key = key
        self.line = line
        self.detail = detail


STR, SEQ, MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _StrictResolver(BaseResolver):
    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        # BaseResolver.resolve for a resolver with no path or wildcard resolvers, without
        # its list copying: libyaml calls this for every node of every post.
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return STR
        return SEQ if kind is SequenceNode else MAP


_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
# Merge keys are recognised only to be refused, like floats.
_StrictResolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])
# Floats are recognised only to be refused: "1.5" as a string would hide a mistake.
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp",
    re.compile(
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        re.X,
    ),
    list("0123456789"),
)


class _StrictComposer(Composer):
    """Refuses anchors, aliases and explicit tags before anything is built."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, AliasEvent):
            raise StrictYAMLError("yaml_alias", line=line)
        if isinstance(event, (ScalarEvent, CollectionStartEvent)):
            if event.anchor is not None:
                raise StrictYAMLError("yaml_alias", line=line)
            if event.tag is not None and event.tag != "!":
                raise StrictYAMLError("yaml_tag", line=line, detail=str(event.tag))
        return super().compose_node(parent, index)


class _StrictConstructor(SafeConstructor):
    def construct_document(self, node: Node) -> Any:
        # With anchors, tags and merge keys refused, a document is a plain tree: built
        # directly it loads in half the time of PyYAML's general machinery.
        return self._build(node)

    def _build(self, node: Node) -> Any:
        if node.tag == STR and isinstance(node, ScalarNode):
            return node.value  # what construct_yaml_str returns, minus two calls
        if isinstance(node, ScalarNode) and node.tag in self.yaml_constructors:
            return self.yaml_constructors[node.tag](self, node)
        if isinstance(node, MappingNode) and node.tag == MAP:
            self._check_keys(node)
            return {key.value: self._build(value) for key, value in node.value}
        if isinstance(node, SequenceNode) and node.tag == SEQ:
            return [self._build(item) for item in node.value]
        return self.construct_object(node, deep=True)  # the rest as PyYAML has it (and refuses it)

    @staticmethod
    def _check_keys(node: MappingNode) -> None:
        seen: set[str] = set()
        for key_node, _ in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise StrictYAMLError("yaml_merge", line=line)
            if not isinstance(key_node, ScalarNode) or key_node.tag != STR:
                raise StrictYAMLError("yaml_key_type", line=line, detail=str(getattr(key_node, "value", "")))
            if key_node.value in seen:
                raise StrictYAMLError("yaml_duplicate", key=key_node.value, line=line)
            seen.add(key_node.value)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        self._check_keys(node)
        return super().construct_mapping(node, deep=True)

    def construct_yaml_float(self, node: ScalarNode) -> float:
        raise StrictYAMLError("yaml_float", line=node.start_mark.line + 1, detail=str(node.value))


_StrictConstructor.add_constructor("tag:yaml.org,2002:float", _StrictConstructor.construct_yaml_float)  # type: ignore[type-var]


class StrictLoader(Reader, Scanner, Parser, _StrictComposer, _StrictConstructor, _StrictResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _StrictComposer.__init__(self)
        _StrictConstructor.__init__(self)
        _StrictResolver.__init__(self)


if CParser is not None:

    class _PlainCLoader(CParser, _StrictConstructor, _StrictResolver):
        """libyaml scans, parses and composes (about 8x faster); our constructor and resolver
        still refuse duplicates, floats, merge keys and non-string keys. Only for text with no
        `&`, `*` or `!`, which cannot hold the anchors, aliases or tags our composer refuses."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _StrictConstructor.__init__(self)
            _StrictResolver.__init__(self)


# Anchors, aliases and tags cannot be written without `&`, `*` or `!`. Block scalars,
# escapes, directives, complex keys, BOMs, tabs and the rarer line breaks are where libyaml
# and PyYAML have been seen to read differently (tests/test_fuzz.py): such text takes the
# pure-Python path, which is also what MkDocs reads front matter with.
_SLOW_PATH = re.compile("[&*!|>\\\\%@`?\ufeff\t\r\x85\u2028\u2029]")


def load_strict(text: str) -> Any:
    """Load one YAML document strictly; raises StrictYAMLError for anything refused.

    The fast libyaml path answers only for documents it accepts and the pure-Python
    reader would accept too; anything refused is loaded again by the pure-Python
    loader, so every error (code, line, detail) is the same whichever path ran."""
    if CParser is not None and not _SLOW_PATH.search(text) and not Reader.NON_PRINTABLE.search(text):
        try:
            return _load_with(_PlainCLoader, text)
        except StrictYAMLError:
            pass
    return _load_with(StrictLoader, text)


def _load_with(loader_class: type[Any], text: str) -> Any:
    loader = None
    try:
        loader = loader_class(text)  # the pure-Python reader refuses control characters here
        return loader.get_single_data()
    except StrictYAMLError:
        raise
    except RecursionError:  # `[[[[…` thousands deep: the parser recurses once per level
        raise StrictYAMLError("yaml_too_deep") from None
    except (yaml.YAMLError, ConstructorError, ValueError) as error:
        # The context mark points at where the broken construct began (an unclosed quote).
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        if isinstance(error, ReaderError):  # a control character: no mark, only a position
            line = text[: error.position].count("\n") + 1
        problem = getattr(error, "problem", None) or str(error)
        raise StrictYAMLError("yaml_syntax", line=line, detail=str(problem)) from None
    finally:
        if loader is not None:
            loader.dispose()
