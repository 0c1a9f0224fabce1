"""The participants' feedback form on the team console: offered only once the exercise has ended, one form
per sending (several participants share a console), stored with the team, hostile text kept as typed and
shown literally, and all its words Dutch in a Dutch session."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Button, Select, Static, TextArea

from wargame.app.team import make_team_app
from wargame.app.team.screens.brief import BriefScreen
from wargame.app.team.screens.console import TeamScreen
from wargame.app.team.screens.feedback import FeedbackScreen
from wargame.engine.session import Session
from wargame.model import ExerciseObjective, Text

from ..app.english import english_left
from ..engine.helpers import FakeClock
from ..waiting import until
from .helpers import library, login, rendered, text_of

SIZE = (140, 50)
HOSTILE_TITLE = "[b]Hold[/b] [@click=app.quit]x[/]"
OBJECTIVES = (
    ExerciseObjective(id="cohesion", title=Text(nl="Eensgezind blijven", en="Stay united"),
                      strong=Text(nl="Eén stem.", en="One voice.")),
    ExerciseObjective(id="opening", title=Text(nl=HOSTILE_TITLE, en=HOSTILE_TITLE),
                      strong=Text(nl="Wegen.", en="Weigh.")),
    ExerciseObjective(id="course", title=Text(nl="Koers bepalen", en="Set a course"),
                      strong=Text(nl="Kiezen.", en="Choose.")),
)
HOSTILE_TEXT = "[/] [bold]x[/bold] [@click=app.quit]quit[/] <b>&amp; \x1b[31m Привет 🚀\nline two"


def session(tmp_path: Path, *, lang: str = "en", objectives: tuple[ExerciseObjective, ...] = OBJECTIVES,
            ended: bool = True) -> tuple[Session, dict[str, str], FakeClock, Path]:
    """A started session of the mini deck with `objectives` (ended when `ended`), its codes and clock."""
    clock = FakeClock()
    deck, lib = library()
    path = tmp_path / f"feedback-{lang}.wargame"
    fac, codes = Session.create(path, replace(deck, objectives=objectives), lib, lang=lang, seed=3, now=clock)
    fac.advance()
    if ended:
        fac.end()
    return fac, codes, clock, path


async def sign_in(pilot, code: str) -> None:
    """Sign in and land on the console (past the brief, should it open by itself)."""
    await login(pilot, code)
    if isinstance(pilot.app.screen, BriefScreen):
        await pilot.press("escape")
        await pilot.pause()
    assert isinstance(pilot.app.screen, TeamScreen)


async def open_form(pilot) -> FeedbackScreen:
    await pilot.click("#give-feedback")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FeedbackScreen)
    return pilot.app.screen


async def fill_and_send(pilot, ratings: dict[int, int], text: str) -> None:
    """Rate the objectives at the given positions, type the text, ctrl+s."""
    screen = pilot.app.screen
    for n, value in ratings.items():
        screen.query_one(f"#rating-{n}", Select).value = value
    screen.query_one("#feedback-text", TextArea).text = text
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_no_form_before_the_end_then_it_is_offered(tmp_path):
    fac, codes, clock, path = session(tmp_path, ended=False)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, codes["red"])
        screen = app.screen
        assert not screen.query_one("#give-feedback", Button).display
        assert "Give your feedback" not in rendered(app) and "f3 Feedback" not in rendered(app)
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen is screen, "no form while the exercise runs"
        fac.end()
        await until(pilot, lambda: "Give your feedback (F3)" in rendered(app), "the end arrives by itself")
        await until(pilot, lambda: "f3 Feedback" in rendered(app), "the key shows in the footer")
        assert any("F3: give your feedback" in n.message for n in app._notifications)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_two_ratings_and_a_text_land_in_the_session_with_the_team(tmp_path):
    fac, codes, clock, path = session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, codes["red"])
        form = await open_form(pilot)
        shown = rendered(app)
        assert "The exercise let our team work on this objective" in shown and "never by team" in shown
        assert "1. Stay united" in shown and "3. Set a course" in shown
        assert "What worked, what should change?" in shown
        await fill_and_send(pilot, {0: 4, 2: 2}, "The injects were too fast.")
        fac.refresh()
        (given,) = fac.state.feedback
        assert (given.team, given.ratings, given.text) == ("red", {"cohesion": 4, "course": 2},
                                                           "The injects were too fast.")
        status = text_of(app, "#feedback-status")
        assert "Thank you" in status and "Another participant at this console" in status
        assert "only aggregated, never by team" in status
        assert form.ratings() == {} and form.query_one("#feedback-text", TextArea).text == "", \
            "the form is empty for the next participant"

        await fill_and_send(pilot, {1: 5}, "")  # the next participant at the same console
        fac.refresh()
        assert [(f.team, f.ratings, f.text) for f in fac.state.feedback] == [
            ("red", {"cohesion": 4, "course": 2}, "The injects were too fast."), ("red", {"opening": 5}, "")]
        assert len({f.id for f in fac.state.feedback}) == 2


async def test_an_empty_form_is_refused_in_words_and_nothing_is_stored(tmp_path):
    fac, codes, clock, path = session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, codes["red"])
        await open_form(pilot)
        await fill_and_send(pilot, {}, "   ")
        assert text_of(app, "#feedback-status") == "Not sent: the feedback form is empty. Your answers are kept in the form."
        fac.refresh()
        assert fac.state.feedback == []


async def test_hostile_text_is_stored_as_typed_and_shown_literally(tmp_path):
    fac, codes, clock, path = session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await sign_in(pilot, codes["red"])
        await open_form(pilot)
        assert f"2. {HOSTILE_TITLE}" in rendered(app), "an objective's title is shown as written"
        too_long = HOSTILE_TEXT + "x" * 100_000
        await fill_and_send(pilot, {}, too_long)  # refused: the text stays in the form, as typed
        assert "Not sent" in text_of(app, "#feedback-status")
        assert app.screen.query_one("#feedback-text", TextArea).text == too_long
        await fill_and_send(pilot, {1: 3}, HOSTILE_TEXT)
        assert app.is_running and isinstance(app.screen, FeedbackScreen)
        fac.refresh()
        (given,) = fac.state.feedback
        assert given.ratings == {"opening": 3}
        stored = given.text
    # the store keeps the text as typed (less what it strips from every text: control characters)
    assert "[/] [bold]x[/bold] [@click=app.quit]quit[/] <b>&amp;" in stored and "Привет 🚀\nline two" in stored


async def test_a_deck_without_objectives_asks_only_for_text(tmp_path):
    fac, codes, clock, path = session(tmp_path, objectives=())
    app = make_team_app(path, team="blue", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, codes["blue"])
        form = await open_form(pilot)
        assert not form.query(Select)
        assert "this objective" not in rendered(app) and "What worked" in rendered(app)
        assert form.query_one("#feedback-text", TextArea).has_focus
        await pilot.press(*"More time")
        await pilot.press("ctrl+s")
        await pilot.pause()
        fac.refresh()
        assert [(f.team, f.ratings, f.text) for f in fac.state.feedback] == [("blue", {}, "More time")]


async def form_texts(tmp_path: Path, lang: str, size: tuple[int, int]):
    """What the ended console, the open form and the form after sending show, in a session of `lang`."""
    (tmp_path / lang).mkdir()
    fac, codes, clock, path = session(tmp_path / lang, lang=lang)
    app = make_team_app(path, team="red", now=clock)
    shown: dict[str, str] = {}
    async with app.run_test(size=size) as pilot:
        await sign_in(pilot, codes["red"])
        shown["console"] = rendered(app)
        form = await open_form(pilot)
        shown["form"] = rendered(app)
        shown["widgets"] = "\n".join([w.visual.plain for w in form.query(Static)]
                                     + [o for s in form.query(Select) for o, _v in _options(s)])
        await fill_and_send(pilot, {0: 5}, "tekst")
        shown["sent"] = text_of(app, "#feedback-status")
        st = app.session.state
    return shown, st


def _options(select: Select) -> list[tuple[str, object]]:
    return [(str(getattr(prompt, "plain", prompt)), value) for prompt, value in select._options]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_nothing_on_the_form_is_english_in_a_dutch_session(tmp_path, size):
    dutch, st = await form_texts(tmp_path, "nl", size)
    english, _st = await form_texts(tmp_path, "en", size)
    assert "Geef uw feedback (F3)" in dutch["console"] and "Give your feedback (F3)" in english["console"]
    assert "Uw feedback op de oefening" in dutch["form"] and "Your feedback on the exercise" in english["form"]
    assert "helemaal eens" in dutch["widgets"] and "strongly agree" in english["widgets"]
    assert "Dank u" in dutch["sent"] and "nooit per team" in dutch["sent"]
    same = {"feedback", "deadline", "open", "esc", "ctrl"}  # Dutch says "feedback" too
    for part in dutch:
        left = english_left(dutch[part], english[part], st, also=same | {w.lower() for w in HOSTILE_TITLE.split()})
        assert not left, (part, left)


async def test_ctrl_l_switches_the_form_and_keeps_what_it_holds(tmp_path):
    fac, codes, clock, path = session(tmp_path, lang="nl")
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await sign_in(pilot, codes["red"])
        form = await open_form(pilot)
        form.query_one("#rating-0", Select).value = 2
        form.query_one("#feedback-text", TextArea).text = "half af"
        await pilot.press("ctrl+l")
        await pilot.pause()
        shown = rendered(app)
        assert "Your feedback on the exercise" in shown and "2 — disagree" in shown and "Uw feedback" not in shown
        assert form.ratings() == {"cohesion": 2} and form.query_one("#feedback-text", TextArea).text == "half af"
        await pilot.press("escape")
        await pilot.pause()
        assert "Give your feedback (F3)" in rendered(app), "the console's button too, not cut to its Dutch width"


async def test_a_team_rates_only_the_objectives_it_is_rated_on(tmp_path):
    """An objective that names its teams is not on the form of a team it leaves out (a red team playing
    against it): that team gives only free text."""
    only_blue = tuple(replace(o, teams=("blue",)) for o in OBJECTIVES)
    fac, codes, clock, path = session(tmp_path, objectives=(*only_blue[:2], OBJECTIVES[2]))
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, codes["red"])
        screen = await open_form(pilot)
        assert [o.id for o in screen.objectives] == ["course"]
        assert len(screen.query(Select)) == 1
        await fill_and_send(pilot, {0: 4}, "")
    fac.refresh()
    assert [f.ratings for f in fac.state.feedback] == [{"course": 4}]
