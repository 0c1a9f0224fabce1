"""wargame: run tabletop policy exercises on the four futures of the Clingendael Alert."""

__version__ = "0.1.0"
