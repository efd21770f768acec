"""Recompute the challenge set's data-card figures: validity, coverage, rule coverage and the
second-reader agreement (before adjudication).

    .venv/bin/python data/challenge/stats.py            # print the Markdown tables
    .venv/bin/python data/challenge/stats.py --write    # also rewrite agreement.json

Inputs (all in this folder): ``challenge-v1.jsonl`` (final labels), ``second-pass.jsonl`` (the blind
second reading of the 20 % sample) and ``adjudication.jsonl`` (every disagreement with the first-pass
labels, the decision and its reason). The first-pass labels of the sample are the final labels with
the adjudicated ones put back to ``first``, so agreement is measured *before* adjudication.
``relabels.jsonl`` lists labels changed later by codebook v2 (``before``/``after``, the rule and the
reason); agreement and adjudication are checked against the ``before`` labels they were made on.

``challenge-v2.jsonl`` (codebook v2, the genres of other governments) is validated too (the v1
constraints plus issuer/region/level/genre/title) and tabulated per genre, level, label and rule;
``second-pass-v2.jsonl`` is its blind second reading (the same seeded 20 % draw over the v2 ids), whose
agreement with the writer's v2 labels (before adjudication, ``adjudication-v2.jsonl``) is printed
(and stored under ``challenge_v2`` in ``agreement.json``).

Exit status 1 when a file breaks a codebook constraint or misses a coverage minimum.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run from a checkout without installing
from policytag.taxonomy import load_taxonomy  # noqa: E402
from policytag.metrics import cohen_kappa, krippendorff_alpha  # noqa: E402

SEED = 20261201          # the sample draw of the second reading
SAMPLE_SHARE = 0.20
MIN_SECTOR = 6           # coverage minimums of the brief (issue 9 asks for 5 and 10)
MIN_MEASURE = 12
FIELDS = {"clause_id", "doc_id", "source", "year", "heading_path", "text", "kind", "agencies", "sector",
          "measure_type", "annotator", "tests_rule", "note"}
DIMS = ("sector", "measure_type")
CORPUS = HERE.parents[1] / "data" / "corpus"
#: the words a reader would call a sector's name (for counting clauses that use only cue words/synonyms)
PLAIN_NAMES = {
    "coal_mine": ["煤矿"], "non_coal_mine": ["非煤矿山", "金属非金属矿山"], "hazardous_chemicals": ["危险化学品", "危化品"],
    "fireworks_explosives": ["烟花爆竹", "民用爆炸物品", "民爆"], "road_transport": ["道路交通", "道路运输"],
    "rail_air_water": ["铁路", "民航", "水上交通"], "construction": ["建筑施工"], "fire_safety": ["消防"],
    "urban_gas": ["燃气"], "oil_gas_pipeline": ["油气"], "metallurgy_industry": ["冶金", "工贸"],
    "special_equipment": ["特种设备"], "occupational_health": ["职业健康", "职业病", "职业卫生"],
    "forest_grassland_fire": ["森林", "草原"], "flood_drought": ["防汛", "抗旱", "洪"], "earthquake": ["地震"],
    "geological_hazard": ["地质灾害"], "meteorological": ["气象"],
}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def validate(rows: list[dict], taxonomy) -> list[str]:
    """Codebook constraints on every row -> list of problems (empty when valid)."""
    problems = []
    order = {dim: [lab.id for lab in getattr(taxonomy, dim).labels] for dim in DIMS}
    seen = set()
    for r in rows:
        cid = r.get("clause_id")
        if set(r) != FIELDS:
            problems.append(f"{cid}: fields {sorted(set(r) ^ FIELDS)} differ")
        if cid in seen:
            problems.append(f"{cid}: duplicate id")
        seen.add(cid)
        for dim in DIMS:
            labels = r[dim]
            if not labels or len(set(labels)) != len(labels) or any(x not in order[dim] for x in labels):
                problems.append(f"{cid}: bad {dim} {labels}")
        if "cross_sector" in r["sector"] and len(r["sector"]) > 1:
            problems.append(f"{cid}: cross_sector is exclusive")
        if r["sector"] != sorted(r["sector"], key=order["sector"].index):
            problems.append(f"{cid}: sectors not in taxonomy order")
        if len(r["measure_type"]) > 3:
            problems.append(f"{cid}: more than three measure types")
        if not 40 <= len(r["text"]) <= 300:
            problems.append(f"{cid}: text length {len(r['text'])} outside 40-300")
        if r["kind"] not in ("clause", "preamble"):
            problems.append(f"{cid}: bad kind {r['kind']}")
    return problems


def sample_ids(rows: list[dict]) -> list[str]:
    ids = [r["clause_id"] for r in rows]
    return sorted(random.Random(SEED).sample(ids, round(SAMPLE_SHARE * len(ids))))


def agreement(first: dict[str, dict], second: dict[str, dict], taxonomy) -> dict:
    """Exact-set match, mean Jaccard, dominant-label match, per-label Cohen's kappa and
    Krippendorff's alpha (nominal; per label and pooled over all clause x label decisions)."""
    ids = sorted(second)
    out: dict = {"n": len(ids)}
    for dim in DIMS:
        labels = [lab.id for lab in getattr(taxonomy, dim).labels]
        a = [set(first[i][dim]) for i in ids]
        b = [set(second[i][dim]) for i in ids]
        per_label = {}
        pooled_a, pooled_b = [], []
        for lab in labels:
            x = [int(lab in s) for s in a]
            y = [int(lab in s) for s in b]
            pooled_a += x
            pooled_b += y
            entry = {"n_first": sum(x), "n_second": sum(y), "agree": sum(p == q for p, q in zip(x, y)),
                     "kappa": None, "alpha": None}
            # policytag.metrics' convention: None (undefined) when neither reader varies
            kappa, alpha = cohen_kappa(x, y), krippendorff_alpha(np.array([x, y]))
            entry["kappa"] = None if kappa is None else round(kappa, 3)
            entry["alpha"] = None if alpha is None else round(alpha, 3)
            per_label[lab] = entry
        kappas = [v["kappa"] for v in per_label.values() if v["kappa"] is not None]
        out[dim] = {
            "exact_set_match": round(sum(p == q for p, q in zip(a, b)) / len(ids), 3),
            "mean_jaccard": round(float(np.mean([len(p & q) / len(p | q) for p, q in zip(a, b)])), 3),
            "dominant_first_match": round(sum(first[i][dim][0] == second[i][dim][0] for i in ids) / len(ids), 3),
            "mean_kappa": round(float(np.mean(kappas)), 3),
            "pooled_alpha": round(krippendorff_alpha(np.array([pooled_a, pooled_b])), 3),
            "per_label": per_label,
        }
    return out


def coverage_tables(rows: list[dict], taxonomy) -> tuple[list[str], list[str]]:
    """Markdown lines of the coverage tables and the list of missed minimums."""
    lines, missed = [], []
    n = len(rows)
    standalone = sum(1 for r in rows if not r["heading_path"])
    kinds = Counter(r["kind"] for r in rows)
    lens = [len(r["text"]) for r in rows]
    docs = Counter(r["doc_id"] for r in rows)
    years = Counter(r["year"] for r in rows)
    lines += [f"{n} clauses in {len(docs)} documents (years {', '.join(f'{y}: {c}' for y, c in sorted(years.items()))}); "
              f"{standalone} without a heading path, {n - standalone} with one; "
              f"{kinds['preamble']} preambles; text length {min(lens)}–{max(lens)} characters "
              f"(median {statistics.median(lens):.0f}).", ""]
    for dim, minimum in (("sector", MIN_SECTOR), ("measure_type", MIN_MEASURE)):
        d = getattr(taxonomy, dim)
        counts = Counter(x for r in rows for x in r[dim])
        dominant = Counter(r[dim][0] for r in rows)
        lines += [f"### {d.name} ({dim}) — clauses per label (minimum {minimum})", ""]
        if dim == "measure_type":
            lines += ["| id | 名称 | clauses | dominant |", "|---|---|---:|---:|"]
        else:
            lines += ["| id | 名称 | clauses |", "|---|---|---:|"]
        for lab in d.labels:
            row = f"| `{lab.id}` | {lab.name} | {counts[lab.id]} |"
            lines.append(row + (f" {dominant[lab.id]} |" if dim == "measure_type" else ""))
            if counts[lab.id] < minimum:
                missed.append(f"{dim}:{lab.id} has {counts[lab.id]} < {minimum}")
        lines.append("")
    names = PLAIN_NAMES
    unnamed = Counter(s for r in rows for s in r["sector"]
                      if s not in ("cross_sector", "other_sectors")
                      and not any(part in r["text"] or any(part in h for h in r["heading_path"]) for part in names[s]))
    lines += [f"Sector labels whose plain name (`PLAIN_NAMES` in stats.py) appears neither in the text nor in "
              f"the heading path, i.e. the sector is named only by a cue word or synonym: {sum(unnamed.values())} "
              f"({', '.join(f'{k} {v}' for k, v in unnamed.most_common())}; other_sectors and cross_sector not counted).", ""]
    rules = Counter(r["tests_rule"] or "(none)" for r in rows)
    lines += ["### Clauses per codebook rule they test (`tests_rule`)", "", "| rule | clauses |", "|---|---:|"]
    for rule in sorted(rules, key=lambda x: (x == "(none)", int(x.split("-")[1]) if x.startswith("rule-") else 0)):
        lines.append(f"| {rule} | {rules[rule]} |")
    for needed in ("rule-6", "rule-7", "rule-8", "rule-9", "rule-10", "rule-11"):
        if rules[needed] == 0:
            missed.append(f"no clause tests {needed}")
    lines.append("")
    return lines, missed


def corpus_overlap(rows: list[dict]) -> tuple[int, str, int]:
    """Longest run of characters any clause shares with the corpus (whitespace removed):
    (length, clause id, clauses sharing 25+ characters). Shows the texts are not copied."""
    corpus = "".join("".join(p.read_text(encoding="utf-8").split()) for p in sorted(CORPUS.glob("*.txt")))
    runs = shared_runs(rows, corpus)
    best, best_id = max(((run, cid) for cid, run in runs), key=lambda x: x[0], default=(0, ""))
    return best, best_id, sum(run >= 25 for _, run in runs)


# ---- challenge v2 (challenge-v2.jsonl): the genres of other governments, codebook v2 ------------
FIELDS_V2 = FIELDS | {"issuer", "region", "level", "genre", "title"}
LEVELS = ("central", "province", "city", "county", "department")     # corpus/metadata.py's values
GENRES = ("annual_notice", "work_points", "special_plan", "emergency_plan", "regulation", "other")
MIN_V2 = 100             # issue 17: at least 100 new clauses in the new genres
MIN_V2_SECTOR, MIN_V2_MEASURE = 5, 10   # per-label minimums of v2 (issue 9's, as for v1)
#: other clause files of the project a v2 clause must not be copied from
OTHER_SETS = [HERE / "challenge-v1.jsonl", HERE.parents[1] / "data" / "train-v2" / "train-v2.jsonl",
              HERE.parents[1] / "data" / "augment" / "augment-v1.jsonl"]


def validate_v2(rows: list[dict], taxonomy, v1_ids: set[str]) -> list[str]:
    problems = []
    for r in rows:
        cid = r.get("clause_id")
        if set(r) != FIELDS_V2:
            problems.append(f"{cid}: fields {sorted(set(r) ^ FIELDS_V2)} differ")
            continue
        if cid in v1_ids:
            problems.append(f"{cid}: id also in challenge-v1.jsonl")
        if r["level"] not in LEVELS or r["genre"] not in GENRES:
            problems.append(f"{cid}: level {r['level']!r} / genre {r['genre']!r} not allowed")
    # the v1 checks (labels, order, lengths, kinds) apply to v2 rows as well
    problems += validate([{k: r[k] for k in FIELDS if k in r} for r in rows], taxonomy)
    return problems


def shared_runs(rows: list[dict], pool: str) -> list[tuple[str, int]]:
    """Per clause, the longest run of its characters found verbatim in ``pool``."""
    out = []
    for r in rows:
        text, run = r["text"], 0
        for start in range(len(text)):
            while start + run + 1 <= len(text) and text[start:start + run + 1] in pool:
                run += 1
        out.append((r["clause_id"], run))
    return out


def longest_shared_run(rows: list[dict], texts: list[str]) -> tuple[int, str]:
    best, best_id = 0, ""
    for cid, run in shared_runs(rows, "\n".join(texts)):
        if run > best:
            best, best_id = run, cid
    return best, best_id


def v2_tables(rows: list[dict], taxonomy) -> tuple[list[str], list[str]]:
    missed = []
    n = len(rows)
    if n < MIN_V2:
        missed.append(f"challenge-v2 has {n} < {MIN_V2} clauses")
    docs = {r["doc_id"] for r in rows}
    issuers = {r["issuer"] for r in rows}
    lens = [len(r["text"]) for r in rows]
    lines = [f"{n} clauses in {len(docs)} documents of {len(issuers)} pseudo-issuers; "
             f"{sum(1 for r in rows if not r['heading_path'])} without a heading path; "
             f"{sum(r['kind'] == 'preamble' for r in rows)} preambles; text length {min(lens)}–{max(lens)} "
             f"characters (median {statistics.median(lens):.0f}).", ""]
    by = Counter((r["genre"], r["level"]) for r in rows)
    lines += ["#### Clauses per genre and administrative level", "",
              "| genre | " + " | ".join(LEVELS) + " | all | documents |", "|---|" + "---:|" * (len(LEVELS) + 2)]
    for g in GENRES:
        total = sum(by[(g, lv)] for lv in LEVELS)
        if total:
            ndocs = len({r["doc_id"] for r in rows if r["genre"] == g})
            lines.append(f"| {g} | " + " | ".join(str(by[(g, lv)]) for lv in LEVELS) + f" | {total} | {ndocs} |")
    lines.append("| all | " + " | ".join(str(sum(by[(g, lv)] for g in GENRES)) for lv in LEVELS) + f" | {n} | {len(docs)} |")
    lines.append("")
    for dim in DIMS:
        d = getattr(taxonomy, dim)
        counts = Counter(x for r in rows for x in r[dim])
        dominant = Counter(r[dim][0] for r in rows)
        lines += [f"#### {d.name} ({dim}) — clauses per label (minimum {MIN_V2_MEASURE if dim == 'measure_type' else MIN_V2_SECTOR})", "",
                  "| id | 名称 | clauses |" + (" dominant |" if dim == "measure_type" else ""),
                  "|---|---|---:|" + ("---:|" if dim == "measure_type" else "")]
        minimum = MIN_V2_MEASURE if dim == "measure_type" else MIN_V2_SECTOR
        for lab in d.labels:
            lines.append(f"| `{lab.id}` | {lab.name} | {counts[lab.id]} |"
                         + (f" {dominant[lab.id]} |" if dim == "measure_type" else ""))
            if counts[lab.id] < minimum:
                missed.append(f"challenge-v2 {dim}:{lab.id} has {counts[lab.id]} < {minimum}")
        lines.append("")
    rules = Counter(r["tests_rule"] or "(none)" for r in rows)
    lines += ["#### Clauses per codebook rule they test or mislead on (`tests_rule`)", "", "| rule | clauses |", "|---|---:|"]
    for rule in sorted(rules, key=lambda x: (x == "(none)", int(x.split("-")[1]) if x.startswith("rule-") else 0)):
        lines.append(f"| {rule} | {rules[rule]} |")
    for needed in range(14, 25):
        if needed != 23 and rules[f"rule-{needed}"] == 0:  # 23 (units) is about segmenting, not labels
            missed.append(f"no v2 clause tests rule-{needed}")
    lines.append("")
    others = [json.loads(line)["text"] for f in OTHER_SETS if f.exists()
              for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    longest, where = longest_shared_run(rows, others)
    lines.append(f"Longest character run shared with challenge-v1, train-v2 and augment-v1: {longest} ({where}; "
                 "legal stock formulas).")
    if CORPUS.is_dir():
        corpus_longest, corpus_where, _ = corpus_overlap(rows)
        lines.append(f"Longest character run shared with the corpus: {corpus_longest} ({corpus_where}).")
    lines.append("")
    return lines, missed


def agreement_tables(agr: dict, taxonomy) -> list[str]:
    lines = [f"### Second-reader agreement ({agr['n']} clauses, before adjudication)", "",
             "| dimension | exact-set match | mean Jaccard | same dominant label | mean per-label κ | pooled α |",
             "|---|---:|---:|---:|---:|---:|"]
    for dim in DIMS:
        m = agr[dim]
        lines.append(f"| {dim} | {m['exact_set_match']:.3f} | {m['mean_jaccard']:.3f} | {m['dominant_first_match']:.3f} | "
                     f"{m['mean_kappa']:.3f} | {m['pooled_alpha']:.3f} |")
    lines.append("")
    for dim in DIMS:
        lines += [f"Per-label Cohen's κ and Krippendorff's α, {dim} (labels used by at least one reader):", "",
                  "| id | κ | α | first | second |", "|---|---:|---:|---:|---:|"]
        for lab, v in agr[dim]["per_label"].items():
            if v["kappa"] is None:
                continue
            alpha = "—" if v["alpha"] is None else f"{v['alpha']:.2f}"
            lines.append(f"| `{lab}` | {v['kappa']:.2f} | {alpha} | {v['n_first']} | {v['n_second']} |")
        lines.append("")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite agreement.json")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy()
    rows = read_jsonl(HERE / "challenge-v1.jsonl")
    problems = validate(rows, taxonomy)

    final = {r["clause_id"]: r for r in rows}
    second = {r["clause_id"]: r for r in read_jsonl(HERE / "second-pass.jsonl")}
    if sorted(second) != sample_ids(rows):
        problems.append("second-pass.jsonl does not hold exactly the seeded 20% sample")
    # codebook-v2 relabels (relabels.jsonl): the readings and adjudications were made under v1.1, so
    # agreement is measured on the labels as they were before the relabel
    v1_final = {cid: {dim: list(r[dim]) for dim in DIMS} for cid, r in final.items()}
    for rl in read_jsonl(HERE / "relabels.jsonl") if (HERE / "relabels.jsonl").exists() else []:
        if final[rl["clause_id"]][rl["dimension"]] != rl["after"]:
            problems.append(f"{rl['clause_id']}: {rl['dimension']} differs from relabels.jsonl 'after'")
        v1_final[rl["clause_id"]][rl["dimension"]] = list(rl["before"])
    first = {cid: {dim: list(v1_final[cid][dim]) for dim in DIMS} for cid in second}
    adjudications = read_jsonl(HERE / "adjudication.jsonl")
    for a in adjudications:
        if v1_final[a["clause_id"]][a["dimension"]] != a["final"]:
            problems.append(f"{a['clause_id']}: final {a['dimension']} differs from adjudication.jsonl")
        first[a["clause_id"]][a["dimension"]] = a["first"]
    for cid in second:  # every remaining disagreement must have been adjudicated
        for dim in DIMS:
            same = first[cid][dim] == second[cid][dim] or (dim == "sector" and set(first[cid][dim]) == set(second[cid][dim]))
            if not same and not any(a["clause_id"] == cid and a["dimension"] == dim for a in adjudications):
                problems.append(f"{cid}: {dim} disagreement without adjudication")

    agr = agreement(first, second, taxonomy)
    agr["adjudicated"] = {"disagreements": len(adjudications),
                          "kept_first": sum(a["decision"] == "first" for a in adjudications),
                          "kept_second": sum(a["decision"] == "second" for a in adjudications)}
    cov, missed = coverage_tables(rows, taxonomy)
    if CORPUS.is_dir():
        longest, where, long_runs = corpus_overlap(rows)
        cov.append(f"Longest character run shared with the corpus: {longest} ({where}); "
                   f"clauses sharing 25+ characters: {long_runs}.")
        cov.append("")
    print("\n".join(cov + agreement_tables(agr, taxonomy)))
    print(f"Adjudicated: {agr['adjudicated']['disagreements']} disagreements "
          f"(first pass kept {agr['adjudicated']['kept_first']}, second {agr['adjudicated']['kept_second']}).")
    v2_file = HERE / "challenge-v2.jsonl"
    if v2_file.exists():
        v2_rows = read_jsonl(v2_file)
        problems += validate_v2(v2_rows, taxonomy, set(final))
        v2_lines, v2_missed = v2_tables(v2_rows, taxonomy)
        missed += v2_missed
        print("\n### Challenge v2 (`challenge-v2.jsonl`)\n")
        print("\n".join(v2_lines))
        second_v2_file = HERE / "second-pass-v2.jsonl"
        if second_v2_file.exists():
            # the blind second reading of v2: the same seeded 20 % draw, over the v2 ids; not adjudicated
            # yet, so agreement is between the labels in challenge-v2.jsonl and the second pass
            second_v2 = {r["clause_id"]: r for r in read_jsonl(second_v2_file)}
            if sorted(second_v2) != sample_ids(v2_rows):
                problems.append("second-pass-v2.jsonl does not hold exactly the seeded 20% sample of challenge-v2")
            else:
                # adjudication-v2.jsonl: every disagreement, decided; agreement is measured before it,
                # on the writer's labels (the adjudicated ones put back to ``first``)
                v2_final = {r["clause_id"]: r for r in v2_rows}
                first_v2 = {cid: {dim: list(v2_final[cid][dim]) for dim in DIMS} for cid in second_v2}
                adj_file = HERE / "adjudication-v2.jsonl"
                adj_v2 = read_jsonl(adj_file) if adj_file.exists() else []
                for a in adj_v2:
                    if v2_final[a["clause_id"]][a["dimension"]] != a["final"]:
                        problems.append(f"{a['clause_id']}: final {a['dimension']} differs from adjudication-v2.jsonl")
                    first_v2[a["clause_id"]][a["dimension"]] = a["first"]
                for cid in second_v2:
                    for dim in DIMS:
                        same = (first_v2[cid][dim] == second_v2[cid][dim]
                                or (dim == "sector" and set(first_v2[cid][dim]) == set(second_v2[cid][dim])))
                        if not same and not any(a["clause_id"] == cid and a["dimension"] == dim for a in adj_v2):
                            problems.append(f"{cid}: v2 {dim} disagreement without adjudication")
                agr_v2 = agreement(first_v2, second_v2, taxonomy)
                agr_v2["adjudicated"] = {"disagreements": len(adj_v2),
                                         "kept_first": sum(a["decision"] == "first" for a in adj_v2),
                                         "kept_second": sum(a["decision"] == "second" for a in adj_v2),
                                         "both": sum(a["decision"] == "both" for a in adj_v2)}
                lines = agreement_tables(agr_v2, taxonomy)
                lines[0] = lines[0].replace("Second-reader agreement", "Challenge v2: second-reader agreement")
                print("\n".join(lines))
                print(f"Adjudicated (v2): {len(adj_v2)} disagreements (writer kept {agr_v2['adjudicated']['kept_first']}, "
                      f"second reader {agr_v2['adjudicated']['kept_second']}, both {agr_v2['adjudicated']['both']}).")
                if args.write:
                    agr["challenge_v2"] = agr_v2
    if args.write:
        (HERE / "agreement.json").write_text(json.dumps(agr, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for p in problems + missed:
        print(f"PROBLEM: {p}", file=sys.stderr)
    return 1 if problems or missed else 0


if __name__ == "__main__":
    sys.exit(main())
