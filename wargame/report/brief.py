"""Team packs (`wargame brief`): per team, the starting situation, its brief, the rules of play and how to
enter a move, A4, built with ReportLab platypus from `views.packs`.

The pack ends with what the exercise evaluates: the deck's exercise objectives and what a strong
performance on each looks like. One pack per team in one file, each starting on a new page; every page
carries the exercise marking top and bottom and, in the running head, the pack's team. All text goes
through `text.para`, so nothing in a deck is read as markup. The same deck always gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from reportlab.platypus import Flowable, FrameBG, HRFlowable, KeepTogether, PageBreak, Paragraph, Spacer

from ..content import Library
from ..model import Deck
from ..views.packs import Pack, PackInject, deck_packs
from ..views.words import t
from .blocks import label
from .fonts import BOLD, ITALIC
from .pages import Running, build_pages, write_pdf
from .styles import NAVY, PRIVATE, SHADE, styles
from .text import para


def write_brief(deck: Deck, library: Library, out: Path, *, team: str | None = None, lang: str = "nl") -> int:
    """Write the pack of `team`, or one pack per team of `deck`, to `out` as PDF; returns the number of
    pages. ValueError for a team not in the deck or a language other than nl and en."""
    packs = deck_packs(deck, library, lang, team)
    pdf, pages = render(packs, deck.title.get(lang) if lang in ("nl", "en") else deck.id, lang)
    write_pdf(pdf, out)
    return pages


def render(packs: list[Pack], title: str, lang: str) -> tuple[bytes, int]:
    """The PDF bytes and page count of `packs`."""
    s = styles()
    story: list[Flowable] = []
    for i, pack in enumerate(packs):
        if i:
            story.append(PageBreak())
        story += _pack(pack, s)
    return build_pages(story, title=f"{t('pack', lang)}: {title}",
                       subject=f"{t('pack', lang)} · {packs[0].deck_id if packs else ''}", lang=lang)


def _pack(p: Pack, s: SimpleNamespace) -> list[Flowable]:
    lg = p.lang
    head = t("pack_for", lg, team=p.team_name)
    out: list[Flowable] = [
        Running(f"{head} · {p.deck_title}"),
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
        if b.players:
            out.append(Paragraph(para(t("players_1", lg) if b.players == 1 else t("players", lg, n=b.players)),
                                 s.body))
        out += _list(t("objectives", lg), b.objectives, s, numbered=True)
        out += _list(t("red_lines", lg), b.red_lines, s)
        out += _list(t("levers", lg), b.levers, s)
        if b.knows:
            out += [Paragraph(para(t("knows", lg), BOLD), s.h2), Paragraph(para(b.knows), s.body)]
        if b.injects:
            out.append(Paragraph(para(t("own_injects", lg), BOLD), s.h2))
            for inj in b.injects:
                out += _inject(inj, lg, s)
    if p.white_cell:
        out += [Paragraph(para(t("cell_rules", lg), BOLD), s.h1), Paragraph(para(t("cell_rules_text", lg)), s.body)]
        out += _list(t("cell_plays", lg), p.plays, s)
        return out + _evaluates(p, s)
    out += [
        Paragraph(para(t("rules", lg), BOLD), s.h1),
        Paragraph(para(t("rules_text", lg)), s.body),
        Paragraph(para(t("how_to_move", lg), BOLD), s.h2),
        Paragraph(para(t("move_terminal", lg, command=p.join_command)), s.bullet, bulletText="•"),
        Paragraph(para(t("move_browser", lg)), s.bullet, bulletText="•"),
        Paragraph(para(t("move_fields", lg)), s.body),
    ]
    return out + _evaluates(p, s)


def _evaluates(p: Pack, s: SimpleNamespace) -> list[Flowable]:
    """What this exercise evaluates: the deck's exercise objectives, each with what a strong performance
    looks like; nothing for a deck that states none."""
    if not p.objectives:
        return []
    lg = p.lang
    out: list[Flowable] = [Paragraph(para(t("pack_evaluates", lg), BOLD), s.h1),
                           Paragraph(para(t("pack_evaluates_intro", lg)), s.body)]
    for i, o in enumerate(p.objectives, 1):
        out.append(KeepTogether([
            Paragraph(f"<b>{para(o.title, BOLD)}</b>", s.bullet, bulletText=f"{i}."),
            Paragraph(label(t("strong_performance", lg)) + f"<i>{para(o.strong, ITALIC)}</i>", s.box_bullet),
        ]))
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
