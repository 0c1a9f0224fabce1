"""Shared building blocks of the content model: ids, bilingual text, axis push, the rules of fields.

The models are frozen standard-library dataclasses with tuples for sequences, so opening a session
(which only rebuilds content that was checked when the session was created) needs no validation
library. Their rules travel in the annotations as `annotated_types` constraints (`MinLen`, `Ge`,
...) and as `Pattern`; pydantic reads both when `wargame.model.validation` checks content files
against the models, and that module also makes every field strict (no coercion).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

import annotated_types as at

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")


class Pattern:
    """A regular expression a text must match, which `annotated_types` has no constraint for.

    Pydantic calls `__get_pydantic_core_schema__` on annotation metadata, so this needs no import of it."""

    __slots__ = ("regex",)

    def __init__(self, regex: str) -> None:
        self.regex = regex

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        if schema.get("type") != "str":
            raise TypeError(f"{source}: a Pattern constrains texts, not {schema.get('type')} schemas")
        return {**schema, "pattern": self.regex}

    def __repr__(self) -> str:
        return f"Pattern({self.regex!r})"


class Strict:
    """Base of every content model: when pydantic validates one, an unknown field is an error."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "use_attribute_docstrings": True}


ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"

Id = Annotated[str, Pattern(ID_PATTERN)]
"""A content id: lowercase letters, digits and dashes, 64 characters at most."""

NonEmpty = Annotated[str, at.MinLen(1)]

AXIS_LIMIT = 10
"""The axis cross runs from -AXIS_LIMIT to +AXIS_LIMIT on both axes."""

Push = Annotated[int, at.Ge(-3), at.Le(3)]


@dataclass(frozen=True, kw_only=True, slots=True)
class Text(Strict):
    """A text in Dutch and English; both are required."""

    nl: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        """The text in `lang`."""
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True, kw_only=True, slots=True)
class AxisPush(Strict):
    """A move of the world position: X is transatlantic erosion, Y US–Russia rapprochement."""

    erosion: Push = 0
    rapprochement: Push = 0

    @property
    def is_zero(self) -> bool:
        return self.erosion == 0 and self.rapprochement == 0


NO_PUSH = AxisPush()
"""The push of an inject or option that leaves the world where it is."""

@dataclass(frozen=True, kw_only=True, slots=True)
class TrackPush(Strict):
    """A push on one of a deck's tracks (EU-cohesie, publiek draagvlak...), beside the push on the axes."""

    track: Id
    by: Push


TrackPushes = tuple[TrackPush, ...]
"""Pushes on a deck's tracks, written `tracks: [{track: eu-cohesie, by: -1}]`; a deck without the track ignores it."""

Minutes = Annotated[int, at.Ge(0), at.Le(480)]
"""A part of a plan's time, in minutes (0: none)."""
