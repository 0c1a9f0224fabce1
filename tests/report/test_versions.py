"""A ruling belongs to the move version it ruled: a replaced move keeps its ruling in every output,
and the version that replaced it is shown as not yet ruled, replacing a ruled version."""

from __future__ import annotations

import csv
import io

import pytest

from wargame.exchange.csvio import moves_csv
from wargame.report.debrief import write_debrief
from wargame.report.markdown import session_markdown
from wargame.views.debrief import clock_time

from .conftest import flat, pdf_text
from .sessionkit import replaced_session

RULED = "Ruling: +2 Success · Push on the axes: erosion +2, rapprochement −1"


@pytest.fixture(scope="module")
def replaced(tmp_path_factory):
    s, ids = replaced_session(tmp_path_factory.mktemp("replaced") / "replaced.wargame")
    yield s, ids
    s.close()


def _replaces(s, move_id: str) -> str:
    return f"Not yet ruled · replaces the version of {clock_time(s.state.moves[move_id].at)}, which was ruled"


@pytest.mark.parametrize("team", [None, "eu", "kabinet-nl"])
def test_pdf_keeps_the_ruling_with_the_version_it_ruled(replaced, tmp_path, team):
    s, ids = replaced
    out = tmp_path / "debrief.pdf"
    write_debrief(s.state, out, team=team)
    text = flat("\n".join(pdf_text(out)))
    # the new version first, not yet ruled and marked as replacing a ruled version; then the ruled
    # version with its outcome, push and narrative (hostile text printed as typed)
    order = ["EU-SECOND plan", _replaces(s, ids["A"]), "Earlier versions", "EU-FIRST plan <b>&amp;", RULED,
             "NARR-EU-FIRST <img src=x>"]
    at = [text.find(x) for x in order]
    assert -1 not in at, dict(zip(order, at, strict=True))
    assert at == sorted(at), dict(zip(order, at, strict=True))
    assert "Ruling on European Union: +2 Success" in text  # the timeline names it too


def test_pdf_of_a_replaced_private_move(replaced, tmp_path):
    s, ids = replaced
    out = tmp_path / "full.pdf"
    write_debrief(s.state, out)
    text = flat("\n".join(pdf_text(out)))
    assert _replaces(s, ids["M2"]) in text and "MOSCOW-SECRET-2 plan" in text and "NARR-MOSCOW-2" in text
    eu = tmp_path / "eu.pdf"
    write_debrief(s.state, eu, team="eu")
    text = flat("\n".join(pdf_text(eu)))
    # another team sees the public version only: no word of the private version, its ruling or that it was ruled
    assert "MOSCOW-PUBLIC-3 plan" in text
    assert "MOSCOW-SECRET" not in text and "NARR-MOSCOW" not in text
    assert _replaces(s, ids["A"]) in text and _replaces(s, ids["M2"]) not in text  # the EU's own only


def test_markdown_keeps_the_ruling_with_the_version_it_ruled(replaced):
    s, ids = replaced
    for team in (None, "eu", "kabinet-nl"):
        md = session_markdown(s.state, team=team)
        eu = md[md.index("##### European Union"):]
        order = ["EU-SECOND plan", f"**Not yet ruled** · replaces the version of "
                 f"{clock_time(s.state.moves[ids['A']].at)}, which was ruled", "EU-FIRST plan <b>&amp;",
                 "**Ruling:** +2 Success · Push on the axes: erosion +2, rapprochement −1",
                 "```text\nNARR-EU-FIRST <img src=x>\n```"]
        at = [eu.find(x) for x in order]
        assert -1 not in at and at == sorted(at), (team, dict(zip(order, at, strict=True)))
    assert "NARR-MOSCOW-2" in session_markdown(s.state)
    assert "NARR-MOSCOW" not in session_markdown(s.state, team="eu")


def test_each_csv_row_carries_its_own_versions_ruling(replaced):
    s, ids = replaced
    rows = {r["move_id"]: r for r in csv.DictReader(io.StringIO(moves_csv(s.state)))}
    a, b = rows[ids["A"]], rows[ids["B"]]
    assert (a["outcome"], a["outcome_label"], a["narrative"], a["erosion_push"], a["rapprochement_push"]) == \
        ("2", "Success", "NARR-EU-FIRST <img src=x>", "2", "-1")
    assert (a["superseded"], a["superseded_by"], a["replaces_ruled"]) == ("yes", ids["B"], "")
    assert (b["outcome"], b["narrative"], b["erosion_push"], b["superseded"]) == ("", "", "", "no")
    assert b["replaces_ruled"] == ids["A"]
    assert rows[ids["M3"]]["replaces_ruled"] == ids["M2"] and rows[ids["M2"]]["narrative"] == "NARR-MOSCOW-2"
    assert rows[ids["K"]]["replaces_ruled"] == "" and rows[ids["K"]]["outcome"] == "0"
    eu = {r["move_id"]: r for r in csv.DictReader(io.StringIO(moves_csv(s.state, team="eu")))}
    assert eu[ids["B"]]["replaces_ruled"] == ids["A"]
    assert ids["M2"] not in eu and eu[ids["M3"]]["replaces_ruled"] == ""  # the ruled version is private
