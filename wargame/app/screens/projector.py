"""The projector view: the inject and the countdown, full screen, for the wall; before round 1 the
deck's starting situation, to be read out.

What the wall may show is decided in `wargame.views.visibility` (`WALL_CARD`, `shows_world`,
`on_wall`): no notes, no moves, no notifications, no private inject (only that there is one, and
for whom). While it is up (also under a dialog or the help), the app holds
every notification back and the console shows them when the facilitator returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from wargame.engine.state import SessionState
from wargame.model import Inject
from wargame.views.i18n import gettext as _
from wargame.views.visibility import WALL_CARD, on_wall, shows_world
from wargame.views.words import t

from .. import view
from ..messages import SessionChanged
from ..widgets.axis_cross import AxisCross
from ..widgets.countdown import Countdown
from ..widgets.inject_card import InjectCard
from ..widgets.safe import plain
from ..widgets.tracks import TracksPanel

if TYPE_CHECKING:
    from textual import getters

    from ..app import WargameApp


class ProjectorCard(InjectCard):
    """The inject card for the wall: its title in reverse, to be read across the room."""

    TITLE_STYLE = "bold reverse $accent"

    def show_wall(self, st: SessionState) -> None:
        """What the wall shows now: the starting situation before round 1 (when the deck has one),
        a private inject as its frame only, else the inject card."""
        inj = st.current_inject
        if not st.started and st.deck is not None and st.deck.situation is not None:
            self.show_text(st.deck.title.get(st.lang), t("situation", st.lang),
                           Content.styled(st.deck.situation.get(st.lang), "bold"))
        elif inj is not None and st.current is not None and not on_wall(inj):
            self.show_private(st, inj)
        else:
            self.show(st)

    def show_private(self, st: SessionState, inj: Inject) -> None:
        names = ", ".join(view.team_name(st, team) for team in inj.targets)
        self.show_text(_("An inject for {teams}", st.lang).format(teams=names),
                       _("For {teams} only: read on their own console", st.lang).format(teams=names))


class ProjectorScreen(Screen[None]):
    if TYPE_CHECKING:  # `self.app` is the facilitator's app, not just any Textual App
        app = getters.app(WargameApp)

    DEFAULT_CSS = """
    ProjectorScreen { background: $background; }
    ProjectorScreen #p-top { height: auto; padding: 1 2 0 2; }
    ProjectorScreen #p-round { width: 1fr; height: auto; color: $text-muted; }
    ProjectorScreen #p-banner { width: 100%; height: 1; text-align: center; color: $warning; text-style: bold; }
    ProjectorScreen #p-body { height: 1fr; }
    ProjectorScreen #p-card { padding: 0 2; height: 1fr; width: 1fr; max-width: 110; }
    ProjectorScreen #p-side { display: none; width: 1fr; max-width: 60; height: auto; margin: 1 2; }
    ProjectorScreen.-wide.-world #p-side { display: block; }
    ProjectorScreen #p-world { height: 23; }
    ProjectorScreen #p-hint { dock: bottom; height: 1; color: $text-muted; text-align: right; padding: 0 1; }
    """

    BINDINGS = [
        Binding("p,escape", "back", "Back", tooltip="Back to the facilitator console"),
        Binding("s,space", "app.clock_toggle", "Start/pause", show=False, key_display="s",
                tooltip="Start, pause or resume the clock"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="p-banner")
        with Horizontal(id="p-top"):
            with Vertical(id="p-round"):
                yield Static(id="p-round-text")
            yield Countdown(id="p-countdown")
        with Horizontal(id="p-body"):
            with VerticalScroll(id="p-card"):
                yield ProjectorCard(parts=WALL_CARD, id="p-inject")
            with Vertical(id="p-side"):
                yield AxisCross(id="p-world")
                yield TracksPanel(id="p-tracks")
        yield Static(id="p-hint")

    def on_mount(self) -> None:
        self.app.hold_notifications()
        self.query("ToastRack").remove()  # and nowhere on the wall to show one, should one slip through
        self.set_class(self.app.size.width >= 120, "-wide")
        self.sync()
        self.set_interval(0.25, self.tick, name="projector countdown")
        self.query_one("#p-card").focus()  # ↑↓ PgUp PgDn scroll a long briefing

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 120, "-wide")

    def on_unmount(self) -> None:
        self.app.release_notifications()

    def on_screen_resume(self) -> None:
        self.sync()

    def on_session_changed(self, _: SessionChanged) -> None:
        self.sync()

    def sync(self) -> None:
        st = self.app.current_session.state
        self.query_one("#p-banner", Static).update(plain(t("wall_marking", st.lang)))
        self.query_one("#p-hint", Static).update(plain(_("p / Esc: back to the console", st.lang)))
        parts = [Content.styled(st.title, "bold")]
        if st.started:
            parts.append(plain(_("Round {n}: {title}", st.lang).format(n=st.round + 1,
                                                                      title=view.round_title(st, st.round))))
        world = shows_world(st)
        self.set_class(world, "-world")
        if world:
            parts.append(plain(view.world_text(st)))
            self.query_one(AxisCross).show(st)
            self.query_one(TracksPanel).show(st)
        self.query_one("#p-round-text", Static).update(Content("\n").join(parts))
        self.query_one(ProjectorCard).show_wall(st)
        self.tick()

    def tick(self) -> None:
        st = self.app.current_session.state
        self.query_one(Countdown).show(st.clock if st.current else None, self.app.now())

    def action_back(self) -> None:
        self.app.pop_screen()
