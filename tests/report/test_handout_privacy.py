"""A team's handout: no controller notes or facilitator's notes unless asked for, and no push of
another team's private move attributable to it or to the move."""

from __future__ import annotations

import pytest

from wargame.report.debrief import write_debrief
from wargame.report.markdown import session_markdown
from wargame.views.debrief import build

from .conftest import flat, pdf_text
from .sessionkit import replaced_session

NOTES = ("NOTE-OBSERVATION", "NOTE-STRENGTH", "NOTE-IMPROVE", "NOTE-ACTION", "NOTE-OWNER")


@pytest.fixture(scope="module")
def replaced(tmp_path_factory):
    s, ids = replaced_session(tmp_path_factory.mktemp("privacy") / "privacy.wargame")
    yield s, ids
    s.close()


def _controller_notes(state) -> list[str]:
    """The first words of each delivered inject's controller notes (enough to find it, wrapped or not)."""
    return [" ".join(state.injects[d.inject_id].facilitator_notes.en.split()[:6]) for d in state.deliveries]


def _pdf(state, path, **kw) -> str:
    write_debrief(state, path, **kw)
    return flat("\n".join(pdf_text(path)))


def test_handout_leaves_out_controller_and_facilitator_notes(replaced, tmp_path):
    s, _ = replaced
    st = s.state
    controller = _controller_notes(st)
    full = _pdf(st, tmp_path / "full.pdf")
    handout = _pdf(st, tmp_path / "eu.pdf", team="eu")
    asked = _pdf(st, tmp_path / "eu-notes.pdf", team="eu", with_controller_notes=True)
    for text in (full, asked):
        assert "Controller notes" in text
        assert all(c in text for c in controller), controller
        assert all(n in text for n in NOTES)
    left_out = "Controller notes and the facilitator's notes are left out too."
    assert left_out in handout and left_out not in full
    assert "Controller notes" not in handout.replace(left_out, "")
    assert not any(c in handout for c in controller)
    assert not any(n in handout for n in NOTES)
    assert "The facilitator's notes are not in this handout." in handout


def test_markdown_handout_leaves_out_controller_and_facilitator_notes(replaced):
    st = replaced[0].state
    controller = _controller_notes(st)
    full, handout = session_markdown(st), session_markdown(st, team="eu")
    asked = session_markdown(st, team="eu", with_controller_notes=True)
    for md in (full, asked):
        assert "**Controller notes:**" in md and all(n in md for n in NOTES)
        assert all(c.split()[0] in md for c in controller)
    assert "Controller notes" not in handout.replace("Controller notes and the facilitator's notes are left out too.", "")
    assert not any(n in handout for n in NOTES)
    nl = session_markdown(st, team="eu", lang="nl")
    assert "Notities spelleiding" not in nl and "Ook de notities van de spelleiding zijn weggelaten." in nl
    assert not any(n in nl for n in NOTES)


def test_handout_does_not_attribute_another_teams_private_ruling(replaced, tmp_path):
    s, ids = replaced
    st = s.state
    secret = (ids["M1"], ids["M2"])
    assert any(p.cause == f"ruling:{ids['M1']}" for p in st.path)  # the push is on the world's path
    d = build(st, team="eu")
    assert not any(m in p.cause for p in d.path for m in secret)
    assert [p.erosion for p in d.path] == [p.erosion for p in st.path]  # the world still moved
    rulings = [row.text for row in d.timeline if row.kind == "ruling"]
    assert rulings.count("A ruling (not in this handout)") == 2
    assert not any("Moscow" in r for r in rulings)
    moves = [row.text for row in d.timeline if row.kind == "move"]
    assert "Move by Moscow" in moves and "Move by Moscow revised" not in moves  # its earlier version is private
    full = build(st)
    assert "Ruling on Moscow: +1 Partial success" in [row.text for row in full.timeline]
    for text in (_pdf(st, tmp_path / "eu.pdf", team="eu"), session_markdown(st, team="eu"),
                 _pdf(st, tmp_path / "nl.pdf", team="kabinet-nl", lang="nl")):
        assert not any(m in text for m in secret)
        assert "Move by Moscow revised" not in text and "Zet van Moskou herzien" not in text
        assert "Ruling on Moscow" not in text and "Beoordeling Moskou" not in text
        assert "A ruling (not in this handout)" in text or "Een beoordeling (niet in deze handout)" in text
    own = build(st, team="moskou")
    assert "Ruling on Moscow: +1 Partial success" in [row.text for row in own.timeline]
