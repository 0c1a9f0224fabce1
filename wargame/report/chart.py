"""The axis cross as a vector chart: four futures in their quadrants and the world's path with round labels;
and the tracks beside it, each by round on its own range."""

from __future__ import annotations

from itertools import pairwise

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..engine.state import PathPoint
from ..model import AXIS_LIMIT, Scenario
from ..views.outcomes import TrackView
from ..views.words import position_text, t
from .fonts import BOLD, ITALIC, REGULAR, register
from .styles import INK, MUTED, NAVY, QUADRANT_FILLS, RULE
from .text import plain

PATH_COLOR = colors.HexColor("#b3261e")
SECOND_PATH_COLOR = colors.HexColor("#1f6f43")
"""The second road of a comparison (`second`), beside the first in PATH_COLOR."""


def axis_chart(scenarios: dict[str, Scenario], path: list[PathPoint], rounds_played: int, lang: str, *,
               width: float = 170 * mm, ended: bool = True,
               second: tuple[list[PathPoint], int, bool] | None = None) -> Drawing:
    """A Drawing of the axis cross, `width` wide, with the path and R1..Rn where each round ended.
    With `second` (a path, its rounds played, whether it ended): both roads, labelled A and B."""
    register()
    side = min(width - 30 * mm, 128 * mm)
    pad_left, pad_bottom, pad_top = (width - side) / 2, 13 * mm, 4 * mm
    d = Drawing(width, side + pad_bottom + pad_top)
    x0, y0 = pad_left, pad_bottom

    def px(v: float) -> float:
        return x0 + (v + AXIS_LIMIT) / (2 * AXIS_LIMIT) * side

    def py(v: float) -> float:
        return y0 + (v + AXIS_LIMIT) / (2 * AXIS_LIMIT) * side

    half = side / 2
    by_quadrant: dict[tuple[str, str], Scenario] = {(s.quadrant.erosion, s.quadrant.rapprochement): s
                                                    for s in scenarios.values()}
    for (ex, ry), fill in QUADRANT_FILLS.items():
        qx = x0 + (half if ex == "high" else 0)
        qy = y0 + (half if ry == "high" else 0)
        d.add(Rect(qx, qy, half, half, fillColor=fill, strokeColor=None))

    # grid and frame
    for v in range(-AXIS_LIMIT, AXIS_LIMIT + 1, 5):
        if v in (-AXIS_LIMIT, 0, AXIS_LIMIT):
            continue
        d.add(Line(px(v), y0, px(v), y0 + side, strokeColor=colors.white, strokeWidth=0.8))
        d.add(Line(x0, py(v), x0 + side, py(v), strokeColor=colors.white, strokeWidth=0.8))
    d.add(Rect(x0, y0, side, side, fillColor=None, strokeColor=RULE, strokeWidth=0.6))
    for (ex, ry) in QUADRANT_FILLS:
        sc = by_quadrant.get((ex, ry))
        if sc is not None:
            _quadrant_label(d, sc, lang, x0 + (half if ex == "high" else 0), y0 + (half if ry == "high" else 0),
                            half, left=ex == "low", top=ry == "high")
    # axes with arrowheads at the positive ends
    d.add(Line(x0, py(0), x0 + side + 3 * mm, py(0), strokeColor=INK, strokeWidth=0.9))
    d.add(Line(px(0), y0, px(0), y0 + side + 3 * mm, strokeColor=INK, strokeWidth=0.9))
    ax, ay = x0 + side + 3 * mm, py(0)
    d.add(Polygon([ax, ay, ax - 5, ay + 2.6, ax - 5, ay - 2.6], fillColor=INK, strokeColor=None))
    bx, by = px(0), y0 + side + 3 * mm
    d.add(Polygon([bx, by, bx - 2.6, by - 5, bx + 2.6, by - 5], fillColor=INK, strokeColor=None))
    for v in (-AXIS_LIMIT, -5, 5, AXIS_LIMIT):
        d.add(String(px(v), y0 - 9, f"{v:+d}".replace("-", "−"), fontName=REGULAR, fontSize=6.5,
                     fillColor=MUTED, textAnchor="middle"))
        d.add(String(x0 - 4, py(v) - 2.2, f"{v:+d}".replace("-", "−"), fontName=REGULAR, fontSize=6.5,
                     fillColor=MUTED, textAnchor="end"))
    d.add(String(x0 + side / 2, y0 - 21, plain(t("axis_x", lang), BOLD), fontName=BOLD, fontSize=8.5,
                 fillColor=INK, textAnchor="middle"))
    ylab = Group(String(0, 0, plain(t("axis_y", lang), BOLD), fontName=BOLD, fontSize=8.5, fillColor=INK,
                        textAnchor="middle"))
    ylab.transform = (0, 1, -1, 0, x0 - 16, y0 + side / 2)
    d.add(ylab)

    if path:
        _trajectory(d, path, rounds_played, lang, px, py, ended, tag="A " if second else "")
    if second is not None and second[0]:
        _trajectory(d, second[0], second[1], lang, px, py, second[2], color=SECOND_PATH_COLOR, tag="B ")
    return d


def _quadrant_label(d: Drawing, sc: Scenario, lang: str, qx: float, qy: float, half: float, *,
                    left: bool, top: bool) -> None:
    inset = 5
    size = 9
    width = half - 2 * inset
    lines = _wrap(f"{sc.number} · {plain(sc.title.get(lang), BOLD)}", BOLD, size, width)[:3]
    sub = _wrap(plain(sc.subtitle.get(lang), ITALIC), ITALIC, 6.5, width)[:2]
    anchor = "start" if left else "end"
    x = qx + inset if left else qx + half - inset
    block = len(lines) * (size + 2) + len(sub) * 8
    y = qy + half - inset - size if top else qy + inset + block - size
    for line in lines:
        d.add(String(x, y, line, fontName=BOLD, fontSize=size, fillColor=NAVY, textAnchor=anchor))
        y -= size + 2
    for line in sub:
        d.add(String(x, y, line, fontName=ITALIC, fontSize=6.5, fillColor=MUTED, textAnchor=anchor))
        y -= 8


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        trial = f"{cur} {w}" if cur else w
        if stringWidth(trial, font, size) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    out = []
    for line in lines:  # a single word wider than the box: cut it
        while stringWidth(line, font, size) > width and len(line) > 1:
            line = line[:-2] + "…"
        out.append(line)
    return out


def _trajectory(d: Drawing, path: list[PathPoint], rounds_played: int, lang: str, px, py, ended: bool, *,
                color: colors.Color = PATH_COLOR, tag: str = "") -> None:
    pts = [(px(p.erosion), py(p.rapprochement)) for p in path]
    if len(pts) > 1:
        flat = [c for xy in pts for c in xy]
        d.add(PolyLine(flat, strokeColor=color, strokeWidth=1.6, strokeLineJoin=1, strokeLineCap=1))
        for (xa, ya), (xb, yb) in pairwise(pts):
            _arrow(d, xa, ya, xb, yb, color)
    for x, y in pts[1:-1]:
        d.add(Circle(x, y, 1.6, fillColor=color, strokeColor=None))

    # where each round ended: the last point recorded in or before that round
    marks: dict[tuple[int, int], list[int]] = {}
    for r in range(rounds_played):
        at = (path[0].erosion, path[0].rapprochement)
        for p in path:
            if p.round <= r:
                at = (p.erosion, p.rapprochement)
        marks.setdefault(at, []).append(r + 1)

    start, end = path[0], path[-1]
    sx, sy = px(start.erosion), py(start.rapprochement)
    d.add(Circle(sx, sy, 4.2, fillColor=colors.white, strokeColor=color, strokeWidth=1.6))
    ex, ey = px(end.erosion), py(end.rapprochement)
    if len(path) > 1 or rounds_played:
        d.add(Circle(ex, ey, 4.6, fillColor=color, strokeColor=colors.white, strokeWidth=1.2))

    labels: dict[tuple[int, int], list[str]] = {}
    labels.setdefault((start.erosion, start.rapprochement), []).append(t("start", lang))
    for at, rounds in marks.items():
        labels.setdefault(at, []).append(_round_span(rounds))
    if len(path) > 1:
        labels.setdefault((end.erosion, end.rapprochement), []).append(t("end" if ended else "now", lang))
    for (e, r), parts in labels.items():
        text = tag + " · ".join(parts)
        x, y = px(e), py(r)
        w = stringWidth(text, BOLD, 7.5)
        right = e < AXIS_LIMIT - 4
        lx = x + 7 if right else x - 7 - w
        ly = y + 5 + (10 if tag == "B " else 0)  # the second road's labels above the first's
        d.add(Rect(lx - 2, ly - 2.2, w + 4, 10, fillColor=colors.Color(1, 1, 1, alpha=0.85), strokeColor=None))
        d.add(String(lx, ly, text, fontName=BOLD, fontSize=7.5, fillColor=INK if not tag else color))
    d.add(String(px(end.erosion), py(end.rapprochement) - 13, position_text(end.erosion, end.rapprochement, lang),
                 fontName=REGULAR, fontSize=6.5, fillColor=MUTED, textAnchor="middle"))


def _round_span(rounds: list[int]) -> str:
    """`R1`, `R2–R4`, `R1, R3`."""
    if len(rounds) == 1:
        return f"R{rounds[0]}"
    if rounds == list(range(rounds[0], rounds[-1] + 1)):
        return f"R{rounds[0]}–R{rounds[-1]}"
    return ", ".join(f"R{r}" for r in rounds)


def _arrow(d: Drawing, xa: float, ya: float, xb: float, yb: float, color: colors.Color = PATH_COLOR) -> None:
    """A small arrowhead in the middle of a segment, pointing the way the world moved."""
    dx, dy = xb - xa, yb - ya
    n = (dx * dx + dy * dy) ** 0.5
    if n < 14:
        return
    ux, uy = dx / n, dy / n
    mx, my = xa + dx * 0.55, ya + dy * 0.55
    s = 4.2
    d.add(Polygon([mx + ux * s, my + uy * s, mx - ux * s - uy * s * 0.7, my - uy * s + ux * s * 0.7,
                   mx - ux * s + uy * s * 0.7, my - uy * s - ux * s * 0.7],
                  fillColor=color, strokeColor=None))


TRACK_COLOR = colors.HexColor("#1f4e79")
TRACK_PANEL_H = 46 * mm


def track_chart(tracks: list[TrackView], lang: str, *, width: float = 170 * mm, columns: int = 2) -> Drawing:
    """Small multiples, `columns` to a row: each track's value at the start and at the end of each
    round (S, R1, R2 ...), its own range (low .. high) as the vertical scale, zero ruled when in range."""
    register()
    rows = max(1, -(-len(tracks) // columns))
    gap = 8 * mm
    panel_w = (width - gap * (columns - 1)) / columns
    d = Drawing(width, rows * TRACK_PANEL_H)
    for i, tr in enumerate(tracks):
        col, row = i % columns, i // columns
        _track_panel(d, tr, lang, col * (panel_w + gap), (rows - 1 - row) * TRACK_PANEL_H, panel_w)
    return d


def _track_panel(d: Drawing, tr: TrackView, lang: str, x: float, y: float, w: float) -> None:
    left, right, bottom, top = 9 * mm, 4 * mm, 8 * mm, 10 * mm
    x0, y0 = x + left, y + bottom
    pw, ph = w - left - right, TRACK_PANEL_H - bottom - top
    title = plain(tr.name, BOLD)
    while stringWidth(title, BOLD, 8.5) > w and len(title) > 1:
        title = title[:-2] + "…"
    d.add(String(x, y + TRACK_PANEL_H - 7, title, fontName=BOLD, fontSize=8.5, fillColor=NAVY))
    values = [tr.start, *tr.ends]
    labels = [t("start", lang).capitalize()] + [f"R{n}" for n in range(1, len(values))]
    span = tr.high - tr.low

    def px(i: int) -> float:
        return x0 + (pw * i / (len(values) - 1) if len(values) > 1 else pw / 2)

    def py(v: int) -> float:
        return y0 + (v - tr.low) / span * ph

    d.add(Rect(x0, y0, pw, ph, fillColor=colors.HexColor("#f3f5f8"), strokeColor=RULE, strokeWidth=0.5))
    ticks = sorted({tr.low, tr.high, *((0,) if tr.low < 0 < tr.high else ())})
    for v in ticks:
        if v not in (tr.low, tr.high):
            d.add(Line(x0, py(v), x0 + pw, py(v), strokeColor=MUTED, strokeWidth=0.5, strokeDashArray=[2, 2]))
        d.add(String(x0 - 3, py(v) - 2.2, f"{v:+d}".replace("-", "−") if v else "0", fontName=REGULAR,
                     fontSize=6.5, fillColor=MUTED, textAnchor="end"))
    step = max(1, -(-len(labels) // 8))  # at most about eight labels under a panel
    for i, label in enumerate(labels):
        if i % step == 0 or i == len(labels) - 1:
            d.add(String(px(i), y0 - 9, label, fontName=REGULAR, fontSize=6.5, fillColor=MUTED, textAnchor="middle"))
    pts = [(px(i), py(v)) for i, v in enumerate(values)]
    if len(pts) > 1:
        d.add(PolyLine([c for xy in pts for c in xy], strokeColor=TRACK_COLOR, strokeWidth=1.4, strokeLineJoin=1))
    for px_, py_ in pts:
        d.add(Circle(px_, py_, 1.8, fillColor=TRACK_COLOR, strokeColor=None))
    ex, ey = pts[-1]
    end = f"{tr.end:+d}".replace("-", "−") if tr.end else "0"
    d.add(String(min(ex + 4, x0 + pw - 1), ey + 4, end, fontName=BOLD, fontSize=7.5, fillColor=INK,
                 textAnchor="end" if ex + 4 + 10 > x0 + pw else "start"))
