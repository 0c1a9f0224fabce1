"""A new session of a deck: the file named after the deck and the time when no path is given."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Deck, Lang
from ..store import new_session_path
from .session import Now, Session

if TYPE_CHECKING:  # the loader (YAML) is not needed to open a session
    from ..content import Library


def create_session(deck: Deck, library: Library, path: Path | None = None, *, lang: Lang | None = None,
                   seed: int | None = None, now: Now | None = None) -> tuple[Session, dict[str, str]]:
    """Create the session file for `deck` at `path` (default: DECK-YYYYMMDD-HHMMSS in the sessions
    folder); the open session and one join code per team (shown once). `now`: the clock, by default
    `time.time` as it is when called."""
    clock = time.time if now is None else now
    where = path if path is not None else new_session_path(deck.id, clock())
    return Session.create(where, deck, library, lang=lang, seed=seed, now=clock)
