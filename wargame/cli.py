"""The command line: parses arguments and hands each command to the module that does the work.

Heavy modules (Textual, ReportLab, the engine) are imported inside the command that needs them,
so `validate`, `list` and `schema` start fast and stay free of UI code.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence

from . import __version__

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command was called wrongly; exit 2."""


def _err(message: str) -> None:
    print(message, file=sys.stderr)


# --- content commands -------------------------------------------------------------------------

def cmd_validate(args: argparse.Namespace) -> int:
    from .content import ContentError, builtin_library, load

    paths = [Path(p) for p in args.paths]
    for p in paths:
        if not p.exists():
            raise UsageError(f"no such file or folder: {p}")
    try:
        lib = load(paths, base=builtin_library()) if paths else builtin_library()
    except ContentError as exc:
        for problem in exc.problems:
            _err(str(problem))
        _err(f"invalid: {len(exc.problems)} problem(s)")
        return EXIT_INVALID
    print(f"valid: {len(lib.scenarios)} scenarios, {len(lib.injects)} injects, "
          f"{len(lib.teams)} teams, {len(lib.decks)} decks, {len(lib.hotwash)} hot-wash questions")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from .content import builtin_library

    lib = builtin_library()
    table = {"scenarios": lib.scenarios, "decks": lib.decks, "injects": lib.injects,
             "teams": lib.teams}[args.what]
    if args.json:
        print(json.dumps([obj.model_dump(mode="json") for obj in table.values()], ensure_ascii=False, indent=2))
        return EXIT_OK
    for obj in table.values():
        print(_list_line(args.what, obj, lib))
    return EXIT_OK


def _list_line(what: str, obj, lib) -> str:  # noqa: ANN001 - one of the content models
    if what == "scenarios":
        count = len(lib.scenario_injects(obj.id))
        return (f"{obj.number}  {obj.id:<22} {obj.title.nl} / {obj.title.en}  "
                f"(erosion {obj.quadrant.erosion}, rapprochement {obj.quadrant.rapprochement}; {count} injects)")
    if what == "decks":
        return f"{obj.id:<22} {obj.title.nl} / {obj.title.en}  ({len(obj.rounds)} rounds, {obj.minutes} min, {len(obj.teams)} teams)"
    if what == "teams":
        return f"{obj.id:<22} {obj.name.nl} / {obj.name.en}"
    return f"{obj.id:<28} {obj.date:<10} {obj.scenario or 'wildcard':<20} {obj.title.nl} / {obj.title.en}"


def cmd_schema(args: argparse.Namespace) -> int:
    from .model import DeckFile, HotwashFile, InjectFile, TeamFile

    model = {"inject": InjectFile, "deck": DeckFile, "teams": TeamFile, "hotwash": HotwashFile}[args.what]
    schema = model.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = f"wargame {args.what} file"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return EXIT_OK


# --- parser -----------------------------------------------------------------------------------

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wargame",
        description="Run tabletop policy exercises on the four futures of the Clingendael Alert.",
    )
    parser.add_argument("--version", action="version", version=f"wargame {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check content files; no PATH: the built-in content")
    p.add_argument("paths", nargs="*", metavar="PATH", help="YAML files or folders")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("list", help="list built-in scenarios, decks, injects or teams")
    p.add_argument("what", nargs="?", default="scenarios", choices=["scenarios", "decks", "injects", "teams"])
    p.add_argument("--json", action="store_true", help="every field of every item, as JSON")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("schema", help="JSON Schema of a content file, for editor completion")
    p.add_argument("what", nargs="?", default="inject", choices=["inject", "deck", "teams", "hotwash"])
    p.set_defaults(func=cmd_schema)

    for extend in EXTENSIONS:
        extend(sub)
    return parser


EXTENSIONS: list[Callable[[argparse._SubParsersAction], None]] = []
"""Functions that add more sub-commands (session, report, app commands)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for usage
        return int(exc.code or 0)
    func = getattr(args, "func", None)
    if func is None:
        func = _default_command
    try:
        return func(args)
    except UsageError as exc:
        _err(f"wargame: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _default_command(args: argparse.Namespace) -> int:
    """`wargame` alone: the home screen when the console is installed, else the built-in content."""
    args.what, args.json = "scenarios", False
    return cmd_list(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
