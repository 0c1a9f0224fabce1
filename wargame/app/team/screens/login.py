"""The login: the team (preset with --team) and its join code, checked by the store's rules."""

from __future__ import annotations

import math
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from wargame.engine.lockout import FREE_TRIES
from wargame.engine.session import EngineError, JoinWait, Now, Session
from wargame.store import StoreError

from ... import view
from ...widgets.safe import plain
from ..ui import LOBBY


class LoginScreen(Screen[None]):
    """Choose the team, type its code. Wrong codes are counted in the session: after a few in a row the
    team waits before each next try (longer each time); its right code ends that."""

    DEFAULT_CSS = """
    LoginScreen { align: center middle; }
    LoginScreen #login-box {
        width: 90%;
        max-width: 72;
        height: auto;
        max-height: 100%;
        border: thick $accent;
        background: $surface;
        padding: 0 2;
    }
    LoginScreen #login-title { text-style: bold; color: $accent; margin-top: 1; }
    LoginScreen #login-session { color: $text-muted; margin-bottom: 1; }
    LoginScreen .field-label { margin-top: 1; color: $text-muted; }
    LoginScreen #login-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    LoginScreen #login-message { margin: 1 0; height: auto; }
    LoginScreen #login-message.-error { color: $error; text-style: bold; }
    """

    def __init__(self, path: Path, team: str | None, now: Now) -> None:
        super().__init__()
        self.path = path
        self.preset = team
        self.now = now
        self.teams: dict[str, str] = {}
        self.title_text = ""
        self.problem = ""
        self._wait: tuple[str, str, float] | None = None  # (why, team name, until): a wait counted down
        try:
            lobby = Session.open(path, team=LOBBY, now=now, resume=True)  # can read, cannot write anything
        except (EngineError, StoreError) as exc:
            self.problem = str(exc)
        else:
            st = lobby.state
            self.teams = {t: view.team_name(st, t) for t in st.teams}
            self.title_text = st.title
            lobby.close()
        if team is not None and self.teams and team not in self.teams:
            self.problem = f"There is no team {team!r} in this session; choose yours."
            self.preset = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="login-box"):
            yield Static(plain("wargame · team console"), id="login-title")
            yield Static(plain(self.title_text or self.path.stem), id="login-session")
            yield Label(plain("Your team"), classes="field-label")
            options = [(plain(name), t) for t, name in self.teams.items()]
            yield Select(options, value=self.preset if self.preset else Select.NULL, allow_blank=True,
                         prompt="Choose your team", id="team", disabled=not options)
            yield Label(plain("Join code (from the facilitator)"), classes="field-label")
            yield Input(placeholder="e.g. K7QF-2M9D", id="code", max_length=64, disabled=not options)
            with Horizontal(id="login-buttons"):
                yield Button(plain("Join"), variant="primary", id="join", disabled=not options)
            yield Static(id="login-message")
        yield Footer()

    def on_mount(self) -> None:
        if self.problem:
            self.say(self.problem, error=True)
        if self.preset:
            self.query_one("#code", Input).focus()
        elif self.teams:
            self.query_one("#team", Select).focus()
        self.set_interval(1.0, self._count_down, name="join wait")

    def say(self, message: str, *, error: bool = False) -> None:
        box = self.query_one("#login-message", Static)
        box.update(plain(message))
        box.set_class(error, "-error")

    def on_select_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.query_one("#code", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.join()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.join()

    def join(self) -> None:
        team = self.query_one("#team", Select).value
        code_input = self.query_one("#code", Input)
        code = code_input.value
        if not isinstance(team, str):
            self.say("Choose your team first.", error=True)
            return
        if not code.strip():
            self.say("Type your team's join code; the facilitator has it.", error=True)
            code_input.focus()
            return
        name = self.teams.get(team, team)
        self._wait = None
        session: Session | None = None
        try:
            session = Session.open(self.path, team=team, now=self.now, resume=True)
            ok = session.check_join(team, code)
        except JoinWait as exc:  # not checked, not counted: the team must wait first
            if session is not None:
                session.close()
            self._clear_code()
            self._wait = (f"Too many wrong codes for {name}", name, self.now() + exc.seconds)
            self._count_down()
            return
        except (EngineError, StoreError) as exc:
            if session is not None:
                session.close()
            self.say(str(exc), error=True)
            return
        if not ok:
            st = session.state
            failures, until = st.failed_joins.get(team, 0), st.join_wait_until(team)
            session.close()
            self._clear_code()
            wrong = f"That is not the join code of {name}."
            if until > self.now():
                self._wait = (f"{wrong} Too many wrong codes in a row", name, until)
                self._count_down()
                return
            left = FREE_TRIES - failures
            self.say(f"{wrong} {left} {'try' if left == 1 else 'tries'} left before you must wait between tries.",
                     error=True)
            return
        self.app.signed_in(session, team)  # type: ignore[attr-defined]

    def _clear_code(self) -> None:
        code_input = self.query_one("#code", Input)
        code_input.value = ""
        code_input.focus()

    def _count_down(self) -> None:
        """While the team must wait: say how long, each second; then that it may try again."""
        if self._wait is None:
            return
        why, name, until = self._wait
        left = until - self.now()
        if left > 0:
            self.say(f"{why}: try again in {max(1, math.ceil(left))} s (or ask the facilitator for a new code).",
                     error=True)
        else:
            self._wait = None
            self.say(f"You can try the code of {name} again now.")
