"""The content library: every scenario, inject, team, deck and hot-wash question, cross-checked."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Deck, HotwashQuestion, Inject, ReferenceSheet, Scenario, Team, scenario_injects
from ..model.base import ID_PATTERN
from ..model.files import FILE_KINDS, DeckFile, HotwashFile, InjectFile, ReferenceFile, TeamFile
from ..model.inject import DATE_PATTERN
from ..model.validation import ValidationError, validate
from .errors import ContentError, Problem
from .yamlread import Document, dotted, explain, key_node, read

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails


@dataclass
class Library:
    """All content of one load, by id. Built only when every file is valid."""

    scenarios: dict[str, Scenario] = field(default_factory=dict)
    injects: dict[str, Inject] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    decks: dict[str, Deck] = field(default_factory=dict)
    hotwash: dict[str, HotwashQuestion] = field(default_factory=dict)
    reference: dict[str, ReferenceSheet] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    """Where each id was defined, as ``path:line``."""

    def scenario_injects(self, scenario_id: str) -> list[Inject]:
        """A scenario's injects in in-world order."""
        return scenario_injects(self.injects.values(), scenario_id)


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files in `paths`, folders searched recursively, in a stable order."""
    return _collect(paths, os.getcwd())[0]


YAML_SUFFIXES = (".yaml", ".yml")


def _collect(paths: Iterable[Path], cwd: str) -> tuple[list[Path], list[Problem]]:
    """The files to read: each path that is not a folder (`read` says what is wrong with it), and the
    YAML files in each folder; with the problems of folders that cannot be searched or hold none."""
    files: list[Path] = []
    problems: list[Problem] = []
    for p in paths:
        if os.path.isdir(p):
            found, unreadable = _search(p, cwd)
            files += found
            problems += unreadable
        else:
            files.append(p)
    return files, problems


def _search(folder: Path, cwd: str) -> tuple[list[Path], list[Problem]]:
    """The YAML files under `folder`, sorted. Links to files are followed (`read` reports broken ones and
    loops), links to folders are not, as `Path.rglob` does: no walk can go round in a circle."""
    problems: list[Problem] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        problems.append(Problem(_shown(where, cwd), 1, "", f"cannot read folder: {exc.strerror or exc}"))

    found = [q for parent, _, names in os.walk(folder, onerror=unreadable)
             for q in map(Path(parent).joinpath, names) if q.suffix in YAML_SUFFIXES]
    if not found and not problems:
        problems.append(Problem(_shown(folder, cwd), 1, "", "no YAML files (.yaml or .yml) in this folder"))
    return sorted(found), problems


def load(paths: Iterable[Path], base: Library | None = None) -> Library:
    """Load and cross-check the files in `paths` (on top of `base`); raise ContentError on any problem."""
    lib = Library()
    if base is not None:
        for name in ("scenarios", "injects", "teams", "decks", "hotwash", "reference", "origin"):
            getattr(lib, name).update(getattr(base, name))
    cwd = os.getcwd()
    files, problems = _collect(paths, cwd)
    defined: dict[str, Where] = {}
    for path in files:
        doc, found = read(path, _shown(path, cwd))
        problems += found
        if doc is not None:  # the node tree is dropped after each file: keeping them all is slow
            problems += _add(lib, doc, defined, path)
    if not problems:  # with a file missing, its ids would be reported as unknown everywhere
        problems += check_references(lib, defined)
    if problems:
        raise ContentError(problems)
    return lib


def _shown(path: Path, cwd: str) -> str:
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


Where = tuple[Path, str, tuple[Any, ...]]
"""Where an id is defined: the file, the file as shown, and the location in it."""


def _add(lib: Library, doc: Document, defined: dict[str, Where], source: Path) -> list[Problem]:
    data = doc.data
    if not isinstance(data, dict) or len(data) == 0:
        return [Problem(doc.path, 1, "", f"expected a mapping with one of: {', '.join(FILE_KINDS)}")]
    kinds = [k for k in FILE_KINDS if k in data]
    if len(kinds) != 1:
        line = doc.line_of((kinds[1],)) if len(kinds) > 1 else doc.line_of(())
        return [Problem(doc.path, line, "", f"cannot tell what this file holds: expected exactly one of "
                        f"{', '.join(FILE_KINDS)} at the top level, found {', '.join(data) or 'nothing'}")]
    model = FILE_KINDS[kinds[0]]
    try:
        parsed = validate(model, data)
    except ValidationError as exc:
        return [_problem(doc, err) for err in exc.errors(include_url=False)]
    return _register(lib, doc, parsed, defined, source)


def _problem(doc: Document, err: ErrorDetails) -> Problem:
    loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
    loc = _strip_union(doc, loc)
    if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        key = key_node(doc, loc)
        line = key.start_mark.line + 1 if key is not None else doc.line_of(loc)
        return Problem(doc.path, line, dotted(loc), "unknown field")
    if err["type"] == "missing":
        return Problem(doc.path, doc.line_of(loc[:-1]), dotted(loc), "required field is missing")
    message = explain(doc, loc, err["msg"], err["type"])
    if message == err["msg"]:
        message = _plain(err)
    return Problem(doc.path, doc.line_of(loc), dotted(loc), message)


_PATTERNS = {
    ID_PATTERN: "an id is lowercase letters, digits and dashes, at most 64, starting with a letter or digit",
    DATE_PATTERN: "a date is written YYYY, YYYY-MM or YYYY-MM-DD, quoted",
}


def _plain(err: ErrorDetails) -> str:
    """Pydantic's message, with the value the author wrote where that helps."""
    ctx = err.get("ctx") or {}
    if err["type"] == "literal_error" and "expected" in ctx:
        return f"{err['input']!r} is not one of {ctx['expected']}"
    if err["type"] == "string_pattern_mismatch" and ctx.get("pattern") in _PATTERNS:
        return f"{err['input']!r} is not allowed: {_PATTERNS[ctx['pattern']]}"
    if err["type"] == "value_error" and err["msg"].startswith("Value error, "):
        return err["msg"][len("Value error, "):]
    return err["msg"]


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


def _register(lib: Library, doc: Document, parsed: Any, defined: dict[str, Where], source: Path) -> list[Problem]:
    """Add a valid file's content; an id defined twice in one load is an error (one from `base` is replaced).

    `defined` records where each id of this load is, for the reference check."""
    problems: list[Problem] = []

    def put(table: dict[str, Any], kind: str, obj: Any, loc: tuple[Any, ...]) -> None:
        key = kind + ":" + obj.id
        if key in defined:
            problems.append(Problem(doc.path, doc.line_of(loc + ("id",)), dotted(loc + ("id",)),
                                    f"{kind} id {obj.id!r} is already defined at {lib.origin[key]}"))
            return
        defined[key] = (source, doc.path, loc)
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
    elif isinstance(parsed, ReferenceFile):
        for i, sheet in enumerate(parsed.reference):
            put(lib.reference, "reference sheet", sheet, ("reference", i))
    return problems


def check_references(lib: Library, where: dict[str, Where] | None = None) -> list[Problem]:
    """Every id a file names must exist in the library.

    `where` (from `load`) locates each id's definition, so a problem names the line and field
    of the reference itself (the file is read again for that); without it, the line of the
    owner's definition is given."""
    problems: list[Problem] = []
    where = where or {}
    docs: dict[Path, Document | None] = {}

    def report(owner: str, sub: tuple[Any, ...], message: str) -> None:
        doc = None
        if owner in where:
            source, shown, loc = where[owner]
            if source not in docs:
                docs[source] = read(source, shown)[0]
            doc = docs[source]
        if doc is not None:
            problems.append(Problem(doc.path, doc.line_of(loc + sub), dotted(loc + sub), message))
        else:
            path, _, line = lib.origin[owner].rpartition(":")
            problems.append(Problem(path, int(line), owner.partition(":")[2] + "." + dotted(sub), message))

    def missing(kind: str, owner: str, sub: tuple[Any, ...], ref: str, table: dict[str, Any]) -> None:
        if ref not in table:
            report(owner, sub, f"unknown {kind} {ref!r}")

    tracks = {t.id for deck in lib.decks.values() for t in deck.tracks}
    for inj in lib.injects.values():
        owner = "inject:" + inj.id
        if inj.scenario is not None:
            missing("scenario", owner, ("scenario",), inj.scenario, lib.scenarios)
        for i, t in enumerate(inj.targets):
            if t != "all":
                missing("team", owner, ("targets", i), t, lib.teams)
        if inj.cell is not None:
            missing("team", owner, ("cell",), inj.cell, lib.teams)
            if inj.cell in lib.teams and not lib.teams[inj.cell].white_cell:
                report(owner, ("cell",), f"team {inj.cell!r} is not a white cell")
        for o, opt in enumerate(inj.options):
            if opt.follow_up:
                missing("inject", owner, ("options", o, "follow_up"), opt.follow_up, lib.injects)
            for k, push in enumerate(opt.tracks):
                if push.track not in tracks:
                    report(owner, ("options", o, "tracks", k, "track"),
                           f"unknown track {push.track!r}: no deck defines it")
        for k, push in enumerate(inj.tracks):
            if push.track not in tracks:
                report(owner, ("tracks", k, "track"), f"unknown track {push.track!r}: no deck defines it")
        for k, ref in enumerate(inj.after):
            missing("inject", owner, ("after", k), ref, lib.injects)
            if ref == inj.id:
                report(owner, ("after", k), "an inject cannot come after itself")
        versioned: set[str] = set()
        for v, version in enumerate(inj.versions):
            missing("team", owner, ("versions", v, "team"), version.team, lib.teams)
            if not inj.reaches(version.team):
                report(owner, ("versions", v, "team"), f"team {version.team!r} has a version but is not a target")
            if version.team in versioned:
                report(owner, ("versions", v, "team"), f"team {version.team!r} has two versions")
            versioned.add(version.team)
    for deck in lib.decks.values():
        owner = "deck:" + deck.id
        seen: set[str] = set()
        for i, t in enumerate(deck.teams):
            missing("team", owner, ("teams", i), t, lib.teams)
            if t in seen:
                report(owner, ("teams", i), f"team {t!r} is listed twice")
            if t in lib.teams and lib.teams[t].white_cell:
                report(owner, ("teams", i), f"{t!r} is a white cell, played by control: list it under white_cells")
            seen.add(t)
        for i, t in enumerate(deck.white_cells):
            missing("team", owner, ("white_cells", i), t, lib.teams)
            if t in seen:
                report(owner, ("white_cells", i), f"team {t!r} is listed twice")
            if t in lib.teams and not lib.teams[t].white_cell:
                report(owner, ("white_cells", i), f"team {t!r} is not a white cell: list it under teams")
            seen.add(t)
        for i, q in enumerate(deck.hotwash):
            missing("hot-wash question", owner, ("hotwash", i), q, lib.hotwash)
        briefed: set[str] = set()
        for b, brief in enumerate(deck.briefs):
            if brief.team not in deck.teams and brief.team not in deck.white_cells:
                report(owner, ("briefs", b, "team"), f"team {brief.team!r} has a brief but does not play in this deck")
            if brief.team in briefed:
                report(owner, ("briefs", b, "team"), f"team {brief.team!r} has two briefs")
            briefed.add(brief.team)
            ids = [o.id for o in brief.objectives]
            for o, oid in enumerate(ids):
                if oid in ids[:o]:
                    report(owner, ("briefs", b, "objectives", o, "id"), f"objective {oid!r} is listed twice")
            for k, ref in enumerate(brief.injects):
                missing("inject", owner, ("briefs", b, "injects", k), ref, lib.injects)
                private = lib.injects.get(ref)
                if private is not None and tuple(private.targets) != (brief.team,):
                    report(owner, ("briefs", b, "injects", k),
                           f"inject {ref!r} is in {brief.team!r}'s brief, so it must target that team alone")
        track_ids = [t.id for t in deck.tracks]
        for n, tid in enumerate(track_ids):
            if tid in track_ids[:n]:
                report(owner, ("tracks", n, "id"), f"track {tid!r} is defined twice")
        for r, rnd in enumerate(deck.rounds):
            for k, ref in enumerate(rnd.bench):
                missing("inject", owner, ("rounds", r, "bench", k), ref, lib.injects)
            for s, slot in enumerate(rnd.injects):
                at = ("rounds", r, "injects", s)
                if slot.fixed:
                    missing("inject", owner, at + ("fixed",), slot.fixed, lib.injects)
                if slot.draw:
                    for k, ref in enumerate(slot.draw.pool):
                        missing("inject", owner, at + ("draw", "pool", k), ref, lib.injects)
                    if slot.draw.scenario:
                        missing("scenario", owner, at + ("draw", "scenario"), slot.draw.scenario, lib.scenarios)
    return problems
