"""A team's move this round in full: every field, its earlier versions and the ruling."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from .. import view
from ..widgets.safe import lines, plain
from .dialog import Dialog

if TYPE_CHECKING:
    from wargame.engine.state import Move, SessionState


class MoveDetail(Dialog[str | None]):
    """Returns "edit" or "adjudicate" when the facilitator wants to go on, else None."""

    BINDINGS = [
        Binding("e", "pick('edit')", "Edit", tooltip="Edit this move (records a new version)"),
        Binding("a", "pick('adjudicate')", "Adjudicate", tooltip="Rule on this move"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, team: str) -> None:
        super().__init__()
        self.team = team

    def compose(self) -> ComposeResult:
        st = self.app.current_session.state
        move = st.current_moves().get(self.team)
        with VerticalScroll(classes="dialog"):
            yield Static(plain(f"{view.team_name(st, self.team)} · round {st.round + 1}"), classes="dialog-title")
            if move is None:
                yield Static(plain("No move yet this round."))
            else:
                yield Static(render_move(st, move), id="move-text")
                history = st.move_history(move.id)[1:]
                if history:
                    yield Static(lines([Content.styled(f"Earlier versions ({len(history)})", "bold")] +
                                       [Content.assemble((f"v{len(history) - i}: ", "dim"), m.action)
                                        for i, m in enumerate(history)]), classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(plain("Edit (e)"), id="edit", variant="primary")
                if move is not None:
                    yield Button(plain("Adjudicate (a)"), id="adjudicate")
                yield Button(plain("Close (esc)"), id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "close" else event.button.id)

    def action_pick(self, what: str) -> None:
        self.dismiss(what)


def render_move(st: SessionState, move: Move) -> Content:
    """A move with every field, literally."""
    ruling = st.rulings.get(move.id)
    at = datetime.fromtimestamp(move.at).strftime("%H:%M:%S")
    parts = [
        Content.assemble(("Action: ", "bold"), move.action),
        Content.assemble(("Result: ", "bold"), move.result or "—"),
        Content.assemble(("Reasons: ", "bold"), move.reasons or "—"),
        Content.styled(f"{'private · ' if move.private else ''}by {move.actor} at {at}", "dim"),
    ]
    if ruling is not None:
        parts.append(Content.assemble(("Ruling: ", "bold $success"), view.ruling_label(st, move), " · ",
                                      view.push_line(ruling.erosion, ruling.rapprochement, st.lang)))
        if ruling.narrative:
            parts.append(Content.assemble(("Narrative: ", "bold"), ruling.narrative))
    return lines(parts)
