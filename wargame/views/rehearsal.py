"""A rehearsal's figures as a readable table (English for now; its words are all here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.rehearse import Rehearsal

if TYPE_CHECKING:
    from ..content import Library

WORDS = {
    "heading": "Rehearsal of {deck}: {runs} plays, rulings {rulings}, first play {seed}",
    "length": "Length: {minutes} min (introduction {intro}, rounds {rounds}, hot wash {hotwash})",
    "futures": "Future                         ends in   visited",
    "rounds": "Round                          minutes  parts  inject clocks (most)  played out",
    "overrun": "  OVERRUNS",
    "never": "Never delivered ({count}): {ids}",
    "none": "none",
    "broken": "Delivered before an inject it presupposes: {count} (must be 0){which}",
    "backward": "Plays in which in-world dates ran backwards: {count}",
    "played_out": "(played out: plays in which a slot of the round had nothing it could deliver)",
}


def rehearsal_text(r: Rehearsal, library: Library) -> str:
    """The figures of `r` as lines of text; `library` names the futures."""
    w = WORDS
    deck = library.decks.get(r.deck)
    lines = [w["heading"].format(deck=r.deck, runs=r.runs, rulings=r.rulings, seed=r.seed)]
    if deck is not None:
        lines.append(w["length"].format(minutes=deck.minutes, intro=deck.introduction,
                                        rounds=sum(x.minutes for x in deck.rounds), hotwash=deck.hotwash_minutes))
    lines += ["", w["futures"]]
    names = {s.id: s.title.get("en") for s in library.scenarios.values()}
    for sid in sorted(set(r.end_quadrant) | set(r.visited), key=lambda s: -r.end_quadrant.get(s, 0)):
        ends, visits = r.end_quadrant.get(sid, 0) / r.runs, r.visited.get(sid, 0) / r.runs
        lines.append(f"{names.get(sid, sid)[:30]:<30} {ends:>8.1%} {visits:>9.1%}")
    lines += ["", w["rounds"]]
    for rf in r.rounds:
        flag = w["overrun"] if rf.overrun else ""
        lines.append(f"{rf.number} {rf.title[:28]:<28} {rf.minutes:>7} {rf.parts:>6} {rf.largest_clocks:>21} "
                     f"{rf.played_out:>11}{flag}")
    lines += [w["played_out"], ""]
    which = "; " + ", ".join(f"{k} {v}x" for k, v in sorted(r.broken_by_inject.items())) if r.broken_by_inject else ""
    lines.append(w["broken"].format(count=r.broken_dependencies, which=which))
    lines.append(w["backward"].format(count=r.backward_dates))
    lines.append(w["never"].format(count=len(r.never_delivered), ids=", ".join(r.never_delivered) or w["none"]))
    return "\n".join(lines)
