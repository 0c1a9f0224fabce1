"""The after-action workbook (`wargame export SESSION --format xlsx`): its sheets, what lands where, the
status list, hostile text kept as text (never a formula), a team's workbook without other teams' secrets."""

from __future__ import annotations

import copy
import dataclasses
import re
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from wargame.cli import main
from wargame.engine.session import Session
from wargame.exchange.workbook import write_workbook

from .sessionkit import LONG, Clock, deck_with_objectives

HYPERLINK = '=HYPERLINK("http://x")'


def evaluated_session(path: Path, *, lang: str = "en") -> Session:
    """The demo deck with exercise objectives, played to the end and evaluated: two evaluators' ratings
    (differing on the EU), observations of each kind, hot-wash answers, four feedback forms, actions."""
    deck, lib = deck_with_objectives()
    s, _codes = Session.create(path, deck, lib, lang=lang, seed=7, title="Oefening Werkboek",
                               facilitator="Anna de Vries", now=Clock())
    for r in range(len(deck.rounds)):
        s.advance()
        if r == 0:
            first = s.record_move("eu", HYPERLINK, "@SUM(1)", "+cmd|' /C calc'!A0")
            m = s.record_move("eu", "EU-REVISED plan", "-2 for them", "reasons")
            s.adjudicate(m.id, 2, "NARR-EU =1+1", erosion=1, rapprochement=-1)
            assert first.id != m.id
            secret = s.record_move("moskou", "SECRET-MOSCOW covert plan", "hidden", "", private=True)
            s.adjudicate(secret.id, -1, "NARR-MOSCOW-SECRET", rapprochement=2)
            s.record_move("kabinet-nl", "CABINET plan", "", "")
    s.record_observation("eenheid", "eu", 0, "OBS-EU-STRENGTH one line fast", kind="strength", author="Eva")
    s.record_observation("eenheid", "moskou", 1, "OBS-MOSCOW-IMPROVE too slow", kind="improvement", author="Bram")
    s.record_observation("afschrikking", "", 2, "OBS-WHOLE the room", author="Eva")
    s.rate("eenheid", "eu", "P", "RATING-EU-EVA reasons", author="Eva")
    s.rate("eenheid", "eu", "S", "RATING-EU-BRAM reasons", author="Bram")
    s.rate("eenheid", "moskou", "U", "RATING-MOSCOW reasons", author="Eva")
    question = s.state.hotwash[0].id
    s.answer_hotwash(question, "ANSWER-PLENARY we saw it late")
    s.answer_hotwash(question, "ANSWER-EU @us", team="eu")
    s.add_note("ACTION-PLAYBOOK draft a playbook", tag="action", owner="BZ/DVB", due="2026-06-01",
               objective="eenheid", status="in_progress")
    s.add_note("=ACTION-FORMULA", tag="action", owner="@owner")
    s.end()
    for team, score, text in (("eu", 4, "COMMENT-EU good"), ("moskou", 2, "COMMENT-MOSCOW meh"),
                              ("eu", 5, ""), ("kabinet-nl", 3, "=COMMENT-FORMULA")):
        s.give_feedback(team, {"eenheid": score, "weerbaarheid": 3}, text)
    return s


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory):
    s = evaluated_session(tmp_path_factory.mktemp("workbook") / "werkboek.wargame")
    yield s
    s.close()


def _book(state, tmp_path: Path, name: str = "aar.xlsx", **kw) -> dict[str, Worksheet]:
    out = tmp_path / name
    write_workbook(state, out, **kw)
    wb = load_workbook(out)
    return {ws.title: ws for ws in wb.worksheets}


def _rows(ws: Worksheet) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _texts(sheets: dict[str, Worksheet]) -> str:
    return "\n".join(str(v) for ws in sheets.values() for r in ws.iter_rows(values_only=True) for v in r
                     if v is not None)


SHEETS = ["Overview", "Moves and rulings", "Observations and ratings", "Hot wash", "Feedback", "Improvement plan"]


def test_the_sheets_and_their_headers(evaluated, tmp_path):
    sheets = _book(evaluated.state, tmp_path)
    assert list(sheets) == SHEETS
    moves = _rows(sheets["Moves and rulings"])
    assert moves[0] == ["Round", "Inject", "Team", "Action", "Intended result", "Reasons", "Private", "Recorded",
                        "Superseded", "Ruling", "Narrative", "Push on erosion", "Push on rapprochement", "Tracks"]
    assert _rows(sheets["Observations and ratings"])[0] == ["Objective", "Team", "Evaluator", "Rating", "Meaning",
                                                            "Reasons"]
    assert _rows(sheets["Hot wash"])[0] == ["Question", "Source", "Answered by", "Answer"]
    assert _rows(sheets["Improvement plan"])[0] == ["No.", "Action", "Objective", "Owner", "Due", "Status"]
    assert _rows(sheets["Feedback"])[0] == ["Objective", "Responses", "Mean", "1", "2", "3", "4", "5"]
    for ws in sheets.values():
        assert ws.freeze_panes and all(c.font.bold for c in ws[1] if c.value)


def test_overview_holds_the_facts_and_the_ratings_grid(evaluated, tmp_path):
    ws = _book(evaluated.state, tmp_path)["Overview"]
    rows = _rows(ws)
    facts = {r[0]: r[1] for r in rows if r[0] and r[1] is not None}
    assert rows[0][0] == "Oefening Werkboek" and rows[1][0] == "OEFENING · EXERCISE · OEFENING"
    assert facts["Facilitator"] == "Anna de Vries" and facts["Rounds played"] == "3 of 3"
    assert facts["Feedback forms"] == 4 and facts["Evaluators"] == "Bram, Eva"
    assert re.fullmatch(r"\(.+\) · .+", facts["Start position"]) and " · " in facts["End position"]
    head = next(r for r in rows if r[0] == "Objective")
    assert head[1:3] == ["Dutch Cabinet", "European Union"] and head[-1] == "A strong performance"
    united = next(r for r in rows if r[0] == "1. Keep Europe united")
    assert united[head.index("European Union")] == "P/S" and united[head.index("Moscow")] == "U"
    assert united[head.index("Washington")] == "—"
    assert united[-1] == "One line within the hour"
    assert facts["P"] == "performed without challenges" and facts["U"] == "unable to be performed"


def test_moves_rulings_observations_answers_land_in_their_columns(evaluated, tmp_path):
    sheets = _book(evaluated.state, tmp_path)
    moves = _rows(sheets["Moves and rulings"])
    eu = [r for r in moves if r[2] == "European Union"]
    assert [r[3] for r in eu] == [HYPERLINK, "EU-REVISED plan"]  # oldest version first
    assert [r[8] for r in eu] == ["Yes", "No"] and eu[0][9] == "Not yet ruled"
    assert eu[1][9] == "+2 Success" and eu[1][10] == "NARR-EU =1+1" and eu[1][11:13] == [1, -1]
    assert isinstance(eu[1][7], datetime) and eu[1][0] == 1
    secret = next(r for r in moves if r[3] == "SECRET-MOSCOW covert plan")
    assert secret[6] == "Yes" and secret[9] == "−1 Setback"

    obs = _rows(sheets["Observations and ratings"])
    ratings = [r for r in obs if r[0] == "1. Keep Europe united" and r[3] in ("P", "S", "U")]
    assert [(r[1], r[2], r[3], r[5]) for r in ratings][:2] == [("European Union", "Eva", "P", "RATING-EU-EVA reasons"),
                                                               ("European Union", "Bram", "S", "RATING-EU-BRAM reasons")]
    assert ratings[0][4] == "performed without challenges"
    head = obs.index(["Objective", "Team", "Round", "Kind", "Evaluator", "Text"])
    seen = {r[5]: r for r in obs[head + 1:]}
    assert seen["OBS-EU-STRENGTH one line fast"][1:5] == ["European Union", 1, "strength", "Eva"]
    assert seen["OBS-MOSCOW-IMPROVE too slow"][3] == "area for improvement"
    assert seen["OBS-WHOLE the room"][1] == "the exercise as a whole" and seen["OBS-WHOLE the room"][2] == 3

    answers = {r[3]: r for r in _rows(sheets["Hot wash"])}
    assert answers["ANSWER-PLENARY we saw it late"][2] == "plenary" and answers["ANSWER-EU @us"][2] == "European Union"
    assert answers["ANSWER-EU @us"][0] == evaluated.state.hotwash[0].question.en

    feedback = _rows(sheets["Feedback"])
    united = next(r for r in feedback if r[0] == "1. Keep Europe united")
    assert united[1:3] == [4, 3.5] and united[3:] == [0, 1, 1, 1, 1]
    assert feedback[next(i for i, r in enumerate(feedback) if r[0] == "Feedback forms")][:2] == ["Feedback forms", 4]
    assert {"COMMENT-EU good", "COMMENT-MOSCOW meh", "=COMMENT-FORMULA"} <= {r[0] for r in feedback}


def test_improvement_plan_tracks_status_with_a_list(evaluated, tmp_path):
    ws = _book(evaluated.state, tmp_path)["Improvement plan"]
    rows = _rows(ws)
    assert rows[1] == [1, "ACTION-PLAYBOOK draft a playbook", "Keep Europe united", "BZ/DVB",
                       datetime(2026, 6, 1), "in progress"]
    assert rows[2][1] == "=ACTION-FORMULA" and rows[2][4] is None and rows[2][5] == "open"
    assert ws["E2"].is_date and ws["E2"].value.date() == date(2026, 6, 1)
    [dv] = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"open,in progress,done"' and "F2" in dv.sqref
    assert "F3" in dv.sqref and "F50" in dv.sqref  # items added later get the list too
    assert ws.tables and next(iter(ws.tables.values())).ref == "A1:F3"


def test_hostile_text_is_stored_as_text_never_a_formula(evaluated, tmp_path):
    sheets = _book(evaluated.state, tmp_path)
    cells = [c for ws in sheets.values() for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    values = {c.value for c in cells}
    assert {HYPERLINK, "@SUM(1)", "+cmd|' /C calc'!A0", "-2 for them", "=ACTION-FORMULA", "@owner",
            "=COMMENT-FORMULA"} <= values
    assert all(c.data_type == "s" for c in cells)
    moves = sheets["Moves and rulings"]
    hostile = next(c for row in moves.iter_rows() for c in row if c.value == HYPERLINK)
    assert hostile.data_type == "s" and hostile.hyperlink is None
    with zipfile.ZipFile(tmp_path / "aar.xlsx") as z:  # no formula anywhere in the file itself
        assert not any("<f>" in z.read(n).decode() or "<f " in z.read(n).decode() for n in z.namelist()
                       if n.startswith("xl/worksheets/"))


def test_a_team_workbook_keeps_other_teams_secrets_out(evaluated, tmp_path):
    text = _texts(_book(evaluated.state, tmp_path, team="eu"))
    assert "SECRET-MOSCOW" not in text and "NARR-MOSCOW-SECRET" not in text
    assert "OBS-MOSCOW-IMPROVE" not in text and "RATING-MOSCOW" not in text
    assert "OBS-WHOLE" not in text  # a team's handout holds what is said about that team alone
    assert "OBS-EU-STRENGTH" in text and "RATING-EU-BRAM" in text
    assert "COMMENT-" not in text  # the feedback's comments are the facilitator's alone
    assert "ACTION-PLAYBOOK" not in text  # the improvement plan comes with the facilitator's notes only
    assert "ACTION-PLAYBOOK" in _texts(_book(evaluated.state, tmp_path, "notes.xlsx", team="eu",
                                             with_controller_notes=True))
    moscow = _texts(_book(evaluated.state, tmp_path, "moscow.xlsx", team="moskou"))
    assert "SECRET-MOSCOW" in moscow and "OBS-EU-STRENGTH" not in moscow


def test_a_dutch_session_gets_dutch_sheets(tmp_path):
    s = evaluated_session(tmp_path / "nl.wargame", lang="nl")
    try:
        sheets = _book(s.state, tmp_path)
    finally:
        s.close()
    assert list(sheets) == ["Overzicht", "Zetten en beoordelingen", "Observaties en beoordelingen", "Hot wash",
                            "Feedback", "Verbeterplan"]
    assert all(len(name) <= 31 for name in sheets)
    plan = sheets["Verbeterplan"]
    assert _rows(plan)[1][5] == "in uitvoering"
    [dv] = plan.data_validations.dataValidation
    assert "in uitvoering" in dv.formula1 and "open" in dv.formula1


def test_cli_writes_the_workbook_and_refuses_it_for_compare(evaluated, tmp_path, capsys):
    out = tmp_path / "out.xlsx"
    assert main(["export", str(evaluated.store.path), "--format", "xlsx", "-o", str(out)]) == 0
    assert out.stat().st_size > 0 and "Improvement plan" in load_workbook(out).sheetnames
    assert main(["export", str(evaluated.store.path), "--format", "xlsx"]) == 0  # beside the session, like the PDF
    assert evaluated.store.path.with_name("werkboek-debrief.xlsx").is_file()
    team = tmp_path / "eu.xlsx"
    assert main(["export", str(evaluated.store.path), "--format", "xlsx", "--team", "eu", "-o", str(team)]) == 0
    assert "SECRET-MOSCOW" not in _texts({ws.title: ws for ws in load_workbook(team).worksheets})
    capsys.readouterr()
    assert main(["export", str(evaluated.store.path), "--format", "xlsx", "--compare", str(evaluated.store.path)]) == 2
    assert "xlsx" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("libreoffice"), reason="libreoffice is not installed")
def test_libreoffice_opens_the_workbook(evaluated, tmp_path):
    out = tmp_path / "aar.xlsx"
    write_workbook(evaluated.state, out)
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "aar.pdf").stat().st_size > 0


def test_a_session_without_evaluation_still_reads(session, tmp_path):
    """The hostile played session of the other exchange tests: a deck without exercise objectives, no
    feedback, action notes with formulas, a 10,000-character text."""
    plain = copy.copy(session.state)
    plain.deck = dataclasses.replace(session.state.deck, objectives=())
    sheets = _book(plain, tmp_path)
    text = _texts(sheets)
    assert "This deck states no exercise objectives." in text and "No rating was recorded." in text
    assert "The figures are shown once 3 forms are in, so that no answer can be traced to one person." in text
    assert LONG in {c for r in _rows(sheets["Moves and rulings"]) for c in r}
    plan = sheets["Improvement plan"]
    owners = {c.value: c for c in plan["D"]}
    assert owners["=HYPERLINK()"].data_type == "s" and len(_rows(plan)) == 4
    handout = _texts(_book(session.state, tmp_path, "eu.xlsx", team="eu"))
    assert "SECRET-" not in handout and "Private move: not shown in this handout." in handout
