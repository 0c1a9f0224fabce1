"""The tool's words: one table, in Dutch and English, the same wording for the console and the report."""

from __future__ import annotations

import time

import pytest

from wargame.engine.outcomes import OUTCOMES
from wargame.views.words import (
    LANGS,
    catalogue,
    date_text,
    how_label,
    number,
    outcome_name,
    outcome_text,
    position_text,
    push_text,
    signed,
    t,
)


def test_every_language_holds_every_key_and_every_outcome_has_a_name():
    keys = [set(catalogue(lang)) for lang in LANGS]
    assert all(k == keys[0] for k in keys)
    for lang in LANGS:
        names = {outcome_name(score, lang) for score in OUTCOMES}
        assert len(names) == len(OUTCOMES)  # one name per score
    with pytest.raises(KeyError):
        t("no-such-key", "en")


def test_no_word_speaks_of_a_seed():
    """The source document is "the Alert" (or "the source"), in every text a user reads."""
    for lang in LANGS:
        assert not [k for k, v in catalogue(lang).items() if "seed" in v.lower()]


def test_signs_in_print_and_on_the_terminal():
    assert [signed(v) for v in (2, -1, 0)] == ["+2", "−1", "0"]
    assert [signed(v, ascii_signs=True) for v in (2, -1, 0)] == ["+2", "-1", "+0"]
    assert outcome_text(-1, "en") == "−1 Setback"
    assert outcome_text(-1, "en", ascii_signs=True) == "-1 Setback"
    assert outcome_text(0, "nl", ascii_signs=True) == "+0 Geen effect"


def test_push_position_and_how_read_the_same_everywhere():
    assert push_text(2, -1, "en") == "erosion +2, rapprochement −1"
    assert push_text(0, -1, "nl", ascii_signs=True) == "erosie +0, toenadering -1"
    assert push_text(0, 0, "en") == "none"
    assert position_text(3, -2, "en") == "(+3, −2)"
    assert [how_label("draw", lang) for lang in LANGS] == ["getrokken", "drawn"]
    assert how_label("something-new", "en") == "something-new"


def test_numbers_and_dates_in_each_language():
    assert (number(20_000, "nl"), number(20_000, "en"), number(7, "nl")) == ("20.000", "20,000", "7")
    ts = time.mktime((2026, 3, 12, 12, 0, 0, 0, 0, -1))
    assert (date_text(ts, "nl"), date_text(ts, "en")) == ("12 maart 2026", "12 March 2026")
