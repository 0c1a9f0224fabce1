"""A running session: the facilitator's and teams' commands, each checked, logged, then folded.

Every command is a plan: a function of the state that says which events to append, or raises
EngineError with the rule it breaks. The plan is checked against the newest state and appended
with that state's last event id; if another process appended in between, the store refuses it
inside its transaction and the command looks again. The state never changes any other way, so
what the log holds is exactly what happened.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Deck, Lang, dump
from ..model.text import strip_control
from ..store.sqlite import Conflict, EventStore, StoreError
from . import events as ev
from . import snapshot
from .allowed import Command, allowed, refusal
from .errors import N_, EngineError
from .events import Event
from .outcomes import OUTCOMES
from .roles import FACILITATOR_ROLE, Role
from .sequencing import NothingToDraw, resolve
from .state import MAX_TEXT, DamagedLog, Move, SessionState, apply, fold

if TYPE_CHECKING:  # the loader (YAML) is not needed to open a session; keeps start-up lean
    from ..content import Library
    from ..store.watch import FileWatch

__all__ = ["MAX_TEXT", "EngineError", "JoinWait", "Now", "Session"]

Now = Callable[[], float]
Plan = list[tuple[str, dict[str, Any]]]

RETRIES = 20
"""How often a command looks again when other processes keep appending before it can."""
SEQUENCING = frozenset({ev.ROUND_STARTED, ev.INJECT_DELIVERED, ev.OPTION_CHOSEN, ev.CLOCK, ev.ENDED})
"""Events that move the exercise on: a facilitator's command decided before one of them arrived is stale."""


class JoinWait(EngineError):
    """Too many wrong codes in a row: the team must wait `seconds` before the next try."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(N_("too many wrong codes; try again in {seconds} s"), seconds=max(1, round(seconds)))


class Session:
    """One session file opened by one process, as the facilitator or as one team."""

    def __init__(self, store: EventStore, now: Now = time.time, *, resume: bool = False):
        self.store = store
        self.now = now
        self.role: Role = store.role if isinstance(store.role, Role) else Role()
        """Who this session writes as (a store opened to read only refuses every write)."""
        self.resumed = resume
        """Opened as a console opens: from the state saved at the last close (see `open`)."""
        self._saved_at = 0  # the event the state was saved at, as this session last saw it
        self.state = SessionState()
        try:
            if resume:
                self._restore()
            self.refresh()
            if self.state.deck is None:
                raise StoreError(f"{store.path}: the session file holds no session (it has no events)")
        except DamagedLog as exc:
            store.close()
            raise StoreError(f"{store.path}: the session file is damaged: {exc}") from None
        except StoreError:
            store.close()
            raise
        self.state.altered = self.state.altered or store.missing_tail()

    def _restore(self) -> None:
        """Start from the state saved at the last close, if this version saved it and its event is
        unchanged: the first event gives the content, the saved text the rest."""
        saved = self.store.saved_state(snapshot.FORMAT)
        if saved is None:
            return
        event_id, text = saved
        fold(self.store.events(0, upto=1), self.state)
        try:
            snapshot.restore(self.state, text)
            if self.state.last_event_id != event_id:
                raise DamagedLog("the saved state is not the one of its event")
        except DamagedLog:  # a cache that does not read is no loss: fold the whole log instead
            self.state = SessionState()
            return
        self._saved_at = event_id

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, deck: Deck, library: Library, *, lang: Lang | None = None,
               seed: int | None = None, title: str = "", facilitator: str = "",
               now: Now = time.time) -> tuple[Session, dict[str, str]]:
        """Start a session file from a deck; returns it and one join code per team (shown once)."""
        import secrets

        seed = secrets.randbelow(1_000_000) if seed is None else seed
        codes, hashes = new_codes(join_seats(deck))
        data = creation(path.stem, deck, library, lang=lang, seed=seed, title=title, facilitator=facilitator,
                        at=now())
        store = EventStore.create(path, [Event(1, uuid.uuid4().hex, ev.CREATED, ev.FACILITATOR, now(), data)], hashes,
                                  role=FACILITATOR_ROLE)
        return cls(store, now), codes

    @classmethod
    def open(cls, path: Path, *, team: str | None = None, now: Now = time.time, resume: bool = False) -> Session:
        """Open a session file as the facilitator (team None) or one team, folding its whole log and
        checking its whole hash chain. With `resume`, as a console opens it: from the state saved when
        a facilitator's console last closed it, folding only what came after; the links before are
        checked by `verify`, which a console calls once it is on screen."""
        return cls(EventStore(path, role=Role(team)), now, resume=resume)

    def verify(self) -> str | None:
        """Check the whole log's hash chain and its end; None if intact, else why not (also put in the state)."""
        problem = self.store.verify()
        self.state.altered = self.state.altered or problem
        return self.state.altered

    def close(self) -> None:
        """Close the session file, its log folded back into the one file. Safe to repeat. A facilitator's
        console first saves the state, so its next open folds only what comes after."""
        try:
            self._save_state()
        finally:
            self.store.close()

    def _save_state(self) -> None:
        """Save the state for the next open: only a facilitator's console, only an unaltered log, only if new."""
        st = self.state
        if not (self.resumed and self.role.team is None and self.store.conn is not None and st.altered is None
                and st.last_event_id not in (0, self._saved_at)):
            return
        try:
            self.refresh()  # what other consoles wrote last, so the state saved is the log's up to its end
        except (DamagedLog, StoreError):
            return
        if st.altered is None and self.store.save_state(st.last_event_id, snapshot.FORMAT, snapshot.save(st)):
            self._saved_at = st.last_event_id

    # --- reading ------------------------------------------------------------------------------

    def refresh(self) -> list[Event]:
        """Fold in what other processes appended since we last looked; returns the new events."""
        if self.store.last_id() == self.state.last_event_id:
            return []
        new = self.store.events(self.state.last_event_id)
        for e in new:
            apply(self.state, e)
        if self.store.altered and not self.state.altered:
            self.state.altered = self.store.altered
        return new

    _unread = False  # a change was seen but reading it failed: the next poll reads again

    def poll(self) -> list[Event]:
        """`refresh`, but the log is read only when another process committed since the last look;
        otherwise this costs one cheap question to the store. For consoles that look many times a second."""
        if not (self.store.changed() or self._unread):
            return []
        self._unread = True
        new = self.refresh()
        self._unread = False
        return new

    def watch(self) -> FileWatch | None:
        """A wake-up each time any process writes to the session file (None where the system offers
        none); it ends when the session closes. Wake-ups come as a write starts: `poll` until it shows."""
        return self.store.watch()

    def _commit(self, plan: Callable[[SessionState, float], Plan], *, key: str | None = None,
                codes: dict[str, str] | None = None, sequencing: bool = False) -> list[Event]:
        """Check `plan` against the newest state and append what it returns, as one transaction.

        The append carries the id of the last event the plan saw; if the log has moved on, the
        store refuses it and the plan is checked again on the newer state. With `sequencing`, a
        facilitator's command fails instead when another console moved the exercise on since this
        one last showed the state, so one press never plays out on a screen nobody saw."""
        for _ in range(RETRIES):
            new = self.refresh()  # what this console had not folded yet, so not shown either
            if sequencing and any(e.kind in SEQUENCING for e in new):
                raise EngineError(N_("another console moved the exercise on just now; look again and press once more"))
            at = self.now()
            items = plan(self.state, at)
            if not items:
                return []
            try:
                events = self.store.append_all(items, key=key, at=at, expect=self.state.last_event_id, codes=codes)
            except Conflict:
                continue
            if events[0].id == self.state.last_event_id + 1:  # just written, right after what we had
                for e in events:
                    apply(self.state, e)
            else:  # a repeated key: the event was written before
                self.refresh()
            return events
        raise EngineError(N_("the session file is too busy right now; try again"))

    # --- sequencing ---------------------------------------------------------------------------

    def advance(self) -> Event | None:
        """Deliver the next inject: a queued one, the next slot, or the next round's first. None at the end."""
        events = self._commit(lambda st, at: advance_plan(self._may(st, _going(st))), sequencing=True)
        return events[-1] if events else None

    def next_round(self) -> Event:
        """Start the next round and deliver its first inject."""
        return self._commit(
            lambda st, at: _next_round(self._may(st, Command.NEXT_ROUND if st.started else Command.START)),
            sequencing=True)[-1]

    def fire(self, inject_id: str) -> Event:
        """Deliver any inject now, from the contingency bench."""
        def plan(st: SessionState, at: float) -> Plan:
            self._may(st, Command.BENCH)
            if inject_id not in st.injects:
                raise EngineError(N_("no inject {inject} in this session"), inject=repr(inject_id))
            start: Plan = [] if st.started else [(ev.ROUND_STARTED, {"round": 0})]
            return start + [(ev.INJECT_DELIVERED, {"inject": inject_id, "how": "bench"})]

        return self._commit(plan, sequencing=True)[-1]

    def choose_option(self, option_id: str) -> Event:
        """Play the current inject out by one of its options; its follow-up comes next."""
        def plan(st: SessionState, at: float) -> Plan:
            inj = self._may(st, Command.OPTIONS).current_inject
            if inj is None or option_id not in {o.id for o in inj.options}:
                raise EngineError(N_("the current inject has no option {option}"), option=repr(option_id))
            return [(ev.OPTION_CHOSEN, {"inject": inj.id, "option": option_id})]

        return self._commit(plan, sequencing=True)[-1]

    # --- clock --------------------------------------------------------------------------------

    def clock(self, action: str, seconds: float = 0) -> Event:
        """start, pause, resume, extend (by `seconds`) or skip the current inject's clock."""
        try:
            command = Command(f"clock {action}")
        except ValueError:
            raise EngineError(N_("unknown clock action {action}"), action=repr(action)) from None
        if action == "extend" and not 0 < seconds <= 3600:
            raise EngineError(N_("extend by 1 second to 1 hour"))

        def plan(st: SessionState, at: float) -> Plan:
            self._may(st, command)
            return [(ev.CLOCK, {"action": action, **({"seconds": seconds} if seconds else {})})]

        return self._commit(plan, sequencing=True)[-1]

    # --- moves, rulings, notes ----------------------------------------------------------------

    def record_move(self, team: str, action: str, result: str = "", reasons: str = "", private: bool = False,
                    *, key: str | None = None, inject: str | None = None) -> Move:
        """Record (or supersede) a team's move this round, answering `inject` (default: the inject being
        played; any inject delivered earlier in the round by choice); returns it once committed."""
        if self.role.team not in (None, team):
            raise EngineError(N_("you are signed in as {signed_in}; you cannot record a move for {team}"),
                              signed_in=self.role.team, team=team)
        action, result, reasons = (_text(action, "action"), _text(result, "result"), _text(reasons, "reasons"))
        if not action.strip():
            raise EngineError(N_("a move needs an action"))
        move_id = uuid.uuid4().hex[:12]  # made here, never by the caller: a move can only replace its own team's

        def plan(st: SessionState, at: float) -> Plan:
            if team not in st.teams:
                raise EngineError(N_("no team {team} in this session"), team=repr(team))
            _refuse(refusal(st, Command.MOVE))
            if self.role.team is not None and not st.moves_open(at):
                raise EngineError(N_("the deadline for this round has passed; ask the facilitator to reopen moves"))
            answers = inject if inject is not None else (st.current.inject_id if st.current else None)
            if answers not in {d.inject_id for d in st.round_deliveries(st.round)}:
                raise EngineError(N_("no inject {inject} was delivered in this round"), inject=repr(answers))
            return [(ev.MOVE, {"move_id": move_id, "team": team, "round": st.round, "action": action,
                               "result": result, "reasons": reasons, "private": bool(private),
                               "inject": answers})]

        e = self._commit(plan, key=key)[-1]
        return self.state.moves[e.data["move_id"]]

    def adjudicate(self, move_id: str, outcome: int, narrative: str = "", erosion: int = 0,
                   rapprochement: int = 0, *, tracks: dict[str, int] | None = None) -> Event:
        """Rule on a move: an outcome from -3 (Disaster) to +3 (Triumph) and its push on the axes and on
        the deck's tracks (track id -> -3..+3; a ruling again replaces the pushes of the one before)."""
        narrative = _text(narrative, "narrative")
        pushes = {t: by for t, by in (tracks or {}).items() if by}

        def plan(st: SessionState, at: float) -> Plan:
            if move_id not in self._may(st, Command.ADJUDICATE).moves:
                raise EngineError(N_("no move {move}"), move=repr(move_id))
            if outcome not in OUTCOMES or isinstance(outcome, bool):
                raise EngineError(N_("outcome runs from -3 (Disaster) to +3 (Triumph)"))
            for v in (erosion, rapprochement, *pushes.values()):
                if not isinstance(v, int) or isinstance(v, bool) or not -3 <= v <= 3:
                    raise EngineError(N_("a ruling pushes each axis and track by -3 to +3"))
            unknown = sorted(set(pushes) - set(st.tracks))
            if unknown:
                raise EngineError(N_("this deck has no track {track}"), track=repr(unknown[0]))
            return [(ev.ADJUDICATED, {"move_id": move_id, "outcome": outcome, "narrative": narrative,
                                      "erosion": erosion, "rapprochement": rapprochement,
                                      **({"tracks": pushes} if pushes else {})})]

        return self._commit(plan)[-1]

    def add_note(self, text: str, tag: str = "", owner: str = "", due: str = "", author: str = "facilitator",
                 *, objective: str = "", status: str = "open") -> Event:
        """A note for the after-action report: tag '' , strength, improvement or action (with owner, due,
        the exercise objective it serves and its status: an item of the improvement plan)."""
        if tag not in ("", "strength", "improvement", "action"):
            raise EngineError(N_("tag a note as strength, improvement or action"))
        if status not in ev.ACTION_STATUSES:
            raise EngineError(N_("an action's status is open, in_progress or done"))
        text = _text(text, "note")
        if not text.strip():
            raise EngineError(N_("a note needs text"))
        data = {"note_id": uuid.uuid4().hex[:12], "author": _text(author, "author"), "text": text, "tag": tag,
                "owner": _text(owner, "owner"), "due": _due(due)}
        if objective:
            data["objective"] = objective
        if status != "open":
            data["status"] = status

        def plan(st: SessionState, at: float) -> Plan:
            self._may(st, Command.NOTE)
            if objective:
                _check_objective(st, objective)
            return [(ev.NOTE, data)]

        return self._commit(plan)[-1]

    def set_action_status(self, note_id: str, status: str) -> Event:
        """Where an improvement-plan action stands now: open, in_progress or done."""
        if status not in ev.ACTION_STATUSES:
            raise EngineError(N_("an action's status is open, in_progress or done"))

        def plan(st: SessionState, at: float) -> Plan:
            self._may(st, Command.NOTE)
            if not any(n.id == note_id and n.tag == "action" for n in st.notes):
                raise EngineError(N_("no action {action} in this session"), action=repr(note_id))
            return [(ev.ACTION_STATUS, {"note_id": note_id, "status": status})]

        return self._commit(plan)[-1]

    # --- evaluation ---------------------------------------------------------------------------

    def record_observation(self, objective: str, team: str, round_no: int, text: str, *, kind: str = "",
                           author: str = "", key: str | None = None) -> Event:
        """An evaluator's (or the facilitator's) observation, tagged with an exercise objective, a team
        ("" for the exercise as a whole) and a round (0-based), and what it says: nothing yet, a strength
        or an area for improvement. The same `key` again records it once."""
        self._evaluates()
        if kind not in ev.OBSERVATION_KINDS:
            raise EngineError(N_("an observation is a strength, an area for improvement, or neither"))
        text, author = _text(text, "observation"), self._author(author)
        if not text.strip():
            raise EngineError(N_("an observation needs text"))
        data: dict[str, Any] = {"observation_id": uuid.uuid4().hex[:12], "objective": objective, "team": team,
                                "round": round_no, "text": text, "author": author}
        if kind:
            data["kind"] = kind

        def plan(st: SessionState, at: float) -> Plan:
            _check_objective(st, objective)
            if team and team not in st.teams:
                raise EngineError(N_("no team {team} in this session"), team=repr(team))
            if isinstance(round_no, bool) or not isinstance(round_no, int) or not 0 <= round_no <= max(st.round, 0):
                raise EngineError(N_("round {round} has not been played"),
                                  round=round_no + 1 if isinstance(round_no, int) else round_no)
            return [(ev.OBSERVATION, data)]

        return self._commit(plan, key=key)[-1]

    def rate(self, objective: str, team: str, rating: str, reasons: str = "", *, author: str = "") -> Event:
        """An evaluator's HSEEP rating of an exercise objective for a team (P, S, M or U) with its reasons;
        rating it again replaces that evaluator's rating."""
        self._evaluates()
        if rating not in ev.RATINGS:
            raise EngineError(N_("rate an objective P, S, M or U"))
        reasons, author = _text(reasons, "reasons"), self._author(author)

        def plan(st: SessionState, at: float) -> Plan:
            _check_objective(st, objective)
            if team not in st.teams:
                raise EngineError(N_("no team {team} in this session"), team=repr(team))
            found = st.deck.objective(objective) if st.deck is not None else None
            if found is not None and not found.rates(team):
                raise EngineError(N_("objective {objective} is not rated for team {team}"),
                                  objective=repr(objective), team=repr(team))
            return [(ev.RATING, {"objective": objective, "team": team, "rating": rating, "reasons": reasons,
                                 "author": author})]

        return self._commit(plan)[-1]

    def answer_hotwash(self, question: str, text: str, *, team: str = "") -> Event:
        """What the room answered to a hot-wash question, in plenary (team "") or one team's answer."""
        text = _text(text, "answer")
        if not text.strip():
            raise EngineError(N_("an answer needs text"))

        def plan(st: SessionState, at: float) -> Plan:
            self._may(st, Command.HOTWASH)
            if question not in {q.id for q in st.hotwash}:
                raise EngineError(N_("no hot-wash question {question} in this session"), question=repr(question))
            if team and team not in st.teams:
                raise EngineError(N_("no team {team} in this session"), team=repr(team))
            data = {"answer_id": uuid.uuid4().hex[:12], "question": question, "text": text}
            return [(ev.HOTWASH, {**data, "team": team} if team else data)]

        return self._commit(plan)[-1]

    def give_feedback(self, team: str, ratings: dict[str, int], text: str = "", *, key: str | None = None) -> Event:
        """One participant's feedback form at the end: a rating (1 to 5) per exercise objective they chose
        to rate, and free text. Shown only aggregated, never by team. The same `key` again records it once."""
        if self.role.team not in (None, team):
            raise EngineError(N_("you are signed in as {signed_in}; you cannot give feedback for {team}"),
                              signed_in=self.role.team, team=team)
        text = _text(text, "feedback")
        for value in ratings.values():
            if isinstance(value, bool) or not isinstance(value, int) or value not in ev.FEEDBACK_SCALE:
                raise EngineError(N_("rate each objective from 1 to 5"))
        if not ratings and not text.strip():
            raise EngineError(N_("the feedback form is empty"))
        data = {"feedback_id": uuid.uuid4().hex[:12], "team": team, "ratings": dict(ratings), "text": text}

        def plan(st: SessionState, at: float) -> Plan:
            if team not in st.teams:
                raise EngineError(N_("no team {team} in this session"), team=repr(team))
            if not st.ended:
                raise EngineError(N_("the feedback form opens when the exercise has ended"))
            for objective in ratings:
                _check_objective(st, objective)
            return [(ev.FEEDBACK, data)]

        return self._commit(plan, key=key)[-1]

    def set_evaluator_access(self, private: bool) -> Event:
        """Whether evaluators and observers may read the teams' private moves."""
        def plan(st: SessionState, at: float) -> Plan:
            self._may(st, Command.NOTE)
            return [(ev.EVALUATOR_ACCESS, {"private": bool(private)})]

        return self._commit(plan)[-1]

    def _evaluates(self) -> None:
        """Only the facilitator and evaluators observe and rate."""
        if self.role.team not in (None, ev.EVALUATOR):
            raise EngineError(N_("only an evaluator or the facilitator may observe and rate"))

    def _author(self, author: str) -> str:
        """Who signs an observation or rating: an evaluator must give a name; the facilitator is one by default."""
        author = _text(author, "author").strip()
        if author:
            return author
        if self.role.team is not None:
            raise EngineError(N_("an evaluator signs observations and ratings with a name"))
        return self.state.facilitator or "facilitator"

    def reopen_moves(self) -> Event:
        """Let teams enter and edit moves of the current round again, after the deadline."""
        return self._commit(lambda st, at: [(ev.MOVES_REOPENED, {"round": self._may(st, Command.REOPEN).round})])[-1]

    def set_language(self, lang: Lang) -> Event:
        if lang not in ("nl", "en"):
            raise EngineError(N_("language is nl or en"))
        return self._commit(lambda st, at: [(ev.LANGUAGE, {"lang": lang})])[-1]

    def mark_objective(self, team: str, objective: str, mark: str, reasons: str = "") -> Event:
        """Mark a team objective of the deck met, partly met or not met, with a line of reasons (again: replaces)."""
        if mark not in ev.MARKS:
            raise EngineError(N_("mark an objective met, partly or not_met"))
        reasons = _text(reasons, "reasons")

        def plan(st: SessionState, at: float) -> Plan:
            brief = st.deck.brief_for(team) if st.deck is not None else None
            if brief is None or objective not in {o.id for o in brief.objectives}:
                raise EngineError(N_("team {team} has no objective {objective} in this deck"),
                                      team=repr(team), objective=repr(objective))
            return [(ev.OBJECTIVE, {"team": team, "objective": objective, "mark": mark, "reasons": reasons})]

        return self._commit(plan)[-1]

    def end(self) -> Event:
        def plan(st: SessionState, at: float) -> Plan:
            self._may(st, Command.END)
            return [(ev.ENDED, {})]

        return self._commit(plan)[-1]

    # --- team codes ---------------------------------------------------------------------------

    def new_code(self, team: str) -> str:
        """Issue a new join code for `team` or a seat (the old one stops working); returns it, to show once."""
        codes, hashes = new_codes([team])

        def plan(st: SessionState, at: float) -> Plan:
            if team not in st.teams and team not in ev.SEATS:
                raise EngineError(N_("no team {team}"), team=repr(team))
            return [(ev.CODE_SET, {"team": team})]

        self._commit(plan, codes=hashes)
        return codes[team]

    def check_join(self, team: str, code: str) -> bool:
        """A team's login: True if the code matches. A wrong code is logged; after a few in a row the
        team must wait before the next try (the wait doubles with each), and a right code resets it."""
        from . import (
            codes as codelib,  # not at the top: hashlib is needed only when a code is checked
        )

        def plan(st: SessionState, at: float) -> Plan:
            if team not in st.teams and team not in ev.SEATS:
                raise EngineError(N_("no team {team} in this session; teams: {teams}"),
                                  team=repr(team), teams=", ".join(st.teams))
            wait = st.join_wait_until(team) - at
            if wait > 0:
                raise JoinWait(wait)
            stored = self.store.code_hash(team)
            if stored and codelib.check_code(code, stored):
                return [(ev.JOINED, {"team": team})] if st.failed_joins.get(team, 0) else []
            return [(ev.JOIN_FAILED, {"team": team})]

        return not any(e.kind == ev.JOIN_FAILED for e in self._commit(plan))

    # --- helpers ------------------------------------------------------------------------------

    def allowed(self) -> frozenset[Command]:
        """What this console's user can do now, on the state as last read (the console shows it)."""
        return allowed(self.state) if self.role.team is None else frozenset()

    def _may(self, st: SessionState, command: Command) -> SessionState:
        """`st` if the facilitator may carry out `command` on it; else the rule's refusal."""
        if self.role.team is not None:
            raise EngineError(N_("only the facilitator may do that"))
        _refuse(refusal(st, command))
        return st


def _going(st: SessionState) -> Command:
    """Delivering an inject before the exercise has started starts it."""
    return Command.ADVANCE if st.started else Command.START


def _refuse(why: str | None) -> None:
    if why is not None:
        raise EngineError(why)


def creation(session_id: str, deck: Deck, library: Library, *, lang: Lang | None, seed: int, title: str = "",
             facilitator: str = "", at: float) -> dict[str, Any]:
    """The data of a session's first event: its settings and a copy of the content it plays."""
    content = {
        "deck": dump(deck),
        "teams": [dump(library.teams[t]) for t in deck.teams],
        "scenarios": [dump(s) for s in library.scenarios.values()],
        "injects": [dump(i) for i in library.injects.values()],
        "hotwash": [dump(library.hotwash[q]) for q in deck.hotwash],
    }
    return {"session_id": session_id, "title": _text(title or deck.title.get(lang or deck.language), "title"),
            "facilitator": _text(facilitator, "facilitator"), "lang": lang or deck.language, "seed": seed,
            "content": content, "created": datetime.fromtimestamp(at, UTC).isoformat(timespec="seconds")}


# --- plans of sequencing --------------------------------------------------------------------------

def advance_plan(st: SessionState) -> Plan:
    """The events that deliver the next inject (a queued one, the next slot, or the next round's
    first); [] at the end. The engine's one walk through a deck in play: `advance` writes it, and a
    rehearsal folds it without a file."""
    if st.queue or st.slots_left() or not st.started:
        return _next_inject(st)
    if st.has_next_round():
        return _next_round(st)
    return []


def _next_inject(st: SessionState) -> Plan:
    if not st.started:
        return _next_round(st)
    if st.queue:
        inject_id, how = st.queue[0]
        return [(ev.INJECT_DELIVERED, {"inject": inject_id, "how": how})]
    delivery = _slot_delivery(st, st.round, st.slot)
    if delivery is None:
        raise EngineError(N_("no inject left in this round; start the next round"))
    return [delivery]


def _next_round(st: SessionState) -> Plan:
    if not st.has_next_round():
        raise EngineError(N_("this was the last round; end the exercise"))
    r = st.round + 1
    delivery = _slot_delivery(st, r, 0)
    return [(ev.ROUND_STARTED, {"round": r})] + ([delivery] if delivery else [])


def _slot_delivery(st: SessionState, round_no: int, first_slot: int) -> tuple[str, dict[str, Any]] | None:
    """The delivery of the first slot from `first_slot` on that still has an inject to give, or None."""
    assert st.deck is not None
    slots = st.deck.rounds[round_no].injects
    for slot_no in range(first_slot, len(slots)):
        try:
            how, picked = resolve(st, round_no, slot_no, slots[slot_no])
        except NothingToDraw:
            continue  # nothing left to draw: this slot is played out
        data: dict[str, Any] = {"inject": picked[0], "how": how, "slot": slot_no}
        if picked[1:]:
            data["queue"] = picked[1:]
        return (ev.INJECT_DELIVERED, data)
    return None


def join_seats(deck: Deck) -> tuple[str, ...]:
    """Everyone who signs in with a code of their own: the deck's teams, then the evaluator and observer seats."""
    return (*deck.teams, *ev.SEATS)


def _check_objective(st: SessionState, objective: str) -> None:
    if st.deck is None or st.deck.objective(objective) is None:
        raise EngineError(N_("this deck has no exercise objective {objective}"), objective=repr(objective))


def new_codes(teams: list[str] | tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """Fresh join codes for `teams` (to show once) and their hashes (to store)."""
    from . import codes as codelib  # here, not at the top: hashlib costs start-up time

    codes = {t: codelib.new_code() for t in teams}
    return codes, {t: codelib.hash_code(c) for t, c in codes.items()}


_TOO_LONG = {
    "action": N_("action is {length} characters; the limit is {limit}"),
    "result": N_("result is {length} characters; the limit is {limit}"),
    "reasons": N_("reasons is {length} characters; the limit is {limit}"),
    "narrative": N_("narrative is {length} characters; the limit is {limit}"),
    "note": N_("note is {length} characters; the limit is {limit}"),
    "author": N_("author is {length} characters; the limit is {limit}"),
    "owner": N_("owner is {length} characters; the limit is {limit}"),
    "due date": N_("due date is {length} characters; the limit is {limit}"),
    "title": N_("title is {length} characters; the limit is {limit}"),
    "facilitator": N_("facilitator is {length} characters; the limit is {limit}"),
    "observation": N_("observation is {length} characters; the limit is {limit}"),
    "answer": N_("answer is {length} characters; the limit is {limit}"),
    "feedback": N_("feedback is {length} characters; the limit is {limit}"),
}
"""A text too long, by the field it was typed in: one sentence each, so a translation names the field
in its own words."""


def _text(value: str, name: str) -> str:
    """Text entering the session: control characters (terminal escapes) and NULs taken out, lone
    surrogates (undecodable terminal bytes) made U+FFFD so it can be stored, and at most MAX_TEXT long."""
    if not isinstance(value, str):  # a caller's mistake, not a user's: the field as the code names it
        raise EngineError(N_("{name} must be text"), name=name)
    if len(value) > MAX_TEXT:
        too_long = _TOO_LONG.get(name)
        params = {"length": f"{len(value):,}", "limit": f"{MAX_TEXT:,}"}
        if too_long is None:
            raise EngineError(N_("{name} is {length} characters; the limit is {limit}"), name=name, **params)
        raise EngineError(too_long, **params)
    return strip_control(value).encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _due(value: str) -> str:
    """An action item's due date: empty, or a real date written YYYY-MM-DD."""
    value = _text(value, "due date").strip()
    if not value:
        return ""
    try:
        return datetime.strptime(value, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise EngineError(N_("due date {value} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31"),
                          value=repr(value)) from None
