"""Content models to and from plain JSON data, without validation.

`dump` is for writing content that has been validated; `build` rebuilds it from such data (a
session file's own record of its content), trusting its shape. Content from anywhere else goes
through `wargame.model.validation` first.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from typing import Any, Callable, TypeVar

T = TypeVar("T")

Convert = Callable[[Any], Any]
_PLANS: dict[type, list[tuple[str, Convert | None]]] = {}


def dump(obj: Any) -> Any:
    """A model as JSON-ready data: dicts, lists, strings, numbers, booleans and None."""
    return dataclasses.asdict(obj)


def build(cls: type[T], data: dict[str, Any]) -> T:
    """The model `cls` from `dump`ed data; TypeError, KeyError or ValueError if it has another shape."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _plan(cls)
    return cls(**{name: conv(data[name]) if conv is not None and data[name] is not None else data[name]
                  for name, conv in plan if name in data})


def _plan(cls: type) -> list[tuple[str, Convert | None]]:
    """For each field of `cls`: its name and how to rebuild its value (None: as it is)."""
    namespace = vars(sys.modules[cls.__module__])
    # the annotations are strings (`from __future__ import annotations`), evaluated as
    # typing.get_type_hints would, without its bookkeeping: this runs on every session open
    return [(f.name, _converter(eval(f.type, namespace) if isinstance(f.type, str) else f.type))  # noqa: S307
            for f in dataclasses.fields(cls)]


def _converter(hint: Any) -> Convert | None:
    if typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    if dataclasses.is_dataclass(hint):
        return lambda value: build(hint, value)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    members: list[Convert | None] = []
    if origin in (typing.Union, types.UnionType):
        members = [_converter(a) for a in args if a is not type(None)]
        if len(members) == 1:
            return members[0]
    elif origin is list:
        item = _converter(args[0])
        return None if item is None else (lambda value: [item(v) for v in value])
    else:
        members = [_converter(a) for a in args]
    if any(members):
        raise TypeError(f"cannot rebuild a {hint}: only models, lists of them and optional ones are rebuilt")
    return None
