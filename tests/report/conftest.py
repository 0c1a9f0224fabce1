"""Fixtures for the report and exchange tests: one played session per test module."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .sessionkit import played_session


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory):
    s = played_session(tmp_path_factory.mktemp("session") / "noordzee.wargame")
    yield s
    s.close()


def pdf_text(path: Path) -> list[str]:
    """The text of each page, with pypdf (pdftotext too where installed, which must agree on the page count)."""
    from pypdf import PdfReader

    pages = [p.extract_text() or "" for p in PdfReader(str(path)).pages]
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
        poppler = out.stdout.decode("utf-8").split("\f")
        assert len([p for p in poppler if p.strip()]) == len(pages)
        pages = [a + "\n" + b for a, b in zip(pages, poppler[:len(pages)], strict=True)]  # pdftotext ends each page with \f
    return pages


def flat(text: str) -> str:
    """Whitespace collapsed, so text wrapped over lines can be searched."""
    return " ".join(text.split())


def in_order(text: str, *parts: str) -> bool:
    """Whether `parts` all occur in `text`, each after the one before."""
    at = -1
    for p in parts:
        at = text.find(p, at + 1)
        if at < 0:
            return False
    return True
