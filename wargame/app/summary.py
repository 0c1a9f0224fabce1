"""The line Home shows for a session file's summary."""

from __future__ import annotations

from wargame.engine.summary import Summary, read_summary

__all__ = ["Summary", "read_summary", "summary_line"]


def summary_line(s: Summary, when: str) -> str:
    """ "deck · round 2 of 3 · ended · 2026-05-01 14:03" """
    where = f"round {s.round_reached} of {s.rounds}" if s.round_reached else "not started"
    return " · ".join([s.deck or "?", where] + (["ended"] if s.ended else []) + [when])
