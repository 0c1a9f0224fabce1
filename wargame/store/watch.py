"""A wake-up when a file is written, from the operating system (Linux inotify), costing nothing while it is quiet.

A console that follows a session watches the session's write-ahead log, which every commit writes
to, and looks for news only when it was written, instead of waking many times a second to ask.
Where the system has no inotify (macOS, Windows) or refuses a watch, `watch_file` returns None and
the caller looks on a timer instead.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import sys
from collections.abc import Callable
from pathlib import Path

IN_MODIFY = 0x00000002
"""inotify: the file was written to (or truncated)."""
IN_NONBLOCK = os.O_NONBLOCK  # inotify_init1's flags are the open(2) ones
IN_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class FileWatch:
    """An inotify descriptor watching one file: readable after each write; `on_write` calls back from
    the running event loop, in its own thread. Close it to stop."""

    def __init__(self, fd: int) -> None:
        self.fd: int | None = fd
        self._loop: asyncio.AbstractEventLoop | None = None

    def fileno(self) -> int:
        if self.fd is None:
            raise ValueError("the file watch is closed")
        return self.fd

    def on_write(self, callback: Callable[[], object]) -> None:
        """Call `callback` from the running event loop each time the file was written (writes that come
        together wake it once). One callback per watch: a second one replaces the first."""
        fd = self.fileno()

        def woken() -> None:
            self.drain()
            callback()

        self._forget()
        loop = asyncio.get_running_loop()
        loop.add_reader(fd, woken)
        self._loop = loop

    def drain(self) -> bool:
        """Take the pending wake-ups; whether there were any."""
        fd, woken = self.fd, False
        while fd is not None:
            try:
                if not os.read(fd, 4096):
                    break
            except (BlockingIOError, InterruptedError):
                break
            woken = True
        return woken

    def close(self) -> None:
        """Stop watching (and stop calling back). Safe to repeat."""
        self._forget()
        fd, self.fd = self.fd, None
        if fd is not None:
            os.close(fd)

    def _forget(self) -> None:
        loop, self._loop = self._loop, None
        if loop is not None and self.fd is not None and not loop.is_closed():
            loop.remove_reader(self.fd)


def watch_file(path: Path | str) -> FileWatch | None:
    """A watch on the writes to the file at `path`, or None where the system offers none (or the file is missing)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        init, add = libc.inotify_init1, libc.inotify_add_watch
    except (OSError, AttributeError):
        return None
    add.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
    fd = init(IN_NONBLOCK | IN_CLOEXEC)
    if fd < 0:
        return None  # e.g. the per-user limit of inotify instances is reached
    if add(fd, os.fsencode(os.fspath(path)), IN_MODIFY) < 0:
        os.close(fd)
        return None
    return FileWatch(fd)
