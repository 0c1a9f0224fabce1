"""How long a team waits after wrong join codes: a time-based limit, not a lock that lasts."""

from __future__ import annotations

FREE_TRIES = 5
"""Wrong codes in a row a team may type before it has to wait."""
FIRST_WAIT = 2.0
MAX_WAIT = 3600.0


def wait_after(failures: int) -> float:
    """Seconds a team must wait after `failures` wrong codes in a row: none for the first few, then
    2 s, doubling with each further wrong code, at most an hour. A right code or a new code resets it."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_WAIT, FIRST_WAIT * 2 ** (failures - FREE_TRIES))
