"""The replay in the terminal: the keys step through the session, the screen and the wall show it as
it was at that point, in the session's language, and the file is never written."""

from __future__ import annotations

import hashlib

from wargame.app.replay import make_replay_app
from wargame.engine.session import Session

from .conftest import FakeClock, new_session, screen_text


def played(path, lang: str = "en") -> None:
    session, _ = new_session(path, FakeClock(), lang=lang)
    session.advance()
    m = session.record_move("kabinet-nl", "Convene the NCTV", "", "")
    session.adjudicate(m.id, 2, "", erosion=1)
    session.close()


async def test_stepping_through_a_session_and_the_wall_following(tmp_path):
    path = tmp_path / "r.wargame"
    played(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    app = make_replay_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        assert "event 1 of" in screen_text(app) and "the session was created" in screen_text(app)
        await pilot.press("bracketright")  # to the first inject's delivery
        await pilot.pause()
        assert app.replay.event.kind == "inject_delivered"
        assert "an inject was delivered" in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert "a move was ruled" in screen_text(app) and "Convene the N" in screen_text(app)
        assert "→ Next event" in screen_text(app) and "PgDn Next round" in screen_text(app)
        await pilot.press("p")  # the wall follows the replay
        await pilot.pause()
        assert type(app.screen).__name__ == "ProjectorScreen"
        await pilot.press("home")
        await pilot.pause()
        assert app.replay.position == 1 and not app.replay.state.started
        await pilot.press("s", "p")  # the wall's clock key does nothing in a replay; back to the replay
        await pilot.pause()
        assert type(app.screen).__name__ == "ReplayScreen"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    Session.open(path).close()


async def test_a_dutch_session_replays_in_dutch(tmp_path):
    path = tmp_path / "nl.wargame"
    played(path, lang="nl")
    app = make_replay_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "Terugblik · gebeurtenis" in text and "een zet werd beoordeeld" in text
        assert "Volgende" in text and "Next event" not in text


async def test_go_to_a_point_on_the_timeline(tmp_path):
    path = tmp_path / "g.wargame"
    played(path)
    app = make_replay_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert type(app.screen).__name__ == "GoTo" and "Round 1: Covert escalation" in screen_text(app)
        await pilot.press("down", "enter")  # the round's start, then its first inject
        await pilot.pause()
        inject_mark = app.replay.marks[1]
        assert type(app.screen).__name__ == "ReplayScreen"
        assert app.replay.position == inject_mark.position and app.replay.event.kind == "inject_delivered"
        await pilot.press("g", "escape")
        assert app.replay.position == inject_mark.position
