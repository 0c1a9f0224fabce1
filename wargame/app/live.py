"""Following a session live: a console looks for news as soon as the session file is written, and
otherwise not at all.

Other processes (team consoles, the facilitator) commit to the same file. `Live` watches the file
(`Session.watch`): a write wakes it, and for FOLLOW_SECONDS after the last write it runs the
console's look every CHECK_SECONDS, since a commit becomes visible a moment after the write that
woke it; a look is cheap (`Session.poll` reads the log only when another process committed).
Between writes its timer is paused and the console does not wake up for it. Where the system offers
no watch, the timer runs all the time, every UNWATCHED_SECONDS. The console's own slow poll stays as
the safety net (a file on a network share, whose writes from elsewhere no watch sees).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

from wargame.engine.session import Session

CHECK_SECONDS = 0.02
"""Seconds between looks while the file is being written."""
UNWATCHED_SECONDS = 0.05
"""Seconds between looks, all the time, where nothing tells of a write."""
FOLLOW_SECONDS = 0.5
"""How long after a write the looks go on: a commit is visible once its writer's sync is done, which
takes milliseconds on a laptop's disk; the console's slow poll catches a slower one. Short, because
the console's own writes wake it too, and while it looks it never sits idle."""


class Live:
    """Calls `look` every CHECK_SECONDS for a moment after each write to the followed session's file."""

    def __init__(self, owner: MessagePump, look: Callable[[], object]) -> None:
        self._owner = owner
        self._look = look
        self._until = 0.0
        self._timer: Timer | None = None
        self._interval = 0.0

    def follow(self, session: Session) -> None:
        """Follow `session`'s file from now on; the watch ends when the session is closed."""
        watch = session.watch()
        interval = UNWATCHED_SECONDS if watch is None else CHECK_SECONDS
        if self._timer is None or interval != self._interval:
            if self._timer is not None:
                self._timer.stop()
            self._timer = self._owner.set_interval(interval, self._check, name="live check", pause=True)
            self._interval = interval
        if watch is None:
            self._until = math.inf  # nothing tells us of a write: look all the time
            self._timer.resume()
        else:
            watch.on_write(self._written)
            self._written()  # what was committed before the watch began is found by the first looks

    def _written(self) -> None:
        self._until = time.monotonic() + FOLLOW_SECONDS
        if self._timer is not None:
            self._timer.resume()

    def _check(self) -> None:
        self._look()
        if time.monotonic() >= self._until and self._timer is not None:
            self._timer.pause()
