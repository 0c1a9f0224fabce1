"""The debrief as Markdown, for analysts: the same view model (`views.debrief`) as the PDF, in plain text.

Team text (moves, rulings, notes, names typed in the room) is hostile: it goes into fenced code
blocks or code spans, so it stays byte-for-byte as typed in the file and a Markdown viewer shows
it literally (no HTML, no links, no images fetched). Content text (inject titles, briefings) is
escaped with backslashes where Markdown would read it as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..engine.state import Ruling, SessionState
from ..model import delivery_name
from ..views import debrief, outcomes
from ..views.evaluation import FEEDBACK_MIN, withheld_text
from ..views.words import MARKING, how_label, outcome_text, position_text, push_text, signed, t
from . import aar_text

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
_LINE_MARK = re.compile(r"^(\s*)([#>+=-])", re.MULTILINE)
_LINE_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")


def session_markdown(state: SessionState, *, team: str | None = None, lang: str | None = None,
                     with_controller_notes: bool = False) -> str:
    """The debrief of `state` (or `team`'s handout) as Markdown. ValueError for an unknown team.

    A handout holds the controller notes and the facilitator's notes only `with_controller_notes`
    (the facilitator's debrief always does). An altered log is said on the very first line.
    """
    d = debrief.build(state, team=team, lang=lang, with_controller_notes=with_controller_notes)
    lg = d.lang
    st = d.state
    deck = st.deck
    assert deck is not None
    out: list[str] = []
    add = out.append

    if d.altered is not None:
        add(f"> **⚠ {esc(t('altered', lg, reason=d.altered))}**")
        add("")
    add(f"# {esc(d.title)}")
    add("")
    add(f"**{MARKING}** · {t('aar_long', lg)}")
    add("")
    if d.team is not None:
        add(f"*{t('handout_note', lg)}*" + ("" if d.controller_notes else f" *{t('handout_note_notes', lg)}*"))
        add("")
    add(esc(deck.description.get(lg)))
    add("")
    facts = [
        (t("exercise", lg), code(d.title)), (t("date", lg), esc(d.date)),
        (t("deck", lg), f"{esc(d.deck_title)} ({code(deck.id)})"),
        (t("teams", lg), ", ".join(esc(tm.name.get(lg)) for tm in d.teams)),
        (t("facilitator", lg), code(d.facilitator) if d.facilitator else "—"),
        (t("language", lg), t(f"lang_{lg}", lg)), (t("session", lg), code(d.session_id)),
        (t("status", lg), t("ended" if st.ended else "not_ended", lg)),
    ]
    facts += [(t("lineage", lg), esc(line)) for line in d.lineage]
    if d.team is not None:
        facts.append((t("handout_for", lg), esc(d.team.name.get(lg))))
    for k, v in facts:
        add(f"- **{k}:** {v}")
    add("")

    add(f"## {t('summary', lg)}")
    add("")
    start, end = d.start, d.end
    for k, v in [
        (t("rounds_played", lg), f"{d.rounds_played} {t('of', lg)} {d.rounds_total}"),
        (t("injects_delivered", lg), str(d.injects_delivered)),
        (t("moves_recorded", lg), str(d.moves_shown)), (t("rulings", lg), str(d.rulings_shown)),
        (t("start_position", lg), f"{esc(d.scenario_title(st.scenario_at(*start)))} {position_text(*start, lg)}"),
        (t("end_position", lg), f"{esc(d.scenario_title(st.scenario_at(*end)))} {position_text(*end, lg)}"),
        (t("crossings", lg), str(len(st.crossings))),
    ]:
        add(f"- **{k}:** {v}")
    add("")
    add(f"### {t('path', lg)}")
    add("")
    add(esc(debrief.path_sentence(d)))
    add("")
    for key, notes in (("strengths", d.strengths), ("improvements", d.improvements)):
        add(f"### {t(key, lg)}")
        add("")
        if not notes:
            add(f"*{t('no_notes' if d.controller_notes else 'notes_withheld', lg)}*")
        for n in notes:
            add(f"- {inline(n.text)} ({t('round', lg).lower()} {n.round + 1})")
        add("")
    out += _ratings_overview(d)

    add(f"## {t('chart', lg)}")
    add("")
    add(f"| {t('round', lg)} | | {t('position', lg)} | {t('scenario', lg)} |")
    add("|---|---|---|---|")
    add(f"| {t('start', lg)} | | {position_text(*start, lg)} | {esc(d.scenario_title(st.scenario_at(*start)))} |")
    for r in d.rounds:
        end_title = esc(d.scenario_title(r.end_scenario))
        add(f"| R{r.index + 1} | {esc(r.title)} | {position_text(*r.end, lg)} | {end_title} |")
    add("")

    out += _tracks(d)
    add(f"## {t('timeline', lg)}")
    add("")
    if d.timeline:
        add(f"| {t('time', lg)} | {t('round', lg)} | {t('event', lg)} | {t('position', lg)} |")
        add("|---|---|---|---|")
        t0 = d.timeline[0].at
        for row in d.timeline:
            text = esc(row.text)
            if row.kind in ("round", "drift"):
                text = f"**{text}**"
            add(f"| {debrief.clock_time(row.at)} {debrief.elapsed(row.at, t0)} | {row.round + 1} | {text} | "
                f"{position_text(*row.position, lg)} |")
    else:
        add(f"*{t('no_rounds', lg)}*")
    add("")

    add(f"## {t('rounds', lg)}")
    add("")
    if not d.rounds:
        add(f"*{t('no_rounds', lg)}*")
        add("")
    for r in d.rounds:
        add(f"### {t('round', lg)} {r.index + 1} — {esc(r.title)}")
        add("")
        for dv in r.deliveries:
            inj = dv.inject
            seen = dv.shown
            date = seen.date_label.get(lg) if seen.date_label else seen.date
            add(f"#### {t('inject', lg)} {dv.number}: {esc(seen.title.get(lg))}")
            add("")
            private = f" · {t('private', lg)}" if seen.private else ""
            add(f"*{esc(delivery_name(seen.delivery, lg))} · {t('sender', lg)}: {esc(seen.sender.get(lg))} · "
                f"{esc(date)} · {how_label(dv.delivery.how, lg)} · {inj.minutes} {t('minutes', lg)}{private}*")
            add("")
            add(esc(seen.briefing.get(lg)))
            add("")
            add(f"**{t('questions', lg)}**")
            add("")
            for q in seen.questions:
                add(f"- {esc(q.get(lg))}")
            add("")
            if dv.versions:
                add(f"**{t('versions_side_by_side' if d.team is None else 'other_versions', lg)}**")
                add("")
                for name, reading in dv.versions:
                    vp = f" · {t('private', lg)}" if reading.private else ""
                    add(f"- *{esc(t('version_for', lg, team=name))} · {esc(delivery_name(reading.delivery, lg))} · "
                        f"{t('sender', lg)}: {esc(reading.sender.get(lg))}{vp}*: **{esc(reading.title.get(lg))}** — "
                        f"{esc(reading.briefing.get(lg))}")
                    for q in reading.questions:
                        add(f"  - {esc(q.get(lg))}")
                add("")
            if d.controller_notes:
                add(f"**{t('facilitator_notes', lg)}:** {esc(inj.facilitator_notes.get(lg))}")
                add("")
            tail = f"**{t('push', lg)}:** {push_text(inj.push.erosion, inj.push.rapprochement, lg)}"
            if dv.option:
                tail += f" · **{t('option_chosen', lg)}:** {esc(dv.option)}"
            add(tail)
            add("")
        add(f"#### {t('moves', lg)}")
        add("")
        for mv in _headed_moves(d, r, add):
            m = mv.move
            head = f"##### {esc(mv.team.name.get(lg))}"
            if m is not None and m.private:
                head += f" ({t('private', lg)})"
            add(head)
            add("")
            if m is None:
                add(f"*{t('hidden_move', lg) if mv.hidden else t('no_move', lg)}*")
                add("")
                continue
            add(f"*{t('recorded', lg)} {debrief.clock_time(m.at)}*")
            add("")
            for key, text in (("action", m.action), ("result", m.result), ("reasons", m.reasons)):
                if text.strip():
                    add(f"**{t(key, lg)}**")
                    add("")
                    add(fence(text))
                    add("")
            out += _ruling(d, mv.ruling, mv.replaces)
            for ver in mv.earlier:
                private = f", {t('private', lg)}" if ver.move.private else ""
                add(f"*{t('earlier_versions', lg)} ({debrief.clock_time(ver.move.at)}{private})*")
                add("")
                for key, text in (("action", ver.move.action), ("result", ver.move.result),
                                  ("reasons", ver.move.reasons)):
                    if text.strip():
                        add(f"{t(key, lg)}:")
                        add("")
                        add(fence(text))
                        add("")
                if ver.ruling is not None:  # a ruling stays with the version it ruled
                    out += _ruling(d, ver.ruling)
        if r.notes:
            add(f"#### {t('observations', lg)}")
            add("")
            for n in r.notes:
                add(f"- {inline(n.text)}")
            add("")
        add(f"**{t('position_after', lg)}:** {position_text(*r.end, lg)} — {esc(d.scenario_title(r.end_scenario))}")
        add("")

    out += _exercise_objectives(d)
    out += _objectives(d)
    out += _hotwash(d)
    out += _feedback(d)
    out += _plan(d)

    add(f"## {t('appendix', lg)}")
    add("")
    add(esc(t("appendix_intro", lg)))
    add("")
    for inj in d.sources:
        mark = f" ({t('extrapolated', lg)})" if inj.source.extrapolated else ""
        add(f"- **{esc(inj.title.get(lg))}**{mark} — {esc(inj.source.section)}: “{esc(inj.source.quote)}”")
    if not d.sources:
        add(f"*{t('no_injects', lg)}*")
    add("")
    return "\n".join(out)




def _ruling(d: debrief.Debrief, r: Ruling | None, replaces: Ruling | None = None) -> list[str]:
    """The lines of a move version's ruling (outcome, push, narrative); for a version not ruled
    yet, that it is not, and whether it replaced a ruled version."""
    lg = d.lang
    if r is None:
        if replaces is None:
            return [f"**{t('ruling', lg)}:** {t('not_ruled', lg)}", ""]
        replaced = t("replaces_ruled", lg, time=d.recorded(replaces.move_id))
        return [f"**{t('ruling', lg)}:** **{t('not_ruled_yet', lg)}** · {replaced}", ""]
    push = push_text(r.erosion, r.rapprochement, lg)
    if tracks := outcomes.track_push_text(d.state, r.tracks, lg):
        push += f" · {t('track_push', lg)}: {esc(tracks)}"
    out = [f"**{t('ruling', lg)}:** {outcome_text(r.outcome, lg)} · {t('push', lg)}: {push}", ""]
    if r.narrative.strip():
        out += [fence(r.narrative), ""]
    return out


def _headed_moves(d: debrief.Debrief, r: debrief.RoundView, add: Callable[[str], None]) -> Iterator[debrief.MoveView]:
    """The round's move views under the inject each answers; when the round has several, `add`s the
    heading of each inject's group before its first move."""
    for g in r.by_inject:
        if len(r.by_inject) > 1:
            head = t("answers_inject", d.lang, n=g.delivery.number, title=g.delivery.shown.title.get(d.lang)) \
                if g.delivery else t("answers_none", d.lang)
            add(f"**{esc(head)}**")
            add("")
        yield from g.moves


def _tracks(d: debrief.Debrief) -> list[str]:
    """The tracks' start, value after each round, end and range, and what moved them; none without tracks."""
    if not d.tracks:
        return []
    lg = d.lang
    rounds = [f"R{i + 1}" for i in range(d.rounds_played)]
    out = [f"## {t('tracks', lg)}", "", esc(t("tracks_caption", lg)), "",
           f"| {t('track', lg)} | {t('start', lg)} | " + "".join(f"{r} | " for r in rounds)
           + f"{t('end', lg)} | {t('track_range', lg)} |",
           "|---|---|" + "---|" * len(rounds) + "---|---|"]
    for tr in d.tracks:
        out.append(f"| {esc(tr.name)} | {signed(tr.start)} | " + "".join(f"{signed(v)} | " for v in tr.ends)
                   + f"{signed(tr.end)} | {signed(tr.low)} … {signed(tr.high)} |")
    out.append("")
    if d.track_changes:
        out += [f"### {t('track_changes', lg)}", "",
                f"| {t('round', lg)} | {t('track', lg)} | {t('change', lg)} | {t('value', lg)} | {t('event', lg)} |",
                "|---|---|---|---|---|"]
        out += [f"| R{c.round + 1} | {esc(c.track)} | {signed(c.by)} | {signed(c.value)} | {esc(c.cause)} |"
                for c in d.track_changes]
        out.append("")
    return out


def _objectives(d: debrief.Debrief) -> list[str]:
    """Each team's objectives with the facilitator's mark and reasons; none when no team has a brief."""
    if not d.objectives:
        return []
    lg = d.lang
    out = [f"## {t('team_objectives', lg)}", "", esc(t("objectives_intro", lg)), ""]
    team = None
    for o in d.objectives:
        if o.team is not team:
            if team is not None:
                out.append("")
            out += [f"### {esc(o.team.name.get(lg))}", ""]
            team = o.team
        reasons = f" — {inline(o.reasons)}" if o.reasons.strip() else ""
        out.append(f"- {esc(o.text)}: **{outcomes.mark_text(o.mark, lg)}**{reasons}")
    out.append("")
    return out


def _ratings_overview(d: debrief.Debrief) -> list[str]:
    """The executive summary's grid: a letter (or two) per exercise objective and team, and the legend."""
    e = d.evaluation
    if e is None or not e.objectives:
        return []
    lg = d.lang
    teams = [tr.team for tr in e.objectives[0].teams]
    out = [f"### {t('aar_ratings_overview', lg)}", "", esc(t("aar_ratings_overview_intro", lg)), "",
           f"| {t('objective', lg)} | " + "".join(f"{esc(name)} | " for name in teams),
           "|---|" + "---|" * len(teams)]
    out += [f"| {o.number}. {esc(o.title)} | " + "".join(f"{tr.letters} | " for tr in o.teams) for o in e.objectives]
    return [*out, "", f"*{esc(aar_text.legend(lg))}*", ""]


def _exercise_objectives(d: debrief.Debrief) -> list[str]:
    """Per exercise objective: its yardstick, each evaluator's rating per team with the reasons, the
    observations by kind and the participants' figure; none when the deck states no objectives."""
    e = d.evaluation
    if e is None or not e.objectives:
        return []
    lg = d.lang
    out = [f"## {t('exercise_objectives', lg)}", "", esc(t("aar_objectives_intro", lg)), ""]
    if e.evaluators:
        out += [f"**{t('wb_evaluators', lg)}:** " + ", ".join(code(name) for name in e.evaluators), ""]
    else:
        out += [f"*{t('aar_no_evaluation', lg)}*", ""]
    for o in e.objectives:
        out += [f"### {esc(t('aar_objective_n', lg, n=o.number, title=o.title))}", "",
                f"**{t('strong_performance', lg)}:** {esc(o.strong)}", ""]
        if not any(tr.ratings for tr in o.teams):
            out += [f"*{t('aar_objective_unrated', lg)}*", ""]
        else:
            for tr in (tr for tr in o.teams if tr.rated):
                out.append(f"- **{esc(tr.team)}:** " + (tr.letters if tr.ratings else f"*{t('aar_unrated', lg)}*"))
                out += [f"  - **{r.letter}** {t(f'rating_{r.letter}', lg)} — "
                        f"{code(r.author) if r.author else '—'}: {code(r.reasons) if r.reasons else '—'}"
                        for r in tr.ratings]
            out.append("")
        for key, views in (("strengths", o.strengths), ("improvements", o.improvements),
                           ("observations", o.observations)):
            if views:
                out += [f"#### {t(key, lg)}", ""]
                out += [f"- {inline(v.text)} ({aar_text.observed(v, lg, name=esc, typed=code)})" for v in views]
                out.append("")
        if not (o.strengths or o.improvements or o.observations):
            out += [f"*{t('aar_no_observations', lg)}*", ""]
        if o.feedback is not None and o.feedback.responses:
            out += [f"#### {t('feedback', lg)}", "", esc(aar_text.figure_text(o.feedback, lg)), ""]
    return out


def _hotwash(d: debrief.Debrief) -> list[str]:
    """The hot-wash questions, each with the answers the room gave (plenary or a team's)."""
    lg = d.lang
    out = [f"## {t('hotwash', lg)}", ""]
    for i, (question, src, answers) in enumerate(aar_text.hotwash_questions(d), 1):
        out.append(f"{i}. {esc(question)}" + (f" *({esc(src)})*" if src else ""))
        out += [f"   - **{esc(a.team)}:** {code(a.text)}" for a in answers]
    return [*out, ""]


def _feedback(d: debrief.Debrief) -> list[str]:
    """How many feedback forms came in, the figures per objective once there are enough to keep them
    anonymous, and (the facilitator's debrief only) the comments; none without an evaluation."""
    e = d.evaluation
    if e is None:
        return []
    lg = d.lang
    out = [f"## {t('feedback', lg)}", "", f"- **{t('feedback_forms', lg)}:** {e.feedback_forms}", ""]
    if not e.feedback_forms:
        return [*out, f"*{t('aar_no_feedback', lg)}*", ""]
    if e.feedback_forms < FEEDBACK_MIN:
        return [*out, f"*{esc(t('aar_feedback_withheld', lg, n=FEEDBACK_MIN))}*", ""]
    shown = [o for o in e.objectives if o.feedback is not None]
    if shown:
        out += [esc(t("aar_feedback_scale", lg)), "",
                f"| {t('objective', lg)} | {t('wb_responses', lg)} | {t('wb_mean', lg)} | 1 | 2 | 3 | 4 | 5 |",
                "|---|---|---|---|---|---|---|---|"]
        for o in shown:
            f = o.feedback
            assert f is not None
            out.append(f"| {o.number}. {esc(o.title)} | {f.responses} | {aar_text.mean_text(f.mean, lg)} | "
                       + "".join(f"{n} | " for n in f.counts))
        out.append("")
    if withheld := withheld_text(e, lg):
        out += [f"*{esc(withheld)}*", ""]
    if e.comments:
        out += [f"### {t('aar_comments', lg)}", ""]
        out += [f"- {inline(c)}" for c in e.comments]
        out.append("")
    return out


def _plan(d: debrief.Debrief) -> list[str]:
    """The improvement plan: action, objective, owner, due date and status."""
    lg = d.lang
    actions = d.evaluation.actions if d.evaluation is not None else []
    out = [f"## {t('improvement_plan', lg)}", "", esc(t("aar_plan_intro", lg)), ""]
    if not actions:
        out.append(f"*{t('no_actions' if d.controller_notes else 'notes_withheld', lg)}*")
    for i, a in enumerate(actions, 1):
        out.append(f"{i}. {inline(a.action)}")
        out.append(f"   - {t('objective', lg)}: {esc(a.objective) if a.objective else '—'}; "
                   f"{t('owner', lg)}: {code(a.owner) if a.owner else '—'}; "
                   f"{t('due', lg)}: {code(a.due) if a.due else '—'}; {t('status', lg)}: **{esc(a.status)}**")
    return [*out, ""]


def esc(text: str) -> str:
    """Content text with Markdown's markup characters backslash-escaped, newlines kept as line breaks."""
    s = _SPECIAL.sub(r"\\\1", text.replace("\r\n", "\n").replace("\r", "\n"))
    s = _LINE_MARK.sub(r"\1\\\2", s)
    s = _LINE_NUMBER.sub(r"\1\\\2", s)
    return s.replace("\n", "  \n")


def fence(text: str) -> str:
    """`text` in a fenced code block whose fence no run of backticks in the text can close."""
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(text)), default=0)
    bar = "`" * max(3, longest + 1)
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    return f"{bar}text\n{body}\n{bar}"


def code(text: str) -> str:
    """`text` as an inline code span (shown literally); line breaks become ↵ since a span is one line."""
    one = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ↵ ")
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(one)), default=0)
    bar = "`" * (longest + 1)
    pad = " " if one.startswith("`") or one.endswith("`") or not one.strip() else ""
    return f"{bar}{pad}{one}{pad}{bar}"


def inline(text: str) -> str:
    """A note in a list item: a code span when it is one line, else an indented fenced block."""
    if "\n" not in text and "\r" not in text:
        return code(text)
    return "\n\n" + "\n".join("   " + line for line in fence(text).split("\n")) + "\n"
