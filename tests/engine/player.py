"""Plays a whole deck through the engine, resuming from whatever the session file holds.

Each step looks at the folded state and does the next thing, so the script can be killed at any
moment and started again on the same file.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from wargame.engine.session import Session


def step(s: Session) -> bool:
    """Do one thing; False when the exercise is over."""
    st = s.state
    if st.ended:
        return False
    if st.current is None:
        s.advance()
        return True
    if st.clock.mode == "idle":
        s.clock("start")
        return True
    pending = st.pending_teams()
    if pending:
        team = pending[0]
        s.record_move(team, f"{team} acts in round {st.round}", "result", "reasons",
                      key=f"move-{team}-{st.round}-{len(st.deliveries)}")
        return True
    unruled = [m for m in st.current_moves().values() if m.id not in st.rulings]
    if unruled:
        s.adjudicate(unruled[0].id, 1, "ruled", 0, 0)
        return True
    inj = st.current_inject
    if inj.options and inj.id not in st.options_chosen:
        s.choose_option(inj.options[0].id)
        return True
    if s.advance() is None:
        s.end()
    return True


def main() -> None:
    s = Session.open(Path(sys.argv[1]))
    while step(s):
        print(s.state.last_event_id, flush=True)
        time.sleep(0.005)  # spread the steps out, so a kill can land anywhere


if __name__ == "__main__":
    main()
