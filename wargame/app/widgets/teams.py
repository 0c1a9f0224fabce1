"""The teams of the session: who has moved this round, who is pending, whose ruling must be redone
and who typed wrong join codes (and how long it must wait), live.

Textual's OptionList, one option per team: it brings the cursor, the keys, scrolling and clicks.
A team's row is a Content, never a markup string: team names are the teams' own text.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from wargame.engine.state import Move, SessionState
from wargame.views.i18n import gettext as _
from wargame.views.words import t

from .. import view
from ..messages import TeamChosen
from .safe import clip
from .status import moved_text


def team_row(st: SessionState, team: str, m: Move | None, width: int, now: float = 0.0) -> Content:
    """A team's row: a mark, its name and state, then its move `m` this round, a ruling to redo and
    its wrong join codes, each on a line of its own (one line for a pending team that has none)."""
    wait, lang = view.join_wait(st, team, now), st.lang
    out: list[Content] = []
    if m is None:
        inj = st.current_inject
        if wait:
            mark, tail, style = "✗ ", "  " + _("locked {wait}", lang).format(wait=view.wait_text(wait, lang)), "$error"
        elif st.started and inj is not None and not inj.reaches(team):
            mark, tail, style = "· ", "  " + _("not addressed", lang), "$text-muted"
        else:
            mark, tail, style = "… ", "  " + _("pending", lang), "$warning"
        out.append(Content.assemble((mark, style), (_fit(st, team, tail, width), "bold"), (tail, style)))
        wrong = view.wrong_codes(st, team)
        if wrong:  # the head says how long it waits; this line, why
            out.append(Content.styled(f"  {wrong}", style))
        return Content("\n").join(out)
    ruling = view.ruling_label(st, m)
    earlier = "" if ruling else view.earlier_ruling_label(st, m)
    tail, style = ((f"  {ruling}", "$success") if ruling else ("  " + _("rule again", lang), "$warning") if earlier
                   else ("  " + _("to rule", lang), "$text-muted"))
    out.append(Content.assemble(("✓ ", "$success"), (_fit(st, team, tail, width), "bold"), (tail, style)))
    flags = f"({t('private', lang)}) " if m.private else ""
    out.append(Content.assemble("  ", (flags, "dim"), clip(m.action, max(width - len(flags), 8))))
    if earlier:
        flag = _("ruled move replaced · was {ruling}", lang).format(ruling=earlier)
        out.append(Content.styled("  " + (flag if len(flag) <= width else _("ruled move replaced", lang)), "$warning"))
    trouble = view.join_trouble(st, team, now)
    if trouble:
        out.append(Content.styled("  " + clip(trouble, width), "$error" if wait else "$warning"))
    return Content("\n").join(out)


def _fit(st: SessionState, team: str, tail: str, width: int) -> str:
    """The team's name, clipped so that the mark, the name and `tail` fit on one line."""
    return clip(view.team_name(st, team), max(8, min(24, width - 2 - len(tail))))


class TeamsPanel(OptionList, inherit_bindings=False):
    """One option per team with its move this round; ↑↓ move the highlight, Enter (or a click) opens the team.

    The panel is as tall as its rows (the side column it sits in scrolls), so keeping the highlighted
    team in view scrolls that column as well as the list.
    """

    DEFAULT_CSS = """
    TeamsPanel { height: auto; max-height: initial; padding: 0; background: transparent; border: round $primary; }
    TeamsPanel:focus { border: round $accent; background-tint: transparent; }
    """

    BINDINGS = [  # OptionList's actions, in the panel's words (the help lists them)
        Binding("up", "cursor_up", "Previous team", show=False),
        Binding("down", "cursor_down", "Next team", show=False),
        Binding("home", "first", "First team", show=False),
        Binding("end", "last", "Last team", show=False),
        Binding("enter", "select", "Open the team's move", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.border_title = t("teams", "en")  # until `show` gives the session's language
        self._teams: list[str] = []
        self._rows: list[Content] = []
        self._row_heights: list[int] = []  # each row's number of lines

    def show(self, st: SessionState, width: int = 60, now: float = 0.0) -> None:
        teams = list(st.teams)
        moves = st.current_moves() if st.started else {}
        rows = [team_row(st, t, moves.get(t), width, now) for t in teams]
        if teams != self._teams:
            keep = self.highlighted
            self.set_options(Option(row, id=team) for team, row in zip(teams, rows, strict=True))
            if teams:
                self.highlighted = 0 if keep is None else min(keep, len(teams) - 1)
        else:
            changed = [i for i, (a, b) in enumerate(zip(rows, self._rows, strict=True)) if not a.is_same(b)]
            for i in changed:
                self.replace_option_prompt_at_index(i, rows[i])
            if changed:
                self.refresh(layout=True)  # a row may have gained or lost a line
        self._teams, self._rows = teams, rows
        self._row_heights = [row.plain.count("\n") + 1 for row in rows]
        title = t("teams", st.lang)
        self.border_title = f"{title} · {moved_text(len(moves), len(st.addressed_teams()), st.lang)}" \
            if st.started else title

    @property
    def team(self) -> str | None:
        """The highlighted team."""
        option = self.highlighted_option
        return option.id if option is not None else None

    def render(self) -> Content:
        """Every row, as one Content (the list itself is painted line by line)."""
        return Content("\n").join(self._rows)

    def scroll_to_highlight(self, top: bool = False) -> None:
        super().scroll_to_highlight(top)
        i, parent = self.highlighted, self.parent
        if i is None or i >= len(self._row_heights) or not self.is_mounted or not isinstance(parent, Widget):
            return
        y = self.virtual_region.y + self.gutter.top + sum(self._row_heights[:i])
        parent.scroll_to_region(Region(0, y, 1, self._row_heights[i]), animate=False, immediate=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(TeamChosen(event.option.id))
