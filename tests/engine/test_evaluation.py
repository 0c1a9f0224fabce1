"""Evaluation in the engine: evaluators and observers sign in with codes of their own, an evaluator
observes and rates (HSEEP P/S/M/U) but never moves, the facilitator records the hot wash, teams give
feedback at the end, and the improvement plan's actions carry an objective and a status."""

from __future__ import annotations

import pytest

from wargame.engine import events as ev
from wargame.engine.session import EngineError, Session
from wargame.engine.snapshot import restore, save
from wargame.engine.state import fold
from wargame.store import PermissionDenied
from wargame.views import evaluation
from wargame.views.visibility import evaluator_moves

from .helpers import STARTED, log, mini_library, new_session


def _played(tmp_path):
    """A mini session in its last round with a public and a private move, then ended."""
    s, codes, clock = new_session(tmp_path)
    s.advance()
    s.record_move("red", "public move")
    s.record_move("blue", "secret move", private=True)
    while s.state.has_next_round():
        s.next_round()
    return s, codes, clock


def _evaluator(s: Session, codes: dict[str, str]) -> Session:
    e = Session.open(s.store.path, team=ev.EVALUATOR, now=s.now)
    assert e.check_join(ev.EVALUATOR, codes[ev.EVALUATOR])
    return e


def test_the_seats_sign_in_with_their_own_codes_not_a_teams(tmp_path):
    s, codes, _ = new_session(tmp_path)
    assert {ev.EVALUATOR, ev.OBSERVER} <= set(codes) and codes[ev.EVALUATOR] != codes[ev.OBSERVER]
    e = Session.open(s.store.path, team=ev.EVALUATOR)
    assert not e.check_join(ev.EVALUATOR, codes["red"]), "a team's code does not open the evaluator's seat"
    assert e.check_join(ev.EVALUATOR, codes[ev.EVALUATOR])
    red = Session.open(s.store.path, team="red")
    assert not red.check_join("red", codes[ev.EVALUATOR])
    new = s.new_code(ev.OBSERVER)
    o = Session.open(s.store.path, team=ev.OBSERVER)
    assert not o.check_join(ev.OBSERVER, codes[ev.OBSERVER]) and o.check_join(ev.OBSERVER, new)


def test_an_evaluator_observes_and_rates_but_never_moves(tmp_path):
    s, codes, _ = _played(tmp_path)
    e = _evaluator(s, codes)
    e.record_observation("cohesion", "red", 0, "Red kept the line.", kind="strength", author="An")
    e.rate("cohesion", "red", "S", "Some hesitation", author="An")
    e.rate("cohesion", "red", "P", "On reflection: clean", author="An")  # again: replaces An's rating
    e.rate("cohesion", "red", "M", "Slow", author="Bram")
    with pytest.raises(EngineError):
        e.record_move("red", "a move by the evaluator")
    with pytest.raises(PermissionDenied):  # and the store refuses it written around the engine
        e.store.append_all([(ev.MOVE, {"move_id": "x", "team": "red", "round": e.state.round, "action": "a",
                                       "result": "", "reasons": "", "private": False})], expect=e.state.last_event_id)
    with pytest.raises(EngineError, match="name"):
        e.rate("cohesion", "red", "P")
    s.refresh()
    ratings = {(r.author, r.rating) for r in s.state.ratings.values()}
    assert ratings == {("An", "P"), ("Bram", "M")}
    [obs] = s.state.observations
    assert (obs.objective, obs.team, obs.round, obs.kind, obs.author, obs.actor) == \
        ("cohesion", "red", 0, "strength", "An", "evaluator")
    view = evaluation.build(s.state, lang="en")
    cohesion = view.objectives[0]
    assert cohesion.teams[0].letters == "P/M" and cohesion.strengths[0].text == "Red kept the line."


def test_an_observer_reads_and_writes_nothing(tmp_path):
    s, codes, _ = _played(tmp_path)
    o = Session.open(s.store.path, team=ev.OBSERVER)
    assert o.check_join(ev.OBSERVER, codes[ev.OBSERVER])
    with pytest.raises(EngineError):
        o.record_observation("cohesion", "red", 0, "seen", author="Olga")
    with pytest.raises(PermissionDenied):
        o.store.append_all([(ev.OBSERVATION, {"observation_id": "x", "objective": "cohesion", "team": "red",
                                              "round": 0, "text": "t", "author": "Olga"})],
                           expect=o.state.last_event_id)


def test_private_moves_reach_evaluators_only_when_the_facilitator_allows(tmp_path):
    s, _, _ = _played(tmp_path)
    assert [m.action for m in evaluator_moves(s.state)] == ["public move"]
    s.set_evaluator_access(True)
    assert [m.action for m in evaluator_moves(s.state)] == ["public move", "secret move"]
    s.set_evaluator_access(False)
    assert [m.action for m in evaluator_moves(s.state)] == ["public move"]


def test_the_hot_wash_is_recorded_after_the_last_round_only(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.advance()
    with pytest.raises(EngineError, match="last round"):
        s.answer_hotwash("hw1", "too early")
    while s.state.has_next_round():
        s.next_round()
    s.answer_hotwash("hw1", "We all agreed.")
    s.end()
    s.answer_hotwash("hw1", "Blue disagreed.", team="blue")
    assert [(a.team, a.text) for a in s.state.hotwash_answers] == [("", "We all agreed."), ("blue", "Blue disagreed.")]
    [q] = evaluation.build(s.state, lang="en").hotwash
    assert [(a.team, a.text) for a in q.answers] == [("plenary", "We all agreed."), ("BLUE", "Blue disagreed.")]


def test_feedback_is_given_at_the_end_and_shown_only_in_aggregate(tmp_path):
    s, codes, _ = _played(tmp_path)
    red = Session.open(s.store.path, team="red", now=s.now)
    assert red.check_join("red", codes["red"])
    with pytest.raises(EngineError, match="ended"):
        red.give_feedback("red", {"cohesion": 4}, "early")
    s.end()
    red.give_feedback("red", {"cohesion": 4, "opening": 2}, "Zebra: more time")
    red.give_feedback("red", {"cohesion": 5}, "")
    with pytest.raises(EngineError):
        red.give_feedback("blue", {"cohesion": 1}, "as blue")
    with pytest.raises(EngineError):
        red.give_feedback("red", {"cohesion": 6})
    s.refresh()
    assert evaluation.build(s.state, lang="en").objectives[0].feedback is None, "two forms: figures withheld"
    s.give_feedback("blue", {"cohesion": 3}, "Apple: clear injects")
    view = evaluation.build(s.state, lang="en")
    fig = view.objectives[0].feedback
    assert fig is not None and (fig.responses, fig.mean, fig.counts) == (3, 4.0, (0, 0, 1, 1, 1))
    assert view.objectives[1].feedback is None, "one form rated it: its figure would be that participant's rating"
    assert view.withheld == [2], "and the report says so"
    assert view.comments == ["Apple: clear injects", "Zebra: more time"], "sorted, so order tells nothing"
    assert evaluation.build(s.state, team="red", lang="en").comments == [], "comments: the facilitator's debrief only"


def test_a_team_handout_holds_only_evaluation_of_that_team(tmp_path):
    s, codes, _ = _played(tmp_path)
    e = _evaluator(s, codes)
    e.record_observation("opening", "blue", 0, "Blue's secret channel", author="An")
    e.record_observation("opening", "red", 0, "Red waited", kind="improvement", author="An")
    e.rate("opening", "blue", "U", "no opening", author="An")
    s.refresh()
    red = evaluation.build(s.state, team="red", lang="en")
    texts = [v.text for o in red.objectives for v in (*o.strengths, *o.improvements, *o.observations)]
    assert texts == ["Red waited"]
    assert [tr.team_id for o in red.objectives for tr in o.teams] == ["red"] * 3


def test_actions_carry_objective_and_status(tmp_path):
    s, _, _ = new_session(tmp_path)
    note = s.add_note("Draft an EU position paper", "action", "BZ", "2027-03-01", objective="course")
    s.set_action_status(note.data["note_id"], "in_progress")
    with pytest.raises(EngineError):
        s.add_note("x", "action", objective="no-such-objective")
    with pytest.raises(EngineError):
        s.set_action_status(note.data["note_id"], "finished")
    [a] = evaluation.build(s.state, lang="en").actions
    assert (a.action, a.objective, a.owner, a.due, a.status) == \
        ("Draft an EU position paper", "Set a course", "BZ", "2027-03-01", "in progress")


def test_forged_evaluation_events_are_left_out_of_the_state():
    events = log(*STARTED,
                 (ev.RATING, {"objective": "cohesion", "team": "red", "rating": "X", "reasons": "", "author": "a"}),
                 (ev.RATING, {"objective": "nope", "team": "red", "rating": "P", "reasons": "", "author": "a"}),
                 (ev.OBSERVATION, {"observation_id": "o", "objective": "cohesion", "team": "red", "round": 5,
                                   "text": "future", "author": "a"}),
                 (ev.FEEDBACK, {"feedback_id": "f", "team": "red", "ratings": {"cohesion": 3}, "text": "early"}),
                 (ev.HOTWASH, {"answer_id": "h", "question": "nope", "text": "?"}))
    team_rating = events[-1]._replace(id=len(events) + 1, actor="team:red", kind=ev.RATING,
                                      data={"objective": "cohesion", "team": "red", "rating": "P", "reasons": "",
                                            "author": "red itself"})
    st = fold([*events, team_rating])
    assert not st.ratings and not st.observations and not st.feedback and not st.hotwash_answers
    assert len(st.refused) == 6


def test_the_saved_state_holds_the_evaluation(tmp_path):
    s, codes, _ = _played(tmp_path)
    e = _evaluator(s, codes)
    e.record_observation("course", "", 0, "The room converged", author="An")
    e.rate("course", "green", "S", "ok", author="An")
    s.end()
    s.give_feedback("green", {"course": 2}, "hm")
    s.answer_hotwash("hw1", "yes")
    s.refresh()
    copy = fold(s.store.events(0, upto=1))
    restore(copy, save(s.state))
    assert copy.observations == s.state.observations and copy.ratings == s.state.ratings
    assert copy.feedback == s.state.feedback and copy.hotwash_answers == s.state.hotwash_answers


def test_an_objective_is_rated_only_for_the_teams_it_names(tmp_path):
    import dataclasses

    lib = mini_library()
    deck = lib.decks["mini"]
    opening = dataclasses.replace(deck.objectives[1], teams=("red", "blue"))
    deck = dataclasses.replace(deck, objectives=(deck.objectives[0], opening, deck.objectives[2]))
    s, codes = Session.create(tmp_path / "t.wargame", deck, lib, seed=7)
    s.advance()
    e = _evaluator(s, codes)
    with pytest.raises(EngineError, match="not rated for team 'green'"):
        e.rate("opening", "green", "P", author="An")  # green plays against it
    e.record_observation("opening", "green", 0, "Green tried to block the opening", author="An")  # still observed
    e.rate("opening", "red", "S", author="An")
    forged = fold([*s.store.events(), s.store.events()[-1]._replace(
        id=s.state.last_event_id + 1, data={"objective": "opening", "team": "green", "rating": "U", "reasons": "",
                                            "author": "An"})])
    assert ("An", "green", "opening") not in forged.ratings and forged.refused
    s.refresh()
    opening = evaluation.build(s.state, lang="en").objectives[1]
    assert [(tr.team_id, tr.letters) for tr in opening.teams] == [("red", "S"), ("blue", "—"), ("green", "")]


def test_a_deck_refuses_an_objective_rated_for_a_team_it_does_not_have():
    import dataclasses

    from wargame.model import ExerciseObjective

    deck = mini_library().decks["mini"]
    stray = dataclasses.replace(deck.objectives[0], teams=("purple",))
    with pytest.raises(ValueError, match="'purple', which is not a team of this deck"):
        dataclasses.replace(deck, objectives=(stray, *deck.objectives[1:]))
    assert isinstance(stray, ExerciseObjective)


def test_a_form_or_observation_sent_again_with_its_key_is_recorded_once(tmp_path):
    """A console that cannot tell whether its send was committed sends again with the same key."""
    s, codes, _ = _played(tmp_path)
    e = _evaluator(s, codes)
    for _ in range(2):
        e.record_observation("course", "red", 0, "Red chose late", author="An", key="observation-1")
    s.end()
    for _ in range(2):
        s.give_feedback("red", {"course": 4}, "fine", key="feedback-1")
    s.give_feedback("red", {"course": 4}, "fine", key="feedback-2")  # another participant, the same answers
    s.refresh()
    assert len(s.state.observations) == 1 and len(s.state.feedback) == 2
