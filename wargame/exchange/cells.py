"""Spreadsheet cells from hostile text: what every .xlsx the tool writes (the MSEL, the after-action
workbook) puts in a cell goes through `put`.

Team and evaluator text is hostile, and spreadsheets run formulas: openpyxl reads any text that starts
with "=" as a formula, and Excel may read "+", "-" and "@" (also behind a tab or a carriage return)
as one. `put` stores every text as a plain string, whatever it starts with, without the apostrophe a
CSV needs (`csvio.guard`), and drops the control characters an .xlsx cannot hold.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell


def put(cell: Cell | MergedCell, value: Any) -> Cell:
    """Write `value` into `cell`: a text always as a string (never a formula), anything else as it is.
    TypeError for a cell merged into another (only the first cell of a merge holds a value)."""
    if not isinstance(cell, Cell):
        raise TypeError(f"{cell!r} is merged into another cell and holds no value")
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
    else:
        cell.value = value
    return cell
