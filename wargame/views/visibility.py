"""Who may see what of a session: the one place that decides it for every console, wall and document.

The facilitator (console, debrief, exports without a team) sees everything. The others:

- A team's console sees the current inject only when it is addressed to that team (or to all), and
  of it only the title, in-world date, delivery, sender, briefing and questions (`TEAM_CARD`):
  never the facilitator's notes, options, axis push, scenario or source. It sees its own moves (the
  latest version of each round) with the ruling on each (or, while a new version is not ruled yet,
  the ruling on the version it replaced). It never sees another team's moves, public or private, nor
  the facilitator's notes. The world position and axis cross only when the deck shows the world.
- The wall (projector) sees the current inject, whoever it is addressed to, with its minutes and
  scenario (`WALL_CARD`) but never the facilitator's notes, options, push or source; the round; the
  world position and axis cross only when the deck shows the world. No moves (so no private ones),
  no notes, no rulings, no notifications.
- A team's handout (the debrief, its Markdown and CSV with a team) is read after the exercise, in
  the hot wash: it keeps every inject (push, chosen branch and source included) and the other teams'
  public moves, but leaves out their private moves (every version of a move whose latest version is
  private to another team, and any private earlier version), the rulings on them and any cause on
  the world's path that would name them (`anonymous_path`). The controller notes and the
  facilitator's notes only when asked for (`with_controller_notes`). The team objectives with their
  marks and reasons stay in every handout (all teams hear them at the hot wash), and so do the tracks'
  values; a cause on a track's path is anonymised like the world's (`anonymous_track_path`).
- An inject's versions (`Inject.versions`): each target team reads its own version where it has
  one, else the inject as it is (`team_inject`, the one place that decides it for the team's
  console, cards, pack and handout). A private version is seen by its team and the facilitator
  only; a private inject (`Inject.private`) by its target teams and the facilitator only: never on
  the wall (`on_wall`), never in another team's cards, pack or handout (`inject_shown`). The
  facilitator's console, cards, MSEL and debrief show the inject with every version side by side;
  a team's handout shows its own reading, then the other teams' versions that are not private
  (`versions_shown`); the inject's own text is then left out, as the other teams' reading.
- The JSON export is the complete log (every event, every private move and note) for the facilitator
  and for archiving: it has no team form (`complete_log`). Join codes are never in it: their hashes
  live beside the log, not in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..engine.state import Move, PathPoint, Ruling, SessionState, TrackPoint
from ..model import Inject, Team, Text, Version


@dataclass(frozen=True)
class InjectParts:
    """What an audience reads of an inject besides its title, date, delivery, sender, briefing and questions."""

    facts: bool
    """The minutes allowed and the scenario it belongs to."""
    controller: bool
    """The facilitator's part: notes, options, axis push and source."""


FACILITATOR_CARD = InjectParts(facts=True, controller=True)
WALL_CARD = InjectParts(facts=True, controller=False)
TEAM_CARD = InjectParts(facts=False, controller=False)


# --- an inject as a team reads it --------------------------------------------------------------

@dataclass(frozen=True)
class TeamInject:
    """An inject as one team (or, with team None, the facilitator) reads it: its version's fields
    where that version sets them, else the inject's own."""

    id: str
    team: str | None
    title: Text
    briefing: Text
    sender: Text
    delivery: str
    questions: tuple[Text, ...]
    date: str
    date_label: Text | None
    private: bool
    """Whether this reading is private (a private version, or a private inject)."""
    own: bool
    """Whether the team reads a version of its own (False: the inject as it is)."""


def team_inject(inject: Inject, team: str | None) -> TeamInject:
    """`inject` as `team` reads it: its own version where it has one, else the inject as it is."""
    v = inject.version_for(team) if team is not None else None
    return TeamInject(
        id=inject.id, team=team,
        title=v.title if v and v.title else inject.title,
        briefing=v.briefing if v and v.briefing else inject.briefing,
        sender=v.sender if v and v.sender else inject.sender,
        delivery=v.delivery if v and v.delivery else inject.delivery,
        questions=v.questions if v and v.questions else inject.questions,
        date=inject.date, date_label=inject.date_label,
        private=inject.private or bool(v and v.private), own=v is not None)


def inject_shown(inject: Inject, team: str | None) -> bool:
    """Whether `inject` may appear in `team`'s cards, pack or handout (all of them for the facilitator):
    a private inject only for its target teams."""
    return team is None or not inject.private or inject.reaches(team)


def on_wall(inject: Inject) -> bool:
    """Whether the wall may show `inject`: never a private one."""
    return not inject.private


def versions_shown(inject: Inject, team: str | None) -> tuple[Version, ...]:
    """The versions of `inject` a document may show: every one for the facilitator (None); for a team,
    its own and the other teams' versions that are not private (none of an inject it may not see)."""
    if team is None:
        return inject.versions
    if not inject_shown(inject, team):
        return ()
    return tuple(v for v in inject.versions if v.team == team or not v.private)


# --- a team's console and the wall ---------------------------------------------------------------

def visible_inject(st: SessionState, team: str) -> Inject | None:
    """The current inject if it is addressed to `team` (or to all), else None; the team reads it
    through `team_inject`."""
    inj = st.current_inject
    return inj if inj is not None and inj.reaches(team) else None


def shows_world(st: SessionState) -> bool:
    """Whether a team's console and the wall show the world position and the axis cross."""
    return bool(st.deck is not None and st.deck.show_world)


def own_moves(st: SessionState, team: str) -> list[Move]:
    """The team's current move of each round and inject (superseded versions left out), newest first."""
    mine = [st.moves[mid] for (t, _r, _i), mid in st.latest.items() if t == team]
    return sorted(mine, key=lambda m: (m.round, m.event_id), reverse=True)


def own_ruling(st: SessionState, move: Move) -> Ruling | None:
    """The ruling on this move, or on an earlier version of it if the latest is not ruled yet."""
    return st.rulings.get(move.id) or st.earlier_ruling(move.id)


def this_round_move(st: SessionState, team: str) -> Move | None:
    """The team's current answer to the inject being played, or None."""
    return st.current_moves().get(team)


# --- handouts and exports ------------------------------------------------------------------------

def check_team(state: SessionState, team: str | None) -> Team | None:
    """The team of a handout; ValueError naming the session's teams when it is not one of them."""
    if team is None:
        return None
    if team not in state.teams:
        known = ", ".join(state.teams) or "none"
        raise ValueError(f"no team {team!r} in this session; its teams are: {known}")
    return state.teams[team]


def complete_log(team: str | None) -> None:
    """ValueError for a team's JSON export: the JSON export is the complete log, with no team form."""
    if team is not None:
        raise ValueError("the JSON export is the complete session, with no team form")


def visible(move: Move, team: str | None) -> bool:
    """Whether a move version may appear in `team`'s handout (every move in the facilitator's report)."""
    return team is None or not move.private or move.team == team


def visible_moves(state: SessionState, team: str | None) -> list[Move]:
    """Every move version this handout may show, in the order recorded. A chain whose latest version is
    private to another team is hidden as a whole, and so is a move answering an inject the handout
    leaves out (another team's private inject): what it answers would tell what that inject said."""
    hidden_chains: set[str] = set()
    if team is not None:
        for m in state.moves.values():
            if m.superseded_by is None and not visible(m, team):
                hidden_chains.update(v.id for v in state.move_history(m.id))

    def answers_hidden(m: Move) -> bool:
        inj = state.injects.get(m.inject) if m.inject else None
        return inj is not None and m.team != team and not inject_shown(inj, team)

    return sorted((m for m in state.moves.values()
                   if m.id not in hidden_chains and visible(m, team) and not answers_hidden(m)),
                  key=lambda m: m.event_id)


def evaluator_moves(state: SessionState) -> list[Move]:
    """Every move version an evaluator or observer may read, in the order recorded: all of them once the
    facilitator lets them read the private ones, else none that is private (a chain whose latest version
    is private hidden whole, as in another team's handout). They read every inject delivered."""
    moves: Iterable[Move] = state.moves.values()
    if not state.evaluators_see_private:
        hidden: set[str] = set()
        for m in moves:
            if m.superseded_by is None and m.private:
                hidden.update(v.id for v in state.move_history(m.id))
        moves = [m for m in moves if m.id not in hidden and not m.private]
    return sorted(moves, key=lambda m: m.event_id)


def evaluation_shown(team: str | None, about: str) -> bool:
    """Whether an observation or rating about team `about` ("" the exercise as a whole) is in `team`'s
    handout: the facilitator's debrief holds every one, a team's handout those about that team alone."""
    return team is None or about == team


def replaced_ruling(state: SessionState, move_id: str, shown: set[str]) -> Ruling | None:
    """For a version not ruled yet: the ruling of the newest earlier version it replaced, when the
    handout shows that version (`shown`: the ids of the versions it shows)."""
    r = state.earlier_ruling(move_id)
    return r if r is not None and r.move_id in shown else None


def anonymous_path(state: SessionState, shown_rulings: set[str]) -> list[PathPoint]:
    """The world's path, with the cause of each point moved by a ruling this handout does not show
    reduced to a bare "ruling" (so it names neither the move nor, through it, the team)."""
    return [replace(p, cause="ruling")
            if p.cause.startswith("ruling:") and p.cause.removeprefix("ruling:") not in shown_rulings else p
            for p in state.path]


def anonymous_track_path(state: SessionState, shown_rulings: set[str], team: str | None) -> list[TrackPoint]:
    """The tracks' path, each cause reduced to a bare "ruling" like `anonymous_path`, and to a bare
    "inject" where it names an inject (or its branch) `team`'s handout does not show."""
    out = []
    for p in state.track_path:
        kind, _, rest = p.cause.partition(":")
        inj = state.injects.get(rest.partition("/")[0]) if kind in ("inject", "option") else None
        if kind == "ruling" and rest not in shown_rulings:
            p = replace(p, cause="ruling")
        elif inj is not None and not inject_shown(inj, team):
            p = replace(p, cause="inject")
        out.append(p)
    return out


def notes_shown(team: str | None, with_controller_notes: bool) -> bool:
    """Whether the controller notes and the facilitator's notes are in a document: always in the
    facilitator's, in a team's handout only when asked for."""
    return team is None or with_controller_notes
