"""The core (model, content, the CLI's non-UI commands) loads neither Textual nor ReportLab.

Checked in a fresh interpreter, so nothing an earlier test imported hides an import. Besides
looking at sys.modules afterwards, an import hook records every attempt to import the
forbidden packages, so the test means the same whether or not they are installed here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from .conftest import ROOT

FORBIDDEN = ("textual", "textual_serve", "reportlab")

PROBE = textwrap.dedent("""
    import contextlib, io, json, sys

    FORBIDDEN = {forbidden!r}
    attempts = []

    class Recorder:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in FORBIDDEN:
                attempts.append(name)
            return None  # let the normal finders do the work

    sys.meta_path.insert(0, Recorder())

    import wargame.model, wargame.content, wargame.cli

    codes = {{}}
    for argv in {commands!r}:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            codes[" ".join(argv)] = wargame.cli.main(argv)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in FORBIDDEN)
    print(json.dumps({{"codes": codes, "attempts": attempts, "loaded": loaded}}))
""")

COMMANDS = [
    ["--version"],
    ["list", "--json"],
    ["list", "scenarios"],
    ["list", "injects", "--json"],
    ["list", "decks", "--json"],
    ["list", "teams"],
    ["schema", "inject"],
    ["schema", "deck"],
    ["validate"],
]


def test_core_and_content_commands_load_neither_textual_nor_reportlab(tmp_path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(forbidden=FORBIDDEN, commands=COMMANDS)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["loaded"] == [], f"loaded: {result['loaded']}"
    assert result["attempts"] == [], f"tried to import: {result['attempts']}"
    # the commands really ran, and succeeded: the built-in content is valid
    codes = result["codes"]
    assert all(code == 0 for code in codes.values()), codes


STARTUP_PROBE = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from wargame.app.app import make_app
    app = make_app(Path(sys.argv[1]))
    print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & {"pydantic", "pydantic_core", "yaml", "reportlab"})))
""")


def test_opening_the_console_loads_no_validation_yaml_or_pdf_library(tmp_path) -> None:
    """The console's start-up stays lean: the session's content is rebuilt without pydantic, and
    neither the YAML loader nor ReportLab is imported until a command needs them."""
    from wargame.content import load
    from wargame.engine.session import Session

    from .engine.helpers import MINI

    lib = load([MINI])
    session, _ = Session.create(tmp_path / "s.wargame", lib.decks["mini"], lib, seed=1)
    session.advance()
    session.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "WARGAME_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", STARTUP_PROBE, str(tmp_path / "s.wargame")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []
