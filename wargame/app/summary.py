"""The line Home shows for a session file's summary."""

from __future__ import annotations

from wargame.engine.summary import Summary, read_summary
from wargame.views.i18n import gettext as _
from wargame.views.words import t

__all__ = ["Summary", "read_summary", "summary_line"]


def summary_line(s: Summary, when: str, lang: str) -> str:
    """ "deck · round 2 of 3 · ended · 2026-05-01 14:03", in `lang` """
    where = _("round {n} of {total}", lang).format(n=s.round_reached, total=s.rounds) if s.round_reached \
        else _("not started", lang)
    return " · ".join([s.deck or "?", where] + ([t("ended", lang)] if s.ended else []) + [when])
