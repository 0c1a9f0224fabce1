"""The evaluation in the after-action report (PDF and Markdown): the ratings at a glance, each exercise
objective with every evaluator's letter, name and reasons and the observations under their heading, the
hot-wash answers, the feedback figures (withheld below the minimum) and comments, and the improvement plan
with its status; a team's handout with its own ratings only and no comments; hostile text literal; the
objectives in every team pack and in `wargame list decks`."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest
from pypdf import PdfReader

from wargame.cli import main
from wargame.content import builtin_library
from wargame.engine.session import Session
from wargame.report.brief import render as render_packs
from wargame.report.debrief import write_debrief
from wargame.report.markdown import session_markdown
from wargame.views.packs import deck_packs

from .conftest import flat, in_order, pdf_text
from .sessionkit import OBJECTIVES, Clock, deck_with_objectives

HOSTILE = "<b>&amp; ]]> <img src=x>"


def evaluated_session(path: Path, *, forms: int = 4) -> Session:
    """The demo deck with three exercise objectives, played and evaluated: Eva and Bram differ on the EU
    (P and S), Eva rates Moscow U; a strength about the EU, an area for improvement about Moscow, a plain
    observation about the whole exercise; plenary and EU hot-wash answers; `forms` feedback forms; an
    action serving an objective, in progress. Hostile text in reasons, observations, answers and comments."""
    deck, lib = deck_with_objectives()
    s, _codes = Session.create(path, deck, lib, lang="en", seed=7, title="Oefening Evaluatie",
                               facilitator="Anna de Vries", now=Clock())
    for r in range(len(deck.rounds)):
        s.advance()
        if r == 0:
            s.record_move("eu", "EU plan", "", "")
    s.record_observation("eenheid", "eu", 0, f"OBS-EU-STRENGTH one line fast {HOSTILE}", kind="strength",
                         author="Eva")
    s.record_observation("eenheid", "moskou", 1, "OBS-MOSCOW-IMPROVE too slow", kind="improvement", author="Bram")
    s.record_observation("afschrikking", "", 2, "OBS-WHOLE the room", author="Eva")
    s.rate("eenheid", "eu", "P", f"RATING-EU-EVA {HOSTILE}", author="Eva")
    s.rate("eenheid", "eu", "S", "RATING-EU-BRAM reasons", author="Bram")
    s.rate("eenheid", "moskou", "U", "RATING-MOSCOW reasons", author="Eva")
    question = s.state.hotwash[0].id
    s.answer_hotwash(question, f"ANSWER-PLENARY we saw it late {HOSTILE}")
    s.answer_hotwash(question, "ANSWER-EU we were slow", team="eu")
    s.add_note("ACTION-PLAYBOOK draft a playbook", tag="action", owner="BZ/DVB", due="2026-06-01",
               objective="eenheid", status="in_progress")
    s.end()
    given = (("eu", 4, f"COMMENT-EU good {HOSTILE}"), ("moskou", 2, "COMMENT-MOSCOW meh"), ("eu", 5, ""),
             ("kabinet-nl", 3, "COMMENT-CABINET fine"))
    for team, score, text in given[:forms]:
        s.give_feedback(team, {"eenheid": score, "weerbaarheid": 3}, text)
    return s


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory):
    s = evaluated_session(tmp_path_factory.mktemp("aar") / "evaluatie.wargame")
    yield s
    s.close()


def _text(path: Path) -> str:
    """The PDF's text in drawing order (pypdf: a table row by row), whitespace collapsed."""
    return flat("\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages))


def _pdf(state, path: Path, **kw) -> str:
    write_debrief(state, path, **kw)
    assert pdf_text(path), "pypdf and pdftotext agree on the pages"
    return _text(path)




def _section(text: str, start: str, end: str) -> str:
    """The text from the last `start` up to the next `end` after it (the body, not the outline)."""
    i = text.rindex(start)
    j = text.find(end, i + len(start))
    return text[i:j if j >= 0 else None]


def test_the_summary_shows_the_ratings_at_a_glance(evaluated, tmp_path):
    text = _pdf(evaluated.state, tmp_path / "aar.pdf", lang="en")
    glance = _section(text, "Ratings at a glance", "The axis cross")
    assert in_order(glance, "Dutch Cabinet European Union E3: Berlin, Paris, London Washington Moscow",
                     "1. Keep Europe united — P/S — — U", "2. Keep deterrence credible — — — — —",
                     "3. Resilience at home — — — — —")
    assert "P — performed without challenges" in glance and "U — unable to be performed" in glance
    assert "— not rated yet" in glance
    assert text.index("Executive summary") < text.index("Ratings at a glance")


def test_each_objective_holds_its_ratings_reasons_and_observations_under_their_heading(evaluated, tmp_path):
    text = _pdf(evaluated.state, tmp_path / "aar.pdf", lang="en")
    one = _section(text, "Objective 1: Keep Europe united", "Objective 2: Keep deterrence credible")
    assert in_order(one, "A strong performance", "One line within the hour", "Team", "Rating", "Evaluator",
                     "Reasons")
    assert in_order(one, "European Union", "P performed without challenges", "Eva", f"RATING-EU-EVA {HOSTILE}",
                     "S performed with some challenges", "Bram", "RATING-EU-BRAM reasons")
    assert in_order(one, "Moscow", "U unable to be performed", "Eva", "RATING-MOSCOW reasons")
    assert in_order(one, "Strengths", f"OBS-EU-STRENGTH one line fast {HOSTILE}", "(European Union · round 1 · Eva)",
                     "Areas for improvement", "OBS-MOSCOW-IMPROVE too slow", "(Moscow · round 2 · Bram)")
    assert "Responses: 4 · Mean: 3.5 · 1: 0 · 2: 1 · 3: 1 · 4: 1 · 5: 1" in one
    assert "OBS-WHOLE" not in one
    two = _section(text, "Objective 2: Keep deterrence credible", "Objective 3: Resilience at home")
    assert "No evaluator has rated this objective yet." in two
    assert in_order(two, "Observations", "OBS-WHOLE the room", "(the exercise as a whole · round 3 · Eva)")
    three = _section(text, "Objective 3: Resilience at home", "Team objectives")
    assert "No observations were recorded for this objective." in three
    assert "Evaluators: Bram, Eva" in text


def test_hot_wash_feedback_and_plan(evaluated, tmp_path):
    text = _pdf(evaluated.state, tmp_path / "aar.pdf", lang="en")
    question = evaluated.state.hotwash[0].question.get("en")
    hotwash = _section(text, "Hot wash: debrief questions", "Participant feedback")
    assert in_order(hotwash, "with the answers recorded", flat(question)[:60],
                     f"plenary: ANSWER-PLENARY we saw it late {HOSTILE}", "European Union: ANSWER-EU we were slow", "2.")
    feedback = _section(text, "Participant feedback", "Improvement plan")
    assert "Feedback forms: 4" in feedback
    assert in_order(feedback, "Objective Responses Mean 1 2 3 4 5", "1. Keep Europe united 4 3.5 0 1 1 1 1",
                     "3. Resilience at home 4 3.0 0 0 4 0 0")
    assert in_order(feedback, "Comments (anonymous, in alphabetical order)", "COMMENT-CABINET fine",
                     f"COMMENT-EU good {HOSTILE}", "COMMENT-MOSCOW meh")
    plan = _section(text, "Improvement plan", "Appendix")
    assert in_order(plan, "No. Action Objective Owner Due Status", "ACTION-PLAYBOOK draft a playbook",
                     "Keep Europe united", "BZ/DVB", "2026-06-01", "in progress")


def test_a_teams_handout_holds_its_own_evaluation_only(evaluated, tmp_path):
    text = _pdf(evaluated.state, tmp_path / "eu.pdf", team="eu", lang="en")
    md = session_markdown(evaluated.state, team="eu", lang="en")
    for doc in (text, md):
        assert "RATING-EU-EVA" in doc and "RATING-EU-BRAM" in doc and "OBS-EU-STRENGTH" in doc
        assert "OBS-MOSCOW-IMPROVE" not in doc and "RATING-MOSCOW" not in doc, "another team's evaluation"
        assert "COMMENT-" not in doc, "the comments are the facilitator's alone"
    glance = _section(text, "Ratings at a glance", "The axis cross")
    assert "European Union" in glance and "Moscow" not in glance


def test_too_few_feedback_forms_withhold_the_figures(tmp_path):
    s = evaluated_session(tmp_path / "few.wargame", forms=2)
    text = _pdf(s.state, tmp_path / "few.pdf", lang="en")
    md = session_markdown(s.state, lang="en")
    s.close()
    for doc in (text, md):
        assert "Fewer than 3 feedback forms came in: the figures are withheld to keep the answers anonymous." in doc
        assert "Responses: " not in doc and "COMMENT-" not in doc
    assert "Feedback forms: 2" in text and "**Feedback forms:** 2" in md


def test_the_markdown_has_the_same_sections_with_typed_text_in_code(evaluated):
    md = session_markdown(evaluated.state, lang="en")
    assert "### Ratings at a glance" in md
    assert "| 1. Keep Europe united | — | P/S | — | — | U | " in md
    assert "## Exercise objectives" in md and "### Objective 1: Keep Europe united" in md
    assert "**A strong performance:** One line within the hour" in md
    assert f"  - **P** performed without challenges — `Eva`: `RATING-EU-EVA {HOSTILE}`" in md
    assert in_order(md, "#### Strengths", f"- `OBS-EU-STRENGTH one line fast {HOSTILE}` (European Union · round 1 · `Eva`)",
                     "#### Areas for improvement", "- `OBS-MOSCOW-IMPROVE too slow` (Moscow · round 2 · `Bram`)",
                     "### Objective 2", "#### Observations", "OBS-WHOLE the room")
    assert f"   - **plenary:** `ANSWER-PLENARY we saw it late {HOSTILE}`" in md
    assert "   - **European Union:** `ANSWER-EU we were slow`" in md
    assert "| 1. Keep Europe united | 4 | 3.5 | 0 | 1 | 1 | 1 | 1 | " in md
    assert f"- `COMMENT-EU good {HOSTILE}`" in md
    assert "   - Objective: Keep Europe united; Owner: `BZ/DVB`; Due: `2026-06-01`; Status: **in progress**" in md
    outside_code = "".join(md.split("`")[::2])
    assert "<b>" not in outside_code and "]]>" not in outside_code, "typed text only inside code spans"


def test_the_dutch_report_speaks_dutch(evaluated, tmp_path):
    text = _pdf(evaluated.state, tmp_path / "nl.pdf", lang="nl")
    for words in ("Beoordelingen in één oogopslag", "Oefendoelstellingen", "Doelstelling 1: Europese eenheid bewaren",
                  "Een sterke uitvoering", "Eén lijn binnen een uur", "uitgevoerd zonder problemen", "plenair",
                  "Opmerkingen (anoniem, in alfabetische volgorde)", "in uitvoering", "3,5"):
        assert words in text, words


def _without_objectives(state):
    """The state as a deck that states no exercise objectives would have made it (a deck of before them)."""
    plain = copy.copy(state)
    plain.deck = dataclasses.replace(state.deck, objectives=())
    return plain


def test_a_deck_without_objectives_and_a_session_without_evaluation(session, tmp_path):
    state = _without_objectives(session.state)
    text = _pdf(state, tmp_path / "plain.pdf", lang="en")
    md = session_markdown(state, lang="en")
    for doc in (text, md):
        assert "Exercise objectives" not in doc and "Ratings at a glance" not in doc
        assert "No feedback forms came in." in doc
    assert "Write the answers on the lines." in text, "unanswered questions keep their write-in intro"
    assert in_order(text, "Improvement plan", "No. Action Objective Owner Due Status", "BZ/DVB", "open")


def test_every_team_pack_says_what_the_exercise_evaluates(tmp_path):
    deck, lib = deck_with_objectives()
    packs = deck_packs(deck, lib, "en")
    assert all([o.title for o in p.objectives] == [o.title.en for o in OBJECTIVES] for p in packs)
    pdf, _pages = render_packs(packs, deck.title.en, "en")
    out = tmp_path / "packs.pdf"
    out.write_bytes(pdf)
    text = _text(out)
    assert text.count("What this exercise evaluates") == len(packs)
    assert in_order(text, "What this exercise evaluates", "1. Keep Europe united", "A strong performance",
                     "One line within the hour", "3. Resilience at home", "The public stays informed")



def test_a_red_team_pack_leaves_out_the_objectives_it_plays_against():
    lib = builtin_library()
    packs = {p.team_id: p for p in deck_packs(lib.decks["demo"], lib, "en")}
    assert [o.title for o in packs["eu"].objectives] == [o.title.en for o in lib.decks["demo"].objectives]
    assert packs["moskou"].objectives == () and packs["washington"].objectives == ()


def test_list_decks_counts_the_exercise_objectives(capsys):
    main(["list", "decks"])
    out = capsys.readouterr().out
    decks = builtin_library().decks.values()
    firsts = [line for line in out.splitlines() if not line.startswith(" ")]
    assert len(firsts) == len(decks)
    for deck, line in zip(decks, firsts, strict=True):
        n = len(deck.objectives)
        assert line.startswith(deck.id) and f"{n} exercise objective{'' if n == 1 else 's'})" in line
