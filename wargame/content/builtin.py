"""Where the built-in content lives: inside the installed package, or the source tree."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .library import Library, load

_PACKAGE = Path(__file__).resolve().parent.parent


def builtin_dirs() -> list[Path]:
    """The built-in `injects/` and `decks/` folders."""
    shipped = _PACKAGE / "_content"
    root = shipped if (shipped / "injects").is_dir() else _PACKAGE.parent
    return [root / "injects", root / "decks"]


@lru_cache(maxsize=1)
def builtin_library() -> Library:
    """The built-in library, loaded once per process."""
    return load(builtin_dirs())
