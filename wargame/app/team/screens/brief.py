"""A team's brief over its console: the starting situation, its role, objectives, red lines, levers,
what it knows at the start and the injects only it receives, each in the team's own version."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from wargame.engine.state import SessionState
from wargame.model import Text
from wargame.views.i18n import N_
from wargame.views.i18n import gettext as _
from wargame.views.visibility import team_inject
from wargame.views.words import t

from ... import view
from ...widgets.inject_card import reading_meta
from ...widgets.safe import lines, plain
from ..ui import speaking

NO_BRIEF = N_("This exercise has no brief for your team.")


def _head(text: str) -> list[Content]:
    return [Content(""), Content.styled(text, "bold $accent")]


def _bullets(items: tuple[Text, ...], lang: str) -> list[Content]:
    return [Content.assemble("• ", item.get(lang)) for item in items]


def render_brief(st: SessionState, team: str) -> Content:
    """The brief of `team` as its console shows it, in `st.lang`; every text from the deck shown literally."""
    lang = st.lang
    deck = st.deck
    parts = [Content.styled(f"{t('brief', lang)} · {view.team_name(st, team)}", "bold reverse $accent")]
    if deck is not None and deck.situation is not None:
        parts += _head(t("situation", lang)) + [plain(deck.situation.get(lang))]
    brief = deck.brief_for(team) if deck is not None else None
    if brief is None:
        parts += [Content(""), Content.styled(_(NO_BRIEF, lang), "italic")]
        role = st.teams[team].role.get(lang) if team in st.teams else ""
        if role:
            parts += _head(_("Your role", lang)) + [plain(role)]
        return lines(parts)
    parts += _head(_("Your role", lang)) + [plain(brief.role.get(lang))]
    parts += _head(_("Your objectives", lang)) + [Content.assemble(f"{n}. ", o.text.get(lang))
                                                  for n, o in enumerate(brief.objectives, 1)]
    if brief.red_lines:
        parts += _head(_("Red lines: what you will not do", lang)) + _bullets(brief.red_lines, lang)
    if brief.levers:
        parts += _head(t("levers", lang)) + _bullets(brief.levers, lang)
    if brief.knows is not None:
        parts += _head(t("knows", lang)) + [plain(brief.knows.get(lang))]
    own = [st.injects[i] for i in brief.injects if i in st.injects and st.injects[i].reaches(team)]
    if own:
        parts += _head(t("own_injects", lang))
        for inj in own:
            r = team_inject(inj, team)
            parts += [Content(""), Content.styled(r.title.get(lang), "bold"),
                      Content.styled(reading_meta(r, lang), "$text-muted"), plain(r.briefing.get(lang))]
            parts += _bullets(r.questions, lang)
    return lines(parts)


class BriefScreen(ModalScreen[None]):
    """The team's brief, scrollable; b, F2 or Escape close it."""

    DEFAULT_CSS = """
    BriefScreen { align: center middle; }
    BriefScreen #brief {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 100%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    BriefScreen #brief-hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [Binding("escape,b,f2", "close", "Close", tooltip="Back to your console")]

    def __init__(self, state: SessionState, team: str) -> None:
        super().__init__()
        self.state = state
        self.team = team

    def compose(self) -> ComposeResult:
        brief, hint = self.texts()
        with VerticalScroll(id="brief"):
            yield Static(brief, id="brief-text")
            yield Static(hint, id="brief-hint")

    def texts(self) -> tuple[Content, Content]:
        """The brief and the hint under it, in the console's language."""
        lang: str = self.app.ui_lang  # type: ignore[attr-defined]
        return (render_brief(speaking(self.state, lang), self.team),
                plain(_("b, F2 or Esc: back to your console", lang)))

    def relabel(self) -> None:
        """Show the brief again in the console's language, after a switch."""
        brief, hint = self.texts()
        self.query_one("#brief-text", Static).update(brief)
        self.query_one("#brief-hint", Static).update(hint)

    def on_mount(self) -> None:
        self.query_one("#brief").focus()  # ↑↓ PgUp PgDn scroll a long brief

    def action_close(self) -> None:
        self.dismiss(None)
