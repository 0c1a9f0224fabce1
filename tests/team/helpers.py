"""Sessions, a fake clock and Pilot steps for the team console tests."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from textual.content import Content
from textual.widgets import Input, Static, TextArea

from wargame.content import load
from wargame.engine.session import Session
from wargame.model import Team, Text

from ..engine.helpers import MINI, FakeClock

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
PY = sys.executable

SECRET_NOTE = "FACILITATOR-ONLY-NOTE-7f3a"
HOSTILE = ["[/]", "[bold", "[@click=app.quit]x[/]", "<b>&amp;", "<img src=x>", "Привет", "🚀", "שלום",
           "[/] <b>&amp; Привет 🚀", "x" * 10_000]


def library(teams: int = 3, show_world: bool = True, targets: dict[str, list[str]] | None = None):
    """The mini fixture library; with `teams` > 3, a deck of that many teams `team-0`…; every inject
    carries a recognisable facilitator note, which no team may ever see."""
    lib = load([MINI])
    for iid, inj in list(lib.injects.items()):
        update = {"facilitator_notes": Text(nl=SECRET_NOTE, en=SECRET_NOTE)}
        if targets and iid in targets:
            update["targets"] = targets[iid]
        lib.injects[iid] = replace(inj, **update)
    deck = replace(lib.decks["mini"], show_world=show_world)
    if teams > 3:
        for n in range(teams):
            tid = f"team-{n}"
            lib.teams[tid] = Team(id=tid, name=Text(nl=tid, en=tid), role=Text(nl="rol", en="role"))
        deck = replace(deck, teams=tuple(f"team-{n}" for n in range(teams)))
    return deck, lib


def make_session(tmp_path: Path, *, teams: int = 3, show_world: bool = True, start: bool = True,
                 clock: FakeClock | None = None, targets: dict[str, list[str]] | None = None) -> tuple[Session, dict[str, str], FakeClock, Path]:
    """A facilitator Session on a new file (started: round 1, first inject delivered), its codes and clock."""
    clock = clock or FakeClock()
    deck, lib = library(teams, show_world, targets)
    path = tmp_path / "s.wargame"
    fac, codes = Session.create(path, deck, lib, lang="en", seed=3, now=clock)
    if start:
        fac.advance()
    return fac, codes, clock, path


def text_of(app, selector: str) -> str:
    """The plain text a Static shows."""
    widget = app.screen.query_one(selector, Static)
    content = widget.visual
    return content.plain if isinstance(content, Content) else str(widget.render())


def screen_text(app) -> str:
    """All Static text of the current screen, joined."""
    out = []
    for w in app.screen.query(Static):
        v = w.visual
        out.append(v.plain if isinstance(v, Content) else str(w.render()))
    return "\n".join(out)


async def login(pilot, code: str, team: str | None = None) -> None:
    app = pilot.app
    await pilot.pause()
    if team is not None:
        from textual.widgets import Select

        app.screen.query_one("#team", Select).value = team
        await pilot.pause()
    app.screen.query_one("#code", Input).value = code
    await pilot.click("#join")
    await pilot.pause()


def fill(app, action: str, result: str = "", reasons: str = "") -> None:
    app.screen.query_one("#action", TextArea).text = action
    app.screen.query_one("#result", TextArea).text = result
    app.screen.query_one("#reasons", TextArea).text = reasons


def form(app) -> tuple[str, str, str]:
    return tuple(app.screen.query_one(f"#{n}", TextArea).text for n in ("action", "result", "reasons"))  # type: ignore[return-value]


def rendered(app) -> str:
    """What the terminal shows now, as plain text."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()
