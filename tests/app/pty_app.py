"""An app in a process of its own on a pseudo-terminal, as in a real terminal window: keys in, screen out,
and the window closed (the terminal's side of the pty shut, so the kernel hangs the app up)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import sqlite3
import struct
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class PtyApp:
    def __init__(self, args: list[str], env: dict[str, str], size: tuple[int, int] = (80, 24)) -> None:
        self.output = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the app, with the pty as its terminal
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "wargame", *args],
                      {**env, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)})
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.status: int | None = None

    def read(self, seconds: float) -> None:
        """Take in what the app writes for `seconds` (it must be read, or the app blocks writing)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and self.fd >= 0:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:  # the app is gone
                    return

    def wait_for(self, text: bytes, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while text not in self.output:
            assert time.monotonic() < end and self.alive(), f"{text!r} never shown: {self.output[-2000:]!r}"
            self.read(0.1)

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def close_window(self) -> None:
        """What closing the terminal window does: the terminal's end goes, the app gets SIGHUP."""
        os.close(self.fd)
        self.fd = -1

    def signal(self, sig: int = signal.SIGTERM) -> None:
        os.kill(self.pid, sig)

    def alive(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is None

    def wait_exit(self, timeout: float = 20) -> int:
        """The app's exit code (negative: killed by that signal), once it has ended by itself."""
        end = time.monotonic() + timeout
        while self.alive():
            if time.monotonic() > end:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                raise AssertionError(f"the app did not end: {self.output[-2000:]!r}")
            self.read(0.1) if self.fd >= 0 else time.sleep(0.05)
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        return os.waitstatus_to_exitcode(self.status)  # type: ignore[arg-type]


def count_events(path: Path) -> int:
    """Events in the file at `path`, read by a connection of its own (closed again)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def wait_for_events(path: Path, count: int, app: PtyApp, timeout: float = 20) -> None:
    """Until the session file holds `count` events (what the keys sent to `app` recorded)."""
    end = time.monotonic() + timeout
    while count_events(path) < count:
        assert time.monotonic() < end and app.alive(), f"{count_events(path)} events, not {count}"
        app.read(0.1)


def main_file_only(path: Path, folder: Path) -> Path:
    """A copy of the session's main file alone (no -wal, no -shm), as a backup or a mail would take it."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / path.name
    copy.write_bytes(path.read_bytes())
    assert not Path(f"{copy}-wal").exists()
    return copy
