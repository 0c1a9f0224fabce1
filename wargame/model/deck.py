"""A deck: an exercise plan of teams and rounds of inject slots."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import annotated_types as at

from .base import AXIS_LIMIT, Id, Lang, NonEmpty, Strict, Text

Count = Annotated[int, at.Ge(1), at.Le(10)]
Coordinate = Annotated[int, at.Ge(-AXIS_LIMIT), at.Le(AXIS_LIMIT)]


@dataclass(frozen=True, kw_only=True, slots=True)
class DrawRule(Strict):
    """Draw `count` injects from a pool of ids or from a scenario's injects; a replay draws the same."""

    pool: tuple[Id, ...] = ()
    scenario: Id | None = None
    count: Count = 1

    def __post_init__(self) -> None:
        if bool(self.pool) == bool(self.scenario):
            raise ValueError("give either pool or scenario")


@dataclass(frozen=True, kw_only=True, slots=True)
class DriftRule(Strict):
    """Draw `count` injects from the scenario of the quadrant the world is in when the round starts."""

    count: Count = 1


@dataclass(frozen=True, kw_only=True, slots=True)
class Slot(Strict):
    """One place in a round: a fixed inject, a draw by rule, or a drift draw."""

    fixed: Id | None = None
    draw: DrawRule | None = None
    drift: DriftRule | None = None

    def __post_init__(self) -> None:
        if sum(x is not None for x in (self.fixed, self.draw, self.drift)) != 1:
            raise ValueError("a slot is exactly one of fixed, draw or drift")


@dataclass(frozen=True, kw_only=True, slots=True)
class Round(Strict):
    """A round of play: its title, its time box and the injects it delivers."""

    title: Text
    minutes: Annotated[int, at.Ge(1), at.Le(480)]
    injects: Annotated[tuple[Slot, ...], at.MinLen(1)]


@dataclass(frozen=True, kw_only=True, slots=True)
class Position(Strict):
    """A point on the axis cross."""

    erosion: Coordinate = 0
    rapprochement: Coordinate = 0


@dataclass(frozen=True, kw_only=True, slots=True)
class Deck(Strict):
    """An exercise plan."""

    id: Id
    title: Text
    description: Text
    language: Lang = "nl"
    teams: Annotated[tuple[Id, ...], at.MinLen(1)]
    start: Position = Position()
    show_world: bool = True
    rounds: Annotated[tuple[Round, ...], at.MinLen(1)]
    hotwash: tuple[Id, ...] = ()

    @property
    def minutes(self) -> int:
        return sum(r.minutes for r in self.rounds)


@dataclass(frozen=True, kw_only=True, slots=True)
class HotwashQuestion(Strict):
    """A debrief question, from the Alert's analysis."""

    id: Id
    question: Text
    source: NonEmpty
