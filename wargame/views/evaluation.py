"""What the evaluation says, assembled from a session state: the exercise objectives with each
evaluator's HSEEP rating per team and its reasons, the observations under each objective (strengths,
areas for improvement, the rest), the hot-wash answers, the participant feedback aggregated
anonymously, and the improvement plan. One view model for the debrief (PDF, Markdown), the
after-action workbook and the consoles.

A team's handout holds the ratings and observations about that team only (`visibility.evaluation_shown`)
and the improvement plan only with the facilitator's notes (`visibility.notes_shown`). Feedback is never
shown by team or in the order given; an objective's figures only once `FEEDBACK_MIN` forms rate it, so
no one form can be read off them, and the comments (once that many forms are in) in the facilitator's
debrief alone, sorted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..engine import events as ev
from ..engine.state import MAX_TEXT, Note, Observation, Rating, SessionState
from ..model import ExerciseObjective, HotwashQuestion
from .visibility import check_team, evaluation_shown, notes_shown
from .words import number, t

FEEDBACK_MIN = 3
"""The fewest feedback forms whose figures a document shows: fewer could be read back to one participant."""


@dataclass(frozen=True)
class ObservationView:
    observation: Observation
    text: str
    """Its text, clipped to the engine's limit."""
    team: str
    """Whom it is about: the team's name, or the words for the exercise as a whole (`about_text`)."""
    round: int
    """1-based."""
    author: str


@dataclass(frozen=True)
class RatingView:
    rating: Rating
    author: str
    reasons: str
    """Clipped to the engine's limit."""

    @property
    def letter(self) -> str:
        return self.rating.rating


@dataclass(frozen=True)
class TeamRatings:
    """Every evaluator's rating of one objective for one team (empty: not rated yet)."""

    team_id: str
    team: str
    """The team's name."""
    ratings: tuple[RatingView, ...]
    rated: bool = True
    """Whether the objective is rated for this team at all (not for a red team playing against it)."""

    @property
    def letters(self) -> str:
        """`P`, `S/M` (two evaluators differing), `—` while unrated, "" where the objective is not rated
        for the team."""
        if not self.rated:
            return ""
        seen = list(dict.fromkeys(r.letter for r in sorted(self.ratings, key=lambda r: ev.RATINGS.index(r.letter))))
        return "/".join(seen) or "—"


@dataclass(frozen=True)
class FeedbackFigure:
    """The participants' ratings of one objective (1 to 5): how many rated it, their mean, how many gave each."""

    responses: int
    mean: float | None
    counts: tuple[int, ...]
    """How many gave 1, 2, 3, 4, 5."""


@dataclass(frozen=True)
class ObjectiveEvaluation:
    objective: ExerciseObjective
    number: int
    title: str
    strong: str
    teams: tuple[TeamRatings, ...]
    strengths: tuple[ObservationView, ...]
    improvements: tuple[ObservationView, ...]
    observations: tuple[ObservationView, ...]
    """The observations that are neither a strength nor an area for improvement."""
    feedback: FeedbackFigure | None
    """None while fewer than FEEDBACK_MIN forms rate it: one or two ratings could be read back to their givers."""


@dataclass(frozen=True)
class AnswerView:
    team: str
    """The team's name, or the word for the plenary."""
    text: str


@dataclass(frozen=True)
class HotwashView:
    question: HotwashQuestion
    text: str
    answers: tuple[AnswerView, ...]


@dataclass(frozen=True)
class ActionView:
    """One item of the improvement plan."""

    note: Note
    action: str
    objective: str
    """The title of the exercise objective it serves ("" for none)."""
    owner: str
    due: str
    status: str
    """The status in words."""


@dataclass
class Evaluation:
    lang: str
    objectives: list[ObjectiveEvaluation]
    hotwash: list[HotwashView]
    actions: list[ActionView]
    feedback_forms: int
    """How many feedback forms came in (shown whatever their number)."""
    comments: list[str] = field(default_factory=list)
    """The feedback's free text, sorted so its order tells nothing; the facilitator's debrief only."""
    evaluators: list[str] = field(default_factory=list)
    """Who rated or observed, by the name they signed with."""
    rated_by: list[int] = field(default_factory=list)
    """How many feedback forms rated each objective (in `objectives` order)."""

    @property
    def withheld(self) -> list[int]:
        """The numbers of the objectives some forms rated, too few for their figures to be shown."""
        return [o.number for o, n in zip(self.objectives, self.rated_by, strict=True) if n and o.feedback is None]

    @property
    def empty(self) -> bool:
        """Nothing to report: no objectives, no answers, no actions, no feedback."""
        return not (self.objectives or any(h.answers for h in self.hotwash) or self.actions or self.feedback_forms)


def _clip(text: str, lang: str) -> str:
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + t("cut", lang, n=number(len(text), lang))


def rating_text(letter: str, lang: str) -> str:
    """`P — performed without challenges`, in `lang`."""
    return f"{letter} — {t(f'rating_{letter}', lang)}"


def status_text(status: str, lang: str) -> str:
    return t(f"status_{status}", lang)


def kind_text(kind: str, lang: str) -> str:
    """An observation's kind in words: strength, area for improvement, observation."""
    return t(f"obs_{kind or 'plain'}", lang)


def withheld_text(e: Evaluation, lang: str) -> str:
    """Which objectives' feedback figures are withheld because too few forms rated them, or ""."""
    if not e.withheld:
        return ""
    return t("aar_figures_withheld", lang, n=FEEDBACK_MIN, objectives=", ".join(map(str, e.withheld)))


def feedback_figure(values: list[int]) -> FeedbackFigure:
    counts = Counter(values)
    return FeedbackFigure(len(values), sum(values) / len(values) if values else None,
                          tuple(counts.get(v, 0) for v in ev.FEEDBACK_SCALE))


def observation_views(state: SessionState, lang: str, team: str | None = None) -> list[ObservationView]:
    """Every observation `team`'s document may show (the facilitator's: all), in the order made."""
    return [ObservationView(o, _clip(o.text, lang), about_text(state, o.team, lang), o.round + 1, _clip(o.author, lang))
            for o in state.observations if evaluation_shown(team, o.team)]


def build(state: SessionState, *, team: str | None = None, lang: str | None = None,
          with_controller_notes: bool = False) -> Evaluation:
    """The evaluation for the facilitator's debrief (team None) or one team's handout."""
    check_team(state, team)
    lg = lang or state.lang
    deck = state.deck
    objectives = deck.objectives if deck is not None else ()
    observations = observation_views(state, lg, team)
    forms = state.feedback
    enough = len(forms) >= FEEDBACK_MIN
    evaluations = []
    for n, o in enumerate(objectives, 1):
        mine = [v for v in observations if v.observation.objective == o.id]
        teams = tuple(
            TeamRatings(tid, tm.name.get(lg), tuple(
                RatingView(r, _clip(r.author, lg), _clip(r.reasons, lg))
                for r in sorted(state.ratings.values(), key=lambda r: r.event_id)
                if r.objective == o.id and r.team == tid), o.rates(tid))
            for tid, tm in state.teams.items() if evaluation_shown(team, tid))
        values = [f.ratings[o.id] for f in forms if o.id in f.ratings]
        evaluations.append(ObjectiveEvaluation(
            o, n, o.title.get(lg), o.strong.get(lg), teams,
            tuple(v for v in mine if v.observation.kind == "strength"),
            tuple(v for v in mine if v.observation.kind == "improvement"),
            tuple(v for v in mine if v.observation.kind == ""),
            feedback_figure(values) if len(values) >= FEEDBACK_MIN else None))
    hotwash = [HotwashView(q, q.question.get(lg), tuple(
        AnswerView(team_name(state, a.team, lg) or t("plenary", lg), _clip(a.text, lg))
        for a in state.hotwash_answers if a.question == q.id)) for q in state.hotwash]
    actions = [ActionView(n, _clip(n.text, lg), objective_title(state, n.objective, lg), _clip(n.owner, lg), n.due,
                          status_text(n.status, lg))
               for n in state.notes if n.tag == "action"] if notes_shown(team, with_controller_notes) else []
    comments = sorted(_clip(f.text, lg) for f in forms if f.text.strip()) if team is None and enough else []
    shown_authors = [r.author for r in state.ratings.values() if evaluation_shown(team, r.team)]
    shown_authors += [v.observation.author for v in observations]
    rated_by = [sum(o.id in f.ratings for f in forms) for o in objectives]
    return Evaluation(lg, evaluations, hotwash, actions, len(forms), comments,
                      sorted({_clip(a, lg) for a in shown_authors}, key=str.casefold), rated_by)


def team_name(state: SessionState, team_id: str, lang: str) -> str:
    """A team's name in `lang` (its id when the session does not know it; "" stays "")."""
    tm = state.teams.get(team_id)
    return tm.name.get(lang) if tm else team_id


def about_text(state: SessionState, team: str, lang: str) -> str:
    """Whom an observation is about: the team's name, or the words for the exercise as a whole ("")."""
    return team_name(state, team, lang) if team else t("about_whole", lang)


def objective_title(state: SessionState, objective_id: str, lang: str) -> str:
    """An exercise objective's title in `lang` (its id when the deck does not state it; "" stays "")."""
    o = state.deck.objective(objective_id) if state.deck is not None and objective_id else None
    return o.title.get(lang) if o else objective_id
