"""Every observation and rating the evaluators sent in, read-only, for the facilitator (never the wall)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from wargame.views.i18n import gettext as _

from ..messages import SessionChanged
from ..widgets.evaluators import counts_text, render_list
from ..widgets.safe import plain, set_content
from .dialog import Dialog


class EvaluationsDialog(Dialog[None]):
    """The evaluators' observations and ratings as they arrive; the list follows the session."""

    BINDINGS = [Binding("escape,v", "close", "Close", tooltip="Back to the console")]

    DEFAULT_CSS = """
    EvaluationsDialog .dialog { max-width: 120; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", can_focus=True, id="body"):
            yield Static(classes="dialog-title", id="title")
            yield Static(id="list")
            yield Static(plain(_("Evaluators write these from their own console (wargame join --evaluator). "
                                 "Esc closes.", self.lang)), classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.refill()
        self.query_one("#body").focus()

    def refill(self) -> None:
        st = self.app.current_session.state
        set_content(self.query_one("#title", Static), plain(_("Evaluators: {counts}", self.lang).format(
            counts=counts_text(st))))
        set_content(self.query_one("#list", Static), render_list(st))

    def sync(self) -> None:
        super().sync()
        if self.is_mounted:
            self.refill()

    def on_session_changed(self, _event: SessionChanged) -> None:
        self.refill()
