"""The events a session is made of: what happened, who did it, when, and its data."""

from __future__ import annotations

from typing import Any

from ..store.record import Event

__all__ = ["Event"]  # the stored record; the kinds below are what it means here

# event kinds
CREATED = "session_created"
ROUND_STARTED = "round_started"
INJECT_DELIVERED = "inject_delivered"
CLOCK = "clock"
MOVE = "move_recorded"
ADJUDICATED = "adjudicated"
OPTION_CHOSEN = "option_chosen"
NOTE = "note_added"
MOVES_REOPENED = "moves_reopened"
CODE_SET = "code_set"
JOIN_FAILED = "join_failed"
JOINED = "join_succeeded"
LANGUAGE = "language_set"
ENDED = "exercise_ended"
OBJECTIVE = "objective_marked"
OBSERVATION = "observation_recorded"
RATING = "objective_rated"
HOTWASH = "hotwash_answered"
FEEDBACK = "feedback_given"
EVALUATOR_ACCESS = "evaluator_access_set"
ACTION_STATUS = "action_status_set"

KINDS = (CREATED, ROUND_STARTED, INJECT_DELIVERED, CLOCK, MOVE, ADJUDICATED, OPTION_CHOSEN, NOTE,
         MOVES_REOPENED, CODE_SET, JOIN_FAILED, JOINED, LANGUAGE, ENDED, OBJECTIVE, OBSERVATION, RATING,
         HOTWASH, FEEDBACK, EVALUATOR_ACCESS, ACTION_STATUS)

MARKS = ("met", "partly", "not_met")
"""How the facilitator marks a team objective at the end: met, partly met, not met."""

RATINGS = ("P", "S", "M", "U")
"""The HSEEP scale an evaluator rates an exercise objective on, per team: performed without challenges,
with some challenges, with major challenges, unable to be performed."""

OBSERVATION_KINDS = ("", "strength", "improvement")
"""What an observation says of the objective it is tagged with: nothing yet, a strength, an area for improvement."""

ACTION_STATUSES = ("open", "in_progress", "done")
"""Where an improvement-plan action stands."""

FEEDBACK_SCALE = range(1, 6)
"""A participant's rating of an exercise objective: 1 (strongly disagree) to 5 (strongly agree) that the
exercise let the team work on it."""

FACILITATOR = "facilitator"
EVALUATOR = "@evaluator"
OBSERVER = "@observer"
SEATS = (EVALUATOR, OBSERVER)
"""The ways in besides the teams', each with a join code of its own: an evaluator observes and rates,
an observer only reads. Not team ids (ids start with a letter or digit), so they never clash with one."""

TEAM_KINDS = frozenset({MOVE, JOIN_FAILED, JOINED, FEEDBACK})
"""The only kinds a team may append, and only about itself."""
SEAT_KINDS = {EVALUATOR: frozenset({JOIN_FAILED, JOINED, OBSERVATION, RATING}),
              OBSERVER: frozenset({JOIN_FAILED, JOINED})}
"""The only kinds each seat may append: its own logins, and for an evaluator its observations and ratings."""


def team_actor(team_id: str) -> str:
    """The actor a team, or a seat (`evaluator`, `observer`), writes as."""
    return team_id[1:] if team_id in SEATS else f"team:{team_id}"


def actor_team(actor: str) -> str | None:
    """The team an actor string names, or None for the facilitator."""
    return actor[5:] if actor.startswith("team:") else None


def actor_seat(actor: str) -> str | None:
    """The seat an actor string names (`evaluator` → EVALUATOR), or None."""
    seat = f"@{actor}"
    return seat if seat in SEATS else None


def team_refusal(team: str, kind: str, data: dict[str, Any]) -> str | None:
    """Why `team` (or a seat) may not record this event, or None: a team records only its own moves,
    feedback and logins; a seat its own logins, and an evaluator its observations and ratings."""
    if team in SEATS:
        if kind not in SEAT_KINDS[team]:
            return f"the {team[1:]} may not record {kind}"
        if kind in (JOIN_FAILED, JOINED) and data.get("team") != team:
            return f"the {team[1:]} may not sign in as {data.get('team')!r}"
        return None
    if kind not in TEAM_KINDS:
        return f"team {team} may not record {kind}"
    if data.get("team") != team:
        return f"team {team} may not write as team {data.get('team')!r}"
    return None


def actor_refusal(actor: str, kind: str, data: dict[str, Any]) -> str | None:
    """Why `actor` may not record this event, or None (the facilitator records anything)."""
    if actor == FACILITATOR:
        return None
    who = actor_team(actor) or actor_seat(actor)
    return f"an unknown actor {actor!r}" if who is None else team_refusal(who, kind, data)


_Type = type | tuple[type, ...]
SHAPES: dict[str, tuple[dict[str, _Type], dict[str, _Type]]] = {
    CREATED: ({"session_id": str, "lang": str, "seed": int, "content": dict},
              {"title": str, "facilitator": str, "created": str, "codes": dict, "lineage": list}),
    ROUND_STARTED: ({"round": int}, {}),
    INJECT_DELIVERED: ({"inject": str, "how": str}, {"slot": int, "queue": list, "option": str}),
    CLOCK: ({"action": str}, {"seconds": (int, float)}),
    MOVE: ({"move_id": str, "team": str, "round": int, "action": str, "result": str, "reasons": str,
            "private": bool}, {"inject": str}),
    ADJUDICATED: ({"move_id": str, "outcome": int, "narrative": str, "erosion": int, "rapprochement": int},
                  {"tracks": dict}),
    OPTION_CHOSEN: ({"inject": str, "option": str}, {}),
    NOTE: ({"note_id": str, "text": str}, {"author": str, "tag": str, "owner": str, "due": str, "objective": str,
                                          "status": str}),
    MOVES_REOPENED: ({"round": int}, {}),
    CODE_SET: ({"team": str}, {"hash": str}),
    JOIN_FAILED: ({"team": str}, {}),
    JOINED: ({"team": str}, {}),
    LANGUAGE: ({"lang": str}, {}),
    ENDED: ({}, {}),
    OBJECTIVE: ({"team": str, "objective": str, "mark": str}, {"reasons": str}),
    OBSERVATION: ({"observation_id": str, "objective": str, "team": str, "round": int, "text": str, "author": str},
                  {"kind": str}),
    RATING: ({"objective": str, "team": str, "rating": str, "reasons": str, "author": str}, {}),
    HOTWASH: ({"answer_id": str, "question": str, "text": str}, {"team": str}),
    FEEDBACK: ({"feedback_id": str, "team": str, "ratings": dict, "text": str}, {}),
    EVALUATOR_ACCESS: ({"private": bool}, {}),
    ACTION_STATUS: ({"note_id": str, "status": str}, {}),
}
"""The data each kind of event carries: (required fields, optional fields) with their types."""


class _Absent:
    """Stands for a field an event does not carry."""


_ABSENT = _Absent()


def _types(typ: _Type, optional: bool) -> frozenset[type]:
    exact = set(typ) if isinstance(typ, tuple) else {typ}
    return frozenset(exact | ({_Absent} if optional else set()))


_CHECKS: dict[str, tuple[tuple[str, frozenset[type]], ...]] = {
    kind: tuple((n, _types(t, False)) for n, t in required.items())
    + tuple((n, _types(t, True)) for n, t in optional.items())
    for kind, (required, optional) in SHAPES.items()
}
"""SHAPES as exact types per field (so True is no int): one set lookup per field while folding."""


USUAL: dict[str, tuple[tuple[str, ...], tuple[type, ...]]] = {
    kind: (tuple(sorted(required)), tuple(required[n] for n in sorted(required)))  # type: ignore[misc]
    for kind, (required, _) in SHAPES.items() if all(isinstance(t, type) for t in required.values())
}
"""Each kind's usual event as stored (its required fields only, names sorted as the store writes them)
with their exact types: the fold's fast check, two comparisons instead of a lookup per field."""


def malformed(kind: str, data: dict[str, Any]) -> str | None:
    """What is wrong with an event's shape (unknown kind, a missing field, a wrong type), or None."""
    if type(data) is not dict:
        return "has data that is not an object"
    usual = USUAL.get(kind)
    if usual is not None and tuple(data) == usual[0] and tuple(map(type, data.values())) == usual[1]:
        return None
    checks = _CHECKS.get(kind)
    if checks is None:
        return "is of an unknown kind"
    for name, types in checks:
        found = type(data.get(name, _ABSENT))
        if found not in types:
            return f"lacks its field {name!r}" if found is _Absent else f"has a field {name!r} of the wrong type"
    return None
