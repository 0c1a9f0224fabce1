"""What the facilitator may do now: the one rule that the engine's commands enforce and the console shows.

`refusal(st, command)` says why a command cannot be carried out on this state (None: it can);
`allowed(st)` is every command that can. Each command of `Session` checks its rule here inside
its write, on the newest state, so the console's keys and the engine never disagree.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import N_
from .state import SessionState


class Command(StrEnum):
    """The facilitator's commands that depend on where the exercise stands."""

    START = "start"
    ADVANCE = "advance"
    NEXT_ROUND = "next_round"
    CLOCK_START = "clock start"
    CLOCK_PAUSE = "clock pause"
    CLOCK_RESUME = "clock resume"
    CLOCK_SKIP = "clock skip"
    EXTEND = "clock extend"
    OPTIONS = "options"
    MOVE = "move"
    ADJUDICATE = "adjudicate"
    REOPEN = "reopen"
    END = "end"
    BENCH = "bench"
    NOTE = "note"
    DEBRIEF = "debrief"
    HOTWASH = "hotwash"


_CLOCK_MODES = {
    Command.CLOCK_START: ("idle",),
    Command.CLOCK_PAUSE: ("running",),
    Command.CLOCK_RESUME: ("paused",),
    Command.CLOCK_SKIP: ("idle", "running", "paused"),
    Command.EXTEND: ("idle", "running", "paused"),
}

_CLOCK_WORDS = {
    Command.CLOCK_START: N_("the clock has already been started"),
    Command.CLOCK_PAUSE: N_("the clock is not running"),
    Command.CLOCK_RESUME: N_("the clock is not paused"),
    Command.CLOCK_SKIP: N_("the inject's time box is already closed"),
    Command.EXTEND: N_("the inject's time box is already closed"),
}


def refusal(st: SessionState, command: Command) -> str | None:
    """Why `command` cannot be carried out now, in the words the facilitator sees (English, a message id
    of the catalogue: `EngineError(why)`, translated where shown); None if it can."""
    if command is Command.NOTE:
        return None
    if command is Command.DEBRIEF:
        return None if st.ended else N_("the debrief opens when the exercise has ended")
    if command is Command.HOTWASH:
        if not st.hotwash:
            return N_("this deck has no hot-wash questions")
        last_round = st.started and not st.has_next_round()
        return None if st.ended or last_round else N_("the hot wash follows the last round")
    if st.ended:
        return N_("the exercise has ended")
    if command is Command.BENCH:
        return None
    if command is Command.START:
        return N_("the exercise has already started") if st.started else None
    if not st.started:
        return N_("the exercise has not started yet")
    if command is Command.NEXT_ROUND and not st.has_next_round():
        return N_("this was the last round; end the exercise")
    if command in _CLOCK_MODES:
        if st.current is None:
            return N_("no inject is being played")
        if st.clock.mode not in _CLOCK_MODES[command]:
            return _CLOCK_WORDS[command]
    if command is Command.OPTIONS:
        inj = st.current_inject
        if inj is None or not inj.options:
            return N_("the current inject has no options")
        if inj.id in st.options_chosen:
            return N_("an option was already chosen for this inject")
    return None


def allowed(st: SessionState) -> frozenset[Command]:
    """Every command the facilitator can carry out on this state."""
    return frozenset(c for c in Command if refusal(st, c) is None)
