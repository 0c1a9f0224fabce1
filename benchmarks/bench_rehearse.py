"""What `wargame rehearse` costs: plays per second of the built-in drift deck.

Plays the `drift` deck 1,000 times (``wargame.engine.rehearse.rehearse``, neutral rulings, then random
rulings) and prints, from the median of a few repeats:

- plays per second of the rehearsal (the engine deciding each event, then folding it, then counting),
- plays per second of a bare loop that only folds the same events, each play from a copy of the
  created state as the rehearsal does, and the ratio rehearsal / bare fold,
- the goal line: "1,000 plays of the drift deck: X s (goal < 5 s)".

Run: ``python benchmarks/bench_rehearse.py [--runs N] [--repeat N]``. Timings depend on the machine:
the goal is reported, not enforced.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wargame.content import builtin_library
from wargame.engine.events import Event
from wargame.engine.rehearse import created_state, fresh, play_from, rehearse
from wargame.engine.state import fold


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lib = builtin_library()
    deck = lib.decks["drift"]
    created = created_state(deck, lib)
    print(f"rehearse of the drift deck, {args.runs:,} plays, median of {args.repeat}")
    goal = 0.0
    for rulings in ("neutral", "random"):
        logs: list[list[Event]] = []
        for run in range(args.runs):  # the very events each play folds
            log: list[Event] = []
            play_from(created, run, random.Random(f"0:{run}"), rulings, log)
            logs.append(log)
        full = median_time(lambda r=rulings: rehearse(deck, lib, runs=args.runs, rulings=r), args.repeat)

        def bare(logs: list[list[Event]] = logs) -> None:
            for run, log in enumerate(logs):
                fold(log, fresh(created, run))

        folded = median_time(bare, args.repeat)
        events = sum(map(len, logs)) / len(logs)
        print(f"  rulings {rulings:<8} {args.runs / full:>9,.0f} plays/s   "
              f"bare fold {args.runs / folded:>9,.0f} plays/s"
              f"   ratio {full / folded:.1f}   ({events:.0f} events a play)")
        if rulings == "neutral":
            goal = full * 1000 / args.runs
    print(f"1,000 plays of the drift deck: {goal:.2f} s (goal < 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
