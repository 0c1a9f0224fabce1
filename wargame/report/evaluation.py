"""The evaluation in the debrief PDF, in the HSEEP AAR/IP manner: the ratings at a glance (for the
executive summary), the analysis per exercise objective (its yardstick, each evaluator's rating per
team with the reasons, the strengths, areas for improvement and other observations, the participants'
figure), the hot wash with the answers the room gave, the participant feedback and the improvement plan.

Everything comes from `views.evaluation` as the debrief's audience may see it (a team's handout: its own
ratings and observations, no comments); nothing here reads the session state. Every text goes through
`text.para`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from ..views import debrief as aar
from ..views.evaluation import (
    FEEDBACK_MIN,
    Evaluation,
    ObjectiveEvaluation,
    ObservationView,
    TeamRatings,
    withheld_text,
)
from ..views.words import t
from .aar_text import figure_text, hotwash_questions, legend, mean_text, observed
from .blocks import FRAME_W, WriteLines, h1, h2, label, muted, table
from .fonts import BOLD, ITALIC
from .styles import OUTCOME_COLORS, styles
from .text import para

RATING_COLORS = {"P": OUTCOME_COLORS[3], "S": OUTCOME_COLORS[1], "M": OUTCOME_COLORS[-1], "U": OUTCOME_COLORS[-3]}
"""A rating's letter in the colour of the outcome it is closest to: green for P to deep red for U."""

BLANK_ACTIONS = 3
"""The empty rows under the improvement plan, to fill in at the hot wash."""


@cache
def _centred() -> ParagraphStyle:
    return ParagraphStyle("cell_centred", styles().cell, alignment=TA_CENTER)


@cache
def _team_head() -> ParagraphStyle:
    """A team's name over its column of the ratings grid: centred and small, so a long name fits."""
    return ParagraphStyle("team_head", styles().cell_head, alignment=TA_CENTER, fontSize=7.5, leading=9.5,
                          splitLongWords=0)


def _letters(letters: str) -> str:
    """`S/M` in bold, each letter in its colour; `—` grey."""
    parts = [f'<font color="#{RATING_COLORS[x].hexval()[2:]}">{x}</font>' if x in RATING_COLORS else para(x)
             for x in letters.split("/")]
    return f"<b>{'/'.join(parts)}</b>"


def _cell(text: str, *, bold: bool = False) -> Paragraph:
    s = styles()
    return Paragraph(f"<b>{para(text, BOLD)}</b>" if bold else para(text), s.cell)


# --- the executive summary's grid ------------------------------------------------------------------

def ratings_overview(d: aar.Debrief) -> list[Flowable]:
    """Objectives × teams, a letter (or two) in each cell, and the legend; none without objectives."""
    e = d.evaluation
    if e is None or not e.objectives:
        return []
    s = styles()
    lg = d.lang
    teams = [tr.team for tr in e.objectives[0].teams]
    team_w = min(28 * mm, (FRAME_W - 56 * mm) / max(1, len(teams)))
    rows = [[_cell(f"{o.number}. {o.title}"), *(Paragraph(_letters(tr.letters), _centred()) for tr in o.teams)]
            for o in e.objectives]
    head = [Paragraph(para(t("objective", lg), BOLD), s.cell_head),
            *(Paragraph(para(name, BOLD), _team_head()) for name in teams)]
    grid = table(head, rows, [FRAME_W - team_w * len(teams), *[team_w] * len(teams)])
    return [h2(t("aar_ratings_overview", lg)), Paragraph(para(t("aar_ratings_overview_intro", lg)), s.meta),
            grid, Spacer(1, 3), Paragraph(para(legend(lg)), s.small)]


# --- the analysis per objective --------------------------------------------------------------------

def objectives_analysis(d: aar.Debrief) -> list[Flowable]:
    """A section per exercise objective; none when the deck states none."""
    e = d.evaluation
    if e is None or not e.objectives:
        return []
    s = styles()
    lg = d.lang
    out: list[Flowable] = [PageBreak(), h1(t("exercise_objectives", lg)),
                           Paragraph(para(t("aar_objectives_intro", lg)), s.meta)]
    if e.evaluators:
        out.append(Paragraph(f"<b>{para(t('wb_evaluators', lg), BOLD)}:</b> {para(', '.join(e.evaluators))}", s.meta))
    else:
        out.append(Paragraph(para(t("aar_no_evaluation", lg)), s.meta))
    for o in e.objectives:
        out += _objective(o, lg)
    return out


def _objective(o: ObjectiveEvaluation, lg: str) -> list[Flowable]:
    s = styles()
    head = h2(t("aar_objective_n", lg, n=o.number, title=o.title), outline=True)
    out: list[Flowable] = [CondPageBreak(55 * mm), head,
                           Paragraph(label(t("strong_performance", lg)) + para(o.strong, ITALIC), s.quote)]
    rows: list[list[Any]] = []
    for tr in o.teams:
        if tr.rated:
            rows += _team_rows(tr, lg)
    if not any(tr.ratings for tr in o.teams):
        out.append(Paragraph(para(t("aar_objective_unrated", lg)), s.meta))
    elif rows:
        out.append(table([t("wb_team", lg), t("rating", lg), t("evaluator", lg), t("reasons", lg)], rows,
                         [34 * mm, 44 * mm, 30 * mm, FRAME_W - 108 * mm], zebra=False))
    for key, views in (("strengths", o.strengths), ("improvements", o.improvements), ("observations", o.observations)):
        if views:
            out.append(Paragraph(para(t(key, lg), BOLD), s.h3))
            out += [_observation(v, lg) for v in views]
    if not (o.strengths or o.improvements or o.observations):
        out.append(Paragraph(para(t("aar_no_observations", lg)), s.meta))
    if o.feedback is not None and o.feedback.responses:
        out += [Paragraph(para(t("feedback", lg), BOLD), s.h3), Paragraph(para(figure_text(o.feedback, lg)), s.meta)]
    out.append(Spacer(1, 6))
    return out


def _team_rows(tr: TeamRatings, lg: str) -> list[list[Any]]:
    """One row per evaluator's rating of the team (the team's name and letters on the first), or one
    row saying it is not rated yet."""
    s = styles()
    if not tr.ratings:
        return [[_cell(tr.team, bold=True), Paragraph(muted(t("aar_unrated", lg)), s.cell), "", ""]]
    head = Paragraph(f"<b>{para(tr.team, BOLD)}</b><br/>{_letters(tr.letters)}", s.cell)
    rows: list[list[Any]] = []
    for i, r in enumerate(tr.ratings):
        rating = f"{_letters(r.letter)} {muted(t(f'rating_{r.letter}', lg))}"
        rows.append([head if i == 0 else "", Paragraph(rating, s.cell), _cell(r.author or "—"),
                     _cell(r.reasons or "—")])
    return rows


def _observation(v: ObservationView, lg: str) -> Paragraph:
    return Paragraph(para(v.text) + " " + muted(f"({observed(v, lg)})"), styles().bullet, bulletText="•")


# --- hot wash, feedback, improvement plan -----------------------------------------------------------

def hotwash(d: aar.Debrief) -> list[Flowable]:
    """The hot-wash questions, each with the answers recorded (plenary or a team's) and lines to write
    on: four under a question not answered yet, two under one that was."""
    s = styles()
    lg = d.lang
    questions = hotwash_questions(d)
    answered = any(a for _, _, a in questions)
    out: list[Flowable] = [h1(t("hotwash", lg)),
                           Paragraph(para(t("aar_hotwash_answered" if answered else "hotwash_intro", lg)), s.meta)]
    for i, (q, src, answers) in enumerate(questions, 1):
        block: list[Flowable] = [Paragraph(f"<b>{i}.</b> {para(q)}", s.hw_q)]
        if src:
            block.append(Paragraph(para(src, ITALIC), s.source))
        replies = [Paragraph(f"<b>{para(a.team, BOLD)}:</b> {para(a.text)}", s.bullet, bulletText="–")
                   for a in answers]
        out.append(KeepTogether(block + replies[:1]))
        out += replies[1:]
        out += [WriteLines(2 if answers else 4, 7.5 * mm), Spacer(1, 4)]
    return out


def feedback(d: aar.Debrief) -> list[Flowable]:
    """How many feedback forms came in, the figures per objective once there are enough to keep them
    anonymous, and (the facilitator's debrief only) the comments; none without an evaluation."""
    e = d.evaluation
    if e is None:
        return []
    s = styles()
    lg = d.lang
    out: list[Flowable] = [CondPageBreak(50 * mm), Spacer(1, 8), h1(t("feedback", lg)),
                           Paragraph(f"<b>{para(t('feedback_forms', lg), BOLD)}:</b> {e.feedback_forms}", s.body)]
    if not e.feedback_forms:
        return out + [Paragraph(para(t("aar_no_feedback", lg)), s.meta)]
    if e.feedback_forms < FEEDBACK_MIN:
        return out + [Paragraph(para(t("aar_feedback_withheld", lg, n=FEEDBACK_MIN)), s.meta)]
    out += _figures(e, lg)
    if e.comments:
        out.append(Paragraph(para(t("aar_comments", lg), BOLD), s.h3))
        out += [Paragraph(para(c), s.bullet, bulletText="•") for c in e.comments]
    return out


def _figures(e: Evaluation, lg: str) -> list[Flowable]:
    """The table of the participants' ratings per objective: responses, mean, how many gave 1 to 5."""
    shown = [o for o in e.objectives if o.feedback is not None]
    withheld = [Paragraph(para(text), styles().meta)] if (text := withheld_text(e, lg)) else []
    if not shown:
        return withheld
    rows = []
    for o in shown:
        f = o.feedback
        assert f is not None
        rows.append([_cell(f"{o.number}. {o.title}"), Paragraph(str(f.responses), _centred()),
                     Paragraph(f"<b>{mean_text(f.mean, lg)}</b>", _centred()),
                     *(Paragraph(str(n), _centred()) for n in f.counts)])
    n = 9 * mm
    w = [FRAME_W - 2 * 24 * mm - 5 * n, 24 * mm, 24 * mm, *[n] * 5]
    return [Paragraph(para(t("aar_feedback_scale", lg)), styles().meta),
            table([t("objective", lg), t("wb_responses", lg), t("wb_mean", lg), "1", "2", "3", "4", "5"], rows, w),
            *withheld]


def plan(d: aar.Debrief) -> list[Flowable]:
    """The improvement plan: action, objective, owner, due date and status, then blank rows to fill in."""
    s = styles()
    lg = d.lang
    actions = d.evaluation.actions if d.evaluation is not None else []
    out: list[Flowable] = [h1(t("improvement_plan", lg)), Paragraph(para(t("aar_plan_intro", lg)), s.meta)]
    rows: list[list[Any]] = [[_cell(str(i)), _cell(a.action), _cell(a.objective or "—"), _cell(a.owner or "—"),
                              _cell(a.due or "—"), _cell(a.status, bold=True)] for i, a in enumerate(actions, 1)]
    rows += [[_cell(str(i)), "", "", "", "", ""] for i in range(len(rows) + 1, len(rows) + 1 + BLANK_ACTIONS)]
    w = [10 * mm, FRAME_W - 10 * mm - 34 * mm - 26 * mm - 20 * mm - 22 * mm, 34 * mm, 26 * mm, 20 * mm, 22 * mm]
    heights: list[float | None] = [None] * len(actions) + [10 * mm] * BLANK_ACTIONS
    out.append(table([t("no", lg), t("action", lg), t("objective", lg), t("owner", lg), t("due", lg),
                      t("status", lg)], rows, w, zebra=False, heights=heights))
    if not actions:
        out.append(Paragraph(para(t("no_actions" if d.controller_notes else "notes_withheld", lg)), s.meta))
    return out

