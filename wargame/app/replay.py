"""The replay app: `wargame replay SESSION` steps through a session, read-only (`engine.replay`).

It shows the session as it was at each point: the inject card, the MSEL with each team's moves and
rulings, the world and its tracks. The projector (`p`) follows it, so a facilitator can walk the
room through how it got here in the hot wash. Nothing is written: the file is read once, at start.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import Notify
from textual.screen import Screen

from wargame.engine.replay import Replay
from wargame.engine.state import SessionState


class ReplayedSession:
    """What the screens read of a session (`.state`): here the replay's state at its position."""

    def __init__(self, replay: Replay) -> None:
        self.replay = replay

    @property
    def state(self) -> SessionState:
        return self.replay.state


STEPS: list[BindingType] = [
    Binding("right", "step(1)", "Next event", tooltip="One event forward", priority=True),
    Binding("left", "step(-1)", "Back", tooltip="One event back", priority=True),
    Binding("bracketright", "mark('inject', 1)", "Next inject", key_display="]",
            tooltip="Forward to the next inject delivered", priority=True),
    Binding("bracketleft", "mark('inject', -1)", "Inject back", key_display="[", show=False,
            tooltip="Back to the inject delivered before", priority=True),
    Binding("pagedown", "mark('round', 1)", "Next round", key_display="PgDn",
            tooltip="Forward to the next round's start", priority=True),
    Binding("pageup", "mark('round', -1)", "Round back", key_display="PgUp", show=False,
            tooltip="Back to the round's start before", priority=True),
    Binding("home", "seek(1)", "To the start", show=False, tooltip="To the start of the session", priority=True),
    Binding("end", "seek(-1)", "To the end", show=False, tooltip="To the end of the session", priority=True),
    Binding("g", "goto", "Go to", tooltip="Go to a round or an inject on the timeline"),
]
"""The replay's keys; they come before the scrolling keys of whatever has focus (↑↓ still scroll a
long card)."""


class ReplaySteps:
    """The replay's keys at work (`STEPS`), for what hosts a replay: the replay app, or in the
    facilitator's app the replay screen and the wall over it. Every screen is told the point moved."""

    replay: Replay

    def _moved(self) -> None:
        from .messages import SessionChanged

        host = self if isinstance(self, App) else cast(Screen, self).app
        for screen in host.screen_stack:
            screen.post_message(SessionChanged())

    def action_step(self, n: int) -> None:
        self.replay.step(n)
        self._moved()

    def action_mark(self, kind: str, direction: int) -> None:
        (self.replay.next_mark if direction > 0 else self.replay.previous_mark)(kind)
        self._moved()

    def action_seek(self, position: int) -> None:
        self.replay.seek(self.replay.end if position < 0 else position)
        self._moved()

    def action_goto(self) -> None:
        """Choose a point of the timeline (a round's start, an inject's delivery) and go there."""
        from .screens.replay import GoTo

        host = self if isinstance(self, App) else cast(Screen, self).app

        def chosen(position: int | None) -> None:
            if position is not None:
                self.action_seek(position)

        host.push_screen(GoTo(self.replay), chosen)


class ReplayApp(ReplaySteps, App[None]):
    """A session stepped through, with the projector following; nothing is ever written."""

    TITLE = "wargame · replay"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [*STEPS, Binding("q", "quit", "Quit", tooltip="Leave the replay (nothing was written)")]
    """The replay's keys work on its screen and on the wall alike, so the room can be walked through."""

    def __init__(self, replay: Replay) -> None:
        super().__init__()
        self.replay = replay
        self.current_session = ReplayedSession(replay)
        self.title = replay.state.title or "wargame"

    @property
    def ui_lang(self) -> str:
        return self.replay.state.lang

    def now(self) -> float:
        """The moment being replayed: the time of the event that happened last (clocks show that time)."""
        return self.replay.event.at

    def get_default_screen(self) -> Screen:
        from .screens.replay import ReplayScreen

        return ReplayScreen(self.replay)

    def action_clock_toggle(self) -> None:
        """The wall's `s`: a replay's clocks show what they showed then, and do not run."""

    # the projector's part of the app (see WargameApp): a replay raises no notifications to hold
    def hold_notifications(self) -> None:
        """Nothing to hold: a replay shows no notifications on the wall."""

    def release_notifications(self) -> None:
        """Nothing was held."""

    def on_notify(self, event: Notify) -> None:
        event.stop()  # the wall shows no toast, and a replay has nothing to tell


def make_replay_app(session_path: Path) -> ReplayApp:
    """The replay of the session file at `session_path` (StoreError if it cannot be read)."""
    return ReplayApp(Replay.open(Path(session_path)))
