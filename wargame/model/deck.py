"""A deck: an exercise plan of teams and rounds of inject slots."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import annotated_types as at

from .base import AXIS_LIMIT, Id, Lang, Minutes, NonEmpty, Strict, Text

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
    """A round of play: its title, its time box, the injects it delivers and how its time is spent.

    `minutes` is the whole round; the parts are what it holds besides the inject clocks (the round's
    briefing, team deliberation outside the clocks, adjudication and the plenary). Validation refuses
    a round whose parts and largest possible inject clocks do not fit in its minutes."""

    title: Text
    minutes: Annotated[int, at.Ge(1), at.Le(480)]
    injects: Annotated[tuple[Slot, ...], at.MinLen(1)]
    bench: tuple[Id, ...] = ()
    """Optional injects for this round, fired from the bench if time and play allow; outside its minutes."""
    briefing: Minutes = 0
    deliberation: Minutes = 0
    adjudication: Minutes = 0
    plenary: Minutes = 0

    @property
    def parts(self) -> int:
        """The minutes of the round that are not inject clocks."""
        return self.briefing + self.deliberation + self.adjudication + self.plenary


@dataclass(frozen=True, kw_only=True, slots=True)
class Position(Strict):
    """A point on the axis cross."""

    erosion: Coordinate = 0
    rapprochement: Coordinate = 0


TrackValue = Annotated[int, at.Ge(-100), at.Le(100)]


@dataclass(frozen=True, kw_only=True, slots=True)
class Track(Strict):
    """A gauge of the world beside the two axes (EU-cohesie, publiek draagvlak...): a range and a start."""

    id: Id
    name: Text
    description: Text | None = None
    low: TrackValue = -5
    high: TrackValue = 5
    start: TrackValue = 0

    def __post_init__(self) -> None:
        if not self.low < self.high:
            raise ValueError("low must be below high")
        if not self.low <= self.start <= self.high:
            raise ValueError("start must lie between low and high")

    def clamp(self, value: int) -> int:
        return max(self.low, min(self.high, value))


@dataclass(frozen=True, kw_only=True, slots=True)
class Objective(Strict):
    """What a team sets out to achieve; the facilitator marks it met, partly met or not met at the end."""

    id: Id
    text: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class ExerciseObjective(Strict):
    """What the exercise as a whole sets out to test, drawn from the Alert's dilemmas, with what a strong
    performance looks like; evaluators rate each per team on the HSEEP scale (P, S, M, U)."""

    id: Id
    title: Text
    strong: Text
    """What a strong performance on this objective looks like: the evaluators' yardstick."""
    source: NonEmpty | None = None
    """Where in the Alert the dilemma it tests is found."""
    teams: tuple[Id, ...] = ()
    """The teams it is rated for (a red team plays against it, and is judged on its brief's objectives);
    empty: every team of the deck."""

    def rates(self, team_id: str) -> bool:
        """Whether evaluators rate this objective for `team_id`."""
        return not self.teams or team_id in self.teams


OBJECTIVES_MIN, OBJECTIVES_MAX = 3, 6
"""How many exercise objectives a deck states, when it states them."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Brief(Strict):
    """A team's brief: who it is in this deck, what it wants, what it will not do, what it can do,
    what it knows at the start, and injects only it receives with its brief."""

    team: Id
    role: Text
    players: Annotated[int, at.Ge(1), at.Le(20)] | None = None
    """How many players the team's table is best played with."""
    objectives: Annotated[tuple[Objective, ...], at.MinLen(1), at.MaxLen(8)]
    red_lines: tuple[Text, ...] = ()
    levers: tuple[Text, ...] = ()
    knows: Text | None = None
    injects: tuple[Id, ...] = ()
    """Private injects in the team's pack: addressed to this team alone."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Deck(Strict):
    """An exercise plan."""

    id: Id
    title: Text
    description: Text
    language: Lang = "nl"
    teams: Annotated[tuple[Id, ...], at.MinLen(1)]
    white_cells: tuple[Id, ...] = ()
    """The white cells the control staff play in this deck (Beijing, parliament and media...)."""
    start: Position = Position()
    show_world: bool = False
    """Whether teams see the world position and tracks during play (the debrief always shows them)."""
    rounds: Annotated[tuple[Round, ...], at.MinLen(1)]
    hotwash: tuple[Id, ...] = ()
    situation: Text | None = None
    """The starting situation, the road to the crisis: read out before round 1, first in every team pack."""
    briefs: tuple[Brief, ...] = ()
    tracks: Annotated[tuple[Track, ...], at.MaxLen(8)] = ()
    introduction: Minutes = 0
    """Minutes before round 1 (welcome, rules of play, the starting situation)."""
    hotwash_minutes: Minutes = 0
    """Minutes after the last round for the hot wash."""
    backward_dates: bool = False
    """Whether in-world dates may run backwards within a session (a deck of flashbacks, or of independent vignettes)."""
    objectives: tuple[ExerciseObjective, ...] = ()
    """The exercise objectives (3 to 6): what the evaluators rate per team and the debrief reports on."""

    def __post_init__(self) -> None:
        if self.objectives and not OBJECTIVES_MIN <= len(self.objectives) <= OBJECTIVES_MAX:
            raise ValueError(f"a deck states {OBJECTIVES_MIN} to {OBJECTIVES_MAX} exercise objectives, "
                             f"not {len(self.objectives)}")
        ids = [o.id for o in self.objectives]
        if len(set(ids)) != len(ids):
            raise ValueError("two exercise objectives share an id")
        for o in self.objectives:
            stray = [t for t in o.teams if t not in self.teams]
            if stray:
                raise ValueError(f"exercise objective {o.id!r} is rated for {stray[0]!r}, "
                                 "which is not a team of this deck")

    @property
    def minutes(self) -> int:
        """The deck's whole length: introduction, rounds and hot wash."""
        return self.introduction + sum(r.minutes for r in self.rounds) + self.hotwash_minutes

    def brief_for(self, team_id: str) -> Brief | None:
        return next((b for b in self.briefs if b.team == team_id), None)

    def track(self, track_id: str) -> Track | None:
        return next((t for t in self.tracks if t.id == track_id), None)

    def objective(self, objective_id: str) -> ExerciseObjective | None:
        """The exercise objective with this id, or None."""
        return next((o for o in self.objectives if o.id == objective_id), None)


@dataclass(frozen=True, kw_only=True, slots=True)
class HotwashQuestion(Strict):
    """A debrief question, from the Alert's analysis."""

    id: Id
    question: Text
    source: NonEmpty
