"""Markdown, CSV and MSEL exchange: hostile text kept literally, formulas neutralised, MSEL round trip."""

from __future__ import annotations

import csv
import io

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from wargame.content import builtin_dirs, builtin_library, load
from wargame.exchange.csvio import COLUMNS, guard, moves_csv, unguard
from wargame.exchange.msel import export_msel, import_msel
from wargame.report.markdown import session_markdown

from .sessionkit import HOSTILE, LONG


def test_markdown_keeps_team_text_literally(session):
    md = session_markdown(session.state)
    for s in HOSTILE.values():
        assert s in md, s
    assert LONG in md and "SECRET-1" in md
    assert "# Oefening Noordzee \\<b\\>\\&amp;" in md  # content-level text escaped, not interpreted
    assert "```text\n" + "R1 kabinet-nl: " + HOSTILE["markup"] in md  # team text fenced: shown as typed
    for heading in ("## Executive summary", "## Timeline", "## Round by round", "## Hot wash", "## Improvement plan"):
        assert heading in md
    nl = session_markdown(session.state, team="eu", lang="nl")
    assert "SECRET-" not in nl and "Vertrouwelijke zet" in nl and "## Samenvatting" in nl
    with pytest.raises(ValueError, match="no team 'x'"):
        session_markdown(session.state, team="x")


def test_markdown_fence_cannot_be_closed_by_team_text():
    from wargame.report.markdown import code, fence

    assert fence("a\n```\nb").startswith("````text\n")
    assert code("a`b") == "``a`b``"


def test_csv_one_row_per_version_and_formulas_neutralised(session):
    text = moves_csv(session.state)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == COLUMNS
    teams = len(session.state.teams)  # each team moves in each of the 3 rounds, one move revised once
    assert len(rows) == len(session.state.moves) == 3 * teams + 1 and teams >= 5
    assert all(r["reasons"].startswith("'=cmd()") or r["reasons"] == LONG for r in rows)
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for k, v in r.items()
                   if k not in ("outcome", "erosion_push", "rapprochement_push"))
    joined = "\n".join(r["action"] + r["result"] + r["narrative"] for r in rows)
    for key in ("markup", "rich", "cyrillic", "quotes", "emoji", "rtl", "dutch"):
        assert HOSTILE[key] in joined, key
    assert [r["superseded"] for r in rows].count("yes") == 1
    assert {r["private"] for r in rows if r["team"] == "moskou"} == {"yes"}
    assert rows[0]["recorded_at"].startswith("2026-03-12T") and rows[0]["recorded_at"].endswith("+00:00")
    assert {r["outcome"] for r in rows} <= {"", "-3", "-2", "-1", "0", "1", "2", "3"}  # "": not ruled
    eu = list(csv.DictReader(io.StringIO(moves_csv(session.state, team="eu"))))
    assert "moskou" not in {r["team"] for r in eu} and len(eu) == len(rows) - 3  # without its 3 private moves
    with pytest.raises(ValueError, match="no team"):
        moves_csv(session.state, team="nobody")


@given(st.text())
def test_guard_round_trips_and_never_leaves_a_formula(s):
    g = guard(s)
    assert unguard(g) == s
    assert not g.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_msel_round_trip_of_builtin_decks(ext, tmp_path):
    lib = builtin_library()
    teams = builtin_dirs()[1] / "teams.yaml"
    for deck_id, deck in sorted(lib.decks.items()):
        msel = tmp_path / f"{deck_id}.{ext}"
        export_msel(deck, lib, msel)
        out = tmp_path / f"{deck_id}-{ext}.yaml"
        out.write_text(import_msel(msel), encoding="utf-8")
        back = load([out, teams], base=lib)
        ids = [i["id"] for i in yaml.safe_load(out.read_text(encoding="utf-8"))["injects"]]
        assert ids and len(ids) == len(set(ids))
        for iid in ids:
            assert back.injects[iid] == lib.injects[iid], (deck_id, iid)
        for r in deck.rounds:  # every fixed and drawn inject of the deck is on the list
            for slot in r.injects:
                if slot.fixed:
                    assert slot.fixed in ids
                if slot.draw and slot.draw.pool:
                    assert set(slot.draw.pool) <= set(ids)


def test_msel_csv_columns_and_guard(tmp_path):
    lib = builtin_library()
    out = tmp_path / "demo.csv"
    export_msel(lib.decks["demo"], lib, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    head = rows[0]
    for col in ("Event No.", "Scheduled Time (min)", "Delivery Method", "From (en)", "To", "Inject (en)",
                "Expected Player Action (en)", "Controller Notes (en)", "Inject ID", "In-world Date", "Source Quote"):
        assert col in head
    q = head.index("Expected Player Action (en)")
    assert rows[1][q].startswith("'- ")  # a cell starting with "-" gets the apostrophe
    times = [int(r[head.index("Scheduled Time (min)")]) for r in rows[1:]]
    assert times == sorted(times) and times[0] == 0
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        export_msel(lib.decks["demo"], lib, tmp_path / "demo.ods")




def test_msel_import_of_a_planners_own_sheet(tmp_path):
    p = tmp_path / "planner.csv"
    rows = [["Exercise Noordzee MSEL"],
            ["Event #", "Time", "Delivery", "From", "To", "Inject", "Expected Player Action", "Controller notes", "Date"],
            ["1", "0", "News flash", "Reuters", "kabinet-nl, eu", "Ports closed\n\nRotterdam closes its gates.",
             "- What now?\n- Who leads?", "Watch coordination", "2026-04"],
            ["2", "10", "Phone call", "Minister", "all", "Call from Berlin\n\nBerlin wants talks.", "Answer?", "",
             "2026-05-01"]]
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows(rows)
    p.write_text(buf.getvalue(), encoding="utf-8")
    text = import_msel(p)
    data = yaml.safe_load(text)["injects"]
    assert [i["id"] for i in data] == ["msel-ports-closed", "msel-call-from-berlin"]
    assert data[0]["questions"] == [{"nl": "What now?", "en": "What now?"}, {"nl": "Who leads?", "en": "Who leads?"}]
    assert data[0]["source"]["extrapolated"] is True and data[1]["delivery"] == "call"
    out = tmp_path / "planner.yaml"
    out.write_text(text, encoding="utf-8")
    load([out, builtin_dirs()[1] / "teams.yaml"], base=builtin_library())


@pytest.mark.parametrize("column,value,message", [
    ("Delivery Method", "carrier pigeon", "not a delivery method"),
    ("In-world Date", "", "in-world date"),
    ("In-world Date", "March 2026", "date"),
    ("Push Erosion", "a lot", "not a whole number"),
    ("Push Erosion", "7", "push"),
    ("Inject (en)", "Only a title", "title on the first line"),
    ("Options", "{not json", "JSON"),
    ("Inject ID", "Bad Id!", "id"),
])
def test_msel_import_names_file_row_and_column(tmp_path, column, value, message):
    lib = builtin_library()
    good = tmp_path / "good.csv"
    export_msel(lib.decks["tough-love"], lib, good)
    rows = list(csv.reader(io.StringIO(good.read_text(encoding="utf-8-sig"))))
    rows[3][rows[0].index(column)] = value
    if column == "Inject (en)":
        rows[3][rows[0].index("Inject (nl)")] = value
    bad = tmp_path / "bad.csv"
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    bad.write_text(buf.getvalue(), encoding="utf-8")
    with pytest.raises(ValueError) as exc:
        import_msel(bad)
    msg = str(exc.value)
    assert msg.startswith(f"{bad}: row 4, column ") and message.lower() in msg.lower(), msg


def test_msel_import_rejects_what_is_not_an_msel(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no header row"):
        import_msel(p)
    q = tmp_path / "x.xlsx"
    q.write_bytes(b"not a zip")
    with pytest.raises(ValueError, match=r"not a readable \.xlsx"):
        import_msel(q)
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        import_msel(tmp_path / "x.pdf")
