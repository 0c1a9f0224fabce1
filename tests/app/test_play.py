"""Play the two-round deck from Home to the debrief with key presses only; check what the store holds."""

from __future__ import annotations

import unicodedata

from textual import events
from textual.keys import KEY_NAME_REPLACEMENTS
from textual.widgets import Digits

from wargame.app.app import make_app
from wargame.engine.state import fold
from wargame.store import EventStore, sessions_dir

from ..waiting import until
from .conftest import FakeClock, app_library, notifications, screen_text


def key_of(ch: str) -> str:
    """The name Textual gives the key that types `ch` ("a", "space", "minus"), as `pilot.press` names it."""
    name = ch if ch.isalnum() else unicodedata.name(ch).lower().replace("-", "_").replace(" ", "_")
    return KEY_NAME_REPLACEMENTS.get(name, name)


async def type_text(pilot, text: str) -> None:
    """Type `text` as key events sent in one burst, as a fast typist does, then let the app settle.

    `pilot.press` waits for the app to go idle after every key (at least 40 ms each); the same events
    queued at once reach the focused field in order and cost one wait.
    """
    for ch in text:
        pilot.app.post_message(events.Key(key_of(ch), ch))
    await pilot.pause()


async def enter_move(pilot, action: str, result: str, reasons: str) -> None:
    await pilot.press("m")
    await type_text(pilot, action)
    await pilot.press("tab")
    await type_text(pilot, result)
    await pilot.press("tab")
    await type_text(pilot, reasons)
    await pilot.press("ctrl+s")


async def test_two_rounds_by_keys_only(wargame_home):
    clock = FakeClock()
    app = make_app(now=clock, library=app_library())
    async with app.run_test(size=(100, 40)) as pilot:
        # Home: the only deck is highlighted; ctrl+s creates the session and opens its console
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "CodesDialog", "the join codes are shown once, right after creation"
        codes = dict(app.codes)
        assert set(codes) == {"kabinet-nl", "eu", "washington", "moskou", "@evaluator", "@observer"}
        text = screen_text(app)
        assert all(code in text for code in codes.values())
        await pilot.press("escape")
        assert type(app.screen).__name__ == "ConsoleScreen"

        await pilot.press("n")  # start: round 1, first inject
        await pilot.press("s")  # start the clock
        clock.tick(5 * 60)
        await until(pilot, lambda: app.screen.query_one(Digits).value == "10:00", "15 minutes allowed, 5 passed")

        # a move for the highlighted team (Dutch Cabinet), then the EU's
        await enter_move(pilot, "Convene the NCTV", "Attribution within 48 hours", "Facts first")
        await pilot.press("down")
        await enter_move(pilot, "Call the Council", "A joint statement", "Unity")
        # adjudicate the EU's move: +2 Success, narrative, push erosion -1
        await pilot.press("a")
        await pilot.press("up", "up", "enter")  # from "+0 No effect" up to "+2 Success"
        await pilot.press("tab")
        await type_text(pilot, "The Council agrees")
        await pilot.press("tab")
        await type_text(pilot, "-1")
        await pilot.press("ctrl+s")
        assert "+2 Success" in screen_text(app)

        # edit the Cabinet's move: Enter opens it, e edits
        await pilot.press("up", "enter")
        await pilot.press("e")
        await pilot.press("end")
        await type_text(pilot, " now")
        await pilot.press("ctrl+s")

        # next inject: two teams are pending, so the console asks first
        await pilot.press("n")
        assert type(app.screen).__name__ == "Confirm"
        await pilot.press("y")
        # the summit has options: o chooses, the follow-up comes next
        await pilot.press("o")
        await pilot.press("enter")  # the first option: a joint European response
        await pilot.press("n", "y")
        assert app.session.state.current.inject_id == "t1-united"
        await pilot.press("e")  # +1 minute
        await pilot.press("w")
        await type_text(pilot, "Attribution before retaliation worked")
        await pilot.press("tab", "down", "enter")  # tag: strength
        await pilot.press("ctrl+s")

        # round 2: n asks (pending teams), then the drift inject of the quadrant the world is in
        await pilot.press("n", "y")
        assert app.session.state.round == 1
        await pilot.press("s")
        await enter_move(pilot, "Table a motion", "", "")
        await pilot.press("n", "y")
        assert any("last inject" in m for m in notifications(app))

        # the bench fires any inject
        await pilot.press("b")
        await type_text(pilot, "greenland")
        await pilot.press("enter")
        assert app.session.state.current.inject_id == "et-greenland"

        # end: confirm, then the debrief with the hot-wash questions
        await pilot.press("x", "y")
        assert type(app.screen).__name__ == "DebriefScreen"
        assert "Which future did we most prefer to ignore" in screen_text(app)
        await pilot.press("w")
        await type_text(pilot, "Write the playbook")
        await pilot.press("tab", "down", "down", "down", "enter", "tab")
        await type_text(pilot, "BZ")
        await pilot.press("tab")
        await type_text(pilot, "2026-06-01")
        await pilot.press("ctrl+s")
        path = app.session.store.path

    assert path.parent == sessions_dir()
    with EventStore(path) as store:
        events = store.events()
    st = fold(events)
    kinds = [e.kind for e in events]
    assert kinds[0] == "session_created" and kinds[-1] == "note_added" and "exercise_ended" in kinds
    assert [(d.inject_id, d.how) for d in st.deliveries] == [
        ("t1-sabotage", "fixed"), ("t1-summit", "fixed"), ("t1-united", "branch"), ("t1-drone", "drift"),
        ("et-greenland", "bench")]
    r1 = st.current_moves(0)
    assert r1["kabinet-nl"].action == "Convene the NCTV now" and r1["kabinet-nl"].supersedes
    assert r1["eu"].result == "A joint statement" and r1["eu"].reasons == "Unity"
    ruling = st.rulings[r1["eu"].id]
    assert (ruling.outcome, ruling.narrative, ruling.erosion, ruling.rapprochement) == (2, "The Council agrees", -1, 0)
    assert st.options_chosen == {"t1-summit": "united"}
    assert st.answers("t1-drone", 1)["kabinet-nl"].action == "Table a motion", "it answers the inject of its time"
    assert [(n.text, n.tag) for n in st.notes] == [("Attribution before retaliation worked", "strength"),
                                                   ("Write the playbook", "action")]
    assert (st.notes[1].owner, st.notes[1].due) == ("BZ", "2026-06-01")
    assert st.ended
    clock_events = [e.data for e in events if e.kind == "clock"]
    assert {"action": "extend", "seconds": 60} in clock_events
