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

from policytag.taxonomy import DIMENSIONS

from .charts import heatmap, share_bars, trend_multiples
from .render_md import format_deadline, format_target
from .report import NoticeReport, Report, evidence_spans
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
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:10px 24px}
section.notice{border-top:3px solid var(--line);margin-top:26px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num{text-align:right;white-space:nowrap}
.up{color:var(--up)}.down{color:var(--down)}
.tag{display:inline-block;font-size:11px;border-radius:9px;padding:0 6px;margin:1px 2px 1px 0;white-space:nowrap}
.tag.sector{background:#e3ecf8;color:#1d4477}.tag.measure_type{background:#fbead8;color:#7a4310}
.new{display:inline-block;font-size:11px;background:#fff1b8;border-radius:9px;padding:0 6px}
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
    """Clause text with deadlines (red), targets (green) and label evidence (yellow, the label and
    the cue/rule/n-gram in its tooltip) marked; overlapping spans keep the first."""
    spans = [(d.span, "dl", format_deadline(d), "") for d in t.deadlines] + \
            [(x.span, "tg", format_target(x), "") for x in t.targets]
    if taxonomy is not None:
        spans += [((e.start, e.end), "ev", e.tip, " ".join(e.labels)) for e in evidence_spans(t, taxonomy)]
    spans.sort(key=lambda s: s[0])
    text, out, pos = t.clause.text, [], 0
    for (start, end), cls, tip, labels in spans:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        data = f' data-labels="{_e(labels)}"' if labels else ""
        out.append(f'<mark class="{cls}"{data} title="{_e(tip)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _tags(report: Report, t: TaggedClause, dim: str) -> str:
    d = report.taxonomy[dim]
    return "".join(f'<span class="tag {dim}" title="{_e(lid)} p={t.scores[dim][lid]:.2f}">{escape(d.name_of(lid))}</span>'
                   for lid in getattr(t.labels, dim))


def _trends(report: Report) -> str:
    trend, tax = report.trend, report.taxonomy
    years = f"{trend.years[0]}–{trend.years[-1]}"
    parts = [f'<section id="trends"><h2>年度趋势 Trends {years}</h2>',
             '<p class="meta">Share of each notice\'s clauses carrying a label (multi-label: shares of one dimension '
             'can sum to more than 100%). The number at the top right of a panel is the latest year\'s share, green '
             'when it rose against the year before, red when it fell.</p>']
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
        parts.append('<figure class="chart" data-chart="heatmap-all"><figcaption>行业领域 × 措施类型, all notices in '
                     'this report (clause counts)</figcaption>'
                     + heatmap(tax.sector.ids, tax.sector.names, tax.measure_type.ids, tax.measure_type.names, pooled,
                               f"sector by measure type, all notices {years}") + "</figure>")
    parts.append("</section>")
    return "".join(parts)


def _notice(report: Report, n: NoticeReport) -> str:
    tax, doc, s, cmp = report.taxonomy, n.document, n.summary, n.comparison
    year = doc.year if doc.year is not None else "—"
    anchor = f"notice-{doc.doc_id}"
    meta = [x for x in (doc.doc_number, doc.issuer, doc.date) if x] + [f"{s.n_clauses} clauses"]
    meta += [x for x in (doc.level, doc.genre) if x]
    meta.append(f"compared with {cmp.baseline} ({cmp.prev_n_clauses} clauses"
                + (", chosen with --compare-with)" if cmp.explicit else ")") if cmp
                else n.comparison_note or "no earlier notice in the input to compare with")
    parts = [f'<section class="notice" id="{_e(anchor)}" data-year="{_e(year)}">',
             f"<h2>{escape(doc.title or doc.doc_id)}（{year}）</h2>",
             f'<p class="meta">{" · ".join(escape(m) for m in meta)} · <code>{escape(doc.doc_id)}</code></p>',
             '<div class="grid">']
    for dim in DIMENSIONS:
        changes = {c.label_id: c.delta_pp for c in cmp.changes[dim]} if cmp else {}
        items = [(c.label_id, c.name, c.share, c.count, changes.get(c.label_id)) for c in _by_count(s, dim)
                 if c.count or changes.get(c.label_id)]
        caption = f"{tax[dim].name}: share of clauses" + (f" (pp vs {cmp.prev_year} at right)" if cmp else "")
        parts.append(f'<figure class="chart" data-chart="bars-{dim}"><figcaption>{escape(caption)}</figcaption>'
                     + share_bars(items, COLORS[dim], f"{tax[dim].name} {year}", dim) + "</figure>")
    parts.append("</div>")
    parts.append('<figure class="chart" data-chart="heatmap"><figcaption>行业领域 × 措施类型 (clauses; click a cell '
                 'to list them)</figcaption>'
                 + heatmap(tax.sector.ids, tax.sector.names, tax.measure_type.ids, tax.measure_type.names,
                           s.cooccurrence, f"sector by measure type {year}") + "</figure>")
    by_id = {t.clause.clause_id: t for t in n.tagged}
    if cmp:
        parts.append(f"<h3>侧重变化 Emphasis compared with {cmp.prev_year}</h3><table><tr><th></th><th>gained</th>"
                     "<th>lost</th></tr>")
        for dim in DIMENSIONS:
            gained = "、".join(f"{escape(c.name)} {_pp(c.delta_pp)}" for c in cmp.gained(dim)) or "—"
            lost = "、".join(f"{escape(c.name)} {_pp(c.delta_pp)}" for c in cmp.lost(dim)) or "—"
            parts.append(f"<tr><th>{escape(tax[dim].name)}</th><td>{gained}</td><td>{lost}</td></tr>")
        parts.append("</table>")
        new = cmp.new_clauses
        parts.append(f"<h3>新增内容 New this year: {len(new)} of {s.n_clauses} clauses</h3>"
                     f'<p class="meta">No clause of the {cmp.prev_year} notice is similar (character n-gram TF-IDF '
                     f"cosine &lt; {cmp.threshold:.2f}).</p><ul>")
        for nv in new:
            t = by_id[nv.clause_id]
            parts.append(f"<li>{_tags(report, t, 'sector')}{_tags(report, t, 'measure_type')} "
                         f"{escape(t.clause.text[:90])}{'…' if len(t.clause.text) > 90 else ''} "
                         f'<code>{escape(nv.clause_id)} · sim {nv.similarity:.2f}</code></li>')
        parts.append("</ul>")
    committed = [t for t in n.tagged if t.has_commitments]
    parts.append(f"<h3>时限与量化目标 Deadlines and targets: {len(committed)} clause(s)</h3>")
    if committed:
        parts.append("<table><tr><th>clause</th><th>deadline</th><th>target</th></tr>")
        for t in committed:
            deadlines = "<br>".join(escape(format_deadline(d)) for d in t.deadlines) or "—"
            targets = "<br>".join(escape(format_target(x)) for x in t.targets) or "—"
            parts.append(f"<tr><td><code>{escape(t.clause.clause_id)}</code><br>{escape(t.clause.text[:60])}…</td>"
                         f"<td>{deadlines}</td><td>{targets}</td></tr>")
        parts.append("</table>")
    else:
        parts.append('<p class="meta">None found.</p>')
    novelty = {nv.clause_id: nv for nv in cmp.novelty} if cmp else {}
    parts.append(f'<details class="clauses"><summary>条款 All {s.n_clauses} clauses with their tags</summary>'
                 '<div class="toolbar"><input class="filter" type="search" placeholder="filter by text…" '
                 'aria-label="filter clauses"><button class="clear" type="button">show all</button>'
                 '<span class="status"></span></div><table><tr><th>clause</th><th>text</th><th>行业领域</th>'
                 "<th>措施类型</th></tr>")
    for t in n.tagged:
        c = t.clause
        nv = novelty.get(c.clause_id)
        flag = ' <span class="new">new</span>' if nv and nv.is_new else ""
        path = f'<div class="path">{escape(" > ".join(c.heading_path))}</div>' if c.heading_path else ""
        agencies = f'<div class="path">（{escape("、".join(c.agencies))}）</div>' if c.agencies else ""
        parts.append(f'<tr class="clause" data-sector="{_e(" ".join(t.labels.sector))}" '
                     f'data-measure="{_e(" ".join(t.labels.measure_type))}"><td><code>{escape(c.clause_id)}</code>{flag}</td>'
                     f"<td>{path}{_highlight(t, report.taxonomy)}{agencies}</td><td>{_tags(report, t, 'sector')}</td>"
                     f"<td>{_tags(report, t, 'measure_type')}</td></tr>")
    parts.append("</table></details></section>")
    return "".join(parts)


def _by_count(summary, dim: str):
    """A notice's label counts, most frequent first (ties in taxonomy order)."""
    return sorted(summary.distributions[dim], key=lambda c: -c.count)


def render_html(report: Report) -> str:
    notices = sorted(report.notices, key=lambda n: (n.document.year is None, -(n.document.year or 0)))
    years = sorted({n.document.year for n in notices if n.document.year is not None})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    n_clauses = sum(n.summary.n_clauses for n in notices)
    title = f"policytag report {span}".strip()
    threshold = f"one threshold {report.threshold}" if report.threshold is not None else "tuned per-label thresholds"
    nav = "".join(f'<a href="#notice-{_e(n.document.doc_id)}">{_e(n.document.year or n.document.doc_id)}</a>'
                  for n in notices)
    trends_link = '<a href="#trends">trends</a>' if report.trend else ""
    body = [f"<header><h1>{escape(title)}</h1>",
            f'<p class="meta">{len(notices)} notice(s) · {n_clauses} clauses · model <code>{escape(report.model_version)}'
            f"</code> · {escape(threshold)} · generated {escape(report.generated)}</p>",
            f"<nav>{trends_link}{nav}</nav></header><main>"]
    if report.trend:
        body.append(_trends(report))
    body.extend(_notice(report, n) for n in notices)
    body.append("</main><footer>Generated by <code>policytag tag</code>. Labels, names and order: "
                f"taxonomy {escape(report.taxonomy.version)}. Deadlines and targets are rule-extracted; "
                "“new” means no similar clause in the previous year's notice.</footer>")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
            + "".join(body) + f"<script>{SCRIPT}</script></body></html>\n")
