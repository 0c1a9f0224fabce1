"""A team in a process of its own, for the multi-process tests. Prints one JSON line per result.

    python -m tests.team.team_proc SESSION TEAM CODE moves N     join, wait for "go", record N moves
    python -m tests.team.team_proc SESSION TEAM CODE console N   the same through the Textual console (Pilot)
    python -m tests.team.team_proc SESSION TEAM CODE join        only try the code
    python -m tests.team.team_proc SESSION TEAM CODE overreach   try to act as another team and as facilitator
"""

from __future__ import annotations

import asyncio
import json
import sys
import uuid
from pathlib import Path

from wargame.engine import events as ev
from wargame.engine.session import EngineError, Session
from wargame.store import StoreError


def say(**data: object) -> None:
    print(json.dumps(data, ensure_ascii=False), flush=True)


def wait_for_go() -> None:
    say(ready=True)
    line = sys.stdin.readline()
    assert line.strip() == "go", line


def moves(path: Path, team: str, code: str, count: int) -> None:
    s = Session.open(path, team=team)
    if not s.check_join(team, code):
        say(error="wrong code")
        return
    wait_for_go()
    for n in range(count):
        key = f"{team}-{n}-{uuid.uuid4().hex[:8]}"
        m = s.record_move(team, f"move {n} of {team}", "result", "reasons", private=n % 2 == 0, key=key)
        say(key=key, move=m.id)  # printed only once the store has committed it


def console(path: Path, team: str, code: str, count: int) -> None:
    from textual.widgets import Input, Static, TextArea

    from wargame.app.team import make_team_app

    async def run() -> None:
        app = make_team_app(path, team=team)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.screen.query_one("#code", Input).value = code
            await pilot.press("enter")
            await pilot.pause()
            if type(app.screen).__name__ != "TeamScreen":
                say(error="login failed")
                return
            await asyncio.to_thread(wait_for_go)  # the console keeps running while it waits
            for n in range(count):
                app.screen.query_one("#action", TextArea).text = f"console move {n} of {team}"
                await pilot.press("ctrl+s")
                await pilot.pause()
                status = app.screen.query_one("#form-status", Static).visual.plain
                say(n=n, status=status)

    asyncio.run(run())


def join(path: Path, team: str, code: str) -> None:
    try:
        s = Session.open(path, team=team)
        say(ok=s.check_join(team, code))
    except EngineError as exc:
        say(ok=False, error=str(exc))


def overreach(path: Path, team: str, code: str, other: str) -> None:
    s = Session.open(path, team=team)
    assert s.check_join(team, code)
    attempts = {
        "record_move as other": lambda: s.record_move(other, "impostor", "r", "x"),
        "append move as other": lambda: s.store.append(ev.MOVE, {"move_id": "x1", "team": other, "round": 0,
                                                                 "action": "impostor", "result": "", "reasons": "",
                                                                 "private": False}),
        "join_failed as other": lambda: s.store.append(ev.JOIN_FAILED, {"team": other}),
        "advance": s.advance,
        "next_round": s.next_round,
        "clock": lambda: s.clock("pause"),
        "adjudicate": lambda: s.adjudicate(next(iter(s.state.moves)), 3, "self-praise", 3, 3),
        "reopen_moves": s.reopen_moves,
        "new_code": lambda: s.new_code(other),
        "set_language": lambda: s.set_language("nl"),
        "add_note": lambda: s.add_note("a note"),
        "end": s.end,
        "append note": lambda: s.store.append(ev.NOTE, {"note_id": "n1", "author": team, "text": "x", "tag": "",
                                                        "owner": "", "due": "", "team": team}),
    }
    for name, attempt in attempts.items():
        try:
            attempt()
        except (EngineError, StoreError) as exc:
            say(attempt=name, refused=type(exc).__name__, message=str(exc))
        else:
            say(attempt=name, refused=None)


def main() -> None:
    path, team, code, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    rest = sys.argv[5:]
    if mode == "moves":
        moves(path, team, code, int(rest[0]))
    elif mode == "console":
        console(path, team, code, int(rest[0]))
    elif mode == "join":
        join(path, team, code)
    elif mode == "overreach":
        overreach(path, team, code, rest[0])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
