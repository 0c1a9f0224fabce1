"""A rehearsal's figures as a readable table, in the language asked for (its words are in the
`rehearse` catalogue; the English is the message ids)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.rehearse import Rehearsal
from .i18n import N_, ngettext
from .i18n import gettext as _
from .words import t

if TYPE_CHECKING:
    from ..content import Library

WORDS = {
    "length": N_("Length: {minutes} min (introduction {intro}, rounds {rounds}, hot wash {hotwash})"),
    "futures": N_("Future                         ends in   visited"),
    "rounds": N_("Round                          minutes  parts  inject clocks (most)  played out"),
    "overrun": N_("  OVERRUNS"),
    "never": N_("Never delivered ({count}): {ids}"),
    "broken": N_("Delivered before an inject it presupposes: {count} (must be 0){which}"),
    "backward": N_("Plays in which in-world dates ran backwards: {count}"),
    "played_out": N_("(played out: plays in which a slot of the round had nothing it could deliver)"),
    "decimal_point": N_("."),
}
"""The report's fixed words; the heading, with its count of plays, is `ngettext`'s in `rehearsal_text`."""


def _share(x: float, width: int, lang: str) -> str:
    """`x` as a percentage with one decimal, right-aligned in `width`: `100.0%`, `100,0%` in Dutch."""
    return f"{x:.1%}".replace(".", _(WORDS["decimal_point"], lang)).rjust(width)


def rehearsal_text(r: Rehearsal, library: Library, lang: str = "en") -> str:
    """The figures of `r` as lines of text in `lang`; `library` names the futures."""
    w = {key: _(msg, lang) for key, msg in WORDS.items()}
    deck = library.decks.get(r.deck)
    lines = [ngettext("Rehearsal of {deck}: {runs} play, rulings {rulings}, first play {seed}",
                      "Rehearsal of {deck}: {runs} plays, rulings {rulings}, first play {seed}",
                      r.runs, lang).format(deck=r.deck, runs=r.runs, rulings=r.rulings, seed=r.seed)]
    if deck is not None:
        lines.append(w["length"].format(minutes=deck.minutes, intro=deck.introduction,
                                        rounds=sum(x.minutes for x in deck.rounds), hotwash=deck.hotwash_minutes))
    lines += ["", w["futures"]]
    names = {s.id: s.title.get(lang) for s in library.scenarios.values()}
    for sid in sorted(set(r.end_quadrant) | set(r.visited), key=lambda s: -r.end_quadrant.get(s, 0)):
        ends, visits = r.end_quadrant.get(sid, 0) / r.runs, r.visited.get(sid, 0) / r.runs
        lines.append(f"{names.get(sid, sid)[:30]:<30} {_share(ends, 8, lang)} {_share(visits, 9, lang)}")
    lines += ["", w["rounds"]]
    for rf in r.rounds:
        flag = w["overrun"] if rf.overrun else ""
        title = deck.rounds[rf.number - 1].title.get(lang) if deck and rf.number <= len(deck.rounds) else rf.title
        lines.append(f"{rf.number} {title[:28]:<28} {rf.minutes:>7} {rf.parts:>6} {rf.largest_clocks:>21} "
                     f"{rf.played_out:>11}{flag}")
    lines += [w["played_out"], ""]
    which = "; " + ", ".join(f"{k} {v}x" for k, v in sorted(r.broken_by_inject.items())) if r.broken_by_inject else ""
    lines.append(w["broken"].format(count=r.broken_dependencies, which=which))
    lines.append(w["backward"].format(count=r.backward_dates))
    lines.append(w["never"].format(count=len(r.never_delivered), ids=", ".join(r.never_delivered) or t("none", lang)))
    return "\n".join(lines)
