"""The status lines over the console: the exercise, round, inject, moves open or closed, world position."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import SessionState
from wargame.views.i18n import gettext as _
from wargame.views.i18n import ngettext

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
    deck, lang = st.deck, st.lang
    rounds = len(deck.rounds) if deck else 0
    heading = Content.assemble((clip(st.title or "wargame", 70), "bold reverse"), (f"  {st.session_id}", "dim"))
    if st.ended:
        first = Content.styled(_("Exercise ended · press d for the debrief", lang), "bold $warning")
    elif not st.started:
        first = Content.styled(ngettext("Not started · {n} round · press n to start",
                                        "Not started · {n} rounds · press n to start", rounds, lang).format(n=rounds),
                               "bold")
    else:
        first = Content.assemble((_("Round {n}/{total}: ", lang).format(n=st.round + 1, total=rounds), "bold"),
                                 (clip(view.round_title(st, st.round), 40), "bold $accent"))
    parts = [heading, first]
    inj = st.current_inject
    if inj is not None:
        parts.append(Content.assemble(("▶ ", "$accent"), (clip(inj.title.get(st.lang), 70), "bold")))
    if st.started and not st.ended:
        is_open = st.moves_open(now)
        moved = len(st.current_moves())
        used, planned = round_minutes(st, now)
        over = used >= planned
        budget = (_("round {used}/{planned} min", lang).format(used=used, planned=planned)
                  + (" · " + _("over time", lang) if over else ""),
                  "bold $error" if over else "bold $warning" if used >= planned - WARN_BEFORE else "")
        parts.append(Content.assemble(
            (_("moves open", lang) if is_open else _("moves closed (r reopens)", lang),
             "$success" if is_open else "$error"),
            " · " + moved_text(moved, len(st.addressed_teams()), lang) + " · ",
            budget if used >= 0 else "", " · " if used >= 0 else "", (lang.upper(), "bold"),
        ))
    parts.append(Content.styled(clip(view.world_text(st), 80), "dim"))
    return lines(parts)


def moved_text(moved: int, teams: int, lang: str) -> str:
    """`2/3 moved`: how many of the teams the inject addresses have moved this round."""
    return _("{moved}/{total} moved", lang).format(moved=moved, total=teams)
