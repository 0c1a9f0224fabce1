"""The engine's refusals in the interface's language: an EngineError carries its English sentence as a
message id with its values; `str(exc)` is the English as always, `error_text` the sentence in a language."""

from __future__ import annotations

import pytest

from wargame.engine.errors import EngineError as ErrorsEngineError
from wargame.engine.fork import fork
from wargame.engine.session import MAX_TEXT, EngineError, JoinWait, Session
from wargame.store import StoreError
from wargame.views.i18n import error_text

from .helpers import FakeClock, mini_library


def dutch_session(tmp_path, name: str = "nl.wargame"):
    lib = mini_library()
    clock = FakeClock()
    session, codes = Session.create(tmp_path / name, lib.decks["mini"], lib, seed=7, lang="nl", now=clock)
    return session, codes, clock


def refused(call, *args, **kwargs) -> EngineError:
    with pytest.raises(EngineError) as info:
        call(*args, **kwargs)
    return info.value


def test_the_session_module_still_exports_the_one_engine_error():
    assert EngineError is ErrorsEngineError
    assert issubclass(JoinWait, EngineError)


def test_refusals_speak_dutch_and_keep_their_english(tmp_path):
    s, _codes, _clock = dutch_session(tmp_path)
    assert s.state.lang == "nl"
    cases = [
        (refused(s.reopen_moves), "the exercise has not started yet", "de oefening is nog niet begonnen"),
        (refused(s.clock, "start"), "the exercise has not started yet", "de oefening is nog niet begonnen"),
        (refused(s.fire, "nope"), "no inject 'nope' in this session", "geen inject 'nope' in deze sessie"),
        (refused(s.clock, "extend", 0), "extend by 1 second to 1 hour", "verleng met 1 seconde tot 1 uur"),
        (refused(s.add_note, "x", tag="odd"), "tag a note as strength, improvement or action",
         "label een notitie als sterk punt, verbeterpunt of actiepunt"),
        (refused(s.add_note, "x", due="soon"),
         "due date 'soon' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31",
         "termijn 'soon' is geen datum; schrijf die als JJJJ-MM-DD, bijv. 2026-03-31"),
    ]
    s.advance()
    team = next(iter(s.state.teams))
    cases += [
        (refused(s.clock, "pause"),
         "the clock is not running", "de klok loopt niet"),
        (refused(s.record_move, "ghost", "act"), "no team 'ghost' in this session", "geen team 'ghost' in deze sessie"),
        (refused(s.record_move, team, "  "), "a move needs an action", "een zet heeft een actie nodig"),
        (refused(s.record_move, team, "x" * (MAX_TEXT + 1)),
         f"action is {MAX_TEXT + 1:,} characters; the limit is {MAX_TEXT:,}",
         f"de actie is {MAX_TEXT + 1:,} tekens lang; het maximum is {MAX_TEXT:,}"),
        (refused(s.adjudicate, "m0", 1), "no move 'm0'", "geen zet 'm0'"),
        (refused(s.set_language, "fr"), "language is nl or en", "de taal is nl of en"),
        (refused(s.new_code, "ghost"), "no team 'ghost'", "geen team 'ghost'"),
    ]
    m = s.record_move(team, "act")
    cases.append((refused(s.adjudicate, m.id, 9), "outcome runs from -3 (Disaster) to +3 (Triumph)",
                  "de uitkomst loopt van -3 (Ramp) tot +3 (Triomf)"))
    s.end()
    cases.append((refused(s.advance), "the exercise has ended", "de oefening is afgesloten"))
    for exc, english, dutch in cases:
        assert str(exc) == english
        assert error_text(exc, "en") == english
        assert error_text(exc, "nl") == dutch, exc.message_id
        assert error_text(exc, s.state.lang) == dutch


def test_a_team_console_hears_its_refusals_in_dutch(tmp_path):
    s, _codes, _clock = dutch_session(tmp_path)
    teams = list(s.state.teams)
    s.close()
    team = Session.open(tmp_path / "nl.wargame", team=teams[0])
    try:
        exc = refused(team.record_move, teams[1], "act")
        assert str(exc) == f"you are signed in as {teams[0]}; you cannot record a move for {teams[1]}"
        assert error_text(exc, "nl") == f"u bent aangemeld als {teams[0]}; u kunt geen zet vastleggen voor {teams[1]}"
        exc = refused(team.advance)
        assert (str(exc), error_text(exc, "nl")) == ("only the facilitator may do that",
                                                     "alleen de spelleiding mag dat doen")
        exc = refused(team.check_join, "ghost", "0000-0000")
        assert str(exc).startswith("no team 'ghost' in this session; teams: ")
        assert error_text(exc, "nl") == "geen team 'ghost' in deze sessie; teams: " + ", ".join(teams)
    finally:
        team.close()
    wait = JoinWait(41.6)
    assert (str(wait), error_text(wait, "nl")) == ("too many wrong codes; try again in 42 s",
                                                   "te veel verkeerde codes; probeer het over 42 s opnieuw")


def test_fork_refusals_speak_dutch(tmp_path):
    s, _codes, clock = dutch_session(tmp_path, "p.wargame")
    s.advance()
    s.close()
    parent = tmp_path / "p.wargame"
    exc = refused(fork, parent, 9, tmp_path / "c.wargame", now=clock)
    rounds = len(mini_library().decks["mini"].rounds)
    assert str(exc) == f"round 9: the deck has rounds 1 to {rounds}"
    assert error_text(exc, "nl") == f"ronde 9: het draaiboek heeft de rondes 1 tot en met {rounds}"
    exc = refused(fork, parent, 2, tmp_path / "c.wargame", now=clock)
    assert str(exc) == "round 2 has not started in p.wargame; it has played up to round 1"
    assert error_text(exc, "nl") == "ronde 2 is in p.wargame niet begonnen; die sessie is gespeeld tot en met ronde 1"
    exc = refused(fork, parent, 1, parent, now=clock)
    assert str(exc) == f"{parent}: already exists; give the fork a new file (--session PATH)"
    assert error_text(exc, "nl") == f"{parent}: bestaat al; geef de afsplitsing een nieuw bestand (--session PAD)"


def test_other_errors_say_what_they_say():
    assert error_text(StoreError("x.wargame: not a wargame session file"), "nl") == (
        "x.wargame: not a wargame session file")
    assert error_text(ValueError("plain"), "nl") == "plain"
    old_style = EngineError("a sentence worded elsewhere")  # no params: its own id, untranslated if unknown
    assert error_text(old_style, "nl") == "a sentence worded elsewhere"


def test_the_command_line_says_a_refusal_in_its_language(tmp_path, capsys, monkeypatch):
    from wargame.cli import main

    monkeypatch.setenv("WARGAME_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LC_ALL", "C")
    s, _codes, _clock = dutch_session(tmp_path, "p.wargame")
    s.close()
    parent = str(tmp_path / "p.wargame")
    assert main(["fork", parent, "--round", "9"]) != 0
    assert "wargame: round 9: the deck has rounds 1 to" in capsys.readouterr().err
    assert main(["fork", parent, "--round", "9", "--lang", "nl"]) != 0
    assert "wargame: ronde 9: het draaiboek heeft de rondes 1 tot en met" in capsys.readouterr().err
    monkeypatch.setenv("LC_ALL", "nl_NL.UTF-8")
    assert main(["fork", parent, "--round", "1"]) != 0
    assert "wargame: ronde 1 is in p.wargame niet begonnen; die sessie is nog niet begonnen" in capsys.readouterr().err
