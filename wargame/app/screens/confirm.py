"""Yes or no, before something that cannot be taken back (or that leaves teams behind)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from wargame.views.i18n import gettext as _

from ..widgets.safe import plain
from .dialog import Dialog


class Confirm(Dialog[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", tooltip="Confirm"),
        Binding("n,escape", "answer(False)", "No", tooltip="Cancel"),
    ]

    def __init__(self, title: str, message: str | Content, yes: str | None = None) -> None:
        """`title`, `message` and `yes` (the button, "Yes" when not given) in the interface's language."""
        super().__init__()
        self.title_text = title
        self.message = message if isinstance(message, Content) else plain(message)
        self.yes = yes

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield Static(self.message)
            with Horizontal(classes="buttons"):
                yes = self.yes or _("Yes", self.lang)
                yield Button(plain(f"{yes} (y)"), variant="primary", id="yes")
                yield Button(plain(_("No (n)", self.lang)), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
