"""The facilitator's notes, newest first, with their tags for the after-action report."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import SessionState

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
        self.border_title = "Notes (w)"

    def show(self, st: SessionState, width: int = 80) -> None:
        notes = st.notes[-self.LIMIT:][::-1]
        self.border_title = f"Notes (w) · {len(st.notes)}"
        if not notes:
            set_content(self, Content.styled("No notes yet. Press w to write one.", "dim"))
            return
        out = []
        for n in notes:
            tag = n.tag or "note"
            extra = ""
            if n.owner or n.due:
                extra = f" ({clip(n.owner, 20)}{', due ' + clip(n.due, 12) if n.due else ''})"
            out.append(Content.assemble((f"R{n.round + 1} {tag}: ", TAG_STYLE.get(n.tag, "dim")),
                                        clip(n.text, width), (extra, "dim")))
        set_content(self, lines(out))
