"""Home: built-in and local decks, a new session, recent sessions to resume or replay, any session file by
its path.

There is no session yet: the words are in the home screen's own language (`app.home_lang`, Dutch
unless `wargame --lang` says otherwise), which `l` switches; a new session's language is the one
chosen in the form."""

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
from textual.widgets import Button, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from wargame.views.i18n import error_text, ngettext
from wargame.views.i18n import gettext as _
from wargame.views.words import t

from ..widgets.footer import LocalFooter
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
        Binding("l", "language", "NL/EN", show=False, tooltip="Switch this screen between Dutch and English"),
        Binding("r,ctrl+r", "replay", "Replay", show=False,
                tooltip="Replay the highlighted recent session, or the file typed (ctrl+r), step by step; "
                        "nothing is written"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.decks: dict[str, tuple[Deck, Library, str]] = {}  # id -> (deck, library, origin)
        self.problems: list[str] = []

    @property
    def lang(self) -> str:
        """The language of this screen's words (not of the session it creates: that is the form's)."""
        return self.app.ui_lang

    def compose(self) -> ComposeResult:
        # the words are put in by `_words`, on mount and when the language switches
        yield Header()
        with VerticalScroll(id="home"):
            with Vertical(classes="column"):
                yield Static(classes="heading", id="new-heading")
                yield Static(id="problems")
                yield OptionList(id="decks")
                yield Static(id="deck-desc")
                with Horizontal(classes="form"):
                    yield Label(id="lang-label")
                    yield Select([(plain("Nederlands"), "nl"), (plain("English"), "en")], value="nl",
                                 allow_blank=False, id="lang")
                    yield Label(id="seed-label")
                    yield Input(id="seed", type="integer", validators=[Integer(0)])
                yield Button(variant="primary", id="create")
            with Vertical(classes="column"):
                yield Static(classes="heading", id="recent-heading")
                yield OptionList(id="recent")
                yield Input(id="open-path")
        yield LocalFooter(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= 120, "-wide")
        self._words()
        self._load_decks()
        self._load_recent()
        self.query_one("#decks", OptionList).focus()

    def _words(self) -> None:
        """This screen's own words, in its language."""
        lang = self.lang
        self.sub_title = _("home", lang)
        self.query_one("#new-heading", Static).update(plain(_("New session: choose a deck", lang)))
        self.query_one("#lang-label", Label).update(plain(t("language", lang)))
        self.query_one("#seed-label", Label).update(plain(_("Draw number", lang)))
        self.query_one("#seed", Input).placeholder = _("random", lang)
        self.query_one("#create", Button).label = plain(_("Create and open (ctrl+s)", lang))
        self.query_one("#recent-heading", Static).update(plain(_("Recent sessions: Enter resumes", lang)))
        self.query_one("#open-path", Input).placeholder = _("…or a session file's path, then Enter (f4)", lang)

    def action_language(self) -> None:
        """Dutch or English for this screen: every word re-rendered, what was chosen and typed kept."""
        self.app.home_lang = "en" if self.lang == "nl" else "nl"
        self._words()
        decks = self.query_one("#decks", OptionList)
        for deck_id, prompt in self._deck_prompts().items():
            decks.replace_option_prompt(deck_id, prompt)
        self._show_problems()
        self._describe()
        self._load_recent()
        self.query_one(LocalFooter).refresh(recompose=True)  # its keys' words
        self.refresh_bindings()

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
        self._show_problems()
        opts = [Option(prompt, id=deck_id) for deck_id, prompt in self._deck_prompts().items()]
        decks = self.query_one("#decks", OptionList)
        decks.set_options(opts)
        if opts:
            decks.highlighted = 0
        self._describe()

    def _show_problems(self) -> None:
        problems = self.query_one("#problems", Static)
        problems.display = bool(self.problems)
        if self.problems:
            problems.update(plain(_("Some content could not be loaded:", self.lang) + "\n"
                                  + "\n".join(self.problems[:10])))

    def _deck_prompts(self) -> dict[str, Content]:
        """Each deck's title and, under it, its rounds, length, teams, id and where it comes from."""
        lang = self.lang
        prompts = {}
        for deck_id, (deck, _lib, origin) in self.decks.items():
            title = deck.title.get(deck.language)
            rounds = ngettext("{n} round", "{n} rounds", len(deck.rounds), lang).format(n=len(deck.rounds))
            teams = ngettext("{n} team", "{n} teams", len(deck.teams), lang).format(n=len(deck.teams))
            minutes = f"{deck.minutes} {t('minutes', lang)}"
            facts = " · ".join([rounds, minutes, teams, deck_id, origin_text(origin, lang)])
            prompts[deck_id] = Content.assemble((clip(title, 70), "bold"), (f"\n  {facts}", "dim"))
        return prompts

    def _deck_id(self) -> str | None:
        opt = self.query_one("#decks", OptionList).highlighted_option
        return opt.id if opt is not None else None

    def _describe(self) -> None:
        deck_id = self._deck_id()
        desc = self.query_one("#deck-desc", Static)
        if deck_id is None:
            desc.update(plain(_("No decks found.", self.lang)))
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

    def on_select_changed(self, _event: Select.Changed) -> None:
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

        lang = self.lang
        deck_id = self._deck_id()
        if deck_id is None:
            self.app.say(_("Choose a deck first.", lang), severity="warning")
            return
        raw = self.query_one("#seed", Input).value.strip()
        if raw and not raw.isdigit():
            self.app.say(_("The draw number is a whole number (or empty for a random one).", lang), severity="warning")
            return
        deck, lib, _origin = self.decks[deck_id]
        chosen = self.query_one("#lang", Select).value
        try:
            session, codes = create_session(deck, lib, lang=chosen if chosen in ("nl", "en") else None,
                                            seed=int(raw) if raw else None, now=self.app.clock)
        except (EngineError, StoreError, OSError) as exc:
            self.app.say(_("Could not create the session: {error}", lang).format(error=error_text(exc, lang)),
                         severity="error")
            return
        self.app.open_session(session, codes)

    # --- recent sessions --------------------------------------------------------------------------

    def _load_recent(self) -> None:
        from wargame.store import recent

        from ..summary import read_summary, summary_line

        lang = self.lang
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
                unreadable = _("not readable as a session · {when}", lang).format(when=when)
                opts.append(Option(Content.assemble((p.stem, "bold"), (f"\n  {unreadable}", "dim")), id=str(p)))
                continue
            opts.append(Option(Content.assemble((clip(s.title or p.stem, 60), "bold"), (f"  {clip(p.stem, 40)}", "dim"),
                                                (f"\n  {summary_line(s, when, lang)}", "dim")), id=str(p)))
        recent_list = self.query_one("#recent", OptionList)
        recent_list.set_options(opts or [Option(plain(_("No sessions yet.", lang)), disabled=True)])
        if opts:
            recent_list.highlighted = 0

    def _open_typed(self, typed: str) -> None:
        """A session file typed by its path (~ allowed), anywhere; or a session id of the sessions folder."""
        from wargame.store import resolve

        if not typed.strip():
            self.app.say(_("Type the path of a session file.", self.lang), severity="warning")
            return
        path = resolve(str(Path(typed.strip()).expanduser()))
        if not path.is_file():
            self.app.say(_("No session file at {path}", self.lang).format(path=path), severity="error")
            return
        self._resume(path)

    def action_replay(self) -> None:
        """Replay a session, read only: the file typed in the path field (when it has the focus and
        something typed), else the highlighted recent session."""
        from wargame.store import resolve

        typed = self.query_one("#open-path", Input)
        if typed.has_focus and typed.value.strip():
            path = resolve(str(Path(typed.value.strip()).expanduser()))
            if not path.is_file():
                self.app.say(_("No session file at {path}", self.lang).format(path=path), severity="error")
                return
            self.app.open_replay(path)
            return
        opt = self.query_one("#recent", OptionList).highlighted_option
        if opt is None or not opt.id:
            self.app.say(_("Choose a recent session, or type a session file's path, to replay.", self.lang),
                         severity="warning")
            return
        self.app.open_replay(Path(opt.id))

    def _resume(self, path: Path) -> None:
        from wargame.engine.session import EngineError, Session
        from wargame.store import StoreError

        try:
            session = Session.open(path, now=self.app.clock, resume=True)
        except (EngineError, StoreError) as exc:
            self.app.say(_("Could not open {name}: {error}", self.lang).format(
                name=path.name, error=error_text(exc, self.lang)),
                         severity="error")
            return
        self.app.open_session(session, {})


def origin_text(origin: str, lang: str) -> str:
    """Where a deck comes from (`deck_choices`: "built-in", or "local: " and its folder), in `lang`."""
    if origin == "built-in":
        return _("built-in", lang)
    folder = origin.removeprefix("local: ")
    return _("local: {folder}", lang).format(folder=folder) if folder != origin else origin
