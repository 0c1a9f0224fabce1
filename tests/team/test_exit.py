"""However a team console ends, the session file alone (no -wal beside it) holds the team's moves.

`python -m wargame join SESSION --team red` on a pseudo-terminal: the code is typed, a move
submitted, then the console is ended by ctrl+q, by its window closing (SIGHUP) or by SIGTERM.
"""

from __future__ import annotations

import os
import signal

import pytest

from ..app.pty_app import PtyApp, count_events, main_file_only, wait_for_events
from .helpers import make_session

WAYS = {
    "ctrl+q": lambda app: app.send(b"\x11"),
    "window closed": lambda app: app.close_window(),
    "SIGTERM": lambda app: app.signal(signal.SIGTERM),
}


@pytest.mark.parametrize("way", list(WAYS))  # about 2 s each
def test_every_way_out_of_the_team_console_leaves_its_moves_in_the_main_file(tmp_path, way, wargame_home):
    fac, codes, clock, path = make_session(tmp_path)
    fac.close()
    before = count_events(path)
    app = PtyApp(["join", str(path), "--team", "red"], {**os.environ, "WARGAME_HOME": str(wargame_home)},
                 size=(120, 40))
    app.wait_for(b"Join code")
    app.send(codes["red"].encode() + b"\r")
    app.wait_for(b"Submit move")
    app.send(b"Hold the line")  # the action field has the focus
    app.send(b"\x13")  # ctrl+s
    wait_for_events(path, before + 1, app)
    WAYS[way](app)
    assert app.wait_exit() in (0, 128 + signal.SIGTERM, 128 + signal.SIGHUP)
    copy = main_file_only(path, tmp_path / "elsewhere")
    assert count_events(copy) == before + 1 == count_events(path)
