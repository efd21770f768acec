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


def test_the_annotators_evidence_line_quotes_no_ngram_beside_a_cue():
    """annot2's report: the suggestion line showed 道路运输←“交通运输”“等行” and 非煤矿山←“非煤矿山”“业要”
    (corpus clause 2009-d9a735-4-p2): the learner's low-weight n-grams, cut across words, beside the cue
    that explains the label. A label a cue or rule explains is quoted by those; one only the learner
    ticks keeps its n-grams (the model's reason, whatever it reads like)."""
    from policytag.annotation.tasks import evidence_quotes
    from policytag.models.evidence import make_evidence

    text = "煤矿、非煤矿山、交通运输等行业要认真执行安全费用提取规定，街道要加强巡查。"
    at = text.index
    evidence = [
        make_evidence("road_transport", "sector", "cue", "交通运输", (at("交通运输"), at("交通运输") + 4)),
        make_evidence("road_transport", "sector", "ngram", "等行", (at("等行"), at("等行") + 2), 0.07),
        make_evidence("non_coal_mine", "sector", "cue", "非煤矿山", (at("非煤矿山"), at("非煤矿山") + 4)),
        make_evidence("non_coal_mine", "sector", "ngram", "业要", (at("业要"), at("业要") + 2), 0.10),
        make_evidence("fire_safety", "sector", "ngram", "街道", (at("街道"), at("街道") + 2), 0.30),
        make_evidence("responsibility", "measure_type", "rule", "认真执行", (at("认真执行"), at("认真执行") + 4)),
        make_evidence("responsibility", "measure_type", "ngram", "执行", (at("执行"), at("执行") + 2), 0.2),
    ]
    assert evidence_quotes(evidence, "sector") == {"road_transport": ["“交通运输”"], "non_coal_mine": ["“非煤矿山”"],
                                                   "fire_safety": ["“街道”"]}
    assert evidence_quotes(evidence, "measure_type") == {"responsibility": ["“认真执行”"]}
