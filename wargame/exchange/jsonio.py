"""The complete session as JSON: every event, so export → import → export gives the same JSON.

An export holds no join-code material (the hashes live beside the log, not in it); an import
issues fresh codes. Exports of schema 1, which carried code hashes in their events, are upcast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..engine.events import KINDS
from ..engine.state import CONTENT
from ..store import SCHEMA_VERSION, Event, EventStore
from ..store.upcast import without_codes
from ..views.visibility import complete_log

FORMAT = "wargame-session"


class ImportProblem(ValueError):
    """A JSON file that is not a complete wargame session export; the message names file and field."""


def session_json(store: EventStore, *, team: str | None = None) -> str:
    """The whole log of a session as stable, pretty JSON; ValueError for a team (`complete_log`)."""
    complete_log(team)
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
    if not isinstance(doc.get("schema_version"), int) or not 1 <= doc["schema_version"] <= SCHEMA_VERSION:
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
    _check_content(path, out[0].data.get("content"))
    return out


def _check_content(path: Path, content: Any) -> None:
    """The content a session was created with, checked as strictly as content files are."""
    from ..model.validation import ValidationError, validate

    where = f"{path}: events[0].data.content"
    if not isinstance(content, dict) or set(content) != set(CONTENT):
        raise ImportProblem(f"{where}: expected an object with {', '.join(CONTENT)}")
    for part, model in CONTENT.items():
        items = [content[part]] if part == "deck" else content[part]
        if not isinstance(items, list):
            raise ImportProblem(f"{where}.{part}: expected a list")
        for n, item in enumerate(items):
            try:
                validate(model, item)
            except ValidationError as exc:
                err = exc.errors(include_url=False)[0]
                at = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"])
                index = "" if part == "deck" else f"[{n}]"
                raise ImportProblem(f"{where}.{part}{index}{at}: {err['msg']}") from None


def _event(path: Path, n: int, item: Any, last: int) -> Event:
    where = f"{path}: events[{n}]"
    if not isinstance(item, dict):
        raise ImportProblem(f"{where}: expected an object")
    spec: dict[str, type | tuple[type, ...]] = {"id": int, "key": str, "kind": str, "actor": str,
                                                "at": (int, float), "data": dict}
    for name, typ in spec.items():
        if not isinstance(item.get(name), typ) or isinstance(item.get(name), bool):
            raise ImportProblem(f"{where}.{name}: missing or of the wrong type")
    if item["kind"] not in KINDS:
        raise ImportProblem(f"{where}.kind: unknown event kind {item['kind']!r}")
    if item["id"] <= last:
        raise ImportProblem(f"{where}.id: ids must increase")
    data, _codes = without_codes(item["kind"], item["data"])  # an old export's code hashes are not carried over
    return Event(item["id"], item["key"], item["kind"], item["actor"], float(item["at"]), data)
