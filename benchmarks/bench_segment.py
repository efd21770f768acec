"""Time segmentation of the whole corpus (18 notices). Usage: python benchmarks/bench_segment.py [--repeat N]"""

import argparse
import platform
import statistics
import time

from policytag import PROJECT_ROOT
from policytag.corpus.segment import segment_paths

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--repeat", type=int, default=5)
args = parser.parse_args()

corpus = PROJECT_ROOT / "data" / "corpus"
times = []
for _ in range(args.repeat):
    start = time.perf_counter()
    result = segment_paths([corpus])
    times.append(time.perf_counter() - start)
print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}")
print(f"{len(result.documents)} documents, {len(result.clauses)} clauses; "
      f"segmentation: median {statistics.median(times):.3f} s, min {min(times):.3f} s over {args.repeat} runs")
