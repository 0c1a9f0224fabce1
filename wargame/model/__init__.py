"""Content models (frozen dataclasses); no I/O here, and no validation library on import.

The shapes of whole content files live in `wargame.model.files`, imported by the loader only."""

from .base import AXIS_LIMIT, LANGS, AxisPush, Lang, Text
from .codec import build, dump
from .deck import Deck, DrawRule, DriftRule, HotwashQuestion, Position, Round, Slot
from .inject import DELIVERIES, DELIVERY_NAMES, Inject, Option, Source, delivery_name, scenario_injects
from .scenario import Quadrant, Scenario, quadrant_of
from .team import Team

__all__ = [
    "AXIS_LIMIT", "DELIVERIES", "DELIVERY_NAMES", "LANGS", "AxisPush", "Deck", "DrawRule", "DriftRule",
    "HotwashQuestion", "Inject", "Lang", "Option", "Position", "Quadrant", "Round", "Scenario", "Slot",
    "Source", "Team", "Text", "build", "delivery_name", "dump", "quadrant_of", "scenario_injects",
]
