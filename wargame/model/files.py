"""The shapes of content files: an inject file, a deck file, a teams file, a hot-wash file, reference sheets."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated

import annotated_types as at

from .base import Strict
from .deck import Deck, HotwashQuestion
from .inject import Inject
from .reference import ReferenceSheet
from .scenario import Scenario
from .team import Team


@dataclass(frozen=True, kw_only=True, slots=True)
class InjectFile(Strict):
    """Injects, optionally with the scenario they belong to (wildcards have none)."""

    scenario: Scenario | None = None
    injects: Annotated[tuple[Inject, ...], at.MinLen(1)]

    def __post_init__(self) -> None:
        if self.scenario is None:
            return
        own = self.scenario.id
        for inj in self.injects:
            if inj.scenario not in (None, own):
                raise ValueError(f"inject {inj.id} names scenario {inj.scenario}, the file holds {own}")
        object.__setattr__(self, "injects", tuple(i if i.scenario else replace(i, scenario=own) for i in self.injects))


@dataclass(frozen=True, kw_only=True, slots=True)
class DeckFile(Strict):
    deck: Deck


@dataclass(frozen=True, kw_only=True, slots=True)
class TeamFile(Strict):
    teams: Annotated[tuple[Team, ...], at.MinLen(1)]


@dataclass(frozen=True, kw_only=True, slots=True)
class HotwashFile(Strict):
    hotwash: Annotated[tuple[HotwashQuestion, ...], at.MinLen(1)]


@dataclass(frozen=True, kw_only=True, slots=True)
class ReferenceFile(Strict):
    reference: Annotated[tuple[ReferenceSheet, ...], at.MinLen(1)]


FILE_KINDS: dict[str, type[Strict]] = {
    "injects": InjectFile,
    "deck": DeckFile,
    "teams": TeamFile,
    "hotwash": HotwashFile,
    "reference": ReferenceFile,
}
"""A file's kind is told by the top-level key it holds."""
