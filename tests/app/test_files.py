"""Files the facilitator deals with: where the PDF goes and opening it; Home's recent sessions and any path."""

from __future__ import annotations

import os
import sys
import time
import types

from textual.widgets import Input, Static

from wargame.app import files
from wargame.app.app import make_app
from wargame.app.summary import read_summary
from wargame.engine.session import Session
from wargame.store import sessions_dir

from .conftest import FakeClock, app_library, new_session, notifications, screen_text


def fake_report(monkeypatch) -> list:
    """A stand-in for the PDF writer (ReportLab is slow): it writes a few bytes and says where."""
    calls: list = []
    fake = types.ModuleType("wargame.report.debrief")

    def write_debrief(state, out, team=None, lang="nl", progress=None):
        calls.append(out)
        out.write_bytes(b"%PDF-fake")

    fake.write_debrief = write_debrief
    monkeypatch.setitem(sys.modules, "wargame.report.debrief", fake)
    return calls


def ended(path, clock):
    session, _ = new_session(path, clock)
    session.advance()
    session.end()
    session.close()
    return path


async def test_the_pdf_goes_where_the_facilitator_says_and_can_be_opened(tmp_path, monkeypatch):
    """A session in the hidden data folder: the PDF is offered in the current folder, not there; another
    folder can be typed; the full path is shown after writing, and o opens it with the desktop's viewer."""
    clock = FakeClock()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    path = ended(sessions_dir() / "hidden.wargame", clock)
    calls = fake_report(monkeypatch)
    opened = tmp_path / "opened.txt"
    viewer = [sys.executable, "-c", f"import sys, pathlib; pathlib.Path({str(opened)!r}).write_text(sys.argv[1])"]
    monkeypatch.setattr(files, "opener", lambda: viewer)
    out_dir = tmp_path / "handouts"
    out_dir.mkdir()
    app = make_app(path, now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", "e")
        assert type(app.screen).__name__ == "ExportDialog"
        field = app.screen.query_one("#path", Input)
        assert field.value == str(work / "hidden-debrief.pdf"), "not the hidden data folder"
        assert str(sessions_dir()) not in field.value
        field.value = str(out_dir)  # a folder: the file goes into it
        await pilot.pause()
        assert app.screen.query_one("#where", Static).visual.plain == f"→ {out_dir / 'hidden-debrief.pdf'}"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        out = out_dir / "hidden-debrief.pdf"
        assert calls == [out] and out.read_bytes() == b"%PDF-fake"
        shown = app.screen.query_one("#export-result", Static)
        assert shown.display and f"Debrief written: {out}" in shown.visual.plain, "the full path, on the screen"
        assert any(str(out) in m for m in notifications(app))
        assert "o" in app.active_bindings and "Open PDF" in screen_text(app)
        await pilot.press("o")
        for _ in range(50):
            if opened.exists():
                break
            time.sleep(0.1)
        assert opened.read_text() == str(out)


async def test_without_a_viewer_nothing_is_offered_and_nothing_fails(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    clock = FakeClock()
    path = ended(tmp_path / "plain.wargame", clock)
    fake_report(monkeypatch)
    monkeypatch.setattr(files, "opener", lambda: None)
    app = make_app(path, now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", "e")
        assert app.screen.query_one("#path", Input).value == str(tmp_path / "plain-debrief.pdf"), "beside the file"
        app.screen.query_one("#path", Input).value = "report"  # relative, no .pdf: the current folder
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "report.pdf").read_bytes() == b"%PDF-fake"
        assert "o" not in app.active_bindings and "Open PDF" not in screen_text(app)
        await pilot.press("o")
        assert app.is_running and type(app.screen).__name__ == "DebriefScreen"
    assert files.open_file(tmp_path / "x.pdf") == "no program to open it was found"


async def test_a_folder_that_does_not_exist_is_refused_in_the_dialog(tmp_path, monkeypatch):
    clock = FakeClock()
    path = ended(tmp_path / "nofolder.wargame", clock)
    calls = fake_report(monkeypatch)
    app = make_app(path, now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", "e")
        app.screen.query_one("#path", Input).value = str(tmp_path / "nowhere" / "x.pdf")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportDialog" and calls == []
        assert any("There is no folder" in m for m in notifications(app))


def played_sessions(clock) -> dict[str, object]:
    """Three sessions in the sessions folder: not started, in round 2, ended."""
    lib = app_library()
    made = {}
    for name, rounds, end in (("fresh", 0, False), ("midway", 2, False), ("done", 1, True)):
        s, _ = Session.create(sessions_dir() / f"{name}.wargame", lib.decks["two-rounds"], lib, seed=1, lang="en",
                              title=f"Exercise {name}", now=clock)
        for _ in range(rounds):
            s.next_round()
        if end:
            s.end()
        s.close()
        made[name] = sessions_dir() / f"{name}.wargame"
        clock.tick(3600)
    return made


async def test_home_lists_title_deck_round_and_date_and_reading_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    clock = FakeClock()
    made = played_sessions(clock)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in made.values()}
    app = make_app(now=clock, library=app_library())
    async with app.run_test(size=(160, 48)):
        text = screen_text(app)
        assert "Exercise fresh" in text and "two-rounds · not started · 2027-01-15 08:00" in text
        assert "Exercise midway" in text and "two-rounds · round 2 of 2 · 2027-01-15 09:00" in text
        assert "Exercise done" in text and "two-rounds · round 1 of 2 · ended · 2027-01-15 10:00" in text
    for p, (mtime, data) in before.items():
        assert (p.stat().st_mtime_ns, p.read_bytes()) == (mtime, data), "listing a session changed it"
        assert not os.path.exists(f"{p}-wal") and not os.path.exists(f"{p}-shm")


def test_a_summary_of_a_session_in_use_is_read_without_writing(tmp_path):
    clock = FakeClock()
    session, _ = new_session(tmp_path / "live.wargame", clock)
    session.advance()  # its events are in the write-ahead log, not yet in the main file
    path = tmp_path / "live.wargame"
    mtime, data = path.stat().st_mtime_ns, path.read_bytes()
    s = read_summary(path)
    assert s is not None and (s.deck, s.round_reached, s.ended) == ("two-rounds", 1, False)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == (mtime, data)
    session.close()
    assert read_summary(tmp_path / "missing.wargame") is None
    (tmp_path / "junk.wargame").write_bytes(b"not a database at all" * 100)
    assert read_summary(tmp_path / "junk.wargame") is None


async def test_home_opens_a_session_file_from_anywhere_by_its_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    clock = FakeClock()
    elsewhere = tmp_path / "usb stick" / "exercise.wargame"
    elsewhere.parent.mkdir()
    session, _ = new_session(elsewhere, clock)
    session.advance()
    session.close()
    app = make_app(now=clock, library=app_library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        field = app.screen.query_one("#open-path", Input)
        assert field.has_focus
        field.value = str(tmp_path / "nothing.wargame")
        await pilot.press("enter")
        assert type(app.screen).__name__ == "HomeScreen"
        assert any("No session file at" in m for m in notifications(app))
        field.value = str(elsewhere)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConsoleScreen"
        assert app.session.store.path == elsewhere and "Round 1/2" in screen_text(app)
