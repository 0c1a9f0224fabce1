"""Files the facilitator asks for: where an export goes by default, and opening it with the desktop's viewer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def default_export(session_path: Path, suffix: str = "-debrief.pdf") -> Path:
    """Beside the session file; in the current folder when the session lives in a hidden data folder
    (the default sessions folder, ~/.local/share/… and the like), where nobody would look for it."""
    from wargame.store import sessions_dir

    name = session_path.stem + suffix
    folder = session_path.resolve().parent
    try:
        in_data = folder == sessions_dir().resolve()
    except OSError:
        in_data = False
    if in_data or any(part.startswith(".") for part in folder.parts):
        return Path.cwd().resolve() / name
    return folder / name


def export_target(typed: str, default: Path) -> Path:
    """What the facilitator typed, as a file path: ~ expanded, made absolute, a folder gets the
    default file name in it, and a name without .pdf gets it."""
    p = Path(typed.strip() or str(default)).expanduser()
    p = p if p.is_absolute() else Path.cwd() / p
    if p.is_dir():
        p = p / default.name
    if p.suffix.lower() != default.suffix.lower():
        p = p.with_name(p.name + default.suffix)
    return Path(os.path.normpath(p))


def opener() -> list[str] | None:
    """The command that opens a file in the desktop's viewer, if this machine has one."""
    if sys.platform == "win32":
        return ["startfile"] if hasattr(os, "startfile") else None
    found = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
    return [found] if found else None


def open_file(path: Path) -> str | None:
    """Open `path` in the desktop's viewer, in the background; why not, or None when it was started."""
    command = opener()
    if command is None:
        return "no program to open it was found"
    try:
        if command == ["startfile"]:
            os.startfile(str(path))  # type: ignore[attr-defined]  # noqa: S606 - Windows only
        else:
            subprocess.Popen([*command, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        return str(exc)
    return None
