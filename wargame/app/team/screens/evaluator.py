"""The evaluator's and the observer's console (`wargame join --evaluator`, `--observer`): the exercise as
it is played, read live (every inject delivered with each team's version, the moves a seat may read,
the rulings), and for an evaluator the forms that record observations and HSEEP ratings, signed with
its name. An observer only reads.

Writing goes through a Session opened for the seat: the store refuses anything else (an observer's
observation, a move), whatever the screen does.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from wargame.engine import events as ev
from wargame.engine.session import EngineError, Session
from wargame.engine.state import SessionState
from wargame.store import StoreError
from wargame.views.evaluation import about_text, kind_text, rating_text
from wargame.views.i18n import error_text, ngettext
from wargame.views.i18n import gettext as _

from ... import view
from ...live import Live
from ...widgets.footer import LocalFooter
from ...widgets.safe import clip, lines, plain, set_content
from ..evaluating import (
    WHOLE,
    current_rating,
    objectives,
    rated_teams,
    rounds_played,
    seat_name,
    watch_phase,
)
from ..reading import render_own, render_reading
from ..ui import Attempts, speaking
from ..widgets import TeamCountdown
from .console import POLL, WIDE

Words = Callable[[str], str]
"""A message as words in a given language: shown again in the other one after a switch."""

LABELS = {
    "#name-label": "Your name (it signs your observations and ratings)",
    "#obs-objective-label": "Exercise objective",
    "#obs-team-label": "About",
    "#obs-round-label": "Round",
    "#obs-kind-label": "What it says",
    "#obs-text-label": "What you saw",
    "#rate-objective-label": "Exercise objective",
    "#rate-team-label": "Team",
    "#rate-letter-label": "Rating",
    "#rate-reasons-label": "Reasons for the rating",
}
"""The forms' labels, English: shown through the catalogues (again after a language switch)."""

BUTTONS = {"#obs-save": "Save observation (ctrl+s)", "#rate-save": "Save rating (ctrl+s)"}
TABS = {"observe": "Observation", "rate": "Rating", "own": "Yours"}


class EvaluatorScreen(Screen[None]):
    DEFAULT_CSS = """
    EvaluatorScreen #top { height: auto; }
    EvaluatorScreen #top-text { width: 1fr; height: auto; padding: 0 1; }
    EvaluatorScreen #body { height: 1fr; layout: vertical; }
    EvaluatorScreen.-wide #body { layout: horizontal; }
    EvaluatorScreen #reading { height: 1fr; width: 1fr; padding: 0 1; }
    EvaluatorScreen #writing { height: 1fr; width: 1fr; }
    EvaluatorScreen.-wide #writing { border-left: vkey $primary; }
    EvaluatorScreen.-narrow #writing { display: none; }
    EvaluatorScreen.-narrow.-writing #writing { display: block; }
    EvaluatorScreen.-narrow.-writing #reading { display: none; }
    EvaluatorScreen #trouble { color: $error; text-style: bold; height: auto; padding: 0 1; }
    EvaluatorScreen #name-row { height: auto; padding: 0 1; }
    EvaluatorScreen #name { width: 1fr; }
    EvaluatorScreen #tabs { height: 1fr; }
    EvaluatorScreen #tabs ContentSwitcher { height: 1fr; }
    EvaluatorScreen TabPane { height: 1fr; padding: 0; }
    EvaluatorScreen .pane { height: 1fr; padding: 0 1; }
    EvaluatorScreen .pair { height: auto; }
    EvaluatorScreen .pair > Vertical { height: auto; width: 1fr; }
    EvaluatorScreen .field-label { margin-top: 1; color: $text-muted; }
    EvaluatorScreen RadioSet { width: 100%; }
    EvaluatorScreen TextArea { height: 5; }
    EvaluatorScreen Button { margin-top: 1; }
    EvaluatorScreen .form-status { margin-top: 1; height: auto; }
    EvaluatorScreen .form-status.-ok { color: $success; text-style: bold; }
    EvaluatorScreen .form-status.-error { color: $error; text-style: bold; }
    EvaluatorScreen #rate-current { margin-top: 1; height: auto; color: $text-muted; }
    EvaluatorScreen #no-objectives { margin-bottom: 1; color: $warning; text-style: italic; }
    """

    BINDINGS = [
        # not a priority binding: the keys typed just ahead of it reach the field first (as the move form)
        Binding("ctrl+s", "save", "Save", tooltip="Record the form shown (an observation or a rating)"),
        Binding("f3", "switch_pane", "Read/write", tooltip="The exercise, or your forms"),
    ]

    def __init__(self, session: Session, seat: str) -> None:
        super().__init__()
        self.session = session
        self.seat = seat
        self.attempts = Attempts("observation")
        """One key per observation: saving it again after an unclear failure records it once."""
        self._lang = ""
        self._round = -2
        self._trouble: Words | None = None
        self._said: dict[str, tuple[Words, bool]] = {}
        """Each form's status line (by the Static's id): its words, and whether it is an error."""

    @property
    def state(self) -> SessionState:
        return self.session.state

    @property
    def lang(self) -> str:
        return self.app.ui_lang  # type: ignore[attr-defined]

    @property
    def writes(self) -> bool:
        """Whether this console has forms: an evaluator's, on a deck with exercise objectives."""
        return self.seat == ev.EVALUATOR and bool(objectives(self.state))

    @property
    def author(self) -> str:
        """The name the evaluator signs with, as typed (remembered by the app across screens)."""
        return getattr(self.app, "evaluator_name", "")

    def shown(self) -> SessionState:
        return speaking(self.state, self.lang)

    # --- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        lang = self._lang = self.lang
        with Horizontal(id="top"):
            yield Static(id="top-text")
            yield TeamCountdown(id="countdown")
        yield Static(id="trouble")
        with Vertical(id="body"):
            with VerticalScroll(id="reading"):
                if self.seat == ev.EVALUATOR and not self.writes:
                    yield Static(id="no-objectives")
                yield Static(id="reading-text")
            if self.writes:
                with Vertical(id="writing"):
                    yield from self._compose_forms(lang)
        yield LocalFooter()

    def choices(self) -> dict[str, list[tuple[Content, object]]]:
        """The options of each of the forms' Selects (by id), in the console's language."""
        st, lang = self.shown(), self.lang
        objective: list[tuple[Content, object]] = [(plain(clip(o.title.get(lang), 70)), o.id) for o in objectives(st)]
        teams: list[tuple[Content, object]] = [(plain(view.team_name(st, t)), t) for t in st.teams]
        picked = list(self.query("#rate-objective").results(Select))  # none while the forms are composed
        chosen = picked[0].value if picked else objective[0][1] if objective else None
        rated: list[tuple[Content, object]] = [(plain(view.team_name(st, t)), t) for t in rated_teams(st, chosen)]
        return {"#obs-objective": objective, "#rate-objective": objective, "#rate-team": rated,
                "#obs-team": [(plain(about_text(st, WHOLE, lang)), WHOLE), *teams],
                "#obs-round": [(plain(_("Round {n}", lang).format(n=r + 1)), r) for r in rounds_played(st)]}

    def _compose_forms(self, lang: str) -> ComposeResult:
        choices = self.choices()
        with Vertical(id="name-row"):
            yield Label(id="name-label", classes="field-label")
            yield Input(value=self.author, id="name", max_length=120)
        with TabbedContent(id="tabs"):
            with TabPane(_(TABS["observe"], lang), id="observe"), VerticalScroll(classes="pane"):
                yield Label(id="obs-objective-label", classes="field-label")
                yield Select(choices["#obs-objective"], id="obs-objective", allow_blank=False)
                with Horizontal(classes="pair"):
                    with Vertical():
                        yield Label(id="obs-team-label", classes="field-label")
                        yield Select(choices["#obs-team"], id="obs-team", allow_blank=False)
                    with Vertical():
                        yield Label(id="obs-round-label", classes="field-label")
                        yield Select(choices["#obs-round"], id="obs-round", allow_blank=False,
                                     value=rounds_played(self.state)[-1])
                yield Label(id="obs-kind-label", classes="field-label")
                with RadioSet(id="obs-kind"):
                    for n, kind in enumerate(ev.OBSERVATION_KINDS):
                        yield RadioButton(plain(kind_text(kind, lang)), value=n == 0)
                yield Label(id="obs-text-label", classes="field-label")
                yield TextArea(id="obs-text", soft_wrap=True)
                yield Button("", variant="primary", id="obs-save")
                yield Static(id="obs-status", classes="form-status")
            with TabPane(_(TABS["rate"], lang), id="rate"), VerticalScroll(classes="pane"):
                yield Label(id="rate-objective-label", classes="field-label")
                yield Select(choices["#rate-objective"], id="rate-objective", allow_blank=False)
                yield Label(id="rate-team-label", classes="field-label")
                yield Select(choices["#rate-team"], id="rate-team", allow_blank=False)
                yield Static(id="rate-current")
                yield Label(id="rate-letter-label", classes="field-label")
                with RadioSet(id="rate-letter"):
                    for letter in ev.RATINGS:
                        yield RadioButton(plain(rating_text(letter, lang)))
                yield Label(id="rate-reasons-label", classes="field-label")
                yield TextArea(id="rate-reasons", soft_wrap=True)
                yield Button("", variant="primary", id="rate-save")
                yield Static(id="rate-status", classes="form-status")
            with TabPane(_(TABS["own"], lang), id="own"), VerticalScroll(classes="pane"):
                yield Static(id="own-text")

    def on_mount(self) -> None:
        self._layout()
        self._round = self.state.round
        if self.writes:
            self.relabel_forms()
        self.sync()
        self.set_interval(POLL, self.poll, name="poll")
        Live(self, self.look).follow(self.session)
        if self.writes and self.has_class("-wide"):
            self.query_one("#name" if not self.author else "#obs-text").focus(scroll_visible=False)
        else:  # the exercise is read first: its keys scroll it
            self.query_one("#reading").focus(scroll_visible=False)

    def on_resize(self) -> None:
        self._layout()
        self.show_top()

    def _layout(self) -> None:
        wide = self.app.size.width >= WIDE
        self.set_class(wide, "-wide")
        self.set_class(not wide, "-narrow")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The write keys only where there are forms: none for an observer (the footer shows none)."""
        if action in ("save", "switch_pane"):
            return self.writes
        return True

    def action_switch_pane(self) -> None:
        """f3: in a narrow terminal the exercise or the forms; in a wide one, the cursor to the other side."""
        if not self.writes:
            return
        if self.has_class("-narrow"):
            self.toggle_class("-writing")
            if not self.has_class("-writing"):
                self.query_one("#reading").focus(scroll_visible=False)
                return
        elif self.query_one("#writing").has_focus_within:
            self.query_one("#reading").focus(scroll_visible=False)
            return
        self.query_one("#obs-text" if self.author else "#name").focus(scroll_visible=False)

    # --- words -------------------------------------------------------------------------------

    def relabel(self) -> None:
        """Every word again in the console's language (after its own switch, or the session's); what the
        forms hold stays."""
        self._lang = self.lang
        if self.writes:
            self.relabel_forms()
        self.sync()

    def relabel_forms(self) -> None:
        lang = self.lang
        for selector, text in LABELS.items():
            self.query_one(selector, Label).update(plain(_(text, lang)))
        for selector, text in BUTTONS.items():
            self.query_one(selector, Button).label = plain(_(text, lang))
        tabs = self.query_one("#tabs", TabbedContent)
        for pane, text in TABS.items():
            tabs.get_tab(pane).label = plain(_(text, lang))
        kinds, letters = self.query_one("#obs-kind", RadioSet), self.query_one("#rate-letter", RadioSet)
        for button, kind in zip(kinds.query(RadioButton), ev.OBSERVATION_KINDS, strict=True):
            button.label = plain(kind_text(kind, lang))
        for button, letter in zip(letters.query(RadioButton), ev.RATINGS, strict=True):
            button.label = plain(rating_text(letter, lang))
        for selector, options in self.choices().items():
            if selector != "#obs-round":
                _set_options(self.query_one(selector, Select), options)
        self.show_rounds()
        for box, (words, error) in self._said.items():
            self._show_status(box, words, error)

    def show_rounds(self) -> None:
        """The rounds an observation may be about; the current one chosen while it was (or none was)."""
        select = self.query_one("#obs-round", Select)
        before = select.value
        rounds = rounds_played(self.state)
        select.set_options(self.choices()["#obs-round"])
        select.value = rounds[-1] if before == max(self._round, 0) or before not in rounds else before

    # --- following the session -----------------------------------------------------------------

    def poll(self) -> None:
        if self.look() is False:
            self.show_top()

    def look(self) -> bool | None:
        """Fold in what the facilitator, the teams and the other evaluators wrote and show it; whether
        there was news (None: the file could not be read)."""
        try:
            new = self.session.poll()
        except (StoreError, sqlite3.Error) as exc:
            problem = str(exc)
            self._trouble = lambda lang: _("Cannot read the session file right now ({error}); still trying.",
                                           lang).format(error=problem)
            self.show_top()
            return None
        if self._trouble is not None:
            self._trouble = None
            self.show_top()
        if new:
            self.sync()
        return bool(new)

    def sync(self) -> None:
        """Show the whole state, in the console's language (all its words, if that changed)."""
        if self.lang != self._lang:  # the session's language changed, and this console follows it
            self.app.relabel()  # type: ignore[attr-defined]
            return
        st = self.shown()
        if self.writes and st.round != self._round:
            self.show_rounds()
        self._round = st.round
        self.show_top()
        set_content(self.query_one("#reading-text", Static), render_reading(st))
        for box in self.query("#no-objectives").results(Static):
            box.update(plain(_("This deck states no exercise objectives: there is nothing to observe or rate against, "
                               "so the forms are not available.", self._lang)))
        if self.writes:
            self.show_own()

    def show_top(self) -> None:
        """The header: the session, the seat, the round and the phase; the clock; a trouble reading the file."""
        lang, now = self.lang, self.session.now()
        st = self.shown()
        rounds = len(st.deck.rounds) if st.deck else 0
        if st.started:
            where = Content.assemble(
                (_("Round {n}/{total}: ", lang).format(n=st.round + 1, total=rounds), "bold"),
                (clip(view.round_title(st, st.round), 40), "bold $accent"), " · ", watch_phase(st, now, lang))
        else:
            where = Content.styled(ngettext("Not started · {n} round", "Not started · {n} rounds", rounds,
                                            lang).format(n=rounds), "bold")
        set_content(self.query_one("#top-text", Static), lines([
            Content.assemble((seat_name(self.seat, lang), "bold reverse"), "  ", (clip(st.title, 60), "dim")),
            where]))
        countdown = self.query_one(TeamCountdown)
        countdown.display = st.started and not st.ended and self.has_class("-wide")  # narrow: the header says it
        countdown.show(st.clock if st.current else None, now, reopened=st.reopened)
        trouble = self.query_one("#trouble", Static)
        trouble.display = self._trouble is not None
        trouble.update(plain(self._trouble(lang) if self._trouble else ""))

    def show_own(self) -> None:
        """The evaluator's own list, and its current rating of the pair the rating form shows."""
        st = self.shown()
        set_content(self.query_one("#own-text", Static), render_own(st, self.author))
        objective, team = self.query_one("#rate-objective", Select).value, self.query_one("#rate-team", Select).value
        mine = current_rating(st, self.author, team, objective) if isinstance(team, str) and isinstance(
            objective, str) else None
        box = self.query_one("#rate-current", Static)
        if mine is None:
            box.update(plain(_("You have not rated this objective for this team yet.", self.lang)))
        else:
            box.update(Content.assemble(_("Your rating now: ", self.lang),
                                        (rating_text(mine.rating, self.lang), "bold"),
                                        f" · {mine.reasons}" if mine.reasons.strip() else ""))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "name":
            self.app.evaluator_name = event.value.strip()  # type: ignore[attr-defined]
            self.show_own()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "rate-objective" and self.writes:  # only the teams this objective is rated for
            _set_options(self.query_one("#rate-team", Select), self.choices()["#rate-team"])
        if event.select.id in ("rate-objective", "rate-team") and self.writes:
            self.show_own()

    # --- the forms -----------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("obs-save", "rate-save"):
            event.stop()
            self.save_observation() if event.button.id == "obs-save" else self.save_rating()

    def action_save(self) -> None:
        """ctrl+s: record the form shown."""
        if not self.writes:
            return
        active = self.query_one("#tabs", TabbedContent).active
        if active == "observe":
            self.save_observation()
        elif active == "rate":
            self.save_rating()

    def save_observation(self) -> None:
        text = self.query_one("#obs-text", TextArea)
        kind = ev.OBSERVATION_KINDS[max(self.query_one("#obs-kind", RadioSet).pressed_index, 0)]
        round_value = self.query_one("#obs-round", Select).value
        round_no = round_value if isinstance(round_value, int) else max(self.state.round, 0)
        objective = _value(self.query_one("#obs-objective", Select))
        team = _value(self.query_one("#obs-team", Select))
        key = self.attempts.key_for(objective, team, round_no, kind, text.text, self.author)
        done = self._write("#obs-status", lambda: self.session.record_observation(
            objective, team, round_no, text.text, kind=kind, author=self.author, key=key))
        if done:
            self.attempts.committed()
            at = time.strftime("%H:%M:%S")
            self.say("#obs-status", lambda lang: _("✓ Observation recorded at {time}.", lang).format(time=at))
            text.text = ""
            text.focus()

    def save_rating(self) -> None:
        index = self.query_one("#rate-letter", RadioSet).pressed_index
        done = self._write("#rate-status", lambda: self.session.rate(
            _value(self.query_one("#rate-objective", Select)), _value(self.query_one("#rate-team", Select)),
            ev.RATINGS[index] if index >= 0 else "", self.query_one("#rate-reasons", TextArea).text,
            author=self.author))
        if done:
            at = time.strftime("%H:%M:%S")
            self.say("#rate-status", lambda lang: _("✓ Rating recorded at {time}. Rating this objective for this "
                                                    "team again replaces it.", lang).format(time=at))

    def _write(self, box: str, write: Callable[[], object]) -> bool:
        """Carry out `write`; whether the store committed it. A refusal is said under the form, the text kept."""
        try:
            write()
        except EngineError as exc:
            refused = exc
            self.say(box, lambda lang: _("Not recorded: {error}. Your text is kept in the form.", lang).format(
                error=error_text(refused, lang)), error=True)
            if not self.author:
                self.query_one("#name").focus()
            return False
        except (StoreError, sqlite3.Error) as exc:
            failed = str(exc)
            self.say(box, lambda lang: _("Not recorded: the session file could not be written ({error}). "
                                         "Your text is kept in the form; submit again.", lang).format(error=failed),
                     error=True)
            return False
        self.sync()
        return True

    def say(self, box: str, words: Words, *, error: bool = False) -> None:
        """Say `words` under a form (in the console's language, again after a switch)."""
        self._said[box] = (words, error)
        self._show_status(box, words, error)

    def _show_status(self, box: str, words: Words, error: bool) -> None:
        status = self.query_one(box, Static)
        status.update(plain(words(self.lang)))
        status.set_class(error, "-error")
        status.set_class(not error, "-ok")


def _value(select: Select) -> str:
    """A Select's choice, or "" when none (which the engine refuses, in words)."""
    value = select.value
    return value if isinstance(value, str) else ""


def _set_options(select: Select, options: list[tuple[Content, object]]) -> None:
    """New options (words in another language), the choice kept where it still is one."""
    before = select.value
    select.set_options(options)
    if any(value == before for _label, value in options):
        select.value = before
