"""The tables' handouts (`wargame handouts`): the axis cross with a paragraph on each future, the
signposts per future and the reference sheets, in the deck's language, never read as markup."""

from __future__ import annotations

from pathlib import Path

from wargame.cli import main
from wargame.content.decks import resolve_deck
from wargame.report.handouts import write_handouts
from wargame.views.handouts import deck_handouts
from wargame.views.words import MARKING

from .conftest import flat, pdf_text

DECK = Path(__file__).resolve().parents[1] / "fixtures" / "versions" / "deck.yaml"


def test_the_handouts_hold_the_four_futures_their_signposts_and_the_sheets(tmp_path):
    deck, lib = resolve_deck(str(DECK))
    out = tmp_path / "h.pdf"
    pages = write_handouts(deck, lib, out, lang="en")
    text = flat("\n".join(pdf_text(out)))
    view = deck_handouts(deck, lib, "en")
    assert [f.number for f in view.futures] == [1, 2, 3, 4]
    order = ["The axis cross: four futures", "1 · Tough Love", "4 · Europe in the Vice",
             "Signposts: how to see the world moving", "REF-TITLE Treaties", "REF-INTRO",
             "REF-TERM <b>Article</b> & 5", "REF-TEXT an attack on one </para> is an attack on all."]
    at = [text.find(x) for x in order]
    assert -1 not in at and at == sorted(at), dict(zip(order, at, strict=True))
    for future in view.futures:
        assert flat(future.synopsis)[:60] in text
        for sign in future.signposts:
            assert flat(sign)[:50] in text
    assert text.count(MARKING) >= 2 * pages
    again = tmp_path / "again.pdf"
    write_handouts(deck, lib, again, lang="en")
    assert again.read_bytes() == out.read_bytes()


def test_handouts_cli_in_the_decks_language_or_the_one_asked(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["handouts", str(DECK), "--lang", "nl"]) == 0
    assert "versions-handouts.pdf geschreven" in capsys.readouterr().out  # the command's --lang
    text = flat("\n".join(pdf_text(tmp_path / "versions-handouts.pdf")))
    assert "Het assenkruis: vier toekomsten" in text and "REF-TERM <b>Artikel</b> & 5" in text
    assert main(["handouts", "no-such-deck"]) == 2
