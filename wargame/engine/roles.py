"""Who may write what: the facilitator anything, a team only its own moves and logins.

A Role is what the store is handed as its writer (`wargame.store.Writer`): the store asks it before
each append, inside the engine's rules; the fold checks the same rule again on what it reads.
"""

from __future__ import annotations

from typing import Any

from ..store import PermissionDenied
from .events import FACILITATOR, KINDS, TEAM_KINDS, team_actor


class Role:
    """The facilitator (team None) or one team."""

    def __init__(self, team: str | None = None):
        self.team = team

    @property
    def actor(self) -> str:
        return team_actor(self.team) if self.team else FACILITATOR

    @property
    def sets_codes(self) -> bool:
        return self.team is None

    def check(self, kind: str, data: dict[str, Any]) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        if self.team is None:
            return
        if kind not in TEAM_KINDS:
            raise PermissionDenied(f"team {self.team} may not record {kind}")
        if data.get("team") != self.team:
            raise PermissionDenied(f"team {self.team} may not write as team {data.get('team')!r}")


FACILITATOR_ROLE = Role()
