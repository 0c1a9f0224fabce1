"""A scenario: one of the four futures, a quadrant of the axis cross."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Strict, Text

Level = Literal["low", "high"]


class Quadrant(Strict):
    """Where a scenario sits: low or high erosion (X), low or high rapprochement (Y)."""

    erosion: Level
    rapprochement: Level


class Scenario(Strict):
    """One future of the seed document."""

    id: Id
    number: int = Field(ge=1, le=4)
    title: Text
    subtitle: Text
    quadrant: Quadrant
    summary: Text


def quadrant_of(erosion: int, rapprochement: int) -> Quadrant:
    """The quadrant a world position lies in; zero counts as low."""
    return Quadrant(
        erosion="high" if erosion > 0 else "low",
        rapprochement="high" if rapprochement > 0 else "low",
    )
