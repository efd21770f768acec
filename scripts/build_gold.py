"""Assemble the gold dataset from the annotation passes and compute second-pass agreement.

Inputs (data/annotations/work/):
  clauses/YEAR.jsonl      the clauses handed to annotators (segmenter output)
  pass1/YEAR.jsonl        first-pass labels, every clause (annotator-1)
  pass2/sample.jsonl      the 15% second-pass sample (seed 20260129, per year)
  pass2/annotator-2.jsonl blind second-pass labels of that sample
  adjudication.jsonl      final decisions on the sample's disagreements (optional)
And data/annotations/relabels.jsonl: labels changed later by a codebook revision (``before`` must
match the assembled label, ``after`` replaces it; agreement is measured on the passes, before it).
Outputs: data/annotations/gold-v1.jsonl and data/annotations/agreement.json.

Usage: python scripts/build_gold.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np

from policytag import PROJECT_ROOT
from policytag.corpus.segment import segment_paths
from policytag.io import read_jsonl, write_jsonl
from policytag.metrics import cohen_kappa
from policytag.taxonomy import DIMENSIONS, load_taxonomy
from policytag.training.data import text_sha1

WORK = PROJECT_ROOT / "data" / "annotations" / "work"
OUT = PROJECT_ROOT / "data" / "annotations"


def by_id(rows):
    return {r["clause_id"]: r for r in rows}


def agreement(first: dict, second: dict, taxonomy) -> dict:
    ids = sorted(second)
    out = {"n": len(ids)}
    for dim in DIMENSIONS:
        a = [set(first[i][dim]) for i in ids]
        b = [set(second[i][dim]) for i in ids]
        per_label = {}
        for label in taxonomy[dim].ids:
            x = np.array([label in s for s in a], dtype=int)
            y = np.array([label in s for s in b], dtype=int)
            if x.sum() == 0 and y.sum() == 0:
                per_label[label] = {"kappa": None, "n_first": 0, "n_second": 0, "agree": len(ids)}
                continue
            kappa = cohen_kappa(x, y)  # None when both readers chose the label for every clause
            per_label[label] = {"kappa": None if kappa is None else round(kappa, 3),
                                "n_first": int(x.sum()), "n_second": int(y.sum()), "agree": int((x == y).sum())}
        jacc = [len(s & t) / len(s | t) if s | t else 1.0 for s, t in zip(a, b)]
        kappas = [v["kappa"] for v in per_label.values() if v["kappa"] is not None]
        out[dim] = {"exact_set_match": round(float(np.mean([s == t for s, t in zip(a, b)])), 3),
                    "mean_jaccard": round(float(np.mean(jacc)), 3),
                    "mean_kappa": round(float(np.mean(kappas)), 3),
                    "dominant_first_match": round(float(np.mean([first[i][dim][0] == second[i][dim][0] for i in ids])), 3),
                    "per_label": per_label}
    out["both_exact"] = round(float(np.mean([set(first[i][d]) == set(second[i][d]) for i in ids for d in DIMENSIONS])), 3)
    return out


def main() -> None:
    taxonomy = load_taxonomy()
    seg = segment_paths([PROJECT_ROOT / "data" / "corpus"])
    clauses = {c.clause_id: c for c in seg.clauses}
    first = {}
    for path in sorted((WORK / "pass1").glob("*.jsonl")):
        first.update(by_id(read_jsonl(path)))
    missing = [cid for cid in clauses if cid not in first]
    if missing:
        raise SystemExit(f"{len(missing)} clauses have no first-pass label, e.g. {missing[:5]}")
    second = by_id(read_jsonl(WORK / "pass2" / "annotator-2.jsonl"))
    sample = [r["clause_id"] for r in read_jsonl(WORK / "pass2" / "sample.jsonl")]
    assert set(second) == set(sample), "second pass must cover exactly the sample"
    adjudicated = by_id(read_jsonl(WORK / "adjudication.jsonl")) if (WORK / "adjudication.jsonl").exists() else {}

    report = agreement(first, second, taxonomy)
    disagreements = [cid for cid in sample
                     if any(set(first[cid][d]) != set(second[cid][d]) for d in DIMENSIONS)]
    unresolved = [cid for cid in disagreements if cid not in adjudicated]
    report["disagreements"] = len(disagreements)
    report["adjudicated"] = len([c for c in disagreements if c in adjudicated])
    report["adjudication_outcome"] = Counter(adjudicated[c].get("decision", "other") for c in disagreements if c in adjudicated)
    if unresolved:
        print(f"warning: {len(unresolved)} disagreements not adjudicated yet: {unresolved[:8]}")

    rows = []
    for c in seg.clauses:
        src = adjudicated.get(c.clause_id) or first[c.clause_id]
        annotator = "adjudicated" if c.clause_id in adjudicated else "annotator-1"
        problems = taxonomy.problems(src["sector"], src["measure_type"])
        if problems:
            raise SystemExit(f"{c.clause_id}: {problems}")
        note = src.get("note", "") or ""
        if c.clause_id in adjudicated and first[c.clause_id].get("note"):
            note = (note + " | first pass: " + first[c.clause_id]["note"]).strip(" |")
        rows.append({"clause_id": c.clause_id, "doc_id": c.doc_id, "year": c.year, "text_sha1": text_sha1(c.text),
                     "sector": list(src["sector"]), "measure_type": list(src["measure_type"]),
                     "annotator": annotator, "note": note})
    apply_relabels(rows, taxonomy)
    # gold-v1.jsonl is a link into the package data: write the file it points to, keep the link
    write_jsonl((OUT / "gold-v1.jsonl").resolve(), rows)
    (OUT / "agreement.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (OUT / "stats.md").write_text(stats_markdown(rows, report, taxonomy), encoding="utf-8")
    print(f"gold: {len(rows)} clauses; sample {len(sample)}; disagreements {len(disagreements)}; "
          f"sector exact {report['sector']['exact_set_match']}, measure exact {report['measure_type']['exact_set_match']}")


def apply_relabels(rows: list[dict], taxonomy) -> None:
    """Labels changed by a later codebook revision (``relabels.jsonl``, listed in the data card):
    each entry's ``before`` must be the label the passes gave, so a relabel cannot silently
    overwrite a label it was not made against."""
    path = OUT / "relabels.jsonl"
    if not path.exists():
        return
    index = {r["clause_id"]: r for r in rows}
    for rl in read_jsonl(path):
        row = index.get(rl["clause_id"])
        if row is None:
            raise SystemExit(f"relabels.jsonl: {rl['clause_id']}: no such gold clause")
        if row[rl["dimension"]] != rl["before"]:
            raise SystemExit(f"relabels.jsonl: {rl['clause_id']}: {rl['dimension']} is {row[rl['dimension']]}, "
                             f"not the 'before' {rl['before']}")
        row[rl["dimension"]] = list(rl["after"])
        problems = taxonomy.problems(row["sector"], row["measure_type"])
        if problems:
            raise SystemExit(f"relabels.jsonl: {rl['clause_id']}: {problems}")
        note = f"codebook v2 relabel (rule {rl['codebook_rule']}): {rl['dimension']} was {'+'.join(rl['before'])}"
        row["note"] = (row["note"] + " | " + note).strip(" |")


def stats_markdown(rows, agreement_report, taxonomy) -> str:
    """Label counts per label and per year, and the agreement tables, for the data card."""
    years = sorted({r["year"] for r in rows})
    lines = [f"Taxonomy version: {taxonomy.version}", "",
             f"{len(rows)} clauses in {len(years)} notices ({years[0]}–{years[-1]}).", ""]
    for dim in DIMENSIONS:
        d = taxonomy[dim]
        counts = Counter(x for r in rows for x in r[dim])
        dominant = Counter(r[dim][0] for r in rows) if dim == "measure_type" else None
        lines += [f"### {d.name} ({dim}) — clauses per label", "",
                  "| id | 名称 | clauses | share |" + (" dominant |" if dominant else ""),
                  "|---|---|---:|---:|" + ("---:|" if dominant else "")]
        for label in d.labels:
            row = f"| `{label.id}` | {label.name} | {counts[label.id]} | {counts[label.id] / len(rows):.1%} |"
            lines.append(row + (f" {dominant[label.id]} |" if dominant else ""))
        unused = [label.id for label in d.labels if not counts[label.id]]
        lines += ["", f"Never used: {', '.join(unused) if unused else 'none (every label occurs)'}.", ""]
    lines += ["### Clauses and labels per year", "", "| year | clauses | mean sectors | mean measure types | cross_sector share |",
              "|---|---:|---:|---:|---:|"]
    for y in years:
        ry = [r for r in rows if r["year"] == y]
        lines.append(f"| {y} | {len(ry)} | {np.mean([len(r['sector']) for r in ry]):.2f} | "
                     f"{np.mean([len(r['measure_type']) for r in ry]):.2f} | "
                     f"{np.mean(['cross_sector' in r['sector'] for r in ry]):.0%} |")
    a = agreement_report
    lines += ["", f"### Second-pass agreement ({a['n']} clauses, before adjudication)", "",
              "| dimension | exact-set match | mean Jaccard | mean per-label κ | same dominant label |", "|---|---:|---:|---:|---:|"]
    for dim in DIMENSIONS:
        m = a[dim]
        lines.append(f"| {dim} | {m['exact_set_match']:.2f} | {m['mean_jaccard']:.2f} | {m['mean_kappa']:.2f} | "
                     f"{m['dominant_first_match']:.2f} |")
    for dim in DIMENSIONS:
        lines += ["", f"Per-label Cohen's κ, {dim} (first / second annotator positives; κ undefined when neither used the label):", "",
                  "| id | κ | first | second |", "|---|---:|---:|---:|"]
        for label, v in a[dim]["per_label"].items():
            k = "—" if v["kappa"] is None else f"{v['kappa']:.2f}"
            lines.append(f"| `{label}` | {k} | {v['n_first']} | {v['n_second']} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
