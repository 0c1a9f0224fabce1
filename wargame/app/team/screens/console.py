"""The team's console: the inject (in the team's own version), the clock, the world, the move form,
the team's own moves, and its brief (F2 or b; shown by itself on sign-in while the team has no move);
once the exercise has ended, the participants' feedback form (F3).

It follows the session live (`app.live`): a new inject or round from the facilitator shows as soon
as it is committed. Writing goes through a Session opened for this team only: the store refuses
anything else, whatever the screen does.
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
from textual.widgets import Button, Checkbox, Label, Select, Static, TextArea

from wargame.engine.session import EngineError, Session
from wargame.engine.state import Move, SessionState
from wargame.store import StoreError
from wargame.views.i18n import error_text, ngettext
from wargame.views.i18n import gettext as _
from wargame.views.visibility import inject_shown, shows_world, team_inject, this_round_move, visible_inject
from wargame.views.words import outcome_text

from ... import view
from ...live import Live
from ...widgets.axis_cross import AxisCross
from ...widgets.footer import LocalFooter
from ...widgets.safe import clip, lines, plain
from ...widgets.tracks import TracksPanel
from ..ui import PHASE_TEXT, Attempts, Draft, phase, speaking
from ..widgets import OwnMoves, TeamCountdown, TeamInjectCard
from .brief import BriefScreen
from .feedback import FeedbackScreen

POLL = 0.5
"""Seconds between ticks of the clock, each also a look at the session file (besides those its writes wake)."""

WIDE = 110
"""From this many columns on, the inject and the move form stand side by side."""

Words = Callable[[str], str]
"""A message as words in a given language: shown again in the other one after a switch."""


class TeamScreen(Screen[None]):
    DEFAULT_CSS = """
    TeamScreen #top { height: auto; }
    TeamScreen #top-text { width: 1fr; height: auto; padding: 0 1; }
    TeamScreen #body { height: 1fr; layout: vertical; overflow-y: auto; }
    TeamScreen.-wide #body { layout: horizontal; overflow-y: hidden; }
    TeamScreen #left, TeamScreen #right { height: auto; width: 1fr; overflow-y: hidden; }
    TeamScreen.-wide #left, TeamScreen.-wide #right { height: 1fr; overflow-y: auto; }
    TeamScreen.-wide #right { border-left: vkey $primary; }
    TeamScreen #phase { padding: 0 1; margin-bottom: 1; height: auto; }
    TeamScreen #phase.-closed { color: $error; text-style: bold; }
    TeamScreen #phase.-open { color: $success; }
    TeamScreen #give-feedback { display: none; margin-bottom: 1; }
    TeamScreen.-ended #give-feedback { display: block; }
    TeamScreen #world-box { height: auto; margin: 1 0; }
    TeamScreen #position { padding: 0 1; color: $text-muted; }
    TeamScreen #form { height: auto; padding: 0 1; }
    TeamScreen #form-title, TeamScreen #moves-title { text-style: bold; color: $accent; margin-top: 1; }
    TeamScreen .field-label { margin-top: 1; color: $text-muted; }
    TeamScreen TextArea { height: 5; }
    TeamScreen #action { height: 4; }
    TeamScreen #form-buttons { height: auto; margin-top: 1; }
    TeamScreen #form-status { margin-top: 1; height: auto; }
    TeamScreen #form-status.-ok { color: $success; text-style: bold; }
    TeamScreen #form-status.-error { color: $error; text-style: bold; }
    TeamScreen .answering { display: none; }
    TeamScreen.-several .answering { display: block; }
    """

    BINDINGS = [
        # not a priority binding: those act as the key arrives, before the keys typed just ahead of it
        # have reached the field, so a fast typist (or a paste) would submit the text without them
        Binding("ctrl+s", "submit", "Submit move", tooltip="Record your move (again: it replaces it)"),
        # F2 also while typing in the form, where b is a letter
        Binding("f2,b", "brief", "Brief", tooltip="Your team's brief: role, objectives, red lines, levers"),
        # a function key: the move form takes every letter; shown once the exercise has ended
        Binding("f3", "feedback", "Feedback", tooltip="Your feedback on the exercise: one form per participant"),
    ]

    def __init__(self, session: Session, team: str) -> None:
        super().__init__()
        self.session = session
        self.team = team
        self.attempts = Attempts()
        self._loaded = Draft.of(None)
        """What the form held when last loaded or recorded: the form is 'clean' while it still holds that."""
        self._round = -2
        self._deliveries = 0
        self._rulings: set[tuple[str, int]] = set()
        self._phase = ""
        self._ended = False
        self._lang = ""
        """The language the screen's words were last shown in."""
        self._status: tuple[Words, bool, bool] = (lambda lang: "", False, False)
        """The form's status line: its words, whether it says all went well, whether it is an error."""

    @property
    def state(self) -> SessionState:
        return self.session.state

    @property
    def lang(self) -> str:
        """The console's language (its own choice, else the session's)."""
        return self.app.ui_lang  # type: ignore[attr-defined]

    def shown(self) -> SessionState:
        """The state as this console shows it: in its own language."""
        return speaking(self.state, self.lang)

    def now(self) -> float:
        return self.session.now()

    def compose(self) -> ComposeResult:
        lang = self._lang = self.lang
        with Horizontal(id="top"):
            yield Static(id="top-text")
            yield TeamCountdown(id="countdown")
        with Vertical(id="body"):
            with VerticalScroll(id="left"):
                yield Static(id="phase")
                yield Button(plain(_("Give your feedback (F3)", lang)), variant="success", id="give-feedback")
                yield TeamInjectCard(id="card")
                if shows_world(self.state):
                    with Vertical(id="world-box"):
                        yield AxisCross(id="cross")
                        yield Static(id="position")
                        yield TracksPanel(id="tracks")
            with VerticalScroll(id="right"):
                with Vertical(id="form"):
                    yield Static(id="form-title")
                    yield Label(plain(_("Your move answers", lang)), id="answering-label",
                                classes="field-label answering")
                    yield Select([], id="answering", prompt=_("The inject being played", lang), classes="answering")
                    yield Label(plain(_("Action: what your team does", lang)), id="action-label",
                                classes="field-label")
                    yield TextArea(id="action", soft_wrap=True)
                    yield Label(plain(_("Intended result", lang)), id="result-label", classes="field-label")
                    yield TextArea(id="result", soft_wrap=True)
                    yield Label(plain(_("Reasons: why it would work", lang)), id="reasons-label",
                                classes="field-label")
                    yield TextArea(id="reasons", soft_wrap=True)
                    yield Checkbox(plain(_("Private: only the facilitator sees it", lang)), id="private")
                    with Horizontal(id="form-buttons"):
                        yield Button(plain(_("Submit move (ctrl+s)", lang)), variant="primary", id="submit")
                    yield Static(id="form-status")
                yield Static(plain(_("Your moves", lang)), id="moves-title")
                yield OwnMoves(id="own-moves")
        yield LocalFooter()

    def relabel(self) -> None:
        """Every word again in the console's language (after its own switch, or the session's): the
        form's labels here, the rest by `sync`; what the form holds stays."""
        lang = self._lang = self.lang
        for selector, text in (("#answering-label", _("Your move answers", lang)),
                               ("#action-label", _("Action: what your team does", lang)),
                               ("#result-label", _("Intended result", lang)),
                               ("#reasons-label", _("Reasons: why it would work", lang))):
            self.query_one(selector, Label).update(plain(text))
        self.query_one("#answering", Select).prompt = _("The inject being played", lang)
        self.query_one("#private", Checkbox).label = plain(_("Private: only the facilitator sees it", lang))
        self.query_one("#submit", Button).label = plain(_("Submit move (ctrl+s)", lang))
        feedback = self.query_one("#give-feedback", Button)
        feedback.label = plain(_("Give your feedback (F3)", lang))
        feedback.refresh(layout=True)  # a new label does not resize a button by itself
        self.query_one("#moves-title", Static).update(plain(_("Your moves", lang)))
        self.show_answerable()
        self._show_status()
        self.sync()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= WIDE, "-wide")
        st = self.state
        self._round = st.round
        self._deliveries = len(st.deliveries)
        self._rulings = self._own_rulings()
        self._ended = st.ended
        self.show_answerable()
        self.load_form(Draft.of(this_round_move(st, self.team)))
        self.sync()
        self.set_interval(POLL, self.poll, name="poll")
        Live(self, self.look).follow(self.session)
        self.query_one("#action", TextArea).focus(scroll_visible=False)  # the inject is read first
        if self.first_sign_in():
            self.call_after_refresh(self.action_brief)

    def first_sign_in(self) -> bool:
        """Whether the brief opens by itself: the deck has one for the team and the team has recorded
        no move yet (a team back after a lost connection, mid-exercise, is not interrupted; after the
        end a participant comes for the feedback form)."""
        st = self.state
        return (not st.ended and st.deck is not None and st.deck.brief_for(self.team) is not None
                and not any(m.team == self.team for m in st.moves.values()))

    # --- the inject a move answers ------------------------------------------------------------------

    def answering(self) -> str | None:
        """The earlier inject of the round the form answers, chosen by the team; None: the one being played."""
        value = self.query_one("#answering", Select).value
        return value if isinstance(value, str) else None

    def answer(self) -> Move | None:
        """The team's current answer to the inject the form answers."""
        chosen = self.answering()
        return this_round_move(self.state, self.team) if chosen is None else \
            self.state.answers(chosen).get(self.team)

    def show_answerable(self) -> None:
        """Offer the round's earlier injects this team has read; the choice shows only when there are any."""
        st = self.state
        current = st.current.inject_id if st.current else None
        mine = [i for i in dict.fromkeys(d.inject_id for d in st.round_deliveries(st.round))
                if st.injects[i].reaches(self.team) and inject_shown(st.injects[i], self.team)]
        earlier = [i for i in mine if i != current]
        select = self.query_one("#answering", Select)
        keep = self.answering()
        titles = {i: team_inject(st.injects[i], self.team).title.get(self.lang) for i in earlier}
        select.set_options([(plain(clip(titles[i], 60)), i) for i in earlier])
        if keep in earlier:
            select.value = keep
        elif current not in mine and earlier:  # the inject being played is for other teams: answer yours
            select.value = earlier[-1]
        self.set_class(bool(earlier), "-several")

    def on_select_changed(self, event: Select.Changed) -> None:
        """Another inject chosen: its answer to edit (text typed and not sent stays in the form)."""
        if event.select.id != "answering":
            return
        if self.form_clean():
            self.load_form(Draft.of(self.answer()))
        self.sync()

    def action_brief(self) -> None:
        if self.is_current:
            self.app.push_screen(BriefScreen(self.state, self.team))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The feedback key exists (and shows in the footer) only once the exercise has ended."""
        return self.state.ended if action == "feedback" else True

    def action_feedback(self) -> None:
        if self.is_current and self.state.ended:
            self.app.push_screen(FeedbackScreen(self.session, self.team))

    def on_resize(self) -> None:
        wide = self.app.size.width >= WIDE
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
            if self.focused is not None:  # the layout changed under the cursor: keep it in view
                self.call_after_refresh(self.focused.scroll_visible, animate=False)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Typing always happens in view, also when the narrow layout stacks the form under the inject."""
        if event.text_area.has_focus:
            event.text_area.scroll_visible(animate=False)

    # --- following the session -------------------------------------------------------------------

    def poll(self) -> None:
        """Twice a second: fold in news (`look`), or else keep the clock going."""
        if self.look() is False:
            self.tick()

    def look(self) -> bool | None:
        """Fold in and show what the facilitator (or another console of this team) wrote; whether there
        was news (None: the file could not be read). Cheap when nothing is new."""
        try:
            new = self.session.poll()
        except (StoreError, sqlite3.Error) as exc:
            problem = str(exc)
            self.status(lambda lang: _("Cannot read the session file right now ({error}); still trying.",
                                       lang).format(error=problem), error=True)
            return None
        if new:
            self.news()
            # the screen shows the news once the app has taken the notifications about it (they queue there)
            self.app.call_later(self._sync_if_shown)
        return bool(new)

    def _sync_if_shown(self) -> None:
        if self.is_attached:
            self.sync()

    def news(self) -> None:
        """Tell the team what changed: a new round, a new inject, a ruling, the end."""
        st, lang = self.state, self.lang
        if st.round != self._round:
            self._round = st.round
            title = view.round_title(speaking(st, lang), st.round)
            self.app.notify(_("Round {n}: {title}", lang).format(n=st.round + 1, title=title),
                            title=_("New round", lang), markup=False)
            self.new_round_form()
        if len(st.deliveries) > self._deliveries:
            self._deliveries = len(st.deliveries)
            self.show_answerable()
            if self.form_clean() and self.answering() is None:  # the form answers the new inject now
                self.load_form(Draft.of(self.answer()))
            inj = visible_inject(st, self.team)
            if inj is not None:
                self.app.notify(team_inject(inj, self.team).title.get(lang), title=_("New inject", lang),
                                markup=False, timeout=8)
                self.query_one("#left", VerticalScroll).scroll_home(animate=False)
                if not self.has_class("-wide") and self.form_clean():
                    self.query_one("#body").scroll_home(animate=False)
        rulings = self._own_rulings()
        for move_id, _event in rulings - self._rulings:  # a new ruling, or a ruling changed
            r = st.rulings[move_id]
            self.app.notify(outcome_text(r.outcome, lang, ascii_signs=True),
                            title=_("The facilitator ruled on your move", lang), markup=False, timeout=8)
        self._rulings = rulings
        if st.ended and not self._ended:
            self._ended = True
            self.app.notify(_("The exercise has ended. F3: give your feedback.", lang), markup=False, timeout=10)
        # another console of this team recorded a move: show it, unless this form holds unsent edits
        latest = self.answer()
        if latest is not None and Draft.of(latest) != self._loaded and self.form_clean():
            self.load_form(Draft.of(latest))

    def _own_rulings(self) -> set[tuple[str, int]]:
        st = self.state
        return {(mid, r.event_id) for mid, r in st.rulings.items() if st.moves[mid].team == self.team}

    def tick(self) -> None:
        """Between events only time moves: the clock, and whether moves are still open."""
        st, now = self.state, self.now()
        self.query_one(TeamCountdown).show(st.clock if st.current else None, now, reopened=st.reopened)
        if phase(st, now) != self._phase:
            self.sync()

    def sync(self) -> None:
        """Show the whole state, in the console's language (all its words, if that changed)."""
        if self.lang != self._lang:  # the session's language changed, and this console follows it
            self.app.relabel()  # type: ignore[attr-defined]  # this screen's words, then sync again
            return
        lang, now = self._lang, self.now()
        st = self.shown()
        ph = phase(st, now)
        self._phase = ph
        rounds = len(st.deck.rounds) if st.deck else 0
        team_name = view.team_name(st, self.team)
        if st.started:
            where = Content.assemble((_("Round {n}/{total}: ", lang).format(n=st.round + 1, total=rounds), "bold"),
                                     (clip(view.round_title(st, st.round), 50), "bold $accent"))
        else:
            where = Content.styled(ngettext("Not started · {n} round", "Not started · {n} rounds", rounds,
                                            lang).format(n=rounds), "bold")
        self.query_one("#top-text", Static).update(lines([
            Content.assemble((team_name, "bold reverse"), "  ", (clip(st.title, 60), "dim")),
            where,
        ]))
        self.query_one(TeamCountdown).show(st.clock if st.current else None, now, reopened=st.reopened)
        box = self.query_one("#phase", Static)
        box.update(plain(_(PHASE_TEXT[ph], lang)))
        box.set_class(ph == "closed", "-closed")
        box.set_class(ph in ("open", "reopened"), "-open")
        if st.ended != self.has_class("-ended"):
            self.set_class(st.ended, "-ended")
            self.refresh_bindings()
        self.query_one(TeamInjectCard).show_team(st, self.team)
        if shows_world(st):
            self.query_one(AxisCross).show(st)
            self.query_one("#position", Static).update(plain(view.world_text(st)))
            self.query_one(TracksPanel).show(st)
        mine = self.answer()
        head = _("Your move · round {n}", lang).format(n=st.round + 1) if st.started else _("Your move", lang)
        if mine is not None:
            head += _(" · recorded {time} (submit again to replace it)", lang).format(
                time=time.strftime('%H:%M:%S', time.localtime(mine.at)))
        self.query_one("#form-title", Static).update(plain(head))
        self.query_one(OwnMoves).show_team(st, self.team)

    # --- the form --------------------------------------------------------------------------------

    def read_form(self) -> Draft:
        return Draft(self.query_one("#action", TextArea).text, self.query_one("#result", TextArea).text,
                     self.query_one("#reasons", TextArea).text, self.query_one("#private", Checkbox).value)

    def load_form(self, draft: Draft) -> None:
        self.query_one("#action", TextArea).text = draft.action
        self.query_one("#result", TextArea).text = draft.result
        self.query_one("#reasons", TextArea).text = draft.reasons
        self.query_one("#private", Checkbox).value = draft.private
        self._loaded = draft

    def form_clean(self) -> bool:
        return self.read_form() == self._loaded

    def new_round_form(self) -> None:
        """A new round starts with an empty form, unless it holds text not yet recorded: that stays."""
        self.show_answerable()
        if self.form_clean():
            self.load_form(Draft.of(self.answer()))
            self.status(lambda lang: "")
        else:
            self.status(lambda lang: _("A new round started. Your unsent text is still in the form: "
                                       "submit it for this round, or change it first.", lang), error=True)

    def status(self, message: Words, *, ok: bool = False, error: bool = False) -> None:
        """Say `message` under the form (its words in the console's language, again after a switch)."""
        self._status = (message, ok, error)
        self._show_status()

    def _show_status(self) -> None:
        message, ok, error = self._status
        box = self.query_one("#form-status", Static)
        box.update(plain(message(self.lang)))
        box.set_class(ok, "-ok")
        box.set_class(error, "-error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            event.stop()
            self.action_submit()
        elif event.button.id == "give-feedback":
            event.stop()
            self.action_feedback()

    def action_submit(self) -> None:
        """Record the form as this round's move. 'Recorded' is said only once the store has committed it."""
        draft = self.read_form()
        st = self.state
        chosen = self.answering()
        key = self.attempts.key_for(st.round, draft, chosen)
        try:
            move = self.session.record_move(self.team, draft.action, draft.result, draft.reasons, draft.private,
                                            key=key, inject=chosen)
        except EngineError as exc:
            refused = exc
            self.status(lambda lang: _("Not recorded: {error}. Your text is kept in the form.", lang).format(
                error=error_text(refused, lang)), error=True)
            self.app.notify(error_text(refused, self.lang), title=_("Move not recorded", self.lang), severity="error",
                            markup=False)
            return
        except (StoreError, sqlite3.Error) as exc:
            failed = str(exc)
            self.status(lambda lang: _("Not recorded: the session file could not be written ({error}). "
                                       "Your text is kept in the form; submit again.", lang).format(error=failed),
                        error=True)
            return
        self.attempts.committed()
        if Draft.of(move) != draft:  # the store's text (e.g. NUL characters dropped)
            self.load_form(Draft.of(move))
        self._loaded = Draft.of(move)
        versions = len(self.state.move_history(move.id))
        at, round_no = time.strftime('%H:%M:%S', time.localtime(move.at)), move.round + 1

        def recorded(lang: str) -> str:
            if versions > 1:
                return _("✓ Recorded at {time} (round {n}, version {version}). Submit again to replace it.",
                         lang).format(time=at, n=round_no, version=versions)
            return _("✓ Recorded at {time} (round {n}). Submit again to replace it.", lang).format(time=at, n=round_no)

        self.status(recorded, ok=True)
        self.app.notify(_("Your move is recorded.", self.lang), markup=False)
        self._rulings = self._own_rulings()
        self.sync()
