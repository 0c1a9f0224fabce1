"""Live-update benchmark: commit-to-screen latency on the facilitator console with 12 team writers,
and the console's idle CPU, for the old 0.5 s poll and the new live follow, in one run.

Facilitator consoles (real Textual apps, headless, each a process of its own) follow one session:
  old    as before issue 12: every 0.5 s the session's log is looked at (`Session.refresh`);
  new    as shipped: the file watch wakes the console, which then looks every 50 ms for a moment,
         reading the log only when another process committed (`Session.poll`); plus the 0.5 s net;
  timer  as shipped where the system has no file watch: the cheap look every 50 ms, all the time.
First all three idle side by side (the exercise running, nobody writing): the CPU time each uses,
from /proc (schedstat). Then, for old and new in turn, each on a fresh copy of the same session:
12 writer processes, each a team's Session on the file, record moves at random intervals (the same
intervals for both); a writer notes the wall clock as its commit returns, the console the moment it
hands its driver the first frame drawn after its screen showed that event.

Goals (issue 12): new p95 <= 100 ms; new idle CPU no more than old.
Run: python benchmarks/bench_live.py [--writers 12] [--seconds 15] [--idle 30] [--timer]   (Linux)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MODES = ("old", "new", "timer")

CHILD_CONSOLE = """
import json, sys, time
from pathlib import Path
from wargame.app.app import make_app
from wargame.app.live import Live
from wargame.app.screens.console import ConsoleScreen
from wargame.engine.session import Session

path, mode, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
if mode == "old":  # before issue 12: every 0.5 s (POLL_SECONDS) the log itself is looked at
    Session.poll = Session.refresh
    Live.follow = lambda self, session: None
elif mode == "timer":  # no file watch: the cheap look on its 50 ms timer, all the time
    Session.watch = lambda self: None

synced = [0]  # the last event id the console screen has shown
sync = ConsoleScreen.sync
def counting_sync(self):
    sync(self)
    synced[0] = self.state.last_event_id
ConsoleScreen.sync = counting_sync

app = make_app(path)
frames = []  # (last event id shown, wall clock of the first frame showing it)
display = app._display
def on_display(screen, renderable):
    display(screen, renderable)
    if renderable is not None and (not frames or synced[0] > frames[-1][0]):
        if not frames:
            print("ready", flush=True)
        frames.append((synced[0], time.time()))
app._display = on_display
app.run(headless=True, size=(160, 48))  # SIGTERM asks it to exit (wargame.app.lifecycle)
out.write_text(json.dumps({"frames": frames, "folded": app.session.state.last_event_id}))
"""

CHILD_WRITER = """
import random, sys, time
from pathlib import Path
from wargame.engine.session import Session

path, team, start, seconds, n = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
rng = random.Random(int(n))
session = Session.open(path, team=team)
time.sleep(max(0.0, start - time.time()))
k = 0
while time.time() < start + seconds:
    time.sleep(rng.uniform(0.1, 1.5))  # a team console: a move now and then, submitted again to change it
    k += 1
    session.record_move(team, f"writer {n}, move {k}: we propose to widen the sanctions", "result", "reasons")
    print(session.state.last_event_id, time.time(), flush=True)  # the commit has returned
session.close()
"""


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used so far, all its threads: from schedstat (nanoseconds) where the
    kernel keeps it, else utime + stime from stat (clock ticks, 10 ms)."""
    total = 0
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            total += int((task / "schedstat").read_text().split()[0])
        return total / 1e9
    except (OSError, ValueError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def session_file(tmp: Path) -> tuple[Path, list[str]]:
    """A session in round 1, its first inject delivered, with some moves and notes already; closed."""
    from bench_console import make_session

    from wargame.engine.session import Session

    path = make_session(tmp / "start.wargame", events=40)
    s = Session.open(path)
    teams = list(s.state.teams)
    s.close()
    return path, teams


def spawn(script: str, *args: object) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def start_console(path: Path, mode: str, out: Path) -> subprocess.Popen:
    p = spawn(CHILD_CONSOLE, path, mode, out)
    line = p.stdout.readline() if p.stdout else ""
    if line.strip() != "ready":
        raise SystemExit(f"the {mode} console did not start:\n{p.communicate()[1]}")
    return p


def stop_console(p: subprocess.Popen, out: Path) -> dict:
    p.send_signal(signal.SIGTERM)  # the console exits as on a closed terminal window
    _, err = p.communicate(timeout=30)
    if not out.exists():
        raise SystemExit(f"a console failed:\n{err}")
    return json.loads(out.read_text())


def write(path: Path, teams: list[str], writers: int, seconds: float) -> list[tuple[int, float]]:
    """Run the writers (together, from 2 s on) for `seconds`; each commit's event id and wall clock."""
    start = time.time() + 2  # every writer open and waiting
    procs = [spawn(CHILD_WRITER, path, teams[n % len(teams)], start, seconds, n) for n in range(writers)]
    commits: list[tuple[int, float]] = []
    for w in procs:
        out, err = w.communicate(timeout=seconds + 60)
        if w.returncode != 0:
            raise SystemExit(f"a writer failed:\n{err}")
        commits += [(int(a), float(b)) for a, b in (line.split() for line in out.splitlines())]
    return commits


def latencies(frames: list[list[float]], commits: list[tuple[int, float]]) -> tuple[list[float], int]:
    """Per commit: seconds from its commit to the first frame showing it; and how many never showed."""
    out, missed, i = [], 0, 0
    frames = sorted(frames)
    for event_id, at in sorted(commits):
        while i < len(frames) and frames[i][0] < event_id:
            i += 1
        if i == len(frames):
            missed += 1
        else:
            out.append(frames[i][1] - at)
    return out, missed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--writers", type=int, default=12, help="team writer processes")
    ap.add_argument("--seconds", type=float, default=15.0, help="how long the writers write, per console")
    ap.add_argument("--idle", type=float, default=30.0, help="seconds of idle over which CPU is measured")
    ap.add_argument("--timer", action="store_true", help="measure the latency without a file watch too")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["WARGAME_HOME"] = tmp_name
        original, teams = session_file(tmp)

        def fresh(name: str) -> Path:
            return Path(shutil.copy(original, tmp / f"{name}.wargame"))

        idle_file = fresh("idle")
        consoles = {m: start_console(idle_file, m, tmp / f"idle-{m}.json") for m in MODES}
        time.sleep(3)  # past start-up and the first looks
        before = {m: cpu_seconds(p.pid) for m, p in consoles.items()}
        time.sleep(args.idle)
        idle = {m: cpu_seconds(p.pid) - before[m] for m, p in consoles.items()}
        for m, p in consoles.items():
            stop_console(p, tmp / f"idle-{m}.json")

        measured = {}
        for mode in MODES if args.timer else MODES[:2]:
            path = fresh(mode)
            console = start_console(path, mode, tmp / f"{mode}.json")
            time.sleep(2)
            commits = write(path, teams, args.writers, args.seconds)
            time.sleep(1.5)  # the console catches up with the last commits
            result = stop_console(console, tmp / f"{mode}.json")
            lat, missed = latencies(result["frames"], commits)
            last = max(e for e, _ in commits)
            measured[mode] = (lat, missed, len(commits), result["folded"] >= last)

    n = next(iter(measured.values()))[2]
    print(f"facilitator console, commit-to-screen with {args.writers} writers ({n} moves in {args.seconds:.0f} s, "
          f"{n / args.seconds:.1f}/s), and idle CPU over {args.idle:.0f} s:")
    print(f"  {'':6} {'p50':>7} {'p95':>7} {'max':>7} {'shown':>9}   idle CPU")
    for mode in MODES:
        line = f"  {mode:6} "
        if mode in measured:
            lat, missed, count, whole = measured[mode]
            line += (f"{pct(lat, 50) * 1000:5.0f}ms {pct(lat, 95) * 1000:5.0f}ms {max(lat) * 1000:5.0f}ms "
                     f"{len(lat):4}/{count:<4}")
            line += "" if whole and not missed else " (not all shown!)"
        else:
            line += f"{'-':>7} {'-':>7} {'-':>7} {'-':>9}"
        print(line + f"   {idle[mode]:.3f} s ({idle[mode] / args.idle * 100:.2f}% of a core)")
    old, new = measured["old"][0], measured["new"][0]
    o95, n95 = pct(old, 95) * 1000, pct(new, 95) * 1000
    print(f"  old/new: p50 {pct(old, 50) / pct(new, 50):.1f}x, p95 {o95 / n95:.1f}x; idle CPU new/old "
          f"{idle['new'] / idle['old'] if idle['old'] else float('nan'):.2f}x")
    print(f"  goals: new p95 <= 100 ms: {'met' if n95 <= 100 else 'NOT met'}; "
          f"new idle CPU <= old: {'met' if idle['new'] <= idle['old'] else 'NOT met'}")


if __name__ == "__main__":
    main()
