"""How much `wargame validate` costs over bare YAML parsing.

Generates a library of 2,000 valid injects (20 files x 100 injects, each file with its
scenario) plus a teams file and a deck in a temporary folder, then prints, from one run:

- the median time of `wargame validate FOLDER` (``wargame.cli.main``, output captured),
- the median time of ``wargame.content.load`` alone on the same folder,
- the median time of bare ``yaml.load(text, Loader=CSafeLoader)`` of the same files
  (SafeLoader where PyYAML was built without libyaml), reading included,
- and the ratio validate / bare parse. Goal: ratio <= 2.0.

Run: ``python benchmarks/bench_validate.py [--files N] [--per-file N] [--repeat N]``.
Exits 1 if validation fails (the generated library must be valid), 0 otherwise; the ratio
is reported, not enforced, since timings depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from wargame.cli import main as cli_main
from wargame.content import builtin_library, load

try:
    from yaml import CSafeLoader as BareLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as BareLoader  # type: ignore[assignment]

TEAMS = ["bench-nl", "bench-eu", "bench-navo", "bench-us", "bench-ru"]
QUADRANTS = [("low", "low"), ("low", "high"), ("high", "low"), ("high", "high")]

BRIEFING_NL = (
    "FLASH — PARIJS. De bestuursvoorzitter van een Frans defensieconcern is vanochtend bij het "
    "verlaten van zijn woning doodgeschoten. De daders ontkwamen op een motor. Het Openbaar "
    "Ministerie voor terrorismezaken heeft het onderzoek naar zich toegetrokken. Franse media "
    "melden dat de inlichtingendiensten een statelijke actor niet uitsluiten; het Élysée spreekt "
    "van \"een aanslag op de Europese defensie\". Moskou ontkent elke betrokkenheid."
)
BRIEFING_EN = (
    "FLASH — PARIS. The chief executive of a French defence group was shot dead this morning "
    "leaving his home. The attackers escaped on a motorbike. The national counter-terrorism "
    "prosecutor has taken over the case. French media report that the intelligence services do "
    "not rule out a state actor; the Élysée calls it \"an attack on European defence\". Moscow "
    "denies any involvement."
)


def _folded(text: str, indent: int) -> str:
    """`text` as a folded block scalar body, wrapped at ~90 columns."""
    pad = " " * indent
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > 90:
            lines.append(pad + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(pad + line)
    return "\n".join(lines)


def inject_text(file_no: int, n: int, per_file: int) -> str:
    iid = f"b{file_no:02d}-{n:03d}"
    follow = f"b{file_no:02d}-{(n + 1) % per_file:03d}"
    month, day = 1 + n % 12, 1 + n % 28
    return f"""\
  - id: {iid}
    title:
      nl: Aanslag op defensie-industrie nummer {n}
      en: Attack on defence industry number {n}
    briefing:
      nl: >-
{_folded(BRIEFING_NL, 8)}
      en: >-
{_folded(BRIEFING_EN, 8)}
    date: "2026-{month:02d}-{day:02d}"
    delivery: news_flash
    sender: {{nl: Persbureau AFP, en: AFP news agency}}
    targets: [{TEAMS[n % 5]}, {TEAMS[(n + 1) % 5]}]
    minutes: 15
    facilitator_notes:
      nl: >-
        Test of teams een heimelijke aanval op Europese defensie-industrie als collectief
        veiligheidsprobleem behandelen. Sterk: attributie vóór vergelding.
      en: >-
        Tests whether teams treat a covert strike on European defence industry as a
        collective security problem. Strong: attribution before retaliation.
    questions:
      - nl: Wat is de Nederlandse reactie voordat de attributie rond is?
        en: What is the Dutch response before attribution is settled?
      - nl: Is dit een zaak voor de EU, de NAVO of beide?
        en: Is this a matter for the EU, NATO or both?
    push: {{erosion: 0, rapprochement: -1}}
    options:
      - id: escalate
        label: {{nl: Escaleren, en: Escalate}}
        follow_up: {follow}
        push: {{erosion: 1}}
    source:
      section: Scenario 1. "Tough Love"
      quote: In Parijs vindt een moordaanslag plaats op de CEO van het Franse defensiebedrijf Thales.
"""


def inject_file(file_no: int, per_file: int) -> str:
    erosion, rapprochement = QUADRANTS[file_no % 4]
    head = f"""\
scenario:
  id: bench-{file_no:02d}
  number: {file_no % 4 + 1}
  title: {{nl: Toekomst {file_no}, en: Future {file_no}}}
  subtitle: {{nl: Een ondertitel, en: A subtitle}}
  quadrant: {{erosion: {erosion}, rapprochement: {rapprochement}}}
  summary: {{nl: Een samenvatting., en: A summary.}}
injects:
"""
    return head + "".join(inject_text(file_no, n, per_file) for n in range(per_file))


def teams_file() -> str:
    out = "teams:\n"
    for t in TEAMS:
        out += f"  - id: {t}\n    name: {{nl: Team {t}, en: Team {t}}}\n    role: {{nl: Een rol., en: A role.}}\n"
    return out


def deck_file(files: int) -> str:
    rounds = "".join(
        f"""\
    - title: {{nl: Ronde {r}, en: Round {r}}}
      minutes: 20
      injects:
        - fixed: b{r:02d}-000
        - draw: {{scenario: bench-{r:02d}, count: 2}}
"""
        for r in range(min(files, 4))
    )
    return f"""\
deck:
  id: bench-deck
  title: {{nl: Benchmark, en: Benchmark}}
  description: {{nl: Een benchmark., en: A benchmark.}}
  teams: [{", ".join(TEAMS)}]
  rounds:
{rounds}"""


def generate(folder: Path, files: int, per_file: int) -> list[Path]:
    (folder / "injects").mkdir()
    (folder / "decks").mkdir()
    for f in range(files):
        (folder / "injects" / f"bench-{f:02d}.yaml").write_text(inject_file(f, per_file), encoding="utf-8")
    (folder / "decks" / "teams.yaml").write_text(teams_file(), encoding="utf-8")
    (folder / "decks" / "bench-deck.yaml").write_text(deck_file(files), encoding="utf-8")
    return sorted(folder.rglob("*.yaml"))


def timed(fns: dict[str, Callable[[], None]], repeat: int) -> dict[str, float]:
    """Median seconds of each function; runs are interleaved so a busy moment hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            gc.collect()
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--per-file", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="wargame-bench-") as tmp:
        folder = Path(tmp)
        files = generate(folder, args.files, args.per_file)
        size = sum(f.stat().st_size for f in files)
        try:
            builtin_library()  # loaded once per process by the CLI; keep it out of the timing
        except Exception as exc:  # noqa: BLE001 - the built-in content may be mid-edit
            print(f"note: the built-in content does not load ({type(exc).__name__}); "
                  "`validate` timing would include that failure", file=sys.stderr)

        lib = load([folder])
        count = len(lib.injects)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = cli_main(["validate", str(folder)])
        if rc != 0:
            print(err.getvalue(), file=sys.stderr)
            print(f"the generated library does not validate (exit {rc})", file=sys.stderr)
            return 1

        def bare() -> None:
            for f in files:
                yaml.load(f.read_text(encoding="utf-8"), Loader=BareLoader)

        def validate() -> None:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                assert cli_main(["validate", str(folder)]) == 0

        def load_only() -> None:
            load([folder])

        del lib
        medians = timed({"bare": bare, "validate": validate, "load": load_only}, args.repeat)
        t_bare, t_validate, t_load = medians["bare"], medians["validate"], medians["load"]

    ratio = t_validate / t_bare
    print(f"library: {count:,} injects in {len(files)} files, {size / 1024:,.0f} KiB")
    print(f"bare yaml.load ({BareLoader.__name__}): median {t_bare * 1000:8.1f} ms  (n={args.repeat})")
    print(f"wargame validate:              median {t_validate * 1000:8.1f} ms  (n={args.repeat})")
    print(f"wargame.content.load:          median {t_load * 1000:8.1f} ms  (n={args.repeat})")
    print(f"ratio validate / bare parse: {ratio:.2f}  (goal <= 2.0: {'met' if ratio <= 2.0 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
