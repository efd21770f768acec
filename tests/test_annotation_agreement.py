"""Several annotators: majority per label, ties to conflicts, kappa and alpha per label."""

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from policytag.annotation.agreement import Vote, agreement_report, format_report, resolve
from policytag.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def v(who, sector, measure):
    return Vote(who, tuple(sector), tuple(measure))


def test_single_annotation_is_kept_as_given(taxonomy):
    res = resolve([v("a", ["road_transport", "coal_mine"], ["enforcement", "emergency"])], taxonomy)
    assert res.kind == "single"
    assert res.sector == ("road_transport", "coal_mine")  # order as annotated, not re-sorted
    assert res.measure_type == ("enforcement", "emergency")


def test_two_annotators_agreeing_and_disagreeing(taxonomy):
    same = resolve([v("a", ["coal_mine"], ["enforcement"]), v("b", ["coal_mine"], ["enforcement"])], taxonomy)
    assert same.kind == "unanimous" and same.sector == ("coal_mine",)
    tie = resolve([v("a", ["coal_mine"], ["enforcement"]), v("b", ["coal_mine", "non_coal_mine"], ["enforcement"])],
                  taxonomy)
    assert tie.is_conflict and tie.ties == {"sector": ["non_coal_mine"]}
    assert tie.votes["sector"] == {"coal_mine": 2, "non_coal_mine": 1}


def test_three_annotators_majority_per_label(taxonomy):
    votes = [v("a", ["coal_mine", "non_coal_mine"], ["hazard_remediation", "enforcement"]),
             v("b", ["coal_mine"], ["enforcement", "hazard_remediation"]),
             v("c", ["coal_mine", "non_coal_mine"], ["enforcement"])]
    res = resolve(votes, taxonomy)
    assert res.kind == "majority"
    assert res.sector == ("coal_mine", "non_coal_mine")
    # mean position: enforcement (1+0+0)/3 before hazard_remediation (0+1)/2
    assert res.measure_type == ("enforcement", "hazard_remediation")


def test_no_majority_is_a_conflict_even_without_ties(taxonomy):
    votes = [v("a", ["coal_mine"], ["emergency"]), v("b", ["urban_gas"], ["emergency"]),
             v("c", ["earthquake"], ["emergency"])]
    res = resolve(votes, taxonomy)
    assert res.is_conflict and res.unresolved == ["sector"] and not res.ties


def test_report_matches_sklearn_and_krippendorff(taxonomy):
    a = [(["coal_mine"], ["enforcement"]), (["coal_mine"], ["emergency"]), (["urban_gas"], ["emergency"]),
         (["cross_sector"], ["responsibility"]), (["coal_mine", "urban_gas"], ["enforcement"])]
    b = [(["coal_mine"], ["enforcement"]), (["urban_gas"], ["emergency"]), (["urban_gas"], ["emergency"]),
         (["cross_sector"], ["responsibility"]), (["coal_mine"], ["enforcement"])]
    votes = {f"c{i}": [v("ann-a", *a[i]), v("ann-b", *b[i])] for i in range(5)}
    votes["solo"] = [v("ann-a", ["coal_mine"], ["enforcement"])]  # not part of agreement
    report = agreement_report(votes, taxonomy)
    assert report["n_clauses"] == 5 and report["annotators"] == ["ann-a", "ann-b"]
    coal = report["sector"]["per_label"]["coal_mine"]
    x = np.array([1, 1, 0, 0, 1])
    y = np.array([1, 0, 0, 0, 1])
    assert coal["kappa"] == pytest.approx(cohen_kappa_score(x, y), abs=1e-4)
    assert coal["alpha"] == pytest.approx(krippendorff.alpha(reliability_data=np.vstack([x, y]),
                                                             level_of_measurement="nominal"), abs=1e-4)
    assert coal["disagreements"] == 1
    assert report["sector"]["per_label"]["cross_sector"]["disagreements"] == 0
    assert report["sector"]["per_label"]["earthquake"]["alpha"] is None  # never chosen: undefined, not 1 or 0
    assert report["sector"]["clauses_with_disagreement"] == 2
    text = format_report(report)
    assert "coal_mine" in text and "urban_gas" in text and "earthquake" not in text


def test_report_with_three_annotators_and_missing_values(taxonomy):
    votes = {"c1": [v("a", ["coal_mine"], ["emergency"]), v("b", ["coal_mine"], ["emergency"]),
                    v("c", ["urban_gas"], ["emergency"])],
             "c2": [v("a", ["urban_gas"], ["emergency"]), v("c", ["urban_gas"], ["emergency"])]}
    report = agreement_report(votes, taxonomy)
    assert report["method"] == "krippendorff_alpha"
    assert "kappa" not in report["sector"]["per_label"]["coal_mine"]
    m = np.array([[1, 0], [1, np.nan], [0, 0]], dtype=float)
    assert report["sector"]["per_label"]["coal_mine"]["alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=m, level_of_measurement="nominal"), abs=1e-4)


def test_dominant_measure_type_has_its_own_majority(taxonomy):
    # three annotators, same set; two of them lead with emergency: it goes first, whatever the mean positions
    votes = [v("a", ["coal_mine"], ["emergency", "enforcement"]), v("b", ["coal_mine"], ["emergency", "enforcement"]),
             v("c", ["coal_mine"], ["enforcement", "emergency"])]
    res = resolve(votes, taxonomy)
    assert res.kind == "majority" and res.measure_type == ("emergency", "enforcement")
    assert res.votes["measure_dominant"] == {"emergency": 2, "enforcement": 1}
    # three annotators, three dominants: no majority for the dominant -> unresolved, a conflict
    votes[1] = v("b", ["coal_mine"], ["hazard_remediation", "emergency", "enforcement"])
    votes[2] = v("c", ["coal_mine"], ["enforcement", "emergency", "hazard_remediation"])
    res = resolve(votes, taxonomy)
    assert res.is_conflict and "measure_dominant" in res.unresolved
    report = agreement_report({"c1": votes}, taxonomy)
    assert report["measure_dominant"]["exact_agreement"] == 0.0
    assert "dominant measure type" in format_report(report)
