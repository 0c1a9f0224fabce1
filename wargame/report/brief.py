"""Team packs (`wargame brief`): per team, the starting situation, its brief, the rules of play and how
to enter a move, A4, built with ReportLab platypus from `views.packs`.

One pack per team in one file, each starting on a new page; every page carries the exercise marking
top and bottom and, in the running head, the pack's team. All text goes through `text.para`, so
nothing in a deck is read as markup. The same deck always gives the same bytes.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBG,
    HRFlowable,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from .. import __version__
from ..content import Library
from ..model import Deck
from ..views.packs import Pack, PackInject, deck_packs
from ..views.words import MARKING, t
from .fonts import BOLD, REGULAR
from .styles import (
    MUTED,
    NAVY,
    PAGE_MARGIN_BOTTOM,
    PAGE_MARGIN_TOP,
    PAGE_MARGIN_X,
    PRIVATE,
    SHADE,
    draw_marking,
    styles,
)
from .text import para, plain, shorten

PAGE_W, PAGE_H = A4


def write_brief(deck: Deck, library: Library, out: Path, *, team: str | None = None, lang: str = "nl") -> int:
    """Write the pack of `team`, or one pack per team of `deck`, to `out` as PDF; returns the number of
    pages. ValueError for a team not in the deck or a language other than nl and en."""
    packs = deck_packs(deck, library, lang, team)
    pdf, pages = render(packs, deck.title.get(lang) if lang in ("nl", "en") else deck.id, lang)
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(pdf)
    os.replace(tmp, out)
    return pages


def render(packs: list[Pack], title: str, lang: str) -> tuple[bytes, int]:
    """The PDF bytes and page count of `packs`."""
    s = styles()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=PAGE_MARGIN_X, rightMargin=PAGE_MARGIN_X, topMargin=PAGE_MARGIN_TOP,
        bottomMargin=PAGE_MARGIN_BOTTOM, title=plain(f"{t('pack', lang)}: {title}"), author="wargame",
        subject=plain(f"{t('pack', lang)} · {packs[0].deck_id if packs else ''}"),
        creator=f"wargame {__version__}", keywords=[MARKING, "wargame"], invariant=1, lang=lang,
        displayDocTitle=1)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="pack", frames=[frame], onPageEnd=_page_frame(lang))])
    story: list[Flowable] = []
    for i, pack in enumerate(packs):
        if i:
            story.append(PageBreak())
        story += _pack(pack, s)
    doc.build(story)
    return buf.getvalue(), doc.page


class _Running(Flowable):
    """Sets the running head of the page it lands on (and of the pages after it): zero size."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._wargame_running = self.text


def _page_frame(lang: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(c: Canvas, doc: BaseDocTemplate) -> None:
        c.saveState()
        draw_marking(c, PAGE_W, PAGE_H - 10 * mm, 6 * mm)
        c.setFont(REGULAR, 7.5)
        c.setFillColor(MUTED)
        running = getattr(c, "_wargame_running", "")
        c.drawString(PAGE_MARGIN_X, PAGE_H - 15 * mm, shorten(plain(running), 100))
        c.drawRightString(PAGE_W - PAGE_MARGIN_X, 10 * mm, f"{t('page', lang)} {doc.page}")
        c.restoreState()
    return draw


def _pack(p: Pack, s: SimpleNamespace) -> list[Flowable]:
    lg = p.lang
    head = t("pack_for", lg, team=p.team_name)
    out: list[Flowable] = [
        _Running(f"{head} · {p.deck_title}"),
        Paragraph(para(f"{t('pack', lg)} · {p.deck_title}", BOLD), s.cover_kicker),
        Paragraph(para(p.team_name, BOLD), s.cover_title),
        HRFlowable(width="100%", thickness=1.6, color=NAVY, spaceBefore=0, spaceAfter=8),
        Paragraph(para(t("situation", lg), BOLD), s.h1),
        Paragraph(para(p.situation or t("no_situation", lg)), s.body),
        Paragraph(para(t("brief", lg), BOLD), s.h1),
    ]
    b = p.brief
    if b is None:
        out.append(Paragraph(para(t("no_brief", lg)), s.body))
    else:
        out += [Paragraph(para(t("role", lg), BOLD), s.h2), Paragraph(para(b.role), s.body)]
        out += _list(t("objectives", lg), b.objectives, s, numbered=True)
        out += _list(t("red_lines", lg), b.red_lines, s)
        out += _list(t("levers", lg), b.levers, s)
        if b.knows:
            out += [Paragraph(para(t("knows", lg), BOLD), s.h2), Paragraph(para(b.knows), s.body)]
        if b.injects:
            out.append(Paragraph(para(t("own_injects", lg), BOLD), s.h2))
            for inj in b.injects:
                out += _inject(inj, lg, s)
    out += [
        Paragraph(para(t("rules", lg), BOLD), s.h1),
        Paragraph(para(t("rules_text", lg)), s.body),
        Paragraph(para(t("how_to_move", lg), BOLD), s.h2),
        Paragraph(para(t("move_terminal", lg, command=p.join_command)), s.bullet, bulletText="•"),
        Paragraph(para(t("move_browser", lg)), s.bullet, bulletText="•"),
        Paragraph(para(t("move_fields", lg)), s.body),
    ]
    return out


def _list(title: str, items: tuple[str, ...], s: SimpleNamespace, *, numbered: bool = False) -> list[Flowable]:
    if not items:
        return []
    out: list[Flowable] = [Paragraph(para(title, BOLD), s.h2)]
    for i, item in enumerate(items, 1):
        out.append(Paragraph(para(item), s.bullet, bulletText=f"{i}." if numbered else "•"))
    return out


def _inject(inj: PackInject, lg: str, s: SimpleNamespace) -> list[Flowable]:
    body: list[Flowable] = [
        FrameBG(color=SHADE, left=0, right=0, start=True),
        HRFlowable(width="100%", thickness=1.2, color=PRIVATE, spaceBefore=0, spaceAfter=6),
        Paragraph(para(inj.meta), s.box_meta),
        Paragraph(para(inj.title, BOLD), s.box_title),
        Paragraph(para(inj.briefing), s.box_body),
    ]
    if inj.questions:
        body.append(Paragraph(para(t("questions", lg), BOLD), s.box_label))
        body += [Paragraph(para(q), s.box_bullet, bulletText="–") for q in inj.questions]
    body += [Spacer(1, 2), FrameBG(start=False)]
    return [KeepTogether(body[:4]), *body[4:], Spacer(1, 6)]
