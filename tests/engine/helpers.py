"""A small fixture library and a fake clock, for engine and store tests."""

from __future__ import annotations

from pathlib import Path

from wargame.content import load
from wargame.engine.session import Session

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"


def mini_library():
    return load([MINI])


class FakeClock:
    """A clock the test moves by hand; tests never sleep."""

    def __init__(self, t: float = 1_800_000_000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t

    def tick(self, seconds: float) -> None:
        self.t += seconds


def new_session(tmp_path: Path, clock: FakeClock | None = None, seed: int = 7, name: str = "s.wargame"):
    lib = mini_library()
    clock = clock or FakeClock()
    session, codes = Session.create(tmp_path / name, lib.decks["mini"], lib, seed=seed, now=clock)
    return session, codes, clock
