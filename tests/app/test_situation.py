"""The wall reads out the starting situation before round 1 and never shows a private inject or a
team's own version; the facilitator's card shows every version (the deck in tests/fixtures/consoles)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from wargame.content import load
from wargame.engine.session import Session

from ..waiting import until
from .conftest import FakeClock, screen_text

CONSOLES = Path(__file__).resolve().parents[1] / "fixtures" / "consoles"
SIZES = [(80, 24), (160, 48)]
VERSIONS = ("SVR-MOSKOU", "MOSKOU-BRIEFING", "EMBASSY-WASHINGTON", "WASHINGTON-PRIVATE-BRIEFING")
SECRET = ("SECRET-WASHINGTON", "SECRET-BRIEFING", "SECRET-Q")
NOTES = ("FAC-NOTE-C1", "FAC-NOTE-C2", "FAC-NOTE-C3")


def console(tmp_path: Path, lang: str = "en", injects: int = 0):
    """The facilitator's console on a new session of the consoles deck with `injects` delivered."""
    from wargame.app.app import make_app

    lib = load([CONSOLES])
    clock = FakeClock()
    path = tmp_path / "c.wargame"
    session, _codes = Session.create(path, lib.decks["versions"], lib, lang=lang, seed=1, now=clock)
    for _ in range(injects):
        session.advance()
    session.close()
    return make_app(path, now=clock)


def wall_text(app) -> str:
    """The terminal as drawn and every Static's whole text (what scrolls out of view included)."""
    return "\n".join([screen_text(app)] + [str(w.visual) for w in app.screen.query(Static)])


def static(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).visual)


@pytest.mark.parametrize(("size", "lang", "situation", "other"), [((80, 24), "en", "SITUATION-EN", "SITUATIE-NL"),
                                                                  ((160, 48), "nl", "SITUATIE-NL", "SITUATION-EN")])
async def test_the_wall_reads_out_the_starting_situation_before_round_1(tmp_path, size, lang, situation, other):
    app = console(tmp_path, lang)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("p")
        assert type(app.screen).__name__ == "ProjectorScreen"
        await pilot.pause()
        drawn = screen_text(app)
        assert situation in drawn, "the starting situation is on the wall, in the session language"
        assert other not in wall_text(app)
        assert ("Own versions" if lang == "en" else "Eigen versies") in drawn, "with the deck title"
        assert ("The starting situation" if lang == "en" else "De uitgangssituatie") in drawn
        await pilot.press("p")
        await pilot.press("n")  # round 1: the situation gives way to the inject
        await pilot.press("p")
        await until(pilot, lambda: "AIVD-DUTCH" in screen_text(app), "the first inject on the wall")
        assert situation not in wall_text(app)
        assert not app.screen.query("Toast"), "no notification on the wall"


@pytest.mark.parametrize("size", SIZES)
async def test_the_wall_never_shows_a_private_inject_or_a_teams_version(tmp_path, size):
    app = console(tmp_path, injects=1)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert "AIVD-DUTCH" in screen_text(app)
        for secret in (*VERSIONS, *NOTES):
            assert secret not in wall_text(app), secret
        await pilot.press("p")
        await pilot.press("n", "y")  # the next inject (no team has moved: go on): private to Washington
        await until(pilot, lambda: "SECRET-WASHINGTON" in static(app, "#card-text"), "the facilitator reads it")
        await pilot.press("p")
        await until(pilot, lambda: "An inject for Washington" in screen_text(app), "the wall shows only its frame")
        for secret in (*SECRET, *VERSIONS, *NOTES):
            assert secret not in wall_text(app), secret
        assert not app.screen.query("Toast"), "no notification on the wall"


@pytest.mark.parametrize("size", SIZES)
async def test_the_facilitators_card_lists_every_version(tmp_path, size):
    app = console(tmp_path, injects=1)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        card = static(app, "#card-text")
        assert "AIVD-DUTCH" in card and "DUTCH-BRIEFING" in card, "the inject as it is"
        versions = static(app, "#card-versions")
        assert app.screen.query_one("#card-versions").display
        for part in ("Team versions (2)", "For Moscow", "SVR-MOSKOU", "MOSKOU-BRIEFING", "MOSKOU-Q",
                     "For Washington · private", "EMBASSY-WASHINGTON", "WASHINGTON-PRIVATE-BRIEFING",
                     "US Embassy The Hague", "Diplomatic cable"):
            assert part in versions, part
        assert versions.index("For Moscow") < versions.index("For Washington"), "in the order the author wrote"
        await pilot.press("n", "y")  # a private inject without versions: marked private, no versions block
        await until(pilot, lambda: "SECRET-WASHINGTON" in static(app, "#card-text"), "the next inject")
        assert "private: Washington" in static(app, "#card-text")
        assert not app.screen.query_one("#card-versions").display
