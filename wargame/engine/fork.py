"""A fork: a new session that plays round N again, from the log of another up to the start of that round.

The new file holds the parent's first event, with the new session's id, title and lineage, then
every event of the parent's play before round N started: the rounds played, their deliveries, moves,
rulings, notes and marks, so the world stands where it stood. Who may sign in is not play: the
parent's join codes, sign-ins and wrong codes are left out, and the fork gets codes of its own; so are
the evaluators' ratings, which judged the parent's road. The parent is only read, never written; a
fork of a fork works the same and names both in its lineage.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any

from ..store import Event, EventStore
from . import events as ev
from .errors import N_
from .session import EngineError, Now, Session, join_seats, new_codes
from .state import fold

ACCESS = frozenset({ev.CODE_SET, ev.JOIN_FAILED, ev.JOINED, ev.EVALUATOR_ACCESS})
"""Events about who may sign in, not about the play: a fork does not inherit them."""
NOT_CARRIED = ACCESS | {ev.RATING}
"""What a fork leaves out: access, and the evaluators' ratings, which judge a team's whole road (the new
road is not played yet); their observations of the rounds played before stay, like the moves."""


def fork_path(parent: Path, round_no: int) -> Path:
    """Where a fork goes unless told: beside its parent, `<parent>-round<N>.wargame`, `-2`, `-3` if taken."""
    base = f"{parent.stem}-round{round_no}"
    for n in range(1, 1000):
        candidate = parent.with_name(f"{base}{'' if n == 1 else f'-{n}'}{parent.suffix}")
        if not candidate.exists():
            return candidate
    raise EngineError(N_("{folder}: no free name for a fork of {name}"), folder=str(parent.parent), name=parent.name)


def fork(parent: Path, round_no: int, child: Path, *, title: str = "", now: Now = time.time,
         ) -> tuple[Session, dict[str, str]]:
    """Make `child`, a new session holding `parent`'s log up to the start of round `round_no` (1 is the
    first); returns it and one new join code per team. EngineError for a round the parent never
    started, an altered parent, or a child path that exists."""
    if child.exists():
        raise EngineError(N_("{path}: already exists; give the fork a new file (--session PATH)"), path=str(child))
    store = EventStore(parent)  # no role: it only reads
    try:
        events = store.events()
        altered = store.verify()
    finally:
        store.close()
    if altered is not None:
        raise EngineError(N_("{path}: its log was altered ({altered}); a fork would carry that on"),
                          path=str(parent), altered=altered)
    st = fold(events)
    rounds = len(st.deck.rounds) if st.deck is not None else 0
    if not 1 <= round_no <= rounds:
        raise EngineError(N_("round {round}: the deck has rounds 1 to {rounds}"), round=round_no, rounds=rounds)
    cut = next((i for i, e in enumerate(events) if e.kind == ev.ROUND_STARTED and e.data["round"] == round_no - 1),
               None)
    if cut is None:
        played = st.round + 1
        if played > 0:
            raise EngineError(N_("round {round} has not started in {name}; it has played up to round {played}"),
                              round=round_no, name=parent.name, played=played)
        raise EngineError(N_("round {round} has not started in {name}; it has not started"),
                          round=round_no, name=parent.name)
    created = events[0]
    data: dict[str, Any] = dict(created.data)
    data["session_id"] = child.stem
    data["title"] = title or data.get("title", "")
    data["lineage"] = [*st.lineage, {"session_id": st.session_id, "title": st.title, "round": round_no}]
    data.pop("codes", None)  # a schema-1 file's code hashes: the fork issues its own
    kept = [Event(1, uuid.uuid4().hex, ev.CREATED, created.actor, now(), data)]
    for e in events[1:cut]:
        if e.kind not in NOT_CARRIED:
            kept.append(Event(len(kept) + 1, e.key, e.kind, e.actor, e.at, dict(e.data)))
    assert st.deck is not None
    codes, hashes = new_codes(join_seats(st.deck))
    EventStore.create(child, kept, hashes).close()
    return Session.open(child, now=now), codes
