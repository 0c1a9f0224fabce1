"""What the evaluator's and observer's console shows as text: the exercise as a seat reads it (every
inject delivered with each team's version, the moves it may read with their rulings, by round and
team) and the evaluator's own observations and ratings. The team's text is shown literally."""

from __future__ import annotations

import time

from textual.content import Content

from wargame.engine.state import SessionState
from wargame.views.evaluation import about_text, kind_text, objective_title, rating_text
from wargame.views.i18n import gettext as _
from wargame.views.i18n import ngettext
from wargame.views.visibility import team_inject

from .. import view
from ..screens.move_detail import render_move
from ..widgets.inject_card import card_text, reading_meta, versions_text
from ..widgets.safe import lines, plain
from .evaluating import hidden_moves, own_observations, own_ratings, reading


def render_reading(st: SessionState) -> Content:
    """Every round played, newest first: its injects (each team's version under each), then each
    team's moves with the ruling, in `st.lang`; first a note when private moves are hidden."""
    lang = st.lang
    parts: list[Content] = []
    hidden = hidden_moves(st)
    if hidden:
        parts.append(Content.styled(ngettext(
            "{n} private move is hidden; the facilitator can let evaluators read it.",
            "{n} private moves are hidden; the facilitator can let evaluators read them.", hidden,
            lang).format(n=hidden),
            "italic $warning"))
    rounds = reading(st)
    if not any(r.deliveries for r in rounds):
        parts.append(Content.styled(_("No inject delivered yet", lang), "dim"))
    for r in rounds:
        parts.append(Content.styled(_("Round {n}: {title}", lang).format(n=r.round + 1,
                                                                        title=view.round_title(st, r.round)),
                                    "bold reverse $primary"))
        for d in r.deliveries:
            inj = st.injects[d.inject_id]
            meta = reading_meta(inj, lang)
            if "all" not in inj.targets:
                meta += " · " + _("For {team}", lang).format(team=", ".join(view.team_name(st, t) for t in inj.targets))
            parts.append(card_text(inj.title.get(lang), meta, inject=team_inject(inj, None), lang=lang))
            if inj.versions:
                parts.append(versions_text(st, inj, lang))
            parts.append(Content(""))
        if not r.moves:
            parts.append(Content.styled(_("No moves recorded yet.", lang), "dim"))
        for team, moves in r.moves:
            parts.append(Content.styled(view.team_name(st, team), "bold $accent"))
            for m in moves:
                parts.append(render_move(st, m))
            parts.append(Content(""))
    return lines(parts)


def render_own(st: SessionState, author: str) -> Content:
    """The observations and ratings `author` recorded, in `st.lang`."""
    lang = st.lang
    if not author:
        return Content.styled(_("Type your name above: it signs what you record, and what you recorded shows here.",
                                lang), "dim")
    parts: list[Content] = [Content.styled(_("Your ratings", lang), "bold underline")]
    ratings = own_ratings(st, author)
    if not ratings:
        parts.append(Content.styled(_("None yet.", lang), "dim"))
    for r in ratings:
        parts.append(Content.assemble((objective_title(st, r.objective, lang), "bold"), " · ",
                                      (about_text(st, r.team, lang), "bold"), ": ",
                                      (rating_text(r.rating, lang), "bold $accent")))
        if r.reasons.strip():
            parts.append(Content.assemble("  ", r.reasons))
    parts += [Content(""), Content.styled(_("Your observations", lang), "bold underline")]
    observations = own_observations(st, author)
    if not observations:
        parts.append(Content.styled(_("None yet.", lang), "dim"))
    for o in observations:
        head = " · ".join([_("Round {n}", lang).format(n=o.round + 1), objective_title(st, o.objective, lang),
                           about_text(st, o.team, lang), kind_text(o.kind, lang),
                           time.strftime("%H:%M:%S", time.localtime(o.at))])
        parts += [Content.styled(head, "bold"), plain(o.text), Content("")]
    return lines(parts)
