"""Screens of the team console: the login and the team's own console."""
