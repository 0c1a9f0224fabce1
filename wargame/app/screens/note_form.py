"""A note for the after-action report: text, tag (strength, improvement, action), owner, due."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, RadioButton, RadioSet, Static, TextArea

from ..widgets.safe import clip, plain
from .dialog import FormDialog

TAGS = [("", "Note"), ("strength", "Strength"), ("improvement", "Improvement"), ("action", "Action item")]


class NoteForm(FormDialog[None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Add the note"),
        Binding("escape", "close", "Cancel", tooltip="Close without a note"),
    ]

    DEFAULT_CSS = """
    NoteForm RadioSet { width: 100%; }
    NoteForm .owner { height: auto; }
    NoteForm .owner Input { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain("Note for the after-action report"), classes="dialog-title")
            yield TextArea("", id="text", soft_wrap=True)
            yield Label(plain("Tag"), classes="field-label")
            with RadioSet(id="tag"):
                for tag, label in TAGS:
                    yield RadioButton(plain(label), value=tag == "", name=tag or "none")
            yield Label(plain("For an action item: owner and due date"), classes="field-label")
            with Horizontal(classes="owner"):
                yield Input("", id="owner", placeholder="Owner")
                yield Input("", id="due", placeholder="Due (e.g. 2026-06-01)")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text", TextArea).focus()

    def action_save(self) -> None:
        pressed = self.query_one("#tag", RadioSet).pressed_button
        tag = pressed.name if pressed is not None and pressed.name != "none" else ""
        text = self.query_one("#text", TextArea).text
        ok, _ = self.app.command(self.app.current_session.add_note, text, tag or "",
                                 self.query_one("#owner", Input).value, self.query_one("#due", Input).value)
        if ok:
            self.app.say(f"Note added{' (' + tag + ')' if tag else ''}: {clip(text, 60)}")
            self.dismiss(None)
