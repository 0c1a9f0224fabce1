"""A scenario: one of the four futures, a quadrant of the axis cross."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

import annotated_types as at

from .base import Id, Strict, Text

Level = Literal["low", "high"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Quadrant(Strict):
    """Where a scenario sits: low or high erosion (X), low or high rapprochement (Y)."""

    erosion: Level
    rapprochement: Level


@dataclass(frozen=True, kw_only=True, slots=True)
class Scenario(Strict):
    """One future of the Alert."""

    id: Id
    number: Annotated[int, at.Ge(1), at.Le(4)]
    title: Text
    subtitle: Text
    quadrant: Quadrant
    summary: Text
    synopsis: Text | None = None
    """A paragraph on the future, for the axis-cross handout."""
    signposts: Annotated[tuple[Text, ...], at.MaxLen(8)] = ()
    """Signs that the world is moving into this future, for the signposts handout."""


def quadrant_of(erosion: int, rapprochement: int) -> Quadrant:
    """The quadrant a world position lies in; zero counts as low."""
    return Quadrant(
        erosion="high" if erosion > 0 else "low",
        rapprochement="high" if rapprochement > 0 else "low",
    )
