"""Tagging at scale with the default model: clauses/s, wall time and peak RSS per process for
10k, 100k and 1M clauses, Parquet -> Parquet and JSONL -> JSONL, with 1 and 2 local processes
(``--workers``) and Ray actors (``--engine ray``).

Input: ``N`` clause rows (ids r0000000…) resampled with a fixed stride from the corpus clauses
(~100 characters on average, heading paths kept), written once per size as Parquet (row groups of
2,000) and JSONL. Each measurement is one fresh ``policytag tag --clauses IN -o OUT --model M``
process (what a user runs: model loading and reading/writing included); wall time from start to
exit. Peak RSS: sampled every 0.2 s over the command and all its child processes (worker processes,
Ray workers): the largest single process and the sum.

Usage::

    python benchmarks/bench_scale.py [--model default] [--sizes 10000 100000 1000000]
        [--engines local-1 local-2 ray-2] [--formats parquet jsonl] [--batch-size 512]
        [--only-1m parquet:local-2] [--json reports/scale.json] [--md reports/scale.md]

The machine (CPU, cores, memory) and the load average before and after each run are recorded:
figures from a shared machine are reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_tag import machine  # noqa: E402

from policytag import PROJECT_ROOT  # noqa: E402


def write_inputs(n: int, folder: Path, formats: list[str]) -> dict[str, Path]:
    """``n`` clause rows as Parquet and/or JSONL (the same rows)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from policytag.corpus.segment import segment_paths

    corpus = segment_paths([PROJECT_ROOT / "data" / "corpus"]).clauses
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("heading_path", pa.list_(pa.string())),
                        ("doc_id", pa.string()), ("year", pa.int64())])
    paths = {fmt: folder / f"in-{n}.{fmt}" for fmt in formats}
    writer = pq.ParquetWriter(paths["parquet"], schema) if "parquet" in paths else None
    jsonl = open(paths["jsonl"], "w", encoding="utf-8") if "jsonl" in paths else None
    try:
        for start in range(0, n, 50_000):
            rows = []
            for i in range(start, min(n, start + 50_000)):
                c = corpus[(i * 104729) % len(corpus)]
                rows.append({"id": f"r{i:07d}", "text": c.text, "heading_path": list(c.heading_path),
                             "doc_id": c.doc_id, "year": c.year})
            if writer:  # row groups of 2,000: the reader streams them
                writer.write_table(pa.Table.from_pylist(rows, schema=schema), row_group_size=2000)
            if jsonl:
                jsonl.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    finally:
        if writer:
            writer.close()
        if jsonl:
            jsonl.close()
    return paths


class RssSampler(threading.Thread):
    """Peak RSS of a process tree: of the largest single process and of the sum."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.stop = pid, threading.Event()
        self.peaks: dict[int, int] = {}
        self.peak_sum = 0

    def run(self):
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                self.peaks[p.pid] = max(self.peaks.get(p.pid, 0), rss)
            self.peak_sum = max(self.peak_sum, total)
            time.sleep(0.2)


def run_one(model: str, src: Path, out: Path, engine: str, batch_size: int) -> dict:
    kind, workers = engine.split("-")
    cmd = [sys.executable, "-m", "policytag.cli", "tag", "--clauses", str(src), "-o", str(out), "--stream",
           "--model", model, "--batch-size", str(batch_size), "--workers", workers]
    if kind == "ray":
        cmd += ["--engine", "ray"]
    env = {**os.environ, "TQDM_DISABLE": "1"}
    load_before = "/".join(f"{x:.1f}" for x in os.getloadavg())
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=PROJECT_ROOT)
    sampler = RssSampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"bench_scale: {' '.join(cmd)} failed: {err.strip().splitlines()[-1:]}")
    return {"seconds": seconds, "peak_rss_mib_max_process": round(max(sampler.peaks.values(), default=0) / 2**20),
            "peak_rss_mib_sum": round(sampler.peak_sum / 2**20), "processes": len(sampler.peaks),
            "load_before": load_before, "load_after": "/".join(f"{x:.1f}" for x in os.getloadavg())}


def to_markdown(report: dict) -> str:
    m = report["machine"]
    lines = [
        "# Tagging at scale (benchmarks/bench_scale.py)",
        "",
        f"Model: `{report['model_version']}` (the default model). Machine: {m['cpu']}, {m['cores']} cores, "
        f"{m['memory']} RAM, Python {m['python']}. **Shared machine**: the load average (1/5/15 min) before "
        "and after each run is in the table; on an idle machine expect the clauses/s to be higher.",
        "",
        f"Command per row: `{report['command']}`",
        "",
        "| clauses | in → out | engine | wall s | clauses/s | peak RSS / process (MiB) | peak RSS sum (MiB) | load before | load after |",
        "|---:|---|---|---:|---:|---:|---:|---|---|",
    ]
    for r in report["results"]:
        lines.append(f"| {r['clauses']:,} | {r['format']} → {r['format']} | {r['engine']} | {r['seconds']:.1f} | "
                     f"{r['clauses_per_s']:,.0f} | {r['peak_rss_mib_max_process']} | {r['peak_rss_mib_sum']} | "
                     f"{r['load_before']} | {r['load_after']} |")
    lines += ["", *[f"- {note}" for note in report.get("notes", [])], ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="default")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--engines", nargs="+", default=["local-1", "local-2", "ray-2"])
    ap.add_argument("--formats", nargs="+", default=["parquet", "jsonl"], choices=["parquet", "jsonl"])
    ap.add_argument("--batch-size", type=int, default=512)
    ap.add_argument("--only-1m", nargs="*", default=None, metavar="FORMAT:ENGINE",
                    help="for sizes >= 1M measure only these (e.g. parquet:local-2); default: everything")
    ap.add_argument("--json", default=None, help="write the results as JSON (and merge with an existing file)")
    ap.add_argument("--md", default=None, help="write the results as a Markdown table")
    ap.add_argument("--note", action="append", default=[], help="a note for the report (repeatable)")
    args = ap.parse_args(argv)

    from policytag.app import resolve_model

    model_version = resolve_model(args.model).model_version
    report = {"machine": machine(), "model_version": model_version, "batch_size": args.batch_size,
              "command": f"policytag tag --clauses IN -o OUT --stream --model {args.model} --batch-size "
                         f"{args.batch_size} --workers N [--engine ray]",
              "results": [], "notes": list(args.note)}
    if args.json and Path(args.json).exists():  # runs made earlier (e.g. the 1M run measured separately)
        old = json.loads(Path(args.json).read_text(encoding="utf-8"))
        keep = {(r["clauses"], r["format"], r["engine"]) for r in old.get("results", [])}
        report["results"] = [r for r in old.get("results", []) if r.get("model_version") == model_version]
        report["notes"] = old.get("notes", []) + report["notes"]
        del keep
    print("machine:", json.dumps(report["machine"], ensure_ascii=False), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in args.sizes:
            paths = write_inputs(n, tmp, args.formats)
            for fmt in args.formats:
                for engine in args.engines:
                    if n >= 1_000_000 and args.only_1m is not None and f"{fmt}:{engine}" not in args.only_1m:
                        continue
                    out = tmp / f"out-{n}-{engine}.{fmt}"
                    r = run_one(args.model, paths[fmt], out, engine, args.batch_size)
                    out.unlink(missing_ok=True)
                    row = {"clauses": n, "format": fmt, "engine": engine, "seconds": round(r.pop("seconds"), 1),
                           "model_version": model_version, **r}
                    row["clauses_per_s"] = round(n / row["seconds"], 1)
                    report["results"] = [x for x in report["results"]
                                         if (x["clauses"], x["format"], x["engine"]) != (n, fmt, engine)] + [row]
                    print(json.dumps(row), flush=True)
                    if args.json:  # after every run: a long session that is cut short keeps what it measured
                        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                                                   encoding="utf-8")
            for p in paths.values():
                p.unlink(missing_ok=True)
    report["results"].sort(key=lambda r: (r["clauses"], r["format"], r["engine"]))
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if args.md:
        Path(args.md).write_text(to_markdown(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
