"""Snapshots of the console and the projector in a Dutch session at 80x24 and 160x48, with the clock
frozen: the English ones are in test_snapshots.py, these hold the Dutch interface to its look.

Regenerate after a deliberate change with
`pytest tests/app/test_snapshots_nl.py --snapshot-update` and look at the SVGs in
__snapshots__/test_snapshots_nl/ before committing them.
"""

from __future__ import annotations

import pytest

from wargame.app.app import make_app

from .conftest import FakeClock, new_session

SIZES = [(80, 24), (160, 48)]


def played_dutch_app(tmp_path):
    """A Dutch console in round 1: two moves (one ruled, one private), a note, 40 seconds left. The teams'
    text is theirs and is never translated: it is written in Dutch here, as a Dutch room writes it."""
    clock = FakeClock()
    session, _codes = new_session(tmp_path / "snap-nl.wargame", clock, lang="nl")
    session.advance()
    session.clock("start")
    m = session.record_move("eu", "Roep de Raad [/] nu bijeen", "Een gezamenlijke verklaring", "Eenheid")
    session.adjudicate(m.id, 2, "De Raad stemt in", -1, 0)
    session.record_move("kabinet-nl", "Roep de NCTV bijeen", "Attributie", "Eerst de feiten", private=True)
    session.add_note("Attributie vóór vergelding werkte", "strength")
    clock.tick(14 * 60 + 20)
    session.close()
    return make_app(tmp_path / "snap-nl.wargame", now=clock)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_console_nl(snap_compare, tmp_path, size):
    assert snap_compare(played_dutch_app(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_projector_nl(snap_compare, tmp_path, size):
    assert snap_compare(played_dutch_app(tmp_path), press=["p"], terminal_size=size)
