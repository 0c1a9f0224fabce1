"""A deck's plan: every inject it can deliver, round by round and slot by slot, in play order.

A slot delivers in one of three ways:
- fixed: the one inject it names;
- draw: `count` injects drawn (by the engine, the same for the same session) from its candidates:
  the pool it lists, as listed, or its scenario's injects in in-world order (its private ones left out);
- drift: `count` injects drawn from the scenario of the quadrant the world is in when the slot comes
  up, which only play decides; so the plan lists each scenario's pool once (`DeckPlan.drift`).
A round's bench holds the injects the facilitator may fire in it if time and play allow; they are no
slot and take none of the round's minutes.
A branch is the `follow_up` of an inject's option: it comes right after that inject when the
facilitator chooses the option. It is never drawn on its own (`follow_ups`), so no scenario's pool
holds one; each candidate carries the branches under it, depth first.

The order is the order of the inject cards and of the MSEL export. A round's inject clocks are
at most `largest_clocks` minutes: what it must leave room for besides its parts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from . import Deck, Inject, Option, Round, Scenario, Slot, scenario_injects

How = Literal["fixed", "draw", "drift"]


class Content(Protocol):
    """What a plan reads: a content `Library`, or a session's state."""

    @property
    def injects(self) -> Mapping[str, Inject]: ...

    @property
    def scenarios(self) -> Mapping[str, Scenario]: ...


@dataclass(frozen=True)
class Branch:
    """`inject` follows `parent` when the facilitator chooses `option` of it."""

    parent: Inject
    option: Option
    inject: Inject


@dataclass(frozen=True)
class Candidate:
    """An inject a slot can deliver, and the branches its options lead to, depth first."""

    inject: Inject
    branches: tuple[Branch, ...] = ()


@dataclass(frozen=True)
class PlannedSlot:
    """A slot: how it delivers, how many injects, and its candidates (none for drift)."""

    index: int
    slot: Slot
    how: How
    count: int
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class PlannedRound:
    index: int
    round: Round
    slots: tuple[PlannedSlot, ...]
    bench: tuple[Candidate, ...] = ()
    """The round's optional injects, fired from the bench."""


@dataclass(frozen=True)
class DriftPool:
    """What a drift slot can draw while the world is in this scenario's quadrant."""

    scenario: Scenario
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class DeckPlan:
    deck: Deck
    rounds: tuple[PlannedRound, ...]
    drift: tuple[DriftPool, ...]
    """Every scenario's pool, in axis order; empty when no slot drifts."""

    @property
    def drift_rounds(self) -> tuple[int, ...]:
        """The indexes of the rounds with a drift slot."""
        return tuple(r.index for r in self.rounds if any(s.how == "drift" for s in r.slots))

    def injects(self, *, bench: bool = True) -> dict[str, Inject]:
        """Every inject the plan can deliver (slots, drift pools, the bench unless left out, and the
        branches under each), by id, in plan order, each once."""
        cands = [c for r in self.rounds for ps in r.slots for c in ps.candidates]
        cands += [c for p in self.drift for c in p.candidates]
        if bench:
            cands += [c for r in self.rounds for c in r.bench]
        return {i.id: i for c in cands for i in (c.inject, *(b.inject for b in c.branches))}


def follow_ups(injects: Iterable[Inject]) -> frozenset[str]:
    """The ids that are some option's follow-up: they come only as a branch, never drawn on their own."""
    return frozenset(o.follow_up for i in injects for o in i.options if o.follow_up)


def scenario_pool(injects: Iterable[Inject], scenario_id: str, skip: frozenset[str] | None = None) -> list[Inject]:
    """A scenario's injects that can be drawn, in in-world order: not a branch's follow-up, and not a
    private inject (one team's own traffic, which a deck places on purpose, as fixed or on the bench);
    `skip` is `follow_ups(injects)` when the caller has it already."""
    injects = list(injects)
    skip = follow_ups(injects) if skip is None else skip
    return [i for i in scenario_injects(injects, scenario_id) if i.id not in skip and not i.private]


def draw_pool(slot: Slot, injects: Mapping[str, Inject]) -> list[str]:
    """The ids a draw slot draws from: its pool as listed, or its scenario's pool."""
    assert slot.draw is not None
    if slot.draw.pool:
        return list(slot.draw.pool)
    return [i.id for i in scenario_pool(injects.values(), slot.draw.scenario or "")]


def plan(deck: Deck, content: Content, *, strict: bool = True) -> DeckPlan:
    """The plan of `deck` over `content`. An inject or scenario it names that `content` lacks raises
    ValueError, or with `strict` false is left out (a session's content is only checked for shape)."""
    injects = content.injects
    skip = follow_ups(injects.values())

    def known(iid: str) -> Inject | None:
        inj = injects.get(iid)
        if inj is None and strict:
            raise ValueError(f"deck {deck.id}: no inject {iid!r} in the library")
        return inj

    def candidates(ids: Iterable[str]) -> tuple[Candidate, ...]:
        return tuple(Candidate(inj, _branches(inj, known)) for inj in map(known, ids) if inj is not None)

    def planned(index: int, slot: Slot) -> PlannedSlot:
        if slot.fixed:
            return PlannedSlot(index, slot, "fixed", 1, candidates([slot.fixed]))
        if slot.draw:
            if not slot.draw.pool and (slot.draw.scenario or "") not in content.scenarios:
                if strict:
                    raise ValueError(f"deck {deck.id}: no scenario {slot.draw.scenario!r} in the library")
                return PlannedSlot(index, slot, "draw", slot.draw.count, ())
            return PlannedSlot(index, slot, "draw", slot.draw.count, candidates(draw_pool(slot, injects)))
        assert slot.drift is not None
        return PlannedSlot(index, slot, "drift", slot.drift.count, ())

    rounds = tuple(PlannedRound(r, rnd, tuple(planned(s, slot) for s, slot in enumerate(rnd.injects)),
                                candidates(rnd.bench))
                   for r, rnd in enumerate(deck.rounds))
    drift: tuple[DriftPool, ...] = ()
    if any(s.how == "drift" for r in rounds for s in r.slots):
        drift = tuple(DriftPool(sc, candidates(i.id for i in scenario_pool(injects.values(), sc.id, skip)))
                      for sc in sorted(content.scenarios.values(), key=lambda sc: sc.number))
    return DeckPlan(deck, rounds, drift)


def _branches(inject: Inject, known: Callable[[str], Inject | None]) -> tuple[Branch, ...]:
    """The follow-ups under `inject`, depth first, each once."""
    out: list[Branch] = []
    seen = {inject.id}

    def walk(parent: Inject) -> None:
        for opt in parent.options:
            if opt.follow_up and opt.follow_up not in seen:
                seen.add(opt.follow_up)
                nxt = known(opt.follow_up)
                if nxt is not None:
                    out.append(Branch(parent, opt, nxt))
                    walk(nxt)

    walk(inject)
    return tuple(out)


def date_before(a: str, b: str) -> bool:
    """Whether in-world date `a` comes before `b`, compared to the coarser of the two ("2025-12" is
    not before "2025-12-18": it may be the same day)."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def chain_minutes(candidate: Candidate) -> int:
    """The longest clock time a candidate can take: its own minutes and its longest branch chain."""
    under: dict[str, list[Inject]] = {}
    for br in candidate.branches:
        under.setdefault(br.parent.id, []).append(br.inject)

    def longest(inj: Inject) -> int:
        return inj.minutes + max((longest(nxt) for nxt in under.get(inj.id, ())), default=0)

    return longest(candidate.inject)


def largest_clocks(deck_plan: DeckPlan, round_index: int) -> int:
    """The most inject-clock minutes round `round_index` can deliver: each fixed inject, and for each
    draw or drift slot its `count` longest candidates (a drift slot: in the scenario where they are
    longest), each with its longest branch chain."""
    total = 0
    for ps in deck_plan.rounds[round_index].slots:
        pools = [ps.candidates] if ps.how != "drift" else [pool.candidates for pool in deck_plan.drift]
        total += max((sum(sorted(map(chain_minutes, pool), reverse=True)[:ps.count]) for pool in pools), default=0)
    return total
