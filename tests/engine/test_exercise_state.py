"""Moves per inject, tracks beside the axes and objective marks: what the facilitator and the debrief rely on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from wargame.engine import events as ev
from wargame.engine.session import EngineError, Session
from wargame.model import Brief, Objective, Text, Track, TrackPush
from wargame.store import PermissionDenied

from .helpers import FakeClock, mini_library
from .test_integrity import raw
from .test_saved_state import every_field


def t(s: str) -> Text:
    return Text(nl=s, en=s)


def tracked(tmp_path: Path) -> tuple[Session, FakeClock]:
    """The mini deck with two tracks and a brief for red; s1-a1 pushes cohesion -1, s1-branch's hard option +2."""
    lib = mini_library()
    lib.injects["s1-a1"] = replace(lib.injects["s1-a1"], tracks=(TrackPush(track="cohesie", by=-1),
                                                                   TrackPush(track="elders", by=3)))
    branch = lib.injects["s1-branch"]
    hard = replace(branch.options[0], tracks=(TrackPush(track="cohesie", by=2),))
    lib.injects["s1-branch"] = replace(branch, options=(hard, *branch.options[1:]))
    deck = replace(lib.decks["mini"],
                   tracks=(Track(id="cohesie", name=t("EU-cohesie"), low=-3, high=3, start=0),
                           Track(id="steun", name=t("Draagvlak"), start=2)),
                   briefs=(Brief(team="red", role=t("Rood"),
                                 objectives=(Objective(id="unity", text=t("Houd de EU bijeen")),
                                             Objective(id="deter", text=t("Schrik af")))),))
    clock = FakeClock()
    session, _ = Session.create(tmp_path / "t.wargame", deck, lib, seed=1, now=clock, lang="en")
    return session, clock


# --- moves per inject --------------------------------------------------------------------------

def test_a_move_for_the_second_inject_of_a_round_does_not_replace_the_first(tmp_path):
    s, _ = tracked(tmp_path)
    s.advance()
    first = s.record_move("red", "answer to the first")
    s.advance()  # the round's second inject
    assert s.state.current.inject_id == "s1-branch"
    assert s.state.pending_teams() == ["red", "blue", "green"], "nobody has answered the inject being played"
    second = s.record_move("red", "answer to the second")
    assert (first.inject, second.inject) == ("s1-a1", "s1-branch") and second.supersedes is None
    assert s.state.pending_teams() == ["blue", "green"]
    again = s.record_move("red", "the first, revised", inject="s1-a1")
    assert again.supersedes == first.id and s.state.moves[first.id].superseded_by == again.id
    assert [m.action for m in s.state.round_moves(0)] == ["answer to the second", "the first, revised"]
    assert s.state.answers("s1-a1")["red"].action == "the first, revised"
    with pytest.raises(EngineError, match="no inject 's2-a1' was delivered in this round"):
        s.record_move("red", "too early", inject="s2-a1")


def test_the_fold_refuses_a_move_answering_an_inject_not_delivered_in_the_round(tmp_path):
    s, _ = tracked(tmp_path)
    s.advance()
    s.close()
    raw(s.store.path, ev.MOVE, {"move_id": "m-x", "team": "red", "round": 0, "action": "x", "result": "",
                                "reasons": "", "private": False, "inject": "s2-a1"})
    st = Session.open(s.store.path).state
    assert "m-x" not in st.moves and "not delivered in this round" in st.refused[-1][1]


# --- tracks ------------------------------------------------------------------------------------

def test_injects_options_and_rulings_push_the_tracks_within_their_range(tmp_path):
    s, _ = tracked(tmp_path)
    assert s.state.tracks == {"cohesie": 0, "steun": 2}
    s.advance()  # s1-a1: cohesie -1; its push on "elders", a track this deck lacks, is ignored
    assert s.state.tracks == {"cohesie": -1, "steun": 2}
    s.advance()
    s.choose_option("hard")  # cohesie +2
    assert s.state.tracks["cohesie"] == 1
    m = s.record_move("blue", "a bold move")
    s.adjudicate(m.id, 2, "works", tracks={"cohesie": 3, "steun": -1})
    assert s.state.tracks == {"cohesie": 3, "steun": 1}, "cohesie stops at the top of its range"
    s.adjudicate(m.id, 1, "works less", tracks={"steun": 1})  # replaces the pushes of the first ruling
    assert s.state.tracks == {"cohesie": 1, "steun": 3}
    causes = [(p.track, p.value, p.cause) for p in s.state.track_path]
    assert causes[:3] == [("cohesie", 0, "start"), ("steun", 2, "start"), ("cohesie", -1, "inject:s1-a1")]
    assert ("cohesie", 1, "option:s1-branch/hard") in causes and causes[-1] == ("steun", 3, f"ruling:{m.id}")
    with pytest.raises(EngineError, match="no track 'elders'"):
        s.adjudicate(m.id, 1, tracks={"elders": 1})
    with pytest.raises(EngineError, match="-3 to \\+3"):
        s.adjudicate(m.id, 1, tracks={"steun": 4})


# --- objective marks ---------------------------------------------------------------------------

def test_the_facilitator_marks_each_team_objective_and_a_team_cannot(tmp_path):
    s, clock = tracked(tmp_path)
    s.advance()
    s.end()
    s.mark_objective("red", "unity", "partly", "Hongarije scheerde uit")
    s.mark_objective("red", "unity", "met", "in de tweede lezing wel")
    s.mark_objective("red", "deter", "not_met")
    marks = s.state.objective_marks
    assert (marks[("red", "unity")].mark, marks[("red", "unity")].reasons) == ("met", "in de tweede lezing wel")
    assert marks[("red", "deter")].mark == "not_met"
    with pytest.raises(EngineError, match="no objective 'unity'"):
        s.mark_objective("blue", "unity", "met")
    with pytest.raises(EngineError, match="met, partly or not_met"):
        s.mark_objective("red", "unity", "great")
    team = Session.open(s.store.path, team="red", now=clock)
    with pytest.raises(PermissionDenied):
        team.store.append(ev.OBJECTIVE, {"team": "red", "objective": "unity", "mark": "met"})


def test_tracks_and_marks_survive_the_saved_state_and_the_fold_alike(tmp_path):
    s, clock = tracked(tmp_path)
    s.close()
    s = Session.open(s.store.path, now=clock, resume=True)
    s.advance()
    m = s.record_move("red", "x")
    s.adjudicate(m.id, 1, tracks={"steun": -2})
    s.mark_objective("red", "deter", "partly", "half")
    s.close()  # saves the state
    again = Session.open(s.store.path, now=clock, resume=True)
    assert again._saved_at == s.state.last_event_id
    assert every_field(again.state) == every_field(Session.open(s.store.path, now=clock).state)
    assert again.state.tracks["steun"] == 0 and again.state.objective_marks[("red", "deter")].reasons == "half"


def test_only_the_teams_an_inject_addresses_are_waited_for_yet_any_team_may_answer_it(tmp_path):
    lib = mini_library()
    lib.injects["s1-branch"] = replace(lib.injects["s1-branch"], targets=("blue",))
    s, _ = Session.create(tmp_path / "a.wargame", lib.decks["mini"], lib, seed=1, now=FakeClock(), lang="en")
    s.advance()
    s.record_move("red", "red answers the first")
    s.advance()  # s1-branch, for blue alone
    assert s.state.pending_teams() == ["blue"], "only the teams the inject is addressed to are waited for"
    assert s.record_move("red", "red revises", inject="s1-a1").inject == "s1-a1"
    assert s.record_move("green", "green acts all the same").inject == "s1-branch", \
        "a team an inject does not address may still act in the round"
