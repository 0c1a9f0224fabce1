"""The state a facilitator's console saves at close: the next open starts from it and folds only what
came after, and gives exactly the state a whole fold gives; a saved state that no longer matches its
log, or was made by another version, is never used; an edited log is still named."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from pathlib import Path

from wargame.engine import events as ev
from wargame.engine import snapshot
from wargame.engine.session import Session
from wargame.engine.state import SessionState
from wargame.store import EventStore

from .helpers import FakeClock, new_session
from .test_integrity import raw


def every_field(state: SessionState) -> dict[str, str]:
    """Each field of the state as text: the content by its ids, the rest whole."""
    out = {}
    for f in fields(SessionState):
        value = getattr(state, f.name)
        out[f.name] = repr(sorted(value) if isinstance(value, dict) and f.name in snapshot.CONTENT else value)
    return out


def rich(tmp_path: Path) -> tuple[Path, FakeClock]:
    """A session with a bit of everything the state holds, closed by a facilitator's console."""
    session, _, clock = new_session(tmp_path)
    session.close()
    s = Session.open(session.store.path, now=clock, resume=True)
    s.advance()
    s.clock("start")
    clock.tick(30)
    s.clock("pause")
    first = s.record_move("red", "plan A", "r", "why", private=True)
    s.record_move("red", "plan B supersedes A")
    s.adjudicate(s.state.current_moves()["red"].id, 2, "well done", 1, -1)
    s.adjudicate(s.state.current_moves()["red"].id, 1, "ruled again", 2, 0)
    s.record_move("blue", "blue's plan")
    s.add_note("a strength", "strength")
    assert not s.check_join("green", "WRONG-CODE")
    s.set_language("en")
    s.advance()
    s.close()
    raw(s.store.path, ev.MOVE, {"move_id": first.id, "team": "green", "round": 0, "action": "x", "result": "",
                                "reasons": "", "private": False})  # written around the engine: refused
    s = Session.open(s.store.path, now=clock, resume=True)
    s.record_move("green", "green, after the refused one")
    s.close()
    return s.store.path, clock


def test_a_console_opens_from_the_saved_state_to_exactly_the_state_of_a_whole_fold(tmp_path):
    path, clock = rich(tmp_path)
    again = Session.open(path, now=clock, resume=True)
    assert again._saved_at > 0, "the facilitator's console saved its state when it closed"
    whole = Session.open(path, now=clock)
    assert again.state.refused and again.state.failed_joins == {"green": 1}
    assert every_field(again.state) == every_field(whole.state)
    again.close()
    whole.close()


def test_every_field_of_the_state_is_saved_or_rebuilt_from_the_content(tmp_path):
    names = {f.name for f in fields(SessionState)}
    assert names == set(snapshot.SAVED) | snapshot.CONTENT


def test_what_other_consoles_write_after_the_close_is_folded_on_top(tmp_path):
    path, clock = rich(tmp_path)
    team = Session.open(path, team="blue", now=clock, resume=True)
    team.record_move("blue", "written after the facilitator closed")
    team.close()
    with EventStore(path) as store:
        saved_at = store.saved_state(snapshot.FORMAT)[0]
    assert saved_at < team.state.last_event_id, "a team's close saves no state"
    again = Session.open(path, now=clock, resume=True)
    assert again.state.current_moves()["blue"].action == "written after the facilitator closed"
    assert every_field(again.state) == every_field(Session.open(path, now=clock).state)


def test_an_old_event_edited_in_place_is_named_once_the_console_checks_the_chain(tmp_path):
    path, clock = rich(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE events SET data=replace(data, 'plan A', 'plan Z') WHERE kind='move_recorded'")
    s = Session.open(path, now=clock, resume=True)
    assert s.verify() is not None and "was changed after it was recorded" in s.state.altered
    assert "plan Z" not in repr(s.state.moves), "nothing edited reaches the screen through the saved state"
    s.record_move("blue", "a last word")
    s.close()
    with EventStore(path) as store:
        saved = store.saved_state(snapshot.FORMAT)
    assert saved is not None and saved[0] < s.state.last_event_id, "an altered log's state is never saved"


def test_a_log_rewritten_and_rechained_before_the_saved_event_is_folded_whole(tmp_path):
    path, clock = rich(tmp_path)
    with EventStore(path) as store:
        rows = store.conn.execute("SELECT id, key, kind, actor, at, data FROM events ORDER BY id").fetchall()
    from wargame.store.chain import GENESIS, link

    previous = GENESIS
    with sqlite3.connect(path) as db:  # a careful forger: every hash recomputed
        for event_id, key, kind, actor, at, data in rows:
            data = data.replace("plan A", "plan Z")
            previous = link(previous, event_id, key, kind, actor, at, data)
            db.execute("UPDATE events SET data=?, hash=? WHERE id=?", (data, previous, event_id))
    s = Session.open(path, now=clock, resume=True)
    assert s._saved_at == 0, "the saved state no longer matches its event: not used"
    assert any(m.action == "plan Z" for m in s.state.moves.values()), "the state is the fold of the log as it is"
    s.close()


def test_a_saved_state_of_another_version_or_unreadable_is_never_used(tmp_path):
    path, clock = rich(tmp_path)
    whole = every_field(Session.open(path, now=clock).state)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE saved_state SET format='state-0 wargame-0.0.1'")
    s = Session.open(path, now=clock, resume=True)
    assert s._saved_at == 0 and every_field(s.state) == whole
    s.close()  # saves again, made by this version
    with sqlite3.connect(path) as db:
        db.execute("UPDATE saved_state SET state='{\"round\": 5}'")
    s = Session.open(path, now=clock, resume=True)
    assert s._saved_at == 0 and every_field(s.state) == whole
    s.close()


def test_the_saved_state_is_not_part_of_an_export(tmp_path):
    from wargame.exchange.jsonio import session_json

    path, clock = rich(tmp_path)
    with EventStore(path) as store:
        assert store.saved_state(snapshot.FORMAT) is not None
        assert "saved_state" not in session_json(store) and "failed_joins" not in session_json(store)
