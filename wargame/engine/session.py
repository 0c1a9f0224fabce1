"""A running session: the facilitator's and teams' commands, each checked, logged, then folded.

Every command appends events to the store and folds them into the state; the state never
changes any other way, so what the log holds is exactly what happened.
"""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ..model import Deck, Lang, dump
from ..store.sqlite import EventStore, Role, StoreError
from . import events as ev
from .events import Event
from .outcomes import OUTCOMES
from .sequencing import NothingToDraw, resolve
from .state import DamagedContent, Move, SessionState, apply

if TYPE_CHECKING:  # the loader (YAML) is not needed to open a session; keeps start-up lean
    from ..content import Library

MAX_TEXT = 20_000
"""The longest move or note text accepted, in characters."""

Now = Callable[[], float]


class EngineError(Exception):
    """A command that the rules do not allow now; the message says why, for the user."""


class JoinWait(EngineError):
    """Too many wrong codes in a row: the team must wait `seconds` before the next try."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"too many wrong codes; try again in {max(1, round(seconds))} s")


class Session:
    """One session file opened by one process, as the facilitator or as one team."""

    def __init__(self, store: EventStore, now: Now = time.time):
        self.store = store
        self.now = now
        self.state = SessionState()
        try:
            self.refresh()
        except DamagedContent as exc:
            store.close()
            raise StoreError(f"{store.path}: {exc}") from None
        if self.state.deck is None:
            raise EngineError(f"{store.path}: the session file holds no session")

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, deck: Deck, library: Library, *, lang: Lang | None = None,
               seed: int | None = None, title: str = "", facilitator: str = "",
               now: Now = time.time) -> tuple["Session", dict[str, str]]:
        """Start a session file from a deck; returns it and one join code per team (shown once)."""
        import secrets

        from . import codes as codelib  # here and below, not at the top: hashlib costs start-up time

        seed = secrets.randbelow(1_000_000) if seed is None else seed
        codes = {t: codelib.new_code() for t in deck.teams}
        content = {
            "deck": dump(deck),
            "teams": [dump(library.teams[t]) for t in deck.teams],
            "scenarios": [dump(s) for s in library.scenarios.values()],
            "injects": [dump(i) for i in library.injects.values()],
            "hotwash": [dump(library.hotwash[q]) for q in deck.hotwash],
        }
        data = {"session_id": path.stem, "title": title or deck.title.get(lang or deck.language),
                "facilitator": facilitator, "lang": lang or deck.language, "seed": seed,
                "codes": {t: codelib.hash_code(c) for t, c in codes.items()}, "content": content,
                "created": datetime.fromtimestamp(now(), timezone.utc).isoformat(timespec="seconds")}
        store = EventStore(path, create=True)
        store.append(ev.CREATED, data, at=now())
        return cls(store, now), codes

    @classmethod
    def open(cls, path: Path, *, team: str | None = None, now: Now = time.time) -> "Session":
        return cls(EventStore(path, role=Role(team)), now)

    def close(self) -> None:
        self.store.close()

    # --- reading ------------------------------------------------------------------------------

    def refresh(self) -> list[Event]:
        """Fold in what other processes appended since we last looked; returns the new events."""
        if self.store.last_id() == self.state.last_event_id:
            return []
        new = self.store.events(self.state.last_event_id)
        for e in new:
            apply(self.state, e)
        return new

    def _append(self, kind: str, data: dict[str, Any], key: str | None = None) -> Event:
        e = self.store.append(kind, data, key=key, at=self.now())
        self.refresh()
        return e

    # --- sequencing ---------------------------------------------------------------------------

    def advance(self) -> Event | None:
        """Deliver the next inject: a queued one, the next slot, or the next round's first. None at the end."""
        self.refresh()
        st = self._facilitating()
        if st.queue or st.slots_left() or not st.started:
            return self.next_inject()
        if st.has_next_round():
            return self.next_round()
        return None

    def next_inject(self) -> Event:
        """Deliver the next inject of this round."""
        self.refresh()
        st = self._facilitating()
        if not st.started:
            return self.next_round()
        if st.queue:
            inject_id, how = st.queue[0]
            return self._deliver(inject_id, how)
        while st.slots_left():
            slot_no = st.slot
            slot = st.deck.rounds[st.round].injects[slot_no]
            try:
                how, picked = resolve(st, st.round, slot_no, slot)
            except NothingToDraw:
                st.slot += 1  # nothing left to draw: this slot is played out
                continue
            return self._deliver(picked[0], how, slot=slot_no, queue=picked[1:])
        raise EngineError("no inject left in this round; start the next round")

    def next_round(self) -> Event:
        """Start the next round and deliver its first inject."""
        self.refresh()
        st = self._facilitating()
        if not st.has_next_round():
            raise EngineError("this was the last round; end the exercise")
        self._append(ev.ROUND_STARTED, {"round": st.round + 1})
        return self.next_inject()

    def fire(self, inject_id: str) -> Event:
        """Deliver any inject now, from the contingency bench."""
        self.refresh()
        st = self._facilitating()
        if inject_id not in st.injects:
            raise EngineError(f"no inject {inject_id!r} in this session")
        if not st.started:
            self._append(ev.ROUND_STARTED, {"round": 0})
        return self._deliver(inject_id, "bench")

    def choose_option(self, option_id: str) -> Event:
        """Play the current inject out by one of its options; its follow-up comes next."""
        self.refresh()
        st = self._facilitating()
        inj = st.current_inject
        if inj is None or option_id not in {o.id for o in inj.options}:
            raise EngineError(f"the current inject has no option {option_id!r}")
        if inj.id in st.options_chosen:
            raise EngineError("an option was already chosen for this inject")
        return self._append(ev.OPTION_CHOSEN, {"inject": inj.id, "option": option_id})

    def _deliver(self, inject_id: str, how: str, slot: int | None = None, queue: list[str] | None = None) -> Event:
        data: dict[str, Any] = {"inject": inject_id, "how": how}
        if slot is not None:
            data["slot"] = slot
        if queue:
            data["queue"] = queue
        return self._append(ev.INJECT_DELIVERED, data)

    # --- clock --------------------------------------------------------------------------------

    def clock(self, action: str, seconds: float = 0) -> Event:
        """start, pause, resume, extend (by `seconds`) or skip the current inject's clock."""
        self.refresh()
        st = self._facilitating()
        if st.current is None:
            raise EngineError("no inject is being played")
        if action not in ("start", "pause", "resume", "extend", "skip"):
            raise EngineError(f"unknown clock action {action!r}")
        if action == "extend" and not 0 < seconds <= 3600:
            raise EngineError("extend by 1 second to 1 hour")
        data: dict[str, Any] = {"action": action}
        if seconds:
            data["seconds"] = seconds
        return self._append(ev.CLOCK, data)

    # --- moves, rulings, notes ----------------------------------------------------------------

    def record_move(self, team: str, action: str, result: str = "", reasons: str = "", private: bool = False,
                    *, key: str | None = None) -> Move:
        """Record (or supersede) a team's move this round; returns it once committed."""
        self.refresh()
        st = self.state
        if team not in st.teams:
            raise EngineError(f"no team {team!r} in this session")
        if self.store.role.team not in (None, team):
            raise EngineError(f"you are signed in as {self.store.role.team}; you cannot record a move for {team}")
        if not st.started:
            raise EngineError("the exercise has not started yet")
        if st.ended:
            raise EngineError("the exercise has ended")
        if self.store.role.team is not None and not st.moves_open(self.now()):
            raise EngineError("the deadline for this round has passed; ask the facilitator to reopen moves")
        action, result, reasons = (_text(x, name) for x, name in ((action, "action"), (result, "result"), (reasons, "reasons")))
        if not action.strip():
            raise EngineError("a move needs an action")
        move_id = uuid.uuid4().hex[:12]
        e = self._append(ev.MOVE, {"move_id": move_id, "team": team, "round": st.round, "action": action,
                                   "result": result, "reasons": reasons, "private": bool(private)}, key=key)
        return self.state.moves[e.data["move_id"]]

    def adjudicate(self, move_id: str, outcome: int, narrative: str = "", erosion: int = 0,
                   rapprochement: int = 0) -> Event:
        """Rule on a move: an outcome from -3 (Disaster) to +3 (Triumph) and its push on the axes."""
        self.refresh()
        st = self._facilitating()
        if move_id not in st.moves:
            raise EngineError(f"no move {move_id!r}")
        if outcome not in OUTCOMES:
            raise EngineError("outcome runs from -3 (Disaster) to +3 (Triumph)")
        for v in (erosion, rapprochement):
            if not -3 <= v <= 3:
                raise EngineError("a ruling pushes each axis by -3 to +3")
        return self._append(ev.ADJUDICATED, {"move_id": move_id, "outcome": outcome, "narrative": _text(narrative, "narrative"),
                                             "erosion": erosion, "rapprochement": rapprochement})

    def add_note(self, text: str, tag: str = "", owner: str = "", due: str = "", author: str = "facilitator") -> Event:
        """A note for the after-action report: tag '' , strength, improvement or action (with owner, due)."""
        self.refresh()
        self._facilitating(allow_ended=True)
        if tag not in ("", "strength", "improvement", "action"):
            raise EngineError("tag a note as strength, improvement or action")
        if not text.strip():
            raise EngineError("a note needs text")
        return self._append(ev.NOTE, {"note_id": uuid.uuid4().hex[:12], "author": _text(author, "author"),
                                      "text": _text(text, "note"), "tag": tag, "owner": _text(owner, "owner"),
                                      "due": _text(due, "due")})

    def reopen_moves(self) -> Event:
        """Let teams enter and edit moves of the current round again, after the deadline."""
        self.refresh()
        st = self._facilitating()
        return self._append(ev.MOVES_REOPENED, {"round": st.round})

    def set_language(self, lang: Lang) -> Event:
        self.refresh()
        if lang not in ("nl", "en"):
            raise EngineError("language is nl or en")
        return self._append(ev.LANGUAGE, {"lang": lang})

    def end(self) -> Event:
        self.refresh()
        self._facilitating()
        return self._append(ev.ENDED, {})

    # --- team codes ---------------------------------------------------------------------------

    def new_code(self, team: str) -> str:
        """Issue a new join code for `team` (the old one stops working); returns it, to show once."""
        self.refresh()
        if team not in self.state.teams:
            raise EngineError(f"no team {team!r}")
        from . import codes as codelib

        code = codelib.new_code()
        self._append(ev.CODE_SET, {"team": team, "hash": codelib.hash_code(code)})
        return code

    def check_join(self, team: str, code: str) -> bool:
        """A team's login: True if the code matches. A wrong code is logged; after a few in a row the
        team must wait before the next try (the wait doubles with each), and a right code resets it."""
        from . import codes as codelib

        self.refresh()
        st = self.state
        if team not in st.teams:
            raise EngineError(f"no team {team!r} in this session; teams: {', '.join(st.teams)}")
        wait = st.join_wait_until(team) - self.now()
        if wait > 0:
            raise JoinWait(wait)
        stored = st.code_hashes.get(team)
        if stored and codelib.check_code(code, stored):
            if st.failed_joins.get(team, 0):
                self._append(ev.JOINED, {"team": team})
            return True
        self._append(ev.JOIN_FAILED, {"team": team})
        return False

    # --- helpers ------------------------------------------------------------------------------

    def _facilitating(self, allow_ended: bool = False) -> SessionState:
        st = self.state
        if self.store.role.team is not None:
            raise EngineError("only the facilitator may do that")
        if st.ended and not allow_ended:
            raise EngineError("the exercise has ended")
        return st


def _text(value: str, name: str) -> str:
    if not isinstance(value, str):
        raise EngineError(f"{name} must be text")
    if len(value) > MAX_TEXT:
        raise EngineError(f"{name} is {len(value):,} characters; the limit is {MAX_TEXT:,}")
    # NUL bytes go; lone surrogates (undecodable terminal bytes) become U+FFFD, so the text can be stored
    return value.replace("\x00", "").encode("utf-16", "surrogatepass").decode("utf-16", "replace")
