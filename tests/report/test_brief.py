"""Team packs (`wargame brief`): the starting situation, the team's own brief and private injects, the
rules of play and how to enter a move; never another team's brief; a clear line for a wrong team."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from wargame.cli import main
from wargame.content.decks import resolve_deck
from wargame.report.brief import write_brief
from wargame.views.packs import deck_packs, team_pack
from wargame.views.words import MARKING

from .conftest import flat, pdf_text

DECK = Path(__file__).resolve().parents[1] / "fixtures" / "versions" / "deck.yaml"
HAGUE = ("HAGUE-ROLE", "HAGUE-OBJ-1", "HAGUE-OBJ-2", "HAGUE-RED", "HAGUE-LEVER", "HAGUE-KNOWS")
KREMLIN = ("KREMLIN-ROLE", "KREMLIN-OBJ", "KREMLIN-RED", "ORDERS-TEXT", "SECRET-INJECT-TEXT")


@pytest.fixture(scope="module")
def deck_lib():
    return resolve_deck(str(DECK))


def test_a_teams_pack_holds_its_brief_and_no_other(deck_lib, tmp_path):
    deck, lib = deck_lib
    out = tmp_path / "hague.pdf"
    pages = write_brief(deck, lib, out, team="den-haag", lang="en")
    text = flat("\n".join(pdf_text(out)))
    assert pages == len(PdfReader(str(out)).pages) >= 1
    order = ["SITUATION-TEXT", "Your brief", "HAGUE-ROLE", "Objectives", "HAGUE-OBJ-1", "HAGUE-OBJ-2", "Red lines",
             "HAGUE-RED", "Levers and resources", "HAGUE-LEVER", "What you know at the start", "HAGUE-KNOWS",
             "Rules of play", "How to enter a move", "wargame join SESSION --team den-haag"]
    at = [text.find(x) for x in order]
    assert -1 not in at and at == sorted(at), dict(zip(order, at, strict=True))
    for other in KREMLIN + ("KREMLIN-VERSION-TEXT",):
        assert other not in text, other
    assert text.count(MARKING) >= 2 * pages and "Team pack for The Hague" in text


def test_the_red_teams_pack_holds_its_private_inject_in_its_own_words(deck_lib, tmp_path):
    deck, lib = deck_lib
    out = tmp_path / "kremlin.pdf"
    write_brief(deck, lib, out, team="kremlin", lang="nl")
    text = flat("\n".join(pdf_text(out)))
    for word in ("SITUATION-TEXT In de winter", "Uw opdracht", "KREMLIN-ROLE U bent", "Doelen", "Rode lijnen",
                 "Alleen voor uw team", "Uw opties bij de start", "ORDERS-TEXT kies uit drie",
                 "Spelregels", "wargame join SESSION --team kremlin"):
        assert word in text, word
    # its private inject that round 2 delivers comes in play: in the pack it would give away what is to come
    assert "SECRET-INJECT-TEXT" not in text and "Geheime opdracht aan het Kremlin" not in text
    for other in HAGUE:
        assert other not in text, other


def test_a_team_without_a_brief_gets_the_situation_the_rules_and_a_line_saying_so(deck_lib):
    deck, lib = deck_lib
    pack = team_pack(deck, lib, "witte-huis", "en")
    assert pack.brief is None and pack.situation and pack.situation.startswith("SITUATION-TEXT")
    assert pack.team_name == "White House"


def test_without_team_one_pack_per_team_each_on_its_own_pages(deck_lib, tmp_path):
    deck, lib = deck_lib
    assert [p.team_id for p in deck_packs(deck, lib, "en")] == [*deck.teams, "noordzee-pers"]
    out = tmp_path / "all.pdf"
    pages = write_brief(deck, lib, out, lang="en")
    texts = [flat(p) for p in pdf_text(out)]
    assert pages == len(texts) >= 4
    starts = [i for i, p in enumerate(texts) if "SITUATION-TEXT" in p]
    assert len(starts) == 4  # each pack starts on a new page with the situation
    hague = " ".join(texts[starts[0]:starts[1]])
    kremlin = " ".join(texts[starts[1]:starts[2]])
    white = " ".join(texts[starts[2]:starts[3]])
    press = " ".join(texts[starts[3]:])
    assert "Suggested: 4 players at this table." in hague
    # the white cell's pack: its brief, what a white cell does, the injects it plays; no way to sign in
    for word in ("PRESS-ROLE", "Suggested: one player at this table.", "PRESS-OBJ", "White cell", "You do not sign in", "Injects your cell plays",
                 "BENCH-TITLE A newspaper scoop"):
        assert word in press, word
    assert "wargame join" not in press and "HAGUE-ROLE" not in press
    assert "HAGUE-ROLE" in hague and "KREMLIN-ROLE" not in hague
    assert "KREMLIN-ROLE" in kremlin and "HAGUE-ROLE" not in kremlin
    assert "This deck gives your team no brief of its own" in white and "Rules of play" in white
    assert "HAGUE-ROLE" not in white and "SECRET-INJECT-TEXT" not in white
    again = tmp_path / "again.pdf"
    write_brief(deck, lib, again, lang="en")
    assert again.read_bytes() == out.read_bytes()


def test_pack_text_is_never_markup(deck_lib, tmp_path):
    from dataclasses import replace

    from wargame.model import Text

    deck, lib = deck_lib
    hostile = "<b>&amp; <img src=x> </para>"
    deck = replace(deck, situation=Text(nl=hostile, en=hostile))
    out = tmp_path / "hostile.pdf"
    write_brief(deck, lib, out, team="witte-huis", lang="en")
    assert hostile in flat("\n".join(pdf_text(out)))


def test_brief_cli_default_names_and_wrong_team(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["brief", str(DECK)]) == 0
    assert main(["brief", str(DECK), "--team", "kremlin", "--lang", "nl"]) == 0
    assert (tmp_path / "versions-brief.pdf").exists() and (tmp_path / "versions-brief-kremlin.pdf").exists()
    capsys.readouterr()
    assert main(["brief", str(DECK), "--team", "atlantis"]) == 2
    err = capsys.readouterr().err
    assert err == "wargame: no team 'atlantis' in deck versions; its teams are: den-haag, kremlin, witte-huis, noordzee-pers\n"
    assert not (tmp_path / "versions-brief-atlantis.pdf").exists()
    assert main(["brief", "no-such-deck"]) == 2
    assert "no built-in deck 'no-such-deck'" in capsys.readouterr().err
    with pytest.raises(ValueError, match="no team 'atlantis'"):
        team_pack(*resolve_deck(str(DECK)), "atlantis", "en")
