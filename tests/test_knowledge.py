"""The codebook's lexical rules compiled from the taxonomy (policytag.knowledge): one test per rule,
spans that point at the text, and one-line config errors."""

from __future__ import annotations

import dataclasses

import pytest

from policytag import ConfigError
from policytag.knowledge import FEATURES, Knowledge, load_knowledge
from policytag.records import Clause
from policytag.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load_knowledge()


def labels(k: Knowledge, text: str, dim: str = "sector") -> set[str]:
    return {h.label for h in k.match(text, (dim,))}


def test_spans_point_at_the_text(k):
    text = "加强煤矿瓦斯防治，严禁电动自行车进楼入户充电，开展安全生产大检查。"
    hits = k.match(text)
    assert hits
    for h in hits:
        assert text[h.span[0]:h.span[1]] == h.text
        assert h.kind in ("cue", "rule")


def test_cue_inside_exclude_context_does_not_count(k):
    # 煤矿 inside 非煤矿山 names the other sector (per-label exclude_contexts)
    assert labels(k, "非煤矿山要突出抓好地下矿山防中毒窒息。") == {"non_coal_mine"}
    assert "coal_mine" in labels(k, "煤矿要严格瓦斯防治。")


def test_rule3_preamble(k):
    text = "为认真贯彻落实党中央决策部署，现就做好2027年全省安全生产工作通知如下。"
    hits = k.match(text)
    assert {h.label for h in hits if h.rule == "preamble"} == {"cross_sector"}
    assert "awareness_goals" in {h.label for h in hits if h.dimension == "measure_type"}


def test_rule6_unqualified_mine_means_both_mines(k):
    assert {"coal_mine", "non_coal_mine"} <= labels(k, "严格矿山安全生产准入。")
    rule_hits = [h for h in k.match("严格矿山安全生产准入。") if h.kind == "rule"]
    assert {h.rule for h in rule_hits} == {"mine_unqualified"}
    # qualified mines are not expanded
    assert labels(k, "露天矿山要开展边坡监测。") == {"non_coal_mine"}


def test_rule7_high_risk_without_list_is_cross_sector(k):
    assert labels(k, "高危行业企业要全面落实安全生产主体责任。") == {"cross_sector"}
    # with a list: the listed sectors only, never cross_sector
    listed = labels(k, "在煤矿、危险化学品等高危行业推行安全生产责任保险。")
    assert listed == {"coal_mine", "hazardous_chemicals"}


def test_rule8_general_disaster_prevention(k):
    assert labels(k, "健全防灾减灾救灾体制机制。") == {"cross_sector"}
    assert labels(k, "做好防灾减灾救灾工作，重点防范地震灾害。") == {"earthquake"}


def test_rule9_fire_in_names_is_not_fire_safety(k):
    for text in ("加强国家综合性消防救援队伍建设。", "做好森林消防队伍地方保障工作。", "健全消地协作机制。"):
        assert "fire_safety" not in labels(k, text), text
    assert "fire_safety" in labels(k, "开展消防安全专项整治，整改火灾隐患。")
    # 森林消防 still names the forest-fire sector
    assert "forest_grassland_fire" in labels(k, "做好森林消防队伍地方保障工作。")


def test_rule10_ebike_charging_vs_riding(k):
    assert labels(k, "严禁电动自行车进楼入户和飞线充电。") == {"fire_safety"}
    assert labels(k, "整治电动自行车骑行不戴头盔、逆行等交通违法行为。") == {"road_transport"}


def test_rule10_urban_infrastructure_is_other_sectors(k):
    got = labels(k, "推进城市生命线安全工程建设，加强城市桥梁安全监测。")
    assert "other_sectors" in got and "road_transport" not in got


def test_rule11_measure_types(k):
    mt = lambda text: labels(k, text, "measure_type")  # noqa: E731
    assert "support_capacity" in mt("推进企业安全生产标准化建设。")
    assert "hazard_remediation" in mt("对重大事故隐患实行挂牌督办。")
    accident = {h.label for h in k.match("对较大事故实行挂牌督办。", ("measure_type",)) if h.kind == "rule"}
    assert accident == {"assessment_accountability"}
    assert {"enforcement", "hazard_remediation"} <= mt("组织开展安全生产大检查。")


def test_rule13_headings_are_context(k):
    clause = Clause("d", "c", ("三、煤矿领域专项整治",), "要加强执法检查。", "clause")
    hits = k.match_clause(clause)
    heading = [h for h in hits if h.source == "heading"]
    assert any(h.label == "coal_mine" for h in heading)
    assert k.heading_counts == {"sector": False, "measure_type": True}
    f = k.features([clause])
    ids = load_taxonomy().sector.ids
    row = f["sector"][0, ids.index("coal_mine")]
    assert row[FEATURES.index("hit_heading")] == 1 and row[FEATURES.index("cue_text")] == 0


def test_features_shape_and_other_label_flag(k):
    clauses = [Clause("d", "a", (), "加强煤矿瓦斯防治。", "clause"), Clause("d", "b", (), "落实主体责任。", "clause")]
    f = k.features(clauses)
    tax = load_taxonomy()
    assert f["sector"].shape == (2, len(tax.sector.ids), len(FEATURES))
    cross = tax.sector.ids.index("cross_sector")
    assert f["sector"][0, cross, FEATURES.index("other_label_text")] == 1
    assert f["sector"][1, cross, FEATURES.index("other_label_text")] == 0


def _with_rules(rules):
    tax = load_taxonomy()
    return dataclasses.replace(tax, rules=tuple(rules))


def test_bad_rules_are_one_line_config_errors():
    with pytest.raises(ConfigError, match=r"rules\[0\]\.add: unknown sector label 'nope'"):
        Knowledge(_with_rules([{"id": "x", "dimension": "sector", "patterns": ["a"], "add": ["nope"]}]))
    with pytest.raises(ConfigError, match="invalid regular expression"):
        Knowledge(_with_rules([{"id": "x", "dimension": "sector", "patterns": ["("], "add": ["coal_mine"]}]))
    with pytest.raises(ConfigError, match="unknown key"):
        Knowledge(_with_rules([{"id": "x", "dimension": "sector", "patterns": ["a"], "add": ["coal_mine"], "typo": 1}]))


def test_matching_grows_linearly_with_many_hits():
    # Thousands of overlapping cue hits (煤矿 inside 非煤矿山, 消防 inside 消防救援队伍) in one long
    # clause: a per-hit scan over earlier hits was quadratic (minutes on a 5 MB clause).
    import time

    k = load_knowledge()
    unit = "加强非煤矿山和煤矿瓦斯防治，消防救援队伍开展消防检查，危险化学品企业落实责任。"

    def cost(n):
        text = unit * n
        start = time.process_time()
        hits = k.match(text)
        return time.process_time() - start, hits

    small, hits_small = cost(2_000)
    large, hits_large = cost(8_000)
    assert len(hits_large) == 4 * len(hits_small)
    # 4x the input: linear-ish time is ~4x (quadratic would be ~16x); generous for a busy machine
    assert large < 8 * small + 0.5, (small, large)
