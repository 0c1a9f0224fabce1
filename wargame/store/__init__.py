"""The SQLite event log of a session: append, read, concurrency. Knows nothing of the rules."""

from .paths import SUFFIX, recent, resolve, sessions_dir
from .sqlite import EventStore, PermissionDenied, Role, StoreError

__all__ = ["SUFFIX", "recent", "resolve", "sessions_dir", "EventStore", "PermissionDenied", "Role", "StoreError"]
