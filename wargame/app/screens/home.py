"""Home: built-in and local decks, a new session, recent sessions to resume, any session file by its path."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.validation import Integer
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from ..widgets.safe import clip, plain

if TYPE_CHECKING:
    from textual import getters

    from wargame.content import Library
    from wargame.model import Deck

    from ..app import WargameApp


class HomeScreen(Screen[None]):
    if TYPE_CHECKING:  # `self.app` is the facilitator's app, not just any Textual App
        app = getters.app(WargameApp)

    DEFAULT_CSS = """
    HomeScreen #home { height: 1fr; }
    HomeScreen .column { height: auto; padding: 0 1; }
    HomeScreen.-wide #home { layout: horizontal; }
    HomeScreen.-wide .column { width: 1fr; }
    HomeScreen .heading { text-style: bold; color: $accent; margin-top: 1; }
    HomeScreen OptionList { height: auto; max-height: 14; }
    HomeScreen #deck-desc { color: $text-muted; margin: 1 0; height: auto; }
    HomeScreen .form { height: auto; }
    HomeScreen .form Label { padding: 1 1 0 0; }
    HomeScreen .form Select { width: 16; }
    HomeScreen .form Input { width: 16; }
    HomeScreen #create { margin-top: 1; }
    HomeScreen #problems { color: $error; height: auto; }
    HomeScreen #open-path { margin-top: 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "create", "Create session", tooltip="Create a session from the highlighted deck and open it"),
        Binding("f2", "focus_decks", "Decks", tooltip="Go to the list of decks"),
        Binding("f3", "focus_recent", "Recent", tooltip="Go to the recent sessions (Enter resumes one)"),
        Binding("f4", "focus_open", "Open file", tooltip="Type the path of a session file anywhere and open it"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.decks: dict[str, tuple[Deck, Library, str]] = {}  # id -> (deck, library, origin)
        self.problems: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home"):
            with Vertical(classes="column"):
                yield Static(plain("New session: choose a deck"), classes="heading")
                yield Static(id="problems")
                yield OptionList(id="decks")
                yield Static(id="deck-desc")
                with Horizontal(classes="form"):
                    yield Label(plain("Language"))
                    yield Select([(plain("Nederlands"), "nl"), (plain("English"), "en")], value="nl",
                                 allow_blank=False, id="lang")
                    yield Label(plain("Draw number"))
                    yield Input(placeholder="random", id="seed", type="integer", validators=[Integer(0)])
                yield Button(plain("Create and open (ctrl+s)"), variant="primary", id="create")
            with Vertical(classes="column"):
                yield Static(plain("Recent sessions: Enter resumes"), classes="heading")
                yield OptionList(id="recent")
                yield Input(placeholder="…or a session file's path, then Enter (f4)", id="open-path")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= 120, "-wide")
        self.sub_title = "home"
        self._load_decks()
        self._load_recent()
        self.query_one("#decks", OptionList).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 120, "-wide")

    def on_screen_resume(self) -> None:
        self._load_recent()

    # --- decks ------------------------------------------------------------------------------------

    def _load_decks(self) -> None:
        from wargame.content import ContentError
        from wargame.content.decks import deck_choices

        self.decks, self.problems = {}, []
        try:
            lib = self.app.library()
        except ContentError as exc:
            self.problems = [str(p) for p in exc.problems]
        else:
            self.decks, self.problems = deck_choices(lib)
        problems = self.query_one("#problems", Static)
        problems.display = bool(self.problems)
        if self.problems:
            problems.update(plain("Some content could not be loaded:\n" + "\n".join(self.problems[:10])))
        opts = []
        for deck_id, (deck, _, origin) in self.decks.items():
            title = deck.title.get(deck.language)
            opts.append(Option(Content.assemble((clip(title, 70), "bold"),
                                                (f"\n  {len(deck.rounds)} rounds · {deck.minutes} min · "
                                                 f"{len(deck.teams)} teams · {deck_id} · {origin}", "dim")),
                               id=deck_id))
        decks = self.query_one("#decks", OptionList)
        decks.set_options(opts)
        if opts:
            decks.highlighted = 0
        self._describe()

    def _deck_id(self) -> str | None:
        opt = self.query_one("#decks", OptionList).highlighted_option
        return opt.id if opt is not None else None

    def _describe(self) -> None:
        deck_id = self._deck_id()
        desc = self.query_one("#deck-desc", Static)
        if deck_id is None:
            desc.update(plain("No decks found."))
            return
        deck = self.decks[deck_id][0]
        lang = self.query_one("#lang", Select).value  # never blank (allow_blank=False)
        desc.update(plain(deck.description.get(lang if isinstance(lang, str) and lang else deck.language)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "decks" and event.option.id in self.decks:
            self.query_one("#lang", Select).value = self.decks[event.option.id][0].language
            self._describe()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "decks":
            self.query_one("#lang", Select).focus()
        elif event.option.id:
            self._resume(Path(event.option.id))

    def on_select_changed(self, _: Select.Changed) -> None:
        self._describe()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_create()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "open-path":
            self._open_typed(event.value)
        else:
            self.action_create()

    def action_focus_decks(self) -> None:
        self.query_one("#decks", OptionList).focus()

    def action_focus_recent(self) -> None:
        self.query_one("#recent", OptionList).focus()

    def action_focus_open(self) -> None:
        self.query_one("#open-path", Input).focus()

    def action_create(self) -> None:
        from wargame.engine.create import create_session
        from wargame.engine.session import EngineError
        from wargame.store import StoreError

        deck_id = self._deck_id()
        if deck_id is None:
            self.app.say("Choose a deck first.", severity="warning")
            return
        raw = self.query_one("#seed", Input).value.strip()
        if raw and not raw.isdigit():
            self.app.say("The draw number is a whole number (or empty for a random one).", severity="warning")
            return
        deck, lib, _ = self.decks[deck_id]
        lang = self.query_one("#lang", Select).value
        try:
            session, codes = create_session(deck, lib, lang=lang if lang in ("nl", "en") else None,
                                            seed=int(raw) if raw else None, now=self.app.now)
        except (EngineError, StoreError, OSError) as exc:
            self.app.say(f"Could not create the session: {exc}", severity="error")
            return
        self.app.open_session(session, codes)

    # --- recent sessions --------------------------------------------------------------------------

    def _load_recent(self) -> None:
        from wargame.store import recent

        from ..summary import read_summary, summary_line

        opts = []
        try:
            files = recent()
        except OSError:
            files = []
        for p in files:
            try:
                mtime = p.stat().st_mtime
            except OSError:
                continue
            s = read_summary(p)  # read only: listing a session never changes it, nor its time
            when = datetime.fromtimestamp(s.last_at if s and s.last_at else mtime).strftime("%Y-%m-%d %H:%M")
            if s is None:
                opts.append(Option(Content.assemble((p.stem, "bold"),
                                                    (f"\n  not readable as a session · {when}", "dim")), id=str(p)))
                continue
            opts.append(Option(Content.assemble((clip(s.title or p.stem, 60), "bold"), (f"  {clip(p.stem, 40)}", "dim"),
                                                (f"\n  {summary_line(s, when)}", "dim")), id=str(p)))
        recent_list = self.query_one("#recent", OptionList)
        recent_list.set_options(opts or [Option(plain("No sessions yet."), disabled=True)])
        if opts:
            recent_list.highlighted = 0

    def _open_typed(self, typed: str) -> None:
        """A session file typed by its path (~ allowed), anywhere; or a session id of the sessions folder."""
        from wargame.store import resolve

        if not typed.strip():
            self.app.say("Type the path of a session file.", severity="warning")
            return
        path = resolve(str(Path(typed.strip()).expanduser()))
        if not path.is_file():
            self.app.say(f"No session file at {path}", severity="error")
            return
        self._resume(path)

    def _resume(self, path: Path) -> None:
        from wargame.engine.session import EngineError, Session
        from wargame.store import StoreError

        try:
            session = Session.open(path, now=self.app.now, resume=True)
        except (EngineError, StoreError) as exc:
            self.app.say(f"Could not open {path.name}: {exc}", severity="error")
            return
        self.app.open_session(session, {})
