"""A deck: an exercise plan of teams and rounds of inject slots."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import AXIS_LIMIT, Id, Lang, NonEmpty, Strict, Text


class DrawRule(Strict):
    """Draw `count` injects (seeded) from a pool of ids or from a scenario's injects."""

    pool: list[Id] = Field(default_factory=list)
    scenario: Id | None = None
    count: int = Field(default=1, ge=1, le=10)

    @model_validator(mode="after")
    def _one_source(self) -> "DrawRule":
        if bool(self.pool) == bool(self.scenario):
            raise ValueError("give either pool or scenario")
        return self


class DriftRule(Strict):
    """Draw `count` injects from the scenario of the quadrant the world is in when the round starts."""

    count: int = Field(default=1, ge=1, le=10)


class Slot(Strict):
    """One place in a round: a fixed inject, a draw by rule, or a drift draw."""

    fixed: Id | None = None
    draw: DrawRule | None = None
    drift: DriftRule | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "Slot":
        if sum(x is not None for x in (self.fixed, self.draw, self.drift)) != 1:
            raise ValueError("a slot is exactly one of fixed, draw or drift")
        return self


class Round(Strict):
    """A round of play: its title, its time box and the injects it delivers."""

    title: Text
    minutes: int = Field(ge=1, le=480)
    injects: list[Slot] = Field(min_length=1)


class Position(Strict):
    """A point on the axis cross."""

    erosion: int = Field(default=0, ge=-AXIS_LIMIT, le=AXIS_LIMIT)
    rapprochement: int = Field(default=0, ge=-AXIS_LIMIT, le=AXIS_LIMIT)


class Deck(Strict):
    """An exercise plan."""

    id: Id
    title: Text
    description: Text
    language: Lang = "nl"
    teams: list[Id] = Field(min_length=1)
    start: Position = Position()
    show_world: bool = True
    rounds: list[Round] = Field(min_length=1)
    hotwash: list[Id] = Field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(r.minutes for r in self.rounds)


class HotwashQuestion(Strict):
    """A debrief question, from the seed's analysis."""

    id: Id
    question: Text
    source: NonEmpty
