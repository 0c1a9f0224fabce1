"""A private WARGAME_HOME for every team test (the `async def` ones run under pytest-asyncio)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def wargame_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WARGAME_HOME", str(tmp_path / "home"))
    return tmp_path / "home"
