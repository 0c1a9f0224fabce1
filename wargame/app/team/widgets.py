"""The team console's widgets: the facilitator console's inject card and countdown, worded for a team."""

from __future__ import annotations

import time

from textual.content import Content
from textual.widgets import Static

from wargame.engine.clock import Clock
from wargame.engine.state import Move, SessionState
from wargame.views.i18n import N_, ngettext
from wargame.views.i18n import gettext as _
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
    "-none": N_("no inject yet"),
    "-done": N_("time box closed"),
    "-overtime": N_("deadline passed"),
    "-idle": N_("clock not started yet"),
    "-paused": N_("clock paused"),
    "-last-minute": N_("last minute!"),
    "-running": N_("time left"),
}
"""The clock's captions for a team, English: shown through the catalogues."""

LONG = 600
"""Characters of a past move's field shown in the history (the form holds the whole move)."""


class TeamCountdown(Countdown):
    """The facilitator's countdown (its look and states), with captions for a team: no key hints."""

    _reopened = False

    def show(self, clock: Clock | None, now: float, *, reopened: bool = False) -> None:
        self._reopened = reopened
        super().show(clock, now)

    def caption_for(self, css: str, caption: str) -> str:
        lang = getattr(self.app, "ui_lang", "en")
        if self._reopened and css in ("-overtime", "-done"):
            return _("moves reopened", lang)
        return _(TEAM_CAPTIONS[css], lang) if css in TEAM_CAPTIONS else ""

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
                title = _("The exercise has ended", lang)
            elif st.current_inject is not None:
                title = _("The current inject is addressed to other teams", lang)
            else:
                title = _("No inject yet", lang)
            brief = st.deck.brief_for(team) if st.deck else None
            t = st.teams.get(team)
            role = brief.role.get(lang) if brief else t.role.get(lang) if t else ""
            body = [Content.styled(_("Your role", lang), "bold"), plain(role)] if role else []
            if brief:
                body += [Content(""), Content.styled(_("F2: your brief and objectives", lang), "dim")]
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
    """The team's own moves in `st.lang` (the team's text as it wrote it)."""
    lang = st.lang
    moves = own_moves(st, team)
    if not moves:
        return Content.styled(_("No moves recorded yet.", lang), "dim")
    parts: list[Content] = []
    for m in moves:
        parts.append(_move_head(st, m))
        for label, text in ((_("Action", lang), m.action), (_("Result", lang), m.result),
                            (_("Reasons", lang), m.reasons)):
            if text.strip():
                parts.append(Content.assemble((f"  {label}: ", "bold"), _clip(text)))
        r = own_ruling(st, m)
        if r is None:
            parts.append(Content.styled("  " + _("Not ruled yet.", lang), "dim italic"))
        else:
            earlier = " " + _("(on an earlier version)", lang) if r.move_id != m.id else ""
            style = "$success" if r.outcome > 0 else "$error" if r.outcome < 0 else "$text-muted"
            ruled = outcome_text(r.outcome, lang, ascii_signs=True)
            parts.append(Content.assemble((f"  {_('Ruling', lang)}: ", "bold"), (ruled, f"bold {style}"),
                                          (earlier, "dim")))
            if r.narrative.strip():
                parts.append(Content.assemble("  ", _clip(r.narrative)))
            if shows_world(st) and (r.erosion or r.rapprochement):
                parts.append(Content.styled("  " + view.push_line(r.erosion, r.rapprochement, st.lang), "dim"))
        parts.append(Content(""))
    return lines(parts)


def _move_head(st: SessionState, m: Move) -> Content:
    lang = st.lang
    versions = len(st.move_history(m.id))
    bits = [_("Round {n}", lang).format(n=m.round + 1), _clock_time(m.at)]
    if m.private:
        bits.append(_("private", lang))
    if versions > 1:
        bits.append(ngettext("edited · {n} version", "edited · {n} versions", versions, lang).format(n=versions))
    return Content.styled(" · ".join(bits), "bold $accent")
