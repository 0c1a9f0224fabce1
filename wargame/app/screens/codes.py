"""Team join codes: those this process issued are shown; any team's code can be issued anew.

Each team's wrong codes in a row and, while it must wait before the next try, how long, live.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wargame.views.i18n import N_
from wargame.views.i18n import gettext as _

from .. import view
from ..messages import SessionChanged
from ..widgets.safe import plain
from .confirm import Confirm
from .dialog import Dialog

UNKNOWN = N_("issued — regenerate to see a new one")


class CodesDialog(Dialog[None]):
    BINDINGS = [
        Binding("g", "regenerate", "New code",
                tooltip="Issue a new code for the highlighted team (the old one stops working)"),
        Binding("escape", "close", "Close"),
    ]

    DEFAULT_CSS = """
    CodesDialog OptionList { height: auto; max-height: 16; }
    """

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(classes="dialog"):
            yield Static(plain(_("Team join codes", lang)), classes="dialog-title")
            yield Static(plain(_("Teams join with: {command}", lang).format(
                command=f"wargame join {self.app.current_session.store.path} --team TEAM")), classes="hint")
            yield OptionList(id="codes")
            yield Static(plain(_("Codes are shown once and stored only as hashes. After a few wrong codes in a row "
                                 "a team waits before each next try; its right code, or a new one, ends that. "
                                 "g issues a new code for the highlighted team; Esc closes.", lang)), classes="hint")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()
        self.set_interval(1.0, self._tick, name="join waits")

    def on_session_changed(self, _event: SessionChanged) -> None:
        self._fill()

    def refill(self) -> None:
        self._fill()

    def _tick(self) -> None:
        if self._shown != self._rows():  # a wait counts down, or ends
            self._fill()

    def _rows(self) -> list[str]:
        st, now = self.app.current_session.state, self.app.now()
        return [view.join_trouble(st, team, now) for team in st.teams]

    def _fill(self) -> None:
        st, now = self.app.current_session.state, self.app.now()
        ol = self.query_one(OptionList)
        keep = ol.highlighted
        opts = []
        for team in st.teams:
            code = self.app.codes.get(team)
            trouble = view.join_trouble(st, team, now)
            style = "$error" if view.join_wait(st, team, now) else "$warning"
            opts.append(Option(Content.assemble((view.team_name(st, team), "bold"), (f"  {team}", "dim"), "\n    ",
                                                (code, "bold $success") if code else (_(UNKNOWN, self.lang), "dim"),
                                                (f"\n    {trouble}", style) if trouble else ""), id=team))
        self._shown = self._rows()
        ol.set_options(opts)
        ol.highlighted = keep if keep is not None else 0

    def action_regenerate(self) -> None:
        ol = self.query_one(OptionList)
        opt = ol.highlighted_option
        if opt is None or opt.id is None:
            return
        team = opt.id
        st = self.app.current_session.state

        def done(yes: bool | None) -> None:
            if not yes:
                return
            ok, code = self.app.command(self.app.current_session.new_code, team)
            if ok:
                self.app.codes[team] = code
                self._fill()
                self.app.say(_("New code for {team}: {code}", self.lang).format(team=view.team_name(st, team),
                                                                                  code=code))

        lang = self.lang
        question = _("Issue a new code for {team}? The old code stops working.", lang).format(
            team=view.team_name(st, team))
        self.app.push_screen(Confirm(_("New join code", lang), question, yes=_("Issue", lang)), done)
