"""Enter or edit a team's move: the inject it answers, action, intended result, reasons, private."""

from __future__ import annotations

import uuid

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from wargame.views.i18n import gettext as _
from wargame.views.words import t

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
        self.inject: str | None = None  # the inject the move answers: the one being played, unless chosen

    def compose(self) -> ComposeResult:
        st, lang = self.app.current_session.state, self.lang
        if self.inject is None:  # composed anew (another language): the inject chosen stays
            self.inject = st.current.inject_id if st.current else None
        current = self._answer(self.team)
        title = _("Move · round {n} (edit)", lang) if current else _("Move · round {n}", lang)
        with VerticalScroll(classes="dialog"):
            yield Static(plain(title.format(n=st.round + 1)), classes="dialog-title")
            yield Label(plain(_("Team", lang)), classes="field-label")
            options = [(plain(view.team_name(st, team)), team) for team in st.teams]
            yield Select(options, value=self.team if self.team in st.teams else Select.NULL,
                         allow_blank=self.team not in st.teams, id="team", prompt=_("Choose a team", lang))
            delivered = list(dict.fromkeys(d.inject_id for d in st.round_deliveries(st.round)))
            if len(delivered) > 1:  # a round of several injects: a move answers one of them
                yield Label(plain(_("Answers the inject", lang)), classes="field-label")
                yield Select([(plain(clip(st.injects[i].title.get(st.lang), 60)), i) for i in delivered],
                             value=self.inject if self.inject in delivered else delivered[-1], allow_blank=False,
                             id="inject")
            yield Label(plain(_("Action: what the team does", lang)), classes="field-label")
            yield Input(current.action if current else "", id="action", placeholder=t("action", lang))
            yield Label(plain(t("result", lang)), classes="field-label")
            yield TextArea(current.result if current else "", id="result", soft_wrap=True)
            yield Label(plain(_("Reasons: why it would work", lang)), classes="field-label")
            yield TextArea(current.reasons if current else "", id="reasons", soft_wrap=True)
            yield Checkbox(plain(_("Private (not shown to other teams or on the projector)", lang)),
                           value=current.private if current else False, id="private")
            yield from self.buttons()

    def on_mount(self) -> None:
        if self.team in self.app.current_session.state.teams:
            self.query_one("#action", Input).focus()
        else:
            self.query_one("#team", Select).focus()

    def _answer(self, team: str | None):  # -> Move | None
        """The team's current answer to the chosen inject of this round, to edit."""
        return self.app.current_session.state.answers(self.inject).get(team) if team else None

    def on_select_changed(self, event: Select.Changed) -> None:
        """Choosing another team or inject loads that team's answer to that inject, to edit."""
        value = event.value
        if not isinstance(value, str):
            return
        if event.select.id == "inject":
            if value == self.inject:
                return
            self.inject = value
        elif value == self.team:
            return
        else:
            self.team = value
        m = self._answer(self.team)
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
            self.app.say(_("Choose a team first.", self.lang), severity="warning")
            return
        session = self.app.current_session
        ok, move = self.app.command(
            session.record_move, team, self.query_one("#action", Input).value,
            self.query_one("#result", TextArea).text, self.query_one("#reasons", TextArea).text,
            self.query_one("#private", Checkbox).value, key=self.key, inject=self.inject)
        if ok:
            self.app.say(_("Move recorded · {team}: {action}", self.lang).format(
                team=view.team_name(session.state, team), action=clip(move.action, 60)))
            self.dismiss(None)
