"""Moves as CSV: one row per move version, for spreadsheets and analysis.

Team text is hostile, and spreadsheets run formulas: a cell that starts with = + - @ (or a tab or
carriage return) gets a leading apostrophe, so Excel and LibreOffice show it as text. Numbers we
write ourselves (round, outcome, pushes) are left as numbers.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from ..engine.state import SessionState
from ..views.debrief import clip
from ..views.visibility import check_team, replaced_ruling, visible_moves
from ..views.words import outcome_name

COLUMNS = ["round", "team", "team_name", "move_id", "action", "result", "reasons", "private", "outcome",
           "outcome_label", "narrative", "erosion_push", "rapprochement_push", "recorded_at", "superseded",
           "superseded_by", "replaces_ruled"]
"""`replaces_ruled`: for a version not ruled yet, the id of the ruled version it replaced."""

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def needs_guard(cell: str) -> bool:
    """Whether a spreadsheet could read `cell` as a formula (also behind an apostrophe we add)."""
    return cell.startswith(_TRIGGERS) or (cell.startswith("'") and needs_guard(cell[1:]))


def guard(cell: str) -> str:
    """`cell`, with an apostrophe in front when a spreadsheet would otherwise read it as a formula."""
    return "'" + cell if needs_guard(cell) else cell


def unguard(cell: str) -> str:
    """The inverse of `guard`: drop the apostrophe `guard` added."""
    return cell[1:] if cell.startswith("'") and needs_guard(cell[1:]) else cell


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


def moves_csv(state: SessionState, *, team: str | None = None) -> str:
    """Every move version of the session (or `team`'s handout: no private moves of other teams) as CSV.

    Rows are in the order recorded; `superseded` says whether a newer version replaced the row.
    Each row carries the ruling made on its own version; a version not ruled yet names the ruled
    version it replaced in `replaces_ruled`. Texts are clipped to the engine's limit, with a marker.
    ValueError for an unknown team.
    """
    check_team(state, team)
    lang = state.lang
    moves = visible_moves(state, team)
    shown = {m.id for m in moves}

    def text(s: str) -> str:
        return guard(clip(s, lang))

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for m in moves:
        r = state.rulings.get(m.id)
        before = replaced_ruling(state, m.id, shown)
        tm = state.teams.get(m.team)
        w.writerow([
            m.round + 1, text(m.team), text(tm.name.get(lang) if tm else m.team),
            m.id, text(m.action), text(m.result), text(m.reasons), "yes" if m.private else "no",
            r.outcome if r else "", outcome_name(r.outcome, lang) if r else "", text(r.narrative) if r else "",
            r.erosion if r else "", r.rapprochement if r else "", iso(m.at),
            "yes" if m.superseded_by else "no", m.superseded_by or "", before.move_id if before else "",
        ])
    return buf.getvalue()
