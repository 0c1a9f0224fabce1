"""The inject clock as big digits: readable across a room, amber in the last minute, red in overtime."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits

from wargame.engine.clock import Clock, mmss
from wargame.views.i18n import gettext as _

STATES = ("-idle", "-running", "-paused", "-done", "-last-minute", "-overtime", "-none")


def clock_status(clock: Clock | None, remaining: float, lang: str) -> tuple[str, str]:
    """(css class, caption) for a clock at `remaining` seconds, the caption in `lang`."""
    if clock is None:
        return "-none", _("no inject yet", lang)
    if clock.mode == "done":
        return "-done", _("time box closed", lang)
    if remaining < 0:
        return "-overtime", _("OVERTIME · paused", lang) if clock.mode == "paused" else _("OVERTIME", lang)
    if clock.mode == "idle":
        return "-idle", _("ready · press s to start", lang)
    if clock.mode == "paused":
        return "-paused", _("paused", lang)
    if remaining <= 60:
        return "-last-minute", _("last minute", lang)
    return "-running", _("running", lang)


class Countdown(Vertical):
    """Time left on the current inject, computed from its deadline at every refresh."""

    DEFAULT_CSS = """
    Countdown {
        width: auto;
        min-width: 22;
        height: auto;
        padding: 0 1;
        border: round $primary;
    }
    Countdown Digits { width: auto; color: $success; }
    Countdown { border-subtitle-align: center; border-subtitle-color: $text-muted; }
    Countdown.-idle Digits, Countdown.-none Digits, Countdown.-done Digits { color: $text-muted; }
    Countdown.-paused Digits { color: $secondary; text-style: italic; }
    Countdown.-last-minute { border: round $warning; }
    Countdown.-last-minute Digits { color: $warning; }
    Countdown.-overtime { border: heavy $error; }
    Countdown.-overtime Digits { color: $error; text-style: bold; }
    Countdown.-overtime { border-subtitle-color: $error; border-subtitle-style: bold; }
    Countdown.-last-minute { border-subtitle-color: $warning; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[str, str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Digits("--:--")

    def caption_for(self, css: str, caption: str) -> str:
        """The caption under the digits for state `css`; subclasses reword it."""
        return caption

    def show(self, clock: Clock | None, now: float) -> None:
        """Show `clock` at time `now`; cheap when nothing visible changed."""
        remaining = clock.remaining(now) if clock is not None else 0.0
        css, caption = clock_status(clock, remaining, getattr(self.app, "ui_lang", "en"))
        caption = self.caption_for(css, caption)
        text = mmss(remaining) if clock is not None else "--:--"
        if self._shown == (text, css, caption):
            return
        self._shown = (text, css, caption)
        self.query_one(Digits).update(text)
        self.border_subtitle = caption
        for c in STATES:
            self.set_class(c == css, c)
