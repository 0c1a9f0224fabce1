"""How much the debrief PDF costs over a bare platypus document of the same paragraphs.

Builds, through the engine, a 12-team, 10-round session in a temporary folder (the built-in
teams plus seven extra teams in a copy of the library; one inject per round; every team moves
every round with about 300 words over action, result and reasons; every move ruled with a short
narrative), then prints from one run:

- the export time of `write_debrief` (best of --repeat runs), the page count and pages/second,
- the time of a bare document of the same paragraphs (the same texts: inject titles and
  briefings, moves, narratives), default styles, `SimpleDocTemplate`, Helvetica,
- and the ratio debrief / bare. Goal (issue 12): ratio <= 2.0 with no private ReportLab API.

Both documents are built in this process, one after the other, so they share the machine's load
and ReportLab's C accelerator, if the optional rl_accel package is installed. The debrief uses
ReportLab as documented: a plain TTFont (DejaVu Sans, embedded as a subset), the default stream
filters and the document's own progress callback.

Run: ``python benchmarks/bench_pdf.py [--repeat N] [--teams N] [--rounds N] [--words N]``.
The ratio is reported, not enforced, since timings depend on the machine.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wargame.content import builtin_library
from wargame.engine.session import Session
from wargame.model import Deck, Team, Text
from wargame.model.validation import validate

WORDS = [
    "de", "wereld", "kabinet", "minister", "bondgenoten", "sancties", "gas", "energie",
    "veiligheid", "afschrikking", "diplomatie", "Brussel", "Washington", "Moskou", "Oekraïne",
    "bestand", "troepen", "NAVO", "artikel", "vijf", "defensie-industrie", "investeringen",
    "opinie", "parlement", "coalitie", "Europa", "autonomie", "escalatie", "onderhandelingen",
    "grondstoffen", "handel", "tarieven", "inlichtingen", "cyberaanval", "sabotage", "kabels",
    "Noordzee", "haven", "Rotterdam", "Eemshaven", "steun", "munitie", "luchtverdediging",
    "coöperatie", "één", "café", "ruïne"
]


def words(rng: random.Random, n: int) -> str:
    out = [rng.choice(WORDS) for _ in range(n)]
    for i in range(11, n, 12):
        out[i] += "."
    return " ".join(out).capitalize() + "."


def build_session(folder: Path, teams: int, rounds: int, n_words: int) -> tuple[Session, list[str]]:
    base = builtin_library()
    lib = replace(base, teams=dict(base.teams))
    ids = list(base.teams)
    for i in range(len(ids), teams):
        tid = f"team-{i + 1}"
        lib.teams[tid] = Team(id=tid, name=Text(nl=f"Team {i + 1}", en=f"Team {i + 1}"),
                              role=Text(nl="Een extra team.", en="An extra team."))
        ids.append(tid)
    ids = ids[:teams]
    injects = sorted(lib.injects)[:rounds]
    deck = validate(Deck, {
        "id": "bench", "title": {"nl": "Benchmark", "en": "Benchmark"},
        "description": {"nl": "Een grote sessie.", "en": "A large session."},
        "language": "nl", "teams": ids,
        "rounds": [{"title": {"nl": f"Ronde {r + 1}", "en": f"Round {r + 1}"}, "minutes": 20,
                    "injects": [{"fixed": injects[r % len(injects)]}]} for r in range(rounds)],
        "hotwash": list(lib.hotwash)[:4],
    })
    clock = iter(range(1_773_300_000, 1_773_300_000 + 10_000_000, 41))
    s, _ = Session.create(folder / "bench.wargame", deck, lib, seed=1, title="Benchmark-oefening",
                          facilitator="Bench", now=lambda: float(next(clock)))
    rng = random.Random(42)
    texts: list[str] = []
    a, r_, rs = n_words // 3, n_words // 6, n_words - n_words // 3 - n_words // 6
    for _ in range(rounds):
        s.advance()
        inj = s.state.current_inject
        texts += [inj.title.nl, inj.briefing.nl]
        for k, tid in enumerate(ids):
            m = s.record_move(tid, words(rng, a), words(rng, r_), words(rng, rs), private=k % 5 == 4)
            narrative = words(rng, 30)
            s.adjudicate(m.id, rng.randint(-3, 3), narrative, rng.randint(-1, 1), rng.randint(-1, 1))
            texts += [m.action, m.result, m.reasons, narrative]
    s.add_note("Goede afstemming tussen BZ en Defensie.", tag="strength")
    s.add_note("Attributie duurde te lang.", tag="improvement")
    s.add_note("Draaiboek hybride dreigingen opstellen.", tag="action", owner="BZ", due="2026-09-01")
    s.end()
    return s, texts


def bare(texts: list[str]) -> tuple[float, int]:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["Normal"]
    t0 = time.perf_counter()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf)
    doc.build([Paragraph(escape(x), style) for x in texts])
    return time.perf_counter() - t0, doc.page


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--teams", type=int, default=12)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--words", type=int, default=300)
    args = ap.parse_args()

    from wargame.report.debrief import write_debrief
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        s, texts = build_session(folder, args.teams, args.rounds, args.words)
        setup = time.perf_counter() - t0
        write_debrief(s.state, folder / "warm.pdf")  # font loading and first-use costs out of the timing
        bare(texts[:10])
        ours, theirs, pages, bare_pages = [], [], 0, 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            pages = write_debrief(s.state, folder / "debrief.pdf")
            ours.append(time.perf_counter() - t0)
            dt, bare_pages = bare(texts)
            theirs.append(dt)
        size = (folder / "debrief.pdf").stat().st_size
        s.close()
    o, b = min(ours), min(theirs)
    print(f"session: {args.teams} teams, {args.rounds} rounds, {args.words}-word moves "
          f"({len(texts)} paragraphs of team and inject text), built through the engine in {setup:.2f} s")
    print(f"debrief export:   {o:.3f} s  {pages} pages  {pages / o:.1f} pages/s  {size / 1024:.0f} KiB")
    print(f"bare platypus:    {b:.3f} s  {bare_pages} pages  {bare_pages / b:.1f} pages/s")
    from reportlab.lib.rl_accel import _c_funcs
    accel = "with" if _c_funcs else "without"
    print(f"ratio debrief / bare: {o / b:.2f}x (goal <= 2.0x with no private ReportLab API), "
          f"{accel} ReportLab's C accelerator")
    return 0


if __name__ == "__main__":
    sys.exit(main())
