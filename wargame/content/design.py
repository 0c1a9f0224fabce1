"""A deck's design problems, beyond its files being valid: what `validate` and `rehearse` both report.

Errors: a round whose parts and largest possible inject clocks do not fit in its minutes; a fixed
inject placed before one it presupposes (`after`). Warnings: fixed injects whose in-world dates run
backwards (unless the deck allows it); a fixed inject that presupposes one a draw may or may not
deliver before it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from ..model import Deck
from ..model.plan import date_before, largest_clocks, plan
from .errors import Problem
from .library import Library
from .yamlread import Document, dotted, read


class Design(NamedTuple):
    """A deck's design problems: errors make `validate` fail, warnings do not."""

    errors: list[Problem]
    warnings: list[Problem]


def deck_problems(deck: Deck, library: Library) -> Design:
    """What is wrong with `deck`'s design, each problem at the line of the deck file it is about, in line order."""
    at = _Locator(deck, library)
    errors: list[Problem] = []
    warnings: list[Problem] = []
    deck_plan = plan(deck, library, strict=False)
    lang = deck.language
    for pr in deck_plan.rounds:
        rnd, clocks = pr.round, largest_clocks(deck_plan, pr.index)
        if rnd.parts + clocks > rnd.minutes:
            errors.append(at(("rounds", pr.index, "minutes"),
                             f"round {pr.index + 1} {rnd.title.get(lang)!r}: inject clocks of up to {clocks} min "
                             f"and {rnd.parts} min of other parts do not fit in its {rnd.minutes} minutes"))
    fixed = [(r, s, slot.fixed) for r, rnd in enumerate(deck.rounds) for s, slot in enumerate(rnd.injects)
             if slot.fixed and slot.fixed in library.injects]
    position = {iid: (r, s) for r, s, iid in reversed(fixed)}  # where each is first fixed
    before: set[str] = set()  # what the deck may deliver before the slot being looked at
    prev: tuple[str, str] | None = None
    slots = {(r, s): ps for r, pr in enumerate(deck_plan.rounds) for s, ps in enumerate(pr.slots)}
    for (r, s), ps in sorted(slots.items()):
        loc = ("rounds", r, "injects", s)
        if ps.how == "fixed" and ps.candidates:
            inj = ps.candidates[0].inject
            for a in inj.after:
                where = position.get(a)
                if where is not None and where >= (r, s):
                    errors.append(at(loc + ("fixed",), f"{inj.id!r} presupposes {a!r}, which this deck delivers "
                                                       f"only after it (round {where[0] + 1})"))
                elif where is None and a not in before:
                    errors.append(at(loc + ("fixed",), f"{inj.id!r} presupposes {a!r}, which this deck never "
                                                       "delivers before it"))
                elif where is None:
                    warnings.append(at(loc + ("fixed",), f"{inj.id!r} presupposes {a!r}, which this deck delivers "
                                                         "before it only if a draw picks it"))
            if prev is not None and not deck.backward_dates and date_before(inj.date, prev[1]):
                warnings.append(at(loc + ("fixed",), f"in-world dates run backwards: {inj.id!r} ({inj.date}) comes "
                                                     f"after {prev[0]!r} ({prev[1]}); set backward_dates: true "
                                                     "if the deck means it"))
            prev = (inj.id, inj.date)
        pools = [ps.candidates] if ps.how != "drift" else [p.candidates for p in deck_plan.drift]
        before |= {i.id for pool in pools for c in pool for i in (c.inject, *(b.inject for b in c.branches))}
    return Design(sorted(errors), sorted(warnings))


class _Locator:
    """Problems at the line of a field of the deck's file (re-read for its lines), or of the deck's definition."""

    def __init__(self, deck: Deck, library: Library):
        origin = library.origin.get("deck:" + deck.id, "?:1")
        self.path, _, line = origin.rpartition(":")
        self.line = int(line) if line.isdigit() else 1
        self.doc: Document | None = None
        if Path(self.path).is_file():
            self.doc = read(Path(self.path), self.path)[0]

    def __call__(self, sub: tuple[Any, ...], message: str) -> Problem:
        loc = ("deck", *sub)
        line = self.doc.line_of(loc) if self.doc is not None else self.line
        return Problem(self.path, line, dotted(sub), message)
