"""The control characters refused in content text, found and stripped the same way everywhere.

A terminal obeys them: ESC starts sequences that move the cursor (CSI), retitle the window
(OSC 2) or fill the clipboard (OSC 52); U+009B is a one-character CSI. Standard library only.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls but newline and tab (so carriage return too), DEL, and the C1 controls."""


def find_control(s: str) -> int | None:
    """The index of the first refused control character in `s`, or None."""
    found = CONTROL.search(s)
    return found.start() if found else None


def strip_control(s: str) -> str:
    """`s` without its refused control characters (newlines and tabs stay)."""
    return CONTROL.sub("", s)


def control_problem(s: str) -> str | None:
    """Why `s` is refused, in the words content errors use, or None when it may be used."""
    at = find_control(s)
    if at is None:
        return None
    return f"control character U+{ord(s[at]):04X} at character {at + 1} of the text is not allowed"
