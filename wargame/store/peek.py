"""A look into a session file without writing to it: a few questions about its log, asked read-only.

Opening a session (EventStore) may write to it: it brings an older file up to date and folds its
write-ahead log back in on close. A list of recent sessions must change none of them (nor their
times, by which the list is sorted), so this reads the file through a read-only SQLite connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class Peek:
    """Questions about a log by event kind and JSON path (`$.title`), answered from a read-only connection."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def first(self, kind: str, *paths: str) -> tuple[Any, ...] | None:
        """The values at `paths` in the first event of `kind`, or None if there is none."""
        fields = ", ".join("json_extract(data, ?)" for _ in paths)
        return self._conn.execute(f"SELECT {fields} FROM events WHERE kind = ? ORDER BY id LIMIT 1",
                                  (*paths, kind)).fetchone()

    def count_at(self, kind: str, path: str) -> int | None:
        """The length of the JSON array at `path` in the first event of `kind`."""
        row = self._conn.execute("SELECT json_array_length(data, ?) FROM events WHERE kind = ? ORDER BY id LIMIT 1",
                                 (path, kind)).fetchone()
        return row[0] if row else None

    def largest(self, kind: str, path: str) -> Any:
        """The largest value at `path` over the events of `kind` (None if none)."""
        return self._conn.execute("SELECT MAX(json_extract(data, ?)) FROM events WHERE kind = ?",
                                  (path, kind)).fetchone()[0]

    def has(self, kind: str) -> bool:
        return bool(self._conn.execute("SELECT EXISTS(SELECT 1 FROM events WHERE kind = ?)", (kind,)).fetchone()[0])

    def last_at(self) -> float:
        """When the newest event was recorded (0 for an empty log)."""
        return float(self._conn.execute("SELECT MAX(at) FROM events").fetchone()[0] or 0.0)


@contextmanager
def peek(path: Path) -> Iterator[Peek | None]:
    """A read-only look into the session file at `path` (None if it cannot be opened as SQLite)."""
    path = path.resolve()
    # no write-ahead log beside it: nobody has the file open, and reading it as immutable creates none
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "immutable=1"
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True, timeout=1.0)
    except sqlite3.Error:
        yield None
        return
    try:
        yield Peek(conn)
    finally:
        conn.close()
