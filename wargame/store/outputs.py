"""Where a session's debrief goes when nobody says (one rule for the console and `wargame export`), and
how every document is written: whole, or not at all."""

from __future__ import annotations

import os
from pathlib import Path

from .paths import sessions_dir

DEBRIEF_SUFFIX = "-debrief.pdf"


def default_export(session_path: Path, suffix: str = DEBRIEF_SUFFIX) -> Path:
    """NAME-debrief.pdf beside the session file NAME.wargame; in the current folder when the session
    lives in a hidden data folder (the default sessions folder, ~/.local/share/… and the like),
    where nobody would look for it."""
    name = session_path.stem + suffix
    folder = session_path.resolve().parent
    try:
        in_data = folder == sessions_dir().resolve()
    except OSError:
        in_data = False
    if in_data or any(part.startswith(".") for part in folder.parts):
        return Path.cwd().resolve() / name
    return folder / name


def write_whole(data: bytes, out: Path) -> None:
    """Write `data` to `out` whole, or not at all: into `out.part` first, then renamed over `out`."""
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, out)
