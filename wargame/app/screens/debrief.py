"""After the exercise: the hot-wash questions, what happened, the notes; export of the debrief."""

from __future__ import annotations

import copy
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, ProgressBar, Static

from ...store.outputs import default_export
from .. import files, view
from ..messages import SessionChanged
from ..widgets.safe import clip, lines, plain
from ..widgets.timeline import render_timeline
from .note_form import NoteForm

if TYPE_CHECKING:
    from textual import getters

    from wargame.engine.state import SessionState

    from ..app import WargameApp

TAG_TITLES = [("strength", "Strengths"), ("improvement", "Areas for improvement"), ("action", "Improvement plan"),
              ("", "Other notes")]


class DebriefScreen(Screen[None]):
    if TYPE_CHECKING:  # `self.app` is the facilitator's app, not just any Textual App
        app = getters.app(WargameApp)

    DEFAULT_CSS = """
    DebriefScreen VerticalScroll { padding: 0 2; }
    DebriefScreen .section { margin-top: 1; }
    DebriefScreen .heading { text-style: bold; color: $accent; margin-top: 1; }
    DebriefScreen #export-progress { dock: bottom; height: 1; padding: 0 2; display: none; }
    DebriefScreen #export-progress.running { display: block; }
    DebriefScreen #export-result { color: $success; margin-top: 1; height: auto; }
    """

    BINDINGS = [
        Binding("e", "export", "Export PDF", tooltip="Write the debrief handout (PDF): choose where"),
        Binding("o", "open_pdf", "Open PDF", tooltip="Open the PDF just written in the desktop's viewer"),
        Binding("w", "note", "Note", tooltip="Add a note for the after-action report"),
        Binding("m", "objectives", "Objectives", tooltip="Mark each team's objectives met, partly met or not met"),
        Binding("escape,b", "back", "Console", tooltip="Back to the console"),
    ]

    written: Path | None = None
    """The PDF this screen wrote last."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief"):
            yield Static(id="summary")
            yield Static(id="export-result")
            yield Static(plain("Hot wash"), classes="heading")
            yield Static(id="hotwash")
            yield Static(plain("Notes"), classes="heading")
            yield Static(id="notes")
            yield Static(plain("What was played"), classes="heading")
            yield Static(id="played")
        yield ProgressBar(total=100, show_eta=False, id="export-progress")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-result", Static).display = False
        self.sync()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_pdf":  # offered once there is a PDF and something to open it with
            return self.written is not None and files.opener() is not None
        return True

    def on_session_changed(self, _: SessionChanged) -> None:
        self.sync()

    def sync(self) -> None:
        st = self.app.current_session.state
        lang = st.lang
        moves = [m for m in st.moves.values() if m.superseded_by is None]
        first = st.path[0] if st.path else None
        summary = [Content.styled(f"Debrief · {st.title}", "bold $accent"),
                   plain(f"{'Ended' if st.ended else 'Not ended yet'} · {st.round + 1} round(s) played · "
                         f"{len(st.deliveries)} injects · {len(moves)} moves · {len(st.rulings)} rulings · "
                         f"{len(st.notes)} notes"),
                   plain(f"World: {view.world_text(st)}")]
        if first is not None:
            summary.append(plain(f"Started at erosion {first.erosion:+d}, rapprochement {first.rapprochement:+d}; "
                                 f"{len(st.crossings)} crossing(s) into another future."))
        self.query_one("#summary", Static).update(lines(summary))
        qs = [Content.assemble((f"{i}. ", "bold"), q.question.get(lang)) for i, q in enumerate(st.hotwash, 1)]
        self.query_one("#hotwash", Static).update(lines(qs) if qs else plain("No hot-wash questions in this deck."))
        out: list[Content] = []
        for tag, title in TAG_TITLES:
            notes = [n for n in st.notes if n.tag == tag]
            if not notes:
                continue
            out.append(Content.styled(title, "bold"))
            for n in notes:
                extra = ""
                if n.owner or n.due:
                    extra = f" (owner: {n.owner or '—'}, due: {n.due or '—'})"
                out.append(Content.assemble((f"  R{n.round + 1} ", "dim"), n.text, (extra, "dim")))
        self.query_one("#notes", Static).update(lines(out) if out else plain("No notes. Press w to add one."))
        self.query_one("#played", Static).update(render_timeline(st, with_moves=True, width=100))
        self.sub_title = st.session_id

    def action_objectives(self) -> None:
        from .objectives import ObjectivesForm

        self.app.push_screen(ObjectivesForm(), lambda _: self.sync())

    def action_note(self) -> None:
        self.app.push_screen(NoteForm())

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        from .export import ExportDialog

        session = self.app.current_session

        def then(out: Path | None) -> None:
            if out is not None:
                self.app.say(f"Writing the debrief to {out} …")
                self._export(copy.deepcopy(session.state), out)

        self.app.push_screen(ExportDialog(default_export(session.store.path)), then)

    def action_open_pdf(self) -> None:
        if self.written is None:
            return
        problem = files.open_file(self.written)
        if problem:
            self.app.say(f"Could not open {self.written}: {problem}", severity="warning")

    def _written(self, out: Path) -> None:
        self.written = out
        box = self.query_one("#export-result", Static)
        box.display = True
        box.update(plain(f"Debrief written: {out}" + ("  ·  o opens it" if files.opener() else "")))
        self.refresh_bindings()
        self.app.say(f"Debrief written: {out}", title="Export")

    @work(thread=True, exclusive=True, group="export")
    def _export(self, state: SessionState, out: Path) -> None:
        try:
            # imported here, in the worker: ReportLab is heavy and the console must start fast
            debrief = importlib.import_module("wargame.report.debrief")
        except ImportError as exc:
            self.app.call_from_thread(self.app.say, f"PDF export is not available: {exc}", severity="error")
            return
        bar = self.query_one("#export-progress", ProgressBar)
        self.app.call_from_thread(bar.add_class, "running")
        try:
            debrief.write_debrief(state, out, team=None, lang=state.lang,
                                  progress=lambda f: self.app.call_from_thread(bar.update, progress=round(f * 100)))
        except Exception as exc:  # noqa: BLE001 - any failure is reported, never a traceback
            self.app.call_from_thread(self.app.say, f"Export failed: {clip(str(exc), 300)}", severity="error")
            return
        finally:
            self.app.call_from_thread(bar.remove_class, "running")
        self.app.call_from_thread(self._written, out)
