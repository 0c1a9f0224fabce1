"""The log's hash chain: each event's hash covers its own fields and the hash of the event before it.

Editing, inserting or deleting any stored event breaks the chain from that event on, so a session
file changed behind wargame's back is named by the first event whose hash no longer matches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from operator import methodcaller
from typing import Any

GENESIS = "0" * 64
"""The `previous hash` of the first event."""
_SEP = "\x1f"
_UTF8 = methodcaller("encode", "utf-8", "surrogatepass")
_HEX = methodcaller("hexdigest")


def link(previous: str, event_id: int, key: str, kind: str, actor: str, at: float, data: str) -> str:
    """The hash of one event (its stored JSON text `data`, its time exactly as float.hex) chained to `previous`."""
    text = f"{previous}{_SEP}{event_id}{_SEP}{key}{_SEP}{kind}{_SEP}{actor}{_SEP}{float(at).hex()}{_SEP}{data}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def continues(previous_id: int, previous: str, rows: Sequence[tuple[Any, ...]]) -> bool:
    """Whether stored rows (id, key, kind, actor, at, data, hash) carry the chain on from the event
    `previous_id` whose hash is `previous`: ids one after another and every hash the `link` over its
    row. It asks exactly what a loop of `link` would, in C-level loops (zip, map) with no Python code
    per row; the SHA-256 per event stays. False (a mistyped field too) says only that something is
    off: the caller's loop over the rows names the first break."""
    if not rows:
        return True
    try:
        ids, keys, kinds, actors, ats, datas, hashes = zip(*rows, strict=True)
        if ids != tuple(range(previous_id + 1, previous_id + 1 + len(ids))):
            return False
        texts = map(_SEP.join, zip((previous, *hashes[:-1]), map(str, ids), keys, kinds, actors,
                                   map(float.hex, ats), datas, strict=True))
        digests = map(_HEX, map(hashlib.sha256, map(_UTF8, texts)))
        return tuple(digests) == hashes
    except (TypeError, ValueError):  # a field of another type than was written: no link holds
        return False
