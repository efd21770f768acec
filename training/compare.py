"""``policytag compare``: one Markdown + JSON report and a PNG chart over several saved runs.

Every figure comes from the runs' own ``metrics.json`` (written at training time; ``policytag
evaluate`` reproduces it), so the report never silently re-trains anything. Runs are compared only
when they were scored on the identical data and split: same ``data_hash``, same split settings and
seed (the CV folds depend on it). A mismatch is refused unless ``allow_mismatch`` is set, and then
the report says so at the top.

Real-dev column: every run is also scored, with its saved model, on the real-text dev set
(``training/realdev.py``: ``$POLICYTAG_REALDEV`` or ``../shared/realdev/realdev.jsonl``; real clauses
of other governments, outside the repository, for evaluation and model selection only). When the
set is absent the report says so in one line and has no real-dev figures.

Optionally (``quantized=True``) each run whose tagger supports dynamic int8 quantisation (BERT)
is re-scored on its test split twice, float32 and int8, in the same process one after the other,
so the speed-up and the F1 change are measured under the same machine load.
"""

from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path
from typing import Any

import yaml

from policytag import PolicytagError
from policytag.io import atomic_write
from policytag.models.runs import read_run_info, refuse_outside_links, refuse_pickles, run_metrics, verify_model_files
from policytag.taxonomy import DIMENSIONS, load_taxonomy

SUMMARY_KEYS = ("micro_f1", "macro_f1", "samples_f1", "exact_match")


def _run_record(run_dir: Path) -> dict[str, Any]:
    refuse_outside_links(Path(run_dir))
    refuse_pickles(Path(run_dir))  # nothing is unpickled here, but such a run is never reported either
    info = read_run_info(run_dir)
    verify_model_files(Path(run_dir))  # a missing or pickled .npy: broken, not a normal row
    config = yaml.safe_load((run_dir / "config.yaml").read_text(encoding="utf-8"))
    metrics = run_metrics(run_dir)
    model = config.get("model", {})
    return {
        "name": info["name"],
        "path": str(run_dir),
        "tagger": info["tagger"],
        "model_version": info.get("model_version"),
        "taxonomy_version": info.get("taxonomy_version"),
        "data_hash": info["data_hash"],
        "split": config.get("split", {}),
        "seed": config.get("seed"),
        "params": model.get("params") or {},
        "cv_params": model.get("cv_params") or {},
        "train_seconds": info.get("train_seconds"),
        "model_size_bytes": info.get("model_size_bytes"),
        "throughput_clauses_per_s": info.get("throughput_clauses_per_s"),
        "best_epoch": info.get("best_epoch"),
        "sizes": metrics.get("sizes"),
        "test": metrics.get("test"),
        "dev": metrics.get("dev"),
        "cv": metrics.get("cv"),
        "oof": metrics.get("oof"),
        "challenge": metrics.get("challenge"),
        "challenge_info": metrics.get("challenge_info"),
        "realdev": None,  # scored at compare time (score_realdev_record): the set lives outside the repo
        "realdev_info": None,
        "calibration": metrics.get("calibration") or {},
        "mode": (config.get("split") or {}).get("mode", "temporal"),
        "augment": (config.get("data") or {}).get("augment"),
    }


def score_challenge(rec: dict) -> None:
    """Score a run on the challenge set when it was trained before the set existed (the saved
    model as it is; nothing is tuned). Adds ``challenge``, ``challenge_info`` and calibration."""
    from policytag.labels import label_matrix
    from policytag.metrics import calibration_report
    from policytag.models.runs import load_run

    from .challenge import challenge_path, load_challenge
    from .metrics import evaluate_labels

    config = yaml.safe_load((Path(rec["path"]) / "config.yaml").read_text(encoding="utf-8"))
    path = challenge_path(config)
    if not path.exists():
        return
    part = load_challenge(path)
    tagger = load_run(rec["path"])
    start = time.perf_counter()
    proba = tagger.predict_proba(part.clauses)
    pred = tagger.decode(proba)
    elapsed = time.perf_counter() - start
    taxonomy = load_taxonomy()
    rec["challenge"] = evaluate_labels(part.labels, pred, taxonomy)
    rec["challenge_info"] = {"path": str(path), "n": len(part.examples), "data_hash": part.data_hash,
                             "throughput_clauses_per_s": round(len(part.examples) / max(elapsed, 1e-9), 1),
                             "scored_at_compare_time": True}
    rec["calibration"] = {**rec.get("calibration", {}),
                          "challenge": calibration_report(proba, label_matrix(part.labels, taxonomy))}


def score_realdev_record(rec: dict, path: Path) -> None:
    """Score a run's saved model on the real-dev set (nothing is tuned): adds ``realdev`` (micro,
    macro, samples F1, exact match, per-label P/R/F1/support per dimension) and ``realdev_info``."""
    from policytag.models.runs import load_run

    from .realdev import score_realdev

    scored = score_realdev(load_run(rec["path"]), path)
    if scored is not None:
        rec["realdev"], rec["realdev_info"] = scored


def _current_challenge_hash(rec: dict) -> str | None:
    from .challenge import challenge_path, load_challenge

    config = yaml.safe_load((Path(rec["path"]) / "config.yaml").read_text(encoding="utf-8"))
    path = challenge_path(config)
    return load_challenge(path).data_hash if path.exists() else None


def _split_key(rec: dict) -> str:
    s = {k: rec["split"].get(k) for k in ("train_until", "dev_years", "test_years", "folds")}
    return json.dumps({**s, "seed": rec["seed"]}, sort_keys=True)


def _split_differences(records: list[dict]) -> str:
    """Only the split settings that differ, each with every run's value (``seed base=7, b=13``):
    the whole settings of every run made a refusal too long to spot the difference in."""
    settings = [json.loads(_split_key(r)) for r in records]
    keys = [k for k in settings[0] if len({json.dumps(s[k]) for s in settings}) > 1]
    return "; ".join(f"{k} " + ", ".join(f"{r['name']}={s[k]}" for r, s in zip(records, settings)) for k in keys)


def check_comparable(records: list[dict]) -> list[str]:
    """Reasons the runs were not scored on the identical data/split (empty when they were)."""
    problems = []
    hashes = {r["data_hash"] for r in records}
    if len(hashes) > 1:
        problems.append("different gold data: " + ", ".join(f"{r['name']}={r['data_hash']}" for r in records))
    splits = {_split_key(r) for r in records}
    if len(splits) > 1:
        problems.append("different split settings or seeds: " + _split_differences(records))
    versions = {r["taxonomy_version"] for r in records}
    if len(versions) > 1:
        problems.append("different taxonomy versions: " + ", ".join(f"{r['name']}={r['taxonomy_version']}" for r in records))
    with_cv = [r["name"] for r in records if r["cv"]]
    if with_cv and len(with_cv) != len(records):
        problems.append(f"only some runs have CV figures ({', '.join(with_cv)}); the CV table lists those")
    return problems


def measure_quantization(run_dir: Path, repeats: int = 1) -> dict[str, Any] | None:
    """Float32 vs dynamic-int8 test figures and throughput of one run (None if not supported)."""
    from policytag.models.runs import load_run

    from .evaluate import run_config
    from .train import config_dataset, evaluate_on, temporal

    tagger = load_run(run_dir)
    if not hasattr(tagger, "quantized_net"):
        return None
    config = run_config(run_dir)
    data = config_dataset(config, Path(run_dir) / "config.yaml")
    split = temporal(config, data)
    out: dict[str, Any] = {"machine": machine_note()}
    for label, flag in (("float32", False), ("int8", True)):
        tagger.quantize = flag
        tagger.predict_proba(data.subset(split.test[:8]).clauses)  # warm-up (and builds the int8 copy)
        runs = [evaluate_on(tagger, data, split.test) for _ in range(repeats)]
        metrics = runs[0][0]
        out[label] = {"throughput_clauses_per_s": round(max(r[1] for r in runs), 2),
                      **{dim: {k: metrics[dim][k] for k in SUMMARY_KEYS} for dim in DIMENSIONS},
                      "per_label_f1": {dim: {lid: m["f1"] for lid, m in metrics[dim]["per_label"].items()}
                                       for dim in DIMENSIONS}}
    out["int8"]["model_size_bytes"] = _state_size(tagger.quantized_net())
    out["float32"]["model_size_bytes"] = _state_size(tagger.model_)
    out["speedup"] = round(out["int8"]["throughput_clauses_per_s"] / out["float32"]["throughput_clauses_per_s"], 2)
    out["macro_f1_change"] = {dim: round(out["int8"][dim]["macro_f1"] - out["float32"][dim]["macro_f1"], 4)
                              for dim in DIMENSIONS}
    return out


def _state_size(module) -> int:
    import io

    import torch

    buf = io.BytesIO()
    torch.save(module.state_dict(), buf)
    return buf.tell()


def machine_note() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{platform.machine()} {os.cpu_count()} CPU cores, load average {load:.1f} at measurement"


def _refuse_same_names(records: list[dict]) -> None:
    """Rows are keyed by run name (run.json ``name``, set when the run is trained), so two runs of
    one name cannot share a report; a copied run directory keeps its name, which the bare list of
    names did not explain."""
    by_name: dict[str, list[str]] = {}
    for rec in records:
        by_name.setdefault(rec["name"], []).append(str(rec["path"]))
    for name, paths in by_name.items():
        if len(paths) > 1:
            raise PolicytagError(f"{' and '.join(paths)} are both the run named {name!r} (run.json name, fixed when "
                                 "a run is trained; a copied directory keeps it): compare runs trained under "
                                 "different names, e.g. `policytag train CONFIG -o runs/OTHER`")


def compare_runs(run_dirs: list[str | Path], out: str | Path = "reports/comparison", allow_mismatch: bool = False,
                 quantized: bool = False, realdev: str | Path | None = None) -> dict[str, Path]:
    """Write ``OUT.md``, ``OUT.json``, ``OUT.png`` and ``OUT-reliability.png``; returns their paths.

    ``realdev``: the real-dev file (default: ``training.realdev.realdev_path()``; absent -> the
    report says so and has no real-dev column)."""
    from .realdev import absent_message, realdev_path
    if not run_dirs:
        raise PolicytagError("compare needs at least one run directory")
    records = [_run_record(Path(r)) for r in run_dirs]
    _refuse_same_names(records)
    problems = check_comparable(records)
    hard = [p for p in problems if not p.startswith("only some runs")]
    if hard and not allow_mismatch:
        # one line (the CLI prints errors on one line; newlines came out as literal "\n")
        raise PolicytagError("runs were not scored on the identical split (" + "; ".join(hard) +
                             "); retrain them on the same data and split settings, or pass --allow-mismatch")
    for rec in records:
        # scored at compare time when the run predates the challenge set or its current version
        # (the set grows: a run trained on an older version is re-scored, its model unchanged)
        if not rec.get("challenge") or (rec.get("challenge_info") or {}).get("data_hash") != _current_challenge_hash(rec):
            score_challenge(rec)
    hashes = {(r.get("challenge_info") or {}).get("data_hash") for r in records if r.get("challenge_info")}
    if len(hashes) > 1:
        problems.append("runs were scored on different versions of the challenge set: " +
                        ", ".join(f"{r['name']}={(r.get('challenge_info') or {}).get('data_hash')}" for r in records))
    rd_path = Path(realdev) if realdev else realdev_path()
    if rd_path is not None and not rd_path.is_file():
        raise PolicytagError(f"{rd_path}: real-dev file not found")
    if rd_path is not None:
        for rec in records:
            score_realdev_record(rec, rd_path)
        first = next((r["realdev_info"] for r in records if r.get("realdev_info")), {})
        realdev_note = {"path": str(rd_path), "n": first.get("n"), "data_hash": first.get("data_hash")}
    else:
        realdev_note = {"absent": absent_message()}
    taxonomy = load_taxonomy()
    report = {
        "generated": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": machine_note(),
        "realdev": realdev_note,
        "comparable": not hard,
        "warnings": problems,
        "labels": {dim: [{"id": l.id, "name": l.name} for l in taxonomy[dim].labels] for dim in DIMENSIONS},
        "runs": records,
    }
    if quantized:
        report["quantization"] = {r["name"]: q for r in records
                                  if (q := measure_quantization(Path(r["path"]))) is not None}
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    paths = {"json": out.with_suffix(".json"), "md": out.with_suffix(".md"), "png": out.with_suffix(".png"),
             "reliability": out.with_name(out.name + "-reliability.png")}
    with atomic_write(paths["json"]) as fh:
        fh.write(json.dumps(report, ensure_ascii=False, indent=2))
    with atomic_write(paths["md"]) as fh:
        fh.write(render_markdown(report, paths["png"].name, paths["reliability"].name))
    plot(report, paths["png"])
    plot_reliability(report, paths["reliability"])
    return paths


# --------------------------------------------------------------------------- rendering
def _f(x, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _size(n) -> str:
    return "–" if n is None else (f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n / 1024:.0f} KiB")


def _summary_table(records: list[dict], part: str) -> list[str]:
    lines = ["| model | dimension | micro-F1 | macro-F1 | samples-F1 | exact match | n |", "|---|---|---|---|---|---|---|"]
    for dim in DIMENSIONS:
        for r in records:
            m = (r.get(part) or {}).get(dim)
            if m:
                lines.append(f"| {r['name']} | {dim} | " + " | ".join(_f(m[k]) for k in SUMMARY_KEYS) + f" | {m['n']} |")
    return lines


def _per_label_table(records: list[dict], part: str, dim: str, labels: list[dict]) -> list[str]:
    rs = [r for r in records if (r.get(part) or {}).get(dim)]
    head = "| label | name | support | " + " | ".join(f"{r['name']} P / R / F1" for r in rs) + " |"
    lines = [head, "|---|---|---|" + "---|" * len(rs)]
    for lab in labels:
        cells = []
        for r in rs:
            m = r[part][dim]["per_label"][lab["id"]]
            cells.append(f"{_f(m['precision'], 2)} / {_f(m['recall'], 2)} / **{_f(m['f1'], 2)}**")
        support = rs[0][part][dim]["per_label"][lab["id"]]["support"] if rs else 0
        lines.append(f"| {lab['id']} | {lab['name']} | {support} | " + " | ".join(cells) + " |")
    return lines


def headline_table(records: list[dict]) -> list[str]:
    """The one-table summary (README, docs/training.md): macro-F1 per dimension on the temporal test
    / full-recipe CV / challenge set, micro / macro-F1 on the real-dev set (real clauses of other
    governments, outside the repository), challenge ECE, cost."""
    lines = ["| model | sector macro-F1 test / CV / challenge | measure-type macro-F1 test / CV / challenge | "
             "**real-dev** sector micro / macro-F1 | **real-dev** measure-type micro / macro-F1 | "
             "ECE sector / measure (challenge) | train time | size | clauses/s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in records:
        cells = []
        for dim in DIMENSIONS:
            vals = [((r.get(part) or {}).get(dim) or {}).get("macro_f1") for part in ("test", "cv", "challenge")]
            cells.append(" / ".join(_f(v) for v in vals))
        for dim in DIMENSIONS:
            m = (r.get("realdev") or {}).get(dim) or {}
            cells.append(f"{_f(m.get('micro_f1'))} / {_f(m.get('macro_f1'))}")
        cal = (r.get("calibration") or {}).get("challenge") or {}
        ece = " / ".join(_f((cal.get(dim) or {}).get("ece")) for dim in DIMENSIONS)
        t = r["train_seconds"]
        lines.append(f"| {r['name']} | " + " | ".join(cells) + f" | {ece} | {'–' if t is None else f'{t:.0f} s'} | "
                     f"{_size(r['model_size_bytes'])} | {_f(r['throughput_clauses_per_s'], 0)} |")
    return lines


def selection_score(rec: dict) -> float | None:
    """How the default recipe is chosen (issue 17 item 7): per dimension the mean of the 5-fold
    CV macro-F1 (the corpus' own genre, every label weighted alike) and the real-dev micro-F1
    (other governments' real text, every clause alike), then the mean over the dimensions. Never
    the temporal test or the challenge set. None when a run lacks CV or real-dev figures."""
    cv, rd = rec.get("cv") or {}, rec.get("realdev") or {}
    if not all(dim in cv and dim in rd for dim in DIMENSIONS):
        return None
    return sum((cv[dim]["macro_f1"] + rd[dim]["micro_f1"]) / 2 for dim in DIMENSIONS) / len(DIMENSIONS)


def selection_table(records: list[dict]) -> list[str]:
    rows = [(selection_score(r), r) for r in records]
    rows = sorted([x for x in rows if x[0] is not None], key=lambda x: -x[0])
    if not rows:
        return []
    lines = ["| rank | model | CV macro-F1 sector / measure | real-dev micro-F1 sector / measure | score |",
             "|---|---|---|---|---|"]
    for i, (score, r) in enumerate(rows, 1):
        lines.append(f"| {i} | {r['name']} | {_f(r['cv']['sector']['macro_f1'])} / {_f(r['cv']['measure_type']['macro_f1'])} | "
                     f"{_f(r['realdev']['sector']['micro_f1'])} / {_f(r['realdev']['measure_type']['micro_f1'])} | "
                     f"**{score:.3f}** |")
    return lines


def realdev_line(report: dict) -> str:
    """One sentence on the real-dev set: what was scored, or why there are no real-dev figures."""
    note = report.get("realdev") or {}
    if note.get("absent") or not note:
        return "Real-dev: " + (note.get("absent") or "not scored") + "."
    return (f"Real-dev = {note.get('n')} real clauses of other governments (`{Path(note['path']).name}`, hash "
            f"`{note.get('data_hash')}`, kept outside the repository; evaluation and model selection only, "
            "never training), scored with each run's saved model at compare time.")


def _ece_table(records: list[dict]) -> list[str]:
    parts = ("test", "challenge", "oof")
    lines = ["| model | " + " | ".join(f"{p} ECE sector / measure" for p in parts) + " |", "|---|---|---|---|"]
    for r in records:
        cal = r.get("calibration") or {}
        lines.append(f"| {r['name']} | " + " | ".join(
            " / ".join(_f(((cal.get(p) or {}).get(dim) or {}).get("ece")) for dim in DIMENSIONS) for p in parts) + " |")
    return lines


def render_markdown(report: dict, png_name: str, reliability_name: str | None = None) -> str:
    records = report["runs"]
    lines = ["# Model comparison", "",
             f"Generated {report['generated']} on {report['machine']}. "
             f"Runs: {', '.join(r['name'] for r in records)}.", ""]
    if report["warnings"]:
        lines += ["> **WARNING** " + w for w in report["warnings"]] + [""]
    if report["runs"]:
        r0 = records[0]
        sizes = r0.get("sizes") or {}
        lines += [f"Data hash `{r0['data_hash']}`, taxonomy {r0['taxonomy_version']}. Temporal split: train ≤ "
                  f"{r0['split'].get('train_until')} ({sizes.get('train')} clauses), dev {r0['split'].get('dev_years')} "
                  f"({sizes.get('dev')}), test {r0['split'].get('test_years')} ({sizes.get('test')}). CV: "
                  f"{r0['split'].get('folds')}-fold iterative stratification over both dimensions, seed {r0['seed']}; "
                  "thresholds tuned on each fold's inner dev split.", ""]
    lines += ["## Summary", ""] + headline_table(records) + ["",
              "test = temporal test (runs fitted on the train years; `mode: all` runs have none), CV = the same "
              "recipe 5-fold, challenge = `data/challenge/` (never used for training, stopping or thresholds); "
              "ECE = expected calibration error over all (clause, label) scores, 10 bins.", "",
              realdev_line(report), ""]
    lines += [f"![comparison]({png_name})", "", "## Temporal split: test", ""] + _summary_table(records, "test") + [""]
    chal = [r for r in records if r.get("challenge")]
    if chal:
        info = chal[0].get("challenge_info") or {}
        lines += ["## Challenge set", "", f"{info.get('n')} clauses (`{info.get('path')}`, hash "
                  f"`{info.get('data_hash')}`), scored with each run's saved model.", ""] + \
            _summary_table(chal, "challenge") + [""]
    rd = [r for r in records if r.get("realdev")]
    if rd:
        lines += ["## Real-dev (real clauses of other governments)", "", realdev_line(report), ""] + \
            _summary_table(rd, "realdev") + [""]
    sel = selection_table(records)
    if sel:
        lines += ["## Choosing the default recipe: CV and real-dev together", "",
                  "score = mean over the two dimensions of (5-fold CV macro-F1 + real-dev micro-F1) / 2; "
                  "never the temporal test or the challenge set. Runs without CV or real-dev figures are not ranked.",
                  ""] + sel + [""]
    oof = [r for r in records if r.get("oof")]
    if oof:
        lines += ["## Out-of-fold (runs fitted on all labels)", ""] + _summary_table(oof, "oof") + [""]
    lines += ["## Calibration", ""] + _ece_table(records) + [""]
    if reliability_name:
        lines += [f"![reliability]({reliability_name})", ""]
    cv = [r for r in records if r.get("cv")]
    if cv:
        lines += ["## Cross-validation (mean over folds)", ""] + _summary_table(cv, "cv") + [""]
        for r in cv:
            if r["cv_params"]:
                lines.append(f"- {r['name']}: CV used a smaller budget than the temporal run: "
                             f"{json.dumps(r['cv_params'])} (see docs/training.md).")
        lines.append("")
    lines += ["## Cost", "", "| model | train time | model size | inference throughput | best epoch |",
              "|---|---|---|---|---|"]
    for r in records:
        t = r["train_seconds"]
        lines.append(f"| {r['name']} | {'–' if t is None else f'{t:.1f} s ({t / 60:.1f} min)'} | "
                     f"{_size(r['model_size_bytes'])} | {_f(r['throughput_clauses_per_s'], 1)} clauses/s | "
                     f"{r.get('best_epoch') or '–'} |")
    lines += ["", "Train time = fit on the temporal train split incl. dev-based early stopping and threshold "
              "tuning; throughput = test-set prediction at training time (same machine, shared with other jobs).", ""]
    for name, q in (report.get("quantization") or {}).items():
        lines += [f"## Dynamic int8 quantisation: {name}", "",
                  f"Measured on {q['machine']}, test split, float32 then int8 in the same process; each decodes with its own per-label thresholds tuned on dev (int8 through the int8 model) when the run has them.", "",
                  "| variant | throughput | weights | " + " | ".join(f"{d} macro-F1 | {d} micro-F1" for d in DIMENSIONS) + " |",
                  "|---|---|---|" + "---|---|" * len(DIMENSIONS)]
        for variant in ("float32", "int8"):
            v = q[variant]
            lines.append(f"| {variant} | {v['throughput_clauses_per_s']:.1f} clauses/s | {_size(v['model_size_bytes'])} | " +
                         " | ".join(f"{_f(v[d]['macro_f1'])} | {_f(v[d]['micro_f1'])}" for d in DIMENSIONS) + " |")
        lines += ["", f"Speed-up ×{q['speedup']:.2f}; macro-F1 change " +
                  ", ".join(f"{d} {q['macro_f1_change'][d]:+.3f}" for d in DIMENSIONS) + ".", ""]
    for part, title in (("test", "temporal test"), ("cv", "CV"), ("challenge", "challenge set"),
                        ("realdev", "real-dev")):
        for dim in DIMENSIONS:
            if any((r.get(part) or {}).get(dim) for r in records):
                lines += [f"## Per label, {title}: {dim}", ""] + \
                         _per_label_table(records, part, dim, report["labels"][dim]) + [""]
    return "\n".join(lines)


def plot(report: dict, path: Path) -> None:
    """Macro/micro-F1 per dimension (test and CV), and per-label test F1 for each dimension."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    records = report["runs"]
    names = [r["name"] for r in records]
    fig, axes = plt.subplots(3, 1, figsize=(13, 13), gridspec_kw={"height_ratios": [1, 1.2, 1.2]})
    ax = axes[0]
    groups = [(f"{dim}\n{part} {key.replace('_f1', '')}-F1", part, dim, key)
              for part in ("test", "cv", "realdev") for dim in DIMENSIONS for key in ("macro_f1", "micro_f1")]
    groups = [g for g in groups if any((r.get(g[1]) or {}).get(g[2]) for r in records)]
    x = np.arange(len(groups))
    width = 0.8 / max(1, len(records))
    for i, r in enumerate(records):
        vals = [((r.get(part) or {}).get(dim) or {}).get(key, 0.0) for _, part, dim, key in groups]
        ax.bar(x + i * width, vals, width, label=r["name"])
    ax.set_xticks(x + width * (len(records) - 1) / 2, [g[0] for g in groups], fontsize=8)
    ax.set_ylim(0, 1)
    ax.set_title("Summary F1 (temporal test, CV mean and real-dev)")
    ax.legend(fontsize=8)
    for ax, dim in zip(axes[1:], DIMENSIONS):
        ids = [lab["id"] for lab in report["labels"][dim]]
        x = np.arange(len(ids))
        for i, r in enumerate(records):
            pl = ((r.get("test") or {}).get(dim) or {}).get("per_label", {})
            ax.bar(x + i * width, [pl.get(lid, {}).get("f1", 0.0) for lid in ids], width, label=r["name"])
        ax.set_xticks(x + width * (len(records) - 1) / 2, ids, rotation=45, ha="right", fontsize=8)
        ax.set_ylim(0, 1)
        ax.set_title(f"Per-label F1, temporal test: {dim}")
    fig.tight_layout()
    tmp = path.with_name(path.name + ".tmp.png")
    fig.savefig(tmp, dpi=110)
    plt.close(fig)
    os.replace(tmp, path)


def plot_reliability(report: dict, path: Path) -> None:
    """Reliability diagram per dimension (challenge set, else test): mean score vs positive rate."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(DIMENSIONS), figsize=(12, 5.5))
    for ax, dim in zip(axes, DIMENSIONS):
        ax.plot([0, 1], [0, 1], color="#999", lw=1, ls="--")
        for r in report["runs"]:
            cal = r.get("calibration") or {}
            part = "challenge" if cal.get("challenge") else "test"
            curve = ((cal.get(part) or {}).get(dim) or {}).get("reliability") or []
            pts = [(b["mean_score"], b["frac_positive"]) for b in curve if b["n"]]
            if pts:
                ax.plot(*zip(*pts), marker="o", ms=3, label=f"{r['name']} ({part}, ECE "
                        f"{((cal.get(part) or {}).get(dim) or {}).get('ece', 0):.3f})")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_xlabel("mean score in bin")
        ax.set_ylabel("fraction positive")
        ax.set_title(f"Reliability: {dim}")
        ax.legend(fontsize=7)
    fig.tight_layout()
    tmp = path.with_name(path.name + ".tmp.png")
    fig.savefig(tmp, dpi=100)
    plt.close(fig)
    os.replace(tmp, path)
