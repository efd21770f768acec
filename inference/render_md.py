"""Markdown summary for the terminal: per notice the label distributions (with the change against the
previous year's notice), emphasis gained/lost, new clauses, deadlines and targets, then every clause
with its tags; with several years first a trend table."""

from __future__ import annotations

from typing import Iterable, Iterator

from policytag.taxonomy import DIMENSIONS

from .across import COVERING_KIND, ROW_ORDER
from .align import SAME_SUBJECT, clause_diff, compact_diff
from .yoy import UNKNOWN_PREDECESSOR, clauses
from .extract import Deadline, Target
from .report import COVERING_ONLY, SUPPLEMENT_OF, EVIDENCE_LEGEND, NoticeReport, Report, Trend, bare_items_note, covering_letter_note, evidence_spans, genre_name, level_name, year_label
from .tagging import TaggedClause

BAR_WIDTH = 20


def _pct(x: float) -> str:
    # 1 clause of 301 is not "0%" beside a bar that shows it
    return "<1%" if 0 < x < 0.005 else f"{x * 100:.0f}%"


def _pp(x: float) -> str:
    return f"{x:+.1f} pp"


def _bar(share: float) -> str:
    return "█" * max(1 if share > 0 else 0, round(share * BAR_WIDTH))


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def format_deadline(d: Deadline) -> str:
    due = f"（{d.due}）" if d.due else ""
    action = f"：{d.action}" if d.action else ""
    return f"{d.text}{due}{action}"


def format_target(t: Target) -> str:
    value = f"{t.value}–{t.value_max}" if t.value_max is not None else f"{t.value}"
    sign = {"=": "", ">=": "≥", "<=": "≤", "between": ""}[t.comparator]
    per = f"/每{t.per}" if t.per else ""
    return f"{t.text} → {t.what or '—'} {sign}{value}{t.unit}{per}"


def _labels(report: Report, t: TaggedClause) -> str:
    tax = report.taxonomy
    sector = "、".join(tax.sector.name_of(x) for x in t.labels.sector)
    measure = "、".join(tax.measure_type.name_of(x) for x in t.labels.measure_type)
    return f"{tax.sector.name}：{sector} · {tax.measure_type.name}：{measure}"


def _marked(report: Report, t: TaggedClause) -> str:
    """Clause text with the evidence for its labels in **bold**; spans that touch are one bold run
    (``**煤矿****。开展**`` is not Markdown emphasis: the asterisks show)."""
    text, out, pos = t.clause.text, [], 0
    runs: list[list[int]] = []
    for e in evidence_spans(t, report.taxonomy):
        if runs and runs[-1][1] == e.start:
            runs[-1][1] = e.end
        else:
            runs.append([e.start, e.end])
    for start, end in runs:
        out += [text[pos:start], f"**{text[start:end]}**"]
        pos = end
    return "".join(out) + text[pos:]


def _strongest(evs: list, n: int = 3) -> list:
    """The ``n`` items the summary line shows: the evidence list's order for what the codebook
    matched (cues, rules, scores: already ranked), n-grams by weight; no n-gram twice (each
    occurrence is an item of the list) and none overlapping one already shown (``市安全生产`` and
    ``全市安全生产``): the line names the strongest distinct reasons, the HTML report highlights all."""
    ngrams = sorted((e for e in evs if e.kind == "ngram"), key=lambda e: -e.weight)
    shown, seen = [], set()
    for ev in [e for e in evs if e.kind != "ngram"] + ngrams:
        key = (ev.kind, ev.text, ev.source, ev.rule)
        if key in seen or (ev.kind == "ngram" and any(
                s.kind == "ngram" and s.source == ev.source and (ev.text in s.text or s.text in ev.text)
                for s in shown)):
            continue
        seen.add(key)
        shown.append(ev)
        if len(shown) == n:
            break
    return shown


def _evidence_line(report: Report, t: TaggedClause) -> str:
    """``煤矿 ← 煤矿（cue）、矿山（rule 6 mine_unqualified）; …`` per output label (at most 3 items each)."""
    return "; ".join(part for _, _, part in evidence_parts(report, t))


def evidence_parts(report: Report, t: TaggedClause) -> list[tuple[str, str, str]]:
    """``(dimension, label id, "煤矿 ← 煤矿（cue）、矿山（rule 6 mine_unqualified）")`` per output label, the label by its
    taxonomy name (at most 3 items each): the Markdown's evidence line, and the HTML's per tag."""
    parts = []
    for dim, per in (t.evidence or {}).items():
        for lid, evs in per.items():
            items = []
            for ev in _strongest(evs):
                if ev.kind == "score":  # nothing in the text to point to: say so, with the probability
                    items.append(f"no cue, rule or n-gram in the text; model probability {ev.weight:.2f}")
                else:
                    where = f"{ev.source} " if ev.source != "text" else ""  # heading / title (rule 21)
                    how = f"rule {ev.rule}" if ev.kind == "rule" and ev.rule else ev.kind
                    items.append(f"{_cell(ev.text)}（{where}{how}）")
            parts.append((dim, lid, f"{report.taxonomy[dim].name_of(lid)} ← {'、'.join(items)}"))
    return parts


def _trend(report: Report, trend: Trend) -> list[str]:
    tax = report.taxonomy
    # what a column's figures are out of, as the notice tables say it: they may add up to more than 100
    out = ["## 年度趋势 Trend: share of clauses per year (%)", "",
           "Each year's column: the share of that year's clauses (the *clauses* row) carrying each label; a clause can "
           "carry several labels, so a column may add up to more than 100.", ""]
    if report.trend_note:  # a trend drawn with a caveat (documents naming no issuer, paired by year alone)
        out += [f"*{report.trend_note}.*", ""]
    # years in full (2026, not 26): an analyst reads four-digit years, and a corpus spans 2009–2026; the rows
    # are not padded, so two digits saved nothing but two characters of the header a column
    head = "| " + " | ".join(str(y) for y in trend.years) + " |"
    for dim in DIMENSIONS:
        out += [f"**{tax[dim].name}**", "", f"| {tax[dim].name} {head}",
                "|---" + "|--:" * len(trend.years) + "|"]
        for label in tax[dim].labels:
            values = trend.shares[dim][label.id]
            if not any(values):
                continue
            out.append(f"| {label.name} | " + " | ".join(f"{v * 100:.0f}" for v in values) + " |")
        out += ["| *clauses* | " + " | ".join(str(n) for n in trend.n_clauses) + " |", ""]
    return out


def group_label(g) -> str:
    """``东川省人民政府 2027 工作要点`` for an across-governments row."""
    from policytag.corpus.metadata import GENRE_NAMES

    parts = [g.name, str(g.year) if g.year is not None else "", GENRE_NAMES.get(g.genre or "", "")]
    return " ".join(p for p in parts if p)


#: beside the genre of a row tested against no one (no other government's document of its kind): its
#: shares sat in the heatmap as dark as a tested row's (青榆县应急管理局's one-clause letter: 水旱灾害 100) with
#: only the note above the table to say so
UNTESTED_MARK = " (not tested)"


def untested_mark(g) -> str:
    """What stands beside an across row's genre: nothing when tested, ``UNTESTED_MARK`` else, and for a covering
    letter only what it is (its title's genre, 年度安全生产工作通知 for a 转发 letter of an annual notice, said
    nothing of the one sentence behind its row)."""
    if g.tested:
        return ""
    return ", a covering letter only" + UNTESTED_MARK if g.kind_label == COVERING_KIND else UNTESTED_MARK


def mean_label(a) -> str:
    """The tables' mean row: of every row, or of one kind of document when the rows are of several
    (the programmes' mean is what an annual notice is read against, not one a 燃气 plan raised). It is
    pooled (the label's share of all their clauses), which the name says: read as the mean of the rows'
    shares, it misled where a 15-clause province sat beside a 4-clause county."""
    if a.mean_of:
        return f"mean of the {a.mean_of} (pooled)"
    if len({g.kind for g in a.groups}) > 1:
        # no kind is tested: the mean pools every row, a ministry's 其他文件 with a province's annual notice,
        # which "mean (pooled)" did not say; it is no reference any row is read against
        return "mean of all rows, documents of different kinds (pooled; no row is tested against it)"
    return "mean (pooled)"


def mean_rows(a) -> list[tuple[str, int, dict]]:
    """The tables' mean row(s) as (label, clauses, shares): one, or one per year when the rows span several
    (each row is read against its own year's mean: ``across.YearMean``)."""
    if not a.year_means:
        return [(mean_label(a), a.mean_n, a.mean_shares)]
    label = mean_label(a)
    return [(f"{label}, {year_label(m.year)}", m.n, m.shares) for m in a.year_means]


#: why an across row's shares are no split of 100 (苔溪县: 煤矿 20, 非煤矿山 80, 道路交通运输 20): said beside the tables,
#: as the notice tables say it of theirs
ROW_SUMS = "a clause can carry several labels, so a row's shares may add up to more than 100"

#: what the mean share is, where a report first names it
MEAN_IS = ("the mean share is pooled: the label's share of all clauses of the rows of its kind, the row's own "
           "included, so a long document weighs more than a short one")


def share_count(c) -> str:
    """An across cell's figure, the same in every format: the share in % and the clauses carrying the label in
    brackets (``17 (1)``: one clause of a 6-clause notice, not a trend), ``0`` for none. The HTML heatmap showed
    the share alone and kept the count in a tooltip, so its 100 for a 1-clause row read like the 100 of 6 of 6."""
    return f"{c.share * 100:.0f} ({c.count})" if c.count else "0"


def _across(report: Report) -> list[str]:
    """Issuer × label share tables per dimension, then what each issuer stresses more or less."""
    a, tax = report.across, report.taxonomy
    unknown = f" and {a.n_unknown} document(s) naming no issuer (one row each)" if a.n_unknown else ""
    out = [f"## 各地比较 Across governments: {a.issuers_label}{unknown}, {len(a.groups)} issuer-year rows", "",
           f"Share of each issuer's clauses carrying a label (%, the clauses in brackets; {ROW_SUMS}); ▲/▼ marks a share significantly above/below the "
           f"mean share of the rows of its kind ({a.test}); {MEAN_IS}.", "", f"Order: {ROW_ORDER}.", ""]
    if a.peers_note():
        out += [f"*Note: {a.peers_note()}.*", ""]
    if report.forwarded_note:
        out += [f"*Forwarded copies: {report.forwarded_note}.*", ""]
    for dim in DIMENSIONS:
        used = a.used_labels(dim)
        names = [tax[dim].name_of(lid) for lid in used]
        out += [f"**{tax[dim].name}**", "", "| issuer | level | year | genre | clauses | " + " | ".join(names) + " |",
                "|---|---|--:|---|--:|" + "--:|" * len(used)]
        for g in a.groups:
            cells = {c.label_id: c for c in a.cells[g.key][dim]}
            vals = []
            for lid in used:
                c = cells[lid]
                mark = ("▲" if c.diff_pp > 0 else "▼") if c.significant else ""
                # the count beside the share: 67 is two clauses of a 3-clause 工作要点, not a trend
                vals.append(share_count(c) + mark)
            out.append(f"| {_cell(g.name)} | {level_name(g.level) or '—'} | {year_label(g.year)} | "
                       f"{genre_name(g.genre) or '—'}{untested_mark(g)} | {g.n_clauses} | "
                       + " | ".join(vals) + " |")
        for label, n, shares in mean_rows(a):
            out.append(f"| *{label}* | | | | {n} | " + " | ".join(f"{shares[dim][lid] * 100:.0f}" for lid in used) + " |")
        out.append("")
    out += ["### 侧重差异 What each issuer stresses more or less than the others", "",
            "Difference from the mean share in percentage points, with the issuer's clause count; only differences "
            f"with a Benjamini–Hochberg q < {a.alpha:.2f} are listed; the clause ids follow.", ""]
    any_listed = False
    for g in a.groups:
        lines = []
        for dim in DIMENSIONS:
            for word, cells in (("more", a.more(g.key, dim)), ("less", a.less(g.key, dim))):
                for c in cells:
                    ids = ", ".join(f"`{x}`" for x in c.clause_ids[:8]) + (" …" if len(c.clause_ids) > 8 else "")
                    lines.append(f"  - {word}: {c.name} {_pp(c.diff_pp)} ({c.count} of {c.n} clauses, "
                                 f"mean {c.mean_share * 100:.0f}%, {q_text(c.q_value)})" + (f": {ids}" if ids else ""))
        if lines:
            any_listed = True
            # the level beside the name, as the tables show it: 国家工贸安全监督部 is a ministry, 苇岙县 a county
            level = f" · {level_name(g.level)}" if g.level else ""
            out += [f"- **{_cell(group_label(g))}**{level}", *lines]
    if a.none_tested:
        out.append(f"- {a.NONE_TESTED}")
    elif not any_listed:
        out.append(f"- {no_difference_text(a)}")
    out.append("")
    return out


def _notice(report: Report, n: NoticeReport) -> list[str]:
    tax, doc, s, cmp = report.taxonomy, n.document, n.summary, n.comparison
    title = doc.title or doc.doc_id
    out = [f"# {title}（{year_label(doc.year)}）", ""]
    meta = [x for x in (doc.doc_number, doc.issuer, doc.date) if x]
    meta.append(clauses(s.n_clauses))
    meta += [x for x in (level_name(doc.level), genre_name(doc.genre)) if x]
    meta.append(cmp.header if cmp else n.comparison_note or "no earlier notice in the input to compare with")
    out += [" · ".join(meta), ""]
    if not n.tagged:  # empty tables and "none" lists under every heading say nothing more
        return out
    for note in (bare_items_note(n.tagged), covering_letter_note(n.tagged, report.next_in_file(n))):
        if note:
            out += [f"*Caution: {note}.*", ""]
    # what the figures are out of, once for both tables
    out += [f"Clauses carrying each label, out of the notice's {clauses(s.n_clauses)} (a clause can carry several "
            "labels, so shares add up to more than 100%)"
            + (f"; vs {cmp.prev_label}: the change of the share in percentage points (pp) against the "
               f"{clauses(cmp.prev_n_clauses)} of {cmp.baseline}" if cmp else "") + ".", ""]
    for dim in DIMENSIONS:
        changes = {c.label_id: c for c in cmp.changes[dim]} if cmp else {}
        vs = f" | vs {cmp.prev_label}" if cmp else ""
        out += [f"## {tax[dim].name}", "", f"| {tax[dim].name} | clauses | share{vs} |",
                "|---|--:|---" + ("|--:" if cmp else "") + "|"]
        for c in sorted(s.distributions[dim], key=lambda c: -c.count):
            change = changes.get(c.label_id)
            if not c.count and not (change and change.prev_share):
                continue
            delta = f" | {_pp(change.delta_pp)}" if change else ""
            out.append(f"| {c.name} | {c.count} | {_pct(c.share)} {_bar(c.share)}{delta} |")
        out.append("")
    if cmp:
        out += [f"## 侧重变化 Emphasis compared with {cmp.prev_label}", ""]
        for note in (cmp.difference_note, cmp.few_clauses_note):
            if note:
                out += [f"*Caution: {note}.*", ""]
        texts = {t.clause.clause_id: t.clause.text for t in n.tagged}
        for dim in DIMENSIONS:
            gained = "、".join(f"{c.name} {_pp(c.delta_pp)} ({c.counts(s.n_clauses, cmp.prev_n_clauses)})"
                              for c in cmp.gained(dim)) or "—"
            lost = "、".join(f"{c.name} {_pp(c.delta_pp)} ({c.counts(s.n_clauses, cmp.prev_n_clauses)})"
                            for c in cmp.lost(dim)) or "—"
            out.append(f"- {tax[dim].name} gained: {gained}")
            out += [f"  - {_cell(line)}" for c in cmp.gained(dim) if (line := shift_evidence(cmp, c, texts, n.flags))]
            out.append(f"- {tax[dim].name} lost: {lost}")
            out += [f"  - {_cell(line)}" for c in cmp.lost(dim) if (line := shift_evidence(cmp, c, texts, n.flags))]
            if merged := cmp.merged_only(dim):
                out.append(f"- {tax[dim].name} {MERGED_ONLY}: " + "、".join(
                    f"{c.name} {_pp(c.delta_pp)} ({c.counts(s.n_clauses, cmp.prev_n_clauses)})" for c in merged))
        out.append("")
        new = cmp.new_clauses
        by_id = {t.clause.clause_id: t for t in n.tagged}
        new_title, then, now = cmp.wording
        out += [f"## 新增内容 {new_title}: {len(new)} of {s.n_clauses} clauses without a counterpart in "
                f"{cmp.prev_label}", "",
                f"No sentence of them resembles a sentence of {cmp.baseline}: their best match (character-bigram "
                f"similarity, 0–1) is below {cmp.threshold:.2f}; {SAME_SUBJECT}; candidates to read, not a verdict (how "
                "well it works: reports/alignment.md).", ""]
        for nv in new:
            t = by_id[nv.clause_id]
            out.append(f"- `{nv.clause_id}` {_short(t.clause.text)} — {_labels(report, t)} ({best_match(nv)})")
        revised = cmp.revised_clauses
        out += ["", f"## 修改内容 Revised: {clauses(len(revised))} reworded from a counterpart in {cmp.prev_label} "
                    f"(changes: [-{then}-] {{+{now}+}}; {SENTENCE_MATCH})", ""]
        for nv in revised:
            diff = compact_diff(clause_diff(cmp.prev_texts.get(nv.nearest, ""), by_id[nv.clause_id].clause.text))
            out.append(f"- `{nv.clause_id}` ← `{nv.nearest}` ({nv.similarity:.2f}): {_cell(diff)}")
        if not revised:  # an empty section under its heading reads like a rendering fault
            out.append("- none")
        reworded, same = cmp.carried_over({cid: t.clause.text for cid, t in by_id.items()})
        if reworded or same:
            out += ["", f"## 沿用内容 Carried over: {clauses(len(reworded) + len(same))} continuing a clause of "
                        f"{cmp.prev_label}, {len(reworded)} of them with changes (a changed figure or deadline "
                        f"shows here; {SENTENCE_MATCH})", ""]
            for nv in reworded:
                diff = compact_diff(clause_diff(cmp.prev_texts.get(nv.nearest, ""), by_id[nv.clause_id].clause.text))
                out.append(f"- `{nv.clause_id}` ← `{nv.nearest}` ({nv.similarity:.2f}): {_cell(diff)}")
            if same:
                out += [""] * bool(reworded) + [f"Word for word (item number aside): "
                                                f"{', '.join(f'`{nv.clause_id}`' for nv in same)}"]
            if split := split_texts(cmp, by_id_texts(n)):
                out += ["", SPLIT_SUMMARY + ":", ""] + [f"- `{pid}` {_cell(what)}" for pid, what in split]
            if moved := move_texts(cmp, {cid: t.clause.text for cid, t in by_id.items()}):
                out += ["", moves_summary(cmp, len(moved)) + ":", ""]
                out += [f"- `{cid}` {_cell(what)}" for cid, what in moved]
        out += ["", f"## {cmp.dropped_heading(len(cmp.dropped))}", ""]
        out += [f"- `{cid}` {_short(cmp.prev_texts.get(cid, ''))}" for cid in cmp.dropped] or ["- none"]
        if cmp.merged:
            out += ["", merged_summary(cmp) + ":", ""]
            out += [f"- `{pid}` {_cell(what)}" for pid, what in merged_texts(cmp, by_id_texts(n))]
        out.append("")
    committed = [t for t in n.tagged if t.has_commitments]
    out += [f"## 时限与量化目标 Deadlines and targets: {committed_count(len(committed), len(n.tagged))}", ""]
    for t in committed:
        out.append(f"- `{t.clause.clause_id}` {_short(t.clause.text, 40)}")
        out += [f"  - 时限 deadline: {_cell(format_deadline(d))}" for d in t.deadlines]
        out += [f"  - 目标 target: {_cell(format_target(x))}" for x in t.targets]
    if not committed:
        out.append("- none")
    out += ["", "## 条款 Clauses", "",
            f"Each clause with its labels; **bold**: the words they were given for; 依据 evidence: at most three "
            f"reasons per label ({EVIDENCE_LEGEND}).", ""]
    last_path = None
    for t in n.tagged:
        c = t.clause
        if c.heading_path != last_path and (c.heading_path or last_path):
            # a clause under no heading after headed ones (an 附件 table's rows, a closing paragraph) gets a
            # heading saying so: else it reads as part of the last section shown (二、工作要求)
            out += ["", f"### {' > '.join(c.heading_path) if c.heading_path else NO_HEADING}", ""]
        last_path = c.heading_path
        flag = n.flags.get(c.clause_id)
        flags = f" **[{flag}]**" if flag else ""
        agencies = f"（{'、'.join(c.agencies)}）" if c.agencies else ""
        out.append(f"- `{c.clause_id}`{flags} {_marked(report, t)}{agencies}")
        out.append(f"  - {_labels(report, t)}")
        ev = _evidence_line(report, t)
        if ev:
            out.append(f"  - 依据 evidence: {ev}")
    out.append("")
    return out


def best_match(nv) -> str:
    """The figure beside a new clause: ``best match 0.082``, or ``no match in the baseline`` where nothing of it on the
    clause's subject shares a character pair with it (``best match 0.000`` read as a score, a near miss of the cut)."""
    return f"best match {nv.similarity:.3f}" if nv.nearest is not None else NO_MATCH


#: a new clause without any counterpart (:func:`best_match`; align.align gives it none)
NO_MATCH = "no match in the baseline"


#: what the figure in brackets beside a revised or carried-over clause is, said in its section's heading: the best
#: character-bigram similarity of one of its sentences to one of its counterpart's (align.py), so a clause whose
#: figure moved may read 1.00 (its heading sentence unchanged); unexplained, "(1.00)" beside 采石场[-5-]{+3+}处
#: read as "identical"
SENTENCE_MATCH_IS = "the best match of one of its sentences, 0–1, so 1.00 may still change a figure"
SENTENCE_MATCH = f"in brackets: {SENTENCE_MATCH_IS}"

#: what the reordered line is about, said once above it (Markdown and HTML)
MOVES_ARE = ("places counted among the clauses both notices hold, so an inserted or dropped item moves nothing; the "
             "others kept the baseline's order among themselves; an item moved up is often read as a priority raised")


def _item_head(text: str) -> str:
    """A clause named by its first sentence, its item number set aside (``加强森林防火工作``), at most 20 characters."""
    from .align import item_number

    head = text[len(item_number(text)):].split("。")[0]
    return _short(head.strip(), 20)


#: the line beside a dimension's losses naming the falls owed to merged items alone (``YearComparison.merged_only``)
MERGED_ONLY = "fewer clauses only as items were merged, not lost"


def merged_summary(cmp) -> str:
    """The line over the baseline's clauses merged into a clause that continues another (``YearComparison.merged``)."""
    return (f"Merged, not dropped: {clauses(len(cmp.merged))} of {cmp.prev_label} whose words go on inside a clause "
            "that continues another (two items made one)")


def merged_texts(cmp, texts: dict[str, str]) -> list[tuple[str, str]]:
    """Each merged baseline clause as ``(its id, what it went into)``: ``加强建筑施工安全监管 → in `2027-…-3`
    加强建筑施工和消防安全监管``."""
    return [(pid, f"{_item_head(cmp.prev_texts.get(pid, ''))} → in `{cid}` {_item_head(texts.get(cid, ''))}")
            for pid, cid in cmp.merged.items()]


#: the line over the baseline clauses that several clauses continue (``YearComparison.splits``)
SPLIT_SUMMARY = ("Split: a clause of the baseline continued by several clauses of this notice (one item made several: "
                 "what one clause's diff shows deleted, another holds)")


def split_texts(cmp, texts: dict[str, str]) -> list[tuple[str, str]]:
    """Each split baseline clause as ``(its id, what it became)``: ``做好防汛和森林防火工作 → `2027-…-4` 做好防汛工作,
    `2027-…-5` 做好森林防火工作``."""
    return [(pid, f"{_item_head(cmp.prev_texts.get(pid, ''))} → "
                  + ", ".join(f"`{cid}` {_item_head(texts.get(cid, ''))}" for cid in ids))
            for pid, ids in cmp.splits.items()]


def by_id_texts(n: NoticeReport) -> dict[str, str]:
    return {t.clause.clause_id: t.clause.text for t in n.tagged}


def moves_summary(cmp, n: int) -> str:
    """The line over the moved clauses: ``Reordered: 3 of the 6 clauses both notices hold stand elsewhere in 2027's
    order (…)``, ``n`` how many moved."""
    of = cmp.moves[0].of if cmp.moves else 0
    return (f"Reordered: {n} of the {of} clauses carried over stand elsewhere in this notice than in the order of "
            f"{cmp.prev_label} ({MOVES_ARE})")


def move_texts(cmp, texts: dict[str, str]) -> list[tuple[str, str]]:
    """Each moved clause as ``(clause id, what moved)``: ``加强森林防火工作: up, 5th -> 2nd (五、 -> 二、)``, the item
    numbers as the two notices print them (none when a clause has none)."""
    from .align import item_number

    out = []
    for m in cmp.moves:
        text, prev = texts.get(m.clause_id, ""), cmp.prev_texts.get(m.prev_id, "")
        # an item of last year's supplement (补充通知) numbers itself apart: "一 → 四" read as the notice's own 一
        of_supplement = "补充通知 " if m.prev_id in cmp.prev_supplement_clauses else ""
        numbers = (f" ({of_supplement}{_number(prev) or '—'} → {_number(text) or '—'})"
                   if item_number(prev) or item_number(text) else "")
        out.append((m.clause_id, f"{_item_head(text)}: {'up' if m.up else 'down'}, {_ordinal(m.prev_place)} → "
                                 f"{_ordinal(m.place)}{numbers}"))
    return out


#: at most this many clauses are named as the evidence of one label's shift (then "and N more")
SHIFT_EVIDENCE = 3


def shift_evidence(cmp, change, texts: dict[str, str], flags: dict[str, str]) -> str | None:
    """The clauses behind a gain or a loss of emphasis, for a reader who asks "which items?": a gain's clauses that
    carry the label where their counterpart did not (``from `2027-…-2` 加强电动自行车安全管理 (new)``), a loss's clauses
    of the baseline carrying it that no clause carrying it continues (``was in `2026-…-5` 加强森林防火工作 (dropped)``).
    None when the shift has none (a share moved only by the notice's length). ``flags``: the notice's
    (``NoticeReport.flags``, read once)."""
    if change.delta_pp > 0:
        ids = change.gained_by
        named = [f"`{cid}` {_item_head(texts.get(cid, ''))}"
                 + {"new": " (new)", "changed": " (changed)"}.get(flags.get(cid, ""), " (carried over, tagged so now)")
                 for cid in ids[:SHIFT_EVIDENCE]]
        how = "from"
    else:
        ids, gone = change.lost_from, set(cmp.dropped)
        named = [f"`{cid}` {_item_head(cmp.prev_texts.get(cid, ''))}"
                 + (" (dropped)" if cid in gone else " (continued without it)") for cid in ids[:SHIFT_EVIDENCE]]
        how = "was in"
    if not named:
        return None
    more = f" and {len(ids) - SHIFT_EVIDENCE} more" if len(ids) > SHIFT_EVIDENCE else ""
    return f"{change.name}: {how} " + "; ".join(named) + more


def _number(text: str) -> str:
    """A clause's item number as a reader names it: ``五`` of ``五、``, ``（二）``, ``3.1``."""
    from .align import item_number

    return item_number(text).strip().rstrip("、.．,，")


def _ordinal(k: int) -> str:
    return f"{k}{'th' if 10 <= k % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(k % 10, 'th')}"

#: the Markdown clause list's heading over clauses that follow headed ones but are under no heading
NO_HEADING = "(under no heading of the notice)"

#: said above the index when the notices follow the across table's order rather than the input's
NOTICE_ORDER = ("Order: as the rows of Across governments (by administrative level from the centre down, then by "
                "name, each government's documents together, years ascending), whatever the order of the input files")


def reading_order(report: Report) -> tuple[NoticeReport, ...]:
    """The notices as the Markdown index and sections list them: in the across table's order when the report has
    that table (``Report.by_government``), else in input order."""
    return report.by_government or report.notices


def _index(report: Report) -> list[str]:
    """One line per reported notice, before everything else: who issued it, what kind, its year and
    size, and what it is compared with (or why nothing), so a reader of a folder's report sees each
    notice's baseline without scrolling through every section."""
    out = ["## 文件 Notices in this report", ""]
    if report.by_government:
        out += [NOTICE_ORDER, ""]
    out += ["| notice | issuer | level | genre | year | clauses | compared with | signed |", "|---|---|---|---|--:|--:|---|---|"]
    for n in reading_order(report):
        d = n.document
        # the signing date: a year's documents are read in the order they were signed
        out.append(f"| {_cell(_short(d.title or d.doc_id, 40))} | {_cell(d.issuer or '—')} | "
                   f"{level_name(d.level) or '—'} | {genre_name(d.genre) or '—'} | {year_label(d.year)} | "
                   f"{n.summary.n_clauses} | {_cell(compared_with(n))} | {d.date or '—'} |")
    return out + [""]


def nearest_misses_text(a) -> str:
    """The differences that came nearest to passing when none did, for both reports: ``西渚省人民政府办公厅 2026
    年度安全生产工作通知 煤矿 +35.0 pp (4 of 9 clauses, mean 9%, q=0.065); … — not beyond chance at q < 0.05``."""
    cells = "; ".join(f"{group_label(g)} {c.name} {_pp(c.diff_pp)} ({c.count} of {c.n} clauses, mean "
                      f"{c.mean_share * 100:.0f}%, {q_text(c.q_value)})" for g, c in a.nearest_misses())
    return f"{cells} — not beyond chance at q < {a.alpha:.2f}"


def no_difference_text(a) -> str:
    """The line when no difference passes: the nearest ones (``nearest_misses_text``), else the smallest
    p-value with the number of tests it was corrected for (the cities' 非煤矿山, 3 of 8 clauses against
    none elsewhere, p=0.028: one of 90 tests, q=1.000), so "no difference" says what it is out of."""
    said = "no issuer differs from the others by more than chance gives at these clause counts"
    if a.nearest_misses():
        return f"{said}; nearest: {nearest_misses_text(a)}"
    smallest = a.smallest_p()
    if smallest is None:
        return said
    g, c = smallest
    n = len(a.tested_cells())
    return (f"{said}; the smallest p-value of the {n} tests (each tested row × label): {group_label(g)} {c.name} "
            f"{_pp(c.diff_pp)} ({c.count} of {c.n} clauses, mean {c.mean_share * 100:.0f}%, p={c.p_value:.3f}, "
            f"{q_text(c.q_value)} corrected for the {n} tests)")


def committed_count(n: int, total: int) -> str:
    """``10 of 15 clauses`` carry a deadline or target: out of the notice's clauses, as every other count
    of a notice section (it read ``10 clause(s)``)."""
    return f"{n} of {clauses(total)}"


def q_text(q: float) -> str:
    """``q=0.046``, or ``q<0.001`` for a q-value too small for three decimals (``q=0.000`` read as a
    certainty no test gives)."""
    return "q<0.001" if q < 0.0005 else f"q={q:.3f}"


def compared_with(n) -> str:
    """A notice's baseline in a few words for the index of the Markdown and HTML reports: what it is
    compared with, or why nothing (its own section says more)."""
    cmp, note = n.comparison, n.comparison_note or ""
    if cmp:
        # a bare clause file's two documents: "the 2026 notice" alone read as this issuer's own
        return cmp.baseline + (" (--compare-with)" if cmp.explicit else " (by year alone: no issuer named)"
                               if cmp.by_year_alone else "")
    if not n.tagged:
        return "— no clauses found"
    if n.document.year is None:
        return "— its year is unknown"
    if note.startswith(COVERING_ONLY):  # a 转发/印发 letter sets out no work to compare
        return "— none: a covering letter only"
    if note.startswith(SUPPLEMENT_OF):  # read with its main notice (report.supplement_note), not "none in the input"
        return "— none: " + note.partition(": read with it")[0]
    if UNKNOWN_PREDECESSOR in note:  # "none in the input" where the input held several candidates
        return "— unknown: several earlier documents name no issuer"
    return "— none in the input" + (" (see the notice: the input holds a candidate)" if "; the input holds" in note else "")


def render_md(report: Report) -> str:
    return "".join(iter_md(report))


def iter_md(report: Report) -> Iterator[str]:
    """The Markdown report in pieces, a section or a notice each (``render_md`` joins them): ``-o`` writes
    each as it is made, so the whole text (98 MB for 10,000 clauses) is never held beside the report."""
    yield from strip_pieces("\n".join(lines) if i == 0 else "\n" + "\n".join(lines)
                            for i, lines in enumerate(s for s in _sections(report) if s))
    yield "\n"


def _sections(report: Report) -> Iterator[list[str]]:
    """The report's lines, a section (or a notice) at a time, in print order."""
    if len(report.notices) > 1:
        yield _index(report)
    if report.trend and len(report.notices) > 1:
        yield _trend(report, report.trend)
    elif report.trend_note:
        yield ["## 年度趋势 Trend", "", f"*{report.trend_note}.*", ""]
    if report.across:
        yield _across(report)
    for notice in reading_order(report):
        yield _notice(report, notice)
    threshold = f"threshold {report.threshold}" if report.threshold is not None else "tuned thresholds"
    yield ["---", f"*policytag tag · model {report.model_version} · {threshold} · taxonomy "
                  f"{report.taxonomy.version} · generated {report.generated}*"]


def strip_pieces(pieces: Iterable[str]) -> Iterator[str]:
    """``pieces`` as their concatenation ``.strip()``-ped would read, piece by piece: white space before
    the first other character and after the last is dropped, even where it spans pieces (the text whole
    was ``"\\n".join(lines).strip()``; no piece is held longer than until the next non-blank one)."""
    started, pending = False, ""
    for piece in pieces:
        if not started:
            piece = piece.lstrip()
            if not piece:
                continue
            started = True
        body = piece.rstrip()
        if body:
            yield pending + body
            pending = piece[len(body):]
        else:
            pending += piece
