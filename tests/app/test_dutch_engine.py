"""The engine's refusals in a Dutch console: a refused command notifies in Dutch, on the facilitator's
console and on a team's, at 80x24 and 160x48; in an English session the same refusal is the English."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TextArea

from wargame.app.app import make_app
from wargame.app.team import make_team_app
from wargame.app.team.screens.console import TeamScreen
from wargame.engine.session import Session

from ..waiting import until
from .conftest import notifications, screen_text, session_file, sign_in

SIZES = [(80, 24), (160, 48)]
TEAM = "kabinet-nl"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("lang", "said", "not_said"), [
    ("nl", "geen inject 'nope' in deze sessie", "no inject 'nope' in this session"),
    ("en", "no inject 'nope' in this session", "geen inject"),
])
async def test_a_refused_command_notifies_in_the_consoles_language(tmp_path, size, lang, said, not_said):
    path, _codes, clock = session_file(tmp_path, lang, name="engine")
    app = make_app(path, now=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        ok, _result = app.command(app.session.fire, "nope")
        assert not ok
        await pilot.pause()
        shown = notifications(app)
        assert said in shown and not any(not_said in m for m in shown), shown
        assert not_said not in screen_text(app)
        app.session.close()


async def test_a_stale_press_is_refused_in_dutch(tmp_path):
    """Another console moved the exercise on just before the press: the engine refuses, in Dutch."""
    path, _codes, clock = session_file(tmp_path, "nl", name="engine")
    app = make_app(path, now=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        other = Session.open(path, now=clock)
        other.advance()
        other.close()
        ok, _result = app.command(app.session.advance)
        assert not ok
        await pilot.pause()
        shown = notifications(app)
        assert "een andere console heeft de oefening zojuist verder gezet; kijk opnieuw en druk nog eens" in shown
        assert not any("another console" in m for m in shown)
        app.session.close()


@pytest.mark.parametrize("size", SIZES)
async def test_a_team_move_after_the_deadline_is_refused_in_dutch(tmp_path, size):
    path, codes, clock = session_file(tmp_path, "nl", name="engine")
    fac = Session.open(path, now=clock)
    fac.clock("start")
    fac.close()
    app = make_team_app(path, team=TEAM, now=clock)
    async with app.run_test(size=size) as pilot:
        await sign_in(pilot, codes[TEAM])
        assert isinstance(app.screen, TeamScreen)
        clock.tick(3 * 3600)
        app.screen.query_one("#action", TextArea).text = "Te laat"
        await pilot.press("ctrl+s")
        await pilot.pause()
        refusal = "de deadline van deze ronde is verstreken; vraag de spelleiding de zetten te heropenen"
        status = app.screen.query_one("#form-status", Static).visual
        status_text = getattr(status, "plain", str(status))
        assert f"Niet vastgelegd: {refusal}. Uw tekst blijft in het formulier." in status_text
        await until(pilot, lambda: refusal in notifications(app), "the refusal is notified")
        assert not any("deadline for this round has passed" in m for m in notifications(app))
        assert "the deadline for this round" not in screen_text(app)
        app.session.close()
