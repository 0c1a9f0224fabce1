"""Every class of bad content file is answered with `path:line: field: message`, never a traceback.

Each case is checked twice: through `wargame.content.load` (the exact problems of the
ContentError) and through `wargame validate` (exit 1, the same lines on stderr).
Paths are shown relative to the working folder, so every test runs inside tmp_path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wargame.cli import main
from wargame.content import ContentError, Library, Problem, builtin_library, load

from .conftest import ROOT

# A valid inject, in the shape of injects/tough-love.yaml. Line numbers, for the assertions:
#  1 injects:              9 date            17 questions:
#  2   - id                10 delivery        18   - nl
#  3 title:                11 sender          19     en
#  4   nl                  12 targets         20 push
#  5   en                  13 minutes         21 (extra lines go here) source:
#  6 briefing:             14 facilitator_notes:
#  7   nl                  15   nl
#  8   en                  16   en
INJECT = """\
injects:
  - id: {id}
    title:
      nl: {title_nl}
      en: Thales CEO assassinated in Paris
    briefing:
      nl: De bestuursvoorzitter van Thales is vanochtend doodgeschoten.
      en: The chief executive of Thales was shot dead this morning.
    date: {date}
    delivery: {delivery}
    sender: {{nl: Persbureau AFP, en: AFP news agency}}
    targets: [{targets}]
    minutes: {minutes}
    facilitator_notes:
      nl: Test of teams attributie vóór vergelding zetten.
      en: Tests whether teams put attribution before retaliation.
    questions:
      - nl: Wat is de Nederlandse reactie voordat de attributie rond is?
        en: What is the Dutch response before attribution is settled?
    push: {{erosion: 0, rapprochement: -1}}
{extra}    source:
      section: Scenario 1. "Tough Love"
      quote: In Parijs vindt een moordaanslag plaats op de CEO van het Franse defensiebedrijf Thales.
"""

TEAMS = """\
teams:
  - id: kabinet-nl
    name: {nl: Kabinet NL, en: Dutch Cabinet}
    role: {nl: De Nederlandse regering., en: The Dutch government.}
"""

DECK = """\
deck:
  id: {id}
  title: {{nl: Proef, en: Trial}}
  description: {{nl: Een proefoefening., en: A trial exercise.}}
  teams: [{teams}]
  rounds:
    - title: {{nl: Ronde een, en: Round one}}
      minutes: 20
      injects:
{slots}"""


def inject_text(*, id: str = "test-one", title_nl: str = "CEO van Thales vermoord in Parijs",
                date: str = '"2026-03-12"', delivery: str = "news_flash", targets: str = "kabinet-nl",
                minutes: str = "15", extra: str = "", drop: str | None = None) -> str:
    """A valid inject file, with one thing varied; `extra` lines go in at line 21, `drop` removes a line."""
    text = INJECT.format(id=id, title_nl=title_nl, date=date, delivery=delivery, targets=targets,
                         minutes=minutes, extra=extra)
    if drop is not None:
        lines = text.splitlines(keepends=True)
        matching = [ln for ln in lines if ln.strip() == drop]
        assert len(matching) == 1, f"{drop!r} is not one line of the inject"
        lines.remove(matching[0])
        text = "".join(lines)
    return text


def deck_text(*, id: str = "test-deck", teams: str = "kabinet-nl", fixed: tuple[str, ...] = ("test-one",)) -> str:
    slots = "".join(f"        - fixed: {ref}\n" for ref in fixed)
    return DECK.format(id=id, teams=teams, slots=slots)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the working folder, with a valid teams file in it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "teams.yaml").write_text(TEAMS, encoding="utf-8")
    return tmp_path


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def problems(*paths: Path, base: Library | None = None) -> list[str]:
    """The problems `load` raises for `paths` (with the test teams), as `path:line: field: message`."""
    with pytest.raises(ContentError) as info:
        load([Path("teams.yaml"), *paths], base=base)
    assert all(isinstance(p, Problem) for p in info.value.problems)
    return [str(p) for p in info.value.problems]


def cli_invalid(capsys: pytest.CaptureFixture[str], *paths: Path) -> list[str]:
    """Run `wargame validate` on the test teams and `paths`; it must exit 1 without a traceback."""
    capsys.readouterr()
    code = main(["validate", "teams.yaml", *(str(p) for p in paths)])
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    assert "Traceback" not in err and "Traceback" not in out
    lines = err.splitlines()
    assert lines[-1].startswith("invalid: ") and lines[-1].endswith(" problem(s)")
    return lines


# --- one bad file, one (or two) exact problems ---------------------------------------------------

QUOTE_IT = "quote it if it is text: '{0}' (for a yes/no field write true or false)"

CASES: dict[str, tuple[str | bytes, list[str]]] = {
    "yaml syntax error": (
        inject_text(delivery="[news_flash"),
        ["bad.yaml:11: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 10)"],
    ),
    "tab indentation": (
        inject_text().replace("    minutes: 15", "\tminutes: 15"),
        ["bad.yaml:13: YAML syntax: a tab; indent with spaces"],
    ),
    "duplicate key": (
        inject_text(extra="    minutes: 20\n"),
        ["bad.yaml:21: injects[0].minutes: duplicate key; the first one, at line 13, would be silently overwritten"],
    ),
    "anchor and alias": (
        inject_text(extra="    date_label: *s\n").replace("sender: {", "sender: &s {"),
        ["bad.yaml:11: injects[0].sender: anchors (&s) are not allowed; write the value out",
         "bad.yaml:21: injects[0].date_label: aliases (*s) are not allowed; write the value out"],
    ),
    "anchor on a text": (
        inject_text(title_nl="&t CEO van Thales vermoord"),
        ["bad.yaml:4: injects[0].title.nl: anchors (&t) are not allowed; write the value out"],
    ),
    "alias without anchor": (
        inject_text(extra="    date_label: *s\n"),
        ["bad.yaml:21: aliases (*s) are not allowed, and this one names no anchor; write the value out"],
    ),
    "merge key": (
        inject_text(extra="    <<: {minutes: 20}\n"),
        ["bad.yaml:21: injects[0]: merge keys (<<) are not allowed; write the fields out"],
    ),
    "python tag": (
        inject_text(title_nl="!!python/object/apply:os.system [echo hi]"),
        ["bad.yaml:4: injects[0].title.nl: tag tag:yaml.org,2002:python/object/apply:os.system is not allowed"],
    ),
    "NO where text is wanted": (
        inject_text(title_nl="NO"),
        ["bad.yaml:4: injects[0].title.nl: YAML read NO as a boolean; " + QUOTE_IT.format("NO")],
    ),
    "yes where text is wanted": (
        inject_text(title_nl="yes"),
        ["bad.yaml:4: injects[0].title.nl: YAML read yes as a boolean; " + QUOTE_IT.format("yes")],
    ),
    "true where text is wanted": (
        inject_text(title_nl="true"),
        ["bad.yaml:4: injects[0].title.nl: YAML read true as a boolean; quote it: 'true'"],
    ),
    "number where text is wanted": (
        inject_text(title_nl="1984"),
        ["bad.yaml:4: injects[0].title.nl: YAML read 1984 as a number; quote it: '1984'"],
    ),
    "unquoted date": (
        inject_text(date="2026-01-06"),
        ["bad.yaml:9: injects[0].date: YAML read 2026-01-06 as a date; quote it: '2026-01-06'"],
    ),
    "base-60 minutes": (
        inject_text(minutes="1:30"),
        ["bad.yaml:13: injects[0].minutes: YAML 1.1 reads 1:30 as the base-60 number 90; "
         "write the number you mean, or quote it if it is text"],
    ),
    "unknown field": (
        inject_text(extra="    colour: red\n"),
        ["bad.yaml:21: injects[0].colour: unknown field"],
    ),
    "missing required field": (
        inject_text(drop="delivery: news_flash"),
        ["bad.yaml:2: injects[0].delivery: required field is missing"],
    ),
    "missing nested field": (
        inject_text(drop="en: Thales CEO assassinated in Paris"),
        ["bad.yaml:4: injects[0].title.en: required field is missing"],
    ),
    "empty value": (
        inject_text(title_nl=""),
        ["bad.yaml:4: injects[0].title.nl: value is empty; input should be a valid string"],
    ),
    "wrong enum": (
        inject_text(delivery="telegram"),
        ["bad.yaml:10: injects[0].delivery: 'telegram' is not one of 'news_flash', 'intel_brief', "
         "'cable', 'call', 'press_conference' or 'social_post'"],
    ),
    "bad id": (
        inject_text(id="Test One"),
        ["bad.yaml:2: injects[0].id: 'Test One' is not allowed: an id is lowercase letters, digits "
         "and dashes, at most 64, starting with a letter or digit"],
    ),
    "bad in-world date": (
        inject_text(date='"2026-13-01"'),
        ["bad.yaml:9: injects[0].date: '2026-13-01' is not allowed: a date is written YYYY, "
         "YYYY-MM or YYYY-MM-DD, quoted"],
    ),
    "inject refers to an unknown team": (
        inject_text(targets="kabinet-nl, nobody"),
        ["bad.yaml:12: injects[0].targets[1]: unknown team 'nobody'"],
    ),
    "option follows up with an unknown inject": (
        inject_text(extra="    options:\n      - id: escalate\n        label: {nl: Escaleren, en: Escalate}\n"
                          "        follow_up: nowhere\n"),
        ["bad.yaml:24: injects[0].options[0].follow_up: unknown inject 'nowhere'"],
    ),
    "empty file": ("", ["bad.yaml:1: file is empty"]),
    "only comments": ("# nothing here yet\n", ["bad.yaml:1: file is empty"]),
    "not a mapping": ("- a\n- b\n", ["bad.yaml:1: expected a mapping with one of: injects, deck, teams, hotwash, reference"]),
    "unknown top-level key": (
        "# notes\nstuff:\n  - a\n",
        ["bad.yaml:2: cannot tell what this file holds: expected exactly one of injects, deck, teams, "
         "hotwash, reference at the top level, found stuff"],
    ),
    "two documents": (
        inject_text() + "---\n" + TEAMS,
        ["bad.yaml:24: YAML syntax: a second document starts here (--- or ...); a content file holds one document"],
    ),
    "control character": (  # after "vóór" on line 15: libyaml counts bytes, the line must not
        inject_text().replace("before retaliation.", "before retaliation.\x07"),
        ["bad.yaml:16: control characters are not allowed: found #x0007"],
    ),
    "nested too deep": (
        "injects: " + "[" * 40 + "]" * 40 + "\n",
        ["bad.yaml:1: injects" + "[0]" * 31 + ": nested more than 32 levels deep"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_named_by_path_line_and_field(here: Path, case: str) -> None:
    content, expected = CASES[case]
    bad = write(here, "bad.yaml", content)
    assert problems(bad) == expected


@pytest.mark.parametrize("case", list(CASES))
def test_validate_answers_bad_file_with_exit_1_and_the_lines(here: Path, case: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    content, expected = CASES[case]
    bad = write(here, "bad.yaml", content)
    lines = cli_invalid(capsys, bad)
    for line in expected:
        assert line in lines


def test_the_valid_inject_is_valid(here: Path) -> None:
    """The base the cases vary is itself valid, so each case tests one thing."""
    write(here, "good.yaml", inject_text(extra="    date_label: {nl: Maart, en: March}\n"))
    write(here, "deck.yaml", deck_text())
    lib = load([Path("teams.yaml"), Path("good.yaml"), Path("deck.yaml")])
    assert list(lib.injects) == ["test-one"]
    assert lib.injects["test-one"].title.nl == "CEO van Thales vermoord in Parijs"
    assert lib.injects["test-one"].minutes == 15
    assert list(lib.decks) == ["test-deck"]
    assert lib.origin["inject:test-one"] == "good.yaml:2"


def test_quoted_values_are_text(here: Path) -> None:
    """What the errors tell authors to do works."""
    write(here, "good.yaml", inject_text(title_nl="'NO'").replace("Thales CEO assassinated in Paris", '"1:30"'))
    lib = load([Path("teams.yaml"), Path("good.yaml")])
    assert lib.injects["test-one"].title.nl == "NO"
    assert lib.injects["test-one"].title.en == "1:30"


# --- files the YAML parser never sees -----------------------------------------------------------

def test_file_over_one_mebibyte(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = inject_text()
    padding = 1024 * 1024 + 1 - len(text.encode("utf-8"))
    big = write(here, "big.yaml", text + "#" * (padding - 1) + "\n")
    assert big.stat().st_size == 1024 * 1024 + 1
    expected = "big.yaml:1: file is 1,048,577 bytes; the limit is 1,048,576 (1 MiB)"
    assert problems(big) == [expected]
    assert expected in cli_invalid(capsys, big)


def test_file_of_exactly_one_mebibyte_is_read(here: Path) -> None:
    text = inject_text()
    padding = 1024 * 1024 - len(text.encode("utf-8"))
    write(here, "big.yaml", text + "#" * (padding - 1) + "\n")
    assert list(load([Path("teams.yaml"), Path("big.yaml")]).injects) == ["test-one"]


def test_non_utf8_bytes(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = inject_text(title_nl="Café in Parijs").encode("latin-1")
    bad = write(here, "latin1.yaml", raw)
    offset = raw.index(b"\xe9")
    expected = f"latin1.yaml:4: not UTF-8: byte 0xe9 at offset {offset}"
    assert problems(bad) == [expected]
    assert expected in cli_invalid(capsys, bad)


def test_utf8_with_byte_order_mark_is_read(here: Path) -> None:
    write(here, "bom.yaml", b"\xef\xbb\xbf" + inject_text().encode("utf-8"))
    assert list(load([Path("teams.yaml"), Path("bom.yaml")]).injects) == ["test-one"]


def test_nesting_that_would_crash_the_c_composer_is_refused(tmp_path: Path) -> None:
    """300,000 levels overflow PyYAML's recursive composer (a segfault); run it in a child process."""
    write(tmp_path, "deep.yaml", "injects:\n" + "- " * 300_000 + "x\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, "-m", "wargame", "validate", "deep.yaml"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0] == "deep.yaml:2: injects" + "[0]" * 31 + ": nested more than 32 levels deep"


# --- across files ------------------------------------------------------------------------------

def test_deck_refers_to_unknown_inject(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(here, "inject.yaml", inject_text())
    deck = write(here, "deck.yaml", deck_text(fixed=("test-one", "nowhere")))
    expected = "deck.yaml:11: deck.rounds[0].injects[1].fixed: unknown inject 'nowhere'"
    assert problems(Path("inject.yaml"), deck) == [expected]
    assert expected in cli_invalid(capsys, Path("inject.yaml"), deck)


def test_deck_refers_to_unknown_team(here: Path) -> None:
    write(here, "inject.yaml", inject_text())
    deck = write(here, "deck.yaml", deck_text(teams="kabinet-nl, kremlin, kabinet-nl"))
    assert problems(Path("inject.yaml"), deck) == [
        "deck.yaml:5: deck.teams[1]: unknown team 'kremlin'",
        "deck.yaml:5: deck.teams[2]: team 'kabinet-nl' is listed twice",
    ]


def test_white_cells_bench_and_cells_are_checked_by_name(here: Path) -> None:
    write(here, "cells.yaml", "teams:\n  - id: pers\n    white_cell: true\n"
          "    name: {nl: Pers, en: Press}\n    role: {nl: De pers., en: The press.}\n")
    write(here, "inject.yaml", inject_text(extra="    cell: kabinet-nl\n"))
    deck = write(here, "deck.yaml", deck_text(teams="kabinet-nl, pers") +
                 "      bench: [nowhere]\n  white_cells: [kabinet-nl]\n")
    assert sorted(problems(Path("cells.yaml"), Path("inject.yaml"), deck)) == [
        "deck.yaml:11: deck.rounds[0].bench[0]: unknown inject 'nowhere'",
        "deck.yaml:12: deck.white_cells[0]: team 'kabinet-nl' is listed twice",
        "deck.yaml:12: deck.white_cells[0]: team 'kabinet-nl' is not a white cell: list it under teams",
        "deck.yaml:5: deck.teams[1]: 'pers' is a white cell, played by control: list it under white_cells",
        "inject.yaml:21: injects[0].cell: team 'kabinet-nl' is not a white cell",
    ]


def test_duplicate_inject_id_across_two_files(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(here, "a.yaml", inject_text())
    write(here, "b.yaml", "# the same inject again\n" + inject_text())
    expected = "b.yaml:3: injects[0].id: inject id 'test-one' is already defined at a.yaml:2"
    assert problems(Path("a.yaml"), Path("b.yaml")) == [expected]
    assert expected in cli_invalid(capsys, Path("a.yaml"), Path("b.yaml"))


def test_all_problems_of_a_run_at_once_and_nothing_half_loaded(here: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    write(here, "good.yaml", inject_text(id="test-good"))
    write(here, "one.yaml", inject_text(id="test-one", title_nl="NO"))
    write(here, "two.yaml", inject_text(id="test-two", delivery="telegram", extra="    colour: red\n"))
    base = Library()
    with pytest.raises(ContentError) as info:
        load([Path("teams.yaml"), Path("good.yaml"), Path("one.yaml"), Path("two.yaml")], base=base)
    assert [(p.path, p.line, p.field) for p in info.value.problems] == [
        ("one.yaml", 4, "injects[0].title.nl"),
        ("two.yaml", 10, "injects[0].delivery"),
        ("two.yaml", 21, "injects[0].colour"),
    ]
    assert str(info.value).splitlines() == [str(p) for p in info.value.problems]
    # nothing of the failed load leaks into the base library
    assert base.injects == {} and base.teams == {} and base.origin == {}

    lines = cli_invalid(capsys, Path("good.yaml"), Path("one.yaml"), Path("two.yaml"))
    assert [ln.split(":")[0] for ln in lines[:-1]] == ["one.yaml", "two.yaml", "two.yaml"]
    assert lines[-1] == "invalid: 3 problem(s)"


def test_a_folder_is_searched_and_its_files_named(here: Path) -> None:
    (here / "content" / "injects").mkdir(parents=True)
    write(here / "content" / "injects", "bad.yaml", inject_text(date="2026-01-06"))
    write(here / "content", "teams.yaml", TEAMS)
    with pytest.raises(ContentError) as info:
        load([Path("content")])
    assert [str(p) for p in info.value.problems] == [
        f"{Path('content/injects/bad.yaml')}:9: injects[0].date: YAML read 2026-01-06 as a date; quote it: '2026-01-06'"
    ]


def test_paths_outside_the_working_folder_are_shown_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    bad = write(tmp_path, "bad.yaml", "")
    with pytest.raises(ContentError) as info:
        load([bad])
    assert [str(p) for p in info.value.problems] == [f"{bad}:1: file is empty"]


# --- the CLI on the built-in content -----------------------------------------------------------

def test_user_deck_alone_is_checked_against_the_builtin_injects(here: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    lib = builtin_library()
    inject_id, team_id = next(iter(lib.injects)), next(iter(lib.teams))
    write(here, "mine.yaml", deck_text(id="my-deck", teams=team_id, fixed=(inject_id,)))
    assert main(["validate", "mine.yaml"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("valid: ") and err == ""

    write(here, "mine.yaml", deck_text(id="my-deck", teams=team_id, fixed=(inject_id, "not-built-in")))
    assert main(["validate", "mine.yaml"]) == 1
    _, err = capsys.readouterr()
    assert err.splitlines() == ["mine.yaml:11: deck.rounds[0].injects[1].fixed: unknown inject 'not-built-in'",
                                "invalid: 1 problem(s)"]


def test_user_deck_with_its_own_injects(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A deck given with inject files is checked against the built-in injects plus those."""
    write(here, "mine.yaml", deck_text(id="my-deck", fixed=("test-one",)))
    write(here, "injects.yaml", inject_text())
    assert main(["validate", "mine.yaml"]) == 1
    assert "unknown inject 'test-one'" in capsys.readouterr().err
    assert main(["validate", "teams.yaml", "injects.yaml", "mine.yaml"]) == 0, capsys.readouterr().err


def test_validate_without_path_checks_the_builtin_content(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("valid: ") and err == ""
