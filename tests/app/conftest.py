"""Fixtures for the console tests: a small fixed library, a fake clock, a private WARGAME_HOME."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from wargame.content import load
from wargame.engine.session import Session

DATA = Path(__file__).resolve().parent / "data"
T0 = 1_800_000_000.0


class FakeClock:
    """A clock the test moves by hand; the console computes every countdown from it."""

    def __init__(self, t: float = T0):
        self.t = t

    def __call__(self) -> float:
        return self.t

    def tick(self, seconds: float) -> None:
        self.t += seconds


_LIB = None


def app_library():
    """The app tests' own content (a two-round deck over four small scenarios): stable snapshots."""
    global _LIB
    if _LIB is None:
        _LIB = load([DATA])
    return _LIB


@pytest.fixture
def lib():
    return app_library()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def wargame_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("WARGAME_HOME", str(home))
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    return home


def new_session(path: Path, clock: FakeClock, seed: int = 1, lang: str = "en") -> tuple[Session, dict[str, str]]:
    lib = app_library()
    return Session.create(path, lib.decks["two-rounds"], lib, seed=seed, lang=lang, now=clock)


def session_file(tmp_path: Path, lang: str, *, started: bool = True, name: str = "s") -> tuple[Path, dict[str, str], FakeClock]:
    """A closed session file in `lang` (with its first inject delivered when `started`), its codes and clock."""
    clock = FakeClock()
    path = tmp_path / f"{name}-{lang}.wargame"
    session, codes = new_session(path, clock, lang=lang)
    if started:
        session.advance()
    session.close()
    return path, codes, clock


async def sign_in(pilot, code: str) -> None:
    """Type `code` into a team console's login and press Enter."""
    from textual.widgets import Input

    app = pilot.app
    await pilot.pause()
    app.screen.query_one("#code", Input).value = code
    app.screen.query_one("#code", Input).focus()
    await pilot.press("enter")
    await pilot.pause()


def new_console(path: Path, clock: FakeClock, *, started: bool = False):
    """A facilitator console on a new session file at `path`, created and closed as `wargame new` leaves it
    (`started`: with its first inject delivered)."""
    from wargame.app.app import make_app

    session = new_session(path, clock)[0]
    if started:
        session.advance()
    session.close()
    return make_app(path, now=clock)


def screen_text(app) -> str:
    """What the terminal shows now, as plain text (the top screen over the ones below)."""
    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]

