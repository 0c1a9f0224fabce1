"""The teams of the session: who has moved this round, who is pending, whose ruling must be redone
and who typed wrong join codes (and how long it must wait), live.

A small list widget of its own rather than Textual's OptionList: the panel is on the console's
first frame, and OptionList's styling and component styles cost about 7 ms of start-up for what
is here a handful of rows with a cursor.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.geometry import Region
from textual.widget import Widget

from wargame.engine.state import Move, SessionState

from .. import view
from ..messages import TeamChosen
from .safe import clip


def team_row(st: SessionState, team: str, m: Move | None, width: int, now: float = 0.0) -> Content:
    """A team's row: a mark, its name and state, then its move `m` this round, a ruling to redo and
    its wrong join codes, each on a line of its own (one line for a pending team that has none)."""
    wait = view.join_wait(st, team, now)
    out: list[Content] = []
    if m is None:
        if wait:
            mark, tail, style = "✗ ", f"  locked {view.wait_text(wait)}", "$error"
        else:
            mark, tail, style = "… ", "  pending", "$warning"
        out.append(Content.assemble((mark, style), (_fit(st, team, tail, width), "bold"), (tail, style)))
        wrong = view.wrong_codes(st, team)
        if wrong:  # the head says how long it waits; this line, why
            out.append(Content.styled(f"  {wrong}", style))
        return Content("\n").join(out)
    ruling = view.ruling_label(st, m)
    earlier = "" if ruling else view.earlier_ruling_label(st, m)
    tail, style = ((f"  {ruling}", "$success") if ruling else ("  rule again", "$warning") if earlier
                   else ("  to rule", "$text-muted"))
    out.append(Content.assemble(("✓ ", "$success"), (_fit(st, team, tail, width), "bold"), (tail, style)))
    flags = "(private) " if m.private else ""
    out.append(Content.assemble("  ", (flags, "dim"), clip(m.action, max(width - len(flags), 8))))
    if earlier:
        flag = f"ruled move replaced · was {earlier}"
        out.append(Content.styled("  " + (flag if len(flag) <= width else "ruled move replaced"), "$warning"))
    trouble = view.join_trouble(st, team, now)
    if trouble:
        out.append(Content.styled("  " + clip(trouble, width), "$error" if wait else "$warning"))
    return Content("\n").join(out)


def _fit(st: SessionState, team: str, tail: str, width: int) -> str:
    """The team's name, clipped so that the mark, the name and `tail` fit on one line."""
    return clip(view.team_name(st, team), max(8, min(24, width - 2 - len(tail))))


class TeamsPanel(Widget, can_focus=True):
    """One row per team with its move this round; ↑↓ move the cursor, Enter (or a click) opens the team."""

    DEFAULT_CSS = """
    TeamsPanel { height: auto; border: round $primary; }
    TeamsPanel:focus { border: round $accent; }
    """

    BINDINGS = [
        Binding("up", "cursor(-1)", "Previous team", show=False),
        Binding("down", "cursor(1)", "Next team", show=False),
        Binding("home", "cursor(-1000)", "First team", show=False),
        Binding("end", "cursor(1000)", "Last team", show=False),
        Binding("enter", "choose", "Open the team's move", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Teams"
        self._teams: list[str] = []
        self._rows: list[Content] = []
        self._row_lines: list[list[Content]] = []  # each row split into its lines, once per change
        self.highlighted: int | None = None

    def show(self, st: SessionState, width: int = 60, now: float = 0.0) -> None:
        teams = list(st.teams)
        moves = st.current_moves() if st.started else {}
        rows = [team_row(st, t, moves.get(t), width, now) for t in teams]
        if teams != self._teams or len(rows) != len(self._rows) or any(
                not a.is_same(b) for a, b in zip(rows, self._rows)):
            self._teams, self._rows = teams, rows
            self._row_lines = [row.split("\n") for row in rows]
            self.refresh(layout=True)  # only when a row changed: it costs a repaint
        if teams and self.highlighted is None:
            self.highlighted = 0
        elif self.highlighted is not None:
            self.highlighted = min(self.highlighted, len(teams) - 1) if teams else None
        self.border_title = f"Teams · {len(moves)}/{len(teams)} moved" if st.started else "Teams"

    @property
    def team(self) -> str | None:
        """The highlighted team."""
        i = self.highlighted
        return self._teams[i] if i is not None and 0 <= i < len(self._teams) else None

    def render(self) -> Content:
        width = self.content_region.width or 1
        cursor = ("$block-cursor-foreground on $block-cursor-background" if self.has_focus
                  else "on $block-cursor-blurred-background")
        lines = []
        for i, row_lines in enumerate(self._row_lines):
            for line in row_lines:
                if i == self.highlighted:
                    line = line.pad_right(max(width - line.cell_length, 0)).stylize(cursor)
                lines.append(line)
        return Content("\n").join(lines)

    def _first_line(self, index: int) -> int:
        return sum(len(r) for r in self._row_lines[:index])

    def action_cursor(self, step: int) -> None:
        if not self._teams:
            return
        start = self.highlighted if self.highlighted is not None else 0
        self.highlighted = max(0, min(len(self._teams) - 1, start + step))
        self.refresh()
        # keep the cursor's row in view when the panel is taller than its column
        top = self.virtual_region.y + self.gutter.top + self._first_line(self.highlighted)
        height = len(self._row_lines[self.highlighted])
        if self.parent is not None and hasattr(self.parent, "scroll_to_region"):
            self.parent.scroll_to_region(Region(0, top, 1, height), animate=False, immediate=True)

    def action_choose(self) -> None:
        if self.team is not None:
            self.post_message(TeamChosen(self.team))

    def on_click(self, event: Click) -> None:
        y = event.y - self.gutter.top
        line = 0
        for i, row_lines in enumerate(self._row_lines):
            line += len(row_lines)
            if y < line:
                self.highlighted = i
                self.refresh()
                self.action_choose()
                return

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
