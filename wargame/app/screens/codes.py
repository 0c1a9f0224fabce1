"""Join codes: the teams', then the evaluator's and the observer's seats. Those this process issued are
shown; any code can be issued anew. Whether evaluators and observers may read private moves is set here.

Each team's (and seat's) wrong codes in a row and, while it must wait before the next try, how long, live.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wargame.engine.events import EVALUATOR, SEATS
from wargame.engine.state import SessionState
from wargame.views.i18n import N_
from wargame.views.i18n import gettext as _
from wargame.views.words import t

from .. import view
from ..messages import SessionChanged
from ..widgets.safe import lines, plain, set_content
from .confirm import Confirm
from .dialog import Dialog

UNKNOWN = N_("issued — regenerate to see a new one")


def seat_name(seat: str, lang: str) -> str:
    """A seat in words: "Evaluator", "Observer"."""
    return t("evaluator", lang) if seat == EVALUATOR else _("Observer", lang)


def holder_name(st: SessionState, holder: str) -> str:
    """Whose code it is: a team's name or a seat's word."""
    return seat_name(holder, st.lang) if holder in SEATS else view.team_name(st, holder)


class CodesDialog(Dialog[None]):
    BINDINGS = [
        Binding("g", "regenerate", "New code",
                tooltip="Issue a new code for the highlighted team (the old one stops working)"),
        Binding("a", "access", "Private moves",
                tooltip="Let evaluators and observers read the teams' private moves, or stop them"),
        Binding("escape", "close", "Close"),
    ]

    DEFAULT_CSS = """
    CodesDialog OptionList { height: auto; max-height: 16; }
    CodesDialog #access { margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(classes="dialog"):
            path = self.app.current_session.store.path
            yield Static(plain(_("Team join codes", lang)), classes="dialog-title")
            yield Static(lines([plain(_("Teams join with: {command}", lang).format(
                command=f"wargame join {path} --team TEAM")), plain(_("Evaluators and observers: --evaluator, "
                                                                     "--observer instead of --team TEAM", lang))]),
                         classes="hint")
            yield Static(id="access")
            yield OptionList(id="codes")
            yield Static(plain(_("Codes are shown once and stored only as hashes. After a few wrong codes in a row "
                                 "a team waits before each next try; its right code, or a new one, ends that. "
                                 "g issues a new code for the highlighted team; Esc closes.", lang)), classes="hint")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus(scroll_visible=False)  # the title stays in view on a small terminal
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
        return [view.join_trouble(st, team, now) for team in (*st.teams, *SEATS)]

    def _fill(self) -> None:
        st, now = self.app.current_session.state, self.app.now()
        ol = self.query_one(OptionList)
        keep = ol.highlighted
        opts: list[Option | None] = []
        for team in (*st.teams, *SEATS):
            if team == SEATS[0]:
                opts.append(None)  # a line between the teams and the seats
            code = self.app.codes.get(team)
            trouble = view.join_trouble(st, team, now)
            style = "$error" if view.join_wait(st, team, now) else "$warning"
            ident = "" if team in SEATS else f"  {team}"
            opts.append(Option(Content.assemble((holder_name(st, team), "bold"), (ident, "dim"), "\n    ",
                                                (code, "bold $success") if code else (_(UNKNOWN, self.lang), "dim"),
                                                (f"\n    {trouble}", style) if trouble else ""), id=team))
        self._shown = self._rows()
        ol.set_options(opts)
        ol.highlighted = keep if keep is not None else 0
        self._show_access(st)

    def _show_access(self, st: SessionState) -> None:
        lang = self.lang
        answer = _("yes", lang) if st.evaluators_see_private else _("no", lang)
        set_content(self.query_one("#access", Static), Content.assemble(
            _("Evaluators may read private moves:", lang) + " ",
            (answer, "bold $warning" if st.evaluators_see_private else "bold"),
            (" " + _("(a changes it)", lang), "dim")))

    def action_access(self) -> None:
        session = self.app.current_session
        ok, _event = self.app.command(session.set_evaluator_access, not session.state.evaluators_see_private)
        if ok:
            self._show_access(session.state)

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
                self.app.say(_("New code for {team}: {code}", self.lang).format(team=holder_name(st, team),
                                                                                  code=code))

        lang = self.lang
        question = _("Issue a new code for {team}? The old code stops working.", lang).format(
            team=holder_name(st, team))
        self.app.push_screen(Confirm(_("New join code", lang), question, yes=_("Issue", lang)), done)
