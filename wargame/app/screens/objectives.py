"""Mark each team's objectives at the end: met, partly met or not met, with a line of reasons."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from wargame.engine.events import MARKS
from wargame.views.i18n import gettext as _
from wargame.views.outcomes import mark_text
from wargame.views.words import t

from .. import view
from ..widgets.safe import clip, plain
from .dialog import FormDialog


class ObjectivesForm(FormDialog[None]):
    """One row per objective of every team's brief; saving records the marks that changed."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Record the marks"),
        Binding("escape", "close", "Cancel", tooltip="Close without marking"),
    ]

    DEFAULT_CSS = """
    ObjectivesForm .mark { height: auto; }
    ObjectivesForm .mark Select { width: 18; }
    ObjectivesForm .mark Input { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        st, lang = self.app.current_session.state, self.lang
        briefs = st.deck.briefs if st.deck is not None else ()
        with VerticalScroll(classes="dialog"):
            yield Static(plain(_("Team objectives: met, partly met or not met", lang)), classes="dialog-title")
            if not briefs:
                yield Static(plain(_("This deck gives the teams no objectives.", lang)), classes="hint")
            for brief in briefs:
                yield Label(plain(view.team_name(st, brief.team)), classes="field-label")
                for objective in brief.objectives:
                    old = st.objective_marks.get((brief.team, objective.id))
                    yield Static(plain(clip(objective.text.get(st.lang), 200)))
                    key = f"{brief.team}/{objective.id}"
                    with Horizontal(classes="mark"):
                        yield Select([(plain(mark_text(m, lang)), m) for m in MARKS],
                                     value=old.mark if old else Select.NULL, prompt=mark_text(None, lang),
                                     name=key)
                        yield Input(old.reasons if old else "", placeholder=t("reasons", lang), name=key)
            yield from self.buttons()

    def action_save(self) -> None:
        session = self.app.current_session
        reasons = {str(i.name): i.value for i in self.query(Input).results(Input)}
        marked = 0
        for select in self.query(Select).results(Select):
            if not isinstance(select.value, str):
                continue
            team, _slash, objective = str(select.name).partition("/")
            old = session.state.objective_marks.get((team, objective))
            text = reasons.get(str(select.name), "")
            if old is not None and (old.mark, old.reasons) == (select.value, text):
                continue
            ok, _mark = self.app.command(session.mark_objective, team, objective, select.value, text)
            if not ok:
                return
            marked += 1
        self.app.say(_("Objectives marked: {n}", self.lang).format(n=marked) if marked
                     else _("No marks changed", self.lang))
        self.dismiss(None)
