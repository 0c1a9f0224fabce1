"""Older session files and exports brought up to the current schema.

Schema 1 (wargame up to 0.9) kept join-code hashes inside the log (`session_created.codes`,
`code_set.hash`) and had no hash chain. Schema 2 moves the hashes to the codes table and chains
every event. An upcast rewrites nothing else: ids, keys, kinds, times and every other field stay.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from .chain import GENESIS
from .record import Event

CREATED, CODE_SET = "session_created", "code_set"
"""The two schema-1 kinds that carried code hashes (schema 1 is a closed format, so named here)."""

Insert = Callable[[sqlite3.Connection, str, Iterable[Event]], str]


def without_codes(kind: str, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """An event's data with any join-code hashes taken out, and those hashes by team."""
    if kind == CREATED and "codes" in data:
        rest = {k: v for k, v in data.items() if k != "codes"}
        codes = data["codes"] if isinstance(data["codes"], dict) else {}
        return rest, {str(t): str(h) for t, h in codes.items()}
    if kind == CODE_SET and "hash" in data:
        return {k: v for k, v in data.items() if k != "hash"}, {str(data.get("team")): str(data["hash"])}
    return data, {}


def upcast_v1(conn: sqlite3.Connection, insert: Insert) -> None:
    """Rewrite a schema-1 file's events as schema 2, inside the caller's transaction."""
    rows = conn.execute("SELECT id, key, kind, actor, at, data FROM events ORDER BY id").fetchall()
    events, codes = [], {}
    for event_id, key, kind, actor, at, data in rows:
        clean, found = without_codes(kind, json.loads(data))
        codes.update({t: (h, event_id) for t, h in found.items()})
        events.append(Event(event_id, key, kind, actor, at, clean))
    conn.execute("DROP TABLE events")
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, "
                 "kind TEXT NOT NULL, actor TEXT NOT NULL, at REAL NOT NULL, data TEXT NOT NULL, hash TEXT NOT NULL)")
    conn.execute("CREATE TABLE IF NOT EXISTS codes "
                 "(team TEXT PRIMARY KEY, hash TEXT NOT NULL, event_id INTEGER NOT NULL)")
    insert(conn, GENESIS, events)
    conn.executemany("INSERT OR REPLACE INTO codes VALUES (?,?,?)", [(t, h, i) for t, (h, i) in codes.items()])
