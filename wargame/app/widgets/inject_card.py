"""The current inject as a card: title, in-world date, delivery, sender, briefing; notes for the facilitator."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import SessionState

from .. import view
from .safe import lines, plain, set_content


class InjectCard(Vertical):
    """An inject card. With `facilitator=False` (the projector) it leaves out notes and options."""

    DEFAULT_CSS = """
    InjectCard { height: auto; padding: 0 1; }
    InjectCard #card-title { text-style: bold; color: $accent; margin-bottom: 1; }
    InjectCard #card-meta { color: $text-muted; margin-bottom: 1; }
    InjectCard #card-briefing { margin-bottom: 1; }
    InjectCard #card-questions { margin-bottom: 1; }
    InjectCard #card-facilitator {
        border-left: thick $warning;
        padding-left: 1;
        color: $text;
        background: $warning 10%;
    }
    """

    def __init__(self, *, facilitator: bool = True, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.facilitator = facilitator

    def compose(self) -> ComposeResult:
        yield Static(id="card-title")
        yield Static(id="card-meta")
        yield Static(id="card-briefing")
        yield Static(id="card-questions")
        if self.facilitator:
            yield Static(id="card-facilitator")

    def show(self, st: SessionState) -> None:
        lang = st.lang
        inj, cur = st.current_inject, st.current
        title, meta, briefing = (self.query_one(f"#card-{n}", Static) for n in ("title", "meta", "briefing"))
        questions = self.query_one("#card-questions", Static)
        if inj is None or cur is None:
            set_content(title, plain(st.title or "No inject delivered yet"))
            if st.ended:
                set_content(meta, plain("The exercise has ended."))
            elif self.facilitator:
                set_content(meta, plain("Press n to start the exercise, or b to fire an inject from the bench."))
            else:
                set_content(meta, plain("The exercise starts soon."))
            desc = st.deck.description.get(lang) if st.deck else ""
            set_content(briefing, plain(desc))
            set_content(questions, Content(""))
            if self.facilitator:
                self.query_one("#card-facilitator", Static).display = False
            return
        set_content(title, plain(inj.title.get(lang)))
        set_content(meta, plain(" · ".join([
            view.inject_date(inj, lang), view.delivery_name(inj.delivery, lang), inj.sender.get(lang),
            f"{inj.minutes} min", view.scenario_title(st, inj.scenario),
        ])))
        set_content(briefing, plain(inj.briefing.get(lang)))
        head = "Vragen" if lang == "nl" else "Questions"
        set_content(questions, lines([Content.styled(head, "bold")] +
                               [Content.assemble("• ", q.get(lang)) for q in inj.questions]))
        if not self.facilitator:
            return
        box = self.query_one("#card-facilitator", Static)
        box.display = True
        parts = [Content.styled("Facilitator" if lang == "en" else "Spelleiding", "bold"),
                 plain(inj.facilitator_notes.get(lang))]
        if not inj.push.is_zero:
            parts.append(plain(view.push_text(inj.push.erosion, inj.push.rapprochement)))
        if inj.options:
            chosen = st.options_chosen.get(inj.id)
            parts.append(Content.styled("Options (o)" if not chosen else "Option chosen", "bold"))
            for o in inj.options:
                mark = "● " if o.id == chosen else "○ "
                follow = f" → {view.inject_title(st, o.follow_up)}" if o.follow_up else ""
                parts.append(Content.assemble(mark, o.label.get(lang), (follow, "dim")))
        parts.append(Content.styled(f"source: {inj.source.section}", "dim"))
        set_content(box, lines(parts))
