"""The projector is for the wall: no notification, no private move, no note, ever, in any corner."""

from __future__ import annotations

import contextlib

from textual.widgets import Checkbox, Input, Static, TextArea

from wargame.engine.session import Session

from ..waiting import until
from .conftest import FakeClock, new_console, notifications, screen_text

FAC_PRIVATE = "FAC-PRIVATE-7c1e"
TEAM_PRIVATE = "TEAM-PRIVATE-93ab"
NOTE = "NOTE-ONLY-FOR-US-5d2f"
LATER = "RAISED-ON-THE-WALL-0b6"


def everything_shown(app) -> str:
    """The terminal as drawn, every widget's own text, and every notification the app holds."""
    parts = [screen_text(app)]
    for w in app.screen.query("*"):
        if isinstance(w, Static):
            parts.append(str(w.visual))
        with contextlib.suppress(Exception):  # a container renders nothing of its own
            parts.append(str(w.render()))
    parts += [f"{n.title} {n.message}" for n in app._notifications]
    parts += [str(t._notification.message) for t in app.screen.query("Toast")]
    return "\n".join(parts)


async def test_the_projector_shows_no_notification_private_move_or_note(tmp_path):
    clock = FakeClock()
    path = tmp_path / "wall.wargame"
    app = new_console(path, clock, started=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:  # toasts drawn, as in a terminal
        # on the console the facilitator records a private move for Washington and a note: each says so
        await pilot.press("down", "down", "m")
        app.screen.query_one("#action", Input).value = FAC_PRIVATE
        app.screen.query_one("#private", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.press("w")
        app.screen.query_one("#text", TextArea).text = NOTE
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(FAC_PRIVATE in m for m in notifications(app)) and any(NOTE in m for m in notifications(app))

        await pilot.press("p")  # the wall, while those notifications are still up
        assert type(app.screen).__name__ == "ProjectorScreen"
        team = Session.open(path, team="eu", now=clock)  # the EU's console records a private move
        team.record_move("eu", TEAM_PRIVATE, private=True)
        team.close()
        app.poll()
        app.say(f"{LATER} {NOTE}")  # anything said while the projector is up
        await pilot.pause(0.3)
        wall = everything_shown(app)
        assert "Sabotage of a North Sea cable" in wall and "EXERCISE" in wall
        for secret in (FAC_PRIVATE, TEAM_PRIVATE, NOTE, LATER, "Move recorded", "Note added"):
            assert secret not in wall, secret
        await pilot.press("question_mark")  # a screen over the wall is on the wall too
        await pilot.pause(0.2)
        assert LATER not in everything_shown(app)
        await pilot.press("escape")

        await pilot.press("p")  # back on the console, the facilitator sees what was held
        assert type(app.screen).__name__ == "ConsoleScreen"
        await until(pilot, lambda: any(LATER in m for m in notifications(app)), "the held notifications are shown")
        assert any(NOTE in m for m in notifications(app))
        assert LATER in screen_text(app)
        assert TEAM_PRIVATE in screen_text(app), "the console itself shows the team's move"
