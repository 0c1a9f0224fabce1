"""What a team pack says (`wargame brief`): the view model the pack PDF renders.

A pack holds, in this order: the deck's starting situation (`Deck.situation`), the team's brief (role,
objectives, red lines, levers and resources, what it knows at the start, and the private injects of
`Brief.injects` that the deck does not deliver in play, each as the team reads it), the rules of play
and how to enter a move, then what the exercise evaluates (the deck's exercise objectives, each with
what a strong performance looks like: the same in every pack). A team without a brief gets the situation
and the rules, and a line saying it has no brief. A white cell's pack (the control staff who play
Beijing, say) lists the deck's injects it plays instead of how to enter a move. Nothing of another
team's brief, and no inject the team may not see (`visibility.inject_shown`), is in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Library
from ..model import Deck, delivery_name
from ..model.plan import plan
from .visibility import TeamInject, inject_shown, team_inject
from .words import LANGS, t


@dataclass(frozen=True)
class PackInject:
    """An inject of the team's brief, as the team reads it, in the pack's language."""

    title: str
    meta: str
    """Delivery, sender and in-world date, on one line."""
    briefing: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class PackObjective:
    """An exercise objective of the deck, as every team's pack states it: what the evaluators rate."""

    title: str
    strong: str
    """What a strong performance looks like."""


@dataclass(frozen=True)
class PackBrief:
    role: str
    players: int | None
    objectives: tuple[str, ...]
    red_lines: tuple[str, ...]
    levers: tuple[str, ...]
    knows: str | None
    injects: tuple[PackInject, ...]


@dataclass(frozen=True)
class Pack:
    """One team's pack, every text in `lang`."""

    lang: str
    deck_id: str
    deck_title: str
    team_id: str
    team_name: str
    situation: str | None
    brief: PackBrief | None
    """None: the deck gives the team no brief."""
    join_command: str
    """The command a team types to open its console; empty for a white cell."""
    white_cell: bool = False
    plays: tuple[str, ...] = ()
    """A white cell's: the titles of the deck's injects it plays, in plan order."""
    objectives: tuple[PackObjective, ...] = ()
    """The deck's exercise objectives the team is rated on (a white cell's pack: all of them; a red team,
    playing against them, is judged on its brief's objectives alone)."""


def team_pack(deck: Deck, library: Library, team: str, lang: str) -> Pack:
    """`team`'s pack of `deck` in `lang`. ValueError for a team not in the deck or a language not nl/en."""
    if lang not in LANGS:
        raise ValueError(f"language is nl or en, not {lang!r}")
    if team not in deck.teams and team not in deck.white_cells:
        raise ValueError(f"no team {team!r} in deck {deck.id}; its teams are: {', '.join(deck_cast(deck))}")
    tm = library.teams.get(team)
    white = team in deck.white_cells
    b = deck.brief_for(team)
    # a brief's own inject that comes in play reaches its team when its round delivers it, not in the
    # pack, where it would tell the team what is still to come
    in_play = plan(deck, library).injects()
    brief = None
    if b is not None:
        injects = tuple(library.injects[iid] for iid in b.injects if iid in library.injects and iid not in in_play)
        brief = PackBrief(
            role=b.role.get(lang), players=b.players, objectives=tuple(o.text.get(lang) for o in b.objectives),
            red_lines=tuple(x.get(lang) for x in b.red_lines), levers=tuple(x.get(lang) for x in b.levers),
            knows=b.knows.get(lang) if b.knows else None,
            injects=tuple(_pack_inject(team_inject(i, team), lang) for i in injects
                          if i.reaches(team) and inject_shown(i, team)))
    return Pack(lang=lang, deck_id=deck.id, deck_title=deck.title.get(lang), team_id=team,
                team_name=tm.name.get(lang) if tm else team,
                situation=deck.situation.get(lang) if deck.situation else None, brief=brief,
                join_command="" if white else f"wargame join SESSION --team {team}", white_cell=white,
                plays=tuple(i.title.get(lang) for i in in_play.values() if i.cell == team) if white else (),
                objectives=tuple(PackObjective(o.title.get(lang), o.strong.get(lang)) for o in deck.objectives
                                 if white or o.rates(team)))


def deck_cast(deck: Deck) -> tuple[str, ...]:
    """The deck's teams, then its white cells: everyone a pack is printed for."""
    return (*deck.teams, *deck.white_cells)


def deck_packs(deck: Deck, library: Library, lang: str, team: str | None = None) -> list[Pack]:
    """The pack of `team`, or (None) one pack per team and white cell of the deck, in the deck's order."""
    return [team_pack(deck, library, tid, lang) for tid in ((team,) if team is not None else deck_cast(deck))]


def _pack_inject(seen: TeamInject, lang: str) -> PackInject:
    date = seen.date_label.get(lang) if seen.date_label else seen.date
    meta = " · ".join([delivery_name(seen.delivery, lang), f"{t('sender', lang)}: {seen.sender.get(lang)}", date])
    return PackInject(title=seen.title.get(lang), meta=meta, briefing=seen.briefing.get(lang),
                      questions=tuple(q.get(lang) for q in seen.questions))
