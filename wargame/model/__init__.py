"""Content models (frozen dataclasses); no I/O here, and no validation library on import.

The shapes of whole content files live in `wargame.model.files`, imported by the loader only."""

from .base import AXIS_LIMIT, LANGS, AxisPush, Lang, Text, TrackPush
from .codec import build, dump
from .deck import (
    OBJECTIVES_MAX,
    OBJECTIVES_MIN,
    Brief,
    Deck,
    DrawRule,
    DriftRule,
    ExerciseObjective,
    HotwashQuestion,
    Objective,
    Position,
    Round,
    Slot,
    Track,
)
from .inject import DELIVERIES, DELIVERY_NAMES, Inject, Option, Source, Version, delivery_name, scenario_injects
from .reference import Entry, ReferenceSheet
from .scenario import Quadrant, Scenario, quadrant_of
from .team import Team

__all__ = [
    "AXIS_LIMIT",
    "DELIVERIES",
    "DELIVERY_NAMES",
    "LANGS",
    "OBJECTIVES_MAX",
    "OBJECTIVES_MIN",
    "AxisPush",
    "Brief",
    "Deck",
    "DrawRule",
    "DriftRule",
    "Entry",
    "ExerciseObjective",
    "HotwashQuestion",
    "Inject",
    "Lang",
    "Objective",
    "Option",
    "Position",
    "Quadrant",
    "ReferenceSheet",
    "Round",
    "Scenario",
    "Slot",
    "Source",
    "Team",
    "Text",
    "Track",
    "TrackPush",
    "Version",
    "build",
    "delivery_name",
    "dump",
    "quadrant_of",
    "scenario_injects",
]
