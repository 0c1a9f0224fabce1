"""Rule on a move: an outcome from Disaster (-3) to Triumph (+3), a narrative and a push on the axes and tracks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.validation import Integer
from textual.widgets import Input, Label, RadioButton, RadioSet, Static, TextArea

from wargame.engine.outcomes import OUTCOMES
from wargame.views.i18n import gettext as _
from wargame.views.words import outcome_text, t

from .. import view
from ..widgets.safe import plain
from .dialog import FormDialog, highlight_pressed
from .move_detail import render_move


class AdjudicateForm(FormDialog[None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Record the ruling"),
        Binding("escape", "close", "Cancel", tooltip="Close without a ruling"),
    ]

    DEFAULT_CSS = """
    AdjudicateForm #move-text { height: auto; max-height: 8; overflow-y: auto; border: round $primary; padding: 0 1; }
    AdjudicateForm RadioSet { width: 100%; }
    AdjudicateForm .push Input { width: 1fr; }
    AdjudicateForm .push { height: auto; }
    AdjudicateForm .push Label { padding: 1 1 0 0; }
    """

    def __init__(self, move_id: str) -> None:
        super().__init__()
        self.move_id = move_id

    def compose(self) -> ComposeResult:
        st, lang = self.app.current_session.state, self.lang
        move = st.moves[self.move_id]
        earlier = st.earlier_ruling(move.id)  # the team replaced a ruled move: start from that ruling
        old = st.rulings.get(move.id) or earlier
        with VerticalScroll(classes="dialog"):
            yield Static(plain(_("Adjudicate · {team} · round {n}", lang).format(
                team=view.team_name(st, move.team), n=move.round + 1)), classes="dialog-title")
            yield VerticalScroll(Static(render_move(st, move)), id="move-text")
            if earlier is not None:
                yield Static(plain(_("Ruled move replaced: the team changed its move after the ruling ({outcome}). "
                                     "The form starts from that ruling; save to rule on the new version.", lang).format(
                    outcome=outcome_text(earlier.outcome, st.lang, ascii_signs=True))), id="replaced", classes="hint")
            yield Label(plain(_("Outcome (↑↓ then Enter)", lang)), classes="field-label")
            chosen = old.outcome if old else 0
            with RadioSet(id="outcome"):
                for score in sorted(OUTCOMES, reverse=True):
                    yield RadioButton(plain(outcome_text(score, st.lang, ascii_signs=True)), value=score == chosen,
                                      name=str(score))
            yield Label(plain(_("Narrative: what happens as a result", lang)), classes="field-label")
            yield TextArea(old.narrative if old else "", id="narrative", soft_wrap=True)
            yield Label(plain(_("Push on the axes, -3 to +3", lang)), classes="field-label")
            with Horizontal(classes="push"):
                yield Label(plain(f"{t('erosion', lang)} →"))
                yield Input(str(old.erosion if old else 0), id="erosion", type="integer",
                            validators=[Integer(-3, 3)])
                yield Label(plain(f"{t('rapprochement', lang)} ↑"))
                yield Input(str(old.rapprochement if old else 0), id="rapprochement", type="integer",
                            validators=[Integer(-3, 3)])
            if st.deck is not None and st.deck.tracks:
                yield Label(plain(_("Push on the tracks, -3 to +3", lang)), classes="field-label")
                for track in st.deck.tracks:
                    with Horizontal(classes="push"):
                        yield Label(plain(f"{track.name.get(st.lang)} ({st.tracks.get(track.id, track.start):+d})"))
                        yield Input(str(old.tracks.get(track.id, 0) if old else 0), name=track.id, classes="track",
                                    type="integer", validators=[Integer(-3, 3)])
            yield from self.buttons()

    def on_mount(self) -> None:
        radios = self.query_one("#outcome", RadioSet)
        highlight_pressed(radios)
        radios.focus()

    def _int(self, wid: str) -> int | None:
        return _push(self.query_one(f"#{wid}", Input).value)

    def _tracks(self) -> dict[str, int | None]:
        return {str(field.name): _push(field.value) for field in self.query("Input.track").results(Input)}

    def action_save(self) -> None:
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        outcome = int(pressed.name) if pressed is not None and pressed.name else 0
        erosion, rapprochement = self._int("erosion"), self._int("rapprochement")
        tracks = self._tracks()
        if erosion is None or rapprochement is None or None in tracks.values():
            self.app.say(_("Push each axis and track by a whole number from -3 to +3.", self.lang),
                         severity="warning")
            return
        session = self.app.current_session
        ok, _ruling = self.app.command(session.adjudicate, self.move_id, outcome,
                                 self.query_one("#narrative", TextArea).text, erosion, rapprochement,
                                 tracks={k: v for k, v in tracks.items() if v})
        if ok:
            move = session.state.moves[self.move_id]
            ruled = outcome_text(outcome, session.state.lang, ascii_signs=True)
            self.app.say(_("Ruled · {team}: {outcome}", self.lang).format(
                team=view.team_name(session.state, move.team), outcome=ruled))
            self.dismiss(None)


def _push(typed: str) -> int | None:
    """A push typed in a field: a whole number from -3 to +3 (empty: 0), else None."""
    try:
        v = int(typed.strip() or "0")
    except ValueError:
        return None
    return v if -3 <= v <= 3 else None
