"""Team text is shown literally everywhere and never crashes anything: one test per hostile string."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static, TextArea

from wargame.app.app import make_app
from wargame.app.widgets.safe import clip
from wargame.engine.state import fold
from wargame.store import EventStore

from ..waiting import until
from .conftest import FakeClock, new_console, new_session, notifications, screen_text

LONG = ("10k:" + "abcdefghij" * 1000)[:10_000]
HOSTILE = {
    "close-tag": "[/]",
    "open-tag": "[bold",
    "click-action": "[@click=app.quit]x[/]",
    "html": "<b>&amp;",
    "img": "<img src=x>",
    "cyrillic": "Привет",
    "emoji": "🚀",
    "rtl": "שלום",
    "10k": LONG,
}


def visible(text: str) -> str:
    """The part of `text` that fits wherever it is shown clipped."""
    return text if len(text) <= 12 else text[:12]


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
async def test_hostile_text_is_recorded_and_shown_literally(tmp_path, text):
    clock = FakeClock()
    path = tmp_path / "hostile.wargame"
    app = new_console(path, clock, started=True)
    async with app.run_test(size=(160, 48)) as pilot:
        # a move with the text in every field, through the move form
        await pilot.press("m")
        form = app.screen
        form.query_one("#action", Input).value = text
        form.query_one("#result", TextArea).text = text
        form.query_one("#reasons", TextArea).text = text
        await pilot.press("ctrl+s")
        assert type(app.screen).__name__ == "ConsoleScreen"
        shown = screen_text(app)
        assert shown.count(visible(text)) >= 2, "teams panel and MSEL timeline show the move literally"
        if len(text) <= 40:
            assert text in shown, "in full in the teams panel"
        assert any(clip(text, 60) in m for m in notifications(app))

        # the move in full in its dialog (Enter on the team), then a ruling whose narrative is the text
        await pilot.press("enter")
        assert type(app.screen).__name__ == "MoveDetail"
        detail = app.screen.query_one("#move-text", Static).visual.plain
        assert detail.count(text) == 3, "action, result and reasons in full"
        assert visible(text) in screen_text(app)
        await pilot.press("a")
        assert type(app.screen).__name__ == "AdjudicateForm"
        app.screen.query_one("#narrative", TextArea).text = text
        await pilot.press("ctrl+s")

        # a note whose text and owner are the text
        await pilot.press("w")
        app.screen.query_one("#text", TextArea).text = text
        app.screen.query_one("#owner", Input).value = text
        await pilot.press("ctrl+s")
        assert any(clip(text, 60) in m for m in notifications(app))
        assert visible(text) in screen_text(app), "the notes panel shows it"

        # the debrief lists the note and the move
        await pilot.press("x", "y")
        assert type(app.screen).__name__ == "DebriefScreen"
        assert app.screen.query_one("#notes", Static).visual.plain.count(text) == 2
        assert visible(text) in screen_text(app)
        assert app.is_running

    with EventStore(path) as store:
        st = fold(store.events())
    move = st.current_moves(0)["kabinet-nl"]
    assert (move.action, move.result, move.reasons) == (text, text, text)
    assert st.rulings[move.id].narrative == text
    assert (st.notes[-1].text, st.notes[-1].owner) == (text, text)


async def test_a_move_from_another_process_shows_without_a_key_press(tmp_path):
    """A team console (another Session on the same file) records a move; the console shows it live."""
    from wargame.engine.session import Session

    clock = FakeClock()
    path = tmp_path / "live.wargame"
    session, _ = new_session(path, clock)
    session.advance()
    app = make_app(path, now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        team = Session.open(path, team="eu", now=clock)
        team.record_move("eu", "[bold] from the EU console", "", "")
        # live within 100 ms at p95 (benchmarks/bench_live.py); here, on a test machine under load, 3 s
        await until(pilot, lambda: "[bold] from the EU console" in screen_text(app), "the move shows, live",
                    patience=3.0)
        assert "1/4 moved" in screen_text(app)
        team.close()
    session.close()


async def test_projector_hides_facilitator_notes_and_moves(tmp_path):
    clock = FakeClock()
    path = tmp_path / "wall.wargame"
    session, _ = new_session(path, clock)
    session.advance()
    session.record_move("eu", "secret plan", "", "", private=True)
    session.close()
    app = make_app(path, now=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "secret plan" in screen_text(app)
        assert "Tests whether teams" in screen_text(app)
        await pilot.press("p")
        wall = screen_text(app)
        assert "Sabotage of a North Sea cable" in wall and "EXERCISE" in wall
        assert "secret plan" not in wall and "Tests whether teams" not in wall
        await pilot.press("p")
        assert type(app.screen).__name__ == "ConsoleScreen"
