"""What a debrief says, assembled from a session state; plain Python shared by the PDF and Markdown.

The team filter lives here, once: a team's handout leaves out the other teams' private moves
(every version of them) and the rulings on them. Everything else of the after-action report
stays in, because the hot wash discusses it with everyone in the room.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ..engine.outcomes import OUTCOMES
from ..engine.state import Delivery, Move, Note, PathPoint, Ruling, SessionState
from ..model import HotwashQuestion, Inject, Scenario, Team
from .labels import position_text, signed, t

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}


@dataclass
class MoveView:
    team: Team
    move: Move | None
    """The team's latest move this round, or None (no move, or hidden in this handout)."""
    earlier: list[Move] = field(default_factory=list)
    """Superseded versions shown in this handout, newest first."""
    ruling: Ruling | None = None
    hidden: bool = False
    """True when the team moved but the move is private to it (another team's handout)."""


@dataclass
class DeliveryView:
    delivery: Delivery
    inject: Inject
    option: str | None = None
    """The label of the branch chosen for this inject, if any."""


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

    @property
    def rounds_played(self) -> int:
        return len(self.rounds)

    @property
    def injects_delivered(self) -> int:
        return len(self.state.deliveries)

    @property
    def start(self) -> tuple[int, int]:
        p = self.path[0] if self.path else None
        return (p.erosion, p.rapprochement) if p else (0, 0)

    @property
    def end(self) -> tuple[int, int]:
        return self.state.position

    def scenario_title(self, sc: Scenario | None) -> str:
        return sc.title.get(self.lang) if sc else "—"  # type: ignore[arg-type]

    def team_name(self, team_id: str) -> str:
        team = self.state.teams.get(team_id)
        return team.name.get(self.lang) if team else team_id  # type: ignore[arg-type]


def check_team(state: SessionState, team: str | None) -> Team | None:
    """The team of a handout; ValueError naming the session's teams when it is not one of them."""
    if team is None:
        return None
    if team not in state.teams:
        known = ", ".join(state.teams) or "none"
        raise ValueError(f"no team {team!r} in this session; its teams are: {known}")
    return state.teams[team]


def visible(move: Move, team: str | None) -> bool:
    """Whether a move version may appear in `team`'s handout (every move in the facilitator's report)."""
    return team is None or not move.private or move.team == team


def visible_moves(state: SessionState, team: str | None) -> list[Move]:
    """Every move version this handout may show, in the order recorded. A chain whose latest version is
    private to another team is hidden as a whole."""
    hidden_chains: set[str] = set()
    if team is not None:
        for m in state.moves.values():
            if m.superseded_by is None and not visible(m, team):
                hidden_chains.update(v.id for v in state.move_history(m.id))
    return sorted((m for m in state.moves.values() if m.id not in hidden_chains and visible(m, team)),
                  key=lambda m: m.event_id)


def format_date(ts: float, lang: str) -> str:
    lt = time.localtime(ts)
    if lang == "nl":
        return f"{lt.tm_mday} {MONTHS['nl'][lt.tm_mon - 1]} {lt.tm_year}"
    return f"{lt.tm_mday} {MONTHS['en'][lt.tm_mon - 1]} {lt.tm_year}"


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


def build(state: SessionState, *, team: str | None = None, lang: str | None = None) -> Debrief:
    """Everything the debrief shows, for the facilitator (team None) or as one team's handout."""
    if state.deck is None:
        raise ValueError("the session holds no deck")
    the_team = check_team(state, team)
    lg = lang or state.lang
    if lg not in ("nl", "en"):
        raise ValueError(f"language is nl or en, not {lg!r}")
    deck = state.deck
    moves = visible_moves(state, team)
    shown = {m.id for m in moves}
    rulings = {mid: r for mid, r in state.rulings.items() if mid in shown}
    played = range(0, state.round + 1) if state.started else range(0)

    rounds: list[RoundView] = []
    for r in played:
        rnd = deck.rounds[r] if r < len(deck.rounds) else None
        dels = []
        for d in state.round_deliveries(r):
            inj = state.injects[d.inject_id]
            opt_id = state.options_chosen.get(inj.id)
            opt = next((o for o in inj.options if o.id == opt_id), None)
            dels.append(DeliveryView(d, inj, opt.label.get(lg) if opt else None))  # type: ignore[arg-type]
        views = []
        current = {m.team: m for m in state.moves.values() if m.round == r and m.superseded_by is None}
        for tid, tm in state.teams.items():
            latest = current.get(tid)
            if latest is None:
                views.append(MoveView(tm, None))
            elif latest.id not in shown:
                views.append(MoveView(tm, None, hidden=True))
            else:
                earlier = [v for v in state.move_history(latest.id)[1:] if v.id in shown]
                views.append(MoveView(tm, latest, earlier, rulings.get(latest.id)))
        end = _end_of_round(state.path, r)
        rounds.append(RoundView(
            r, rnd.title.get(lg) if rnd else f"{t('round', lg)} {r + 1}", rnd.minutes if rnd else 0,  # type: ignore[arg-type]
            dels, views, [n for n in state.notes if n.round == r and n.tag == ""], end, state.scenario_at(*end)))

    sources: list[Inject] = []
    for d in state.deliveries:
        inj = state.injects[d.inject_id]
        if inj not in sources:
            sources.append(inj)

    return Debrief(
        state=state, lang=lg, team=the_team, title=state.title or deck.title.get(lg),  # type: ignore[arg-type]
        date=format_date(state.created_at, lg), deck_title=deck.title.get(lg),  # type: ignore[arg-type]
        teams=list(state.teams.values()), rounds_total=len(deck.rounds), rounds=rounds,
        timeline=_timeline(state, moves, rulings, lg),
        strengths=[n for n in state.notes if n.tag == "strength"],
        improvements=[n for n in state.notes if n.tag == "improvement"],
        actions=[n for n in state.notes if n.tag == "action"],
        hotwash=list(state.hotwash), sources=sources, path=list(state.path),
        visits=_visits(state), moves_shown=len([m for m in moves if m.superseded_by is None]),
        rulings_shown=len(rulings),
    )


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


def _timeline(state: SessionState, moves: list[Move], rulings: dict[str, Ruling], lg: str) -> list[TimelineRow]:
    rows: list[TimelineRow] = []
    path = state.path
    seen_round: set[int] = set()
    deck = state.deck
    assert deck is not None

    def name(tid: str) -> str:
        tm = state.teams.get(tid)
        return tm.name.get(lg) if tm else tid  # type: ignore[arg-type]

    for d in state.deliveries:
        if d.round not in seen_round:
            seen_round.add(d.round)
            title = deck.rounds[d.round].title.get(lg) if d.round < len(deck.rounds) else ""  # type: ignore[arg-type]
            rows.append(TimelineRow(d.event_id, d.at, d.round, "round", t("ev_round", lg, n=d.round + 1, title=title),
                                    position_at(path, d.event_id - 1)))
        inj = state.injects[d.inject_id]
        rows.append(TimelineRow(d.event_id, d.at, d.round, "inject", t("ev_inject", lg, title=inj.title.get(lg)),  # type: ignore[arg-type]
                                position_at(path, d.event_id)))
    for m in moves:
        key = "ev_move_revised" if m.supersedes else "ev_move"
        rows.append(TimelineRow(m.event_id, m.at, m.round, "move", t(key, lg, team=name(m.team)),
                                position_at(path, m.event_id)))
    moved_by = {p.cause: p for p in path}
    for mid, r in state.rulings.items():
        if mid in rulings:
            m = state.moves[mid]
            label = OUTCOMES[r.outcome][0 if lg == "nl" else 1]
            rows.append(TimelineRow(r.event_id, r.at, m.round, "ruling",
                                    t("ev_ruling", lg, team=name(m.team), outcome=f"{signed(r.outcome)} {label}"),
                                    position_at(path, r.event_id)))
        elif f"ruling:{mid}" in moved_by:
            p = moved_by[f"ruling:{mid}"]
            rows.append(TimelineRow(r.event_id, r.at, p.round, "ruling", t("ev_private_ruling", lg),
                                    position_at(path, r.event_id)))
    for p in path:
        if p.cause.startswith("option:"):
            inj_id, _, opt_id = p.cause[len("option:"):].partition("/")
            inj = state.injects.get(inj_id)
            opt = next((o for o in inj.options if o.id == opt_id), None) if inj else None
            at = _at_of(rows, p.event_id)
            rows.append(TimelineRow(p.event_id, at, p.round, "option",
                                    t("ev_option", lg, label=opt.label.get(lg) if opt else opt_id),  # type: ignore[arg-type]
                                    (p.erosion, p.rapprochement)))
    for a, b in state.crossings:
        sc = state.scenarios.get(b.scenario) if b.scenario else None
        rows.append(TimelineRow(b.event_id, _at_of(rows, b.event_id), b.round, "drift",
                                t("ev_drift", lg, scenario=sc.title.get(lg) if sc else "—"),  # type: ignore[arg-type]
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
    s = f"{t('path_sentence_start', lg)} {d.scenario_title(first[0])} {position_text(*d.start)}"
    if not rest:
        return s + " " + t("path_stayed", lg) + "."
    for sc, rnd in rest[:-1]:
        s += f", {t('path_then', lg)} {d.scenario_title(sc)} ({t('in_round', lg)} {rnd + 1})"
    last_sc, last_r = rest[-1]
    s += f" {t('path_ended', lg)} {d.scenario_title(last_sc)} ({t('in_round', lg)} {last_r + 1}) " \
         f"{position_text(*d.end)}."
    return s
