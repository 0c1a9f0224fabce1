"""The debrief PDF: an after-action report in the HSEEP AAR/IP manner, A4, built with ReportLab platypus.

Cover · summary (strengths, areas for improvement, the world's path) · the axis cross · timeline ·
round by round (inject, moves, rulings, axis push) · hot wash with room to write · improvement plan ·
appendix (where each inject comes from in the Alert). Every page carries the exercise marking top and
bottom, the running title and "page n / N"; the same session always gives the same bytes.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBG,
    HRFlowable,
    Indenter,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .. import __version__
from ..engine.state import Ruling, SessionState
from ..model import delivery_name
from ..views import debrief as aar
from ..views import outcomes
from ..views.words import MARKING, how_label, outcome_text, position_text, push_text, signed, t
from . import evaluation
from .blocks import FRAME_W, PAGE_H, PAGE_W, h1, h2, label, muted, table
from .chart import PATH_COLOR as DRIFT
from .chart import axis_chart, track_chart
from .fonts import BOLD, ITALIC, REGULAR, register
from .pages import write_pdf
from .styles import (
    ALERT,
    INK,
    MARKING_RED,
    MUTED,
    NAVY,
    OUTCOME_COLORS,
    PAGE_MARGIN_BOTTOM,
    PAGE_MARGIN_TOP,
    PAGE_MARGIN_X,
    PRIVATE,
    RULE,
    SHADE,
    styles,
)
from .text import para, plain, shorten

Progress = Callable[[float], None]

EARLIER_INDENT = 10
"""How far a move's earlier versions (each with its own ruling) stand in from the version shown."""


def write_debrief(state: SessionState, out: Path, *, team: str | None = None, lang: str | None = None,
                  progress: Progress | None = None, with_controller_notes: bool = False) -> int:
    """Write the debrief (or `team`'s handout) of `state` to `out` as PDF; returns the number of pages.

    A handout holds the controller notes and the facilitator's notes only `with_controller_notes`
    (the facilitator's debrief always does). Raises ValueError for a team the session does not have.
    `progress` is called with 0.0 .. 1.0 from the calling thread as the document is laid out.
    """
    data = aar.build(state, team=team, lang=lang, with_controller_notes=with_controller_notes)
    pdf, pages = render(data, progress)
    write_pdf(pdf, out)
    return pages


def render(data: aar.Debrief, progress: Progress | None = None) -> tuple[bytes, int]:
    """The PDF bytes and page count of a debrief."""
    register()
    if progress:
        progress(0.0)
    story = _story(data)
    if progress:
        progress(0.05)
    buf = io.BytesIO()
    pages: list[int] = [0]
    doc = _Doc(buf, data)
    if progress:
        doc.setProgressCallBack(_layout_progress(progress))
    doc.build(story, canvasmaker=_canvas_maker(data, pages))
    if progress:
        progress(1.0)
    return buf.getvalue(), pages[0]


def _layout_progress(progress: Progress, start: float = 0.05, end: float = 0.95) -> Callable[[str, int], None]:
    """A callback for `BaseDocTemplate.setProgressCallBack` that reports layout as `start` .. `end`
    of `progress`: ReportLab estimates the job ('SIZE_EST', the story's length), then counts the
    flowables laid out ('PROGRESS'). Reported in steps of 2 %, never backwards."""
    size = 1
    last = start

    def callback(kind: str, value: int) -> None:
        nonlocal size, last
        if kind == "SIZE_EST":
            size = max(1, value)
        elif kind == "PROGRESS":
            frac = start + (end - start) * min(1.0, value / size)
            if frac - last >= 0.02:
                last = frac
                progress(frac)

    return callback


# --- the document --------------------------------------------------------------------------------

class _Doc(BaseDocTemplate):
    def __init__(self, buf: io.BytesIO, data: aar.Debrief):
        lg = data.lang
        kind = t("aar", lg)
        subject = f"{kind}: {data.deck_title}"
        if data.team is not None:
            subject += f" — {t('handout_for', lg)} {data.team.name.get(lg)}"
        super().__init__(
            buf, pagesize=A4, leftMargin=PAGE_MARGIN_X, rightMargin=PAGE_MARGIN_X, topMargin=PAGE_MARGIN_TOP,
            bottomMargin=PAGE_MARGIN_BOTTOM, title=_meta(data.title), author=_meta(data.facilitator or "wargame"),
            subject=_meta(subject), creator=f"wargame {__version__}", keywords=[MARKING, "AAR", "wargame"],
            invariant=1, lang=lg, displayDocTitle=1,
        )
        self.data = data
        self._outline_no = 0
        frame = Frame(PAGE_MARGIN_X, PAGE_MARGIN_BOTTOM, FRAME_W, PAGE_H - PAGE_MARGIN_TOP - PAGE_MARGIN_BOTTOM,
                      id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPage=self._decorate_cover),
            PageTemplate("body", [frame], onPage=self._decorate),
        ])

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "_outline", None)
        if outline is not None:
            title, level = outline
            self._outline_no += 1
            key = f"s{self._outline_no}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)

    def _decorate_cover(self, canv: Canvas, doc: Any) -> None:
        self._page_text(canv, running=False)

    def _decorate(self, canv: Canvas, doc: Any) -> None:
        self._page_text(canv, running=True)

    def _page_text(self, canv: Canvas, running: bool) -> None:
        """The marking top and bottom, and on body pages the running title and footer (page n / N is
        added by the canvas once the page count is known)."""
        if not hasattr(self, "_strings"):
            d = self.data
            right = t("aar", d.lang) if d.team is None else \
                f"{t('handout_for', d.lang)}: {plain(d.team.name.get(d.lang))}"
            self._strings = (shorten(plain(d.title), 70), right, stringWidth(right, REGULAR, 7.5),
                             f"{shorten(plain(d.session_id), 40)} · {d.date}", stringWidth(MARKING, BOLD, 8))
        left, right, right_w, foot, mark_w = self._strings
        canv.saveState()
        tx = canv.beginText()
        tx.setFont(BOLD, 8)
        tx.setFillColor(MARKING_RED)
        tx.setTextOrigin((PAGE_W - mark_w) / 2, PAGE_H - 10 * mm)
        tx.textOut(MARKING)
        tx.setTextOrigin((PAGE_W - mark_w) / 2, 5 * mm)
        tx.textOut(MARKING)
        if running:
            top = PAGE_H - 16 * mm
            tx.setFont(REGULAR, 7.5)
            tx.setFillColor(MUTED)
            tx.setTextOrigin(PAGE_MARGIN_X, top)
            tx.textOut(left)
            tx.setTextOrigin(PAGE_W - PAGE_MARGIN_X - right_w, top)
            tx.textOut(right)
            tx.setTextOrigin(PAGE_MARGIN_X, 10 * mm)
            tx.textOut(foot)
        canv.drawText(tx)
        if running:
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.5)
            canv.line(PAGE_MARGIN_X, top - 3, PAGE_W - PAGE_MARGIN_X, top - 3)
            canv.line(PAGE_MARGIN_X, 15 * mm, PAGE_W - PAGE_MARGIN_X, 15 * mm)
        canv.restoreState()


def _meta(s: str) -> str:
    return " ".join(s.split())[:400]


def _canvas_maker(data: aar.Debrief, pages: list[int]) -> type[Canvas]:
    """A canvas that holds pages back until the end, to print "page n / N", with a fixed creation date."""
    created = time.gmtime(data.state.created_at)
    stamp = time.strftime("D:%Y%m%d%H%M%S+00'00'", created)
    page_word = t("page", data.lang)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: stamp)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            n = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(REGULAR, 7.5)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_W - PAGE_MARGIN_X, 10 * mm, f"{page_word} {self._pageNumber} / {n}")
                self.restoreState()
                Canvas.showPage(self)
            pages[0] = n
            Canvas.save(self)

    return NumberedCanvas


# --- the story -----------------------------------------------------------------------------------

def _story(d: aar.Debrief) -> list[Flowable]:
    s = styles()
    lg = d.lang
    story: list[Flowable] = []
    story += _cover(d)
    story += [NextPageTemplate("body"), PageBreak()]
    story += _summary(d)
    story += [PageBreak()]
    story += [h1(t("chart", lg)),
              axis_chart(d.state.scenarios, d.path, d.rounds_played, lg, width=FRAME_W, ended=d.state.ended),
              Spacer(1, 4), Paragraph(para(t("chart_caption", lg)), s.caption)]
    story += _path_table(d)
    story += _tracks(d)
    story += [PageBreak()]
    story += _timeline(d)
    story += [PageBreak(), h1(t("rounds", lg))]
    if not d.rounds:
        story.append(Paragraph(para(t("no_rounds", lg)), s.body))
    for i, r in enumerate(d.rounds):
        story += _round(d, r, first=i == 0)
    story += evaluation.objectives_analysis(d)
    story += _objectives(d)
    story += [PageBreak()]
    story += evaluation.hotwash(d)
    story += evaluation.feedback(d)
    story += [PageBreak()]
    story += evaluation.plan(d)
    story += [PageBreak()]
    story += _appendix(d)
    return story


def _facts(rows: list[tuple[str, str]], label_w: float = 42 * mm) -> Table:
    s = styles()
    data = [[Paragraph(para(k, BOLD), s.cell_head), Paragraph(para(v), s.cell)] for k, v in rows]
    tbl = Table(data, colWidths=[label_w, FRAME_W - label_w], hAlign="LEFT", splitInRow=1)
    tbl.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return tbl


def _cover(d: aar.Debrief) -> list[Flowable]:
    s = styles()
    lg = d.lang
    st = d.state
    out: list[Flowable] = [Spacer(1, 28 * mm), Paragraph(para(t("aar_long", lg).upper(), BOLD), s.cover_kicker),
                           Paragraph(para(d.title, BOLD), s.cover_title)]
    if d.team is not None:
        out.append(Paragraph(para(f"{t('handout_for', lg)}: {d.team.name.get(lg)}", BOLD),
                             s.cover_team))
    out += _altered(d)
    deck = st.deck
    assert deck is not None
    out.append(Paragraph(para(deck.description.get(lg)), s.cover_sub))
    out.append(HRFlowable(width="100%", thickness=1.2, color=NAVY, spaceBefore=4, spaceAfter=8))
    rows = [
        (t("exercise", lg), d.title),
        (t("date", lg), d.date),
        (t("deck", lg), f"{d.deck_title} ({deck.id})"),
        (t("teams", lg), ", ".join(tm.name.get(lg) for tm in d.teams)),
        (t("facilitator", lg), d.facilitator or "—"),
        (t("language", lg), t(f"lang_{lg}", lg)),
        (t("session", lg), d.session_id),
        (t("status", lg), t("ended" if st.ended else "not_ended", lg)),
    ]
    rows += [(t("lineage", lg), line) for line in d.lineage]
    if d.team is not None:
        rows.append((t("handout_for", lg), d.team.name.get(lg)))
    out.append(_facts(rows))
    out.append(Spacer(1, 14 * mm))
    note = t("disclaimer", lg)
    if d.team is not None:
        note += " " + t("handout_note", lg)
        if not d.controller_notes:
            note += " " + t("handout_note_notes", lg)
    box = Table([[Paragraph(para(note), s.small)]], colWidths=[FRAME_W])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, MARKING_RED), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    out.append(box)
    return out


def _altered(d: aar.Debrief) -> list[Flowable]:
    """A warning box when the log's hash chain is broken: what follows may not be what happened."""
    if d.altered is None:
        return []
    s = styles()
    box = Table([[Paragraph(para("⚠ " + t("altered", d.lang, reason=d.altered), BOLD), s.alert)]],
                colWidths=[FRAME_W])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.6, MARKING_RED), ("BACKGROUND", (0, 0), (-1, -1), ALERT),
                             ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                             ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return [box, Spacer(1, 10)]


def _scen(d: aar.Debrief, pos: tuple[int, int]) -> str:
    sc = d.state.scenario_at(*pos)
    return f"{d.scenario_title(sc)} {position_text(*pos, d.lang)}"


def _summary(d: aar.Debrief) -> list[Flowable]:
    s = styles()
    lg = d.lang
    out: list[Flowable] = [h1(t("summary", lg))]
    rows = [
        (t("rounds_played", lg), f"{d.rounds_played} {t('of', lg)} {d.rounds_total}"),
        (t("injects_delivered", lg), str(d.injects_delivered)),
        (t("moves_recorded", lg), str(d.moves_shown)),
        (t("rulings", lg), str(d.rulings_shown)),
        (t("start_position", lg), _scen(d, d.start)),
        (t("end_position", lg), _scen(d, d.end)),
        (t("crossings", lg), str(len(d.state.crossings))),
    ]
    out.append(_facts(rows, 58 * mm))
    out.append(h2(t("path", lg)))
    out.append(Paragraph(para(aar.path_sentence(d)), s.body))
    for key, notes in (("strengths", d.strengths), ("improvements", d.improvements)):
        out.append(h2(t(key, lg)))
        if not notes:
            out.append(Paragraph(para(t("no_notes" if d.controller_notes else "notes_withheld", lg)), s.meta))
        for n in notes:
            out.append(Paragraph(para(n.text) + muted(f" ({t('round', lg).lower()} {n.round + 1})"), s.bullet,
                                 bulletText="•"))
    out += evaluation.ratings_overview(d)
    return out


def _path_table(d: aar.Debrief) -> list[Flowable]:
    """Under the chart: where each round ended, in words."""
    s = styles()
    lg = d.lang
    if not d.rounds:
        return []
    start_sc = d.state.scenario_at(*d.start)
    rows = [[Paragraph(para(t("start", lg)), s.cell), "", Paragraph(para(position_text(*d.start, lg)), s.cell),
             Paragraph(para(d.scenario_title(start_sc)), s.cell)]]
    rows += [[Paragraph(para(f"R{r.index + 1}"), s.cell), Paragraph(para(r.title), s.cell),
              Paragraph(para(position_text(*r.end, lg)), s.cell),
              Paragraph(para(d.scenario_title(r.end_scenario)), s.cell)]
             for r in d.rounds]
    w = FRAME_W
    return [Spacer(1, 8), table([t("round", lg), "", t("position", lg), t("scenario", lg)],
                                 rows, [14 * mm, w - 14 * mm - 24 * mm - 60 * mm, 24 * mm, 60 * mm])]


def _timeline(d: aar.Debrief) -> list[Flowable]:
    """One row per event. Cells are plain strings where they fit (cheap to lay out over many pages);
    an event text too wide for its column becomes a wrapping paragraph."""
    s = styles()
    lg = d.lang
    out: list[Flowable] = [h1(t("timeline", lg))]
    if not d.timeline:
        return out + [Paragraph(para(t("no_rounds", lg)), s.body)]
    start = d.timeline[0].at
    w = [30 * mm, 14 * mm, FRAME_W - 30 * mm - 14 * mm - 22 * mm, 22 * mm]
    text_w = w[2] - 6
    rows: list[list[Any]] = []
    cmds: list[tuple[Any, ...]] = [("FONTNAME", (0, 1), (-1, -1), REGULAR), ("FONTSIZE", (0, 1), (-1, -1), 8.5),
                                   ("LEADING", (0, 1), (-1, -1), 11), ("TEXTCOLOR", (0, 1), (-1, -1), INK)]
    for i, row in enumerate(d.timeline, 1):
        face = BOLD if row.kind in ("round", "drift") else REGULAR
        text = plain(row.text, face)
        if stringWidth(text, face, 8.5) > text_w:
            cell: Any = Paragraph(f'<font name="{face}">{para(row.text, face)}</font>', s.cell)
        else:
            cell = text
        if row.kind in ("round", "drift"):
            cmds += [("FONTNAME", (2, i), (2, i), BOLD),
                     ("TEXTCOLOR", (2, i), (2, i), NAVY if row.kind == "round" else DRIFT)]
        rows.append([f"{aar.clock_time(row.at)}  {aar.elapsed(row.at, start)}", str(row.round + 1), cell,
                     position_text(*row.position, lg)])
    tbl = table([t("time", lg), t("round", lg), t("event", lg), t("position", lg)], rows, w)
    tbl.setStyle(TableStyle(cmds))
    out.append(tbl)
    return out


def _round(d: aar.Debrief, r: aar.RoundView, first: bool) -> list[Flowable]:
    s = styles()
    lg = d.lang
    out: list[Flowable] = []
    if not first:
        out.append(CondPageBreak(90 * mm))
    out.append(h2(f"{t('round', lg)} {r.index + 1} — {r.title}", outline=True))
    meta = f"{r.minutes} {t('minutes', lg)}" if r.minutes else ""
    if meta:
        out.append(Paragraph(para(meta), s.meta))
    for dv in r.deliveries:
        out += _inject_box(d, dv)
        out.append(Spacer(1, 6))
    out.append(Paragraph(para(t("moves", lg), BOLD), s.h3))
    out += _moves_by_inject(d, r)
    if r.notes:
        out.append(Paragraph(para(t("observations", lg), BOLD), s.h3))
        for n in r.notes:
            out.append(Paragraph(para(n.text), s.bullet, bulletText="•"))
    out.append(Spacer(1, 4))
    out.append(Paragraph(f"<b>{para(t('position_after', lg), BOLD)}:</b> {para(position_text(*r.end, lg))} — "
                         f"{para(d.scenario_title(r.end_scenario))}", s.meta))
    return out


def _inject_box(d: aar.Debrief, dv: aar.DeliveryView) -> list[Flowable]:
    """The inject as delivered, on a shaded ground under a navy rule (a frame background, so it splits
    across pages like any text and costs no table layout)."""
    s = styles()
    lg = d.lang
    inj = dv.inject
    seen = dv.shown
    date = seen.date_label.get(lg) if seen.date_label else seen.date
    facts = [f"{t('inject', lg)} {dv.number}", delivery_name(seen.delivery, lg),
             f"{t('sender', lg)}: {seen.sender.get(lg)}", date, how_label(dv.delivery.how, lg),
             f"{inj.minutes} {t('minutes', lg)}"]
    if seen.private:
        facts.append(t("private", lg))
    out: list[Flowable] = [
        CondPageBreak(40 * mm),
        FrameBG(color=SHADE, left=0, right=0, start=True),
        HRFlowable(width="100%", thickness=1.6, color=NAVY, spaceBefore=0, spaceAfter=6),
        Paragraph(para(" · ".join(facts)), s.box_meta),
        Paragraph(para(seen.title.get(lg), BOLD), s.box_title),
        Paragraph(para(seen.briefing.get(lg)), s.box_body),
    ]
    if seen.questions:
        out.append(Paragraph(para(t("questions", lg), BOLD), s.box_label))
        for q in seen.questions:
            out.append(Paragraph(para(q.get(lg)), s.box_bullet, bulletText="–"))
    if dv.versions:
        out.append(Paragraph(para(t("versions_side_by_side" if d.team is None else "other_versions", lg), BOLD),
                             s.box_label))
        for name, v in dv.versions:
            vmeta = [t("version_for", lg, team=name), delivery_name(v.delivery, lg),
                     f"{t('sender', lg)}: {v.sender.get(lg)}"]
            if v.private:
                vmeta.append(t("private", lg))
            out += [Paragraph(para(" · ".join(vmeta), BOLD), s.box_meta),
                    Paragraph(f"<b>{para(v.title.get(lg), BOLD)}</b>", s.box_body),
                    Paragraph(para(v.briefing.get(lg)), s.box_body)]
            out += [Paragraph(para(q.get(lg)), s.box_bullet, bulletText="–") for q in v.questions]
    if d.controller_notes:
        out.append(Paragraph(label(t("facilitator_notes", lg)) + para(inj.facilitator_notes.get(lg)), s.box_small))
    tail = f"<b>{para(t('push', lg), BOLD)}:</b> {para(push_text(inj.push.erosion, inj.push.rapprochement, lg))}"
    if dv.option:
        tail += f" · <b>{para(t('option_chosen', lg), BOLD)}:</b> {para(dv.option)}"
    out += [Paragraph(tail, s.box_meta), Spacer(1, 2), FrameBG(start=False)]
    return out


class RichLine(Flowable):
    """One line of differently styled runs, drawn directly: cheaper than a Paragraph and never wrapped.
    Build it with `rich_line`, which falls back to a Paragraph when the runs do not fit the width."""

    def __init__(self, runs: list[tuple[str, str, float, Any]], height: float, space_before: float = 0,
                 space_after: float = 0, rule_above: bool = False, min_room: float = 0):
        super().__init__()
        self.runs, self.height, self.min_room = runs, height, min_room
        self.spaceBefore, self.spaceAfter, self.rule_above = space_before, space_after, rule_above

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        """Too tall to fit when less than `min_room` is left, so the line moves to the next page with
        what it heads (a page break condition without a flowable of its own)."""
        self.width = aw
        if ah < max(self.min_room, self.height):
            return aw, ah + 1
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        c = self.canv
        if self.rule_above:
            c.setStrokeColor(RULE)
            c.setLineWidth(0.4)
            c.line(0, self.height, self.width, self.height)
        tx = c.beginText(0, self.height * 0.22)
        for text, font, size, color in self.runs:
            tx.setFont(font, size)
            tx.setFillColor(color)
            tx.textOut(text)
        c.drawText(tx)


def rich_line(runs: list[tuple[str, str, float, Any]], style: Any, *, rule_above: bool = False,
              space_before: float = 0, space_after: float = 2, min_room: float = 0) -> Flowable:
    """`runs` of (text, font, size, color) on one line; a wrapping Paragraph when they are too wide."""
    safe = [(plain(text, font), font, size, color) for text, font, size, color in runs]
    if sum(stringWidth(x, f, z) for x, f, z, _ in safe) <= FRAME_W - 4:
        height = max(z for _, _, z, _ in safe) * 1.3 + (6 if rule_above else 0)
        return RichLine(safe, height, space_before, space_after, rule_above, min_room)
    markup = "".join(f'<font name="{f}" size="{z}" color="#{c.hexval()[2:]}">{para(x, f)}</font>'
                     for x, f, z, c in runs)
    out = Paragraph(markup, style)
    return out


def _move(d: aar.Debrief, mv: aar.MoveView) -> list[Flowable]:
    s = styles()
    lg = d.lang
    m = mv.move
    head: list[tuple[str, str, float, Any]] = [(mv.team.name.get(lg), BOLD, 10, NAVY)]
    if m is not None and m.private:
        head.append((f"  ·  {t('private', lg).upper()}", BOLD, 7.5, PRIVATE))
    if m is not None:
        head.append((f"  ·  {t('recorded', lg)} {aar.clock_time(m.at)}", REGULAR, 7.5, MUTED))
    out: list[Flowable] = [rich_line(head, s.team, rule_above=True, space_before=6, min_room=30 * mm)]
    if m is None:
        out.append(Paragraph(para(t("hidden_move", lg) if mv.hidden else t("no_move", lg)), s.meta))
        return out
    for key, text in (("action", m.action), ("result", m.result), ("reasons", m.reasons)):
        if text.strip():  # label and text apart: the text stays one plain run, the fast way through line breaking
            out += [RichLine([(plain(t(key, lg), BOLD), BOLD, 7.5, MUTED)], 10, 2, min_room=9 * mm),
                    Paragraph(para(text), s.body)]
    out += _ruling(d, mv.ruling, mv.replaces)
    if mv.earlier:
        out += [Indenter(left=EARLIER_INDENT), Paragraph(para(t("earlier_versions", lg), BOLD), s.label)]
        for v in mv.earlier:
            bits = [f"<b>{aar.clock_time(v.move.at)}</b>"]
            if v.move.private:
                private = para(t("private", lg).upper(), BOLD)
                bits.append(f'<font name="{BOLD}" color="#{PRIVATE.hexval()[2:]}">{private}</font>')
            for key, text in (("action", v.move.action), ("result", v.move.result), ("reasons", v.move.reasons)):
                if text.strip():
                    bits.append(f"<i>{para(t(key, lg), ITALIC)}:</i> {para(text)}")
            out.append(Paragraph(" · ".join(bits), s.small))
            if v.ruling is not None:  # a ruling stays with the version it ruled
                out += _ruling(d, v.ruling)
        out.append(Indenter(left=-EARLIER_INDENT))
    return out


def _ruling(d: aar.Debrief, r: Ruling | None, replaces: Ruling | None = None) -> list[Flowable]:
    """The ruling line of a move version (outcome and push) and its narrative; for a version not
    ruled yet, that it is not, and whether it replaced a ruled version."""
    s = styles()
    lg = d.lang
    if r is None:
        runs = [(f"{t('ruling', lg)}: ", BOLD, 8.5, INK), (t("not_ruled", lg), REGULAR, 8.5, MUTED)]
        if replaces is not None:
            runs[1:] = [(t("not_ruled_yet", lg), BOLD, 8.5, PRIVATE),
                        (f"  ·  {t('replaces_ruled', lg, time=d.recorded(replaces.move_id))}", REGULAR, 8.5, MUTED)]
        return [rich_line(runs, s.meta, space_before=2)]
    out = [rich_line([
        (f"{t('ruling', lg)}: ", BOLD, 9, INK), (outcome_text(r.outcome, lg), BOLD, 9, OUTCOME_COLORS[r.outcome]),
        (f"  ·  {t('push', lg)}: {push_text(r.erosion, r.rapprochement, lg)}{_track_push(d, r)}", REGULAR, 9, MUTED),
    ], s.ruling, space_before=3)]
    if r.narrative.strip():
        out.append(Paragraph(para(r.narrative, ITALIC), s.quote))
    return out


def _track_push(d: aar.Debrief, r: Ruling) -> str:
    """`  ·  tracks: EU-cohesie +2` for a ruling that pushes tracks, else nothing."""
    text = outcomes.track_push_text(d.state, r.tracks, d.lang)
    return f"  ·  {t('track_push', d.lang)}: {text}" if text else ""


def _moves_by_inject(d: aar.Debrief, r: aar.RoundView) -> list[Flowable]:
    """A round's moves under the inject each answers (a heading per inject when the round has several)."""
    s = styles()
    out: list[Flowable] = []
    for g in r.by_inject:
        if len(r.by_inject) > 1:
            head = t("answers_inject", d.lang, n=g.delivery.number, title=g.delivery.shown.title.get(d.lang)) \
                if g.delivery else t("answers_none", d.lang)
            out.append(CondPageBreak(30 * mm))
            out.append(Paragraph(para(head, BOLD), s.answers))
        for mv in g.moves:
            out += _move(d, mv)
    return out


def _tracks(d: aar.Debrief) -> list[Flowable]:
    """The tracks by round (chart), their start, end and range, and what moved them; none without tracks."""
    if not d.tracks:
        return []
    s = styles()
    lg = d.lang
    def cell(text: str) -> Paragraph:
        return Paragraph(para(text), s.cell)

    sign = signed
    out: list[Flowable] = [PageBreak(), h1(t("tracks", lg)), track_chart(d.tracks, lg, width=FRAME_W),
                           Spacer(1, 4), Paragraph(para(t("tracks_caption", lg)), s.caption), Spacer(1, 6)]
    rows = [[cell(tr.name), cell(sign(tr.start)), cell(sign(tr.end)), cell(f"{sign(tr.low)} … {sign(tr.high)}")]
            for tr in d.tracks]
    w = [FRAME_W - 3 * 26 * mm, 26 * mm, 26 * mm, 26 * mm]
    out.append(table([t("track", lg), t("start", lg).capitalize(), t("end", lg).capitalize(), t("track_range", lg)],
                      rows, w))
    if d.track_changes:
        out += [Spacer(1, 8), h2(t("track_changes", lg))]
        rows = [[cell(f"R{c.round + 1}"), cell(c.track), cell(sign(c.by)), cell(sign(c.value)), cell(c.cause)]
                for c in d.track_changes]
        w = [14 * mm, 46 * mm, 26 * mm, 18 * mm, FRAME_W - 104 * mm]
        out.append(table([t("round", lg), t("track", lg), t("change", lg), t("value", lg), t("event", lg)], rows, w))
    return out


def _objectives(d: aar.Debrief) -> list[Flowable]:
    """Each team's objectives with the facilitator's mark and reasons; none when no team has a brief."""
    if not d.objectives:
        return []
    s = styles()
    lg = d.lang
    out: list[Flowable] = [PageBreak(), h1(t("team_objectives", lg)),
                           Paragraph(para(t("objectives_intro", lg)), s.meta)]
    team = None
    rows: list[list[Any]] = []
    for o in d.objectives:
        if o.team is not team:
            if rows:
                out.append(_objective_table(d, rows))
            out.append(h2(o.team.name.get(lg)))
            team, rows = o.team, []
        mark = outcomes.mark_text(o.mark, lg)
        rows.append([Paragraph(para(o.text), s.cell), Paragraph(f"<b>{para(mark, BOLD)}</b>", s.cell),
                     Paragraph(para(o.reasons or "—"), s.cell)])
    if rows:
        out.append(_objective_table(d, rows))
    return out


def _objective_table(d: aar.Debrief, rows: list[list[Any]]) -> Table:
    lg = d.lang
    return table([t("objective", lg), t("mark", lg), t("reasons", lg)], rows,
                  [70 * mm, 28 * mm, FRAME_W - 98 * mm])


def _appendix(d: aar.Debrief) -> list[Flowable]:
    s = styles()
    lg = d.lang
    out: list[Flowable] = [h1(t("appendix", lg)), Paragraph(para(t("appendix_intro", lg)), s.meta)]
    if not d.sources:
        return out + [Paragraph(para(t("no_injects", lg)), s.body)]
    if any(i.source.extrapolated for i in d.sources):
        out.append(Paragraph(para(t("extrapolated_note", lg)), s.small))
    rounds_of: dict[str, str] = {}
    for dl in d.state.deliveries:
        seen = rounds_of.get(dl.inject_id)
        rounds_of[dl.inject_id] = f"{seen}, {dl.round + 1}" if seen else str(dl.round + 1)
    for inj in d.sources:
        head = para(inj.title.get(lg), BOLD)
        if inj.source.extrapolated:
            head += f' <font color="#7a4b00" size="8">· {para(t("extrapolated", lg).upper(), BOLD)}</font>'
        out.append(KeepTogether([
            Paragraph(head, s.h3),
            Paragraph(f"<b>{para(t('source_section', lg), BOLD)}:</b> {para(inj.source.section)} · "
                      f"<b>{para(t('round', lg), BOLD)}:</b> {rounds_of[inj.id]} · {para(inj.id)}", s.meta),
            Paragraph(para(f"“{inj.source.quote}”", ITALIC), s.quote),
        ]))
    return out
