"""Text safety for the PDF: team text is hostile and must print exactly as typed, never as markup.

- `para(text)` gives Paragraph markup: escaped with xml.sax.saxutils.escape (so ``<b>&amp;`` and
  ``<img src=x>`` print literally and nothing is fetched), newlines as ``<br/>``.
- A character the font has no glyph for (emoji, control characters, rare scripts) prints as a
  visible stand-in such as ``[U+1F680]``, never as a black box and never as a crash.
- Right-to-left runs (Hebrew, Arabic) are put in visual order, since ReportLab without the
  optional rlbidi package lays out everything left to right.
- Lone surrogates and other text Python can hold but PDF cannot are replaced, not raised on.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from .fonts import REGULAR, coverage

STANDIN_COLOR = "#8a8a8a"

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_ALWAYS_OK = frozenset("\n")


def clean(text: str, face: str = REGULAR) -> tuple[str, list[tuple[int, int]]]:
    """Text ready to lay out in `face`: newlines normalised, tabs as spaces, RTL in visual order.

    Returns the text and the spans (start, end) of stand-ins for characters `face` cannot print.
    """
    if not isinstance(text, str):
        text = str(text)
    text = _NEWLINES.sub("\n", text).replace("\t", "    ")
    if _RTL.search(text):
        text = "\n".join(visual_order(line) for line in text.split("\n"))
    cov = coverage(face)
    missing = set(text) - cov - _ALWAYS_OK
    if not missing:
        return text, []
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    run: list[str] = []

    def flush() -> None:
        nonlocal pos
        if run:
            s = "[" + " ".join(f"U+{ord(c):04X}" for c in run) + "]"
            spans.append((pos, pos + len(s)))
            out.append(s)
            pos += len(s)
            run.clear()

    for ch in text:
        if ch in missing:
            if unicodedata.category(ch) == "Cf" and not run:
                continue  # an invisible format character (joiner, direction mark) outside a stand-in
            run.append(ch)
            continue
        flush()
        out.append(ch)
        pos += 1
    flush()
    return "".join(out), spans


def plain(text: str, face: str = REGULAR) -> str:
    """Text for canvas.drawString and graphics Strings (no markup there): printable in `face`."""
    s, _ = clean(text, face)
    return s.replace("\n", " ")


def para(text: str, face: str = REGULAR) -> str:
    """Paragraph markup that prints `text` literally in `face`; stand-ins are shown in grey."""
    s, spans = clean(text, face)
    if not spans:
        return escape(s).replace("\n", "<br/>")
    parts: list[str] = []
    last = 0
    for a, b in spans:
        parts.append(escape(s[last:a]).replace("\n", "<br/>"))
        parts.append(f'<font color="{STANDIN_COLOR}">{escape(s[a:b])}</font>')
        last = b
    parts.append(escape(s[last:]).replace("\n", "<br/>"))
    return "".join(parts)


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

def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _is_neutral(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("WS", "ON", "CS", "ES", "ET", "EN", "AN", "NSM", "BN", "S")


def visual_order(line: str) -> str:
    """`line` with each right-to-left run reversed into visual order (numbers kept left to right)."""
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        if not _is_rtl(line[i]):
            out.append(line[i])
            i += 1
            continue
        j = last = i
        while j < n and (_is_rtl(line[j]) or _is_neutral(line[j])):
            if _is_rtl(line[j]) or unicodedata.bidirectional(line[j]) == "NSM":
                last = j
            j += 1
        out.append(_reverse_run(line[i:last + 1]))
        i = last + 1
    return "".join(out)


def _reverse_run(run: str) -> str:
    tokens: list[str] = []
    pos = 0
    for m in _NUMBER.finditer(run):
        tokens += _clusters(run[pos:m.start()])
        tokens.append(m.group())
        pos = m.end()
    tokens += _clusters(run[pos:])
    return "".join(tok if tok[0].isdigit() else tok.translate(_MIRROR) for tok in reversed(tokens))


def _clusters(s: str) -> list[str]:
    """Base characters with their combining marks, which must stay after their base."""
    out: list[str] = []
    for ch in s:
        if out and unicodedata.combining(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out
