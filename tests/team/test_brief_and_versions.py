"""A team's console shows its own version of an inject and its brief; never another team's private
version or private inject (the deck in tests/fixtures/consoles)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import TextArea

from wargame.app.team import make_team_app
from wargame.app.team.screens.brief import NO_BRIEF, BriefScreen
from wargame.app.team.screens.console import TeamScreen
from wargame.content import load
from wargame.engine.session import Session

from ..engine.helpers import FakeClock
from ..waiting import until
from .helpers import login, rendered, screen_text, text_of

CONSOLES = Path(__file__).resolve().parents[1] / "fixtures" / "consoles"
SIZES = [(80, 24), (160, 48)]

DUTCH = ("AIVD-DUTCH", "DUTCH-BRIEFING", "DUTCH-Q")
MOSKOU = ("SVR-MOSKOU", "MOSKOU-BRIEFING", "MOSKOU-Q")
WASHINGTON_PRIVATE = ("EMBASSY-WASHINGTON", "WASHINGTON-PRIVATE-BRIEFING")
SECRET = ("SECRET-WASHINGTON", "SECRET-BRIEFING", "SECRET-Q")
NOTES = ("FAC-NOTE-C1", "FAC-NOTE-C2", "FAC-NOTE-C3")


def make_session(tmp_path: Path, *, briefs: bool = True, injects: int = 1,
                 move_by: str | None = None) -> tuple[Session, dict[str, str], FakeClock, Path]:
    """A facilitator Session on the consoles deck with `injects` injects delivered (0: not started)."""
    lib = load([CONSOLES])
    deck = lib.decks["versions"] if briefs else replace(lib.decks["versions"], briefs=())
    clock = FakeClock()
    path = tmp_path / "v.wargame"
    fac, codes = Session.create(path, deck, lib, lang="en", seed=3, now=clock)
    for _ in range(injects):
        fac.advance()
    if move_by is not None:
        fac.record_move(move_by, "an earlier move")
    return fac, codes, clock, path


def seen(app) -> str:
    """Everything the team's app shows or holds: the screens' texts, the terminal and its notifications."""
    return "\n".join([screen_text(app), rendered(app)] + [f"{n.title} {n.message}" for n in app._notifications])


async def sign_in(pilot, code: str) -> None:
    await login(pilot, code)
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, BriefScreen)
                or (isinstance(app.screen, TeamScreen) and not app.screen.first_sign_in()), "the console or the brief")
    if isinstance(app.screen, BriefScreen):  # the first sign-in opens the brief: back to the console
        await pilot.press("escape")
    assert isinstance(app.screen, TeamScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_moskou_reads_its_own_version_and_its_brief_opens_on_first_sign_in(tmp_path, size):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="moskou", now=clock)
    async with app.run_test(size=size) as pilot:
        await login(pilot, codes["moskou"])
        await until(pilot, lambda: isinstance(app.screen, BriefScreen), "the brief, by itself on first sign-in")
        brief = text_of(app, "#brief-text")
        for part in ("Your brief · Moscow", "SITUATION-EN", "ROLE-MO", "1. GOAL-MO-1", "2. GOAL-MO-2",
                     "No open war with NATO.", "Shadow fleet.", "Disinformation.", "KNOWS-MO",
                     "PACK-MOSKOU", "PACK-BRIEFING", "PACK-Q"):
            assert part in brief, part
        for other in ("GOAL-NL-1", "GOAL-WA-1", "ROLE-NL", *NOTES):
            assert other not in brief, other
        await pilot.press("escape")
        assert isinstance(app.screen, TeamScreen)
        card = text_of(app, "#card-text")
        for part in (*MOSKOU, "SVR"):
            assert part in card, part
        shown = seen(app)
        for other in (*DUTCH, *WASHINGTON_PRIVATE, *SECRET, *NOTES, "AIVD"):
            assert other not in shown, other


async def test_the_brief_key_opens_and_closes_it_and_b_is_a_letter_in_the_form(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="kabinet-nl", now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, codes["kabinet-nl"])
        action = app.screen.query_one("#action", TextArea)
        assert action.has_focus
        await pilot.press("b")  # typing in the form: the letter, not the brief
        assert isinstance(app.screen, TeamScreen) and action.text == "b"
        await pilot.press("f2")  # F2 works while typing
        assert isinstance(app.screen, BriefScreen)
        brief = text_of(app, "#brief-text")
        assert "1. GOAL-NL-1" in brief and "ROLE-NL" in brief and "KNOWS-NL" in brief
        assert "PACK-MOSKOU" not in brief and "GOAL-MO-1" not in brief
        await pilot.press("b")  # b closes it
        assert isinstance(app.screen, TeamScreen)
        assert app.screen.query_one("#action", TextArea).text == "b", "the form kept its text"
        app.screen.query_one("#submit").focus()  # out of the text fields, b opens the brief
        await pilot.press("b")
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, TeamScreen)


async def test_a_team_that_has_moved_is_not_interrupted_by_its_brief(tmp_path):
    fac, codes, clock, path = make_session(tmp_path, move_by="moskou")
    app = make_team_app(path, team="moskou", now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot, codes["moskou"])
        await pilot.pause(0.2)
        assert isinstance(app.screen, TeamScreen)


async def test_without_a_brief_the_screen_says_so(tmp_path):
    fac, codes, clock, path = make_session(tmp_path, briefs=False)
    app = make_team_app(path, team="washington", now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot, codes["washington"])
        await pilot.pause(0.2)
        assert isinstance(app.screen, TeamScreen), "no brief: nothing opens by itself"
        await pilot.press("f2")
        brief = text_of(app, "#brief-text")
        assert NO_BRIEF in brief and "The US administration." in brief and "SITUATION-EN" in brief


@pytest.mark.parametrize(("team", "size"), [("kabinet-nl", (160, 48)), ("moskou", (160, 48)),
                                           ("washington", (160, 48)), ("moskou", (80, 24))])
async def test_no_team_sees_another_teams_private_version_or_private_inject(tmp_path, size, team):
    """Every team on the wide screen, which shows the most at once; the red team on the narrow one too."""
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team=team, now=clock)
    async with app.run_test(size=size) as pilot:
        await sign_in(pilot, codes[team])
        card = text_of(app, "#card-text")
        if team == "washington":
            assert all(p in card for p in WASHINGTON_PRIVATE), "Washington reads its private version"
        else:
            assert all(p not in seen(app) for p in WASHINGTON_PRIVATE)
        assert ("SVR-MOSKOU" in card) == (team == "moskou")
        assert ("AIVD-DUTCH" in card) == (team == "kabinet-nl")

        fac.advance()  # the private inject for Washington
        if team == "washington":
            await until(pilot, lambda: "SECRET-WASHINGTON" in text_of(app, "#card-text"),
                        "Washington reads its private inject")
            assert any("SECRET-WASHINGTON" in n.message for n in app._notifications)
        else:
            await until(pilot, lambda: "addressed to other teams" in text_of(app, "#card-text"),
                        "another team's private inject shows only that there is one")
            shown = seen(app)
            for secret in (*SECRET, *WASHINGTON_PRIVATE, *NOTES):
                assert secret not in shown, (team, secret)
    fac.close()


async def test_the_new_inject_notice_names_the_teams_own_version(tmp_path):
    fac, codes, clock, path = make_session(tmp_path, injects=0)
    app = make_team_app(path, team="moskou", now=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await sign_in(pilot, codes["moskou"])
        fac.advance()
        await until(pilot, lambda: any(n.title == "New inject" for n in app._notifications), "the new inject notice")
        notices = [n.message for n in app._notifications if n.title == "New inject"]
        assert notices == ["SVR-MOSKOU: operation succeeded"]
        await until(pilot, lambda: "SVR-MOSKOU" in text_of(app, "#card-text"), "moskou's version on the card")
        assert "AIVD-DUTCH" not in seen(app)
