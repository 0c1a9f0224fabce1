"""The MSEL view: every round and its injects, done, current and to come (slots not yet played)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import SessionState
from wargame.model.plan import plan
from wargame.views.i18n import gettext as _

from .. import view
from .safe import clip, lines, set_content


class Timeline(Static):
    """Rounds and injects of the session: ✓ done, ▶ current, ○ to come; each team's move under its round."""

    DEFAULT_CSS = """
    Timeline { height: auto; padding: 0 1; }
    """

    def __init__(self, *, moves: bool = True, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.with_moves = moves
        self._state: SessionState | None = None

    def show(self, st: SessionState, width: int = 36) -> None:
        """Lines fit the widget's width once it is laid out (`width` until then)."""
        self._state = st
        set_content(self, render_timeline(st, self.with_moves, self.size.width or width))

    def on_resize(self) -> None:
        if self._state is not None:
            self.show(self._state)


def render_timeline(st: SessionState, with_moves: bool = True, width: int = 60) -> Content:
    """The MSEL as lines of at most `width` cells (the full texts are in the dialogs and the debrief)."""
    if st.deck is None:
        return Content("")
    w, lang = max(width, 20), st.lang
    out: list[Content] = [Content.styled(clip(_("MSEL · rounds and injects", lang), w), "bold underline")]
    current = st.current
    for planned in plan(st.deck, st, strict=False).rounds:
        r, rnd = planned.index, planned.round
        played = r <= st.round
        if (st.ended and played) or r < st.round:
            mark, style = "✓", "dim"
        elif r == st.round:
            mark, style = "▶", "bold $accent"
        elif st.ended:
            mark, style = "–", "dim strike"
        else:
            mark, style = "○", ""
        minutes = " · " + _("{n} min", lang).format(n=rnd.minutes)
        out.append(Content.assemble((f"{mark} R{r + 1} ", style),
                                    (clip(rnd.title.get(st.lang), w - 5 - len(minutes)), style), (minutes, "dim")))
        for d in st.round_deliveries(r):
            now_playing = d is current and not st.ended
            out.append(Content.assemble(("  ▶ " if now_playing else "  ✓ ", "bold" if now_playing else "dim"),
                                        (clip(view.delivery_label(st, d), w - 4), "bold" if now_playing else "")))
        if r == st.round and not st.ended:
            for inject_id, how in st.queue:
                out.append(Content.assemble(("  → ", "$warning"),
                                            clip(view.queued_label(st, inject_id, how),
                                                 w - 4)))
        if not st.ended and r >= st.round:
            first = st.slot if r == st.round else 0
            for to_come in planned.slots[first:]:
                out.append(Content.assemble(("  ○ ", "dim"), clip(view.slot_label(st, to_come.slot), w - 4)))
        if with_moves and played:
            moves = st.current_moves(r)
            for team in st.teams:
                m = moves.get(team)
                if m is None:
                    continue
                ruling = st.rulings.get(m.id)
                tag = f" [{ruling.outcome:+d}]" if ruling else ""
                name = clip(view.team_name(st, team), 16)
                room = w - 4 - len(name) - 2 - len(tag)
                out.append(Content.assemble("    ", (name, "italic"), ": ", clip(m.action, max(room, 6)),
                                            (tag, "$success")))
    if st.ended:
        out.append(Content.styled("■ " + _("exercise ended", lang), "bold"))
    return lines(out)
