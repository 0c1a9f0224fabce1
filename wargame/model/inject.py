"""An inject: one scenario event delivered to teams."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Iterable, Literal

from .base import AxisPush, Flag, Id, NonEmpty, Rule, Strict, Text, model

Delivery = Literal["news_flash", "intel_brief", "cable", "call", "press_conference", "social_post"]
DELIVERIES: tuple[str, ...] = Delivery.__args__  # type: ignore[attr-defined]

DELIVERY_NAMES: dict[str, tuple[str, str]] = {
    "news_flash": ("Nieuwsflits", "News flash"),
    "intel_brief": ("Inlichtingenbericht", "Intelligence brief"),
    "cable": ("Ambtsbericht", "Diplomatic cable"),
    "call": ("Telefoongesprek", "Phone call"),
    "press_conference": ("Persconferentie", "Press conference"),
    "social_post": ("Bericht op sociale media", "Social media post"),
}
"""Each delivery's name in Dutch and English: the console, the reports and MSEL sheets all use these."""


def delivery_name(kind: str, lang: str) -> str:
    """The name of delivery `kind` in `lang` (nl or en); an unknown kind as it is."""
    nl, en = DELIVERY_NAMES.get(kind, (kind, kind))
    return nl if lang == "nl" else en

DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
InWorldDate = Annotated[str, Rule(pattern=DATE_PATTERN)]
"""An in-world date: YYYY, YYYY-MM or YYYY-MM-DD (quoted in YAML)."""


@model
class Source(Strict):
    """Where in the seed an inject comes from."""

    section: NonEmpty
    quote: NonEmpty
    extrapolated: Flag = False


@model
class Option(Strict):
    """A branch: a way the inject can play out, chosen by the facilitator, with its follow-up."""

    id: Id
    label: Text
    follow_up: Id | None = None
    push: AxisPush = AxisPush()


@model
class Inject(Strict):
    """A scenario event: briefing, in-world date, delivery, sender, targets and its axis push."""

    id: Id
    scenario: Id | None = None
    title: Text
    briefing: Text
    date: InWorldDate
    date_label: Text | None = None
    delivery: Delivery
    sender: Text
    targets: Annotated[list[Id], Rule(min_length=1)]
    minutes: Annotated[int, Rule(ge=1, le=240)]
    facilitator_notes: Text
    questions: Annotated[list[Text], Rule(min_length=1, max_length=6)]
    push: AxisPush = AxisPush()
    options: Annotated[list[Option], Rule(max_length=6)] = field(default_factory=list)
    source: Source

    def reaches(self, team_id: str) -> bool:
        """Whether this inject is addressed to `team_id`."""
        return "all" in self.targets or team_id in self.targets


def scenario_injects(injects: Iterable[Inject], scenario_id: str) -> list[Inject]:
    """A scenario's injects in in-world order (date, then id)."""
    return sorted((i for i in injects if i.scenario == scenario_id), key=lambda i: (i.date, i.id))
