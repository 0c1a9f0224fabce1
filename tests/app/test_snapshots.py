"""Snapshots of home, console, projector and help at 80x24 and 160x48, with the clock frozen.

Regenerate after a deliberate change with `pytest tests/app/test_snapshots.py --snapshot-update`
and look at the SVGs in __snapshots__/ before committing them.
"""

from __future__ import annotations

import pytest

from wargame.app.app import make_app

from .conftest import FakeClock, app_library, new_session

SIZES = [(80, 24), (160, 48)]


ROOM_TEXT = {
    "en": ("Call the Council [/] now", "A joint statement", "Unity", "The Council agrees", "Convene the NCTV",
           "Attribution", "Facts first", "Attribution before retaliation worked"),
    "nl": ("Roep de Raad [/] nu bijeen", "Een gezamenlijke verklaring", "Eenheid", "De Raad stemt in",
           "Roep de NCTV bijeen", "Attributie", "Eerst de feiten", "Attributie vóór vergelding werkte"),
}
"""What the room types, in the room's language: team text is never translated."""


def played_app(tmp_path, lang: str = "en"):
    """A console in round 1: two moves (one ruled, one private), a note, 40 seconds left."""
    action, result, reasons, ruling, private, p_result, p_reasons, note = ROOM_TEXT[lang]
    clock = FakeClock()
    path = tmp_path / ("snap.wargame" if lang == "en" else f"snap-{lang}.wargame")
    session, _ = new_session(path, clock, lang=lang)
    session.advance()
    session.clock("start")
    m = session.record_move("eu", action, result, reasons)
    session.adjudicate(m.id, 2, ruling, -1, 0)
    session.record_move("kabinet-nl", private, p_result, p_reasons, private=True)
    session.add_note(note, "strength")
    clock.tick(14 * 60 + 20)
    session.close()
    return make_app(path, now=clock)


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
