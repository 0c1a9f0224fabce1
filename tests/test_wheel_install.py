"""A non-editable install works from any folder: build the wheel, install it into a fresh venv,
and list the four futures from a folder outside the repository.

Slow (about 20 s: a build, a venv and a pip install from the package index) but part of the
normal suite; deselect it with ``-m "not slow"`` when iterating.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from wargame import __version__
from wargame.content import builtin_library

from .conftest import ROOT


def _run(argv: list[str | Path], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    proc = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert proc.returncode == 0, f"{argv} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.mark.slow
def test_wheel_installs_and_lists_the_four_futures_from_any_folder(tmp_path: Path) -> None:
    assert importlib.util.find_spec("build") is not None, \
        "the `build` package is needed: install the test extra (pip install -e '.[test]')"

    dist = tmp_path / "dist"
    # built with this suite's own hatchling (the test extra), as pip would in an isolated environment
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT], cwd=tmp_path)
    wheels = list(dist.glob("wargame-*.whl"))
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(wheels[0]) as whl:
        names = whl.namelist()
    assert any(n.startswith("wargame/_content/injects/") and n.endswith(".yaml") for n in names)
    assert any(n.startswith("wargame/_content/decks/") and n.endswith(".yaml") for n in names)
    assert not any(n.startswith(("tests/", "benchmarks/")) for n in names)
    assert "wargame/app/web/app_index.html" in names, "the team page's own template (it loads nothing from the internet)"
    assert "wargame/locale/nl/LC_MESSAGES/wargame.mo" in names, "the Dutch catalogue, compiled by the build"

    # A venv of its own, without our packages; this suite's pip installs into it (`--python`), so the
    # venv needs no pip of its own (ensurepip costs more than the install), and the wheel's
    # dependencies are resolved from the index as a user's install would. No byte-compiling: it
    # changes nothing the test looks at and is most of an install's time.
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    _run([sys.executable, "-m", "pip", "--python", bindir / "python", "install", "--quiet", "--no-compile",
          wheels[0]], cwd=tmp_path, timeout=600)
    no_ours = _run([bindir / "python", "-c", "import sys; print(sys.prefix != sys.base_prefix, "
                    "any('site-packages' in p and p.startswith(sys.base_prefix) for p in sys.path))"], cwd=tmp_path)
    assert no_ours.stdout.split() == ["True", "False"], "a venv of its own, not one that sees other packages"

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    where = _run([bindir / "python", "-c", "import wargame; print(wargame.__file__)"], cwd=outside)
    assert Path(where.stdout.strip()).is_relative_to(venv), "the installed package, not the checkout"

    version = _run([bindir / "wargame", "--version"], cwd=outside)
    assert version.stdout.strip() == f"wargame {__version__}"

    listed = _run([bindir / "wargame", "list", "scenarios", "--json"], cwd=outside)
    scenarios = json.loads(listed.stdout)
    titles = {s["number"]: (s["title"]["nl"], s["title"]["en"]) for s in scenarios}
    assert len(scenarios) == 4
    assert sorted(titles) == [1, 2, 3, 4]
    assert all(nl.strip() and en.strip() for nl, en in titles.values())
    # the wheel ships the same content as the checkout
    assert titles == {s.number: (s.title.nl, s.title.en) for s in builtin_library().scenarios.values()}

    validated = _run([bindir / "wargame", "validate"], cwd=outside)
    assert validated.stdout.startswith("valid: 4 scenarios")
    dutch = _run([bindir / "python", "-c", "from wargame.views.words import t; print(t('aar', 'nl'))"], cwd=outside)
    assert dutch.stdout.strip() == "Evaluatieverslag", "the installed package reads its Dutch catalogue"
