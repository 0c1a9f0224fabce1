"""The team console's widgets: the facilitator console's inject card and countdown, worded for a team."""

from __future__ import annotations

import time

from textual.content import Content
from textual.widgets import Static

from wargame.engine.clock import Clock
from wargame.engine.state import Move, SessionState
from wargame.views.visibility import (
    TEAM_CARD,
    own_moves,
    own_ruling,
    shows_world,
    team_inject,
    visible_inject,
)
from wargame.views.words import outcome_text

from .. import view
from ..widgets.countdown import Countdown
from ..widgets.inject_card import InjectCard, reading_meta
from ..widgets.safe import lines, plain

TEAM_CAPTIONS = {
    "-none": "no inject yet",
    "-done": "time box closed",
    "-overtime": "deadline passed",
    "-idle": "clock not started yet",
    "-paused": "clock paused",
    "-last-minute": "last minute!",
    "-running": "time left",
}

LONG = 600
"""Characters of a past move's field shown in the history (the form holds the whole move)."""


class TeamCountdown(Countdown):
    """The facilitator's countdown (its look and states), with captions for a team: no key hints."""

    _reopened = False

    def show(self, clock: Clock | None, now: float, *, reopened: bool = False) -> None:
        self._reopened = reopened
        super().show(clock, now)

    def caption_for(self, css: str, caption: str) -> str:
        if self._reopened and css in ("-overtime", "-done"):
            return "moves reopened"
        return TEAM_CAPTIONS.get(css, "")

    @property
    def caption(self) -> str:
        return self._shown[2] if self._shown else ""


class TeamInjectCard(InjectCard):
    """The current inject as the team may see it, in the team's own version where it has one
    (`team_inject`): title, date, delivery, sender, briefing, questions.

    Never the facilitator's notes, options, axis push, scenario or source, nor another team's
    version; an inject addressed to other teams shows only that it exists.
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(parts=TEAM_CARD, id=id, classes=classes)

    def show_team(self, st: SessionState, team: str) -> None:
        lang = st.lang
        inj = visible_inject(st, team)
        if inj is None:
            if st.ended:
                title = "The exercise has ended"
            elif st.current_inject is not None:
                title = "The current inject is addressed to other teams"
            else:
                title = "No inject yet"
            brief = st.deck.brief_for(team) if st.deck else None
            t = st.teams.get(team)
            role = brief.role.get(lang) if brief else t.role.get(lang) if t else ""
            body = [Content.styled("Your role", "bold"), plain(role)] if role else []
            if brief:
                body += [Content(""), Content.styled("F2: your brief and objectives", "dim")]
            self.show_text(title, body=lines(body) if body else None)
            return
        reading = team_inject(inj, team)
        self.show_text(reading.title.get(lang), reading_meta(reading, lang), inject=reading, lang=lang)


def _clip(text: str, limit: int = LONG) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clock_time(at: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(at))


class OwnMoves(Static):
    """The team's own moves, newest round first, with the facilitator's rulings."""

    DEFAULT_CSS = """
    OwnMoves { height: auto; padding: 0 1; }
    """

    def show_team(self, st: SessionState, team: str) -> None:
        self.update(render_own_moves(st, team))


def render_own_moves(st: SessionState, team: str) -> Content:
    moves = own_moves(st, team)
    if not moves:
        return Content.styled("No moves recorded yet.", "dim")
    parts: list[Content] = []
    for m in moves:
        parts.append(_move_head(st, m))
        for label, text in (("Action", m.action), ("Result", m.result), ("Reasons", m.reasons)):
            if text.strip():
                parts.append(Content.assemble((f"  {label}: ", "bold"), _clip(text)))
        r = own_ruling(st, m)
        if r is None:
            parts.append(Content.styled("  Not ruled yet.", "dim italic"))
        else:
            earlier = " (on an earlier version)" if r.move_id != m.id else ""
            style = "$success" if r.outcome > 0 else "$error" if r.outcome < 0 else "$text-muted"
            ruled = outcome_text(r.outcome, st.lang, ascii_signs=True)
            parts.append(Content.assemble(("  Ruling: ", "bold"), (ruled, f"bold {style}"), (earlier, "dim")))
            if r.narrative.strip():
                parts.append(Content.assemble("  ", _clip(r.narrative)))
            if shows_world(st) and (r.erosion or r.rapprochement):
                parts.append(Content.styled("  " + view.push_line(r.erosion, r.rapprochement, st.lang), "dim"))
        parts.append(Content(""))
    return lines(parts)


def _move_head(st: SessionState, m: Move) -> Content:
    versions = len(st.move_history(m.id))
    bits = [f"Round {m.round + 1}", _clock_time(m.at)]
    if m.private:
        bits.append("private")
    if versions > 1:
        bits.append(f"edited · {versions} versions")
    return Content.styled(" · ".join(bits), "bold $accent")
