"""Play round N again: which round, and where the new session goes (beside this one unless told).

The dialog only asks; the console confirms and makes the fork (`engine.fork`), then opens its console.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from wargame.engine.fork import fork_path
from wargame.engine.session import EngineError
from wargame.views.i18n import gettext as _

from .. import view
from ..widgets.safe import clip, plain
from .dialog import Dialog


class ForkDialog(Dialog[tuple[int, Path] | None]):
    """The round to play again (of those started so far) and the new session's file."""

    BINDINGS = [Binding("ctrl+s", "fork", "Play again", tooltip="Make the new session from this round")]

    DEFAULT_CSS = """
    ForkDialog #fork-round { width: 100%; }
    ForkDialog #fork-path { width: 100%; }
    """

    def __init__(self, session_path: Path, rounds: int) -> None:
        """`rounds`: how many rounds have started (1 to `rounds` may be played again)."""
        super().__init__()
        self.session_path = session_path
        self.rounds = rounds
        self.suggested = ""
        """The path the dialog put in the field; while it is not edited, it follows the round chosen."""

    def compose(self) -> ComposeResult:
        lang = self.lang
        st = self.app.current_session.state
        label = _("Round {n}: {title}", lang)
        choices = [(plain(label.format(n=r + 1, title=clip(view.round_title(st, r), 50))), r + 1)
                   for r in range(self.rounds)]
        with VerticalScroll(classes="dialog"):
            yield Static(plain(_("Play a round again", lang)), classes="dialog-title")
            yield Static(plain(_("A new session holds this one up to the start of the round chosen: the rounds "
                                 "before it, their moves, rulings and notes, and the world as it stood. Its teams "
                                 "get new join codes. This session is not changed.", lang)))
            yield Label(plain(_("Round to play again", lang)), classes="field-label")
            yield Select(choices, value=self.rounds, allow_blank=False, id="fork-round")
            yield Label(plain(_("New session file", lang)), classes="field-label")
            yield Input(id="fork-path")
            with Horizontal(classes="buttons"):
                yield Button(plain(_("Play again (ctrl+s)", lang)), variant="primary", id="fork")
                yield Button(plain(_("Cancel (esc)", lang)), id="cancel")

    def on_mount(self) -> None:
        super().on_mount()
        self._suggest()
        self.query_one("#fork-round", Select).focus()

    def _round(self) -> int:
        value = self.query_one("#fork-round", Select).value
        return value if isinstance(value, int) else self.rounds

    def _suggest(self) -> None:
        """Beside this session, `<name>-round<N>.wargame` (`-2`, `-3` if taken), unless a path was typed."""
        field = self.query_one("#fork-path", Input)
        if field.value and field.value != self.suggested:
            return
        try:
            self.suggested = str(fork_path(self.session_path, self._round()))
        except EngineError:
            self.suggested = ""
        field.value = self.suggested

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._suggest()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_fork()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "fork":
            self.action_fork()
        else:
            self.dismiss(None)

    def action_fork(self) -> None:
        from wargame.store import SUFFIX

        typed = self.query_one("#fork-path", Input).value.strip()
        if not typed:
            self.app.say(_("Type where the new session file goes.", self.lang), severity="warning")
            return
        path = Path(typed).expanduser()
        if not path.suffix:
            path = path.with_name(path.name + SUFFIX)
        if not path.is_absolute():
            path = self.session_path.parent / path  # beside this session, as the suggestion
        if path.exists():
            self.app.say(_("{path}: already exists; choose another name.", self.lang).format(path=path),
                         severity="warning")
            return
        if not path.parent.is_dir():
            self.app.say(_("No folder at {path}", self.lang).format(path=path.parent), severity="warning")
            return
        self.dismiss((self._round(), path))
