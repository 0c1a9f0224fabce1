"""A team: a player cell of an exercise."""

from __future__ import annotations

from dataclasses import dataclass

from .base import Id, Strict, Text


@dataclass(frozen=True, kw_only=True, slots=True)
class Team(Strict):
    """A player cell such as Kabinet NL or Moskou, or a white cell such as Beijing that the control
    staff play: injects can come from a white cell, but it does not sign in or enter moves."""

    id: Id
    name: Text
    role: Text
    white_cell: bool = False
