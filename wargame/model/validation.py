"""Checking data against the content models with pydantic: the only module of `model` that needs it.

Content files, imported sessions and MSEL sheets come through here; a session's own record of
content it already checked is rebuilt by `codec.build` without it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

T = TypeVar("T")

__all__ = ["ValidationError", "json_schema", "validate"]


@lru_cache(maxsize=None)
def _adapter(cls: type) -> TypeAdapter:
    return TypeAdapter(cls)


def validate(cls: type[T], data: Any) -> T:
    """`data` as a `cls`, checked against every rule of the model; raises pydantic's ValidationError."""
    return _adapter(cls).validate_python(data)


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of a model (for editor completion of content files)."""
    return _adapter(cls).json_schema()
