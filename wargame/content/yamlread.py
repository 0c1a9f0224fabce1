"""Strict YAML reading: safe parsing only, with line numbers kept for error messages.

Rejected here: anything but a regular file (FIFOs and devices are never opened), files over
1 MiB (never read further), non-UTF-8 bytes, duplicate keys, anchors and aliases, merge keys,
non-string keys, tags, nesting deeper than MAX_DEPTH, control characters in any text (written
raw or as an escape such as ``"\\e"``), base-60 numbers (``1:30``) and YAML 1.1 booleans other
than true/false (``yes``, ``NO``, ``on``).
Dates and booleans YAML guessed where the model wants text are reported by `explain`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from ..model.text import control_problem
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
_ANCHOR = re.compile(r"(^|[\s\[{,:?-])&[^\s]", re.MULTILINE)


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
        raw = _read_bytes(path)
    except _Unreadable as exc:
        return None, [Problem(name, 1, "", str(exc))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(name, line, "", f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}")]
    return parse(text, name)


class _Unreadable(Exception):
    """Why a path gives no bytes to parse."""


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; anything else is never opened, nor read past the limit."""
    try:
        _check_regular(os.stat(path))
        with os.fdopen(os.open(path, _FLAGS), "rb") as f:  # non-blocking: a FIFO put in its place cannot hang
            _check_regular(os.fstat(f.fileno()))
            raw = f.read(MAX_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise _Unreadable(_missing(path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _Unreadable("symbolic link loop: the link never reaches a file") from None
        raise _Unreadable(f"cannot read file: {exc.strerror or exc}") from None
    except ValueError as exc:  # a NUL in the name
        raise _Unreadable(f"cannot read file: {exc}") from None
    if len(raw) > MAX_BYTES:
        raise _Unreadable(f"file is more than {MAX_BYTES:,} bytes; the limit is {MAX_BYTES:,} (1 MiB)")
    return raw


def _missing(path: Path) -> str:
    """What to say of a path that leads nowhere."""
    try:
        return f"broken symbolic link: its target '{os.readlink(path)}' does not exist"
    except (OSError, ValueError):
        return "no such file or folder"


def _check_regular(st: os.stat_result) -> None:
    """Raise _Unreadable unless `st` is of a regular file within the size limit."""
    if not stat.S_ISREG(st.st_mode):
        kind = next((what for test, what in _KINDS if test(st.st_mode)), "something else")
        raise _Unreadable(f"not a regular file but {kind}; only regular files are read")
    if st.st_size > MAX_BYTES:
        raise _Unreadable(f"file is {st.st_size:,} bytes; the limit is {MAX_BYTES:,} (1 MiB)")


def parse(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text strictly into plain data."""
    if text.startswith("\ufeff"):
        text = text[1:]
    problems: list[Problem] = []
    has_anchor = "&" in text and _ANCHOR.search(text) is not None
    if has_anchor or _depth_bound(text) > _SAFE_COMPOSE_DEPTH:
        # One pass over the events (iterative, so safe at any depth): anchors, aliases and
        # nesting too deep for the recursive composer, which would crash the interpreter.
        problems, too_deep = _scan_events(text, name)
        if too_deep:
            return None, problems
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, problems + [_syntax_problem(exc, text, name)]
    except yaml.reader.ReaderError as exc:
        if _Loader.__name__.startswith("C"):  # libyaml gives a byte offset, PyYAML a character index
            line = text.encode("utf-8", "surrogatepass")[:exc.position].count(b"\n") + 1
        else:
            line = text.count("\n", 0, exc.position) + 1
        char = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        return None, problems + [Problem(name, line, "", f"{exc.reason}: found {char}")]
    except yaml.YAMLError as exc:
        return None, problems + [Problem(name, 1, "", f"YAML syntax: {exc}")]
    except RecursionError:  # the pure-Python composer, where PyYAML has no libyaml
        return None, problems + [Problem(name, 1, "", f"nested more than {MAX_DEPTH} levels deep")]
    if root is None:
        return None, problems + [Problem(name, 1, "", "file is empty")]
    builder = _Builder(name)
    data = builder.build(root, ())
    problems += builder.problems
    if not has_anchor:  # aliases the event scan did not see (it always runs when there are anchors)
        problems += builder.alias_problems
    if problems:
        return None, problems
    return Document(name, data, root), []


MAX_DEPTH = 32
"""Deepest nesting of mappings and lists a content file may have (content needs about 6)."""

_SAFE_COMPOSE_DEPTH = 2000
"""Below this nesting PyYAML's recursive C composer is safe (it overflows the C stack near 25,000)."""


def _depth_bound(text: str) -> int:
    """A cheap upper bound of the nesting depth: block levels need indentation, flow levels brackets."""
    longest = max(map(len, text.splitlines()), default=0)
    return 2 * longest + 2 + text.count("[") + text.count("{")


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = exc.problem or str(exc)
    if problem == "found undefined alias" and mark is not None:
        alias = re.match(r"\*([^\s,\[\]{}]*)", text[mark.index:])
        shown = alias.group(0) if alias else "*"
        return Problem(name, line, "", f"aliases ({shown}) are not allowed, and this one names no anchor; "
                       "write the value out")
    if problem == "but found another document":
        return Problem(name, line, "", "YAML syntax: a second document starts here (--- or ...); "
                       "a content file holds one document")
    if problem == "found character that cannot start any token" and mark is not None \
            and text[mark.index:mark.index + 1] == "\t":
        return Problem(name, line, "", "YAML syntax: a tab; indent with spaces")
    message = f"YAML syntax: {problem}"
    if exc.context:
        cline = exc.context_mark.line + 1 if exc.context_mark else line
        message += f" ({exc.context}" + (f" at line {cline})" if cline != line else ")")
    return Problem(name, line, "", message)


def _scan_events(text: str, name: str) -> tuple[list[Problem], bool]:
    """Anchors, aliases and too-deep nesting, each at its own line and field."""
    found: list[Problem] = []
    stack: list[list[Any]] = []  # [loc, is_mapping, expecting_key, last_key, next_index]
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            loc: tuple[Any, ...] = ()
            if stack:
                frame = stack[-1]
                if frame[1]:
                    if frame[2]:  # a key: reported at its mapping
                        loc = frame[0]
                        frame[3] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
                    else:
                        loc = frame[0] + (frame[3],)
                    frame[2] = not frame[2]
                else:
                    loc = frame[0] + (frame[4],)
                    frame[4] += 1
            line = event.start_mark.line + 1 if event.start_mark is not None else 1
            if isinstance(event, yaml.AliasEvent):
                found.append(Problem(name, line, dotted(loc), f"aliases (*{event.anchor}) are not allowed; "
                                     "write the value out"))
            elif event.anchor:
                found.append(Problem(name, line, dotted(loc), f"anchors (&{event.anchor}) are not allowed; "
                                     "write the value out"))
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    found.append(Problem(name, line, dotted(loc), f"nested more than {MAX_DEPTH} levels deep"))
                    return found, True
                stack.append([loc, isinstance(event, yaml.MappingStartEvent), True, None, 0])
    except yaml.YAMLError:
        pass  # reported by the composer, with its line
    return found, False


def _base60(value: str) -> str:
    sign, digits = (-1, value[1:]) if value[:1] == "-" else (1, value.lstrip("+"))
    total = 0.0
    try:
        for part in digits.replace("_", "").split(":"):
            total = total * 60 + float(part)
    except ValueError:
        return ""
    total *= sign
    return f" {int(total)}" if total == int(total) and "." not in value else f" {total:g}"


class _Builder:
    """Turns a node tree into plain data, collecting every problem on the way."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self.alias_problems: list[Problem] = []
        self.seen: set[int] = set()

    def _problem(self, node: yaml.Node, loc: tuple[Any, ...], message: str) -> None:
        self.problems.append(Problem(self.name, node.start_mark.line + 1, dotted(loc), message))

    def build(self, node: yaml.Node, loc: tuple[Any, ...]) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, loc)
        if id(node) in self.seen:  # an alias: never expanded twice (no "billion laughs")
            self.alias_problems.append(Problem(self.name, node.start_mark.line + 1, dotted(loc),
                                               "aliases (*name) are not allowed; write the value out"))
            return None
        self.seen.add(id(node))
        if len(loc) >= MAX_DEPTH:
            self._problem(node, loc, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self._problem(node, loc, f"tag {node.tag} is not allowed")
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        if node.tag != _MAP:
            self._problem(node, loc, f"tag {node.tag} is not allowed")
        out: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<" and key_node.tag != _STR:
                self._problem(key_node, loc, "merge keys (<<) are not allowed; write the fields out")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self._problem(key_node, loc, f"keys must be plain text, not {getattr(key_node, 'value', '?')!r}")
                continue
            key = key_node.value
            problem = control_problem(key)
            if problem is not None:
                self._problem(key_node, loc + (key,), problem)
                continue
            line = key_node.start_mark.line + 1
            if key in first:
                self._problem(key_node, loc + (key,), f"duplicate key; the first one, at line {first[key]}, "
                              "would be silently overwritten")
                continue
            first[key] = line
            out[key] = self.build(value_node, loc + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode, loc: tuple[Any, ...]) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            problem = control_problem(value)
            if problem is not None:
                self._problem(node, loc, problem)
                return None
            return value
        if tag in (_INT, _FLOAT):
            if ":" in value:
                self._problem(node, loc, f"YAML 1.1 reads {value} as the base-60 number{_base60(value)}; "
                              "write the number you mean, or quote it if it is text")
                return None
            if tag == _INT:
                return _CONSTRUCTOR.construct_yaml_int(node)
            return _CONSTRUCTOR.construct_yaml_float(node)
        if tag == _BOOL:
            if value not in ("true", "false", "True", "False", "TRUE", "FALSE"):
                self._problem(node, loc, f"YAML read {value} as a boolean; quote it if it is text: '{value}' "
                              "(for a yes/no field write true or false)")
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

_TYPE_ERRORS = frozenset({"string_type", "int_type", "float_type", "bool_type", "literal_error",
                          "string_pattern_mismatch", "model_type", "list_type", "dict_type"})
"""The model errors that a value YAML read as another type than meant can cause."""


def explain(doc: Document, loc: tuple[Any, ...], message: str, error_type: str) -> str:
    """Rewrite a model error where YAML guessed a type the author did not mean."""
    node, found = doc.node_at(loc)
    if found and isinstance(node, yaml.ScalarNode) and error_type in _TYPE_ERRORS:
        if node.tag == _TIMESTAMP:
            return f"YAML read {node.value} as a date; quote it: '{node.value}'"
        if node.tag == _BOOL and error_type != "bool_type":
            return f"YAML read {node.value} as a boolean; quote it: '{node.value}'"
        if node.tag in (_INT, _FLOAT) and error_type == "string_type":
            return f"YAML read {node.value} as a number; quote it: '{node.value}'"
        if node.tag == _NULL and error_type != "none_required":
            return f"value is empty; {message[0].lower() + message[1:]}"
    return message
