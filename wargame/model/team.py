"""A team: a player cell of an exercise."""

from __future__ import annotations

from dataclasses import dataclass

from .base import Id, Strict, Text


@dataclass(frozen=True, kw_only=True, slots=True)
class Team(Strict):
    """A player cell such as Kabinet NL or Moskou. Control (white cell) is the facilitator."""

    id: Id
    name: Text
    role: Text
