"""Who may see what: the rules of `views.visibility` that the other tests do not reach."""

from __future__ import annotations

import pytest

from wargame.exchange.jsonio import session_json
from wargame.views.visibility import (
    FACILITATOR_CARD,
    TEAM_CARD,
    WALL_CARD,
    check_team,
    notes_shown,
)

from ..report.sessionkit import replaced_session


def test_the_json_export_is_the_complete_log_with_no_team_form(tmp_path):
    s, _ids = replaced_session(tmp_path / "s.wargame")
    try:
        assert '"private": true' in session_json(s.store)  # every private move is in it
        with pytest.raises(ValueError, match="complete session"):
            session_json(s.store, team="eu")
        with pytest.raises(ValueError, match="no team 'atlantis'"):
            check_team(s.state, "atlantis")
    finally:
        s.close()


def test_only_the_facilitator_reads_the_controller_part_of_an_inject():
    assert FACILITATOR_CARD.controller and not WALL_CARD.controller and not TEAM_CARD.controller
    assert WALL_CARD.facts and not TEAM_CARD.facts  # the wall shows minutes and scenario, a team not
    assert notes_shown(None, False) and notes_shown("eu", True) and not notes_shown("eu", False)
