"""The team console app: `make_team_app(session_path, team)` → login, then the team's console, or the
evaluator's or observer's console for a seat (`events.EVALUATOR`, `events.OBSERVER`)."""

from __future__ import annotations

import time
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from wargame.engine.events import SEATS
from wargame.engine.session import Now, Session

from ..lifecycle import ClosesSession
from ..widgets.footer import LocalFooter
from .screens.console import TeamScreen
from .screens.evaluator import EvaluatorScreen
from .screens.login import LoginScreen
from .ui import OTHER_LANG


class TeamApp(ClosesSession, App[None]):
    """One team's console on one session file, or a seat's. It can write only that team's moves (an
    evaluator: its observations and ratings; an observer: nothing); however it ends, the session is
    closed (ClosesSession)."""

    TITLE = "wargame · team console"
    ENABLE_COMMAND_PALETTE = False  # nothing a team needs; keeps the browser console small
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", tooltip="Leave the team console (your recorded moves stay)"),
        # ctrl+l, not a letter: the move form takes every letter; a browser leaves ctrl+l to the page
        Binding("ctrl+l", "switch_language", "NL/EN", tooltip="This console in Dutch or in English"),
    ]

    def __init__(self, session_path: Path, team: str | None = None, *, now: Now = time.time) -> None:
        super().__init__()
        self.session_path = Path(session_path)
        self.preset_team = team
        self.now = now
        self.team: str | None = None
        self.session: Session | None = None
        self.own_lang: str | None = None
        """The language this console switched to for itself; None: the session's."""
        self.lobby_lang: str | None = None
        """The session's language as the login read it, before this console signs in (None: unknown)."""
        self.evaluator_name = ""
        """The name an evaluator signs its observations and ratings with, typed once."""

    @property
    def ui_lang(self) -> str:
        """The language of every word this console shows: its own choice, else the session's (as the
        login read it until the team signs in), else Dutch."""
        if self.own_lang is not None:
            return self.own_lang
        if self.session is not None:
            return self.session.state.lang
        return self.lobby_lang or "nl"

    def on_mount(self) -> None:
        login = LoginScreen(self.session_path, self.preset_team, self.now)
        self.lobby_lang = login.session_lang
        self.push_screen(login)

    def action_switch_language(self) -> None:
        """ctrl+l: this console in the other language (the session's own stays as it is)."""
        self.own_lang = OTHER_LANG.get(self.ui_lang, "nl")
        self.relabel()

    def relabel(self) -> None:
        """Show every screen again in `ui_lang`: each screen's own words, and each footer."""
        for screen in self.screen_stack:
            relabel = getattr(screen, "relabel", None)
            if callable(relabel):
                relabel()
            for footer in screen.query(LocalFooter):
                footer.call_later(footer.recompose)

    def signed_in(self, session: Session, team: str) -> None:
        """The code was right: from now on this app holds a handle that can write only as `team` (or seat)."""
        self.session, self.team = session, team
        self.switch_screen(EvaluatorScreen(session, team) if team in SEATS else TeamScreen(session, team))


def make_team_app(session_path: Path, team: str | None = None, *, now: Now = time.time) -> App:
    """The team console for `session_path`; `team` presets the login's team choice (or a seat)."""
    return TeamApp(session_path, team, now=now)
