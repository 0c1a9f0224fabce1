"""The session commands: new, export (json, md, csv), import; errors are messages, not tracebacks."""

from __future__ import annotations

import json

import pytest

from wargame.cli import main
from wargame.engine.session import Session

from .helpers import MINI


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new_json(capsys, *args) -> dict:
    assert main(["new", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_new_prints_path_and_one_code_per_team(home, capsys):
    out = new_json(capsys, str(MINI / "deck.yaml"), "--seed", "5")
    assert set(out["codes"]) == {"red", "blue", "green"}
    assert set(out["seats"]) == {"evaluator", "observer"}, "the evaluators and observers sign in with codes of their own"
    assert out["session"].startswith(str(home / "home" / "sessions"))
    session = Session.open(__import__("pathlib").Path(out["session"]))
    assert session.state.seed == 5
    assert all(code not in json.dumps(session.store.events()[0].data) for code in out["codes"].values()), \
        "codes are stored hashed"


def test_new_with_explicit_session_path_and_lang(home, capsys):
    out = new_json(capsys, str(MINI / "deck.yaml"), "--session", str(home / "x.wargame"), "--lang", "en")
    assert out["session"] == str(home / "x.wargame")
    assert Session.open(home / "x.wargame").state.lang == "en"


def test_new_unknown_deck_is_usage_error(home, capsys):
    assert main(["new", "no-such-deck"]) == 2
    assert "no built-in deck" in capsys.readouterr().err


def test_new_invalid_deck_file_is_exit_1_with_position(home, capsys):
    bad = home / "bad.yaml"
    bad.write_text("deck:\n  id: x\n  title: {nl: a, en: b}\n", encoding="utf-8")
    assert main(["new", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:2: deck.description: required field is missing" in err


def test_export_import_export_gives_the_same_json(home, capsys):
    out = new_json(capsys, str(MINI / "deck.yaml"), "--session", str(home / "a.wargame"))
    s = Session.open(home / "a.wargame")
    s.advance()
    s.record_move("red", "[/] <b>&amp; Привет 🚀", "r", "x", private=True)
    s.add_note("note", "strength")
    s.close()
    assert main(["export", out["session"], "--format", "json", "-o", "a.json"]) == 0
    assert main(["import", "a.json", "--session", str(home / "b.wargame")]) == 0
    assert main(["export", str(home / "b.wargame"), "--format", "json", "-o", "b.json"]) == 0
    assert (home / "a.json").read_bytes() == (home / "b.json").read_bytes()
    assert "[/] <b>&amp; Привет 🚀" in (home / "b.json").read_text(encoding="utf-8")


def test_import_rejects_broken_exports_with_field(home, capsys):
    (home / "x.json").write_text('{"format": "wargame-session", "schema_version": 1, "events": [{"id": 1}]}')
    assert main(["import", "x.json", "--session", str(home / "c.wargame")]) == 1
    assert "events[0].key: missing or of the wrong type" in capsys.readouterr().err
    (home / "y.json").write_text("{not json")
    assert main(["import", "y.json"]) == 1
    assert "y.json:1: not JSON" in capsys.readouterr().err


def test_import_checks_the_sessions_content_like_content_files(home, capsys):
    """An export whose content was edited into something no deck file could hold is refused at
    import, naming the field, instead of making a session file that cannot be opened."""
    out = new_json(capsys, str(MINI / "deck.yaml"), "--session", str(home / "a.wargame"))
    assert main(["export", out["session"], "--format", "json", "-o", "a.json"]) == 0
    doc = json.loads((home / "a.json").read_text(encoding="utf-8"))
    doc["events"][0]["data"]["content"]["injects"][1]["push"]["erosion"] = 9
    (home / "edited.json").write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import", "edited.json", "--session", str(home / "b.wargame")]) == 1
    err = capsys.readouterr().err
    assert "events[0].data.content.injects[1].push.erosion: Input should be less than or equal to 3" in err
    assert not (home / "b.wargame").exists()


def test_a_session_file_with_damaged_content_is_an_error_not_a_traceback(home, capsys):
    import sqlite3

    out = new_json(capsys, str(MINI / "deck.yaml"), "--session", str(home / "a.wargame"))
    db = sqlite3.connect(out["session"])
    data = json.loads(db.execute("SELECT data FROM events WHERE id = 1").fetchone()[0])
    del data["content"]["deck"]["rounds"]
    db.execute("UPDATE events SET data = ? WHERE id = 1", (json.dumps(data),))
    db.commit()
    db.close()
    assert main(["export", out["session"], "--format", "md"]) == 1
    err = capsys.readouterr().err
    assert "a.wargame: the session file is damaged: the session's content cannot be read" in err and "Traceback" not in err


def test_export_of_a_missing_or_foreign_session(home, capsys):
    assert main(["export", "nope", "--format", "json"]) == 2
    (home / "junk.wargame").write_bytes(b"garbage" * 200)
    assert main(["export", str(home / "junk.wargame"), "--format", "json"]) == 1
    assert "not a wargame session file" in capsys.readouterr().err


def test_session_id_resolves_in_the_data_folder(home, capsys):
    out = new_json(capsys, str(MINI / "deck.yaml"))
    assert main(["export", out["session_id"], "--format", "json", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["events"][0]["kind"] == "session_created"


def test_sessions_made_in_the_same_second_get_their_own_files(home, capsys, monkeypatch):
    import wargame.store.paths as paths

    monkeypatch.setattr("time.time", lambda: 1_800_000_000.0)  # both in one second
    first = new_json(capsys, str(MINI / "deck.yaml"))["session"]
    second = new_json(capsys, str(MINI / "deck.yaml"))["session"]
    assert first != second and second.endswith("-2.wargame")
    assert paths.new_session_path("mini", 1_800_000_000.0).name.endswith("-3.wargame")
