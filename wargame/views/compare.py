"""Two roads side by side (`wargame export A --compare B`): the view model the comparison renders.

Any two sessions of one deck compare: a fork and its parent, or two rooms that played the same deck.
Round by round it sets side by side what each road delivered, each team's moves and the rulings on
them with their pushes; it names the first round where the roads part and what parted them (an inject,
a branch, a move or a ruling that is not the same on both), and lists the road not taken: each branch
of an inject either road delivered that neither chose. Both world paths and tracks come along for the
axis cross. It is the facilitator's document: private moves are in it, marked.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.state import PathPoint, SessionState
from ..model import Inject
from .outcomes import TrackView, tracks
from .words import outcome_text, push_text, t


class DifferentDecks(ValueError):
    """The two sessions play different decks: there is nothing to set side by side."""


@dataclass(frozen=True)
class Side:
    """One road: the session and its world path."""

    label: str
    """`A` or `B`, then the session's title and id."""
    state: SessionState
    path: list[PathPoint]
    tracks: list[TrackView]


@dataclass(frozen=True)
class MoveLine:
    action: str
    """Team text, as typed: never markup."""
    private: bool
    ruling: str | None
    """The ruling's outcome and pushes in the tool's words; None: not ruled."""


@dataclass(frozen=True)
class TeamLine:
    """What one team did in a round on one road: each move and its ruling."""

    team: str
    moves: tuple[MoveLine, ...]


@dataclass(frozen=True)
class RoundPair:
    index: int
    title: str
    injects: tuple[tuple[str, ...], tuple[str, ...]]
    """The titles delivered in the round, on A and on B (a chosen branch: "title → branch")."""
    teams: tuple[tuple[TeamLine, ...], tuple[TeamLine, ...]]
    end: tuple[tuple[int, int] | None, tuple[int, int] | None]
    """Where the world stood at the end of the round on each road (None: the road never played it)."""
    same: bool


@dataclass(frozen=True)
class RoadNotTaken:
    inject: str
    """The inject's title."""
    options: tuple[str, ...]
    """The labels of the branches neither road chose."""


@dataclass(frozen=True)
class Comparison:
    lang: str
    deck_title: str
    a: Side
    b: Side
    rounds: tuple[RoundPair, ...]
    parted: int | None
    """The first round (index) where the roads differ; None while they are the same."""
    why: tuple[str, ...]
    """What differs in that round, one line each."""
    not_taken: tuple[RoadNotTaken, ...]


def compare(a: SessionState, b: SessionState, lang: str) -> Comparison:
    """Sessions `a` and `b` side by side in `lang`. DifferentDecks when they play different decks."""
    if a.deck is None or b.deck is None or a.deck.id != b.deck.id:
        raise DifferentDecks(f"the sessions play different decks ({a.deck.id if a.deck else '?'} and "
                             f"{b.deck.id if b.deck else '?'}): only two roads through one deck compare")
    deck = a.deck
    rounds = []
    parted: int | None = None
    why: tuple[str, ...] = ()
    for r, rnd in enumerate(deck.rounds):
        if r > max(a.round, b.round):
            break
        diff = _differences(a, b, r, lang)
        if diff and parted is None:
            parted, why = r, tuple(diff)
        rounds.append(RoundPair(
            index=r, title=rnd.title.get(lang),
            injects=(_delivered(a, r, lang), _delivered(b, r, lang)),
            teams=(_team_lines(a, r, lang), _team_lines(b, r, lang)),
            end=(_end(a, r), _end(b, r)), same=not diff))
    return Comparison(
        lang=lang, deck_title=deck.title.get(lang),
        a=_side("A", a, lang), b=_side("B", b, lang), rounds=tuple(rounds), parted=parted, why=why,
        not_taken=_not_taken(a, b, lang))


def _side(label: str, st: SessionState, lang: str) -> Side:
    return Side(label=f"{label}: {st.title} ({st.session_id})", state=st, path=list(st.path),
                tracks=tracks(st, st.round + 1, lang))


def _delivered(st: SessionState, r: int, lang: str) -> tuple[str, ...]:
    out = []
    for d in st.round_deliveries(r):
        inj = st.injects[d.inject_id]
        chosen = st.options_chosen.get(inj.id)
        label = next((o.label.get(lang) for o in inj.options if o.id == chosen), None)
        out.append(f"{inj.title.get(lang)} → {label}" if label else inj.title.get(lang))
    return tuple(out)


def _team_lines(st: SessionState, r: int, lang: str) -> tuple[TeamLine, ...]:
    by_team: dict[str, list[MoveLine]] = {}
    for m in st.round_moves(r):
        ruling = st.rulings.get(m.id)
        said = None if ruling is None else \
            f"{outcome_text(ruling.outcome, lang)}; {push_text(ruling.erosion, ruling.rapprochement, lang)}"
        by_team.setdefault(m.team, []).append(MoveLine(m.action, m.private, said))
    return tuple(TeamLine(st.teams[team].name.get(lang) if team in st.teams else team, tuple(moves))
                 for team, moves in by_team.items())


def _end(st: SessionState, r: int) -> tuple[int, int] | None:
    if r > st.round:
        return None
    points = [p for p in st.path if p.round <= r]
    return (points[-1].erosion, points[-1].rapprochement) if points else None


def _differences(a: SessionState, b: SessionState, r: int, lang: str) -> list[str]:
    """What is not the same in round `r` on the two roads, one sentence each."""
    out = []
    da = [d.inject_id for d in a.round_deliveries(r)]
    db = [d.inject_id for d in b.round_deliveries(r)]
    if da != db:
        out.append(t("cmp_injects", lang))
    for inj_id in sorted(set(da) & set(db)):
        ca, cb = a.options_chosen.get(inj_id), b.options_chosen.get(inj_id)
        if ca != cb:
            out.append(t("cmp_branch", lang, inject=a.injects[inj_id].title.get(lang)))
    ma = {(m.team, m.inject): m for m in a.round_moves(r)}
    mb = {(m.team, m.inject): m for m in b.round_moves(r)}
    for key in sorted(set(ma) | set(mb), key=lambda k: (k[0], k[1] or "")):
        team = (a.teams.get(key[0]) or b.teams.get(key[0]))
        name = team.name.get(lang) if team else key[0]
        x, y = ma.get(key), mb.get(key)
        if x is None or y is None or x.action != y.action:
            out.append(t("cmp_move", lang, team=name))
            continue
        rx, ry = a.rulings.get(x.id), b.rulings.get(y.id)
        if (rx and (rx.outcome, rx.erosion, rx.rapprochement, rx.tracks)) != \
                (ry and (ry.outcome, ry.erosion, ry.rapprochement, ry.tracks)):
            out.append(t("cmp_ruling", lang, team=name))
    return out


def _not_taken(a: SessionState, b: SessionState, lang: str) -> tuple[RoadNotTaken, ...]:
    out = []
    seen: dict[str, Inject] = {}
    for st in (a, b):
        for d in st.deliveries:
            inj = st.injects[d.inject_id]
            if inj.options:
                seen.setdefault(inj.id, inj)
    for inj in seen.values():
        chosen = {a.options_chosen.get(inj.id), b.options_chosen.get(inj.id)}
        left = tuple(o.label.get(lang) for o in inj.options if o.id not in chosen)
        if left:
            out.append(RoadNotTaken(inj.title.get(lang), left))
    return tuple(out)
