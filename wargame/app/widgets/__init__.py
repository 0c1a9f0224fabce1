"""Widgets of the facilitator console; each module keeps its DEFAULT_CSS beside its widget."""
