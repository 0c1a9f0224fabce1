"""The content models without pydantic: rebuilt from a session's record exactly, immutable all the
way down (tuples, hashable), and their rules read by pydantic."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, dataclass, replace
from typing import Annotated

import annotated_types as at
import pytest

from wargame.content import builtin_library
from wargame.model import Deck, HotwashQuestion, Inject, Scenario, Team, Text, build, dump
from wargame.model.base import Pattern, Strict
from wargame.model.validation import ValidationError, validate


@pytest.mark.parametrize("table, cls", [("injects", Inject), ("decks", Deck), ("scenarios", Scenario),
                                        ("teams", Team), ("hotwash", HotwashQuestion)])
def test_every_builtin_model_survives_dump_json_and_build(table: str, cls: type) -> None:
    for obj in getattr(builtin_library(), table).values():
        data = json.loads(json.dumps(dump(obj)))  # as a session file stores it
        assert build(cls, data) == obj
        assert dump(build(cls, data)) == data, "dump writes lists, build reads them back as tuples"
        assert validate(cls, data) == obj, "what build trusts, validation accepts"


def test_models_cannot_be_changed_in_place() -> None:
    inj = next(iter(builtin_library().injects.values()))
    with pytest.raises(FrozenInstanceError):
        inj.minutes = 1  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del inj.title
    changed = replace(inj, minutes=1)
    assert changed.minutes == 1 and inj.minutes != 1 and changed != inj


def test_sequences_are_tuples_so_every_model_is_hashable() -> None:
    lib = builtin_library()
    deck = next(iter(lib.decks.values()))
    inj = next(i for i in lib.injects.values() if i.options)
    for seq in (deck.teams, deck.rounds, deck.rounds[0].injects, deck.hotwash, inj.targets, inj.questions,
                inj.options):
        assert isinstance(seq, tuple)
    assert {deck: 1, inj: 2}[build(Deck, json.loads(json.dumps(dump(deck))))] == 1
    assert isinstance(validate(Deck, json.loads(json.dumps(dump(deck)))).teams, tuple)


def test_constructing_checks_names_but_not_values() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Text(nl="a", en="b", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'en'"):
        Text(nl="a")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="positional"):
        Text("a", "b")  # type: ignore[misc]
    assert Text(nl="", en="b").nl == "", "values are checked by validation, not by the constructor"
    with pytest.raises(ValidationError):
        validate(Text, {"nl": "", "en": "b"})


def test_validation_is_strict_and_knows_no_extra_fields() -> None:
    @dataclass(frozen=True, kw_only=True, slots=True)
    class Odd(Strict):
        name: Annotated[str, Pattern("^[a-z]+$"), at.MaxLen(3)]
        count: Annotated[int, at.Ge(1)] = 1
        flag: bool = False
        names: Annotated[tuple[str, ...], at.MinLen(1)] = ("a",)

    assert validate(Odd, {"name": "abc", "names": ["x", "y"]}) == Odd(name="abc", names=("x", "y"))
    for data, kind in [({"name": "ABC"}, "string_pattern_mismatch"), ({"name": "abcd"}, "string_too_long"),
                       ({"name": "a", "count": "1"}, "int_type"), ({"name": "a", "count": 0}, "greater_than_equal"),
                       ({"name": "a", "flag": "NO"}, "bool_type"), ({"name": "a", "flag": 0}, "bool_type"),
                       ({"name": "a", "names": []}, "too_short"), ({"name": "a", "names": "ab"}, "list_type"),
                       ({"name": "a", "names": ("x",)}, "list_type"), ({"name": 1}, "string_type"),
                       ({"name": "a", "colour": "red"}, "unexpected_keyword_argument")]:
        with pytest.raises(ValidationError) as caught:
            validate(Odd, data)
        assert [e["type"] for e in caught.value.errors()] == [kind], data


def test_a_pattern_on_a_type_it_cannot_constrain_is_a_programming_error() -> None:
    @dataclass(frozen=True, kw_only=True, slots=True)
    class Odd(Strict):
        count: Annotated[int, Pattern("x")]

    with pytest.raises(TypeError, match="a Pattern constrains texts, not int schemas"):
        validate(Odd, {"count": 1})
