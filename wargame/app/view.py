"""How the console names things: pure functions from the session state to display text.

No rules of the game live here, and no words the report shares: those come from `views.words`
(with `ascii_signs`: the terminal writes `-1` and `+0`). Everything speaks the session's language:
the console's own words through the catalogues (`views.i18n`), an inject, a team and an outcome in
their own text. Everything returned is plain text, to be wrapped with `widgets.safe.plain` (or
assembled into Content) before it is shown.
"""

from __future__ import annotations

import math

from wargame.engine.state import Delivery, Move, SessionState
from wargame.model import Inject, Slot
from wargame.views.i18n import gettext as _
from wargame.views.i18n import ngettext
from wargame.views.visibility import TeamInject
from wargame.views.words import how_label, outcome_text, push_text, signed, t


def inject_date(inj: Inject | TeamInject, lang: str) -> str:
    return inj.date_label.get(lang) if inj.date_label else inj.date


def team_name(st: SessionState, team: str) -> str:
    t = st.teams.get(team)
    return t.name.get(st.lang) if t else team


def inject_title(st: SessionState, inject_id: str) -> str:
    inj = st.injects.get(inject_id)
    return inj.title.get(st.lang) if inj else inject_id


def scenario_title(st: SessionState, scenario_id: str | None) -> str:
    if scenario_id is None:
        return t("wildcard", st.lang)
    sc = st.scenarios.get(scenario_id)
    return f"{sc.number} {sc.title.get(st.lang)}" if sc else scenario_id


def round_bench(st: SessionState) -> list[str]:
    """The bench injects the deck suggests for the round being played (round 1 before the start)."""
    if st.deck is None or not st.deck.rounds:
        return []
    r = min(max(st.round, 0), len(st.deck.rounds) - 1)
    return [i for i in st.deck.rounds[r].bench if i in st.injects]


def slot_label(st: SessionState, slot: Slot) -> str:
    """A deck slot not yet played: its fixed inject's title, or what it will draw."""
    if slot.fixed:
        return inject_title(st, slot.fixed)
    if slot.draw:
        n = len(slot.draw.pool)
        src = scenario_title(st, slot.draw.scenario) if slot.draw.scenario else \
            ngettext("{n} inject", "{n} injects", n, st.lang).format(n=n)
        return _("draw {count} · {source}", st.lang).format(count=slot.draw.count, source=src)
    count = slot.drift.count if slot.drift else 1
    return _("drift {count} · from the world's quadrant", st.lang).format(count=count)


def delivery_label(st: SessionState, d: Delivery) -> str:
    return queued_label(st, d.inject_id, d.how)


def queued_label(st: SessionState, inject_id: str, how: str) -> str:
    """`Title (drawn)`: an inject and how it came into play."""
    return f"{inject_title(st, inject_id)} ({how_label(how, st.lang)})"


def round_title(st: SessionState, round_no: int) -> str:
    if st.deck is None or not 0 <= round_no < len(st.deck.rounds):
        return ""
    return st.deck.rounds[round_no].title.get(st.lang)


def ruling_label(st: SessionState, move: Move) -> str:
    r = st.rulings.get(move.id)
    return outcome_text(r.outcome, st.lang, ascii_signs=True) if r else ""


def earlier_ruling_label(st: SessionState, move: Move) -> str:
    """For a move not ruled yet whose earlier version was: that ruling's label, else ""."""
    r = st.earlier_ruling(move.id)
    return outcome_text(r.outcome, st.lang, ascii_signs=True) if r else ""


def wait_text(seconds: float, lang: str) -> str:
    """A wait, rounded up: "16 s", or "3 min" from two minutes on."""
    s = max(1, math.ceil(seconds))
    return _("{n} s", lang).format(n=s) if s < 120 else _("{n} min", lang).format(n=math.ceil(s / 60))


def join_wait(st: SessionState, team: str, now: float) -> float:
    """Seconds `team` must still wait before it may try another join code (0: it may try now)."""
    return max(0.0, st.join_wait_until(team) - now)


def wrong_codes(st: SessionState, team: str) -> str:
    """A team's wrong join codes in a row, e.g. "6 wrong codes"; "" when none."""
    failures = st.failed_joins.get(team, 0)
    return ngettext("{n} wrong code", "{n} wrong codes", failures, st.lang).format(n=failures) if failures else ""


def join_trouble(st: SessionState, team: str, now: float) -> str:
    """A team's wrong join codes and its wait, e.g. "6 wrong codes · locked 16 s"; "" when none."""
    text = wrong_codes(st, team)
    if not text:
        return ""
    wait = join_wait(st, team, now)
    return _("{codes} · locked {wait}", st.lang).format(codes=text, wait=wait_text(wait, st.lang)) if wait else text


def world_text(st: SessionState) -> str:
    """`erosion -4 · rapprochement -3 · 1 Tough Love`: where the world stands, for the status lines."""
    x, y = st.position
    sc = st.scenario_at(x, y)
    where = scenario_title(st, sc.id) if sc else "?"
    return (f"{t('erosion', st.lang)} {signed(x, ascii_signs=True)} · "
            f"{t('rapprochement', st.lang)} {signed(y, ascii_signs=True)} · {where}")


def push_line(erosion: int, rapprochement: int, lang: str) -> str:
    """`push erosion +0, rapprochement -1`, or `no push`: a push on the axes, on the console."""
    if not erosion and not rapprochement:
        return _("no push", lang)
    return _("push {push}", lang).format(push=push_text(erosion, rapprochement, lang, ascii_signs=True))
