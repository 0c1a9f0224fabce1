"""Where the debrief PDF goes: a path to confirm or change (a folder will do); returns the file's path."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from wargame.views.i18n import gettext as _

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
        lang = self.lang
        with VerticalScroll(classes="dialog"):
            yield Static(plain(_("Export the debrief (PDF)", lang)), classes="dialog-title")
            yield Label(plain(_("Write it to (a file, or a folder to put it in)", lang)), classes="field-label")
            yield Input(str(self.default), id="path")
            yield Static(id="where", classes="hint")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()
        self.refill()

    def refill(self) -> None:
        self._explain(self.query_one("#path", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._explain(event.value)

    def _explain(self, typed: str) -> None:
        target = export_target(typed, self.default)
        lang = self.lang
        if not target.parent.is_dir():
            where = _("→ {path} (there is no folder {folder})", lang).format(path=target, folder=target.parent)
        elif target.is_file():
            where = _("→ {path} (a file is there: it will be replaced)", lang).format(path=target)
        else:
            where = f"→ {target}"
        self.query_one("#where", Static).update(plain(where))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        target = export_target(self.query_one("#path", Input).value, self.default)
        if not target.parent.is_dir():
            self.app.say(_("There is no folder {folder}; choose another place.", self.lang).format(
                folder=target.parent), severity="warning")
            return
        self.dismiss(target)
