"""Inline SVG charts for the HTML report: horizontal share bars, a sector × measure heatmap and
small-multiple trend lines. Plain strings, no plotting library: the browser renders the Chinese
labels with its own fonts (matplotlib would need a CJK font installed to avoid empty boxes), the
file stays small, and every mark carries a ``<title>`` tooltip and ``data-*`` hooks for the page's
script.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from typing import Sequence

FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif"
UP, DOWN, INK, MUTED, GRID = "#1a7f37", "#c62828", "#1f2328", "#57606a", "#d0d7de"


def _a(value: object) -> str:
    return escape(str(value), quote=True)


def _svg(width: float, height: float, body: str, label: str, kind: str, spoken: str = "") -> str:
    """The chart's ``<svg>``: ``label`` its title (the tooltip); its accessible name is ``label: spoken``, the
    data in words. A ``role="img"`` hides what it draws from a screen reader (the bars' and cells' own
    titles included): its name is all that is read, and ``行业领域 2027`` alone said nothing of the counts."""
    name = f"{label}: {spoken}" if spoken else label
    return (f'<svg class="chart-svg {kind}" role="img" aria-label="{_a(name)}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="{width:.0f}" height="{height:.0f}" font-family="{_a(FONT)}" data-kind="{kind}">'
            f"<title>{escape(label)}</title>{body}</svg>")


def share_bars(items: Sequence[tuple[str, str, float, int, float | None]], color: str, label: str,
               dimension: str, width: int = 520, total: int | None = None) -> str:
    """Horizontal bars. items: (label_id, name, share 0..1, count, delta_pp or None), drawn in order.
    A delta is printed after the share (green gain, red loss). ``total``: the clauses the shares are of, read
    out in the accessible name (``城镇燃气 2 of 5 clauses, 40%``)."""
    row, name_w, right_w = 22, 150, 110
    bar_w = width - name_w - right_w
    height = row * len(items) + 8
    top = max([s for _, _, s, _, _ in items] + [0.01])
    parts = []
    for i, (lid, name, share, count, delta) in enumerate(items):
        y = 4 + i * row
        w = max(bar_w * share / top, 1.5 if share else 0)
        tip = f"{name}: {count} clause(s), {share * 100:.0f}%" + (f", {delta:+.1f} pp" if delta is not None else "")
        parts.append(
            f'<g class="bar" data-dim="{dimension}" data-label="{_a(lid)}" tabindex="0"><title>{escape(tip)}</title>'
            f'<text x="{name_w - 6}" y="{y + 15}" text-anchor="end" font-size="12" fill="{INK}">{escape(name)}</text>'
            f'<rect x="{name_w}" y="{y + 3}" width="{bar_w}" height="{row - 6}" fill="#f6f8fa"/>'
            f'<rect class="mark" x="{name_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{color}" rx="2"/>'
            f'<text x="{name_w + bar_w + 6}" y="{y + 15}" font-size="12" fill="{INK}">{share * 100:.0f}% ({count})</text>')
        if delta is not None:
            tone = UP if delta > 0 else DOWN if delta < 0 else MUTED
            parts.append(f'<text x="{width - 4}" y="{y + 15}" text-anchor="end" font-size="11" fill="{tone}">'
                         f'{delta:+.1f}</text>')
        parts.append("</g>")
    of = f" of {total}" if total is not None else ""
    spoken = "; ".join(f"{name} {count}{of} clause{'s' if count != 1 or of else ''}, {share * 100:.0f}%"
                       + (f", {delta:+.1f} pp" if delta is not None else "")
                       for _, name, share, count, delta in items) or "no clause carries a label"
    return _svg(width, height, "".join(parts), label, "bars", spoken)


@dataclass(frozen=True)
class Grid:
    """A heatmap's rows and columns with a count in them, in the given (taxonomy) order, and the names of
    those left out. A notice of a few clauses fills a handful of the 20 × 10 sector × measure pairs: its
    empty rows and columns drew 200 cells, ~46 KB a notice and three quarters of the HTML report's size,
    to say "0" again and again. Their names stay in the caption (``left_out``), so nothing is lost."""

    row_ids: tuple[str, ...]
    row_names: tuple[str, ...]
    col_ids: tuple[str, ...]
    col_names: tuple[str, ...]
    matrix: tuple[tuple[int, ...], ...]
    empty_rows: tuple[str, ...]
    empty_cols: tuple[str, ...]

    def left_out(self, rows: str, cols: str) -> str:
        """``; left out, no clause: 17 行业领域 rows, 6 措施类型 columns`` (empty when nothing was left out)."""
        said = [f"{len(names)} {what} {kind}" for names, what, kind in
                ((self.empty_rows, rows, "rows"), (self.empty_cols, cols, "columns")) if names]
        return f"; left out, no clause: {', '.join(said)}" if said else ""


def nonempty_grid(row_ids: Sequence[str], row_names: Sequence[str], col_ids: Sequence[str],
                  col_names: Sequence[str], matrix: Sequence[Sequence[int]]) -> Grid:
    """The rows and columns of ``matrix`` holding any count (see ``Grid``)."""
    if len(matrix) != len(row_ids) or any(len(r) != len(col_ids) for r in matrix):
        raise ValueError(f"heatmap matrix is not {len(row_ids)} × {len(col_ids)}")
    rows = [i for i, r in enumerate(matrix) if any(r)]
    cols = [j for j in range(len(col_ids)) if any(matrix[i][j] for i in rows)]
    kept_rows, kept_cols = set(rows), set(cols)
    return Grid(tuple(row_ids[i] for i in rows), tuple(row_names[i] for i in rows),
                tuple(col_ids[j] for j in cols), tuple(col_names[j] for j in cols),
                tuple(tuple(matrix[i][j] for j in cols) for i in rows),
                tuple(n for i, n in enumerate(row_names) if i not in kept_rows),
                tuple(n for j, n in enumerate(col_names) if j not in kept_cols))


def heatmap(row_ids: Sequence[str], row_names: Sequence[str], col_ids: Sequence[str], col_names: Sequence[str],
            matrix: Sequence[Sequence[int]], label: str) -> str:
    """Counts as colour intensity; rows × columns = matrix[i][j], drawn as given (``nonempty_grid`` first
    leaves out the empty rows and columns)."""
    cell_w, cell_h, left, top = 44, 20, 150, 118
    # a column name is written up and to the right at 50°: the last ones reach past the last column
    # (基层基础与保障能力 was cut off at 基层基础与保障能), so the drawing is as wide as the furthest name
    reach = max((left + j * cell_w + cell_w / 2 + 11 * len(name) * math.cos(math.radians(50)) + 6
                 for j, name in enumerate(col_names)), default=0)
    width, height = max(left + cell_w * len(col_ids) + 10, reach), top + cell_h * len(row_ids) + 10
    peak = max([v for r in matrix for v in r] + [1])
    parts = []
    for j, name in enumerate(col_names):
        x = left + j * cell_w + cell_w / 2
        parts.append(f'<text x="{x:.0f}" y="{top - 6}" font-size="11" fill="{INK}" text-anchor="start" '
                     f'transform="rotate(-50 {x:.0f} {top - 6})">{escape(name)}</text>')
    for i, (rid, rname) in enumerate(zip(row_ids, row_names)):
        y = top + i * cell_h
        parts.append(f'<text x="{left - 6}" y="{y + 14}" font-size="11" fill="{INK}" text-anchor="end">{escape(rname)}</text>')
        for j, (cid, cname) in enumerate(zip(col_ids, col_names)):
            v = matrix[i][j]
            # white -> deep blue; a square-root scale keeps single clauses visible next to big cells
            t = (v / peak) ** 0.5 if v else 0.0
            fill = "#f6f8fa" if not v else f"rgb({int(235 - 200 * t)},{int(242 - 150 * t)},{int(250 - 60 * t)})"
            text_fill = "#ffffff" if t > 0.6 else INK
            parts.append(
                f'<g class="cell" data-sector="{_a(rid)}" data-measure="{_a(cid)}" tabindex="0">'
                f'<title>{escape(rname)} × {escape(cname)}: {v}</title>'
                f'<rect class="mark" x="{left + j * cell_w + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{fill}" rx="2"/>'
                + (f'<text x="{left + j * cell_w + cell_w / 2:.0f}" y="{y + 14}" font-size="11" text-anchor="middle" '
                   f'fill="{text_fill}">{v}</text>' if v else "") + "</g>")
    spoken = "; ".join(f"{rname} × {cname}: {matrix[i][j]}" for i, rname in enumerate(row_names)
                       for j, cname in enumerate(col_names) if matrix[i][j])
    return _svg(width, height, "".join(parts), label, "heatmap",
                f"clauses per pair, the pairs with any: {spoken}" if spoken else "no clause in any pair")


def trend_multiples(years: Sequence[int], series: Sequence[tuple[str, str, Sequence[float]]], color: str, label: str,
                    dimension: str, columns: int = 5) -> str:
    """One small line chart per label (shares 0..1 per year), shared y scale so panels compare.
    series: (label_id, name, values aligned with years). Labels never used in any year are skipped."""
    series = [s for s in series if any(s[2])]
    panel_w, panel_h, pad = 200, 96, 14
    plot_l, plot_t, plot_w, plot_h = 30, 22, panel_w - 44, panel_h - 44
    rows = max(1, -(-len(series) // columns))
    width, height = columns * panel_w + 2 * pad, rows * panel_h + 2 * pad
    peak = max([v for _, _, vals in series for v in vals] + [0.05])
    n = len(years)

    def xy(k: int, v: float) -> tuple[float, float]:
        x = plot_l + (plot_w * k / (n - 1) if n > 1 else plot_w / 2)
        return x, plot_t + plot_h - plot_h * v / peak

    parts = []
    for idx, (lid, name, values) in enumerate(series):
        ox, oy = pad + (idx % columns) * panel_w, pad + (idx // columns) * panel_h
        pts = [xy(k, v) for k, v in enumerate(values)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        last = values[-1]
        change = (values[-1] - values[-2]) * 100 if n > 1 else 0.0
        tone = UP if change > 0.05 else DOWN if change < -0.05 else MUTED
        parts.append(
            f'<g class="panel" data-dim="{dimension}" data-label="{_a(lid)}" transform="translate({ox},{oy})">'
            f'<text x="{plot_l}" y="13" font-size="12" fill="{INK}">{escape(name)}</text>'
            f'<text x="{plot_l + plot_w}" y="13" font-size="11" text-anchor="end" fill="{tone}">{last * 100:.0f}%</text>'
            f'<line x1="{plot_l}" y1="{plot_t + plot_h}" x2="{plot_l + plot_w}" y2="{plot_t + plot_h}" stroke="{GRID}"/>'
            f'<line x1="{plot_l}" y1="{plot_t}" x2="{plot_l + plot_w}" y2="{plot_t}" stroke="{GRID}" stroke-dasharray="2,3"/>'
            f'<text x="{plot_l - 4}" y="{plot_t + 4}" font-size="9" text-anchor="end" fill="{MUTED}">{peak * 100:.0f}%</text>'
            f'<text x="{plot_l - 4}" y="{plot_t + plot_h + 3}" font-size="9" text-anchor="end" fill="{MUTED}">0</text>'
            f'<text x="{plot_l}" y="{plot_t + plot_h + 14}" font-size="9" fill="{MUTED}">{years[0]}</text>'
            f'<text x="{plot_l + plot_w}" y="{plot_t + plot_h + 14}" font-size="9" text-anchor="end" fill="{MUTED}">{years[-1]}</text>'
            f'<polyline class="mark line" points="{path}" fill="none" stroke="{color}" stroke-width="2" '
            f'stroke-linejoin="round" stroke-linecap="round"/>')
        for (x, y), year, v in zip(pts, years, values):
            parts.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{color}">'
                         f"<title>{escape(name)} {year}: {v * 100:.0f}%</title></circle>")
        parts.append("</g>")
    spoken = "; ".join(f"{name} " + ", ".join(f"{year} {v * 100:.0f}%" for year, v in zip(years, values))
                       for _, name, values in series)
    return _svg(width, height, "".join(parts), label, "trend", spoken)
