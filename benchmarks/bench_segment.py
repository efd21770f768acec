"""Time segmentation of the whole corpus (18 notices). Usage: python benchmarks/bench_segment.py [--repeat N]

Wall time and CPU time (``process_time``) are both reported, with the load average: on a shared
machine the CPU time is the figure to compare between runs.
"""

import argparse
import os
import platform
import statistics
import time

from policytag import PROJECT_ROOT
from policytag.corpus.segment import segment_paths

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--repeat", type=int, default=5)
args = parser.parse_args()

corpus = PROJECT_ROOT / "data" / "corpus"
segment_paths([corpus])  # warm-up: imports, compiled patterns, the script-detection table
load_before = os.getloadavg()
times, cpu = [], []
for _ in range(args.repeat):
    start, start_cpu = time.perf_counter(), time.process_time()
    result = segment_paths([corpus])
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, python "
      f"{platform.python_version()}; load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after")
print(f"{len(result.documents)} documents, {len(result.clauses)} clauses; "
      f"segmentation: median {statistics.median(times):.3f} s, min {min(times):.3f} s wall, "
      f"median {statistics.median(cpu):.3f} s CPU over {args.repeat} runs")
