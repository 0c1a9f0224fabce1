"""The evaluator's and observer's console, its logic without Textual: the seat in words, the phase of
the exercise as one who watches it sees it, what it reads (the injects delivered, the moves it may
read, by round and team), the choices of its forms and the evaluator's own observations and ratings.

What a seat may read is decided in `wargame.views.visibility` (`evaluator_moves`); what it may write,
by the store and the fold.
"""

from __future__ import annotations

from dataclasses import dataclass

from wargame.engine import events as ev
from wargame.engine.state import Delivery, Move, Observation, Rating, SessionState
from wargame.model import ExerciseObjective
from wargame.views.i18n import N_
from wargame.views.i18n import gettext as _
from wargame.views.visibility import evaluator_moves

from .ui import phase

SEAT_NAMES = {ev.EVALUATOR: N_("Evaluator"), ev.OBSERVER: N_("Observer")}
"""Each seat in words, English: shown through the catalogues."""

WATCH_PHASE = {
    "not-started": N_("not started"),
    "ended": N_("ended"),
    "no-inject": N_("waiting for the next inject"),
    "open": N_("moves open"),
    "reopened": N_("moves reopened"),
    "closed": N_("moves closed"),
}
"""The phase (`ui.phase`) as one who watches the exercise reads it, English."""

WHOLE = ""
"""The team value of an observation about the exercise as a whole."""


def seat_name(seat: str, lang: str) -> str:
    """`Evaluator` or `Observer`, in `lang`."""
    return _(SEAT_NAMES[seat], lang)


def watch_phase(st: SessionState, now: float, lang: str) -> str:
    """The phase of the exercise in a few words, in `lang`."""
    return _(WATCH_PHASE[phase(st, now)], lang)


def objectives(st: SessionState) -> tuple[ExerciseObjective, ...]:
    """The deck's exercise objectives: what the forms observe and rate against (none: no forms)."""
    return st.deck.objectives if st.deck is not None else ()


def rated_teams(st: SessionState, objective_id: object) -> list[str]:
    """The teams the rating form offers for an objective: those it is rated for (every team the deck's
    objectives rate, while none is chosen)."""
    found = [o for o in objectives(st) if o.id == objective_id] or list(objectives(st))
    return [t for t in st.teams if any(o.rates(t) for o in found)]


def rounds_played(st: SessionState) -> list[int]:
    """The rounds an observation may be about, 0-based: those started (round 1 before the start)."""
    return list(range(max(st.round, 0) + 1))


def latest_readable(st: SessionState) -> list[Move]:
    """The moves a seat may read, each chain's newest version only, in the order recorded."""
    return [m for m in evaluator_moves(st) if m.superseded_by is None]


def hidden_moves(st: SessionState) -> int:
    """How many moves (newest versions) a seat may not read, being private."""
    readable = {m.id for m in latest_readable(st)}
    return sum(1 for m in st.moves.values() if m.superseded_by is None and m.id not in readable)


@dataclass(frozen=True)
class RoundReading:
    """One round as a seat reads it: the injects delivered in it (newest first), the moves per team."""

    round: int
    deliveries: tuple[Delivery, ...]
    moves: tuple[tuple[str, tuple[Move, ...]], ...]
    """(team id, its moves of the round) for each team that moved, in the session's team order."""


def reading(st: SessionState) -> list[RoundReading]:
    """Every round played so far, newest first, with what a seat may read of it."""
    moves = latest_readable(st)
    out = []
    for r in reversed(range(st.round + 1)):
        by_team = tuple((team, tuple(m for m in moves if m.round == r and m.team == team)) for team in st.teams)
        out.append(RoundReading(r, tuple(reversed(st.round_deliveries(r))), tuple(x for x in by_team if x[1])))
    return out


def own_observations(st: SessionState, author: str) -> list[Observation]:
    """The observations signed `author` by an evaluator, newest first."""
    return [o for o in reversed(st.observations) if o.author == author and o.actor == ev.team_actor(ev.EVALUATOR)]


def own_ratings(st: SessionState, author: str) -> list[Rating]:
    """The ratings signed `author`, by objective in the deck's order, then team."""
    order = {o.id: n for n, o in enumerate(objectives(st))}
    teams = {t: n for n, t in enumerate(st.teams)}
    mine = [r for (who, _team, _obj), r in st.ratings.items() if who == author]
    return sorted(mine, key=lambda r: (order.get(r.objective, len(order)), teams.get(r.team, len(teams))))


def current_rating(st: SessionState, author: str, team: str, objective: str) -> Rating | None:
    """`author`'s rating of `objective` for `team`, if it rated it."""
    return st.ratings.get((author, team, objective)) if author else None


