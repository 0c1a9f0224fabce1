"""The A4 pages of the handouts a deck prints (team packs, handouts): the exercise marking top and
bottom, a running head and page numbers, and the write that never leaves half a file."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .. import __version__
from ..store.outputs import write_whole
from ..views.words import MARKING, t
from .fonts import REGULAR
from .styles import MUTED, PAGE_MARGIN_BOTTOM, PAGE_MARGIN_TOP, PAGE_MARGIN_X, draw_marking
from .text import plain, shorten

PAGE_W, PAGE_H = A4


class Running(Flowable):
    """Sets the running head of the page it lands on (and of the pages after it): zero size."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._wargame_running = self.text


def page_frame(lang: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    """What every page carries: the marking, the running head and the page number."""
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


def build_pages(story: list[Flowable], *, title: str, subject: str, lang: str) -> tuple[bytes, int]:
    """The PDF bytes and page count of `story` on marked A4 pages; the same story gives the same bytes."""
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=PAGE_MARGIN_X, rightMargin=PAGE_MARGIN_X, topMargin=PAGE_MARGIN_TOP,
        bottomMargin=PAGE_MARGIN_BOTTOM, title=plain(title), author="wargame", subject=plain(subject),
        creator=f"wargame {__version__}", keywords=[MARKING, "wargame"], invariant=1, lang=lang,
        displayDocTitle=1)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=page_frame(lang))])
    doc.build(story)
    return buf.getvalue(), doc.page


def write_pdf(pdf: bytes, out: Path) -> None:
    """Write `pdf` to `out` whole, or not at all."""
    write_whole(pdf, out)
