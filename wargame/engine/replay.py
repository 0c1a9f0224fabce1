"""A replay: a session's log read once and stepped through, forward and back, without writing a byte.

The replay holds every event; its position is how many of them have happened (0: before the first,
`len(events)`: the end). The state at a position is the fold of the events up to it: a step forward
folds one more event into the state in hand, a step back folds again from the start (cheap: a long
exercise has a few thousand events). Steps go by event, by inject delivered, or by round started,
and a position can be asked for directly, as a point on the timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..store import Event, EventStore
from . import events as ev
from .state import SessionState, apply, fold


@dataclass(frozen=True)
class Mark:
    """A point on the replay's timeline: the position right after an inject's delivery or a round's start."""

    position: int
    kind: str
    """`round` or `inject`."""
    round: int
    label: str
    """The round's number or the inject's id, for the timeline."""


class Replay:
    """A session's log, stepped through read-only."""

    def __init__(self, events: list[Event]) -> None:
        if not events or events[0].kind != ev.CREATED:
            raise ValueError("a replay needs a session's log, starting with its first event")
        self.events = events
        self.position = 1
        """How many events have happened; 1: the session as created, nothing played yet."""
        self.state = fold(events[:1])
        self.marks = _marks(events)

    @classmethod
    def open(cls, path: Path) -> Replay:
        """Read the session file at `path` (it is only read) and start at its beginning."""
        store = EventStore(path)  # no role: it only reads
        try:
            return cls(store.events())
        finally:
            store.close()

    @property
    def end(self) -> int:
        return len(self.events)

    def seek(self, position: int) -> SessionState:
        """Go to `position` (clamped to 1 .. end) and return the state there."""
        position = max(1, min(self.end, position))
        if position < self.position:
            self.state = fold(self.events[:position])
        else:
            for e in self.events[self.position:position]:
                apply(self.state, e)
        self.position = position
        return self.state

    def step(self, n: int = 1) -> SessionState:
        """`n` events forward (back when negative)."""
        return self.seek(self.position + n)

    def next_mark(self, kind: str | None = None) -> SessionState:
        """Forward to the next inject delivered or round started (`kind` one of them), or to the end."""
        after = next((m.position for m in self.marks if m.position > self.position and kind in (None, m.kind)),
                     self.end)
        return self.seek(after)

    def previous_mark(self, kind: str | None = None) -> SessionState:
        """Back to the last inject delivered or round started before this position, or to the start."""
        before = [m.position for m in self.marks if m.position < self.position and kind in (None, m.kind)]
        return self.seek(before[-1] if before else 1)

    @property
    def event(self) -> Event:
        """The event that happened last."""
        return self.events[self.position - 1]


def _marks(events: list[Event]) -> list[Mark]:
    out = []
    rnd = -1
    for i, e in enumerate(events, 1):
        if e.kind == ev.ROUND_STARTED:
            rnd = e.data["round"]
            out.append(Mark(i, "round", rnd, str(rnd + 1)))
        elif e.kind == ev.INJECT_DELIVERED:
            out.append(Mark(i, "inject", rnd, e.data["inject"]))
    return out
