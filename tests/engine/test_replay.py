"""A replay steps through a session read-only: by event, by inject and by round, forward and back, to
any point; the state at each point is what the session was then; the file is never written."""

from __future__ import annotations

import hashlib
from pathlib import Path

from wargame.content import builtin_library
from wargame.engine.replay import Replay
from wargame.engine.session import Session
from wargame.engine.state import fold
from wargame.store import EventStore


def test_every_point_of_the_replay_is_the_session_as_it_was(tmp_path: Path) -> None:
    lib = builtin_library()
    path = tmp_path / "s.wargame"
    s, _ = Session.create(path, lib.decks["demo"], lib, seed=3, lang="en")
    for r in range(3):
        s.next_round() if r else s.advance()
        m = s.record_move("eu", f"move {r + 1}", "", "")
        s.adjudicate(m.id, 1, "", erosion=1)
    s.end()
    s.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with EventStore(path) as store:
        events = store.events()
    replay = Replay.open(path)
    assert replay.end == len(events) and replay.position == 1 and not replay.state.started
    for i in (5, 2, len(events), 1, 9):  # forward, back, to the end, to the start, forward again
        st = replay.seek(i)
        whole = fold(events[:i])
        assert (st.round, st.position, [d.inject_id for d in st.deliveries], sorted(st.moves), st.ended) == \
            (whole.round, whole.position, [d.inject_id for d in whole.deliveries], sorted(whole.moves), whole.ended)
    replay.seek(1)
    rounds = []
    while replay.position < replay.end:
        rounds.append(replay.next_mark("round").round)
    assert rounds == [0, 1, 2, 2]  # round 1, 2, 3, then the end (still round 3)
    replay.previous_mark("inject")
    assert replay.event.kind == "inject_delivered" and replay.state.round == 2
    replay.step(-1)
    assert replay.state.round == 2 and replay.event.kind == "round_started"
    assert replay.seek(10_000).ended and replay.seek(-5).round == -1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "a replay never writes to the session"
