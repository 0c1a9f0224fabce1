"""The shapes of content files: an inject file, a deck file, a teams file, a hot-wash file."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from .base import Rule, Strict, model
from .deck import Deck, HotwashQuestion
from .inject import Inject
from .scenario import Scenario
from .team import Team


@model
class InjectFile(Strict):
    """Injects, optionally with the scenario they belong to (wildcards have none)."""

    scenario: Scenario | None = None
    injects: Annotated[list[Inject], Rule(min_length=1)]

    def __post_init__(self) -> None:
        if self.scenario is None:
            return
        own = self.scenario.id
        for inj in self.injects:
            if inj.scenario not in (None, own):
                raise ValueError(f"inject {inj.id} names scenario {inj.scenario}, the file holds {own}")
        object.__setattr__(self, "injects", [i if i.scenario else replace(i, scenario=own) for i in self.injects])


@model
class DeckFile(Strict):
    deck: Deck


@model
class TeamFile(Strict):
    teams: Annotated[list[Team], Rule(min_length=1)]


@model
class HotwashFile(Strict):
    hotwash: Annotated[list[HotwashQuestion], Rule(min_length=1)]


FILE_KINDS: dict[str, type[Strict]] = {
    "injects": InjectFile,
    "deck": DeckFile,
    "teams": TeamFile,
    "hotwash": HotwashFile,
}
"""A file's kind is told by the top-level key it holds."""
