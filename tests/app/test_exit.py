"""However the console ends, the session file alone (no -wal beside it) holds every event.

The console runs as `python -m wargame resume SESSION` on a pseudo-terminal, plays a little, and
is ended by q, by its terminal window closing (SIGHUP), by SIGTERM or by SIGINT; then only the
main .wargame file is copied elsewhere and read.
"""

from __future__ import annotations

import os
import signal

import pytest

from wargame.app.app import make_app

from .conftest import FakeClock, new_session
from .pty_app import PtyApp, count_events, main_file_only, wait_for_events

WAYS = {
    "q": lambda app: app.send(b"q"),
    "window closed": lambda app: app.close_window(),
    "SIGTERM": lambda app: app.signal(signal.SIGTERM),
    "SIGINT": lambda app: app.signal(signal.SIGINT),
}


def played(tmp_path):
    """A session the engine played into round 1 (an inject, a move), closed."""
    session, _ = new_session(tmp_path / "d.wargame", FakeClock())
    session.advance()
    session.record_move("eu", "Call the Council", "", "")
    session.close()
    return tmp_path / "d.wargame"


@pytest.mark.parametrize("way", list(WAYS))  # about 1.5 s each
def test_every_way_out_of_the_console_leaves_every_event_in_the_main_file(tmp_path, way, wargame_home):
    path = played(tmp_path)
    before = count_events(path)
    app = PtyApp(["resume", str(path)], {**os.environ, "WARGAME_HOME": str(wargame_home)})
    app.wait_for(b"Round 1/2")
    app.send(b"s")  # start the clock
    wait_for_events(path, before + 1, app)
    app.send(b"e")  # one more minute
    wait_for_events(path, before + 2, app)
    WAYS[way](app)
    assert app.wait_exit() in (0, 128 + signal.SIGTERM, 128 + signal.SIGINT, 128 + signal.SIGHUP)
    copy = main_file_only(path, tmp_path / "elsewhere")
    assert count_events(copy) == before + 2, "the main file alone holds what the console recorded"
    assert count_events(path) == before + 2


async def test_an_exception_in_the_console_still_closes_the_session(tmp_path, monkeypatch):
    from wargame.app.screens.console import ConsoleScreen

    path = played(tmp_path)
    before = count_events(path)

    def broken(self) -> None:
        raise RuntimeError("a bug in a key's action")

    monkeypatch.setattr(ConsoleScreen, "action_note", broken)
    app = make_app(path, now=FakeClock())
    with pytest.raises(RuntimeError, match="a bug"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("s")  # recorded, then the bug
            await pilot.press("w")
            await pilot.pause()
    copy = main_file_only(path, tmp_path / "elsewhere")
    assert count_events(copy) == before + 1
