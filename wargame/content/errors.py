"""Content errors that name the file, the line and the field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, at one line."""

    path: str
    line: int
    field: str
    message: str

    def __post_init__(self) -> None:  # names and values come from the files: never raw to a terminal
        for name in ("path", "field", "message"):
            object.__setattr__(self, name, _printable(getattr(self, name)))

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}: {where}{self.message}"


def _printable(s: str) -> str:
    """`s` on one line, every character Python would not print (controls, line breaks, bidi marks,
    undecodable file-name bytes) written as its escape, as `repr` does."""
    if s.isprintable():
        return s
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in s)


class ContentError(Exception):
    """Every problem found in one load; nothing of that load is kept."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
