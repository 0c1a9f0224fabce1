"""The tool's own words in Dutch and English, once: the report, the exports and the consoles print them.

Team text is never translated and never passes through here. Every word is looked up by a key
with `t(key, lang)`; a catalogue maps keys to texts per language (`CATALOGUES`). Today the
catalogues are built from the table below; a later issue can load them from gettext catalogues
(msgid = the key) without changing a caller. Numbers with a sign have two forms: print (a real
minus sign, a bare 0) and, with `ascii_signs`, the terminal's (`-1`, `+0`, as typed on a keyboard).
"""

from __future__ import annotations

import time
from collections.abc import Mapping

MARKING = "OEFENING · EXERCISE · OEFENING"
"""The exercise marking on every page and card, in both languages on purpose."""

LANGS = ("nl", "en")

_WORDS: dict[str, tuple[str, str]] = {
    # document
    "aar": ("Evaluatieverslag", "After-action report"),
    "aar_long": ("Evaluatieverslag en verbeterplan (AAR/IP)", "After-action report and improvement plan (AAR/IP)"),
    "handout_for": ("Handout voor team", "Handout for team"),
    "cards": ("Injectkaarten", "Inject cards"),
    "page": ("pagina", "page"),
    "disclaimer": (
        ("Dit document beschrijft een oefening. De gebeurtenissen zijn fictieve scenario's, ontleend aan of "
         "doorgetrokken uit de Clingendael Alert ‘Europa tussen Trumps Amerika en Poetins Rusland’ (juni 2025). "
         "Niets hierin is werkelijke berichtgeving of beleid."),
        ("This document describes an exercise. The events are fictional scenarios taken or extrapolated from "
         "the Clingendael Alert ‘Europa tussen Trumps Amerika en Poetins Rusland’ (June 2025). Nothing in it is "
         "real reporting or policy.")),
    "handout_note": (
        "Handout voor één team: vertrouwelijke zetten van andere teams zijn weggelaten.",
        "Handout for one team: other teams' private moves are left out."),
    "handout_note_notes": (
        "Ook de notities van de spelleiding zijn weggelaten.",
        "Controller notes and the facilitator's notes are left out too."),
    "altered": ("Dit logboek is gewijzigd na opname: {reason}", "This log was altered after it was recorded: {reason}"),
    "cut": ("… [ingekort: {n} tekens]", "… [cut: {n} characters]"),
    # numbers and dates
    "thousands_separator": (".", ","),
    "date_format": ("{day} {month} {year}", "{day} {month} {year}"),
    "month_1": ("januari", "January"),
    "month_2": ("februari", "February"),
    "month_3": ("maart", "March"),
    "month_4": ("april", "April"),
    "month_5": ("mei", "May"),
    "month_6": ("juni", "June"),
    "month_7": ("juli", "July"),
    "month_8": ("augustus", "August"),
    "month_9": ("september", "September"),
    "month_10": ("oktober", "October"),
    "month_11": ("november", "November"),
    "month_12": ("december", "December"),
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
    # the debrief's objectives, tracks and moves by inject
    "team_objectives": ("Teamdoelen", "Team objectives"),
    "objectives_intro": ("Aan het eind beoordeelde de spelleiding elk doel uit de opdracht van elk team.",
                         "At the end the facilitator marked each objective of each team's brief."),
    "objective": ("Doel", "Objective"),
    "mark": ("Oordeel", "Mark"),
    "mark_met": ("behaald", "met"),
    "mark_partly": ("deels behaald", "partly met"),
    "mark_not_met": ("niet behaald", "not met"),
    "mark_none": ("niet beoordeeld", "not marked"),
    "tracks": ("De meters", "The tracks"),
    "tracks_caption": (
        "Elke meter naast de assen, met zijn bereik als schaal: de waarde bij de start en aan het eind van elke ronde.",
        "Each track beside the axes, its range as the scale: its value at the start and at the end of each round."),
    "track": ("Meter", "Track"),
    "track_range": ("Bereik", "Range"),
    "track_changes": ("Wat de meters bewoog", "What moved the tracks"),
    "track_ruling": ("Beoordeling {team}", "Ruling on {team}"),
    "track_hidden_inject": ("Een inject (niet in deze handout)", "An inject (not in this handout)"),
    "change": ("Verandering", "Change"),
    "value": ("Waarde", "Value"),
    "answers_inject": ("Antwoord op inject {n}: {title}", "Answering inject {n}: {title}"),
    "answers_none": ("Zonder inject", "Without an inject"),
    "track_push": ("meters", "tracks"),
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
    # the axis cross
    "erosion_low": ("weinig trans-Atlantische erosie", "little transatlantic erosion"),
    "erosion_high": ("veel trans-Atlantische erosie", "much transatlantic erosion"),
    "rapprochement_low": ("weinig toenadering VS–Rusland", "little US–Russia rapprochement"),
    "rapprochement_high": ("veel toenadering VS–Rusland", "much US–Russia rapprochement"),
    "axis_x": ("Trans-Atlantische erosie →", "Transatlantic erosion →"),
    "axis_y": ("Toenadering VS–Rusland →", "US–Russia rapprochement →"),
    "start": ("start", "start"),
    "end": ("eind", "end"),
    "now": ("nu", "now"),
    "chart_caption": (
        ("Het pad van de wereld over het assenkruis. Elke stap is een inject, een gekozen vertakking of een "
         "beoordeling; R1, R2 … markeren waar elke ronde eindigde."),
        ("The world's path over the axis cross. Each step is an inject, a chosen branch or a ruling; R1, R2 … "
         "mark where each round ended.")),
    "erosion": ("erosie", "erosion"),
    "rapprochement": ("toenadering", "rapprochement"),
    "no_push": ("geen", "none"),
    "push_parts": ("{erosion}, {rapprochement}", "{erosion}, {rapprochement}"),
    "position_pair": ("({erosion}, {rapprochement})", "({erosion}, {rapprochement})"),
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
    # how an inject came into play
    "how_fixed": ("vast", "fixed"),
    "how_draw": ("getrokken", "drawn"),
    "how_drift": ("drift", "drift"),
    "how_branch": ("vertakking", "branch"),
    "how_bench": ("reservebank", "bench"),
    "card_cell": ("Gespeeld door {cell}", "Played by {cell}"),
    "bench_note": ("Optioneel: de spelleiding zet deze inject in als tijd en spel het toelaten.",
                   "Optional: the facilitator fires this inject if time and play allow."),
    # the matrix-game outcome scale (engine.outcomes.OUTCOMES)
    "outcome+3": ("Triomf", "Triumph"),
    "outcome+2": ("Succes", "Success"),
    "outcome+1": ("Gedeeltelijk succes", "Partial success"),
    "outcome+0": ("Geen effect", "No effect"),
    "outcome-1": ("Tegenvaller", "Setback"),
    "outcome-2": ("Mislukking", "Failure"),
    "outcome-3": ("Ramp", "Disaster"),
    # round pages and inject cards
    "inject": ("Inject", "Inject"),
    "delivery": ("Kanaal", "Delivery"),
    "sender": ("Afzender", "From"),
    "targets": ("Voor", "To"),
    "in_world_date": ("Datum in de oefening", "In-world date"),
    "how": ("Keuze", "Selection"),
    "minutes": ("min", "min"),
    "time_allowed": ("Tijd", "Time allowed"),
    "questions": ("Discussievragen", "Discussion questions"),
    "card_questions": ("Vragen", "Questions"),
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
        ("Doorgetrokken: de bron beschrijft deze gebeurtenis niet letterlijk; de inject trekt de aangehaalde "
         "passage door."),
        "Extrapolated: the Alert does not describe this event literally; the inject extends the quoted passage."),
    "appendix_intro": (
        "Bron: Clingendael Alert ‘Europa tussen Trumps Amerika en Poetins Rusland’ (juni 2025).",
        "Source: Clingendael Alert ‘Europa tussen Trumps Amerika en Poetins Rusland’ (June 2025)."),
    "no_injects": ("Er is geen inject gespeeld.", "No inject was delivered."),
    # cards
    "card_slot": ("slot", "slot"),
    "card_candidates": ("kandidaat {i} van {n}", "candidate {i} of {n}"),
    "drift_pool": ("Driftstapel", "Drift pool"),
    "drift_note": (
        ("Driftslots trekken uit de toekomst van het kwadrant waarin de wereld op dat moment staat. Daarom volgt "
         "hier elke inject van elk scenario één keer, gegroepeerd per scenario; de kaart noemt de rondes met een "
         "driftslot."),
        ("Drift slots draw from the future of the quadrant the world is in at that moment. So every inject of "
         "every scenario follows once, grouped by scenario; each card names the rounds that have a drift slot.")),
    "drift_rounds": ("drift in ronde {rounds}", "drift in round {rounds}"),
    "branch_of": ("vertakking van ‘{title}’: {label}", "branch of ‘{title}’: {label}"),
    "wildcard": ("wildcard", "wildcard"),
    "all_teams": ("alle teams", "all teams"),
    # an inject's versions per team
    "version_for": ("versie voor {team}", "version for {team}"),
    "versions_side_by_side": ("Versies per team", "Versions by team"),
    "other_versions": ("Versies van andere teams", "Other teams' versions"),
    "private_inject": ("Vertrouwelijke inject: alleen voor {teams}", "Private inject: for {teams} only"),
    # team packs
    "pack": ("Teampakket", "Team pack"),
    "pack_for": ("Teampakket voor {team}", "Team pack for {team}"),
    "situation": ("De uitgangssituatie", "The starting situation"),
    "no_situation": ("Dit draaiboek beschrijft geen uitgangssituatie; de spelleiding licht die toe bij de start.",
                     "This deck describes no starting situation; the facilitator sets it out at the start."),
    "brief": ("Uw opdracht", "Your brief"),
    "no_brief": ("Dit draaiboek geeft uw team geen eigen opdracht; de spelleiding licht uw rol toe.",
                 "This deck gives your team no brief of its own; the facilitator explains your role."),
    "role": ("Rol", "Role"),
    "objectives": ("Doelen", "Objectives"),
    "red_lines": ("Rode lijnen", "Red lines"),
    "levers": ("Middelen en hefbomen", "Levers and resources"),
    "knows": ("Wat u bij de start weet", "What you know at the start"),
    "own_injects": ("Alleen voor uw team", "For your team only"),
    "rules": ("Spelregels", "Rules of play"),
    "rules_text": (
        ("Het spel verloopt in rondes. Elke ronde brengt de spelleiding een of meer injects: berichten zoals uw "
         "team ze in de wereld van de oefening ontvangt. Uw team overlegt en legt per inject een zet vast: wat u "
         "doet, welk resultaat u beoogt en waarom. De spelleiding beoordeelt elke zet en vertelt wat er gebeurt; "
         "de wereld verschuift daardoor. Een vertrouwelijke zet ziet alleen de spelleiding. Blijf in uw rol, "
         "houd u aan uw rode lijnen en zet uw middelen in om uw doelen te halen. Na de laatste ronde volgt de "
         "nabespreking (hot wash) met alle teams."),
        ("The game is played in rounds. Each round the facilitator delivers one or more injects: messages as "
         "your team receives them in the world of the exercise. Your team deliberates and records a move for "
         "an inject: what you do, the result you intend and why. The facilitator rules on each move and tells "
         "what happens; the world shifts with it. Only the facilitator sees a private move. Stay in your role, "
         "keep to your red lines and use your levers to reach your objectives. After the last round all teams "
         "meet for the hot wash.")),
    "players": ("Aanbevolen: {n} spelers aan deze tafel.", "Suggested: {n} players at this table."),
    "players_1": ("Aanbevolen: één speler aan deze tafel.", "Suggested: one player at this table."),
    "cell_rules": ("Witte cel", "White cell"),
    "cell_rules_text": (
        ("U speelt deze rol namens de spelleiding. U logt niet in en legt geen zetten vast: u speelt de injects "
         "die van uw cel komen wanneer de spelleiding daarom vraagt, en reageert in uw rol op de zetten van de "
         "teams. Uw reacties lopen via de spelleiding, die ze beoordeelt en vastlegt."),
        ("You play this role for control. You do not sign in or enter moves: you play the injects that come "
         "from your cell when the facilitator asks, and respond in role to the teams' moves. Your responses go "
         "through the facilitator, who rules on them and records them.")),
    "cell_plays": ("Injects die uw cel speelt", "Injects your cell plays"),
    "how_to_move": ("Zo legt u een zet vast", "How to enter a move"),
    # handouts
    "handouts": ("Handouts", "Handouts"),
    "axis_cross": ("Het assenkruis: vier toekomsten", "The axis cross: four futures"),
    "axis_cross_intro": (
        ("De Clingendael Alert zet twee onzekerheden tegen elkaar uit: hoe ver de trans-Atlantische band "
         "erodeert (horizontaal) en hoe ver Washington en Moskou naar elkaar toe bewegen (verticaal). Zo "
         "ontstaan vier toekomsten. Ze sluiten elkaar niet uit: delen ervan kunnen na elkaar uitkomen."),
        ("The Clingendael Alert sets two uncertainties against each other: how far the transatlantic bond "
         "erodes (horizontal) and how far Washington and Moscow move towards each other (vertical). Four "
         "futures follow. They do not exclude each other: parts of them can come true one after another.")),
    "signposts": ("Wegwijzers: zo ziet u de wereld bewegen", "Signposts: how to see the world moving"),
    "signposts_intro": (
        "Tekenen dat de wereld richting een van de vier toekomsten beweegt. Let er tijdens het spel op.",
        "Signs that the world is moving towards one of the four futures. Watch for them during play."),
    "no_signposts": ("Geen wegwijzers voor deze toekomst.", "No signposts for this future."),
    "move_terminal": ("In een terminal: {command} (de spelleiding geeft u de teamcode).",
                      "In a terminal: {command} (the facilitator gives you the team code)."),
    "move_browser": (
        "In de browser: open de pagina die de spelleiding toont, kies uw team en voer de teamcode in.",
        "In a browser: open the page the facilitator shows, choose your team and enter the team code."),
    "move_fields": (
        "Vul de actie, het beoogde resultaat en de argumenten in; kies zo nodig de inject waarop de zet antwoordt "
        "en of de zet vertrouwelijk is, en leg hem vast. Tot de beoordeling kunt u een zet herzien.",
        "Fill in the action, the intended result and the reasons; choose, if needed, the inject the move answers "
        "and whether it is private, and record it. Until it is ruled you can revise a move."),
}

CATALOGUES: dict[str, Mapping[str, str]] = {
    lang: {key: pair[i] for key, pair in _WORDS.items()} for i, lang in enumerate(LANGS)
}
"""Per language, the text of every key."""


def catalogue(lang: str) -> Mapping[str, str]:
    """The words of `lang`; English for any language other than nl and en."""
    return CATALOGUES.get(lang, CATALOGUES["en"])


def t(key: str, lang: str, **fmt: object) -> str:
    """The text of `key` in `lang`, formatted with `fmt`. KeyError for a key no catalogue holds."""
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
