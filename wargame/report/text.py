"""Text safety for the PDF: team text is hostile and must print exactly as typed, never as markup.

- `para(text)` gives Paragraph markup: escaped with xml.sax.saxutils.escape (so ``<b>&amp;`` and
  ``<img src=x>`` print literally and nothing is fetched), newlines as ``<br/>``.
- A character the font has no glyph for (emoji, control characters, rare scripts) prints as a
  visible stand-in such as ``[U+1F680]``, never as a black box and never as a crash. In a
  paragraph, what an oblique face lacks but its upright face has (Arabic) prints upright.
- Lines with right-to-left text (Hebrew, Arabic) are put in visual order by the Unicode
  bidirectional algorithm (python-bidi), Arabic letters joined first (arabic-reshaper), since
  ReportLab without its optional rlbidi package lays out everything left to right. Explicit
  direction overrides and embeddings (U+202A..U+202E, U+2066..U+2069) are dropped there, so team
  text cannot turn other text around.
- Lone surrogates and other text Python can hold but PDF cannot are replaced, not raised on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from itertools import chain, groupby, islice
from operator import itemgetter
from xml.sax.saxutils import escape

from arabic_reshaper import ArabicReshaper
from bidi.algorithm import get_display

from .fonts import REGULAR, UPRIGHT, coverage

STANDIN_COLOR = "#8a8a8a"

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefc]")
_EXPLICIT = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_PRIVATE_USE = (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))


Piece = tuple[str, str]
"""(kind, text): kind "" prints in the face asked for, FALLBACK in the fallback face, STANDIN grey."""
FALLBACK = "fallback"
STANDIN = "standin"


def clean(text: str, face: str = REGULAR) -> tuple[str, list[tuple[int, int]]]:
    """Text ready to lay out in `face`: newlines normalised, tabs as spaces, right-to-left in visual order.

    Returns the text and the spans (start, end) of stand-ins for characters `face` cannot print.
    """
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for kind, s in pieces(text, face):
        if kind == STANDIN:
            spans.append((pos, pos + len(s)))
        out.append(s)
        pos += len(s)
    return "".join(out), spans


def plain(text: str, face: str = REGULAR) -> str:
    """Text for canvas.drawString and graphics Strings (no markup there): printable in `face`."""
    s, _ = clean(text, face)
    return s.replace("\n", " ")


def para(text: str, face: str = REGULAR) -> str:
    """Paragraph markup that prints `text` literally in `face`: what `face` lacks and its upright
    face has (Arabic in an oblique face) in the upright face, stand-ins in grey."""
    fallback = UPRIGHT.get(face)
    parts: list[str] = []
    for kind, s in pieces(text, face, fallback):
        markup = escape(s).replace("\n", "<br/>")
        if kind == FALLBACK:
            markup = f'<font name="{fallback}">{markup}</font>'
        elif kind == STANDIN:
            markup = f'<font color="{STANDIN_COLOR}">{markup}</font>'
        parts.append(markup)
    return "".join(parts)


def pieces(text: str, face: str = REGULAR, fallback: str | None = None) -> list[Piece]:
    """`text` as pieces in drawing order: newlines normalised, tabs as spaces, lines with right-to-left
    text in visual order. A character `face` lacks prints in `fallback` when that face has it, else
    in a stand-in naming the characters as typed (``[U+1F680]``); an invisible format character
    (joiner, direction mark) that neither face has is dropped."""
    if not isinstance(text, str):
        text = str(text)
    text = _NEWLINES.sub("\n", text).replace("\t", "    ")
    own = coverage(face)
    rtl = _RTL.search(text) is not None
    if not rtl and own.issuperset(text.replace("\n", "")):
        return [("", text)]
    other = coverage(fallback) if fallback else frozenset()
    shaping = face if fallback is None or "\u0628" in own else fallback  # the face Arabic letters print in
    out: list[Piece] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append(("", "\n"))
        out += _line(line, own, other, shaping if rtl else None)
    return _merge(out)


def _line(line: str, own: frozenset[str], other: frozenset[str], shaping: str | None) -> list[Piece]:
    """One line as pieces; right-to-left text is joined for the `shaping` face and reordered."""
    rtl = shaping is not None and _RTL.search(line) is not None
    if rtl:
        line = _shape(line, shaping)  # type: ignore[arg-type]
    chars: list[Piece] = []
    for ch in line:
        kind = "" if ch in own else FALLBACK if ch in other else STANDIN
        if kind == STANDIN and unicodedata.category(ch) == "Cf" and not (chars and chars[-1][0] == STANDIN):
            continue
        chars.append((kind, ch))
    logical = _merge(chars)  # a STANDIN piece holds the characters typed
    if rtl:
        logical = _reorder(logical, own, own | other | frozenset(line))
    return [(STANDIN, _standin(s)) if kind == STANDIN else (kind, s) for kind, s in logical]


def _merge(items: Iterable[Piece]) -> list[Piece]:
    """Neighbouring pieces of one kind as one."""
    return [(kind, "".join(s for _, s in group)) for kind, group in groupby(items, key=itemgetter(0))]


def _standin(chars: str) -> str:
    return "[" + " ".join(f"U+{ord(c):04X}" for c in chars) + "]"


def _reorder(logical: list[Piece], own: frozenset[str], taken: frozenset[str]) -> list[Piece]:
    """`logical` in visual order. Each run for a stand-in goes through the bidirectional algorithm
    as one private-use character (left to right, like the stand-in's own text), so it keeps its
    place and the characters in it their typed order."""
    runs = [s for kind, s in logical if kind == STANDIN]
    tokens = list(islice((c for c in map(chr, chain.from_iterable(_PRIVATE_USE)) if c not in taken), len(runs)))
    if len(tokens) < len(runs):
        return logical  # more stand-ins than private-use characters: left in typed order
    run_of = dict(zip(tokens, runs, strict=True))
    it = iter(tokens)
    marked = "".join(next(it) if kind == STANDIN else s for kind, s in logical)
    return [(STANDIN, run_of[ch]) if ch in run_of else ("" if ch in own else FALLBACK, ch)
            for ch in get_display(marked)]


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters of `text` on one line, with an ellipsis when cut (for table summaries)."""
    one = " ".join(text.split())
    if len(one) <= limit:
        return one
    cut = one[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"


# --- right-to-left ------------------------------------------------------------------------------

def visual_order(line: str, face: str = REGULAR) -> str:
    """One line in the order it is drawn left to right: Arabic letters joined in the forms `face`
    has, then the Unicode bidirectional algorithm (base direction from the first strong letter,
    brackets mirrored, numbers left to right; python-bidi's Python implementation, since its Rust
    one does not mirror). A right-to-left letter's combining marks (Hebrew points, Arabic harakat)
    come out just before it, where DejaVu's marks, drawn left to right without shaping, sit on it."""
    return get_display(_shape(line, face))


def _shape(line: str, face: str) -> str:
    """`line` without explicit direction controls, its Arabic letters joined in the forms `face` has."""
    line = _EXPLICIT.sub("", line)
    reshaper = _reshaper(face)
    if reshaper is not None and _ARABIC.search(line):
        line = _PRESENTATION.sub(_uncovered_form(face), reshaper.reshape(line))
    return line


@cache
def _reshaper(face: str) -> ArabicReshaper | None:
    """A reshaper for `face`, or None when the face has no Arabic letters (they print as stand-ins)."""
    cov = coverage(face)
    if "\u0628" not in cov:
        return None
    return ArabicReshaper(configuration={
        "delete_harakat": False,  # print the vowel marks as typed
        "ARABIC LIGATURE ALLAH": "\ufdf2" in cov,
    })


@cache
def _uncovered_form(face: str) -> Callable[[re.Match[str]], str]:
    """Replacement for a presentation form `face` lacks: its plain letters, when the face has those."""
    cov = coverage(face)

    def repl(m: re.Match[str]) -> str:
        ch = m.group()
        if ch in cov:
            return ch
        plain_form = unicodedata.normalize("NFKC", ch)
        return plain_form if cov.issuperset(plain_form) else ch

    return repl

