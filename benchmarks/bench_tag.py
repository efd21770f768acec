"""Benchmark ``policytag tag`` on the 2026 notice: cold start and tagging throughput per model.

For each model (the baseline: by default the shipped default model ``policytag/resources/model``,
``--bert RUN_DIR`` and any ``--model RUN_DIR``):

* cold start: a fresh ``policytag tag CORPUS --year 2026 --format jsonl`` process, timed from
  process start to the first JSONL line on stdout (and to exit), median of ``--repeat`` runs;
* load: loading the model in this process;
* tag: ``tag_clauses`` on the 2026 notice's clauses (model forward passes, decoding and
  deadline/target extraction), after load, median of ``--repeat`` runs, as seconds and clauses/s;
* corpus: the same on all clauses of the 18 notices (clauses/s).

Usage::

    python benchmarks/bench_tag.py [--baseline RUN_DIR|default] [--bert RUN_DIR] [--model RUN_DIR ...]
                                   [--repeat N] [--year 2026] [--json]

The machine (CPU, cores, memory, load average) is printed first: figures from a busy machine are
not comparable with figures from an idle one.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from policytag import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "data" / "corpus" / "shanxi_annual_safety_notices_2009-2026.txt"


def shipped_model_spec() -> str:
    """The shipped default model's directory (what a fresh install tags with), absolute (the
    benchmarks resolve it in process and in ``policytag tag`` processes started in the project
    root): the benchmarks' default model. Not ``default``, which prefers any run trained under
    ``runs/`` of a working checkout."""
    from policytag.paths import shipped_model_dir

    return str(shipped_model_dir().resolve())


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        kb = int(next(line for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    try:
        load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "n/a"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "gpu": _gpu(), "os": platform.platform(terse=True),
            "python": platform.python_version(), "load_average_1_5_15": load}


def _gpu() -> str:
    try:
        import torch  # noqa: F401  (only to report; the baseline never needs it)

        return torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none"
    except Exception:  # torch missing or broken: the baseline does not care
        return "none"


def cold_start(spec: str, year: int, repeat: int) -> dict:
    """Fresh processes: seconds to the first JSONL line and to exit (medians)."""
    first, total, notices = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "policytag.cli", "tag", str(CORPUS), "--year", str(year),
                                 "--format", "jsonl", "--model", spec],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=PROJECT_ROOT)
        line = proc.stdout.readline()
        first.append(time.perf_counter() - start)
        proc.stdout.read()
        err = proc.stderr.read()
        proc.wait()
        total.append(time.perf_counter() - start)
        if proc.returncode != 0 or not line:
            raise SystemExit(f"bench_tag: `policytag tag --model {spec}` failed: {err.strip().splitlines()[-1:]}")
        # policytag.app.train_default's line ("policytag: trained the default model in N s (cached in DIR)")
        notices += [x for x in err.splitlines() if "trained the default model" in x]
    out = {"first_result_s": round(statistics.median(first), 2), "process_total_s": round(statistics.median(total), 2),
           "runs": repeat}
    if notices:
        out["note"] = "the first run trained the default model: " + notices[0]
    return out


def in_process(spec: str, year: int, repeat: int) -> dict:
    from policytag.corpus.segment import segment_paths
    from policytag.app import resolve_model
    from policytag.inference.tagging import tag_clauses

    clauses = segment_paths([CORPUS]).clauses
    notice = [c for c in clauses if c.year == year]
    start = time.perf_counter()
    tagger = resolve_model(spec)
    load_s = time.perf_counter() - start
    tag_clauses(tagger, notice[:4], progress=False)  # warm-up (lazy imports, first-call allocations)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        tag_clauses(tagger, notice, progress=False)
        runs.append(time.perf_counter() - start)
    corpus_runs = []
    for _ in range(max(1, repeat // 2)):
        start = time.perf_counter()
        tag_clauses(tagger, clauses, progress=False)
        corpus_runs.append(time.perf_counter() - start)
    tag_s, corpus_s = statistics.median(runs), statistics.median(corpus_runs)
    return {"model_version": tagger.model_version, "load_s": round(load_s, 2), "clauses": len(notice),
            "tag_s": round(tag_s, 3), "clauses_per_s": round(len(notice) / tag_s, 1),
            "corpus_clauses": len(clauses), "corpus_clauses_per_s": round(len(clauses) / corpus_s, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=None, metavar="RUN_DIR|default",
                        help="the baseline run (default: the shipped default model, policytag/resources/model; "
                             "`default` = what `policytag tag` uses without --model, which prefers a trained "
                             "run under runs/ in a working checkout)")
    parser.add_argument("--bert", metavar="RUN_DIR", help="a BERT run directory (any run directory works)")
    parser.add_argument("--model", action="append", default=[], metavar="RUN_DIR", help="more run directories")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if args.baseline is None:
        args.baseline = shipped_model_spec()

    specs = [("baseline", args.baseline)] + ([("bert", args.bert)] if args.bert else []) + \
            [(Path(m).name, m) for m in args.model]
    results = {"machine": machine(), "notice_year": args.year, "models": {}}
    for name, spec in specs:
        cold = cold_start(spec, args.year, max(1, min(args.repeat, 3)))
        results["models"][name] = {"spec": spec, "cold_start": cold, **in_process(spec, args.year, args.repeat)}
    results["machine"]["load_average_after"] = "/".join(f"{x:.1f}" for x in os.getloadavg())
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    m = results["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM, GPU {m['gpu']}, {m['os']}, "
          f"python {m['python']}; load average {m['load_average_1_5_15']} before, {m['load_average_after']} after")
    print(f"{'model':10s} {'cold start→1st row':>19s} {'process':>8s} {'load':>6s} "
          f"{args.year} notice (n)    {'clauses/s':>9s} {'corpus clauses/s':>16s}")
    for name, r in results["models"].items():
        c = r["cold_start"]
        print(f"{name:10s} {c['first_result_s']:>17.2f} s {c['process_total_s']:>6.2f} s {r['load_s']:>4.2f} s "
              f"{r['tag_s']:>8.3f} s ({r['clauses']:>3d}) {r['clauses_per_s']:>9.1f} {r['corpus_clauses_per_s']:>16.1f}"
              f"   [{r['model_version']}]")
        if "note" in c:
            print(f"           note: {c['note']}")


if __name__ == "__main__":
    main()
