"""A note for the after-action report: text, tag (strength, improvement, action), owner, due."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, RadioButton, RadioSet, Static, TextArea

from wargame.views.i18n import gettext as _
from wargame.views.words import t

from ..widgets.safe import clip, plain
from .dialog import FormDialog

TAGS = ("", "strength", "improvement", "action")
"""A note's tags, "" for a plain note."""


def tag_label(tag: str, lang: str) -> str:
    """A tag's button: the report's word for it, capitalised ("Strength"); an action is an "Action item"."""
    if tag == "action":
        return _("Action item", lang)
    word = t(f"tag_{tag}", lang)
    return word[:1].upper() + word[1:]


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
        lang = self.lang
        with VerticalScroll(classes="dialog"):
            yield Static(plain(_("Note for the after-action report", lang)), classes="dialog-title")
            yield TextArea("", id="text", soft_wrap=True)
            yield Label(plain(_("Tag", lang)), classes="field-label")
            with RadioSet(id="tag"):
                for tag in TAGS:
                    yield RadioButton(plain(tag_label(tag, lang)), value=tag == "", name=tag or "none")
            yield Label(plain(_("For an action item: owner and due date", lang)), classes="field-label")
            with Horizontal(classes="owner"):
                yield Input("", id="owner", placeholder=t("owner", lang))
                yield Input("", id="due", placeholder=_("Due (e.g. 2026-06-01)", lang))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text", TextArea).focus()

    def action_save(self) -> None:
        pressed = self.query_one("#tag", RadioSet).pressed_button
        tag = pressed.name if pressed is not None and pressed.name != "none" else ""
        text = self.query_one("#text", TextArea).text
        ok, _note = self.app.command(self.app.current_session.add_note, text, tag or "",
                                 self.query_one("#owner", Input).value, self.query_one("#due", Input).value)
        if ok:
            said = _("Note added ({tag}): {text}", self.lang) if tag else _("Note added: {text}", self.lang)
            self.app.say(said.format(tag=t(f"tag_{tag}", self.lang), text=clip(text, 60)))
            self.dismiss(None)
