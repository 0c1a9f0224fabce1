"""Each team's own version of an inject: on its cards and in its handout, never another team's private
version or private inject; the facilitator's cards, debrief and MSEL show every version.

The deck (tests/fixtures/versions): three teams, the Kremlin the red team. vx-cable is the AIVD's
cable, with a private SVR version for the Kremlin and an embassy version for the White House;
vx-plain has no versions; vx-secret is a private inject for the Kremlin alone."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml

from wargame.cli import main
from wargame.content import builtin_library, load
from wargame.content.decks import resolve_deck
from wargame.engine.session import Session
from wargame.exchange.msel import export_msel, import_msel, msel_rows
from wargame.report.cards import deck_cards, write_cards
from wargame.report.debrief import write_debrief
from wargame.report.markdown import session_markdown
from wargame.views.visibility import inject_shown, on_wall, team_inject, versions_shown

from .conftest import flat, pdf_text
from .sessionkit import Clock

DECK = Path(__file__).resolve().parents[1] / "fixtures" / "versions" / "deck.yaml"
DUTCH, KREMLIN, EMBASSY, SECRET = "DUTCH-CABLE-TEXT", "KREMLIN-VERSION-TEXT", "EMBASSY-VERSION-TEXT", "SECRET-INJECT-TEXT"


@pytest.fixture(scope="module")
def deck_lib():
    return resolve_deck(str(DECK))


@pytest.fixture(scope="module")
def played(deck_lib, tmp_path_factory):
    deck, lib = deck_lib
    path = tmp_path_factory.mktemp("versions") / "versions.wargame"
    s, _codes = Session.create(path, deck, lib, lang="en", seed=3, title="Versions", now=Clock())
    while s.advance() is not None:
        pass
    s.end()
    yield s
    s.close()


def test_team_inject_is_the_teams_own_version_else_the_inject(deck_lib):
    _deck, lib = deck_lib
    cable = lib.injects["vx-cable"]
    mine = team_inject(cable, "kremlin")
    assert mine.own and mine.private and mine.delivery == "intel_brief" and mine.sender.en == "SVR"
    assert KREMLIN in mine.briefing.en and mine.date == cable.date
    embassy = team_inject(cable, "witte-huis")  # sets title, briefing, sender: the rest is the inject's own
    assert embassy.own and not embassy.private and embassy.delivery == "cable" and embassy.questions == cable.questions
    hague = team_inject(cable, "den-haag")
    assert not hague.own and hague.title == cable.title and DUTCH in hague.briefing.en
    assert [v.team for v in versions_shown(cable, None)] == ["kremlin", "witte-huis"]
    assert [v.team for v in versions_shown(cable, "den-haag")] == ["witte-huis"]  # never the private SVR one
    assert [v.team for v in versions_shown(cable, "kremlin")] == ["kremlin", "witte-huis"]
    secret = lib.injects["vx-secret"]
    assert inject_shown(secret, "kremlin") and inject_shown(secret, None)
    assert not inject_shown(secret, "den-haag") and not on_wall(secret) and on_wall(cable)
    assert versions_shown(secret, "den-haag") == ()


@pytest.mark.parametrize("team", ["den-haag", "kremlin", "witte-huis"])
def test_a_teams_cards_hold_its_own_version_and_no_controller_part(deck_lib, team, tmp_path):
    deck, lib = deck_lib
    out = tmp_path / f"{team}.pdf"
    write_cards(deck, lib, out, lang="en", team=team)
    text = flat("\n".join(pdf_text(out)))
    ids = [c.inject.id for c in deck_cards(deck, lib, "en", team=team)]
    # the bench inject of round 1 may be fired, so a team's cards hold it too
    assert ids == (["vx-cable", "vx-plain", "vx-bench", "vx-secret"] if team == "kremlin"
                   else ["vx-cable", "vx-plain", "vx-bench"])
    assert "PLAIN-TEXT" in text and "CONTROLLER-NOTE" not in text and "Push on the axes" not in text
    own = {"den-haag": DUTCH, "kremlin": KREMLIN, "witte-huis": EMBASSY}[team]
    assert own in text
    for other in {DUTCH, KREMLIN, EMBASSY} - {own}:
        assert other not in text, other
    assert (SECRET in text) == (team == "kremlin")
    assert "What does the cabinet do?" in text or team == "kremlin"  # the questions the team reads
    if team == "kremlin":
        assert "How does Moscow exploit this?" in text and "SVR assessment" in text
    # its own version is addressed to it alone: the card does not tell it that others read another
    sender = {"den-haag": "From: AIVD · To: all teams", "kremlin": "From: SVR · To: Kremlin",
              "witte-huis": "From: US embassy · To: White House"}[team]
    assert sender in text


def test_the_facilitators_cards_show_every_version_labelled(deck_lib, tmp_path):
    deck, lib = deck_lib
    out = tmp_path / "all.pdf"
    write_cards(deck, lib, out, lang="en")
    text = flat("\n".join(pdf_text(out)))
    for word in (DUTCH, KREMLIN, EMBASSY, SECRET, "version for Kremlin · private", "version for White House",
                 "Private inject: for Kremlin only"):
        assert word in text, word
    kinds = [(c.inject.id, c.kind, c.reader) for c in deck_cards(deck, lib, "en") if c.inject]
    assert kinds[:3] == [("vx-cable", "fixed", None), ("vx-cable", "version", "kremlin"),
                         ("vx-cable", "version", "witte-huis")]
    assert ("vx-bench", "bench", None) in kinds  # after round 1's core injects, marked as the bench
    assert "Round 1 · bench" in text and "Optional: the facilitator fires this inject" in text
    assert "Played by North Sea press" in text  # the white cell that plays it


def test_cards_cli_team_option(tmp_path, capsys):
    assert main(["cards", str(DECK), "--team", "kremlin", "-o", str(tmp_path / "k.pdf")]) == 0
    assert (tmp_path / "k.pdf").exists()
    assert main(["cards", str(DECK), "--team", "atlantis", "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "no team 'atlantis' in deck versions" in err and err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_the_facilitators_debrief_shows_every_version_side_by_side(played, tmp_path):
    out = tmp_path / "debrief.pdf"
    write_debrief(played.state, out)
    text = flat("\n".join(pdf_text(out)))
    at = [text.find(x) for x in (DUTCH, "Versions by team", "version for Kremlin", KREMLIN, "version for White House",
                                 EMBASSY)]
    assert -1 not in at and at == sorted(at), at
    assert SECRET in text
    md = session_markdown(played.state)
    assert all(x in md for x in (DUTCH, KREMLIN, EMBASSY, SECRET, "**Versions by team**"))


@pytest.mark.parametrize("team", ["den-haag", "kremlin", "witte-huis"])
def test_a_handout_shows_the_teams_own_version_never_another_teams_private_one(played, team, tmp_path):
    out = tmp_path / f"{team}.pdf"
    write_debrief(played.state, out, team=team)
    pdf = flat("\n".join(pdf_text(out)))
    md = session_markdown(played.state, team=team)
    for text in (pdf, md):
        assert (KREMLIN in text) == (team == "kremlin")  # the private SVR version: the Kremlin's alone
        assert (SECRET in text) == (team == "kremlin")  # the private inject: its target's alone
        assert ("Secret order to the Kremlin" in text) == (team == "kremlin")  # nor in the timeline
        assert EMBASSY in text  # not private: the others may read it in the hot wash
        assert (DUTCH in text) == (team == "den-haag")  # a team with its own version reads that one
        assert "PLAIN-TEXT" in text
    if team != "kremlin":
        assert "Inject 3" not in pdf  # numbered among what the handout shows: no gap gives the secret away
        assert "Injects delivered 2" in pdf


def test_msel_has_a_row_per_version_and_round_trips(deck_lib, tmp_path):
    deck, lib = deck_lib
    rows = [(r["id"], r["version_for"], r["to"], r["private"]) for r in msel_rows(deck, lib)]
    assert rows == [("vx-cable", "", "all", "no"), ("vx-cable", "kremlin", "kremlin", "yes"),
                    ("vx-cable", "witte-huis", "witte-huis", "no"), ("vx-plain", "", "all", "no"),
                    ("vx-bench", "", "all", "no"), ("vx-secret", "", "kremlin", "yes")]
    assert [r["selection"] for r in msel_rows(deck, lib) if r["id"] == "vx-bench"] == ["bench"]
    for ext in ("csv", "xlsx"):
        sheet = tmp_path / f"v.{ext}"
        export_msel(deck, lib, sheet)
        back_file = tmp_path / f"v-{ext}.yaml"
        back_file.write_text(import_msel(sheet), encoding="utf-8")
        back = load([back_file, DECK.parent / "teams.yaml"], base=builtin_library())
        for iid in ("vx-cable", "vx-plain", "vx-secret"):
            assert back.injects[iid] == lib.injects[iid], (ext, iid)
    sheet = tmp_path / "v.csv"
    table = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    head = table[0]
    kremlin = next(r for r in table[1:] if r[head.index("Version For")] == "kremlin")
    assert KREMLIN in kremlin[head.index("Inject (en)")] and kremlin[head.index("Delivery Method")] == "Intelligence brief"
    assert kremlin[head.index("Version Fields")] == "title, briefing, sender, delivery, questions"


def test_msel_import_of_a_version_row_without_its_fields_named(deck_lib, tmp_path):
    """A planner's sheet without "Version Fields": the version takes what differs from the inject's own row."""
    deck, lib = deck_lib
    sheet = tmp_path / "v.csv"
    export_msel(deck, lib, sheet)
    table = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    k = table[0].index("Version Fields")
    for row in table:
        del row[k]
    buf = io.StringIO()
    csv.writer(buf).writerows(table)
    sheet.write_text(buf.getvalue(), encoding="utf-8")
    injects = {i["id"]: i for i in yaml.safe_load(import_msel(sheet))["injects"]}
    embassy = next(v for v in injects["vx-cable"]["versions"] if v["team"] == "witte-huis")
    assert set(embassy) == {"team", "title", "briefing", "sender"}
    orphan = tmp_path / "orphan.csv"
    table = [table[0]] + [r for r in table[1:] if r[table[0].index("Inject ID")] != "vx-cable" or
                          r[table[0].index("Version For")]]
    buf = io.StringIO()
    csv.writer(buf).writerows(table)
    orphan.write_text(buf.getvalue(), encoding="utf-8")
    with pytest.raises(ValueError, match="a version of inject 'vx-cable', which has no row of its own"):
        import_msel(orphan)
