"""Play the current inject out by one of its options (a branch); its follow-up comes next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wargame.views.i18n import gettext as _

from .. import view
from ..widgets.safe import plain
from .dialog import Dialog


class OptionsDialog(Dialog[str | None]):
    """Returns the chosen option id, or None."""

    BINDINGS = [Binding("escape", "close", "Close", tooltip="Close without choosing")]

    DEFAULT_CSS = """
    OptionsDialog OptionList { height: auto; max-height: 16; }
    """

    def compose(self) -> ComposeResult:
        st, lang = self.app.current_session.state, self.lang
        inj = st.current_inject
        with VerticalScroll(classes="dialog"):
            title = inj.title.get(st.lang) if inj else ""
            yield Static(plain(_("How does it play out? · {title}", lang).format(title=title)), classes="dialog-title")
            opts = []
            for o in inj.options if inj else []:
                follow = _("then: {title}", lang).format(title=view.inject_title(st, o.follow_up)) if o.follow_up \
                    else _("no follow-up", lang)
                push = view.push_line(o.push.erosion, o.push.rapprochement, st.lang)
                opts.append(Option(Content.assemble(o.label.get(st.lang), (f"\n    {follow} · {push}", "dim")),
                                   id=o.id))
            yield OptionList(*opts, id="options")
            yield Static(plain(_("↑↓ and Enter to choose · Esc to close", lang)), classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
