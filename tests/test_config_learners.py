"""A hybrid learner's typo names its place and the right word (train2's finding): ``learners[0].type:
'tfdif'`` said only "not a learnable tagger type", and ``min_dff`` in a learner's params was reported
as ``model.params.learners.min_dff: unknown key`` (no index, no hint). Checked before any fit."""

from __future__ import annotations

import pytest

from policytag.cli import main

CASES = [
    ("learners:\n      - type: tfdif\n", "learners[0].type: 'tfdif' is not a learnable tagger type (did you mean 'tfidf'?)"),
    ("learners:\n      - type: keyword\n      - type: tfidf\n        params: {min_dff: 2}\n",
     "learners[1].params.min_dff: unknown key (did you mean 'min_df'?)"),
    ("learners:\n      - type: tfidf\n        params: {C: lots}\n", "learners[0].params.C: "),
]


@pytest.mark.parametrize("learners, said", CASES, ids=["type", "param-key", "param-value"])
def test_a_learner_typo_is_one_line_naming_it(tmp_path, capsys, learners, said):
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("name: bad\nmodel:\n  type: hybrid\n  params:\n    " + learners, encoding="utf-8")
    assert main(["train", str(cfg), "-o", str(tmp_path / "run")]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and said in err[0], err
    assert not (tmp_path / "run").exists()
