"""The team console app: `make_team_app(session_path, team)` → login, then the team's console."""

from __future__ import annotations

import time
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from wargame.engine.session import Now, Session

from ..lifecycle import ClosesSession
from .screens.console import TeamScreen
from .screens.login import LoginScreen


class TeamApp(ClosesSession, App[None]):
    """One team's console on one session file. It can write only that team's moves; however it ends,
    the session is closed (ClosesSession)."""

    TITLE = "wargame · team console"
    ENABLE_COMMAND_PALETTE = False  # nothing a team needs; keeps the browser console small
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", tooltip="Leave the team console (your recorded moves stay)")]

    def __init__(self, session_path: Path, team: str | None = None, *, now: Now = time.time) -> None:
        super().__init__()
        self.session_path = Path(session_path)
        self.preset_team = team
        self.now = now
        self.team: str | None = None
        self.session: Session | None = None

    def on_mount(self) -> None:
        self.push_screen(LoginScreen(self.session_path, self.preset_team, self.now))

    def signed_in(self, session: Session, team: str) -> None:
        """The code was right: from now on this app holds a handle that can write only as `team`."""
        self.session, self.team = session, team
        self.switch_screen(TeamScreen(session, team))


def make_team_app(session_path: Path, team: str | None = None, *, now: Now = time.time) -> App:
    """The team console for `session_path`; `team` presets the login's team choice."""
    return TeamApp(session_path, team, now=now)
