"""Where the debrief PDF goes: a path to confirm or change (a folder will do); returns the file's path."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from ..files import export_target
from ..widgets.safe import plain
from .dialog import FormDialog


class ExportDialog(FormDialog[Path]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Write", tooltip="Write the PDF there"),
        Binding("escape", "close", "Cancel", tooltip="Close without writing"),
    ]

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain("Export the debrief (PDF)"), classes="dialog-title")
            yield Label(plain("Write it to (a file, or a folder to put it in)"), classes="field-label")
            yield Input(str(self.default), id="path")
            yield Static(id="where", classes="hint")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()
        self._explain(self.query_one("#path", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._explain(event.value)

    def _explain(self, typed: str) -> None:
        target = export_target(typed, self.default)
        note = " (a file is there: it will be replaced)" if target.is_file() else ""
        if not target.parent.is_dir():
            note = f" (there is no folder {target.parent})"
        self.query_one("#where", Static).update(plain(f"→ {target}{note}"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        target = export_target(self.query_one("#path", Input).value, self.default)
        if not target.parent.is_dir():
            self.app.say(f"There is no folder {target.parent}; choose another place.", severity="warning")
            return
        self.dismiss(target)
