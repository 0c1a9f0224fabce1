"""The matrix-game outcome scale a facilitator rules with."""

from __future__ import annotations

OUTCOMES: dict[int, tuple[str, str]] = {
    3: ("Triomf", "Triumph"),
    2: ("Succes", "Success"),
    1: ("Gedeeltelijk succes", "Partial success"),
    0: ("Geen effect", "No effect"),
    -1: ("Tegenvaller", "Setback"),
    -2: ("Mislukking", "Failure"),
    -3: ("Ramp", "Disaster"),
}


def outcome_label(score: int, lang: str = "en") -> str:
    """`+2 Success` style label of an outcome score."""
    nl, en = OUTCOMES[score]
    return f"{score:+d} {nl if lang == 'nl' else en}"
