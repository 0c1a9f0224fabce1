"""The team console in Dutch: with a Dutch session nothing on its login, its console or its brief is
English, at 80x24 and 160x48; its own key (ctrl+l) switches it to English and back without losing
what the form holds, and it follows the session when the facilitator switches the language."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TextArea

from wargame.app.team import make_team_app
from wargame.app.team.screens.brief import BriefScreen
from wargame.app.team.screens.console import TeamScreen
from wargame.app.team.screens.login import LoginScreen
from wargame.engine.session import Session

from .conftest import screen_text, session_file, sign_in
from .english import english_left

TEAM = "kabinet-nl"


async def texts(tmp_path, lang: str, size: tuple[int, int]) -> tuple[dict[str, str], object]:
    """What the login, the console and the brief show, in a session of `lang`."""
    path, codes, clock = session_file(tmp_path, lang, name="team")
    app = make_team_app(path, team=TEAM, now=clock)
    shown: dict[str, str] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        shown["login"] = screen_text(app)
        await sign_in(pilot, "WRONG-CODE")
        shown["wrong"] = screen_text(app)
        await sign_in(pilot, codes[TEAM])
        assert isinstance(app.screen, TeamScreen)
        await pilot.pause()
        shown["console"] = screen_text(app)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        shown["brief"] = "\n".join(w.visual.plain for w in app.screen.query(Static))  # the inject under it is clipped
        st = app.session.state
    return shown, st


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_nothing_on_the_team_console_is_english_in_a_dutch_session(tmp_path, size):
    dutch, st = await texts(tmp_path, "nl", size)
    english, _st = await texts(tmp_path, "en", size)
    assert "teamconsole" in dutch["login"] and "team console" in english["login"]
    assert "Teamcode" in dutch["login"] and "Join code" not in dutch["login"]
    assert "Dit is niet de teamcode" in dutch["wrong"] and "That is not" not in dutch["wrong"]
    assert "Zetten zijn open" in dutch["console"] and "Moves are open" in english["console"]
    if size[0] >= 110:  # the form beside the inject
        assert "Uw zet" in dutch["console"] and "Your move" in english["console"]
    assert "Ronde 1/2" in dutch["console"] and "Round 1/2" in english["console"]
    assert "Uw rol" in dutch["brief"] and "Your role" in english["brief"]
    dutch_too = {"deadline", "open"}  # "Zetten zijn open: ... tot de deadline"
    for part in dutch:
        left = english_left(dutch[part], english[part], st, also=dutch_too)
        assert not left, (part, left)


async def test_ctrl_l_switches_this_console_and_keeps_the_form(tmp_path):
    path, codes, clock = session_file(tmp_path, "nl", name="team")
    app = make_team_app(path, team=TEAM, now=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert "Kies uw team" in screen_text(app) or "Uw team" in screen_text(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "Your team" in screen_text(app) and "Uw team" not in screen_text(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "Uw team" in screen_text(app)
        await sign_in(pilot, codes[TEAM])
        assert isinstance(app.screen, TeamScreen)
        app.screen.query_one("#action", TextArea).text = "Onze eigen zet"
        await pilot.press("ctrl+l")
        await pilot.pause()
        text = screen_text(app)
        assert "Your move" in text and "Uw zet" not in text and "Submit move" in text
        assert "f2 Brief" in text and "^q Quit" in text  # the footer too
        assert app.screen.query_one("#action", TextArea).text == "Onze eigen zet"
        assert app.ui_lang == "en" and app.session.state.lang == "nl"  # the session keeps its own
        await pilot.press("ctrl+l")
        await pilot.pause()
        text = screen_text(app)
        assert "Uw zet" in text and "Your move" not in text and "f2 Opdracht" in text and "^q Afsluiten" in text


async def test_the_console_follows_the_facilitators_switch(tmp_path):
    path, codes, clock = session_file(tmp_path, "nl", name="team")
    app = make_team_app(path, team=TEAM, now=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await sign_in(pilot, codes[TEAM])
        assert "Uw zet" in screen_text(app)
        fac = Session.open(path, now=clock)
        fac.set_language("en")
        fac.close()
        screen = app.screen
        assert isinstance(screen, TeamScreen)
        for _ in range(20):
            screen.poll()
            await pilot.pause(0.05)
            if "Your move" in screen_text(app):
                break
        text = screen_text(app)
        assert "Your move" in text and "Uw zet" not in text


async def test_the_browser_page_speaks_the_sessions_language(tmp_path):
    """The page around the browser console (its title, "console closed", "open again") is in the
    session's language as it is when the page is served; it loads nothing from elsewhere."""
    from aiohttp.test_utils import TestClient, TestServer

    from wargame.app.serve import TITLE, join_command, session_lang
    from wargame.app.web import ConsoleServer

    path, _codes, clock = session_file(tmp_path, "nl", name="team")
    url = "http://127.0.0.1:8000"
    server = ConsoleServer(join_command(path), host="127.0.0.1", port=8000, title=TITLE, public_url=url,
                           origins=[url], lang=lambda: session_lang(path))
    async with TestClient(TestServer(server.make_app())) as client:
        dutch = await (await client.get("/")).text()
        fac = Session.open(path, now=clock)
        fac.set_language("en")
        fac.close()
        english = await (await client.get("/")).text()
    assert '<html lang="nl">' in dutch and "<title>wargame · console</title>" in dutch
    assert "Console gesloten" in dutch and "Opnieuw openen" in dutch
    assert "Console closed" not in dutch and "Open again" not in dutch and "team console" not in dutch
    assert '<html lang="en">' in english and "Open again" in english and "Opnieuw openen" not in english
    assert session_lang(tmp_path / "no such session.wargame") == "nl"
