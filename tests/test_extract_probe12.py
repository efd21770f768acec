"""Extraction probe 12: the known gaps of probe 11 (counts sharing one verb, verbs sharing one count, a weekly deadline,
a comparator under a ratio) and a new user's probe in the wording of genres earlier probes did not cover: ministries'
司局 deadlines, 应急预案 response levels and times, 标准 clauses, 执法计划 counts, 考核 scoring, money, 年度 years,
effective dates and validity.

Decisions (docs/tagging.md, "Deadlines" and "Targets"):

* counts listed after one verb (建成省级储备库3个、市级储备库16个; 建成60座智能化煤矿、20个智能化工作面) are one target
  each, the verb shared: each item's ``text`` is its own object and figure as written, ``verb`` the shared verb,
  ``what`` as the first item's reading gives it (the verb and its object when the object comes before the number,
  the object alone when it comes after); an item with a verb or comparator of its own is read as before;
* verbs listed before one count (新建、改建应急避难场所12处) are one target whose ``verb`` is the list as written
  (新建、改建) and whose ``text`` starts at the first verb;
* a weekly limit (每周五前) is ``recurring`` with ``event`` 每周 (the weekday stays in ``text``: ``day`` is a day
  of the month);
* 低于 / 高于 / 不高于 before a ratio's figure (亿元GDP生产安全事故死亡率低于0.2, 不高于0.8%) are its comparator:
  ``<=`` / ``>=`` (the comparator set has no strict sign; ``verb`` keeps the word as written); only under a ratio (a
  subject ending in 率/比例/比重/占比, or a figure in % or ‰) and not before 的 (负债率高于70%的企业 is a scope).

Windows (汛期期间, 春节期间) stay unread: probes 3 and 8 pin them. Every sentence is invented for this file
(places and organs too); the readings were written down before the code ran on them. Notice year 2026.
"""

from __future__ import annotations

import pytest

from policytag.inference.extract import extract_fields

from test_extract_probe3 import _deadlines  # (text, kind, year, month, day, period, event, due, action) of each
from test_extract_probe9 import _fields_agree, _ids, _targets  # (the last probes' readers of the same fields)

from extract_kinds import BE, D, F, H, M, MIN, P, R, WD, WM, WY, WYR, YE, Y  # noqa: F401 (the probes' kind aliases)


# --- known gap 1: counts listed after one verb, verbs listed before one count ----------------------------------
SHARED_VERB = [
    ("建成省级储备库3个、市级储备库16个。",
     [("建成省级储备库3个", 3, "个", "建成省级储备库", "=", "建成", None),
      ("市级储备库16个", 16, "个", "建成市级储备库", "=", "建成", None)]),
    ("全市建成60座智能化煤矿、20个智能化工作面。",
     [("建成60座智能化煤矿", 60, "座", "智能化煤矿", "=", "建成", None),
      ("20个智能化工作面", 20, "个", "智能化工作面", "=", "建成", None)]),
    ("配备应急救援车辆12辆、无人机5架、卫星电话30部。",
     [("配备应急救援车辆12辆", 12, "辆", "配备应急救援车辆", "=", "配备", None),
      ("无人机5架", 5, "架", "配备无人机", "=", "配备", None),
      ("卫星电话30部", 30, "部", "配备卫星电话", "=", "配备", None)]),
    ("新建、改建应急避难场所12处。",
     [("新建、改建应急避难场所12处", 12, "处", "新建、改建应急避难场所", "=", "新建、改建", None)]),
    ("各县区新建、改造消防站8座。",
     [("新建、改造消防站8座", 8, "座", "新建、改造消防站", "=", "新建、改造", None)]),
]
SHARED_VERB_BESIDE = [
    # (read as before: each item has a verb of its own)
    ("市级培养3—5名、县级培养2—3名专业指挥人员。",
     [("培养3—5名", 3, "名", "专业指挥人员", "between", "培养", None),
      ("培养2—3名专业指挥人员", 2, "名", "专业指挥人员", "between", "培养", None)]),
    ("建成区级应急物资储备库1个。", [("建成区级应急物资储备库1个", 1, "个", "建成区级应急物资储备库", "=", "建成", None)]),
    # (an item with a comparator of its own is not taken: read as before)
    ("检查、督办重点企业不少于30家。", [("不少于30家", 30, "家", "检查、督办重点企业", ">=", None, None)]),
]


@pytest.mark.parametrize("text,want", SHARED_VERB + SHARED_VERB_BESIDE, ids=_ids(SHARED_VERB + SHARED_VERB_BESIDE))
def test_counts_sharing_a_verb(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- known gap 2: a weekly limit, and the monthly and quarterly ones beside it -----------------------------------
CYCLES = [
    ("各单位每周五前报送本周隐患排查情况。",
     [("每周五前", R, None, None, None, None, "每周", None, "各单位报送本周隐患排查情况")]),
    ("值班室于每星期一之前汇总上周值班记录。",
     [("每星期一之前", R, None, None, None, None, "每周", None, "值班室汇总上周值班记录")]),
    ("请各单位于每月5日前将上月统计报表报送市应急局。",
     [("每月5日前", R, None, None, 5, None, "每月", None, "请各单位将上月统计报表报送市应急局")]),
    ("各县区应于每季度末报送季度工作总结。",
     [("每季度末", R, None, None, None, None, "每季度", None, "各县区报送季度工作总结")]),
]
CYCLES_BESIDE = [
    ("每周开展一次安全巡查。", []),  # a frequency, no limit
    ("周五前完成整改。", []),  # no cycle: which Friday is not written
]


@pytest.mark.parametrize("text,want", CYCLES + CYCLES_BESIDE, ids=_ids(CYCLES + CYCLES_BESIDE))
def test_weekly_and_other_cycles(text, want):
    assert _deadlines(text, Y) == want
    _fields_agree(text)


# --- known gap 3: a comparator under a ratio ------------------------------------------------------------------
UNDER_A_RATIO = [
    ("到2027年，亿元GDP生产安全事故死亡率低于0.2。",
     [("亿元GDP生产安全事故死亡率低于0.2", 0.2, "", "亿元GDP生产安全事故死亡率", "<=", "低于", None)]),
    ("道路交通万车死亡率控制在0.05以下。",
     [("道路交通万车死亡率控制在0.05以下", 0.05, "", "道路交通万车死亡率", "<=", "控制在", None)]),
    ("煤矿百万吨死亡率不高于0.8%。",
     [("煤矿百万吨死亡率不高于0.8%", 0.8, "%", "煤矿百万吨死亡率", "<=", "不高于", None)]),
    ("特种设备定期检验率高于98%。",
     [("特种设备定期检验率高于98%", 98, "%", "特种设备定期检验率", ">=", "高于", None)]),
]
UNDER_A_RATIO_BESIDE = [
    ("资产负债率高于70%的企业列为重点监管对象。", []),  # a scope
    ("气温低于5时停止室外作业。", []),  # no ratio
    ("对产能低于30万吨的煤矿实施关闭。", []),
]


@pytest.mark.parametrize("text,want", UNDER_A_RATIO + UNDER_A_RATIO_BESIDE, ids=_ids(UNDER_A_RATIO + UNDER_A_RATIO_BESIDE))
def test_a_comparator_under_a_ratio(text, want):
    assert _targets(text) == want
    _fields_agree(text)


# --- a new user's probe: (text, deadlines, targets), the readings written before the code ran on them ------------
#: a ministry's 司局 asks for reports
MINISTRY = [
    ("请于每年1月15日前报送上一年度安全生产执法工作总结。",
     [("每年1月15日前", R, None, 1, 15, None, "每年", None, "请报送上一年度安全生产执法工作总结")], []),
    ("请各省级应急管理部门于2027年3月31日前将自查报告报送我司。",
     [("2027年3月31日前", D, 2027, 3, 31, None, None, "2027-03-31", "请各省级应急管理部门将自查报告报送我司")], []),
    ("有关情况请于6月20日前反馈我司。",
     [("6月20日前", D, None, 6, 20, None, None, "2026-06-20", "有关情况请反馈我司")], []),
    ("请于2027年1月10日前通过信息系统填报2026年度统计数据。",
     [("2027年1月10日前", D, 2027, 1, 10, None, None, "2027-01-10", "请通过信息系统填报2026年度统计数据")], []),
    ("各省级应急管理部门每季度末前报送季度执法统计表。",
     [("每季度末前", R, None, None, None, None, "每季度", None, "各省级应急管理部门报送季度执法统计表")], []),
    ("请于次年1月20日前报送年度工作总结。",
     [("次年1月20日前", D, 2027, 1, 20, None, None, "2027-01-20", "请报送年度工作总结")], []),
    ("书面材料请于10个工作日内反馈。",
     [("10个工作日内", WD, None, None, None, 10, None, None, "书面材料请反馈")], []),
    ("各地应于每年12月20日前报送下一年度执法计划。",
     [("每年12月20日前", R, None, 12, 20, None, "每年", None, "各地报送下一年度执法计划")], []),
    ("各司局于每月25日前报送下月工作计划。",
     [("每月25日前", R, None, None, 25, None, "每月", None, "各司局报送下月工作计划")], []),
    ("各级应急管理部门应于每年3月31日前公布上一年度执法情况。",
     [("每年3月31日前", R, None, 3, 31, None, "每年", None, "各级应急管理部门公布上一年度执法情况")], []),
    ("年度执法计划于每年3月底前报同级人民政府批准。",
     [("每年3月底前", R, None, 3, None, None, "每年", None, "年度执法计划报同级人民政府批准")], []),
    ("请于2026年12月25日前将年度工作总结电子版发送至指定邮箱。",
     [("2026年12月25日前", D, 2026, 12, 25, None, None, "2026-12-25", "请将年度工作总结电子版发送至指定邮箱")], []),
    ("各县区要于每周一前报送上周隐患排查台账。",
     [("每周一前", R, None, None, None, None, "每周", None, "各县区报送上周隐患排查台账")], []),
    ("每半年报送一次工作进展。", [], []),  # a frequency, no limit
    ("每年11月底前完成冬季安全检查。",
     [("每年11月底前", R, None, 11, None, None, "每年", None, "完成冬季安全检查")], []),
    ("于2027年第一季度完成验收。",
     [("2027年第一季度", P, 2027, 3, None, None, None, "2027-03-31", "完成验收")], []),
]
#: an 应急预案: response levels and reporting times
RESPONSE = [
    ("接报后30分钟内电话报告县应急管理局。",
     [("30分钟内", MIN, None, None, None, 30, None, None, "接报后电话报告县应急管理局")], []),
    ("事故发生后2小时内书面报告市人民政府。",
     [("2小时内", H, None, None, None, 2, None, None, "事故发生后书面报告市人民政府")], []),
    ("启动Ⅰ级响应。", [], []),
    ("Ⅱ级响应由县应急指挥部总指挥决定启动。", [], []),
    ("应急救援队伍接到指令后15分钟内出动。",
     [("15分钟内", MIN, None, None, None, 15, None, None, "应急救援队伍接到指令后出动")], []),
    ("预警信息发布后，各单位半小时内反馈接收情况。",
     [("半小时内", MIN, None, None, None, 30, None, None, "各单位反馈接收情况")], []),
    ("响应终止后10个工作日内提交总结评估报告。",
     [("10个工作日内", WD, None, None, None, 10, None, None, "响应终止后提交总结评估报告")], []),
    ("各成员单位实行24小时值班制度。", [], []),  # a duty rota
    ("事发地政府负责人应在1小时内到达现场。",
     [("1小时内", H, None, None, None, 1, None, None, "事发地政府负责人到达现场")], []),
    ("Ⅰ级响应启动后，省指挥部2小时内派出工作组。",
     [("2小时内", H, None, None, None, 2, None, None, "省指挥部派出工作组")], []),
    ("三级响应：由市应急局局长决定启动。", [], []),
    ("接到预警后，危险区域群众应在3小时内完成转移。",
     [("3小时内", H, None, None, None, 3, None, None, "危险区域群众完成转移")], []),
    ("达到Ⅱ级响应条件的，由市指挥部启动Ⅱ级响应。", [], []),
    ("一次死亡3人以上的，启动一级响应。", [], []),
    ("启动四级应急响应后，2小时内召开会商会议。",
     [("2小时内", H, None, None, None, 2, None, None, "召开会商会议")], []),
    ("Ⅲ级响应：事发地县级应急指挥部2小时内到达现场。",
     [("2小时内", H, None, None, None, 2, None, None, "事发地县级应急指挥部到达现场")], []),
    ("事故调查组自事故发生之日起60日内提交事故调查报告。",
     [("自事故发生之日起60日内", WD, None, None, None, 60, None, None, "事故调查组提交事故调查报告")], []),
    ("接报后立即报告。", [], []),
]
#: a 标准's limits: a minimum or maximum is the clause's requirement (a target), as 培训时间不得少于24学时 is
STANDARD = [
    ("安全出口的宽度不应小于1.4米。", [], [("不应小于1.4米", 1.4, "米", "安全出口的宽度", ">=", None, None)]),
    ("疏散走道的净宽度不应小于1.5m。", [], [("不应小于1.5m", 1.5, "m", "疏散走道的净宽度", ">=", None, None)]),
    ("加油站与居民住宅的防火间距不得少于50米。", [],
     [("不得少于50米", 50, "米", "加油站与居民住宅的防火间距", ">=", None, None)]),
    ("护栏高度不应低于1.05m。", [], [("不应低于1.05m", 1.05, "m", "护栏高度", ">=", None, None)]),
    ("库房内可燃物距灯具不得小于0.5米。", [], [("不得小于0.5米", 0.5, "米", "库房内可燃物距灯具", ">=", None, None)]),
    ("疏散楼梯不应少于2部。", [], [("不应少于2部", 2, "部", "疏散楼梯", ">=", None, None)]),
    ("单个防火分区面积不应大于2500平方米。", [],
     [("不应大于2500平方米", 2500, "平方米", "单个防火分区面积", "<=", None, None)]),
    ("储罐区防火堤内有效容积不应小于最大储罐容积。", [], []),  # no figure
    ("面积不小于500平方米的公共娱乐场所应设置自动喷水灭火系统。", [], []),  # a scope
    ("安全管理人员不得少于3人。", [], [("不得少于3人", 3, "人", "安全管理人员", ">=", None, None)]),
    ("每班作业人员不超过30人。", [], [("不超过30人", 30, "人", "每班作业人员", "<=", None, None)]),
    # (a 标准's bound on a share reads as a rate's: 不应高于 is <=, not 高于's >=; 不应低于 >=)
    ("道路纵坡不应大于8%。", [], [("道路纵坡不应大于8%", 8, "%", "道路纵坡", "<=", "不应大于", None)]),
    ("可燃气体报警浓度不应高于爆炸下限的25%。", [],
     [("可燃气体报警浓度不应高于爆炸下限的25%", 25, "%", "可燃气体报警浓度", "<=", "不应高于", None)]),
    ("含水率不应低于90%。", [], [("含水率不应低于90%", 90, "%", "含水率", ">=", "不应低于", None)]),
    ("相对湿度不宜大于75%。", [], [("相对湿度不宜大于75%", 75, "%", "相对湿度", "<=", "不宜大于", None)]),
    ("危险废物在厂内贮存量占比不应超过15%。", [],
     [("危险废物在厂内贮存量占比不应超过15%", 15, "%", "危险废物在厂内贮存量占比", "<=", "不应超过", None)]),
    ("坡度不大于5%的道路。", [], []),  # a scope
    ("管道埋深不小于0.7m，间距不宜小于3m。", [],
     [("不小于0.7m", 0.7, "m", "管道埋深", ">=", None, None), ("不宜小于3m", 3, "m", "间距", ">=", None, None)]),
    ("建筑高度不大于24m。", [], [("不大于24m", 24, "m", "建筑高度", "<=", None, None)]),
]
#: an 执法计划's counts
ENFORCEMENT_PLAN = [
    ("全年计划检查企业1200家次，其中重点企业不少于30%。", [],
     [("检查企业1200家次", 1200, "家次", "检查企业", "=", "检查", None),
      ("重点企业不少于30%", 30, "%", "重点企业", ">=", "不少于", None)]),
    ("年度执法计划检查企业860家，其中重大危险源企业实现全覆盖。", [],
     [("检查企业860家", 860, "家", "检查企业", "=", "检查", None)]),
    ("全年计划开展执法检查240家次。", [], [("开展执法检查240家次", 240, "家次", "开展执法检查", "=", "开展", None)]),
    ("全年检查生产经营单位不少于500家。", [],
     [("不少于500家", 500, "家", "全年检查生产经营单位", ">=", None, None)]),
    ("对重点企业每季度至少检查1次。", [], [("至少检查1次", 1, "次", "重点企业检查", ">=", "检查", "季度")]),
    ("双随机抽查比例不低于5%。", [], [("双随机抽查比例不低于5%", 5, "%", "双随机抽查比例", ">=", "不低于", None)]),
    ("重点检查企业占比不低于40%。", [], [("重点检查企业占比不低于40%", 40, "%", "重点检查企业占比", ">=", "不低于", None)]),
    ("2026年共检查企业2860家次。", [], []),  # reported
    ("计划开展联合执法行动12次。", [], [("开展联合执法行动12次", 12, "次", "开展联合执法行动", "=", "开展", None)]),
    ("深入开展20个重点县专项整治。", [], []),  # a scope
    ("每周至少开展1次安全巡查。", [], [("至少开展1次安全巡查", 1, "次", "安全巡查", ">=", "开展", "周")]),
    ("每月至少组织1次应急演练。", [], [("至少组织1次应急演练", 1, "次", "应急演练", ">=", "组织", "月")]),
    ("企业每年至少开展2次综合应急演练。", [], [("至少开展2次综合应急演练", 2, "次", "综合应急演练", ">=", "开展", "年")]),
]
#: 考核 rules: points are scores, not targets
ASSESSMENT = [
    ("每发生1起较大事故扣5分。", [], []),
    ("发生一般事故的，每起扣2分。", [], []),
    ("考核满分100分，80分以上为合格。", [], []),
    ("年度目标完成率低于80%的，考核不合格。", [], []),  # a scope
    ("安全生产工作考核权重不低于5%。", [], [("安全生产工作考核权重不低于5%", 5, "%", "安全生产工作考核权重", ">=", "不低于", None)]),
    ("一票否决：发生重大事故的，年度考核为不合格。", [], []),
    ("隐患整改率低于90%的，扣3分。", [], []),
    ("事故起数同比下降的，加2分。", [], []),
]
#: money set aside
MONEY = [
    ("市财政安排专项资金3000万元，用于重大隐患治理。", [],
     [("安排专项资金3000万元", 3000, "万元", "安排专项资金", "=", "安排", None)]),
    ("县级财政每年安排安全生产专项经费不少于200万元。", [],
     [("不少于200万元", 200, "万元", "县级财政安排安全生产专项经费", ">=", None, "年")]),
    ("投入资金2000万元用于隐患治理。", [], [("投入资金2000万元", 2000, "万元", "投入资金", "=", "投入", None)]),
    ("处5万元以上10万元以下的罚款。", [], []),  # a fine
    ("安排省级补助资金5000万元。", [], [("安排省级补助资金5000万元", 5000, "万元", "安排省级补助资金", "=", "安排", None)]),
    ("全年筹措应急救援能力建设资金800万元。", [],
     [("筹措应急救援能力建设资金800万元", 800, "万元", "筹措应急救援能力建设资金", "=", "筹措", None)]),
    ("省级财政安排3000万元专项资金。", [], [("安排3000万元专项资金", 3000, "万元", "专项资金", "=", "安排", None)]),
]
#: a year written with 年度, effective dates, validity
YEARS_AND_VALIDITY = [
    ("各地要在2027年度内完成全部整治任务。",
     [("2027年度内", WYR, 2027, None, None, None, None, "2027-12-31", "各地完成全部整治任务")], []),
    ("2027年度内完成全部老旧燃气管道改造。",
     [("2027年度内", WYR, 2027, None, None, None, None, "2027-12-31", "完成全部老旧燃气管道改造")], []),
    ("2026年度安全生产执法工作总结请于2027年1月15日前报送。",
     [("2027年1月15日前", D, 2027, 1, 15, None, None, "2027-01-15", "2026年度安全生产执法工作总结请报送")], []),
    ("本年度内完成应急预案修订。",
     [("本年度内", WYR, None, None, None, None, None, "2026-12-31", "完成应急预案修订")], []),
    ("2025年度考核结果。", [], []),
    ("2026年度安全生产工作要点", [], []),
    ("本办法自发布之日起施行。", [], []),
    ("本通知自印发之日起施行，有效期5年。", [], []),
    ("本规定自2027年1月1日起施行，有效期至2031年12月31日。",
     [("2027年1月1日起", F, 2027, 1, 1, None, None, "2027-01-01", "本规定施行")], []),
    ("有效期5年。", [], []),
    ("许可证有效期为3年。", [], []),
    ("本实施细则自2026年12月1日起施行。",
     [("2026年12月1日起", F, 2026, 12, 1, None, None, "2026-12-01", "本实施细则施行")], []),
    ("本办法自2027年3月1日起实施。",
     [("2027年3月1日起", F, 2027, 3, 1, None, None, "2027-03-01", "本办法实施")], []),
]
#: counts listed after one verb, and guards beside them
LISTS = [
    ("培训企业主要负责人2000人次、安全管理人员5000人次。", [],
     [("培训企业主要负责人2000人次", 2000, "人次", "培训企业主要负责人", "=", "培训", None),
      ("安全管理人员5000人次", 5000, "人次", "培训安全管理人员", "=", "培训", None)]),
    ("关闭退出煤矿5处、非煤矿山12座。", [],
     [("关闭退出煤矿5处", 5, "处", "关闭退出煤矿", "=", "关闭退出", None),
      ("非煤矿山12座", 12, "座", "关闭退出非煤矿山", "=", "关闭退出", None)]),
    ("建成应急避难场所8处、改造消防站3座。", [],
     [("建成应急避难场所8处", 8, "处", "建成应急避难场所", "=", "建成", None),
      ("改造消防站3座", 3, "座", "改造消防站", "=", "改造", None)]),
    ("新建、改扩建消防站5座。", [], [("新建、改扩建消防站5座", 5, "座", "新建、改扩建消防站", "=", "新建、改扩建", None)]),
    ("完成隐患整改320项、挂牌督办重大隐患15项。", [],
     [("完成隐患整改320项", 320, "项", "完成隐患整改", "=", "完成", None),
      ("挂牌督办重大隐患15项", 15, "项", "完成挂牌督办重大隐患", "=", "完成", None)]),
    ("已建成应急避难场所8处、消防站3座。", [], []),  # done
    ("全年发生事故12起、死亡15人。", [], []),  # reported
]
#: ratios with a comparator
RATIOS = [
    ("亿元国内生产总值生产安全事故死亡率比2025年下降20%。", [],
     [("亿元国内生产总值生产安全事故死亡率比2025年下降20%", 20, "%", "亿元国内生产总值生产安全事故死亡率", "=", "比2025年下降", None)]),
    ("道路运输万车死亡率低于1.5。", [], [("道路运输万车死亡率低于1.5", 1.5, "", "道路运输万车死亡率", "<=", "低于", None)]),
    ("职业病危害因素检测合格率高于95%。", [],
     [("职业病危害因素检测合格率高于95%", 95, "%", "职业病危害因素检测合格率", ">=", "高于", None)]),
    ("粉尘浓度低于2的作业场所。", [], []),
    ("抽查比例不高于20%。", [], [("抽查比例不高于20%", 20, "%", "抽查比例", "<=", "不高于", None)]),
    ("城市火灾十万人口死亡率控制在0.2以内。", [],
     [("城市火灾十万人口死亡率控制在0.2以内", 0.2, "", "城市火灾十万人口死亡率", "<=", "控制在", None)]),
    ("煤矿百万吨死亡率达到0.05。", [], [("煤矿百万吨死亡率达到0.05", 0.05, "", "煤矿百万吨死亡率", ">=", "达到", None)]),
    ("温度低于零下10摄氏度时停止露天作业。", [], []),
]
NEW_USER = MINISTRY + RESPONSE + STANDARD + ENFORCEMENT_PLAN + ASSESSMENT + MONEY + YEARS_AND_VALIDITY + LISTS + RATIOS


@pytest.mark.parametrize("text,deadlines,targets", NEW_USER, ids=_ids(NEW_USER))
def test_new_user_probe(text, deadlines, targets):
    assert (_deadlines(text, Y), _targets(text)) == (deadlines, targets)
    _fields_agree(text)
