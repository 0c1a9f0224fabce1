"""Printable inject cards: four A6-ish cards to an A4 page, with cut marks.

Each card: the exercise marking, delivery and in-world date in a band, round and how the inject
is chosen (fixed, draw, drift, branch), title, sender and addressees, briefing, and a footer with
id, time allowed and axis push. Text that does not fit a card is shrunk to fit, never cut.

Which cards a deck gets:
- a fixed slot: its inject, then the follow-ups of the inject's branches (marked "branch");
- a draw slot: one card per candidate in its pool or scenario ("candidate 2 of 5");
- drift slots: they draw from whichever quadrant the world is in when the round starts, so any
  scenario's inject can come up. Rather than repeat every inject for every drift slot, the deck
  gets one "drift pool" after the rounds: a note card, then every scenario's injects once, grouped
  by scenario in axis order, each naming the rounds that have a drift slot.

An inject with versions (`Inject.versions`): the facilitator's cards follow its card with one card
per version, labelled by team (and "private"). A team's cards (`team`) hold only the injects that
reach it, each in the team's own version (`views.visibility.team_inject`), never another team's
private inject, and no controller part: no branch notes, no drift note, no footer of id, minutes
and push.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph, Spacer

from .. import __version__
from ..content import Library
from ..model import Deck, Inject, delivery_name
from ..model.plan import Candidate, plan
from ..views.visibility import inject_shown, team_inject
from ..views.words import MARKING, how_label, push_text, t
from .fonts import BOLD, ITALIC, REGULAR, register
from .pages import write_pdf
from .styles import INK, MARKING_RED, MUTED, NAVY, PRIVATE, RULE, SHADE, draw_marking
from .text import para, plain, shorten

PAGE_W, PAGE_H = A4
CARD_W, CARD_H = 90 * mm, 128 * mm
GUTTER = 8 * mm
COLS, ROWS = 2, 2
X0 = (PAGE_W - COLS * CARD_W - (COLS - 1) * GUTTER) / 2
Y0 = (PAGE_H - ROWS * CARD_H - (ROWS - 1) * GUTTER) / 2
PAD = 5 * mm
BAND_H = 9 * mm


@dataclass
class Card:
    inject: Inject | None
    round: int | None
    kind: str  # fixed, draw, bench, drift, branch, version, note
    where: str
    """The line under the band: round, slot and how the inject is chosen."""
    note: str = ""
    reader: str | None = None
    """The team whose reading of the inject the card shows (its version); None: the inject as it is."""


def write_cards(deck: Deck, library: Library, out: Path, *, lang: str = "nl", team: str | None = None) -> int:
    """Write the deck's inject cards to `out` as PDF, the facilitator's or (`team`) one team's;
    returns the number of pages. ValueError for a team not in the deck."""
    if lang not in ("nl", "en"):
        raise ValueError(f"language is nl or en, not {lang!r}")
    if team is not None and team not in deck.teams:
        raise ValueError(f"no team {team!r} in deck {deck.id}; its teams are: {', '.join(deck.teams)}")
    register()
    cards = deck_cards(deck, library, lang, team=team)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1, lang=lang)
    title = deck.title.get(lang) if team is None else f"{deck.title.get(lang)} · {_team_name(library, team, lang)}"
    c.setTitle(f"{t('cards', lang)}: {title}")
    c.setAuthor("wargame")
    c.setSubject(f"{t('cards', lang)} · {deck.id}")
    c.setCreator(f"wargame {__version__}")
    c.setKeywords([MARKING, "MSEL", "wargame"])
    per_page = COLS * ROWS
    pages = max(1, (len(cards) + per_page - 1) // per_page)
    styles = _styles()
    for p in range(pages):
        _page_frame(c, title, lang, p + 1, pages)
        for i, card in enumerate(cards[p * per_page:(p + 1) * per_page]):
            col, row = i % COLS, i // COLS
            x = X0 + col * (CARD_W + GUTTER)
            y = Y0 + (ROWS - 1 - row) * (CARD_H + GUTTER)
            _card(c, card, library, lang, x, y, styles, controller=team is None)
            _cut_marks(c, x, y)
        c.showPage()
    c.save()
    write_pdf(buf.getvalue(), out)
    return pages


def deck_cards(deck: Deck, library: Library, lang: str, *, team: str | None = None) -> list[Card]:
    """The cards of a deck, in play order, the facilitator's or (`team`) one team's; see the module
    docstring for draw and drift slots and for versions."""
    cards = _plan_cards(deck, library, lang)
    if team is None:
        out: list[Card] = []
        for card in cards:
            if card.inject is not None and card.inject.private:
                teams = ", ".join(_team_name(library, tid, lang) for tid in card.inject.targets)
                card.where += f" · {t('private_inject', lang, teams=teams)}"
            out.append(card)
            if card.inject is not None:
                for v in card.inject.versions:
                    label = t("version_for", lang, team=_team_name(library, v.team, lang))
                    if v.private:
                        label += f" · {t('private', lang)}"
                    out.append(Card(card.inject, card.round, "version", f"{card.where} · {label}", reader=v.team))
        return out
    mine = [c for c in cards if c.inject is not None and c.inject.reaches(team) and inject_shown(c.inject, team)]
    return [Card(c.inject, c.round, c.kind, _team_where(c, lang), reader=team) for c in mine]


def _team_where(card: Card, lang: str) -> str:
    """A team card's line under the band: the round it may come up in, nothing of how it is chosen."""
    if card.kind == "drift":
        return card.where.split(" · ")[0]
    return f"{t('round', lang)} {(card.round or 0) + 1}"


def _plan_cards(deck: Deck, library: Library, lang: str) -> list[Card]:
    deck_plan = plan(deck, library)
    cards: list[Card] = []
    for rnd in deck_plan.rounds:
        r = rnd.index
        for ps in rnd.slots:
            base = f"{t('round', lang)} {r + 1} · {t('card_slot', lang)} {ps.index + 1}"
            for k, cand in enumerate(ps.candidates, 1):
                if ps.how == "fixed":
                    cards.append(Card(cand.inject, r, "fixed", f"{base} · {how_label('fixed', lang)}"))
                else:
                    where = f"{base} · {how_label('draw', lang)} {ps.count}× · " \
                            f"{t('card_candidates', lang, i=k, n=len(ps.candidates))}"
                    cards.append(Card(cand.inject, r, "draw", where))
                cards += _branch_cards(cand, r, base, lang)
        for cand in rnd.bench:
            base = f"{t('round', lang)} {r + 1} · {how_label('bench', lang)}"
            cards.append(Card(cand.inject, r, "bench", base, t("bench_note", lang)))
            cards += _branch_cards(cand, r, base, lang)
    drift_rounds = deck_plan.drift_rounds
    if drift_rounds:
        rounds = ", ".join(str(r + 1) for r in drift_rounds)
        cards.append(Card(None, None, "note", t("drift_pool", lang), t("drift_note", lang)))
        for pool in deck_plan.drift:
            sc = pool.scenario
            for k, cand in enumerate(pool.candidates, 1):
                where = f"{t('drift_rounds', lang, rounds=rounds)} · {sc.number} {sc.title.get(lang)} · " \
                        f"{t('card_candidates', lang, i=k, n=len(pool.candidates))}"
                cards.append(Card(cand.inject, drift_rounds[0], "drift", where))
    return cards


def _branch_cards(cand: Candidate, r: int, base: str, lang: str) -> list[Card]:
    return [Card(b.inject, r, "branch", f"{base} · {how_label('branch', lang)}",
                 t("branch_of", lang, title=b.parent.title.get(lang), label=b.option.label.get(lang)))
            for b in cand.branches]


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("card", fontName=REGULAR, fontSize=8.2, leading=10.8, textColor=INK, splitLongWords=1)
    return {
        "where": ParagraphStyle("where", base, fontName=BOLD, fontSize=7, leading=9, textColor=MUTED, spaceAfter=3),
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=12, leading=14.5, textColor=NAVY, spaceAfter=3),
        "meta": ParagraphStyle("meta", base, fontSize=7.5, leading=9.5, textColor=MUTED, spaceAfter=5),
        "body": base,
        "note": ParagraphStyle("note", base, fontName=ITALIC, fontSize=7.5, leading=9.5, textColor=PRIVATE,
                               spaceBefore=4),
    }


def _page_frame(c: Canvas, title: str, lang: str, page: int, pages: int) -> None:
    c.saveState()
    draw_marking(c, PAGE_W, PAGE_H - 8 * mm, 5 * mm)
    c.setFont(REGULAR, 7)
    c.setFillColor(MUTED)
    c.drawString(X0, PAGE_H - 12.5 * mm, shorten(plain(f"{t('cards', lang)} · {title}"), 90))
    c.drawRightString(PAGE_W - X0, PAGE_H - 12.5 * mm, f"{t('page', lang)} {page} / {pages}")
    c.restoreState()


def _card(c: Canvas, card: Card, library: Library, lang: str, x: float, y: float,
          st: dict[str, ParagraphStyle], *, controller: bool = True) -> None:
    c.saveState()
    c.setStrokeColor(RULE)
    c.setLineWidth(0.4)
    c.setDash(2, 2)
    c.rect(x, y, CARD_W, CARD_H, stroke=1, fill=0)
    c.setDash()
    # marking and band
    c.setFont(BOLD, 6)
    c.setFillColor(MARKING_RED)
    c.drawCentredString(x + CARD_W / 2, y + CARD_H - 4 * mm, MARKING)
    band_y = y + CARD_H - 6 * mm - BAND_H
    inj = card.inject
    seen = team_inject(inj, card.reader) if inj is not None else None
    c.setFillColor(NAVY if card.kind != "note" else PRIVATE)
    c.rect(x + PAD, band_y, CARD_W - 2 * PAD, BAND_H, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont(BOLD, 9)
    if seen is not None:
        left = delivery_name(seen.delivery, lang).upper()
        date = seen.date_label.get(lang) if seen.date_label else seen.date
        right = plain(date, BOLD)
        c.drawString(x + PAD + 3 * mm, band_y + 3.2 * mm, left)
        room = CARD_W - 2 * PAD - 9 * mm - stringWidth(left, BOLD, 9)
        while stringWidth(right, BOLD, 9) > room and len(right) > 2:
            right = right[:-2] + "…"
        c.drawRightString(x + CARD_W - PAD - 3 * mm, band_y + 3.2 * mm, right)
    else:
        c.drawString(x + PAD + 3 * mm, band_y + 3.2 * mm, plain(card.where, BOLD).upper())
    # the body, shrunk to fit when it must be
    story: list = []
    if inj is not None and seen is not None:
        # a version is addressed to its team alone: its reader never learns who else gets what
        own = card.reader is not None and inj.version_for(card.reader) is not None
        to = (card.reader,) if card.reader and (card.kind == "version" or own) else inj.targets
        targets = ", ".join(_team_name(library, tid, lang) for tid in to)
        story += [
            Paragraph(para(card.where, BOLD), st["where"]),
            Paragraph(para(seen.title.get(lang), BOLD), st["title"]),
            Paragraph(f"<b>{para(t('sender', lang), BOLD)}:</b> {para(seen.sender.get(lang))} · "
                      f"<b>{para(t('targets', lang), BOLD)}:</b> {para(targets)}", st["meta"]),
            Paragraph(para(seen.briefing.get(lang)), st["body"]),
        ]
        if not controller:
            story.append(Paragraph(para(t("card_questions", lang), BOLD), st["meta"]))
            story += [Paragraph(para(f"– {q.get(lang)}"), st["body"]) for q in seen.questions]
        if inj.cell and controller:
            story.append(Paragraph(para(t("card_cell", lang, cell=_team_name(library, inj.cell, lang)), ITALIC),
                                   st["note"]))
        if card.note and controller:
            story.append(Paragraph(para(card.note, ITALIC), st["note"]))
    else:
        story += [Spacer(1, 4), Paragraph(para(card.note), st["body"])]
    foot_h = 8 * mm if inj is not None and controller else 0
    fx, fy = x + PAD, y + PAD + foot_h
    fw, fh = CARD_W - 2 * PAD, band_y - 2 * mm - fy
    frame = Frame(fx, fy, fw, fh, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, showBoundary=0)
    frame.addFromList([KeepInFrame(fw, fh, story, mode="shrink")], c)
    if inj is not None and controller:  # footer: id, time allowed, push
        c.setFillColor(SHADE)
        c.rect(x + PAD, y + PAD, CARD_W - 2 * PAD, 6 * mm, stroke=0, fill=1)
        c.setFillColor(MUTED)
        c.setFont(REGULAR, 6.5)
        right = f"{inj.minutes} {t('minutes', lang)} · {t('push', lang)}: " \
                f"{push_text(inj.push.erosion, inj.push.rapprochement, lang)}"
        c.drawRightString(x + CARD_W - PAD - 2 * mm, y + PAD + 2.1 * mm, right)
        room = CARD_W - 2 * PAD - 7 * mm - c.stringWidth(right, REGULAR, 6.5)  # the id never runs into it
        ident = plain(inj.id)
        for limit in range(len(ident), 3, -1):
            ident = shorten(plain(inj.id), limit)
            if c.stringWidth(ident, REGULAR, 6.5) <= room:
                break
        c.drawString(x + PAD + 2 * mm, y + PAD + 2.1 * mm, ident)
    c.restoreState()


def _team_name(library: Library, tid: str, lang: str) -> str:
    if tid == "all":
        return t("all_teams", lang)
    team = library.teams.get(tid)
    return team.name.get(lang) if team else tid


def _cut_marks(c: Canvas, x: float, y: float) -> None:
    """Short lines outside each corner, on the card's edges, to cut along."""
    c.saveState()
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.35)
    gap, ln = 1 * mm, 2.5 * mm
    for cx, sx in ((x, -1), (x + CARD_W, 1)):
        for cy, sy in ((y, -1), (y + CARD_H, 1)):
            c.line(cx + sx * gap, cy, cx + sx * (gap + ln), cy)
            c.line(cx, cy + sy * gap, cx, cy + sy * (gap + ln))
    c.restoreState()
