"""A DECK argument and the home screen's decks, decided once (wargame.content.decks) for the CLI and the console."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wargame.cli import main
from wargame.content import builtin_library
from wargame.content.decks import DeckNotFound, deck_choices, resolve_deck

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def test_a_builtin_id_and_a_deck_file_with_its_folder():
    lib = builtin_library()
    deck_id = next(iter(lib.decks))
    assert resolve_deck(deck_id) == (lib.decks[deck_id], lib)
    deck, mine = resolve_deck(str(MINI / "deck.yaml"))
    assert deck.id == "mini" and set(deck.teams) <= set(mine.teams), "the folder's teams come with it"


def test_what_is_not_a_deck_is_refused_by_name(tmp_path, capsys):
    with pytest.raises(DeckNotFound, match="no such deck file"):
        resolve_deck(str(tmp_path / "missing.yaml"))
    with pytest.raises(DeckNotFound, match="no built-in deck 'nope'"):
        resolve_deck("nope")
    folder = tmp_path / "own"
    shutil.copytree(MINI, folder)
    with pytest.raises(DeckNotFound, match="expected exactly one deck in the file"):
        resolve_deck(str(folder / "teams.yaml"))
    assert main(["cards", str(tmp_path / "missing.yaml")]) == 2
    assert capsys.readouterr().err == f"wargame: no such deck file: {tmp_path / 'missing.yaml'}\n"


def test_home_offers_the_builtin_decks_and_a_local_folders_own(tmp_path):
    lib = builtin_library()
    assert deck_choices(lib, tmp_path / "decks") == ({d.id: (d, lib, "built-in") for d in lib.decks.values()}, [])
    shutil.copytree(MINI, tmp_path / "decks")
    choices, problems = deck_choices(lib, tmp_path / "decks")
    assert problems == [] and set(choices) == {*lib.decks, "mini"}
    assert choices["mini"][2] == f"local: {tmp_path / 'decks' / ''}"
    (tmp_path / "decks" / "deck.yaml").write_text("deck:\n  id: x\n", encoding="utf-8")
    choices, problems = deck_choices(lib, tmp_path / "decks")
    assert set(choices) == set(lib.decks) and any("deck.yaml" in p for p in problems)
