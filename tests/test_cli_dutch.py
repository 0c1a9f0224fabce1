"""The command line's own words in Dutch: a command's `--lang`, else the locale (LC_ALL, LC_MESSAGES,
LANG, the first one set). What scripts read does not change with the language: `--json`, the join
code table's layout, the exit codes; with a C locale everything reads as it always did."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from wargame.cli import _lang_option, build_parser, cli_lang, main

from .engine.helpers import MINI


def locale(monkeypatch: pytest.MonkeyPatch, lang: str | None = None, **variables: str) -> None:
    """Set the locale to LANG=`lang` (and any of LC_ALL, LC_MESSAGES), nothing else set."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    if lang is not None:
        monkeypatch.setenv("LANG", lang)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dutch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    locale(monkeypatch, "nl_NL.UTF-8")
    monkeypatch.setenv("WARGAME_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_brief_says_what_it_wrote_in_dutch(dutch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = dutch / "X.pdf"
    code, printed, err = run(capsys, "brief", "demo", "-o", str(out))
    assert code == 0 and err == "" and out.exists()
    assert re.fullmatch(rf"{re.escape(str(out))} geschreven \(\d+ pagina's\)\n", printed), printed
    said = printed.replace(str(out), "")
    assert "wrote" not in said and "pages" not in said


def test_lang_en_wins_over_the_locale(dutch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = dutch / "X.pdf"
    code, printed, _err = run(capsys, "brief", "demo", "-o", str(out), "--lang", "en")
    assert code == 0 and re.fullmatch(rf"wrote {re.escape(str(out))} \(\d+ pages\)\n", printed), printed
    code, printed, _err = run(capsys, "brief", "--lang=en", "-h")
    assert code == 0 and printed.startswith("usage: wargame brief") and "show this help message" in printed


def test_help_is_dutch(dutch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, printed, err = run(capsys, "--help")
    assert code == 0 and err == ""
    # argparse's own framing words ("usage:", "options:") stay English: see cli.build_parser
    assert printed.startswith("usage: wargame [-h] [--version]") and "OPDRACHT" in printed.splitlines()[0]
    for dutch_words in ("controleer inhoudsbestanden", "console van de spelleiding bij een nieuwe sessie",
                        "teampakketten (PDF)"):
        assert dutch_words in printed
    for english in ("check content files", "facilitator console"):
        assert english not in printed
    code, printed, _err = run(capsys, "export", "-h")
    assert "usage: wargame export" in printed and "SESSIE" in printed and "vertrouwelijke zetten" in printed


def test_usage_errors_are_dutch_and_still_exit_2(dutch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "brief")
    assert code == 2 and out == ""
    assert "usage: wargame brief" in err and "DRAAIBOEK" in err
    code, out, err = run(capsys, "rehearse", "demo", "--runs", "0")
    assert code == 2 and err == "wargame: --runs moet minstens 1 zijn\n"
    code, out, err = run(capsys, "resume", "nowhere")
    assert code == 2 and err == "wargame: sessie niet gevonden: nowhere\n"
    assert build_parser().format_help().startswith("usage: wargame")


def test_validate_and_list_in_dutch(dutch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "validate")
    assert code == 0 and out.startswith("geldig: 4 scenario's, ") and "draaiboeken" in out
    code, out, _err = run(capsys, "list", "decks")
    assert code == 0 and "rondes" in out and "spelers: Kabinet NL" in out and "players" not in out


def test_what_scripts_read_does_not_change(dutch: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _code, nl_json, _err = run(capsys, "list", "decks", "--json")
    code, out, _err = run(capsys, "new", str(MINI / "deck.yaml"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("sessie: ") and lines[1].startswith("teamcodes (eenmalig getoond")
    table = lines[2:-1]
    assert table and all(line == "  {:<16} {}".format(*line.split()) for line in table)  # the English layout
    assert lines[-1].startswith("start de sessie met:  wargame resume ")
    locale(monkeypatch, "C")
    assert run(capsys, "list", "decks", "--json")[1] == nl_json
    code, out, _err = run(capsys, "new", str(MINI / "deck.yaml"))
    assert out.splitlines()[1] == "join codes (shown once; regenerate them from the console):"


def test_with_a_c_locale_everything_is_as_today(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    locale(monkeypatch, "C")
    monkeypatch.chdir(tmp_path)
    code, printed, _err = run(capsys, "--help")
    assert code == 0 and printed.startswith("usage: wargame") and "options:" in printed
    assert "Run tabletop policy exercises" in printed
    code, out, _err = run(capsys, "validate")
    assert out.startswith("valid: 4 scenarios, ")
    code, _out, err = run(capsys, "validate", "nonexistent")
    assert code == 1 and err.endswith("invalid: 1 problem(s)\n")


def test_the_language_is_the_lang_option_then_lc_all_then_lc_messages_then_lang(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def ns(lang: str | None = None) -> argparse.Namespace:
        return argparse.Namespace(lang=lang)

    locale(monkeypatch)
    assert cli_lang() == "en" and cli_lang(ns()) == "en" and cli_lang(ns("nl")) == "nl"
    locale(monkeypatch, "nl_BE.UTF-8")
    assert cli_lang() == "nl" and cli_lang(ns("en")) == "en"
    locale(monkeypatch, "nl_NL.UTF-8", LC_ALL="C")
    assert cli_lang() == "en"
    locale(monkeypatch, "C", LC_MESSAGES="nl_NL.UTF-8")
    assert cli_lang() == "nl"
    locale(monkeypatch, "de_DE.UTF-8")
    assert cli_lang() == "en"
    assert _lang_option(["brief", "demo", "--lang", "nl"]) == "nl"
    assert _lang_option(["brief", "--lang=en", "demo"]) == "en"
    assert _lang_option(["brief", "--lan", "nl", "--lang", "en"]) == "en"
    assert _lang_option(["brief", "demo", "--", "--lang", "nl"]) is None
    assert _lang_option(["brief", "--lang"]) is None
    assert _lang_option(["list", "--json"]) is None
