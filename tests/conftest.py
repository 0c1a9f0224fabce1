"""Shared fixtures: paths to the repository, its content, and the seed document."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT.parent / "shared" / "seed"


@pytest.fixture(autouse=True)
def quick_code_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Join codes made in this process hash at 1,000 rounds instead of 50,000: hundreds of sessions are
    created here, each hashing a code per team. The real cost is `tests/engine/test_codes.py`'s to
    prove; child processes (team consoles, the command line) hash at it, and every hash records its
    rounds, so a child checks a code made here."""
    from wargame.engine import codes

    monkeypatch.setattr(codes, "ROUNDS", 1_000)


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests read the tool's English words unless they ask for Dutch: the locale of the machine
    running them (a Dutch laptop's nl_NL) does not choose the home screen's or the command line's."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def root() -> Path:
    return ROOT


def seed_text() -> str | None:
    """The seed document with whitespace collapsed, or None where shared/ is not beside the repo."""
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        return None
    return " ".join(" ".join(f.read_text(encoding="utf-8").split()) for f in files)
