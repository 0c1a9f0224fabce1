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
