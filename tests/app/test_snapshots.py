"""Snapshots of home, console, projector and help at 80x24 and 160x48, with the clock frozen.

Regenerate after a deliberate change with `pytest tests/app/test_snapshots.py --snapshot-update`
and look at the SVGs in __snapshots__/ before committing them.
"""

from __future__ import annotations

import pytest

from wargame.app.app import make_app

from .conftest import FakeClock, app_library, new_session

SIZES = [(80, 24), (160, 48)]


def played_app(tmp_path):
    """A console in round 1: two moves (one ruled, one private), a note, 40 seconds left."""
    clock = FakeClock()
    session, _ = new_session(tmp_path / "snap.wargame", clock)
    session.advance()
    session.clock("start")
    m = session.record_move("eu", "Call the Council [/] now", "A joint statement", "Unity")
    session.adjudicate(m.id, 2, "The Council agrees", -1, 0)
    session.record_move("kabinet-nl", "Convene the NCTV", "Attribution", "Facts first", private=True)
    session.add_note("Attribution before retaliation worked", "strength")
    clock.tick(14 * 60 + 20)
    session.close()
    return make_app(tmp_path / "snap.wargame", now=clock)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home(snap_compare, tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)  # no local decks/ folder
    assert snap_compare(make_app(now=FakeClock(), library=app_library()), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_console(snap_compare, tmp_path, size):
    assert snap_compare(played_app(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_projector(snap_compare, tmp_path, size):
    assert snap_compare(played_app(tmp_path), press=["p"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, tmp_path, size):
    assert snap_compare(played_app(tmp_path), press=["question_mark"], terminal_size=size)
