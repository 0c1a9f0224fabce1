"""The axis cross: four futures as quadrants, the world's position now and its path so far.

X is transatlantic erosion (left low, right high); Y is US–Russia rapprochement (bottom low,
top high); both run from -AXIS_LIMIT to +AXIS_LIMIT.
"""

from __future__ import annotations

from itertools import pairwise

from textual.content import Content
from textual.widget import Widget

from wargame.engine.state import SessionState
from wargame.model import AXIS_LIMIT
from wargame.views.i18n import gettext as _

from .safe import clip


def _scale(v: int, cells: int, flip: bool = False) -> int:
    v = -v if flip else v
    return round((v + AXIS_LIMIT) / (2 * AXIS_LIMIT) * (cells - 1))


def draw_cross(st: SessionState, width: int, height: int) -> list[list[tuple[str, str]]]:
    """A `height` x `width` grid of (character, style)."""
    grid = [[(" ", "") for _ in range(width)] for _ in range(height)]
    cx, cy = _scale(0, width), _scale(0, height, flip=True)
    for x in range(width):
        grid[cy][x] = ("─", "$primary")
    for y in range(height):
        grid[y][cx] = ("│", "$primary")
    grid[cy][cx] = ("┼", "$primary")
    grid[cy][width - 1] = ("▶", "$primary")
    grid[0][cx] = ("▲", "$primary")
    # quadrant names in the corners
    half = max(cx - 1, 1)
    corners = {("low", "high"): (0, 0, "left"), ("high", "high"): (0, cx + 2, "left"),
               ("low", "low"): (height - 1, 0, "left"), ("high", "low"): (height - 1, cx + 2, "left")}
    for sc in st.scenarios.values():
        row, col, _ = corners[(sc.quadrant.erosion, sc.quadrant.rapprochement)]
        room = half if col == 0 else width - col
        label = clip(f"{sc.number} {sc.title.get(st.lang)}", max(room, 1))
        here = st.scenario_at(*st.position)
        style = "bold $accent" if here is not None and here.id == sc.id else "dim"
        for i, ch in enumerate(label):
            if 0 <= col + i < width and (col + i) != cx:
                grid[row][col + i] = (ch, style)
    # the path: dots between points, small marks at points, the current position bold
    pts = [(_scale(p.erosion, width), _scale(p.rapprochement, height, flip=True)) for p in st.path]
    for (x0, y0), (x1, y1) in pairwise(pts):
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for s in range(1, steps):
            x, y = round(x0 + (x1 - x0) * s / steps), round(y0 + (y1 - y0) * s / steps)
            grid[y][x] = ("·", "$secondary")
    for x, y in pts[:-1]:
        grid[y][x] = ("•", "$secondary")
    if pts:
        x, y = pts[-1]
        grid[y][x] = ("●", "bold $error")
    return grid


def grid_content(grid: list[list[tuple[str, str]]]) -> Content:
    rows: list[Content] = []
    for row in grid:
        runs: list[tuple[str, str]] = []
        for ch, style in row:
            if runs and runs[-1][1] == style:
                runs[-1] = (runs[-1][0] + ch, style)
            else:
                runs.append((ch, style))
        rows.append(Content.assemble(*runs))
    return Content("\n").join(rows)


class AxisCross(Widget):
    """The world on the axis cross; sized by CSS, drawn to fit."""

    DEFAULT_CSS = """
    AxisCross { height: 13; width: 1fr; border: round $primary; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.state: SessionState | None = None
        self._key: object = None

    def show(self, st: SessionState) -> None:
        self.state = st
        x, y = st.position
        self.border_title = _("World {x},{y}", st.lang).format(x=f"{x:+d}", y=f"{y:+d}")
        self.border_subtitle = _("→ erosion  ↑ rapprochement", st.lang)
        key = (st.lang, len(st.path), st.position, len(st.scenarios))
        if key != self._key:
            self._key = key
            self.refresh()

    def render(self) -> Content:
        st, w, h = self.state, self.size.width, self.size.height
        if st is None or w < 9 or h < 5:
            return Content("")
        return grid_content(draw_cross(st, w, h))
