"""The consoles show another process's commit by themselves, woken by the file, and idle without looking.

The slow safety poll is pushed out of reach here (an hour), so whatever shows came by the live path."""

from __future__ import annotations

import sys

import pytest

from wargame.app import app as facilitator_app
from wargame.app import live
from wargame.app.team.app import make_team_app
from wargame.app.team.screens import console as team_console
from wargame.engine.session import Session

from ..team.helpers import login, make_session, text_of
from ..waiting import until
from .conftest import FakeClock, new_console, screen_text

HOUR = 3600.0


@pytest.fixture(autouse=True)
def no_safety_poll(monkeypatch):
    monkeypatch.setattr(facilitator_app, "POLL_SECONDS", HOUR)
    monkeypatch.setattr(team_console, "POLL", HOUR)


@pytest.fixture(params=["watch", "timer"])
def wake(request, monkeypatch) -> str:
    """With the file watch (Linux), and without one (where the system has none: the looks run on a timer)."""
    if request.param == "watch" and not sys.platform.startswith("linux"):
        pytest.skip("the file watch is inotify")
    if request.param == "timer":
        monkeypatch.setattr(Session, "watch", lambda self: None)
    return request.param


async def test_a_team_move_shows_on_the_facilitator_console_without_a_key(tmp_path, wake):
    clock = FakeClock()
    path = tmp_path / "live.wargame"
    app = new_console(path, clock, started=True)
    async with app.run_test(size=(100, 30)) as pilot:
        team = Session.open(path, team="eu", now=clock)
        team.record_move("eu", "[bold] live from the EU", "", "")
        await until(pilot, lambda: "[bold] live from the EU" in screen_text(app), "the move shows")
        assert "1/4 moved" in screen_text(app)
        team.close()


async def test_the_facilitators_news_shows_on_a_team_console_without_a_key(tmp_path, wake):
    fac, codes, clock, path = make_session(tmp_path)
    app = make_team_app(path, team="red", now=clock)
    async with app.run_test(size=(140, 50)) as pilot:
        await login(pilot, codes["red"])
        fac.advance()
        await until(pilot, lambda: "Title s1-branch" in text_of(app, "#card-text"), "the new inject shows")
        assert any(n.title == "New inject" for n in app._notifications)
    fac.close()


async def test_a_quiet_file_costs_the_console_no_looks(tmp_path, monkeypatch):
    if not sys.platform.startswith("linux"):
        pytest.skip("without a file watch the console looks on a timer")
    monkeypatch.setattr(live, "FOLLOW_SECONDS", 0.2)
    looks: list[int] = []
    poll = Session.poll
    monkeypatch.setattr(Session, "poll", lambda self: looks.append(1) or poll(self))
    clock = FakeClock()
    path = tmp_path / "quiet.wargame"
    app = new_console(path, clock, started=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.6)
        before = len(looks)
        await pilot.pause(0.6)
        assert len(looks) == before, "nobody wrote: no look"
        team = Session.open(path, team="eu", now=clock)
        team.record_move("eu", "wakes the console", "", "")
        await until(pilot, lambda: "wakes the console" in screen_text(app), "the move shows")
        assert len(looks) > before
        await pilot.pause(0.6)  # the looks go on FOLLOW_SECONDS after the write, then stop
        settled = len(looks)
        await pilot.pause(0.6)
        assert len(looks) == settled, "quiet again: no look"
        team.close()
