"""A reference sheet: a handout of terms the players need (institutions, treaties, classifications)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import annotated_types as at

from .base import Id, Strict, Text


@dataclass(frozen=True, kw_only=True, slots=True)
class Entry(Strict):
    """One term on a reference sheet and what a player must know about it."""

    term: Text
    text: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class ReferenceSheet(Strict):
    """A printed sheet of terms, such as the NATO articles and EU procedures in play."""

    id: Id
    title: Text
    intro: Text | None = None
    entries: Annotated[tuple[Entry, ...], at.MinLen(1), at.MaxLen(30)]
