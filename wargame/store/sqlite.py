"""The session file: one SQLite database holding an append-only event log.

Every write is its own `BEGIN IMMEDIATE` transaction under WAL with `synchronous=FULL`; an append
returns only after the commit has returned, so a caller told "recorded" can rely on it.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any

from ..engine.events import FACILITATOR, KINDS, SCHEMA_VERSION, TEAM_KINDS, Event, team_actor

APP_ID = 0x57415247  # "WARG", in the SQLite header's application_id
BUSY_TIMEOUT_MS = 10_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    key   TEXT NOT NULL UNIQUE,
    kind  TEXT NOT NULL,
    actor TEXT NOT NULL,
    at    REAL NOT NULL,
    data  TEXT NOT NULL
);
"""


class StoreError(Exception):
    """A session file that cannot be used: missing, corrupt, foreign or from a newer version."""


class PermissionDenied(StoreError):
    """An actor tried to append what its role may not."""


class Role:
    """Who holds a store handle: the facilitator (anything) or one team (its own moves only)."""

    def __init__(self, team: str | None = None):
        self.team = team

    @property
    def actor(self) -> str:
        return team_actor(self.team) if self.team else FACILITATOR

    def check(self, kind: str, data: dict[str, Any]) -> None:
        if self.team is None:
            return
        if kind not in TEAM_KINDS:
            raise PermissionDenied(f"team {self.team} may not record {kind}")
        if data.get("team") != self.team:
            raise PermissionDenied(f"team {self.team} may not write as team {data.get('team')!r}")


FACILITATOR_ROLE = Role()


class EventStore:
    """One connection to one session file; cheap to poll for new events by last id."""

    def __init__(self, path: Path | str, *, create: bool = False, role: Role = FACILITATOR_ROLE):
        self.path = Path(path)
        self.role = role
        if not create and not self.path.exists():
            raise StoreError(f"{self.path}: no such session file")
        if create and self.path.exists() and self.path.stat().st_size > 0:
            raise StoreError(f"{self.path}: a file is already there; choose another --session path")
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000,
                                        isolation_level=None, check_same_thread=False)
            self._configure(create)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a wargame session file ({exc})") from None

    def _configure(self, create: bool) -> None:
        c = self.conn
        c.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not create:
            ok = c.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise StoreError(f"{self.path}: the session file is damaged ({ok})")
            if c.execute("PRAGMA application_id").fetchone()[0] != APP_ID:
                raise StoreError(f"{self.path}: not a wargame session file")
        c.execute("PRAGMA journal_mode=WAL")
        c.execute("PRAGMA synchronous=FULL")
        if create:
            c.execute("BEGIN IMMEDIATE")
            for stmt in _SCHEMA.strip().split(";"):
                if stmt.strip():
                    c.execute(stmt)
            c.execute(f"PRAGMA application_id={APP_ID}")
            c.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            c.execute("COMMIT")
        version = c.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if version is None:
            raise StoreError(f"{self.path}: not a wargame session file (no schema version)")
        if int(version[0]) > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer wargame (schema {version[0]}); upgrade to open it")

    # --- writing ------------------------------------------------------------------------------

    def append(self, kind: str, data: dict[str, Any], *, key: str | None = None, at: float | None = None,
               actor: str | None = None) -> Event:
        """Append one event and commit; return it once committed. A repeated `key` returns the first event."""
        if kind not in KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        self.role.check(kind, data)
        actor = self.role.actor if self.role.team else (actor or FACILITATOR)
        key = key or uuid.uuid4().hex
        at = time.time() if at is None else at
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            cur = c.execute("INSERT OR IGNORE INTO events (key, kind, actor, at, data) VALUES (?,?,?,?,?)",
                            (key, kind, actor, at, payload))
            if cur.rowcount == 0:
                row = c.execute("SELECT id, key, kind, actor, at, data FROM events WHERE key=?", (key,)).fetchone()
                c.execute("COMMIT")
                return _event(row)
            event_id = cur.lastrowid
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
        return Event(event_id, key, kind, actor, at, data)

    def import_events(self, events: list[Event]) -> None:
        """Write a whole exported log, ids and keys kept, in one transaction (into an empty file)."""
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            if c.execute("SELECT COUNT(*) FROM events").fetchone()[0]:
                raise StoreError(f"{self.path}: already holds events; import into a new file")
            c.executemany("INSERT INTO events (id, key, kind, actor, at, data) VALUES (?,?,?,?,?,?)",
                          [(e.id, e.key, e.kind, e.actor, e.at,
                            json.dumps(e.data, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
                           for e in events])
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    # --- reading ------------------------------------------------------------------------------

    def events(self, after: int = 0) -> list[Event]:
        """Every event with an id above `after`, in order."""
        rows = self.conn.execute("SELECT id, key, kind, actor, at, data FROM events WHERE id > ? ORDER BY id",
                                 (after,)).fetchall()
        datas = json.loads("[" + ",".join(r[5] for r in rows) + "]")  # one decode for the batch
        return [Event(r[0], r[1], r[2], r[3], r[4], d) for r, d in zip(rows, datas)]

    def last_id(self) -> int:
        """The newest event's id: a cheap check for news."""
        return self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0]

    def integrity(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _event(row: tuple) -> Event:
    return Event(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]))
