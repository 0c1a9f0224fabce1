"""Where sessions live: the user data folder by default, any path when given."""

from __future__ import annotations

import os
from pathlib import Path

SUFFIX = ".wargame"


def sessions_dir() -> Path:
    """The folder for sessions (WARGAME_HOME overrides the platform's user data folder)."""
    home = os.environ.get("WARGAME_HOME")
    if home:
        return Path(home) / "sessions"
    from platformdirs import user_data_path

    return user_data_path("wargame", appauthor=False) / "sessions"


def new_session_path(deck_id: str, when: float) -> Path:
    """A free path for a new session of `deck_id` in the sessions folder: DECK-YYYYMMDD-HHMMSS, then -2, -3…"""
    from datetime import datetime

    stamp = datetime.fromtimestamp(when).strftime("%Y%m%d-%H%M%S")
    folder = sessions_dir()
    path, n = folder / f"{deck_id}-{stamp}{SUFFIX}", 2
    while path.exists():
        path, n = folder / f"{deck_id}-{stamp}-{n}{SUFFIX}", n + 1
    return path


def resolve(session: str) -> Path:
    """A SESSION argument: a file path, or a session id in the sessions folder."""
    p = Path(session)
    if p.exists() or p.suffix == SUFFIX or os.sep in session:
        return p
    return sessions_dir() / f"{session}{SUFFIX}"


def recent(limit: int = 20) -> list[Path]:
    """Session files in the sessions folder, newest first."""
    d = sessions_dir()
    if not d.is_dir():
        return []
    files = sorted(d.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    return files[:limit]
