"""The participant feedback form over the team console, once the exercise has ended: a rating from 1 to 5
per exercise objective (each may be left unrated) and free text. Several participants share one team
console: each sending is one form, and the form empties for the next participant.

The debrief shows the forms only aggregated, never by team (`wargame.views.evaluation`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static, TextArea

from wargame.engine import events as ev
from wargame.engine.session import EngineError, Session
from wargame.model import ExerciseObjective
from wargame.store import StoreError
from wargame.views.i18n import N_, error_text
from wargame.views.i18n import gettext as _

from ...widgets.footer import LocalFooter
from ...widgets.safe import lines, plain
from ..ui import Attempts

SCALE = {
    1: N_("strongly disagree"),
    2: N_("disagree"),
    3: N_("neither agree nor disagree"),
    4: N_("agree"),
    5: N_("strongly agree"),
}
"""The words of each point of the scale, English: shown through the catalogues."""

Words = Callable[[str], str]
"""A message as words in a given language: shown again in the other one after a switch."""


def scale_options(lang: str) -> list[tuple[Content, int]]:
    """The choices of one objective's rating: "1 — strongly disagree" … "5 — strongly agree"."""
    return [(plain(f"{n} — {_(SCALE[n], lang)}"), n) for n in ev.FEEDBACK_SCALE]


def thanks(lang: str) -> str:
    """What the form says once a participant's form is sent."""
    return " ".join((_("✓ Thank you: your form is sent.", lang),
                     _("Another participant at this console may fill in a form too.", lang),
                     _("The answers appear in the debrief only aggregated, never by team.", lang)))


class FeedbackScreen(ModalScreen[None]):
    """One participant's feedback form; ctrl+s sends it, Escape goes back to the console."""

    DEFAULT_CSS = """
    FeedbackScreen { align: center middle; }
    FeedbackScreen #feedback {
        width: 100%;
        max-width: 100;
        height: auto;
        max-height: 100%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    FeedbackScreen #feedback-title { text-style: bold; color: $accent; }
    FeedbackScreen #feedback-intro { margin-top: 1; }
    FeedbackScreen .objective { height: auto; margin-top: 1; }
    FeedbackScreen .objective Label { width: 1fr; padding-top: 1; }
    FeedbackScreen .objective Select { width: 38; }
    FeedbackScreen #text-label { margin-top: 1; color: $text-muted; }
    FeedbackScreen #feedback-text { height: 5; }
    FeedbackScreen #feedback-buttons { height: auto; margin-top: 1; }
    FeedbackScreen #feedback-buttons Button { margin-right: 1; }
    FeedbackScreen #feedback-status { margin-top: 1; height: auto; display: none; }
    FeedbackScreen #feedback-status.-ok { color: $success; text-style: bold; }
    FeedbackScreen #feedback-status.-error { color: $error; text-style: bold; }
    """

    BINDINGS = [
        # not a priority binding: the keys typed just before it reach the text box first
        Binding("ctrl+s", "send", "Send", tooltip="Send your feedback form"),
        Binding("escape", "close", "Close", tooltip="Back to your console"),
        # a modal screen stops the app's own keys: these two pass them on
        Binding("ctrl+q", "app.quit", "Quit", tooltip="Leave the team console (your recorded moves stay)"),
        Binding("ctrl+l", "app.switch_language", "NL/EN", tooltip="This console in Dutch or in English"),
    ]

    def __init__(self, session: Session, team: str) -> None:
        super().__init__()
        self.session = session
        self.team = team
        self.attempts = Attempts("feedback")
        """One key per form: sending it again after an unclear failure records it once."""
        self._status: tuple[Words, bool, bool] = (lambda lang: "", False, False)

    @property
    def lang(self) -> str:
        return self.app.ui_lang  # type: ignore[attr-defined]

    @property
    def objectives(self) -> tuple[ExerciseObjective, ...]:
        """The exercise objectives this team works on (a red team plays against them: free text only)."""
        deck = self.session.state.deck
        return tuple(o for o in deck.objectives if o.rates(self.team)) if deck is not None else ()

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="feedback"):
            yield Static(id="feedback-title")
            yield Static(id="feedback-status")  # at the top: in view after sending, however small the terminal
            yield Static(id="feedback-intro")
            for n in range(len(self.objectives)):
                with Horizontal(classes="objective"):
                    yield Label(id=f"objective-{n}")
                    yield Select(scale_options(lang), prompt=_("not rated", lang), id=f"rating-{n}")
            yield Label(id="text-label")
            yield TextArea(id="feedback-text", soft_wrap=True)
            with Horizontal(id="feedback-buttons"):
                yield Button(variant="primary", id="send")
                yield Button(id="close")
        yield LocalFooter()

    def on_mount(self) -> None:
        self.relabel()
        self.first_field().focus()

    def first_field(self) -> Select | TextArea:
        """Where a participant starts: the first objective's rating, or the text box when there is none."""
        return self.query(Select).first() if self.objectives else self.query_one("#feedback-text", TextArea)

    def relabel(self) -> None:
        """Every word in the console's language (again after a switch); what the form holds stays."""
        lang = self.lang
        self.query_one("#feedback-title", Static).update(plain(_("Your feedback on the exercise", lang)))
        intro = [Content.styled(_("The answers appear in the debrief only aggregated, never by team.", lang), "dim")]
        if self.objectives:
            intro = [plain(_("For each exercise objective: “The exercise let our team work on this objective.”",
                             lang)),
                     plain(_("1 = strongly disagree … 5 = strongly agree; leave an objective unrated if you "
                             "cannot say.", lang)), *intro]
        self.query_one("#feedback-intro", Static).update(lines(intro))
        for n, objective in enumerate(self.objectives):
            self.query_one(f"#objective-{n}", Label).update(plain(f"{n + 1}. {objective.title.get(lang)}"))
            select = self.query_one(f"#rating-{n}", Select)
            value = select.value
            select.prompt = _("not rated", lang)
            select.set_options(scale_options(lang))
            if isinstance(value, int):
                select.value = value
        self.query_one("#text-label", Label).update(plain(_("What worked, what should change?", lang)))
        for selector, label in (("#send", _("Send (ctrl+s)", lang)), ("#close", _("Back (Esc)", lang))):
            button = self.query_one(selector, Button)
            button.label = plain(label)
            button.refresh(layout=True)  # a new label does not resize a button by itself
        self._show_status()

    def ratings(self) -> dict[str, int]:
        """The objectives rated in the form, by id, with their rating."""
        chosen = {o.id: self.query_one(f"#rating-{n}", Select).value for n, o in enumerate(self.objectives)}
        return {oid: value for oid, value in chosen.items() if isinstance(value, int)}

    def clear(self) -> None:
        """An empty form, for the next participant at this console."""
        for select in self.query(Select):
            select.clear()
        self.query_one("#feedback-text", TextArea).text = ""

    def status(self, message: Words, *, ok: bool = False, error: bool = False) -> None:
        """Say `message` at the top of the form (in the console's language, again after a switch), and show it."""
        self._status = (message, ok, error)
        self._show_status()
        self.query_one("#feedback", VerticalScroll).scroll_home(animate=False)

    def _show_status(self) -> None:
        message, ok, error = self._status
        box = self.query_one("#feedback-status", Static)
        words = message(self.lang)
        box.update(plain(words))
        box.display = bool(words)
        box.set_class(ok, "-ok")
        box.set_class(error, "-error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "send":
            self.action_send()
        elif event.button.id == "close":
            self.action_close()

    def action_send(self) -> None:
        """Send the form as one participant's; 'thank you' only once the store has committed it."""
        text = self.query_one("#feedback-text", TextArea).text
        ratings = self.ratings()
        try:
            self.session.give_feedback(self.team, ratings, text,
                                       key=self.attempts.key_for(tuple(sorted(ratings.items())), text))
        except EngineError as exc:
            refused = exc
            self.status(lambda lang: _("Not sent: {error}. Your answers are kept in the form.", lang).format(
                error=error_text(refused, lang)), error=True)
            return
        except (StoreError, sqlite3.Error) as exc:
            failed = str(exc)
            self.status(lambda lang: _("Not sent: the session file could not be written ({error}). Your answers "
                                       "are kept in the form; send again.", lang).format(error=failed), error=True)
            return
        self.attempts.committed()
        self.clear()
        self.first_field().focus(scroll_visible=False)
        self.status(thanks, ok=True)

    def action_close(self) -> None:
        self.dismiss(None)
