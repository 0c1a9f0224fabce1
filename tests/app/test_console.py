"""The console's other duties: clock, language, codes, palette, help, resume, local decks, export."""

from __future__ import annotations

import sys
import types

from textual.widgets import Digits, OptionList

from wargame.app.app import make_app
from wargame.engine.session import Session
from wargame.store import sessions_dir

from ..waiting import until
from .conftest import DATA, FakeClock, app_library, new_console, new_session, notifications, screen_text


async def test_countdown_runs_from_the_deadline_turns_amber_then_counts_overtime(tmp_path):
    clock = FakeClock()
    path = tmp_path / "c.wargame"
    app = new_console(path, clock, started=True)
    async with app.run_test(size=(80, 24)) as pilot:
        countdown = app.screen.query_one("#countdown")
        assert app.screen.query_one(Digits).value == "15:00" and countdown.has_class("-idle")
        await pilot.press("s")
        clock.tick(14 * 60 + 1)
        await until(pilot, lambda: app.screen.query_one(Digits).value == "00:59", "the last minute shows")
        assert countdown.has_class("-last-minute")
        clock.tick(90)
        await until(pilot, lambda: app.screen.query_one(Digits).value == "+00:31", "overtime shows")
        assert countdown.has_class("-overtime")
        assert "moves closed" in screen_text(app)
        await pilot.press("e")  # +1 minute
        assert app.screen.query_one(Digits).value == "00:29"
        await pilot.press("s")  # pause
        clock.tick(600)
        await pilot.pause(0.4)
        assert app.screen.query_one(Digits).value == "00:29" and countdown.has_class("-paused")
        await pilot.press("k")  # close the time box
        assert countdown.has_class("-done")


async def test_the_bench_offers_the_rounds_own_bench_injects_first(tmp_path):
    from textual.widgets import OptionList

    app = new_console(tmp_path / "b.wargame", FakeClock(), started=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        options = app.screen.query_one("#injects", OptionList)
        first = options.get_option_at_index(0)
        assert first.id == "et-greenland" and str(first.prompt).startswith("◆ ")
        assert "◆ this round's bench" in screen_text(app)
        await pilot.press("escape")


async def test_the_timeline_follows_the_window_between_its_own_column_and_the_side(tmp_path):
    """Wide: the MSEL has a column of its own; narrow: it sits under the notes. Resizing the
    terminal moves it, with the moves under their round kept."""
    clock = FakeClock()
    path = tmp_path / "t.wargame"
    session, _ = new_session(path, clock)
    session.advance()
    session.record_move(next(iter(session.state.teams)), "[/] timeline move", "r", "x")
    session.close()
    app = make_app(path, now=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        assert [t.id for t in app.screen.query("Timeline")] == ["timeline-wide"]
        assert "[/] timeline move" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: [t.id for t in app.screen.query("Timeline")] == ["timeline-side"],
                    "narrow: the MSEL moves under the notes")
        assert app.screen.query_one("#timeline-side").parent.id == "side"
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: [t.id for t in app.screen.query("Timeline")] == ["timeline-wide"],
                    "wide again: the MSEL has its own column")
        assert "[/] timeline move" in str(app.screen.query_one("#timeline-wide").render())


async def test_teams_panel_cursor_stays_in_view_and_a_click_opens_the_team(tmp_path):
    """Twenty teams at 80x24, more than the side column holds: the cursor walks to the last team
    and its row is scrolled into view; clicking a team moves the cursor there and opens its move."""
    from dataclasses import replace

    from wargame.model import Team, Text

    lib = app_library()
    extra = [f"extra-{n:02d}" for n in range(20 - len(lib.decks["two-rounds"].teams))]
    teams = dict(lib.teams, **{t: Team(id=t, name=Text(nl=t.title(), en=t.title()), role=Text(nl="rol", en="role"))
                               for t in extra})
    deck = replace(lib.decks["two-rounds"], teams=lib.decks["two-rounds"].teams + tuple(extra))
    clock = FakeClock()
    session, _ = Session.create(tmp_path / "many.wargame", deck, replace(lib, teams=teams), seed=1, lang="en",
                                now=clock)
    session.advance()
    session.record_move("extra-03", "[/] twenty teams", "r", "x")
    session.close()
    app = make_app(tmp_path / "many.wargame", now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.screen.query_one("TeamsPanel")
        assert panel.has_focus and panel.team == deck.teams[0]
        assert extra[-1].title() not in screen_text(app), "twenty teams do not fit: the last is below"
        await pilot.press("end")
        await until(pilot, lambda: panel.team == extra[-1], "End walks to the last team")
        assert extra[-1].title() in screen_text(app), "the cursor's row is scrolled into view"
        await pilot.press("home")
        await until(pilot, lambda: panel.team == deck.teams[0], "Home walks back to the first team")
        assert deck.teams[0] != "extra-03"
        row = deck.teams.index("extra-03")  # every team before it is pending: one line each
        await pilot.click(panel, offset=(4, 1 + row))  # 1: under the border
        await until(pilot, lambda: type(app.screen).__name__ == "MoveDetail", "a click opens the team's move")
        assert panel.team == "extra-03"
        assert "[/] twenty teams" in screen_text(app)


async def test_language_switch_shows_the_content_in_dutch(tmp_path):
    clock = FakeClock()
    path = tmp_path / "l.wargame"
    app = new_console(path, clock, started=True)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Sabotage of a North Sea cable" in screen_text(app)
        await pilot.press("l")
        assert "Sabotage aan een kabel in de Noordzee" in screen_text(app)
        assert app.session.state.lang == "nl"


async def test_codes_are_shown_once_and_can_be_regenerated(tmp_path):
    clock = FakeClock()
    path = tmp_path / "codes.wargame"
    session, codes = new_session(path, clock)
    session.close()
    app = make_app(path, codes={"eu": codes["eu"]}, now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "CodesDialog"
        text = screen_text(app)
        assert codes["eu"] in text and codes["kabinet-nl"] not in text
        assert "issued — regenerate to see a new one" in text
        await pilot.press("g", "y")  # the highlighted team (Dutch Cabinet) gets a new code
        new = app.codes["kabinet-nl"]
        assert new in screen_text(app)
    check = Session.open(path, now=clock)
    assert check.check_join("kabinet-nl", new) and not check.check_join("kabinet-nl", codes["kabinet-nl"])
    check.close()


def first_hit(app) -> str:
    """The command palette's first search result, or "" while it has none."""
    results = app.screen.query(OptionList)
    if not results or not results.first().option_count:
        return ""
    return str(results.first().get_option_at_index(0).prompt)


async def test_command_palette_offers_the_console_actions(tmp_path):
    clock = FakeClock()
    path = tmp_path / "p.wargame"
    app = new_console(path, clock, started=True)
    async with app.run_test(size=(100, 30)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("Next inject (or the next round when this round is played out)", "Start the inject clock",
                       "Write a note for the after-action report", "Fire any inject from the contingency bench",
                       "Show the inject and clock full screen, for the wall", "Show and regenerate team join codes"):
            assert wanted in titles
        assert "Pause the inject clock" not in titles, "only what applies now"
        await pilot.press("ctrl+p")
        await pilot.press(*"full screen")
        await until(pilot, lambda: "full screen, for the wall" in first_hit(app), "the palette finds the command")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProjectorScreen"


async def test_help_lists_every_key_of_the_console(tmp_path):
    clock = FakeClock()
    path = tmp_path / "h.wargame"
    new_session(path, clock)[0].close()
    app = make_app(path, now=clock)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        text = screen_text(app)
        for key, what in [("n", "Next"), ("N", "Next round"), ("s", "Start clock"), ("e", "+1m"), ("E", "+5m"),
                          ("k", "Skip clock"), ("m", "Move"), ("a", "Rule"), ("w", "Note"), ("o", "Options"),
                          ("b", "Bench"), ("r", "Reopen moves"), ("p", "Projector"), ("l", "NL/EN"),
                          ("c", "Codes"), ("x", "End"), ("d", "Debrief"), ("?", "Help"), ("q", "Quit"),
                          ("↑", "Previous team"), ("↓", "Next team"), ("⏎", "Open the team's move")]:
            assert any(line.strip().startswith(key) and what in line for line in text.splitlines()), (key, what)
        await pilot.press("escape")
        assert type(app.screen).__name__ == "ConsoleScreen"


async def test_resume_from_home_brings_back_round_moves_and_clock(tmp_path):
    clock = FakeClock()
    path = sessions_dir() / "resume-me.wargame"
    session, _ = new_session(path, clock)
    session.advance()
    session.clock("start")
    session.record_move("eu", "Hold the line", "", "")
    session.close()  # as if the console had been killed: the state is the fold of the file
    clock.tick(125)
    app = make_app(now=clock, library=app_library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "enter")
        assert type(app.screen).__name__ == "ConsoleScreen"
        text = screen_text(app)
        assert "Round 1/2" in text and "Hold the line" in text
        assert app.screen.query_one(Digits).value == "12:55", "the clock counted the time that passed"


async def test_home_offers_local_decks(tmp_path, monkeypatch):
    local = tmp_path / "work"
    (local / "decks").mkdir(parents=True)
    text = (DATA / "deck.yaml").read_text().replace("id: two-rounds", "id: my-deck").replace(
        "title: {nl: Twee rondes, en: Two rounds}", "title: {nl: Mijn deck, en: My deck}")
    (local / "decks" / "mine.yaml").write_text(text)
    monkeypatch.chdir(local)
    app = make_app(now=FakeClock(), library=app_library())
    async with app.run_test(size=(100, 30)) as pilot:
        text = screen_text(app)
        assert "My deck" in text and "local: decks" in text
        await pilot.press("down", "ctrl+s")
        await pilot.pause()
        assert app.session.state.deck.id == "my-deck"
        assert app.session.store.path.parent == sessions_dir()


async def test_home_shows_broken_content_instead_of_crashing(tmp_path, monkeypatch):
    from wargame.content import ContentError, Problem

    def broken():
        raise ContentError([Problem("decks/x.yaml", 3, "deck.rounds", "unknown inject 'nope'")])

    app = make_app(now=FakeClock())
    monkeypatch.setattr(app, "library", broken)
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=(100, 30)):
        assert "unknown inject 'nope'" in screen_text(app)


async def test_debrief_export_runs_in_a_worker_and_reports(tmp_path, monkeypatch):
    clock = FakeClock()
    path = tmp_path / "x.wargame"
    session, _ = new_session(path, clock)
    session.advance()
    session.end()
    session.close()
    calls = []
    fake = types.ModuleType("wargame.report.debrief")

    def write_debrief(state, out, team=None, lang="nl", progress=None):
        calls.append((state.ended, out, team, lang))
        progress(0.5)
        out.write_bytes(b"%PDF-fake")
        progress(1.0)

    fake.write_debrief = write_debrief
    monkeypatch.setitem(sys.modules, "wargame.report.debrief", fake)
    app = make_app(path, now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        assert type(app.screen).__name__ == "DebriefScreen"
        await pilot.press("e")
        assert type(app.screen).__name__ == "ExportDialog"
        await pilot.press("enter")  # where it offers: beside the session file
        await app.workers.wait_for_complete()
        await pilot.pause()
        out = tmp_path / "x-debrief.pdf"
        assert calls == [(True, out, None, "en")] and out.read_bytes() == b"%PDF-fake"
        assert any("Debrief written" in m for m in notifications(app))
        bar = app.screen.query_one("#export-progress")
        assert bar.progress == 100 and not bar.has_class("running"), "progress shown, then hidden"


async def test_debrief_export_writes_a_real_pdf(tmp_path):
    from pypdf import PdfReader

    clock = FakeClock()
    path = tmp_path / "z.wargame"
    session, _ = new_session(path, clock)
    session.advance()
    session.record_move(next(iter(session.state.teams)), "[/] <b>&amp; Привет")
    session.end()
    session.close()
    app = make_app(path, now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", "e", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        out = tmp_path / "z-debrief.pdf"
        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        assert "[/] <b>&amp; Привет" in text


async def test_debrief_export_without_the_report_module_says_so(tmp_path, monkeypatch):
    clock = FakeClock()
    path = tmp_path / "y.wargame"
    session, _ = new_session(path, clock)
    session.advance()
    session.end()
    session.close()
    monkeypatch.setitem(sys.modules, "wargame.report.debrief", None)  # import raises ImportError
    app = make_app(path, now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", "e", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("PDF export is not available" in m for m in notifications(app))
        assert app.is_running
