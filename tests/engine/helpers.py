"""A small fixture library and a fake clock, for engine and store tests."""

from __future__ import annotations

from pathlib import Path

from wargame.content import load
from wargame.engine import events as ev
from wargame.engine.session import Session, creation
from wargame.store import Event

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"
T = 1_800_000_000.0


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


def log(*items: tuple[str, dict]) -> list[Event]:
    """A session's events without a session file: the mini deck's creation, then `items` one second apart."""
    lib = mini_library()
    first = Event(1, "k1", ev.CREATED, ev.FACILITATOR, T,
                  creation("s", lib.decks["mini"], lib, lang="en", seed=7, at=T))
    return [first] + [Event(n, f"k{n}", kind, ev.FACILITATOR, T + n, data) for n, (kind, data) in enumerate(items, 2)]


STARTED = ((ev.ROUND_STARTED, {"round": 0}), (ev.INJECT_DELIVERED, {"inject": "s1-a1", "how": "fixed", "slot": 0}))
"""Round 1 begun and its first inject delivered, as the first `advance` writes it."""
