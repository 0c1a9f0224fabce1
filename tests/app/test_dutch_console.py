"""The facilitator console in a Dutch session speaks Dutch (status lines, teams, timeline, notes, footer,
help, palette, notifications), at 80x24 and 160x48, and follows the switch `l` both ways."""

from __future__ import annotations

import pytest

from wargame.app.app import make_app
from wargame.app.widgets.notes import NotesPanel
from wargame.app.widgets.teams import TeamsPanel

from .conftest import FakeClock, new_session, notifications, screen_text
from .english import english_left, words

SIZES = [(80, 24), (160, 48)]
TEAM_TEXT = "Bel de Raad opnieuw Een verklaring Eenheid Sancties HV 2026-04-01 omgekeerd"
"""The moves' and notes' own text, the same in both renders and never translated (and a scenario's title,
"De omgekeerde Kissinger", where the status line clips it).
Words Dutch shares with English: the MSEL, "zetten open", "was +2 Succes"."""


def console_app(tmp_path, lang: str, *, started: bool = True):
    """A console in round 1: a move by the EU ruled and then revised (private), one by Washington to rule,
    and two notes, one an action with an owner and a due date."""
    clock = FakeClock()
    path = tmp_path / f"console-{lang}.wargame"
    session, _codes = new_session(path, clock, lang=lang)
    if started:
        session.advance()
        m = session.record_move("eu", "Bel de Raad", "Een verklaring", "Eenheid")
        session.adjudicate(m.id, 2, "De Raad stemt in", -1, 0)
        session.record_move("eu", "Bel de Raad opnieuw", "Een verklaring", "Eenheid", private=True)
        session.record_move("washington", "Sancties", "", "")
        session.add_note("Eenheid", tag="strength")
        session.add_note("Sancties", tag="action", owner="HV", due="2026-04-01")
    session.close()
    return make_app(path, now=clock)


async def console_text(tmp_path, lang: str, size: tuple[int, int], *, started: bool = True) -> tuple[str, object]:
    app = console_app(tmp_path, lang, started=started)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = screen_text(app)
        st = app.session.state
        app.session.close()
    return text, st


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("started", [False, True])
async def test_the_console_of_a_dutch_session_is_dutch(tmp_path, size, started):
    dutch, st = await console_text(tmp_path / "nl", "nl", size, started=started)
    english, _st = await console_text(tmp_path / "en", "en", size, started=started)
    left = english_left(dutch, english, st, also=words(TEAM_TEXT) | {"msel", "open", "was"})
    assert not left, left
    if started:
        assert "zetten open" in dutch and "moves open" in english
        assert "Ronde 1/2:" in dutch and "Round 1/2:" in english
        assert "te beoordelen" in dutch and "to rule" in english
        assert "herbeoordelen" in dutch and "rule again" in english
        assert "(vertrouwelijk)" in dutch and "(private)" in english
        assert "Beoordelen" in dutch and "Rule" in english  # the footer
    else:
        assert "Niet gestart · 2 rondes · druk op n om te starten" in dutch
        assert "Not started · 2 rounds · press n to start" in english
    if size == (160, 48):  # at 80x24 the notes are below the fold
        assert "Notities (w)" in dutch and "Notes (w)" in english
    for en in ("moves open", "Notes", "pending", "to rule", "rounds and injects", "Debrief"):
        assert en not in dutch


@pytest.mark.parametrize("size", SIZES)
async def test_panels_help_palette_and_notifications_speak_dutch(tmp_path, size):
    app = console_app(tmp_path, "nl")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        teams = app.screen.query_one(TeamsPanel)
        assert teams.border_title == "Teams · 2/4 gezet"
        notes = app.screen.query_one(NotesPanel)
        assert notes.border_title == "Notities (w) · 2"
        shown = notes.render().plain  # type: ignore[union-attr]
        assert "R1 sterk punt: Eenheid" in shown
        assert "R1 actiepunt: Sancties (HV, termijn 2026-04-01)" in shown
        await pilot.press("e")
        await pilot.pause()
        assert "+1 min" in notifications(app)
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = screen_text(app)
        assert "Toetsen · console" in help_text
        assert "Klok starten · Start de klok van de inject" in help_text
        assert "Keys ·" not in help_text and "Next inject" not in help_text and "Everywhere" not in help_text
        await pilot.press("escape")
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Hulp: toetsen" in commands and "Schermafdruk" in commands
        assert "Help: keys" not in commands and "Screenshot" not in commands
        app.session.close()


async def test_the_switch_re_renders_the_console_in_the_other_language(tmp_path):
    app = console_app(tmp_path, "en")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        before = screen_text(app)
        assert "moves open" in before and "MSEL · rounds and injects" in before and "Rule" in before
        await pilot.press("l")
        await pilot.pause()
        await pilot.pause()
        after = screen_text(app)
        assert app.session.state.lang == "nl"
        for nl in ("zetten open", "MSEL · rondes en injects", "Notities (w)", "Teams · 2/4 gezet", "te beoordelen",
                   "Beoordelen", "Hulp"):
            assert nl in after, nl
        for en in ("moves open", "rounds and injects", "Notes (w)", "moved", "to rule", "Help", "Rule"):
            assert en not in after, en
        await pilot.press("l")
        await pilot.pause()
        await pilot.pause()
        back = screen_text(app)
        assert "moves open" in back and "Notes (w)" in back and "Help" in back
        assert "zetten open" not in back and "Hulp" not in back
        app.session.close()
