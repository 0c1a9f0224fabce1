"""The debrief's typography: one sans family (DejaVu), a navy accent, restrained tables."""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..views.words import MARKING
from .fonts import BOLD, ITALIC, REGULAR, register

NAVY = colors.HexColor("#1f3a5f")
INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#5f6670")
RULE = colors.HexColor("#c9ced6")
SHADE = colors.HexColor("#eef1f5")
MARKING_RED = colors.HexColor("#a0191e")
PRIVATE = colors.HexColor("#7a4b00")
ALERT = colors.HexColor("#fbe9e9")
"""The ground of the warning box of an altered log."""

QUADRANT_FILLS = {  # by (erosion, rapprochement) level: soft, print-friendly
    ("low", "low"): colors.HexColor("#e3edf7"),
    ("low", "high"): colors.HexColor("#f4ecdc"),
    ("high", "low"): colors.HexColor("#e6f1e6"),
    ("high", "high"): colors.HexColor("#f6e3e3"),
}

OUTCOME_COLORS = {
    3: colors.HexColor("#1e6b34"), 2: colors.HexColor("#3b8a4f"), 1: colors.HexColor("#7aa35a"),
    0: colors.HexColor("#7d7d7d"), -1: colors.HexColor("#c0772a"), -2: colors.HexColor("#b24a2a"),
    -3: colors.HexColor("#8f1d1d"),
}

PAGE_MARGIN_X = 20 * mm
FIELD_INDENT = 27 * mm
BOX_PAD = 8
PAGE_MARGIN_TOP = 24 * mm
PAGE_MARGIN_BOTTOM = 22 * mm


@lru_cache(maxsize=1)
def styles() -> SimpleNamespace:
    """The paragraph styles, built once (fonts registered first)."""
    register()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=12.8, textColor=INK,
                          splitLongWords=1, allowWidows=0, allowOrphans=0, spaceAfter=3)
    s = SimpleNamespace()
    s.body = base
    s.small = ParagraphStyle("small", base, fontSize=8, leading=10.5, textColor=MUTED)
    s.cell = ParagraphStyle("cell", base, fontSize=8.5, leading=11, spaceAfter=0)
    s.cell_head = ParagraphStyle("cell_head", s.cell, fontName=BOLD, textColor=NAVY)
    s.cover_kicker = ParagraphStyle("cover_kicker", base, fontName=BOLD, fontSize=10, leading=14,
                                    textColor=MUTED, spaceAfter=6)
    s.cover_title = ParagraphStyle("cover_title", base, fontName=BOLD, fontSize=26, leading=31,
                                   textColor=NAVY, spaceAfter=10)
    s.cover_sub = ParagraphStyle("cover_sub", base, fontSize=13, leading=17, textColor=INK, spaceAfter=18)
    s.h1 = ParagraphStyle("h1", base, fontName=BOLD, fontSize=16, leading=20, textColor=NAVY, spaceBefore=4,
                          spaceAfter=8, keepWithNext=1)
    s.h2 = ParagraphStyle("h2", base, fontName=BOLD, fontSize=12, leading=15.5, textColor=NAVY, spaceBefore=10,
                          spaceAfter=4, keepWithNext=1)
    s.h3 = ParagraphStyle("h3", base, fontName=BOLD, fontSize=10, leading=13.5, textColor=INK, spaceBefore=7,
                          spaceAfter=2, keepWithNext=1)
    s.field = ParagraphStyle("field", base, leftIndent=FIELD_INDENT, bulletIndent=0, bulletFontName=BOLD,
                             bulletFontSize=7.5, bulletColor=MUTED, spaceAfter=4)
    s.team = ParagraphStyle("team", s.h3, keepWithNext=0)
    s.label = ParagraphStyle("label", base, fontName=BOLD, fontSize=7.5, leading=10, textColor=MUTED,
                             spaceBefore=2, spaceAfter=0)
    s.meta = ParagraphStyle("meta", base, fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=4)
    s.quote = ParagraphStyle("quote", base, fontName=ITALIC, leftIndent=10, textColor=INK)
    s.bullet = ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2)
    s.caption = ParagraphStyle("caption", base, fontSize=8, leading=10.5, textColor=MUTED, alignment=TA_CENTER)
    s.hw_q = ParagraphStyle("hw_q", base, fontSize=10, leading=13.5, keepWithNext=1, spaceBefore=6)
    s.cover_team = ParagraphStyle("cover_team", s.cover_sub, fontName=BOLD, textColor=PRIVATE)
    s.inject_title = ParagraphStyle("inject_title", s.h3, spaceBefore=0, fontSize=11.5, leading=14.5, textColor=NAVY)
    s.ruling = ParagraphStyle("ruling", base, spaceBefore=3)
    s.answers = ParagraphStyle("answers", s.h3, textColor=NAVY, spaceBefore=10, keepWithNext=1)
    """The heading of the moves answering one inject, over their teams."""
    s.source = ParagraphStyle("source", s.small, fontName=ITALIC)
    s.alert = ParagraphStyle("alert", base, fontName=BOLD, fontSize=10.5, leading=14, textColor=MARKING_RED,
                             spaceAfter=0)
    for name in ("meta", "inject_title", "body", "label", "bullet", "small"):
        src = getattr(s, name)
        setattr(s, "box_" + ("title" if name == "inject_title" else name),
                ParagraphStyle("box_" + name, src, leftIndent=src.leftIndent + BOX_PAD,
                               bulletIndent=src.bulletIndent + BOX_PAD, rightIndent=BOX_PAD))
    s.left = TA_LEFT
    return s


def draw_marking(c: Canvas, page_width: float, top: float, foot: float) -> None:
    """The exercise marking, in red, centred at the heights `top` and `foot` of a page (it leaves the
    canvas in that font and colour: a page frame sets its own next)."""
    c.setFont(BOLD, 8)
    c.setFillColor(MARKING_RED)
    c.drawCentredString(page_width / 2, top, MARKING)
    c.drawCentredString(page_width / 2, foot, MARKING)
