"""The rules of a session: sequencing, clock, moves, rulings, world position, notes, codes."""

from __future__ import annotations

import pytest

from wargame.engine import events as ev
from wargame.engine.clock import Clock, mmss
from wargame.engine.session import EngineError, Session
from wargame.engine.state import fold
from wargame.store import PermissionDenied

from .helpers import STARTED, log, new_session


def move(move_id: str, team: str, action: str, private: bool = False) -> tuple[str, dict]:
    return ev.MOVE, {"move_id": move_id, "team": team, "round": 0, "action": action, "result": "Pressure",
                     "reasons": "Because", "private": private}


def ruling(move_id: str, outcome: int, erosion: int, rapprochement: int) -> tuple[str, dict]:
    return ev.ADJUDICATED, {"move_id": move_id, "outcome": outcome, "narrative": "", "erosion": erosion,
                            "rapprochement": rapprochement}


def delivered(session):
    return [(d.inject_id, d.how) for d in session.state.deliveries]


def test_plays_fixed_then_branch_then_draw_then_drift(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.advance()
    assert s.state.round == 0 and delivered(s) == [("s1-a1", "fixed")]
    s.advance()
    assert s.state.current.inject_id == "s1-branch"
    s.choose_option("hard")
    s.advance()
    assert delivered(s)[-1] == ("s1-hard", "branch")
    s.advance()  # round 2: a draw of two from s2
    assert s.state.round == 1
    s.advance()
    drawn = [i for i, how in delivered(s) if how == "draw"]
    assert len(drawn) == 2 and all(i.startswith("s2-") for i in drawn)
    quadrant = s.state.scenario_at(*s.state.position).id
    s.advance()  # round 3: drift draws from the quadrant the world is in
    inj, how = delivered(s)[-1]
    assert how == "drift" and s.state.injects[inj].scenario == quadrant
    assert s.advance() is None, "after the last slot of the last round there is nothing to deliver"


def test_drift_draws_from_current_quadrant(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.advance()
    # push the world into quadrant s4 (high, high) with rulings before the drift round
    m = s.record_move("red", "push")
    for _ in range(3):
        s.adjudicate(m.id, 3, "", 3, 3)
        m = s.record_move("red", "again")
    s.adjudicate(m.id, 3, "", 3, 3)
    assert s.state.position[0] > 0 and s.state.position[1] > 0
    s.next_round()
    s.next_round()
    inj = s.state.current_inject
    assert s.state.current.how == "drift" and inj.scenario == "s4"


def test_same_seed_draws_the_same(tmp_path):
    runs = []
    for n in range(2):
        s, _, _ = new_session(tmp_path, seed=42, name=f"{n}.wargame")
        s.next_round()
        s.next_round()
        s.advance()
        runs.append(delivered(s))
    assert runs[0] == runs[1]


def test_bench_fires_any_inject_now(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.fire("s3-a2")
    assert delivered(s) == [("s3-a2", "bench")]
    with pytest.raises(EngineError, match="no inject"):
        s.fire("nope")


def test_option_only_once_and_must_exist(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.advance()
    s.advance()
    with pytest.raises(EngineError):
        s.choose_option("middle")
    s.choose_option("soft")
    with pytest.raises(EngineError, match="already"):
        s.choose_option("hard")


def test_clock_keeps_deadlines_across_pause_extend_and_restart(tmp_path):
    s, _, clock = new_session(tmp_path)
    s.advance()
    assert s.state.clock.remaining(clock()) == 600 and s.state.clock.mode == "idle"
    s.clock("start")
    clock.tick(100)
    assert s.state.clock.remaining(clock()) == 500
    s.clock("pause")
    clock.tick(1000)  # paused time does not count
    assert s.state.clock.remaining(clock()) == 500
    s.clock("resume")
    s.clock("extend", 60)
    clock.tick(60)
    assert s.state.clock.remaining(clock()) == 500
    path = s.store.path
    s.close()
    clock.tick(3600)  # the process was gone for an hour: a reopened clock shows it
    s2 = Session.open(path, now=clock)
    assert s2.state.clock.remaining(clock()) == 500 - 3600
    assert s2.state.clock.overtime(clock())
    s2.clock("skip")
    assert s2.state.clock.mode == "done"


def test_clock_format():
    assert mmss(65) == "01:05" and mmss(-90) == "+01:30" and mmss(0.2) == "00:01"
    c = Clock.for_minutes(1).apply("start", 0)
    assert c.remaining(61) == -1


def test_editing_a_move_supersedes_it_and_keeps_history():
    st = fold(log(*STARTED, move("m1", "red", "Sanctions"), move("m2", "red", "Sanctions and talks", private=True)))
    assert not st.refused
    assert st.current_moves()["red"].id == "m2"
    assert [m.action for m in st.move_history("m2")] == ["Sanctions and talks", "Sanctions"]
    assert st.moves["m1"].superseded_by == "m2"
    assert st.pending_teams() == ["blue", "green"]


def test_move_rules(tmp_path):
    s, _, _ = new_session(tmp_path)
    with pytest.raises(EngineError, match="not started"):
        s.record_move("red", "x")
    s.advance()
    with pytest.raises(EngineError, match="no team"):
        s.record_move("purple", "x")
    with pytest.raises(EngineError, match="needs an action"):
        s.record_move("red", "   ")
    with pytest.raises(EngineError, match="limit"):
        s.record_move("red", "x" * 20_001)


def test_idempotent_move_key_records_once(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.advance()
    a = s.record_move("red", "x", key="k1")
    b = s.record_move("red", "x", key="k1")
    assert a.id == b.id and len(s.state.moves) == 1


def test_adjudication_moves_the_world_and_rerule_replaces(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.advance()
    start = s.state.position
    m = s.record_move("red", "x")
    s.adjudicate(m.id, 2, "Works", 1, 0)
    assert s.state.position == (start[0] + 1, start[1])
    s.adjudicate(m.id, -3, "Backfires", 0, 2)  # a new ruling replaces the old push
    assert s.state.position == (start[0], start[1] + 2)
    assert s.state.rulings[m.id].outcome == -3
    with pytest.raises(EngineError):
        s.adjudicate(m.id, 4, "")
    with pytest.raises(EngineError):
        s.adjudicate(m.id, 1, "", 5, 0)


def test_world_is_clamped_and_crossings_recorded():
    pushes = [e for n in range(6) for e in (move(f"m{n}", "red", "x"), ruling(f"m{n}", 3, 3, 0))]
    st = fold(log(*STARTED, *pushes))
    assert not st.refused and len(st.rulings) == 6
    assert st.position[0] == 10, "six pushes of +3 stop at the edge of the map"
    crossings = st.crossings
    assert crossings and crossings[0][0].scenario == "s1" and crossings[0][1].scenario == "s3"


def test_notes_tagged(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.add_note("Good coordination", "strength")
    s.add_note("Write a plan", "action", owner="BZ", due="2027-01-01")
    with pytest.raises(EngineError):
        s.add_note("x", "bogus")
    assert [(n.tag, n.owner) for n in s.state.notes] == [("strength", ""), ("action", "BZ")]


def test_team_codes_and_lockout(tmp_path):
    s, codes, clock = new_session(tmp_path)
    t = Session.open(s.store.path, team="red", now=clock)
    assert t.check_join("red", codes["red"].lower().replace("-", ""))
    assert not t.check_join("red", codes["blue"])
    for _ in range(4):
        t.check_join("red", "WRONG")
    with pytest.raises(EngineError, match="too many"):
        t.check_join("red", codes["red"])
    new = s.new_code("red")
    assert t.check_join("red", new) and not t.check_join("red", codes["red"])


def test_team_role_is_enforced_at_the_store(tmp_path):
    s, _, clock = new_session(tmp_path)
    s.advance()
    t = Session.open(s.store.path, team="red", now=clock)
    t.record_move("red", "ours")
    with pytest.raises(EngineError):
        t.record_move("blue", "theirs")
    with pytest.raises(PermissionDenied):
        t.store.append("move_recorded", {"team": "blue", "move_id": "x"})
    with pytest.raises(PermissionDenied):
        t.store.append("inject_delivered", {"inject": "s1-a2", "how": "bench", "team": "red"})
    with pytest.raises(EngineError, match="only the facilitator"):
        t.advance()
    s.refresh()
    assert s.state.current_moves()["red"].action == "ours"


def test_team_moves_close_at_deadline_until_reopened(tmp_path):
    s, _, clock = new_session(tmp_path)
    s.advance()
    s.clock("start")
    t = Session.open(s.store.path, team="red", now=clock)
    clock.tick(601)
    with pytest.raises(EngineError, match="deadline"):
        t.record_move("red", "late")
    s.record_move("red", "the facilitator may always record")
    s.reopen_moves()
    t.record_move("red", "late but reopened")
    assert s.refresh() and s.state.current_moves()["red"].action == "late but reopened"


def test_end_blocks_further_play(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.advance()
    s.end()
    with pytest.raises(EngineError, match="ended"):
        s.advance()
    with pytest.raises(EngineError, match="ended"):
        s.record_move("red", "x")
    s.add_note("hot-wash remark")  # notes stay possible for the debrief


def test_two_processes_see_each_others_events(tmp_path):
    s, _, clock = new_session(tmp_path)
    other = Session.open(s.store.path, now=clock)
    s.advance()
    assert other.refresh() and other.state.current.inject_id == "s1-a1"
    assert other.refresh() == []


def test_undecodable_text_is_stored_not_crashing(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.advance()
    m = s.record_move("red", "bytes \udcff lost\x00", "r")
    s.add_note("note \ud800")
    assert s.state.moves[m.id].action == "bytes \ufffd lost"
    assert Session.open(s.store.path).state.notes[0].text == "note \ufffd"
