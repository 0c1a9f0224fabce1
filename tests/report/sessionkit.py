"""Played sessions, built through the engine, for the report and exchange tests: one with hostile team text,
one in which ruled moves are replaced."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from wargame.content import Library, builtin_library
from wargame.engine.session import Session
from wargame.model import Deck, ExerciseObjective, Text

T0 = 1_773_300_000.0  # 2026-03-12, a fixed "now" so exports are reproducible

LONG = "x" * 10_000
HOSTILE = {
    "markup": "<b>&amp; <img src=x> </para>",
    "rich": "[/] [bold [@click=app.quit]x[/]",
    "cyrillic": "Привет мир",
    "quotes": "“dubbel” en ‘enkel’",
    "emoji": "lancering 🚀 nu",
    "rtl": "שלום",
    "dutch": "Zeeuwse coöperatie, ruïne, één café",
    "formula": "=cmd()",
}


class Clock:
    def __init__(self, t: float = T0):
        self.t = t

    def __call__(self) -> float:
        self.t += 37.0
        return self.t


OBJECTIVES = (  # every team of the demo deck rated on each, the red teams too: the tests rate Moscow
    ExerciseObjective(id="eenheid", title=Text(nl="Europese eenheid bewaren", en="Keep Europe united"),
                      strong=Text(nl="Eén lijn binnen een uur", en="One line within the hour")),
    ExerciseObjective(id="afschrikking", title=Text(nl="Afschrikking geloofwaardig houden", en="Keep deterrence credible"),
                      strong=Text(nl="Signalen zonder escalatie", en="Signals without escalation")),
    ExerciseObjective(id="weerbaarheid", title=Text(nl="Weerbaarheid thuis", en="Resilience at home"),
                      strong=Text(nl="Het publiek blijft geïnformeerd", en="The public stays informed")),
)


def deck_with_objectives(deck_id: str = "demo") -> tuple[Deck, Library]:
    """A built-in deck with the three test objectives in place of its own, and the library."""
    lib = builtin_library()
    return dataclasses.replace(lib.decks[deck_id], objectives=OBJECTIVES), lib


def played_session(path: Path, deck_id: str = "demo", *, lang: str = "en") -> Session:
    """Create and play the deck: every round, a move per team with hostile text, rulings and notes."""
    lib = builtin_library()
    deck = lib.decks[deck_id]
    clock = Clock()
    s, _codes = Session.create(path, deck, lib, lang=lang, seed=7, title="Oefening Noordzee <b>&amp;",
                               facilitator="Anna “Spelleider” de Vries", now=clock)
    teams = list(deck.teams)
    for r in range(len(deck.rounds)):
        s.advance()
        s.clock("start")
        for i, team in enumerate(teams):
            private = team == "moskou"
            action = f"R{r + 1} {team}: {HOSTILE['markup']} {HOSTILE['rich']}"
            if private:
                action = f"SECRET-{r + 1} Moskou covert plan {HOSTILE['cyrillic']}"
            result = f"{HOSTILE['quotes']} {HOSTILE['emoji']} {HOSTILE['rtl']} {HOSTILE['dutch']}"
            reasons = HOSTILE["formula"] + " because " + ("we must. " * 20)
            if r == 0 and i == 0:
                reasons = LONG
            m = s.record_move(team, action, result, reasons, private=private)
            if r == 0 and team == "eu":  # a revised move: two versions
                m = s.record_move(team, action + " (revised)", result, reasons)
            s.adjudicate(m.id, outcome=(i % 7) - 3, narrative=f"Ruling {HOSTILE['markup']} {HOSTILE['cyrillic']}",
                         erosion=1 if i % 2 else 0, rapprochement=1 if r % 2 else -1)
        s.add_note(f"Observation in round {r + 1}: {HOSTILE['rich']}")
    s.add_note("Strong coordination " + HOSTILE["quotes"], tag="strength")
    s.add_note("Attribution was slow " + HOSTILE["emoji"], tag="improvement")
    s.add_note("Draft a hybrid-threat playbook " + HOSTILE["markup"], tag="action", owner="BZ/DVB", due="2026-06-01")
    s.add_note("Long action " + LONG, tag="action", owner="o" * 3000, due="2026-09-30")
    s.add_note(HOSTILE["formula"], tag="action", owner="=HYPERLINK()", due="2026-07-01")
    s.end()
    return s


def replaced_session(path: Path, *, lang: str = "en") -> tuple[Session, dict[str, str]]:
    """Two rounds of the demo deck in which ruled moves are replaced; returns the session and the move ids.

    Round 1: the EU's move A is ruled, then replaced by B (not ruled); Moscow's private move M1 is
    ruled with a push; the Dutch cabinet's move K is ruled. Round 2: Moscow's private move M2 is
    ruled with a push, then replaced by a public M3. Notes of every tag.
    """
    lib = builtin_library()
    s, _codes = Session.create(path, lib.decks["demo"], lib, lang=lang, seed=7, title="Replaced rulings",
                               facilitator="Anna de Vries", now=Clock())
    ids: dict[str, str] = {}
    s.advance()
    ids["A"] = s.record_move("eu", "EU-FIRST plan <b>&amp;", "first result", "first reasons").id
    s.adjudicate(ids["A"], 2, "NARR-EU-FIRST <img src=x>", erosion=2, rapprochement=-1)
    ids["B"] = s.record_move("eu", "EU-SECOND plan", "second result", "second reasons").id
    ids["M1"] = s.record_move("moskou", "MOSCOW-SECRET-1 plan", "covert", "", private=True).id
    s.adjudicate(ids["M1"], 1, "NARR-MOSCOW-1", erosion=3)
    ids["K"] = s.record_move("kabinet-nl", "CABINET plan", "", "").id
    s.adjudicate(ids["K"], 0, "NARR-CABINET")
    s.add_note("NOTE-OBSERVATION of round one")
    s.add_note("NOTE-STRENGTH coordination", tag="strength")
    s.add_note("NOTE-IMPROVE attribution", tag="improvement")
    s.add_note("NOTE-ACTION playbook", tag="action", owner="NOTE-OWNER", due="2026-06-01")
    s.advance()
    ids["M2"] = s.record_move("moskou", "MOSCOW-SECRET-2 plan", "", "", private=True).id
    s.adjudicate(ids["M2"], -1, "NARR-MOSCOW-2", rapprochement=2)
    ids["M3"] = s.record_move("moskou", "MOSCOW-PUBLIC-3 plan", "", "", private=False).id
    return s, ids
