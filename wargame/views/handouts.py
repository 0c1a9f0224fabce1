"""What the deck's handouts say (`wargame handouts`): the view model the handouts PDF renders.

Three sheets a designer lays on every table: the axis cross with a paragraph on each of the Alert's
four futures (`Scenario.synopsis`), the signposts that the world is moving into each future
(`Scenario.signposts`), and the reference sheets of the content (`ReferenceSheet`: the institutions
and treaties in play, the classifications used). Nothing in them belongs to one team: every table
may see every handout.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Library
from ..model import Deck
from .words import LANGS, t


@dataclass(frozen=True)
class Future:
    """One future of the axis cross, in the handouts' language."""

    number: int
    title: str
    subtitle: str
    quadrant: str
    """Where it lies: `weinig erosie · veel toenadering`."""
    synopsis: str
    signposts: tuple[str, ...]


@dataclass(frozen=True)
class Sheet:
    title: str
    intro: str | None
    entries: tuple[tuple[str, str], ...]
    """Each term and what a player must know about it."""


@dataclass(frozen=True)
class Handouts:
    lang: str
    deck_id: str
    deck_title: str
    futures: tuple[Future, ...]
    """The four futures by number."""
    sheets: tuple[Sheet, ...]


def deck_handouts(deck: Deck, library: Library, lang: str) -> Handouts:
    """The handouts of `deck` in `lang`. ValueError for a language other than nl and en."""
    if lang not in LANGS:
        raise ValueError(f"language is nl or en, not {lang!r}")
    futures = tuple(
        Future(number=sc.number, title=sc.title.get(lang), subtitle=sc.subtitle.get(lang),
               quadrant=" · ".join((t(f"erosion_{sc.quadrant.erosion}", lang),
                                    t(f"rapprochement_{sc.quadrant.rapprochement}", lang))),
               synopsis=(sc.synopsis or sc.summary).get(lang),
               signposts=tuple(s.get(lang) for s in sc.signposts))
        for sc in sorted(library.scenarios.values(), key=lambda sc: sc.number))
    sheets = tuple(Sheet(title=r.title.get(lang), intro=r.intro.get(lang) if r.intro else None,
                         entries=tuple((e.term.get(lang), e.text.get(lang)) for e in r.entries))
                   for r in library.reference.values())
    return Handouts(lang=lang, deck_id=deck.id, deck_title=deck.title.get(lang), futures=futures, sheets=sheets)
