"""The team console through Textual's Pilot: login, moves, the deadline, following the facilitator."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, Select

from wargame.app.team import make_team_app
from wargame.app.team.screens.console import TeamScreen
from wargame.app.team.screens.login import LoginScreen
from wargame.app.widgets.axis_cross import AxisCross
from wargame.engine.lockout import FREE_TRIES, wait_after
from wargame.engine.session import Session

from ..waiting import until
from .helpers import HOSTILE, SECRET_NOTE, fill, form, login, make_session, rendered, screen_text, text_of

SIZE = (140, 50)


async def test_right_code_opens_the_console(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoginScreen)
        assert app.screen.query_one("#team", Select).value == "red"
        await login(pilot, codes["red"].lower().replace("-", ""))  # codes are read aloud: case and dash do not matter
        assert isinstance(app.screen, TeamScreen)
        assert app.team == "red"
        assert app.session.store.role.team == "red"
        assert "Title s1-a1" in text_of(app, "#card-text")
        assert "Briefing s1-a1." in text_of(app, "#card-text")


async def test_team_is_chosen_from_the_sessions_teams(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, now=clock)
    async with app.run_test(size=SIZE) as pilot:
        select = app.screen.query_one("#team", Select)
        assert select.value == Select.NULL
        await login(pilot, codes["blue"])
        assert isinstance(app.screen, LoginScreen)
        assert "Choose your team" in text_of(app, "#login-message")
        await login(pilot, codes["blue"], team="blue")
        assert isinstance(app.screen, TeamScreen) and app.team == "blue"


async def test_an_unknown_preset_team_asks_for_the_team(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="nope", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "no team 'nope'" in text_of(app, "#login-message")
        await login(pilot, codes["green"], team="green")
        assert app.team == "green"


async def test_wrong_codes_count_down_the_free_tries_then_the_team_waits(tmp_path):
    """Each wrong code clears the field and says how many tries are left; after FREE_TRIES in a row the
    team must wait (even its right code is refused, and not counted, until then); a right code after
    the wait signs in and resets the count."""
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["blue"])  # another team's code
        assert isinstance(app.screen, LoginScreen)
        msg = text_of(app, "#login-message")
        assert "not the join code" in msg and f"{FREE_TRIES - 1} tries left before you must wait" in msg
        assert app.screen.query_one("#code", Input).value == "", "a wrong code is cleared"
        for n in range(2, FREE_TRIES):
            await login(pilot, "WRONG-CODE")
            left = FREE_TRIES - n
            assert f"{left} {'try' if left == 1 else 'tries'} left" in text_of(app, "#login-message")
        await login(pilot, "WRONG-CODE")  # the last free try
        first_wait = wait_after(FREE_TRIES)
        assert f"try again in {first_wait:.0f} s" in text_of(app, "#login-message")
        await login(pilot, codes["red"])  # even the right code: not before the wait is over
        assert isinstance(app.screen, LoginScreen)
        msg = text_of(app, "#login-message")
        assert "Too many wrong codes" in msg and "try again in" in msg
        assert app.screen.query_one("#code", Input).value == "", "a refused code is cleared too"
        fac.refresh()
        assert fac.state.failed_joins["red"] == FREE_TRIES, "a try refused for the wait is not counted"
        clock.tick(first_wait + 0.1)
        await until(pilot, lambda: "try the code of RED again now" in text_of(app, "#login-message"),
                    "the message counts down by itself")
        await login(pilot, codes["red"])
        assert isinstance(app.screen, TeamScreen)
    fac.refresh()
    assert fac.state.failed_joins["red"] == 0, "the right code resets the count"


async def test_a_new_code_from_the_facilitator_ends_the_wait(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(FREE_TRIES + 1):
            await login(pilot, "WRONG-CODE")
        assert "try again in" in text_of(app, "#login-message")
        new = fac.new_code("red")
        await login(pilot, new)
        assert isinstance(app.screen, TeamScreen)


async def test_typed_move_is_recorded_in_the_store(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        await pilot.click("#action")
        await pilot.press(*"Sanctions")
        await pilot.click("#result")
        await pilot.press(*"Moscow blinks")
        await pilot.click("#private")
        await pilot.click("#submit")
        await pilot.pause()
        assert text_of(app, "#form-status").startswith("✓ Recorded")
        fac.refresh()
        (m,) = fac.state.current_moves().values()
        assert (m.team, m.action, m.result, m.private, m.actor) == ("red", "Sanctions", "Moscow blinks", True, "team:red")
        assert "Sanctions" in text_of(app, "#own-moves") and "private" in text_of(app, "#own-moves")
        # editing is submitting again: the new version supersedes the old
        fill(app, "Sanctions, softened", "Moscow blinks", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        fac.refresh()
        latest = fac.state.current_moves()["red"]
        assert latest.action == "Sanctions, softened" and latest.supersedes == m.id
        assert "version 2" in text_of(app, "#form-status")


async def test_an_empty_move_is_refused_plainly(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "a move needs an action" in text_of(app, "#form-status")
    fac.refresh()
    assert fac.state.moves == {}


async def test_after_the_deadline_the_move_is_refused_and_the_text_kept(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    fac.clock("start")
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        assert "Moves are open" in text_of(app, "#phase")
        clock.tick(11 * 60)  # the inject allows 10 minutes
        await until(pilot, lambda: "deadline has passed" in text_of(app, "#phase"), "the screen notices the deadline")
        fill(app, "Too late [/]", "result", "reasons")
        await pilot.press("ctrl+s")
        await pilot.pause()
        status = text_of(app, "#form-status")
        assert "Not recorded" in status and "deadline" in status and "kept" in status
        assert not status.startswith("✓")
        assert form(app) == ("Too late [/]", "result", "reasons")
        fac.refresh()
        assert fac.state.moves == {}
        # the facilitator reopens moves: the same text goes in
        fac.reopen_moves()
        await until(pilot, lambda: "reopened" in text_of(app, "#phase"), "the reopening shows")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(app, "#form-status").startswith("✓ Recorded")
        fac.refresh()
        assert fac.state.current_moves()["red"].action == "Too late [/]"


async def test_facilitator_news_appears_within_a_second(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        assert "Title s1-a1" in text_of(app, "#card-text")
        other = Session.open(path, now=clock)  # the facilitator's console: another Session on the same file
        other.advance()
        await until(pilot, lambda: "Title s1-branch" in text_of(app, "#card-text"), "the new inject shows")
        assert any(n.title == "New inject" for n in app._notifications)
        other.clock("start")
        await until(pilot, lambda: app.screen.query_one("#countdown").caption == "time left", "the clock runs")
        other.next_round()
        await until(pilot, lambda: "Round 2/3" in text_of(app, "#top-text"), "the new round shows")
        assert any(n.title == "New round" for n in app._notifications)


async def test_unsent_text_survives_a_new_round(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        fill(app, "half typed")
        fac.next_round()
        await until(pilot, lambda: "unsent text" in text_of(app, "#form-status"), "the new round keeps the text")
        assert form(app)[0] == "half typed"
        assert "unsent text" in text_of(app, "#form-status")


async def test_only_own_moves_and_rulings_never_notes_or_other_teams(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)
    fac.record_move("blue", "BLUE-PRIVATE-PLAN", "r", "x", private=True)
    fac.record_move("green", "GREEN-PUBLIC-PLAN", "r", "x", private=False)
    red = fac.record_move("red", "RED-PLAN", "r", "x")
    fac.adjudicate(red.id, 2, "It works [/] <b>", erosion=1)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        text = screen_text(app)
        assert "RED-PLAN" in text and "+2 Success" in text
        assert "It works [/] <b>" in text
        assert "BLUE-PRIVATE-PLAN" not in text
        assert "GREEN-PUBLIC-PLAN" not in text  # other teams' moves are left out altogether
        assert SECRET_NOTE not in text
        assert app.screen.query(AxisCross)
        # a ruling arriving later is announced
        fac.adjudicate(red.id, -1, "on second thought")
        await until(pilot, lambda: "on second thought" in text_of(app, "#own-moves"), "the new ruling shows")
        rulings = [n for n in app._notifications if n.title == "The facilitator ruled on your move"]
        assert [n.message for n in rulings] == ["-1 Setback"]  # a changed ruling is announced too


async def test_the_world_is_hidden_when_the_deck_says_so(tmp_path):
    fac, codes, clock, path = make_session(tmp_path, show_world=False)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        assert not app.screen.query(AxisCross)
        assert "erosion" not in screen_text(app)


async def test_before_the_start_and_after_the_end(tmp_path):
    fac, codes, clock, path = make_session(tmp_path, start=False)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        assert "not started" in text_of(app, "#phase")
        fill(app, "early")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "has not started" in text_of(app, "#form-status")
        fac.advance()
        fac.end()
        await until(pilot, lambda: "ended" in text_of(app, "#phase"), "the end shows")
        assert form(app)[0] == "early"


async def test_hostile_text_is_stored_and_shown_literally(tmp_path):
    """Each hostile text in turn, in one console: every submit replaces the move before it."""
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        for hostile in HOSTILE:
            what = hostile[:12]
            fill(app, hostile, hostile, hostile)
            app.screen.query_one("#private", Checkbox).value = True
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert text_of(app, "#form-status").startswith("✓ Recorded"), what
            assert app.is_running
            shown = text_of(app, "#own-moves")
            if len(hostile) < 100:
                assert f"Action: {hostile}" in shown, what
                assert f"Action: {hostile}" in rendered(app), what  # on the terminal, as typed
            fac.refresh()
            m = fac.state.current_moves()["red"]
            assert (m.action, m.result, m.reasons) == (hostile, hostile, hostile), what
            # the facilitator answers in kind: a hostile ruling is shown literally too
            fac.adjudicate(m.id, 0, hostile)
            app.screen.poll()  # what the poll timer does twice a second
            await pilot.pause()
            assert app.is_running
            if len(hostile) < 100:
                assert hostile in text_of(app, "#own-moves"), what


async def test_an_inject_for_other_teams_is_not_shown(tmp_path):
    fac, codes, clock, path = make_session(tmp_path, targets={"s1-a1": ["blue"]})
    for team, sees in (("red", False), ("blue", True)):
        app = make_team_app(path, team=team, now=clock)
        async with app.run_test(size=SIZE) as pilot:
            await login(pilot, codes[team])
            text = screen_text(app)
            assert ("Briefing s1-a1." in text) is sees
            assert ("addressed to other teams" in text) is not sees


async def test_a_retry_after_a_lost_answer_records_the_move_once(tmp_path):
    """The store committed but the answer was lost: the console says 'not recorded', the retry reuses the key."""
    from wargame.store import StoreError

    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        session = app.session
        real = session.record_move
        keys = []

        def flaky(*args, **kwargs):
            keys.append(kwargs["key"])
            move = real(*args, **kwargs)
            if len(keys) == 1:
                raise StoreError("disk I/O error")  # committed, but the answer is lost
            return move

        session.record_move = flaky
        fill(app, "once only")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not recorded" in text_of(app, "#form-status") and form(app)[0] == "once only"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(app, "#form-status").startswith("✓ Recorded")
        assert keys[0] == keys[1]
        fac.refresh()
        assert [m.action for m in fac.state.moves.values()] == ["once only"]
        # a changed move is a new attempt: it supersedes
        fill(app, "changed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert keys[2] != keys[1]
        fac.refresh()
        assert fac.state.current_moves()["red"].action == "changed" and len(fac.state.moves) == 2


async def test_a_team_answers_each_inject_of_a_round_and_can_go_back_to_an_earlier_one(tmp_path):
    fac, codes, clock, path = make_session(tmp_path)  # round 1, its first inject s1-a1 delivered
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        assert not app.screen.query_one("#answering", Select).display, "one inject so far: nothing to choose"
        fill(app, "answer to the first")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: text_of(app, "#form-status").startswith("✓ Recorded"), "the first answer")
        fac.advance()  # the round's second inject
        await until(pilot, lambda: form(app)[0] == "", "the form turns to the new inject, empty")
        assert app.screen.query_one("#answering", Select).display, "an earlier inject of the round to choose"
        fill(app, "answer to the second")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "answer to the second" in text_of(app, "#own-moves"), "the second answer")
        app.screen.query_one("#answering", Select).value = "s1-a1"
        await until(pilot, lambda: form(app)[0] == "answer to the first", "the first answer back in the form")
        fill(app, "the first, revised")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "version 2" in text_of(app, "#form-status"), "the revision recorded")
    fac.refresh()
    st = fac.state
    assert st.answers("s1-a1")["red"].action == "the first, revised"
    assert st.answers("s1-branch")["red"].action == "answer to the second", "the revision replaced the first only"
    assert st.answers("s1-a1")["red"].supersedes is not None and st.answers("s1-branch")["red"].supersedes is None


async def test_while_an_inject_for_other_teams_is_played_the_form_keeps_answering_the_teams_own(tmp_path):
    fac, codes, clock, path = make_session(tmp_path, targets={"s1-branch": ["blue"]})
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot, codes["red"])
        fill(app, "red's answer")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: text_of(app, "#form-status").startswith("✓ Recorded"), "the first answer")
        fac.advance()  # s1-branch: for blue alone
        await until(pilot, lambda: app.screen.query_one("#answering", Select).value == "s1-a1",
                    "the form answers red's own inject")
        assert form(app)[0] == "red's answer"
        fill(app, "red's answer, revised")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "version 2" in text_of(app, "#form-status"), "recorded as a revision")
    fac.refresh()
    assert fac.state.answers("s1-a1")["red"].action == "red's answer, revised"
    assert "red" not in fac.state.answers("s1-branch")
