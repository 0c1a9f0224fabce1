"""The contingency bench: every inject of the session, to fire now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from wargame.views.i18n import gettext as _
from wargame.views.words import t

from .. import view
from ..widgets.safe import clip, plain
from .dialog import Dialog


class Bench(Dialog[str | None]):
    """Returns the inject id to fire, or None."""

    BINDINGS = [Binding("escape", "close", "Close", tooltip="Close the bench without firing")]

    DEFAULT_CSS = """
    Bench OptionList { height: auto; max-height: 20; }
    """

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(classes="dialog"):
            yield Static(plain(_("Contingency bench: fire any inject now", lang)), classes="dialog-title")
            yield Input(placeholder=_("Filter by title, scenario or id", lang), id="filter")
            yield OptionList(id="injects")
            yield Static(plain(_("Type to filter · ↓ to the list · Enter fires · ◆ this round's bench · ✓ played",
                                 lang)), classes="hint")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#filter", Input).focus()

    def refill(self) -> None:
        self._fill(self.query_one("#filter", Input).value)

    def _fill(self, query: str) -> None:
        st = self.app.current_session.state
        played = st.delivered_ids()
        q = query.lower().strip()
        suggested = view.round_bench(st)
        minutes = t("minutes", self.lang)
        opts = []
        for inj in sorted(st.injects.values(),
                          key=lambda i: (i.id not in suggested, suggested.index(i.id) if i.id in suggested else 0,
                                         i.scenario or "~", i.date, i.id)):
            title = inj.title.get(st.lang)
            where = view.scenario_title(st, inj.scenario)
            if q and q not in f"{title} {where} {inj.id}".lower():
                continue
            mark = ("✓ ", "$success") if inj.id in played else ("◆ ", "$accent") if inj.id in suggested else "  "
            opts.append(Option(Content.assemble(mark, clip(title, 70),
                                                (f"\n    {where} · {inj.date} · {inj.minutes} {minutes} · {inj.id}",
                                                 "dim")),
                               id=inj.id))
        self.query_one("#injects", OptionList).set_options(opts)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        ol = self.query_one("#injects", OptionList)
        if ol.option_count == 1:
            self.dismiss(ol.get_option_at_index(0).id)
        else:
            ol.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
