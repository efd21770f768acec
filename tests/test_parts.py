"""The part-by-part TF-IDF learner (models/parts.py): splitting a clause into its sentences and
numbered sub-items, combining the parts' probabilities with the whole clause's, and a fitted
learner raising a label stated in one part of a long clause. Texts written for the test."""

from __future__ import annotations

import numpy as np
import pytest

from policytag.models.parts import PartsTfidfTagger, combine_parts, split_parts
from policytag.models.registry import tagger_class
from policytag.records import Clause, Labels
from policytag.taxonomy import load_taxonomy


def test_split_on_sentence_marks_and_numbered_items():
    text = "（一）压实企业主体责任。各单位要健全安全责任制；配足专职安全管理人员。（二）开展隐患排查，九月底前整改到位。"
    parts = split_parts(text)
    assert parts == ["（一）压实企业主体责任。", "各单位要健全安全责任制；", "配足专职安全管理人员。",
                     "（二）开展隐患排查，九月底前整改到位。"]
    assert "".join(parts) == text


def test_split_keeps_decimals_and_section_numbers_and_ascii_marks():
    parts = split_parts("1.建立台账制度 2.安排专项资金3.5亿元用于2.1节所列项目;严禁超员运输!")
    assert parts == ["1.建立台账制度", "2.安排专项资金3.5亿元用于2.1节所列项目;", "严禁超员运输!"]


def test_short_pieces_join_the_next_part_and_parts_are_capped():
    # a bare item number is no part of its own; a trailing mark joins the last part
    assert split_parts("（1）建立制度。（2）") == ["（1）建立制度。（2）"]
    assert split_parts("短句。") == ["短句。"]
    long = "；".join(f"第{i}项工作要落实" for i in range(20))
    parts = split_parts(long, max_parts=5)
    assert len(parts) == 5 and "".join(parts) == long


def test_combine_max_noisy_or_mean_max():
    whole = np.array([[0.2, 0.9], [0.3, 0.3]])
    parts = np.array([[0.8, 0.1], [0.5, 0.2]])
    owner = np.array([0, 0])  # both parts belong to clause 0; clause 1 has none
    got = combine_parts(whole, parts, owner, "max")
    np.testing.assert_allclose(got, [[0.8, 0.9], [0.3, 0.3]])
    got = combine_parts(whole, parts, owner, "noisy_or")
    np.testing.assert_allclose(got, [[1 - 0.2 * 0.5, 0.9], [0.3, 0.3]])
    got = combine_parts(whole, parts, owner, "mean_max")
    np.testing.assert_allclose(got, [[0.5, 0.55], [0.3, 0.3]])
    # no parts: the whole clause's probabilities unchanged (and not the same array)
    out = combine_parts(whole, parts[:0], owner[:0], "max")
    np.testing.assert_array_equal(out, whole)
    assert out is not whole
    with pytest.raises(ValueError):
        combine_parts(whole, parts, owner, "sum")


def test_registered_under_its_name():
    assert tagger_class("parts_tfidf") is PartsTfidfTagger


def _toy(tax):
    """Short clauses, each of one measure type (two types, written for the test)."""
    a, b = tax.measure_type.ids[0], tax.measure_type.ids[1]
    rows = [("建立健全安全生产责任体系，逐级签订责任书", a), ("明确各级各部门监管职责分工，压实属地责任", a),
            ("组织开展应急演练，提升队伍实战处置水平", b), ("完善应急预案体系，储备应急救援物资装备", b)]
    clauses, labels = [], []
    for i in range(5):
        for j, (text, label) in enumerate(rows):
            clauses.append(Clause("d", f"c{i}-{j}", (), f"{text}{i}", "clause", year=2020))
            labels.append(Labels((tax.sector.ids[0],), (label,)))
    return clauses, labels, a, b


def test_long_clause_gets_the_label_one_part_states():
    tax = load_taxonomy()
    clauses, labels, a, b = _toy(tax)
    kw = dict(min_df=1, use_heading=False)
    whole = PartsTfidfTagger(min_chars=10_000, **kw).fit(clauses, labels)   # never splits
    parts = PartsTfidfTagger(min_chars=20, combine="max", **kw).fit(clauses, labels)
    # a long clause: three sentences about duties, one about drills — the drill label is diluted
    text = ("建立健全安全生产责任体系，逐级签订责任书。明确各级各部门监管职责分工，压实属地责任。"
            "层层落实企业全员安全生产责任。组织开展应急演练。")
    probe = [Clause("d", "p", (), text, "clause", year=2021),
             Clause("d", "s", (), "组织开展应急演练", "clause", year=2021)]
    jb = tax.measure_type.index(b)
    p_whole = whole.predict_proba(probe)["measure_type"]
    p_parts = parts.predict_proba(probe)["measure_type"]
    assert p_parts[0, jb] > p_whole[0, jb] + 0.1
    assert p_parts[0, jb] >= 0.5 > p_whole[0, jb]
    # a short clause is read whole: identical probabilities
    np.testing.assert_array_equal(p_parts[1], p_whole[1])
    # the same fitted state: only reading differs
    np.testing.assert_array_equal(parts.coef_["measure_type"], whole.coef_["measure_type"])


def test_saved_and_loaded_learner_reads_the_same(tmp_path):
    tax = load_taxonomy()
    clauses, labels, _, _ = _toy(tax)
    tagger = PartsTfidfTagger(min_df=1, min_chars=20, combine="noisy_or").fit(clauses, labels)
    (tmp_path / "m").mkdir()
    tagger.save(tmp_path / "m")
    loaded = PartsTfidfTagger.load(tmp_path / "m", taxonomy=tax)
    probe = [Clause("d", "p", (), "建立健全安全生产责任体系。组织开展应急演练，储备物资装备。", "clause", year=2021)]
    assert loaded.combine == "noisy_or" and loaded.min_chars == 20
    np.testing.assert_allclose(loaded.predict_proba(probe)["measure_type"], tagger.predict_proba(probe)["measure_type"])


def test_composed_training_clauses_join_one_documents_neighbours_with_the_union_of_labels():
    from policytag.models.parts import compose_clauses

    clauses = [Clause("a", f"a{i}", (), f"甲{i}。", "clause", year=2020) for i in range(4)]
    clauses += [Clause("b", "b0", (), "乙0。", "clause", year=2020)]  # a one-clause document: never joined
    y = {"measure_type": np.eye(5, dtype=int)[:, :3].copy(), "sector": np.zeros((5, 2), dtype=int)}
    y["measure_type"][3:] = 0
    out, extra_y = compose_clauses(clauses, y, 2.0, 3, seed=1)
    assert len(out) == 10 and extra_y["measure_type"].shape == (10, 3)
    for c, row in zip(out, extra_y["measure_type"]):
        assert c.doc_id == "a" and "乙" not in c.text
        ids = [int(x) for x in c.text.replace("甲", "").split("。") if x]
        assert 2 <= len(ids) <= 3 and ids == list(range(ids[0], ids[0] + len(ids)))  # consecutive
        np.testing.assert_array_equal(row, y["measure_type"][ids].max(axis=0))       # union of labels
    again, _ = compose_clauses(clauses, y, 2.0, 3, seed=1)
    assert [c.text for c in again] == [c.text for c in out]  # deterministic for a seed
    assert compose_clauses(clauses[4:], {k: v[4:] for k, v in y.items()}, 1.0, 3, seed=1)[0] == []


def test_clause_length_learner_gives_log_length_logits_and_round_trips(tmp_path):
    from policytag.models.parts import ClauseLengthTagger

    tax = load_taxonomy()
    clauses, labels, _, _ = _toy(tax)
    tagger = ClauseLengthTagger().fit(clauses, labels)
    median = float(np.median([len(c.text) for c in clauses]))
    assert tagger.median_ == median
    probe = [Clause("d", "p", (), "长" * int(2 * median), "clause"), Clause("d", "q", (), "短", "clause")]
    p = tagger.predict_proba(probe)
    for dim in p:
        z = np.log(p[dim] / (1 - p[dim]))
        np.testing.assert_allclose(z[0], np.log(2.0))           # twice the median: logit log 2, every label
        np.testing.assert_allclose(z[1], np.log(1.0 / median))
    parts = ClauseLengthTagger(measure="parts").fit(clauses, labels)
    assert parts.median_ == 1.0
    (tmp_path / "m").mkdir()
    tagger.save(tmp_path / "m")
    loaded = ClauseLengthTagger.load(tmp_path / "m", taxonomy=tax)
    np.testing.assert_array_equal(loaded.predict_proba(probe)["measure_type"], p["measure_type"])
    assert tagger.explain(probe) == [[], []]
