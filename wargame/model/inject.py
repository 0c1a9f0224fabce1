"""An inject: one scenario event delivered to teams."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Literal, get_args

import annotated_types as at

from .base import NO_PUSH, AxisPush, Id, NonEmpty, Pattern, Strict, Text, TrackPushes

Delivery = Literal["news_flash", "intel_brief", "cable", "call", "press_conference", "social_post"]
DELIVERIES: tuple[str, ...] = get_args(Delivery)

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
InWorldDate = Annotated[str, Pattern(DATE_PATTERN)]
"""An in-world date: YYYY, YYYY-MM or YYYY-MM-DD (quoted in YAML)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Source(Strict):
    """Where in the Alert an inject comes from."""

    section: NonEmpty
    quote: NonEmpty
    extrapolated: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class Option(Strict):
    """A branch: a way the inject can play out, chosen by the facilitator, with its follow-up."""

    id: Id
    label: Text
    follow_up: Id | None = None
    push: AxisPush = NO_PUSH
    tracks: TrackPushes = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Version(Strict):
    """An inject as one of its target teams receives it in-world (Moskou an SVR assessment where the
    Dutch get the AIVD's): what it leaves out is the inject's own. A private version is seen by its
    team and the facilitator only, never by another team, the wall or another team's handout."""

    team: Id
    title: Text | None = None
    briefing: Text | None = None
    sender: Text | None = None
    delivery: Delivery | None = None
    questions: Annotated[tuple[Text, ...], at.MaxLen(6)] = ()
    private: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
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
    cell: Id | None = None
    """The white cell whose play this is (its sender is played by the control staff), if any."""
    targets: Annotated[tuple[Id, ...], at.MinLen(1)]
    minutes: Annotated[int, at.Ge(1), at.Le(240)]
    facilitator_notes: Text
    questions: Annotated[tuple[Text, ...], at.MinLen(1), at.MaxLen(6)]
    push: AxisPush = NO_PUSH
    tracks: TrackPushes = ()
    options: Annotated[tuple[Option, ...], at.MaxLen(6)] = ()
    source: Source
    after: tuple[Id, ...] = ()
    """The injects this one presupposes: a draw never delivers it before they were delivered."""
    versions: tuple[Version, ...] = ()
    """Its own version for some of its target teams; the others receive the inject as it is."""
    private: bool = False
    """Seen by its target teams and the facilitator only: never on the wall, never in another team's handout."""

    def reaches(self, team_id: str) -> bool:
        """Whether this inject is addressed to `team_id`."""
        return "all" in self.targets or team_id in self.targets

    def version_for(self, team_id: str) -> Version | None:
        """`team_id`'s own version of this inject, if it has one."""
        return next((v for v in self.versions if v.team == team_id), None)


def scenario_injects(injects: Iterable[Inject], scenario_id: str) -> list[Inject]:
    """A scenario's injects in in-world order; same-day injects in the order they were written."""
    return sorted((i for i in injects if i.scenario == scenario_id), key=lambda i: i.date)
