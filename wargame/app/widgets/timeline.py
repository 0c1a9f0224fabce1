"""The MSEL view: every round and its injects, done, current and to come (slots not yet played)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import SessionState

from .. import view
from .safe import clip, lines


class Timeline(Static):
    """Rounds and injects of the session: ✓ done, ▶ current, ○ to come; moves per round under it."""

    DEFAULT_CSS = """
    Timeline { height: auto; padding: 0 1; }
    """

    def __init__(self, *, moves: bool = True, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.with_moves = moves

    def show(self, st: SessionState) -> None:
        self.update(render_timeline(st, self.with_moves))


def render_timeline(st: SessionState, with_moves: bool = True, width: int = 60) -> Content:
    if st.deck is None:
        return Content("")
    out: list[Content] = [Content.styled("MSEL · rounds and injects", "bold underline")]
    current = st.current
    for r, rnd in enumerate(st.deck.rounds):
        if st.ended or r < st.round:
            mark, style = "✓", "dim"
        elif r == st.round:
            mark, style = "▶", "bold $accent"
        else:
            mark, style = "○", ""
        out.append(Content.assemble((f"{mark} R{r + 1} ", style),
                                    (clip(rnd.title.get(st.lang), width), style),
                                    (f" · {rnd.minutes} min", "dim")))
        for d in st.round_deliveries(r):
            now_playing = d is current and not st.ended
            out.append(Content.assemble(("   ▶ " if now_playing else "   ✓ ", "bold" if now_playing else "dim"),
                                        (clip(view.delivery_label(st, d), width), "bold" if now_playing else "")))
        if r == st.round and not st.ended:
            for inject_id, how in st.queue:
                out.append(Content.assemble(("   → ", "$warning"),
                                            clip(f"{view.inject_title(st, inject_id)} ({view.HOW_NAMES.get(how, how)})", width)))
        if r > st.round or (r == st.round and not st.ended):
            first = st.slot if r == st.round else 0
            for slot in rnd.injects[first:]:
                out.append(Content.assemble(("   ○ ", "dim"), clip(view.slot_label(st, slot), width)))
        if with_moves and r <= st.round:
            moves = st.current_moves(r)
            for team in st.teams:
                m = moves.get(team)
                if m is None:
                    continue
                ruling = view.ruling_label(st, m)
                out.append(Content.assemble(("     ", ""), (clip(view.team_name(st, team), 18), "italic"), ": ",
                                            clip(m.action, width - 10),
                                            (f" [{ruling}]" if ruling else "", "$success")))
    if st.ended:
        out.append(Content.styled("■ exercise ended", "bold"))
    return lines(out)
