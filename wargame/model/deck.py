"""A deck: an exercise plan of teams and rounds of inject slots."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from .base import AXIS_LIMIT, Flag, Id, Lang, NonEmpty, Rule, Strict, Text, model

Count = Annotated[int, Rule(ge=1, le=10)]
Coordinate = Annotated[int, Rule(ge=-AXIS_LIMIT, le=AXIS_LIMIT)]


@model
class DrawRule(Strict):
    """Draw `count` injects (seeded) from a pool of ids or from a scenario's injects."""

    pool: list[Id] = field(default_factory=list)
    scenario: Id | None = None
    count: Count = 1

    def __post_init__(self) -> None:
        if bool(self.pool) == bool(self.scenario):
            raise ValueError("give either pool or scenario")


@model
class DriftRule(Strict):
    """Draw `count` injects from the scenario of the quadrant the world is in when the round starts."""

    count: Count = 1


@model
class Slot(Strict):
    """One place in a round: a fixed inject, a draw by rule, or a drift draw."""

    fixed: Id | None = None
    draw: DrawRule | None = None
    drift: DriftRule | None = None

    def __post_init__(self) -> None:
        if sum(x is not None for x in (self.fixed, self.draw, self.drift)) != 1:
            raise ValueError("a slot is exactly one of fixed, draw or drift")


@model
class Round(Strict):
    """A round of play: its title, its time box and the injects it delivers."""

    title: Text
    minutes: Annotated[int, Rule(ge=1, le=480)]
    injects: Annotated[list[Slot], Rule(min_length=1)]


@model
class Position(Strict):
    """A point on the axis cross."""

    erosion: Coordinate = 0
    rapprochement: Coordinate = 0


@model
class Deck(Strict):
    """An exercise plan."""

    id: Id
    title: Text
    description: Text
    language: Lang = "nl"
    teams: Annotated[list[Id], Rule(min_length=1)]
    start: Position = Position()
    show_world: Flag = True
    rounds: Annotated[list[Round], Rule(min_length=1)]
    hotwash: list[Id] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(r.minutes for r in self.rounds)


@model
class HotwashQuestion(Strict):
    """A debrief question, from the seed's analysis."""

    id: Id
    question: Text
    source: NonEmpty
