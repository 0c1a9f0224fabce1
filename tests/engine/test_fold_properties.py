"""Property tests: the fold is deterministic, and the JSON export round-trips losslessly."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wargame.engine.session import EngineError, Session
from wargame.engine.state import fold
from wargame.exchange.jsonio import read_export, session_json
from wargame.store import EventStore

from .helpers import FakeClock, new_session

text = st.text(min_size=1, max_size=40)
commands = st.lists(st.one_of(
    st.tuples(st.just("advance")),
    st.tuples(st.just("move"), st.sampled_from(["red", "blue", "green"]), text, st.booleans()),
    st.tuples(st.just("rule"), st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3)),
    st.tuples(st.just("clock"), st.sampled_from(["start", "pause", "resume", "skip"]), st.integers(0, 900)),
    st.tuples(st.just("note"), text, st.sampled_from(["", "strength", "improvement", "action"])),
    st.tuples(st.just("option"), st.sampled_from(["hard", "soft"])),
), max_size=25)


def play(session: Session, clock: FakeClock, script) -> None:
    for cmd in script:
        try:
            if cmd[0] == "advance":
                session.advance()
            elif cmd[0] == "move":
                session.record_move(cmd[1], cmd[2], private=cmd[3])
            elif cmd[0] == "rule" and session.state.moves:
                session.adjudicate(sorted(session.state.moves)[0], cmd[1], "r", cmd[2], cmd[3])
            elif cmd[0] == "clock":
                clock.tick(cmd[2])
                session.clock(cmd[1])
            elif cmd[0] == "note":
                session.add_note(cmd[1], cmd[2])
            elif cmd[0] == "option":
                session.choose_option(cmd[1])
        except EngineError:
            pass  # a command the rules refuse changes nothing


def snapshot(state) -> str:
    return repr((state.round, state.deliveries, state.queue, state.clock, sorted(state.moves.items()),
                 sorted(state.rulings.items()), state.notes, state.path, state.ended, state.options_chosen, state.refused))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=commands)
def test_fold_is_deterministic_and_json_round_trip_is_lossless(script):
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        session, _, clock = new_session(tmp_path)
        play(session, clock, script)
        events = session.store.events()
        half = len(events) // 2  # folding in two parts, as a console polling mid-exercise does, is the same
        assert snapshot(fold(events[half:], fold(events[:half]))) == snapshot(fold(events)) == snapshot(session.state)

        exported = session_json(session.store)
        (tmp_path / "e.json").write_text(exported, encoding="utf-8")
        imported = EventStore.create(tmp_path / "i.wargame", read_export(tmp_path / "e.json"), {})
        assert imported.verify() is None
        assert session_json(imported) == exported
        assert snapshot(Session(imported, clock).state) == snapshot(session.state)
        assert [e["kind"] for e in json.loads(exported)["events"]] == [e.kind for e in events], "every event, in order"
