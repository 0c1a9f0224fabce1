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


GROUPS = {"markup": ("close-tag", "open-tag", "click-action"), "html-and-scripts": ("html", "img", "cyrillic"),
          "wide-and-long": ("emoji", "rtl", "10k")}
"""The hostile texts three to a console run, each entered for its own team (the first three teams)."""


@pytest.mark.parametrize("names", list(GROUPS.values()), ids=list(GROUPS))
async def test_hostile_text_is_recorded_and_shown_literally(tmp_path, names):
    texts = [HOSTILE[n] for n in names]
    clock = FakeClock()
    path = tmp_path / "hostile.wargame"
    app = new_console(path, clock, started=True)
    async with app.run_test(size=(160, 48)) as pilot:
        for n, text in enumerate(texts):
            if n:
                await pilot.press("down")  # the next team in the teams panel
            # a move with the text in every field, through the move form
            await pilot.press("m")
            form = app.screen
            form.query_one("#action", Input).value = text
            form.query_one("#result", TextArea).text = text
            form.query_one("#reasons", TextArea).text = text
            await pilot.press("ctrl+s")
            assert type(app.screen).__name__ == "ConsoleScreen", names[n]
            shown = screen_text(app)
            assert shown.count(visible(text)) >= 2, f"{names[n]}: teams panel and MSEL timeline show the move literally"
            if len(text) <= 40:
                assert text in shown, f"{names[n]}: in full in the teams panel"
            assert clip(text, 60) in notifications(app)[-1]

            # the move in full in its dialog (Enter on the team), then a ruling whose narrative is the text
            await pilot.press("enter")
            assert type(app.screen).__name__ == "MoveDetail"
            detail = app.screen.query_one("#move-text", Static).visual.plain
            assert detail.count(text) == 3, f"{names[n]}: action, result and reasons in full"
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
            assert clip(text, 60) in notifications(app)[-1]
            assert visible(text) in screen_text(app), f"{names[n]}: the notes panel shows it"

        # the debrief lists the notes and the moves
        await pilot.press("x", "y")
        assert type(app.screen).__name__ == "DebriefScreen"
        notes = app.screen.query_one("#notes", Static).visual.plain
        for name, text in zip(names, texts, strict=True):
            assert notes.count(text) == sum(2 * t.count(text) for t in texts), f"{name}: as text and as owner"
            assert visible(text) in screen_text(app)
        assert app.is_running

    with EventStore(path) as store:
        st = fold(store.events())
    moves = list(st.current_moves(0).values())
    for n, text in enumerate(texts):
        move = next(m for m in moves if m.action == text)
        assert (move.result, move.reasons) == (text, text), names[n]
        assert st.rulings[move.id].narrative == text
        assert (st.notes[n].text, st.notes[n].owner) == (text, text)


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
