"""`wargame fork` and `wargame export A --compare B`: a new session file and its codes, the parent
byte for byte as it was, the comparison as PDF or Markdown; wrong rounds and decks are clear refusals."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from wargame.cli import main
from wargame.engine.session import Session


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def played(path: Path, deck: str = "demo", rounds: int = 2) -> None:
    from wargame.content import builtin_library

    lib = builtin_library()
    s, _ = Session.create(path, lib.decks[deck], lib, seed=1, lang="en")
    for r in range(rounds):
        s.next_round() if r else s.advance()
        m = s.record_move("kabinet-nl", f"round {r + 1} as played", "", "")
        s.adjudicate(m.id, 1, "", erosion=1)
    s.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fork_prints_the_new_file_and_codes_and_leaves_the_parent(home, capsys):
    played(home / "a.wargame")
    before = digest(home / "a.wargame")
    exported = home / "before.json"
    assert main(["export", str(home / "a.wargame"), "--format", "json", "-o", str(exported)]) == 0
    capsys.readouterr()
    assert main(["fork", str(home / "a.wargame"), "--round", "2"]) == 0
    out = capsys.readouterr().out
    assert f"session: {home / 'a-round2.wargame'}" in out and "a.wargame is unchanged" in out
    assert "join codes (new ones" in out and "  kabinet-nl " in out
    assert main(["fork", str(home / "a.wargame"), "--round", "2"]) == 0  # a second fork: a free name
    assert "a-round2-2.wargame" in capsys.readouterr().out
    assert digest(home / "a.wargame") == before
    again = home / "after.json"
    assert main(["export", str(home / "a.wargame"), "--format", "json", "-o", str(again)]) == 0
    assert again.read_bytes() == exported.read_bytes(), "the parent exports byte for byte as before"
    capsys.readouterr()
    assert main(["fork", str(home / "a.wargame"), "--round", "3"]) == 1
    assert capsys.readouterr().err == "wargame: round 3 has not started in a.wargame; it has played up to round 2\n"


def test_compare_writes_pdf_and_markdown_and_refuses_two_decks(home, capsys):
    played(home / "a.wargame")
    assert main(["fork", str(home / "a.wargame"), "--round", "2", "--session", str(home / "b.wargame")]) == 0
    b = Session.open(home / "b.wargame")
    b.next_round()
    m = b.record_move("kabinet-nl", "round 2 played otherwise", "", "")
    b.adjudicate(m.id, -2, "", erosion=-1)
    b.close()
    capsys.readouterr()
    assert main(["export", str(home / "a.wargame"), "--compare", str(home / "b.wargame")]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {home / 'a-vs-b.pdf'}")
    assert main(["export", str(home / "a.wargame"), "--compare", str(home / "b.wargame"), "--format", "md",
                 "-o", "-"]) == 0
    md = capsys.readouterr().out
    assert "The roads part in round 2" in md and "`round 2 played otherwise`" in md
    played(home / "tl.wargame", deck="tough-love", rounds=1)
    capsys.readouterr()
    assert main(["export", str(home / "a.wargame"), "--compare", str(home / "tl.wargame")]) == 2
    assert "different decks" in capsys.readouterr().err
    assert main(["export", str(home / "a.wargame"), "--compare", str(home / "b.wargame"), "--format", "csv"]) == 2
    assert "--compare writes pdf or md" in capsys.readouterr().err
