"""Following a session live: the store's cheap change check, the session's poll, the file watch."""

from __future__ import annotations

import asyncio
import os
import select
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from wargame.engine.session import Session
from wargame.store import EventStore

from .helpers import new_session

ROOT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the file watch is inotify")


def started(tmp_path: Path) -> Path:
    s, _, _ = new_session(tmp_path)
    s.advance()
    s.close()
    return tmp_path / "s.wargame"


def test_changed_sees_another_connections_commit_not_its_own(tmp_path):
    path = started(tmp_path)
    fac, team = Session.open(path), Session.open(path, team="red")
    store = fac.store
    assert not store.changed(), "nothing was committed since the store was opened"
    assert not store.changed(), "reading the log is no change either"
    store.events()
    store.last_id()
    assert not store.changed()
    fac.add_note("the facilitator's own note")  # this handle's own commit
    assert not store.changed()
    team.record_move("red", "a move from another console")
    assert store.changed()
    assert not store.changed(), "a change is told once"
    team.record_move("red", "one more")
    team.record_move("red", "and another")
    assert store.changed() and not store.changed()
    team.close()
    fac.close()


def test_changed_sees_another_process_commit(tmp_path):
    path = started(tmp_path)
    with EventStore(path) as store:
        assert not store.changed()
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        subprocess.run([sys.executable, "-m", "tests.engine.writer", str(path), "red", "1"], cwd=ROOT, env=env,
                       check=True, capture_output=True, timeout=60)
        assert store.changed()
        assert store.events()[-1].data["action"] == "move 0 of red"


def test_changed_holds_nothing_open_so_a_checkpoint_goes_through(tmp_path):
    path = started(tmp_path)
    with EventStore(path) as store:
        other = sqlite3.connect(str(path), isolation_level=None)
        other.execute("INSERT INTO meta VALUES ('live-test', 'x')")
        assert store.changed()
        # a reader still in a transaction would make a TRUNCATE checkpoint busy and leave the log as it is
        busy, _, _ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0
        assert os.path.getsize(f"{path}-wal") == 0
        other.close()


def test_poll_reads_the_log_only_after_another_commit(tmp_path, monkeypatch):
    path = started(tmp_path)
    fac, team = Session.open(path), Session.open(path, team="red")
    reads = []
    real = fac.store.events
    monkeypatch.setattr(fac.store, "events", lambda after=0: reads.append(after) or real(after))
    for _ in range(5):
        assert fac.poll() == []
    assert reads == [], "nothing new: the log was not read"
    move = team.record_move("red", "from the team console")
    new = fac.poll()
    assert [e.data["move_id"] for e in new] == [move.id]
    assert fac.state.moves[move.id].action == "from the team console"
    assert len(reads) == 1
    assert fac.poll() == [] and len(reads) == 1
    team.close()
    fac.close()


def test_a_poll_that_failed_to_read_reads_again(tmp_path, monkeypatch):
    path = started(tmp_path)
    fac, team = Session.open(path), Session.open(path, team="red")
    move = team.record_move("red", "shown despite a hiccup")

    def locked(after: int = 0) -> list:
        raise sqlite3.OperationalError("database is locked")

    with monkeypatch.context() as m:
        m.setattr(fac.store, "events", locked)
        with pytest.raises(sqlite3.OperationalError):
            fac.poll()
    assert [e.data.get("move_id") for e in fac.poll()] == [move.id], "the change seen before is read now"
    team.close()
    fac.close()


@linux_only
def test_the_watch_wakes_on_another_connections_write(tmp_path):
    path = started(tmp_path)
    fac, team = Session.open(path), Session.open(path, team="red")
    watch = fac.watch()
    assert watch is not None and fac.watch() is watch
    assert not watch.drain(), "quiet: nothing to wake for"
    assert select.select([watch], [], [], 0)[0] == []
    team.record_move("red", "wake up")
    assert select.select([watch], [], [], 5)[0] == [watch]
    assert watch.drain() and not watch.drain()
    fac.close()
    assert watch.fd is None, "the watch ends with the session"
    team.close()


@linux_only
def test_the_watch_calls_back_from_the_event_loop(tmp_path):
    path = started(tmp_path)
    fac, team = Session.open(path), Session.open(path, team="red")

    async def follow() -> list[str]:
        seen: list[str] = []
        woken = asyncio.Event()

        def look() -> None:
            seen.extend(e.data["action"] for e in fac.poll())
            if seen:
                woken.set()

        watch = fac.watch()
        assert watch is not None
        watch.on_write(look)
        team.record_move("red", "heard")
        await asyncio.wait_for(woken.wait(), 10)
        fac.close()  # takes the watch off the loop: no call back on a closed session
        team.record_move("red", "not heard")
        await asyncio.sleep(0.1)
        return seen

    assert asyncio.run(follow()) == ["heard"]
    team.close()
