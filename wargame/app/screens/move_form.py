"""Enter or edit a team's move: action, intended result, reasons, private."""

from __future__ import annotations

import uuid

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from .. import view
from ..widgets.safe import clip, plain
from .dialog import FormDialog


class MoveForm(FormDialog[None]):
    """Saving records a new version of the team's move (an edit supersedes the old one)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Record the move"),
        Binding("escape", "close", "Cancel", tooltip="Close without recording"),
    ]

    def __init__(self, team: str | None = None) -> None:
        super().__init__()
        self.team = team
        self.key = uuid.uuid4().hex  # one form, one move: a double save records it once

    def compose(self) -> ComposeResult:
        st = self.app.current_session.state
        current = st.current_moves().get(self.team) if self.team else None
        with VerticalScroll(classes="dialog"):
            yield Static(plain(f"Move · round {st.round + 1}" + (" (edit)" if current else "")), classes="dialog-title")
            yield Label(plain("Team"), classes="field-label")
            options = [(plain(view.team_name(st, t)), t) for t in st.teams]
            yield Select(options, value=self.team if self.team in st.teams else Select.NULL,
                         allow_blank=self.team not in st.teams, id="team", prompt="Choose a team")
            yield Label(plain("Action: what the team does"), classes="field-label")
            yield Input(current.action if current else "", id="action", placeholder="Action")
            yield Label(plain("Intended result"), classes="field-label")
            yield TextArea(current.result if current else "", id="result", soft_wrap=True)
            yield Label(plain("Reasons: why it would work"), classes="field-label")
            yield TextArea(current.reasons if current else "", id="reasons", soft_wrap=True)
            yield Checkbox(plain("Private (not shown to other teams or on the projector)"),
                           value=current.private if current else False, id="private")
            yield from self.buttons()

    def on_mount(self) -> None:
        if self.team in self.app.current_session.state.teams:
            self.query_one("#action", Input).focus()
        else:
            self.query_one("#team", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Choosing another team loads that team's move of this round, to edit."""
        team = event.value
        if not isinstance(team, str) or team == self.team:
            return
        self.team = team
        m = self.app.current_session.state.current_moves().get(team)
        self.query_one("#action", Input).value = m.action if m else ""
        self.query_one("#result", TextArea).text = m.result if m else ""
        self.query_one("#reasons", TextArea).text = m.reasons if m else ""
        self.query_one("#private", Checkbox).value = m.private if m else False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#result", TextArea).focus()

    def action_save(self) -> None:
        team = self.query_one("#team", Select).value
        if not isinstance(team, str):
            self.app.say("Choose a team first.", severity="warning")
            return
        session = self.app.current_session
        ok, move = self.app.command(
            session.record_move, team, self.query_one("#action", Input).value,
            self.query_one("#result", TextArea).text, self.query_one("#reasons", TextArea).text,
            self.query_one("#private", Checkbox).value, key=self.key)
        if ok:
            self.app.say(f"Move recorded · {view.team_name(session.state, team)}: {clip(move.action, 60)}")
            self.dismiss(None)
