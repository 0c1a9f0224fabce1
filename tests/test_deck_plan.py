"""The deck plan: what each slot of a deck can deliver, written once for the cards, the MSEL, the
engine and the console's timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from wargame.content import builtin_library
from wargame.engine.session import EngineError, Session
from wargame.exchange.msel import msel_rows
from wargame.model import Inject, Scenario
from wargame.model.plan import DeckPlan, follow_ups, plan
from wargame.report.cards import deck_cards

DECKS = sorted(builtin_library().decks)


def option_targets() -> set[str]:
    """Every id some option of a built-in inject leads to."""
    return {o.follow_up for i in builtin_library().injects.values() for o in i.options if o.follow_up}


def in_order(deck_plan: DeckPlan, drift_branches: bool) -> list[str]:
    """The plan's inject ids in play order, branches after their parent (in drift pools if asked)."""
    out: list[str] = []
    for rnd in deck_plan.rounds:
        for ps in rnd.slots:
            for cand in ps.candidates:
                out += [cand.inject.id] + [b.inject.id for b in cand.branches]
        for cand in rnd.bench:  # the round's optional injects, after its slots
            out += [cand.inject.id] + [b.inject.id for b in cand.branches]
    for pool in deck_plan.drift:
        for cand in pool.candidates:
            out += [cand.inject.id] + ([b.inject.id for b in cand.branches] if drift_branches else [])
    return out


def test_follow_ups_are_exactly_the_ids_options_lead_to() -> None:
    lib = builtin_library()
    assert follow_ups(lib.injects.values()) == option_targets()
    assert len(option_targets()) >= 5  # the built-in content has branches to test with
    assert follow_ups([]) == frozenset()


@pytest.mark.parametrize("deck_id", DECKS)
def test_plan_follows_the_deck_slot_by_slot(deck_id: str) -> None:
    lib = builtin_library()
    deck = lib.decks[deck_id]
    p = plan(deck, lib)
    assert [len(r.slots) for r in p.rounds] == [len(r.injects) for r in deck.rounds]
    for rnd, planned in zip(deck.rounds, p.rounds, strict=True):
        assert planned.round is rnd
        for s, (slot, ps) in enumerate(zip(rnd.injects, planned.slots, strict=True)):
            assert ps.slot is slot and ps.index == s
            if slot.fixed:
                assert (ps.how, ps.count, [c.inject.id for c in ps.candidates]) == ("fixed", 1, [slot.fixed])
            elif slot.draw:
                assert (ps.how, ps.count) == ("draw", slot.draw.count)
                expected = list(slot.draw.pool) or [
                    i.id for i in sorted(lib.injects.values(), key=lambda i: i.date)  # same day: as written
                    if i.scenario == slot.draw.scenario and i.id not in option_targets() and not i.private]
                assert [c.inject.id for c in ps.candidates] == expected and expected
            else:
                assert slot.drift is not None
                assert (ps.how, ps.count, ps.candidates) == ("drift", slot.drift.count, ())


@pytest.mark.parametrize("deck_id", DECKS)
def test_follow_ups_come_under_their_parent_and_never_in_a_pool(deck_id: str) -> None:
    lib = builtin_library()
    p = plan(lib.decks[deck_id], lib)
    candidates = [c for r in p.rounds for s in r.slots for c in s.candidates]
    candidates += [c for pool in p.drift for c in pool.candidates]
    for cand in candidates:
        above = {cand.inject.id}
        for b in cand.branches:
            assert b.parent.id in above, "a branch comes after the inject that leads to it"
            assert b.option in b.parent.options and b.option.follow_up == b.inject.id
            above.add(b.inject.id)
        reachable = {o.follow_up for i in [cand.inject, *(b.inject for b in cand.branches)]
                     for o in i.options if o.follow_up} - {cand.inject.id}
        assert {b.inject.id for b in cand.branches} == reachable
    pooled = [c.inject.id for r in p.rounds for s in r.slots if s.how == "draw" for c in s.candidates]
    pooled += [c.inject.id for pool in p.drift for c in pool.candidates]
    assert not set(pooled) & option_targets()


def test_the_built_in_decks_cover_every_kind_of_slot() -> None:
    lib = builtin_library()
    plans = [plan(d, lib) for d in lib.decks.values()]
    hows = {s.how for p in plans for r in p.rounds for s in r.slots}
    assert hows == {"fixed", "draw", "drift"}
    assert any(c.branches for p in plans for r in p.rounds for s in r.slots for c in s.candidates)


def test_drift_pools_one_per_scenario_in_axis_order() -> None:
    lib = builtin_library()
    p = plan(lib.decks["drift"], lib)
    assert p.drift_rounds == (1, 3)
    assert [pool.scenario.number for pool in p.drift] == sorted(s.number for s in lib.scenarios.values())
    for pool in p.drift:
        ids = [c.inject.id for c in pool.candidates]
        assert ids and all(lib.injects[i].scenario == pool.scenario.id for i in ids)
        written = list(lib.injects)  # same-day injects in the order they were written, not by id
        assert ids == sorted(ids, key=lambda i: (lib.injects[i].date, written.index(i)))
    no_drift = plan(lib.decks["demo"], lib)
    assert (no_drift.drift, no_drift.drift_rounds) == ((), ())


@pytest.mark.parametrize("deck_id", DECKS)
def test_cards_msel_and_plan_agree(deck_id: str) -> None:
    lib = builtin_library()
    deck = lib.decks[deck_id]
    p = plan(deck, lib)
    all_cards = deck_cards(deck, lib, "en")
    cards = [c.inject.id for c in all_cards if c.inject is not None and c.kind != "version"]
    all_rows = msel_rows(deck, lib)
    rows = [r["id"] for r in all_rows if not r["version_for"]]
    # the MSEL lists a drift candidate's branches too; the cards print each branch once, under its slot
    assert rows == in_order(p, drift_branches=True)
    assert cards == in_order(p, drift_branches=False)
    # and each inject's versions, one row and one card per version, right after the inject's own
    for inj in {lib.injects[i] for i in rows}:
        teams = [v.team for v in inj.versions]
        assert [r["version_for"] for r in all_rows if r["id"] == inj.id and r["version_for"]] == teams * rows.count(inj.id)
        assert [c.reader for c in all_cards if c.kind == "version" and c.inject is not None
                and c.inject.id == inj.id] == teams * cards.count(inj.id)


@pytest.mark.parametrize("deck_id", ["demo", "drift"])
def test_the_engine_draws_only_what_the_plan_lists(deck_id: str, tmp_path: Path) -> None:
    lib = builtin_library()
    deck = lib.decks[deck_id]
    p = plan(deck, lib)
    drift_pool = {c.inject.id for pool in p.drift for c in pool.candidates}
    for key in (1, 2, 3):
        session, _ = Session.create(tmp_path / f"{key}.wargame", deck, lib, seed=key)
        while True:
            try:
                if session.advance() is None:
                    break
            except EngineError:  # a slot with nothing left to draw: the next round, as a facilitator would
                if not session.state.has_next_round():
                    break
                session.next_round()
        for d in session.state.deliveries:
            if d.how == "draw":
                assert d.slot is not None
                assert d.inject_id in {c.inject.id for c in p.rounds[d.round].slots[d.slot].candidates}
            elif d.how == "drift":
                assert d.inject_id in drift_pool
        assert any(d.how in ("draw", "drift") for d in session.state.deliveries)
        session.close()


@dataclass
class Content:
    injects: dict[str, Inject] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)


def test_missing_content_raises_or_is_left_out() -> None:
    lib = builtin_library()
    deck = lib.decks["demo"]
    fixed = next(s.fixed for r in deck.rounds for s in r.injects if s.fixed)
    assert fixed is not None
    partial = Content({k: v for k, v in lib.injects.items() if k != fixed}, dict(lib.scenarios))
    with pytest.raises(ValueError, match=f"deck demo: no inject '{fixed}'"):
        plan(deck, partial)
    lenient = plan(deck, partial, strict=False)
    assert [s.how for r in lenient.rounds for s in r.slots] == [s.how for r in plan(deck, lib).rounds for s in r.slots]
    assert fixed not in in_order(lenient, drift_branches=True)
    from dataclasses import replace

    from wargame.model import DrawRule, Slot

    drawn = replace(deck, rounds=(replace(deck.rounds[0], injects=(Slot(draw=DrawRule(scenario="tough-love")),)),
                                  *deck.rounds[1:]))
    with pytest.raises(ValueError, match="deck demo: no scenario"):
        plan(drawn, Content(dict(lib.injects)))
    assert all(not s.candidates for r in plan(drawn, Content(), strict=False).rounds for s in r.slots)


def test_a_private_inject_is_never_drawn_only_placed() -> None:
    """One team's own traffic (an SVR menu for Moskou) comes as a fixed slot or from the bench, never
    as a whole room's draw or drift."""
    lib = builtin_library()
    private = [i for i in lib.injects.values() if i.private and i.scenario]
    assert private, "the futures hold private red-team injects"
    for deck in lib.decks.values():
        p = plan(deck, lib)
        drawn = {c.inject.id for r in p.rounds for ps in r.slots if ps.how == "draw" and not ps.slot.draw.pool
                 for c in ps.candidates} | {c.inject.id for pool in p.drift for c in pool.candidates}
        assert not drawn & {i.id for i in private}, deck.id
