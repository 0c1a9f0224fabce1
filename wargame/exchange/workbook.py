"""The after-action workbook (`wargame export SESSION --format xlsx`): the debrief as a spreadsheet an
exercise office files and a programme tracks afterwards.

Sheets, named in the document's language: an overview (the exercise's facts, the marking, the ratings
grid of exercise objectives by team with the P/S/M/U legend), the moves and rulings (one row per move
version shown), the observations and ratings, the hot-wash answers, the participants' feedback and the
improvement plan, whose status column offers a list and whose rows sit in a table to filter.

Everything comes from the view models (`views.debrief.build` and its `evaluation`), which decide what
a team's workbook may show: exactly what its PDF handout shows. Every text goes in through
`cells.put`, so no team's or evaluator's text ever becomes a formula.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ..engine import events as ev
from ..engine.state import Move, Ruling, SessionState
from ..store.outputs import write_whole
from ..views import debrief
from ..views.debrief import Debrief
from ..views.evaluation import FEEDBACK_MIN, Evaluation, kind_text, status_text, withheld_text
from ..views.words import MARKING, outcome_text, position_text, signed, t
from .cells import put

HEAD_FONT, HEAD_FILL = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F3A5F")
WRAP = Alignment(wrap_text=True, vertical="top")
EXTRA_PLAN_ROWS = 200
"""Rows below the improvement plan whose status cell still offers the list, for items added later."""


class _Sheet:
    """A worksheet written row by row: headers styled, every cell wrapped, every text a string."""

    def __init__(self, wb: Workbook, key: str, lang: str, widths: Sequence[float]):
        self.lang = lang
        self.widths = list(widths)
        self.ws: Worksheet = wb.create_sheet(t(key, lang)[:31])
        self.row = 1
        for c, w in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(c)].width = w
        self.ws.oddHeader.center.text = MARKING  # printed on every page, like the PDF's marking
        self.ws.page_setup.orientation = "landscape"
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth, self.ws.page_setup.fitToHeight = 1, 0
        self.ws.print_options.gridLines = True

    def line(self, values: Sequence[Any], *, bold: bool = False, head: bool = False) -> int:
        """Write `values` as the next row; its row number."""
        for c, value in enumerate(values, 1):
            cell = put(self.ws.cell(row=self.row, column=c), value)
            cell.alignment = WRAP
            if head:
                cell.font, cell.fill = HEAD_FONT, HEAD_FILL
            elif bold:
                cell.font = Font(bold=True)
            if isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
        self._fit(self.row, [(str(v), self.widths[c] if c < len(self.widths) else 10.0)
                             for c, v in enumerate(values) if isinstance(v, str)])
        self.row += 1
        return self.row - 1

    def _fit(self, row: int, texts: Sequence[tuple[str, float]]) -> None:
        """Make `row` tall enough for its wrapped texts, each in a column `chars` wide: a spreadsheet keeps
        the default height of a row written without one, and wrapped text would run into the next."""
        lines = max((sum(max(1, math.ceil(len(part) / max(chars - 1, 1.0))) for part in text.split("\n"))
                     for text, chars in texts), default=1)
        self.ws.row_dimensions[row].height = min(409, 15 * lines) if lines > 1 else None

    def head(self, keys: Sequence[str], literal: Sequence[str] = ()) -> int:
        """A header row: the words of `keys`, then the `literal` texts; its row number."""
        return self.line([*(t(k, self.lang) for k in keys), *literal], head=True)

    def title(self, text: str, size: int = 12) -> None:
        put(self.ws.cell(row=self.row, column=1), text).font = Font(bold=True, size=size)
        self.row += 1

    def skip(self) -> None:
        self.row += 1

    def merge(self, row: int, first: int, last: int) -> None:
        """Merge columns `first` to `last` of `row`, the row as tall as its text needs across them."""
        self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        text = str(self.ws.cell(row=row, column=first).value or "")
        self._fit(row, [(text, max(sum(self.widths[first - 1:last]), 1.0))])

    def table(self, name: str, first: int, columns: int) -> None:
        """The rows from header row `first` to the last written as a table to filter (none when empty)."""
        if self.row - 1 > first:
            ref = f"A{first}:{get_column_letter(columns)}{self.row - 1}"
            tab = Table(displayName=name, ref=ref)
            tab.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            self.ws.add_table(tab)


def write_workbook(state: SessionState, out: Path, *, lang: str | None = None, team: str | None = None,
                   with_controller_notes: bool = False) -> None:
    """Write the after-action workbook (.xlsx) to `out`: the facilitator's (team None) or one team's."""
    write_whole(workbook_bytes(state, lang=lang, team=team, with_controller_notes=with_controller_notes), out)


def workbook_bytes(state: SessionState, *, lang: str | None = None, team: str | None = None,
                   with_controller_notes: bool = False) -> bytes:
    """The after-action workbook as the bytes of an .xlsx file. ValueError for an unknown team."""
    d = debrief.build(state, team=team, lang=lang, with_controller_notes=with_controller_notes)
    e = d.evaluation
    assert e is not None  # `debrief.build` always assesses the evaluation
    wb = Workbook()
    first = wb.active
    if first is not None:
        wb.remove(first)
    _overview(wb, d, e)
    _moves(wb, d)
    _observations(wb, d, e)
    _hotwash(wb, d, e)
    _feedback(wb, d, e)
    _plan(wb, d, e)
    wb.properties.title = f"{t('aar', d.lang)}: {d.deck_title}"
    wb.properties.creator = "wargame"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _yes(flag: bool, lang: str) -> str:
    return t("wb_yes" if flag else "wb_no", lang)


def _overview(wb: Workbook, d: Debrief, e: Evaluation) -> None:
    lg = d.lang
    teams = e.objectives[0].teams if e.objectives else ()
    last = max(len(teams) + 2, 4)  # the objective, a column per team, what a strong performance looks like
    s = _Sheet(wb, "wb_overview", lg, [34, *[14] * (last - 2), 60])

    def fact(label: str, value: Any, *, bold: bool = False) -> None:
        s.merge(s.line([label, value], bold=bold), 2, last)

    s.title(d.title, 14)
    s.title(MARKING, 10)
    s.title(t("aar_long", lg), 11)
    s.ws.freeze_panes = "A4"
    if d.team is not None:
        fact(t("handout_for", lg), d.team.name.get(lg), bold=True)
    if d.altered:
        fact(t("status", lg), t("altered", lg, reason=d.altered), bold=True)
    fact(t("exercise", lg), d.title)
    fact(t("deck", lg), d.deck_title)
    fact(t("session", lg), d.session_id)
    fact(t("date", lg), d.date)
    fact(t("facilitator", lg), d.facilitator)
    fact(t("rounds_played", lg), f"{d.rounds_played} {t('of', lg)} {d.rounds_total}")
    fact(t("teams", lg), ", ".join(tm.name.get(lg) for tm in d.teams))
    for label, pos in ((t("start_position", lg), d.start), (t("end_position", lg), d.end)):
        fact(label, f"{position_text(*pos, lg)} · {d.scenario_title(d.state.scenario_at(*pos))}")
    for line in d.lineage:
        fact(t("lineage", lg), line)
    if e.evaluators:
        fact(t("wb_evaluators", lg), ", ".join(e.evaluators))
    fact(t("feedback_forms", lg), e.feedback_forms)
    s.skip()
    s.title(t("exercise_objectives", lg))
    if not e.objectives:
        s.line([t("wb_no_objectives", lg)])
        return
    s.line([t("objective", lg), *[tr.team for tr in teams], *[""] * (last - 2 - len(teams)),
           t("strong_performance", lg)], head=True)
    for oe in e.objectives:
        s.line([f"{oe.number}. {oe.title}", *[tr.letters for tr in oe.teams], *[""] * (last - 2 - len(oe.teams)),
               oe.strong])
        for c in range(2, len(oe.teams) + 2):
            s.ws.cell(row=s.row - 1, column=c).alignment = Alignment(horizontal="center", vertical="top")
    s.skip()
    s.title(t("wb_legend", lg))
    for letter in ev.RATINGS:
        fact(letter, t(f"rating_{letter}", lg))
    fact("—", t("aar_unrated", lg))
    fact("", t("aar_not_rated_for", lg))


def _moves(wb: Workbook, d: Debrief) -> None:
    lg = d.lang
    s = _Sheet(wb, "wb_moves", lg, [8, 28, 18, 42, 32, 42, 12, 17, 12, 20, 42, 12, 12, 22])
    s.head(["round", "inject", "wb_team", "action", "result", "reasons", "wb_private", "wb_recorded",
            "wb_superseded", "ruling", "wb_narrative", "wb_push_erosion", "wb_push_rapprochement", "wb_tracks"])
    s.ws.freeze_panes = "D2"
    for rv in d.rounds:
        for group in rv.by_inject:
            dv = group.delivery
            inject = f"{dv.number}. {dv.shown.title.get(lg)}" if dv else t("answers_none", lg)
            for mv in group.moves:
                lead = [rv.index + 1, inject, mv.team.name.get(lg)]
                if mv.hidden:
                    s.line([*lead, t("hidden_move", lg)])
                elif mv.move is not None:
                    for v in reversed(mv.earlier):  # oldest first, as recorded
                        s.line([*lead, *_move_cells(d, v.move, v.ruling)])
                    s.line([*lead, *_move_cells(d, mv.move, mv.ruling)])
    s.ws.auto_filter.ref = f"A1:N{max(s.row - 1, 1)}"


def _move_cells(d: Debrief, m: Move, r: Ruling | None) -> list[Any]:
    lg = d.lang
    deck = d.state.deck
    tracks = []
    for tid, v in (r.tracks.items() if r else ()):
        track = deck.track(tid) if deck is not None else None
        tracks.append(f"{track.name.get(lg) if track else tid} {signed(v)}")
    return [m.action, m.result, m.reasons, _yes(m.private, lg), datetime.fromtimestamp(m.at),
            _yes(m.superseded_by is not None, lg), outcome_text(r.outcome, lg) if r else t("not_ruled_yet", lg),
            r.narrative if r else "", r.erosion if r else None, r.rapprochement if r else None, ", ".join(tracks)]


def _observations(wb: Workbook, d: Debrief, e: Evaluation) -> None:
    lg = d.lang
    s = _Sheet(wb, "wb_observations", lg, [34, 18, 20, 16, 36, 60])
    s.ws.freeze_panes = "A2"
    first = s.head(["objective", "wb_team", "evaluator", "rating", "wb_meaning", "reasons"])
    for oe in e.objectives:
        for tr in oe.teams:
            for rv in tr.ratings:
                s.line([f"{oe.number}. {oe.title}", tr.team, rv.author, rv.letter, t(f"rating_{rv.letter}", lg),
                       rv.reasons])
    s.table("Ratings", first, 6)
    if s.row - 1 == first:
        s.line([t("wb_no_ratings", lg)])
    s.skip()
    s.title(t("observations", lg))
    first = s.head(["objective", "wb_team", "round", "wb_kind", "evaluator", "wb_text"])
    for oe in e.objectives:
        views = sorted((*oe.strengths, *oe.improvements, *oe.observations), key=lambda v: v.observation.event_id)
        for v in views:
            s.line([f"{oe.number}. {oe.title}", v.team, v.round, kind_text(v.observation.kind, lg),
                   v.author, v.text])
    s.table("Observations", first, 6)
    if s.row - 1 == first:
        s.line([t("wb_no_observations", lg)])


def _hotwash(wb: Workbook, d: Debrief, e: Evaluation) -> None:
    lg = d.lang
    s = _Sheet(wb, "wb_hotwash", lg, [50, 30, 20, 70])
    s.ws.freeze_panes = "A2"
    first = s.head(["wb_question", "wb_source", "wb_answered_by", "wb_answer"])
    for hv in e.hotwash:
        for a in hv.answers:
            s.line([hv.text, hv.question.source, a.team, a.text])
        if not hv.answers:
            s.line([hv.text, hv.question.source, "", t("wb_no_answer", lg)])
    s.ws.auto_filter.ref = f"A{first}:D{max(s.row - 1, first)}"


def _feedback(wb: Workbook, d: Debrief, e: Evaluation) -> None:
    lg = d.lang
    s = _Sheet(wb, "wb_feedback", lg, [40, 14, 12, 8, 8, 8, 8, 8])
    s.ws.freeze_panes = "A2"
    s.head(["objective", "wb_responses", "wb_mean"], [str(v) for v in ev.FEEDBACK_SCALE])
    figures = [(oe, oe.feedback) for oe in e.objectives if oe.feedback is not None]
    for oe, fig in figures:
        s.line([f"{oe.number}. {oe.title}", fig.responses, round(fig.mean, 2) if fig.mean is not None else None,
               *fig.counts])
        s.ws.cell(row=s.row - 1, column=3).number_format = "0.0"
    if not figures and e.feedback_forms < FEEDBACK_MIN:
        s.line([t("wb_withheld", lg, n=FEEDBACK_MIN)])
    elif withheld := withheld_text(e, lg):
        s.line([withheld])
    s.skip()
    s.line([t("feedback_forms", lg), e.feedback_forms], bold=True)
    if e.comments:
        s.skip()
        s.title(t("wb_comments", lg))
        for text in e.comments:
            s.merge(s.line([text]), 1, 8)


def _plan(wb: Workbook, d: Debrief, e: Evaluation) -> None:
    lg = d.lang
    s = _Sheet(wb, "improvement_plan", lg, [8, 60, 34, 24, 14, 16])
    s.ws.freeze_panes = "A2"
    first = s.head(["no", "action", "objective", "owner", "due", "status"])
    for n, a in enumerate(e.actions, 1):
        s.line([n, a.action, a.objective, a.owner, _due(a.due), a.status])
    s.table("ImprovementPlan", first, 6)
    if not e.actions:
        s.line(["", t("no_actions" if d.controller_notes else "notes_withheld", lg)])
    statuses = ",".join(status_text(x, lg).replace(",", " ").replace('"', "") for x in ev.ACTION_STATUSES)
    dv = DataValidation(type="list", formula1=f'"{statuses}"', allow_blank=True, showErrorMessage=True,
                        showInputMessage=True, prompt=t("wb_status_prompt", lg), error=t("wb_status_prompt", lg))
    dv.add(f"F{first + 1}:F{s.row + EXTRA_PLAN_ROWS}")
    s.ws.add_data_validation(dv)


def _due(due: str) -> date | str | None:
    """A due date as a date cell (the engine keeps it YYYY-MM-DD), an empty cell for none, else the text."""
    if not due.strip():
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", due.strip()):
        try:
            return date.fromisoformat(due.strip())
        except ValueError:
            pass
    return due
