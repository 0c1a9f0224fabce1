"""A team's move this round in full: every field, its earlier versions and the ruling."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from wargame.engine.events import FACILITATOR
from wargame.views.i18n import gettext as _
from wargame.views.words import t

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
        st, lang = self.app.current_session.state, self.lang
        move = st.current_moves().get(self.team)
        with VerticalScroll(classes="dialog"):
            title = _("{team} · round {n}", lang).format(team=view.team_name(st, self.team), n=st.round + 1)
            yield Static(plain(title), classes="dialog-title")
            if move is None:
                yield Static(plain(_("No move yet this round.", lang)))
            else:
                yield Static(render_move(st, move), id="move-text")
                history = st.move_history(move.id)[1:]
                if history:
                    earlier = f"{t('earlier_versions', lang)} ({len(history)})"
                    yield Static(lines([Content.styled(earlier, "bold")] +
                                       [Content.assemble((f"v{len(history) - i}: ", "dim"), m.action)
                                        for i, m in enumerate(history)]), classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(plain(_("Edit (e)", lang)), id="edit", variant="primary")
                if move is not None:
                    yield Button(plain(_("Adjudicate (a)", lang)), id="adjudicate")
                yield Button(plain(_("Close (esc)", lang)), id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "close" else event.button.id)

    def action_pick(self, what: str) -> None:
        self.dismiss(what)


def render_move(st: SessionState, move: Move) -> Content:
    """A move with every field, literally (the labels in the session's language)."""
    lang = st.lang
    ruling = st.rulings.get(move.id)
    at = datetime.fromtimestamp(move.at).strftime("%H:%M:%S")
    actor = _("facilitator", lang) if move.actor == FACILITATOR else move.actor  # a team's: its actor id
    by = _("by {actor} at {time}", lang).format(actor=actor, time=at)
    result, narrative = _("Result", lang), _("Narrative", lang)
    parts = [
        Content.assemble((f"{t('action', lang)}: ", "bold"), move.action),
        Content.assemble((f"{result}: ", "bold"), move.result or "—"),
        Content.assemble((f"{t('reasons', lang)}: ", "bold"), move.reasons or "—"),
        Content.styled(f"{t('private', lang)} · {by}" if move.private else by, "dim"),
    ]
    if ruling is not None:
        parts.append(Content.assemble((f"{t('ruling', lang)}: ", "bold $success"), view.ruling_label(st, move), " · ",
                                      view.push_line(ruling.erosion, ruling.rapprochement, lang)))
        if ruling.narrative:
            parts.append(Content.assemble((f"{narrative}: ", "bold"), ruling.narrative))
    return lines(parts)
