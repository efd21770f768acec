"""``weighted_tfidf`` (models/learners.py): the TF-IDF learner with the clauses of a file (train-v2:
other governments' genres) weighted more in its regressions, and optionally longer clauses more."""

from __future__ import annotations

import json

import numpy as np
import pytest

from policytag.models.learners import WeightedTfidfTagger
from policytag.models.tfidf import TfidfTagger
from policytag.records import Clause, Labels
from policytag.taxonomy import load_taxonomy


def _conflict(tax):
    """The same wording labelled A in six clauses and B in six others (the file's), and other
    wording labelled B in six more: which label the shared wording gets depends on how much the
    file's clauses weigh within their class (scikit-learn's ``class_weight="balanced"`` counts
    sample weights, so weights move wording within a class, not the class prior). The file's
    clauses are longer, padded with characters that occur once (below ``min_df=2``, so their
    TF-IDF rows equal the A clauses'): length weighting favours them too."""
    a, b = tax.measure_type.ids[0], tax.measure_type.ids[1]
    clauses, labels, file_rows = [], [], []
    for i in range(6):
        clauses.append(Clause("d1", f"g-{i}", (), f"组织开展巡查{i}", "clause", year=2020))
        labels.append(Labels(("cross_sector",), (a,)))
    for i in range(6):
        pad = "".join(chr(0x4E00 + 97 * i + k) for k in range(1, 20, 2))
        text = f"组织开展巡查{i}{pad}"
        clauses.append(Clause("d2", f"f-{i}", (), text, "clause", year=2020))
        labels.append(Labels(("cross_sector",), (b,)))
        file_rows.append({"clause_id": f"f-{i}", "doc_id": "d2", "year": 2020, "heading_path": [], "text": text,
                          "sector": ["cross_sector"], "measure_type": [b]})
    for i in range(6):  # other wording labelled B, not in the file and short
        clauses.append(Clause("d3", f"z-{i}", (), f"完善应急预案{i}", "clause", year=2020))
        labels.append(Labels(("cross_sector",), (b,)))
    return clauses, labels, file_rows, tax.measure_type.index(a), tax.measure_type.index(b)


@pytest.fixture
def weighted_file(tmp_path):
    tax = load_taxonomy()
    clauses, labels, rows, ja, jb = _conflict(tax)
    path = tmp_path / "extra.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return clauses, labels, str(path), ja, jb


def test_unweighted_is_the_tfidf_learner(weighted_file):
    clauses, labels, path, ja, jb = weighted_file
    plain = TfidfTagger(min_df=2).fit(clauses, labels)
    same = WeightedTfidfTagger(min_df=2, weight_file=path, file_weight=1.0).fit(clauses, labels)
    for dim in ("sector", "measure_type"):
        np.testing.assert_allclose(same.coef_[dim], plain.coef_[dim])


def test_file_weight_moves_the_learner_towards_the_files_labels(weighted_file, tmp_path):
    clauses, labels, path, ja, jb = weighted_file
    probe = [Clause("p", "p", (), "组织开展巡查", "clause", year=2021)]
    p1 = WeightedTfidfTagger(min_df=2, weight_file=path, file_weight=1.0).fit(clauses, labels).predict_proba(probe)
    heavy = WeightedTfidfTagger(min_df=2, weight_file=path, file_weight=4.0).fit(clauses, labels)
    p4 = heavy.predict_proba(probe)
    # the file's label gains on the shared wording, the other label loses
    assert p4["measure_type"][0, jb] > p1["measure_type"][0, jb] + 0.02
    assert p4["measure_type"][0, ja] < p1["measure_type"][0, ja] - 0.02
    # the weights change the fit only: save/load predicts the same
    out = tmp_path / "saved"
    out.mkdir()
    heavy.save(out)
    again = WeightedTfidfTagger.load(out)
    np.testing.assert_allclose(again.predict_proba(probe)["measure_type"], p4["measure_type"], rtol=1e-9)


def test_length_power_weights_long_clauses(weighted_file):
    clauses, labels, path, ja, jb = weighted_file
    w = WeightedTfidfTagger(length_power=1.0).sample_weights(clauses)
    assert (w[6:12] > w[:6]).all() and (w[6:12] > w[12:]).all()  # the longer clauses weigh more
    probe = [Clause("p", "p", (), "组织开展巡查", "clause", year=2021)]
    p0 = WeightedTfidfTagger(min_df=2).fit(clauses, labels).predict_proba(probe)
    p1 = WeightedTfidfTagger(min_df=2, length_power=1.0).fit(clauses, labels).predict_proba(probe)
    assert p1["measure_type"][0, jb] > p0["measure_type"][0, jb]
