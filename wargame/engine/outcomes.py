"""The matrix-game outcome scale a facilitator rules with: the scores, from Triumph (+3) to Disaster (−3).

Their names are words, in `wargame.views.words` (`outcome_name`, `outcome_text`).
"""

from __future__ import annotations

OUTCOMES: tuple[int, ...] = (3, 2, 1, 0, -1, -2, -3)
"""Every score a ruling may give, best first."""
