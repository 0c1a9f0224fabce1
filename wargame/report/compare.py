"""Two roads compared, as PDF (A4, platypus) and as Markdown, from `views.compare`.

Team text (moves) goes through `text.para` in the PDF and into code spans in the Markdown, so it is
never read as markup; every page carries the exercise marking."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Table, TableStyle

from ..views.compare import Comparison, RoundPair, TeamLine
from ..views.words import MARKING, position_text, t
from .chart import axis_chart, track_chart
from .fonts import BOLD, ITALIC
from .markdown import code, esc
from .pages import Running, build_pages, write_pdf
from .styles import NAVY, RULE, styles
from .text import para


def write_comparison(c: Comparison, out: Path) -> int:
    """Write the comparison to `out` as PDF; returns the number of pages."""
    pdf, pages = build_pages(_story(c, styles()), title=f"{t('compare', c.lang)}: {c.deck_title}",
                             subject=f"{c.a.label} · {c.b.label}", lang=c.lang)
    write_pdf(pdf, out)
    return pages


def _story(c: Comparison, s: SimpleNamespace) -> list[Flowable]:
    lg = c.lang
    out: list[Flowable] = [
        Running(f"{t('compare', lg)} · {c.deck_title}"),
        Paragraph(para(f"{t('compare', lg)} · {c.deck_title}", BOLD), s.cover_kicker),
        Paragraph(para(c.a.label, BOLD), s.h2), Paragraph(para(c.b.label, BOLD), s.h2),
        Paragraph(para(t("cmp_intro", lg)), s.body),
        Paragraph(para(t("cmp_paths", lg), BOLD), s.h1),
        axis_chart(c.a.state.scenarios, c.a.path, c.a.state.round + 1, lg, ended=c.a.state.ended,
                   second=(c.b.path, c.b.state.round + 1, c.b.state.ended)),
    ]
    for side in (c.a, c.b):
        if side.path:
            pos = position_text(side.path[-1].erosion, side.path[-1].rapprochement, lg)
            out.append(Paragraph(para(f"{side.label}: {t('cmp_ends', lg, position=pos)}"), s.meta))
    out += [Paragraph(para(t("cmp_parted", lg), BOLD), s.h1)]
    out += [Paragraph(para(line), s.body) for line in _parted(c)]
    out += [Paragraph(para(t("cmp_rounds", lg), BOLD), s.h1)]
    for pair in c.rounds:
        out.append(_round(c, pair, s))
    if c.a.tracks or c.b.tracks:
        out += [Paragraph(para(t("cmp_tracks", lg), BOLD), s.h1)]
        for side in (c.a, c.b):
            if side.tracks:
                out += [Paragraph(para(side.label, BOLD), s.h3), track_chart(side.tracks, lg)]
    out += [Paragraph(para(t("cmp_not_taken", lg), BOLD), s.h1)]
    if c.not_taken:
        out.append(Paragraph(para(t("cmp_not_taken_intro", lg)), s.body))
        for item in c.not_taken:
            out.append(Paragraph(para(f"{item.inject}: {'; '.join(item.options)}"), s.bullet, bulletText="•"))
    else:
        out.append(Paragraph(para(t("cmp_none_left", lg)), s.body))
    out.append(HRFlowable(width="100%", thickness=1.2, color=NAVY, spaceBefore=8, spaceAfter=0))
    return out


def _parted(c: Comparison) -> list[str]:
    lg = c.lang
    if c.parted is None:
        return [t("cmp_never_parted", lg)]
    title = c.rounds[c.parted].title
    return [t("cmp_parted_in", lg, n=c.parted + 1, title=title)] + [f"– {why}" for why in c.why]


def _cell(injects: tuple[str, ...], teams: tuple[TeamLine, ...], end: tuple[int, int] | None,
          c: Comparison, s: SimpleNamespace) -> list[Flowable]:
    lg = c.lang
    if end is None:
        return [Paragraph(para(t("cmp_not_played", lg), ITALIC), s.cell)]
    out: list[Flowable] = [Paragraph(para(f"▸ {title}", BOLD), s.cell) for title in injects]
    for team in teams:
        out.append(Paragraph(para(team.team, BOLD), s.cell))
        for m in team.moves:
            text = (f"[{t('private', lg)}] " if m.private else "") + m.action
            out.append(Paragraph(para(text), s.cell))
            if m.ruling:
                out.append(Paragraph(para(f"→ {m.ruling}", ITALIC), s.cell))
    out.append(Paragraph(para(t("cmp_ends", lg, position=position_text(end[0], end[1], lg)), ITALIC), s.cell))
    return out


def _round(c: Comparison, pair: RoundPair, s: SimpleNamespace) -> Flowable:
    lg = c.lang
    head = f"{t('round', lg)} {pair.index + 1}: {pair.title}" + (f" · {t('cmp_same', lg)}" if pair.same else "")
    table = Table([[Paragraph(para("A", BOLD), s.cell_head), Paragraph(para("B", BOLD), s.cell_head)],
                   [_cell(pair.injects[0], pair.teams[0], pair.end[0], c, s),
                    _cell(pair.injects[1], pair.teams[1], pair.end[1], c, s)]],
                  colWidths=[85 * mm, 85 * mm], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                               ("LINEAFTER", (0, 0), (0, -1), 0.4, RULE)]))
    return KeepTogether([Paragraph(para(head, BOLD), s.h2), table])


def comparison_markdown(c: Comparison) -> str:
    """The comparison as Markdown: content escaped, team text in code spans."""
    lg = c.lang
    out = [f"# {esc(t('compare', lg))}: {esc(c.deck_title)}", "", f"**{MARKING}**", "",
           f"- **A**: {esc(c.a.label[3:])}", f"- **B**: {esc(c.b.label[3:])}", "", esc(t("cmp_intro", lg)), ""]
    for side in (c.a, c.b):
        if side.path:
            last = side.path[-1]
            pos = position_text(last.erosion, last.rapprochement, lg)
            out.append(f"- {esc(side.label)}: {esc(t('cmp_ends', lg, position=pos))}")
    out += ["", f"## {esc(t('cmp_parted', lg))}", ""]
    out += [esc(line) for line in _parted(c)]
    out += ["", f"## {esc(t('cmp_rounds', lg))}", ""]
    for pair in c.rounds:
        same = f" · {t('cmp_same', lg)}" if pair.same else ""
        out += [f"### {esc(t('round', lg))} {pair.index + 1}: {esc(pair.title)}{esc(same)}", ""]
        for name, injects, teams, end in zip("AB", pair.injects, pair.teams, pair.end, strict=True):
            if end is None:  # this road never played the round
                out += [f"**{name}**: *{esc(t('cmp_not_played', lg))}*", ""]
                continue
            out.append(f"**{name}**: " + "; ".join(esc(i) for i in injects))
            for team in teams:
                for m in team.moves:
                    mark = f"[{t('private', lg)}] " if m.private else ""
                    ruled = f" → {esc(m.ruling)}" if m.ruling else ""
                    out.append(f"- {esc(team.team)}: {esc(mark)}{code(m.action)}{ruled}")
            out += [f"- *{esc(t('cmp_ends', lg, position=position_text(end[0], end[1], lg)))}*", ""]
    out += [f"## {esc(t('cmp_not_taken', lg))}", ""]
    if c.not_taken:
        out += [esc(t("cmp_not_taken_intro", lg)), ""]
        out += [f"- {esc(item.inject)}: {esc('; '.join(item.options))}" for item in c.not_taken]
    else:
        out.append(esc(t("cmp_none_left", lg)))
    return "\n".join(out) + "\n"
