"""Self-contained HTML report: one file with inline CSS, inline SVG charts and a small inline
script (no external URL of any kind, so it opens offline and can be mailed as is).

Layout: header; trends across years (small-multiple lines per label, pooled sector × measure
heatmap) when the report spans several years; then one section per notice, newest first, with
share bars (change against the previous year's notice), the notice's heatmap, emphasis gained/lost,
new clauses, deadlines and targets, and every clause with its tags. The script filters a notice's
clause table by text or by clicking a bar or heatmap cell, and records each chart's rendered box
in ``data-box`` and sets ``<html data-ready="1">`` when it ran (the report test checks both).
"""

from __future__ import annotations

from html import escape
from typing import Iterator

from policytag.taxonomy import DIMENSIONS

from .across import ROW_ORDER, level_rank
from .align import SAME_SUBJECT, clause_diff
from .yoy import FEW_CLAUSES, clauses
from .charts import heatmap, nonempty_grid, share_bars, trend_multiples
from .render_md import MEAN_IS, MERGED_ONLY, SPLIT_SUMMARY, best_match, by_id_texts, merged_summary, merged_texts, split_texts, NOTICE_ORDER, move_texts, moves_summary, shift_evidence, ROW_SUMS, SENTENCE_MATCH_IS, untested_mark, _short, committed_count, compared_with, evidence_parts, share_count, format_deadline, format_target, mean_label, mean_rows, nearest_misses_text, no_difference_text, q_text
from .report import EVIDENCE_LEGEND, NoticeReport, Report, bare_items_note, covering_letter_note, evidence_spans, genre_name, level_name, year_label
from .tagging import TaggedClause

COLORS = {"sector": "#3b6fb6", "measure_type": "#d9822b"}

CSS = """
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#ffffff;--soft:#f6f8fa;--up:#1a7f37;--down:#c62828}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.55 'Noto Sans CJK SC','Source Han Sans SC','PingFang SC',
'Microsoft YaHei','WenQuanYi Micro Hei',system-ui,sans-serif}
header,main{max-width:1180px;margin:0 auto;padding:0 20px}
header{padding-top:18px;border-bottom:1px solid var(--line)}
h1{font-size:22px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 6px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:var(--muted);font-size:13px;margin:0 0 10px}
nav{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0 14px}
nav a{font-size:12px;padding:2px 8px;border:1px solid var(--line);border-radius:12px;color:var(--ink);text-decoration:none}
nav a:hover{background:var(--soft)}
figure{margin:8px 0 14px;overflow-x:auto}figcaption{color:var(--muted);font-size:12px;margin-bottom:4px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(520px,100%),1fr));gap:10px 24px}
.scroll{overflow-x:auto}
section.notice{border-top:3px solid var(--line);margin-top:26px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num{text-align:right;white-space:nowrap}
.up{color:var(--up)}.down{color:var(--down)}
.tag{display:inline-block;font-size:11px;border-radius:9px;padding:0 6px;margin:1px 2px 1px 0;white-space:nowrap}
.tag.sector{background:#e3ecf8;color:#1d4477}.tag.measure_type{background:#fbead8;color:#7a4310}
.new,.changed{display:inline-block;font-size:11px;background:#fff1b8;border-radius:9px;padding:0 6px}.changed{background:#dde8fb}
mark.dl{background:#ffe3e3;padding:0 1px}mark.ev{background:#fff3b0;padding:0 1px;border-bottom:1px solid #c9a400}mark.tg{background:#dff5e3;padding:0 1px}
code{font-size:12px;color:var(--muted)}
.clauses .path{color:var(--muted);font-size:12px}
.toolbar{display:flex;gap:8px;align-items:center;margin:6px 0}
.toolbar input{flex:0 1 320px;padding:4px 8px;border:1px solid var(--line);border-radius:6px;font:inherit}
.toolbar button{padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:var(--soft);font:inherit;cursor:pointer}
.status{color:var(--muted);font-size:12px}
svg .bar,svg .cell{cursor:pointer}svg .bar:hover .mark,svg .cell:hover .mark{opacity:.75}
details>summary{cursor:pointer;font-weight:600;margin:12px 0 6px}
footer{max-width:1180px;margin:30px auto;padding:10px 20px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}
@media print{nav,.toolbar{display:none}details{display:block}}
.across{overflow-x:auto;max-height:640px;overflow-y:auto;border:1px solid var(--line)}
.across table{font-size:12px;width:auto}.across th{position:sticky;top:0;cursor:pointer;white-space:nowrap;z-index:1}
.across th.lab{writing-mode:vertical-rl;padding:4px 2px;vertical-align:bottom}
.across td{padding:1px 4px;text-align:right;border-bottom:1px solid #eef1f4;white-space:nowrap}.across td.who{text-align:left;white-space:nowrap}
.across td a{color:inherit;text-decoration:none;display:block}.across td.s a{font-weight:700;text-decoration:underline}
.h0{background:#fff}.h1{background:#eef4fb}.h2{background:#dce8f6}.h3{background:#c6d9ef}.h4{background:#acc7e6}
.h5{background:#8fb2dc}.h6{background:#7099cf;color:#fff}.h7{background:#5282c2;color:#fff}.h8{background:#3a6bb0;color:#fff}
.h9{background:#24508f;color:#fff}
.across td.few:not(.h0){background-image:repeating-linear-gradient(135deg,rgba(255,255,255,.6) 0 3px,transparent 3px 7px)}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:6px 0}
.filters select{font:inherit;padding:2px 4px}
#itrend-plot{min-height:40px}
details.why{font-size:12px;color:var(--muted)}details.why>summary{font-weight:400;margin:2px 0}details.why ul{margin:0;padding-left:18px}
li.diff{margin-bottom:6px}del{background:#ffe3e3;color:#8a1c1c}ins{background:#dff5e3;text-decoration:none}
"""

SCRIPT = """
(function () {
  "use strict";
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  each(document.querySelectorAll("section.notice"), function (sec) {
    var rows = sec.querySelectorAll("tr.clause");
    var input = sec.querySelector("input.filter");
    var status = sec.querySelector(".status");
    var details = sec.querySelector("details.clauses");
    function apply(test, description) {
      var shown = 0;
      each(rows, function (row) { var ok = test(row); row.hidden = !ok; if (ok) { shown += 1; } });
      status.textContent = description ? description + ": " + shown + " of " + rows.length + " clauses" : "";
      if (description && details) { details.open = true; }
    }
    sec.filterLabel = function (dim, id, name) {
      var key = dim === "sector" ? "sector" : "measure";
      apply(function (row) { return has(row, key, id); }, name);
    };
    function has(row, dim, id) { return (" " + (row.getAttribute("data-" + dim) || "") + " ").indexOf(" " + id + " ") >= 0; }
    if (input) {
      input.addEventListener("input", function () {
        var q = input.value.trim();
        apply(function (row) { return !q || row.textContent.indexOf(q) >= 0; }, q ? "\\u201c" + q + "\\u201d" : "");
      });
    }
    each(sec.querySelectorAll("svg .bar"), function (bar) {
      bar.addEventListener("click", function () {
        var dim = bar.getAttribute("data-dim") === "sector" ? "sector" : "measure";
        var id = bar.getAttribute("data-label");
        apply(function (row) { return has(row, dim, id); }, bar.querySelector("text").textContent);
      });
    });
    each(sec.querySelectorAll("svg .cell"), function (cell) {
      cell.addEventListener("click", function () {
        var s = cell.getAttribute("data-sector"), m = cell.getAttribute("data-measure");
        apply(function (row) { return has(row, "sector", s) && has(row, "measure", m); },
              cell.querySelector("title").textContent.replace(/: \\d+$/, ""));
      });
    });
    var clear = sec.querySelector("button.clear");
    if (clear) {
      clear.addEventListener("click", function () { if (input) { input.value = ""; } apply(function () { return true; }, ""); });
    }
  });

  // Across governments: sortable columns, filters by level / year / genre, cells that list their clauses.
  function sectionOf(docId) { return document.getElementById("notice-" + docId); }
  each(document.querySelectorAll("table.sortable"), function (table) {
    each(table.querySelectorAll("th"), function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        var dir = th.getAttribute("data-dir") === "desc" ? 1 : -1;
        each(table.querySelectorAll("th"), function (h) { h.removeAttribute("data-dir"); });
        th.setAttribute("data-dir", dir === 1 ? "asc" : "desc");
        // a head naming a row attribute sorts by it: the level column by the level's rank (中央 first), not its text
        var by = th.getAttribute("data-sort");
        function key(row) { if (by) { return parseFloat(row.getAttribute("data-" + by)); } var c = row.cells[col]; var v = c.getAttribute("data-v"); return v === null ? c.textContent : parseFloat(v); }
        rows.sort(function (a, b) { var x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * dir; });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  var filters = document.querySelectorAll("select.afilter");
  function applyFilters() {
    var want = {};
    each(filters, function (sel) { want[sel.getAttribute("data-key")] = sel.value; });
    var shown = 0, total = 0;
    each(document.querySelectorAll("[data-arow]"), function (row) {
      var ok = true;
      for (var k in want) { if (want[k] && row.getAttribute("data-" + k) !== want[k]) { ok = false; } }
      row.hidden = !ok;
      if (row.tagName === "TR" && row.parentNode.parentNode.getAttribute("data-dim") === "sector") { total += 1; if (ok) { shown += 1; } }
    });
    var st = document.getElementById("across-status");
    if (st) { st.textContent = shown + " of " + total + " rows"; }
  }
  each(filters, function (sel) { sel.addEventListener("change", applyFilters); });
  each(document.querySelectorAll(".across td a"), function (a) {
    a.addEventListener("click", function () {
      var td = a.parentNode, table = td.parentNode.parentNode.parentNode;
      var dim = table.getAttribute("data-dim"), th = table.tHead.rows[0].cells[td.cellIndex];
      var id = th.getAttribute("data-label"), docs = (td.parentNode.getAttribute("data-docs") || "").split(" ");
      docs.forEach(function (d) { var sec = sectionOf(d); if (sec && sec.filterLabel) { sec.filterLabel(dim, id, th.getAttribute("title")); } });
    });
  });
  // Per-issuer trend lines, drawn from the embedded data for the chosen label and issuers.
  var tdata = document.getElementById("itrend-data");
  if (tdata) {
    var T = JSON.parse(tdata.textContent), labSel = document.getElementById("itrend-label"), whoSel = document.getElementById("itrend-who");
    var plot = document.getElementById("itrend-plot"), palette = ["#3b6fb6","#d9822b","#1a7f37","#c62828","#8250df","#0a7b83","#bf3989","#6e7781","#9a6700","#1b1f24"];
    function draw() {
      var parts = labSel.value.split(":"), dim = parts[0], lid = parts[1], li = T.labels[dim].indexOf(lid);
      var chosen = Array.prototype.filter.call(whoSel.options, function (o) { return o.selected; }).map(function (o) { return +o.value; });
      var W = 760, H = 260, L = 40, R = 200, TOP = 10, B = 24, y0 = T.years[0], y1 = T.years[T.years.length - 1], peak = 0.05;
      chosen.forEach(function (k) { T.issuers[k].s[dim][li].forEach(function (v) { if (v > peak) { peak = v; } }); });
      function X(y) { return L + (y1 > y0 ? (W - L - R) * (y - y0) / (y1 - y0) : (W - L - R) / 2); }
      function Y(v) { return TOP + (H - TOP - B) * (1 - v / peak); }
      // "<" + "svg": a literal svg tag in the script text would read as a chart to a DOM scan
      // its accessible name carries the data (what a screen reader reads of a role=img): each issuer's share per year
      var spoken = chosen.map(function (k) {
        var it = T.issuers[k], vals = it.s[dim][li];
        return it.n + " " + it.y.map(function (y, i) {
          return y + " " + Math.round(vals[i] * 100) + "% (" + Math.round(vals[i] * it.c[i]) + " of " + it.c[i] + ")"; }).join(", ");
      }).join("; ");
      var name = (labSel.options[labSel.selectedIndex].text + " per issuer: " + spoken).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
      var svg = ["<" + 'svg class="chart-svg itrend" data-kind="itrend" role="img" aria-label="' + name + '" viewBox="0 0 ' + W + " " + H + '" width="' + W + '" height="' + H + '">'];
      svg.push('<line x1="' + L + '" y1="' + Y(0) + '" x2="' + (W - R) + '" y2="' + Y(0) + '" stroke="#d0d7de"/>');
      svg.push('<text x="' + (L - 4) + '" y="' + (Y(peak) + 4) + '" font-size="10" text-anchor="end">' + Math.round(peak * 100) + "%</text>");
      svg.push('<text x="' + (L - 4) + '" y="' + (Y(0) + 4) + '" font-size="10" text-anchor="end">0</text>');
      T.years.forEach(function (y) { svg.push('<text x="' + X(y) + '" y="' + (H - 6) + '" font-size="10" text-anchor="middle">' + y + "</text>"); });
      chosen.forEach(function (k, n) {
        var it = T.issuers[k], vals = it.s[dim][li], col = palette[n % palette.length];
        var pts = it.y.map(function (y, i) { return X(y).toFixed(1) + "," + Y(vals[i]).toFixed(1); });
        // a year the issuer has no document of breaks the line: drawn through, 2025 -> 2027 read as a 2026 share.
        // The runs of consecutive years are solid, a gap a thin dashed line that says which years are missing
        var runs = [[0]];
        for (var i = 1; i < it.y.length; i++) { if (it.y[i] - it.y[i - 1] > 1) { runs.push([i]); } else { runs[runs.length - 1].push(i); } }
        svg.push('<g class="iline" data-issuer="' + k + '">');
        runs.forEach(function (run, r) {
          if (r > 0) {
            var a = run[0] - 1, b = run[0], from = it.y[a] + 1, to = it.y[b] - 1;
            svg.push('<line class="gap" x1="' + X(it.y[a]).toFixed(1) + '" y1="' + Y(vals[a]).toFixed(1) + '" x2="' + X(it.y[b]).toFixed(1) + '" y2="' +
                     Y(vals[b]).toFixed(1) + '" stroke="' + col + '" stroke-width="1" stroke-dasharray="3 4"><title>' + it.n.replace(/</g, "&lt;") +
                     ": no document of " + (to > from ? from + "–" + to : from) + " in the input</title></line>");
          }
          svg.push('<polyline points="' + run.map(function (i) { return pts[i]; }).join(" ") + '" fill="none" stroke="' + col + '" stroke-width="2"/>');
        });
        it.y.forEach(function (y, i) {
          var n = it.c[i], few = n < T.few, of = Math.round(vals[i] * n) + " of " + n + (n === 1 ? " clause" : " clauses");
          svg.push('<circle cx="' + X(y).toFixed(1) + '" cy="' + Y(vals[i]).toFixed(1) + '" r="' + (few ? 3.5 : 2.5) + '" fill="' + (few ? "#fff" : col) +
                   '" stroke="' + col + '"' + (few ? ' class="few"' : "") + "><title>" + it.n + " " + y + ": " + Math.round(vals[i] * 100) + "% (" + of +
                   (few ? ": too few clauses for a share to say much" : "") + ")</title></circle>");
        });
        svg.push('<text x="' + (W - R + 6) + '" y="' + (TOP + 12 + 13 * n) + '" font-size="11" fill="' + col + '">' + it.n.replace(/</g, "&lt;") + "</text></g>");
      });
      svg.push("</svg>");
      plot.innerHTML = svg.join("");
    }
    labSel.addEventListener("change", draw); whoSel.addEventListener("change", draw); draw();
  }
  applyFilters();
  // Record where each chart was laid out, so a headless check can find it in a screenshot.
  each(document.querySelectorAll("svg.chart-svg"), function (svg) {
    var box = svg.getBoundingClientRect();
    svg.setAttribute("data-box", [Math.round(box.left + window.scrollX), Math.round(box.top + window.scrollY),
                                  Math.round(box.width), Math.round(box.height)].join(","));
  });
  // Record the painted style of the evidence highlights (a headless check reads it from the DOM).
  each(document.querySelectorAll("mark.ev"), function (mark) {
    mark.setAttribute("data-bg", window.getComputedStyle(mark).backgroundColor);
  });
  document.documentElement.setAttribute("data-ready", "1");
})();
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _pp(delta: float) -> str:
    tone = "up" if delta > 0 else "down" if delta < 0 else ""
    return f'<span class="{tone}">{delta:+.1f} pp</span>'


def _highlight(t: TaggedClause, taxonomy=None) -> str:
    """Clause text with deadlines (red) and targets (green) marked, and the label evidence (yellow,
    the label and the cue/rule/n-gram in its tooltip) marked inside them too: a cue within a target
    (交通安全 in 新建交通安全劝导站60个) is why the clause got its label. Overlapping deadlines and
    targets keep the first; evidence spans never overlap (``evidence_spans``)."""
    outer: list[tuple[int, int, str]] = []
    for (start, end), cls, tip in sorted([(d.span, "dl", format_deadline(d)) for d in t.deadlines]
                                         + [(x.span, "tg", format_target(x)) for x in t.targets], key=lambda s: s[0]):
        if not outer or start >= outer[-1][1]:
            outer.append((start, end, f'<mark class="{cls}" title="{_e(tip)}">'))
    inner = [(e.start, e.end, f'<mark class="ev" data-labels="{_e(" ".join(e.labels))}" title="{_e(e.tip)}">')
             for e in (evidence_spans(t, taxonomy) if taxonomy is not None else [])]
    return _nested_marks(t.clause.text, outer, inner)


Span = tuple[int, int, str]  # start, end, the opening tag of its <mark>


def _covering(spans: list[Span], start: int, end: int) -> Span | None:
    """The span covering ``[start, end)`` (a piece between two cuts), if any."""
    return next((s for s in spans if s[0] <= start and end <= s[1]), None)


def _crosses(span: Span, outer: list[Span]) -> bool:
    """Does ``span`` overlap an outer span without lying inside it?"""
    return any(a < span[1] and span[0] < b and not (a <= span[0] and span[1] <= b) for a, b, _ in outer)


def _nested_marks(text: str, outer: list[Span], inner: list[Span]) -> str:
    """``text`` escaped, each ``outer`` span wrapped in its mark and the ``inner`` ones inside them.
    HTML elements nest but cannot overlap: an inner span crossing an outer one's edge (evidence
    专项检查 whose 检查 starts a target) stays whole and the outer mark is cut around it, since the
    evidence is why the label was given. Spans within each list do not overlap."""
    crossing = [s for s in inner if _crosses(s, outer)]
    cuts = sorted({0, len(text)} | {x for a, b, _ in outer + inner for x in (a, b) if 0 <= x <= len(text)})
    out: list[str] = []
    top = None  # the mark open at the top level: an outer span, or a crossing inner one
    for start, end in zip(cuts, cuts[1:]):
        here = _covering(crossing, start, end) or _covering(outer, start, end)
        if here != top:
            out.append("</mark>" * (top is not None) + (here[2] if here else ""))
            top = here
        piece = escape(text[start:end])
        inside = None if here in crossing else _covering(inner, start, end)
        out.append(f"{inside[2]}{piece}</mark>" if inside else piece)
    out.append("</mark>" * (top is not None))
    return "".join(out)


def _tags(report: Report, t: TaggedClause, dim: str, why: dict[tuple[str, str], str] | None = None) -> str:
    """A clause's labels of ``dim``, each titled by its name, why it was given (``why``: ``evidence_parts`` by
    (dimension, label id)) and the model's probability; main titled them ``urban_gas p=0.87``, an id the
    analyst reads nowhere else."""
    d, why = report.taxonomy[dim], why or {}
    return "".join(f'<span class="tag {dim}" title="{_e(why.get((dim, lid)) or d.name_of(lid))}; model probability '
                   f'{t.scores[dim][lid]:.2f}">{escape(d.name_of(lid))}</span>'
                   for lid in getattr(t.labels, dim))


def _why(parts: list[tuple[str, str, str]]) -> str:
    """Why each label was given, as text in the page (folded, under the labels: the text cell stays the clause's
    text): a tooltip is read by hovering with a mouse, never on
    a phone or from the keyboard, and a label given for its heading or the model's probability alone had no
    highlight to hover at all."""
    if not parts:
        return ""
    return ('<details class="why"><summary>依据 evidence</summary><ul>'
            + "".join(f"<li>{escape(part)}</li>" for _, _, part in parts) + "</ul></details>")


def _trends(report: Report) -> str:
    trend, tax = report.trend, report.taxonomy
    years = f"{trend.years[0]}–{trend.years[-1]}"
    parts = [f'<section id="trends"><h2>年度趋势 Trends {years}</h2>',
             '<p class="meta">Share of each notice\'s clauses carrying a label (multi-label: shares of one dimension '
             'can sum to more than 100%). The number at the top right of a panel is the latest year\'s share, green '
             'when it rose against the year before, red when it fell.</p>']
    if report.trend_note:  # a trend drawn with a caveat (documents naming no issuer, paired by year alone)
        parts.append(f'<p class="meta">{escape(report.trend_note)}.</p>')
    for dim in DIMENSIONS:
        series = [(label.id, label.name, trend.shares[dim][label.id]) for label in tax[dim].labels]
        parts.append(f'<figure class="chart" data-chart="trend-{dim}"><figcaption>{escape(tax[dim].name)} '
                     f'({dim})</figcaption>'
                     + trend_multiples(trend.years, series, COLORS[dim], f"{tax[dim].name} share by year, {years}", dim)
                     + "</figure>")
    counts = ", ".join(f"{y}: {n}" for y, n in zip(trend.years, trend.n_clauses))
    parts.append(f'<p class="meta">Clauses per year: {escape(counts)}</p>')
    if len(report.notices) > 1:
        pooled = [[sum(n.summary.cooccurrence[i][j] for n in report.notices)
                   for j in range(len(tax.measure_type.ids))] for i in range(len(tax.sector.ids))]
        parts.append(_heatmap_figure(tax, pooled, "heatmap-all", "行业领域 × 措施类型, all notices in this report "
                                     "(clause counts", f"sector by measure type, all notices {years}"))
    parts.append("</section>")
    return "".join(parts)


def _heatmap_figure(tax, matrix, chart: str, caption: str, label: str) -> str:
    """A sector × measure heatmap of the rows and columns with a clause (``charts.nonempty_grid``); the caption
    (``caption`` is closed here) says how many were left out, their names in its tooltip."""
    grid = nonempty_grid(tax.sector.ids, tax.sector.names, tax.measure_type.ids, tax.measure_type.names, matrix)
    left_out = grid.left_out(tax.sector.name, tax.measure_type.name)
    names = "; ".join("、".join(n) for n in (grid.empty_rows, grid.empty_cols) if n)
    note = f'<span title="{_e(names)}">{escape(left_out)}</span>' if left_out else ""
    return (f'<figure class="chart" data-chart="{chart}"><figcaption>{escape(caption)}{note})</figcaption>'
            + heatmap(grid.row_ids, grid.row_names, grid.col_ids, grid.col_names, grid.matrix, label) + "</figure>")


#: above this many notices each notice section drops its charts (bars, heatmap) and keeps the summary
#: line and the clause table, so several hundred notices stay a file of a few MB that opens quickly
COMPACT_ABOVE = 40


def _cell_tip(a, g, c) -> str:
    """An across cell's tooltip: ``1/9, +1.7 pp, q=1.000``; a row no other government's document of its
    kind is tested against says so (``5/5, not tested: no other government's 专项整治/实施方案 on 电动自行车``),
    not ``+0.0 pp, q=1.000``, a test that was never made (its CSV row has no p-value either)."""
    if not g.tested:
        return f"{c.count}/{c.n}, not tested: no other government's {g.kind_label}{a.of_year(g)}"
    if not c.tested:  # (a label only a document of another kind carries: no test of it was made for this row)
        return f"{c.count}/{c.n}, not tested: neither this row nor the {a.peers_label(g)} carry it"
    return f"{c.count}/{c.n}, {c.diff_pp:+.1f} pp, {q_text(c.q_value)}"


def _heat_class(share: float) -> str:
    """Colour bucket h0..h9 of a share (square-root scale so small shares stay visible); classes, not
    inline styles, keep a table of several hundred rows small."""
    return f"h{min(9, int((share ** 0.5) * 10)) if share > 0 else 0}"


def _rank(names: dict[str, str], value: str) -> int:
    """Where ``value`` stands in a metadata table's order (``LEVEL_NAMES``: 中央 … 基层); unknown ones last."""
    return list(names).index(value) if value in names else len(names)


def _across(report: Report) -> str:
    """Issuer × label share tables (a heatmap per dimension), sortable and filterable, each cell a
    link to its clauses; then what each issuer stresses more or less than the others."""
    from policytag.corpus.metadata import GENRE_NAMES, LEVEL_NAMES

    a, tax = report.across, report.taxonomy
    # levels from the centre down and genres as the metadata lists them (sorted ids put 省级 after 基层)
    levels = sorted({g.level for g in a.groups if g.level}, key=lambda v: (_rank(LEVEL_NAMES, v), v))
    years = sorted({g.year for g in a.groups if g.year is not None})
    genres = sorted({g.genre for g in a.groups if g.genre}, key=lambda v: (_rank(GENRE_NAMES, v), v))

    def select(key: str, values, names=None) -> str:
        opts = "".join(f'<option value="{_e(v)}">{escape((names or {}).get(v, str(v)))}</option>' for v in values)
        return (f'<label>{key} <select class="afilter" data-key="{key}" aria-label="filter by {key}">'
                f'<option value="">all</option>{opts}</select></label>')

    def attrs(g) -> str:
        return (f'data-arow="1" data-level="{_e(g.level or "")}" data-lrank="{level_rank(g.level)}" data-year="{_e(g.year if g.year is not None else "")}" '
                f'data-genre="{_e(g.genre or "")}" data-docs="{_e(" ".join(g.doc_ids))}"')

    unknown = f" and {a.n_unknown} document(s) naming no issuer (one row each)" if a.n_unknown else ""
    parts = [f'<section id="across"><h2>各地比较 Across governments: {a.issuers_label}{unknown}, {len(a.groups)} issuer-year rows</h2>',  # (the Markdown's words)
             '<p class="meta">One row per issuer, year and genre (and subject, for a one-topic document). A cell is the share of the row\'s clauses carrying the '
             f'label in %, the clauses in brackets, as in the Markdown report (darker = larger; {escape(ROW_SUMS)}); <b>bold underlined ▲/▼</b>: significantly above/below the mean share of the '
             f'rows of its kind ({escape(a.test)}); {escape(MEAN_IS)}; a hatched cell: a row of fewer than {FEW_CLAUSES} clauses, '
             'whose share one clause moves by a third or more. Click a column head to sort, a cell to list its clauses. '
             f'Order as first shown: {escape(ROW_ORDER)}.</p>',
             f'<p class="meta">Note: {escape(a.peers_note())}.</p>' if a.peers_note() else "",
             f'<p class="meta">Forwarded copies: {escape(report.forwarded_note)}.</p>' if report.forwarded_note else "",
             '<div class="filters">', select("level", levels, LEVEL_NAMES), select("year", years),
             select("genre", genres, GENRE_NAMES), '<span class="status" id="across-status"></span></div>']
    for dim in DIMENSIONS:
        used = a.used_labels(dim)
        head = "".join(f'<th class="lab" data-label="{_e(lid)}" title="{_e(tax[dim].name_of(lid))}">'
                       f'{escape(tax[dim].name_of(lid))}</th>' for lid in used)
        parts.append(f'<h3>{escape(tax[dim].name)} ({dim})</h3><div class="across"><table class="sortable heat" '
                     f'data-dim="{dim}"><thead><tr><th>issuer</th><th data-sort="lrank">level</th><th>year</th><th>genre</th>'
                     f"<th>clauses</th>{head}</tr></thead><tbody>")
        for g in a.groups:
            cells = {c.label_id: c for c in a.cells[g.key][dim]}
            first = g.doc_ids[0]
            row = [f'<tr {attrs(g)}><td class="who" title="{_e("；".join(g.titles))}">{escape(g.name)}</td>'
                   f"<td>{escape(level_name(g.level))}</td><td>{year_label(g.year)}</td><td>{escape(genre_name(g.genre))}{escape(untested_mark(g))}</td>"
                   f"<td data-v=\"{g.n_clauses}\">{g.n_clauses}</td>"]
            for lid in used:
                c = cells[lid]
                mark = ("▲" if c.diff_pp > 0 else "▼") if c.significant else ""
                # a row too short for its shares to mean much (青崖县's one clause read 100, as dark as a 6-of-6
                # row tested beyond chance) is hatched, as a trend point of one is drawn hollow
                cls = _heat_class(c.share) + (" s" if c.significant else "") + (" few" if g.n_clauses < FEW_CLAUSES else "")
                row.append(f'<td class="{cls}" data-v="{c.share:.3f}" title="{_e(_cell_tip(a, g, c))}">'
                           f'<a href="#notice-{_e(first)}">{share_count(c)}{mark}</a></td>')
            parts.append("".join(row) + "</tr>")
        plain = a.mean_of or len({g.kind for g in a.groups}) > 1
        foot = "".join(f'<tr><td class="who">{escape(label if plain or a.year_means else "mean of all rows (pooled)")}</td>'
                       f"<td></td><td></td><td></td><td>{n}</td>"
                       + "".join(f"<td>{shares[dim][lid] * 100:.0f}</td>" for lid in used) + "</tr>"
                       for label, n, shares in mean_rows(a))
        parts.append(f"</tbody><tfoot>{foot}</tfoot></table></div>")
    parts.append('<h3>侧重差异 What each issuer stresses more or less than the others</h3><p class="meta">Difference '
                 f"from the mean share in percentage points (clauses carrying the label / the row's clauses); only "
                 f"differences with a Benjamini–Hochberg q &lt; {a.alpha:.2f} are listed.</p>")
    rows = []
    for g in a.groups:
        more = [c for dim in DIMENSIONS for c in a.more(g.key, dim)]
        less = [c for dim in DIMENSIONS for c in a.less(g.key, dim)]
        if more or less:
            fmt = lambda cs: "、".join(f'{escape(c.name)} <span class="{"up" if c.diff_pp > 0 else "down"}">'
                                      f"{c.diff_pp:+.1f} pp</span> ({c.count}/{c.n})" for c in cs) or "—"
            rows.append(f'<tr {attrs(g)}><td><a href="#notice-{_e(g.doc_ids[0])}">{escape(g.name)}</a></td>'
                        f'<td>{escape(level_name(g.level))}</td><td>{g.year or ""}</td><td>{fmt(more)}</td><td>{fmt(less)}</td></tr>')
    if rows:
        parts.append('<div class="scroll"><table class="sortable stress"><thead><tr><th>issuer</th><th data-sort="lrank">level</th><th>year</th>'
                     "<th>stresses more</th><th>stresses less</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>")
    elif a.none_tested:
        parts.append(f'<p class="meta">{escape(a.NONE_TESTED[0].upper() + a.NONE_TESTED[1:])}.</p>')
    else:
        said = no_difference_text(a)
        parts.append(f'<p class="meta">{escape(said[0].upper() + said[1:])}.</p>')
    parts.append("</section>")
    return "".join(parts)


def _issuer_trends(report: Report) -> str:
    """Per-issuer trend lines: the data embedded once as JSON, the chart drawn by the page's script
    for the chosen label and issuers (one small SVG instead of one per issuer × label)."""
    import json

    tax, trends = report.taxonomy, report.issuer_trends
    years = sorted({y for t in trends for y in t.years})
    data = {"years": years, "labels": {dim: tax[dim].ids for dim in DIMENSIONS},
            # "c": each year's clause count, so a point says what its share is out of and one of a document
            # too short for its shares to mean much (yoy.FEW_CLAUSES) is drawn hollow
            "few": FEW_CLAUSES,
            "issuers": [{"n": t.issuer, "l": t.level, "y": list(t.years), "c": list(t.n_clauses),
                         "s": {dim: [[round(v, 3) for v in t.shares[dim][lid]] for lid in tax[dim].ids]
                               for dim in DIMENSIONS}} for t in trends]}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    # default: the label most used overall and the issuers with the most years
    best = max(((dim, lid) for dim in DIMENSIONS for lid in tax[dim].ids),
               key=lambda dl: sum(sum(t.shares[dl[0]][dl[1]]) for t in trends))
    label_opts = "".join(
        f'<option value="{dim}:{_e(lid)}"{" selected" if (dim, lid) == best else ""}>{escape(tax[dim].name)} · '
        f"{escape(tax[dim].name_of(lid))}</option>" for dim in DIMENSIONS for lid in tax[dim].ids)
    ranked = sorted(range(len(trends)), key=lambda k: -len(trends[k].years))[:5]
    who_opts = "".join(f'<option value="{k}"{" selected" if k in ranked else ""}>{escape(t.issuer)}'
                       f'{" (" + level_name(t.level) + ")" if t.level else ""}</option>' for k, t in enumerate(trends))
    return (f'<section id="issuer-trends"><h2>各地趋势 Trends per issuer {years[0]}–{years[-1]}</h2>'
            '<p class="meta">Share of an issuer\'s clauses carrying the chosen label, per year (documents of one '
            f"year pooled; a hollow point: a year of fewer than {FEW_CLAUSES} clauses, whose share one clause moves by a "
            "third or more). Choose the label, and the issuers with Ctrl/⌘-click.</p>"
            f'<div class="filters"><label>label <select id="itrend-label">{label_opts}</select></label>'
            f'<label>issuers <select id="itrend-who" multiple size="6">{who_opts}</select></label></div>'
            f'<figure class="chart" data-chart="itrend"><div id="itrend-plot"></div></figure>'
            f'<script type="application/json" id="itrend-data">{payload}</script></section>')


def _flag(flag: str | None) -> str:
    """The badge beside a clause's id for its ``NoticeReport.flags`` entry: ``new`` (no counterpart in
    the baseline), ``changed`` (it continues one with other words: see Revised / Carried over), else none."""
    if flag == "new":
        return ' <span class="new">new</span>'
    if flag == "changed":
        return ' <span class="changed" title="continues a clause of the baseline with other words">changed</span>'
    return ""


def _compact_notice(report: Report, n: NoticeReport) -> str:
    """A notice in a large report: title, metadata, top labels, new clauses count, clause table."""
    tax, doc, s, cmp = report.taxonomy, n.document, n.summary, n.comparison
    year = year_label(doc.year)
    meta = [x for x in (doc.issuer, level_name(doc.level), genre_name(doc.genre)) if x] + [clauses(s.n_clauses)]
    tops = " · ".join(f"{escape(tax[dim].name)}: " + "、".join(f"{escape(c.name)} {c.share * 100:.0f}%" for c in s.top(dim, 3))
                      for dim in DIMENSIONS)
    changed = sum(1 for flag in n.flags.values() if flag == "changed")
    meta.append(f"compared with {cmp.baseline}: {len(cmp.new_clauses)} new, {changed} changed" if cmp
                else n.comparison_note or "")
    parts = [f'<section class="notice compact" id="notice-{_e(doc.doc_id)}" data-year="{_e(year)}">',
             f"<h3>{escape(doc.title or doc.doc_id)}（{year}）</h3>",
             f'<p class="meta">{" · ".join(escape(m) for m in meta if m)}<br>{tops}</p>',
             f'<details class="clauses"><summary>条款 {s.n_clauses} clauses</summary><div class="toolbar">'
             '<input class="filter" type="search" placeholder="filter by text…" aria-label="filter clauses">'
             '<button class="clear" type="button">show all</button><span class="status"></span></div><table>']
    for t in n.tagged:
        c = t.clause
        flag = _flag(n.flags.get(c.clause_id))
        parts.append(f'<tr class="clause" data-sector="{_e(" ".join(t.labels.sector))}" '
                     f'data-measure="{_e(" ".join(t.labels.measure_type))}"><td><code>{escape(c.clause_id)}</code>{flag}</td>'
                     f"<td>{escape(c.text)}</td><td>{_tags(report, t, 'sector')}{_tags(report, t, 'measure_type')}</td></tr>")
    parts.append("</table></details></section>")
    return "".join(parts)


#: the Markdown's SENTENCE_MATCH for the HTML, where the figure follows the ids after a dot
SENTENCE_MATCH_HTML = f"after the ids: {SENTENCE_MATCH_IS}"


def _diff_item(cmp, nv, by_id: dict[str, TaggedClause]) -> str:
    """A list item: the clause's id, its counterpart's, their similarity and the character diff
    (<del>last year</del><ins>this year</ins>)."""
    ops = clause_diff(cmp.prev_texts.get(nv.nearest, ""), by_id[nv.clause_id].clause.text)
    body = "".join(escape(x) if op == "=" else f"<{'del' if op == '-' else 'ins'}>{escape(x)}</{'del' if op == '-' else 'ins'}>"
                   for op, x in ops)
    return (f'<li class="diff"><code>{escape(nv.clause_id)} ← {escape(nv.nearest or "")} · '
            f"{nv.similarity:.2f}</code><br>{body}</li>")


def _notice(report: Report, n: NoticeReport) -> str:
    tax, doc, s, cmp = report.taxonomy, n.document, n.summary, n.comparison
    year = year_label(doc.year)
    anchor = f"notice-{doc.doc_id}"
    meta = [x for x in (doc.doc_number, doc.issuer, doc.date) if x] + [clauses(s.n_clauses)]
    meta += [x for x in (level_name(doc.level), genre_name(doc.genre)) if x]
    meta.append(cmp.header if cmp else n.comparison_note or "no earlier notice in the input to compare with")
    parts = [f'<section class="notice" id="{_e(anchor)}" data-year="{_e(year)}">',
             f"<h2>{escape(doc.title or doc.doc_id)}（{year}）</h2>",
             f'<p class="meta">{" · ".join(escape(m) for m in meta)} · <code>{escape(doc.doc_id)}</code></p>']
    if not n.tagged:  # no empty charts, heatmap and clause list for a document without clauses
        return "".join(parts) + "</section>"
    for note in (bare_items_note(n.tagged), covering_letter_note(n.tagged, report.next_in_file(n))):
        if note:
            parts.append(f'<p class="meta">Caution: {escape(note)}.</p>')
    parts.append('<div class="grid">')
    for dim in DIMENSIONS:
        changes = {c.label_id: c.delta_pp for c in cmp.changes[dim]} if cmp else {}
        items = [(c.label_id, c.name, c.share, c.count, changes.get(c.label_id)) for c in _by_count(s, dim)
                 if c.count or changes.get(c.label_id)]
        caption = f"{tax[dim].name}: share of clauses" + (f" (pp vs {cmp.prev_label} at right)" if cmp else "")
        parts.append(f'<figure class="chart" data-chart="bars-{dim}"><figcaption>{escape(caption)}</figcaption>'
                     + share_bars(items, COLORS[dim], f"{tax[dim].name} {year}", dim, total=s.n_clauses) + "</figure>")
    parts.append("</div>")
    parts.append(_heatmap_figure(tax, s.cooccurrence, "heatmap", "行业领域 × 措施类型 (clauses; click a cell to "
                                 "list them", f"sector by measure type {year}"))
    by_id = {t.clause.clause_id: t for t in n.tagged}
    if cmp:
        parts.append(f"<h3>侧重变化 Emphasis compared with {cmp.prev_label}</h3>")
        for note in (cmp.difference_note, cmp.few_clauses_note):
            if note:
                parts.append(f'<p class="meta">Caution: {escape(note)}.</p>')
        # the corner cell names its column (a screen reader read the dimension cells under an empty header)
        parts.append('<table><tr><th scope="col">维度 dimension</th><th scope="col">gained</th><th scope="col">lost</th></tr>')
        for dim in DIMENSIONS:
            gained = "、".join(f"{escape(c.name)} {_pp(c.delta_pp)} ({c.counts(s.n_clauses, cmp.prev_n_clauses)})"
                              for c in cmp.gained(dim)) or "—"
            lost = "、".join(f"{escape(c.name)} {_pp(c.delta_pp)} ({c.counts(s.n_clauses, cmp.prev_n_clauses)})"
                            for c in cmp.lost(dim)) or "—"
            if merged := cmp.merged_only(dim):  # beside the losses: a fall owed to merged items alone (render_md.MERGED_ONLY)
                lost += f"<br>{escape(MERGED_ONLY)}: " + "、".join(
                    f"{escape(c.name)} {_pp(c.delta_pp)} ({c.counts(s.n_clauses, cmp.prev_n_clauses)})" for c in merged)
            parts.append(f'<tr><th scope="row">{escape(tax[dim].name)}</th><td>{gained}</td><td>{lost}</td></tr>')
        parts.append("</table>")
        texts = {t.clause.clause_id: t.clause.text for t in n.tagged}
        evidence = [line for dim in DIMENSIONS for c in (*cmp.gained(dim), *cmp.lost(dim))
                    if (line := shift_evidence(cmp, c, texts, n.flags))]
        if evidence:  # the clauses behind each gain and loss (the Markdown's lines under them)
            parts.append('<ul class="shift">' + "".join(f"<li>{escape(line)}</li>" for line in evidence) + "</ul>")
        new = cmp.new_clauses
        new_title, then, now = cmp.wording
        changes = f"<del>{then}</del> <ins>{now}</ins>"
        parts.append(f"<h3>新增内容 {new_title}: {len(new)} of {s.n_clauses} clauses</h3>"
                     f'<p class="meta">No clause of {escape(cmp.baseline)} continues them (alignment score '
                     f"&lt; {cmp.threshold:.2f}; {escape(SAME_SUBJECT)}; how it was measured: reports/alignment.md).</p><ul>")
        for nv in new:
            t = by_id[nv.clause_id]
            parts.append(f"<li>{_tags(report, t, 'sector')}{_tags(report, t, 'measure_type')} "
                         f"{escape(_short(t.clause.text, 90))} "
                         f'<code>{escape(nv.clause_id)} · {best_match(nv)}</code></li>')
        parts.append("</ul>")
        revised = cmp.revised_clauses
        parts.append(f'<details class="revised"><summary>修改内容 Revised: {clauses(len(revised))} reworded from a '
                     f"counterpart in {cmp.prev_label}; {escape(SENTENCE_MATCH_HTML)} ({changes})</summary><ul>")
        parts += [_diff_item(cmp, nv, by_id) for nv in revised] or ["<li>none</li>"]
        parts.append("</ul></details>")
        reworded, same = cmp.carried_over({cid: t.clause.text for cid, t in by_id.items()})
        if reworded or same:
            # open when something changed: a carried-over task whose figure or deadline moved is news
            parts.append(f'<details class="carried"{" open" if reworded else ""}><summary>沿用内容 Carried over: '
                         f"{clauses(len(reworded) + len(same))} continuing a clause of {cmp.prev_label}, "
                         f"{len(reworded)} of them with changes; {escape(SENTENCE_MATCH_HTML)} ({changes})</summary><ul>")
            parts += [_diff_item(cmp, nv, by_id) for nv in reworded]
            parts.append("</ul>")
            if same:
                parts.append('<p class="meta">Word for word (item number aside): '
                             + ", ".join(f"<code>{escape(nv.clause_id)}</code>" for nv in same) + "</p>")
            if split := split_texts(cmp, by_id_texts(n)):
                parts.append(f'<p class="meta split">{escape(SPLIT_SUMMARY)}:</p><ul class="split">'
                             + "".join(f"<li><code>{escape(pid)}</code> {escape(what)}</li>" for pid, what in split)
                             + "</ul>")
            if moved := move_texts(cmp, {cid: t.clause.text for cid, t in by_id.items()}):
                parts.append(f'<p class="meta moved">{escape(moves_summary(cmp, len(moved)))}:</p><ul class="moved">'
                             + "".join(f"<li><code>{escape(cid)}</code> {escape(what)}</li>" for cid, what in moved)
                             + "</ul>")
            parts.append("</details>")
        parts.append(f'<details class="dropped"><summary>{escape(cmp.dropped_heading(len(cmp.dropped)))}</summary><ul>'
                     + "".join(f"<li><code>{escape(cid)}</code> {escape(cmp.prev_texts.get(cid, ''))}</li>"
                               for cid in cmp.dropped) + "</ul>")
        if cmp.merged:  # two items made one: the other item's words go on, nothing was dropped
            parts.append(f'<p class="meta merged">{escape(merged_summary(cmp))}:</p><ul class="merged">'
                         + "".join(f"<li><code>{escape(pid)}</code> {escape(what)}</li>"
                                   for pid, what in merged_texts(cmp, by_id_texts(n))) + "</ul>")
        parts.append("</details>")
    committed = [t for t in n.tagged if t.has_commitments]
    parts.append(f"<h3>时限与量化目标 Deadlines and targets: {committed_count(len(committed), len(n.tagged))}</h3>")
    if committed:
        parts.append("<table><tr><th>clause</th><th>deadline</th><th>target</th></tr>")
        for t in committed:
            deadlines = "<br>".join(escape(format_deadline(d)) for d in t.deadlines) or "—"
            targets = "<br>".join(escape(format_target(x)) for x in t.targets) or "—"
            parts.append(f"<tr><td><code>{escape(t.clause.clause_id)}</code><br>{escape(_short(t.clause.text, 60))}</td>"
                         f"<td>{deadlines}</td><td>{targets}</td></tr>")
        parts.append("</table>")
    else:
        parts.append('<p class="meta">None found.</p>')
    parts.append(f'<details class="clauses"><summary>条款 All {s.n_clauses} clauses with their tags</summary>'
                 '<div class="toolbar"><input class="filter" type="search" placeholder="filter by text…" '
                 'aria-label="filter clauses"><button class="clear" type="button">show all</button>'
                 '<span class="status"></span></div>'
                 f'<p class="meta">Highlighted: the words the labels were given for; hover for the label and why, or open 依据 evidence under its labels '
                 f'({escape(EVIDENCE_LEGEND)}).</p><table><tr><th>clause</th><th>text</th><th>行业领域</th>'
                 "<th>措施类型</th></tr>")
    for t in n.tagged:
        c = t.clause
        flag = _flag(n.flags.get(c.clause_id))
        path = f'<div class="path">{escape(" > ".join(c.heading_path))}</div>' if c.heading_path else ""
        agencies = f'<div class="path">（{escape("、".join(c.agencies))}）</div>' if c.agencies else ""
        why = evidence_parts(report, t)
        labels = {(dim, lid): part for dim, lid, part in why}
        parts.append(f'<tr class="clause" data-sector="{_e(" ".join(t.labels.sector))}" '
                     f'data-measure="{_e(" ".join(t.labels.measure_type))}"><td><code>{escape(c.clause_id)}</code>{flag}</td>'
                     f"<td>{path}{_highlight(t, report.taxonomy)}{agencies}</td>"
                     + "".join(f"<td>{_tags(report, t, dim, labels)}{_why([x for x in why if x[0] == dim])}</td>"
                               for dim in ("sector", "measure_type")) + "</tr>")
    parts.append("</table></details></section>")
    return "".join(parts)


def _by_count(summary, dim: str):
    """A notice's label counts, most frequent first (ties in taxonomy order)."""
    return sorted(summary.distributions[dim], key=lambda c: -c.count)


def _index(notices, ordered: bool = False) -> str:
    """Every notice in one table, linked to its section, with its signing date and what it is compared
    with (as the Markdown's index): above ``COMPACT_ABOVE`` notices the navigation links only each year's
    first notice, and a reader looking for one county's notice needs a way to it. Folded away when long;
    click a column head to sort (by signing date: a year's documents in the order they were signed)."""
    rows = "".join(
        f'<tr><td><a href="#notice-{_e(n.document.doc_id)}">{escape(n.document.title or n.document.doc_id)}</a></td>'
        f"<td>{escape(n.document.issuer or '—')}</td><td>{escape(level_name(n.document.level) or '—')}</td>"
        f"<td>{escape(genre_name(n.document.genre) or '—')}</td><td>{escape(year_label(n.document.year))}</td>"
        f'<td class="num" data-v="{n.summary.n_clauses}">{n.summary.n_clauses}</td><td>{escape(compared_with(n))}</td>'
        f"<td>{escape(n.document.date or '—')}</td></tr>"
        for n in notices)
    return (f'<section id="notices"><details{"" if len(notices) > COMPACT_ABOVE else " open"}><summary><h2 '
            f'style="display:inline">文件 Notices in this report: {len(notices)}</h2></summary>'
            + (f'<p class="meta">{escape(NOTICE_ORDER)}.</p>' if ordered else "") +
            # in a box of its own width that scrolls sideways: on a phone the table (compared with, signed) pushed the
            # whole page wider than the screen
            '<div class="scroll"><table class="index sortable">'
            "<thead><tr><th>notice</th><th>issuer</th><th>level</th><th>genre</th><th>year</th><th>clauses</th>"
            f"<th>compared with</th><th>signed</th></tr></thead><tbody>{rows}</tbody></table></div></details></section>")


def render_html(report: Report) -> str:
    return "".join(iter_html(report))


def iter_html(report: Report) -> Iterator[str]:
    """The HTML report in pieces, a section or a notice each (``render_html`` joins them): ``-o`` writes each
    as it is made, so the whole page is never held beside the report."""
    # one government: newest first; several: the across table's order (by level, then name), as the Markdown
    notices = report.by_government or sorted(report.notices, key=lambda n: (n.document.year is None, -(n.document.year or 0)))
    years = sorted({n.document.year for n in notices if n.document.year is not None})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    n_clauses = sum(n.summary.n_clauses for n in notices)
    title = f"policytag report {span}".strip()
    threshold = f"one threshold {report.threshold}" if report.threshold is not None else "tuned per-label thresholds"
    # with several issuers a bare "2026" link per notice cannot tell the 2026 notices apart
    several = len({n.document.issuer for n in notices}) > 1
    nav = "".join(f'<a href="#notice-{_e(n.document.doc_id)}" title="{_e(n.document.title or "")}">'
                  f'{_e(year_label(n.document.year))}'
                  + (f" {_e(n.document.issuer or '发文机关不详')}" if several else "") + "</a>" for n in notices)
    trends_link = '<a href="#trends">trends</a>' if report.trend else ""
    trends_link += '<a href="#across">across governments</a>' if report.across else ""
    trends_link += '<a href="#issuer-trends">trends per issuer</a>' if report.issuer_trends else ""
    trends_link += '<a href="#notices">notices</a>' if len(notices) > 1 else ""
    if len(notices) > COMPACT_ABOVE:  # one link per year instead of one per notice
        first = {}
        for n in notices:
            first.setdefault(n.document.year, n.document.doc_id)
        newest = sorted(first, key=lambda y: (y is None, -(y or 0)))  # the links newest first in either order
        nav = "".join(f'<a href="#notice-{_e(first[y])}">{_e(year_label(y))}</a>' for y in newest)
    yield ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           f"<title>{escape(title)}</title><style>{CSS}</style></head><body>")
    yield (f"<header><h1>{escape(title)}</h1>"
           f'<p class="meta">{len(notices)} notice(s) · {n_clauses} clauses · model <code>{escape(report.model_version)}'
           f"</code> · {escape(threshold)} · generated {escape(report.generated)}</p>"
           f"<nav>{trends_link}{nav}</nav></header><main>")
    if len(notices) > 1:  # first, as in the Markdown: each notice and its baseline at a glance
        yield _index(notices, ordered=report.by_government is not None)
    if report.trend:
        yield _trends(report)
    elif report.trend_note:
        yield f'<section id="trends"><h2>年度趋势 Trends</h2><p class="meta">{escape(report.trend_note)}.</p></section>'
    if report.across:
        yield _across(report)
    if report.issuer_trends:
        yield _issuer_trends(report)
    notice = _compact_notice if len(notices) > COMPACT_ABOVE else _notice
    for n in notices:
        yield notice(report, n)
    yield ("</main><footer>Generated by <code>policytag tag</code>. Labels, names and order: "
           f"taxonomy {escape(report.taxonomy.version)}. Deadlines and targets are rule-extracted; "
           "“new” means no similar clause in the previous year's notice.</footer>")
    yield f"<script>{SCRIPT}</script></body></html>\n"
