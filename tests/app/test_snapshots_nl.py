"""Snapshots of the console and the projector in a Dutch session at 80x24 and 160x48, with the clock
frozen: the English ones are in test_snapshots.py, these hold the Dutch interface to its look.

Regenerate after a deliberate change with
`pytest tests/app/test_snapshots_nl.py --snapshot-update` and look at the SVGs in
__snapshots__/test_snapshots_nl/ before committing them.
"""

from __future__ import annotations

import pytest

from .test_snapshots import SIZES, played_app


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_console_nl(snap_compare, tmp_path, size):
    assert snap_compare(played_app(tmp_path, "nl"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_projector_nl(snap_compare, tmp_path, size):
    assert snap_compare(played_app(tmp_path, "nl"), press=["p"], terminal_size=size)
