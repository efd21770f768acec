"""Tagging at scale with the default model: clauses/s, wall time and peak RSS per process for
10k, 100k and 1M clauses, Parquet -> Parquet and JSONL -> JSONL, with 1 and 2 local processes
(``--workers``) and Ray actors (``--engine ray``).

Input: ``N`` clause rows (ids r0000000…) resampled with a fixed stride from the corpus clauses
(~100 characters on average, heading paths kept), written once per size as Parquet (row groups of
2,000) and JSONL. Each measurement is one fresh ``policytag tag --clauses IN -o OUT --model M``
process (what a user runs: model loading and reading/writing included); wall time from start to
exit. Peak RSS: sampled every 0.2 s over the command and all its child processes (worker processes,
Ray workers): the largest single process and the sum. Per row also:

* the clauses/s of one worker (this process, a ``--workers`` process or a Ray actor) while it
  tags and encodes, and the seconds until the first rows were written (the command's last line,
  ``StreamResult.summary``): Ray's per-actor throughput against the local engine's per process;
* the CPU the command used and the cores other work kept busy meanwhile (system CPU time minus
  the command's, over the wall time): on a shared 2-core machine what a second process can gain
  depends on it;
* with ``--compare`` (default: inputs up to 100k), whether the output equals the first engine's of
  the same size and format (JSONL byte for byte, Parquet as tables) and its ids are in input order.

Usage::

    python benchmarks/bench_scale.py [--model RUN_DIR] [--sizes 10000 100000 1000000]
        [--engines local-1 local-2 ray-2] [--formats parquet jsonl] [--batch-size 512]
        [--only-1m parquet:local-2 ...] [--json reports/scale.json] [--md reports/scale.md]

``--json`` keeps earlier rows of the same model version (a long run made separately, e.g. the
1M rows) and is rewritten (atomically) after every run, so a session cut short keeps what it
measured; ``--md`` is rendered from it. The machine (CPU, cores, memory), the commit and the load
average before and after each run are recorded: figures from a shared machine are reported as such.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_tag import machine, shipped_model_spec  # noqa: E402

from policytag import PROJECT_ROOT  # noqa: E402
from policytag.io import atomic_write  # noqa: E402

ENGINE_ORDER = {"local-1": 0, "local-2": 1, "ray-2": 2}
#: the acceptance aim (issue 18): 1M clauses Parquet -> Parquet with 2 processes
AIM = {"clauses": 1_000_000, "format": "parquet", "engine": "local-2", "seconds": 600, "rss_mib": 1024}


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
    """Peak RSS of a process tree (the largest single process and the sum) and its CPU seconds."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.stop = pid, threading.Event()
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, float] = {}  # last seen user+system seconds per process
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
                    t = p.cpu_times()
                except psutil.Error:
                    continue
                total += rss
                self.peaks[p.pid] = max(self.peaks.get(p.pid, 0), rss)
                self.cpu[p.pid] = t.user + t.system
            self.peak_sum = max(self.peak_sum, total)
            time.sleep(0.2)


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has been busy (all cores; not idle or waiting for I/O)."""
    import psutil

    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


#: ``StreamResult.summary`` in the command's last line: workers, clauses/s, per CPU second, first rows
SUMMARY = re.compile(r"(?:1 process|(\d+) workers): ([\d,]+) clauses/s(?: \(([\d,]+) per CPU second\))?"
                     r"(?: each)? while tagging; first rows after ([\d.]+) s")


def run_one(model: str, src: Path, out: Path, engine: str, batch_size: int) -> dict:
    kind, workers = engine.split("-")
    cmd = [sys.executable, "-m", "policytag.cli", "tag", "--clauses", str(src), "-o", str(out), "--stream",
           "--model", model, "--batch-size", str(batch_size), "--workers", workers]
    if kind == "ray":
        cmd += ["--engine", "ray"]
    env = {**os.environ, "TQDM_DISABLE": "1"}
    load_before = "/".join(f"{x:.1f}" for x in os.getloadavg())
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M:%S")
    busy_before = busy_cpu_seconds()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=PROJECT_ROOT)
    sampler = RssSampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    busy = busy_cpu_seconds() - busy_before
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"bench_scale: {' '.join(cmd)} failed: {err.strip().splitlines()[-1:]}")
    m = SUMMARY.search(err)
    own_cpu = sum(sampler.cpu.values())
    return {"seconds": seconds, "started_utc": started,
            "peak_rss_mib_max_process": round(max(sampler.peaks.values(), default=0) / 2**20),
            "peak_rss_mib_sum": round(sampler.peak_sum / 2**20), "processes": len(sampler.peaks),
            "per_worker_clauses_per_s": float(m.group(2).replace(",", "")) if m else None,
            "per_worker_clauses_per_cpu_s": float(m.group(3).replace(",", "")) if m and m.group(3) else None,
            "first_rows_s": float(m.group(4)) if m else None,
            "cpu_s": round(own_cpu, 1), "driver_cpu_s": round(sampler.cpu.get(proc.pid, 0.0), 1),
            "other_cores_busy": round(max(0.0, busy - own_cpu) / seconds, 2),
            "load_before": load_before, "load_after": "/".join(f"{x:.1f}" for x in os.getloadavg())}


def same_output(fmt: str, a: Path, b: Path) -> bool:
    """Are two outputs equal: JSONL byte for byte, Parquet as tables (values and schema)?"""
    if fmt == "jsonl":
        return a.read_bytes() == b.read_bytes()
    import pyarrow.parquet as pq

    return pq.read_table(a).equals(pq.read_table(b))


def in_input_order(fmt: str, out: Path, n: int) -> bool:
    """Are the output's clause ids r0000000 … in input order, each once?"""
    if fmt == "jsonl":
        with open(out, encoding="utf-8") as fh:
            ids = [json.loads(line)["clause_id"] for line in fh]
    else:
        import pyarrow.parquet as pq

        ids = pq.read_table(out, columns=["clause_id"]).column("clause_id").to_pylist()
    return ids == [f"r{i:07d}" for i in range(n)]


def per_worker_comparison(results: list[dict]) -> list[str]:
    """Markdown lines: one worker's clauses/s while tagging (wall time; per CPU second), local
    process vs Ray actor."""
    engines = ("local-1", "local-2", "ray-2")
    lines = ["| clauses | in → out | local-1 (1 process) | local-2 (per process) | ray-2 (per actor) | "
             "ray-2 / local-2 |", "|---:|---|---:|---:|---:|---:|"]
    for n, fmt in sorted({(r["clauses"], r["format"]) for r in results}):
        mine = {r["engine"]: r for r in results if (r["clauses"], r["format"]) == (n, fmt)}
        wall = {e: mine[e].get("per_worker_clauses_per_s") for e in engines if e in mine}
        cpu = {e: mine[e].get("per_worker_clauses_per_cpu_s") for e in engines if e in mine}
        if not any(wall.values()):
            continue
        shown = [f"{wall[e]:,.0f} ({cpu[e]:,.0f})" if wall.get(e) and cpu.get(e) else
                 (f"{wall[e]:,.0f}" if wall.get(e) else "–") for e in engines]
        ratio = "–"
        if wall.get("ray-2") and wall.get("local-2"):
            ratio = f"{wall['ray-2'] / wall['local-2']:.2f}"
            if cpu.get("ray-2") and cpu.get("local-2"):
                ratio += f" ({cpu['ray-2'] / cpu['local-2']:.2f})"
        lines.append(f"| {n:,} | {fmt} → {fmt} | {' | '.join(shown)} | {ratio} |")
    return lines


def aim_line(results: list[dict]) -> str:
    row = next((r for r in results if all(r[k] == AIM[k] for k in ("clauses", "format", "engine"))), None)
    if row is None:
        return "Aim (1M clauses Parquet → Parquet, 2 processes, ≤ 10 min, ≤ 1 GiB per process): **not measured**."
    t_ok, m_ok = row["seconds"] <= AIM["seconds"], row["peak_rss_mib_max_process"] <= AIM["rss_mib"]
    return (f"Aim (1M clauses Parquet → Parquet, 2 processes): **{row['seconds'] / 60:.1f} min** (≤ 10 min: "
            f"**{'met' if t_ok else 'missed'}**), peak RSS **{row['peak_rss_mib_max_process']} MiB** in the largest "
            f"process (≤ 1 GiB: **{'met' if m_ok else 'missed'}**); load {row['load_before']} before, "
            f"{row.get('other_cores_busy', '–')} cores busy with other work during the run.")


def to_markdown(report: dict) -> str:
    m = report["machine"]
    lines = [
        "# Tagging at scale (benchmarks/bench_scale.py)",
        "",
        f"Model: `{report['model_version']}` (the default model). Commit `{report.get('commit', '?')}`. "
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM, Python {m['python']}. **Shared machine**: "
        "the load average (1/5/15 min) before and after each run and the cores other work kept busy during "
        "it are in the table; on an idle machine expect higher clauses/s.",
        "",
        f"Command per row: `{report['command']}`. Parquet rows carry no `evidence` column, so the Parquet "
        "rows' tagging computes none; JSONL rows carry it (the spans and n-grams behind every output label).",
        "",
        aim_line(report["results"]),
        "",
        "| clauses | in → out | engine | wall s | clauses/s | per worker while tagging (clauses/s) | first rows (s) "
        "| peak RSS / process (MiB) | peak RSS sum (MiB) | CPU s: all (driver) | other work (cores busy) "
        "| load before | load after | started (UTC) | output = first engine's, in input order |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|",
    ]

    def opt(value, fmt="{:,.0f}"):
        return "–" if value is None else fmt.format(value)

    for r in report["results"]:
        same = {True: "yes", False: "**no**", None: "–"}[r.get("same_output")]
        lines.append(f"| {r['clauses']:,} | {r['format']} → {r['format']} | {r['engine']} | {r['seconds']:.1f} | "
                     f"{r['clauses_per_s']:,.0f} | {opt(r.get('per_worker_clauses_per_s'))} | "
                     f"{opt(r.get('first_rows_s'), '{:.1f}')} | {r['peak_rss_mib_max_process']} | "
                     f"{r['peak_rss_mib_sum']} | {opt(r.get('cpu_s'), '{:.0f}')} ({opt(r.get('driver_cpu_s'), '{:.0f}')}) | "
                     f"{opt(r.get('other_cores_busy'), '{:.2f}')} | {r['load_before']} | "
                     f"{r['load_after']} | {r.get('started_utc', '–')} | {same} |")
    lines += ["", "One worker's clauses/s while it tags and encodes its batches, in wall time and (in brackets) "
              "per CPU second it used: a Ray actor against a local process, doing the same work per batch "
              "(`stream.tag_encode`). The wall-time rate falls when the cores are shared (3 busy processes "
              "on 2 cores, plus other work); the CPU-second rate does not.", "",
              *per_worker_comparison(report["results"])]
    lines += ["", *[f"- {note}" for note in report.get("notes", [])], ""]
    return "\n".join(lines)


def same_model(a: str, b: str) -> bool:
    """The same model: equal versions, or the same name and model-file content hash
    (``name@TIMESTAMP-HASH``, ``models.runs.make_model_version``): a rebuild with identical files
    only changes the timestamp, and the rows measured on it still hold."""
    return a == b or ("@" in a and "@" in b and a.split("@", 1)[0] == b.split("@", 1)[0]
                      and a.rsplit("-", 1)[-1] == b.rsplit("-", 1)[-1])


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=PROJECT_ROOT)
        # the reports this script rewrites do not count as changes to what is measured
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                                ":(exclude)reports/scale.json", ":(exclude)reports/scale.md"], capture_output=True,
                               text=True, cwd=PROJECT_ROOT).stdout.strip()
        return out.stdout.strip() + ("+changes" if dirty else "") if out.returncode == 0 else "unknown"
    except OSError:
        return "unknown"


def save(report: dict, json_path: str | None, md_path: str | None) -> None:
    report["results"].sort(key=lambda r: (r["clauses"], r["format"], ENGINE_ORDER.get(r["engine"], 9), r["engine"]))
    if json_path:
        with atomic_write(json_path) as fh:
            fh.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    if md_path:
        with atomic_write(md_path) as fh:
            fh.write(to_markdown(report))


def _shown(model: str) -> str:
    """A model path as the report shows it: relative to the project root when inside it (the
    machine's own directories say nothing to a reader)."""
    path = Path(model)
    return str(path.relative_to(PROJECT_ROOT)) if path.is_absolute() and path.is_relative_to(PROJECT_ROOT) else model


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=None,
                    help="run directory or name (default: the shipped default model, policytag/resources/model; "
                         "not `default`, which prefers any trained run under runs/)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--engines", nargs="+", default=["local-1", "local-2", "ray-2"])
    ap.add_argument("--formats", nargs="+", default=["parquet", "jsonl"], choices=["parquet", "jsonl"])
    ap.add_argument("--batch-size", type=int, default=512)
    ap.add_argument("--only-1m", nargs="*", default=None, metavar="FORMAT:ENGINE",
                    help="for sizes >= 1M measure only these, in this order (e.g. parquet:local-2 "
                         "parquet:local-1); default: everything")
    ap.add_argument("--compare", type=int, default=100_000, metavar="N",
                    help="up to this size, check each output equals the first engine's and is in input order "
                         "(0: never)")
    ap.add_argument("--json", default=None, help="write the results as JSON (and merge with an existing file)")
    ap.add_argument("--md", default=None, help="write the results as a Markdown table")
    ap.add_argument("--note", action="append", default=[], help="a note for the report (repeatable)")
    args = ap.parse_args(argv)
    for spec in args.only_1m or []:
        fmt, _, engine = spec.partition(":")
        if fmt not in ("parquet", "jsonl") or not re.fullmatch(r"(local|ray)-\d+", engine):
            ap.error(f"--only-1m {spec}: expected FORMAT:ENGINE, e.g. parquet:local-2")

    from policytag.app import resolve_model

    if args.model is None:  # the model a fresh install tags with, whatever runs/ of this checkout holds
        args.model = shipped_model_spec()
    model_version = resolve_model(args.model).model_version
    report = {"machine": machine(), "model_version": model_version, "commit": commit(),
              "batch_size": args.batch_size,
              "command": f"policytag tag --clauses IN -o OUT --stream --model {_shown(args.model)} --batch-size "
                         f"{args.batch_size} --workers N [--engine ray]",
              "results": [], "notes": list(args.note)}
    if args.json and Path(args.json).exists():  # runs made earlier (e.g. the 1M runs measured separately)
        old = json.loads(Path(args.json).read_text(encoding="utf-8"))
        if same_model(old.get("model_version", ""), model_version):
            report["results"] = [r for r in old.get("results", [])
                                 if same_model(r.get("model_version", ""), model_version)]
            report["notes"] = [n for n in old.get("notes", []) if n not in report["notes"]] + report["notes"]
    print("machine:", json.dumps(report["machine"], ensure_ascii=False), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in args.sizes:
            plan = [(fmt, engine) for fmt in args.formats for engine in args.engines]
            if n >= 1_000_000 and args.only_1m is not None:
                plan = [tuple(spec.split(":", 1)) for spec in args.only_1m]
            paths = write_inputs(n, tmp, sorted({fmt for fmt, _ in plan}))
            first: dict[str, Path] = {}
            for fmt, engine in plan:
                out = tmp / f"out-{n}-{engine}.{fmt}"
                r = run_one(args.model, paths[fmt], out, engine, args.batch_size)
                row = {"clauses": n, "format": fmt, "engine": engine, "seconds": round(r.pop("seconds"), 1),
                       "model_version": model_version, "commit": report["commit"], **r}
                row["clauses_per_s"] = round(n / row["seconds"], 1)
                if n <= args.compare:
                    ordered = in_input_order(fmt, out, n)
                    row["same_output"] = ordered and (fmt not in first or same_output(fmt, first[fmt], out))
                    first.setdefault(fmt, out)
                if first.get(fmt) != out:
                    out.unlink(missing_ok=True)
                report["results"] = [x for x in report["results"]
                                     if (x["clauses"], x["format"], x["engine"]) != (n, fmt, engine)] + [row]
                print(json.dumps(row), flush=True)
                save(report, args.json, args.md)  # after every run: a session cut short keeps what it measured
            for p in [*paths.values(), *first.values()]:
                p.unlink(missing_ok=True)
    save(report, args.json, args.md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
