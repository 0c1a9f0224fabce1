"""Inject cards: every inject a deck can deliver gets a card, four to an A4 page, reproducibly."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from wargame.content import builtin_library
from wargame.report.cards import deck_cards, write_cards
from wargame.views.words import MARKING

from .conftest import flat, pdf_text


@pytest.mark.parametrize("deck_id", sorted(builtin_library().decks))
def test_cards_of_each_builtin_deck(deck_id, tmp_path):
    lib = builtin_library()
    deck = lib.decks[deck_id]
    out = tmp_path / "cards.pdf"
    pages = write_cards(deck, lib, out, lang="en")
    cards = deck_cards(deck, lib, "en")
    assert pages == len(PdfReader(str(out)).pages) == (len(cards) + 3) // 4
    text = flat("\n".join(pdf_text(out)))
    for card in cards:
        if card.inject is not None:
            assert flat(card.inject.title.en) in text, card.inject.id
    assert text.count(MARKING) >= pages * 2
    for slot in (s for r in deck.rounds for s in r.injects):
        if slot.fixed:
            assert any(c.kind == "fixed" and c.inject.id == slot.fixed for c in cards)
    if any(s.drift for r in deck.rounds for s in r.injects):
        assert "DRIFT POOL" in text and "every scenario" in text and any(c.kind == "drift" for c in cards)
    box = PdfReader(str(out)).pages[0].mediabox
    assert abs(float(box.width) - 595.28) < 1 and abs(float(box.height) - 841.89) < 1


def test_cards_reproducible_and_dutch(tmp_path):
    lib = builtin_library()
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_cards(lib.decks["demo"], lib, a)
    write_cards(lib.decks["demo"], lib, b)
    assert a.read_bytes() == b.read_bytes()
    text = flat("\n".join(pdf_text(a)))
    assert "Ronde 1" in text and "kandidaat 1 van" in text and "Afzender" in text
    with pytest.raises(ValueError, match="language"):
        write_cards(lib.decks["demo"], lib, tmp_path / "c.pdf", lang="de")
