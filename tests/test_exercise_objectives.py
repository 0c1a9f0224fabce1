"""Every built-in deck states its exercise objectives: 3 to 6, drawn from the Alert, in Dutch and English,
each with what a strong performance looks like; a deck with too few, too many or a shared id is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wargame.content import ContentError, Problem, builtin_library, load
from wargame.model.deck import OBJECTIVES_MAX, OBJECTIVES_MIN, ExerciseObjective

from .conftest import seed_text

LIB = builtin_library()
DECKS = sorted(LIB.decks)
FUTURES = sorted(d for d in LIB.decks if d not in ("demo", "drift"))

PARTS = ("Titel", "Geopolitieke schok", "Het belang van strategische foresight", "Analyse en conclusie",
         "Scenario 1", "Scenario 2", "Scenario 3", "Scenario 4")
"""The parts of the Alert a source may name."""


def words(text: str) -> int:
    return len(text.split())


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?=\s|$)", text.strip()))


def every_objective() -> list[tuple[str, ExerciseObjective]]:
    return [(d, o) for d in DECKS for o in LIB.decks[d].objectives]


def test_the_built_in_library_has_decks():
    assert {"demo", "drift", "tough-love", "omgekeerde-kissinger", "oost-west-thuis-best",
            "europa-in-de-tang"} <= set(DECKS)


@pytest.mark.parametrize("deck_id", DECKS)
def test_every_deck_states_three_to_six_objectives_with_unique_ids(deck_id):
    ids = [o.id for o in LIB.decks[deck_id].objectives]
    assert OBJECTIVES_MIN <= len(ids) <= OBJECTIVES_MAX, f"{deck_id} states {len(ids)} exercise objectives"
    assert (OBJECTIVES_MIN, OBJECTIVES_MAX) == (3, 6)
    assert len(set(ids)) == len(ids), f"{deck_id}: an objective id is used twice"


@pytest.mark.parametrize("deck_id", DECKS)
def test_every_deck_tests_the_core_question_of_the_alert(deck_id):
    """The Alert's core question, the scope for action in a future and what to do now, is in every exercise."""
    assert LIB.decks[deck_id].objective("handelingsperspectief") is not None


@pytest.mark.parametrize(("deck_id", "objective"), every_objective(), ids=lambda v: getattr(v, "id", v))
def test_objective_is_bilingual_and_of_a_sensible_length(deck_id, objective):
    where = f"{deck_id}/{objective.id}"
    assert objective.title.nl != objective.title.en, f"{where}: title is one language copied"
    assert objective.strong.nl != objective.strong.en, f"{where}: strong is one language copied"
    for lang in ("nl", "en"):
        title, strong = objective.title.get(lang), objective.strong.get(lang)
        assert 5 <= words(title) <= 25, f"{where} title.{lang} has {words(title)} words"
        assert sentences(title) <= 1 and "\n" not in title, f"{where} title.{lang} is more than one sentence"
        assert 20 <= words(strong) <= 90, f"{where} strong.{lang} has {words(strong)} words"
        assert 1 <= sentences(strong) <= 3, f"{where} strong.{lang} has {sentences(strong)} sentences"
        assert strong.rstrip().endswith("."), f"{where} strong.{lang} is not whole sentences"
    # each text is in its own language, not the other one left in place
    assert re.search(r"\b(de|het|een)\b", objective.strong.nl), f"{where}: strong.nl does not read as Dutch"
    assert re.search(r"\bthe\b", objective.strong.en, re.I), f"{where}: strong.en does not read as English"
    assert not re.search(r"\b(and|with|which)\b", objective.strong.nl), f"{where}: strong.nl has English in it"
    assert not re.search(r"\b(het|een|en)\b", objective.strong.en), f"{where}: strong.en has Dutch in it"
    ratio = words(objective.strong.en) / words(objective.strong.nl)
    assert 0.7 <= ratio <= 1.4, f"{where}: strong.en is {ratio:.2f} times strong.nl, not a translation"


@pytest.mark.parametrize(("deck_id", "objective"), every_objective(), ids=lambda v: getattr(v, "id", v))
def test_objective_names_the_part_of_the_alert_it_comes_from(deck_id, objective):
    where = f"{deck_id}/{objective.id}"
    assert objective.source, f"{where} names no source"
    part, sep, detail = objective.source.partition(" — ")
    assert sep and detail.strip(), f"{where}: source is 'part — detail', not {objective.source!r}"
    assert part.startswith(PARTS), f"{where}: source {part!r} names no part of the Alert"
    # a future named by number carries its title: "Scenario 2 (De omgekeerde Kissinger)"
    titles = {s.number: s.title.nl for s in LIB.scenarios.values()}
    for number, name in re.findall(r"Scenario (\d) \(([^)]+)\)", part):
        assert titles[int(number)] == name, f"{where}: scenario {number} is {titles[int(number)]!r}, not {name!r}"
    alert = seed_text()
    if alert is not None:
        for heading in ("Het belang van strategische foresight", "Analyse en conclusie", "Geopolitieke schok"):
            if heading in part:
                assert heading in alert, f"{where}: the Alert has no part {heading!r}"


@pytest.mark.parametrize(("deck_id", "objective"), every_objective(), ids=lambda v: getattr(v, "id", v))
def test_no_user_facing_text_says_seed(deck_id, objective):
    texts = (objective.title.nl, objective.title.en, objective.strong.nl, objective.strong.en, objective.source or "")
    assert not any("seed" in t.lower() for t in texts), f"{deck_id}/{objective.id} says 'seed'; say 'the Alert'"


@pytest.mark.parametrize("deck_id", DECKS)
def test_the_red_teams_are_never_rated_on_the_exercise_objectives(deck_id):
    """The objectives are Europe's: Washington and Moskou play against them, and are judged on their own
    brief's objectives; every other team of the deck is rated on at least one."""
    deck = LIB.decks[deck_id]
    for o in deck.objectives:
        assert o.teams and not {"washington", "moskou"} & set(o.teams), o.id
    rated = {t for o in deck.objectives for t in o.teams}
    assert rated == set(deck.teams) - {"washington", "moskou"}


def test_the_same_id_is_the_same_objective_in_every_deck():
    """A programme compares an objective across exercises by its id: one id, one title."""
    titles: dict[str, tuple[str, str, str]] = {}
    for deck_id, o in every_objective():
        first = titles.setdefault(o.id, (deck_id, o.title.nl, o.title.en))
        assert (o.title.nl, o.title.en) == first[1:], f"{o.id}: {deck_id} words it otherwise than {first[0]}"
    shared = [i for i in titles if sum(LIB.decks[d].objective(i) is not None for d in DECKS) > 1]
    assert {"handelingsperspectief", "eu-cohesie", "opening-moskou"} <= set(shared)


def test_each_future_is_exercised_on_its_own_set_of_objectives():
    sets = {d: frozenset(o.id for o in LIB.decks[d].objectives) for d in FUTURES}
    assert len(set(sets.values())) == len(sets), f"two futures share the same objectives: {sets}"


# --- validation refuses a bad set of objectives, naming the file and line --------------------------

DECK = """\
deck:
  id: proef-doelen
  title: {{nl: Proef, en: Trial}}
  description: {{nl: Een proefoefening., en: A trial exercise.}}
  teams: [kabinet-nl]
  rounds:
    - title: {{nl: Ronde een, en: Round one}}
      minutes: 20
      injects:
        - fixed: {inject}
  objectives:
{objectives}"""


def objective_text(n: int, oid: str) -> str:
    return (f"    - id: {oid}\n"
            f"      title: {{nl: Doel {n}, en: Objective {n}}}\n"
            f"      strong: {{nl: Sterk optreden {n}, en: Strong performance {n}}}\n"
            f"      source: Analyse en conclusie — de kernvraag\n")


def deck_file(folder: Path, ids: list[str]) -> Path:
    inject = min(i for i in LIB.injects if LIB.injects[i].reaches("kabinet-nl"))
    path = folder / "deck.yaml"
    objectives = "".join(objective_text(n, oid) for n, oid in enumerate(ids, 1))
    path.write_text(DECK.format(inject=inject, objectives=objectives), encoding="utf-8")
    return Path("deck.yaml")


def problems(path: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load([path], base=LIB)
    assert all(isinstance(p, Problem) for p in info.value.problems)
    return [str(p) for p in info.value.problems]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the working folder, so paths are shown as `deck.yaml`."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("n", [3, 6])
def test_a_deck_of_three_or_six_objectives_is_valid(here: Path, n: int) -> None:
    """The base the refusals vary is itself valid, so each refusal tests one thing."""
    lib = load([deck_file(here, [f"doel-{i}" for i in range(n)])], base=LIB)
    assert [o.id for o in lib.decks["proef-doelen"].objectives] == [f"doel-{i}" for i in range(n)]
    assert "proef-doelen" not in LIB.decks


@pytest.mark.parametrize("n", [2, 7])
def test_a_deck_of_two_or_seven_objectives_is_refused(here: Path, n: int) -> None:
    assert problems(deck_file(here, [f"doel-{i}" for i in range(n)])) == [
        f"deck.yaml:2: deck: a deck states 3 to 6 exercise objectives, not {n}"]


def test_two_objectives_sharing_an_id_are_refused(here: Path) -> None:
    assert problems(deck_file(here, ["eu-cohesie", "opening-moskou", "eu-cohesie"])) == [
        "deck.yaml:2: deck: two exercise objectives share an id"]


def test_an_objective_without_strong_is_refused(here: Path) -> None:
    path = deck_file(here, ["doel-a", "doel-b", "doel-c"])
    text = (here / path).read_text(encoding="utf-8")
    (here / path).write_text(text.replace("      strong: {nl: Sterk optreden 2, en: Strong performance 2}\n", ""),
                             encoding="utf-8")
    [problem] = problems(path)
    assert problem.startswith("deck.yaml:") and "objectives[1]" in problem and "strong" in problem, problem
