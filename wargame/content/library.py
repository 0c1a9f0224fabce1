"""The content library: every scenario, inject, team, deck and hot-wash question, cross-checked."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from ..model import (
    Deck, DeckFile, FILE_KINDS, HotwashFile, HotwashQuestion, Inject, InjectFile, Scenario, Team,
    TeamFile,
)
from .errors import ContentError, Problem
from .yamlread import Document, dotted, explain, key_node, read


@dataclass
class Library:
    """All content of one load, by id. Built only when every file is valid."""

    scenarios: dict[str, Scenario] = field(default_factory=dict)
    injects: dict[str, Inject] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    decks: dict[str, Deck] = field(default_factory=dict)
    hotwash: dict[str, HotwashQuestion] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    """Where each id was defined, as ``path:line``."""

    def scenario_injects(self, scenario_id: str) -> list[Inject]:
        """A scenario's injects in in-world order."""
        return sorted((i for i in self.injects.values() if i.scenario == scenario_id), key=lambda i: i.date)

    def scenario_in(self, erosion: str, rapprochement: str) -> Scenario | None:
        """The scenario of a quadrant, by level on each axis."""
        for s in self.scenarios.values():
            if s.quadrant.erosion == erosion and s.quadrant.rapprochement == rapprochement:
                return s
        return None

    def deck_teams(self, deck: Deck) -> list[Team]:
        return [self.teams[t] for t in deck.teams]


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files in `paths`, folders searched recursively, in a stable order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
        else:
            out.append(p)
    return out


def load(paths: Iterable[Path], base: Library | None = None) -> Library:
    """Load and cross-check the files in `paths` (on top of `base`); raise ContentError on any problem."""
    problems: list[Problem] = []
    lib = Library()
    if base is not None:
        for name in ("scenarios", "injects", "teams", "decks", "hotwash", "origin"):
            getattr(lib, name).update(getattr(base, name))
    cwd = os.getcwd()
    defined: set[str] = set()
    for path in yaml_files(paths):
        doc, found = read(path, _shown(path, cwd))
        problems += found
        if doc is not None:
            problems += _add(lib, doc, defined)
    if not problems:
        problems += check_references(lib)
    if problems:
        raise ContentError(problems)
    return lib


def _shown(path: Path, cwd: str) -> str:
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _add(lib: Library, doc: Document, defined: set[str]) -> list[Problem]:
    data = doc.data
    if not isinstance(data, dict) or len(data) == 0:
        return [Problem(doc.path, 1, "", f"expected a mapping with one of: {', '.join(FILE_KINDS)}")]
    kinds = [k for k in FILE_KINDS if k in data]
    if len(kinds) != 1:
        return [Problem(doc.path, 1, "", f"cannot tell what this file holds: expected exactly one of "
                        f"{', '.join(FILE_KINDS)} at the top level, found {', '.join(data) or 'nothing'}")]
    model = FILE_KINDS[kinds[0]]
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        return [_problem(doc, err) for err in exc.errors(include_url=False)]
    return _register(lib, doc, parsed, defined)


def _problem(doc: Document, err: dict[str, Any]) -> Problem:
    loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
    loc = _strip_union(doc, loc)
    if err["type"] == "extra_forbidden":
        key = key_node(doc, loc)
        line = key.start_mark.line + 1 if key is not None else doc.line_of(loc)
        return Problem(doc.path, line, dotted(loc), "unknown field")
    if err["type"] == "missing":
        return Problem(doc.path, doc.line_of(loc[:-1]), dotted(loc), "required field is missing")
    message = explain(doc, loc, err["msg"], err["type"])
    return Problem(doc.path, doc.line_of(loc), dotted(loc), message)


def _strip_union(doc: Document, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the type names pydantic puts into union locations, keeping the real field path."""
    out: list[Any] = []
    for part in loc:
        trial = tuple(out) + (part,)
        if isinstance(part, str) and doc.node_at(trial)[1] is False and doc.node_at(tuple(out))[1] and \
                ("[" in part or part in ("str", "int", "none", "Text", "function-after")):
            continue
        out.append(part)
    return tuple(out)


def _register(lib: Library, doc: Document, parsed: Any, defined: set[str]) -> list[Problem]:
    """Add a valid file's content; an id defined twice in one load is an error (one from `base` is replaced)."""
    problems: list[Problem] = []

    def put(table: dict[str, Any], kind: str, obj: Any, loc: tuple[Any, ...]) -> None:
        key = kind + ":" + obj.id
        if key in defined:
            problems.append(Problem(doc.path, doc.line_of(loc + ("id",)), dotted(loc + ("id",)),
                                    f"{kind} id {obj.id!r} is already defined at {lib.origin[key]}"))
            return
        defined.add(key)
        table[obj.id] = obj
        lib.origin[key] = f"{doc.path}:{doc.line_of(loc)}"

    if isinstance(parsed, InjectFile):
        if parsed.scenario is not None:
            put(lib.scenarios, "scenario", parsed.scenario, ("scenario",))
        for i, inj in enumerate(parsed.injects):
            put(lib.injects, "inject", inj, ("injects", i))
    elif isinstance(parsed, DeckFile):
        put(lib.decks, "deck", parsed.deck, ("deck",))
    elif isinstance(parsed, TeamFile):
        for i, team in enumerate(parsed.teams):
            put(lib.teams, "team", team, ("teams", i))
    elif isinstance(parsed, HotwashFile):
        for i, q in enumerate(parsed.hotwash):
            put(lib.hotwash, "hotwash", q, ("hotwash", i))
    return problems


def check_references(lib: Library) -> list[Problem]:
    """Every id a file names must exist in the library."""
    problems: list[Problem] = []

    def missing(kind: str, owner: str, field_name: str, ref: str, table: dict[str, Any]) -> None:
        if ref not in table:
            path, _, line = lib.origin[owner].rpartition(":")
            problems.append(Problem(path, int(line), field_name, f"unknown {kind} {ref!r}"))

    for inj in lib.injects.values():
        owner = "inject:" + inj.id
        if inj.scenario is not None:
            missing("scenario", owner, f"{inj.id}.scenario", inj.scenario, lib.scenarios)
        for t in inj.targets:
            if t != "all":
                missing("team", owner, f"{inj.id}.targets", t, lib.teams)
        for opt in inj.options:
            if opt.follow_up:
                missing("inject", owner, f"{inj.id}.options.{opt.id}.follow_up", opt.follow_up, lib.injects)
    for deck in lib.decks.values():
        owner = "deck:" + deck.id
        for t in deck.teams:
            missing("team", owner, "deck.teams", t, lib.teams)
        if len(set(deck.teams)) != len(deck.teams):
            path, _, line = lib.origin[owner].rpartition(":")
            problems.append(Problem(path, int(line), "deck.teams", "a team is listed twice"))
        for q in deck.hotwash:
            missing("hot-wash question", owner, "deck.hotwash", q, lib.hotwash)
        for r, rnd in enumerate(deck.rounds):
            for s, slot in enumerate(rnd.injects):
                where = f"deck.rounds[{r}].injects[{s}]"
                if slot.fixed:
                    missing("inject", owner, where + ".fixed", slot.fixed, lib.injects)
                if slot.draw:
                    for ref in slot.draw.pool:
                        missing("inject", owner, where + ".draw.pool", ref, lib.injects)
                    if slot.draw.scenario:
                        missing("scenario", owner, where + ".draw.scenario", slot.draw.scenario, lib.scenarios)
    return problems
