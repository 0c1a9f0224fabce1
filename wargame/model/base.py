"""Shared building blocks of the content model: strict base, ids, bilingual text, axis push."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
"""A content id: lowercase letters, digits and dashes, 64 characters at most."""

NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]

AXIS_LIMIT = 10
"""The axis cross runs from -AXIS_LIMIT to +AXIS_LIMIT on both axes."""

Push = Annotated[int, Field(ge=-3, le=3)]


class Strict(BaseModel):
    """Base of every content model: strict types, unknown fields rejected, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """A text in Dutch and English; both are required."""

    nl: NonEmpty
    en: NonEmpty

    def get(self, lang: Lang) -> str:
        """The text in `lang`."""
        return self.nl if lang == "nl" else self.en


class AxisPush(Strict):
    """A move of the world position: X is transatlantic erosion, Y US–Russia rapprochement."""

    erosion: Push = 0
    rapprochement: Push = 0

    @property
    def is_zero(self) -> bool:
        return self.erosion == 0 and self.rapprochement == 0
