"""annot2 probe §7: a real ``policytag backend serve`` (default model) under /predict of 500 tasks.

Run: .venv/bin/python tests/data/annot2/probe_backend.py WORKDIR — prints seconds per request (median
of 3) for 1, 64 and 500 corpus clauses, and checks 500 results come back in order."""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/
from backend_server import start_backend  # noqa: E402

from policytag.annotation.labeling_config import build_config  # noqa: E402
from policytag.taxonomy import load_taxonomy  # noqa: E402

work = Path(sys.argv[1])
work.mkdir(parents=True, exist_ok=True)
clauses = [json.loads(x) for x in subprocess.run(
    [sys.executable, "-m", "policytag.cli", "segment", "data/corpus", "--format", "jsonl"],
    capture_output=True, text=True, check=True).stdout.splitlines() if x.startswith("{")]
print("corpus clauses", len(clauses))
backend = start_backend(work, "--no-retrain")
try:
    config = build_config(load_taxonomy())
    for n in (1, 64, 500):
        pool = (clauses * (n // len(clauses) + 1))[:n]  # the corpus has fewer than 500: repeat, new ids
        tasks = [{"id": i + 1, "data": {**c, "clause_id": f"{c['clause_id']}#{i}"}} for i, c in enumerate(pool)]
        times = []
        for _ in range(3):
            t = time.monotonic()
            r = httpx.post(f"{backend.url}/predict", json={"tasks": tasks, "label_config": config, "project": "1.1"},
                           timeout=300)
            times.append(time.monotonic() - t)
            r.raise_for_status()
        body = r.json()
        assert len(body["results"]) == n and all(x["result"] for x in body["results"]), n
        print(f"/predict {n} tasks: median {statistics.median(times):.2f} s ({', '.join(f'{x:.2f}' for x in times)}), "
              f"{len(r.content) / 1e6:.2f} MB")
finally:
    backend.stop()
