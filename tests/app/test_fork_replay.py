"""Replay and fork from the facilitator's app (#16): Home replays a recent session (or a typed file),
read only, with the wall following; the console plays round N again in a new session and opens its
console with the new codes, the parent unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path

from textual.widgets import Input, Select

from wargame.app.app import make_app
from wargame.engine.session import Session
from wargame.store import EventStore, sessions_dir

from ..waiting import until
from .conftest import FakeClock, app_library, new_session, screen_text


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def played(path: Path, clock: FakeClock, lang: str = "en") -> None:
    """Round 1 with a ruled move and a note, then round 2 started with a move of its own."""
    session, _codes = new_session(path, clock, lang=lang)
    session.advance()
    m = session.record_move("kabinet-nl", "Convene the NCTV", "", "")
    session.adjudicate(m.id, 2, "", erosion=1)
    session.add_note("Attribution first", "strength")
    clock.tick(60)
    session.next_round()
    session.record_move("eu", "Call the Council", "", "")
    session.close()


def log(path: Path) -> list[tuple[str, str]]:
    store = EventStore(path)
    try:
        return [(e.key, e.kind) for e in store.events()]
    finally:
        store.close()


def name(app) -> str:
    return type(app.screen).__name__


async def test_home_replays_a_recent_session_and_writes_nothing(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no local decks/ folder
    clock = FakeClock()
    path = sessions_dir() / "played.wargame"
    played(path, clock)
    before = sha(path)
    app = make_app(now=clock, library=app_library())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert any(t.startswith("Replay the highlighted recent session") for t in titles), "in the palette"
        await pilot.press("r")
        await pilot.pause()
        assert name(app) == "HostedReplay"
        assert "event 1 of" in screen_text(app) and "the session was created" in screen_text(app)
        await pilot.press("bracketright")  # the first inject's delivery
        await pilot.pause()
        assert app.replay is not None and app.replay.event.kind == "inject_delivered"
        assert "an inject was delivered" in screen_text(app)
        await pilot.press("pagedown")  # round 2's start
        await pilot.pause()
        assert app.replay.state.round == 1 and "Round 2" in screen_text(app)
        await pilot.press("right")  # its first inject, then the move
        await pilot.press("right")
        await pilot.pause()
        assert app.replay.event.kind == "move_recorded" and "a move was recorded" in screen_text(app)
        assert "→ Next event" in screen_text(app) and "PgDn Next round" in screen_text(app)
        await pilot.press("p")  # the wall follows the replay, and its keys step it there too
        await pilot.pause()
        assert name(app) == "ReplayWall" and "Round 2" in screen_text(app)
        await pilot.press("home")
        await pilot.pause()
        assert app.replay.position == 1 and not app.current_session.state.started
        assert "Round 2" not in screen_text(app)
        await pilot.press("s")  # the wall's clock key does nothing in a replay
        await pilot.press("end")
        await pilot.pause()
        assert app.replay.position == app.replay.end
        assert app.now() == app.replay.event.at, "the clocks show the moment replayed"
        await pilot.press("p")
        await pilot.pause()
        assert name(app) == "HostedReplay"
        await pilot.press("escape")  # back to Home: nothing open, the clock is the real one again
        await pilot.pause()
        assert name(app) == "HomeScreen" and app.replay is None and app.session is None
        assert app.now() == clock()
        # a session file typed by its path: ctrl+r in the path field
        app.screen.query_one("#open-path", Input).focus()
        app.screen.query_one("#open-path", Input).value = str(path)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert name(app) == "HostedReplay"
        await pilot.press("escape")
        await pilot.pause()
        assert name(app) == "HomeScreen"
    assert sha(path) == before, "a replay writes nothing"


async def test_home_says_why_a_file_does_not_replay(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    junk = sessions_dir() / "junk.wargame"
    junk.parent.mkdir(parents=True, exist_ok=True)
    junk.write_bytes(b"not a session" * 100)
    app = make_app(now=FakeClock(), library=app_library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert name(app) == "HomeScreen" and app.replay is None
        assert any("Could not open junk.wargame" in n.message for n in app._notifications)


async def test_the_console_plays_round_2_again_in_a_fork(tmp_path):
    clock = FakeClock()
    parent = tmp_path / "parent.wargame"
    played(parent, clock)
    events = log(parent)
    app = make_app(parent, now=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Play a round again in a new session (this one is not changed)" in titles, "in the palette"
        await pilot.press("question_mark")
        assert any(line.strip().startswith("F") and "Play again" in line for line in screen_text(app).splitlines())
        await pilot.press("escape")
        await pilot.press("F")
        await pilot.pause()
        assert name(app) == "ForkDialog"
        dialog = app.screen
        rounds = dialog.query_one("#fork-round", Select)
        assert rounds.value == 2, "the round being played, by default"
        assert [v for _label, v in rounds._options if v != Select.BLANK] == [1, 2], "the rounds started so far"
        assert dialog.query_one("#fork-path", Input).value == str(tmp_path / "parent-round2.wargame")
        rounds.value = 1  # the path follows the round chosen (it was not typed)
        await pilot.pause()
        assert dialog.query_one("#fork-path", Input).value == str(tmp_path / "parent-round1.wargame")
        rounds.value = 2
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert name(app) == "Confirm" and "parent-round2.wargame" in screen_text(app)
        await pilot.press("y")
        child = tmp_path / "parent-round2.wargame"
        await until(pilot, lambda: name(app) == "CodesDialog", "the fork's new codes, shown once")
        assert child.is_file()
        assert app.current_session.store.path == child
        st = app.current_session.state
        assert st.round == 0 and list(st.current_moves()) == ["kabinet-nl"], "round 1 played, round 2 not started"
        assert [x["round"] for x in st.lineage] == [2]
        assert set(app.codes) == {*st.teams, "@evaluator", "@observer"} and all(app.codes.values())
        for code in app.codes.values():
            assert code in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert name(app) == "ConsoleScreen"
        assert "Convene the NCTV" in screen_text(app) and "Call the Council" not in screen_text(app)
        await pilot.press("N")  # round 2 again (past the teams that did not move)
        await until(pilot, lambda: name(app) == "Confirm", "teams have not moved: go on?")
        await pilot.press("y")
        await until(pilot, lambda: app.current_session.state.round == 1, "round 2, in the fork")
    assert log(parent) == events, "the parent is not changed"
    Session.open(parent).close()


async def test_a_fork_refuses_a_file_that_exists(tmp_path):
    clock = FakeClock()
    parent = tmp_path / "p.wargame"
    played(parent, clock)
    taken = tmp_path / "taken.wargame"
    taken.write_bytes(b"x")
    app = make_app(parent, now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("F")
        await pilot.pause()
        app.screen.query_one("#fork-path", Input).value = str(taken)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert name(app) == "ForkDialog", "it stays open"
        assert any("already exists" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert name(app) == "ConsoleScreen" and app.current_session.store.path == parent
    assert taken.read_bytes() == b"x"


async def test_play_again_and_replay_speak_dutch(monkeypatch, tmp_path):
    clock = FakeClock()
    parent = tmp_path / "nl.wargame"
    played(parent, clock, lang="nl")
    app = make_app(parent, now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("F")
        await pilot.pause()
        text = screen_text(app)
        assert "Een ronde opnieuw spelen" in text and "Ronde om opnieuw te spelen" in text
        assert "Opnieuw spelen (ctrl+s)" in text and "Annuleren (esc)" in text
        assert "Play a round again" not in text and "New session file" not in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "Ronde 2 opnieuw spelen" in text and "teamcodes" in text and "Play" not in text
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert name(app) == "ConsoleScreen"
    monkeypatch.chdir(tmp_path)
    path = sessions_dir() / "nl-played.wargame"
    played(path, FakeClock(), lang="nl")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # Home in English; the replay in the session's language
    home = make_app(now=clock, library=app_library())
    async with home.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "end")
        await pilot.pause()
        text = screen_text(home)
        assert "Terugblik · gebeurtenis" in text and "Volgende" in text and "Next event" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert "Recent sessions" in screen_text(home), "Home keeps its own language"
