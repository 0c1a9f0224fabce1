"""The deck's handouts (`wargame handouts`), A4, from `views.handouts`: the axis cross with a paragraph
on each future, the signposts per future, and the reference sheets. Every page is marked as the
exercise's; all text goes through `text.para`."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from reportlab.platypus import Flowable, HRFlowable, KeepTogether, PageBreak, Paragraph

from ..content import Library
from ..model import Deck
from ..views.handouts import Handouts, deck_handouts
from ..views.words import t
from .chart import axis_chart
from .fonts import BOLD, ITALIC
from .pages import Running, build_pages, write_pdf
from .styles import NAVY, RULE, styles
from .text import para


def write_handouts(deck: Deck, library: Library, out: Path, *, lang: str = "nl") -> int:
    """Write `deck`'s handouts to `out` as PDF; returns the number of pages. ValueError for a language
    other than nl and en."""
    h = deck_handouts(deck, library, lang)
    pdf, pages = build_pages(_story(h, library, styles()), title=f"{t('handouts', lang)}: {h.deck_title}",
                             subject=f"{t('handouts', lang)} · {h.deck_id}", lang=lang)
    write_pdf(pdf, out)
    return pages


def _story(h: Handouts, library: Library, s: SimpleNamespace) -> list[Flowable]:
    lg = h.lang
    out: list[Flowable] = [
        Running(f"{t('handouts', lg)} · {h.deck_title}"),
        Paragraph(para(f"{t('handouts', lg)} · {h.deck_title}", BOLD), s.cover_kicker),
        Paragraph(para(t("axis_cross", lg), BOLD), s.h1),
        Paragraph(para(t("axis_cross_intro", lg)), s.body),
        axis_chart(library.scenarios, [], 0, lg),
    ]
    for f in h.futures:
        out.append(KeepTogether([
            Paragraph(para(f"{f.number} · {f.title}", BOLD), s.h2),
            Paragraph(para(f"{f.subtitle} ({f.quadrant})", ITALIC), s.meta),
            Paragraph(para(f.synopsis), s.body)]))
    out += [PageBreak(), Paragraph(para(t("signposts", lg), BOLD), s.h1),
            Paragraph(para(t("signposts_intro", lg)), s.body)]
    for f in h.futures:
        items = [Paragraph(para(x), s.bullet, bulletText="•") for x in f.signposts] or \
            [Paragraph(para(t("no_signposts", lg)), s.small)]
        out.append(KeepTogether([Paragraph(para(f"{f.number} · {f.title}", BOLD), s.h2), *items]))
    for sheet in h.sheets:
        out += [PageBreak(), Paragraph(para(sheet.title, BOLD), s.h1)]
        if sheet.intro:
            out.append(Paragraph(para(sheet.intro), s.body))
        for term, text in sheet.entries:
            out.append(KeepTogether([
                HRFlowable(width="100%", thickness=0.4, color=RULE, spaceBefore=4, spaceAfter=3),
                Paragraph(para(term, BOLD), s.h3), Paragraph(para(text), s.body)]))
    out.append(HRFlowable(width="100%", thickness=1.2, color=NAVY, spaceBefore=8, spaceAfter=0))
    return out
