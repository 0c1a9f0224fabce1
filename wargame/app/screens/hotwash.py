"""The hot wash, walked question by question after the last round: the room's answers, in plenary or by
team, recorded into the session (`Session.answer_hotwash`). What was recorded stays: it is the log."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Label, Select, Static, TextArea

from wargame.engine.state import SessionState
from wargame.views.i18n import gettext as _
from wargame.views.words import t

from .. import view
from ..messages import SessionChanged
from ..widgets.safe import clip, lines, plain, set_content
from .dialog import Dialog

PLENARY = "@plenary"
"""The Select's value for an answer of the whole room (recorded with team "")."""


class HotwashWalk(Dialog[None]):
    """One hot-wash question at a time: its source, the answers so far, a new answer and who gave it."""

    BINDINGS = [
        Binding("ctrl+s", "record", "Record", tooltip="Record the answer to this question"),
        # priority: the answer's text area would take PgUp/PgDn for itself (it is a few lines high)
        Binding("pagedown", "step(1)", "Next question", tooltip="Go to the next hot-wash question", priority=True),
        Binding("pageup", "step(-1)", "Previous question", tooltip="Go back to the previous hot-wash question",
                priority=True),
        Binding("escape", "close", "Close", tooltip="Close the hot wash (what was recorded stays)"),
    ]

    DEFAULT_CSS = """
    HotwashWalk #question { text-style: bold; }
    HotwashWalk #answers { height: auto; max-height: 12; }
    HotwashWalk .who { height: auto; margin-top: 1; }
    HotwashWalk .who > Label { padding: 1 1 0 0; color: $text-muted; }
    HotwashWalk .who > Select { width: 1fr; max-width: 40; }
    HotwashWalk .who > Button { margin-left: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.index = -1
        """The question shown (0-based); at first the first one without an answer."""

    @property
    def state(self) -> SessionState:
        return self.app.current_session.state

    def compose(self) -> ComposeResult:
        st, lang = self.state, self.lang
        if self.index < 0:
            answered = {a.question for a in st.hotwash_answers}
            self.index = next((i for i, q in enumerate(st.hotwash) if q.id not in answered), 0)
        with VerticalScroll(classes="dialog"):
            yield Static(classes="dialog-title", id="title")
            yield Static(id="question")
            yield Static(classes="hint", id="source")
            yield Label(plain(_("Answers recorded so far", lang)), classes="field-label")
            yield Static(id="answers")
            yield Label(plain(_("Answer", lang)), classes="field-label")
            yield TextArea("", id="answer", soft_wrap=True)
            with Horizontal(classes="who"):
                yield Label(plain(_("Who answered", lang)))
                yield Select([(plain(t("plenary", lang)), PLENARY)]
                             + [(plain(view.team_name(st, team)), team) for team in st.teams],
                             value=PLENARY, allow_blank=False, id="who")
                yield Button(plain(_("Record (ctrl+s)", lang)), variant="primary", id="record")
            with Horizontal(classes="buttons"):
                yield Button(plain(_("Previous (PgUp)", lang)), id="previous")
                yield Button(plain(_("Next (PgDn)", lang)), id="next")
                yield Button(plain(_("Close (esc)", lang)), id="close")

    def on_mount(self) -> None:
        super().on_mount()
        self._show()
        self.query_one("#answer", TextArea).focus()

    def refill(self) -> None:
        self._show()

    def sync(self) -> None:
        super().sync()
        if self.is_mounted:
            self._show()

    def on_session_changed(self, _event: SessionChanged) -> None:
        self._show()  # another console recorded an answer

    def _show(self) -> None:
        """The question at `index`: n of N, its text and source, the answers recorded for it."""
        st, lang = self.state, self.lang
        questions = st.hotwash
        if not questions:
            set_content(self.query_one("#title", Static), plain(_("No hot-wash questions in this deck.", lang)))
            return
        self.index = min(max(self.index, 0), len(questions) - 1)
        q = questions[self.index]
        set_content(self.query_one("#title", Static), plain(_("Hot wash · question {n} of {total}", lang).format(
            n=self.index + 1, total=len(questions))))
        set_content(self.query_one("#question", Static), plain(q.question.get(st.lang)))
        set_content(self.query_one("#source", Static), plain(_("Source in the Alert: {source}", lang).format(
            source=q.source)))
        answers = [Content.assemble((clip(view.team_name(st, a.team) if a.team else t("plenary", lang), 30) + ": ",
                                     "bold"), a.text)
                   for a in st.hotwash_answers if a.question == q.id]
        set_content(self.query_one("#answers", Static),
                    lines(answers) if answers else Content.styled(_("No answers yet.", lang), "dim"))
        self.query_one("#previous", Button).disabled = self.index == 0
        self.query_one("#next", Button).disabled = self.index == len(questions) - 1

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "record":
            self.action_record()
        elif event.button.id == "previous":
            self.action_step(-1)
        elif event.button.id == "next":
            self.action_step(1)
        else:
            self.dismiss(None)

    def action_step(self, by: int) -> None:
        """The next (1) or previous (-1) question; what was typed and not recorded goes."""
        if not 0 <= self.index + by < len(self.state.hotwash):
            return
        self.index += by
        self.query_one("#answer", TextArea).text = ""
        self._show()
        self.query_one("#answer", TextArea).focus()

    def action_record(self) -> None:
        st = self.state
        if not st.hotwash:
            return
        area = self.query_one("#answer", TextArea)
        who = self.query_one("#who", Select).value
        team = who if isinstance(who, str) and who != PLENARY else ""
        question = st.hotwash[self.index]
        ok, _answer = self.app.command(self.app.current_session.answer_hotwash, question.id, area.text, team=team)
        if ok:
            area.text = ""
            self._show()
            self.app.say(_("Answer recorded ({who}) for question {n}.", self.lang).format(
                who=view.team_name(st, team) if team else t("plenary", self.lang), n=self.index + 1))
