"""The facilitator console: status, countdown, inject card, teams, world, timeline, notes.

Dialogs are imported when first opened: their widgets (TextArea, Select, ...) are not needed
for the first frame, and the console must start fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from wargame.engine.allowed import Command
from wargame.views.i18n import N_, ngettext
from wargame.views.i18n import gettext as _

from .. import view
from ..messages import SessionChanged, TeamChosen
from ..widgets.axis_cross import AxisCross
from ..widgets.countdown import Countdown
from ..widgets.evaluators import EvaluatorsLine
from ..widgets.footer import LocalFooter
from ..widgets.inject_card import InjectCard
from ..widgets.notes import NotesPanel
from ..widgets.safe import clip, plain, set_content
from ..widgets.status import RoundStatus, round_minutes
from ..widgets.teams import TeamsPanel
from ..widgets.timeline import Timeline
from ..widgets.tracks import TracksPanel

if TYPE_CHECKING:
    from textual import getters

    from wargame.engine.state import SessionState

    from ..app import WargameApp

WIDE = 150

_COMMANDS = {
    "start": Command.START, "advance": Command.ADVANCE, "next_round": Command.NEXT_ROUND,
    "clock start": Command.CLOCK_START, "clock pause": Command.CLOCK_PAUSE, "clock resume": Command.CLOCK_RESUME,
    "clock skip": Command.CLOCK_SKIP, "extend": Command.EXTEND, "options": Command.OPTIONS, "move": Command.MOVE,
    "adjudicate": Command.ADJUDICATE, "reopen": Command.REOPEN, "end": Command.END, "bench": Command.BENCH,
    "note": Command.NOTE, "debrief": Command.DEBRIEF, "hotwash": Command.HOTWASH,
}
"""The console's actions that the engine may refuse, by action name (a clock action with its parameter)."""
"""From this many columns on, the timeline gets a column of its own."""


class ConsoleScreen(Screen[None]):
    """The facilitator's console. Every command goes to the engine; the screen only shows the state."""

    if TYPE_CHECKING:  # `self.app` is the facilitator's app, not just any Textual App
        app = getters.app(WargameApp)

    # The columns (timeline when wide, card, side) are the screen's own children, laid out in a row
    # under the docked status lines: no row container to lay out and paint beneath them.
    DEFAULT_CSS = """
    ConsoleScreen { layout: horizontal; }
    ConsoleScreen #top { dock: top; height: auto; }
    ConsoleScreen #top-row { height: auto; }
    ConsoleScreen #altered { display: none; height: auto; padding: 0 1; background: $error; color: $text;
                             text-style: bold; }
    ConsoleScreen #altered.-shown { display: block; }
    ConsoleScreen #msel { width: 40; height: 1fr; border-right: vkey $primary; display: none; }
    ConsoleScreen.-wide #msel { display: block; }
    ConsoleScreen #card { width: 1fr; height: 1fr; padding: 0 0 0 1; scrollbar-gutter: stable; }
    ConsoleScreen #side { width: 36; height: 1fr; }
    ConsoleScreen.-wide #side { width: 56; }
    ConsoleScreen.-wide AxisCross { height: 21; }
    ConsoleScreen #side > * { margin-bottom: 1; }
    """

    AUTO_FOCUS = "TeamsPanel"  # the keys act on the highlighted team

    BINDINGS = [
        Binding("n", "start", "Start", tooltip="Start the exercise: round 1, first inject"),
        Binding("n", "advance", "Next", tooltip="Next inject (or the next round when this round is played out)"),
        Binding("N", "next_round", "Next round", show=False, tooltip="Skip to the next round"),
        Binding("s,space", "clock('start')", "Start clock", key_display="s", tooltip="Start the inject clock"),
        Binding("s,space", "clock('pause')", "Pause", key_display="s", tooltip="Pause the inject clock"),
        Binding("s,space", "clock('resume')", "Resume", key_display="s", tooltip="Resume the inject clock"),
        Binding("e", "extend(60)", "+1m", tooltip="Give one more minute"),
        Binding("E", "extend(300)", "+5m", show=False, tooltip="Give five more minutes"),
        Binding("k", "clock('skip')", "Skip clock", show=False, tooltip="Close the inject's time box now"),
        Binding("m", "move", "Move", tooltip="Enter or edit the highlighted team's move"),
        Binding("a", "adjudicate", "Rule", tooltip="Adjudicate the highlighted team's move"),
        Binding("w", "note", "Note", tooltip="Write a note for the after-action report"),
        Binding("o", "options", "Options", tooltip="Choose how the current inject plays out (branch)"),
        Binding("b", "bench", "Bench", show=False, tooltip="Fire any inject from the contingency bench"),
        Binding("r", "reopen", "Reopen moves", show=False, tooltip="Let teams enter moves again after the deadline"),
        Binding("p", "projector", "Projector", tooltip="Show the inject and clock full screen, for the wall"),
        Binding("l", "language", "NL/EN", show=False, tooltip="Switch the content between Dutch and English"),
        Binding("c", "codes", "Codes", show=False, tooltip="Show and regenerate team join codes"),
        Binding("x", "end", "End", show=False, tooltip="End the exercise and go to the debrief"),
        Binding("d", "debrief", "Debrief", tooltip="Open the debrief: hot-wash questions, notes, export"),
        Binding("h", "hotwash", "Hot wash", tooltip="Walk the hot-wash questions and record the room's answers"),
        Binding("v", "observations", "Evaluations", show=False,
                tooltip="Read every observation and rating the evaluators sent in"),
        Binding("F", "fork", "Play again", show=False,
                tooltip="Play a round again in a new session (this one is not changed)"),
    ]

    def compose(self) -> ComposeResult:
        # decided before the children mount: toggling it later restyles the whole screen
        self.set_class(self.app.size.width >= WIDE, "-wide")
        # no Header: the status lines carry the exercise's title (one row more for the inject)
        with Vertical(id="top"):
            yield Static(id="altered")
            with Horizontal(id="top-row"):
                yield RoundStatus(id="status")
                yield Countdown(id="countdown")
        with VerticalScroll(id="msel", can_focus=False):
            if self.has_class("-wide"):
                yield Timeline(id="timeline-wide")
        yield InjectCard(id="card", can_focus=True)
        with VerticalScroll(id="side"):
            yield TeamsPanel(id="teams")
            yield EvaluatorsLine(id="evaluators")
            yield AxisCross(id="cross")
            yield TracksPanel(id="tracks")
            yield NotesPanel(id="notes")
            if not self.has_class("-wide"):
                yield Timeline(id="timeline-side", moves=False)
        yield LocalFooter(compact=True)

    @property
    def state(self) -> SessionState:
        return self.app.current_session.state

    def on_mount(self) -> None:
        self.sync()
        self.set_interval(0.25, self.tick, name="countdown")
        if self.app.current_session.resumed:  # opened from the state saved at close: check every link now
            self.call_after_refresh(self._verify)

    def _verify(self) -> None:
        if self.app.current_session.verify():
            self._show_altered(self.state.altered)

    def on_resize(self) -> None:
        wide = self.size.width >= WIDE
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
            # one timeline: its own column when wide, under the notes when not
            self.query(Timeline).remove()
            if wide:
                self.query_one("#msel").mount(Timeline(id="timeline-wide"))
            else:
                self.query_one("#side").mount(Timeline(id="timeline-side", moves=False))
            self.sync()

    def on_screen_resume(self) -> None:
        if getattr(self, "_shown", None) != self._view_key():
            self.sync()

    def _view_key(self) -> tuple[object, ...]:
        st = self.state
        return (st.last_event_id, st.lang, self.has_class("-wide"))

    def on_session_changed(self, _event: SessionChanged) -> None:
        self.sync()

    # --- showing the state ----------------------------------------------------------------------

    def sync(self) -> None:
        """Show the session's state (called after every change)."""
        st, now = self.state, self.app.now()
        wide = self.has_class("-wide")
        self.query_one(RoundStatus).show(st, now)
        self.query_one(Countdown).show(st.clock if st.current else None, now)
        self.query_one(InjectCard).show(st)
        self._show_teams(now)
        self.query_one(EvaluatorsLine).show(st, wide=wide)
        self._show_altered(st.altered)
        self.query_one(AxisCross).show(st)
        self.query_one(TracksPanel).show(st)
        self.query_one(NotesPanel).show(st)
        if wide:
            self.query_one("#timeline-wide", Timeline).show(st, width=37)
        else:
            self.query_one("#timeline-side", Timeline).show(st, width=32)
        self._open = st.moves_open(now)
        self._shown = self._view_key()
        keys = (st.started, st.ended, st.clock.mode if st.current else None, st.has_next_round(),
                st.current_inject.id if st.current_inject else None, tuple(st.options_chosen), st.lang)
        if keys != getattr(self, "_keys", keys):
            self.refresh_bindings()  # the footer shows the keys that apply now, in the session's language
        self._keys = keys

    def _show_teams(self, now: float) -> None:
        st = self.state
        self.query_one(TeamsPanel).show(st, width=50 if self.has_class("-wide") else 30, now=now)
        self._waiting = any(view.join_wait(st, t, now) for t in st.failed_joins)

    def _show_altered(self, altered: str | None) -> None:
        """The red banner over everything while the log's hash chain is broken."""
        banner = self.query_one("#altered", Static)
        banner.set_class(bool(altered), "-shown")
        if altered:
            text = _("⚠ Log altered outside wargame: {reason}. Do not trust this record; keep the file as it is.",
                     self.app.ui_lang)
            before, _sep, after = text.partition("{reason}")
            set_content(banner, Content.assemble(before, plain(altered), after))

    def tick(self) -> None:
        st, now = self.state, self.app.now()
        self.query_one(Countdown).show(st.clock if st.current else None, now)
        status = self.query_one(RoundStatus)
        if round_minutes(st, now)[0] != status.shown_minute:  # the round's time used, once a minute
            status.show(st, now)
        if st.moves_open(now) != getattr(self, "_open", None):
            self.sync()
        elif getattr(self, "_waiting", False):  # a team's wait after wrong codes counts down
            self._show_teams(now)

    # --- which keys apply now ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key is shown and works when the engine allows its command now (`Session.allowed`)."""
        command = _COMMANDS.get(action if action != "clock" else f"clock {parameters[0] if parameters else ''}")
        if action == "fork":  # a round to play again: one has started
            return self.state.started
        if command is None:
            return True
        if command in self.app.current_session.allowed():
            return True
        return None if command is Command.NEXT_ROUND and not self.state.has_next_round() else False

    # --- actions ----------------------------------------------------------------------------------

    def _confirm_pending(self, what: str, then: Callable[[], None]) -> None:
        from .confirm import Confirm

        st, lang = self.state, self.app.ui_lang
        pending = st.pending_teams() if st.started else []
        if not pending:
            then()
            return
        names = ", ".join(clip(view.team_name(st, t), 30) for t in pending)
        n = len(pending)
        question = ngettext("{n} team has not moved this round: {names}.\n\nGo on anyway?",
                            "{n} teams have not moved this round: {names}.\n\nGo on anyway?", n, lang)
        self.app.push_screen(Confirm(_(what, lang), question.format(n=n, names=names), yes=_("Go on", lang)),
                             lambda yes: then() if yes else None)

    def action_start(self) -> None:
        self._deliver(self.app.current_session.advance)

    def action_advance(self) -> None:
        self._confirm_pending(N_("Next inject"), lambda: self._deliver(self.app.current_session.advance))

    def action_next_round(self) -> None:
        self._confirm_pending(N_("Next round"), lambda: self._deliver(self.app.current_session.next_round))

    def _deliver(self, command: Callable[[], object]) -> None:
        ok, event = self.app.command(command)
        if not ok:
            return
        lang = self.app.ui_lang
        if event is None:
            self.app.say(_("That was the last inject of the last round. Press x to end the exercise.", lang),
                         severity="warning")
            return
        inj = self.state.current_inject
        if inj is not None:
            self.app.say(_("Delivered: {title}", lang).format(title=inj.title.get(self.state.lang)),
                         title=_("Round {n}", lang).format(n=self.state.round + 1))

    def action_clock(self, what: str) -> None:
        self.app.command(self.app.current_session.clock, what)

    def action_extend(self, seconds: int) -> None:
        ok, _result = self.app.command(self.app.current_session.clock, "extend", seconds=seconds)
        if ok:
            self.app.say(_("+{n} min", self.app.ui_lang).format(n=seconds // 60))

    def _team(self) -> str | None:
        return self.query_one(TeamsPanel).team

    def action_move(self) -> None:
        from .move_form import MoveForm

        self.app.push_screen(MoveForm(self._team()))

    def on_team_chosen(self, event: TeamChosen) -> None:
        from .move_detail import MoveDetail
        from .move_form import MoveForm

        lang = self.app.ui_lang
        if not self.state.started:
            self.app.say(_("Start the exercise first (n).", lang), severity="warning")
            return
        if self.state.ended and self.state.current_moves().get(event.team) is None:
            self.app.say(_("The exercise has ended; no more moves.", lang), severity="warning")
            return
        if self.state.current_moves().get(event.team) is None:
            self.app.push_screen(MoveForm(event.team))
            return

        def then(what: str | None) -> None:
            if what == "edit":
                self.app.push_screen(MoveForm(event.team))
            elif what == "adjudicate":
                self._adjudicate(event.team)

        self.app.push_screen(MoveDetail(event.team), then)

    def action_adjudicate(self) -> None:
        team = self._team()
        if team is not None:
            self._adjudicate(team)

    def _adjudicate(self, team: str) -> None:
        from .adjudicate import AdjudicateForm

        move = self.state.current_moves().get(team)
        if move is None:
            self.app.say(_("{team} has no move this round to rule on.", self.app.ui_lang).format(
                team=view.team_name(self.state, team)), severity="warning")
            return
        self.app.push_screen(AdjudicateForm(move.id))

    def action_note(self) -> None:
        from .note_form import NoteForm

        self.app.push_screen(NoteForm())

    def action_options(self) -> None:
        from .options import OptionsDialog

        def then(option: str | None) -> None:
            if option:
                ok, _result = self.app.command(self.app.current_session.choose_option, option)
                if ok:
                    self.app.say(_("Option chosen; its follow-up comes next (n).", self.app.ui_lang))

        self.app.push_screen(OptionsDialog(), then)

    def action_bench(self) -> None:
        from .bench import Bench

        def then(inject_id: str | None) -> None:
            if inject_id:
                self._deliver(lambda: self.app.current_session.fire(inject_id))

        self.app.push_screen(Bench(), then)

    def action_reopen(self) -> None:
        ok, _result = self.app.command(self.app.current_session.reopen_moves)
        if ok:
            self.app.say(_("Moves are open again for this round.", self.app.ui_lang))

    def action_projector(self) -> None:
        from .projector import ProjectorScreen

        self.app.push_screen(ProjectorScreen())

    def action_language(self) -> None:
        lang = "en" if self.state.lang == "nl" else "nl"
        ok, _result = self.app.command(self.app.current_session.set_language, lang)
        if ok:
            self.app.say("Content in English." if lang == "en" else "Inhoud in het Nederlands.")

    def action_codes(self) -> None:
        from .codes import CodesDialog

        self.app.push_screen(CodesDialog())

    def action_end(self) -> None:
        from .confirm import Confirm

        st, lang = self.state, self.app.ui_lang
        pending = st.pending_teams()
        n = len(pending)
        extra = "\n\n" + ngettext("{n} team has not moved this round.", "{n} teams have not moved this round.",
                                   n, lang).format(n=n) if pending else ""

        def then(yes: bool | None) -> None:
            if yes:
                ok, _result = self.app.command(self.app.current_session.end)
                if ok:
                    self.action_debrief()

        self.app.push_screen(Confirm(_("End the exercise", lang),
                                     _("End the exercise now? Moves can no longer be entered; notes still can.", lang)
                                     + extra, yes=_("End", lang)), then)

    def action_fork(self) -> None:
        """Play round N again: which round and where (`ForkDialog`), a yes, then the new session's
        console, its new codes shown once. This session is only read."""
        from .fork import ForkDialog

        parent = self.app.current_session.store.path
        started = self.state.round + 1

        def then(answer: tuple[int, Path] | None) -> None:
            if answer is not None:
                self._confirm_fork(parent, *answer)

        self.app.push_screen(ForkDialog(parent, started), then)

    def _confirm_fork(self, parent: Path, round_no: int, child: Path) -> None:
        from .confirm import Confirm

        lang = self.app.ui_lang

        def then(yes: bool | None) -> None:
            if not yes:
                return
            from wargame.engine.fork import fork

            ok, made = self.app.command(fork, parent, round_no, child, now=self.app.clock)
            if ok:
                session, codes = made
                self.app.open_session(session, codes)
                self.app.say(_("Round {n} again, in {name}; {parent} is not changed.", lang).format(
                    n=round_no, name=child.name, parent=parent.name))

        question = _("Make {path} from this session up to the start of round {n}, and open it? Its teams get "
                     "new join codes; this session is not changed.", lang).format(path=child, n=round_no)
        self.app.push_screen(Confirm(_("Play round {n} again", lang).format(n=round_no), question,
                                     yes=_("Play again", lang)), then)

    def action_debrief(self) -> None:
        from .debrief import DebriefScreen

        self.app.push_screen(DebriefScreen())

    def action_hotwash(self) -> None:
        from .hotwash import HotwashWalk

        self.app.push_screen(HotwashWalk())

    def action_observations(self) -> None:
        from .evaluations import EvaluationsDialog

        self.app.push_screen(EvaluationsDialog())
