"""What a debrief says, assembled from a session state: the view model the PDF and the Markdown render.

What a team's handout leaves out is decided in `visibility` (other teams' private moves, the rulings
on them and their causes on the world's path; other teams' private injects and private versions;
the notes unless asked for); everything else of the after-action report stays in, because the hot
wash discusses it with everyone in the room. An inject reads as the document's audience read it
(`visibility.team_inject`): the facilitator's debrief shows the inject with every version beside it,
a team's handout the team's own version with the other teams' versions it may see.

Every text from the log is clipped here to the engine's limit (`clip`), whatever the fold let
through, so no renderer lays out a megabyte. A ruling belongs to the move version it ruled.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from typing import TypeVar

from ..engine.state import (
    MAX_TEXT,
    Delivery,
    Move,
    Note,
    PathPoint,
    Ruling,
    SessionState,
)
from ..model import HotwashQuestion, Inject, Scenario, Team
from . import evaluation, outcomes
from .evaluation import Evaluation
from .outcomes import ObjectiveView, TrackChange, TrackView
from .visibility import (
    TeamInject,
    anonymous_path,
    check_team,
    inject_shown,
    notes_shown,
    replaced_ruling,
    team_inject,
    versions_shown,
    visible_moves,
)
from .words import LANGS, date_text, number, outcome_text, position_text, t


@dataclass
class Version:
    """A superseded version of a move, with the ruling made on that very version (if any)."""

    move: Move
    ruling: Ruling | None


@dataclass
class MoveView:
    team: Team
    move: Move | None
    """The team's latest move this round, or None (no move, or hidden in this handout)."""
    earlier: list[Version] = field(default_factory=list)
    """Superseded versions shown in this handout, newest first, each with its own ruling."""
    ruling: Ruling | None = None
    """The ruling on `move` itself."""
    replaces: Ruling | None = None
    """When `move` is not ruled yet: the ruling of the newest earlier (shown) version it replaced."""
    hidden: bool = False
    """True when the team moved but the move is private to it (another team's handout)."""


@dataclass
class DeliveryView:
    delivery: Delivery
    inject: Inject
    option: str | None = None
    """The label of the branch chosen for this inject, if any."""
    number: int = 0
    """Its place among the deliveries this document shows (1, 2, ...)."""
    reading: TeamInject | None = None
    """The inject as this document's audience read it: a team's own version, or the inject as it is."""
    versions: list[tuple[str, TeamInject]] = field(default_factory=list)
    """The other versions this document shows beside it: (team name, that team's reading)."""

    @property
    def shown(self) -> TeamInject:
        """`reading`, or the inject as it is."""
        return self.reading or team_inject(self.inject, None)


@dataclass
class InjectMoves:
    """The moves of a round that answer one inject, one view per team (`delivery` None: the moves of
    a round with no inject shown, or answering none)."""

    delivery: DeliveryView | None
    moves: list[MoveView]


@dataclass
class RoundView:
    index: int
    title: str
    minutes: int
    deliveries: list[DeliveryView]
    moves: list[MoveView]
    notes: list[Note]
    end: tuple[int, int]
    end_scenario: Scenario | None
    by_inject: list[InjectMoves] = field(default_factory=list)
    """`moves` grouped under the inject each answers, in delivery order."""


@dataclass
class TimelineRow:
    event_id: int
    at: float
    round: int
    kind: str  # round, inject, move, ruling, option, drift
    text: str
    position: tuple[int, int]


@dataclass
class Debrief:
    state: SessionState
    lang: str
    team: Team | None
    title: str
    facilitator: str
    session_id: str
    altered: str | None
    """Why the log cannot be trusted (the engine's sentence), or None."""
    controller_notes: bool
    """Whether the controller notes (of each inject) and the facilitator's notes are in this document."""
    date: str
    deck_title: str
    teams: list[Team]
    rounds_total: int
    rounds: list[RoundView]
    timeline: list[TimelineRow]
    strengths: list[Note]
    improvements: list[Note]
    actions: list[Note]
    hotwash: list[HotwashQuestion]
    sources: list[Inject]
    path: list[PathPoint]
    visits: list[tuple[Scenario | None, int]]
    """The quadrants the world passed through, in order, with the round it entered each."""
    moves_shown: int
    rulings_shown: int
    objectives: list[ObjectiveView] = field(default_factory=list)
    """Every team objective with the facilitator's mark; seen by all (the hot wash hears them)."""
    tracks: list[TrackView] = field(default_factory=list)
    track_changes: list[TrackChange] = field(default_factory=list)
    """Every move of a track, its cause anonymised like the world's path (`anonymous_track_path`)."""
    lineage: list[str] = field(default_factory=list)
    """For a fork: "a fork of ‘Title’ (id) from round N", one line per ancestor, oldest first."""
    evaluation: Evaluation | None = None
    """The exercise objectives with the evaluators' ratings and observations, the hot-wash answers, the
    feedback and the improvement plan, as this document may show them (`views.evaluation`)."""

    @property
    def rounds_played(self) -> int:
        return len(self.rounds)

    @property
    def injects_delivered(self) -> int:
        return sum(len(r.deliveries) for r in self.rounds)

    @property
    def start(self) -> tuple[int, int]:
        p = self.path[0] if self.path else None
        return (p.erosion, p.rapprochement) if p else (0, 0)

    @property
    def end(self) -> tuple[int, int]:
        return self.state.position

    def scenario_title(self, sc: Scenario | None) -> str:
        return sc.title.get(self.lang) if sc else "—"

    def team_name(self, team_id: str) -> str:
        team = self.state.teams.get(team_id)
        return team.name.get(self.lang) if team else team_id

    def recorded(self, move_id: str) -> str:
        """`14:05`: when a move version was recorded."""
        return clock_time(self.state.moves[move_id].at)


def clip(text: str, lang: str, limit: int = MAX_TEXT) -> str:
    """`text`, or its first `limit` characters and a visible marker naming its full length."""
    if len(text) <= limit:
        return text
    return text[:limit] + t("cut", lang, n=number(len(text), lang))


_TEXTS = {Move: ("action", "result", "reasons"), Ruling: ("narrative",), Note: ("text", "owner", "due", "author")}
"""The fields of each log record that hold typed text."""

_R = TypeVar("_R", Move, Ruling, Note)


def _clipped(rec: _R, lg: str) -> _R:
    """`rec`, or a copy of it with its texts clipped when one is too long."""
    names = _TEXTS[type(rec)]
    if all(len(getattr(rec, n)) <= MAX_TEXT for n in names):
        return rec
    out = copy.copy(rec)
    for n in names:
        setattr(out, n, clip(getattr(rec, n), lg))
    return out


def clock_time(ts: float) -> str:
    """`14:05` local time of day."""
    lt = time.localtime(ts)
    return f"{lt.tm_hour:02d}:{lt.tm_min:02d}"


def elapsed(ts: float, start: float) -> str:
    """`T+1:05`: hours and minutes since the exercise started."""
    m = max(0, int(ts - start) // 60)
    return f"T+{m // 60}:{m % 60:02d}"


def position_at(path: list[PathPoint], event_id: int) -> tuple[int, int]:
    """The world position just after event `event_id`."""
    pos = (0, 0)
    for p in path:
        if p.event_id > event_id:
            break
        pos = (p.erosion, p.rapprochement)
    return pos


def build(state: SessionState, *, team: str | None = None, lang: str | None = None,
          with_controller_notes: bool = False) -> Debrief:
    """Everything the debrief shows, for the facilitator (team None) or as one team's handout.

    The facilitator's debrief always holds the controller notes and the facilitator's notes; a
    team's handout only `with_controller_notes`.
    """
    if state.deck is None:
        raise ValueError("the session holds no deck")
    the_team = check_team(state, team)
    lg = lang or state.lang
    if lg not in LANGS:
        raise ValueError(f"language is nl or en, not {lg!r}")
    deck = state.deck
    moves = visible_moves(state, team)
    shown = {m.id for m in moves}
    rulings = {mid: _clipped(r, lg) for mid, r in state.rulings.items() if mid in shown}
    path = anonymous_path(state, set(rulings))
    notes_in = notes_shown(team, with_controller_notes)
    notes = [_clipped(n, lg) for n in state.notes] if notes_in else []
    played = range(state.round + 1) if state.started else range(0)

    rounds: list[RoundView] = []
    number = 0
    for r in played:
        rnd = deck.rounds[r] if r < len(deck.rounds) else None
        dels = []
        for d in state.round_deliveries(r):
            inj = state.injects[d.inject_id]
            if not inject_shown(inj, team):
                continue
            opt_id = state.options_chosen.get(inj.id)
            opt = next((o for o in inj.options if o.id == opt_id), None)
            number += 1
            others = [(evaluation.team_name(state, v.team, lg), team_inject(inj, v.team))
                      for v in versions_shown(inj, team) if v.team != team]
            dels.append(DeliveryView(d, inj, opt.label.get(lg) if opt else None, number, team_inject(inj, team),
                                     others))
        groups = _moves_by_inject(state, r, dels, shown, rulings, lg)
        views = [mv for g in groups for mv in g.moves]
        end = _end_of_round(path, r)
        rounds.append(RoundView(
            r, rnd.title.get(lg) if rnd else f"{t('round', lg)} {r + 1}", rnd.minutes if rnd else 0,
            dels, views, [n for n in notes if n.round == r and n.tag == ""], end, state.scenario_at(*end), groups))

    sources: list[Inject] = []
    for d in state.deliveries:
        inj = state.injects[d.inject_id]
        if inj not in sources and inject_shown(inj, team):
            sources.append(inj)

    return Debrief(
        state=state, lang=lg, team=the_team, title=clip(state.title or deck.title.get(lg), lg),
        facilitator=clip(state.facilitator, lg), session_id=clip(state.session_id, lg),
        altered=clip(state.altered, lg) if state.altered else None, controller_notes=notes_in,
        date=date_text(state.created_at, lg), deck_title=deck.title.get(lg),
        teams=list(state.teams.values()), rounds_total=len(deck.rounds), rounds=rounds,
        timeline=_timeline(state, path, moves, rulings, lg, team),
        strengths=[n for n in notes if n.tag == "strength"],
        improvements=[n for n in notes if n.tag == "improvement"],
        actions=[n for n in notes if n.tag == "action"],
        hotwash=list(state.hotwash), sources=sources, path=path,
        visits=_visits(state), moves_shown=len([m for m in moves if m.superseded_by is None]),
        rulings_shown=len(rulings), objectives=outcomes.objectives(state, lg),
        tracks=outcomes.tracks(state, len(rounds), lg),
        track_changes=outcomes.track_changes(state, set(rulings), team, lg),
        lineage=[t("fork_of", lg, title=clip(str(x.get("title", "")), lg),
                   session=clip(str(x.get("session_id", "")), lg), round=x.get("round", "?"))
                 for x in state.lineage],
        evaluation=evaluation.build(state, team=team, lang=lg, with_controller_notes=with_controller_notes),
    )


def _move_view(state: SessionState, tm: Team, move_id: str | None, shown: set[str], rulings: dict[str, Ruling],
               lg: str) -> MoveView:
    """A team's current move (`move_id`) with its shown earlier versions and their rulings."""
    latest = state.moves[move_id] if move_id else None
    if latest is None:
        return MoveView(tm, None)
    if latest.id not in shown:
        return MoveView(tm, None, hidden=True)
    earlier = [Version(_clipped(v, lg), rulings.get(v.id)) for v in state.move_history(latest.id)[1:] if v.id in shown]
    return MoveView(tm, _clipped(latest, lg), earlier, rulings.get(latest.id), replaced_ruling(state, latest.id, shown))


def _moves_by_inject(state: SessionState, r: int, dels: list[DeliveryView], shown: set[str],
                     rulings: dict[str, Ruling], lg: str) -> list[InjectMoves]:
    """Round `r`'s moves under the inject each answers, in delivery order, a view for every team it
    addresses (and any other that answered it); the
    moves answering no inject come last (every team's, when the round shows no inject). A move
    answering an inject this document leaves out (another team's private inject) is left out with it."""
    groups: list[InjectMoves] = []
    seen: set[str | None] = set()
    for dv in dels:
        if dv.inject.id in seen:
            continue
        seen.add(dv.inject.id)
        groups.append(InjectMoves(dv, [_move_view(state, tm, state.latest.get((tid, r, dv.inject.id)), shown,
                                                  rulings, lg) for tid, tm in state.teams.items()
                                       if dv.inject.reaches(tid) or (tid, r, dv.inject.id) in state.latest]))
    loose = [_move_view(state, tm, state.latest.get((tid, r, None)), shown, rulings, lg)
             for tid, tm in state.teams.items() if not groups or (tid, r, None) in state.latest]
    if loose:
        groups.append(InjectMoves(None, loose))
    return groups


def _end_of_round(path: list[PathPoint], r: int) -> tuple[int, int]:
    pos = (path[0].erosion, path[0].rapprochement) if path else (0, 0)
    for p in path:
        if p.round <= r:
            pos = (p.erosion, p.rapprochement)
    return pos


def _visits(state: SessionState) -> list[tuple[Scenario | None, int]]:
    out: list[tuple[Scenario | None, int]] = []
    last: object = object()
    for p in state.path:
        if p.scenario != last:
            out.append((state.scenarios.get(p.scenario) if p.scenario else None, p.round))
            last = p.scenario
    return out


def _timeline(state: SessionState, path: list[PathPoint], moves: list[Move], rulings: dict[str, Ruling],
              lg: str, team: str | None = None) -> list[TimelineRow]:
    """The rows of the timeline; `path` is the handout's (`anonymous_path`), so a ruling it does not
    show appears as "a ruling", in the round it was made, never by its team or move."""
    rows: list[TimelineRow] = []
    shown = {m.id for m in moves}
    seen_round: set[int] = set()
    deck = state.deck
    assert deck is not None

    def name(tid: str) -> str:
        tm = state.teams.get(tid)
        return tm.name.get(lg) if tm else tid

    for d in state.deliveries:
        if d.round not in seen_round:
            seen_round.add(d.round)
            title = deck.rounds[d.round].title.get(lg) if d.round < len(deck.rounds) else ""
            rows.append(TimelineRow(d.event_id, d.at, d.round, "round", t("ev_round", lg, n=d.round + 1, title=title),
                                    position_at(path, d.event_id - 1)))
        inj = state.injects[d.inject_id]
        if not inject_shown(inj, team):
            continue
        title = team_inject(inj, team).title.get(lg)
        rows.append(TimelineRow(d.event_id, d.at, d.round, "inject", t("ev_inject", lg, title=title),
                                position_at(path, d.event_id)))
    for m in moves:
        key = "ev_move_revised" if m.supersedes in shown else "ev_move"  # a hidden earlier version stays unsaid
        rows.append(TimelineRow(m.event_id, m.at, m.round, "move", t(key, lg, team=name(m.team)),
                                position_at(path, m.event_id)))
    for mid, r in rulings.items():
        m = state.moves[mid]
        rows.append(TimelineRow(r.event_id, r.at, m.round, "ruling",
                                t("ev_ruling", lg, team=name(m.team), outcome=outcome_text(r.outcome, lg)),
                                position_at(path, r.event_id)))
    rulings_at = {r.event_id: r.at for r in state.rulings.values()}
    for p in path:
        if p.cause == "ruling":  # the push of a ruling this handout does not show
            at = rulings_at.get(p.event_id) or _at_of(rows, p.event_id)
            rows.append(TimelineRow(p.event_id, at, p.round, "ruling", t("ev_private_ruling", lg),
                                    (p.erosion, p.rapprochement)))
    for p in path:
        if p.cause.startswith("option:"):
            inj_id, _, opt_id = p.cause[len("option:"):].partition("/")
            branched = state.injects.get(inj_id)
            if branched is not None and not inject_shown(branched, team):
                continue
            opt = next((o for o in branched.options if o.id == opt_id), None) if branched else None
            at = _at_of(rows, p.event_id)
            rows.append(TimelineRow(p.event_id, at, p.round, "option",
                                    t("ev_option", lg, label=opt.label.get(lg) if opt else opt_id),
                                    (p.erosion, p.rapprochement)))
    for _, b in state.crossings:
        sc = state.scenarios.get(b.scenario) if b.scenario else None
        rows.append(TimelineRow(b.event_id, _at_of(rows, b.event_id), b.round, "drift",
                                t("ev_drift", lg, scenario=sc.title.get(lg) if sc else "—"),
                                (b.erosion, b.rapprochement)))
    order = {"round": 0, "inject": 1, "option": 2, "move": 3, "ruling": 4, "drift": 5}
    rows.sort(key=lambda row: (row.event_id, order[row.kind]))
    return rows


def _at_of(rows: list[TimelineRow], event_id: int) -> float:
    """The time of the latest row at or before `event_id` (path points carry no time of their own)."""
    best = 0.0
    for row in rows:
        if row.event_id <= event_id:
            best = max(best, row.at)
    return best


def path_sentence(d: Debrief) -> str:
    """The world's path through the quadrants, as one sentence (plain text)."""
    lg = d.lang
    if not d.visits:
        return t("no_rounds", lg)
    first, *rest = d.visits
    s = f"{t('path_sentence_start', lg)} {d.scenario_title(first[0])} {position_text(*d.start, lg)}"
    if not rest:
        return s + " " + t("path_stayed", lg) + "."
    for sc, rnd in rest[:-1]:
        s += f", {t('path_then', lg)} {d.scenario_title(sc)} ({t('in_round', lg)} {rnd + 1})"
    last_sc, last_r = rest[-1]
    s += f" {t('path_ended', lg)} {d.scenario_title(last_sc)} ({t('in_round', lg)} {last_r + 1}) " \
         f"{position_text(*d.end, lg)}."
    return s
