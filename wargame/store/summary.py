"""A session file's summary (title, deck, round reached, last change), read without writing to it.

Opening a session (EventStore) may write to it: it brings an older file up to date and folds its
write-ahead log back in on close. A list of recent sessions must change none of them (nor their
times, by which the list is sorted), so this reads the file through a read-only SQLite connection.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..engine.events import CREATED, ENDED, ROUND_STARTED


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


_FIRST = ("SELECT json_extract(data, '$.title'), json_extract(data, '$.content.deck.id'), "
          f"json_array_length(data, '$.content.deck.rounds') FROM events WHERE kind = '{CREATED}' "
          "ORDER BY id LIMIT 1")
_ROUND = f"SELECT MAX(json_extract(data, '$.round')) FROM events WHERE kind = '{ROUND_STARTED}'"
_ENDED = f"SELECT EXISTS(SELECT 1 FROM events WHERE kind = '{ENDED}')"
_LAST = "SELECT MAX(at) FROM events"


def read_summary(path: Path) -> Summary | None:
    """The summary of the session file at `path`, or None if it cannot be read as one."""
    path = path.resolve()
    # no write-ahead log beside it: nobody has the file open, and reading it as immutable creates none
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "immutable=1"
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        first = conn.execute(_FIRST).fetchone()
        if first is None:
            return None
        title, deck, rounds = first
        reached = conn.execute(_ROUND).fetchone()[0]
        ended = bool(conn.execute(_ENDED).fetchone()[0])
        last = conn.execute(_LAST).fetchone()[0]
    except (sqlite3.Error, TypeError, ValueError):
        return None
    finally:
        conn.close()
    return Summary(str(title or ""), str(deck or ""), int(rounds or 0),
                   int(reached) + 1 if isinstance(reached, (int, float)) else 0, ended, float(last or 0.0))
