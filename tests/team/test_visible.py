"""What a team may see, and the submit keys: pure functions."""

from __future__ import annotations

from wargame.app.team.ui import Attempts, Draft, phase
from wargame.views.visibility import own_moves, own_ruling, visible_inject

from .helpers import make_session


def test_attempts_reuse_the_key_only_for_a_retry_of_the_same_move():
    a = Attempts()
    d = Draft("act", "res", "why", False)
    k1 = a.key_for(0, d)
    assert a.key_for(0, d) == k1  # a retry
    assert a.key_for(0, Draft("act", "res", "why", True)) != k1  # changed: a new move
    k2 = a.key_for(0, d)
    a.committed()
    assert a.key_for(0, d) not in (k1, k2)  # the same text again after a success: a new version
    k3 = a.key_for(0, d)
    assert a.key_for(1, d) != k3  # another round


def test_own_moves_only_and_rulings_survive_edits(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    first = fac.record_move("red", "v1")
    fac.record_move("blue", "secret", private=True)
    fac.adjudicate(first.id, 1, "ok")
    second = fac.record_move("red", "v2")
    st = fac.state
    assert [m.id for m in own_moves(st, "red")] == [second.id]
    assert own_ruling(st, second).move_id == first.id  # the ruling on the earlier version
    assert all(m.team == "red" for m in own_moves(st, "red"))


def test_phase_follows_the_clock(tmp_path):
    fac, codes, clock, path = make_session(tmp_path, start=False)
    assert phase(fac.state, clock()) == "not-started"
    fac.advance()
    assert phase(fac.state, clock()) == "open"
    fac.clock("start")
    clock.tick(10 * 60 + 1)
    assert phase(fac.state, clock()) == "closed"
    fac.reopen_moves()
    assert phase(fac.state, clock()) == "reopened"
    fac.end()
    assert phase(fac.state, clock()) == "ended"
    assert visible_inject(fac.state, "red") is not None
