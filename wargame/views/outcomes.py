"""What a debrief says of the exercise's outcome beside the axes: each team objective with the
facilitator's mark, and every track by round with what moved it.

Objectives and their marks are read by everyone at the hot wash (`visibility`); a track's values are
the world's, like the axis position, but a cause that names a ruling, an inject or a branch the
handout does not show is reduced to a bare word (`anonymous_track_path`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.state import MAX_TEXT, SessionState, TrackPoint
from ..model import Team
from .visibility import anonymous_track_path, team_inject
from .words import number, signed, t


@dataclass(frozen=True)
class ObjectiveView:
    team: Team
    objective: str
    """The objective's id."""
    text: str
    mark: str | None
    """met, partly, not_met; None while not marked."""
    reasons: str


@dataclass(frozen=True)
class TrackView:
    id: str
    name: str
    description: str
    low: int
    high: int
    start: int
    ends: tuple[int, ...]
    """The value at the end of each round played (R1, R2, ...)."""

    @property
    def end(self) -> int:
        return self.ends[-1] if self.ends else self.start


@dataclass(frozen=True)
class TrackChange:
    """One move of a track: in which round, to what value, by how much, and why (in words)."""

    round: int
    track: str
    """The track's name."""
    value: int
    by: int
    cause: str


def objectives(state: SessionState, lang: str, limit: int = MAX_TEXT) -> list[ObjectiveView]:
    """Every objective of every team's brief, in the session's team order, with its mark (if any);
    reasons cut at `limit` characters."""
    deck = state.deck
    if deck is None:
        return []
    out: list[ObjectiveView] = []
    for tid, team in state.teams.items():
        brief = deck.brief_for(tid)
        for o in brief.objectives if brief else ():
            m = state.objective_marks.get((tid, o.id))
            reasons = m.reasons if m else ""
            if len(reasons) > limit:
                reasons = reasons[:limit] + t("cut", lang, n=number(len(reasons), lang))
            out.append(ObjectiveView(team, o.id, o.text.get(lang), m.mark if m else None, reasons))
    return out


def mark_text(mark: str | None, lang: str) -> str:
    """`met`, `partly met`, `not met` or `not marked`, in `lang`."""
    return t(f"mark_{mark or 'none'}", lang)


def tracks(state: SessionState, rounds_played: int, lang: str) -> list[TrackView]:
    """Each of the deck's tracks: its range, its start and its value at the end of each round played."""
    deck = state.deck
    if deck is None:
        return []
    out = []
    for tr in deck.tracks:
        points = [p for p in state.track_path if p.track == tr.id]
        start = points[0].value if points else tr.start
        ends = []
        for r in range(rounds_played):
            value = start
            for p in points:
                if p.round <= r:
                    value = p.value
            ends.append(value)
        out.append(TrackView(tr.id, tr.name.get(lang), tr.description.get(lang) if tr.description else "",
                             tr.low, tr.high, start, tuple(ends)))
    return out


def track_changes(state: SessionState, shown_rulings: set[str], team: str | None, lang: str) -> list[TrackChange]:
    """Every move of a track after its start, with its cause as this document may name it."""
    deck = state.deck
    if deck is None:
        return []
    last: dict[str, int] = {}
    out = []
    for p in anonymous_track_path(state, shown_rulings, team):
        tr = deck.track(p.track)
        if tr is None:
            continue
        if p.cause != "start":
            out.append(TrackChange(p.round, tr.name.get(lang), p.value, p.value - last.get(p.track, tr.start),
                                   _cause(state, p, team, lang)))
        last[p.track] = p.value
    return out


def _cause(state: SessionState, p: TrackPoint, team: str | None, lang: str) -> str:
    kind, _, rest = p.cause.partition(":")
    if kind == "inject" and rest in state.injects:
        return t("ev_inject", lang, title=team_inject(state.injects[rest], team).title.get(lang))
    if kind == "option":
        inj_id, _, opt_id = rest.partition("/")
        inj = state.injects.get(inj_id)
        opt = next((o for o in inj.options if o.id == opt_id), None) if inj else None
        return t("ev_option", lang, label=opt.label.get(lang) if opt else opt_id)
    if kind == "ruling" and rest in state.moves:
        tm = state.teams.get(state.moves[rest].team)
        return t("track_ruling", lang, team=tm.name.get(lang) if tm else state.moves[rest].team)
    return t({"inject": "track_hidden_inject", "option": "track_hidden_inject"}.get(kind, "ev_private_ruling"), lang)


def track_push_text(state: SessionState, pushes: dict[str, int], lang: str) -> str:
    """A ruling's pushes on the tracks: `EU-cohesie +2, Draagvlak −1` (empty when it pushes none)."""
    deck = state.deck
    parts = []
    for tid, by in sorted(pushes.items()):
        tr = deck.track(tid) if deck else None
        if by:
            parts.append(f"{tr.name.get(lang) if tr else tid} {signed(by)}")
    return ", ".join(parts)
