"""The teams of the session: who has moved this round and who is pending, live."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from wargame.engine.state import SessionState

from .. import view
from ..messages import TeamChosen
from .safe import clip


class TeamsPanel(OptionList):
    """One row per team with its move this round; Enter opens the team's move."""

    DEFAULT_CSS = """
    TeamsPanel { height: auto; max-height: 100%; border: round $primary; padding: 0; }
    TeamsPanel:focus { border: round $accent; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Teams"
        self._teams: list[str] = []

    def show(self, st: SessionState, width: int = 60) -> None:
        moves = st.current_moves() if st.started else {}
        highlighted = self.highlighted
        self._teams = list(st.teams)
        options = []
        for team in self._teams:
            m = moves.get(team)
            name = clip(view.team_name(st, team), 24)
            if m is None:
                head = Content.assemble(("… ", "$warning"), (name, "bold"), ("  pending", "$warning"))
                options.append(Option(head, id=team))
                continue
            ruling = view.ruling_label(st, m)
            head = Content.assemble(("✓ ", "$success"), (name, "bold"),
                                    (f"  {ruling}" if ruling else "  to rule", "$success" if ruling else "$text-muted"))
            flags = "(private) " if m.private else ""
            options.append(Option(Content.assemble(head, "\n  ", (flags, "dim"),
                                                   clip(m.action, max(width - len(flags), 8))), id=team))
        shown = [(o.id, o.prompt) for o in self.options]
        if len(shown) != len(options) or any(
                i != o.id or not isinstance(p, Content) or not p.is_same(o.prompt)  # type: ignore[arg-type]
                for (i, p), o in zip(shown, options)):
            self.set_options(options)  # only when a row changed: it costs a repaint
            if self._teams:
                self.highlighted = min(highlighted or 0, len(self._teams) - 1)
        done = len(moves)
        self.border_title = f"Teams · {done}/{len(self._teams)} moved" if st.started else "Teams"

    @property
    def team(self) -> str | None:
        """The highlighted team."""
        i = self.highlighted
        return self._teams[i] if i is not None and 0 <= i < len(self._teams) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(TeamChosen(event.option.id))
