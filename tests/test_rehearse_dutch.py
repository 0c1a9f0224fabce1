"""`wargame rehearse` in Dutch: `--lang nl` (or a Dutch locale) speaks Dutch in the plain report, with
its plurals and decimal commas; `--json` reads the same in every language; English is unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli_content import run

ORDER = Path(__file__).resolve().parent / "fixtures" / "order"
ENGLISH = ("Rehearsal of", "plays", "Length:", "Future", "ends in", "visited", "Round ", "minutes", "played out",
           "Never delivered", "Delivered before", "ran backwards", "must be 0", "none", "OVERRUNS")


def test_rehearse_speaks_dutch_with_lang_nl(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rehearse", "demo", "--runs", "30", "--lang", "nl")
    assert (code, err) == (0, "")
    assert out.startswith("Proefdraai van demo: 30 spellen, beoordelingen neutral, eerste spel 0")
    for words in ("Duur: 100 min (inleiding 10, rondes 75, hot wash 15)", "Toekomst", "eindigt", "bezocht",
                  "Ronde ", "uitgespeeld", "Nooit gebracht (", "Gebracht vóór een inject waarop het voortbouwt: 0",
                  "terugliepen: 0", "Europa in de tang", "Poetin in het Witte Huis", "100,0%"):
        assert words in out, words
    for words in ENGLISH:
        assert words not in out, words
    assert "100.0%" not in out


def test_one_play_is_singular_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run(capsys, "rehearse", "demo", "--runs", "1", "--lang", "nl")
    assert out.startswith("Proefdraai van demo: 1 spel, ")
    _code, out, _err = run(capsys, "rehearse", "demo", "--runs", "1", "--lang", "en")
    assert out.startswith("Rehearsal of demo: 1 play, ")


def test_a_dutch_locale_chooses_dutch_and_en_overrides_it(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    _code, out, _err = run(capsys, "rehearse", "demo", "--runs", "5")
    assert out.startswith("Proefdraai van demo: 5 spellen")
    _code, out, _err = run(capsys, "rehearse", "demo", "--runs", "5", "--lang", "en")
    assert out.startswith("Rehearsal of demo: 5 plays")


def test_the_broken_deck_in_dutch_and_its_json_in_every_language(monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ORDER)
    _code, out, _err = run(capsys, "rehearse", "deck-broken.yaml", "--runs", "20", "--lang", "nl")
    assert "TE LANG" in out and "OVERRUNS" not in out
    assert "Gebracht vóór een inject waarop het voortbouwt: 20 (moet 0 zijn); o-effect 20x" in out
    assert "Nooit gebracht (1): d-early" in out
    outs = [run(capsys, "rehearse", "deck-broken.yaml", "--runs", "20", "--json", *lang)[1]
            for lang in ((), ("--lang", "nl"), ("--lang", "en"))]
    assert outs[0] == outs[1] == outs[2]
    assert json.loads(outs[1])["rounds"][1]["title"] == "Twee"


def test_the_rehearse_help_speaks_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "rehearse", "--help", "--lang", "nl")
    assert code == 0
    assert "--lang {nl,en}" in out and "de taal van het verslag" in out
    assert "the report's language" not in out
