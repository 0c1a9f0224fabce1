"""Shared fixtures: paths to the repository, its content, and the seed document."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT.parent / "shared" / "seed"


@pytest.fixture
def root() -> Path:
    return ROOT


def seed_text() -> str | None:
    """The seed document with whitespace collapsed, or None where shared/ is not beside the repo."""
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        return None
    return " ".join(" ".join(f.read_text(encoding="utf-8").split()) for f in files)
