"""Team and content text shown literally: never parsed as markup, control codes stripped.

Textual parses a plain `str` as markup in Static, Label, Button, notify(), OptionList and more;
a move such as "[/]" would raise and "[@click=app.quit]" would act. Everything a user or a
content file wrote goes through `plain()` (or `Content.assemble` with str parts, which are plain).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def plain(text: object) -> Content:
    """`text` as Content, shown exactly as written."""
    return Content(str(text))


def clip(text: str, limit: int = 80) -> str:
    """One line of at most `limit` characters, with an ellipsis when cut."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: max(limit - 1, 0)] + "…"


def lines(parts: list[Content]) -> Content:
    """Content lines joined by newlines."""
    return Content("\n").join(parts)


def set_content(widget: Static, content: Content) -> None:
    """Update a Static only when what it shows changes: an update costs a layout and a repaint."""
    old = widget.content
    if isinstance(old, Content) and old.is_same(content):
        return
    widget.update(content)
