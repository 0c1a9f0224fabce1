"""The frame every dialog shares: centred, scrollable, closed with Escape, in the interface's language.

A dialog speaks `self.app.ui_lang`; when the language switches while it is open (another console on
the same session), it composes itself anew in the new language and keeps what was typed and chosen.
"""

from __future__ import annotations

from collections import Counter
from contextlib import suppress
from typing import TYPE_CHECKING, Any, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, OptionList, RadioButton, RadioSet, Select, TextArea
from textual.widgets.select import InvalidSelectValueError

from wargame.views.i18n import gettext as _

from ..messages import SessionChanged
from ..widgets.safe import plain

if TYPE_CHECKING:
    from textual import getters

    from ..app import WargameApp

R = TypeVar("R")

FIELDS = (Input, TextArea, Checkbox, Select, RadioSet, OptionList)
"""The widgets whose value a dialog keeps when it is composed anew in another language."""


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

    def __init__(self) -> None:
        super().__init__()
        self.shown_lang = ""
        """The language the dialog shows; when the interface's differs, it composes itself anew."""

    @property
    def lang(self) -> str:
        """The interface's language (the session's)."""
        return self.app.ui_lang

    def on_mount(self) -> None:
        self.shown_lang = self.lang

    def action_close(self) -> None:
        self.dismiss(None)

    @on(SessionChanged)
    async def follow_language(self) -> None:
        """The session changed (another process): when its language did, show the dialog in the new one."""
        if self.is_mounted and self.shown_lang and self.lang != self.shown_lang:
            await self.relabel()

    def sync(self) -> None:
        """The app's own command changed the session (`WargameApp.sync`): follow a language switch."""
        if self.is_mounted and self.shown_lang and self.lang != self.shown_lang:
            self.call_later(self.relabel)

    async def relabel(self) -> None:
        """Compose the dialog in the interface's language, keeping what was typed, chosen and focused."""
        if self.shown_lang == self.lang:
            return  # shown in it already (the switch came both ways)
        self.shown_lang = self.lang
        kept = {key: _value(w) for key, w in self._fields().items()}
        focused = next((key for key, w in self._fields().items() if w is self.focused), None)
        await self.recompose()
        fields = self._fields()
        for key, value in kept.items():
            if key in fields and not isinstance(fields[key], OptionList):
                _restore(fields[key], value)
        self.refill()
        for key, value in kept.items():  # lists are filled by `refill`: their highlight comes last
            if key in fields and isinstance(fields[key], OptionList) and isinstance(value, int):
                ol = fields[key]
                assert isinstance(ol, OptionList)
                if value < ol.option_count:
                    ol.highlighted = value
        if focused in fields:
            fields[focused].focus()

    def refill(self) -> None:
        """After composing anew: fill what the dialog fills itself on mount (its lists)."""

    def _fields(self) -> dict[tuple[str, str, int], Widget]:
        """The dialog's fields by (type, id or name, how many of that kind came before)."""
        seen: Counter[tuple[str, str]] = Counter()
        out: dict[tuple[str, str, int], Widget] = {}
        for w in self.query("*"):
            if not isinstance(w, FIELDS) or (isinstance(w, OptionList) and type(w) is not OptionList):
                continue  # a Select's own overlay is an OptionList too
            kind = (type(w).__name__, w.id or w.name or "")
            out[(*kind, seen[kind])] = w
            seen[kind] += 1
        return out


def _value(w: Widget) -> Any:
    if isinstance(w, TextArea):
        return w.text
    if isinstance(w, RadioSet):
        return w.pressed_index
    if isinstance(w, OptionList):
        return w.highlighted
    if isinstance(w, Input | Checkbox | Select):
        return w.value
    return None


def _restore(w: Widget, value: Any) -> None:
    if isinstance(w, TextArea):
        if w.text != value:
            w.text = value
    elif isinstance(w, RadioSet):
        buttons = list(w.query(RadioButton))
        if isinstance(value, int) and 0 <= value < len(buttons):
            buttons[value].value = True
            highlight_pressed(w)
    elif isinstance(w, Select):
        if w.value != value:
            with suppress(InvalidSelectValueError):  # no longer offered
                w.value = value
    elif isinstance(w, Input | Checkbox) and w.value != value:
        w.value = value


class FormDialog(Dialog[R]):
    """A dialog that saves: subclasses bind ctrl+s to `action_save` and end their body with `buttons()`."""

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="buttons"):
            yield Button(plain(_("Save (ctrl+s)", self.lang)), variant="primary", id="save")
            yield Button(plain(_("Cancel (esc)", self.lang)), id="cancel")

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
