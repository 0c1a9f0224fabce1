"""Team join codes: those this process issued are shown; any team's code can be issued anew."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .. import view
from ..widgets.safe import plain
from .confirm import Confirm
from .dialog import Dialog

UNKNOWN = "issued — regenerate to see a new one"


class CodesDialog(Dialog[None]):
    BINDINGS = [
        Binding("g", "regenerate", "New code", tooltip="Issue a new code for the highlighted team (the old one stops working)"),
        Binding("escape", "close", "Close"),
    ]

    DEFAULT_CSS = """
    CodesDialog OptionList { height: auto; max-height: 16; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain("Team join codes"), classes="dialog-title")
            yield Static(plain(f"Teams join with: wargame join {self.app.session.store.path} --team TEAM"),
                         classes="hint")
            yield OptionList(id="codes")
            yield Static(plain("Codes are shown once and stored only as hashes. g issues a new code for the "
                               "highlighted team; Esc closes."), classes="hint")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        st = self.app.session.state
        ol = self.query_one(OptionList)
        keep = ol.highlighted
        opts = []
        for team in st.teams:
            code = self.app.codes.get(team)
            opts.append(Option(Content.assemble((view.team_name(st, team), "bold"), (f"  {team}", "dim"), "\n    ",
                                                (code, "bold $success") if code else (UNKNOWN, "dim")), id=team))
        ol.set_options(opts)
        ol.highlighted = keep if keep is not None else 0

    def action_regenerate(self) -> None:
        ol = self.query_one(OptionList)
        opt = ol.highlighted_option
        if opt is None or opt.id is None:
            return
        team = opt.id
        st = self.app.session.state

        def done(yes: bool | None) -> None:
            if not yes:
                return
            ok, code = self.app.command(self.app.session.new_code, team)
            if ok:
                self.app.codes[team] = code
                self._fill()
                self.app.say(f"New code for {view.team_name(st, team)}: {code}")

        self.app.push_screen(Confirm("New join code", f"Issue a new code for {view.team_name(st, team)}? "
                                                      "The old code stops working.", yes="Issue"), done)
