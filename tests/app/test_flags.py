"""What the console flags for the facilitator: wrong join codes and waits, a ruled move replaced, an altered log."""

from __future__ import annotations

from textual.widgets import RadioSet, Static

from wargame.app.app import make_app
from wargame.engine.lockout import FREE_TRIES, wait_after
from wargame.engine.session import JoinWait, Session

from ..waiting import until
from .conftest import FakeClock, new_console, new_session, screen_text


def panel_text(app) -> str:
    return str(app.screen.query_one("TeamsPanel").render())


def wrong_codes(path, clock, team: str, count: int) -> None:
    """`count` wrong codes from the team's own console (another Session on the file), waiting when told to."""
    s = Session.open(path, team=team, now=clock)
    for _ in range(count):
        try:
            assert not s.check_join(team, "WRONG-CODE")
        except JoinWait as wait:
            clock.tick(wait.seconds)
            assert not s.check_join(team, "WRONG-CODE")
    s.close()


async def test_teams_panel_and_codes_show_wrong_codes_and_the_wait(tmp_path):
    clock = FakeClock()
    path = tmp_path / "joins.wargame"
    app = new_console(path, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        wrong_codes(path, clock, "eu", 2)
        wrong_codes(path, clock, "washington", FREE_TRIES)
        app.poll()
        await pilot.pause()
        text = panel_text(app)
        lines = text.splitlines()
        wait = wait_after(FREE_TRIES)
        assert f"Washington  locked {wait:.0f} s" in text and f"{FREE_TRIES} wrong codes" in text
        assert not any("Washington" in line and "pending" in line for line in lines), "locked, not just pending"
        assert any("European Union" in line and "pending" in line for line in lines) and "2 wrong codes" in text
        await pilot.press("c")
        codes = screen_text(app)
        assert f"{FREE_TRIES} wrong codes · locked {wait:.0f} s" in codes and "2 wrong codes" in codes
        clock.tick(wait + 0.5)
        await until(pilot, lambda: "locked" not in screen_text(app), "the dialog counts the wait down by itself")
        assert f"{FREE_TRIES} wrong codes" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: "locked" not in panel_text(app), "the teams panel counts the wait down too")
        assert any("Washington" in line and "pending" in line for line in panel_text(app).splitlines())


async def test_the_wait_counts_down_in_the_teams_panel(tmp_path):
    clock = FakeClock()
    path = tmp_path / "count.wargame"
    app = new_console(path, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        wrong_codes(path, clock, "moskou", FREE_TRIES + 2)  # 8 s after the seventh
        app.poll()
        await pilot.pause()
        wait = wait_after(FREE_TRIES + 2)
        assert f"locked {wait:.0f} s" in panel_text(app)
        clock.tick(3)
        await until(pilot, lambda: f"locked {wait - 3:.0f} s" in panel_text(app), "the panel counts the wait down")


async def test_a_ruled_move_replaced_by_the_team_is_flagged_to_rule_again(tmp_path):
    clock = FakeClock()
    path = tmp_path / "again.wargame"
    session, _ = new_session(path, clock)
    session.advance()
    first = session.record_move("eu", "Call the Council", "", "")
    session.adjudicate(first.id, 2, "Agreed", -1, 0)
    session.close()
    app = make_app(path, now=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        assert "ruled move replaced" not in panel_text(app) and "+2 Success" in panel_text(app)
        team = Session.open(path, team="eu", now=clock)
        team.record_move("eu", "Call the Council, and NATO", "", "")
        team.close()
        app.poll()
        await pilot.pause()
        text = panel_text(app)
        assert "European Union  rule again" in text and "ruled move replaced" in text
        await pilot.press("down", "a")  # EU is the second team
        assert type(app.screen).__name__ == "AdjudicateForm"
        assert "Ruled move replaced" in str(app.screen.query_one("#replaced", Static).visual)
        pressed = app.screen.query_one("#outcome", RadioSet).pressed_button
        assert pressed is not None and pressed.name == "2", "the form starts from the earlier ruling"
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = panel_text(app)
        assert "ruled move replaced" not in text and "European Union  +2 Success" in text


async def test_an_altered_log_shows_a_red_banner_naming_the_event(tmp_path):
    clock = FakeClock()
    path = tmp_path / "altered.wargame"
    app = new_console(path, clock)
    app.session.state.altered = "event 3 (move_recorded) was changed after it was written"
    async with app.run_test(size=(80, 24)):
        banner = app.screen.query_one("#altered", Static)
        assert banner.display and banner.region.height >= 1
        assert "event 3 (move_recorded) was changed" in banner.visual.plain
        text = " ".join(screen_text(app).split())
        assert "Log altered" in text and "event 3 (move_recorded) was changed" in text
    app = make_app(path, now=clock)
    async with app.run_test(size=(80, 24)):
        assert not app.screen.query_one("#altered", Static).display


async def test_an_event_edited_behind_the_saved_state_is_flagged_once_the_console_is_on_screen(tmp_path):
    import sqlite3

    clock = FakeClock()
    path = tmp_path / "edited.wargame"
    app = new_console(path, clock, started=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.session.record_move("eu", "the original plan")
        await pilot.pause()
    app.session.close()  # the console's close saves the state; the edit below comes after it
    with sqlite3.connect(path) as db:
        db.execute("UPDATE events SET data=replace(data, 'original', 'forged') WHERE kind='move_recorded'")
    app = make_app(path, now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.session._saved_at > 0, "opened from the saved state"
        await until(pilot, lambda: app.screen.query_one("#altered", Static).display, "the altered banner")
        assert "was changed after it was recorded" in app.screen.query_one("#altered", Static).visual.plain
