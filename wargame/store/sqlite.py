"""The session file: one SQLite database holding an append-only, hash-chained event log.

Every write is its own `BEGIN IMMEDIATE` transaction under WAL with `synchronous=FULL`; an append
returns only after the commit has returned, so a caller told "recorded" can rely on it. An append
may carry the id of the last event its caller checked the rules against: inside the transaction
the store refuses it (`Conflict`) when the log has moved on since. Join-code hashes live in a
table beside the log, never in it, so an export of the log carries no code material.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .chain import GENESIS, continues, link
from .record import Event

if TYPE_CHECKING:  # the watch (ctypes) is loaded only by a console that follows the file live
    from .watch import FileWatch

SCHEMA_VERSION = 2
"""The file's schema: 2 chains every event by hash and keeps join-code hashes in a table of their own."""

APP_ID = 0x57415247  # "WARG", in the SQLite header's application_id
BUSY_TIMEOUT_MS = 10_000
CLOSE_TIMEOUT_MS = 2_000

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    key   TEXT NOT NULL UNIQUE,
    kind  TEXT NOT NULL,
    actor TEXT NOT NULL,
    at    REAL NOT NULL,
    data  TEXT NOT NULL,
    hash  TEXT NOT NULL
);
CREATE TABLE codes (team TEXT PRIMARY KEY, hash TEXT NOT NULL, event_id INTEGER NOT NULL);
"""
_COLUMNS = "id, key, kind, actor, at, data, hash"
_SAVED_STATE = """CREATE TABLE IF NOT EXISTS saved_state
    (event_id INTEGER NOT NULL, hash TEXT NOT NULL, format TEXT NOT NULL, state TEXT NOT NULL)"""
"""A reader's cache of the log up to one event (see `save_state`); made on first save, so a file may lack it."""
_DATA = itemgetter(5)  # a row's stored JSON text


class StoreError(Exception):
    """A session file that cannot be used: missing, damaged, foreign or from a newer version."""


class PermissionDenied(StoreError):
    """An actor tried to append what its role may not."""


class Conflict(StoreError):
    """The log moved on after the caller checked its rules: refresh, check again, retry."""

    def __init__(self, last_id: int):
        self.last_id = last_id
        super().__init__(f"the session changed (now at event {last_id}) while this was being recorded")


class Writer(Protocol):
    """Who writes through a store handle, as the engine decides it: the store asks, it does not judge."""

    @property
    def actor(self) -> str:
        """The name each event written through the handle carries."""
        ...

    @property
    def sets_codes(self) -> bool:
        """Whether the handle may set join-code hashes."""
        ...

    def check(self, kind: str, data: dict[str, Any]) -> None:
        """Raise PermissionDenied if this writer may not append an event of `kind` with `data`."""
        ...


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class EventStore:
    """One connection to one session file; cheap to poll for new events by last id."""

    def __init__(self, path: Path | str, *, role: Writer | None = None):
        self.path = Path(path)
        self.role = role
        """Who writes through this handle; None: it only reads."""
        self.altered: str | None = None
        """The first break in the hash chain seen while reading, as a sentence; None while it holds."""
        self._checked = (0, GENESIS)  # (id, hash) of the last event whose chain link was checked
        self._version = 0  # the file's data_version as this connection last saw it (see changed())
        self._watch: FileWatch | None = None
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a session file")
        if not self.path.exists():
            raise StoreError(f"{self.path}: no such session file")
        try:
            self.conn: sqlite3.Connection | None = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
            self._open()
        except sqlite3.DatabaseError as exc:
            self._drop()
            raise StoreError(f"{self.path}: not a wargame session file ({exc})") from None
        except StoreError:
            self._drop()
            raise

    # --- creating ------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, events: Sequence[Event], codes: dict[str, str], *,
               role: Writer | None = None) -> EventStore:
        """A new session file holding `events` and the teams' code hashes, made whole or not at all.

        It is written under a temporary name and linked into place once committed, so a kill at any
        moment leaves either no file or a complete one; it is readable by its owner only."""
        path = Path(path)

        def fill(conn: sqlite3.Connection) -> None:
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("BEGIN IMMEDIATE")
            for stmt in _SCHEMA.strip().split(";"):
                if stmt.strip():
                    conn.execute(stmt)
            conn.execute(f"PRAGMA application_id={APP_ID}")
            conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            insert(conn, GENESIS, events)
            last = events[-1].id if events else 0
            conn.executemany("INSERT INTO codes VALUES (?,?,?)", [(t, h, last) for t, h in codes.items()])
            conn.execute("COMMIT")
            conn.execute("PRAGMA journal_mode=WAL")

        _write_new(path, fill)
        return cls(path, role=role)

    def _open(self) -> None:
        """Check that this is a wargame session file before anything is written to it, then set it up."""
        c = self._c
        c.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        ok = c.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise StoreError(f"{self.path}: the session file is damaged ({ok})")
        if c.execute("PRAGMA application_id").fetchone()[0] != APP_ID:
            raise StoreError(f"{self.path}: not a wargame session file")
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in ("meta", "events"):
            if table not in tables:
                raise StoreError(f"{self.path}: the session file is damaged (its {table} table is missing)")
        row = c.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        try:
            version = int(row[0])
        except (TypeError, ValueError):
            raise StoreError(f"{self.path}: the session file is damaged (no readable schema version)") from None
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer wargame (schema {version}); upgrade to open it")
        if version >= 2 and "codes" not in tables:
            raise StoreError(f"{self.path}: the session file is damaged (its codes table is missing)")
        c.execute("PRAGMA journal_mode=WAL")
        c.execute("PRAGMA synchronous=FULL")
        if version < SCHEMA_VERSION:
            self._upcast(version)
        self._version = self._data_version()

    def _upcast(self, version: int) -> None:
        """Bring a file of an older schema up to date: chain its events, move code hashes out of the log."""
        from .upcast import upcast_v1

        c = self._c
        c.execute("BEGIN IMMEDIATE")
        try:
            upcast_v1(c, insert)
            c.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    # --- writing ------------------------------------------------------------------------------

    def append(self, kind: str, data: dict[str, Any], *, key: str | None = None, at: float | None = None,
               expect: int | None = None) -> Event:
        """Append one event and commit; return it once committed. A repeated `key` returns the first event."""
        return self.append_all([(kind, data)], key=key, at=at, expect=expect)[-1]

    def append_all(self, items: Sequence[tuple[str, dict[str, Any]]], *, key: str | None = None,
                   at: float | None = None, expect: int | None = None,
                   codes: dict[str, str] | None = None) -> list[Event]:
        """Append events (and set code hashes) in one transaction, or nothing.

        `expect`: the id of the last event the caller checked its rules against; if the log holds a
        newer one, nothing is written and `Conflict` is raised. `key` (one event only) makes the
        append idempotent: a repeated key returns the event first written with it."""
        if not items:
            return []
        role = self.role
        if role is None:
            raise PermissionDenied(f"{self.path}: this handle only reads")
        for kind, data in items:
            role.check(kind, data)
        if codes and not role.sets_codes:
            raise PermissionDenied(f"{role.actor} may not set join codes")
        if key is not None and len(items) != 1:
            raise ValueError("an idempotency key names one event")
        who = role.actor
        when = time.time() if at is None else float(at)
        c = self._c
        c.execute("BEGIN IMMEDIATE")
        try:
            if key is not None:
                row = c.execute(f"SELECT {_COLUMNS} FROM events WHERE key=?", (key,)).fetchone()
                if row is not None:
                    c.execute("COMMIT")
                    return [_event(row)]
            last = c.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone() or (0, GENESIS)
            if expect is not None and last[0] != expect:
                c.execute("ROLLBACK")
                raise Conflict(last[0])
            events = [Event(last[0] + n + 1, key or uuid.uuid4().hex, kind, who, when, data)
                      for n, (kind, data) in enumerate(items)]
            head = insert(c, last[1], events)
            if codes:
                c.executemany("INSERT OR REPLACE INTO codes VALUES (?,?,?)",
                              [(t, h, events[-1].id) for t, h in codes.items()])
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
        if self._checked[0] == last[0]:  # the chain was checked up to here: our own links need no check
            self._checked = (events[-1].id, head)
        return events

    # --- reading ------------------------------------------------------------------------------

    def events(self, after: int = 0, upto: int | None = None) -> list[Event]:
        """Every event with an id above `after` (and at most `upto`), in order; checks each new link of
        the hash chain."""
        rows = self._c.execute(f"SELECT {_COLUMNS} FROM events WHERE id > ? AND id <= ? ORDER BY id",
                               (after, upto if upto is not None else 2**63 - 1)).fetchall()
        if after == 0:
            self._checked = (0, GENESIS)
        if after == self._checked[0]:
            self._check_links(rows)
        return self._decode(rows)

    def saved_state(self, made_by: str) -> tuple[int, str] | None:
        """The text saved by `save_state` and the id of the event it was saved at, if it was made by
        `made_by` and that event still has the hash it had then; None otherwise. The events up to
        that one are then taken as checked: reading on from it checks the links after it only, and
        `verify` checks them all."""
        try:
            row = self._c.execute("SELECT s.event_id, s.hash, s.state FROM saved_state s JOIN events e "
                                  "ON e.id = s.event_id AND e.hash = s.hash WHERE s.format = ?",
                                  (made_by,)).fetchone()
        except sqlite3.OperationalError:  # no saved_state table: nothing was saved in this file yet
            return None
        if row is None or not isinstance(row[2], str):
            return None
        self._checked = (row[0], row[1])
        return row[0], row[2]

    def save_state(self, event_id: int, made_by: str, text: str) -> bool:
        """Keep `text`, a reader's cache of the log up to event `event_id` made by `made_by`, beside the
        log in place of the one before. It is never part of the log nor of an export. False if it
        could not be written (a file on read-only media): a cache lost costs one slower open."""
        c = self._c
        if self.role is None:
            raise PermissionDenied(f"{self.path}: this handle only reads")
        try:
            c.execute("BEGIN IMMEDIATE")
            row = c.execute("SELECT hash FROM events WHERE id = ?", (event_id,)).fetchone()
            if row is not None:
                c.execute(_SAVED_STATE)
                c.execute("DELETE FROM saved_state")
                c.execute("INSERT INTO saved_state VALUES (?,?,?,?)", (event_id, row[0], made_by, text))
            c.execute("COMMIT")
            return row is not None
        except sqlite3.Error:
            if c.in_transaction:
                c.execute("ROLLBACK")
            return False

    def changed(self) -> bool:
        """Whether another connection committed to the file since the last look (this handle's own
        appends do not count: their writer has them already). Cheap: it reads no rows and, like every
        read here, holds no transaction open after it returns, so checkpoints can go on."""
        seen, self._version = self._version, self._data_version()
        return self._version != seen

    def watch(self) -> FileWatch | None:
        """A wake-up each time the file's write-ahead log is written, by any connection (None where the
        system offers none); one per handle, closed with it."""
        if self._watch is None:
            from .watch import watch_file

            if self.conn is None:
                raise StoreError(f"{self.path}: the session is closed")
            self._watch = watch_file(f"{self.path}-wal")
        return self._watch

    def last_id(self) -> int:
        """The newest event's id: a cheap check for news."""
        return self._c.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0]

    def code_hash(self, team: str) -> str | None:
        """The stored hash of `team`'s join code, or None."""
        row = self._c.execute("SELECT hash FROM codes WHERE team=?", (team,)).fetchone()
        return row[0] if row else None

    def verify(self) -> str | None:
        """Check the whole log's hash chain and its end; None if intact, else the first break, as a sentence."""
        rows = self._c.execute(f"SELECT {_COLUMNS} FROM events ORDER BY id").fetchall()
        self._checked, self.altered = (0, GENESIS), None
        self._check_links(rows)
        self.altered = self.altered or self.missing_tail()
        return self.altered

    def head(self) -> tuple[int, str]:
        """The id and hash of the last event: quote them to show later that nothing was removed or added."""
        row = self._c.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, GENESIS)

    def integrity(self) -> str:
        return self._c.execute("PRAGMA integrity_check").fetchone()[0]

    def backup(self, target: Path | str) -> Path:
        """A consistent one-file copy of the session through SQLite's online backup, safe while others write."""
        target = Path(target)

        def fill(dest: sqlite3.Connection) -> None:
            self._c.backup(dest)
            dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        _write_new(target, fill)
        return target

    # --- closing ------------------------------------------------------------------------------

    def close(self) -> None:
        """Fold the WAL back into the main file and close, so the one file is complete. Safe to repeat."""
        conn = self.conn
        if conn is None:
            return
        if self._watch is not None:
            self._watch.close()
        try:
            conn.execute(f"PRAGMA busy_timeout={CLOSE_TIMEOUT_MS}")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # another process is mid-write; the last one to close completes the file
        finally:
            self._drop()

    def _drop(self) -> None:
        conn, self.conn = getattr(self, "conn", None), None
        if conn is not None:
            conn.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- helpers ------------------------------------------------------------------------------

    @property
    def _c(self) -> sqlite3.Connection:
        if self.conn is None:
            raise StoreError(f"{self.path}: the session is closed")
        return self.conn

    def _data_version(self) -> int:
        """SQLite's data_version: it moves when another connection commits (fetchall ends the read)."""
        return int(self._c.execute("PRAGMA data_version").fetchall()[0][0])

    def _check_links(self, rows: list[tuple]) -> None:
        prev_id, prev_hash = self._checked
        if self.altered is None and continues(prev_id, prev_hash, rows):  # the usual case, checked fast
            if rows:
                self._checked = (rows[-1][0], rows[-1][6])
            return
        for row in rows:  # a break (or one seen before): find the first, and carry on past it
            event_id, _key, kind, _actor, _at, _data, stored = row
            if self.altered is None:
                if event_id != prev_id + 1:
                    self.altered = (f"event {prev_id + 1} is missing: {event_id - prev_id - 1} event(s) "
                                    f"before event {event_id} were removed")
                elif not _links(prev_hash, row):
                    self.altered = f"event {event_id} ({kind}) was changed after it was recorded"
            prev_id, prev_hash = event_id, stored
        self._checked = (prev_id, prev_hash)

    def missing_tail(self) -> str | None:
        """Whether events were removed from the end of the log (which breaks no link), as a sentence."""
        last = self.last_id()
        row = self._c.execute("SELECT seq FROM sqlite_sequence WHERE name='events'").fetchone()
        seq = row[0] if row else 0
        if isinstance(seq, int) and seq > last:
            return f"the last {seq - last} event(s) after event {last} were removed"
        return None

    def _decode(self, rows: list[tuple]) -> list[Event]:
        """Events from stored rows; the fold checks their shape (and that their times are numbers)."""
        try:  # one decode for the batch; a text such as `1,2` would make two items, so count them
            datas = json.loads("[" + ",".join(map(_DATA, rows)) + "]")
        except (TypeError, ValueError):
            datas = None
        if type(datas) is not list or len(datas) != len(rows):
            datas = [self._data_of(r) for r in rows]
        return [Event(r[0], r[1], r[2], r[3], r[4], d) for r, d in zip(rows, datas, strict=True)]

    def _data_of(self, row: tuple) -> Any:
        try:
            return json.loads(row[5])
        except (TypeError, ValueError):
            raise StoreError(f"{self.path}: the session file is damaged (event {row[0]}'s data is not JSON)") from None


def _links(previous: str, row: tuple) -> bool:
    """Whether a stored row's hash is the link from `previous` over its own fields (a field of another
    type than was written changes the hash too)."""
    event_id, key, kind, actor, at, data, stored = row
    try:
        return bool(stored == link(previous, event_id, key, kind, actor, at, data))
    except (TypeError, ValueError):  # a time that is no number
        return False


def insert(conn: sqlite3.Connection, previous: str, events: Iterable[Event]) -> str:
    """Insert events chained on from `previous` (the hash of the event before the first); the last hash."""
    rows = []
    for e in events:
        data = _dumps(e.data)
        previous = link(previous, e.id, e.key, e.kind, e.actor, e.at, data)
        rows.append((e.id, e.key, e.kind, e.actor, e.at, data, previous))
    conn.executemany(f"INSERT INTO events ({_COLUMNS}) VALUES (?,?,?,?,?,?,?)", rows)
    return previous


def _event(row: tuple) -> Event:
    return Event(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]))


class _scratch:
    """A private temporary file beside `final` (mode 0600), removed if it was not put in place."""

    def __init__(self, final: Path):
        self.path = final.with_name(f".{final.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part")

    def __enter__(self) -> Path:
        os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        return self.path

    def __exit__(self, *exc: object) -> None:
        for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"), Path(f"{self.path}-journal")):
            p.unlink(missing_ok=True)


def _write_new(final: Path, fill: Callable[[sqlite3.Connection], None]) -> None:
    """Make the new file `final` by `fill`ing a private scratch file and putting it in place when complete."""
    if final.exists():
        raise StoreError(f"{final}: a file is already there; choose another name")
    final.parent.mkdir(parents=True, exist_ok=True)
    with _scratch(final) as tmp:
        conn = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            fill(conn)
        finally:
            conn.close()
        _place(tmp, final)


def _place(tmp: Path, final: Path) -> None:
    """Put the finished file `tmp` at `final`, never over an existing file, and make it durable."""
    try:
        os.link(tmp, final)  # fails if `final` exists: no file is ever overwritten
    except FileExistsError:
        raise StoreError(f"{final}: a file is already there; choose another name") from None
    except OSError:  # a filesystem without hard links (e.g. FAT on a USB stick)
        if final.exists():
            raise StoreError(f"{final}: a file is already there; choose another name") from None
        os.replace(tmp, final)
    _sync_dir(final.parent)


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

