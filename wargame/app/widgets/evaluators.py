"""What the evaluators sent in so far, for the facilitator's console: a count line and the full list.

Never on the projector: observations and ratings are for the facilitator and the debrief only.
Every name and text an evaluator wrote is shown literally (`Content` from str parts).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import SessionState
from wargame.views.evaluation import about_text, kind_text, objective_title, rating_text
from wargame.views.i18n import gettext as _
from wargame.views.i18n import ngettext

from .safe import clip, lines, set_content


def counts_text(st: SessionState) -> str:
    """`3 observations, 5 ratings`."""
    lang = st.lang
    n, r = len(st.observations), len(st.ratings)
    return (ngettext("{n} observation", "{n} observations", n, lang).format(n=n) + ", "
            + ngettext("{n} rating", "{n} ratings", r, lang).format(n=r))


def render_summary(st: SessionState, wide: bool) -> Content:
    """`Evaluators (v): 3 observations, 5 ratings` (on two lines when narrow) and the latest one's objective,
    team and author (which may wrap)."""
    lang = st.lang
    heading = Content.styled(_("Evaluators (v):", lang), "bold")
    out = [Content.assemble(heading, " ", counts_text(st))] if wide else [heading, Content(counts_text(st))]
    latest = _latest(st)
    if latest is not None:
        objective, team, author = latest
        what = " · ".join((clip(objective_title(st, objective, lang), 40 if wide else 28),
                           clip(about_text(st, team, lang), 24)))
        out.append(Content.styled(_("latest: {what} · by {author}", lang).format(what=what, author=clip(author, 24)),
                                  "dim"))
    return lines(out)


def _latest(st: SessionState) -> tuple[str, str, str] | None:
    """(objective, team, author) of the newest observation or rating, or None when there is none."""
    made = [(o.event_id, o.objective, o.team, o.author) for o in st.observations]
    made += [(r.event_id, r.objective, r.team, r.author) for r in st.ratings.values()]
    if not made:
        return None
    _id, objective, team, author = max(made)
    return objective, team, author


def render_list(st: SessionState) -> Content:
    """Every observation (in the order made) and every rating (by objective and team), each with its
    objective, team, round or rating, kind, author and text."""
    lang = st.lang
    out: list[Content] = [Content.styled(ngettext("{n} observation", "{n} observations", len(st.observations),
                                                  lang).format(n=len(st.observations)), "bold $accent")]
    for o in st.observations:
        out.append(Content.assemble(
            (f"R{o.round + 1} · ", "dim"), (objective_title(st, o.objective, lang), "bold"),
            " · ", about_text(st, o.team, lang), " · ", (kind_text(o.kind, lang), _KIND_STYLE.get(o.kind, "")),
            (" · " + _("by {author}", lang).format(author=o.author), "dim")))
        out.append(Content.assemble("    ", o.text))
    ratings = sorted(st.ratings.values(), key=lambda r: (r.objective, r.team, r.event_id))
    out.append(Content(""))
    out.append(Content.styled(ngettext("{n} rating", "{n} ratings", len(ratings), lang).format(n=len(ratings)),
                              "bold $accent"))
    for r in ratings:
        out.append(Content.assemble(
            (objective_title(st, r.objective, lang), "bold"), " · ", about_text(st, r.team, lang), " · ",
            (rating_text(r.rating, lang), "bold"), (" · " + _("by {author}", lang).format(author=r.author), "dim")))
        if r.reasons:
            out.append(Content.assemble("    ", r.reasons))
    return lines(out)


_KIND_STYLE = {"strength": "$success", "improvement": "$warning"}


class EvaluatorsLine(Static):
    """Under the teams: how many observations and ratings came in, and the latest; hidden while none has."""

    DEFAULT_CSS = """
    EvaluatorsLine { height: auto; padding: 0 1; display: none; }
    EvaluatorsLine.-some { display: block; }
    """

    def show(self, st: SessionState, *, wide: bool = False) -> None:
        some = bool(st.observations or st.ratings)
        self.set_class(some, "-some")
        if some:
            set_content(self, render_summary(st, wide))
