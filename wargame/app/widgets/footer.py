"""The footer in the interface's language: Textual's own footer, each key's description and tooltip
read through the catalogues (bindings are declared once, with their English text as message id)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

from wargame.views.i18n import gettext


class LocalFooter(Footer):
    """`Footer`, translated into `self.app.ui_lang` (English where the app has none)."""

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "ui_lang", "en")
        for widget in super().compose():
            description = getattr(widget, "description", None)
            if isinstance(description, str) and description:
                widget.description = gettext(description, lang)  # type: ignore[attr-defined]
            if isinstance(widget.tooltip, str) and widget.tooltip:
                widget.tooltip = gettext(widget.tooltip, lang)
            yield widget
