"""Screens and dialogs of the facilitator console."""
