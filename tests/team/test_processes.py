"""Several processes on one session: teams in their own processes, the facilitator in this one."""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from wargame.app.team.ui import LOBBY
from wargame.engine import events as ev
from wargame.engine.lockout import FREE_TRIES
from wargame.engine.session import EngineError, Session
from wargame.store import EventStore, PermissionDenied

from .helpers import ENV, PY, ROOT, make_session


def team(path, name: str, code: str, mode: str, *extra: object) -> subprocess.Popen:
    return subprocess.Popen([PY, "-m", "tests.team.team_proc", str(path), name, code, mode, *map(str, extra)],
                            cwd=ROOT, env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def start_together(procs: list[subprocess.Popen], timeout: float = 60) -> None:
    """Wait until every process has joined and says ready, then let them all go at once."""
    deadline = time.monotonic() + timeout
    for p in procs:
        line = p.stdout.readline()
        assert json.loads(line) == {"ready": True}, (line, p.stderr.read() if p.poll() is not None else "")
        assert time.monotonic() < deadline
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()


def finish(procs: list[subprocess.Popen], timeout: float = 120) -> list[list[dict]]:
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=timeout)
        assert p.returncode == 0, err
        outs.append(lines(out))
    return outs


def test_team_moves_from_other_processes_reach_the_facilitator(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    procs = [team(path, t, codes[t], "moves", 2) for t in ("red", "blue", "green")]
    start_together(procs)
    outs = finish(procs)
    assert fac.refresh(), "the facilitator's session folds in what the teams wrote"
    current = fac.state.current_moves()
    assert set(current) == {"red", "blue", "green"}
    for t, out in zip(("red", "blue", "green"), outs, strict=True):
        assert current[t].action == f"move 1 of {t}" and current[t].actor == f"team:{t}"
        assert len(fac.state.move_history(current[t].id)) == 2
        assert current[t].id == out[-1]["move"]


def test_a_wrong_code_is_refused_in_another_process(tmp_path):
    """Wrong codes are counted across processes; after FREE_TRIES in a row the team must wait, in any
    process; a right code after the wait is let in and resets the count."""
    fac, codes, clock, path = make_session(tmp_path)
    (out,) = finish([team(path, "red", codes["blue"], "join")])
    assert out == [{"ok": False}]
    fac.refresh()
    assert fac.state.failed_joins == {"red": 1}
    (out,) = finish([team(path, "red", codes["red"], "join")])
    assert out == [{"ok": True}]
    fac.refresh()
    assert fac.state.failed_joins == {"red": 0}, "a right code resets the count"
    for _ in range(FREE_TRIES):
        (out,) = finish([team(path, "red", "NOPE-NOPE", "join")])
        assert out == [{"ok": False}]
    fac.refresh()
    assert fac.state.failed_joins["red"] == FREE_TRIES
    # the wait after the fifth is two seconds, shorter than starting a process may take: the test
    # adds wrong codes of its own to make it long enough (the facilitator's handle may write anything)
    for _ in range(5):
        fac.store.append(ev.JOIN_FAILED, {"team": "red"}, at=time.time())
    (out,) = finish([team(path, "red", codes["red"], "join")])
    assert out[0]["ok"] is False and "too many wrong codes" in out[0]["error"] and "try again in" in out[0]["error"]
    fac.refresh()
    assert fac.state.failed_joins["red"] == FREE_TRIES + 5, "a try refused for the wait is not counted"
    # ... and one more, long ago, so that the wait is over now
    fac.store.append(ev.JOIN_FAILED, {"team": "red"}, at=time.time() - 7200)
    (out,) = finish([team(path, "red", codes["red"], "join")])
    assert out == [{"ok": True}]
    fac.refresh()
    assert fac.state.failed_joins["red"] == 0


def test_team_a_cannot_write_as_team_b_nor_as_the_facilitator(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    fac.record_move("blue", "blue's move", "r", "x")
    before = fac.store.last_id()
    (out,) = finish([team(path, "red", codes["red"], "overreach", "blue")])
    assert len(out) == 13
    for row in out:
        assert row["refused"] in ("EngineError", "PermissionDenied"), row
    as_other = {row["attempt"]: row for row in out}
    assert as_other["append move as other"]["refused"] == "PermissionDenied"  # the store itself refuses
    assert as_other["set_language"]["refused"] == "PermissionDenied"
    assert as_other["new_code"]["refused"] == "PermissionDenied"
    assert fac.store.last_id() == before, "nothing was written"


def test_the_console_before_login_can_write_nothing(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    lobby = Session.open(path, team=LOBBY)
    with pytest.raises(EngineError):
        lobby.record_move("red", "x")
    with pytest.raises(PermissionDenied):
        lobby.store.append(ev.MOVE, {"team": "red"})
    with pytest.raises(PermissionDenied):
        lobby.store.append(ev.JOIN_FAILED, {"team": "red"})
    assert lobby.state.teams.keys() == {"red", "blue", "green"}


def test_twelve_teams_entering_moves_at_once_lose_nothing(tmp_path):
    fac, codes, clock, path = make_session(tmp_path, teams=12)
    names = [f"team-{n}" for n in range(12)]
    procs = [team(path, t, codes[t], "moves", 40) for t in names]
    start_together(procs)
    seen = 0
    while any(p.poll() is None for p in procs):  # the facilitator follows live while they write
        seen += len(fac.refresh())
        time.sleep(0.01)
    outs = finish(procs)
    seen += len(fac.refresh())
    keys = [row["key"] for out in outs for row in out]
    assert len(keys) == 12 * 40
    with EventStore(path) as store:
        assert store.integrity() == "ok"
        stored = {e.key for e in store.events() if e.kind == ev.MOVE}
    assert stored == set(keys)
    st = fac.state
    assert sorted(m.team for m in st.moves.values()) == sorted(t for t in names for _ in range(40))
    for t in names:
        assert st.current_moves()[t].action == f"move 39 of {t}"
        assert len(st.move_history(st.current_moves()[t].id)) == 40
    fresh = Session.open(path).state
    assert fresh.latest == st.latest and fresh.moves.keys() == st.moves.keys()


@pytest.mark.slow
def test_twelve_team_consoles_at_once_lose_nothing(tmp_path):
    """Twelve Textual team consoles (headless, each its own process) submit moves at the same time."""
    fac, codes, clock, path = make_session(tmp_path, teams=12)
    names = [f"team-{n}" for n in range(12)]
    procs = [team(path, t, codes[t], "console", 5) for t in names]
    start_together(procs, timeout=120)
    outs = finish(procs, timeout=300)
    for out in outs:
        assert len(out) == 5 and all(row["status"].startswith("✓ Recorded") for row in out), out
    fac.refresh()
    for t in names:
        m = fac.state.current_moves()[t]
        assert m.action == f"console move 4 of {t}" and m.actor == f"team:{t}"
        assert [v.action for v in fac.state.move_history(m.id)] == [f"console move {n} of {t}" for n in range(4, -1, -1)]
