"""The command line: parses arguments and hands each command to the module that does the work.

Heavy modules (Textual, ReportLab, the engine) are imported inside the command that needs them,
so `validate`, `list` and `schema` start fast and stay free of UI code.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .content import Library, Problem
    from .engine.session import Session
    from .model import Deck

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command was called wrongly; exit 2."""


def _err(message: str) -> None:
    print(message, file=sys.stderr)


# --- content commands -------------------------------------------------------------------------

def cmd_validate(args: argparse.Namespace) -> int:
    from .content import ContentError, builtin_library, load

    paths = [Path(p) for p in args.paths]  # load() reports missing and unreadable paths itself
    try:
        lib = load(paths, base=builtin_library()) if paths else builtin_library()
    except ContentError as exc:
        for problem in exc.problems:
            _err(str(problem))
        _err(f"invalid: {len(exc.problems)} problem(s)")
        return EXIT_INVALID
    errors, warnings = _design(lib, builtin_library() if paths else None)
    for problem in warnings:
        _err(f"warning: {problem}")
    if errors:
        for problem in errors:
            _err(str(problem))
        _err(f"invalid: {len(errors)} problem(s)")
        return EXIT_INVALID
    print(f"valid: {len(lib.scenarios)} scenarios, {len(lib.injects)} injects, "
          f"{len(lib.teams)} teams, {len(lib.decks)} decks, {len(lib.hotwash)} hot-wash questions, "
          f"{len(lib.reference)} reference sheets")
    return EXIT_OK


def _design(lib: Library, base: Library | None = None) -> tuple[list[Problem], list[Problem]]:
    """The design errors and warnings (timing, story order) of every deck of `lib` not taken as it is
    from `base` (the files given are checked, not the built-in decks beside them), sorted."""
    from .content.design import deck_problems

    errors: list[Problem] = []
    warnings: list[Problem] = []
    for deck in lib.decks.values():
        if base is not None and deck is base.decks.get(deck.id):
            continue
        found = deck_problems(deck, lib)
        errors += found.errors
        warnings += found.warnings
    return sorted(errors), sorted(warnings)


def cmd_rehearse(args: argparse.Namespace) -> int:
    from .content.decks import resolve_deck
    from .engine.rehearse import rehearse
    from .views.rehearsal import rehearsal_text

    if args.runs < 1:
        raise UsageError("--runs must be at least 1")
    deck, lib = resolve_deck(args.deck)
    figures = rehearse(deck, lib, runs=args.runs, seed=args.seed, rulings=args.rulings)
    if args.json:
        print(json.dumps(figures.as_json(), ensure_ascii=False, indent=2))
    else:
        print(rehearsal_text(figures, lib))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from .content import builtin_library
    from .model import dump

    lib = builtin_library()
    tables: dict[str, dict[str, Any]] = {"scenarios": lib.scenarios, "decks": lib.decks, "injects": lib.injects,
                                         "teams": lib.teams}
    table = tables[args.what]
    if args.json:
        print(json.dumps([dump(obj) for obj in table.values()], ensure_ascii=False, indent=2))
        return EXIT_OK
    for obj in table.values():
        print(_list_line(args.what, obj, lib))
    return EXIT_OK


def _list_line(what: str, obj: Any, lib: Library) -> str:  # obj: one of the content models
    if what == "scenarios":
        count = len(lib.scenario_injects(obj.id))
        return (f"{obj.number}  {obj.id:<22} {obj.title.nl} / {obj.title.en}  "
                f"(erosion {obj.quadrant.erosion}, rapprochement {obj.quadrant.rapprochement}; {count} injects)")
    if what == "decks":
        return (f"{obj.id:<22} {obj.title.nl} / {obj.title.en}  "
                f"({len(obj.rounds)} rounds, {obj.minutes} min, {len(obj.teams)} teams)\n"
                f"{'':<22} {_cast_line(obj, lib)}")
    if what == "teams":
        return f"{obj.id:<22} {obj.name.nl} / {obj.name.en}"
    return f"{obj.id:<28} {obj.date:<10} {obj.scenario or 'wildcard':<20} {obj.title.nl} / {obj.title.en}"


def _cast_line(deck: Deck, lib: Library) -> str:
    """`Dutch Cabinet 5; European Union 3 · white cells: Beijing 1`: who plays a deck, and how many at each table."""
    def seat(tid: str) -> str:
        brief = deck.brief_for(tid)
        team = lib.teams.get(tid)
        name = team.name.en if team else tid
        return f"{name} {brief.players}" if brief and brief.players else name

    line = "players: " + "; ".join(map(seat, deck.teams))
    if deck.white_cells:
        line += " · white cells: " + "; ".join(map(seat, deck.white_cells))
    return line


def cmd_schema(args: argparse.Namespace) -> int:
    from .model.files import DeckFile, HotwashFile, InjectFile, ReferenceFile, TeamFile
    from .model.validation import json_schema

    model = {"inject": InjectFile, "deck": DeckFile, "teams": TeamFile, "hotwash": HotwashFile,
             "reference": ReferenceFile}[args.what]
    schema = json_schema(model)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = f"wargame {args.what} file"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return EXIT_OK


# --- session commands -------------------------------------------------------------------------

def _create(args: argparse.Namespace) -> tuple[Path, dict[str, str]]:
    """Create the session file for DECK; its path and the team codes (shown once)."""
    from .content.decks import resolve_deck
    from .engine.create import create_session

    deck, lib = resolve_deck(args.deck)
    session, codes = create_session(deck, lib, Path(args.session) if args.session else None, lang=args.lang,
                                    seed=args.seed)
    session.close()
    return session.store.path, codes


def cmd_new(args: argparse.Namespace) -> int:
    path, codes = _create(args)
    if args.json:
        print(json.dumps({"session": str(path), "session_id": path.stem, "codes": codes}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"session: {path}")
    _print_codes(codes, "join codes (shown once; regenerate them from the console):")
    print(f"start it with:  wargame resume {path}")
    return EXIT_OK


def _print_codes(codes: dict[str, str], heading: str) -> None:
    print(heading)
    for team, code in codes.items():
        print(f"  {team:<16} {code}")


def _open_session(ref: str | None) -> Path:
    from .store import recent, resolve

    if ref is None:
        found = recent(1)
        if not found:
            raise UsageError("no sessions yet; start one with `wargame run DECK` or `wargame new DECK`")
        return found[0]
    path = resolve(ref)
    if not path.exists():
        raise UsageError(f"no such session: {ref}")
    return path


def cmd_run(args: argparse.Namespace) -> int:
    args.seed = None
    return _run_app(*_create(args))


def cmd_resume(args: argparse.Namespace) -> int:
    return _run_app(_open_session(args.session), None)


def _run_app(path: Path | None, codes: dict[str, str] | None) -> int:
    from .app.app import make_app

    make_app(path, codes=codes).run()
    return EXIT_OK


def cmd_home(args: argparse.Namespace) -> int:
    return _run_app(None, None)


def cmd_join(args: argparse.Namespace) -> int:
    from .app.team import make_team_app

    make_team_app(_open_session(args.session), team=args.team).run()
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .app.serve import serve

    return serve(_open_session(args.session), host=args.host, port=args.port, public_url=args.public_url,
                 max_connections=args.max_connections)


def cmd_export(args: argparse.Namespace) -> int:
    from .engine.session import Session

    path = _open_session(args.session)
    session = Session.open(path)
    try:
        return _export(args, path, session)
    finally:
        session.close()


def _export(args: argparse.Namespace, path: Path, session: Session) -> int:
    from .views.visibility import check_team

    st = session.state
    try:
        check_team(st, args.team)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if st.altered:
        _err(_altered(path, st.altered))
    notes = {"with_controller_notes": args.with_controller_notes} if args.team else {}
    fmt = args.format
    if fmt == "pdf":
        from .report.debrief import write_debrief
        from .store.outputs import default_export

        out = Path(args.output) if args.output else default_export(path)
        pages = write_debrief(st, out, team=args.team, lang=args.lang or st.lang, **notes)
        print(f"wrote {out} ({pages} pages)")
        return EXIT_OK
    if fmt == "json":
        from .exchange.jsonio import session_json

        try:
            text = session_json(session.store, team=args.team)
        except ValueError as exc:
            raise UsageError(f"--team applies to pdf, md and csv; {exc}") from None
    elif fmt == "md":
        from .report.markdown import session_markdown

        text = session_markdown(st, team=args.team, lang=args.lang or st.lang, **notes)
    else:
        from .exchange.csvio import moves_csv

        text = moves_csv(st, team=args.team)
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from .exchange.jsonio import ImportProblem
    from .exchange.restore import import_session

    try:
        path, codes = import_session(Path(args.file), Path(args.session) if args.session else None)
    except ImportProblem as exc:
        _err(str(exc))
        return EXIT_INVALID
    print(f"session: {path}")
    _print_codes(codes, "join codes (new ones; the export carries none):")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from .store import EventStore

    path = _open_session(args.session)
    with EventStore(path) as store:
        problem, (count, _head) = store.verify(), store.head()
        out = store.backup(Path(args.output))
    if problem:
        _err(f"{_altered(path, problem)} (copied as it is to {out})")
        return EXIT_INVALID
    print(f"wrote {out} ({count} events, log intact)")
    return EXIT_OK


def _altered(path: Path, problem: str) -> str:
    return f"wargame: {path}: the log was altered after it was recorded: {problem}"


def cmd_verify(args: argparse.Namespace) -> int:
    from .store import EventStore

    path = _open_session(args.session)
    with EventStore(path) as store:
        problem, (count, head) = store.verify(), store.head()
    if problem:
        _err(_altered(path, problem))
        return EXIT_INVALID
    print(f"{path}: log intact, {count} events; last event's hash {head[:16]}")
    return EXIT_OK


def _deck_document(args: argparse.Namespace, kind: str) -> tuple[Deck, Library, Path]:
    """The deck of a `cards` or `brief` command, checked against `--team`, and where its PDF goes
    (`-o`, else DECK-KIND.pdf or DECK-KIND-TEAM.pdf here)."""
    from .content.decks import resolve_deck
    from .views.packs import deck_cast

    deck, lib = resolve_deck(args.deck)
    cast = deck_cast(deck) if kind == "brief" else deck.teams  # a white cell has a pack, but no cards of its own
    if args.team is not None and args.team not in cast:
        raise UsageError(f"no team {args.team!r} in deck {deck.id}; its teams are: {', '.join(cast)}")
    name = f"{deck.id}-{kind}-{args.team}.pdf" if args.team else f"{deck.id}-{kind}.pdf"
    return deck, lib, Path(args.output or name)


def cmd_cards(args: argparse.Namespace) -> int:
    from .report.cards import write_cards

    deck, lib, out = _deck_document(args, "cards")
    pages = write_cards(deck, lib, out, lang=args.lang or deck.language, team=args.team)
    print(f"wrote {out} ({pages} pages)")
    return EXIT_OK


def cmd_brief(args: argparse.Namespace) -> int:
    from .report.brief import write_brief

    deck, lib, out = _deck_document(args, "brief")
    pages = write_brief(deck, lib, out, team=args.team, lang=args.lang or deck.language)
    print(f"wrote {out} ({pages} pages)")
    return EXIT_OK


def cmd_handouts(args: argparse.Namespace) -> int:
    from .content.decks import resolve_deck
    from .report.handouts import write_handouts

    deck, lib = resolve_deck(args.deck)
    out = Path(args.output or f"{deck.id}-handouts.pdf")
    pages = write_handouts(deck, lib, out, lang=args.lang or deck.language)
    print(f"wrote {out} ({pages} pages)")
    return EXIT_OK


def cmd_msel(args: argparse.Namespace) -> int:
    from .exchange import msel

    if args.action == "export":
        from .content.decks import resolve_deck

        deck, lib = resolve_deck(args.target)
        out = Path(args.output or f"{deck.id}-msel.csv")
        msel.export_msel(deck, lib, out)
        print(f"wrote {out}")
        return EXIT_OK
    src = Path(args.target)
    if not src.exists():
        raise UsageError(f"no such file: {src}")
    try:
        text = msel.import_msel(src)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_INVALID
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}; check it with: wargame validate {args.output}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _add_session_commands(sub: argparse._SubParsersAction) -> None:
    langs = ["nl", "en"]
    p = sub.add_parser("new", help="prepare a session; prints its path and the team join codes")
    p.add_argument("deck", metavar="DECK", help="a built-in deck id or a deck YAML file")
    p.add_argument("--session", metavar="PATH", help="where to put the session file")
    p.add_argument("--lang", choices=langs)
    p.add_argument("--seed", type=int, help="the number behind the random draws (a replay with it draws the same)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("run", help="facilitator console on a new session")
    p.add_argument("deck", metavar="DECK")
    p.add_argument("--session", metavar="PATH")
    p.add_argument("--lang", choices=langs)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("resume", help="reopen a session where it stopped (default: the latest)")
    p.add_argument("session", nargs="?", metavar="SESSION")
    p.set_defaults(func=cmd_resume)

    p = sub.add_parser("join", help="a team's own console (asks for the team code)")
    p.add_argument("session", metavar="SESSION")
    p.add_argument("--team", metavar="TEAM")
    p.set_defaults(func=cmd_join)

    p = sub.add_parser("serve", help="team consoles in the browser (textual-serve)")
    p.add_argument("session", metavar="SESSION")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--public-url", metavar="URL")
    p.add_argument("--max-connections", type=int, default=64, metavar="N",
                   help="at most N team consoles open at a time (default 64)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("export", help="a session as pdf, json, md or csv")
    p.add_argument("session", metavar="SESSION")
    p.add_argument("--format", choices=["pdf", "json", "md", "csv"], default="pdf")
    p.add_argument("-o", "--output", metavar="PATH")
    p.add_argument("--team", metavar="TEAM", help="that team's handout: other teams' private moves left out")
    p.add_argument("--with-controller-notes", action="store_true",
                   help="with --team: keep the controller notes and facilitator notes in the handout")
    p.add_argument("--lang", choices=langs)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="a JSON export back into a session file")
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--session", metavar="PATH")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("backup", help="a consistent one-file copy of a session, safe while it runs")
    p.add_argument("session", metavar="SESSION")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("verify", help="check a session's log for changes made behind wargame's back")
    p.add_argument("session", metavar="SESSION")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("cards", help="printable inject cards (PDF)")
    p.add_argument("deck", metavar="DECK")
    p.add_argument("-o", "--output", metavar="PATH")
    p.add_argument("--lang", choices=langs)
    p.add_argument("--team", metavar="TEAM", help="that team's cards: the injects it receives, in its own version")
    p.set_defaults(func=cmd_cards)

    p = sub.add_parser("brief", help="team packs (PDF): starting situation, brief, objectives, rules of play")
    p.add_argument("deck", metavar="DECK")
    p.add_argument("--team", metavar="TEAM", help="that team's pack only (default: one pack per team)")
    p.add_argument("-o", "--output", metavar="PATH")
    p.add_argument("--lang", choices=langs)
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("handouts", help="the tables' handouts (PDF): the axis cross, signposts, reference sheets")
    p.add_argument("deck", metavar="DECK")
    p.add_argument("-o", "--output", metavar="PATH")
    p.add_argument("--lang", choices=langs)
    p.set_defaults(func=cmd_handouts)

    p = sub.add_parser("msel", help="exchange a deck with a spreadsheet MSEL")
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("target", metavar="DECK|FILE")
    p.add_argument("-o", "--output", metavar="PATH")
    p.set_defaults(func=cmd_msel)


# --- parser -----------------------------------------------------------------------------------

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

    p = sub.add_parser("rehearse", help="play a deck many times without a clock and count how it plays out")
    p.add_argument("deck", metavar="DECK", help="a built-in deck id or a deck YAML file")
    p.add_argument("--runs", type=int, default=1000, metavar="N", help="plays (default 1000)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="the first play's draws (default 0)")
    p.add_argument("--rulings", choices=["neutral", "random"], default="neutral",
                   help="neutral: no moves; random: each team a move each round, ruled at random")
    p.add_argument("--json", action="store_true", help="the same figures as JSON, with stable keys")
    p.set_defaults(func=cmd_rehearse)

    p = sub.add_parser("list", help="list built-in scenarios, decks, injects or teams")
    p.add_argument("what", nargs="?", default="scenarios", choices=["scenarios", "decks", "injects", "teams"])
    p.add_argument("--json", action="store_true", help="every field of every item, as JSON")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("schema", help="JSON Schema of a content file, for editor completion")
    p.add_argument("what", nargs="?", default="inject", choices=["inject", "deck", "teams", "hotwash", "reference"])
    p.set_defaults(func=cmd_schema)

    _add_session_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for usage
        return int(exc.code or 0)
    func = getattr(args, "func", cmd_home)  # `wargame` alone: the home screen
    from .content import ContentError
    from .content.decks import DeckNotFound
    from .engine.session import EngineError
    from .store import StoreError

    try:
        return func(args)
    except (UsageError, DeckNotFound) as exc:
        _err(f"wargame: {exc}")
        return EXIT_USAGE
    except ContentError as exc:
        for problem in exc.problems:
            _err(str(problem))
        return EXIT_INVALID
    except (StoreError, EngineError) as exc:
        _err(f"wargame: {exc}")
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `wargame list | head -1`: the reader has all it wanted
        _quiet_stdout()
        return EXIT_OK


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush does not complain about the closed pipe."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
