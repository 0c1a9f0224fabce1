"""Strict YAML reading: safe parsing only, with line numbers kept for error messages.

Rejected here: files over 1 MiB, non-UTF-8 bytes, duplicate keys, anchors and aliases,
non-string keys, base-60 numbers (``1:30``) and YAML 1.1 booleans other than true/false.
Dates and booleans YAML guessed where the model wants text are reported by `explain`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

try:  # the C parser where available; construction is ours in both cases
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ANCHOR = re.compile(r"(^|[\s\[{,:-])&[^\s]", re.MULTILINE)


class Document:
    """A parsed YAML file: its plain data, and its node tree for locating errors."""

    def __init__(self, path: str, data: Any, root: yaml.Node | None):
        self.path = path
        self.data = data
        self.root = root

    def node_at(self, loc: tuple[Any, ...]) -> tuple[yaml.Node | None, bool]:
        """The deepest node along `loc`, and whether the whole of `loc` was found."""
        node = self.root
        for part in loc:
            child = _child(node, part)
            if child is None:
                return node, False
            node = child
        return node, True

    def line_of(self, loc: tuple[Any, ...]) -> int:
        node, _ = self.node_at(loc)
        return node.start_mark.line + 1 if node is not None else 1


def _child(node: yaml.Node | None, part: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if key.value == part:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def key_node(doc: Document, loc: tuple[Any, ...]) -> yaml.Node | None:
    """The key node of the last element of `loc` (for unknown fields)."""
    parent, found = doc.node_at(loc[:-1])
    if found and isinstance(parent, yaml.MappingNode):
        for key, _ in parent.value:
            if key.value == loc[-1]:
                return key
    return None


def read(path: Path, shown: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file strictly. Returns the document, or None and the problems."""
    name = shown or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, 1, "", f"cannot read file: {exc.strerror or exc}")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(name, 1, "", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,} (1 MiB)")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(name, line, "", f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}")]
    return parse(text, name)


def parse(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text strictly into plain data."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(name, line, "", f"YAML syntax: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, [Problem(name, 1, "", f"YAML syntax: {exc}")]
    problems: list[Problem] = []
    if "&" in text:
        problems += _anchors(text, name)
    if root is None:
        return None, problems + [Problem(name, 1, "", "file is empty")]
    builder = _Builder(name)
    data = builder.build(root, ())
    problems += builder.problems
    if problems:
        return None, problems
    return Document(name, data, root), []


def _anchors(text: str, name: str) -> list[Problem]:
    if not _ANCHOR.search(text):
        return []
    found = []
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        if anchor and not isinstance(event, yaml.AliasEvent):
            found.append(Problem(name, event.start_mark.line + 1, "", f"anchors are not allowed (&{anchor}); write the value out"))
    return found


class _Builder:
    """Turns a node tree into plain data, collecting every problem on the way."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def _problem(self, node: yaml.Node, loc: tuple[Any, ...], message: str) -> None:
        self.problems.append(Problem(self.name, node.start_mark.line + 1, dotted(loc), message))

    def build(self, node: yaml.Node, loc: tuple[Any, ...]) -> Any:
        if id(node) in self.seen:
            self._problem(node, loc, "aliases (*name) are not allowed; write the value out")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, loc)
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self._problem(node, loc, f"tag {node.tag} is not allowed")
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        if node.tag != _MAP:
            self._problem(node, loc, f"tag {node.tag} is not allowed")
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self._problem(key_node, loc, f"keys must be plain text, not {getattr(key_node, 'value', '?')!r}")
                continue
            key = key_node.value
            if key == "<<":
                self._problem(key_node, loc + (key,), "merge keys (<<) are not allowed")
                continue
            if key in out:
                self._problem(key_node, loc + (key,), "duplicate key; the first one would be silently overwritten")
                continue
            out[key] = self.build(value_node, loc + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode, loc: tuple[Any, ...]) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag == _INT:
            if ":" in value:
                self._problem(node, loc, f"{value} would be read by YAML as a base-60 number; "
                              "write a plain number, or quote it if it is text")
                return None
            return _CONSTRUCTOR.construct_yaml_int(node)
        if tag == _FLOAT:
            if ":" in value:
                self._problem(node, loc, f"{value} would be read by YAML as a base-60 number; "
                              "write a plain number, or quote it if it is text")
                return None
            return _CONSTRUCTOR.construct_yaml_float(node)
        if tag == _BOOL:
            if value not in ("true", "false", "True", "False", "TRUE", "FALSE"):
                self._problem(node, loc, f"{value} would be read by YAML as a boolean; "
                              "write true or false, or quote it if it is text")
                return None
            return value.lower() == "true"
        if tag == _NULL:
            return None
        if tag == _TIMESTAMP:  # kept as a date, so a text field rejects it and `explain` says why
            try:
                return _CONSTRUCTOR.construct_yaml_timestamp(node)
            except ValueError:
                self._problem(node, loc, f"{value} is not a valid date")
                return None
        self._problem(node, loc, f"tag {tag} is not allowed")
        return None


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def dotted(loc: tuple[Any, ...]) -> str:
    """A field path as authors read it: ``injects[3].title.en``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def explain(doc: Document, loc: tuple[Any, ...], message: str, error_type: str) -> str:
    """Rewrite a model error where YAML guessed a type the author did not mean."""
    node, found = doc.node_at(loc)
    if found and isinstance(node, yaml.ScalarNode) and error_type in ("string_type", "int_type", "float_type", "bool_type", "literal_error", "string_pattern_mismatch", "model_type", "list_type", "dict_type"):
        if node.tag == _TIMESTAMP:
            return f"YAML read {node.value} as a date; quote it: '{node.value}'"
        if node.tag == _BOOL and error_type != "bool_type":
            return f"YAML read {node.value} as a boolean; quote it: '{node.value}'"
        if node.tag in (_INT, _FLOAT) and error_type == "string_type":
            return f"YAML read {node.value} as a number; quote it: '{node.value}'"
        if node.tag == _NULL and error_type != "none_required":
            return f"value is empty; {message[0].lower() + message[1:]}"
    return message
