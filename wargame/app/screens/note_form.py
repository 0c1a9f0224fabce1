"""A note for the after-action report: text, tag (strength, improvement, action); for an action item of the
improvement plan also its owner, due date, the exercise objective it serves and its status."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, RadioButton, RadioSet, Select, Static, TextArea

from wargame.engine.events import ACTION_STATUSES
from wargame.views.evaluation import status_text
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
    NoteForm .owner #objective { width: 2fr; }
    NoteForm .owner #status { width: 1fr; }
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
            yield from self._plan_fields()
            yield from self.buttons()

    def _plan_fields(self) -> ComposeResult:
        """An action item's exercise objective (when the deck states them; optional) and its status."""
        st, lang = self.app.current_session.state, self.lang
        objectives = st.deck.objectives if st.deck is not None else ()
        yield Label(plain(_("For an action item: the objective it serves and its status", lang)),
                    classes="field-label")
        with Horizontal(classes="owner"):
            if objectives:
                yield Select([(plain(clip(o.title.get(st.lang), 40)), o.id) for o in objectives],
                             prompt=_("No objective", lang), id="objective")
            yield Select([(plain(status_text(s, lang)), s) for s in ACTION_STATUSES], value="open",
                         allow_blank=False, id="status")

    def on_mount(self) -> None:
        self.query_one("#text", TextArea).focus()

    def action_save(self) -> None:
        pressed = self.query_one("#tag", RadioSet).pressed_button
        tag = pressed.name if pressed is not None and pressed.name != "none" else ""
        text = self.query_one("#text", TextArea).text
        objective, status = "", "open"
        if tag == "action":  # the plan's fields belong to an action item only
            chosen = [s.value for s in self.query("#objective").results(Select)]
            objective = next((v for v in chosen if isinstance(v, str)), "")
            picked = self.query_one("#status", Select).value
            status = picked if isinstance(picked, str) else "open"
        ok, _note = self.app.command(self.app.current_session.add_note, text, tag or "",
                                     self.query_one("#owner", Input).value, self.query_one("#due", Input).value,
                                     objective=objective, status=status)
        if ok:
            said = _("Note added ({tag}): {text}", self.lang) if tag else _("Note added: {text}", self.lang)
            self.app.say(said.format(tag=t(f"tag_{tag}", self.lang), text=clip(text, 60)))
            self.dismiss(None)
