"""One row per tagged clause: JSON lines or CSV (same content; nested fields as compact JSON in CSV)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterator

from policytag.records import agency_roles_cell
from policytag.taxonomy import DIMENSIONS

from .align import clause_diff, compact_diff
from .report import NoticeReport, Report, genre_name, level_name
from .yoy import Novelty


def _change(notice: NoticeReport, nv: Novelty | None, text: str) -> dict[str, Any]:
    """What the Markdown and HTML flag beside a clause, for the rows: ``changed`` (the same flag:
    true for a revised clause or one carried over with other words, 劝导站50个 -> 60个; null without a
    baseline), ``previous_text`` (the baseline clause it continues; null when new) and ``diff`` (the
    Markdown's ``…[-50-]{+60+}…`` of a changed clause, else null)."""
    cmp = notice.comparison
    if cmp is None or nv is None:
        return {"changed": None, "previous_text": None, "diff": None}
    previous = cmp.previous_text(nv)
    changed = notice.flags.get(nv.clause_id) == "changed"
    return {"changed": changed, "previous_text": previous,
            "diff": compact_diff(clause_diff(previous or "", text)) if changed else None}


def _moved(notice: NoticeReport) -> dict[str, dict[str, Any]]:
    """The Markdown's and HTML's ``Reordered: 1 of the 4 clauses carried over …`` for the rows, by clause id: each
    carried-over clause that stands elsewhere in this notice's order than its counterpart in the baseline's
    (``YearComparison.moves``) as ``{"up", "place", "prev_place", "of", "previous", "summary"}``, places 1-based among
    the ``of`` clauses both notices hold, ``summary`` the reports' line (``加强城镇燃气安全管理: up, 3rd → 2nd (四 →
    二)``). A script reading the CSV or JSON missed the reordering the reports list (analyst18's leftover)."""
    from .render_md import move_texts

    cmp = notice.comparison
    if cmp is None or not cmp.moves:
        return {}
    said = dict(move_texts(cmp, {t.clause.clause_id: t.clause.text for t in notice.tagged}))
    return {m.clause_id: {"up": m.up, "place": m.place, "prev_place": m.prev_place, "of": m.of, "previous": m.prev_id,
                          "summary": said.get(m.clause_id, "")} for m in cmp.moves}


def _regrouped(notice: NoticeReport) -> dict[str, dict[str, Any]]:
    """The Markdown's and HTML's ``Merged, not dropped`` and ``Split`` lists for the rows, by clause id (the CSV and JSON
    said nothing of two items made one or one made two): a clause that baseline clauses no other clause continues
    went on inside (``YearComparison.merged``) has ``{"merged": {"previous": [its counterpart, the merged ones],
    "summary"}}``; each clause of a split (``YearComparison.splits``) ``{"split": {"previous": the baseline clause,
    "into": the clauses it became, in notice order, "summary"}}``; both keys for a clause that is both; ``summary`` the
    reports' line (``加强建筑施工安全监管 → in `…-3` 加强建筑施工和消防安全监管``)."""
    from .render_md import by_id_texts, merged_texts, split_texts

    cmp = notice.comparison
    if cmp is None or not (cmp.merged or cmp.splits):
        return {}
    texts = by_id_texts(notice)
    out: dict[str, dict[str, Any]] = {}
    said = dict(merged_texts(cmp, texts))
    nearest = {nv.clause_id: nv.nearest for nv in cmp.novelty}
    for pid, cid in cmp.merged.items():
        entry = out.setdefault(cid, {}).setdefault("merged", {"previous": [nearest.get(cid)] if nearest.get(cid) else [],
                                                              "summary": []})
        entry["previous"].append(pid)
        entry["summary"].append(said.get(pid, ""))
    for entry in out.values():
        entry["merged"]["summary"] = "; ".join(entry["merged"]["summary"])
    said = dict(split_texts(cmp, texts))
    for pid, ids in cmp.splits.items():
        for cid in ids:
            out.setdefault(cid, {})["split"] = {"previous": pid, "into": list(ids), "summary": said.get(pid, "")}
    return out


def rows(report: Report) -> Iterator[dict[str, Any]]:
    """The JSONL shape: TaggedClause.to_dict() plus ``novelty`` (``{"is_new", "similarity",
    "nearest", "status"}`` against the previous year's notice, or null when there is none; ``nearest`` null for a
    clause nothing of the baseline matches), the change the reports flag (``changed``, ``previous_text``, ``diff``:
    :func:`_change`), ``moved`` (a carried-over clause that changed its place, :func:`_moved`; else null),
    ``regrouped`` (a clause two baseline items were merged into, or one of a split item's clauses: :func:`_regrouped`;
    else null),
    ``model_version`` and ``taxonomy_version``."""
    for notice in report.notices:
        novelty = {n.clause_id: n for n in notice.comparison.novelty} if notice.comparison else {}
        moved = _moved(notice)
        regrouped = _regrouped(notice)
        for t in notice.tagged:
            # the notice's signing date: an analyst sorts a year's documents by when they were signed
            row = t.to_dict(notice.document.date)
            n = novelty.get(t.clause.clause_id)
            row["novelty"] = n.to_dict() if n else None
            row.update(_change(notice, n, t.clause.text))
            row["moved"] = moved.get(t.clause.clause_id)
            row["regrouped"] = regrouped.get(t.clause.clause_id)
            row["model_version"] = report.model_version
            # the label ids and names are of this taxonomy version (configs/taxonomy.yaml)
            row["taxonomy_version"] = report.taxonomy.version
            yield row


def render_jsonl(report: Report) -> str:
    return "".join(iter_jsonl(report))


def iter_jsonl(report: Report) -> Iterator[str]:
    """The JSONL rows one line at a time (``render_jsonl`` joins them): ``-o`` writes each as it is made, so
    the whole text (36 MB for 10,000 clauses, held twice while joined) is never held beside the report."""
    for row in rows(report):
        yield json.dumps(row, ensure_ascii=False) + "\n"


def render_json(report: Report) -> str:
    """The JSONL rows as one JSON array (``-o out.json``): a ``.json`` file is read whole by
    ``json.load``, pandas and jq, which stop at the second line of JSON Lines."""
    return "".join(iter_json(report))


def iter_json(report: Report) -> Iterator[str]:
    """``render_json`` a row at a time: ``[``, the rows set apart by ``,`` and a line break, ``]``."""
    it = rows(report)
    first = next(it, None)
    if first is None:
        yield "[]\n"
        return
    yield "[\n" + json.dumps(first, ensure_ascii=False)
    for row in it:
        yield ",\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"


#: how much CSV text ``iter_csv`` gathers before handing it on (a row is ~4,000 characters; a StringIO holds
#: 4 bytes a character while it grows)
CSV_PIECE_CHARS = 1 << 16


def render_csv(report: Report) -> str:
    """Flat columns: labels joined by ``;`` (ids, and their Chinese names in ``sector_names`` /
    ``measure_type_names``), one ``score:<dim>:<label_id>`` column per label (taxonomy order),
    deadlines/targets/novelty/evidence as compact JSON; a text a spreadsheet would run as a formula
    (``=…``, ``+…``, ``-…``, ``@…``) starts with ``'`` (:func:`spreadsheet_text`)."""
    return "".join(iter_csv(report))


def iter_csv(report: Report) -> Iterator[str]:
    """``render_csv`` in pieces of about ``CSV_PIECE_CHARS`` (whole rows; the header first)."""
    taxonomy = report.taxonomy
    score_cols = [f"score:{dim}:{lid}" for dim in DIMENSIONS for lid in taxonomy[dim].ids]
    fields = ["doc_id", "clause_id", "year", "date", "title", "issuer", "region", "level", "genre", "level_name", "genre_name",
              "heading_path", "text", "sector", "measure_type",
              "sector_names", "measure_type_names", "agencies", "agency_roles",
              "deadlines", "targets", "novelty", "changed", "previous_text", "diff", "evidence", "model_version", "taxonomy_version",
              # added after the columns a script may read by position (never before them): a reordered clause
              "moved", "regrouped", *score_cols]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows(report):
        writer.writerow(_safe_row(flat_row(row, taxonomy)))
        if buf.tell() >= CSV_PIECE_CHARS:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


#: what a spreadsheet (Excel, WPS, LibreOffice) takes a cell starting with for a formula: ``=HYPERLINK(…)`` in a
#: clause read from a web page became a live link, ``+2个百分点…`` and ``-对烟花爆竹…`` (a dash list item) #NAME? errors
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as the text it is: a string starting with a formula character gets a
    leading ``'`` (OWASP's advice against CSV injection; Excel and WPS show the rest as text); numbers and
    other strings as they are. The JSONL and JSON rows keep the text untouched."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: spreadsheet_text(v) for k, v in row.items()}


def flat_row(row: dict[str, Any], taxonomy) -> dict[str, Any]:
    """One JSONL row as the CSV's flat columns."""
    compact = dict(ensure_ascii=False, separators=(",", ":"))
    flat = {
        "doc_id": row["doc_id"], "clause_id": row["clause_id"], "year": row["year"], "date": row["date"] or "",
        **{k: row.get(k) for k in ("title", "issuer", "region", "level", "genre")},
        # as the reports name them (市级, 工作要点): a spreadsheet filter reads Chinese, not ids
        "level_name": level_name(row.get("level")), "genre_name": genre_name(row.get("genre")),
        "heading_path": " > ".join(row["heading_path"]), "text": row["text"],
        "sector": ";".join(row["sector"]), "measure_type": ";".join(row["measure_type"]),
        # the taxonomy's Chinese names beside the ids: a spreadsheet reader sees what the reports say
        **{f"{dim}_names": ";".join(taxonomy[dim].name_of(lid) for lid in row[dim]) for dim in DIMENSIONS},
        "agencies": "、".join(row["agencies"]),
        "agency_roles": agency_roles_cell(row.get("agency_roles") or []),
        "deadlines": json.dumps(row["deadlines"], **compact), "targets": json.dumps(row["targets"], **compact),
        "novelty": json.dumps(row["novelty"], **compact) if row["novelty"] else "",
        # 1/0 (empty without a baseline), so a spreadsheet filter picks the changed clauses
        "changed": "" if row["changed"] is None else int(row["changed"]),
        "previous_text": row["previous_text"] or "", "diff": row["diff"] or "",
        # why each label was given, as in the JSONL rows (the docs promise the same content)
        "evidence": json.dumps(row["evidence"], **compact),
        "model_version": row["model_version"], "taxonomy_version": row["taxonomy_version"],
        # compact JSON as ``novelty`` (empty when the clause kept its place or there is no baseline)
        "moved": json.dumps(row["moved"], **compact) if row.get("moved") else "",
        # a merge or a split (:func:`_regrouped`), compact JSON as ``moved``; empty for a clause of neither
        "regrouped": json.dumps(row["regrouped"], **compact) if row.get("regrouped") else "",
    }
    for dim in DIMENSIONS:
        for lid, p in row["scores"][dim].items():
            flat[f"score:{dim}:{lid}"] = p
    return flat


def across_peers(report: Report, g) -> str:
    """What an across row is tested against, for the CSV: ``annual notices and 工作要点 of other governments`` (``… of
    2026`` when the rows span several years),
    or empty when no other government has a document of its kind."""
    return report.across.peers_label(g) if g.tested else ""


def render_across_csv(report: Report) -> str | None:
    """The comparison across issuers in long form, one row per issuer group × label (``policytag tag
    --format csv -o out.csv`` writes it beside as ``out.across.csv``); None with fewer than two issuers.
    ``clause_ids`` links every cell to the clauses behind its count (``;``-joined); ``name`` is the row's
    name in the reports (the issuer, with its region where two issuers share a name, or
    ``发文机关不详 unknown issuer: <title>`` where ``issuer`` is empty)."""
    a = report.across
    if a is None:
        return None
    fields = ["group", "name", "issuer", "region", "level", "level_name", "year", "genre", "genre_name", "doc_ids", "n_clauses", "dimension", "label_id",
              "label", "count", "share", "mean_share", "diff_pp", "p_value", "q_value", "significant", "compared_with", "clause_ids",
              "model_version", "taxonomy_version"]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for g in a.groups:
        for dim in DIMENSIONS:
            for c in a.cells[g.key][dim]:
                writer.writerow(_safe_row({
                    "group": g.key, "name": g.name, "issuer": g.issuer, "region": g.region, "level": g.level,
                    "level_name": level_name(g.level), "year": g.year, "genre": g.genre, "genre_name": genre_name(g.genre), "doc_ids": ";".join(g.doc_ids), "n_clauses": g.n_clauses, "dimension": dim,
                    "label_id": c.label_id, "label": c.name, "count": c.count, "share": round(c.share, 4),
                    # an untested row's difference is empty, as its p-value: 0.0 from a mean it alone makes read "as
                    # the others" in a sorted sheet, where the Markdown and HTML show it "(not tested)"
                    "mean_share": round(c.mean_share, 4), "diff_pp": c.diff_pp if g.tested else "",
                    # an untested row (no other government's document of its kind) or label (no one carries it) has no p-value, not p = 1
                    "p_value": f"{c.p_value:.4g}" if g.tested and c.tested else "",
                    "q_value": f"{c.q_value:.4g}" if g.tested and c.tested else "",
                    "significant": int(c.significant), "compared_with": across_peers(report, g), "clause_ids": ";".join(c.clause_ids),
                    "model_version": report.model_version, "taxonomy_version": report.taxonomy.version}))
    return buf.getvalue()
