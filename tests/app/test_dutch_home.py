"""Home and the debrief in Dutch, at 80x24 and 160x48: Home speaks Dutch before any session (its own
`l` switches it to English and back, keeping what the form holds); the debrief of a Dutch session
has no English word of its own, and its `l` switches the session (content and interface)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select, Static

from wargame.app.app import make_app
from wargame.store import sessions_dir

from .conftest import FakeClock, app_library, new_session, screen_text
from .english import english_left, words

SIZES = [(80, 24), (160, 48)]


def ended(path: Path, clock: FakeClock, lang: str):
    """A played and ended session: a ruled move, a private one, notes with and without a tag."""
    session, _codes = new_session(path, clock, lang=lang)
    session.advance()
    m = session.record_move("eu", "Call the Council", "A joint statement", "Unity")
    session.adjudicate(m.id, 2, "The Council agrees", -1, 0)
    session.add_note("Attribution before retaliation worked", "strength")
    session.add_note("Write the playbook", "action", owner="BZ", due="2026-06-01")
    session.add_note("Coffee ran out", "")
    session.end()
    state = session.state
    session.close()
    return state


def home_text(app) -> str:
    """The screen, and what it may have scrolled away: the lists' options and the placeholders."""
    screen = app.screen
    options = [str(o.prompt) for lst in screen.query(OptionList) for o in lst.options]
    placeholders = [i.placeholder for i in screen.query(Input)]
    return "\n".join([screen_text(app), *options, *placeholders])


async def home_texts(size: tuple[int, int]) -> tuple[str, str, str]:
    """Home as it opens on a Dutch laptop (LANG=nl_NL), after `l` (English) and after `l` again, with
    one recent session."""
    clock = FakeClock()
    new_session(sessions_dir() / "recent.wargame", clock, lang="en")[0].close()
    (sessions_dir() / "junk.wargame").write_bytes(b"not a session" * 100)
    import os

    os.environ["LANG"] = "nl_NL.UTF-8"  # put back by the english_locale fixture (it deleted it first)
    app = make_app(now=clock, library=app_library())
    assert app.home_lang == "nl"
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.query_one("#seed", Input).value = "7"
        app.screen.query_one("#lang", Select).value = "en"
        dutch = home_text(app)
        await pilot.press("l")
        await pilot.pause()
        english = home_text(app)
        await pilot.press("l")
        await pilot.pause()
        again = home_text(app)
        assert app.screen.query_one("#seed", Input).value == "7", "the switch keeps what was typed"
        assert app.screen.query_one("#lang", Select).value == "en", "and the session's language chosen"
    return dutch, english, again


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_home_is_dutch_and_l_switches_it(tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)  # no local decks/ folder
    dutch, english, again = await home_texts(size)
    assert "Nieuwe sessie: kies een draaiboek" in dutch and "New session" not in dutch
    assert "Recente sessies" in dutch and "Recent sessions" in english
    assert "niet begonnen" in dutch and "not started" in english
    assert "niet leesbaar als sessie" in dutch and "not readable" in english
    assert "2 rondes" in dutch and "2 rounds" in english
    assert "…of het pad van een sessiebestand" in dutch
    assert "Sessie aanmaken" in dutch and "Create session" in english  # the footer
    if size[0] >= 120:
        assert "Trekkingsnummer" in dutch and "Draw number" in english
    assert again == dutch
    deck = app_library().decks["two-rounds"]
    content = words(deck.title.get(deck.language)) | words(deck.description.get("en"))
    left = english_left(dutch, english, new_session(tmp_path / "words.wargame", FakeClock())[0].state,
                        also=content | {"recent", "junk", "nederlands", "english"})  # file names, the languages' own names
    assert not left, left


async def debrief_text(path: Path, clock: FakeClock, size: tuple[int, int]) -> str:
    """What the debrief shows, but the timeline ("What was played", another area's words)."""
    app = make_app(path, now=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"
        shown = [w.visual.plain for w in app.screen.query(Static) if w.id != "played"]
        footer = screen_text(app).splitlines()[-1]
        return " ".join(sorted(words("\n".join([*shown, footer]))))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_debrief_of_a_dutch_session_is_dutch(tmp_path, size):
    clock = FakeClock()
    st = ended(tmp_path / "nl.wargame", clock, "nl")
    ended(tmp_path / "en.wargame", clock, "en")
    dutch = await debrief_text(tmp_path / "nl.wargame", clock, size)
    english = await debrief_text(tmp_path / "en.wargame", clock, size)
    for word in ("nabespreking", "afgesloten", "gespeeld", "zet", "beoordeling", "notities", "wereld",
                 "begonnen", "overgangen", "eigenaar", "sterke", "verbeterplan", "overige"):
        assert word in dutch.split(), word
    for word in ("debrief", "ended", "played", "move", "ruling", "notes", "world", "started", "owner",
                 "strengths", "other"):
        assert word in english.split() and word not in dutch.split(), word
    left = english_left(dutch, english, st, also={"attribution", "before", "retaliation", "worked", "write",
                                                   "the", "playbook", "coffee", "ran", "out", "pdf"})
    assert not left, left


async def test_l_on_the_debrief_switches_the_session(tmp_path):
    clock = FakeClock()
    ended(tmp_path / "s.wargame", clock, "nl")
    app = make_app(tmp_path / "s.wargame", now=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "Nabespreking ·" in screen_text(app) and "Pdf exporteren" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
        assert app.session.state.lang == "en"
        assert "Debrief ·" in text and "Notes" in text and "Export PDF" in text and "Notities" not in text
        await pilot.press("l")
        await pilot.pause()
        assert "Nabespreking ·" in screen_text(app) and "Export PDF" not in screen_text(app)
