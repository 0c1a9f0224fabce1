"""The DejaVu Sans family shipped with the package, registered once with ReportLab and embedded (subset)."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"

FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)
UPRIGHT = {ITALIC: REGULAR, BOLD_ITALIC: BOLD}
"""The face that prints what an oblique face has no glyph for (DejaVu's oblique faces have no Arabic)."""


@lru_cache(maxsize=1)
def register() -> str:
    """Register the four faces and the family (so <b> and <i> in paragraphs pick them); returns the family."""
    for face in FACES:
        if face not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(face, str(FONT_DIR / f"{face}.ttf")))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, face)
    return FAMILY


@cache
def coverage(face: str = REGULAR) -> frozenset[str]:
    """Every character `face` has a glyph for."""
    register()
    font = pdfmetrics.getFont(face)
    return frozenset(chr(c) for c in font.face.charToGlyph if c > 0)
