"""The facilitator's dialogs in a Dutch session speak Dutch, at 80x24 and 160x48, and follow a switch."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, TextArea

from wargame.app.app import make_app
from wargame.app.messages import SessionChanged
from wargame.app.screens.adjudicate import AdjudicateForm
from wargame.app.screens.bench import Bench
from wargame.app.screens.codes import CodesDialog
from wargame.app.screens.confirm import Confirm
from wargame.app.screens.export import ExportDialog
from wargame.app.screens.move_detail import MoveDetail
from wargame.app.screens.move_form import MoveForm
from wargame.app.screens.note_form import NoteForm
from wargame.app.screens.objectives import ObjectivesForm
from wargame.app.screens.options import OptionsDialog

from .conftest import FakeClock, new_session, screen_text

SIZES = [(80, 24), (160, 48)]


def dutch_app(tmp_path, lang: str = "nl"):
    """A console in round 1 with a move by the EU, ruled and then revised."""
    clock = FakeClock()
    session, _codes = new_session(tmp_path / "nl.wargame", clock, lang=lang)
    session.advance()
    m = session.record_move("eu", "Bel de Raad", "Een verklaring", "Eenheid")
    session.adjudicate(m.id, 2, "De Raad stemt in", -1, 0)
    session.record_move("eu", "Bel de Raad opnieuw", "Een verklaring", "Eenheid", private=True)
    session.close()
    return make_app(tmp_path / "nl.wargame", now=clock)


# each dialog: how to open it, Dutch it shows (at the top, in view at 80x24), English it must not show
DIALOGS = {
    "move form": (lambda app, tmp: MoveForm("eu"), ["Zet · ronde 1 (bewerken)", "Actie: wat het team doet"],
                  ["Move · round", "Action: what the team does", "(edit)"]),
    "adjudicate": (lambda app, tmp: AdjudicateForm(app.current_session.state.current_moves()["eu"].id),
                   ["Beoordeelde zet vervangen", "Uitkomst (↑↓ en dan Enter)", "+2 Succes"],
                   ["Ruled move replaced", "Outcome", "Adjudicate ·"]),
    "note": (lambda app, tmp: NoteForm(), ["Notitie voor het evaluatieverslag", "Sterk punt", "Actiepunt"],
             ["Note for the after-action report", "Strength", "Action item", "Tag"]),
    "options": (lambda app, tmp: OptionsDialog(), ["Hoe loopt het af?", "↑↓ en Enter om te kiezen"],
                ["How does it play out?", "Esc to close"]),
    "bench": (lambda app, tmp: Bench(), ["Reservebank: zet nu een inject in", "Filter op titel"],
              ["Contingency bench", "Filter by title"]),
    "codes": (lambda app, tmp: CodesDialog(), ["Toegangscodes van de teams", "Teams doen mee met:", "uitgegeven"],
              ["Team join codes", "Teams join with", "issued — regenerate"]),
    "confirm": (lambda app, tmp: Confirm("Titel", "Doorgaan?"), ["Ja (y)", "Nee (n)"], ["Yes (y)", "No (n)"]),
    "export": (lambda app, tmp: ExportDialog(tmp / "verslag.pdf"),
               ["Evaluatieverslag exporteren (pdf)", "Opslaan (ctrl+s)", "Annuleren (esc)"],
               ["Export the debrief", "Write it to", "Save (ctrl+s)", "Cancel (esc)"]),
    "objectives": (lambda app, tmp: ObjectivesForm(), ["Teamdoelen: behaald, deels behaald of niet behaald"],
                   ["Team objectives", "partly met"]),
    "move detail": (lambda app, tmp: MoveDetail("eu"),
                    ["Europese Unie · ronde 1", "Actie: Bel de Raad opnieuw", "Resultaat:", "Argumenten:",
                     "vertrouwelijk · door de spelleiding om", "Eerdere versies (1)", "Bewerken (e)"],
                    ["round 1", "Action:", "Result:", "Reasons:", "private", "by facilitator", "Earlier versions",
                     "Edit (e)", "Close (esc)"]),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_dialog_speaks_dutch_in_a_dutch_session(tmp_path, size):
    """Each dialog in turn on one console (an app start per size, not per dialog)."""
    app = dutch_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for name, (open_dialog, dutch, english) in DIALOGS.items():
            app.push_screen(open_dialog(app, tmp_path))
            await pilot.pause()
            text = screen_text(app)
            for word in dutch:
                assert word in text, (name, word)
            for word in english:
                assert word not in text, (name, word)
            app.pop_screen()
            await pilot.pause()


async def test_an_open_form_follows_a_language_switch_and_keeps_what_was_typed(tmp_path):
    app = dutch_app(tmp_path, lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.push_screen(MoveForm("eu"))
        await pilot.pause()
        assert "Action: what the team does" in screen_text(app)
        app.screen.query_one("#action", Input).value = "Typed, not saved"
        app.screen.query_one("#reasons", TextArea).text = "Half a thought"
        app.current_session.set_language("nl")  # as another console on the session would
        app.screen.post_message(SessionChanged(1))
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "Actie: wat het team doet" in text and "Action: what the team does" not in text
        assert app.screen.query_one("#action", Input).value == "Typed, not saved"
        assert app.screen.query_one("#reasons", TextArea).text == "Half a thought"
        assert app.screen.focused is app.screen.query_one("#action", Input)


async def test_the_codes_dialog_follows_a_language_switch(tmp_path):
    app = dutch_app(tmp_path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(CodesDialog())
        await pilot.pause()
        await pilot.press("down")
        assert "Team join codes" in screen_text(app)
        app.command(app.current_session.set_language, "nl")  # the app's own command: `sync`
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "Toegangscodes van de teams" in text and "Team join codes" not in text
        assert "uitgegeven — maak een nieuwe aan" in text
        assert app.screen.query_one(OptionList).highlighted == 1
