"""A scenario: one of the four futures, a quadrant of the axis cross."""

from __future__ import annotations

from typing import Annotated, Literal

from .base import Id, Rule, Strict, Text, model

Level = Literal["low", "high"]


@model
class Quadrant(Strict):
    """Where a scenario sits: low or high erosion (X), low or high rapprochement (Y)."""

    erosion: Level
    rapprochement: Level


@model
class Scenario(Strict):
    """One future of the seed document."""

    id: Id
    number: Annotated[int, Rule(ge=1, le=4)]
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
