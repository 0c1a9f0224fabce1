"""The facilitator's side of the evaluation: the hot wash walked and recorded after the last round, the
evaluators' observations and ratings arriving on the console (never on the wall), the evaluator's and
observer's codes and their access to private moves, and the improvement plan's objective and status."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import RadioButton, Select, TextArea

from wargame.app.app import make_app
from wargame.app.screens.codes import CodesDialog
from wargame.app.screens.note_form import NoteForm
from wargame.engine import events as ev
from wargame.engine.session import Session
from wargame.model import ExerciseObjective, Text

from ..waiting import until
from .conftest import FakeClock, app_library, notifications, screen_text

HOSTILE = "[bold red]boo[/] [@click=app.quit]x[/]"
OBJECTIVES = tuple(ExerciseObjective(id=f"obj-{i}", title=Text(nl=f"Doel {i}", en=f"Objective {i}"),
                                     strong=Text(nl="Sterk", en="Strong")) for i in (1, 2, 3))


def evaluated_session(tmp_path, *, last_round: bool = False):
    """A session of the test deck with three exercise objectives, started (and in its last round)."""
    lib, clock = app_library(), FakeClock()
    deck = replace(lib.decks["two-rounds"], objectives=OBJECTIVES)
    path = tmp_path / "eval.wargame"
    session, codes = Session.create(path, deck, lib, seed=1, lang="en", now=clock)
    session.advance()
    if last_round:
        while session.state.has_next_round():
            session.next_round()
    session.close()
    return path, codes, clock


def screen_name(app) -> str:
    return type(app.screen).__name__


async def test_the_hot_wash_is_walked_after_the_last_round_and_recorded(tmp_path):
    path, _codes, clock = evaluated_session(tmp_path)
    app = make_app(path, now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.check_action("hotwash", ()) is False, "round 1 of 2: the hot wash is not offered"
        await pilot.press("h")
        assert screen_name(app) == "ConsoleScreen"
        app.session.next_round()  # the last round
        app.sync()
        await pilot.pause()
        assert "Hot wash" in screen_text(app), "the footer offers the hot wash now"
        await pilot.press("h")
        assert screen_name(app) == "HotwashWalk"
        text = screen_text(app)
        assert "question 1 of 2" in text and "Which future did we most prefer to ignore" in text
        assert "Source in the Alert: Test" in text
        app.screen.query_one("#answer", TextArea).text = "The room: Tough Love"
        await pilot.press("ctrl+s")
        app.screen.query_one("#who", Select).value = "eu"
        await pilot.pause()
        app.screen.query_one("#answer", TextArea).text = HOSTILE
        await pilot.press("ctrl+s")
        await pilot.pause()
        answers = [(a.question, a.team, a.text) for a in app.session.state.hotwash_answers]
        assert answers == [("hw-test-ignored", "", "The room: Tough Love"), ("hw-test-ignored", "eu", HOSTILE)]
        text = screen_text(app)
        assert "plenary: The room: Tough Love" in text and f"European Union: {HOSTILE}" in text, "shown literally"
        await pilot.press("pagedown")
        text = screen_text(app)
        assert "question 2 of 2" in text and "strengthen our starting position" in text and "No answers yet." in text
        await pilot.press("pageup")
        assert "question 1 of 2" in screen_text(app)
        await pilot.press("escape")
        # the debrief lists the answers under their question, and walks the hot wash too
        await pilot.press("x", "y")
        assert screen_name(app) == "DebriefScreen"
        assert "European Union: " + HOSTILE in screen_text(app)
        await pilot.press("h")
        assert screen_name(app) == "HotwashWalk"


async def test_observations_arrive_on_the_console_and_its_list_but_never_on_the_wall(tmp_path):
    path, codes, clock = evaluated_session(tmp_path)
    app = make_app(path, now=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert "Evaluators (v)" not in screen_text(app), "nothing yet: no line"
        evaluator = Session.open(path, team=ev.EVALUATOR, now=clock)
        assert evaluator.check_join(ev.EVALUATOR, codes[ev.EVALUATOR])
        evaluator.record_observation("obj-1", "eu", 0, "EU kept " + HOSTILE, kind="strength", author="An")
        evaluator.record_observation("obj-2", "", 0, "the room hesitated", author="An")
        evaluator.rate("obj-2", "moskou", "M", "slow", author=HOSTILE)
        evaluator.close()
        await until(pilot, lambda: "2 observations, 1 rating" in screen_text(app), "the count after a poll")
        text = screen_text(app)
        assert "latest: Objective 2 · Moscow · by [bold red]boo[/]" in text, "the latest, its author literal"
        assert not any("observation" in n or HOSTILE in n for n in notifications(app)), "no toast"
        await pilot.press("p")
        assert screen_name(app) == "ProjectorScreen"
        wall = screen_text(app)
        assert "EU kept" not in wall and "observation" not in wall and HOSTILE not in wall
        await pilot.press("escape")
        await pilot.press("v")
        assert screen_name(app) == "EvaluationsDialog"
        text = screen_text(app)
        assert "R1 · Objective 1 · European Union · strength · by An" in text and f"EU kept {HOSTILE}" in text
        assert "Objective 2 · the exercise as a whole" in text
        assert "Objective 2 · Moscow · M — " in text and f"by {HOSTILE}" in text


async def test_the_codes_list_the_seats_renew_them_and_set_the_access_to_private_moves(tmp_path):
    path, codes, clock = evaluated_session(tmp_path)
    app = make_app(path, now=clock, codes=codes)  # as `wargame run` opens it: every code shown once
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CodesDialog)
        text = screen_text(app)
        assert "Team join codes" in text and "Evaluators may read private moves: no" in text
        options = app.screen.query_one("#codes")
        texts = [str(o.prompt) for o in options.options]
        evaluator = next(t for t in texts if t.startswith("Evaluator"))
        assert codes[ev.EVALUATOR] in evaluator and "@evaluator" not in evaluator
        assert any(t.startswith("Observer") and codes[ev.OBSERVER] in t for t in texts)
        await pilot.press("a")
        assert app.session.state.evaluators_see_private is True
        assert "Evaluators may read private moves: yes" in screen_text(app)
        await pilot.press("a")
        assert app.session.state.evaluators_see_private is False
        options.highlighted = next(i for i, o in enumerate(options.options) if o.id == ev.EVALUATOR)
        await pilot.press("g")
        assert "Issue a new code for Evaluator?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        new = app.codes[ev.EVALUATOR]
        assert new != codes[ev.EVALUATOR] and new in screen_text(app)
        seat = Session.open(path, team=ev.EVALUATOR, now=clock)
        assert not seat.check_join(ev.EVALUATOR, codes[ev.EVALUATOR]) and seat.check_join(ev.EVALUATOR, new)
        seat.close()


async def test_an_action_item_takes_an_objective_and_a_status_changed_from_the_debrief(tmp_path):
    path, _codes, clock = evaluated_session(tmp_path, last_round=True)
    app = make_app(path, now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(NoteForm())
        await pilot.pause()
        form = app.screen
        form.query_one("#text", TextArea).text = HOSTILE
        next(b for b in form.query(RadioButton).results(RadioButton) if b.name == "action").value = True
        form.query_one("#objective", Select).value = "obj-2"
        form.query_one("#status", Select).value = "in_progress"
        await pilot.pause()
        await pilot.press("ctrl+s")
        note = app.session.state.notes[-1]
        assert (note.tag, note.text, note.objective, note.status) == ("action", HOSTILE, "obj-2", "in_progress")
        assert "progress · Objective 2" in screen_text(app), "the notes panel shows where it stands (wrapped)"
        await pilot.press("x", "y")
        assert screen_name(app) == "DebriefScreen"
        assert f"{HOSTILE} · in progress · Objective 2" in screen_text(app)
        await pilot.press("s")
        assert screen_name(app) == "ActionsForm"
        app.screen.query_one(Select).value = "done"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert screen_name(app) == "DebriefScreen"
        assert app.session.state.notes[-1].status == "done"
        assert f"{HOSTILE} · done · Objective 2" in screen_text(app)
