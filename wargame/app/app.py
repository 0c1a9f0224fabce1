"""The facilitator console app: `make_app()` opens Home, `make_app(path)` opens a session's console.

A thin skin over the engine: every command goes to `wargame.engine.session.Session`, and the
screens only show `session.state`. Other processes (team consoles) append to the same file;
the app folds their events in as soon as they are committed (`live.Live`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import Notification, Notify
from textual.screen import Screen
from textual.timer import Timer

from wargame.engine.session import EngineError, Session
from wargame.store import StoreError
from wargame.views.i18n import N_, error_text, locale_lang, ngettext
from wargame.views.i18n import gettext as _

from .lifecycle import ClosesSession
from .live import Live
from .messages import SessionChanged

if TYPE_CHECKING:
    from wargame.content import Library
    from wargame.engine.replay import Replay

POLL_SECONDS = 0.5
"""Seconds between looks at the session file besides those its writes wake (the safety net)."""
HELD_SHOWN = 5
"""Of the notifications held back while the projector was up, how many the console shows after."""
SCREEN_NAMES = {"ConsoleScreen": N_("console"), "HomeScreen": N_("home"), "ProjectorScreen": N_("projector"),
                "DebriefScreen": N_("debrief"), "HostedReplay": N_("replay"), "ReplayWall": N_("projector")}
"""The screens' names in the help's title."""
TEXTUAL_COMMANDS = (
    N_("Theme"), N_("Change the current theme"), N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"), N_("Maximize"),
    N_("Maximize the focused widget"), N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)
"""Textual's own commands in the palette (`App.get_system_commands`), their titles and help."""


class WargameApp(ClosesSession, App[None]):
    """Home, the console, the projector view, the debrief. Whatever way it ends, the session is closed."""

    TITLE = "wargame"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Every key of this screen"),
        Binding("q", "quit", "Quit", show=False, tooltip="Quit (everything is saved already)"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, tooltip="Search every action by name"),
    ]

    def __init__(self, session: Session | None = None, *, codes: dict[str, str] | None = None,
                 now: Callable[[], float] = time.time, library: Library | None = None) -> None:
        super().__init__()
        self.session: Session | None = session
        self.codes: dict[str, str] = dict(codes or {})
        self.clock = now
        """The time (a test's fake clock); `now()` is what the screens show."""
        self.replay: Replay | None = None
        """A session replayed from Home (`open_replay`), while it is shown; nothing of it is written."""
        self._library = library
        self._poller: Timer | None = None
        self._live: Live | None = None
        self._held: list[Notification] | None = None  # while the projector is up
        self.home_lang = locale_lang()
        """The interface's language on the home screen, before a session speaks its own: the locale's
        (`wargame --lang` or the home screen's `l` change it)."""
        if session is not None:
            self.title = session.state.title or "wargame"

    @property
    def ui_lang(self) -> str:
        """The language of every word the app shows: the session's (the facilitator switches it with
        `l`), else the home screen's."""
        if self.replay is not None:
            return self.replay.state.lang
        return self.session.state.lang if self.session is not None else self.home_lang

    def now(self) -> float:
        """The time the screens show: the clock's; while a replay is shown, the moment replayed."""
        return self.replay.event.at if self.replay is not None else self.clock()

    # --- screens ----------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        if self.session is not None:
            from .screens.console import ConsoleScreen

            return ConsoleScreen()
        from .screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        if self.session is not None:
            # after the first frame: the file watch loads ctypes, which that frame does not need
            self.call_after_refresh(self._start_polling)
            if self.codes:
                self.show_codes()

    @property
    def current_session(self) -> Session:
        """The open session, for the screens that exist only while one is open (the console, its dialogs).
        While a replay is shown, the wall over it reads the replay's point here (its `.state`)."""
        if self.replay is not None:
            from .replay import ReplayedSession

            return cast("Session", ReplayedSession(self.replay))
        if self.session is None:
            raise RuntimeError("no session is open")
        return self.session

    def library(self) -> Library:
        """The content library Home offers decks from (the built-in one unless given)."""
        if self._library is None:
            from wargame.content import builtin_library

            self._library = builtin_library()
        return self._library

    def open_session(self, session: Session, codes: dict[str, str]) -> None:
        """Leave Home for the console of `session` (just created or resumed); from a console (a fork
        of its session), the new console takes the old one's place (over it, when that one is the
        app's first screen: it shows the new session too)."""
        from .screens.console import ConsoleScreen

        previous, self.session = self.session, session
        if previous is not None:  # a fork's parent: closed here, not by `close_session` (see `_close`)
            self._close(previous)
        self.codes = dict(codes)
        self.title = session.state.title or "wargame"
        if isinstance(self.screen, ConsoleScreen) and len(self.screen_stack) > 1:
            self.switch_screen(ConsoleScreen())
        else:
            self.push_screen(ConsoleScreen())
        self._start_polling()
        if codes:
            self.call_after_refresh(self.show_codes)

    def open_replay(self, path: Path) -> bool:
        """Show the session file at `path` as it was, step by step, over Home (`HostedReplay`); it is
        read once and never written. False, and why said, if it cannot be read."""
        from wargame.engine.replay import Replay

        from .screens.replay import HostedReplay

        try:
            replay = Replay.open(path)
        except (StoreError, ValueError) as exc:
            self.say(_("Could not open {name}: {error}", self.ui_lang).format(
                name=path.name, error=error_text(exc, self.ui_lang)), severity="error")
            return False
        self.replay = replay
        self.push_screen(HostedReplay(replay))
        return True

    def close_replay(self) -> None:
        """Back from the replay to Home, in Home's language."""
        self.replay = None
        self.pop_screen()

    def _close(self, session: Session) -> None:
        """Close a session the app leaves for another; a failure is said, the new session stays open."""
        try:
            session.close()
        except Exception as exc:  # noqa: BLE001 - the new session is open; say it, go on
            self.say(_("the session file was not closed cleanly ({problem})", self.ui_lang).format(
                problem=f"{session.store.path}: {exc}"), severity="error")

    def show_codes(self) -> None:
        from .screens.codes import CodesDialog

        self.push_screen(CodesDialog())

    def _start_polling(self) -> None:
        if self._poller is None:
            self._poller = self.set_interval(POLL_SECONDS, self.poll, name="poll session")
            self._live = Live(self, self.poll)
        if self._live is not None and self.session is not None:
            self._live.follow(self.session)

    # --- talking to the engine --------------------------------------------------------------------

    def poll(self) -> None:
        """Fold in what other processes appended (cheap when nothing is new: the log is not read)."""
        if self.session is None:
            return
        try:
            new = self.session.poll()
        except Exception as exc:  # noqa: BLE001 - a locked or vanished file must not kill the console
            self.say(_("Could not read the session file: {error}", self.ui_lang).format(error=exc), severity="error")
            return
        if new:
            for screen in self.screen_stack:
                screen.post_message(SessionChanged(len(new)))

    def command(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[bool, Any]:
        """Run an engine command; show its error if it is refused. Returns (ok, result)."""
        try:
            result = fn(*args, **kwargs)
        except (EngineError, StoreError) as exc:
            self.say(error_text(exc, self.ui_lang), severity="error")
            return False, None
        self.sync()
        return True, result

    def sync(self) -> None:
        """Show the state on every screen that shows it."""
        for screen in self.screen_stack:
            show = getattr(screen, "sync", None)
            if show is not None and screen.is_mounted:
                show()

    def say(self, message: object, *, severity: str = "information", title: str = "",
            timeout: float | None = None) -> None:
        """A notification that shows its text literally (team text is never markup)."""
        self.notify(str(message), title=title, severity=severity, markup=False,  # type: ignore[arg-type]
                    timeout=timeout)

    # --- notifications and the wall ---------------------------------------------------------------

    def hold_notifications(self) -> None:
        """The projector is up: notifications (those showing and any to come) wait for the console."""
        if self._held is None:
            self._held = list(self._notifications)
            self.clear_notifications()

    def release_notifications(self) -> None:
        """Back from the projector: show what was held (the latest few), on the console."""
        held, self._held = self._held or [], None
        if len(held) > HELD_SHOWN:
            more = len(held) - HELD_SHOWN
            self.say(ngettext("{n} more notification came while the projector was up.",
                              "{n} more notifications came while the projector was up.", more,
                              self.ui_lang).format(n=more))
        for n in held[-HELD_SHOWN:]:
            self.notify(n.message, title=n.title, severity=n.severity, timeout=n.timeout, markup=n.markup)

    def on_notify(self, event: Notify) -> None:
        """Runs before Textual shows a notification: while the projector is up, keep it instead."""
        if self._held is not None:
            event.prevent_default()
            self._held.append(event.notification)

    # --- app-wide actions -------------------------------------------------------------------------

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            self.pop_screen()
            return
        name = SCREEN_NAMES.get(type(screen).__name__, type(screen).__name__)  # the help translates it
        keys = list(screen.BINDINGS)
        focused = screen.focused  # one of our panels (the teams list) adds its own keys
        if focused is not None and type(focused).__module__.startswith("wargame."):
            keys += focused.BINDINGS
        self.push_screen(HelpScreen(name, [b for b in keys if isinstance(b, Binding)]))

    def action_clock_toggle(self) -> None:
        """Start, pause or resume the current inject's clock (the projector's one key)."""
        if self.replay is not None or self.session is None or self.session.state.current is None:
            return  # a replay's clocks show what they showed then, and do not run
        mode = self.session.state.clock.mode
        what = {"idle": "start", "running": "pause", "paused": "resume"}.get(mode)
        if what:
            self.command(self.session.clock, what)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette offers every action of the current screen that applies now, and Textual's
        own, in the interface's language."""
        lang = self.ui_lang
        seen: set[str] = set()
        for b in getattr(screen, "BINDINGS", []):
            if not isinstance(b, Binding) or b.action in seen or b.action in ("close", "back"):
                continue
            seen.add(b.action)
            _ns, name, params = parse_action(b.action)
            allowed = screen.check_action(name, params)
            if not allowed:
                continue
            key = self.get_key_display(Binding(b.key.split(",")[0], b.action))
            yield SystemCommand(_words(b.tooltip or b.description, lang),
                                _("{name} · key {key}", lang).format(name=_words(b.description, lang), key=key),
                                partial(self.run_action, b.action, screen))
        yield SystemCommand(_("Help: keys", lang), _("Every key of this screen · key ?", lang), self.action_help)
        for command in super().get_system_commands(screen):
            yield command._replace(title=_words(command.title, lang), help=_words(command.help, lang))

    def action_command_palette(self) -> None:
        """The command palette, its prompt in the interface's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder=_("Search for commands…", self.ui_lang),
                                            id="--command-palette"))


def _words(text: str, lang: str) -> str:
    """`text` (English) in `lang`; "" stays "" (gettext would give the catalogue's header)."""
    return _(text, lang) if text else text


def make_app(session_path: Path | None = None, *, codes: dict[str, str] | None = None,
             now: Callable[[], float] = time.time, library: Any = None) -> App:
    """The app: Home without a session, else the console of the session file at `session_path`.

    `codes` (team -> join code) are known only right after creation or regeneration; they are
    shown once in the codes dialog. Raises StoreError or EngineError if the file cannot be opened.
    """
    session = Session.open(Path(session_path), now=now, resume=True) if session_path is not None else None
    return WargameApp(session, codes=codes, now=now, library=library)
