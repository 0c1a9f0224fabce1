"""Which deck a DECK argument names, and the decks a facilitator can choose from on the home screen."""

from __future__ import annotations

from pathlib import Path

from ..model import Deck
from .builtin import builtin_dirs, builtin_library
from .errors import ContentError
from .library import YAML_SUFFIXES, Library, load


class DeckNotFound(ValueError):
    """A DECK that names neither a built-in deck nor a deck file."""


def resolve_deck(ref: str, base: Library | None = None) -> tuple[Deck, Library]:
    """DECK: a built-in deck id, or a deck YAML file checked against the built-in content (or `base`)
    plus the other YAML files in its folder (a facilitator's own injects, teams and hot-wash questions).
    Raises DeckNotFound, or ContentError when the folder's files are not valid."""
    lib = builtin_library() if base is None else base
    path = Path(ref)
    if path.suffix in YAML_SUFFIXES or path.exists():
        if not path.is_file():
            raise DeckNotFound(f"no such deck file: {path}")
        lib = load([path.parent], base=lib)
        mine = [d for d in lib.decks.values() if _file(lib.origin["deck:" + d.id]) == path.resolve()]
        if len(mine) != 1:
            raise DeckNotFound(f"{path}: expected exactly one deck in the file")
        return mine[0], lib
    if ref not in lib.decks:
        raise DeckNotFound(f"no built-in deck {ref!r}; built-in decks: {', '.join(lib.decks)}")
    return lib.decks[ref], lib


def _file(origin: str) -> Path:
    """The file of a ``path:line`` origin."""
    return Path(origin.rsplit(":", 1)[0]).resolve()


DeckChoice = tuple[Deck, Library, str]
"""A deck, the library it is checked against, and where it comes from ("built-in", "local: decks/")."""


def deck_choices(lib: Library, local: Path = Path("decks")) -> tuple[dict[str, DeckChoice], list[str]]:
    """The decks of `lib`, plus those of a `local` folder of the facilitator's own (checked on top of
    `lib`; a built-in deck it redefines is offered as the local one); with the local folder's problems."""
    choices: dict[str, DeckChoice] = {deck.id: (deck, lib, "built-in") for deck in lib.decks.values()}
    if not local.is_dir() or local.resolve() in {p.resolve() for p in builtin_dirs()}:
        return choices, []
    try:
        mine = load([local], base=lib)
    except ContentError as exc:
        return choices, [str(p) for p in exc.problems]
    for deck in mine.decks.values():
        if deck.id not in lib.decks or deck is not lib.decks[deck.id]:
            choices[deck.id] = (deck, mine, f"local: {local / ''}")
    return choices, []
