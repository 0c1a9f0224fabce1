"""The shapes of content files: an inject file, a deck file, a teams file, a hot-wash file."""

from __future__ import annotations

from pydantic import Field, model_validator

from .deck import Deck, HotwashQuestion
from .inject import Inject
from .scenario import Scenario
from .base import Strict
from .team import Team


class InjectFile(Strict):
    """Injects, optionally with the scenario they belong to (wildcards have none)."""

    scenario: Scenario | None = None
    injects: list[Inject] = Field(min_length=1)

    @model_validator(mode="after")
    def _inherit_scenario(self) -> "InjectFile":
        if self.scenario is None:
            return self
        fixed = []
        for inj in self.injects:
            if inj.scenario not in (None, self.scenario.id):
                raise ValueError(f"inject {inj.id} names scenario {inj.scenario}, the file holds {self.scenario.id}")
            fixed.append(inj if inj.scenario else inj.model_copy(update={"scenario": self.scenario.id}))
        object.__setattr__(self, "injects", fixed)
        return self


class DeckFile(Strict):
    deck: Deck


class TeamFile(Strict):
    teams: list[Team] = Field(min_length=1)


class HotwashFile(Strict):
    hotwash: list[HotwashQuestion] = Field(min_length=1)


FILE_KINDS: dict[str, type[Strict]] = {
    "injects": InjectFile,
    "deck": DeckFile,
    "teams": TeamFile,
    "hotwash": HotwashFile,
}
"""A file's kind is told by the top-level key it holds."""
