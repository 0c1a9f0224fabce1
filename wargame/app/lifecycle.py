"""How the apps end: every way out (q, Ctrl-C, an exception, SIGTERM, SIGHUP) closes the session file.

Closing is what puts a session's last events into its main file (SQLite folds the write-ahead log
back in when the last connection closes), so a copy of that one file holds everything. SIGTERM,
SIGHUP (the terminal window closed) and SIGINT would end the process on the spot; while an app
runs they ask it to exit instead, and the session is closed on the way out.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import FrameType
from typing import Any

from textual.app import App

from wargame.views.i18n import gettext as _

EXIT_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, n))


@contextmanager
def exit_on_signals(app: App[Any]) -> Iterator[None]:
    """While the block runs, an exit signal asks `app` to exit, so its shutdown and `finally` run."""

    def ask_exit(signum: int, _frame: FrameType | None) -> None:
        if signum == getattr(signal, "SIGHUP", None):
            terminal_gone()
        try:  # a handler runs in the main thread, where the app's event loop runs
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise SystemExit(128 + signum) from None  # before the loop starts or after it ends: unwind
        loop.call_soon_threadsafe(app.exit, None, 128 + signum)

    previous: dict[int, Any] = {}
    try:
        for sig in EXIT_SIGNALS:
            previous[sig] = signal.signal(sig, ask_exit)
    except ValueError:  # not the main thread, where signals cannot be caught
        pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def terminal_gone() -> None:
    """The terminal hung up. Its hangup also sends SIGCONT, on which Textual would start drawing
    again (a new output thread, which dies writing to the dead terminal and leaves the shutdown
    waiting for it forever); and writing to it fails. So: no restart, and output goes nowhere."""
    if hasattr(signal, "SIGCONT"):
        signal.signal(signal.SIGCONT, signal.SIG_DFL)
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        for fd in (1, 2):
            os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass


class ClosesSession:
    """Mixin for an App with a `session`: closed once, on unmount and after `run`, however the app ends."""

    session: Any
    _session_closed: Any = None
    """The session this app last closed (not `_closed`: that name is Textual's own, on every App)."""
    close_problem = ""

    def close_session(self) -> None:
        """Close the session file (once); a failure is kept to be told after the app ends."""
        session = self.session
        if session is None or session is self._session_closed:
            return
        self._session_closed = session
        try:
            session.close()
        except Exception as exc:  # noqa: BLE001 - the app is ending: say it, do not hide why it ended
            self.close_problem = f"{session.store.path}: {exc}"

    def on_unmount(self) -> None:
        self.close_session()

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """App.run with the exit signals caught; the session is closed whichever way it ends."""
        try:
            with exit_on_signals(self):  # type: ignore[arg-type]
                return super().run(*args, **kwargs)  # type: ignore[misc]
        finally:
            self.close_session()
            if self.close_problem:
                lang = str(getattr(self, "ui_lang", "en"))  # the app's: the session's, or the one it chose
                message = _("the session file was not closed cleanly ({problem})", lang)
                with suppress(OSError):  # the terminal is gone
                    print("wargame: " + message.format(problem=self.close_problem), file=sys.stderr)
