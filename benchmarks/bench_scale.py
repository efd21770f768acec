"""Tagging at scale: clauses/s and peak memory for synthetic inputs of 10k, 100k (and 1M) clauses,
built by resampling the corpus clauses, written as a Parquet clause file.

Engines measured, each on the same input and model:

* ``single``: the streaming path in this process (``inference.stream.stream_tag``) at
  ``--batch-size`` clauses per model call (and ``--batch-sizes`` for the batching sweep);
* ``ray-1`` / ``ray-2``: ``--engine ray`` with 1 and 2 actors on a local Ray started for the run.

Peak RSS: of this process for ``single`` (ru_maxrss grows monotonically, so each single figure is
measured in a fresh subprocess), of the driver + Ray workers (sum of their peaks sampled every
0.2 s with psutil) for Ray.

Usage::

    python benchmarks/bench_scale.py [--model RUN_DIR|default] [--sizes 10000 100000 1000000]
                                     [--engines single ray-1 ray-2] [--batch-sizes 64 256 1024] [--json OUT]

Prints the machine first (load average!). 1M clauses take ~30 min per engine on a 2-core machine
with the TF-IDF model; measure what fits and say so.
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


def synthetic_parquet(n: int, path: Path) -> Path:
    """``n`` clause rows (ids r0000000…) resampled with a fixed stride from the corpus clauses."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from policytag.corpus.segment import segment_paths

    corpus = segment_paths([PROJECT_ROOT / "data" / "corpus"]).clauses
    with pq.ParquetWriter(path, pa.schema([("id", pa.string()), ("text", pa.string()),
                                           ("heading_path", pa.list_(pa.string())), ("doc_id", pa.string()),
                                           ("year", pa.int64())])) as writer:
        for start in range(0, n, 50_000):
            rows = []
            for i in range(start, min(n, start + 50_000)):
                c = corpus[(i * 104729) % len(corpus)]
                rows.append({"id": f"r{i:07d}", "text": c.text, "heading_path": list(c.heading_path),
                             "doc_id": c.doc_id, "year": c.year})
            # row groups of 2,000: Ray Data parallelises over row groups (one group = one block)
            writer.write_table(pa.Table.from_pylist(rows, schema=writer.schema), row_group_size=2000)
    return path


def _single(model: str, src: Path, out: Path, batch_size: int) -> dict:
    """One streaming run in a fresh process; returns seconds and that process's peak RSS."""
    code = f"""
import json, resource, time
from policytag.app import resolve_model
from policytag.inference.stream import clause_rows, stream_tag
tagger = resolve_model({model!r})
start = time.perf_counter()
r = stream_tag(tagger, clause_rows({str(src)!r}, False, print), {str(out)!r}, "parquet", batch_size={batch_size},
               progress=False)
print(json.dumps({{"seconds": time.perf_counter() - start, "n": r.written,
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


class _RssSampler(threading.Thread):
    """Peak of the summed RSS of this process and all its descendants (Ray workers)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.stop = 0, threading.Event()

    def run(self):
        import psutil

        me = psutil.Process()
        while not self.stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.2)


def _ray(model: str, src: Path, out: Path, workers: int, batch_size: int) -> dict:
    from policytag.app import resolve_model
    from policytag.inference.ray_engine import tag_parquet_ray
    from policytag.inference.stream_cli import _run_dir

    tagger = resolve_model(model)
    sampler = _RssSampler()
    sampler.start()
    start = time.perf_counter()
    r = tag_parquet_ray(_run_dir(tagger, model), src, out, model_version=tagger.model_version,
                        batch_size=batch_size, workers=workers, progress=False)
    seconds = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    return {"seconds": seconds, "n": r.written, "peak_rss_mib": sampler.peak / 2**20}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="default")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--engines", nargs="+", default=["single", "ray-1", "ray-2"])
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--batch-sizes", type=int, nargs="*", default=[64, 1024],
                    help="extra single-process batch sizes, measured on the smallest size only")
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    print("machine:", json.dumps(machine(), ensure_ascii=False), flush=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in args.sizes:
            src = synthetic_parquet(n, tmp / f"in-{n}.parquet")
            runs = [(e, args.batch_size) for e in args.engines]
            if n == min(args.sizes):
                runs += [("single", b) for b in args.batch_sizes]
            for engine, batch in runs:
                out = tmp / f"out-{n}-{engine}-{batch}.parquet"
                if engine == "single":
                    r = _single(args.model, src, out, batch)
                else:
                    r = _ray(args.model, src, out, int(engine.split("-")[1]), batch)
                row = {"clauses": n, "engine": engine, "batch_size": batch, "seconds": round(r["seconds"], 1),
                       "clauses_per_s": round(n / r["seconds"], 1), "peak_rss_mib": round(r["peak_rss_mib"]),
                       "load_average": machine()["load_average_1_5_15"]}
                assert r["n"] == n, r
                results.append(row)
                print(json.dumps(row), flush=True)
                out.unlink(missing_ok=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "results": results}, indent=2) + "\n",
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
