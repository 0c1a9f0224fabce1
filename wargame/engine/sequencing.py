"""Which inject a deck slot delivers: fixed, drawn by rule (seeded), or drawn from the world's quadrant."""

from __future__ import annotations

import random

from ..model import Slot
from ..model.plan import draw_pool, follow_ups, scenario_pool
from .state import SessionState


class NothingToDraw(Exception):
    """Every inject a slot could draw has been delivered already."""


def resolve(st: SessionState, round_no: int, slot_no: int, slot: Slot) -> tuple[str, list[str]]:
    """The slot's inject and how it was chosen; replays of the same session draw the same."""
    if slot.fixed:
        return "fixed", [slot.fixed]
    if slot.draw:
        return "draw", _draw(st, draw_pool(slot, st.injects), slot.draw.count, round_no, slot_no)
    assert slot.drift is not None
    sc = st.scenario_at(*st.position)
    pool = [i.id for i in scenario_pool(st.injects.values(), sc.id)] if sc else []
    return "drift", _draw(st, pool, slot.drift.count, round_no, slot_no)


def _draw(st: SessionState, pool: list[str], count: int, round_no: int, slot_no: int) -> list[str]:
    excluded = st.delivered_ids() | follow_ups(st.injects.values())  # a pool a deck lists may name one
    fresh = [i for i in pool if i not in excluded]
    if not fresh:
        raise NothingToDraw("every inject this slot could draw has been played")
    rng = random.Random(f"{st.seed}:{round_no}:{slot_no}")
    picked = rng.sample(fresh, min(count, len(fresh)))
    return sorted(picked, key=lambda i: (st.injects[i].date, i))
