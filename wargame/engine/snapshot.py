"""A session's folded state saved as text, so an open folds only the events after it.

The facilitator's console saves the state when it closes the session file; the next open restores
it and folds what came after, instead of folding the whole log again. The saved text is a cache of
the fold, never a record: the log alone is the truth. It is used only when it was made by this very
version of wargame (`FORMAT`) and when the hash it was made at is still the hash of its event, so a
log rewritten behind wargame's back is folded whole. The session's content is not in it: that is
rebuilt from the first event, as a fold does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any

from .. import __version__
from .clock import Clock
from .state import (
    DamagedLog,
    Delivery,
    Feedback,
    HotwashAnswer,
    Move,
    Note,
    ObjectiveMark,
    Observation,
    PathPoint,
    Rating,
    Ruling,
    SessionState,
    TrackPoint,
)

FORMAT = f"state-3 wargame-{__version__}"
"""What a saved state was made by: restored only by the same. Bump the number whenever the fold changes."""

CONTENT = frozenset({"deck", "teams", "injects", "scenarios", "hotwash"})
"""The state's fields rebuilt from the first event rather than saved."""


def _rows(cls: type) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """Save a dict or list of `cls` records as a list of rows (their fields in order); restore them in order."""
    row = attrgetter(*(f.name for f in fields(cls)))
    return (lambda items: [row(x) for x in (items.values() if isinstance(items, dict) else items)],
            lambda rows: [cls(*r) for r in rows])


def _keyed(cls: type, *key: str) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """As `_rows`, restored as a dict keyed by the field `key` (by a tuple of them when several)."""
    to_rows, from_rows = _rows(cls)
    key_of = attrgetter(*key)
    return to_rows, lambda rows: {key_of(x): x for x in from_rows(rows)}


def _same(value: Any) -> Any:
    return value


_PARTS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "deliveries": _rows(Delivery),
    "queue": (_same, lambda rows: [tuple(x) for x in rows]),
    "clock": (lambda c: attrgetter(*(f.name for f in fields(Clock)))(c), lambda row: Clock(*row)),
    "moves": _keyed(Move, "id"),
    "latest": (lambda d: [[*key, move] for key, move in d.items()],
               lambda rows: {(team, rnd, inject): move for team, rnd, inject, move in rows}),
    "rulings": _keyed(Ruling, "move_id"),
    "notes": _rows(Note),
    "path": _rows(PathPoint),
    "track_path": _rows(TrackPoint),
    "objective_marks": _keyed(ObjectiveMark, "team", "objective"),
    "observations": _rows(Observation),
    "ratings": _keyed(Rating, "author", "team", "objective"),
    "hotwash_answers": _rows(HotwashAnswer),
    "feedback": _rows(Feedback),
    "refused": (_same, lambda rows: [tuple(x) for x in rows]),
}
"""How each field that is not a plain JSON value is saved and restored; the rest are saved as they are."""

SAVED = tuple(f.name for f in fields(SessionState) if f.name not in CONTENT)
"""The fields a saved state holds: every field of the state but its content."""


def save(state: SessionState) -> str:
    """The state, but its content, as JSON text."""
    out = {}
    for name in SAVED:
        value = getattr(state, name)
        out[name] = _PARTS[name][0](value) if name in _PARTS else value
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def restore(state: SessionState, text: str) -> None:
    """Put a saved state into `state`, which holds the session's content (its first event folded).
    DamagedLog if the text is not a state this version saved."""
    try:
        saved = json.loads(text)
        if type(saved) is not dict or set(saved) != set(SAVED):
            raise ValueError("not the fields of a saved state")
        values = {name: _PARTS[name][1](saved[name]) if name in _PARTS else saved[name] for name in SAVED}
    except (TypeError, ValueError) as exc:
        raise DamagedLog(f"the saved state cannot be read ({exc})") from None
    for name, value in values.items():
        setattr(state, name, value)
