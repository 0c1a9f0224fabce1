"""`wargame export` without -o puts the PDF where the console's export offers it (one rule, both use it)."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from wargame.cli import main
from wargame.store import sessions_dir
from wargame.store.outputs import default_export as console_default

from .helpers import MINI


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_HOME", str(tmp_path / "home"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return tmp_path


@pytest.fixture
def written(monkeypatch) -> list[Path]:
    """A stand-in for the PDF writer (ReportLab is slow): it writes a few bytes and notes where."""
    calls: list[Path] = []
    fake = types.ModuleType("wargame.report.debrief")

    def write_debrief(state, out, team=None, lang="nl", **_):
        calls.append(out)
        out.write_bytes(b"%PDF-fake")
        return 1

    fake.write_debrief = write_debrief  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "wargame.report.debrief", fake)
    return calls


def new(capsys: pytest.CaptureFixture[str], *args: str) -> Path:
    assert main(["new", str(MINI / "deck.yaml"), *args, "--json"]) == 0
    return Path(json.loads(capsys.readouterr().out)["session"])


def test_beside_a_session_file_in_a_plain_folder(home, written, capsys):
    session = new(capsys, "--session", str(home / "usb" / "exercise.wargame"))
    assert main(["export", str(session)]) == 0
    out = home / "usb" / "exercise-debrief.pdf"
    assert written == [out] and out.read_bytes() == b"%PDF-fake"
    assert capsys.readouterr().out == f"wrote {out} (1 pages)\n"
    assert console_default(session) == out, "the console offers the same file"


def test_in_the_current_folder_for_a_session_in_the_data_folder(home, written, capsys):
    session = new(capsys)
    assert session.parent == sessions_dir()
    assert main(["export", session.stem]) == 0
    out = home / "work" / f"{session.stem}-debrief.pdf"
    assert written == [out] and out.is_file()
    assert not (sessions_dir() / f"{session.stem}-debrief.pdf").exists()
    assert console_default(session) == out


def test_an_output_given_is_used_as_it_is(home, written, capsys):
    session = new(capsys, "--session", str(home / "x.wargame"))
    assert main(["export", str(session), "-o", "handout.pdf"]) == 0
    assert written == [Path("handout.pdf")] and (home / "work" / "handout.pdf").is_file()
