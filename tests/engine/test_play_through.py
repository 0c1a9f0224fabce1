"""A whole built-in deck played by a script that is SIGKILLed again and again, then resumed."""

from __future__ import annotations

import random
import signal
import subprocess
import sys

import pytest

from wargame.content import builtin_library
from wargame.engine.session import Session
from wargame.store import EventStore

from .test_durability import ENV, ROOT


@pytest.mark.slow
@pytest.mark.parametrize("deck_id", ["tough-love", "drift"])
def test_kill_anywhere_and_carry_on(tmp_path, deck_id):
    lib = builtin_library()
    deck = lib.decks[deck_id]
    s, _ = Session.create(tmp_path / "s.wargame", deck, lib, seed=3)
    s.close()
    rng = random.Random(deck_id)
    kills = 0
    for _ in range(200):
        p = subprocess.Popen([sys.executable, "-m", "tests.engine.player", str(tmp_path / "s.wargame")],
                             cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            p.wait(timeout=0.15 + rng.random() * 0.4)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            kills += 1
        out, err = p.communicate()
        assert "Traceback" not in err, err
        if p.returncode == 0:
            break
    else:
        pytest.fail("the deck did not finish")
    assert kills >= 1, "the player was killed at least once"
    with EventStore(tmp_path / "s.wargame") as store:
        assert store.integrity() == "ok"
    st = Session.open(tmp_path / "s.wargame").state
    assert st.ended
    assert st.round == len(deck.rounds) - 1
    ids = [d.inject_id for d in st.deliveries]
    assert len(ids) == len(set(ids)), "no inject delivered twice"
    fixed = [slot.fixed for r in deck.rounds for slot in r.injects if slot.fixed]
    assert [i for i in ids if i in fixed] == fixed, "fixed injects in deck order, none lost"
    for r in range(len(deck.rounds)):
        addressed = {t for d in st.round_deliveries(r) for t in st.teams if st.injects[d.inject_id].reaches(t)}
        moved = {m.team for m in st.round_moves(r)}
        assert addressed and addressed <= moved, f"every team an inject of round {r} addresses moved"
