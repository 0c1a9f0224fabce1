"""Every renderer holds the engine's text limit itself: a megabyte written around the API is cut,
visibly, and the PDF stays quick."""

from __future__ import annotations

import csv
import io
import time

import pytest

from wargame.engine.session import MAX_TEXT
from wargame.exchange.csvio import moves_csv
from wargame.report.debrief import write_debrief
from wargame.report.markdown import session_markdown
from wargame.views.debrief import clip

from .conftest import flat, pdf_text
from .sessionkit import replaced_session

HUGE = ("lorem ipsum <b>&amp; " * 60_000)[:1_000_000]
MARK = "… [cut: 1,000,000 characters]"


@pytest.fixture(scope="module")
def huge(tmp_path_factory):
    s, ids = replaced_session(tmp_path_factory.mktemp("huge") / "huge.wargame")
    st = s.state  # as a log written around the API would fold, whatever the fold does about it
    st.moves[ids["B"]].action = HUGE
    st.rulings[ids["A"]].narrative = HUGE
    st.notes[0].text = HUGE
    yield st, ids
    s.close()


def test_clip():
    assert clip("abc", "en") == "abc"
    assert clip("x" * (MAX_TEXT + 1), "en") == "x" * MAX_TEXT + "… [cut: 20,001 characters]"
    assert clip("x" * 1_234_567, "nl").endswith("x… [ingekort: 1.234.567 tekens]")
    assert clip("abcdef", "en", limit=3) == "abc… [cut: 6 characters]"


def test_pdf_of_a_megabyte_move_is_quick_and_marked(huge, tmp_path):
    st, _ = huge
    t0 = time.perf_counter()
    write_debrief(st, tmp_path / "huge.pdf")
    assert time.perf_counter() - t0 < 15
    text = flat("\n".join(pdf_text(tmp_path / "huge.pdf")))
    assert text.count(MARK) >= 3  # the move, the narrative, the note


def test_markdown_and_csv_clip_with_a_marker(huge):
    st, ids = huge
    md = session_markdown(st)
    assert md.count(MARK) == 3 and len(md) < 200_000
    assert HUGE[:MAX_TEXT] + MARK in md
    rows = {r["move_id"]: r for r in csv.DictReader(io.StringIO(moves_csv(st)))}
    assert rows[ids["B"]]["action"] == HUGE[:MAX_TEXT] + MARK
    assert rows[ids["A"]]["narrative"] == HUGE[:MAX_TEXT] + MARK
    nl = session_markdown(st, lang="nl")
    assert nl.count("… [ingekort: 1.000.000 tekens]") == 3
