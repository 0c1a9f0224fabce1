"""Content models (frozen dataclasses); no I/O here, and no validation library on import."""

from .base import AXIS_LIMIT, LANGS, AxisPush, Lang, Text
from .codec import build, dump
from .deck import Deck, DrawRule, DriftRule, HotwashQuestion, Position, Round, Slot
from .files import FILE_KINDS, DeckFile, HotwashFile, InjectFile, TeamFile
from .inject import DELIVERIES, Inject, Option, Source, scenario_injects
from .scenario import Quadrant, Scenario, quadrant_of
from .team import Team

__all__ = [
    "AXIS_LIMIT", "LANGS", "AxisPush", "Lang", "Text", "build", "dump", "Deck", "DrawRule", "DriftRule",
    "HotwashQuestion", "Position", "Round", "Slot", "FILE_KINDS", "DeckFile", "HotwashFile",
    "InjectFile", "TeamFile", "DELIVERIES", "Inject", "Option", "Source", "scenario_injects", "Quadrant",
    "Scenario", "quadrant_of", "Team",
]
