"""The status lines over the console: the exercise, round, inject, moves open or closed, world position."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import SessionState

from .. import view
from .safe import clip, lines, set_content


class RoundStatus(Static):
    DEFAULT_CSS = """
    RoundStatus { height: auto; width: 1fr; padding: 0 1; }
    """

    shown_minute = -1
    """The round minute last shown: the tick redraws the lines only when it changes."""

    def show(self, st: SessionState, now: float) -> None:
        self.shown_minute = round_minutes(st, now)[0]
        set_content(self, render_status(st, now))


WARN_BEFORE = 5
"""Minutes before the round's end at which its time turns amber."""


def round_minutes(st: SessionState, now: float) -> tuple[int, int]:
    """(minutes played of the round so far, the round's planned minutes); (-1, 0) outside a round."""
    delivered = st.round_deliveries(st.round) if st.started and not st.ended and st.deck is not None else []
    if not delivered or st.deck is None or st.round >= len(st.deck.rounds):
        return -1, 0
    return max(0, int((now - delivered[0].at) // 60)), st.deck.rounds[st.round].minutes


def render_status(st: SessionState, now: float) -> Content:
    deck = st.deck
    rounds = len(deck.rounds) if deck else 0
    heading = Content.assemble((clip(st.title or "wargame", 70), "bold reverse"), (f"  {st.session_id}", "dim"))
    if st.ended:
        first = Content.styled("Exercise ended · press d for the debrief", "bold $warning")
    elif not st.started:
        first = Content.styled(f"Not started · {rounds} rounds · press n to start", "bold")
    else:
        first = Content.assemble((f"Round {st.round + 1}/{rounds}: ", "bold"),
                                 (clip(view.round_title(st, st.round), 40), "bold $accent"))
    parts = [heading, first]
    inj = st.current_inject
    if inj is not None:
        parts.append(Content.assemble(("▶ ", "$accent"), (clip(inj.title.get(st.lang), 70), "bold")))
    if st.started and not st.ended:
        is_open = st.moves_open(now)
        moved = len(st.current_moves())
        used, planned = round_minutes(st, now)
        budget = (f"round {used}/{planned} min" + (" · over time" if used >= planned else ""),
                  "bold $error" if used >= planned else "bold $warning" if used >= planned - WARN_BEFORE else "")
        parts.append(Content.assemble(
            ("moves open" if is_open else "moves closed (r reopens)", "$success" if is_open else "$error"),
            f" · {moved}/{len(st.addressed_teams())} moved · ", budget if used >= 0 else "", " · " if used >= 0 else "",
            (st.lang.upper(), "bold"),
        ))
    parts.append(Content.styled(clip(view.world_text(st), 80), "dim"))
    return lines(parts)
