"""A fork plays round N again: a new file with the parent's log up to round N's start, its own codes
and lineage; the parent never changes; forks of forks work; a round never started is refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from wargame.content import builtin_library
from wargame.engine import events as ev
from wargame.engine.fork import fork
from wargame.engine.session import EngineError, Session
from wargame.store import EventStore


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def played(path: Path, rounds: int) -> Session:
    """The demo played `rounds` rounds: a move and a ruling per round, a note in round 1."""
    lib = builtin_library()
    session, _codes = Session.create(path, lib.decks["demo"], lib, seed=4, lang="en")
    for r in range(rounds):
        if r:
            session.next_round()
        else:
            session.advance()
        move = session.record_move("kabinet-nl", f"R{r + 1} move", "result", "reasons")
        session.adjudicate(move.id, 2, f"ruling {r + 1}", erosion=1)
        if r == 0:
            session.add_note("a note of round 1", tag="strength")
    return session


def test_a_fork_holds_the_rounds_before_and_the_world_as_it_stood(tmp_path: Path) -> None:
    parent = played(tmp_path / "parent.wargame", 3)
    before = parent.state
    parent.close()
    digest_before = digest(tmp_path / "parent.wargame")
    child, codes = fork(tmp_path / "parent.wargame", 2, tmp_path / "child.wargame")
    st = child.state
    assert digest(tmp_path / "parent.wargame") == digest_before, "the parent is never written"
    assert st.session_id == "child" and st.lineage == [{"session_id": "parent", "title": before.title, "round": 2}]
    assert st.round == 0 and [m.action for m in st.moves.values()] == ["R1 move"]
    assert [n.text for n in st.notes] == ["a note of round 1"]
    # the world as it stood when round 2 began: every push of round 1, none of rounds 2 and 3
    at_cut = [p for p in before.path if p.round < 1][-1]
    assert st.position == (at_cut.erosion, at_cut.rapprochement) != before.position
    assert st.path == [p for p in before.path if p.round < 1]
    assert set(codes) == {*st.teams, ev.EVALUATOR, ev.OBSERVER}
    assert all(child.check_join(t, c) for t, c in codes.items())
    child.next_round()  # round 2 again, differently
    move = child.record_move("kabinet-nl", "R2 played otherwise", "", "")
    child.adjudicate(move.id, -2, "it went wrong", erosion=-1)
    assert child.verify() is None
    child.close()
    assert digest(tmp_path / "parent.wargame") == digest_before


def test_forks_of_forks_name_their_lineage_and_bad_rounds_are_refused(tmp_path: Path) -> None:
    played(tmp_path / "a.wargame", 3).close()
    b, _ = fork(tmp_path / "a.wargame", 3, tmp_path / "b.wargame")
    b.close()
    c, _ = fork(tmp_path / "b.wargame", 2, tmp_path / "c.wargame")
    assert [x["session_id"] for x in c.state.lineage] == ["a", "b"]
    assert [x["round"] for x in c.state.lineage] == [3, 2]
    c.close()
    with pytest.raises(EngineError, match=r"round 3 has not started in c\.wargame; it has played up to round 1"):
        fork(tmp_path / "c.wargame", 3, tmp_path / "d.wargame")
    with pytest.raises(EngineError, match="the deck has rounds 1 to 3"):
        fork(tmp_path / "a.wargame", 9, tmp_path / "d.wargame")
    with pytest.raises(EngineError, match="already exists"):
        fork(tmp_path / "a.wargame", 1, tmp_path / "b.wargame")
    assert not (tmp_path / "d.wargame").exists()


def test_the_parents_codes_and_sign_ins_stay_with_the_parent(tmp_path: Path) -> None:
    parent = played(tmp_path / "p.wargame", 2)
    old = parent.new_code("eu")
    assert parent.check_join("eu", "WRONG-CODE") is False
    parent.close()
    child, codes = fork(tmp_path / "p.wargame", 2, tmp_path / "f.wargame")
    with EventStore(tmp_path / "p.wargame") as store:
        assert {"code_set", "join_failed"} <= {e.kind for e in store.events()}
    with EventStore(tmp_path / "f.wargame") as store:
        assert not {e.kind for e in store.events()} & {"code_set", "join_failed", "join_succeeded"}
    assert child.state.failed_joins == {}
    assert not child.check_join("eu", old) and child.check_join("eu", codes["eu"])
    child.close()


def test_the_debrief_of_a_fork_names_its_lineage(tmp_path: Path) -> None:
    from wargame.report.debrief import write_debrief
    from wargame.report.markdown import session_markdown

    from ..report.conftest import flat, pdf_text

    played(tmp_path / "room-a.wargame", 2).close()
    child, _ = fork(tmp_path / "room-a.wargame", 2, tmp_path / "room-a-again.wargame")
    md = session_markdown(child.state)
    assert "Forked from" in md and "(room-a), playing round 2 again" in md
    write_debrief(child.state, tmp_path / "d.pdf")
    text = flat("\n".join(pdf_text(tmp_path / "d.pdf")))
    assert "Forked from" in text and "playing round 2 again" in text
    nl = session_markdown(child.state, lang="nl")
    assert "Afgesplitst van" in nl and "ronde 2 opnieuw gespeeld" in nl
    child.close()


def test_a_fork_keeps_the_observations_of_the_rounds_before_but_not_the_ratings(tmp_path: Path) -> None:
    """A rating judges a team's whole road, which the fork plays anew; what an evaluator wrote in the
    rounds both roads share stays, like the moves."""
    parent = played(tmp_path / "p.wargame", 1)
    objective = parent.state.deck.objectives[0].id
    parent.record_observation(objective, "kabinet-nl", 0, "seen in round 1", author="An")
    parent.rate(objective, "kabinet-nl", "M", "too slow", author="An")
    parent.set_evaluator_access(True)
    parent.next_round()
    parent.close()
    child, _codes = fork(tmp_path / "p.wargame", 2, tmp_path / "f.wargame")
    assert [o.text for o in child.state.observations] == ["seen in round 1"]
    assert child.state.ratings == {} and child.state.evaluators_see_private is False
    child.close()
