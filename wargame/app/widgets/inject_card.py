"""The current inject as a card: title, in-world date, delivery, sender, briefing; for the facilitator
its notes and every team's own version of it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from wargame.engine.state import SessionState
from wargame.model import Inject, delivery_name
from wargame.views.i18n import gettext as _
from wargame.views.i18n import ngettext
from wargame.views.visibility import FACILITATOR_CARD, InjectParts, TeamInject, team_inject, versions_shown
from wargame.views.words import t

from .. import view
from .safe import lines, plain, set_content


def reading_meta(reading: Inject | TeamInject, lang: str) -> str:
    """The meta line of an inject as one reads it: in-world date, delivery and sender."""
    return " · ".join([view.inject_date(reading, lang), delivery_name(reading.delivery, lang),
                       reading.sender.get(lang)])


def card_text(title: str, meta: str = "", body: Content | None = None, inject: Inject | TeamInject | None = None,
              lang: str = "nl", title_style: str = "bold $accent") -> Content:
    """The card's text as one Content (one widget to lay out, not one per part): the title, a
    muted meta line, then `body`, or the inject's briefing and questions."""
    parts = [Content.styled(title, title_style)]
    if meta:
        parts.append(Content.styled(meta, "$text-muted"))
    if inject is not None:
        head = t("card_questions", lang)
        body = lines([plain(inject.briefing.get(lang)), Content(""), Content.styled(head, "bold")] +
                     [Content.assemble("• ", q.get(lang)) for q in inject.questions])
    if body is not None and body.plain:
        parts.append(body)
    return Content("\n\n").join(parts)


class InjectCard(VerticalScroll):
    """An inject card, showing the `parts` of the inject its audience reads (`views.visibility`).

    It scrolls itself where it is given a height (the console); elsewhere it is as tall as its text."""

    DEFAULT_CSS = """
    InjectCard { height: auto; padding: 0 1; }
    InjectCard #card-versions {
        margin-top: 1;
        border-left: thick $secondary;
        padding-left: 1;
    }
    InjectCard #card-facilitator {
        margin-top: 1;
        border-left: thick $warning;
        padding-left: 1;
        color: $text;
        background: $warning 10%;
    }
    """

    TITLE_STYLE = "bold $accent"

    def __init__(self, *, parts: InjectParts = FACILITATOR_CARD, id: str | None = None, classes: str | None = None,
                 can_focus: bool = False) -> None:
        super().__init__(id=id, classes=classes, can_focus=can_focus)
        self.parts = parts
        self.facilitator = parts.controller

    def compose(self) -> ComposeResult:
        yield Static(id="card-text")
        if self.facilitator:
            yield Static(id="card-versions")
            yield Static(id="card-facilitator")

    def show_text(self, title: str, meta: str = "", body: Content | None = None,
                  inject: Inject | TeamInject | None = None, lang: str = "nl") -> None:
        set_content(self.query_one("#card-text", Static),
                    card_text(title, meta, body, inject, lang, self.TITLE_STYLE))

    def show(self, st: SessionState) -> None:
        lang = st.lang
        inj, cur = st.current_inject, st.current
        if inj is None or cur is None:
            if st.ended:
                meta = _("The exercise has ended.", lang)
            elif self.facilitator:
                meta = _("Press n to start the exercise, or b to fire an inject from the bench.", lang)
            else:
                meta = _("The exercise starts soon.", lang)
            desc = st.deck.description.get(lang) if st.deck else ""
            self.show_text(st.title or _("No inject delivered yet", lang), meta, plain(desc))
            if self.facilitator:
                self.query_one("#card-versions", Static).display = False
                self.query_one("#card-facilitator", Static).display = False
            return
        bits = [reading_meta(inj, lang)]
        if self.facilitator and inj.private:
            bits.append(_("private: {teams}", lang).format(teams=", ".join(view.team_name(st, t) for t in inj.targets)))
        if self.parts.facts:
            bits += [f"{inj.minutes} min", view.scenario_title(st, inj.scenario)]
        self.show_text(inj.title.get(lang), " · ".join(bits), inject=inj, lang=lang)
        if not self.facilitator:
            return
        versions = self.query_one("#card-versions", Static)
        shown = versions_shown(inj, None)
        versions.display = bool(shown)
        if shown:
            set_content(versions, versions_text(st, inj, lang))
        box = self.query_one("#card-facilitator", Static)
        box.display = True
        parts = [Content.styled(t("facilitator", lang), "bold"),
                 plain(inj.facilitator_notes.get(lang))]
        if not inj.push.is_zero:
            parts.append(plain(view.push_line(inj.push.erosion, inj.push.rapprochement, lang)))
        if inj.options:
            chosen = st.options_chosen.get(inj.id)
            parts.append(Content.styled(_("Options (o)", lang) if not chosen else _("Option chosen", lang), "bold"))
            for o in inj.options:
                mark = "● " if o.id == chosen else "○ "
                follow = f" → {view.inject_title(st, o.follow_up)}" if o.follow_up else ""
                parts.append(Content.assemble(mark, o.label.get(lang), (follow, "dim")))
        parts.append(Content.styled(_("source: {section}", lang).format(section=inj.source.section), "dim"))
        set_content(box, lines(parts))


def versions_text(st: SessionState, inj: Inject, lang: str) -> Content:
    """Every team's own version of `inj`, one under the other, each labelled with its team (and
    "private"); the card above them is what the other target teams read."""
    n = len(inj.versions)
    head = ngettext("Team versions ({n}) · the other target teams read the card above",
                    "Team versions ({n}) · the other target teams read the card above", n, lang).format(n=n)
    parts = [Content.styled(head, "bold")]
    for v in versions_shown(inj, None):
        r = team_inject(inj, v.team)
        team = view.team_name(st, v.team)
        label = (_("For {team} · private", lang) if v.private else _("For {team}", lang)).format(team=team)
        parts += [Content(""), Content.styled(label, "bold reverse $secondary"),
                  Content.styled(r.title.get(lang), "bold"), Content.styled(reading_meta(r, lang), "$text-muted"),
                  plain(r.briefing.get(lang))]
        parts += [Content.assemble("• ", q.get(lang)) for q in r.questions]
    return lines(parts)
