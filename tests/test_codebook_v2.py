"""Codebook v2 (rules 14-24, taxonomy 2.1.0): one positive and one negative written example per
lexical rule and per group of new cue words, the keyword run on whole clauses, and the rules in
the Label Studio hints and instructions.

Every example text is written for this test (not taken from any real document)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from policytag.knowledge import Knowledge, load_knowledge
from policytag.records import Clause
from policytag.taxonomy import load_taxonomy

V2_RULES = range(14, 25)


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load_knowledge()


def rule_hits(k: Knowledge, text: str, rule: str, dim: str, source: str = "text") -> set[str]:
    """Labels the rule ``rule`` adds in ``text``."""
    return {h.label for h in k.match(text, (dim,), source) if h.rule == rule}


def labels(k: Knowledge, text: str, dim: str = "sector") -> set[str]:
    return {h.label for h in k.match(text, (dim,))}


def test_version_and_codebook_name_v2():
    taxonomy = load_taxonomy()
    major, minor, _ = (int(x) for x in taxonomy.version.split("."))
    assert (major, minor) >= (2, 1)
    from policytag.annotation.guide import codebook_path

    text = codebook_path().read_text(encoding="utf-8")
    assert text.startswith("# Annotation codebook v2")
    for n in V2_RULES:  # every new rule is numbered in §4
        assert re.search(rf"^{n}\. \*\*|^{n}\. ", text, flags=re.M), n


# ---- rule 14: purpose and legal basis ------------------------------------------------------------
def test_rule14_purpose_basis_is_goals_not_rules(k):
    text = "第一条 为了规范全县危险化学品储存安全管理，根据《危险化学品安全管理条例》等法律法规，结合本县实际，制定本办法。"
    assert rule_hits(k, text, "purpose_basis", "measure_type") == {"awareness_goals"}
    # 条例 inside the basis does not count as drafting a rule
    assert "rules_standards" not in labels(k, text, "measure_type")
    assert labels(k, text) == {"hazardous_chemicals"}  # the sector it names, not cross_sector
    general = "为了加强本镇安全生产工作，防止和减少生产安全事故，结合实际，制定本方案。"
    assert labels(k, general) == {"cross_sector"}
    # heading form of an emergency plan
    assert rule_hits(k, "1 总则 > 1.1 编制目的", "purpose_basis", "measure_type", "heading") == {"awareness_goals"}


def test_rule14_negative_drafting_a_local_plan_is_not_a_purpose_clause(k):
    text = "各乡镇要结合实际制定本地区年度安全生产工作方案，于3月底前报县安委办备案。"
    assert not rule_hits(k, text, "purpose_basis", "measure_type")


# ---- rule 15: working principles ------------------------------------------------------------------
def test_rule15_working_principles(k):
    assert rule_hits(k, "工作原则。坚持以人为本、预防为主，统一领导、属地管理。", "working_principles",
                     "measure_type") == {"awareness_goals"}
    assert "responsibility" in labels(k, "实行属地管理，各乡镇对辖区内小作坊安全负属地责任。", "measure_type")
    assert not rule_hits(k, "坚持问题导向，对排查出的隐患逐项整改销号。", "working_principles", "measure_type")


# ---- rule 16: scope and definitions -----------------------------------------------------------------
def test_rule16_scope_and_definition(k):
    assert rule_hits(k, "第二条 本办法适用于本市行政区域内的专项资金申报、使用和监督管理。", "scope_definition",
                     "measure_type") == {"rules_standards"}
    assert rule_hits(k, "第三条 本规定所称重大事故隐患，是指危害和整改难度较大的隐患。", "scope_definition",
                     "measure_type") == {"rules_standards"}
    assert labels(k, "第二条 本规定适用于本县行政区域内所有单位。") == {"cross_sector"}
    assert not rule_hits(k, "各地要扩大安全生产责任保险的覆盖范围，推动高危企业应保尽保。", "scope_definition",
                         "measure_type")


# ---- rule 17: public prohibitions -------------------------------------------------------------------
def test_rule17_public_prohibition_and_penalty(k):
    text = "二、任何单位和个人不得在禁放区内燃放烟花爆竹；违反规定的，由公安机关处以罚款。"
    assert rule_hits(k, text, "public_prohibition", "measure_type") == {"rules_standards"}
    assert {"rules_standards", "enforcement"} <= labels(k, text, "measure_type")
    assert rule_hits(k, "自本通告发布之日起，城区实行瓶装气统一配送。", "public_prohibition", "measure_type")


def test_rule17_negative_prohibition_told_to_enterprises(k):
    text = "煤矿企业严禁超能力、超强度组织生产，严禁违章指挥和冒险作业。"
    assert not rule_hits(k, text, "public_prohibition", "measure_type")
    assert "rules_standards" not in labels(k, text, "measure_type")


# ---- rule 18: coordination mechanisms ---------------------------------------------------------------
def test_rule18_coordination_duties_and_body(k):
    text = "县安委会各成员单位要按照职责分工，定期召开联席会议，研究解决交叉领域的安全问题。"
    assert rule_hits(k, text, "coordination_mechanism", "measure_type") == {"responsibility"}
    setup = "县政府设立森林防灭火指挥部，下设办公室在县林业局，承担日常工作。"
    assert rule_hits(k, setup, "coordination_body_setup", "measure_type") == {"support_capacity"}
    # members told to inspect: the inspection is the measure, no duty division named
    assert not rule_hits(k, "市安委会成员单位分行业组织节前安全检查，发现问题督促整改。",
                         "coordination_mechanism", "measure_type")


# ---- rule 19: warnings and safety tips --------------------------------------------------------------
def test_rule19_warning_response_and_tips(k):
    warn = "台风红色预警发布后，沿海乡镇要立即停工停课，组织危险区域群众转移避险。"
    assert rule_hits(k, warn, "warning_response", "measure_type") == {"emergency"}
    tip = "温馨提示：节日期间乘坐游乐设施请遵守乘客须知，听从工作人员指挥。"
    assert rule_hits(k, tip, "public_safety_tips", "measure_type") == {"publicity_training"}
    # a dust collector that is switched off is not a warning response; 责令停工 is enforcement
    assert not rule_hits(k, "严禁在除尘系统停运期间进行打磨作业。", "warning_response", "measure_type")
    assert not rule_hits(k, "对拒不整改的施工项目依法责令停工。", "warning_response", "measure_type")


# ---- rule 20: hazards without a v1.1 cue ------------------------------------------------------------
@pytest.mark.parametrize("text,label", [
    ("入汛后要密切关注台风路径，提前加固临时工棚和广告牌。", "meteorological"),
    ("果园和设施农业要做好冰雹、霜冻防范，及时收听天气预报。", "meteorological"),
    ("各地要做好抗御旱情和保障农村饮水工作。", "flood_drought"),
    ("对堰塞湖下游村庄逐户落实转移路线。", "flood_drought"),
])
def test_rule20_unlisted_hazards(k, text, label):
    assert label in labels(k, text)


def test_rule20_negative(k):
    # 高温 of molten metal is not weather (only 高温天气/高温热浪 are cues)
    assert "meteorological" not in labels(k, "高温熔融金属吊运作业要使用冶金专用起重机。")
    assert "flood_drought" not in labels(k, "严格执行动火作业审批，防止发生火灾。")


# ---- rule 22: pipelines -----------------------------------------------------------------------------
def test_rule22_pipeline_protection(k):
    assert "oil_gas_pipeline" in labels(k, "严禁在管道中心线两侧5米范围内挖塘、取土和修建建筑物。")
    assert "oil_gas_pipeline" in labels(k, "开展石油天然气长输管线违章占压清理，管道企业要加密巡护。")
    # a city gas network is urban_gas, never the long-distance line
    gas = "开展城镇天然气管道和燃气管道两侧违章建筑清理，推进老旧燃气管网改造。"
    assert "oil_gas_pipeline" not in labels(k, gas) and "urban_gas" in labels(k, gas)


# ---- rule 24: drafting against applying rules -------------------------------------------------------
def test_rule24_drafting_not_applying(k):
    assert rule_hits(k, "市应急局要修订完善有限空间作业安全管理规定，明确审批流程。", "rules_drafting",
                     "measure_type") == {"rules_standards"}
    assert not rule_hits(k, "各企业要严格落实有限空间作业审批制度，先通风、再检测、后作业。", "rules_drafting",
                         "measure_type")


# ---- new cue words: positive and negative (exclusion contexts) --------------------------------------
@pytest.mark.parametrize("text,label", [
    ("严查国道、省道超速、疲劳驾驶等交通违法行为。", "road_transport"),
    ("对在建项目的塔式起重机、高支模和深基坑开展专项检查。", "construction"),
    ("工商贸企业要排查高炉、转炉及熔融金属作业风险。", "metallurgy_industry"),
    ("清理疏散通道和安全出口堆放的杂物，规范用火用电。", "fire_safety"),
    ("汛期前学校要开展防溺水专题教育，管好渔船和电网设施。", "other_sectors"),
])
def test_new_sector_cues(k, text, label):
    assert label in labels(k, text)


@pytest.mark.parametrize("text,label", [
    ("推进天然气置换人工煤气，排查老旧燃气管网。", "metallurgy_industry"),
    ("加强景区客运索道和大型游乐设施的检验。", "other_sectors"),
    ("加强水上交通安全管理，恶劣天气渡船停航。", "road_transport"),
    ("严防化工装置发生火灾爆炸事故。", "fire_safety"),
])
def test_new_sector_cues_exclusion_contexts(k, text, label):
    assert label not in labels(k, text)


@pytest.mark.parametrize("text,label", [
    ("市财政每年安排安全生产专项资金，对小微企业开展技术服务给予补助资金。", "support_capacity"),
    ("压实属地管理责任，实行行政首长负责制。", "responsibility"),
    ("对违法经营的依法查处，处以罚款并责令停止经营。", "enforcement"),
    ("建立重大风险研判机制，对排查出的风险实施分级管控。", "hazard_remediation"),
    ("修订完善操作规程和企业管理规定。", "rules_standards"),
])
def test_new_measure_cues(k, text, label):
    assert label in labels(k, text, "measure_type")


# ---- taxonomy 2.2.0: measure-type cue words of the weak real-text labels ----------------------------
@pytest.mark.parametrize("text,label", [
    ("各乡镇要与辖区企业逐一签订安全生产责任书，分管负责人每月带队检查一次。", "responsibility"),
    ("按照谁主管谁负责的要求，把安全责任层层落实到班组和岗位。", "responsibility"),
    ("坚决取缔无证经营的加油点，对违法违规行为实施联合惩戒。", "enforcement"),
    ("推行双随机抽查，对拒不整改的作坊依法暂扣相关证照。", "enforcement"),
    ("组织企业开展危险源辨识，隐患实行闭环管理、整改一项销号一项。", "hazard_remediation"),
    ("对瞒报事故的单位负责人给予党纪处分，并严肃追究相关人员责任。", "assessment_accountability"),
    ("各街道配齐专职安全员，乡镇每年安排不少于5万元补贴用于购买技术服务。", "support_capacity"),
])
def test_v22_measure_cues(k, text, label):
    assert label in labels(k, text, "measure_type")


@pytest.mark.parametrize("text,label", [
    # 打击 and 整顿 only with their own meaning; a duty named in passing is not a responsibility cue
    ("汛期山区公路易受落石冲击，要设置警示标志。", "enforcement"),
    ("各地要关注辖区内重点企业的用电负荷变化。", "responsibility"),
    # 辨识 inside 辨识度 is no hazard identification; 配方 is not 配备
    ("宣传标识要醒目、辨识度高，张贴在出入口。", "hazard_remediation"),
    ("学校食堂要公开食品配方和采购来源。", "support_capacity"),
])
def test_v22_measure_cues_negative(k, text, label):
    assert label not in labels(k, text, "measure_type")


def test_v22_responsibility_fulfilment(k):
    assert rule_hits(k, "各乡镇要落实属地管理责任，对辖区小作坊逐户登记。", "responsibility_fulfilment",
                     "measure_type") == {"responsibility"}
    assert rule_hits(k, "督促企业落实安全生产主体责任。", "responsibility_fulfilment", "measure_type")
    # carrying out accountability or insurance is another instrument
    assert not rule_hits(k, "严格落实事故责任追究，依法依规处理。", "responsibility_fulfilment", "measure_type")
    assert not rule_hits(k, "全面落实安全生产责任险投保工作。", "responsibility_fulfilment", "measure_type")


def test_v22_duty_article_rule_in_label_studio_hints():
    from policytag.annotation.guide import RULES_ZH, label_rules
    from policytag.annotation.labeling_config import build_config

    taxonomy = load_taxonomy()
    assert 17 in label_rules(taxonomy)["rules_standards"]
    xml = build_config(taxonomy)
    hints = {c.get("alias"): c.get("hint") for c in ET.fromstring(xml).iter("Choice")}
    # the hover hint of rules_standards carries rule 17, whose text names the duty article
    assert RULES_ZH[17] in hints["rules_standards"] and "法规条文规定义务" in RULES_ZH[17]


def test_v22_regulation_duty_article(k):
    duty = "第十二条 生产经营单位应当建立安全风险分级管控制度，按照规定开展风险辨识。"
    assert rule_hits(k, duty, "regulation_duty_article", "measure_type") == {"rules_standards"}
    ban = "第二十条 任何单位不得在水库大坝保护范围内爆破、打井。"
    assert rule_hits(k, ban, "regulation_duty_article", "measure_type") == {"rules_standards"}
    # an instruction in a work plan that says 应当 is no article of a rule; nor is a cited article
    assert not rule_hits(k, "各企业应当在6月底前完成隐患自查。", "regulation_duty_article", "measure_type")
    assert not rule_hits(k, "依照《安全生产法》第九十五条的规定，对事故单位处以罚款。", "regulation_duty_article",
                         "measure_type")
    # an article that states a purpose (rule 14) or a scope (rule 16) is not a duty article
    assert not rule_hits(k, "第一条 为了加强烟花爆竹安全管理，根据有关法律法规，制定本办法。",
                         "regulation_duty_article", "measure_type")


# ---- the keyword run on whole written clauses ------------------------------------------------------
def test_keyword_run_applies_v2(gold_dataset):
    from policytag.models.keyword import KeywordTagger

    tagger = KeywordTagger().fit(gold_dataset.clauses, gold_dataset.labels)
    clauses = [
        Clause(doc_id="t", clause_id="a", heading_path=("1 总则",), kind="clause",
               text="1.1 编制目的 为有效防范台风和冰雹灾害，保障人民群众生命财产安全，制定本预案。"),
        Clause(doc_id="t", clause_id="b", heading_path=(), kind="clause",
               text="严禁在油气管道中心线两侧5米范围内取土、挖塘，管道企业要加密巡护。"),
    ]
    a, b = tagger.predict(clauses)
    assert "meteorological" in a.sector and "awareness_goals" in a.measure_type
    assert "rules_standards" not in a.measure_type
    assert "oil_gas_pipeline" in b.sector and "cross_sector" not in b.sector


# ---- Label Studio: hints and instructions carry the v2 rules ----------------------------------------
def test_v2_rules_in_label_studio_hints_and_instructions():
    from policytag.annotation.guide import RULES_ZH, instructions_html, label_rules
    from policytag.annotation.labeling_config import build_config

    taxonomy = load_taxonomy()
    assert set(V2_RULES) <= set(RULES_ZH)
    # every lexical v2 rule of the taxonomy names a codebook rule the hints know
    v2_lexical = {r.codebook_rule for r in load_knowledge(taxonomy).rules if (r.codebook_rule or 0) >= 14}
    assert v2_lexical == {14, 15, 16, 17, 18, 19, 20, 22, 24}
    per_label = label_rules(taxonomy)
    assert 22 in per_label["oil_gas_pipeline"] and 20 in per_label["meteorological"]
    assert 14 in per_label["awareness_goals"] and 17 in per_label["rules_standards"]
    xml = build_config(taxonomy)
    hints = {c.get("alias"): c.get("hint") for c in ET.fromstring(xml).iter("Choice")}
    assert RULES_ZH[22] in hints["oil_gas_pipeline"] and RULES_ZH[20] in hints["meteorological"]
    assert RULES_ZH[18] in hints["responsibility"] and RULES_ZH[19] in hints["publicity_training"]
    page = instructions_html(taxonomy).replace("&quot;", '"')
    for n in V2_RULES:  # the Chinese rule list and the codebook's own §4 text
        assert RULES_ZH[n][:12] in page
    assert "Single-sector documents" in page and "Public prohibitions" in page


# ---- the challenge set: v1 + v2 read together, v2 in the new genres ---------------------------------
def test_challenge_directory_reads_v1_and_v2():
    from collections import Counter

    from policytag.training.challenge import DEFAULT_CHALLENGE, load_challenge, load_clause_set

    both = load_challenge()
    v1 = load_clause_set(DEFAULT_CHALLENGE / "challenge-v1.jsonl", "challenge set")
    v2 = load_clause_set(DEFAULT_CHALLENGE / "challenge-v2.jsonl", "challenge set")
    assert len(both.examples) == len(v1.examples) + len(v2.examples) and len(v2.examples) >= 100
    ids = [e.clause.clause_id for e in both.examples]
    assert len(ids) == len(set(ids))
    genres = Counter(e.clause.genre for e in v2.examples)
    levels = Counter(e.clause.level for e in v2.examples)
    assert {"work_points", "special_plan", "emergency_plan", "regulation"} <= set(genres)
    assert len(levels) >= 4 and all(e.clause.title for e in v2.examples)


def test_challenge_directory_rejects_a_duplicate_id(tmp_path):
    from policytag import PolicytagError
    from policytag.training.challenge import DEFAULT_CHALLENGE, load_challenge

    line = (DEFAULT_CHALLENGE / "challenge-v1.jsonl").read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "challenge-v1.jsonl").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "challenge-v2.jsonl").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "second-pass.jsonl").write_text("not read\n", encoding="utf-8")  # not a clause file
    with pytest.raises(PolicytagError, match="occurs twice"):
        load_challenge(tmp_path)
    (tmp_path / "challenge-v2.jsonl").unlink()
    assert len(load_challenge(tmp_path).examples) == 1


# ---- rule 2: responsible-agency remarks are metadata (policytag.text.remark_spans) ---------------
@pytest.mark.parametrize("text, remark", [
    ("3.开展危险化学品企业安全风险评估，年底前完成。（牵头单位：县应急管理局；责任单位：各乡镇人民政府）",
     "（牵头单位：县应急管理局；责任单位：各乡镇人民政府）"),
    ("（二）加强客运站安全检查。(牵头责任单位:县交通运输局;配合单位:县公安局;完成时限:2025年6月)",
     "(牵头责任单位:县交通运输局;配合单位:县公安局;完成时限:2025年6月)"),
    ("开展校园周边道路隐患排查（市交通运输局牵头，市教育局、市公安局配合）。",
     "（市交通运输局牵头，市教育局、市公安局配合）"),
    ("加快推进矿山智能化改造（县发改局、县应急管理局等部门按职责分工负责）",
     "（县发改局、县应急管理局等部门按职责分工负责）"),
    ("组织开展燃气安全专项整治。牵头单位：县住房城乡建设局；配合单位：县市场监管局",
     "牵头单位：县住房城乡建设局；配合单位：县市场监管局"),
])
def test_rule2_remark_spans(text, remark):
    from policytag.text import mask_remarks, remark_spans, strip_remarks

    [(a, b)] = remark_spans(text)
    assert text[a:b] == remark
    masked = mask_remarks(text)
    assert len(masked) == len(text) and remark not in masked and masked[:a] == text[:a]
    assert remark not in strip_remarks(text) and strip_remarks(text).startswith(text[:a].rstrip())


@pytest.mark.parametrize("text", [
    "（一）强化企业主体责任。各乡镇（街道）要督促企业落实全员安全生产责任制。",  # numbering, a place in brackets
    "建立联席会议制度（由县应急管理局负责召集），每季度研究一次重点问题。",  # who convenes: a measure
    "各村要落实“网格员”制度（逐户负责），发现隐患及时上报。",  # no agency in the brackets
    "县交通运输局负责全县道路运输安全监管，要每月开展一次检查。",  # a duty stated in the text itself
    "（三）要求各企业（含个体工商户）严格落实安全责任（企业主要负责人要亲自落实）。",  # an instruction
    "本办法所称责任单位：是指承担安全生产监管职责的部门。",  # a definition, not after a sentence
])
def test_rule2_remark_spans_negative(text):
    from policytag.text import remark_spans, strip_remarks

    assert remark_spans(text) == [] and strip_remarks(text) == text


def test_rule2_cues_inside_a_remark_are_not_hits(k):
    text = "4.开展危险化学品储存场所隐患排查，年底前完成整改。（牵头单位：县应急管理局；责任单位：县交通运输局、县公安局）"
    clause = Clause("d", "c", (), text, "clause")
    hits = k.match_clause(clause)
    sectors = {h.label for h in hits if h.dimension == "sector"}
    assert sectors == {"hazardous_chemicals"}  # not road_transport (交通运输 in the remark)
    assert all(h.span[1] <= text.index("（牵头") for h in hits)  # every hit lies before the remark
    # the same words in the text itself are hits (the mask is about the remark, not the words)
    plain = "4.县交通运输局要开展道路运输企业隐患排查，年底前完成整改。"
    assert "road_transport" in {h.label for h in k.match_clause(Clause("d", "c", (), plain, "clause"))
                                if h.dimension == "sector"}


def test_rule2_learners_read_the_clause_without_its_remark():
    from policytag.models.features import clause_input

    text = "开展燃气管道隐患排查（牵头单位：县住房城乡建设局；配合单位：县应急管理局）"
    got = clause_input(Clause("d", "c", ("一、重点任务",), text, "clause"))
    assert got.endswith("开展燃气管道隐患排查") and "应急管理局" not in got


def test_rule2_in_label_studio_hints():
    from policytag.annotation.guide import RULES_ZH

    assert "牵头单位" in RULES_ZH[2] and "元数据" in RULES_ZH[2]


# ---- taxonomy 2.3.0: rule 18's duty division as lexical evidence, measure-type cue words ------------
def test_v23_duty_division(k):
    for text in ("县应急管理局负责全县烟花爆竹经营单位的安全监督管理。",
                 "第九条 乡镇人民政府负责本辖区农村道路交通安全劝导站的日常管理。",
                 "各成员单位职责如下。县住房城乡建设局负责在建工地塔吊的安全监管；县市场监管局负责电梯检验督促。"):
        assert rule_hits(k, text, "duty_division", "measure_type") == {"responsibility"}, text
    for text in ("企业主要负责人要每月带队检查一次。",  # 负责人: a person, not a division of duties
                 "生产经营单位负责人应当组织制定本单位的应急预案。",
                 "本方案由县应急管理局负责解释。",  # interpretation clause
                 "由县安委会办公室约谈相关负责同志。",
                 "各部门要按照职责开展检查。"):  # no agency opening the sentence with 负责
        assert not rule_hits(k, text, "duty_division", "measure_type"), text


def test_v23_duty_division_in_label_studio_hints():
    from policytag.annotation.guide import RULES_ZH, label_rules
    from policytag.annotation.labeling_config import build_config

    taxonomy = load_taxonomy()
    assert 18 in label_rules(taxonomy)["responsibility"]
    hints = {c.get("alias"): c.get("hint") for c in ET.fromstring(build_config(taxonomy)).iter("Choice")}
    assert RULES_ZH[18] in hints["responsibility"] and "负责……" in RULES_ZH[18]


@pytest.mark.parametrize("text,label", [
    ("坚持人民至上、生命至上，统筹发展和安全。", "awareness_goals"),
    ("坚持安全第一、预防为主、综合治理的方针。", "awareness_goals"),
    ("台风登陆前，组织沿海低洼地带群众及时撤离到避难场所。", "emergency"),
    ("各乡镇要储备应急物资，节日期间落实应急值守。", "emergency"),
    ("深入企业和社区普及燃气使用安全知识。", "publicity_training"),
    ("在主要路口加装视频监控，对渣土车运行实行监控系统全覆盖。", "engineering_technology"),
    ("对老旧消防控制室实施升级改造。", "engineering_technology"),
])
def test_v23_measure_cues(k, text, label):
    assert label in labels(k, text, "measure_type")


@pytest.mark.parametrize("text,label", [
    ("对违规占道经营的摊点依法取缔。", "emergency"),  # no evacuation, no supplies
    ("各企业要加强设备日常维护保养。", "engineering_technology"),
    ("组织开展隐患排查，建立问题台账。", "publicity_training"),
])
def test_v23_measure_cues_negative(k, text, label):
    assert label not in labels(k, text, "measure_type")
