"""A writer process for the crash and concurrency tests: records moves, printing each key once committed."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from wargame.engine.session import Session


def main() -> None:
    path, team, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    role = sys.argv[4] if len(sys.argv) > 4 else "team"
    session = Session.open(path, team=team if role == "team" else None)
    for n in range(count):
        key = f"{team}-{n}-{uuid.uuid4().hex[:6]}"
        session.record_move(team, f"move {n} of {team}", "result", "reasons", key=key)
        print(key, flush=True)  # acknowledged: the commit has returned


if __name__ == "__main__":
    main()
