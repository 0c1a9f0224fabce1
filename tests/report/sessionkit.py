"""A played session with hostile team text, built through the engine, for the report and exchange tests."""

from __future__ import annotations

from pathlib import Path

from wargame.content import builtin_library
from wargame.engine.session import Session

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
    s.add_note("Long action " + LONG, tag="action", owner="o" * 3000, due="d" * 500)
    s.add_note(HOSTILE["formula"], tag="action", owner="=HYPERLINK()", due="Q3")
    s.end()
    return s
