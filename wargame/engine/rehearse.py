"""A rehearsal: a deck played many times in memory, with no file and no clock, and what those plays show.

Each play folds the events the engine would write: the session's first event, then round by round
what `advance_plan` delivers, a branch option drawn at random wherever an inject has options and,
with random rulings, one move per team each round, ruled with a random outcome and axis pushes of
-1..1. Everything is seeded: the same deck, runs and seed give the same figures.
"""

from __future__ import annotations

import copy
import random
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal

from ..model import Deck
from ..model.plan import DeckPlan, date_before, largest_clocks, plan
from . import events as ev
from .events import Event
from .session import EngineError, advance_plan, creation
from .state import SessionState, apply

if TYPE_CHECKING:
    from ..content import Library

Rulings = Literal["neutral", "random"]


@dataclass(frozen=True)
class RoundFigures:
    """A round's planned minutes against the most its inject clocks and other parts can take."""

    number: int
    title: str
    minutes: int
    parts: int
    largest_clocks: int
    played_out: int
    """Plays in which at least one of the round's slots had nothing eligible to deliver."""

    @property
    def overrun(self) -> bool:
        return self.parts + self.largest_clocks > self.minutes


@dataclass
class Rehearsal:
    """What `rehearse` counted over its plays."""

    deck: str
    runs: int
    seed: int
    rulings: str
    minutes: int
    end_quadrant: Counter[str] = field(default_factory=Counter)
    visited: Counter[str] = field(default_factory=Counter)
    never_delivered: list[str] = field(default_factory=list)
    broken_dependencies: int = 0
    broken_by_inject: Counter[str] = field(default_factory=Counter)
    backward_dates: int = 0
    rounds: list[RoundFigures] = field(default_factory=list)

    @property
    def overrun_rounds(self) -> list[RoundFigures]:
        return [r for r in self.rounds if r.overrun]

    def as_json(self) -> dict[str, Any]:
        """The figures under stable keys."""
        return {
            "deck": self.deck, "runs": self.runs, "seed": self.seed, "rulings": self.rulings,
            "minutes": self.minutes,
            "end_quadrant": dict(sorted(self.end_quadrant.items())),
            "visited_share": {k: round(v / self.runs, 4) for k, v in sorted(self.visited.items())},
            "never_delivered": self.never_delivered,
            "broken_dependencies": self.broken_dependencies,
            "broken_dependency_injects": dict(sorted(self.broken_by_inject.items())),
            "backward_dates": self.backward_dates,
            "overrun_rounds": [r.number for r in self.overrun_rounds],
            "rounds": [{"round": r.number, "title": r.title, "minutes": r.minutes, "parts": r.parts,
                        "largest_clocks": r.largest_clocks, "played_out": r.played_out} for r in self.rounds],
        }


def rehearse(deck: Deck, library: Library, *, runs: int = 1000, seed: int = 0,
             rulings: Rulings = "neutral") -> Rehearsal:
    """Play `deck` `runs` times (session seeds `seed`, `seed`+1, ...) and count what happened."""
    deck_plan = plan(deck, library)
    created = created_state(deck, library, seed)
    out = Rehearsal(deck.id, runs, seed, rulings, deck.minutes)
    delivered: set[str] = set()
    played_out: Counter[int] = Counter()
    for run in range(runs):
        st = play_from(created, seed + run, random.Random(f"{seed}:{run}"), rulings)
        _count(out, st, delivered, played_out)
    out.never_delivered = [i for i in _plannable(deck_plan) if i not in delivered]
    out.rounds = [RoundFigures(r.index + 1, r.round.title.get("en"), r.round.minutes, r.round.parts,
                               largest_clocks(deck_plan, r.index), played_out[r.index]) for r in deck_plan.rounds]
    return out


def created_state(deck: Deck, library: Library, seed: int = 0) -> SessionState:
    """The state a session of `deck` starts in: its first event folded (once; each play starts from a copy)."""
    st = SessionState()
    apply(st, Event(1, "rehearse-1", ev.CREATED, ev.FACILITATOR, 0.0,
                    creation(deck.id, deck, library, lang=None, seed=seed, at=0.0)))
    return st


def play(created: dict[str, Any], rng: random.Random, rulings: Rulings = "neutral") -> SessionState:
    """One play from a session's first event's data to the end of its last round."""
    st = SessionState()
    apply(st, Event(1, "rehearse-1", ev.CREATED, ev.FACILITATOR, 0.0, created))
    return _play(st, rng, rulings, None)


def play_from(created: SessionState, seed: int, rng: random.Random, rulings: Rulings = "neutral",
              log: list[Event] | None = None) -> SessionState:
    """One play from a copy of `created` with session seed `seed`; the events it folds are added to `log`."""
    return _play(fresh(created, seed), rng, rulings, log)


def fresh(created: SessionState, seed: int) -> SessionState:
    """A copy of the created state with session seed `seed`: its containers its own, the immutable
    content in them shared (folding the content again for each play would cost most of the play)."""
    st = copy.copy(created)
    for f in fields(st):
        value = getattr(st, f.name)
        if isinstance(value, (list, dict, set)):
            setattr(st, f.name, copy.copy(value))
    st.seed = seed
    return st


def _play(st: SessionState, rng: random.Random, rulings: Rulings, log: list[Event] | None) -> SessionState:
    stamp = _Stamp(st, log)
    while True:
        try:
            events = advance_plan(st)
        except EngineError:  # the round's slots left have nothing to deliver: the next round, as a facilitator would
            events = [(ev.ROUND_STARTED, {"round": st.round + 1})] if st.has_next_round() else []
        if rulings == "random" and st.started and (not events or events[0][0] == ev.ROUND_STARTED):
            _rule_round(st, stamp, rng)
        if not events:
            return st
        for kind, data in events:
            stamp(kind, data)
        inj = st.current_inject
        if inj is not None and inj.options and inj.id not in st.options_chosen:
            stamp(ev.OPTION_CHOSEN, {"inject": inj.id, "option": rng.choice(inj.options).id})


class _Stamp:
    """Applies events to a state with ids, keys and times of their own, as a store would stamp them."""

    def __init__(self, st: SessionState, log: list[Event] | None):
        self.st = st
        self.n = st.last_event_id
        self.log = log

    def __call__(self, kind: str, data: dict[str, Any]) -> None:
        self.n += 1
        e = Event(self.n, f"rehearse-{self.n}", kind, ev.FACILITATOR, float(self.n), dict(sorted(data.items())))
        apply(self.st, e)
        if self.log is not None:
            self.log.append(e)


def _rule_round(st: SessionState, stamp: _Stamp, rng: random.Random) -> None:
    """Each team's move answering the current inject, and a random ruling on it."""
    cur = st.current
    if cur is None or cur.round != st.round:
        return
    assert st.deck is not None
    for team in st.teams:
        move_id = f"m{st.round}-{team}"
        stamp(ev.MOVE, {"move_id": move_id, "team": team, "round": st.round, "action": "rehearsal move",
                        "result": "", "reasons": "", "private": False, "inject": cur.inject_id})
        data: dict[str, Any] = {"move_id": move_id, "outcome": rng.randint(-3, 3), "narrative": "",
                                "erosion": rng.randint(-1, 1), "rapprochement": rng.randint(-1, 1)}
        tracks = {t.id: by for t in st.deck.tracks if (by := rng.randint(-1, 1))}
        if tracks:
            data["tracks"] = tracks
        stamp(ev.ADJUDICATED, data)


def _count(out: Rehearsal, st: SessionState, delivered: set[str], played_out: Counter[int]) -> None:
    """Add one play's figures to `out`."""
    end = st.path[-1].scenario if st.path else None
    out.end_quadrant[end or "none"] += 1
    out.visited.update({p.scenario or "none" for p in st.path})
    seen: set[str] = set()
    backward = False
    last = ""
    for d in st.deliveries:
        inj = st.injects[d.inject_id]
        missing = [a for a in inj.after if a not in seen]
        if missing:
            out.broken_dependencies += 1
            out.broken_by_inject[inj.id] += 1
        if last and date_before(inj.date, last):
            backward = True
        last = inj.date
        seen.add(inj.id)
    delivered |= seen
    out.backward_dates += backward
    assert st.deck is not None
    for r, rnd in enumerate(st.deck.rounds):
        slots = {d.slot for d in st.deliveries if d.round == r and d.slot is not None}
        if len(slots) < len(rnd.injects):
            played_out[r] += 1


def _plannable(deck_plan: DeckPlan) -> list[str]:
    """Every inject the deck's plan delivers by itself (the bench is the facilitator's), in plan order."""
    return list(deck_plan.injects(bench=False))
