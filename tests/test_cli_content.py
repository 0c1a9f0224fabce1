"""The content commands of the command-line contract: --version, list, schema, and usage errors."""

from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from wargame import __version__
from wargame.cli import main
from wargame.content import builtin_library
from wargame.model import Deck, Inject, Scenario, dump
from wargame.model.files import DeckFile, InjectFile
from wargame.model.validation import validate

from .conftest import ROOT


def field_names(model: type) -> set[str]:
    return {f.name for f in fields(model)}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"wargame {__version__}"


def test_list_scenarios_json_holds_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    items = run_json(capsys, "list", "scenarios", "--json")
    lib = builtin_library()
    assert isinstance(items, list) and len(items) == len(lib.scenarios) >= 1
    assert {s["id"] for s in items} == set(lib.scenarios)
    for item in items:
        assert set(item) == field_names(Scenario), "every field of the model, ids included"
        assert item == dump(lib.scenarios[item["id"]])
        for lang in ("nl", "en"):
            assert isinstance(item["title"][lang], str) and item["title"][lang].strip()
        assert 1 <= item["number"] <= 4
        assert set(item["quadrant"]) == {"erosion", "rapprochement"}
        # what comes out goes back in: the JSON is the model
        assert validate(Scenario, item) == lib.scenarios[item["id"]]


def test_list_defaults_to_scenarios_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    for s in builtin_library().scenarios.values():
        assert s.title.nl in out and s.title.en in out


def test_list_injects_json_holds_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    items = run_json(capsys, "list", "injects", "--json")
    lib = builtin_library()
    assert [i["id"] for i in items] == list(lib.injects)
    for item in items:
        assert set(item) == field_names(Inject)
        assert item == dump(lib.injects[item["id"]])
        assert item["title"]["nl"].strip() and item["title"]["en"].strip()
        assert item["briefing"]["nl"].strip() and item["briefing"]["en"].strip()


def test_list_decks_json_holds_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    items = run_json(capsys, "list", "decks", "--json")
    assert [d["id"] for d in items] == list(builtin_library().decks)
    for item in items:
        assert set(item) == field_names(Deck)


def test_list_text_is_human_readable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "injects")
    assert code == 0
    assert len(out.splitlines()) == len(builtin_library().injects)
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


@pytest.mark.parametrize("what, model, sample", [
    ("inject", InjectFile, "injects/tough-love.yaml"),
    ("deck", DeckFile, "decks/tough-love.yaml"),
])
def test_schema_is_a_json_schema(capsys: pytest.CaptureFixture[str], what: str, model: type,
                                 sample: str) -> None:
    schema = run_json(capsys, "schema", what)
    assert isinstance(schema, dict)
    assert schema["type"] == "object"
    assert schema["$schema"].startswith("http://json-schema.org/")
    assert set(schema["properties"]) == field_names(model)
    assert schema.get("additionalProperties") is False, "unknown fields are errors for editors too"
    assert all(isinstance(d.get("properties", {}), dict) for d in schema.get("$defs", {}).values())

    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    path = ROOT / sample
    if path.exists():  # a built-in file satisfies the schema, and a stray field does not
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(validator(schema).iter_errors(data)) == []
        assert list(validator(schema).iter_errors({**data, "colour": "red"}))


def test_schema_default_is_inject(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "schema") == run_json(capsys, "schema", "inject")


def test_validate_nonexistent_is_invalid_input_naming_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "validate", "nonexistent")
    assert code == 1 and "nonexistent:1: no such file or folder" in err
    assert out == ""
    assert "nonexistent" in err


@pytest.mark.parametrize("argv", [
    ["frobnicate"],
    ["list", "--bogus"],
    ["list", "weather"],
    ["schema", "weather"],
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert "usage: wargame" in err


def test_list_into_a_pipe_closed_early_ends_quietly() -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(f"{sys.executable} -m wargame list injects | head -1", shell=True, cwd=root,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(root)})
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 1
    assert proc.stderr == ""
