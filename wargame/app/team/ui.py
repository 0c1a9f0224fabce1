"""The team console's own state and wording: its role before login, the phase of the exercise in
words, and the move form's draft with its submit keys. Pure functions, no Textual.

What a team may see of the session is decided in `wargame.views.visibility`.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Hashable
from dataclasses import dataclass

from wargame.engine.state import Move, SessionState
from wargame.views.i18n import N_

LOBBY = "-lobby"
"""The role of the console before login: not a team id (ids start with a letter or digit), so the
store lets this handle write nothing at all; it only reads the team list."""


def phase(st: SessionState, now: float) -> str:
    """One of: not-started, ended, no-inject, open, reopened, closed."""
    if st.ended:
        return "ended"
    if not st.started:
        return "not-started"
    if st.current is None:
        return "no-inject"
    if st.moves_open(now):
        return "reopened" if st.reopened else "open"
    return "closed"


PHASE_TEXT = {
    "not-started": N_("The exercise has not started yet. Read your role; the first inject appears here."),
    "ended": N_("The exercise has ended. Thank you for playing."),
    "no-inject": N_("Waiting for the facilitator's next inject."),
    "open": N_("Moves are open: enter or edit your move until the deadline."),
    "reopened": N_("The facilitator reopened moves: you can enter or edit your move again."),
    "closed": N_("The deadline has passed: moves are closed. Ask the facilitator to reopen them."),
}
"""The phase in words, English: shown through the catalogues (`gettext(PHASE_TEXT[ph], lang)`)."""

OTHER_LANG = {"nl": "en", "en": "nl"}
"""The language a team console's own switch goes to from each."""


def speaking(st: SessionState, lang: str) -> SessionState:
    """`st` as a console in `lang` shows it: the same state, its content (and the shared widgets'
    words, which follow `st.lang`) in `lang`. A shallow copy when `lang` is not the session's, made
    for one showing: the live state goes on changing under it."""
    if st.lang == lang:
        return st
    shown = copy.copy(st)
    shown.lang = lang
    return shown


@dataclass(frozen=True)
class Draft:
    """What the move form holds."""

    action: str
    result: str
    reasons: str
    private: bool

    @property
    def empty(self) -> bool:
        return not (self.action.strip() or self.result.strip() or self.reasons.strip())

    @classmethod
    def of(cls, move: Move | None) -> Draft:
        if move is None:
            return cls("", "", "", False)
        return cls(move.action, move.result, move.reasons, move.private)


class Attempts:
    """Idempotency keys for what a console sends: moves, feedback forms, observations.

    One key per attempt; sending the same thing again (after an error, when it is unknown whether the
    first try was committed) reuses the key, so the store records it once. Something changed, or the
    same thing again after a success, gets a new key.
    """

    def __init__(self, prefix: str = "move") -> None:
        self.prefix = prefix
        self._pending: tuple[Hashable, str] | None = None

    def key_for(self, *what: Hashable) -> str:
        """The key for sending `what` (a move: its round, draft and inject)."""
        if self._pending is not None and self._pending[0] == what:
            return self._pending[1]
        key = f"{self.prefix}-{uuid.uuid4().hex}"
        self._pending = (what, key)
        return key

    def committed(self) -> None:
        self._pending = None
