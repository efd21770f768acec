"""Two-process data-parallel training on CPU (``torchrun --nproc_per_node 2``, gloo) of a tiny BERT
through the same code path as ``policytag train configs/bert.yaml``; the run rank 0 writes loads
and predicts. About a minute on 2 cores (two interpreters import torch + transformers)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("accelerate")

from tiny_bert import build_tiny_bert, toy_data  # noqa: E402

from policytag import PROJECT_ROOT  # noqa: E402

pytestmark = pytest.mark.slow  # two torchrun processes train a tiny BERT: not in the fast lane


def test_torchrun_two_processes_trains_a_loadable_run(tmp_path):
    from policytag.models.runs import load_run
    from policytag.taxonomy import DIMENSIONS

    tiny = build_tiny_bert(tmp_path / "tiny")
    cfg = tmp_path / "ddp.yaml"
    cfg.write_text(json.dumps({
        "name": "ddp-tiny", "split": {"cv": False},
        "model": {"type": "bert", "params": {
            "model_name_or_path": str(tiny), "max_length": 64, "probe_epochs": 2, "epochs": 2, "batch_size": 8,
            "progress": False, "device": "cpu", "num_threads": 1}}}), encoding="utf-8")
    run = tmp_path / "run"
    # TMPDIR: the ranks' shared checkpoint scratch directory lands here, so its cleanup is checked
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(PROJECT_ROOT), "TMPDIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_port", "29517",
           "-m", "policytag.cli", "train", str(cfg), "-o", str(run)]
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]

    info = json.loads((run / "run.json").read_text(encoding="utf-8"))
    assert info["world_size"] == 2 and info["device"] == "cpu"
    # 310 training clauses / (8 per process x 2 processes) = 20 optimisation steps per epoch
    assert info["history"][-1]["steps"] == 2 * 20
    tagger = load_run(run)
    clauses, _ = toy_data()
    proba = tagger.predict_proba(clauses)
    for dim in DIMENSIONS:
        assert proba[dim].shape == (len(clauses), len(tagger.taxonomy[dim].ids)) and np.isfinite(proba[dim]).all()
    assert len(tagger.predict(clauses)) == len(clauses)
    assert not list(tmp_path.glob("policytag-bert-*"))  # the scratch checkpoints were removed
