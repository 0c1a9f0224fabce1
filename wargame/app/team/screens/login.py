"""The login: the team (preset with --team) or a seat, evaluator or observer (--evaluator, --observer),
and its join code, checked by the store's rules."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Select, Static

from wargame.engine.events import SEATS
from wargame.engine.lockout import FREE_TRIES
from wargame.engine.session import EngineError, JoinWait, Now, Session
from wargame.store import StoreError
from wargame.views.i18n import error_text, ngettext
from wargame.views.i18n import gettext as _

from ... import view
from ...widgets.footer import LocalFooter
from ...widgets.safe import plain
from ..evaluating import seat_name
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
        self.session_lang: str | None = None
        """The session's language, read with its teams (None: the session could not be read)."""
        self._said: tuple[Callable[[str], str], bool] | None = None
        """The message shown last, as words in a given language, and whether it is an error."""
        self._wait: tuple[bool, str, float] | None = None
        """A wait counted down: (whether the code typed was wrong, team or seat, until)."""
        problem: Callable[[str], str] | None = None
        try:
            lobby = Session.open(path, team=LOBBY, now=now, resume=True)  # can read, cannot write anything
        except (EngineError, StoreError) as exc:
            problem = _refusal(exc)
        else:
            st = lobby.state
            self.teams = {t: view.team_name(st, t) for t in st.teams}
            self.title_text = st.title
            self.session_lang = st.lang
            lobby.close()
        if team is not None and self.teams and team not in self.teams and team not in SEATS:
            problem = lambda lang: _("There is no team {team} in this session; choose yours.",  # noqa: E731
                                     lang).format(team=repr(team))
            self.preset = None
        if problem is not None:
            self._said = (problem, True)

    @property
    def lang(self) -> str:
        return self.app.ui_lang  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="login-box"):
            yield Static(plain(self._title(lang)), id="login-title")
            yield Static(plain(self.title_text or self.path.stem), id="login-session")
            yield Label(plain(_("Your team", lang)), id="team-label", classes="field-label")
            yield Select(self._options(lang), value=self.preset if self.preset else Select.NULL, allow_blank=True,
                         prompt=_("Choose your team", lang), id="team", disabled=not self.teams)
            yield Label(plain(_("Join code (from the facilitator)", lang)), id="code-label", classes="field-label")
            yield Input(placeholder=_("e.g. K7QF-2M9D", lang), id="code", max_length=64, disabled=not self.teams)
            with Horizontal(id="login-buttons"):
                yield Button(plain(_("Join", lang)), variant="primary", id="join", disabled=not self.teams)
            yield Static(id="login-message")
        yield LocalFooter()

    def _options(self, lang: str) -> list[tuple[Content, str]]:
        """The session's teams, then the evaluator's and the observer's seats (none if it could not be read)."""
        if not self.teams:
            return []
        return [(plain(name), t) for t, name in self.teams.items()] + [(plain(seat_name(s, lang)), s) for s in SEATS]

    def _who(self, team: str, lang: str) -> str:
        """A team's name, or a seat's in `lang`."""
        return seat_name(team, lang) if team in SEATS else self.teams.get(team, team)

    def _title(self, lang: str) -> str:
        """The box's title: a team console's, until a seat is chosen."""
        chosen = self.query_one("#team", Select).value if self.is_mounted else self.preset
        return _("wargame · console", lang) if chosen in SEATS else _("wargame · team console", lang)

    def relabel(self) -> None:
        """Every word again in the console's language, after a switch; what was typed and chosen stays."""
        lang = self.lang
        self.query_one("#login-title", Static).update(plain(self._title(lang)))
        self.query_one("#team-label", Label).update(plain(_("Your team", lang)))
        select = self.query_one("#team", Select)
        chosen = select.value
        select.set_options(self._options(lang))
        if isinstance(chosen, str):
            select.value = chosen
        select.prompt = _("Choose your team", lang)
        self.query_one("#code-label", Label).update(plain(_("Join code (from the facilitator)", lang)))
        self.query_one("#code", Input).placeholder = _("e.g. K7QF-2M9D", lang)
        self.query_one("#join", Button).label = plain(_("Join", lang))
        if self._wait is not None:
            self._count_down()
        elif self._said is not None:
            self._show(*self._said)

    def on_mount(self) -> None:
        if self._said is not None:
            self._show(*self._said)
        if self.preset:
            self.query_one("#code", Input).focus()
        elif self.teams:
            self.query_one("#team", Select).focus()
        self.set_interval(1.0, self._count_down, name="join wait")

    def say(self, message: Callable[[str], str], *, error: bool = False) -> None:
        """Show `message`, the words in the console's language (and again after a switch)."""
        self._said = (message, error)
        self._show(message, error)

    def _show(self, message: Callable[[str], str], error: bool) -> None:
        box = self.query_one("#login-message", Static)
        box.update(plain(message(self.lang)))
        box.set_class(error, "-error")

    def on_select_changed(self, event: Select.Changed) -> None:
        self.query_one("#login-title", Static).update(plain(self._title(self.lang)))
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
            self.say(lambda lang: _("Choose your team first.", lang), error=True)
            return
        if not code.strip():
            self.say(lambda lang: _("Type your team's join code; the facilitator has it.", lang), error=True)
            code_input.focus()
            return
        self._wait = None
        session: Session | None = None
        try:
            session = Session.open(self.path, team=team, now=self.now, resume=True)
            ok = session.check_join(team, code)
        except JoinWait as exc:  # not checked, not counted: the team must wait first
            if session is not None:
                session.close()
            self._clear_code()
            self._wait = (False, team, self.now() + exc.seconds)
            self._count_down()
            return
        except (EngineError, StoreError) as exc:
            if session is not None:
                session.close()
            self.say(_refusal(exc), error=True)
            return
        if not ok:
            st = session.state
            failures, until = st.failed_joins.get(team, 0), st.join_wait_until(team)
            session.close()
            self._clear_code()
            if until > self.now():
                self._wait = (True, team, until)
                self._count_down()
                return
            left = FREE_TRIES - failures

            def tries_left(lang: str) -> str:
                return ngettext("That is not the join code of {team}. {n} try left before you must wait between tries.",
                                "That is not the join code of {team}. {n} tries left before you must wait between "
                                "tries.", left, lang).format(team=self._who(team, lang), n=left)

            self.say(tries_left, error=True)
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
        wrong, team, until = self._wait
        seconds = max(1, math.ceil(until - self.now()))
        if until - self.now() > 0:
            def wait(lang: str) -> str:
                why = (_("That is not the join code of {team}. Too many wrong codes in a row", lang) if wrong else
                       _("Too many wrong codes for {team}", lang)).format(team=self._who(team, lang))
                return _("{why}: try again in {n} s (or ask the facilitator for a new code).", lang).format(
                    why=why, n=seconds)

            self.say(wait, error=True)
        else:
            self._wait = None
            self.say(lambda lang: _("You can try the code of {team} again now.", lang).format(
                team=self._who(team, lang)))


def _refusal(exc: Exception) -> Callable[[str], str]:
    """An error, in the language shown: an engine refusal from the catalogue, any other as it words itself."""
    return lambda lang: error_text(exc, lang)
