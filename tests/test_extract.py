"""Deadline and target extraction on real sentences copied from the corpus (exact structured values)."""

import pytest

from policytag.inference.extract import cn_number, extract_agencies, extract_deadlines, extract_targets
from conftest import CORPUS_FILE


def D(text, kind, due, action, year=None, month=None, day=None, period=None, event=None):
    return {"text": text, "kind": kind, "year": year, "month": month, "day": day, "period": period, "event": event,
            "due": due, "action": action}


def T(text, value, unit, what, comparator, verb=None, value_max=None, per=None):
    return {"text": text, "value": value, "value_max": value_max, "unit": unit, "what": what,
            "comparator": comparator, "verb": verb, "per": per}


# (notice year, sentence as the segmenter prints it, expected deadlines, expected targets)
CASES = [
    (2026, "加强煤矿智能化改造，年底前再建成60座智能化煤矿。",
     [D("年底前", "by_end_of_year", "2026-12-31", "再建成60座智能化煤矿")],
     [T("再建成60座智能化煤矿", 60, "座", "智能化煤矿", "=", "再建成")]),
    (2025, "合理规划应急物资储备点布局，县级应急物资储备库（点）建设覆盖率达到100%。",
     [],
     [T("县级应急物资储备库（点）建设覆盖率达到100%", 100, "%", "县级应急物资储备库（点）建设覆盖率", ">=", "达到")]),
    (2017, "突出瓦斯防治，2017年6月底前完成全省所有使用尾巷的高瓦斯、煤与瓦斯突出矿井回采工作面的整改；",
     [D("2017年6月底前", "by_end_of_month", "2017-06-30", "完成全省所有使用尾巷的高瓦斯、煤与瓦斯突出矿井回采工作面的整改",
        year=2017, month=6)],
     []),
    (2017, "以地下矿山采空区治理为重点，年内完成30%，三年内全面完成5.49千万立方米治理任务；",
     [D("年内", "within_year", "2017-12-31", "以地下矿山采空区治理为重点，完成30%"),
      D("三年内", "within_years", "2019-12-31", "全面完成5.49千万立方米治理任务", period=3)],
     [T("完成30%", 30, "%", "以地下矿山采空区治理为重点", "=", "完成"),
      T("完成5.49千万立方米治理任务", 5.49, "千万立方米", "治理任务", "=", "完成")]),
    (2022, "6月底前，市、县按编制标准配齐安全监管执法人员。",
     [D("6月底前", "by_end_of_month", "2022-06-30", "市、县按编制标准配齐安全监管执法人员", month=6)],
     []),
    (2016, "制订落实居民区搬迁或管道改线工程方案，2016年年底前隐患整改率达到90%以上。",
     [D("2016年年底前", "by_end_of_year", "2016-12-31", "隐患整改率达到90%以上", year=2016)],
     [T("隐患整改率达到90%以上", 90, "%", "隐患整改率", ">=", "达到")]),
    (2018, "事故总量和死亡人数继续下降，煤矿百万吨死亡率控制在0.1以下，完成国家下达我省的年度目标任务。",
     [],
     [T("煤矿百万吨死亡率控制在0.1以下", 0.1, "", "煤矿百万吨死亡率", "<=", "控制在")]),
    (2018, "2018年7月1日起，新进入道路运输市场的“两客一危”车辆要按照规定安装智能视频监控报警、自动紧急刹车等防碰撞系统"
           "和整车安全运行监管技术装备，已进入道路运输市场的，2018年年底前按照规定完成35%的安装任务。",
     [D("2018年7月1日起", "effective_from", "2018-07-01",
        "新进入道路运输市场的“两客一危”车辆要按照规定安装智能视频监控报警、自动紧急刹车等防碰撞系统和整车安全运行监管技术装备",
        year=2018, month=7, day=1),
      D("2018年年底前", "by_end_of_year", "2018-12-31", "按照规定完成35%的安装任务", year=2018)],
     [T("完成35%的安装任务", 35, "%", "安装任务", "=", "完成")]),
    (2016, "强化安全生产基层执法力量，优化监管人员结构，三年内实现专业监管人员配比达到在职人员的75%以上。",
     [D("三年内", "within_years", "2018-12-31", "实现专业监管人员配比达到在职人员的75%以上", period=3)],
     [T("专业监管人员配比达到在职人员的75%以上", 75, "%", "专业监管人员配比", ">=", "达到")]),
    (2020, "大力开展安全文化示范企业创建、“安康杯”竞赛、青年安全示范岗等共建共享活动，每个市至少要建成2-3个安全体验馆、"
           "安全主题公园，普及安全常识，培育安全文化。",
     [],
     [T("至少要建成2-3个安全体验馆", 2, "个", "安全体验馆", "between", "建成", value_max=3)]),
    (2010, "凡列入2009年闭库治理计划的尾矿库，必须在2010年4月底前完成闭库。",
     [D("2010年4月底前", "by_end_of_month", "2010-04-30", "凡列入2009年闭库治理计划的尾矿库，完成闭库", year=2010, month=4)],
     []),
    (2010, "对保留的尾矿库要进行一次全面清理，汛期之前，对所有尾矿库进行一次安全度认定，坚决停产整顿病库、危库和险库；",
     [D("汛期之前", "before_event", None, "对所有尾矿库进行一次安全度认定", event="汛期")],
     []),
    (2025, "编制省市县应急避难场所专项规划，年底前力争每个村（社区）至少建立1处应急避难场所。",
     [D("年底前", "by_end_of_year", "2025-12-31", "每个村（社区）至少建立1处应急避难场所")],
     [T("至少建立1处应急避难场所", 1, "处", "应急避难场所", ">=", "建立")]),
    (2018, "市县党政领导干部每月深入基层或企业检查安全生产不少于一次。",
     [],
     [T("检查安全生产不少于一次", 1, "次", "检查安全生产", ">=", "检查", per="月")]),
    (2019, "完成尾矿库在线监测省市县企四级联网建设，大力推广尾矿库湿排改干排放尾，年内完成30座改造任务。",
     [D("年内", "within_year", "2019-12-31", "完成30座改造任务")],
     [T("完成30座改造任务", 30, "座", "改造任务", "=", "完成")]),
    (2013, "没有制定安全标准化标准的，省级行业部门要在2013年9月底前制定出相应标准，并制订达标规划和年度计划。",
     [D("2013年9月底前", "by_end_of_month", "2013-09-30", "省级行业部门制定出相应标准", year=2013, month=9)],
     []),
    (2025, "开展化工园区安全整治提升，90%的化工园区达到较低安全风险等级，扎实推进老旧化工生产装置改造提升和油库储罐改造升级。",
     [],
     [T("90%的化工园区达到较低安全风险等级", 90, "%", "化工园区达到较低安全风险等级", "=")]),
    (2021, "对所有执法人员，开展不少于2周的轮训；",
     [],
     [T("开展不少于2周的轮训", 2, "周", "轮训", ">=", "开展")]),
    (2017, "开展城市排水防涝专项整治，对城市低洼区、立交桥下、地下构筑物等易涝点进行排查治理，新建改造排水管网500公里。",
     [],
     [T("新建改造排水管网500公里", 500, "公里", "排水管网", "=", "新建改造")]),
    (2016, "特种设备：集中开展15年以上老旧电梯主要零部件报废综合治理，2016年年底前完成80%；",
     [D("2016年年底前", "by_end_of_year", "2016-12-31", "集中开展15年以上老旧电梯主要零部件报废综合治理，完成80%", year=2016)],
     [T("完成80%", 80, "%", "集中开展15年以上老旧电梯主要零部件报废综合治理", "=", "完成")]),
    (2026, "制定现场指挥部工作细则，刚性落实火场专业副总指挥制度，逐步为市级培养3—5名、县级培养2—3名专业指挥人员。",
     [],
     [T("培养3—5名", 3, "名", "专业指挥人员", "between", "培养", value_max=5),
      T("培养2—3名专业指挥人员", 2, "名", "专业指挥人员", "between", "培养", value_max=3)]),
    # negatives: past references, ban periods, conditions and scope numbers are not commitments
    (2016, "对2015年年底前到期尚未整改到位的存量隐患，要对责任单位进行通报、公示和约谈，督促限期整改到位。", [], []),
    (2018, "生产经营单位主要负责人未履行安全生产法定职责，导致发生事故的，一律撤职，5年内不得担任任何生产经营单位主要负责人；",
     [], []),
    (2025, "对发生重大及以上生产安全事故，3个月之内发生两起以上或6个月之内发生3起以上较大生产安全事故的，"
           "省安委会对属地开展专项巡查，全链条溯源追责。", [], []),
    (2026, "推动停用时间超过3年、运行到设计最终标高的尾矿库闭库治理销号。", [], []),
    (2026, "紧盯3层及以上、人员密集等经营性自建房，“一栋一策”治理消除安全隐患。", [], []),
    (2020, "对高速公路危化品车辆易聚集服务区设置专用停车区，采取限控疏导和24小时专人值守措施。", [], []),
]


def _strip_span(items, text):
    out = []
    for item in items:
        d = item.to_dict()
        start, end = d.pop("span")
        assert text[start:end] == d["text"], "span must point at the phrase in the clause text"
        out.append(d)
    return out


@pytest.mark.parametrize("year,text,deadlines,targets", CASES, ids=[f"{c[0]}-{c[1][:12]}" for c in CASES])
def test_real_sentences(year, text, deadlines, targets):
    assert _strip_span(extract_deadlines(text, year), text) == deadlines
    assert _strip_span(extract_targets(text), text) == targets


def test_cases_are_copied_from_the_corpus():
    """The sentences above are real: each occurs in the corpus (ignoring the PDF line breaks/spaces)."""
    import re

    corpus = re.sub(r"\s+", "", CORPUS_FILE.read_text(encoding="utf-8"))
    corpus = corpus.replace(",", "，").replace(";", "；").replace(":", "：").replace("(", "（").replace(")", "）")
    for _, text, _, _ in CASES:
        for piece in re.split(r"[，；。：、]", text):
            assert piece in corpus, piece


def test_due_needs_a_year():
    [d] = extract_deadlines("6月底前完成排查。")
    assert (d.month, d.year, d.due) == (6, None, None)
    [d] = extract_deadlines("6月底前完成排查。", notice_year=2024)
    assert d.due == "2024-06-30"
    [d] = extract_deadlines("2024年2月底前报省安委办。", notice_year=2024)
    assert d.due == "2024-02-29"  # leap year


def test_chinese_numerals_and_json_shapes():
    assert [cn_number(s) for s in ("6", "十", "十二", "两", "二十三", "一百")] == [6, 10, 12, 2, 23, 100]
    [d] = extract_deadlines("十二月底前全部完成。", 2023)
    assert (d.kind, d.month, d.due) == ("by_end_of_month", 12, "2023-12-31")
    [t] = extract_targets("各级政府年内至少组织开展一次综合性演练。")
    row = t.to_dict()
    assert row["value"] == 1 and isinstance(row["value"], int) and row["span"] == list(t.span)


def test_agencies_from_remarks():
    text = "加快推进智能化煤矿建设（省能源局、省应急厅等按职责分工负责）"
    assert extract_agencies(text) == ["省能源局", "省应急厅"]
    assert extract_agencies("没有备注的条款。") == []


def test_agencies_of_keyed_remarks_and_task_entries_in_a_clause_given_alone():
    """A clause row (``--clauses`` input) names its agencies as a notice clause does: keyed remarks
    of work plans and their task tables, ``责任单位：`` entries, and roles after each organ."""
    assert extract_agencies("开展矿山整治（牵头单位：县应急局；配合单位：县自然资源局、各乡镇）") == [
        "县应急局", "县自然资源局", "各乡镇"]
    assert extract_agencies("开展矿山整治。责任单位：县应急局；完成时限：6月底前") == ["县应急局"]
    assert extract_agencies("开展矿山整治。（县应急局牵头，县自然资源局配合）") == ["县应急局", "县自然资源局"]
    assert extract_agencies("开展矿山整治（责任领导：张某；责任单位：县应急局）") == ["县应急局"]
