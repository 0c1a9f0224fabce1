"""Which inject a deck slot delivers: fixed, drawn by rule (seeded), or drawn from the world's quadrant."""

from __future__ import annotations

import random

from ..model import Slot
from ..model.plan import date_before, draw_pool, follow_ups, scenario_pool
from .state import SessionState


class NothingToDraw(Exception):
    """No inject a slot could draw is eligible now: all delivered, or waiting for what they presuppose."""


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
    """`count` of the pool's eligible injects, seeded by session, round and slot, in story order.

    Eligible: not delivered yet, no option's follow-up (a pool a deck lists may name one), everything
    it presupposes (`after`) delivered, and, unless the deck allows dates to run backwards, not dated
    before the last inject delivered; of those, the ones not dated after the deck's next fixed inject
    if there are any."""
    delivered = st.delivered_ids()
    excluded = delivered | follow_ups(st.injects.values())
    fresh = [i for i in pool if i not in excluded and all(a in delivered for a in st.injects[i].after)]
    if fresh and st.deck is not None and not st.deck.backward_dates:
        if st.deliveries:
            last = st.injects[st.deliveries[-1].inject_id].date
            fresh = [i for i in fresh if not date_before(st.injects[i].date, last)]
        coming = _next_fixed_date(st, round_no, slot_no)
        if coming is not None:  # rather not past a fixed inject still to come, which would then run backwards
            fresh = [i for i in fresh if not date_before(coming, st.injects[i].date)] or fresh
    if not fresh:
        raise NothingToDraw("every inject this slot could draw has been played, or must wait for another")
    rng = random.Random(f"{st.seed}:{round_no}:{slot_no}")
    picked = rng.sample(fresh, min(count, len(fresh)))
    order = {iid: n for n, iid in enumerate(st.injects)}  # the author's order: same-day injects keep it
    return sorted(picked, key=lambda i: (st.injects[i].date, order[i]))


def _next_fixed_date(st: SessionState, round_no: int, slot_no: int) -> str | None:
    """The in-world date of the first fixed inject the deck delivers after this slot, if any."""
    assert st.deck is not None
    for r in range(round_no, len(st.deck.rounds)):
        for s, slot in enumerate(st.deck.rounds[r].injects):
            if (r, s) > (round_no, slot_no) and slot.fixed and slot.fixed in st.injects:
                return st.injects[slot.fixed].date
    return None
