"""Transformer inference beside the default model: clauses/s of ``BertTagger.predict_proba``
(batches sorted by length, ``torch.inference_mode``, torch threads = the machine's cores) and of the
default model's ``predict_proba`` and full ``tag_clauses``, in one process on the same corpus-like
clauses (``bench_throughput.corpus_like``).

The encoder is what ``--encoder`` names: by default a tiny randomly initialised 2-layer BERT
(hidden 32, character vocabulary; built in seconds, as ``tests/tiny_bert.py``) fitted for a few
steps: it measures the inference machinery (tokenising, padding, batching, threads), not a useful
model. Pass a real encoder directory (e.g. the converted e5-small) to measure that one.

Usage::

    python benchmarks/bench_transformer.py [--encoder DIR] [--layers 2] [--hidden 32] [--n 1000] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from bench_tag import machine  # noqa: E402
from bench_throughput import corpus_like  # noqa: E402


def _rate(fn, n: int, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return n / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--encoder", help="a Hugging Face encoder directory (default: a tiny random BERT)")
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--hidden", type=int, default=32)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from policytag.app import resolve_model
    from policytag.inference.tagging import predict_proba_batched, tag_clauses
    from policytag.models.bert import BertTagger

    from tiny_bert import build_tiny_bert, toy_data

    before = machine()
    clauses = corpus_like(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        encoder = args.encoder or str(build_tiny_bert(Path(tmp) / "tiny", layers=args.layers, hidden=args.hidden))
        train, labels = toy_data()
        bert = BertTagger(model_name_or_path=encoder, epochs=1, max_steps=2, batch_size=6, max_length=128,
                          progress=False).fit(train, labels)
        bert.predict_proba(clauses[:8])  # warm-up
        default = resolve_model("default")
        default.predict_proba(clauses[:8])
        result = {
            "machine": before, "clauses": len(clauses), "encoder": args.encoder or f"tiny random BERT "
            f"({args.layers} layers, hidden {args.hidden})", "eval_batch_size": bert.eval_batch_size,
            "torch_threads": bert.num_threads or os.cpu_count(),
            # batches of 128 for both (the default model keeps the last batch's cue hits and TF-IDF
            # matrix for its evidence; one call over all clauses would be answered from that)
            "transformer_predict_proba_clauses_per_s": round(_rate(
                lambda: predict_proba_batched(bert, clauses, 128, progress=False), len(clauses))),
            "default_predict_proba_clauses_per_s": round(_rate(
                lambda: predict_proba_batched(default, clauses, 128, progress=False), len(clauses))),
            "default_tag_clauses_clauses_per_s": round(_rate(lambda: tag_clauses(default, clauses, progress=False),
                                                             len(clauses))),
            "load_average_after": "/".join(f"{x:.1f}" for x in os.getloadavg()),
        }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"machine: {before['cpu']}, {before['cores']} cores; load {before['load_average_1_5_15']} before, "
          f"{result['load_average_after']} after; {len(clauses)} corpus-like clauses")
    for key in ("transformer_predict_proba_clauses_per_s", "default_predict_proba_clauses_per_s",
                "default_tag_clauses_clauses_per_s"):
        print(f"{key:42s} {result[key]:>8,d}")


if __name__ == "__main__":
    main()
