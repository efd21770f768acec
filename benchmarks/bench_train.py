"""Benchmark the full BERT recipe (``configs/bert.yaml``) on transformers.Trainer: wall time of the
temporal fit, fine-tuning steps/s, the dev/test macro-F1 it reaches, on the CPU and (when one is
present) on a GPU.

Usage::

    python benchmarks/bench_train.py [--config configs/bert.yaml] [--device auto|cpu|cuda|mps]
                                     [--max-steps N] [--json OUT.json]

``--max-steps N`` caps fine-tuning (a quick steps/s figure; F1 then means little). CV is off: this
measures one fit. The machine (CPU, cores, GPU, load average before and after) is printed: figures
from a busy machine are not comparable with figures from an idle one.
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
from bench_tag import machine  # noqa: E402

from policytag import PROJECT_ROOT  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--config", default=str(PROJECT_ROOT / "configs" / "bert.yaml"))
    ap.add_argument("--device", default=None, help="override model.params.device (default: the config's, auto)")
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--json", default=None, help="also write the figures here")
    args = ap.parse_args(argv)

    from policytag.training.config import load_config
    from policytag.training.train import train_recipe

    config = load_config(args.config)
    config["split"]["cv"] = False
    params = dict(config["model"]["params"])
    if args.device:
        params["device"] = args.device
    if args.max_steps:
        params["max_steps"] = args.max_steps
    config["model"] = {**config["model"], "params": params}
    before = machine()
    print("machine:", json.dumps(before, ensure_ascii=False), flush=True)
    cpu0 = os.times()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        run = train_recipe(config, out_dir=Path(tmp) / "run")
        info = json.loads((run / "run.json").read_text(encoding="utf-8"))
        metrics = json.loads((run / "metrics.json").read_text(encoding="utf-8"))
    wall = time.perf_counter() - start
    cpu1 = os.times()
    history = info.get("history", [])
    ft = [r for r in history if r.get("phase") != "probe"]
    steps = info.get("steps", 0)
    out = {
        "config": args.config, "device": info.get("device"), "world_size": info.get("world_size"),
        "fit_seconds": info.get("fit_seconds"), "train_seconds": info.get("train_seconds"),
        "command_wall_seconds": round(wall, 1),
        "cpu_seconds": round((cpu1.user - cpu0.user) + (cpu1.system - cpu0.system), 1),
        "finetune_steps": steps, "epochs_run": len(ft), "best_epoch": info.get("best_epoch"),
        "steps_per_second_incl_eval": round(steps / info["fit_seconds"], 3) if steps and info.get("fit_seconds") else None,
        "dev_macro_f1": {d: round(m["macro_f1"], 4) for d, m in metrics["dev"].items()},
        "test_macro_f1": {d: round(m["macro_f1"], 4) for d, m in metrics["test"].items()},
        "throughput_clauses_per_s": info.get("throughput_clauses_per_s"),
        "machine_before": before, "load_average_after": machine()["load_average_1_5_15"],
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
