"""The debrief of an exercise that plays as designed: team objectives with their marks, the tracks by
round, and a round's moves grouped by the inject each answers, in the PDF and the Markdown alike,
with a team's handout still hiding another team's private move and the ruling's cause on a track."""

from __future__ import annotations

import pytest

from wargame.report.debrief import write_debrief
from wargame.report.markdown import session_markdown
from wargame.views.debrief import build

from ..engine.helpers import new_session
from ..engine.test_exercise_state import tracked
from .conftest import flat, in_order, pdf_text

SECRET = "BLUE-SECRET-PLAN"


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """Round 1 of the tracked mini deck: two injects; red answers each, blue answers the first in private
    (ruled: Draagvlak −1), the branch's hard option (EU-cohesie +2), red's second move ruled (EU-cohesie +1);
    green makes no move. Red's objective `unity` is marked partly met, `deter` not at all."""
    s, _ = tracked(tmp_path_factory.mktemp("exercise"))
    s.advance()
    s.record_move("red", "RED-ANSWER-ONE to the cable")
    blue = s.record_move("blue", SECRET, private=True)
    s.adjudicate(blue.id, 1, "NARR-BLUE", tracks={"steun": -1})
    s.advance()
    s.choose_option("hard")
    red = s.record_move("red", "RED-ANSWER-TWO to the branch")
    s.adjudicate(red.id, 2, "NARR-RED", tracks={"cohesie": 1})
    s.end()
    s.mark_objective("red", "unity", "partly", "REASON-UNITY Hongarije scheerde uit")
    yield s
    s.close()


def _pdf(state, path, **kw) -> str:
    write_debrief(state, path, lang="en", **kw)
    return flat("\n".join(pdf_text(path)))




def test_the_view_groups_moves_by_inject_and_follows_the_tracks_by_round(played):
    d = build(played.state, lang="en")
    (r1,) = d.rounds
    assert [g.delivery.inject.id for g in r1.by_inject if g.delivery] == ["s1-a1", "s1-branch"]
    first, second = ({mv.team.id: mv.move.action if mv.move else None for mv in g.moves} for g in r1.by_inject)
    assert first == {"red": "RED-ANSWER-ONE to the cable", "blue": SECRET, "green": None}
    assert second == {"red": "RED-ANSWER-TWO to the branch", "blue": None, "green": None}, \
        "a move for the second inject does not supersede the one for the first"
    tracks = {tr.id: (tr.start, tr.ends, tr.low, tr.high) for tr in d.tracks}
    assert tracks == {"cohesie": (0, (2,), -3, 3), "steun": (2, (1,), -5, 5)}
    assert [(c.track, c.by, c.value) for c in d.track_changes] == [
        ("EU-cohesie", -1, -1), ("Draagvlak", -1, 1), ("EU-cohesie", 2, 1), ("EU-cohesie", 1, 2)]
    marks = [(o.team.id, o.objective, o.mark, o.reasons) for o in d.objectives]
    assert marks == [("red", "unity", "partly", "REASON-UNITY Hongarije scheerde uit"), ("red", "deter", None, "")]


def test_the_pdf_shows_objectives_tracks_and_moves_by_inject(played, tmp_path):
    text = _pdf(played.state, tmp_path / "full.pdf")
    assert in_order(text, "Team objectives", "Houd de EU bijeen", "partly met", "REASON-UNITY Hongarije",
                     "Schrik af", "not marked")
    assert in_order(text, "The tracks", "Track Start End Range", "EU-cohesie 0 +2 −3 … +3",
                     "Draagvlak +2 +1 −5 … +5")
    assert in_order(text, "What moved the tracks", "Ruling on BLUE", "Branch chosen", "Ruling on RED")
    assert in_order(text, "Answering inject 1: Title s1-a1", "RED-ANSWER-ONE", SECRET,
                     "Answering inject 2: Title s1-branch", "RED-ANSWER-TWO")
    assert "tracks: EU-cohesie +1" in text and "tracks: Draagvlak −1" in text, "a ruling says what it pushed"


def test_the_markdown_shows_the_same_three_parts(played):
    md = session_markdown(played.state, lang="en")
    assert "## Team objectives" in md and "### RED" in md
    assert "- Houd de EU bijeen: **partly met** — `REASON-UNITY Hongarije scheerde uit`" in md
    assert "- Schrik af: **not marked**" in md
    assert "| Track | start | R1 | end | Range |" in md
    assert "| EU-cohesie | 0 | +2 | +2 | −3 … +3 |" in md
    assert "| R1 | Draagvlak | −1 | +1 | Ruling on BLUE |" in md
    assert in_order(md, "**Answering inject 1: Title s1-a1**", "RED-ANSWER-ONE", SECRET,
                     "**Answering inject 2: Title s1-branch**", "RED-ANSWER-TWO")


def test_a_handout_hides_another_teams_private_move_and_its_cause_on_a_track(played, tmp_path):
    pdf = _pdf(played.state, tmp_path / "red.pdf", team="red")
    md = session_markdown(played.state, team="red", lang="en")
    for text in (pdf, md):
        assert SECRET not in text and "NARR-BLUE" not in text
        assert "Ruling on BLUE" not in text and "A ruling (not in this handout)" in text
        assert "Ruling on RED" in text and "RED-ANSWER-ONE" in text and "RED-ANSWER-TWO" in text
        assert "REASON-UNITY" in text, "objectives and their marks are read by every team"
    assert "Private move: not shown in this handout." in pdf
    blue = session_markdown(played.state, team="blue", lang="en")
    assert SECRET in blue and "Ruling on BLUE" in blue, "a team's own ruling keeps its name"


def test_a_deck_without_tracks_or_briefs_gets_neither_section(tmp_path):
    s, _, _ = new_session(tmp_path)
    s.advance()
    s.record_move("red", "a move")
    md = session_markdown(s.state, lang="en")
    text = _pdf(s.state, tmp_path / "plain.pdf")
    s.close()
    for doc in (md, text):
        assert "The tracks" not in doc and "Team objectives" not in doc and "Answering inject" not in doc


def test_a_move_answering_another_teams_private_inject_is_not_in_a_handout(tmp_path):
    from dataclasses import replace

    from wargame.engine.session import Session
    from wargame.exchange.csvio import moves_csv

    from ..engine.helpers import FakeClock, mini_library

    lib = mini_library()
    lib.injects["s1-branch"] = replace(lib.injects["s1-branch"], targets=("blue",), private=True)
    s, _ = Session.create(tmp_path / "p.wargame", lib.decks["mini"], lib, seed=1, now=FakeClock())
    s.advance()
    s.advance()  # s1-branch: blue's private inject
    m = s.record_move("blue", "BLUE-ANSWERS-ITS-SECRET openly", private=False)
    s.adjudicate(m.id, 1, "BLUE-RULED", erosion=1)
    for text in (session_markdown(s.state, team="red", lang="en"), moves_csv(s.state, team="red")):
        assert "BLUE-ANSWERS-ITS-SECRET" not in text and "BLUE-RULED" not in text
    assert "BLUE-ANSWERS-ITS-SECRET" in session_markdown(s.state, team="blue", lang="en")
    assert "BLUE-ANSWERS-ITS-SECRET" in session_markdown(s.state, lang="en"), "the facilitator's debrief has it"
