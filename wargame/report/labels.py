"""The report's own words in Dutch and English (team text is never translated).

Plain Python, no ReportLab: the Markdown export uses the same labels.
"""

from __future__ import annotations

from ..engine.outcomes import OUTCOMES

MARKING = "OEFENING · EXERCISE · OEFENING"
"""The exercise marking on every page and card, in both languages on purpose."""

_L: dict[str, tuple[str, str]] = {
    # document
    "aar": ("Evaluatieverslag", "After-action report"),
    "aar_long": ("Evaluatieverslag en verbeterplan (AAR/IP)", "After-action report and improvement plan (AAR/IP)"),
    "handout_for": ("Handout voor team", "Handout for team"),
    "cards": ("Injectkaarten", "Inject cards"),
    "page": ("pagina", "page"),
    "disclaimer": (
        "Dit document beschrijft een oefening. De gebeurtenissen zijn fictieve scenario's, ontleend aan of "
        "doorgetrokken uit de Clingendael Alert ‘Europa tussen Trumps Amerika en Poetins Rusland’ (juni 2025). "
        "Niets hierin is werkelijke berichtgeving of beleid.",
        "This document describes an exercise. The events are fictional scenarios taken or extrapolated from "
        "the Clingendael Alert ‘Europa tussen Trumps Amerika en Poetins Rusland’ (June 2025). Nothing in it is "
        "real reporting or policy."),
    "handout_note": (
        "Handout voor één team: vertrouwelijke zetten van andere teams zijn weggelaten.",
        "Handout for one team: other teams' private moves are left out."),
    "handout_note_notes": (
        "Ook de notities van de spelleiding zijn weggelaten.",
        "Controller notes and the facilitator's notes are left out too."),
    "altered": ("Dit logboek is gewijzigd na opname: {reason}", "This log was altered after it was recorded: {reason}"),
    "cut": ("… [ingekort: {n} tekens]", "… [cut: {n} characters]"),
    # cover facts
    "exercise": ("Oefening", "Exercise"),
    "date": ("Datum", "Date"),
    "deck": ("Draaiboek", "Deck"),
    "teams": ("Teams", "Teams"),
    "facilitator": ("Spelleiding", "Facilitator"),
    "language": ("Taal", "Language"),
    "session": ("Sessie", "Session"),
    "status": ("Status", "Status"),
    "ended": ("afgesloten", "ended"),
    "not_ended": ("niet afgesloten", "not ended"),
    "lang_nl": ("Nederlands", "Dutch"),
    "lang_en": ("Engels", "English"),
    "none": ("geen", "none"),
    "dash": ("—", "—"),
    # sections
    "summary": ("Samenvatting", "Executive summary"),
    "chart": ("Het assenkruis", "The axis cross"),
    "timeline": ("Tijdlijn", "Timeline"),
    "rounds": ("Verloop per ronde", "Round by round"),
    "round": ("Ronde", "Round"),
    "hotwash": ("Hot wash: nabespreking", "Hot wash: debrief questions"),
    "improvement_plan": ("Verbeterplan", "Improvement plan"),
    "appendix": ("Bijlage: bronnen van de injects", "Appendix: where the injects come from"),
    "strengths": ("Sterke punten", "Strengths"),
    "improvements": ("Verbeterpunten", "Areas for improvement"),
    "observations": ("Waarnemingen", "Observations"),
    "path": ("Het pad van de wereld", "The world's path"),
    # summary facts
    "rounds_played": ("Rondes gespeeld", "Rounds played"),
    "injects_delivered": ("Injects gespeeld", "Injects delivered"),
    "moves_recorded": ("Zetten vastgelegd", "Moves recorded"),
    "rulings": ("Beoordelingen", "Rulings"),
    "start_position": ("Startpositie", "Start position"),
    "end_position": ("Eindpositie", "End position"),
    "crossings": ("Kwadrantwisselingen (drift)", "Quadrant changes (drift)"),
    "of": ("van", "of"),
    "path_sentence_start": ("De wereld begon in", "The world started in"),
    "path_then": ("daarna", "then"),
    "path_ended": ("en eindigde in", "and ended in"),
    "path_stayed": ("en bleef daar de hele oefening", "and stayed there throughout the exercise"),
    "in_round": ("in ronde", "in round"),
    "no_rounds": ("Er is nog geen ronde gespeeld.", "No round has been played yet."),
    "no_notes": ("Geen notities met dit label.", "No notes with this tag."),
    "notes_withheld": ("De notities van de spelleiding staan niet in deze handout.",
                       "The facilitator's notes are not in this handout."),
    "no_actions": ("Er zijn geen actiepunten vastgelegd.", "No action items were recorded."),
    # chart
    "axis_x": ("Trans-Atlantische erosie →", "Transatlantic erosion →"),
    "axis_y": ("Toenadering VS–Rusland →", "US–Russia rapprochement →"),
    "start": ("start", "start"),
    "end": ("eind", "end"),
    "now": ("nu", "now"),
    "chart_caption": (
        "Het pad van de wereld over het assenkruis. Elke stap is een inject, een gekozen vertakking of een "
        "beoordeling; R1, R2 … markeren waar elke ronde eindigde.",
        "The world's path over the axis cross. Each step is an inject, a chosen branch or a ruling; R1, R2 … "
        "mark where each round ended."),
    # timeline
    "time": ("Tijd", "Time"),
    "event": ("Gebeurtenis", "Event"),
    "position": ("Positie", "Position"),
    "scenario": ("Scenario", "Scenario"),
    "ev_round": ("Ronde {n} begint: {title}", "Round {n} starts: {title}"),
    "ev_inject": ("Inject: {title}", "Inject: {title}"),
    "ev_move": ("Zet van {team}", "Move by {team}"),
    "ev_move_revised": ("Zet van {team} herzien", "Move by {team} revised"),
    "ev_ruling": ("Beoordeling {team}: {outcome}", "Ruling on {team}: {outcome}"),
    "ev_option": ("Vertakking gekozen: {label}", "Branch chosen: {label}"),
    "ev_drift": ("Drift naar {scenario}", "Drift into {scenario}"),
    "ev_private_ruling": ("Een beoordeling (niet in deze handout)", "A ruling (not in this handout)"),
    # round pages
    "inject": ("Inject", "Inject"),
    "delivery": ("Kanaal", "Delivery"),
    "sender": ("Afzender", "From"),
    "targets": ("Voor", "To"),
    "in_world_date": ("Datum in de oefening", "In-world date"),
    "how": ("Keuze", "Selection"),
    "minutes": ("min", "min"),
    "time_allowed": ("Tijd", "Time allowed"),
    "questions": ("Discussievragen", "Discussion questions"),
    "facilitator_notes": ("Notities spelleiding", "Controller notes"),
    "option_chosen": ("Gekozen vertakking", "Branch chosen"),
    "push": ("Duw op de assen", "Push on the axes"),
    "moves": ("Zetten", "Moves"),
    "action": ("Actie", "Action"),
    "result": ("Beoogd resultaat", "Intended result"),
    "reasons": ("Argumenten", "Reasons"),
    "private": ("vertrouwelijk", "private"),
    "ruling": ("Beoordeling", "Ruling"),
    "not_ruled": ("Niet beoordeeld.", "Not adjudicated."),
    "not_ruled_yet": ("Nog niet beoordeeld", "Not yet ruled"),
    "replaces_ruled": ("vervangt de versie van {time}, die al beoordeeld is",
                       "replaces the version of {time}, which was ruled"),
    "no_move": ("Geen zet vastgelegd.", "No move recorded."),
    "hidden_move": ("Vertrouwelijke zet: niet in deze handout.", "Private move: not shown in this handout."),
    "earlier_versions": ("Eerdere versies", "Earlier versions"),
    "recorded": ("vastgelegd", "recorded"),
    "position_after": ("Positie na de ronde", "Position after the round"),
    "erosion": ("erosie", "erosion"),
    "rapprochement": ("toenadering", "rapprochement"),
    "no_push": ("geen", "none"),
    # hot wash & plan
    "hotwash_intro": (
        "Bespreek deze vragen direct na de oefening. Noteer de antwoorden op de lijnen.",
        "Discuss these questions straight after the exercise. Write the answers on the lines."),
    "hw_went_well": ("Wat ging goed, en waarom?", "What went well, and why?"),
    "hw_do_better": ("Wat moet beter, en wie pakt het op?", "What must improve, and who takes it up?"),
    "plan_intro": (
        "Actiepunten uit de oefening, met eigenaar en termijn.",
        "Action items from the exercise, with owner and due date."),
    "no": ("Nr.", "No."),
    "owner": ("Eigenaar", "Owner"),
    "due": ("Termijn", "Due"),
    "tag_strength": ("sterk punt", "strength"),
    "tag_improvement": ("verbeterpunt", "improvement"),
    "tag_action": ("actiepunt", "action"),
    "tag_": ("notitie", "note"),
    # appendix
    "source_section": ("Sectie", "Section"),
    "source_quote": ("Citaat", "Quote"),
    "extrapolated": ("doorgetrokken", "extrapolated"),
    "extrapolated_note": (
        "Doorgetrokken: de bron beschrijft deze gebeurtenis niet letterlijk; de inject trekt de aangehaalde "
        "passage door.",
        "Extrapolated: the Alert does not describe this event literally; the inject extends the quoted passage."),
    "appendix_intro": (
        "Bron: Clingendael Alert ‘Europa tussen Trumps Amerika en Poetins Rusland’ (juni 2025).",
        "Seed: Clingendael Alert ‘Europa tussen Trumps Amerika en Poetins Rusland’ (June 2025)."),
    "no_injects": ("Er is geen inject gespeeld.", "No inject was delivered."),
    # cards
    "card_slot": ("slot", "slot"),
    "card_candidates": ("kandidaat {i} van {n}", "candidate {i} of {n}"),
    "drift_pool": ("Driftstapel", "Drift pool"),
    "drift_note": (
        "Driftslots trekken uit de toekomst van het kwadrant waarin de wereld op dat moment staat. Daarom volgt "
        "hier elke inject van elk scenario één keer, gegroepeerd per scenario; de kaart noemt de rondes met een "
        "driftslot.",
        "Drift slots draw from the future of the quadrant the world is in at that moment. So every inject of "
        "every scenario follows once, grouped by scenario; each card names the rounds that have a drift slot."),
    "drift_rounds": ("drift in ronde {rounds}", "drift in round {rounds}"),
    "branch_of": ("vertakking van ‘{title}’: {label}", "branch of ‘{title}’: {label}"),
    "wildcard": ("wildcard", "wildcard"),
    "all_teams": ("alle teams", "all teams"),
}

HOW: dict[str, tuple[str, str]] = {
    "fixed": ("vast", "fixed"),
    "draw": ("getrokken", "draw"),
    "drift": ("drift", "drift"),
    "branch": ("vertakking", "branch"),
    "bench": ("reservebank", "bench"),
}


def t(key: str, lang: str, **fmt: object) -> str:
    """The label `key` in `lang` (nl or en), formatted with `fmt`."""
    nl, en = _L[key]
    s = nl if lang == "nl" else en
    return s.format(**fmt) if fmt else s


def how_label(how: str, lang: str) -> str:
    nl, en = HOW.get(how, (how, how))
    return nl if lang == "nl" else en


def signed(v: int) -> str:
    """`+2`, `−1` (a real minus sign), `0`."""
    return f"+{v}" if v > 0 else (f"−{-v}" if v < 0 else "0")


def push_text(erosion: int, rapprochement: int, lang: str) -> str:
    """`erosion +1, rapprochement −2`, or `none`."""
    if not erosion and not rapprochement:
        return t("no_push", lang)
    parts = []
    if erosion:
        parts.append(f"{t('erosion', lang)} {signed(erosion)}")
    if rapprochement:
        parts.append(f"{t('rapprochement', lang)} {signed(rapprochement)}")
    return ", ".join(parts)


def outcome_name(outcome: int, lang: str) -> str:
    """`Success`: the name of an outcome on the matrix-game scale."""
    nl, en = OUTCOMES[outcome]
    return nl if lang == "nl" else en


def outcome_text(outcome: int, lang: str) -> str:
    """`+2 Success` (a real minus sign for setbacks)."""
    return f"{signed(outcome)} {outcome_name(outcome, lang)}"


def position_text(erosion: int, rapprochement: int) -> str:
    """`(+3, −2)`: erosion first."""
    return f"({signed(erosion)}, {signed(rapprochement)})"
