"""The tool's own words, once: the report, the exports, the consoles and the wall print them.

Team text is never translated and never passes through here. Every word is looked up by a key with
`t(key, lang)`; the table below gives each key its English text, which is the gettext message id:
other languages come from the catalogues of `views.i18n` (`wargame/locale/nl/LC_MESSAGES/wargame.po`).
Numbers with a sign have two forms: print (a real minus sign, a bare 0) and, with `ascii_signs`, the
terminal's (`-1`, `+0`, as typed on a keyboard).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from functools import cache

from .i18n import N_, gettext

MARKING = "OEFENING · EXERCISE · OEFENING"
"""The exercise marking on every page and card, in both languages on purpose (a handout travels)."""

LANGS = ("nl", "en")

_WORDS: dict[str, str] = {
    # document
    "aar": N_("After-action report"),
    "aar_long": N_("After-action report and improvement plan (AAR/IP)"),
    "handout_for": N_("Handout for team"),
    "cards": N_("Inject cards"),
    "wall_marking": N_("EXERCISE · EXERCISE · EXERCISE"),
    "lineage": N_("Forked from"),
    "compare": N_("Two roads compared"),
    "cmp_intro": N_(
        "Two sessions of one deck side by side, round by round: what each road delivered, what each team did "
        "and how it was ruled. The facilitator's document: private moves are in it, marked."
    ),
    "cmp_paths": N_("Both roads on the axis cross"),
    "cmp_parted": N_("Where the roads parted"),
    "cmp_parted_in": N_("The roads part in round {n}, {title}:"),
    "cmp_never_parted": N_("The roads do not part in the rounds both played."),
    "cmp_injects": N_("other injects were delivered"),
    "cmp_branch": N_("another branch was chosen at ‘{inject}’"),
    "cmp_move": N_("{team} moved otherwise"),
    "cmp_ruling": N_("the move of {team} was ruled otherwise"),
    "cmp_rounds": N_("Round by round"),
    "cmp_same": N_("the same on both roads"),
    "cmp_not_played": N_("not played on this road"),
    "cmp_not_taken": N_("The road not taken"),
    "cmp_not_taken_intro": N_("Branches of the injects delivered that neither road chose."),
    "cmp_none_left": N_("Every branch of the injects delivered was chosen on one road or the other."),
    "cmp_ends": N_("ends at {position}"),
    "cmp_tracks": N_("Tracks at the end"),
    "fork_of": N_("‘{title}’ ({session}), playing round {round} again"),
    "page": N_("page"),
    "disclaimer": N_(
        "This document describes an exercise. The events are fictional scenarios taken or extrapolated from "
        "the Clingendael Alert ‘Europa tussen Trumps Amerika en Poetins Rusland’ (June 2025). Nothing in it "
        "is real reporting or policy."
    ),
    'handout_note': N_("Handout for one team: other teams' private moves are left out."),
    'handout_note_notes': N_("Controller notes and the facilitator's notes are left out too."),
    "altered": N_("This log was altered after it was recorded: {reason}"),
    "cut": N_("… [cut: {n} characters]"),
    # numbers and dates
    "thousands_separator": N_(","),
    "date_format": N_("{day} {month} {year}"),
    "month_1": N_("January"),
    "month_2": N_("February"),
    "month_3": N_("March"),
    "month_4": N_("April"),
    "month_5": N_("May"),
    "month_6": N_("June"),
    "month_7": N_("July"),
    "month_8": N_("August"),
    "month_9": N_("September"),
    "month_10": N_("October"),
    "month_11": N_("November"),
    "month_12": N_("December"),
    # cover facts
    "exercise": N_("Exercise"),
    "date": N_("Date"),
    "deck": N_("Deck"),
    "teams": N_("Teams"),
    "facilitator": N_("Facilitator"),
    "language": N_("Language"),
    "session": N_("Session"),
    "status": N_("Status"),
    "ended": N_("ended"),
    "not_ended": N_("not ended"),
    "lang_nl": N_("Dutch"),
    "lang_en": N_("English"),
    "none": N_("none"),
    "dash": N_("—"),
    # the debrief's objectives, tracks and moves by inject
    "team_objectives": N_("Team objectives"),
    'objectives_intro': N_("At the end the facilitator marked each objective of each team's brief."),
    "objective": N_("Objective"),
    "mark": N_("Mark"),
    # evaluation (HSEEP)
    "rating_P": N_("performed without challenges"),
    "rating_S": N_("performed with some challenges"),
    "rating_M": N_("performed with major challenges"),
    "rating_U": N_("unable to be performed"),
    "status_open": N_("open"),
    "status_in_progress": N_("in progress"),
    "status_done": N_("done"),
    "obs_strength": N_("strength"),
    "obs_improvement": N_("area for improvement"),
    "obs_plain": N_("observation"),
    "plenary": N_("plenary"),
    "exercise_objectives": N_("Exercise objectives"),
    "strong_performance": N_("A strong performance"),
    "rating": N_("Rating"),
    "evaluator": N_("Evaluator"),
    "observation": N_("Observation"),
    "hotwash_answers": N_("Hot wash: what the room said"),
    "feedback": N_("Participant feedback"),
    "feedback_forms": N_("Feedback forms"),
    # the evaluation in the after-action report (report.evaluation, report.markdown) and the team packs
    "aar_objectives_intro": N_(
        "Each exercise objective as the evaluators rated it for every team on the HSEEP scale, with their "
        "reasons; then what they observed: the strengths, the areas for improvement and the other "
        "observations, each with its team, round and author."
    ),
    "aar_objective_n": N_("Objective {n}: {title}"),
    "aar_ratings_overview": N_("Ratings at a glance"),
    "aar_ratings_overview_intro": N_(
        "The evaluators' rating of each exercise objective per team; two letters where they differ."
    ),
    "aar_unrated": N_("not rated yet"),
    "aar_not_rated_for": N_("blank: not an objective of that team"),
    "aar_no_observations": N_("No observations were recorded for this objective."),
    "aar_objective_unrated": N_("No evaluator has rated this objective yet."),
    "aar_no_evaluation": N_("No evaluator has rated or observed this exercise yet."),
    "aar_feedback_scale": N_(
        "Participants rated each objective from 1 (strongly disagree) to 5 (strongly agree that the exercise "
        "let them work on it)."
    ),
    "aar_feedback_withheld": N_(
        "Fewer than {n} feedback forms came in: the figures are withheld to keep the answers anonymous."
    ),
    "aar_figures_withheld": N_(
        "An objective's figures are shown once {n} forms rate it; withheld: objective {objectives}."
    ),
    "aar_no_feedback": N_("No feedback forms came in."),
    "aar_comments": N_("Comments (anonymous, in alphabetical order)"),
    "aar_hotwash_answered": N_(
        "The questions discussed straight after the exercise, with the answers recorded. Write anything "
        "to add on the lines."
    ),
    "aar_plan_intro": N_(
        "Action items from the exercise: what is to be done, for which objective, by whom, by when, and how "
        "far it has come."
    ),
    "decimal_point": N_("."),
    "pack_evaluates": N_("What this exercise evaluates"),
    "pack_evaluates_intro": N_(
        "Evaluators rate every team on these objectives, from P (performed without challenges) to U (unable "
        "to be performed); the debrief reports how each went."
    ),
    # the after-action workbook (exchange.workbook): sheet names (31 characters at most) and columns
    "wb_overview": N_("Overview"),
    "wb_moves": N_("Moves and rulings"),
    "wb_observations": N_("Observations and ratings"),
    "wb_hotwash": N_("Hot wash"),
    "wb_feedback": N_("Feedback"),
    "wb_team": N_("Team"),
    "wb_yes": N_("Yes"),
    "wb_no": N_("No"),
    "wb_private": N_("Private"),
    "wb_recorded": N_("Recorded"),
    "wb_superseded": N_("Superseded"),
    "wb_narrative": N_("Narrative"),
    "wb_push_erosion": N_("Push on erosion"),
    "wb_push_rapprochement": N_("Push on rapprochement"),
    "wb_tracks": N_("Tracks"),
    "wb_legend": N_("Legend"),
    "wb_evaluators": N_("Evaluators"),
    "wb_meaning": N_("Meaning"),
    "wb_kind": N_("Kind"),
    "wb_text": N_("Text"),
    "about_whole": N_("the exercise as a whole"),
    "wb_question": N_("Question"),
    "wb_source": N_("Source"),
    "wb_answered_by": N_("Answered by"),
    "wb_answer": N_("Answer"),
    "wb_no_answer": N_("No answer was recorded."),
    "wb_responses": N_("Responses"),
    "wb_mean": N_("Mean"),
    "wb_withheld": N_("The figures are shown once {n} forms are in, so that no answer can be traced to one person."),
    "wb_comments": N_("Comments"),
    "wb_no_ratings": N_("No rating was recorded."),
    "wb_no_observations": N_("No observation was recorded."),
    "wb_no_objectives": N_("This deck states no exercise objectives."),
    "wb_status_prompt": N_("Choose a status from the list."),
    "mark_met": N_("met"),
    "mark_partly": N_("partly met"),
    "mark_not_met": N_("not met"),
    "mark_none": N_("not marked"),
    "tracks": N_("The tracks"),
    "tracks_caption": N_(
        "Each track beside the axes, its range as the scale: its value at the start and at the end of each "
        "round."
    ),
    "track": N_("Track"),
    "track_range": N_("Range"),
    "track_changes": N_("What moved the tracks"),
    "track_ruling": N_("Ruling on {team}"),
    "track_hidden_inject": N_("An inject (not in this handout)"),
    "change": N_("Change"),
    "value": N_("Value"),
    "answers_inject": N_("Answering inject {n}: {title}"),
    "answers_none": N_("Without an inject"),
    "track_push": N_("tracks"),
    # sections
    "summary": N_("Executive summary"),
    "chart": N_("The axis cross"),
    "timeline": N_("Timeline"),
    "rounds": N_("Round by round"),
    "round": N_("Round"),
    "hotwash": N_("Hot wash: debrief questions"),
    "improvement_plan": N_("Improvement plan"),
    "appendix": N_("Appendix: where the injects come from"),
    "strengths": N_("Strengths"),
    "improvements": N_("Areas for improvement"),
    "observations": N_("Observations"),
    'path': N_("The world's path"),
    # summary facts
    "rounds_played": N_("Rounds played"),
    "injects_delivered": N_("Injects delivered"),
    "moves_recorded": N_("Moves recorded"),
    "rulings": N_("Rulings"),
    "start_position": N_("Start position"),
    "end_position": N_("End position"),
    "crossings": N_("Quadrant changes (drift)"),
    "of": N_("of"),
    "path_sentence_start": N_("The world started in"),
    "path_then": N_("then"),
    "path_ended": N_("and ended in"),
    "path_stayed": N_("and stayed there throughout the exercise"),
    "in_round": N_("in round"),
    "no_rounds": N_("No round has been played yet."),
    "no_notes": N_("No notes with this tag."),
    'notes_withheld': N_("The facilitator's notes are not in this handout."),
    "no_actions": N_("No action items were recorded."),
    # the axis cross
    "erosion_low": N_("little transatlantic erosion"),
    "erosion_high": N_("much transatlantic erosion"),
    "rapprochement_low": N_("little US–Russia rapprochement"),
    "rapprochement_high": N_("much US–Russia rapprochement"),
    "axis_x": N_("Transatlantic erosion →"),
    "axis_y": N_("US–Russia rapprochement →"),
    "start": N_("start"),
    "end": N_("end"),
    "now": N_("now"),
    "chart_caption": N_(
        "The world's path over the axis cross. Each step is an inject, a chosen branch or a ruling; R1, R2 … "
        "mark where each round ended."
    ),
    "erosion": N_("erosion"),
    "rapprochement": N_("rapprochement"),
    "no_push": N_("none"),
    "push_parts": N_("{erosion}, {rapprochement}"),
    "position_pair": N_("({erosion}, {rapprochement})"),
    # timeline
    "time": N_("Time"),
    "event": N_("Event"),
    "position": N_("Position"),
    "scenario": N_("Scenario"),
    "ev_round": N_("Round {n} starts: {title}"),
    "ev_inject": N_("Inject: {title}"),
    "ev_move": N_("Move by {team}"),
    "ev_move_revised": N_("Move by {team} revised"),
    "ev_ruling": N_("Ruling on {team}: {outcome}"),
    "ev_option": N_("Branch chosen: {label}"),
    "ev_drift": N_("Drift into {scenario}"),
    "ev_private_ruling": N_("A ruling (not in this handout)"),
    # how an inject came into play
    "how_fixed": N_("fixed"),
    "how_draw": N_("drawn"),
    "how_drift": N_("drift"),
    "how_branch": N_("branch"),
    "how_bench": N_("bench"),
    "card_cell": N_("Played by {cell}"),
    "bench_note": N_("Optional: the facilitator fires this inject if time and play allow."),
    # the matrix-game outcome scale (engine.outcomes.OUTCOMES)
    "outcome+3": N_("Triumph"),
    "outcome+2": N_("Success"),
    "outcome+1": N_("Partial success"),
    "outcome+0": N_("No effect"),
    "outcome-1": N_("Setback"),
    "outcome-2": N_("Failure"),
    "outcome-3": N_("Disaster"),
    # round pages and inject cards
    "inject": N_("Inject"),
    "delivery": N_("Delivery"),
    "sender": N_("From"),
    "targets": N_("To"),
    "in_world_date": N_("In-world date"),
    "how": N_("Selection"),
    "minutes": N_("min"),
    "time_allowed": N_("Time allowed"),
    "questions": N_("Discussion questions"),
    "card_questions": N_("Questions"),
    "facilitator_notes": N_("Controller notes"),
    "option_chosen": N_("Branch chosen"),
    "push": N_("Push on the axes"),
    "moves": N_("Moves"),
    "action": N_("Action"),
    "result": N_("Intended result"),
    "reasons": N_("Reasons"),
    "private": N_("private"),
    "ruling": N_("Ruling"),
    "not_ruled": N_("Not adjudicated."),
    "not_ruled_yet": N_("Not yet ruled"),
    "replaces_ruled": N_("replaces the version of {time}, which was ruled"),
    "no_move": N_("No move recorded."),
    "hidden_move": N_("Private move: not shown in this handout."),
    "earlier_versions": N_("Earlier versions"),
    "recorded": N_("recorded"),
    "position_after": N_("Position after the round"),
    # hot wash & plan
    "hotwash_intro": N_("Discuss these questions straight after the exercise. Write the answers on the lines."),
    "hw_went_well": N_("What went well, and why?"),
    "hw_do_better": N_("What must improve, and who takes it up?"),
    "plan_intro": N_("Action items from the exercise, with owner and due date."),
    "no": N_("No."),
    "owner": N_("Owner"),
    "due": N_("Due"),
    "tag_strength": N_("strength"),
    "tag_improvement": N_("improvement"),
    "tag_action": N_("action"),
    "tag_": N_("note"),
    # appendix
    "source_section": N_("Section"),
    "source_quote": N_("Quote"),
    "extrapolated": N_("extrapolated"),
    "extrapolated_note": N_(
        "Extrapolated: the Alert does not describe this event literally; the inject extends the quoted "
        "passage."
    ),
    "appendix_intro": N_("Source: Clingendael Alert ‘Europa tussen Trumps Amerika en Poetins Rusland’ (June 2025)."),
    "no_injects": N_("No inject was delivered."),
    # cards
    "card_slot": N_("slot"),
    "card_candidates": N_("candidate {i} of {n}"),
    "drift_pool": N_("Drift pool"),
    "drift_note": N_(
        "Drift slots draw from the future of the quadrant the world is in at that moment. So every inject of "
        "every scenario follows once, grouped by scenario; each card names the rounds that have a drift slot."
    ),
    "drift_rounds": N_("drift in round {rounds}"),
    "branch_of": N_("branch of ‘{title}’: {label}"),
    "wildcard": N_("wildcard"),
    "all_teams": N_("all teams"),
    # an inject's versions per team
    "version_for": N_("version for {team}"),
    "versions_side_by_side": N_("Versions by team"),
    'other_versions': N_("Other teams' versions"),
    "private_inject": N_("Private inject: for {teams} only"),
    # team packs
    "pack": N_("Team pack"),
    "pack_for": N_("Team pack for {team}"),
    "situation": N_("The starting situation"),
    "no_situation": N_("This deck describes no starting situation; the facilitator sets it out at the start."),
    "brief": N_("Your brief"),
    "no_brief": N_("This deck gives your team no brief of its own; the facilitator explains your role."),
    "role": N_("Role"),
    "objectives": N_("Objectives"),
    "red_lines": N_("Red lines"),
    "levers": N_("Levers and resources"),
    "knows": N_("What you know at the start"),
    "own_injects": N_("For your team only"),
    "rules": N_("Rules of play"),
    "rules_text": N_(
        "The game is played in rounds. Each round the facilitator delivers one or more injects: messages as "
        "your team receives them in the world of the exercise. Your team deliberates and records a move for "
        "an inject: what you do, the result you intend and why. The facilitator rules on each move and tells "
        "what happens; the world shifts with it. Only the facilitator sees a private move. Stay in your role,"
        " keep to your red lines and use your levers to reach your objectives. After the last round all teams"
        " meet for the hot wash."
    ),
    "players": N_("Suggested: {n} players at this table."),
    "players_1": N_("Suggested: one player at this table."),
    "cell_rules": N_("White cell"),
    "cell_rules_text": N_(
        "You play this role for control. You do not sign in or enter moves: you play the injects that come "
        "from your cell when the facilitator asks, and respond in role to the teams' moves. Your responses go"
        " through the facilitator, who rules on them and records them."
    ),
    "cell_plays": N_("Injects your cell plays"),
    "how_to_move": N_("How to enter a move"),
    # handouts
    "handouts": N_("Handouts"),
    "axis_cross": N_("The axis cross: four futures"),
    "axis_cross_intro": N_(
        "The Clingendael Alert sets two uncertainties against each other: how far the transatlantic bond "
        "erodes (horizontal) and how far Washington and Moscow move towards each other (vertical). Four "
        "futures follow. They do not exclude each other: parts of them can come true one after another."
    ),
    "signposts": N_("Signposts: how to see the world moving"),
    "signposts_intro": N_(
        "Signs that the world is moving towards one of the four futures. Watch for them during play."
    ),
    "no_signposts": N_("No signposts for this future."),
    "move_terminal": N_("In a terminal: {command} (the facilitator gives you the team code)."),
    "move_browser": N_("In a browser: open the page the facilitator shows, choose your team and enter the team code."),
    "move_fields": N_(
        "Fill in the action, the intended result and the reasons; choose, if needed, the inject the move "
        "answers and whether it is private, and record it. Until it is ruled you can revise a move."
    ),
}

@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """The text of every key in `lang`; English for a language without a catalogue."""
    return {key: gettext(msgid, lang) for key, msgid in _WORDS.items()}


def t(key: str, lang: str, **fmt: object) -> str:
    """The text of `key` in `lang`, formatted with `fmt`. KeyError for a key the table does not hold."""
    s = catalogue(lang)[key]
    return s.format(**fmt) if fmt else s


def signed(v: int, *, ascii_signs: bool = False) -> str:
    """`+2`, `−1` (a real minus sign), `0`; with `ascii_signs` `+2`, `-1`, `+0`."""
    if ascii_signs:
        return f"{v:+d}"
    return f"+{v}" if v > 0 else (f"−{-v}" if v < 0 else "0")


def number(n: int, lang: str) -> str:
    """`20,000` or `20.000`: a count with the thousands separator of `lang`."""
    return f"{n:,}".replace(",", t("thousands_separator", lang))


def date_text(ts: float, lang: str) -> str:
    """`12 March 2026` / `12 maart 2026`: the local date of `ts`."""
    lt = time.localtime(ts)
    return t("date_format", lang, day=lt.tm_mday, month=t(f"month_{lt.tm_mon}", lang), year=lt.tm_year)


def how_label(how: str, lang: str) -> str:
    """How an inject came into play (fixed, drawn, drift, branch, bench); an unknown way as it is."""
    key = f"how_{how}"
    return t(key, lang) if key in catalogue(lang) else how


def outcome_name(score: int, lang: str) -> str:
    """`Success`: the name of an outcome score on the matrix-game scale."""
    return t(f"outcome{score:+d}", lang)


def outcome_text(score: int, lang: str, *, ascii_signs: bool = False) -> str:
    """`+2 Success`: the label of an outcome score, its sign as `signed` writes it."""
    return f"{signed(score, ascii_signs=ascii_signs)} {outcome_name(score, lang)}"


def push_text(erosion: int, rapprochement: int, lang: str, *, ascii_signs: bool = False) -> str:
    """`erosion +1, rapprochement −2` (both axes, also one not pushed), or `none` for no push."""
    if not erosion and not rapprochement:
        return t("no_push", lang)
    return t("push_parts", lang,
             erosion=f"{t('erosion', lang)} {signed(erosion, ascii_signs=ascii_signs)}",
             rapprochement=f"{t('rapprochement', lang)} {signed(rapprochement, ascii_signs=ascii_signs)}")


def position_text(erosion: int, rapprochement: int, lang: str) -> str:
    """`(+3, −2)`: a point on the axis cross, erosion first."""
    return t("position_pair", lang, erosion=signed(erosion), rapprochement=signed(rapprochement))
