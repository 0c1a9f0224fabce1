"""The SQLite event log of a session: append, read, concurrency, the hash chain. Knows nothing of the rules."""

from .paths import SUFFIX, new_session_path, recent, resolve, sessions_dir
from .record import Event
from .sqlite import (
           SCHEMA_VERSION,
           Conflict,
           EventStore,
           PermissionDenied,
           StoreError,
           Writer,
)

__all__ = ["SCHEMA_VERSION", "SUFFIX", "Conflict", "Event", "EventStore", "PermissionDenied", "StoreError", "Writer",
           "new_session_path", "recent", "resolve", "sessions_dir"]
