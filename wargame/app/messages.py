"""Messages the console's widgets and screens pass around."""

from __future__ import annotations

from textual.message import Message


class SessionChanged(Message):
    """The session's state changed (this process's command, or another process's events)."""

    def __init__(self, new_events: int = 0) -> None:
        super().__init__()
        self.new_events = new_events


class TeamChosen(Message):
    """The facilitator picked a team in the teams panel (Enter or click)."""

    def __init__(self, team: str) -> None:
        super().__init__()
        self.team = team
