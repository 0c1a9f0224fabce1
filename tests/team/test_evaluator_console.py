"""The evaluator's and observer's console through Textual's Pilot: the seat's own code, what it reads
(private moves only when the facilitator allows), observations and ratings landing in the session,
an observer that only reads, hostile text shown literally, `wargame join --evaluator`."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import Input, RadioButton, RadioSet, Select, TabbedContent, TextArea

from wargame.app.team import make_team_app
from wargame.app.team.app import TeamApp
from wargame.app.team.screens.console import TeamScreen
from wargame.app.team.screens.evaluator import EvaluatorScreen
from wargame.app.team.screens.login import LoginScreen
from wargame.cli import build_parser
from wargame.engine import events as ev
from wargame.engine.session import EngineError, Session
from wargame.model import ExerciseObjective, Text

from ..engine.helpers import FakeClock
from .helpers import SECRET_NOTE, library, login, rendered, screen_text, text_of

SIZE = (160, 48)
OBJECTIVES = tuple(ExerciseObjective(id=f"obj-{n}", title=Text(nl=f"Doel {n}", en=f"Objective {n}"),
                                     strong=Text(nl="sterk", en="strong")) for n in (1, 2, 3))


def evaluated_session(tmp_path, *, objectives=OBJECTIVES):
    """A started session (round 1, first inject) on a deck with exercise objectives, a public move by
    red and a private one by blue; the facilitator's Session, the codes, the clock and the path."""
    clock = FakeClock()
    deck, lib = library()
    deck = replace(deck, objectives=objectives)
    path = tmp_path / "s.wargame"
    fac, codes = Session.create(path, deck, lib, lang="en", seed=3, now=clock)
    fac.advance()
    fac.record_move("red", "Red sanctions [b]x[/b] \x1b[31mred", "Moscow blinks", "because")
    fac.record_move("blue", "BLUE-SECRET covert plan", private=True)
    return fac, codes, clock, path


async def sign_in(pilot, code: str, seat: str = ev.EVALUATOR) -> None:
    await login(pilot, code, team=seat)


async def test_the_seat_signs_in_with_its_own_code_only(tmp_path):
    fac, codes, clock, path = evaluated_session(tmp_path)
    app = make_team_app(path, now=clock)
    async with app.run_test(size=SIZE) as pilot:
        options = [value for _label, value in app.screen.query_one("#team", Select)._options]
        assert options[-2:] == [ev.EVALUATOR, ev.OBSERVER], "the seats come after the teams"
        await sign_in(pilot, codes["red"])  # a team's code does not open the evaluator's seat
        assert isinstance(app.screen, LoginScreen)
        assert "not the join code of Evaluator" in text_of(app, "#login-message")
        await sign_in(pilot, codes[ev.EVALUATOR])
        assert isinstance(app.screen, EvaluatorScreen)
        assert app.session.role.seat == ev.EVALUATOR
        top = text_of(app, "#top-text")
        assert "Evaluator" in top and "Round 1/3" in top and "moves open" in top
    team_app = make_team_app(path, team="red", now=clock)
    async with team_app.run_test(size=SIZE) as pilot:
        await login(pilot, codes[ev.EVALUATOR])  # nor the evaluator's code a team's console
        assert isinstance(team_app.screen, LoginScreen)
        await login(pilot, codes["red"])
        assert isinstance(team_app.screen, TeamScreen)


async def test_it_reads_the_injects_and_a_private_move_only_once_allowed(tmp_path):
    fac, codes, clock, path = evaluated_session(tmp_path)
    app = make_team_app(path, team=ev.EVALUATOR, now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes[ev.EVALUATOR])
        reading = text_of(app, "#reading-text")
        assert "Title s1-a1" in reading and "Briefing s1-a1." in reading
        assert SECRET_NOTE not in screen_text(app), "never the facilitator's notes"
        assert "Red sanctions" in reading and "RED" in reading
        assert "BLUE-SECRET" not in reading
        assert "1 private move is hidden; the facilitator can let evaluators read it." in reading
        screen = app.screen
        assert isinstance(screen, EvaluatorScreen)
        fac.set_evaluator_access(True)
        await pilot.pause()
        screen.look()
        await pilot.pause()
        reading = text_of(app, "#reading-text")
        assert "BLUE-SECRET" in reading and "private move is hidden" not in reading
        red = next(m for m in fac.state.moves.values() if m.team == "red")
        fac.adjudicate(red.id, outcome=2, narrative="It works")
        screen.look()
        await pilot.pause()
        assert "+2" in text_of(app, "#reading-text") and "It works" in text_of(app, "#reading-text")


async def test_an_evaluator_records_an_observation_and_a_rating_with_its_name(tmp_path):
    fac, codes, clock, path = evaluated_session(tmp_path)
    app = make_team_app(path, team=ev.EVALUATOR, now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes[ev.EVALUATOR])
        screen = app.screen
        screen.query_one("#obs-text", TextArea).text = "Red coordinated well"
        await pilot.press("ctrl+s")  # no name yet: the engine's refusal, in the screen
        await pilot.pause()
        assert "signs observations and ratings with a name" in text_of(app, "#obs-status")
        assert screen.query_one("#obs-text", TextArea).text == "Red coordinated well", "the text is kept"
        screen.query_one("#name", Input).value = "Eva"
        screen.query_one("#obs-objective", Select).value = "obj-2"
        screen.query_one("#obs-team", Select).value = "red"
        screen.query_one("#obs-kind", RadioSet).query(RadioButton)[1].value = True  # a strength
        await pilot.pause()
        await pilot.click("#obs-save")
        await pilot.pause()
        assert "✓ Observation recorded" in text_of(app, "#obs-status")
        fac.refresh()
        (o,) = fac.state.observations
        assert (o.objective, o.team, o.round, o.text, o.author, o.kind) == (
            "obj-2", "red", 0, "Red coordinated well", "Eva", "strength")
        await pilot.click("#--content-tab-rate")
        await pilot.pause()
        assert screen.query_one("#tabs", TabbedContent).active == "rate"
        screen.query_one("#rate-objective", Select).value = "obj-1"
        screen.query_one("#rate-team", Select).value = "blue"
        screen.query_one("#rate-letter", RadioSet).query(RadioButton)[1].value = True  # S
        screen.query_one("#rate-reasons", TextArea).text = "Slow to decide"
        await pilot.pause()
        assert "not rated this objective for this team yet" in text_of(app, "#rate-current")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "✓ Rating recorded" in text_of(app, "#rate-status")
        fac.refresh()
        r = fac.state.ratings[("Eva", "blue", "obj-1")]
        assert (r.rating, r.reasons, r.author) == ("S", "Slow to decide", "Eva")
        assert "S — performed with some challenges" in text_of(app, "#rate-current")
        own = text_of(app, "#own-text")
        assert "Red coordinated well" in own and "Objective 2" in own and "strength" in own
        assert "S — performed with some challenges" in own and "Slow to decide" in own


async def test_an_observer_reads_without_forms_and_cannot_write(tmp_path):
    fac, codes, clock, path = evaluated_session(tmp_path)
    app = make_team_app(path, team=ev.OBSERVER, now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes[ev.OBSERVER])
        assert isinstance(app.screen, EvaluatorScreen)
        assert "Observer" in text_of(app, "#top-text")
        assert "Red sanctions" in text_of(app, "#reading-text")
        assert not app.screen.query("#writing") and not app.screen.query(TextArea)
        footer = rendered(app).splitlines()[-1]
        assert "Save" not in footer and "Read/write" not in footer and "Quit" in footer
        assert isinstance(app, TeamApp) and app.session is not None
        with pytest.raises(EngineError):
            app.session.record_observation("obj-1", "red", 0, "x", author="Olly")
        with pytest.raises(EngineError):
            app.session.rate("obj-1", "red", "P", author="Olly")
    fac.refresh()
    assert not fac.state.observations and not fac.state.ratings


async def test_hostile_text_in_a_move_shows_literally(tmp_path):
    fac, codes, clock, path = evaluated_session(tmp_path)
    app = make_team_app(path, team=ev.EVALUATOR, now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes[ev.EVALUATOR])
        assert "[b]x[/b]" in text_of(app, "#reading-text")
        shown = rendered(app)
        assert "[b]x[/b] [31mred" in shown and "\x1b" not in shown, "the escape character is taken out"


async def test_a_deck_without_exercise_objectives_has_no_forms(tmp_path):
    fac, codes, clock, path = evaluated_session(tmp_path, objectives=())
    app = make_team_app(path, team=ev.EVALUATOR, now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes[ev.EVALUATOR])
        assert "no exercise objectives" in text_of(app, "#no-objectives")
        assert not app.screen.query(TextArea)
        assert "Save" not in rendered(app).splitlines()[-1]


async def test_it_composes_at_80x24_and_switches_language(tmp_path):
    fac, codes, clock, path = evaluated_session(tmp_path)
    app = make_team_app(path, team=ev.EVALUATOR, now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot, codes[ev.EVALUATOR])
        assert isinstance(app.screen, EvaluatorScreen)
        assert "Red sanctions" in rendered(app)
        await pilot.press("f3")  # the forms, in place of the exercise
        await pilot.pause()
        assert "Your name" in rendered(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "Ronde 1/3" in text_of(app, "#top-text") and "zetten open" in text_of(app, "#top-text")
        assert "Uw naam" in rendered(app)


def test_join_takes_a_seat_on_the_command_line():
    parser = build_parser()
    assert parser.parse_args(["join", "s.wargame", "--evaluator"]).evaluator
    args = parser.parse_args(["join", "s.wargame", "--observer"])
    assert args.observer and not args.evaluator and args.team is None
    with pytest.raises(SystemExit):
        parser.parse_args(["join", "s.wargame", "--evaluator", "--team", "red"])


async def test_the_rating_form_offers_only_the_teams_an_objective_is_rated_for(tmp_path):
    """Green plays against objective 2: choosing it leaves green out of the team list, and choosing
    objective 1 (rated for every team) brings it back."""
    objectives = (OBJECTIVES[0], replace(OBJECTIVES[1], teams=("red", "blue")), OBJECTIVES[2])
    fac, codes, clock, path = evaluated_session(tmp_path, objectives=objectives)
    app = make_team_app(path, now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, codes[ev.EVALUATOR])
        screen = app.screen

        def offered() -> list[object]:
            return [value for _label, value in screen.query_one("#rate-team", Select)._options if value != Select.NULL]

        assert offered() == ["red", "blue", "green"]
        screen.query_one("#rate-objective", Select).value = "obj-2"
        await pilot.pause()
        assert offered() == ["red", "blue"]
        screen.query_one("#rate-objective", Select).value = "obj-1"
        await pilot.pause()
        assert offered() == ["red", "blue", "green"]
