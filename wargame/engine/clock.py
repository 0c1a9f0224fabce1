"""The inject clock, kept as deadlines: the time left is always `deadline - now`, never a tick count."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

ClockMode = Literal["idle", "running", "paused", "done"]


@dataclass(frozen=True)
class Clock:
    """An inject's time box. `deadline` is a wall-clock time (epoch seconds) while running."""

    allowed: float = 0.0
    mode: ClockMode = "idle"
    deadline: float | None = None
    left_when_stopped: float = 0.0
    extended: float = 0.0

    @classmethod
    def for_minutes(cls, minutes: float) -> Clock:
        return cls(allowed=minutes * 60, left_when_stopped=minutes * 60)

    def remaining(self, now: float) -> float:
        """Seconds left (negative in overtime)."""
        if self.mode == "running" and self.deadline is not None:
            return self.deadline - now
        return self.left_when_stopped

    def overtime(self, now: float) -> bool:
        return self.mode != "done" and self.remaining(now) < 0

    def apply(self, action: str, at: float, seconds: float = 0.0) -> Clock:
        """The clock after `action` (start, pause, resume, extend, skip) at time `at`."""
        if action in ("start", "resume"):
            if self.mode in ("running", "done"):
                return self
            return replace(self, mode="running", deadline=at + self.left_when_stopped)
        if action == "pause":
            if self.mode != "running":
                return self
            return replace(self, mode="paused", deadline=None, left_when_stopped=self.remaining(at))
        if action == "extend":
            if self.mode == "running" and self.deadline is not None:
                return replace(self, deadline=self.deadline + seconds, extended=self.extended + seconds)
            return replace(self, left_when_stopped=self.left_when_stopped + seconds, extended=self.extended + seconds)
        if action == "skip":
            return replace(self, mode="done", deadline=None, left_when_stopped=self.remaining(at))
        raise ValueError(f"unknown clock action {action!r}")


def mmss(seconds: float) -> str:
    """`12:05`, or `+01:30` in overtime."""
    sign = "+" if seconds < 0 else ""
    s = int(abs(seconds) + (0.999 if seconds > 0 else 0))
    return f"{sign}{s // 60:02d}:{s % 60:02d}"
