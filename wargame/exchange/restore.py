"""A JSON export back into a session file: checked whole before any file is made, with new join codes."""

from __future__ import annotations

from pathlib import Path

from ..engine.session import join_seats, new_codes
from ..engine.state import DamagedLog, fold
from ..store import SUFFIX, EventStore, sessions_dir
from .jsonio import ImportProblem, read_export


def import_session(file: Path, path: Path | None = None) -> tuple[Path, dict[str, str]]:
    """Make a session file of the export `file` at `path` (default: its session id in the sessions
    folder); its path and the new join codes (an export carries none). Raises ImportProblem."""
    events = read_export(file)
    where = path if path is not None else sessions_dir() / f"{events[0].data.get('session_id', 'imported')}{SUFFIX}"
    try:
        state = fold(events)
    except DamagedLog as exc:
        raise ImportProblem(f"{file}: the events do not make a valid session: {exc}") from None
    assert state.deck is not None  # a fold that did not raise holds the session's deck
    codes, hashes = new_codes(join_seats(state.deck))
    EventStore.create(where, events, hashes).close()
    return where, codes
