"""A log whose hash chain is broken says so: a warning box on the PDF cover (of every handout too)
and the first line of the Markdown."""

from __future__ import annotations

import copy

import pytest

from wargame.report.debrief import write_debrief
from wargame.report.markdown import session_markdown

from .conftest import flat, pdf_text
from .sessionkit import replaced_session

WHY = "event 7 (move_recorded) does not match its hash <b>&amp; <img src=x>"


@pytest.fixture(scope="module")
def altered(tmp_path_factory):
    s, _ = replaced_session(tmp_path_factory.mktemp("altered") / "altered.wargame")
    st = copy.deepcopy(s.state)
    s.close()
    st.altered = WHY
    return st


@pytest.mark.parametrize("team,lang,warning", [
    (None, "en", "This log was altered after it was recorded: "),
    ("eu", "nl", "Dit logboek is gewijzigd na opname: "),
    ("moskou", "en", "This log was altered after it was recorded: "),
])
def test_pdf_cover_warns_of_an_altered_log(altered, tmp_path, team, lang, warning):
    out = tmp_path / "altered.pdf"
    write_debrief(altered, out, team=team, lang=lang)
    cover = flat(pdf_text(out)[0])
    assert warning + WHY in cover
    again = tmp_path / "again.pdf"
    write_debrief(altered, again, team=team, lang=lang)
    assert again.read_bytes() == out.read_bytes()


def test_no_warning_while_the_chain_holds(altered, tmp_path):
    st = copy.deepcopy(altered)
    st.altered = None
    write_debrief(st, tmp_path / "ok.pdf")
    assert "This log was altered" not in flat(pdf_text(tmp_path / "ok.pdf")[0])
    assert session_markdown(st).startswith("# ")


def test_markdown_starts_with_the_warning(altered):
    md = session_markdown(altered)
    first = md.split("\n", 1)[0]
    assert first.startswith("> **⚠ This log was altered after it was recorded: event 7")
    assert "\\<b\\>\\&amp; \\<img src=x\\>" in first  # escaped, not read as markup
    assert session_markdown(altered, team="eu", lang="nl").startswith("> **⚠ Dit logboek is gewijzigd na opname: ")
