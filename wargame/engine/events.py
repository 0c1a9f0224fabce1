"""The events a session is made of: what happened, who did it, when, and its data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1

# event kinds
CREATED = "session_created"
ROUND_STARTED = "round_started"
INJECT_DELIVERED = "inject_delivered"
CLOCK = "clock"
MOVE = "move_recorded"
ADJUDICATED = "adjudicated"
OPTION_CHOSEN = "option_chosen"
NOTE = "note_added"
MOVES_REOPENED = "moves_reopened"
CODE_SET = "code_set"
JOIN_FAILED = "join_failed"
JOINED = "join_succeeded"
LANGUAGE = "language_set"
ENDED = "exercise_ended"

KINDS = (CREATED, ROUND_STARTED, INJECT_DELIVERED, CLOCK, MOVE, ADJUDICATED, OPTION_CHOSEN, NOTE,
         MOVES_REOPENED, CODE_SET, JOIN_FAILED, JOINED, LANGUAGE, ENDED)

FACILITATOR = "facilitator"
TEAM_KINDS = frozenset({MOVE, JOIN_FAILED, JOINED})
"""The only kinds a team may append, and only about itself."""


def team_actor(team_id: str) -> str:
    return f"team:{team_id}"


@dataclass(frozen=True)
class Event:
    """One committed entry of a session's log. `id` orders events; `key` makes appends idempotent."""

    id: int
    key: str
    kind: str
    actor: str
    at: float
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "key": self.key, "kind": self.kind, "actor": self.actor, "at": self.at, "data": self.data}
