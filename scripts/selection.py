"""The selection score of recipes over several fold/seed settings (issue 17: choosing the default).

Usage (repository root; real-dev via ``$POLICYTAG_REALDEV`` or ``../shared/realdev/realdev.jsonl``)::

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python scripts/selection.py configs/hybrid-doc.yaml \\
        configs/hybrid-doc-mplain.yaml --seeds 13 14 15 [--all-labels] [--jobs 2] [-o /tmp/sel.json]

Why: the selection score of one fit (per dimension the mean of 5-fold CV macro-F1 and real-dev micro-F1
of the temporal fit, then the mean over both dimensions; ``training.compare.selection_score``) moves with
the fold seed by more than most recipe differences (147 real-dev clauses; docs/training.md §8). So each
recipe is trained at several seeds (``seed`` of the config: it draws the hybrid's out-of-fold folds and
the CV folds) and judged by the mean, with the spread beside it. Nothing is re-implemented: every fit is
``training.train.train_recipe`` (temporal fit + CV + challenge, the run saved under ``--runs``), every
real-dev figure ``training.realdev.score_realdev`` of the saved model, the score ``selection_score``.
The temporal test and the challenge set are reported as guards, never used to rank.

``--all-labels`` also fits each recipe on every clause as the shipped default is fitted (``split.mode:
all``, thresholds from the hybrid's own out-of-fold predictions, like ``policytag/resources/default.yaml``)
and scores that model on real-dev: the figure of issue 17's aim, reported, not used to rank.

Results are cached per (config content, seed) in the JSON output, so a rerun only trains what is new.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

# small logistic regressions on 2 shared cores: BLAS threads only thrash (docs/training.md §8, load note)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def _key(config: dict, seed: int, all_labels: bool) -> str:
    body = {k: v for k, v in config.items() if k not in ("source", "name")}
    blob = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{blob}\0{seed}\0{int(all_labels)}".encode("utf-8")).hexdigest()[:16]


def _summary(metrics: dict, part: str, key: str) -> dict:
    from policytag.taxonomy import DIMENSIONS

    return {dim: (metrics.get(part) or {}).get(dim, {}).get(key) for dim in DIMENSIONS}


def _realdev(run_dir: Path) -> dict | None:
    from policytag.models.runs import load_run
    from policytag.training.realdev import score_realdev

    scored = score_realdev(load_run(run_dir))
    return None if scored is None else scored[0]


def _per_label_f1(realdev: dict, dim: str) -> dict:
    per = realdev[dim].get("per_label") or {}
    return {label: round(v["f1"], 4) for label, v in per.items() if isinstance(v, dict) and "f1" in v}


def evaluate(path: str, seed: int, runs: str, all_labels: bool) -> dict:
    """One recipe at one seed: temporal fit + CV (+ the all-labels fit), scored."""
    from policytag.training.compare import selection_score
    from policytag.training.config import load_config
    from policytag.training.train import train_recipe
    from policytag.models.runs import run_metrics
    from policytag.taxonomy import DIMENSIONS

    config = config_at_seed(path, seed)
    config["split"]["cv"] = True
    name = Path(path).stem
    out: dict = {"config": path, "name": name, "seed": seed}
    start = time.perf_counter()
    run_dir = train_recipe(config, out_dir=Path(runs) / f"{name}-s{seed}", overwrite=True, name=name)
    out["seconds"] = round(time.perf_counter() - start, 1)
    metrics = run_metrics(run_dir)
    realdev = _realdev(run_dir)
    rec = {"cv": metrics.get("cv"), "realdev": realdev}
    out.update({
        "selection": selection_score(rec),
        "cv_macro": _summary(metrics, "cv", "macro_f1"),
        "test_macro": _summary(metrics, "test", "macro_f1"),
        "challenge_macro": _summary(metrics, "challenge", "macro_f1"),
        "realdev_micro": {d: realdev[d]["micro_f1"] for d in DIMENSIONS} if realdev else None,
        "realdev_macro": {d: realdev[d]["macro_f1"] for d in DIMENSIONS} if realdev else None,
        "realdev_label_f1": {d: _per_label_f1(realdev, d) for d in DIMENSIONS} if realdev else None,
        "train_seconds": json.loads((run_dir / "run.json").read_text(encoding="utf-8")).get("train_seconds"),
    })
    if all_labels:
        full = copy.deepcopy(config)
        full["split"].update({"mode": "all", "oof_thresholds": False, "cv": False})
        start = time.perf_counter()
        full_dir = train_recipe(full, out_dir=Path(runs) / f"{name}-s{seed}-all", overwrite=True, name=name)
        out["all_seconds"] = round(time.perf_counter() - start, 1)
        rd = _realdev(full_dir)
        out["all_realdev_micro"] = {d: rd[d]["micro_f1"] for d in DIMENSIONS} if rd else None
        out["all_realdev_macro"] = {d: rd[d]["macro_f1"] for d in DIMENSIONS} if rd else None
        out["all_challenge_macro"] = _summary(run_metrics(full_dir), "challenge", "macro_f1")
    return out


def config_at_seed(path: str, seed: int) -> dict:
    """``load_config(path)`` as if the file said ``seed: SEED``: validation fills the tagger's
    ``random_state`` from the seed (the hybrid's out-of-fold folds), so setting ``config["seed"]``
    after loading would move only the CV folds."""
    import yaml

    from policytag.training.config import load_config, validate_config

    config = load_config(path)
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    raw["seed"] = seed
    seeded = validate_config(raw, path)
    seeded["name"], seeded["source"] = config["name"], config["source"]
    return seeded


def _job(args: tuple) -> tuple[str, dict]:
    key, path, seed, runs, all_labels = args
    return key, evaluate(path, seed, runs, all_labels)


def _stat(values: list[float]) -> str:
    if not values or any(v is None for v in values):
        return "–"
    mean = statistics.fmean(values)
    return f"{mean:.4f} ± {(max(values) - min(values)) / 2:.4f}"


def table(results: list[dict], all_labels: bool) -> list[str]:
    """Markdown: per recipe, mean ± half-range over the seeds; recipes sorted by the mean score."""
    from policytag.taxonomy import DIMENSIONS

    by_name: dict[str, list[dict]] = {}
    for r in results:
        by_name.setdefault(r["name"], []).append(r)
    sector, measure = DIMENSIONS
    head = ("| recipe | seeds | selection score | CV macro sector / measure | **real-dev** micro sector / measure, "
            "temporal fit | test macro measure | challenge macro measure |")
    if all_labels:
        head += " **real-dev** measure micro, all labels |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]

    def mean(rows, field, dim=None):
        vals = [r[field] if dim is None else (r[field] or {}).get(dim) for r in rows]
        return statistics.fmean(vals) if vals and None not in vals else float("nan")

    ranked = sorted(by_name.items(), key=lambda kv: -mean(kv[1], "selection"))
    for name, rows in ranked:
        rows = sorted(rows, key=lambda r: r["seed"])
        cell = (f"| {name} | {','.join(str(r['seed']) for r in rows)} | {_stat([r['selection'] for r in rows])} | "
                f"{mean(rows, 'cv_macro', sector):.3f} / {mean(rows, 'cv_macro', measure):.3f} | "
                f"{mean(rows, 'realdev_micro', sector):.3f} / {_stat([r['realdev_micro'][measure] for r in rows])} | "
                f"{mean(rows, 'test_macro', measure):.3f} | {mean(rows, 'challenge_macro', measure):.3f} |")
        if all_labels:
            cell += f" {_stat([(r.get('all_realdev_micro') or {}).get(measure) for r in rows])} |"
        lines.append(cell)
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("configs", nargs="+", help="recipe configs (temporal split; CV is switched on)")
    p.add_argument("--seeds", nargs="+", type=int, default=None,
                   help="fold/seed settings (default: each config's own seed, 14 and 15)")
    p.add_argument("--all-labels", action="store_true", help="also the all-labels fit's real-dev figure (the aim's)")
    p.add_argument("--jobs", type=int, default=1, help="fits in parallel (processes; default 1)")
    p.add_argument("--runs", default="/tmp/policytag-selection", help="where the runs are saved")
    p.add_argument("-o", "--output", default="/tmp/policytag-selection/selection.json",
                   help="JSON of every (recipe, seed) result; also the cache of a rerun")
    args = p.parse_args(argv)

    from policytag.training.config import load_config
    from policytag.training.realdev import absent_message, realdev_path

    if realdev_path() is None:
        print(f"selection: error: {absent_message()}", file=sys.stderr)
        return 1
    out = Path(args.output)
    cache = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    todo, keys = [], []
    for path in args.configs:
        seeds = args.seeds or sorted({load_config(path)["seed"], 14, 15})
        for seed in seeds:
            key = _key(config_at_seed(path, seed), seed, args.all_labels)
            keys.append(key)
            if key not in cache:
                todo.append((key, path, seed, args.runs, args.all_labels))
    print(f"selection: {len(keys) - len(todo)} cached, {len(todo)} to fit", file=sys.stderr)

    def save():
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp")
        tmp.write_text(json.dumps(cache, indent=1, ensure_ascii=False), encoding="utf-8")
        tmp.replace(out)

    from tqdm import tqdm

    if args.jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            for key, result in tqdm(pool.map(_job, todo), total=len(todo), desc="fits"):
                cache[key] = result
                save()
    else:
        for job in tqdm(todo, desc="fits"):
            key, result = _job(job)
            cache[key] = result
            save()
    results = [cache[k] for k in keys]
    print("\n".join(table(results, args.all_labels)))
    for r in results:
        print(f"  {r['name']} seed {r['seed']}: score {r['selection']:.4f}, real-dev measure micro "
              f"{r['realdev_micro']['measure_type']:.3f}, CV measure macro {r['cv_macro']['measure_type']:.3f}"
              + (f", all-labels real-dev measure {r['all_realdev_micro']['measure_type']:.3f}" if r.get('all_realdev_micro') else "")
              + f" ({r['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
