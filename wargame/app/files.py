"""Files the facilitator asks for: where a typed export path points, and opening a file with the
desktop's viewer. (Where an export goes by default is `wargame.store.outputs.default_export`, shared
with `wargame export`.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from wargame.views.i18n import gettext as _

__all__ = ["export_target", "open_file", "opener"]


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


def open_file(path: Path, lang: str = "en") -> str | None:
    """Open `path` in the desktop's viewer, in the background; why not (in `lang`), or None when it was started."""
    command = opener()
    if command is None:
        return _("no program to open it was found", lang)
    try:
        if command == ["startfile"]:
            os.startfile(str(path))  # type: ignore[attr-defined]  # it exists on Windows only
        else:
            subprocess.Popen([*command, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        return str(exc)
    return None
