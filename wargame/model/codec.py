"""Content models to and from plain JSON data, without validation.

`dump` is for writing content that has been validated; `build` rebuilds it from such data (a
session file's own record of its content), trusting its shape: JSON's lists become the models'
tuples. Content from anywhere else goes through `wargame.model.validation` first.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

Convert = Callable[[Any], Any]
_PLANS: dict[type, list[tuple[str, Convert | None]]] = {}


def dump(obj: Any) -> Any:
    """A model as JSON-ready data: dicts, lists, strings, numbers, booleans and None."""
    if isinstance(obj, tuple):
        return [dump(v) for v in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: dump(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    return obj


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
    return [(f.name, _converter(eval(f.type, namespace) if isinstance(f.type, str) else f.type))
            for f in dataclasses.fields(cls)]


def _converter(hint: Any) -> Convert | None:
    if typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return lambda value: build(hint, value)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    members: list[Convert | None] = []
    if origin in (typing.Union, types.UnionType):
        members = [_converter(a) for a in args if a is not type(None)]
        if len(members) == 1:
            return members[0]
    elif origin is tuple:
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"cannot rebuild a {hint}: a model's sequences are tuple[X, ...]")
        item = _converter(args[0])
        return tuple if item is None else (lambda value: tuple(item(v) for v in value))
    else:
        members = [_converter(a) for a in args]
    if any(members):
        raise TypeError(f"cannot rebuild a {hint}: only models, tuples of them and optional ones are rebuilt")
    return None
