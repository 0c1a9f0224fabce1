"""After the exercise: the hot-wash questions and the answers recorded, what happened, the notes and the
improvement plan's actions (their status can change here); export of the debrief."""

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
from textual.widgets import Header, ProgressBar, Static

from wargame.engine.allowed import Command
from wargame.views.i18n import N_, ngettext
from wargame.views.i18n import gettext as _
from wargame.views.words import signed, t

from ...store.outputs import default_export
from .. import files, view
from ..messages import SessionChanged
from ..widgets.footer import LocalFooter
from ..widgets.notes import plan_text
from ..widgets.safe import clip, lines, plain
from ..widgets.timeline import render_timeline
from .note_form import NoteForm

if TYPE_CHECKING:
    from textual import getters

    from wargame.engine.state import SessionState

    from ..app import WargameApp

TAG_TITLES = [("strength", "strengths"), ("improvement", "improvements"), ("action", "improvement_plan"), ("", "")]
"""The notes by tag, each under its heading: the report's word (`views.words`), or OTHER_NOTES."""
OTHER_NOTES = N_("Other notes")


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
        Binding("h", "hotwash", "Hot wash", tooltip="Walk the hot-wash questions and record the room's answers"),
        Binding("s", "actions", "Action status",
                tooltip="Set where each action of the improvement plan stands: open, in progress, done"),
        Binding("l", "language", "NL/EN", show=False, tooltip="Switch the content between Dutch and English"),
        Binding("escape,b", "back", "Console", tooltip="Back to the console"),
    ]

    written: Path | None = None
    """The PDF this screen wrote last."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief"):
            yield Static(id="summary")
            yield Static(id="export-result")
            yield Static(classes="heading", id="hotwash-heading")
            yield Static(id="hotwash")
            yield Static(classes="heading", id="notes-heading")
            yield Static(id="notes")
            yield Static(classes="heading", id="played-heading")
            yield Static(id="played")
        yield ProgressBar(total=100, show_eta=False, id="export-progress")
        yield LocalFooter(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-result", Static).display = False
        self.sync()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_pdf":  # offered once there is a PDF and something to open it with
            return self.written is not None and files.opener() is not None
        if action == "hotwash":
            return Command.HOTWASH in self.app.current_session.allowed()
        if action == "actions":
            return any(n.tag == "action" for n in self.app.current_session.state.notes)
        return True

    def on_session_changed(self, _event: SessionChanged) -> None:
        self.sync()

    def sync(self) -> None:
        st = self.app.current_session.state
        lang = st.lang  # the content's and, the session's, the interface's (`app.ui_lang`)
        if lang != getattr(self, "_lang", lang):  # switched (l): the footer's keys too
            self.query_one(LocalFooter).refresh(recompose=True)
            self.refresh_bindings()
        self._lang = lang
        self.query_one("#hotwash-heading", Static).update(plain(_("Hot wash", lang)))
        self.query_one("#notes-heading", Static).update(plain(_("Notes", lang)))
        self.query_one("#played-heading", Static).update(plain(_("What was played", lang)))
        self.query_one("#summary", Static).update(lines(self._summary(st)))
        self.query_one("#hotwash", Static).update(
            lines(self._hotwash(st)) if st.hotwash else plain(_("No hot-wash questions in this deck.", lang)))
        out: list[Content] = []
        for tag, key in TAG_TITLES:
            notes = [n for n in st.notes if n.tag == tag]
            if not notes:
                continue
            out.append(Content.styled(t(key, lang) if key else _(OTHER_NOTES, lang), "bold"))
            for n in notes:
                extra = ""
                if n.owner or n.due:
                    extra = " " + _("(owner: {owner}, due: {due})", lang).format(owner=n.owner or "—", due=n.due or "—")
                out.append(Content.assemble((f"  R{n.round + 1} ", "dim"), n.text, (extra, "dim"), plan_text(st, n)))
        self.query_one("#notes", Static).update(
            lines(out) if out else plain(_("No notes. Press w to add one.", lang)))
        self.query_one("#played", Static).update(render_timeline(st, with_moves=True, width=100))
        self.sub_title = st.session_id
        self.refresh_bindings()  # h and s depend on the state (questions, actions)

    @staticmethod
    def _hotwash(st: SessionState) -> list[Content]:
        """Each question, numbered, with the answers recorded for it (h walks them)."""
        lang, out = st.lang, []
        for i, q in enumerate(st.hotwash, 1):
            out.append(Content.assemble((f"{i}. ", "bold"), q.question.get(lang)))
            for a in st.hotwash_answers:
                if a.question == q.id:
                    who = view.team_name(st, a.team) if a.team else t("plenary", lang)
                    out.append(Content.assemble(("   ", ""), (clip(who, 30) + ": ", "bold $accent"), a.text))
        if not st.hotwash_answers:
            out.append(Content.styled(_("No answers recorded yet. Press h to walk the questions.", lang), "dim"))
        return out

    @staticmethod
    def _summary(st: SessionState) -> list[Content]:
        """The title, what was played and where the world went."""
        lang = st.lang
        moves = [m for m in st.moves.values() if m.superseded_by is None]
        played = st.round + 1
        counts = [
            _("Ended", lang) if st.ended else _("Not ended yet", lang),
            ngettext("{n} round played", "{n} rounds played", played, lang).format(n=played),
            ngettext("{n} inject", "{n} injects", len(st.deliveries), lang).format(n=len(st.deliveries)),
            ngettext("{n} move", "{n} moves", len(moves), lang).format(n=len(moves)),
            ngettext("{n} ruling", "{n} rulings", len(st.rulings), lang).format(n=len(st.rulings)),
            ngettext("{n} note", "{n} notes", len(st.notes), lang).format(n=len(st.notes)),
        ]
        summary = [Content.styled(_("Debrief · {title}", lang).format(title=st.title), "bold $accent"),
                   plain(" · ".join(counts)),
                   plain(_("World: {world}", lang).format(world=view.world_text(st)))]
        first = st.path[0] if st.path else None
        if first is not None:
            n = len(st.crossings)
            started = ngettext("Started at {erosion}, {rapprochement}; {n} crossing into another future.",
                               "Started at {erosion}, {rapprochement}; {n} crossings into another future.", n, lang)
            summary.append(plain(started.format(
                erosion=f"{t('erosion', lang)} {signed(first.erosion, ascii_signs=True)}",
                rapprochement=f"{t('rapprochement', lang)} {signed(first.rapprochement, ascii_signs=True)}", n=n)))
        return summary

    def action_language(self) -> None:
        """Dutch or English: the content and the interface (as the console's l)."""
        session = self.app.current_session
        self.app.command(session.set_language, "en" if session.state.lang == "nl" else "nl")

    def action_objectives(self) -> None:
        from .objectives import ObjectivesForm

        self.app.push_screen(ObjectivesForm(), lambda _: self.sync())

    def action_note(self) -> None:
        self.app.push_screen(NoteForm())

    def action_hotwash(self) -> None:
        from .hotwash import HotwashWalk

        self.app.push_screen(HotwashWalk())

    def action_actions(self) -> None:
        from .actions import ActionsForm

        self.app.push_screen(ActionsForm())

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        from .export import ExportDialog

        session = self.app.current_session

        def then(out: Path | None) -> None:
            if out is not None:
                self.app.say(_("Writing the debrief to {path} …", self.app.ui_lang).format(path=out))
                self._export(copy.deepcopy(session.state), out)

        self.app.push_screen(ExportDialog(default_export(session.store.path)), then)

    def action_open_pdf(self) -> None:
        if self.written is None:
            return
        lang = self.app.ui_lang
        problem = files.open_file(self.written, lang)
        if problem:
            self.app.say(_("Could not open {path}: {problem}", lang).format(path=self.written, problem=problem),
                         severity="warning")

    def _written(self, out: Path) -> None:
        self.written = out
        box = self.query_one("#export-result", Static)
        box.display = True
        lang = self.app.ui_lang
        written = _("Debrief written: {path}", lang).format(path=out)
        box.update(plain(written + ("  ·  " + _("o opens it", lang) if files.opener() else "")))
        self.refresh_bindings()
        self.app.say(written, title=_("Export", lang))

    @work(thread=True, exclusive=True, group="export")
    def _export(self, state: SessionState, out: Path) -> None:
        try:
            # imported here, in the worker: ReportLab is heavy and the console must start fast
            debrief = importlib.import_module("wargame.report.debrief")
        except ImportError as exc:
            self.app.call_from_thread(self.app.say, _("PDF export is not available: {error}", state.lang).format(
                error=exc), severity="error")
            return
        bar = self.query_one("#export-progress", ProgressBar)
        self.app.call_from_thread(bar.add_class, "running")
        try:
            debrief.write_debrief(state, out, team=None, lang=state.lang,
                                  progress=lambda f: self.app.call_from_thread(bar.update, progress=round(f * 100)))
        except Exception as exc:  # noqa: BLE001 - any failure is reported, never a traceback
            self.app.call_from_thread(self.app.say, _("Export failed: {error}", state.lang).format(
                error=clip(str(exc), 300)), severity="error")
            return
        finally:
            self.app.call_from_thread(bar.remove_class, "running")
        self.app.call_from_thread(self._written, out)
