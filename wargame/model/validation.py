"""Checking data against the content models with pydantic: the only module of `model` that needs it.

Content files, imported sessions and MSEL sheets come through here; a session's own record of
content it already checked is rebuilt by `codec.build` without it. On top of the rules the models
carry, every field is strict (no coercion: "1" is no number, a mapping no list), a model's sequence
is read from a list (and named one in errors), and every text is refused when it holds a control
character (`wargame.model.text`).
"""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError, SchemaValidator, core_schema

from .text import control_problem

T = TypeVar("T")

__all__ = ["ValidationError", "json_schema", "validate"]


@cache
def _adapter(cls: type) -> TypeAdapter:
    return TypeAdapter(cls)


_VALIDATORS: dict[type, SchemaValidator] = {}


def _validator(cls: type) -> SchemaValidator:
    found = _VALIDATORS.get(cls)
    if found is None:
        found = _VALIDATORS[cls] = SchemaValidator(_guarded(_adapter(cls).core_schema))
    return found


_NOT_SCHEMAS = frozenset({"metadata", "serialization", "default", "cls", "expected"})
"""Keys of a core schema whose values are not validation schemas."""


_STRICT = frozenset({"str", "int", "bool", "float", "list"})
"""Core schema types made strict: none of them takes a value of another type."""


def _guarded(schema: Any) -> Any:
    """A copy of a pydantic-core schema (plain dicts and lists) with every leaf and list strict, every
    `tuple[X, ...]` a list turned into a tuple, and every `str` also refusing control characters."""
    if isinstance(schema, list):
        return [_guarded(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: v if k in _NOT_SCHEMAS else _guarded(v) for k, v in schema.items()}
    kind = out.get("type")
    if kind == "tuple":
        return _from_list(out)
    if kind in _STRICT:
        out["strict"] = True
    if kind == "str":
        return core_schema.no_info_after_validator_function(_no_control, out)
    return out


def _from_list(schema: dict[str, Any]) -> Any:
    """A variadic tuple schema as a strict list schema whose value becomes a tuple: content is written as
    lists, and its errors speak of lists ("List should have at least 1 item")."""
    items = schema["items_schema"]
    if schema.get("variadic_item_index") != 0 or len(items) != 1:
        raise TypeError("a model's sequences are tuple[X, ...]")
    bounds = {k: schema[k] for k in ("min_length", "max_length") if k in schema}
    listed = core_schema.list_schema(items[0], strict=True, **bounds)
    return core_schema.no_info_after_validator_function(tuple, listed)


def _no_control(value: str) -> str:
    problem = control_problem(value)
    if problem is not None:
        raise PydanticCustomError("control_character", problem)
    return value


def validate(cls: type[T], data: Any) -> T:
    """`data` as a `cls`, checked against every rule of the model; raises pydantic's ValidationError."""
    return _validator(cls).validate_python(data)


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of a model (for editor completion of content files)."""
    return _adapter(cls).json_schema()
