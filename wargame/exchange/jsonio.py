"""The complete session as JSON: every event, so export → import → export gives the same JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..engine.events import KINDS, SCHEMA_VERSION, Event
from ..store.sqlite import EventStore

FORMAT = "wargame-session"


class ImportProblem(ValueError):
    """A JSON file that is not a complete wargame session export; the message names file and field."""


def session_json(store: EventStore) -> str:
    """The whole log of a session as stable, pretty JSON."""
    doc = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "events": [e.to_json() for e in store.events()]}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def read_export(path: Path) -> list[Event]:
    """Events from a JSON export, checked; raises ImportProblem naming what is wrong."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportProblem(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportProblem(f"{path}: format: not a wargame session export")
    if not isinstance(doc.get("schema_version"), int) or doc["schema_version"] > SCHEMA_VERSION:
        raise ImportProblem(f"{path}: schema_version: {doc.get('schema_version')!r} is not one this wargame reads")
    raw = doc.get("events")
    if not isinstance(raw, list) or not raw:
        raise ImportProblem(f"{path}: events: expected a non-empty list")
    out: list[Event] = []
    last = 0
    for n, item in enumerate(raw):
        out.append(_event(path, n, item, last))
        last = out[-1].id
    if out[0].kind != "session_created":
        raise ImportProblem(f"{path}: events[0].kind: the first event must be session_created")
    return out


def _event(path: Path, n: int, item: Any, last: int) -> Event:
    where = f"{path}: events[{n}]"
    if not isinstance(item, dict):
        raise ImportProblem(f"{where}: expected an object")
    spec = {"id": int, "key": str, "kind": str, "actor": str, "at": (int, float), "data": dict}
    for name, typ in spec.items():
        if not isinstance(item.get(name), typ) or isinstance(item.get(name), bool):
            raise ImportProblem(f"{where}.{name}: missing or of the wrong type")
    if item["kind"] not in KINDS:
        raise ImportProblem(f"{where}.kind: unknown event kind {item['kind']!r}")
    if item["id"] <= last:
        raise ImportProblem(f"{where}.id: ids must increase")
    return Event(item["id"], item["key"], item["kind"], item["actor"], float(item["at"]), item["data"])
