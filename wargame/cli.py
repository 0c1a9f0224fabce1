"""The command line: parses arguments and hands each command to the module that does the work.

Heavy modules (Textual, ReportLab, the engine) are imported inside the command that needs them,
so `validate`, `list` and `schema` start fast and stay free of UI code.

The command line's own words (its messages and `--help` texts) are in the language of
`cli_lang`: a command's `--lang`, else the locale. Output that scripts read does not change with it:
`--json`, the join code table's layout, the exit codes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .views.i18n import N_, error_text, locale_lang, ngettext
from .views.i18n import gettext as _

if TYPE_CHECKING:
    from .content import Library, Problem
    from .engine.session import Session
    from .model import Deck

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command was called wrongly; exit 2."""


def _err(message: str) -> None:
    print(message, file=sys.stderr)


# --- the command line's language --------------------------------------------------------------

LANGS = ("nl", "en")


def cli_lang(args: argparse.Namespace | None = None) -> str:
    """The language of the command line's own words: the command's `--lang` where it has one and it is
    given, else the locale (`views.i18n.locale_lang`)."""
    given = getattr(args, "lang", None)
    return str(given) if given in LANGS else locale_lang()


def _lang_option(argv: Sequence[str]) -> str | None:
    """The `--lang` in `argv` before it is parsed (`--lang nl`, `--lang=nl`, an abbreviation as argparse
    takes it; the last one wins), so the parser and its `--help` are built in that language."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if len(name) >= 3 and "--lang".startswith(name):
            found = value if eq else (argv[i + 1] if i + 1 < len(argv) else None)
    return found


# --- content commands -------------------------------------------------------------------------

def cmd_validate(args: argparse.Namespace) -> int:
    from .content import ContentError, builtin_library, load

    lang = cli_lang(args)
    paths = [Path(p) for p in args.paths]  # load() reports missing and unreadable paths itself
    try:
        lib = load(paths, base=builtin_library()) if paths else builtin_library()
    except ContentError as exc:
        for problem in exc.problems:
            _err(str(problem))
        _err(_invalid(len(exc.problems), lang))
        return EXIT_INVALID
    errors, warnings = _design(lib, builtin_library() if paths else None)
    for problem in warnings:
        _err(_("warning: {problem}", lang).format(problem=problem))
    if errors:
        for problem in errors:
            _err(str(problem))
        _err(_invalid(len(errors), lang))
        return EXIT_INVALID
    counts = (ngettext("{n} scenarios", "{n} scenarios", len(lib.scenarios), lang).format(n=len(lib.scenarios)),
              ngettext("{n} injects", "{n} injects", len(lib.injects), lang).format(n=len(lib.injects)),
              ngettext("{n} teams", "{n} teams", len(lib.teams), lang).format(n=len(lib.teams)),
              ngettext("{n} decks", "{n} decks", len(lib.decks), lang).format(n=len(lib.decks)),
              ngettext("{n} hot-wash questions", "{n} hot-wash questions", len(lib.hotwash),
                       lang).format(n=len(lib.hotwash)),
              ngettext("{n} reference sheets", "{n} reference sheets", len(lib.reference),
                       lang).format(n=len(lib.reference)))
    print(_("valid: {counts}", lang).format(counts=", ".join(counts)))
    return EXIT_OK


def _invalid(n: int, lang: str) -> str:
    """`invalid: 3 problem(s)`; the English keeps its `(s)`, which tests and scripts compare."""
    return ngettext("invalid: {n} problem(s)", "invalid: {n} problem(s)", n, lang).format(n=n)


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
        raise UsageError(_("--runs must be at least 1", cli_lang(args)))
    deck, lib = resolve_deck(args.deck)
    figures = rehearse(deck, lib, runs=args.runs, seed=args.seed, rulings=args.rulings)
    if args.json:
        print(json.dumps(figures.as_json(), ensure_ascii=False, indent=2))
    else:
        print(rehearsal_text(figures, lib, cli_lang(args)))
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
    lang = cli_lang(args)
    for obj in table.values():
        print(_list_line(args.what, obj, lib, lang))
    return EXIT_OK


LEVELS = {"low": N_("low"), "high": N_("high")}
"""A scenario's place on an axis, as `list` shows it."""


def _list_line(what: str, obj: Any, lib: Library, lang: str = "en") -> str:  # obj: one of the content models
    from .views.words import t

    # the English ids keep today's plural for every count
    if what == "scenarios":
        n = len(lib.scenario_injects(obj.id))
        injects = ngettext("{n} injects", "{n} injects", n, lang).format(n=n)
        erosion, rapprochement = (_(LEVELS[v], lang) if v in LEVELS else v
                                  for v in (obj.quadrant.erosion, obj.quadrant.rapprochement))
        return (f"{obj.number}  {obj.id:<22} {obj.title.nl} / {obj.title.en}  "
                f"({t('erosion', lang)} {erosion}, {t('rapprochement', lang)} {rapprochement}; {injects})")
    if what == "decks":
        rounds = ngettext("{n} rounds", "{n} rounds", len(obj.rounds), lang).format(n=len(obj.rounds))
        teams = ngettext("{n} teams", "{n} teams", len(obj.teams), lang).format(n=len(obj.teams))
        n = len(obj.objectives)
        objectives = ngettext("{n} exercise objective", "{n} exercise objectives", n, lang).format(n=n)
        return (f"{obj.id:<22} {obj.title.nl} / {obj.title.en}  "
                f"({rounds}, {obj.minutes} min, {teams}, {objectives})\n"
                f"{'':<22} {_cast_line(obj, lib, lang)}")
    if what == "teams":
        return f"{obj.id:<22} {obj.name.nl} / {obj.name.en}"
    scenario = obj.scenario or t("wildcard", lang)
    return f"{obj.id:<28} {obj.date:<10} {scenario:<20} {obj.title.nl} / {obj.title.en}"


def _cast_line(deck: Deck, lib: Library, lang: str = "en") -> str:
    """`Dutch Cabinet 5; European Union 3 · white cells: Beijing 1`: who plays a deck, and how many at each table."""
    def seat(tid: str) -> str:
        brief = deck.brief_for(tid)
        team = lib.teams.get(tid)
        name = team.name.get(lang) if team else tid
        return f"{name} {brief.players}" if brief and brief.players else name

    line = _("players: {teams}", lang).format(teams="; ".join(map(seat, deck.teams)))
    if deck.white_cells:
        line += " · " + _("white cells: {cells}", lang).format(cells="; ".join(map(seat, deck.white_cells)))
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
        teams = {t: c for t, c in codes.items() if not t.startswith("@")}
        seats = {t[1:]: c for t, c in codes.items() if t.startswith("@")}
        print(json.dumps({"session": str(path), "session_id": path.stem, "codes": teams, "seats": seats},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    lang = cli_lang(args)
    print(_("session: {path}", lang).format(path=path))
    _print_codes(codes, _("join codes (shown once; regenerate them from the console):", lang))
    print(_("start it with:  wargame resume {path}", lang).format(path=path))
    return EXIT_OK


def _print_codes(codes: dict[str, str], heading: str) -> None:
    """Each team's code, then the evaluator's and the observer's (`wargame join --evaluator`)."""
    print(heading)
    for team, code in codes.items():
        print(f"  {team.lstrip('@'):<16} {code}")


def _open_session(ref: str | None, lang: str | None = None) -> Path:
    """The session file `ref` names (default: the latest); its errors in `lang`, default the locale's."""
    from .store import recent, resolve

    lang = lang or cli_lang()
    if ref is None:
        found = recent(1)
        if not found:
            raise UsageError(_("no sessions yet; start one with `wargame run DECK` or `wargame new DECK`", lang))
        return found[0]
    path = resolve(ref)
    if not path.exists():
        raise UsageError(_("no such session: {ref}", lang).format(ref=ref))
    return path


def cmd_run(args: argparse.Namespace) -> int:
    args.seed = None
    return _run_app(*_create(args))


def cmd_resume(args: argparse.Namespace) -> int:
    return _run_app(_open_session(args.session), None)


def _run_app(path: Path | None, codes: dict[str, str] | None, home_lang: str | None = None) -> int:
    from .app.app import WargameApp, make_app

    app = make_app(path, codes=codes)
    if home_lang and isinstance(app, WargameApp):
        app.home_lang = home_lang  # the home screen's words, before a session speaks its own language
    app.run()
    return EXIT_OK


def cmd_home(args: argparse.Namespace) -> int:
    return _run_app(None, None, getattr(args, "lang", None))


def cmd_join(args: argparse.Namespace) -> int:
    from .app.team import make_team_app
    from .engine.events import EVALUATOR, OBSERVER

    team = EVALUATOR if args.evaluator else OBSERVER if args.observer else args.team
    make_team_app(_open_session(args.session), team=team).run()
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .app.serve import serve

    return serve(_open_session(args.session), host=args.host, port=args.port, public_url=args.public_url,
                 max_connections=args.max_connections)


def cmd_export(args: argparse.Namespace) -> int:
    from .engine.session import Session

    path = _open_session(args.session, cli_lang(args))
    session = Session.open(path)
    try:
        return _compare(args, path, session) if args.compare else _export(args, path, session)
    finally:
        session.close()


def _export(args: argparse.Namespace, path: Path, session: Session) -> int:
    from .views.visibility import check_team

    lang = cli_lang(args)
    st = session.state
    try:
        check_team(st, args.team)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if st.altered:
        _err(_altered(path, st.altered, lang))
    notes = {"with_controller_notes": args.with_controller_notes} if args.team else {}
    fmt = args.format
    if fmt == "pdf":
        from .report.debrief import write_debrief
        from .store.outputs import default_export

        out = Path(args.output) if args.output else default_export(path)
        pages = write_debrief(st, out, team=args.team, lang=args.lang or st.lang, **notes)
        print(_wrote(out, lang, pages))
        return EXIT_OK
    if fmt == "xlsx":
        from .exchange.workbook import workbook_bytes
        from .store.outputs import default_export, write_whole

        data = workbook_bytes(st, team=args.team, lang=args.lang or st.lang, **notes)
        if args.output == "-":
            sys.stdout.buffer.write(data)
            return EXIT_OK
        out = Path(args.output) if args.output else default_export(path, "-debrief.xlsx")
        write_whole(data, out)
        print(_wrote(out, lang))
        return EXIT_OK
    if fmt == "json":
        from .exchange.jsonio import session_json

        try:
            text = session_json(session.store, team=args.team)
        except ValueError as exc:
            raise UsageError(_("--team applies to pdf, md and csv; {problem}", lang).format(problem=exc)) from None
    elif fmt == "md":
        from .report.markdown import session_markdown

        text = session_markdown(st, team=args.team, lang=args.lang or st.lang, **notes)
    else:
        from .exchange.csvio import moves_csv

        text = moves_csv(st, team=args.team)
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8", newline="")
        print(_wrote(args.output, lang))
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _wrote(out: Path | str, lang: str, pages: int | None = None) -> str:
    """`wrote X` or `wrote X (3 pages)`; the English keeps `(1 pages)`, which tests compare."""
    if pages is None:
        return _("wrote {out}", lang).format(out=out)
    return ngettext("wrote {out} ({n} pages)", "wrote {out} ({n} pages)", pages, lang).format(out=out, n=pages)


def cmd_import(args: argparse.Namespace) -> int:
    from .exchange.jsonio import ImportProblem
    from .exchange.restore import import_session

    try:
        path, codes = import_session(Path(args.file), Path(args.session) if args.session else None)
    except ImportProblem as exc:
        _err(str(exc))
        return EXIT_INVALID
    lang = cli_lang(args)
    print(_("session: {path}", lang).format(path=path))
    _print_codes(codes, _("join codes (new ones; the export carries none):", lang))
    return EXIT_OK


def cmd_fork(args: argparse.Namespace) -> int:
    from .engine.fork import fork, fork_path

    lang = cli_lang(args)
    parent = _open_session(args.session, lang)
    child = Path(args.to) if args.to else fork_path(parent, args.round)
    session, codes = fork(parent, args.round, child)
    session.close()
    print(_("session: {path}", lang).format(path=child))
    print(_("a fork of {parent}, playing round {n} again; {parent} is unchanged", lang).format(
        parent=parent.name, n=args.round))
    _print_codes(codes, _("join codes (new ones; the parent keeps its own):", lang))
    print(_("start it with:  wargame resume {path}", lang).format(path=child))
    return EXIT_OK


def cmd_replay(args: argparse.Namespace) -> int:
    from .app.replay import make_replay_app

    make_replay_app(_open_session(args.session, cli_lang(args))).run()
    return EXIT_OK


def _compare(args: argparse.Namespace, path: Path, session: Session) -> int:
    """`wargame export A --compare B`: the two roads side by side, as PDF or Markdown."""
    from .engine.session import Session
    from .report.compare import comparison_markdown, write_comparison
    from .views.compare import DifferentDecks, compare

    lang = cli_lang(args)
    if args.format not in ("pdf", "md"):
        raise UsageError(_("--compare writes pdf or md, not {format}", lang).format(format=args.format))
    if args.team:
        raise UsageError(_("--compare is the facilitator's document: it takes no --team", lang))
    other_path = _open_session(args.compare, lang)
    other = Session.open(other_path)
    try:
        try:
            c = compare(session.state, other.state, args.lang or session.state.lang)
        except DifferentDecks as exc:
            raise UsageError(str(exc)) from None
        for p, st in ((path, session.state), (other_path, other.state)):
            if st.altered:
                _err(_altered(p, st.altered, lang))
        ext = "pdf" if args.format == "pdf" else "md"
        out = Path(args.output) if args.output else path.with_name(f"{path.stem}-vs-{other_path.stem}.{ext}")
        if args.format == "pdf":
            print(_wrote(out, lang, write_comparison(c, out)))
        elif args.output == "-":
            sys.stdout.write(comparison_markdown(c))
        else:
            out.write_text(comparison_markdown(c), encoding="utf-8")
            print(_wrote(out, lang))
    finally:
        other.close()
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from .store import EventStore

    lang = cli_lang(args)
    path = _open_session(args.session, lang)
    with EventStore(path) as store:
        problem, (count, _head) = store.verify(), store.head()
        out = store.backup(Path(args.output))
    if problem:
        _err(_("{altered} (copied as it is to {out})", lang).format(altered=_altered(path, problem, lang), out=out))
        return EXIT_INVALID
    print(ngettext("wrote {out} ({n} events, log intact)", "wrote {out} ({n} events, log intact)", count,
                   lang).format(out=out, n=count))
    return EXIT_OK


def _altered(path: Path, problem: str, lang: str) -> str:
    return _("wargame: {path}: the log was altered after it was recorded: {problem}", lang).format(
        path=path, problem=problem)


def cmd_verify(args: argparse.Namespace) -> int:
    from .store import EventStore

    lang = cli_lang(args)
    path = _open_session(args.session, lang)
    with EventStore(path) as store:
        problem, (count, head) = store.verify(), store.head()
    if problem:
        _err(_altered(path, problem, lang))
        return EXIT_INVALID
    print(ngettext("{path}: log intact, {n} events; last event's hash {hash}",
                   "{path}: log intact, {n} events; last event's hash {hash}", count, lang).format(
        path=path, n=count, hash=head[:16]))
    return EXIT_OK


def _deck_document(args: argparse.Namespace, kind: str) -> tuple[Deck, Library, Path]:
    """The deck of a `cards` or `brief` command, checked against `--team`, and where its PDF goes
    (`-o`, else DECK-KIND.pdf or DECK-KIND-TEAM.pdf here)."""
    from .content.decks import resolve_deck
    from .views.packs import deck_cast

    deck, lib = resolve_deck(args.deck)
    cast = deck_cast(deck) if kind == "brief" else deck.teams  # a white cell has a pack, but no cards of its own
    if args.team is not None and args.team not in cast:
        raise UsageError(_("no team {team} in deck {deck}; its teams are: {teams}", cli_lang(args)).format(
            team=repr(args.team), deck=deck.id, teams=", ".join(cast)))
    name = f"{deck.id}-{kind}-{args.team}.pdf" if args.team else f"{deck.id}-{kind}.pdf"
    return deck, lib, Path(args.output or name)


def cmd_cards(args: argparse.Namespace) -> int:
    from .report.cards import write_cards

    deck, lib, out = _deck_document(args, "cards")
    pages = write_cards(deck, lib, out, lang=args.lang or deck.language, team=args.team)
    print(_wrote(out, cli_lang(args), pages))
    return EXIT_OK


def cmd_brief(args: argparse.Namespace) -> int:
    from .report.brief import write_brief

    deck, lib, out = _deck_document(args, "brief")
    pages = write_brief(deck, lib, out, team=args.team, lang=args.lang or deck.language)
    print(_wrote(out, cli_lang(args), pages))
    return EXIT_OK


def cmd_handouts(args: argparse.Namespace) -> int:
    from .content.decks import resolve_deck
    from .report.handouts import write_handouts

    deck, lib = resolve_deck(args.deck)
    out = Path(args.output or f"{deck.id}-handouts.pdf")
    pages = write_handouts(deck, lib, out, lang=args.lang or deck.language)
    print(_wrote(out, cli_lang(args), pages))
    return EXIT_OK


def cmd_msel(args: argparse.Namespace) -> int:
    from .exchange import msel

    if args.action == "export":
        from .content.decks import resolve_deck

        deck, lib = resolve_deck(args.target)
        out = Path(args.output or f"{deck.id}-msel.csv")
        msel.export_msel(deck, lib, out)
        print(_wrote(out, cli_lang(args)))
        return EXIT_OK
    src = Path(args.target)
    if not src.exists():
        raise UsageError(_("no such file: {path}", cli_lang(args)).format(path=src))
    try:
        text = msel.import_msel(src)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_INVALID
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8")
        print(_("wrote {out}; check it with: wargame validate {out}", cli_lang(args)).format(out=args.output))
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _add_session_commands(sub: argparse._SubParsersAction, lang: str = "en") -> None:
    langs = ["nl", "en"]
    deck_, path_, session_ = _("DECK", lang), _("PATH", lang), _("SESSION", lang)
    p = sub.add_parser("new", help=_("prepare a session; prints its path and the team join codes", lang))
    p.add_argument("deck", metavar=deck_, help=_("a built-in deck id or a deck YAML file", lang))
    p.add_argument("--session", metavar=path_, help=_("where to put the session file", lang))
    p.add_argument("--lang", choices=langs)
    p.add_argument("--seed", type=int,
                   help=_("the number behind the random draws (a replay with it draws the same)", lang))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("run", help=_("facilitator console on a new session", lang))
    p.add_argument("deck", metavar=deck_)
    p.add_argument("--session", metavar=path_)
    p.add_argument("--lang", choices=langs)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("resume", help=_("reopen a session where it stopped (default: the latest)", lang))
    p.add_argument("session", nargs="?", metavar=session_)
    p.set_defaults(func=cmd_resume)

    p = sub.add_parser("join", help=_("a team's own console (asks for the team code)", lang))
    p.add_argument("session", metavar=session_)
    seat = p.add_mutually_exclusive_group()
    seat.add_argument("--team", metavar="TEAM")
    seat.add_argument("--evaluator", action="store_true",
                      help=_("sign in as an evaluator: read the exercise, record observations and ratings", lang))
    seat.add_argument("--observer", action="store_true", help=_("sign in as an observer: read the exercise", lang))
    p.set_defaults(func=cmd_join)

    p = sub.add_parser("serve", help=_("team consoles in the browser (textual-serve)", lang))
    p.add_argument("session", metavar=session_)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--public-url", metavar="URL")
    p.add_argument("--max-connections", type=int, default=64, metavar="N",
                   help=_("at most N team consoles open at a time (default 64)", lang))
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("export", help=_("a session as pdf, json, md, csv or xlsx", lang))
    p.add_argument("session", metavar=session_)
    p.add_argument("--format", choices=["pdf", "json", "md", "csv", "xlsx"], default="pdf")
    p.add_argument("-o", "--output", metavar=path_)
    p.add_argument("--team", metavar="TEAM", help=_("that team's handout: other teams' private moves left out", lang))
    p.add_argument("--with-controller-notes", action="store_true",
                   help=_("with --team: keep the controller notes and facilitator notes in the handout", lang))
    p.add_argument("--lang", choices=langs)
    p.add_argument("--compare", metavar=_("SESSION", lang),
                   help=_("set this session and another of the same deck side by side (pdf or md)", lang))
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("fork", help=_("a new session that plays round N again; the session is unchanged", lang))
    p.add_argument("session", metavar=session_)
    p.add_argument("--round", type=int, required=True, metavar="N",
                   help=_("the round to play again (1 is the first)", lang))
    p.add_argument("--session", dest="to", metavar=path_, help=_("where to put the fork (default: beside it)", lang))
    p.add_argument("--lang", choices=langs)
    p.set_defaults(func=cmd_fork)

    p = sub.add_parser("replay", help=_("step through a session, read-only; the projector follows", lang))
    p.add_argument("session", nargs="?", metavar=session_)
    p.add_argument("--lang", choices=langs)
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("import", help=_("a JSON export back into a session file", lang))
    p.add_argument("file", metavar=_("FILE", lang) + ".json")
    p.add_argument("--session", metavar=path_)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("backup", help=_("a consistent one-file copy of a session, safe while it runs", lang))
    p.add_argument("session", metavar=session_)
    p.add_argument("-o", "--output", metavar=_("FILE", lang), required=True)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("verify", help=_("check a session's log for changes made behind wargame's back", lang))
    p.add_argument("session", metavar=session_)
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("cards", help=_("printable inject cards (PDF)", lang))
    p.add_argument("deck", metavar=deck_)
    p.add_argument("-o", "--output", metavar=path_)
    p.add_argument("--lang", choices=langs)
    p.add_argument("--team", metavar="TEAM",
                   help=_("that team's cards: the injects it receives, in its own version", lang))
    p.set_defaults(func=cmd_cards)

    p = sub.add_parser("brief", help=_("team packs (PDF): starting situation, brief, objectives, rules of play", lang))
    p.add_argument("deck", metavar=deck_)
    p.add_argument("--team", metavar="TEAM", help=_("that team's pack only (default: one pack per team)", lang))
    p.add_argument("-o", "--output", metavar=path_)
    p.add_argument("--lang", choices=langs)
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("handouts",
                       help=_("the tables' handouts (PDF): the axis cross, signposts, reference sheets", lang))
    p.add_argument("deck", metavar=deck_)
    p.add_argument("-o", "--output", metavar=path_)
    p.add_argument("--lang", choices=langs)
    p.set_defaults(func=cmd_handouts)

    p = sub.add_parser("msel", help=_("exchange a deck with a spreadsheet MSEL", lang))
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("target", metavar=f"{deck_}|{_('FILE', lang)}")
    p.add_argument("-o", "--output", metavar=path_)
    p.set_defaults(func=cmd_msel)


# --- parser -----------------------------------------------------------------------------------

def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The parser, its help in `lang`. argparse's own few words ("usage:", "options:", its error line)
    stay English: it reads them from gettext's process-wide domain, which the tool leaves alone."""
    parser = argparse.ArgumentParser(
        prog="wargame",
        description=_("Run tabletop policy exercises on the four futures of the Clingendael Alert.", lang),
    )
    parser.add_argument("--version", action="version", version=f"wargame {__version__}",
                        help=_("show program's version number and exit", lang))
    parser.add_argument("--lang", choices=LANGS, help=_("the home screen's language (default: Dutch)", lang))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND", lang))

    p = sub.add_parser("validate", help=_("check content files; no PATH: the built-in content", lang))
    p.add_argument("paths", nargs="*", metavar=_("PATH", lang), help=_("YAML files or folders", lang))
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("rehearse", help=_("play a deck many times without a clock and count how it plays out", lang))
    p.add_argument("deck", metavar=_("DECK", lang), help=_("a built-in deck id or a deck YAML file", lang))
    p.add_argument("--runs", type=int, default=1000, metavar="N", help=_("plays (default 1000)", lang))
    p.add_argument("--seed", type=int, default=0, metavar="S", help=_("the first play's draws (default 0)", lang))
    p.add_argument("--rulings", choices=["neutral", "random"], default="neutral",
                   help=_("neutral: no moves; random: each team a move each round, ruled at random", lang))
    p.add_argument("--json", action="store_true", help=_("the same figures as JSON, with stable keys", lang))
    p.add_argument("--lang", choices=LANGS, help=_("the report's language (default: the locale's)", lang))
    p.set_defaults(func=cmd_rehearse)

    p = sub.add_parser("list", help=_("list built-in scenarios, decks, injects or teams", lang))
    p.add_argument("what", nargs="?", default="scenarios", choices=["scenarios", "decks", "injects", "teams"])
    p.add_argument("--json", action="store_true", help=_("every field of every item, as JSON", lang))
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("schema", help=_("JSON Schema of a content file, for editor completion", lang))
    p.add_argument("what", nargs="?", default="inject", choices=["inject", "deck", "teams", "hotwash", "reference"])
    p.set_defaults(func=cmd_schema)

    _add_session_commands(sub, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = cli_lang(argparse.Namespace(lang=_lang_option(argv)))  # before parsing: `--help` speaks it
    parser = build_parser(lang)
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
        _err(f"wargame: {error_text(exc, cli_lang(args))}")
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `wargame list | head -1`: the reader has all it wanted
        _quiet_stdout()
        return EXIT_OK


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush does not complain about the closed pipe."""
    import contextlib

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
