"""The stored event: one entry of a log, of any kind; what the kinds mean is the engine's business."""

from __future__ import annotations

from typing import Any, NamedTuple


class Event(NamedTuple):
    """One committed entry of a session's log. `id` orders events; `key` makes appends idempotent.

    A named tuple: immutable, and built fast enough to read a long log (a frozen dataclass costs
    several times more per event)."""

    id: int
    key: str
    kind: str
    actor: str
    at: float
    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "key": self.key, "kind": self.kind, "actor": self.actor, "at": self.at,
                "data": self.data}
