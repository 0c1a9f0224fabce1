"""The debrief's building blocks, shared by its sections (`report.debrief`, `report.evaluation`):
headings that enter the PDF outline, the house table, inline labels and ruled lines to write on.

Every text goes through `text.para`, so nothing typed in the room is read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from .fonts import BOLD
from .styles import NAVY, PAGE_MARGIN_X, RULE, SHADE, styles
from .text import para, plain

PAGE_W, PAGE_H = A4
FRAME_W = PAGE_W - 2 * PAGE_MARGIN_X
"""The width of the text frame of a debrief page."""


def h1(text: str) -> Paragraph:
    """A section heading, entered in the PDF outline."""
    p = Paragraph(para(text, BOLD), styles().h1)
    p._outline = (plain(text), 0)
    return p


def h2(text: str, outline: bool = False) -> Paragraph:
    """A sub-heading; in the outline (under its section) when `outline`."""
    p = Paragraph(para(text, BOLD), styles().h2)
    if outline:
        p._outline = (plain(text), 1)
    return p


def label(text: str) -> str:
    """A small grey bold label on its own line, inside the paragraph it labels (so they never part)."""
    return f'<font name="{BOLD}" size="8" color="#5f6670">{para(text, BOLD)}</font><br/>'


def muted(text: str) -> str:
    """`text` as small grey markup, to follow other text in a paragraph."""
    return f'<font color="#5f6670" size="8">{para(text)}</font>'


def table(header: Sequence[str | Flowable], rows: list[list[Any]], widths: list[float], *, zebra: bool = True,
          heights: list[float | None] | None = None) -> Table:
    """The house table: a navy-ruled header row repeated on every page, thin rules between rows,
    zebra shading unless told not; `heights` gives each body row's height (None: as its text needs).
    A header cell is a text (set in the header style) or a flowable of its own."""
    s = styles()
    data = [[h if isinstance(h, Flowable) else Paragraph(para(h, BOLD), s.cell_head) for h in header]] + rows
    tbl = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1,
                rowHeights=[None, *heights] if heights is not None else None)
    cmds: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if zebra:
        cmds.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]))
    tbl.setStyle(TableStyle(cmds))
    return tbl


class WriteLines(Flowable):
    """Ruled lines to write answers on."""

    def __init__(self, lines: int = 5, gap: float = 8 * mm):
        super().__init__()
        self.lines, self.gap = lines, gap

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.lines * self.gap + 2

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(colors.HexColor("#b9bfc8"))
        c.setLineWidth(0.4)
        for i in range(self.lines):
            y = i * self.gap + 1
            c.line(0, y, self.width, y)
