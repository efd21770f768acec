"""Recompute the counts of the train-v2 training clauses and check the minimums the set must meet.

Usage (from the repository root)::

    python data/train-v2/stats.py              # tables + checks; exit 1 when a row is invalid or a minimum is missed
    python data/train-v2/stats.py --markdown   # only the Markdown tables used in the data card
    python data/train-v2/stats.py --partial    # while the set is being written: validate rows, report minimums, exit 0 unless a row is invalid
    python data/train-v2/stats.py --blind-sample 0.2 --seed 17 > blind.jsonl   # rows for a blind second reader (no labels, no notes)
    .venv/bin/python data/train-v2/stats.py --agreement second.jsonl   # per-label agreement of a second reading (Markdown; kappa from policytag.metrics)

Checks (issue 17, item 4):
- every line is a JSON object with the fields of the set; labels exist in ``configs/taxonomy.yaml`` and obey its
  rules (``cross_sector`` alone, one to three measure types, no duplicates); ids and texts are unique;
  ``level`` and ``genre`` take the agreed values;
- at least 800 clauses, 60 issuers, every genre and every administrative level present;
- every sector label at least 20 times, every measure type at least 40 times and at least 10 times dominant (first);
- no near-duplicate pair inside the set (character 4-gram Jaccard >= 0.5);
- no clause is a near-duplicate (same 4-gram Jaccard, exact copies included) of a clause of the challenge set,
  the augmentation set or the gold annotations, so the set stays apart from what is evaluated.
Label order comes from the taxonomy only; nothing here lists label ids.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DATA = HERE / "train-v2.jsonl"
TAXONOMY = ROOT / "configs" / "taxonomy.yaml"
KEPT_APART = [ROOT / "data" / "challenge", ROOT / "data" / "augment", ROOT / "data" / "annotations"]
DIMS = ("sector", "measure_type")
LEVELS = ("central", "province", "city", "county", "department")
GENRES = ("annual_notice", "work_points", "special_plan", "emergency_plan", "regulation", "other")
FIELDS = ("clause_id", "doc_id", "source", "year", "heading_path", "text", "kind", "agencies", "annotator",
          "note", "issuer", "level", "genre", "title") + DIMS
MINIMUM = {"clauses": 800, "issuers": 60, "sector": 20, "measure_type": 40, "dominant": 10}
NEAR_DUP = 0.5


def read_rows(path: Path) -> tuple[list[dict], list[str]]:
    rows, problems = [], []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"line {n}: not JSON ({exc})")
                continue
            if not isinstance(row, dict):
                problems.append(f"line {n}: not a JSON object")
                continue
            rows.append(row)
    return rows, problems


def label_order(taxonomy: dict) -> dict[str, list[tuple[str, str]]]:
    return {d: [(lab["id"], lab["name"]) for lab in taxonomy["dimensions"][d]["labels"]] for d in DIMS}


def row_problems(row: dict, taxonomy: dict) -> list[str]:
    cid = row.get("clause_id", "?")
    out = [f"{cid}: missing {k!r}" for k in FIELDS if k not in row]
    if out:
        return out
    for d in DIMS:
        spec = taxonomy["dimensions"][d]
        ids = {lab["id"] for lab in spec["labels"]}
        labels = row[d]
        if not isinstance(labels, list) or not labels:
            out.append(f"{cid}: {d} must be a non-empty list")
            continue
        out += [f"{cid}: unknown {d} label {x!r}" for x in labels if x not in ids]
        if len(set(labels)) != len(labels):
            out.append(f"{cid}: duplicate {d} labels")
        if len(labels) < spec.get("min_labels", 1):
            out.append(f"{cid}: too few {d} labels")
        if spec.get("max_labels") is not None and len(labels) > spec["max_labels"]:
            out.append(f"{cid}: more than {spec['max_labels']} {d} labels")
        for ex in spec.get("exclusive") or []:
            if ex in labels and len(labels) > 1:
                out.append(f"{cid}: {ex} never co-occurs with another {d} label")
    if row["level"] not in LEVELS:
        out.append(f"{cid}: level {row['level']!r} not one of {LEVELS}")
    if row["genre"] not in GENRES:
        out.append(f"{cid}: genre {row['genre']!r} not one of {GENRES}")
    if row["kind"] not in ("clause", "preamble"):
        out.append(f"{cid}: kind {row['kind']!r}")
    if not isinstance(row["heading_path"], list):
        out.append(f"{cid}: heading_path must be a list")
    if not str(row["text"]).strip():
        out.append(f"{cid}: empty text")
    return out


def squash(text: str) -> str:
    return re.sub(r"\W", "", unicodedata.normalize("NFKC", text))


def shingles(text: str, n: int = 4) -> set[str]:
    t = squash(text)
    return {t[i:i + n] for i in range(max(1, len(t) - n + 1))}


def near_duplicates(rows: list[dict]) -> list[tuple[str, str, float]]:
    sh = [shingles(r["text"]) for r in rows]
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sh):
        for g in s:
            index[g].append(i)
    found = []
    for i, s in enumerate(sh):
        common = Counter(j for g in s for j in index[g] if j > i)
        for j, c in common.items():
            jac = c / len(s | sh[j])
            if jac >= NEAR_DUP:
                found.append((rows[i]["clause_id"], rows[j]["clause_id"], round(jac, 2)))
    return found


def kept_apart(rows: list[dict]) -> tuple[list[tuple[str, str, float]], float]:
    """Pairs (train-v2 id, other id, Jaccard) of near-duplicates between the set and the challenge,
    augmentation and gold files (character 4-gram Jaccard >= NEAR_DUP, exact copies included), and the
    highest similarity seen, so "kept apart" is a number."""
    others = []
    for folder in KEPT_APART:
        for path in sorted(folder.glob("*.jsonl")) if folder.exists() else []:
            others += [o for o in read_rows(path)[0] if o.get("text")]
    index: dict[str, list[int]] = defaultdict(list)
    osh = [shingles(o["text"]) for o in others]
    for j, s in enumerate(osh):
        for g in s:
            index[g].append(j)
    found, best = [], 0.0
    for r in rows:
        s = shingles(r["text"])
        for j, c in Counter(j for g in s for j in index[g]).items():
            jac = c / len(s | osh[j])
            best = max(best, jac)
            if jac >= NEAR_DUP:
                found.append((r["clause_id"], str(others[j].get("clause_id")), round(jac, 2)))
    return found, best


def tables(rows: list[dict], order: dict) -> str:
    out = []
    docs = {r["doc_id"]: r for r in rows}
    issuers = {r["issuer"] for r in rows}
    lengths = sorted(len(r["text"]) for r in rows)
    out += [f"{len(rows)} clauses in {len(docs)} pseudo-documents of {len(issuers)} pseudo-issuers; "
            f"{sum(r['kind'] == 'preamble' for r in rows)} preambles; text length "
            f"{lengths[0]}–{lengths[-1]} characters (median {lengths[len(lengths) // 2]}); years "
            f"{min(r['year'] for r in rows)}–{max(r['year'] for r in rows)}.", ""]
    out += ["#### Clauses by genre and administrative level (documents / issuers in brackets)", "",
            "| genre | " + " | ".join(LEVELS) + " | all |", "|---|" + "---:|" * (len(LEVELS) + 1)]
    for g in GENRES:
        cells = []
        for lv in LEVELS:
            part = [r for r in rows if r["genre"] == g and r["level"] == lv]
            cells.append(f"{len(part)} ({len({r['doc_id'] for r in part})}/{len({r['issuer'] for r in part})})"
                         if part else "0")
        part = [r for r in rows if r["genre"] == g]
        cells.append(f"{len(part)} ({len({r['doc_id'] for r in part})}/{len({r['issuer'] for r in part})})")
        out.append(f"| {g} | " + " | ".join(cells) + " |")
    part = rows
    out.append("| all | " + " | ".join(
        f"{sum(r['level'] == lv for r in rows)} ({len({r['doc_id'] for r in rows if r['level'] == lv})}/"
        f"{len({r['issuer'] for r in rows if r['level'] == lv})})" for lv in LEVELS)
        + f" | {len(part)} ({len(docs)}/{len(issuers)}) |")
    out.append("")
    counts = {d: Counter(x for r in rows for x in r[d]) for d in DIMS}
    first = Counter(r["measure_type"][0] for r in rows)
    only = Counter(r["sector"][0] for r in rows if len(r["sector"]) == 1)
    out += ["#### Sector", "", "| id | 名称 | clauses | as the only sector |", "|---|---|---:|---:|"]
    out += [f"| `{i}` | {name} | {counts['sector'][i]} | {only[i]} |" for i, name in order["sector"]]
    out += ["", "#### Measure type", "", "| id | 名称 | clauses | dominant (first) |", "|---|---|---:|---:|"]
    out += [f"| `{i}` | {name} | {counts['measure_type'][i]} | {first[i]} |" for i, name in order["measure_type"]]
    nsec = Counter(len(r["sector"]) for r in rows)
    nmt = Counter(len(r["measure_type"]) for r in rows)
    out += ["", "Sectors per clause: " + ", ".join(f"{k}: {nsec[k]}" for k in sorted(nsec))
            + ". Measure types per clause: " + ", ".join(f"{k}: {nmt[k]}" for k in sorted(nmt)) + "."]
    return "\n".join(out)


def minimums(rows: list[dict], order: dict) -> list[str]:
    missed = []
    if len(rows) < MINIMUM["clauses"]:
        missed.append(f"{len(rows)} clauses < {MINIMUM['clauses']}")
    issuers = {r["issuer"] for r in rows}
    if len(issuers) < MINIMUM["issuers"]:
        missed.append(f"{len(issuers)} issuers < {MINIMUM['issuers']}")
    missed += [f"no clause of genre {g}" for g in GENRES if not any(r["genre"] == g for r in rows)]
    missed += [f"no clause of level {lv}" for lv in LEVELS if not any(r["level"] == lv for r in rows)]
    for d in DIMS:
        c = Counter(x for r in rows for x in r[d])
        missed += [f"{d} {i}: {c[i]} < {MINIMUM[d]}" for i, _ in order[d] if c[i] < MINIMUM[d]]
    first = Counter(r["measure_type"][0] for r in rows)
    missed += [f"measure_type {i} dominant: {first[i]} < {MINIMUM['dominant']}"
               for i, _ in order["measure_type"] if first[i] < MINIMUM["dominant"]]
    return missed


def blind_sample(rows: list[dict], fraction: float, seed: int) -> list[dict]:
    """A random sample stratified by genre x level (at least one clause per stratum), labels and notes removed."""
    rng = random.Random(seed)
    strata: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        strata[(r["genre"], r["level"])].append(r)
    picked = []
    for key in sorted(strata):
        part = strata[key]
        picked += rng.sample(part, max(1, round(fraction * len(part))))
    hidden = set(DIMS) | {"note", "annotator"}
    return [{k: v for k, v in r.items() if k not in hidden} for r in sorted(picked, key=lambda r: r["clause_id"])]


def agreement(rows: list[dict], second: list[dict], order: dict) -> str:
    """Per-label F1 and Cohen's kappa between the set's labels and a second reading of some of its clauses."""
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing
    from policytag.metrics import cohen_kappa  # the project's one kappa ("—" where undefined: no variation)

    first = {r["clause_id"]: r for r in rows}
    pairs = [(first[s["clause_id"]], s) for s in second if s.get("clause_id") in first]
    n = len(pairs)
    if not n:
        return "no clause of the second reading is in the set"
    out = [f"Second reading: {n} clauses ({n / len(rows):.0%} of the set).", ""]
    for d in DIMS:
        exact = sum(set(a[d]) == set(b[d]) for a, b in pairs)
        tp = sum(len(set(a[d]) & set(b[d])) for a, b in pairs)
        na, nb = sum(len(a[d]) for a, _ in pairs), sum(len(b[d]) for _, b in pairs)
        out += [f"#### {d}: micro-F1 {2 * tp / (na + nb):.3f}, exact label set {exact}/{n}"
                + (f", dominant type {sum(a[d][0] == b[d][0] for a, b in pairs)}/{n}" if d == "measure_type" else ""),
                "", "| id | first | second | both | F1 | kappa |", "|---|---:|---:|---:|---:|---:|"]
        for lid, _ in order[d]:
            x = [lid in a[d] for a, _ in pairs]
            y = [lid in b[d] for _, b in pairs]
            both = sum(p and q for p, q in zip(x, y))
            f1 = 2 * both / (sum(x) + sum(y)) if sum(x) + sum(y) else float("nan")
            kappa = cohen_kappa(x, y)
            out.append(f"| `{lid}` | {sum(x)} | {sum(y)} | {both} | {f1:.2f} | "
                       f"{'—' if kappa is None else f'{kappa:.2f}'} |")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DATA)
    ap.add_argument("--markdown", action="store_true", help="print only the Markdown tables")
    ap.add_argument("--partial", action="store_true", help="report missed minimums without failing")
    ap.add_argument("--blind-sample", type=float, metavar="FRACTION", help="print a blind sample (JSON lines) and exit")
    ap.add_argument("--seed", type=int, default=17, help="seed of --blind-sample")
    ap.add_argument("--annotator", help="--blind-sample draws only from the rows of this writer (e.g. train-v2-writer-b)")
    ap.add_argument("--agreement", type=Path, metavar="JSONL", help="per-label agreement with a second reading")
    args = ap.parse_args(argv)
    taxonomy = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    order = label_order(taxonomy)
    rows, problems = read_rows(args.path)
    for r in rows:
        problems += row_problems(r, taxonomy)
    if problems:
        print("invalid rows:\n" + "\n".join(problems[:50]), file=sys.stderr)
        return 1
    if args.markdown:
        print(tables(rows, order))
        return 0
    if args.blind_sample:
        pool = [r for r in rows if args.annotator in (None, r.get("annotator"))]
        for r in blind_sample(pool, args.blind_sample, args.seed):
            print(json.dumps(r, ensure_ascii=False))
        return 0
    if args.agreement:
        second, bad = read_rows(args.agreement)
        for r in second:
            bad += [p for p in row_problems({**r, **{k: r.get(k, "") for k in FIELDS if k not in r}}, taxonomy)
                    if "sector" in p or "measure_type" in p]
        if bad:
            print("invalid second-reading rows:\n" + "\n".join(bad[:50]), file=sys.stderr)
            return 1
        print(agreement(rows, second, order))
        return 0
    print(tables(rows, order))
    failures = []
    for key in ("clause_id", "text"):
        dup = [k for k, v in Counter(r[key] for r in rows).items() if v > 1]
        if dup:
            failures.append(f"duplicate {key}: {dup[:5]}")
    # another file of clauses (batch-b.jsonl) is also kept apart from the set itself: ids and texts
    # unique and no near-duplicate across both
    base = read_rows(DATA)[0] if args.path.resolve() != DATA.resolve() else []
    for key in ("clause_id", "text"):
        dup = {r[key] for r in base} & {r[key] for r in rows}
        if dup:
            failures.append(f"{key} also in {DATA.name}: {sorted(dup)[:5]}")
    near = near_duplicates(rows + base)
    if near:
        failures.append(f"{len(near)} near-duplicate pairs (4-gram Jaccard >= {NEAR_DUP}): {near[:5]}")
    shared, closest = kept_apart(rows)
    if shared:
        failures.append(f"near-duplicates of challenge/augment/gold clauses: {shared[:5]}")
    missed = minimums(rows, order)
    print("\n## Checks")
    print("rows valid; ids and texts unique; " + ("no near-duplicates; " if not near else "")
          + (f"no near-duplicate of a challenge/augment/gold clause (highest 4-gram Jaccard {closest:.2f})"
             if not shared else ""))
    for f in failures:
        print("FAIL:", f)
    for m in missed:
        print("MINIMUM MISSED:" if not args.partial else "minimum not yet met:", m)
    if not missed:
        print("all minimums met: " + ", ".join(f"{k} >= {v}" for k, v in MINIMUM.items()))
    return 1 if failures or (missed and not args.partial) else 0


if __name__ == "__main__":
    sys.exit(main())
