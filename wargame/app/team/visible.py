"""What a team may see of a session, and the wording of its status: pure functions, no Textual.

A team sees the current inject's title, date, delivery, sender, briefing and questions (never the
facilitator's notes, options, axis push or source), the clock, the round, the world position only
when the deck shows it, and its own moves with their rulings. Other teams' moves are left out
altogether, public or private.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from wargame.engine.state import Move, Ruling, SessionState
from wargame.model import Inject

LOBBY = "-lobby"
"""The role of the console before login: not a team id (ids start with a letter or digit), so the
store lets this handle write nothing at all; it only reads the team list."""


def visible_inject(st: SessionState, team: str) -> Inject | None:
    """The current inject if it is addressed to `team` (or to all), else None."""
    inj = st.current_inject
    return inj if inj is not None and inj.reaches(team) else None


def shows_world(st: SessionState) -> bool:
    return bool(st.deck is not None and st.deck.show_world)


def own_moves(st: SessionState, team: str) -> list[Move]:
    """The team's current move of each round (superseded versions left out), newest round first."""
    mine = [st.moves[mid] for (t, _r), mid in st.latest.items() if t == team]
    return sorted(mine, key=lambda m: m.round, reverse=True)


def own_ruling(st: SessionState, move: Move) -> Ruling | None:
    """The ruling on this move, or on an earlier version of it if the latest is not ruled yet."""
    return st.rulings.get(move.id) or st.earlier_ruling(move.id)


def this_round_move(st: SessionState, team: str) -> Move | None:
    mid = st.latest.get((team, st.round))
    return st.moves[mid] if mid else None


def phase(st: SessionState, now: float) -> str:
    """One of: not-started, ended, no-inject, open, reopened, closed."""
    if st.ended:
        return "ended"
    if not st.started:
        return "not-started"
    if st.current is None:
        return "no-inject"
    if st.moves_open(now):
        return "reopened" if st.reopened else "open"
    return "closed"


PHASE_TEXT = {
    "not-started": "The exercise has not started yet. Read your role; the first inject appears here.",
    "ended": "The exercise has ended. Thank you for playing.",
    "no-inject": "Waiting for the facilitator's next inject.",
    "open": "Moves are open: enter or edit your move until the deadline.",
    "reopened": "The facilitator reopened moves: you can enter or edit your move again.",
    "closed": "The deadline has passed: moves are closed. Ask the facilitator to reopen them.",
}


@dataclass(frozen=True)
class Draft:
    """What the move form holds."""

    action: str
    result: str
    reasons: str
    private: bool

    @property
    def empty(self) -> bool:
        return not (self.action.strip() or self.result.strip() or self.reasons.strip())

    @classmethod
    def of(cls, move: Move | None) -> "Draft":
        if move is None:
            return cls("", "", "", False)
        return cls(move.action, move.result, move.reasons, move.private)

    def same_as(self, move: Move | None) -> bool:
        return self == Draft.of(move) if move is not None else self.empty


class Attempts:
    """Idempotency keys for submitting moves.

    One key per submit attempt; retrying the same move in the same round (after an error, when it is
    unknown whether the first try was committed) reuses the key, so the store records it once. A
    changed move, or the same move after a success, gets a new key, so it always supersedes.
    """

    def __init__(self) -> None:
        self._pending: tuple[int, Draft, str] | None = None

    def key_for(self, round_no: int, draft: Draft) -> str:
        if self._pending is not None and self._pending[:2] == (round_no, draft):
            return self._pending[2]
        key = f"move-{uuid.uuid4().hex}"
        self._pending = (round_no, draft, key)
        return key

    def committed(self) -> None:
        self._pending = None
