"""The facilitator's console in a round of two injects, with tracks and team objectives."""

from __future__ import annotations

from textual.widgets import Input, Select

from wargame.app.app import make_app
from wargame.app.screens.adjudicate import AdjudicateForm

from ..engine.test_exercise_state import tracked
from ..waiting import until
from .conftest import screen_text


async def test_answers_per_inject_track_rulings_the_round_budget_and_objective_marks(tmp_path):
    session, clock = tracked(tmp_path)
    session.advance()
    first = session.record_move("red", "answer to the first")
    session.advance()  # the round's second inject is being played
    session.close()
    app = make_app(session.store.path, now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        text = screen_text(app)
        assert "round 0/20 min" in text and "EU-cohesie" in text and "Draagvlak" in text, "budget and tracks shown"
        # a move for blue answering the FIRST inject, chosen in the form
        await pilot.press("down")  # blue
        await pilot.press("m")
        form = app.screen
        form.query_one("#inject", Select).value = "s1-a1"
        await pilot.pause()
        form.query_one("#action", Input).value = "blue answers the first"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: type(app.screen).__name__ == "ConsoleScreen", "back on the console")
        st = app.session.state
        assert st.answers("s1-a1")["blue"].action == "blue answers the first"
        assert "blue" not in st.answers("s1-branch"), "it answers the first inject, not the one being played"
        # a ruling on red's first answer that pushes a track
        await pilot.press("up")  # red
        app.push_screen(AdjudicateForm(first.id))
        await pilot.pause()
        steun = next(i for i in app.screen.query("Input.track").results(Input) if i.name == "steun")
        steun.value = "-2"
        await pilot.press("ctrl+s")
        assert app.session.state.tracks["steun"] == 0 and app.session.state.rulings[first.id].tracks == {"steun": -2}
        # twenty minutes later the round is over time
        clock.tick(21 * 60)
        await until(pilot, lambda: "over time" in screen_text(app), "the round's budget turns red")
        # end, then mark red's objectives from the debrief
        await pilot.press("x", "y")
        assert type(app.screen).__name__ == "DebriefScreen"
        await pilot.press("m")
        assert type(app.screen).__name__ == "ObjectivesForm"
        selects = {s.name: s for s in app.screen.query(Select).results(Select)}
        inputs = {i.name: i for i in app.screen.query(Input).results(Input)}
        selects["red/unity"].value = "partly"
        inputs["red/unity"].value = "Hongarije scheerde uit"
        await pilot.pause()
        await pilot.press("ctrl+s")
        mark = app.session.state.objective_marks[("red", "unity")]
        assert (mark.mark, mark.reasons) == ("partly", "Hongarije scheerde uit")
        assert ("red", "deter") not in app.session.state.objective_marks, "an objective left unmarked stays so"


async def test_the_wall_shows_the_tracks_only_where_the_deck_shows_the_world(tmp_path):
    from dataclasses import replace

    from wargame.engine.session import Session

    from ..engine.helpers import mini_library

    for show in (False, True):
        session, clock = tracked(tmp_path / str(show))
        deck = replace(session.state.deck, show_world=show)
        path = tmp_path / f"wall-{show}.wargame"
        lib = mini_library()
        lib.injects.update(session.state.injects)
        again, _ = Session.create(path, deck, lib, seed=1, now=clock, lang="en")
        again.advance()
        again.close()
        app = make_app(path, now=clock)
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.press("p")
            assert type(app.screen).__name__ == "ProjectorScreen"
            wall = screen_text(app)
            assert ("EU-cohesie" in wall and "Draagvlak" in wall) is show, f"show_world={show}"


async def test_the_teams_panel_waits_only_for_the_teams_the_inject_addresses(tmp_path):
    from dataclasses import replace

    from wargame.engine.session import Session

    from ..engine.helpers import FakeClock, mini_library

    lib = mini_library()
    lib.injects["s1-branch"] = replace(lib.injects["s1-branch"], targets=("blue",))
    clock = FakeClock()
    s, _ = Session.create(tmp_path / "n.wargame", lib.decks["mini"], lib, seed=1, now=clock, lang="en")
    s.advance()
    s.advance()  # s1-branch: for blue alone
    s.close()
    app = make_app(s.store.path, now=clock)
    async with app.run_test(size=(120, 40)):
        panel = app.screen.query_one("TeamsPanel")
        text = str(panel.render())
        assert "RED  not addressed" in text and "BLUE  pending" in text and "GREEN  not addressed" in text
        assert panel.border_title == "Teams · 0/1 moved"
        assert "0/1 moved" in screen_text(app), "the status line counts the same teams"
