"""The deck's tracks beside the axis cross: each gauge's value on its range (hidden for a deck without tracks)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import SessionState
from wargame.views.i18n import gettext as _

from .safe import clip, lines, set_content

BAR = 11
"""Cells of a track's bar."""


class TracksPanel(Static):
    DEFAULT_CSS = """
    TracksPanel { height: auto; border: round $primary; padding: 0 1; display: none; }
    TracksPanel.-shown { display: block; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)

    def show(self, st: SessionState) -> None:
        self.border_title = _("Tracks", st.lang)
        tracks = st.deck.tracks if st.deck is not None else ()
        self.set_class(bool(tracks), "-shown")
        if tracks:
            set_content(self, lines([render_track(t.name.get(st.lang), st.tracks.get(t.id, t.start), t.low, t.high)
                                     for t in tracks]))


def render_track(name: str, value: int, low: int, high: int) -> Content:
    """`EU-cohesie  ━━━━━●━━━━━  +1 (-5..+5)`: the value's place on the track's range."""
    at = round((value - low) / (high - low) * (BAR - 1))
    bar = "━" * at + "●" + "━" * (BAR - 1 - at)
    return Content.assemble((clip(name, 18).ljust(18), "bold"), " ", (bar, "$accent"), f" {value:+d}",
                            (f" ({low:+d}..{high:+d})", "dim"))
