"""Session 16, the lead's probe of an ML engineer's first steps."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from policytag import PROJECT_ROOT

HEAVY = ["sklearn", "torch", "transformers", "datasets", "pandas"]

CHECK = """
import json, sys
from policytag.cli import main
rc = main(["train", sys.argv[1], "-o", sys.argv[2]])
heavy = json.loads(sys.argv[3])
print(json.dumps({"rc": rc, "loaded": sorted({m.split(".")[0] for m in sys.modules} & set(heavy))}))
"""

GOOD = {"gold": "policytag:data/gold-v1.jsonl", "corpus": "data/corpus"}


@pytest.mark.parametrize("case, data, words", [
    # a copied example whose relative gold path does not exist where it is run
    ("missing gold", {"gold": "no/such/gold.jsonl", "corpus": "data/corpus"}, "no such file"),
    ("missing corpus", {"gold": "policytag:data/gold-v1.jsonl", "corpus": "no/such/corpus"}, "no such"),
])
def test_a_bad_data_path_is_one_line_before_trainings_imports(tmp_path, case, data, words):
    """`policytag train` with a config whose data path is wrong said so only after importing
    scikit-learn (12-17 s on this machine under load, for a one-line error); the config, output and data
    are all checked before the training code is imported."""
    import yaml

    cfg = tmp_path / "my.yaml"
    cfg.write_text(yaml.safe_dump({"name": "probe", "seed": 13, "data": data,
                                   "split": {"train_until": 2021, "dev_years": [2022, 2023],
                                             "test_years": [2024, 2025, 2026], "cv": False},
                                   "model": {"type": "tfidf", "params": {"min_df": 2}}}), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", CHECK, str(cfg), str(tmp_path / "run"), json.dumps(HEAVY)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["rc"] != 0
    errors = [line for line in proc.stderr.splitlines() if line.startswith("policytag: error:")]
    assert len(errors) == 1 and words in errors[0], proc.stderr
    assert result["loaded"] == [], f"imported before the one-line error: {result['loaded']}"
    assert not (tmp_path / "run").exists()
