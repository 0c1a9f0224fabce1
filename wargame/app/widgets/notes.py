"""The facilitator's notes, newest first, with their tags for the after-action report; an action item with
the exercise objective it serves and its status."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import Note, SessionState
from wargame.views.evaluation import objective_title, status_text
from wargame.views.i18n import gettext as _
from wargame.views.words import catalogue, t

from .safe import clip, lines, set_content

TAG_STYLE = {"strength": "$success", "improvement": "$warning", "action": "$accent", "": "dim"}


class NotesPanel(Static):
    """The latest notes (the debrief lists them all)."""

    DEFAULT_CSS = """
    NotesPanel { height: auto; border: round $primary; padding: 0 1; }
    """

    LIMIT = 12

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = _("Notes (w)", "en")  # until `show` gives the session's language

    def show(self, st: SessionState, width: int = 80) -> None:
        notes, lang = st.notes[-self.LIMIT:][::-1], st.lang
        self.border_title = f"{_('Notes (w)', lang)} · {len(st.notes)}"
        if not notes:
            set_content(self, Content.styled(_("No notes yet. Press w to write one.", lang), "dim"))
            return
        out = []
        for n in notes:
            key = f"tag_{n.tag}"  # the report's names of the tags ("note" for none)
            tag = t(key, lang) if key in catalogue(lang) else n.tag
            extra = ""
            if n.owner or n.due:
                due = ", " + _("due {date}", lang).format(date=clip(n.due, 12)) if n.due else ""
                extra = f" ({clip(n.owner, 20)}{due})"
            out.append(Content.assemble((f"R{n.round + 1} {tag}: ", TAG_STYLE.get(n.tag, "dim")),
                                        clip(n.text, width), (extra, "dim"), plan_text(st, n, 20)))
        set_content(self, lines(out))


STATUS_STYLE = {"open": "$warning", "in_progress": "$accent", "done": "$success"}


def plan_text(st: SessionState, note: Note, limit: int = 40) -> Content:
    """An action item's ` · open · <objective>` (nothing for other notes)."""
    if note.tag != "action":
        return Content("")
    objective = f" · {clip(objective_title(st, note.objective, st.lang), limit)}" if note.objective else ""
    return Content.assemble(" · ", (status_text(note.status, st.lang), STATUS_STYLE.get(note.status, "")),
                            (objective, "dim"))
