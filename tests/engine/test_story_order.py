"""Story order in draws: nothing before what it presupposes, dates never backwards, same-day injects
as written, and replays that draw the same. Against the decks of tests/fixtures/order, written to
break each rule if the engine let them."""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

from wargame.content import Library, builtin_library, load
from wargame.engine.rehearse import play
from wargame.engine.session import Session, creation
from wargame.model import Deck, Round, Slot, scenario_injects
from wargame.model.deck import DrawRule
from wargame.model.plan import date_before

ORDER = Path(__file__).resolve().parents[1] / "fixtures" / "order"
SEEDS = range(40)


@pytest.fixture(scope="module")
def lib() -> Library:
    return load([ORDER], base=builtin_library())


def delivered(lib: Library, deck: Deck, seed: int) -> list[tuple[int, str]]:
    """(round, inject) of each delivery of one play of `deck` with session seed `seed`, in order."""
    st = play(creation(deck.id, deck, lib, lang=None, seed=seed, at=0.0), random.Random(seed))
    return [(d.round, d.inject_id) for d in st.deliveries]


def test_a_draw_waits_for_what_the_inject_presupposes(lib: Library) -> None:
    deck = lib.decks["order-after"]
    for seed in SEEDS:
        ids = [i for _, i in delivered(lib, deck, seed)]
        assert ids == ["o-intro", "o-cause", "o-effect"], seed


def test_without_after_the_fixture_deck_would_deliver_the_effect_first(lib: Library) -> None:
    free = Library(**{**lib.__dict__, "injects": {**lib.injects, "o-effect": replace(lib.injects["o-effect"], after=())}})
    firsts = {[i for _, i in delivered(free, free.decks["order-after"], seed)][1] for seed in SEEDS}
    assert firsts == {"o-effect", "o-cause"}, "the fixture must be able to break order"


def test_a_slot_whose_candidates_all_wait_is_played_out(lib: Library) -> None:
    deck = replace(lib.decks["order-after"], rounds=(
        Round(title=lib.decks["order-after"].rounds[0].title, minutes=10,
              injects=(Slot(draw=DrawRule(pool=("o-effect",))), Slot(fixed="o-cause"))),))
    for seed in range(5):
        assert delivered(lib, deck, seed) == [(0, "o-cause")]


def test_in_world_dates_never_run_backwards(lib: Library) -> None:
    for seed in SEEDS:
        got = delivered(lib, lib.decks["order-dates"], seed)
        # round 1 draws d-early or d-late; d-late would come before the fixed d-mid of round 2
        assert got == [(0, "d-early"), (1, "d-mid"), (2, "d-late")], seed


def test_a_draw_takes_nothing_dated_before_the_last_delivery(lib: Library) -> None:
    base = lib.decks["order-dates"]
    title = base.rounds[0].title
    deck = replace(base, rounds=(Round(title=title, minutes=10, injects=(Slot(fixed="d-mid"),)),
                                 Round(title=title, minutes=20,
                                       injects=(Slot(draw=DrawRule(pool=("d-early", "s-alpha"))),
                                                Slot(draw=DrawRule(pool=("d-early",)))))))
    for seed in SEEDS:
        assert delivered(lib, deck, seed) == [(0, "d-mid"), (1, "s-alpha")], "d-early is earlier: never drawn"


def test_a_deck_that_allows_it_may_run_dates_backwards(lib: Library) -> None:
    plays = [delivered(lib, lib.decks["order-flashback"], seed) for seed in SEEDS]
    backwards = [p for p in plays if any(date_before(lib.injects[b].date, lib.injects[a].date)
                                         for (_, a), (_, b) in pairwise(p))]
    assert backwards and len(backwards) < len(plays)


def test_same_day_injects_keep_the_order_they_were_written_in(lib: Library) -> None:
    for seed in range(10):
        assert [i for _, i in delivered(lib, lib.decks["order-sameday"], seed)] == ["s-zulu", "s-alpha"]
    same_day = [i.id for i in scenario_injects(lib.injects.values(), "order-s") if i.date == "2026-04-01"]
    assert same_day == ["s-zulu", "s-alpha"], "written zulu first: not sorted by id"


def test_partial_dates_compare_at_the_coarser_precision() -> None:
    assert not date_before("2026-07", "2026-07-04") and not date_before("2026-07-04", "2026-07")
    assert date_before("2026-06", "2026-07-04") and date_before("2025", "2026-01")
    assert not date_before("2026-07-05", "2026-07-04")


def test_replays_draw_the_same_and_seeds_differ(lib: Library, tmp_path: Path) -> None:
    deck = lib.decks["order-flashback"]
    plays = {seed: delivered(lib, deck, seed) for seed in SEEDS}
    assert all(delivered(lib, deck, seed) == got for seed, got in list(plays.items())[:5])
    assert len({tuple(p) for p in plays.values()}) > 1
    # the engine's own walk, through a session file, draws what the rehearsal folds
    for seed in (0, 1, 2, 3):
        session, _ = Session.create(tmp_path / f"s{seed}.wargame", deck, lib, seed=seed, now=lambda: 1.8e9)
        try:
            while session.advance() is not None:  # the next inject, or the next round's first
                pass
            assert [(d.round, d.inject_id) for d in session.state.deliveries] == plays[seed]
        finally:
            session.close()
