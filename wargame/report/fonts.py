"""The DejaVu Sans family shipped with the package, registered once with ReportLab and embedded (subset)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab.lib.fonts import addMapping
from reportlab.lib.rl_accel import _c_funcs
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"

FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)


class _Widths(dict):
    """Advance widths by character; a character without a glyph gets the font's default width."""

    def __init__(self, widths: dict[str, float], default: float):
        super().__init__(widths)
        self.default = default

    def __missing__(self, ch: str) -> float:
        return self.default


class FastTTFont(TTFont):
    """A TTFont that lays out and writes text faster, with the same output.

    - Text width: without ReportLab's optional C accelerator (the rl_accel package), widths are
      summed with map() over a dict rather than a generator step per character; line breaking
      measures every word of every paragraph.
    - Writing text: see `splitString`.
    """

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        face = self.face
        self._widths = _Widths({chr(c): w for c, w in face.charWidths.items()}, face.defaultWidth)
        self._fast: WeakKeyDictionary[object, tuple[frozenset[str], dict[int, int], int]] = WeakKeyDictionary()

    if "instanceStringWidthTTF" not in _c_funcs:  # with the C accelerator, ReportLab's own is faster
        def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:  # noqa: N802
            if not isinstance(text, str):
                text = text.decode(encoding or "utf8")
            return 0.001 * size * sum(map(self._widths.__getitem__, text))

    def splitString(self, text: str, doc: object, encoding: str = "utf-8") -> list[tuple[int, bytes]]:  # noqa: N802
        """TTFont.splitString with a fast path: when every character of `text` already has a code in
        the first subset of this document, translate in one C call instead of a Python loop per
        character. Anything else (a new character, another subset) takes ReportLab's own way, which
        assigns codes exactly as before, so the output is byte for byte the same."""
        if isinstance(text, str) and text:
            fast = self._fast.get(doc)
            if fast is not None and fast[0].issuperset(text):  # frozenset.issuperset takes any iterable
                return [(0, text.translate(fast[1]).encode("latin-1"))]
        out = super().splitString(text, doc, encoding)
        state = self.state.get(doc)
        assignments = getattr(state, "assignments", None)
        if isinstance(assignments, dict):
            fast = self._fast.get(doc)
            if fast is None or fast[2] != len(assignments):
                table = {code: n for code, n in assignments.items() if n < 256}
                if 32 in table:
                    table[0xA0] = table[32]  # ReportLab prints a no-break space as a space
                self._fast[doc] = (frozenset(map(chr, table)), table, len(assignments))
        return out


_FONT_CLASS = FastTTFont


@lru_cache(maxsize=1)
def register() -> str:
    """Register the four faces and the family (so <b> and <i> in paragraphs pick them); returns the family."""
    for face in FACES:
        if face not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(_FONT_CLASS(face, str(FONT_DIR / f"{face}.ttf")))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, face)
    return FAMILY


@lru_cache(maxsize=None)
def coverage(face: str = REGULAR) -> frozenset[str]:
    """Every character `face` has a glyph for."""
    register()
    font = pdfmetrics.getFont(face)
    return frozenset(chr(c) for c in font.face.charToGlyph if c > 0)
