"""What Home lists of a session file (title, deck, round reached, last change), read without writing."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..store.peek import peek
from . import events as ev


@dataclass(frozen=True)
class Summary:
    title: str
    deck: str
    rounds: int
    round_reached: int
    """1 for the first round; 0 before the start."""
    ended: bool
    last_at: float
    """When the last event was recorded."""


def read_summary(path: Path) -> Summary | None:
    """The summary of the session file at `path`, or None if it cannot be read as one."""
    with peek(path) as log:
        if log is None:
            return None
        try:
            first = log.first(ev.CREATED, "$.title", "$.content.deck.id")
            if first is None:
                return None
            rounds = log.count_at(ev.CREATED, "$.content.deck.rounds")
            reached = log.largest(ev.ROUND_STARTED, "$.round")
            ended, last = log.has(ev.ENDED), log.last_at()
        except (sqlite3.Error, TypeError, ValueError):
            return None
    title, deck = first
    return Summary(str(title or ""), str(deck or ""), int(rounds or 0),
                   int(reached) + 1 if isinstance(reached, (int, float)) else 0, ended, last)
