"""Hostile content and odd paths: terminal escapes in texts, and paths that are no plain YAML file.

Each answer is `path:line: field: message` with exit 1 from `wargame validate`: never a traceback,
a hang, an unbounded read, or a control character written raw to the terminal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wargame.content import load, yamlread
from wargame.exchange.jsonio import ImportProblem, read_export, session_json
from wargame.model import Team
from wargame.model.text import CONTROL, control_problem, find_control, strip_control
from wargame.model.validation import ValidationError, validate

from .conftest import ROOT
from .engine.helpers import new_session
from .test_loader_errors import cli_invalid, here, inject_text, problems, write  # noqa: F401 (here: a fixture)

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and symlinks as on POSIX")

REFUSED = ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\r", "\x1b", "\x1f", "\x7f", "\x80", "\x85", "\x9b", "\x9f"]
ALLOWED = ["\n", "\t", " ", "é", "\xa0", "\u2028", "🚀"]


# --- wargame.model.text ------------------------------------------------------------------------

@pytest.mark.parametrize("char", REFUSED)
def test_control_characters_are_found_and_stripped(char: str) -> None:
    text = f"ab\n\t{char}cd{char}"
    assert find_control(text) == 4
    assert strip_control(text) == "ab\n\tcd"
    assert control_problem(text) == f"control character U+{ord(char):04X} at character 5 of the text is not allowed"


@pytest.mark.parametrize("char", ALLOWED)
def test_newline_tab_and_printable_text_are_kept(char: str) -> None:
    text = f"Parijs{char}vóór"
    assert find_control(text) is None and CONTROL.search(text) is None
    assert strip_control(text) == text and control_problem(text) is None


def test_the_text_module_needs_no_third_party_library() -> None:
    code = ("import sys, wargame.model.text; "
            "sys.exit(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'pydantic_core', 'yaml'}) or None)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


# --- control characters in content files ------------------------------------------------------

# YAML double-quoted escapes: the file's bytes are clean, the parsed text is not.
ESCAPES = {
    "OSC 2 window title": (r'"\e]2;PWNED\a Parijs"', 1, 0x1B),
    "OSC 52 clipboard": (r'"Parijs \e]52;c;cm0gLXJmIH4=\a"', 8, 0x1B),
    "CSI clear screen, hex escape": (r'"CEO \x1b[2J\x1b[H vermoord"', 5, 0x1B),
    "CSI as unicode escape": (r'"CEO \u001b[1A vermoord"', 5, 0x1B),
    "C1 single-byte CSI": (r'"CEO \x9b31m vermoord"', 5, 0x9B),
    "DEL": (r'"CEO\x7f"', 4, 0x7F),
    "NUL": (r'"CEO\0"', 4, 0x00),
    "bare carriage return": (r'"CEO\rvermoord"', 4, 0x0D),
    "next line (C1)": (r'"CEO\Nvermoord"', 4, 0x85),
}


@pytest.mark.parametrize("case", list(ESCAPES))
def test_escaped_control_character_is_refused_at_its_field(here: Path, case: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    title, at, code = ESCAPES[case]
    bad = write(here, "bad.yaml", inject_text(title_nl=title))
    expected = f"bad.yaml:4: injects[0].title.nl: control character U+{code:04X} at character {at} of the text is not allowed"
    assert problems(bad) == [expected]
    assert expected in cli_invalid(capsys, bad)


def test_control_character_in_a_key_is_refused_and_not_echoed(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(here, "bad.yaml", inject_text(extra='    "\\e]2;PWNED\\a": x\n'))
    expected = r"bad.yaml:21: injects[0].\x1b]2;PWNED\x07: control character U+001B at character 1 of the text is not allowed"
    assert problems(bad) == [expected]
    assert expected in cli_invalid(capsys, bad)


@pytest.mark.parametrize("name, shown", [("evil\x1b]2;PWNED\x07.yaml", r"evil\x1b]2;PWNED\x07.yaml"),
                                         (os.fsdecode(b"caf\xe9.yaml"), r"caf\udce9.yaml")])
@posix_only
def test_file_names_are_shown_escaped(here: Path, name: str, shown: str, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "content").mkdir()
    write(here / "content", name, "")
    expected = f"content/{shown}:1: file is empty"
    assert problems(Path("content")) == [expected]
    lines = cli_invalid(capsys, Path("content"))
    assert expected in lines and not any(CONTROL.search(line) for line in lines)


def test_crlf_line_endings_are_not_control_characters(here: Path) -> None:
    """The reader turns CR LF into LF before any text is checked."""
    write(here, "crlf.yaml", inject_text().replace("\n", "\r\n").encode("utf-8"))
    lib = load([Path("teams.yaml"), Path("crlf.yaml")])
    assert lib.injects["test-one"].title.en == "Thales CEO assassinated in Paris"


# --- control characters in imported content (pydantic) ----------------------------------------

def test_validation_refuses_control_characters_in_the_same_words() -> None:
    data = {"id": "kabinet-nl", "name": {"nl": "Kabinet", "en": "Cabinet\x1b]52;c;eA==\x07"},
            "role": {"nl": "Regering", "en": "Government"}}
    with pytest.raises(ValidationError) as info:
        validate(Team, data)
    assert [(e["type"], e["loc"], e["msg"]) for e in info.value.errors()] == [
        ("control_character", ("name", "en"), "control character U+001B at character 8 of the text is not allowed")]
    assert validate(Team, {**data, "name": {"nl": "Kabinet", "en": "Cabinet\n\tNL"}}).name.en == "Cabinet\n\tNL"


def test_import_refuses_an_export_whose_content_holds_escapes(tmp_path: Path) -> None:
    session, _, _ = new_session(tmp_path)
    doc = json.loads(session_json(session.store))
    session.close()
    doc["events"][0]["data"]["content"]["injects"][0]["briefing"]["nl"] = "Nieuws\x9b2J"
    (tmp_path / "edited.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ImportProblem) as info:
        read_export(tmp_path / "edited.json")
    assert str(info.value).endswith("events[0].data.content.injects[0].briefing.nl: "
                                    "control character U+009B at character 7 of the text is not allowed")


# --- odd paths ---------------------------------------------------------------------------------

def test_path_that_does_not_exist(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = "missing.yaml:1: no such file or folder"
    assert problems(Path("missing.yaml")) == [expected]
    assert cli_invalid(capsys, Path("missing.yaml"))[-2:] == [expected, "invalid: 1 problem(s)"]


@posix_only
def test_symlink_loop(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink("b.yaml", here / "a.yaml")
    os.symlink("a.yaml", here / "b.yaml")
    expected = "a.yaml:1: symbolic link loop: the link never reaches a file"
    assert problems(Path("a.yaml")) == [expected]
    assert expected in cli_invalid(capsys, Path("a.yaml"))


def test_empty_folder_named_like_a_yaml_file(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "x.yaml").mkdir()
    expected = "x.yaml:1: no YAML files (.yaml or .yml) in this folder"
    assert problems(Path("x.yaml")) == [expected]
    assert expected in cli_invalid(capsys, Path("x.yaml"))


@posix_only
def test_folder_without_yaml_files(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "notes").mkdir()
    write(here / "notes", "readme.txt", "not content")
    os.symlink("nowhere.txt", here / "notes" / "gone.txt")
    expected = "notes:1: no YAML files (.yaml or .yml) in this folder"
    assert problems(Path("notes")) == [expected]
    assert expected in cli_invalid(capsys, Path("notes"))


@posix_only
def test_folder_of_broken_symlinks(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "links").mkdir()
    os.symlink("nowhere.yaml", here / "links" / "one.yaml")
    os.symlink("../gone/two.yaml", here / "links" / "two.yml")
    expected = ["links/one.yaml:1: broken symbolic link: its target 'nowhere.yaml' does not exist",
                "links/two.yml:1: broken symbolic link: its target '../gone/two.yaml' does not exist"]
    assert problems(Path("links")) == expected
    assert cli_invalid(capsys, Path("links"))[-3:] == expected + ["invalid: 2 problem(s)"]


def test_no_file_is_read_past_the_size_limit(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that says it is small (as /proc files do) but goes on: the read stops at the limit."""
    proc = Path("/proc/self/maps")
    if not proc.is_file() or proc.stat().st_size != 0:
        pytest.skip("needs a /proc file that reports size 0")
    monkeypatch.setattr(yamlread, "MAX_BYTES", 1000)
    [problem] = problems(proc)
    assert problem.startswith("/proc/self/maps:1: file is more than 1,000 bytes; the limit is 1,000")


def run_validate(cwd: Path, *paths: str) -> subprocess.CompletedProcess[str]:
    """`wargame validate` in a child process with 60 s and 1 GiB: a hang or an endless read fails the test."""
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
            "from wargame.cli import main; sys.exit(main(sys.argv[1:]))")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-c", code, "validate", *paths], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


@posix_only
@pytest.mark.parametrize("where", ["pipe.yaml", "folder"])
def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path, where: str) -> None:
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "pipe.yaml")
    os.mkfifo(tmp_path / "folder" / "pipe.yaml")
    proc = run_validate(tmp_path, where)
    shown = "pipe.yaml" if where == "pipe.yaml" else "folder/pipe.yaml"
    assert (proc.returncode, proc.stderr.splitlines()) == (1, [
        f"{shown}:1: not a regular file but a FIFO (named pipe); only regular files are read", "invalid: 1 problem(s)"])


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_device_is_refused_unread(tmp_path: Path) -> None:
    proc = run_validate(tmp_path, "/dev/zero")
    assert (proc.returncode, proc.stderr.splitlines()) == (1, [
        "/dev/zero:1: not a regular file but a character device; only regular files are read", "invalid: 1 problem(s)"])
