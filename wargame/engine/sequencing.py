"""Which inject a deck slot delivers: fixed, drawn by rule (seeded), or drawn from the world's quadrant."""

from __future__ import annotations

import random

from ..model import Slot, scenario_injects
from .state import SessionState


class NothingToDraw(Exception):
    """Every inject a slot could draw has been delivered already."""


def resolve(st: SessionState, round_no: int, slot_no: int, slot: Slot) -> tuple[str, list[str]]:
    """The slot's inject and how it was chosen; replays of the same session draw the same."""
    if slot.fixed:
        return "fixed", [slot.fixed]
    if slot.draw:
        pool = list(slot.draw.pool) or [i.id for i in scenario_injects(st.injects.values(), slot.draw.scenario or "")]
        return "draw", _draw(st, pool, slot.draw.count, round_no, slot_no)
    assert slot.drift is not None
    sc = st.scenario_at(*st.position)
    pool = [i.id for i in scenario_injects(st.injects.values(), sc.id)] if sc else []
    return "drift", _draw(st, pool, slot.drift.count, round_no, slot_no)


def _draw(st: SessionState, pool: list[str], count: int, round_no: int, slot_no: int) -> list[str]:
    excluded = st.delivered_ids() | _follow_ups(st)
    fresh = [i for i in pool if i not in excluded]
    if not fresh:
        raise NothingToDraw("every inject this slot could draw has been played")
    rng = random.Random(f"{st.seed}:{round_no}:{slot_no}")
    picked = rng.sample(fresh, min(count, len(fresh)))
    return sorted(picked, key=lambda i: (st.injects[i].date, i))


def _follow_ups(st: SessionState) -> set[str]:
    """Injects that only make sense as a branch's follow-up are not drawn on their own."""
    return {o.follow_up for i in st.injects.values() for o in i.options if o.follow_up}
