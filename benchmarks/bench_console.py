"""Console benchmark, in one run:

1. time from process start to the console's first frame, for `make_app(session)` against a bare
   Textual app with a Header, a Static and a Footer; each measured in fresh subprocesses (the
   parent notes the wall clock just before starting the child, the child when the app hands its
   first frame to the (headless) driver), run in pairs (bare, then console) so that both meet
   the same machine load; the ratio is the median of the pairs' ratios (goal <= 1.5x: issue 12's
   budget, which replaced the 1.3x that the start-up tricks chased);
2. time from a key press to the next render with a 2,000-event session open (goal < 50 ms).

The last lines are the budgets, each as "name: X ms (ratio Yx, goal ...)".

Run: python benchmarks/bench_console.py [--runs N] [--presses N]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_FRAME = """
import time
display = app._display
def first_frame(screen, renderable):
    display(screen, renderable)
    if renderable is not None and not getattr(app, "_bench_done", False):
        app._bench_done = True
        print(time.time())
        app.exit()
app._display = first_frame  # the first frame the app hands to its (headless) driver
app.run(headless=True, size=(120, 40))
"""

CHILD_CONSOLE = """
import sys, time
from pathlib import Path
from wargame.app.app import make_app
app = make_app(Path(sys.argv[1]))
""" + FIRST_FRAME

CHILD_BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Header(); yield Static("Hello"); yield Footer()
app = Bare()
""" + FIRST_FRAME


CHILD_ENGINE = """
import sys, time
from pathlib import Path
import textual.app
t = time.time()
from wargame.engine.session import Session
Session.open(Path(sys.argv[1])).close()
print(time.time() - t)
"""


def library():
    from wargame.content import ContentError, builtin_library, load

    try:
        lib = builtin_library()
        return lib, "demo" if "demo" in lib.decks else next(iter(lib.decks))
    except ContentError:
        lib = load([ROOT / "tests" / "app" / "data"])
        return lib, "two-rounds"


def make_session(path: Path, events: int = 0) -> Path:
    """A session in round 1 (first inject delivered) with about `events` more events (moves and notes)."""
    from wargame.engine.session import Session

    lib, deck = library()
    session, _ = Session.create(path, lib.decks[deck], lib, seed=1)
    session.advance()
    teams = list(session.state.teams)
    text = "Wij stellen voor de sancties uit te breiden en een coalitie te vormen. " * 3
    for n in range(events):
        if n % 4 == 3:
            session.add_note(f"note {n}: " + text, ("", "strength", "improvement", "action")[n % 4])
        else:
            session.record_move(teams[n % len(teams)], f"move {n}: " + text, "resultaat", "redenen")
    session.close()
    return path


def child(script: str, args: list[str]) -> float:
    """The last number the child prints (a wall-clock time), and the time it was started."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120)
    if out.returncode != 0:
        raise SystemExit(f"child failed:\n{out.stderr}")
    return float(out.stdout.strip().splitlines()[-1]), t0


def first_frame(script: str, args: list[str]) -> float:
    at, started = child(script, args)
    return at - started


async def key_to_render(path: Path, presses: int, key: str) -> list[float]:
    """Seconds from a key event entering the app (as the terminal driver would send it) to the next
    frame the app hands to its driver, with nothing else going on (the inject clock is not running)."""
    from textual import events

    from wargame.app.app import make_app

    app = make_app(path)
    times: list[float] = []
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause(0.3)
        frame = asyncio.Event()
        display = app._display

        def on_display(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                frame.set()

        app._display = on_display  # headless: the frame is computed, then not written anywhere
        for _ in range(presses):
            await pilot.pause(0.05)
            frame.clear()
            t0 = time.perf_counter()
            app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
            await asyncio.wait_for(frame.wait(), 5)
            times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=21, help="subprocesses per app for the start-up figure")
    ap.add_argument("--presses", type=int, default=30, help="key presses for the latency figure")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["WARGAME_HOME"] = tmp
        small = make_session(Path(tmp) / "startup.wargame", events=20)
        # as installed: pip compiles a wheel's modules to .pyc, Textual's included; a checkout run
        # with PYTHONDONTWRITEBYTECODE would otherwise compile wargame's sources in every child
        compileall.compile_dir(str(ROOT / "wargame"), quiet=1)
        first_frame(CHILD_BARE, [])  # warm the OS file cache for both
        first_frame(CHILD_CONSOLE, [str(small)])
        bare, console = [], []
        for _ in range(args.runs):  # interleaved, so drift in machine load hits both alike
            bare.append(first_frame(CHILD_BARE, []))
            console.append(first_frame(CHILD_CONSOLE, [str(small)]))
        mb, mc = statistics.median(bare), statistics.median(console)
        pairs = statistics.median(c / b for b, c in zip(bare, console, strict=True))
        print(f"start-up to first frame ({args.runs} pairs of fresh processes, bare then console):")
        print(f"  bare Textual app (Header, Static, Footer): median {mb * 1000:6.1f} ms, "
              f"fastest {min(bare) * 1000:.1f}")
        print(f"  wargame console, make_app(session):        median {mc * 1000:6.1f} ms, "
              f"fastest {min(console) * 1000:.1f}")
        print(f"  ratio: {pairs:.2f}x, the median of the pairs' ratios (goal <= 1.5x); "
              f"of the medians {mc / mb:.2f}x, of the fastest runs {min(console) / min(bare):.2f}x")
        engine = statistics.median(child(CHILD_ENGINE, [str(small)])[0] for _ in range(args.runs))
        print(f"  of which the engine to import and open the session: {engine * 1000:.1f} ms;"
              f" the rest of the console is {(mc - engine) / mb:.2f}x the bare app")
        budgets = [f"console first frame: {mc * 1000:.1f} ms (ratio {pairs:.2f}x a bare Textual app, goal <= 1.5x)"]

        big = make_session(Path(tmp) / "big.wargame", events=2000)
        from wargame.store import EventStore

        with EventStore(big) as store:
            n_events = store.last_id()
        for key, what in (("l", "switch language: one event appended, every panel redrawn"),
                          ("s", "start/pause the clock: one event appended"),
                          ("down", "move the teams highlight")):
            times = asyncio.run(key_to_render(big, args.presses, key))
            med = statistics.median(times)
            print(f"key press to next render, {n_events:,}-event session, key {key!r} ({what}):")
            print(f"  median {med * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
                  f"over {len(times)} presses (goal < 50 ms)")
            budgets.append(f"key {key!r} to render, {n_events:,} events: {med * 1000:.1f} ms "
                           f"(ratio {med * 1000 / 50:.2f}x the goal, goal < 50 ms)")
    print("\n".join(budgets))


if __name__ == "__main__":
    main()
