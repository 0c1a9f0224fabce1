"""Every key of the screen you came from, and the app's own."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from wargame.views.i18n import gettext as _

from ..widgets.footer import LocalFooter
from ..widgets.safe import lines, plain


def binding_rows(app: App[Any], bindings: list[Binding]) -> list[tuple[str, str, str]]:
    """(keys, name, help) per action, keys of one action merged; name and help as the bindings give
    them (English, the message ids)."""
    rows: dict[str, tuple[list[str], str, str]] = {}
    for b in bindings:
        if b.action in rows:
            keys = rows[b.action][0]
        else:
            keys = []
            rows[b.action] = (keys, b.description, b.tooltip)
        for key in b.key.split(","):
            shown = app.get_key_display(Binding(key.strip(), b.action))
            if shown not in keys:
                keys.append(shown)
    return [(" ".join(k), d, t) for k, d, t in rows.values()]


class HelpScreen(Screen[None]):
    DEFAULT_CSS = """
    HelpScreen VerticalScroll { padding: 0 2; }
    HelpScreen .help-section { margin-top: 1; }
    """

    BINDINGS = [Binding("escape,question_mark,q", "back", "Back", tooltip="Close the help")]

    def __init__(self, title: str, bindings: list[Binding]) -> None:
        super().__init__()
        self.for_title = title
        self.for_bindings = bindings

    @property
    def lang(self) -> str:
        return str(getattr(self.app, "ui_lang", "en"))

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Header()
        with VerticalScroll():
            yield Static(Content.styled(_("Keys · {screen}", lang).format(screen=_(self.for_title, lang)),
                                        "bold $accent"))
            yield Static(self._table(self.for_bindings), classes="help-section")
            yield Static(Content.styled(_("Everywhere", lang), "bold $accent"), classes="help-section")
            yield Static(self._table(self.app.BINDINGS), classes="help-section")
            yield Static(plain(_(
                "ctrl+p opens the command palette: every action above, searchable by name. "
                "The footer shows the keys that apply right now. The mouse works too; the keyboard is enough. "
                "Every change is saved at once: quit or lose power at any time and reopen the session "
                "(wargame resume) to go on where you were, clock included.", lang)), classes="help-section")
        yield LocalFooter(show_command_palette=False, compact=True)

    def _table(self, bindings: Iterable[BindingType]) -> Content:
        """The keys, each with its name and what it does, in the interface's language."""
        lang = self.lang
        rows = binding_rows(self.app, [b for b in bindings if isinstance(b, Binding)])
        width = max((len(k) for k, _d, _t in rows), default=4) + 2
        out = []
        for keys, desc, tip in rows:
            out.append(Content.assemble((keys.ljust(width), "bold $secondary"), (_(desc, lang) if desc else "", "bold"),
                                        (f" · {_(tip, lang)}" if tip and tip != desc else "", "")))
        return lines(out)

    def action_back(self) -> None:
        self.app.pop_screen()
