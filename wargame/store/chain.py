"""The log's hash chain: each event's hash covers its own fields and the hash of the event before it.

Editing, inserting or deleting any stored event breaks the chain from that event on, so a session
file changed behind wargame's back is named by the first event whose hash no longer matches.
"""

from __future__ import annotations

import hashlib

GENESIS = "0" * 64
"""The `previous hash` of the first event."""


def link(previous: str, event_id: int, key: str, kind: str, actor: str, at: float, data: str) -> str:
    """The hash of one event (its stored JSON text `data`, its time exactly as float.hex) chained to `previous`."""
    text = f"{previous}\x1f{event_id}\x1f{key}\x1f{kind}\x1f{actor}\x1f{float(at).hex()}\x1f{data}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
