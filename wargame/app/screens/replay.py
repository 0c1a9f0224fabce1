"""The replay screen: the session as it was at one point of its log, and the keys to move that point.

The replay app (`wargame replay`) shows it with its own keys; the facilitator's app shows it from
Home (`HostedReplay`, Esc back), with the replay's keys on it and on the wall over it (`ReplayWall`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wargame.engine import events as ev
from wargame.engine.replay import Replay
from wargame.engine.state import fold
from wargame.views.i18n import N_
from wargame.views.i18n import gettext as _

from .. import view
from ..messages import SessionChanged
from ..replay import STEPS, ReplaySteps
from ..widgets.axis_cross import AxisCross
from ..widgets.footer import LocalFooter
from ..widgets.inject_card import InjectCard
from ..widgets.safe import plain
from ..widgets.timeline import Timeline
from ..widgets.tracks import TracksPanel
from .projector import ProjectorScreen

if TYPE_CHECKING:
    from textual import getters

    from ..app import WargameApp

EVENT_WORDS = {  # N_: marked for the catalogue, translated where shown
    ev.CREATED: N_("the session was created"),
    ev.ROUND_STARTED: N_("a round started"),
    ev.INJECT_DELIVERED: N_("an inject was delivered"),
    ev.CLOCK: N_("the clock was set"),
    ev.MOVE: N_("a move was recorded"),
    ev.ADJUDICATED: N_("a move was ruled"),
    ev.OPTION_CHOSEN: N_("a branch was chosen"),
    ev.NOTE: N_("a note was written"),
    ev.MOVES_REOPENED: N_("moves were reopened"),
    ev.CODE_SET: N_("a join code was set"),
    ev.JOIN_FAILED: N_("a wrong join code"),
    ev.JOINED: N_("a team signed in"),
    ev.LANGUAGE: N_("the language was switched"),
    ev.ENDED: N_("the exercise ended"),
    ev.OBJECTIVE: N_("an objective was marked"),
    ev.OBSERVATION: N_("an evaluator made an observation"),
    ev.RATING: N_("an evaluator rated an objective"),
    ev.HOTWASH: N_("a hot-wash answer was recorded"),
    ev.FEEDBACK: N_("a participant gave feedback"),
    ev.EVALUATOR_ACCESS: N_("the evaluators' access was set"),
    ev.ACTION_STATUS: N_("an action's status was set"),
}
"""What each kind of event was, for the position line (message ids: translated where shown)."""


class ReplayScreen(Screen[None]):
    DEFAULT_CSS = """
    ReplayScreen #r-where { height: auto; padding: 0 1; background: $boost; }
    ReplayScreen #r-body { height: 1fr; }
    ReplayScreen #r-card { width: 2fr; padding: 0 1; }
    ReplayScreen #r-side { width: 1fr; min-width: 30; }
    ReplayScreen #r-world { height: 13; }
    """

    BINDINGS = [Binding("p", "projector", "Projector", tooltip="Show this point on the wall (p or Esc: back)")]

    def __init__(self, replay: Replay) -> None:
        super().__init__()
        self.replay = replay

    def compose(self) -> ComposeResult:
        yield Static(id="r-where")
        with Horizontal(id="r-body"):
            with VerticalScroll(id="r-card"):
                yield InjectCard(id="r-inject")
            with Vertical(id="r-side"):
                yield AxisCross(id="r-world")
                yield TracksPanel(id="r-tracks")
                with VerticalScroll():
                    yield Timeline(id="r-timeline")
        yield LocalFooter(compact=True)

    def on_mount(self) -> None:
        self.sync()

    def on_screen_resume(self) -> None:
        self.sync()

    def sync(self) -> None:
        replay = self.replay
        st = replay.state
        lang = st.lang
        e = replay.event
        what = _(EVENT_WORDS.get(e.kind, e.kind), lang)
        where = _("Replay · event {n} of {total} · {what}", lang).format(n=replay.position, total=replay.end,
                                                                       what=what)
        parts = [Content.styled(where, "bold")]
        if st.started:
            title = view.round_title(st, st.round)
            parts.append(plain(_("Round {n}: {title}", lang).format(n=st.round + 1, title=title)))
        parts.append(plain(view.world_text(st)))
        parts.append(Content.styled(_("Nothing is written: this is the session as it was.", lang), "dim"))
        self.query_one("#r-where", Static).update(Content("\n").join(parts))
        self.query_one(InjectCard).show(st)
        self.query_one(AxisCross).show(st)
        self.query_one(TracksPanel).show(st)
        self.query_one(Timeline).show(st)

    def on_session_changed(self, _event: SessionChanged) -> None:
        self.sync()

    def action_projector(self) -> None:
        self.app.push_screen(ProjectorScreen())


class HostedReplay(ReplaySteps, ReplayScreen):
    """The replay in the facilitator's app, over Home (`WargameApp.open_replay`): the replay's keys are
    this screen's, and the wall's over it; Esc goes back to Home. Nothing is written."""

    if TYPE_CHECKING:
        app = getters.app(WargameApp)

    BINDINGS = [
        *STEPS,
        *ReplayScreen.BINDINGS,
        Binding("escape", "back", "Close", tooltip="Back to the home screen (nothing was written)"),
    ]

    def action_projector(self) -> None:
        self.app.push_screen(ReplayWall(self.replay))

    def action_back(self) -> None:
        self.app.close_replay()


class ReplayWall(ReplaySteps, ProjectorScreen):
    """The wall over a replay in the facilitator's app: it shows the point replayed (the app's
    `current_session` and `now` are the replay's meanwhile), and the replay's keys move it."""

    BINDINGS = [*STEPS]

    def __init__(self, replay: Replay) -> None:
        super().__init__()
        self.replay = replay


class GoTo(ModalScreen[int | None]):
    """The replay's timeline: every round's start and every inject delivered; Enter goes there."""

    DEFAULT_CSS = """
    GoTo { align: center middle; }
    GoTo > Vertical { width: 80%; max-width: 90; height: 80%; border: round $primary; background: $panel; }
    GoTo OptionList { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Close", tooltip="Close without moving")]

    def __init__(self, replay: Replay) -> None:
        super().__init__()
        self.replay = replay

    def compose(self) -> ComposeResult:
        st = self.replay.state
        lang = st.lang
        whole = fold(self.replay.events)  # for the titles of rounds and injects still to come
        options = []
        for m in self.replay.marks:
            if m.kind == "round":
                label = Content.styled(_("Round {n}: {title}", lang).format(
                    n=m.round + 1, title=view.round_title(whole, m.round)), "bold")
            else:
                label = Content.assemble("   ", view.inject_title(whole, m.label))
            options.append(Option(label, id=str(m.position)))
        with Vertical():
            yield Static(plain(_("Go to a point of the timeline", lang)), classes="dialog-title")
            yield OptionList(*options, id="marks")

    def on_mount(self) -> None:
        marks = self.query_one(OptionList)
        here = [i for i, m in enumerate(self.replay.marks) if m.position <= self.replay.position]
        if here:
            marks.highlighted = here[-1]
        marks.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or "1"))
