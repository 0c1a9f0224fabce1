"""Shared building blocks of the content model: strict base, ids, bilingual text, axis push.

The models are immutable standard-library dataclasses, so opening a session (which only rebuilds
content that was checked when the session was created) needs no validation library. Their
rules travel as `Rule` metadata in the annotations; `wargame.model.validation` hands those to
pydantic, which checks content files against them.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, FrozenInstanceError, dataclass
from typing import Annotated, Any, Literal

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")


class Rule:
    """The constraints of one field, in pydantic-core's terms (`pattern`, `min_length`, `ge`, ...),
    added to the field's core schema when pydantic builds a validator; always strict."""

    __slots__ = ("constraints",)

    def __init__(self, **constraints: Any) -> None:
        self.constraints = dict(constraints, strict=True)

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        unknown = set(self.constraints) - _CORE_KEYS.get(schema.get("type"), set())
        if unknown:
            raise TypeError(f"{source}: {schema.get('type')} schemas take no {', '.join(sorted(unknown))}")
        return {**schema, **self.constraints}

    def __repr__(self) -> str:
        return f"Rule({self.constraints})"


_CORE_KEYS = {"str": {"pattern", "min_length", "max_length", "strict"}, "int": {"ge", "le", "strict"},
              "bool": {"strict"}, "list": {"min_length", "max_length", "strict"}}

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"

Id = Annotated[str, Rule(pattern=ID_PATTERN)]
"""A content id: lowercase letters, digits and dashes, 64 characters at most."""

NonEmpty = Annotated[str, Rule(min_length=1)]
Flag = Annotated[bool, Rule()]

AXIS_LIMIT = 10
"""The axis cross runs from -AXIS_LIMIT to +AXIS_LIMIT on both axes."""

Push = Annotated[int, Rule(ge=-3, le=3)]


class Strict:
    """Base of every content model (each is also `@model`): immutable, built from keywords; when
    validated, unknown fields are rejected and every leaf type carries `Rule(strict=True)`.

    Its methods (init, immutability, equality, hash, repr) are written here once instead of being
    generated for each class by `dataclass`: generated code is compiled anew on every start, about
    0.1 ms a function, and the console's start-up paid for some 45 of them."""

    __slots__ = ()
    __pydantic_config__ = {"extra": "forbid"}
    __dataclass_fields__: dict[str, Field[Any]]

    def __init__(self, **values: Any) -> None:
        fields = self.__dataclass_fields__
        state = self.__dict__
        if values.keys() == fields.keys():  # every field given: a session's content, `replace`
            state.update(values)
        else:
            unknown = values.keys() - fields.keys()
            if unknown:
                raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
            for name, f in fields.items():
                if name in values:
                    state[name] = values[name]
                elif f.default is not MISSING:
                    state[name] = f.default
                elif f.default_factory is not MISSING:
                    state[name] = f.default_factory()
                else:
                    raise TypeError(f"{type(self).__name__} needs {name}")
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)
        return f"{type(self).__name__}({args})"


model = dataclass(init=False, repr=False, eq=False)
"""The decorator of every content model: a dataclass (fields for `dataclasses` and pydantic) whose
methods all come from `Strict`."""


@model
class Text(Strict):
    """A text in Dutch and English; both are required."""

    nl: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        """The text in `lang`."""
        return self.nl if lang == "nl" else self.en


@model
class AxisPush(Strict):
    """A move of the world position: X is transatlantic erosion, Y US–Russia rapprochement."""

    erosion: Push = 0
    rapprochement: Push = 0

    @property
    def is_zero(self) -> bool:
        return self.erosion == 0 and self.rapprochement == 0
