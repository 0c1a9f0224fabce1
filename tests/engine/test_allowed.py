"""What the facilitator may do now: one rule (engine.allowed), folded from event lists without a session file."""

from __future__ import annotations

import pytest

from wargame.engine import events as ev
from wargame.engine.allowed import Command, allowed, refusal
from wargame.engine.session import EngineError, Session
from wargame.engine.state import fold

from .helpers import STARTED, FakeClock, log, new_session


def test_before_the_start_only_starting_the_bench_and_notes():
    assert allowed(fold(log())) == {Command.START, Command.BENCH, Command.NOTE}
    assert refusal(fold(log()), Command.MOVE) == "the exercise has not started yet"


def test_the_clock_offers_what_its_mode_allows():
    idle = allowed(fold(log(*STARTED)))
    assert Command.CLOCK_START in idle and Command.CLOCK_PAUSE not in idle and Command.START not in idle
    running = allowed(fold(log(*STARTED, (ev.CLOCK, {"action": "start"}))))
    assert Command.CLOCK_PAUSE in running and Command.CLOCK_START not in running
    paused = fold(log(*STARTED, (ev.CLOCK, {"action": "start"}), (ev.CLOCK, {"action": "pause"})))
    assert Command.CLOCK_RESUME in allowed(paused) and refusal(paused, Command.CLOCK_PAUSE) == "the clock is not running"
    done = allowed(fold(log(*STARTED, (ev.CLOCK, {"action": "skip"}))))
    assert not done & {Command.CLOCK_START, Command.CLOCK_SKIP, Command.EXTEND}


def test_options_once_per_inject_and_next_round_only_with_one_left():
    branch = (ev.INJECT_DELIVERED, {"inject": "s1-branch", "how": "fixed", "slot": 1})
    st = fold(log(*STARTED, branch))
    assert Command.OPTIONS in allowed(st) and Command.NEXT_ROUND in allowed(st)
    option = st.current_inject.options[0].id
    chosen = fold(log(*STARTED, branch, (ev.OPTION_CHOSEN, {"inject": "s1-branch", "option": option})))
    assert refusal(chosen, Command.OPTIONS) == "an option was already chosen for this inject"
    last = fold(log(*STARTED, (ev.ROUND_STARTED, {"round": 1}), (ev.ROUND_STARTED, {"round": 2})))
    assert last.round == 2 and not last.refused
    assert refusal(last, Command.NEXT_ROUND) == "this was the last round; end the exercise"


def test_after_the_end_only_notes_the_hot_wash_and_the_debrief():
    st = fold(log(*STARTED, (ev.ENDED, {})))
    assert allowed(st) == {Command.NOTE, Command.DEBRIEF, Command.HOTWASH}


def test_the_engine_refuses_what_the_rule_refuses(tmp_path):
    """A command the console would not offer is refused by the engine too, with the rule's words."""
    s, _, _ = new_session(tmp_path)
    with pytest.raises(EngineError, match="has not started"):
        s.record_move("red", "too early")
    s.advance()
    s.clock("start")
    with pytest.raises(EngineError, match="already been started"):
        s.clock("start")
    assert Command.CLOCK_PAUSE in s.allowed()
    team = Session.open(tmp_path / "s.wargame", team="red", now=FakeClock())
    assert team.allowed() == frozenset(), "a team console is offered none of the facilitator's commands"
    team.close()
    s.end()
    with pytest.raises(EngineError, match="has ended"):
        s.advance()
    s.close()
