"""Checking data against the content models with pydantic: the only module of `model` that needs it.

Content files, imported sessions and MSEL sheets come through here; a session's own record of
content it already checked is rebuilt by `codec.build` without it. Every text of every model is
also refused when it holds a control character (`wargame.model.text`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError, SchemaValidator, core_schema

from .text import control_problem

T = TypeVar("T")

__all__ = ["ValidationError", "json_schema", "validate"]


@lru_cache(maxsize=None)
def _adapter(cls: type) -> TypeAdapter:
    return TypeAdapter(cls)


@lru_cache(maxsize=None)
def _validator(cls: type) -> SchemaValidator:
    return SchemaValidator(_guarded(_adapter(cls).core_schema))


_NOT_SCHEMAS = frozenset({"metadata", "serialization", "default", "cls", "expected"})
"""Keys of a core schema whose values are not validation schemas."""


def _guarded(schema: Any) -> Any:
    """A copy of a pydantic-core schema (plain dicts and lists) whose every `str` also refuses control characters."""
    if isinstance(schema, list):
        return [_guarded(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: v if k in _NOT_SCHEMAS else _guarded(v) for k, v in schema.items()}
    if out.get("type") == "str":
        return core_schema.no_info_after_validator_function(_no_control, out)
    return out


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
