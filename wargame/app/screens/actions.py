"""Where each action of the improvement plan stands: open, in progress or done (`Session.set_action_status`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Select, Static

from wargame.engine.events import ACTION_STATUSES
from wargame.views.evaluation import objective_title, status_text
from wargame.views.i18n import gettext as _
from wargame.views.i18n import ngettext

from ..widgets.safe import clip, plain
from .dialog import FormDialog


class ActionsForm(FormDialog[None]):
    """One row per action item: its text, owner, due date and objective, and a status to choose."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Record the statuses that changed"),
        Binding("escape", "close", "Cancel", tooltip="Close this dialog without changes"),
    ]

    DEFAULT_CSS = """
    ActionsForm .action { height: auto; margin-top: 1; }
    ActionsForm .action .action-text { width: 1fr; }
    ActionsForm .action Select { width: 26; }
    """

    def compose(self) -> ComposeResult:
        st, lang = self.app.current_session.state, self.lang
        actions = [n for n in st.notes if n.tag == "action"]
        with VerticalScroll(classes="dialog"):
            yield Static(plain(_("Improvement plan: where each action stands", lang)), classes="dialog-title")
            if not actions:
                yield Static(plain(_("No action items yet. Press w to add one.", lang)), classes="hint")
            for n in actions:
                details = [clip(n.text, 200)]
                if n.owner or n.due:
                    details.append(_("(owner: {owner}, due: {due})", lang).format(owner=n.owner or "—",
                                                                                   due=n.due or "—"))
                if n.objective:
                    details.append(clip(objective_title(st, n.objective, st.lang), 60))
                with Horizontal(classes="action"):
                    yield Static(plain(" · ".join(details)), classes="action-text")
                    yield Select([(plain(status_text(s, lang)), s) for s in ACTION_STATUSES], value=n.status,
                                 allow_blank=False, name=n.id)
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        selects = self.query(Select)
        if selects:
            selects.first().focus()

    def action_save(self) -> None:
        session = self.app.current_session
        old = {n.id: n.status for n in session.state.notes if n.tag == "action"}
        changed = 0
        for select in self.query(Select).results(Select):
            note, status = str(select.name), select.value
            if not isinstance(status, str) or old.get(note) == status:
                continue
            ok, _event = self.app.command(session.set_action_status, note, status)
            if not ok:
                return
            changed += 1
        self.app.say(ngettext("{n} action's status changed", "{n} actions' status changed", changed, self.lang).format(
            n=changed) if changed else _("No status changed", self.lang))
        self.dismiss(None)
