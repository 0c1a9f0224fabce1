"""Who may write what: the facilitator anything, a team only its own moves, feedback and logins, an
evaluator its observations and ratings, an observer nothing but its logins.

A Role is what the store is handed as its writer (`wargame.store.Writer`): the store asks it before
each append, inside the engine's rules; the fold checks the same rule again on what it reads.
"""

from __future__ import annotations

from typing import Any

from ..store import PermissionDenied
from .events import FACILITATOR, KINDS, SEATS, team_actor, team_refusal


class Role:
    """The facilitator (team None), one team, or a seat (`events.EVALUATOR`, `events.OBSERVER`)."""

    def __init__(self, team: str | None = None):
        self.team = team

    @property
    def actor(self) -> str:
        return team_actor(self.team) if self.team else FACILITATOR

    @property
    def seat(self) -> str | None:
        """The seat this role signs in to (evaluator, observer), or None for the facilitator and teams."""
        return self.team if self.team in SEATS else None

    @property
    def sets_codes(self) -> bool:
        return self.team is None

    def check(self, kind: str, data: dict[str, Any]) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        why = team_refusal(self.team, kind, data) if self.team is not None else None
        if why:
            raise PermissionDenied(why)


FACILITATOR_ROLE = Role()
