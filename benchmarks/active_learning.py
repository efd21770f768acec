"""Learning curves: how many labelled clauses does active learning save on the gold dataset?

Simulated annotation: the pool is the gold clauses of the train + dev years (the labels are
hidden until a strategy "asks" for them); the model is evaluated after every batch on the temporal
test years (never in the pool) and, when it exists, on ``data/challenge/challenge-v1.jsonl``.
Every run starts from the same random 50-clause seed per seed value, then labels batches of 25
chosen by the strategy until the whole pool is labelled; 5 seeds; strategies random, uncertainty
and mixed (``policytag.annotation.active``; mixed spreads each batch over documents and genres), and
on request ``mixed-unspread``: mixed without that spread, the selection of the reports before it. Metric: macro-F1 averaged over both dimensions
(each dimension's macro-F1 is stored too).

The model is fitted on the labelled part of the pool only (the dev years are part of the pool,
so there is no dev split to tune thresholds on). ``--variant fast`` (the default) is TF-IDF +
logistic regression with character 1-2-grams capped at 20,000 features: the default recipe was
TF-IDF + LR with 1-3-grams when the committed report was made, but one 1-3-gram fit takes 50-70 s
on the shared 2-core machine and the benchmark needs about 200 fits (the 1-2-gram model scored
0.528/0.772 vs 0.509/0.754 sector/measure macro-F1 on the test years at the whole pool).
``--variant recipe`` runs the current default recipe (``policytag/resources/default.yaml``, since
then the knowledge + TF-IDF hybrid) unchanged; that costs several minutes per fit here.

Writes ``reports/active_learning.json`` (every curve of every seed, after each seed), ``.md``
(table + the saving) and ``.png`` (mean ± sd per strategy).

Usage::

    nice python benchmarks/active_learning.py [--seeds 5] [--seed-size 50] [--batch 25]
        [--strategies random uncertainty mixed [mixed-unspread]] [--variant fast|recipe] [-o reports/active_learning]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from policytag import PROJECT_ROOT
from policytag.annotation.active import model_inputs, rank
from policytag.io import atomic_write, read_jsonl
from policytag.records import Clause, Labels
from policytag.taxonomy import DIMENSIONS, load_taxonomy
from policytag.training.metrics import evaluate_labels
from policytag.training.train import build_tagger, set_seed

#: benchmark strategies: the name in the report -> (``active.rank`` strategy, spread over documents/genres)
STRATEGY_RANKING = {"random": ("random", True), "uncertainty": ("uncertainty", True), "mixed": ("mixed", True),
                    "diversity": ("diversity", True), "mixed-unspread": ("mixed", False)}
CHALLENGE = PROJECT_ROOT / "data" / "challenge" / "challenge-v1.jsonl"
#: the fast variant's model: TF-IDF + logistic regression, character 1-2-grams, 20k features
FAST_MODEL = {"type": "tfidf", "params": {"ngram_range": [1, 2], "max_features": 20000, "min_df": 2, "C": 4.0,
                                          "use_heading": True}}


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"load average {load:.1f} at start (shared with other jobs)")


def commit() -> str:
    """The checkout's commit (with ``+dirty`` when tracked files differ), or ``unknown`` outside git."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout
    try:
        return git("rev-parse", "--short", "HEAD").strip() + ("+dirty" if git("status", "--porcelain", "-uno").strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def selection_text(meta: dict) -> str:
    """How the strategies choose, for the report (the spread is what changed since the previous one)."""
    b = meta["batch"]
    text = (f"Selection (`policytag.annotation.active.rank`): uncertainty = least margin to the per-label "
            f"thresholds; mixed = the 3×{b} most uncertain clustered into {b} groups, the most uncertain of "
            f"each, the batch then **spread over documents and genres** (`active.spread`, since commit 65d1d93: "
            f"every genre of the pool gets its best clause, no document more than twice its fair share of the "
            f"batch, ceil(2·{b} / unlabelled documents)). This pool holds {meta['pool_documents']} documents of "
            f"{meta['pool_genres']} genre(s)" + (", so here only the per-document cap applies." if meta["pool_genres"] == 1 else "."))
    if "mixed-unspread" in meta["strategies"]:
        text += (" mixed-unspread is mixed without the spread (the selection of the reports before it), "
                 "measured in the same run.")
    return text


def default_recipe() -> dict:
    from policytag.backend.wiring import retrain_recipe

    return retrain_recipe()


def challenge_set(taxonomy):
    if not CHALLENGE.exists():
        return None
    clauses, labels = [], []
    for row in read_jsonl(CHALLENGE):
        if not row.get("sector") or not row.get("measure_type"):
            continue
        if any(x not in taxonomy[d].ids for d in DIMENSIONS for x in row[d]):
            continue
        clauses.append(Clause.from_row(row))
        labels.append(Labels(tuple(row["sector"]), tuple(row["measure_type"])))
    return (clauses, labels) if clauses else None


def score(metrics: dict) -> dict:
    per = {dim: round(float(metrics[dim]["macro_f1"]), 4) for dim in DIMENSIONS}
    return {"macro_f1": round(sum(per.values()) / len(per), 4), **per}


class Simulator:
    def __init__(self, recipe, pool, test, challenge, taxonomy):
        self.recipe, self.pool, self.test, self.challenge, self.taxonomy = recipe, pool, test, challenge, taxonomy
        self.cache: dict[frozenset, tuple] = {}  # labelled set -> (tagger, scores): the seed and full pool are shared
        self.fits = 0
        self.fit_seconds = 0.0

    def fit(self, labelled: list[int]):
        key = frozenset(labelled)
        if key in self.cache:
            return self.cache[key]
        set_seed(self.recipe["seed"])
        tagger = build_tagger(self.recipe)
        start = time.perf_counter()
        tagger.fit([self.pool[i].clause for i in labelled], [self.pool[i].labels for i in labelled])
        self.fit_seconds += time.perf_counter() - start
        self.fits += 1
        out = {"test": score(evaluate_labels([e.labels for e in self.test],
                                             tagger.predict([e.clause for e in self.test]), self.taxonomy))}
        if self.challenge:
            out["challenge"] = score(evaluate_labels(self.challenge[1], tagger.predict(self.challenge[0]), self.taxonomy))
        self.cache[key] = (tagger, out)
        return tagger, out

    def curve(self, strategy: str, seed: int, seed_size: int, batch: int, bar) -> list[dict]:
        rng = np.random.default_rng(seed)
        labelled = list(rng.choice(len(self.pool), size=seed_size, replace=False))
        points = []
        step = 0
        while True:
            tagger, out = self.fit(labelled)
            points.append({"n": len(labelled), **out})
            bar.update(1)
            rest = [i for i in range(len(self.pool)) if i not in set(labelled)]
            if not rest:
                return points
            clauses = [self.pool[i].clause for i in rest]
            ranking, spread_batch = STRATEGY_RANKING[strategy]
            proba = thresholds = None
            if ranking in ("uncertainty", "mixed"):
                proba, thresholds = model_inputs(tagger, clauses)
            picks = rank(ranking, clauses, batch, self.taxonomy, proba, thresholds, seed=seed * 1000 + step,
                         spread_batch=spread_batch)
            labelled += [rest[p.index] for p in picks]
            step += 1


def summarise(results: dict, strategies: list[str], evals: list[str]) -> dict:
    """mean/sd per strategy and size; the saving against random's final macro-F1."""
    out = {}
    for ev in evals:
        table = {}
        for s in strategies:
            curves = results["curves"][s]
            sizes = [p["n"] for p in curves[0]]
            vals = np.array([[p[ev]["macro_f1"] for p in c] for c in curves])
            table[s] = {"n": sizes, "mean": vals.mean(axis=0).round(4).tolist(), "sd": vals.std(axis=0).round(4).tolist()}
        target = table["random"]["mean"][-1] if "random" in table else None
        saving = {}
        if target is not None:
            def first_reach(s, tol=0.0):
                for n, m in zip(table[s]["n"], table[s]["mean"]):
                    if m >= target - tol - 1e-9:
                        return n
                return None
            for tol in (0.0, 0.01):
                base = first_reach("random", tol)
                saving[f"tolerance_{tol}"] = {
                    s: {"labels_needed": first_reach(s, tol), "random_needed": base,
                        "saved": (base - first_reach(s, tol)) if first_reach(s, tol) is not None else None}
                    for s in strategies}
        out[ev] = {"table": table, "target_random_final": target, "saving": saving}
    return out


def write_markdown(path: Path, results: dict, summary: dict) -> None:
    meta = results["meta"]
    lines = [
        "# Active learning: learning curves on the gold dataset",
        "",
        f"Produced by `benchmarks/active_learning.py` ({meta['machine']}; {meta['seconds']:.0f} s, "
        f"{meta['fits']} model fits; commit {meta['commit']}, `{meta['command']}`). Pool: {meta['pool']} gold clauses of the train + dev years; seed "
        f"{meta['seed_size']} random clauses, then batches of {meta['batch']}; {meta['seeds']} seeds "
        f"({', '.join(map(str, meta['seed_values']))}). Model: {meta['model']}. Metric: macro-F1, mean of the "
        f"sector and measure-type macro-F1; mean ± sd over seeds.",
        "",
        selection_text(meta),
        "",
    ]
    for ev, part in summary.items():
        name = {"test": f"temporal test ({meta['test']} clauses, years {meta['test_years']})",
                "challenge": f"challenge set ({meta.get('challenge', 0)} clauses, data/challenge/challenge-v1.jsonl)"}[ev]
        lines += [f"## {name}", ""]
        strategies = list(part["table"])
        lines.append("| labelled | " + " | ".join(strategies) + " |")
        lines.append("|---:|" + "---:|" * len(strategies))
        sizes = part["table"][strategies[0]]["n"]
        for k, n in enumerate(sizes):
            cells = [f"{part['table'][s]['mean'][k]:.3f} ± {part['table'][s]['sd'][k]:.3f}" for s in strategies]
            lines.append(f"| {n} | " + " | ".join(cells) + " |")
        lines.append("")
        if part["target_random_final"] is not None:
            lines.append(f"Random sampling's final macro-F1 (whole pool): **{part['target_random_final']:.3f}**.")
            for tol, rows in part["saving"].items():
                t = float(tol.split("_")[1])
                label = "to reach it" if t == 0 else f"to come within {t:.2f} of it"
                bits = []
                for s, r in rows.items():
                    if s == "random":
                        continue
                    if r["labels_needed"] is None:
                        bits.append(f"{s} never does (saves none)")
                    else:
                        saved = r["saved"]
                        bits.append(f"{s} needs {r['labels_needed']} ({'saves ' + str(saved) if saved > 0 else 'saves none' if saved == 0 else f'{-saved} more'})")
                lines.append(f"- Labels needed {label}: random {rows['random']['labels_needed']}; " + "; ".join(bits) + ".")
            lines.append("")
    lines.append("![learning curves](active_learning.png)")
    with atomic_write(path) as fh:
        fh.write("\n".join(lines) + "\n")


def plot(path: Path, summary: dict, meta: dict) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    evals = list(summary)
    fig, axes = plt.subplots(1, len(evals), figsize=(6 * len(evals), 4.2), squeeze=False)
    for ax, ev in zip(axes[0], evals):
        for s, row in summary[ev]["table"].items():
            n, m, sd = np.array(row["n"]), np.array(row["mean"]), np.array(row["sd"])
            ax.plot(n, m, marker="o", ms=3, label=s)
            ax.fill_between(n, m - sd, m + sd, alpha=0.15)
        ax.set_title({"test": "temporal test", "challenge": "challenge set"}[ev])
        ax.set_xlabel("labelled clauses")
        ax.set_ylabel("macro-F1 (mean of both dimensions)")
        ax.grid(alpha=0.3)
        ax.legend()
    fig.suptitle(f"Active learning on the gold pool ({meta['seeds']} seeds, mean ± sd)")
    fig.tight_layout()
    tmp = path.with_name(path.name + ".tmp.png")
    fig.savefig(tmp, dpi=110)
    os.replace(tmp, path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--seed-size", type=int, default=50)
    ap.add_argument("--batch", type=int, default=25)
    ap.add_argument("--strategies", nargs="+", default=["random", "uncertainty", "mixed"],
                    choices=list(STRATEGY_RANKING))
    ap.add_argument("--variant", choices=["fast", "recipe"], default="fast")
    ap.add_argument("-o", "--output", default=str(PROJECT_ROOT / "reports" / "active_learning"),
                    help="output stem (.json, .md, .png are added)")
    args = ap.parse_args(argv)
    from tqdm import tqdm

    from policytag.training.data import load_dataset

    taxonomy = load_taxonomy()
    recipe = default_recipe()
    if args.variant == "fast":
        recipe = {**recipe, "model": FAST_MODEL}
    data = load_dataset(recipe["data"]["gold"], recipe["data"]["corpus"])
    test_years = set(recipe["split"]["test_years"])
    pool = [e for e in data.examples if e.clause.year not in test_years]
    test = [e for e in data.examples if e.clause.year in test_years]
    challenge = challenge_set(taxonomy)
    sim = Simulator(recipe, pool, test, challenge, taxonomy)
    stem = Path(args.output)
    stem.parent.mkdir(parents=True, exist_ok=True)
    seeds = list(range(args.seeds))
    steps = 1 + -(-(len(pool) - args.seed_size) // args.batch)
    meta = {"machine": machine(), "pool": len(pool), "test": len(test), "test_years": sorted(test_years),
            "challenge": len(challenge[0]) if challenge else 0, "seed_size": args.seed_size, "batch": args.batch,
            "seeds": len(seeds), "seed_values": seeds, "variant": args.variant, "strategies": args.strategies,
            "pool_documents": len({e.clause.doc_id for e in pool}), "pool_genres": len({e.clause.genre for e in pool}),
            "commit": commit(), "command": shlex.join(["benchmarks/active_learning.py", *(argv if argv is not None else sys.argv[1:])]),
            "model": (f"{recipe['model']['type']} {json.dumps(recipe['model'].get('params') or {})}"
                      + (" (the fast variant: TF-IDF + logistic regression, character 1-2-grams, 20k features)"
                         if args.variant == "fast" else " (the default recipe)")
                      + ", fitted on the labelled pool only (no dev split, no augmentation clauses)")}
    results = {"meta": meta, "curves": {s: [] for s in args.strategies}}
    evals = ["test"] + (["challenge"] if challenge else [])
    start = time.perf_counter()
    print(f"machine: {meta['machine']}; pool {len(pool)}, test {len(test)}, challenge {meta['challenge']}",
          file=sys.stderr)
    with tqdm(total=len(seeds) * len(args.strategies) * steps, desc="simulated batches", unit="fit") as bar:
        for seed in seeds:
            for s in args.strategies:
                results["curves"][s].append(sim.curve(s, seed, args.seed_size, args.batch, bar))
            sim.cache.clear()
            meta.update(seconds=round(time.perf_counter() - start, 1), fits=sim.fits, seeds_done=seed + 1)
            with atomic_write(stem.with_suffix(".json")) as fh:  # after every seed: a crash keeps what was done
                json.dump(results, fh, indent=1)
    summary = summarise(results, args.strategies, evals)
    results["summary"] = summary
    meta.update(seconds=round(time.perf_counter() - start, 1), fits=sim.fits,
                fit_seconds=round(sim.fit_seconds, 1))
    with atomic_write(stem.with_suffix(".json")) as fh:
        json.dump(results, fh, indent=1)
    write_markdown(stem.with_suffix(".md"), results, summary)
    plot(stem.with_suffix(".png"), summary, meta)
    print(stem.with_suffix(".md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
