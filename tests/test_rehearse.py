"""`wargame rehearse` and the design checks `validate` shares with it: timing and story order,
against the decks of tests/fixtures/order (one written to break both) and the built-in decks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wargame.content import builtin_library, load
from wargame.content.design import deck_problems
from wargame.engine.rehearse import rehearse

from .test_cli_content import run

ORDER = Path(__file__).resolve().parent / "fixtures" / "order"
CONTENT = ["injects.yaml", "teams.yaml", "hotwash.yaml"]
GOOD = ["deck-after.yaml", "deck-dates.yaml", "deck-flashback.yaml", "deck-sameday.yaml"]
KEYS = {"deck", "runs", "seed", "rulings", "minutes", "end_quadrant", "visited_share", "never_delivered",
        "broken_dependencies", "broken_dependency_injects", "backward_dates", "overrun_rounds", "rounds"}


def test_design_problems_name_the_file_line_and_field(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ORDER)
    lib = load([Path(".")], base=builtin_library())
    found = deck_problems(lib.decks["order-broken"], lib)
    assert [str(p) for p in found.errors] == [
        "deck-broken.yaml:10: rounds[0].injects[0].fixed: 'o-effect' presupposes 'o-cause', which this deck "
        "delivers only after it (round 2)",
        "deck-broken.yaml:12: rounds[1].minutes: round 2 'Twee': inject clocks of up to 45 min and 5 min of "
        "other parts do not fit in its 30 minutes",  # 10 fixed + o-long 20 with its 15-minute branch
    ]
    assert [str(p) for p in found.warnings] == [
        "deck-broken.yaml:15: rounds[1].injects[0].fixed: in-world dates run backwards: 'o-cause' (2026-02-01) "
        "comes after 'o-effect' (2026-03-01); set backward_dates: true if the deck means it"]
    for deck_id in ("order-after", "order-dates", "order-flashback", "order-sameday"):
        assert deck_problems(lib.decks[deck_id], lib) == ([], []), deck_id


def test_a_fixed_inject_whose_presupposition_never_comes_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from wargame.model import Slot

    lib = load([ORDER], base=builtin_library())
    deck = lib.decks["order-broken"]
    alone = replace(deck, rounds=(replace(deck.rounds[0], injects=(Slot(fixed="o-effect"),)),))
    assert [p.message for p in deck_problems(alone, lib).errors] == [
        "'o-effect' presupposes 'o-cause', which this deck never delivers before it"]


def test_validate_exits_1_on_design_errors_and_0_with_warnings(monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ORDER)
    code, out, err = run(capsys, "validate", *CONTENT, *GOOD)
    assert (code, err) == (0, "") and out.startswith("valid:")
    code, out, err = run(capsys, "validate", *CONTENT, *GOOD, "deck-backward.yaml")
    assert code == 0 and out.startswith("valid:")
    assert err.splitlines() == ["warning: deck-backward.yaml:14: rounds[1].injects[0].fixed: in-world dates run "
                                "backwards: 'd-early' (2026-01-15) comes after 'd-late' (2026-06-01); set "
                                "backward_dates: true if the deck means it"]
    code, out, err = run(capsys, "validate", ".")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[-1] == "invalid: 2 problem(s)"
    assert sum(line.startswith("warning: ") for line in lines) == 2
    assert any(line.startswith("deck-broken.yaml:12: rounds[1].minutes:") for line in lines)


def test_validate_checks_the_given_decks_not_the_built_in_ones_beside_them(monkeypatch: pytest.MonkeyPatch,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ORDER)  # o-long's 35 minutes would overrun the built-in drift deck's rounds
    code, _, err = run(capsys, "validate", ".")
    assert code == 1 and "drift" not in err


def test_rehearse_json_reports_the_broken_deck(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ORDER)
    code, out, err = run(capsys, "rehearse", "deck-broken.yaml", "--runs", "20", "--json")
    assert code == 0, err
    figures = json.loads(out)
    assert set(figures) == KEYS
    assert (figures["deck"], figures["runs"], figures["rulings"]) == ("order-broken", 20, "neutral")
    assert figures["broken_dependencies"] == 20 and figures["broken_dependency_injects"] == {"o-effect": 20}
    assert figures["backward_dates"] == 20, "the fixed order runs backwards in every play"
    assert figures["overrun_rounds"] == [2]
    assert figures["rounds"][1] == {"round": 2, "title": "Twee", "minutes": 30, "parts": 5, "largest_clocks": 45,
                                    "played_out": 0}
    assert figures["minutes"] == 40 and sum(figures["end_quadrant"].values()) == 20
    assert figures["never_delivered"] == ["d-early"], "dated before o-cause, delivered just before it: never eligible"


def test_rehearse_text_and_a_bad_deck(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rehearse", "demo", "--runs", "30")
    assert code == 0
    assert out.startswith("Rehearsal of demo: 30 plays, rulings neutral")
    for words in ("Length: 100 min", "ends in", "Never delivered", "Delivered before an inject it presupposes: 0",
                  "in-world dates ran backwards: 0"):
        assert words in out
    assert "seed" not in out.lower()
    code, out, err = run(capsys, "rehearse", "no-such-deck")
    assert (code, out) == (2, "") and len(err.splitlines()) == 1 and "no-such-deck" in err
    code, _, err = run(capsys, "rehearse", "demo", "--runs", "0")
    assert code == 2 and err.startswith("wargame: --runs")


def test_rehearse_is_repeatable_and_random_rulings_move_the_world() -> None:
    lib = builtin_library()
    deck = lib.decks["tough-love"]
    neutral = rehearse(deck, lib, runs=40, seed=3)
    assert neutral.as_json() == rehearse(deck, lib, runs=40, seed=3).as_json()
    assert dict(neutral.end_quadrant) == {"tough-love": 40}, "its pushes keep the world in its future"
    ruled = rehearse(deck, lib, runs=200, seed=3, rulings="random")
    assert ruled.as_json() == rehearse(deck, lib, runs=200, seed=3, rulings="random").as_json()
    assert len(ruled.visited) > 1, "random rulings push the world into other futures"


@pytest.mark.parametrize("deck_id", sorted(builtin_library().decks))
def test_built_in_decks_keep_story_order_and_time(deck_id: str) -> None:
    """The issue's acceptance line: 0 broken dependencies, 0 backward dates, 0 overrun rounds."""
    lib = builtin_library()
    deck = lib.decks[deck_id]
    assert deck_problems(deck, lib) == ([], [])
    for rulings in ("neutral", "random"):
        r = rehearse(deck, lib, runs=150, rulings=rulings)
        assert (r.broken_dependencies, r.backward_dates, r.overrun_rounds) == (0, 0, []), rulings


def test_validate_of_the_built_in_content_has_no_design_problem(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate")
    assert (code, err) == (0, "") and out.startswith("valid:")


def test_the_drift_deck_drifts_into_every_future() -> None:
    """With rulings drawn at random, every future is where the world ends in 10% to 50% of plays."""
    lib = builtin_library()
    deck = lib.decks["drift"]
    assert (deck.start.erosion, deck.start.rapprochement) == (1, 1), "early 2025: the double shock"
    r = rehearse(deck, lib, runs=1000, rulings="random")
    shares = {sc: r.end_quadrant.get(sc, 0) / 1000 for sc in lib.scenarios}
    assert all(0.10 <= share <= 0.50 for share in shares.values()), shares
