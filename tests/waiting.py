"""Wait for what a screen does by itself (a timer, a poll) without betting on how fast the machine is."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

PATIENCE = 10.0  # seconds: far beyond any timer the screens use, short enough to fail a stuck test


async def until(pilot: Pilot, check: Callable[[], object], what: str, patience: float = PATIENCE) -> None:
    """Let the app run until `check()` holds; fail naming `what` when it does not within `patience` seconds."""
    deadline = time.monotonic() + patience
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {patience:.0f} s: {what}")
        await pilot.pause(0.05)
