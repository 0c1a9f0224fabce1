"""The frame every dialog shares: centred, scrollable, closed with Escape."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet

from ..widgets.safe import plain

if TYPE_CHECKING:
    from textual import getters

    from ..app import WargameApp

R = TypeVar("R")


class Dialog(ModalScreen[R]):
    """A modal dialog; subclasses compose a `VerticalScroll(classes="dialog")` body."""

    if TYPE_CHECKING:  # `self.app` is the facilitator's app, not just any Textual App
        app = getters.app(WargameApp)

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog .dialog {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 100%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    Dialog .dialog-title { text-style: bold; color: $accent; margin-bottom: 1; width: 100%; }
    Dialog .field-label { margin-top: 1; color: $text-muted; }
    Dialog .buttons { height: auto; margin-top: 1; align-horizontal: right; }
    Dialog .buttons Button { margin-left: 1; }
    Dialog .hint { color: $text-muted; margin-top: 1; }
    Dialog TextArea { height: 5; }
    """

    BINDINGS = [
        Binding("escape", "close", "Close", tooltip="Close this dialog without changes"),
        # Tab as a priority binding moves focus at once, so fast typing (or a paste) that follows it
        # lands in the next field, not the one being left.
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    ]

    def action_close(self) -> None:
        self.dismiss(None)


class FormDialog(Dialog[R]):
    """A dialog that saves: subclasses bind ctrl+s to `action_save` and end their body with `buttons()`."""

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="buttons"):
            yield Button(plain("Save (ctrl+s)"), variant="primary", id="save")
            yield Button(plain("Cancel (esc)"), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        raise NotImplementedError


def highlight_pressed(radios: RadioSet) -> None:
    """Put the keyboard highlight on the pressed button (RadioSet starts on the first one)."""
    buttons = list(radios.query(RadioButton))
    for i, b in enumerate(buttons):
        if b.value:
            radios._selected = i  # RadioSet offers no public way to move its highlight
            return
