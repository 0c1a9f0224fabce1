"""How the console names things: pure functions from the session state to display text.

No rules of the game live here; only wording. Everything returned is plain text, to be
wrapped with `widgets.safe.plain` (or assembled into Content) before it is shown.
"""

from __future__ import annotations

import math

from wargame.engine.outcomes import outcome_label
from wargame.engine.state import Delivery, Move, SessionState
from wargame.model import Inject, Slot

HOW_NAMES = {"fixed": "fixed", "draw": "drawn", "drift": "drift", "branch": "branch", "bench": "bench"}

def inject_date(inj: Inject, lang: str) -> str:
    return inj.date_label.get(lang) if inj.date_label else inj.date  # type: ignore[arg-type]


def team_name(st: SessionState, team: str) -> str:
    t = st.teams.get(team)
    return t.name.get(st.lang) if t else team  # type: ignore[arg-type]


def inject_title(st: SessionState, inject_id: str) -> str:
    inj = st.injects.get(inject_id)
    return inj.title.get(st.lang) if inj else inject_id  # type: ignore[arg-type]


def scenario_title(st: SessionState, scenario_id: str | None) -> str:
    if scenario_id is None:
        return "wildcard"
    sc = st.scenarios.get(scenario_id)
    return f"{sc.number} {sc.title.get(st.lang)}" if sc else scenario_id  # type: ignore[arg-type]


def slot_label(st: SessionState, slot: Slot) -> str:
    """A deck slot not yet played: its fixed inject's title, or what it will draw."""
    if slot.fixed:
        return inject_title(st, slot.fixed)
    if slot.draw:
        if slot.draw.scenario:
            src = scenario_title(st, slot.draw.scenario)
        else:
            src = f"{len(slot.draw.pool)} injects"
        return f"draw {slot.draw.count} · {src}"
    count = slot.drift.count if slot.drift else 1
    return f"drift {count} · from the world's quadrant"


def delivery_label(st: SessionState, d: Delivery) -> str:
    return f"{inject_title(st, d.inject_id)} ({HOW_NAMES.get(d.how, d.how)})"


def round_title(st: SessionState, round_no: int) -> str:
    if st.deck is None or not 0 <= round_no < len(st.deck.rounds):
        return ""
    return st.deck.rounds[round_no].title.get(st.lang)  # type: ignore[arg-type]


def ruling_label(st: SessionState, move: Move) -> str:
    r = st.rulings.get(move.id)
    return outcome_label(r.outcome, st.lang) if r else ""


def earlier_ruling_label(st: SessionState, move: Move) -> str:
    """For a move not ruled yet whose earlier version was: that ruling's label, else ""."""
    r = st.earlier_ruling(move.id)
    return outcome_label(r.outcome, st.lang) if r else ""


def wait_text(seconds: float) -> str:
    """A wait, rounded up: "16 s", or "3 min" from two minutes on."""
    s = max(1, math.ceil(seconds))
    return f"{s} s" if s < 120 else f"{math.ceil(s / 60)} min"


def join_wait(st: SessionState, team: str, now: float) -> float:
    """Seconds `team` must still wait before it may try another join code (0: it may try now)."""
    return max(0.0, st.join_wait_until(team) - now)


def wrong_codes(st: SessionState, team: str) -> str:
    """A team's wrong join codes in a row, e.g. "6 wrong codes"; "" when none."""
    failures = st.failed_joins.get(team, 0)
    return f"{failures} wrong code{'' if failures == 1 else 's'}" if failures else ""


def join_trouble(st: SessionState, team: str, now: float) -> str:
    """A team's wrong join codes and its wait, e.g. "6 wrong codes · locked 16 s"; "" when none."""
    text = wrong_codes(st, team)
    if not text:
        return ""
    wait = join_wait(st, team, now)
    return f"{text} · locked {wait_text(wait)}" if wait else text


def position_text(st: SessionState) -> str:
    x, y = st.position
    sc = st.scenario_at(x, y)
    where = scenario_title(st, sc.id) if sc else "?"
    return f"erosion {x:+d} · rapprochement {y:+d} · {where}"


def push_text(erosion: int, rapprochement: int) -> str:
    if not erosion and not rapprochement:
        return "no push"
    return f"push erosion {erosion:+d}, rapprochement {rapprochement:+d}"
