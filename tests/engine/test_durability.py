"""Nothing acknowledged is lost: SIGKILLed writers, many concurrent writers, damaged files."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from wargame.content import load
from wargame.engine.session import Session
from wargame.model import Team, Text
from wargame.store import EventStore, StoreError

from .helpers import MINI, FakeClock, new_session

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def writer(path: Path, team: str, count: int, role: str = "team") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.engine.writer", str(path), team, str(count), role],
                            cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def started_session(tmp_path: Path, teams: int = 3) -> Path:
    lib = load([MINI])
    deck = lib.decks["mini"]
    if teams > 3:
        for n in range(teams):
            tid = f"team-{n}"
            lib.teams[tid] = Team(id=tid, name=Text(nl=tid, en=tid), role=Text(nl="r", en="r"))
        deck = replace(deck, teams=tuple(f"team-{n}" for n in range(teams)))
    s, _ = Session.create(tmp_path / "s.wargame", deck, lib, seed=1)
    s.advance()
    s.close()
    return tmp_path / "s.wargame"


@pytest.mark.slow
def test_sigkilled_writers_lose_no_acknowledged_event(tmp_path):
    path = started_session(tmp_path)
    rng = random.Random(1234)
    acknowledged: list[str] = []
    for _round in range(8):
        procs = [writer(path, team, 10_000, role="team") for team in ("red", "blue")]
        time.sleep(0.4 + rng.random() * 0.6)  # let them write, then kill at a random moment
        for p in procs:
            p.send_signal(signal.SIGKILL)
        for p in procs:
            out, _ = p.communicate()
            acknowledged += [line for line in out.splitlines() if line.strip()]
    assert len(acknowledged) > 20, "the writers did write before being killed"
    with EventStore(path) as store:
        assert store.integrity() == "ok"
        keys = {e.key for e in store.events()}
    missing = [k for k in acknowledged if k not in keys]
    assert missing == []
    reopened = Session.open(path)
    assert len(reopened.state.moves) >= len(acknowledged)


@pytest.mark.slow
def test_twelve_processes_append_concurrently_without_loss(tmp_path):
    path = started_session(tmp_path, teams=12)
    procs = [writer(path, f"team-{n}", 200) for n in range(12)]
    outputs = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
        assert err == ""
    keys = [k for out, _ in outputs for k in out.split()]
    assert len(keys) == 2400
    with EventStore(path) as store:
        stored = [e for e in store.events() if e.kind == "move_recorded"]
        assert store.integrity() == "ok"
    assert sorted(e.key for e in stored) == sorted(keys)
    state = Session.open(path).state
    assert all(len([m for m in state.moves.values() if m.team == f"team-{n}"]) == 200 for n in range(12))


def test_a_damaged_or_foreign_file_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.wargame"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a wargame session file"):
        EventStore(junk)
    import sqlite3

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(StoreError, match="not a wargame session file"):
        EventStore(other)
    with pytest.raises(StoreError, match="no such session file"):
        EventStore(tmp_path / "missing.wargame")


def test_a_truncated_session_file_is_a_clear_error(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.advance()
    for _ in range(200):
        s.record_move("red", "x" * 500)
    s.close()
    path = tmp_path / "s.wargame"
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] + b"\x00" * 4096 + data[len(data) // 2 + 4096:])
    with pytest.raises(StoreError):
        Session.open(path)


def test_a_newer_schema_is_refused(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.store.conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    s.close()
    with pytest.raises(StoreError, match="newer wargame"):
        EventStore(tmp_path / "s.wargame")


def test_create_refuses_to_overwrite(tmp_path):
    new_session(tmp_path)
    with pytest.raises(StoreError, match="already there"):
        new_session(tmp_path)


def test_empty_sqlite_file_is_not_a_session(tmp_path):
    p = tmp_path / "empty.wargame"
    EventStore.create(p, [], {}).close()
    with pytest.raises(StoreError, match="holds no session"):
        Session(EventStore(p), FakeClock())
