"""The content models without pydantic: rebuilt from a session's record exactly, immutable, and the
same rules for pydantic whichever way they are written."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, replace
from typing import Annotated

import pytest

from wargame.content import builtin_library
from wargame.model import Deck, HotwashQuestion, Inject, Scenario, Team, Text, build, dump
from wargame.model.base import Rule, Strict, model
from wargame.model.validation import ValidationError, validate


@pytest.mark.parametrize("table, cls", [("injects", Inject), ("decks", Deck), ("scenarios", Scenario),
                                        ("teams", Team), ("hotwash", HotwashQuestion)])
def test_every_builtin_model_survives_dump_json_and_build(table: str, cls: type) -> None:
    for obj in getattr(builtin_library(), table).values():
        data = json.loads(json.dumps(dump(obj)))  # as a session file stores it
        assert build(cls, data) == obj
        assert validate(cls, data) == obj, "what build trusts, validation accepts"


def test_models_cannot_be_changed_in_place() -> None:
    inj = next(iter(builtin_library().injects.values()))
    with pytest.raises(FrozenInstanceError):
        inj.minutes = 1  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del inj.title
    changed = replace(inj, minutes=1)
    assert changed.minutes == 1 and inj.minutes != 1 and changed != inj


def test_constructing_checks_names_but_not_values() -> None:
    with pytest.raises(TypeError, match="has no field colour"):
        Text(nl="a", en="b", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="needs en"):
        Text(nl="a")  # type: ignore[call-arg]
    assert Text(nl="", en="b").nl == "", "values are checked by validation, not by the constructor"
    with pytest.raises(ValidationError):
        validate(Text, {"nl": "", "en": "b"})


def test_a_rule_on_a_type_it_cannot_constrain_is_a_programming_error() -> None:
    @model
    class Odd(Strict):
        count: Annotated[int, Rule(pattern="x")]

    with pytest.raises(TypeError, match="int schemas take no pattern"):
        validate(Odd, {"count": 1})
