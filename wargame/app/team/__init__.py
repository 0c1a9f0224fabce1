"""A team's own console (`wargame join`): login with the team's code, the inject, the clock, the move form.

Light on import: `make_team_app` loads Textual only when called for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .app import make_team_app

__all__ = ["make_team_app"]


def __getattr__(name: str) -> Any:
    if name == "make_team_app":
        from .app import make_team_app

        return make_team_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
