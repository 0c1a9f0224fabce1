"""The session state: a pure fold over the event log. No I/O, no clock of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import (
    AXIS_LIMIT,
    Deck,
    HotwashQuestion,
    Inject,
    Scenario,
    Team,
    build,
    quadrant_of,
)
from ..model.text import find_control, strip_control
from . import events as ev
from .clock import Clock
from .events import Event
from .lockout import wait_after

CONTENT: dict[str, type] = {"deck": Deck, "teams": Team, "scenarios": Scenario, "injects": Inject,
                            "hotwash": HotwashQuestion}
"""What the content of a session_created event holds: the deck, and a list of each of the others."""


MAX_TEXT = 20_000
"""The longest move, ruling or note text a session holds, in characters."""

TEXT_FIELDS: dict[str, tuple[str, ...]] = {ev.MOVE: ("action", "result", "reasons"), ev.ADJUDICATED: ("narrative",),
                                           ev.NOTE: ("text", "author", "owner", "due", "objective"),
                                           ev.OBJECTIVE: ("reasons",), ev.OBSERVATION: ("text", "author"),
                                           ev.RATING: ("reasons", "author"), ev.HOTWASH: ("text",),
                                           ev.FEEDBACK: ("text",)}
"""The free-text fields of each kind of event: limited in length and cleaned of control characters."""


class DamagedLog(Exception):
    """An event that is not what a session writes (unknown kind, missing or mistyped field, unreadable content)."""


@dataclass(slots=True)
class Move:
    """A team's move in a round, answering one inject of it. A newer move of the same team, round and
    inject supersedes it; a move for another inject of the round does not."""

    id: str
    team: str
    round: int
    action: str
    result: str
    reasons: str
    private: bool
    at: float
    actor: str
    event_id: int
    supersedes: str | None = None
    superseded_by: str | None = None
    inject: str | None = None
    """The inject it answers (a log from before moves per inject: the inject current when it was recorded)."""


@dataclass(slots=True)
class Ruling:
    """The facilitator's adjudication of a move: its outcome, and its pushes on the axes and tracks."""

    move_id: str
    outcome: int
    narrative: str
    erosion: int
    rapprochement: int
    at: float
    event_id: int
    tracks: dict[str, int] = field(default_factory=dict)
    applied: dict[str, int] = field(default_factory=dict)
    """How far its track pushes moved each track, after the ranges cut them: what a new ruling takes back."""


@dataclass(slots=True)
class TrackPoint:
    """A track's value after something moved it: the start, an inject, an option or a ruling."""

    track: str
    value: int
    round: int
    cause: str  # as PathPoint.cause
    event_id: int


@dataclass(slots=True)
class ObjectiveMark:
    """The facilitator's mark of a team objective (met, partly, not_met) with a line of reasons."""

    team: str
    objective: str
    mark: str
    reasons: str
    at: float
    event_id: int


@dataclass(slots=True)
class Note:
    """A facilitator's or observer's note, optionally tagged for the after-action report."""

    id: str
    author: str
    text: str
    tag: str  # "", "strength", "improvement", "action"
    owner: str
    due: str
    round: int
    at: float
    objective: str = ""
    """The exercise objective an action or finding belongs to ("" for none)."""
    status: str = "open"
    """Where an action stands (`events.ACTION_STATUSES`); set again by `action_status_set`."""


@dataclass(slots=True)
class Observation:
    """What an evaluator (or the facilitator) saw, tagged with an exercise objective, a team and a round."""

    id: str
    objective: str
    team: str
    round: int
    text: str
    author: str
    kind: str  # events.OBSERVATION_KINDS: "", "strength", "improvement"
    actor: str
    at: float
    event_id: int


@dataclass(slots=True)
class Rating:
    """An evaluator's HSEEP rating (P, S, M, U) of an exercise objective for one team, with its reasons;
    the same evaluator rating it again replaces it."""

    objective: str
    team: str
    rating: str
    reasons: str
    author: str
    at: float
    event_id: int


@dataclass(slots=True)
class HotwashAnswer:
    """What the room answered to a hot-wash question: in plenary (team "") or one team's answer."""

    id: str
    question: str
    team: str
    text: str
    at: float
    event_id: int


@dataclass(slots=True)
class Feedback:
    """One participant's feedback form: a rating per exercise objective (1 to 5) and free text. Its team is
    kept in the log (a team writes only as itself) but never shown: the debrief aggregates anonymously."""

    id: str
    team: str
    ratings: dict[str, int]
    text: str
    at: float
    event_id: int


@dataclass(slots=True)
class Delivery:
    """An inject as delivered: when, in which round, and how it was chosen."""

    inject_id: str
    round: int
    how: str  # fixed, draw, drift, branch, bench
    at: float
    event_id: int
    slot: int | None = None
    option: str | None = None


@dataclass(slots=True)
class PathPoint:
    """A point of the world's path over the axis cross, and what moved it there."""

    erosion: int
    rapprochement: int
    round: int
    cause: str  # "start", "inject:<id>", "option:<inject>/<option>", "ruling:<move>"
    scenario: str | None
    event_id: int


@dataclass(eq=False, repr=False)  # compared and printed by its parts; generating both costs start-up
class SessionState:
    """Everything a session is, folded from its events."""

    session_id: str = ""
    title: str = ""
    facilitator: str = ""
    lang: str = "nl"
    seed: int = 0
    created_at: float = 0.0
    deck: Deck | None = None
    teams: dict[str, Team] = field(default_factory=dict)
    injects: dict[str, Inject] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    hotwash: list[HotwashQuestion] = field(default_factory=list)
    lineage: list[dict[str, Any]] = field(default_factory=list)
    """The sessions this one was forked from, oldest first: each `{session_id, title, round}`, the
    round (1-based) the fork played again."""
    round: int = -1
    slot: int = 0
    deliveries: list[Delivery] = field(default_factory=list)
    queue: list[tuple[str, str]] = field(default_factory=list)
    """Injects due before the next slot: branch follow-ups and the rest of a multi-inject draw."""
    clock: Clock = field(default_factory=Clock)
    moves: dict[str, Move] = field(default_factory=dict)
    latest: dict[tuple[str, int, str | None], str] = field(default_factory=dict)
    """The current move id of each (team, round, inject answered)."""
    rulings: dict[str, Ruling] = field(default_factory=dict)
    options_chosen: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    reopened: bool = False
    failed_joins: dict[str, int] = field(default_factory=dict)
    """Wrong codes in a row per team, since its last right code or new code."""
    failed_at: dict[str, float] = field(default_factory=dict)
    """When each team last typed a wrong code."""
    path: list[PathPoint] = field(default_factory=list)
    tracks: dict[str, int] = field(default_factory=dict)
    """Each of the deck's tracks at its current value."""
    track_path: list[TrackPoint] = field(default_factory=list)
    objective_marks: dict[tuple[str, str], ObjectiveMark] = field(default_factory=dict)
    """The facilitator's mark of each (team, objective id)."""
    observations: list[Observation] = field(default_factory=list)
    ratings: dict[tuple[str, str, str], Rating] = field(default_factory=dict)
    """Each evaluator's current rating, keyed by (author, team, exercise objective id)."""
    hotwash_answers: list[HotwashAnswer] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    evaluators_see_private: bool = False
    """Whether the facilitator lets evaluators and observers read the teams' private moves."""
    ended: bool = False
    refused: list[tuple[int, str]] = field(default_factory=list)
    """Events the rules forbid (written around the engine), left out of the state: (event id, why)."""
    altered: str | None = None
    """Why the log cannot be trusted (it names the first altered event); None while its hash chain holds."""
    last_event_id: int = 0
    event_count: int = 0

    # --- derived views -------------------------------------------------------------------------

    @property
    def started(self) -> bool:
        return self.round >= 0

    @property
    def current(self) -> Delivery | None:
        """The inject being played now."""
        return self.deliveries[-1] if self.deliveries else None

    @property
    def current_inject(self) -> Inject | None:
        cur = self.current
        return self.injects[cur.inject_id] if cur else None

    @property
    def position(self) -> tuple[int, int]:
        p = self.path[-1] if self.path else None
        return (p.erosion, p.rapprochement) if p else (0, 0)

    def scenario_at(self, erosion: int, rapprochement: int) -> Scenario | None:
        q = quadrant_of(erosion, rapprochement)
        for s in self.scenarios.values():
            if s.quadrant == q:
                return s
        return None

    @property
    def crossings(self) -> list[tuple[PathPoint, PathPoint]]:
        """Each move of the world into another quadrant (drift): (last point before, first point after)."""
        return [(a, b) for a, b in zip(self.path, self.path[1:], strict=False) if a.scenario != b.scenario]

    def answers(self, inject_id: str | None, round_no: int | None = None) -> dict[str, Move]:
        """The latest move of each team answering `inject_id` in a round (default: the current round)."""
        r = self.round if round_no is None else round_no
        keys = ((team, r, inject_id) for team in self.teams)
        return {k[0]: self.moves[self.latest[k]] for k in keys if k in self.latest}

    def current_moves(self, round_no: int | None = None) -> dict[str, Move]:
        """Each team's move that counts now: in the current round, its answer to the current inject;
        in another round, its newest move of that round (whichever inject it answers)."""
        if round_no is None or round_no == self.round:
            cur = self.current
            if cur is not None and cur.round == self.round:
                return self.answers(cur.inject_id)
        r = self.round if round_no is None else round_no
        newest: dict[str, Move] = {}
        for m in self.round_moves(r):
            if m.team not in newest or m.event_id > newest[m.team].event_id:
                newest[m.team] = m
        return {t: newest[t] for t in self.teams if t in newest}

    def round_moves(self, round_no: int) -> list[Move]:
        """Every current move of a round (one per team and inject answered), in the order recorded."""
        return sorted((self.moves[mid] for (_t, r, _i), mid in self.latest.items() if r == round_no),
                      key=lambda m: m.event_id)

    def addressed_teams(self) -> list[str]:
        """The teams the inject being played is addressed to (every team when none is)."""
        inj = self.current_inject
        return [t for t in self.teams if inj is None or inj.reaches(t)]

    def pending_teams(self, round_no: int | None = None) -> list[str]:
        """The teams without a move that counts now (see `current_moves`); in the current round, of the
        teams the inject being played is addressed to."""
        done = self.current_moves(round_no)
        teams = self.addressed_teams() if round_no in (None, self.round) else list(self.teams)
        return [t for t in teams if t not in done]

    def move_history(self, move_id: str) -> list[Move]:
        """A move and every version it superseded, newest first."""
        out, m = [], self.moves.get(move_id)
        while m is not None:
            out.append(m)
            m = self.moves.get(m.supersedes) if m.supersedes else None
        return out

    def earlier_ruling(self, move_id: str) -> Ruling | None:
        """For a move not ruled yet: the ruling of the newest earlier version it replaced ("ruled move
        replaced"), else None. A ruling belongs to the version it ruled."""
        if move_id in self.rulings or not self.rulings:  # asked on every redraw: no walk when nothing is ruled
            return None
        m = self.moves.get(move_id)
        while m is not None and m.supersedes:  # back through the versions, newest first, to the first ruled
            m = self.moves.get(m.supersedes)
            if m is not None and m.id in self.rulings:
                return self.rulings[m.id]
        return None

    def join_wait_until(self, team: str) -> float:
        """The time before which `team` may not try another code (0: it may try now)."""
        failures = self.failed_joins.get(team, 0)
        wait = wait_after(failures)
        return self.failed_at.get(team, 0.0) + wait if wait else 0.0

    def round_deliveries(self, round_no: int) -> list[Delivery]:
        return [d for d in self.deliveries if d.round == round_no]

    def delivered_ids(self) -> set[str]:
        return {d.inject_id for d in self.deliveries}

    def slots_left(self) -> int:
        """Slots of the current round not yet played."""
        if self.deck is None or not self.started or self.round >= len(self.deck.rounds):
            return 0
        return len(self.deck.rounds[self.round].injects) - self.slot

    def has_next_round(self) -> bool:
        return self.deck is not None and self.round + 1 < len(self.deck.rounds)

    def moves_open(self, now: float) -> bool:
        """Whether teams may still enter or edit moves: until the inject's deadline passes, or once reopened."""
        if self.ended or not self.started:
            return False
        if self.reopened:
            return True
        return self.clock.mode != "done" and self.clock.remaining(now) >= 0


def fold(events: Iterable[Event], state: SessionState | None = None) -> SessionState:
    """Apply events in order to `state` (a new one by default); the same events give the same state."""
    st = state if state is not None else SessionState()
    for e in events:
        apply(st, e)
    return st


def apply(st: SessionState, e: Event) -> None:
    """Apply one event. A malformed event is DamagedLog; one the rules forbid is left out and listed in `refused`."""
    event_id, _key, kind, actor, at, data = e
    names, types, texts, rule, handler = _KINDS.get(kind, _UNKNOWN)
    if (type(at) is not float or type(data) is not dict  # the usual shape: two comparisons, else the full check
            or tuple(data) != names or tuple(map(type, data.values())) != types):
        problem = ev.malformed(kind, data) if type(at) is float else "has a time that is not a number"
        if problem:  # else an event with optional fields: its shape is fine
            raise DamagedLog(f"event {event_id} ({kind}) {problem}")
    if st.deck is None and kind != ev.CREATED:
        raise DamagedLog(f"event {event_id} ({kind}) comes before the session was created")
    why = None if actor == ev.FACILITATOR else ev.actor_refusal(actor, kind, data)
    printable = True
    if texts and why is None:
        for name in texts:  # one pass: the length limit, and whether any text may need cleaning
            text = data.get(name, "")
            if len(text) > MAX_TEXT:
                why = f"its {name} is longer than {MAX_TEXT:,} characters"
                break
            printable = printable and text.isprintable()  # printable text holds no control character
    if why is None and rule is not None:
        why = rule(st, e)
    if why is None:
        handler(st, e if printable else _cleaned(e, texts))
    else:
        st.refused.append((event_id, why))
    st.last_event_id = event_id
    st.event_count += 1


def _cleaned(e: Event, texts: tuple[str, ...]) -> Event:
    """The event with control characters taken out of its free text (terminal escapes never reach a screen)."""
    data = e.data
    if all(find_control(data.get(n, "")) is None for n in texts):  # a newline or tab is not printable, yet stays
        return e
    clean = {k: strip_control(v) if k in texts else v for k, v in data.items()}
    return Event(e.id, e.key, e.kind, e.actor, e.at, clean)


def _move_rule(st: SessionState, e: Event) -> str | None:
    d = e.data
    if st.ended:
        return "a move after the exercise ended"
    if d["round"] != st.round or st.round < 0:  # a move for the round being played, once one is
        return f"a move for round {d['round'] + 1}, which is not being played"
    if d["team"] not in st.teams:
        return f"a move of an unknown team {d['team']!r}"
    if d["move_id"] in st.moves:
        return f"a move that reuses the id of move {d['move_id']!r}"
    if e.actor != ev.FACILITATOR and not st.moves_open(e.at):
        return "a team's move after the deadline"
    inject = d.get("inject")
    if inject is not None and inject not in {x.inject_id for x in st.round_deliveries(st.round)}:
        return f"a move answering {inject!r}, which was not delivered in this round"
    return None


def _ruling_rule(st: SessionState, e: Event) -> str | None:
    d = e.data
    if st.ended:
        return "a ruling after the exercise ended"
    if d["move_id"] not in st.moves:
        return f"a ruling on an unknown move {d['move_id']!r}"
    if not -3 <= d["outcome"] <= 3 or not all(-3 <= d[a] <= 3 for a in ("erosion", "rapprochement")):
        return "a ruling outside the scale"
    for track, by in d.get("tracks", {}).items():
        if track not in st.tracks:
            return f"a ruling that pushes an unknown track {track!r}"
        if type(by) is not int or not -3 <= by <= 3:
            return "a ruling outside the scale"
    return None


def _objective_rule(st: SessionState, e: Event) -> str | None:
    d = e.data
    brief = st.deck.brief_for(d["team"]) if st.deck is not None else None
    if brief is None or d["objective"] not in {o.id for o in brief.objectives}:
        return f"a mark of an unknown objective {d['objective']!r} of team {d['team']!r}"
    if d["mark"] not in ev.MARKS:
        return f"an unknown mark {d['mark']!r}"
    return None


def _delivery_rule(st: SessionState, e: Event) -> str | None:
    if st.ended or not st.started:
        return "an inject delivered outside the exercise's rounds"
    if e.data["inject"] not in st.injects:
        return f"an unknown inject {e.data['inject']!r}"
    return None


def _round_rule(st: SessionState, e: Event) -> str | None:
    if st.ended or st.deck is None or e.data["round"] != st.round + 1 or e.data["round"] >= len(st.deck.rounds):
        return f"round {e.data['round'] + 1} started out of turn"
    return None


def _option_rule(st: SessionState, e: Event) -> str | None:
    inj = st.injects.get(e.data["inject"])
    if st.ended or inj is None or e.data["option"] not in {o.id for o in inj.options}:
        return "an option of no inject being played"
    if inj.id in st.options_chosen:
        return "a second option for one inject"
    return None


def _clock_rule(st: SessionState, e: Event) -> str | None:
    if st.current is None or e.data["action"] not in ("start", "pause", "resume", "extend", "skip"):
        return "a clock action with no inject's clock to act on"
    return None


def _team_rule(st: SessionState, e: Event) -> str | None:
    return None if e.data["team"] in st.teams else f"an unknown team {e.data['team']!r}"


def _join_rule(st: SessionState, e: Event) -> str | None:
    """A code or a login of a team or of a seat (evaluator, observer)."""
    return None if e.data["team"] in ev.SEATS else _team_rule(st, e)


def _exercise_objective(st: SessionState, objective: str) -> str | None:
    if st.deck is None or st.deck.objective(objective) is None:
        return f"an unknown exercise objective {objective!r}"
    return None


def _observation_rule(st: SessionState, e: Event) -> str | None:
    d = e.data
    if d["team"] and d["team"] not in st.teams:
        return f"an observation of an unknown team {d['team']!r}"
    if not 0 <= d["round"] <= max(st.round, 0):
        return f"an observation of round {d['round'] + 1}, which has not been played"
    if d.get("kind", "") not in ev.OBSERVATION_KINDS:
        return f"an observation of an unknown kind {d.get('kind')!r}"
    return _exercise_objective(st, d["objective"])


def _rating_rule(st: SessionState, e: Event) -> str | None:
    d = e.data
    if d["team"] not in st.teams:
        return f"a rating of an unknown team {d['team']!r}"
    if d["rating"] not in ev.RATINGS:
        return f"an unknown rating {d['rating']!r}"
    objective = st.deck.objective(d["objective"]) if st.deck is not None else None
    if objective is not None and not objective.rates(d["team"]):
        return f"a rating of team {d['team']!r} for {d['objective']!r}, which is not rated for it"
    return _exercise_objective(st, d["objective"])


def _hotwash_rule(st: SessionState, e: Event) -> str | None:
    d = e.data
    if d["question"] not in {q.id for q in st.hotwash}:
        return f"an answer to an unknown hot-wash question {d['question']!r}"
    team = d.get("team", "")
    return f"a hot-wash answer of an unknown team {team!r}" if team and team not in st.teams else None


def _feedback_rule(st: SessionState, e: Event) -> str | None:
    d = e.data
    if not st.ended:
        return "feedback before the exercise ended"
    for objective, value in d["ratings"].items():
        if type(value) is not int or value not in ev.FEEDBACK_SCALE:
            return "a feedback rating outside the scale"
        why = _exercise_objective(st, objective)
        if why:
            return why
    return _team_rule(st, e)


def _action_status_rule(st: SessionState, e: Event) -> str | None:
    d = e.data
    if d["status"] not in ev.ACTION_STATUSES:
        return f"an unknown action status {d['status']!r}"
    if not any(n.id == d["note_id"] and n.tag == "action" for n in st.notes):
        return f"a status of an unknown action {d['note_id']!r}"
    return None


def _note_rule(st: SessionState, e: Event) -> str | None:
    d = e.data
    if d.get("status", "open") not in ev.ACTION_STATUSES:
        return f"an unknown action status {d['status']!r}"
    return _exercise_objective(st, d["objective"]) if d.get("objective") else None


def _language_rule(st: SessionState, e: Event) -> str | None:
    return None if e.data["lang"] in ("nl", "en") else f"an unknown language {e.data['lang']!r}"


def _created_rule(st: SessionState, e: Event) -> str | None:
    return "a second session_created" if st.deck is not None else None


def _created(st: SessionState, e: Event) -> None:
    d = e.data
    content = d["content"]
    st.session_id, st.title, st.facilitator = d["session_id"], d.get("title", ""), d.get("facilitator", "")
    st.lang, st.seed, st.created_at = d["lang"], d["seed"], e.at
    st.lineage = [dict(x) for x in d.get("lineage", ()) if isinstance(x, dict)]
    try:  # checked when the session was created (or imported), so rebuilt without validation
        st.deck = build(Deck, content["deck"])
        st.teams = {t["id"]: build(Team, t) for t in content["teams"]}
        st.scenarios = {s["id"]: build(Scenario, s) for s in content["scenarios"]}
        st.injects = {i["id"]: build(Inject, i) for i in content["injects"]}
        st.hotwash = [build(HotwashQuestion, q) for q in content["hotwash"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise DamagedLog(f"the session's content cannot be read ({type(exc).__name__}: {exc}); "
                             "was the file edited by hand?") from None
    start = st.deck.start
    _move_world(st, start.erosion, start.rapprochement, "start", e.id, absolute=True)
    for track in st.deck.tracks:
        st.tracks[track.id] = track.start
        st.track_path.append(TrackPoint(track.id, track.start, 0, "start", e.id))


def _push_tracks(st: SessionState, pushes: Iterable[tuple[str, int]], cause: str, event_id: int) -> dict[str, int]:
    """Move the deck's tracks (a push on a track the deck lacks is ignored), each within its range;
    returns how far each track moved."""
    assert st.deck is not None
    moved: dict[str, int] = {}
    for track_id, by in pushes:
        track = st.deck.track(track_id)
        if track is None or not by:
            continue
        value = track.clamp(st.tracks[track_id] + by)
        if value != st.tracks[track_id]:
            moved[track_id] = value - st.tracks[track_id]
            st.tracks[track_id] = value
            st.track_path.append(TrackPoint(track_id, value, max(st.round, 0), cause, event_id))
    return moved


def _move_world(st: SessionState, de: int, dr: int, cause: str, event_id: int, absolute: bool = False) -> None:
    x0, y0 = (0, 0) if absolute else st.position
    x = max(-AXIS_LIMIT, min(AXIS_LIMIT, x0 + de))
    y = max(-AXIS_LIMIT, min(AXIS_LIMIT, y0 + dr))
    if st.path and (x, y) == st.position:
        return
    sc = st.scenario_at(x, y)
    st.path.append(PathPoint(x, y, max(st.round, 0), cause, sc.id if sc else None, event_id))


def _round_started(st: SessionState, e: Event) -> None:
    st.round = e.data["round"]
    st.slot = 0
    st.queue = []
    st.reopened = False


def _delivered(st: SessionState, e: Event) -> None:
    d = e.data
    inj = st.injects[d["inject"]]
    st.deliveries.append(Delivery(inj.id, st.round, d["how"], e.at, e.id, d.get("slot"), d.get("option")))
    if d.get("slot") is not None:
        st.slot = d["slot"] + 1
    st.queue = [q for q in st.queue if q[0] != inj.id] + [(i, d["how"]) for i in d.get("queue", [])]
    st.clock = Clock.for_minutes(inj.minutes)
    st.reopened = False
    if not inj.push.is_zero:
        _move_world(st, inj.push.erosion, inj.push.rapprochement, f"inject:{inj.id}", e.id)
    if inj.tracks and st.tracks:
        _push_tracks(st, ((p.track, p.by) for p in inj.tracks), f"inject:{inj.id}", e.id)


def _clock(st: SessionState, e: Event) -> None:
    st.clock = st.clock.apply(e.data["action"], e.at, float(e.data.get("seconds", 0)))


def _move(st: SessionState, e: Event) -> None:
    d = e.data
    cur = st.current
    inject = d.get("inject") or (cur.inject_id if cur is not None else None)
    slot = (d["team"], d["round"], inject)
    prev_id = st.latest.get(slot)  # the move this one supersedes (moves are keyed by their id)
    m = Move(d["move_id"], d["team"], d["round"], d["action"], d["result"], d["reasons"], bool(d["private"]),
             e.at, e.actor, e.id, prev_id or None, inject=inject)
    if prev_id:
        st.moves[prev_id].superseded_by = m.id
    st.moves[m.id] = m
    st.latest[slot] = m.id


def _adjudicated(st: SessionState, e: Event) -> None:
    d = e.data
    old = st.rulings.get(d["move_id"])
    r = Ruling(d["move_id"], d["outcome"], d["narrative"], d["erosion"], d["rapprochement"], e.at, e.id,
               dict(d.get("tracks", {})))
    st.rulings[r.move_id] = r
    de = r.erosion - (old.erosion if old else 0)
    dr = r.rapprochement - (old.rapprochement if old else 0)
    if de or dr:
        _move_world(st, de, dr, f"ruling:{r.move_id}", e.id)
    before = old.applied if old else {}  # a new ruling takes back what the one before moved, then pushes
    changes = sorted((t, r.tracks.get(t, 0) - before.get(t, 0)) for t in {*r.tracks, *before})
    moved = _push_tracks(st, changes, f"ruling:{r.move_id}", e.id) if changes else {}
    r.applied = {t: v for t in {*before, *moved} if (v := before.get(t, 0) + moved.get(t, 0))}


def _option(st: SessionState, e: Event) -> None:
    d = e.data
    inj = st.injects[d["inject"]]
    opt = next(o for o in inj.options if o.id == d["option"])
    st.options_chosen[inj.id] = opt.id
    if opt.follow_up:
        st.queue.insert(0, (opt.follow_up, "branch"))
    if not opt.push.is_zero:
        _move_world(st, opt.push.erosion, opt.push.rapprochement, f"option:{inj.id}/{opt.id}", e.id)
    if opt.tracks and st.tracks:
        _push_tracks(st, ((p.track, p.by) for p in opt.tracks), f"option:{inj.id}/{opt.id}", e.id)


def _note(st: SessionState, e: Event) -> None:
    d = e.data
    st.notes.append(Note(d["note_id"], d.get("author", e.actor), d["text"], d.get("tag", ""),
                         d.get("owner", ""), d.get("due", ""), max(st.round, 0), e.at, d.get("objective", ""),
                         d.get("status", "open")))


def _observation(st: SessionState, e: Event) -> None:
    d = e.data
    st.observations.append(Observation(d["observation_id"], d["objective"], d["team"], d["round"], d["text"],
                                       d["author"], d.get("kind", ""), e.actor, e.at, e.id))


def _rating(st: SessionState, e: Event) -> None:
    d = e.data
    st.ratings[(d["author"], d["team"], d["objective"])] = Rating(d["objective"], d["team"], d["rating"],
                                                                  d["reasons"], d["author"], e.at, e.id)


def _hotwash(st: SessionState, e: Event) -> None:
    d = e.data
    st.hotwash_answers.append(HotwashAnswer(d["answer_id"], d["question"], d.get("team", ""), d["text"], e.at, e.id))


def _feedback(st: SessionState, e: Event) -> None:
    d = e.data
    st.feedback.append(Feedback(d["feedback_id"], d["team"], dict(d["ratings"]), d["text"], e.at, e.id))


def _evaluator_access(st: SessionState, e: Event) -> None:
    st.evaluators_see_private = e.data["private"]


def _action_status(st: SessionState, e: Event) -> None:
    for n in st.notes:
        if n.id == e.data["note_id"]:
            n.status = e.data["status"]


def _reopened(st: SessionState, e: Event) -> None:
    st.reopened = e.data["round"] == st.round


def _code(st: SessionState, e: Event) -> None:
    st.failed_joins[e.data["team"]] = 0


def _join_failed(st: SessionState, e: Event) -> None:
    st.failed_joins[e.data["team"]] = st.failed_joins.get(e.data["team"], 0) + 1
    st.failed_at[e.data["team"]] = e.at


def _joined(st: SessionState, e: Event) -> None:
    st.failed_joins[e.data["team"]] = 0


def _language(st: SessionState, e: Event) -> None:
    st.lang = e.data["lang"]


def _objective(st: SessionState, e: Event) -> None:
    d = e.data
    st.objective_marks[(d["team"], d["objective"])] = ObjectiveMark(d["team"], d["objective"], d["mark"],
                                                                     d.get("reasons", ""), e.at, e.id)


def _ended(st: SessionState, e: Event) -> None:
    st.ended = True
    st.clock = st.clock.apply("skip", e.at)


_RULES: dict[str, Any] = {
    ev.CREATED: _created_rule, ev.MOVE: _move_rule, ev.ADJUDICATED: _ruling_rule, ev.INJECT_DELIVERED: _delivery_rule,
    ev.ROUND_STARTED: _round_rule, ev.OPTION_CHOSEN: _option_rule, ev.CLOCK: _clock_rule, ev.CODE_SET: _join_rule,
    ev.JOIN_FAILED: _join_rule, ev.JOINED: _join_rule, ev.LANGUAGE: _language_rule, ev.OBJECTIVE: _objective_rule,
    ev.NOTE: _note_rule, ev.OBSERVATION: _observation_rule, ev.RATING: _rating_rule, ev.HOTWASH: _hotwash_rule,
    ev.FEEDBACK: _feedback_rule, ev.ACTION_STATUS: _action_status_rule,
}

_HANDLERS: dict[str, Any] = {
    ev.CREATED: _created, ev.ROUND_STARTED: _round_started, ev.INJECT_DELIVERED: _delivered,
    ev.CLOCK: _clock, ev.MOVE: _move, ev.ADJUDICATED: _adjudicated, ev.OPTION_CHOSEN: _option,
    ev.NOTE: _note, ev.MOVES_REOPENED: _reopened, ev.CODE_SET: _code, ev.JOIN_FAILED: _join_failed, ev.JOINED: _joined,
    ev.LANGUAGE: _language, ev.ENDED: _ended, ev.OBJECTIVE: _objective, ev.OBSERVATION: _observation,
    ev.RATING: _rating, ev.HOTWASH: _hotwash, ev.FEEDBACK: _feedback, ev.EVALUATOR_ACCESS: _evaluator_access,
    ev.ACTION_STATUS: _action_status,
}

Rule = Callable[[SessionState, Event], "str | None"]
Handler = Callable[[SessionState, Event], None]
_Kind = tuple["tuple[str, ...] | None", "tuple[type, ...] | None", tuple[str, ...], "Rule | None", Handler]
_KINDS: dict[str, _Kind] = {
    kind: (*ev.USUAL.get(kind, (None, None)), TEXT_FIELDS.get(kind, ()), _RULES.get(kind), handler)
    for kind, handler in _HANDLERS.items()
}
"""Per kind, what `apply` needs: the usual stored shape (field names and exact types), the free-text
fields, the rule (None: no rule) and the handler: one lookup per event."""
_UNKNOWN: _Kind = (None, None, (), None, lambda st, e: None)
"""An unknown kind's entry (and None: a kind without a usual shape): no shape matches None, so `apply`
asks `malformed`, which refuses an unknown kind."""
