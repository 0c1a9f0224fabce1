"""Two roads compared: a fork against its parent, and two rooms of one deck; where they part, round by
round side by side, the road not taken, both paths on one cross; sessions of two decks are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.content import builtin_library
from wargame.engine.fork import fork
from wargame.engine.session import Session
from wargame.report.compare import comparison_markdown, write_comparison
from wargame.views.compare import DifferentDecks, compare

from .conftest import flat, pdf_text

HOSTILE = "<b>&amp; <img src=x> </para> `code` *bold*"


def room(path: Path, deck: str, moves: list[tuple[str, int, int]]) -> Session:
    """A session of `deck`, one round per entry of `moves`: (kabinet-nl's action, outcome, erosion push)."""
    lib = builtin_library()
    s, _ = Session.create(path, lib.decks[deck], lib, seed=7, lang="en")
    for r, (action, outcome, erosion) in enumerate(moves):
        if r:
            s.next_round()
        else:
            s.advance()
        m = s.record_move("kabinet-nl", action, "", "")
        s.adjudicate(m.id, outcome, "", erosion=erosion)
    return s


def test_a_fork_and_its_parent_part_where_round_two_was_played_otherwise(tmp_path: Path) -> None:
    parent = room(tmp_path / "a.wargame", "demo", [("Hold the line", 1, 0), ("Call Washington", 2, -1),
                                                   ("Back Kyiv", 1, 0)])
    parent.close()
    child, _ = fork(tmp_path / "a.wargame", 2, tmp_path / "b.wargame")
    child.next_round()
    m = child.record_move("kabinet-nl", HOSTILE, "", "")
    child.adjudicate(m.id, -3, "", erosion=2)
    a = Session.open(tmp_path / "a.wargame")
    c = compare(a.state, child.state, "en")
    assert c.parted == 1 and c.why == ("Dutch Cabinet moved otherwise",)
    assert [r.same for r in c.rounds] == [True, False, False]
    assert c.rounds[2].end[1] is None  # the fork has not played round 3
    assert c.a.path[-1] != c.b.path[-1]
    md = comparison_markdown(c)
    assert "The roads part in round 2" in md and "`<b>&amp; <img src=x> </para> ``code`` *bold*`" not in md
    assert "``" in md and HOSTILE.split("`")[0] in md  # team text inside a code span, as typed
    assert "not played on this road" in md
    out = tmp_path / "cmp.pdf"
    pages = write_comparison(c, out)
    text = flat("\n".join(pdf_text(out)))
    assert pages >= 2 and HOSTILE in text and "Where the roads parted" in text and "Call Washington" in text
    nl = comparison_markdown(compare(a.state, child.state, "nl"))
    assert "De wegen gaan uiteen in ronde 2" in nl
    a.close()
    child.close()


def test_two_rooms_of_one_deck_and_the_road_not_taken(tmp_path: Path) -> None:
    one = room(tmp_path / "one.wargame", "tough-love", [("Sanctions", 1, 0)])
    two = room(tmp_path / "two.wargame", "tough-love", [("Sanctions", -1, 0)])
    c = compare(one.state, two.state, "en")
    assert c.parted == 0 and c.why == ("the move of Dutch Cabinet was ruled otherwise",)
    one.close()
    two.close()
    same = compare(one.state, one.state, "en")
    assert same.parted is None and "do not part" in comparison_markdown(same)


def test_sessions_of_two_decks_do_not_compare(tmp_path: Path) -> None:
    a = room(tmp_path / "a.wargame", "demo", [])
    b = room(tmp_path / "b.wargame", "tough-love", [])
    with pytest.raises(DifferentDecks, match="different decks"):
        compare(a.state, b.state, "en")
    a.close()
    b.close()


def test_the_road_not_taken_is_each_branch_neither_chose(tmp_path: Path) -> None:
    target = "ow-europe-carries-kyiv"  # three branches: A takes the first, B the second

    def to_branch(path: Path, choice: int) -> Session:
        lib = builtin_library()
        s, _ = Session.create(path, lib.decks["oost-west-thuis-best"], lib, seed=7, lang="en")
        while True:
            cur = s.state.current_inject
            if cur is not None and cur.options and cur.id not in s.state.options_chosen:
                s.choose_option(cur.options[choice if cur.id == target else 0].id)
                if cur.id == target:
                    return s
            s.advance()

    a, b = to_branch(tmp_path / "a.wargame", 0), to_branch(tmp_path / "b.wargame", 1)
    inj = a.state.injects[target]
    assert len(inj.options) == 3
    c = compare(a.state, b.state, "en")
    assert f"another branch was chosen at ‘{inj.title.en}’" in c.why
    left = {x.inject: x.options for x in c.not_taken}
    assert left[inj.title.en] == (inj.options[2].label.en,)
    assert "The road not taken" in comparison_markdown(c) and inj.options[2].label.en in comparison_markdown(c)
    a.close()
    b.close()
