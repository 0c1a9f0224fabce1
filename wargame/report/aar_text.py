"""The few phrases the after-action report's evaluation sections compose from `views.evaluation`, once
for the PDF (`report.evaluation`) and the Markdown (`report.markdown`): plain text, no markup, no ReportLab.
"""

from __future__ import annotations

from collections.abc import Callable

from ..engine import events as ev
from ..views.debrief import Debrief
from ..views.evaluation import AnswerView, FeedbackFigure, ObservationView, rating_text
from ..views.words import t


def mean_text(mean: float | None, lang: str) -> str:
    """`3.7`, `3,7` in Dutch; `—` without responses."""
    return "—" if mean is None else f"{mean:.1f}".replace(".", t("decimal_point", lang))


def figure_text(fig: FeedbackFigure, lang: str) -> str:
    """`Responses: 4 · Mean: 3.7 · 1: 0 · 2: 1 · 3: 1 · 4: 1 · 5: 1`."""
    counts = " · ".join(f"{v}: {n}" for v, n in zip(ev.FEEDBACK_SCALE, fig.counts, strict=True))
    return f"{t('wb_responses', lang)}: {fig.responses} · {t('wb_mean', lang)}: {mean_text(fig.mean, lang)} · {counts}"


def observed(v: ObservationView, lang: str, *, name: Callable[[str], str] = str,
             typed: Callable[[str], str] = str) -> str:
    """`EU · round 2 · Eva`: whom an observation is about, when, and who made it; the team's name
    passed through `name` and the author's, typed in the room, through `typed` (a renderer's escapes)."""
    parts = [name(v.team), f"{t('round', lang).lower()} {v.round}"]
    if v.author:
        parts.append(typed(v.author))
    return " · ".join(parts)


def legend(lang: str) -> str:
    """`P — performed without challenges · S — … · — not rated yet · blank: not an objective of that team`."""
    return " · ".join([*(rating_text(r, lang) for r in ev.RATINGS), f"— {t('aar_unrated', lang)}",
                       t("aar_not_rated_for", lang)])




def hotwash_questions(d: Debrief) -> list[tuple[str, str, tuple[AnswerView, ...]]]:
    """Each hot-wash question (text, source in the Alert) with the answers recorded; the two plain
    questions of every hot wash when the deck names none."""
    lg = d.lang
    e = d.evaluation
    none: tuple[AnswerView, ...] = ()
    questions = [(h.text, h.question.source, h.answers) for h in e.hotwash] if e is not None else \
        [(q.question.get(lg), q.source, none) for q in d.hotwash]
    return questions or [(t("hw_went_well", lg), "", none), (t("hw_do_better", lg), "", none)]
