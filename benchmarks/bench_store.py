"""Store benchmark: the time to record one move, against a bare SQLite insert + commit with the same
pragmas done by turns with it (so both meet the same disk), and the time to open and fold a session of
10,000 events. Prints the figures.

Goals (issue 4, kept by issue 12): record ratio <= 1.5x; open + fold of 10,000 events < 100 ms, as a
console opens a session: from the state its facilitator's console saved at close, folding only the events
after it (engine/snapshot.py); the whole chain is then checked once the console is on screen, and that
check's time is printed too, as is an open that folds the whole log step by step (export, debrief).
The last two lines are the budgets, each as "name: X ms (ratio Yx, goal ...)".
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wargame.content import load
from wargame.engine.session import Session
from wargame.engine.state import fold
from wargame.store import Event, EventStore
from wargame.store.chain import GENESIS, continues
from wargame.store.sqlite import _COLUMNS, insert

MINI = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "mini"
N = 400


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def bench_record(tmp: Path) -> tuple[list[float], list[float]]:
    """Record a move and do a bare insert + commit by turns, so both meet the same disk: the times of each."""
    lib = load([MINI])
    session, _ = Session.create(tmp / "bench.wargame", lib.decks["mini"], lib, seed=1)
    session.advance()
    conn = sqlite3.connect(str(tmp / "bare.db"), isolation_level=None, timeout=10)
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, "
                 "kind TEXT NOT NULL, actor TEXT NOT NULL, at REAL NOT NULL, data TEXT NOT NULL)")
    text = "Wij stellen voor de sancties uit te breiden en een coalitie te vormen. " * 4
    ours, bare = [], []
    for n in range(N):
        t0 = time.perf_counter()
        session.record_move(("red", "blue", "green")[n % 3], text, "resultaat", "redenen")
        ours.append(time.perf_counter() - t0)
        payload = json.dumps({"team": "red", "action": text, "result": "resultaat", "reasons": "redenen", "round": 0})
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO events (key, kind, actor, at, data) VALUES (?,?,?,?,?)",
                     (uuid.uuid4().hex, "move_recorded", "facilitator", time.time(), payload))
        conn.execute("COMMIT")
        bare.append(time.perf_counter() - t0)
    conn.close()
    session.close()
    return ours, bare


def bench_fold(tmp: Path, parts: dict[str, list[float]]) -> list[float]:
    lib = load([MINI])
    path = tmp / "big.wargame"
    session, _ = Session.create(path, lib.decks["mini"], lib, seed=1)
    session.advance()
    store = session.store
    conn = store.conn
    conn.execute("PRAGMA synchronous=OFF")  # filling fast; the measured part is the open + fold
    conn.execute("BEGIN IMMEDIATE")
    first, previous = store.head()
    insert(conn, previous, [  # chained as the store chains them
        Event(first + n + 1, uuid.uuid4().hex, "move_recorded", "facilitator", time.time(),
              {"move_id": f"m{n}", "team": ("red", "blue", "green")[n % 3], "round": 0, "action": f"Actie {n} " * 8,
               "result": "resultaat", "reasons": "redenen", "private": n % 5 == 0})
        for n in range(10_000 - first)])
    conn.execute("COMMIT")
    session.close()
    Session.open(path, resume=True).close()  # a console's close saves the state for the next open
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        s = Session.open(path, resume=True)
        times.append(time.perf_counter() - t0)
        assert s.state.event_count == 10_000 and s.state.altered is None and not s.state.refused
        t0 = time.perf_counter()
        assert s.verify() is None
        parts.setdefault("verify", []).append(time.perf_counter() - t0)
        s.close()
    for _ in range(3):
        t0 = time.perf_counter()
        Session.open(path).close()
        parts.setdefault("whole", []).append(time.perf_counter() - t0)
    with EventStore(path) as store:  # where an open's time goes, the same steps one at a time
        for _ in range(7):
            t0 = time.perf_counter()
            rows = store.conn.execute(f"SELECT {_COLUMNS} FROM events ORDER BY id").fetchall()
            t1 = time.perf_counter()
            assert continues(0, GENESIS, rows)
            t2 = time.perf_counter()
            events = store._decode(rows)
            t3 = time.perf_counter()
            fold(events)
            t4 = time.perf_counter()
            for name, t in (("read", t1 - t0), ("chain", t2 - t1), ("decode", t3 - t2), ("fold", t4 - t3)):
                parts.setdefault(name, []).append(t)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as d:
        tmp = Path(d)
        ours, bare = bench_record(tmp)
        parts: dict[str, list[float]] = {}
        fold_times = bench_fold(tmp, parts)
    mo, mb = statistics.median(ours), statistics.median(bare)
    print(f"record one move ({N} moves, by turns with the bare insert; WAL + synchronous=FULL + BEGIN IMMEDIATE, "
          f"on {Path.cwd()}):")
    print(f"  wargame  median {mo * 1000:.3f} ms   p99 {pct(ours, 99) * 1000:.3f} ms")
    print(f"  bare     median {mb * 1000:.3f} ms   p99 {pct(bare, 99) * 1000:.3f} ms")
    print(f"  ratio (p99)    {pct(ours, 99) / pct(bare, 99):.2f}x")
    mf = statistics.median(fold_times)
    step = {name: statistics.median(t) * 1000 for name, t in parts.items()}
    print(f"  open as a console opens (the state saved at close, then the events after it): fastest "
          f"{min(fold_times) * 1000:.1f} ms; the whole chain checked once on screen: {step['verify']:.1f} ms")
    print(f"  open folding the whole log (as export and debrief do): {step['whole']:.1f} ms; step by step "
          f"(medians): reading the rows {step['read']:.1f} ms, the hash chain {step['chain']:.1f} ms, "
          f"decoding {step['decode']:.1f} ms, the fold {step['fold']:.1f} ms")
    print(f"record a move: {mo * 1000:.3f} ms (ratio {mo / mb:.2f}x a bare SQLite insert + commit, goal <= 1.5x)")
    print(f"open + fold 10,000 events: {mf * 1000:.1f} ms (ratio {mf * 1000 / 100:.2f}x the goal, goal < 100 ms)")


if __name__ == "__main__":
    main()
