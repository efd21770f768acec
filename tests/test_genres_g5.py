"""genre5: genres and layouts other governments publish that tests/test_genres*.py did not cover, on
notices written for these tests (tests/data/genres5/; invented places and organs, no real document
copied or paraphrased): a 通告 of 1. items with half-width (1)(2); a 督查情况通报 listing problems by
enterprise with a 责令整改 paragraph after each list, and one naming the enterprises as (1)(2) under 1）2）
problems; a 问责处理决定; a 领导讲话 (speaker and date under the title, 同志们：, 第一，/第二， paragraphs, a
closing 同志们，…); 会议纪要 of 会议指出/会议强调/会议要求 paragraphs with 参会人员 and 列席人员 lines; a
党委办公室+政府办公室 实施意见 with ——坚持… principles; ㈠㈡ items; A. B. groups over 1. items; a plan whose
tasks carry 责任单位：/完成时限： lines, blank-separated and not; a 年度工作总结 (三、2028年工作打算); a 政府工作
报告 excerpt (各位代表：… 各位代表，…); ① items under 1. and ①②③ inside a sentence; a 隐患排查清单 of
检查项目/检查内容/检查依据 rows; a 工作专班 notice with its roster; a 实施细则 with an article between 第X章
and its 第一节; a 表彰决定; a 约谈 notice to one company; a plan whose last item is a title over
paragraphs and a closing; half-width (一) / 1) / (1); a task table typed as text.

Each notice's reading (title, and each clause's heading path and text start) was written down from
the notice before running the segmenter. Decisions (docs/ANNOTATION_CODEBOOK.md §1):
- ``㈠`` / ``⑴`` / ``⒈`` are the items ``（一）`` / ``（1）`` / ``1.`` typed as one character: read and written
  as those.
- ``A.`` / ``B.`` items sit between ``（一）`` and ``1.``: a bare ``A.动火作业`` heads the ``1.`` items under it.
- A section title naming its year (``三、2028年工作打算``) is a title: the year is no deadline.
- A speech's speaker (``县长　周某某``) and bracketed date (``（2027年2月15日）``) and the ``同志们：`` /
  ``各位代表：`` it opens with are header lines, no clauses; the single organ or company a notice is sent
  to (``霁山县顺达运输有限公司：``) is its addressee.
- ``参会人员：…`` beside ``列席人员：…`` after minutes is an attendance line (alone, in a meeting notice, it
  stays text: who is to come).
- A checklist row's ``检查内容：`` / ``检查依据：`` lines belong to its ``1.检查项目：…`` item: one row, one clause.
- In a list of one-sentence items (``1.…。`` / ``2.…。``) closed by one keyed paragraph (``责令整改：…``) before
  the parent's next sibling, the last item is a clause like the others and the paragraph is the
  parent's (read as a title, the last item lost its text to it). Several keyed paragraphs under an
  item (``煤矿：…`` / ``危险化学品：…``) stay the item's sector list.
- After a title-only last item, a paragraph that re-addresses the audience (``同志们，…``, ``各位代表，…``) or,
  addressing everyone, speaks of the text as a whole (``本通知``, ``上述任务``, ``结合本地实际，制定实施方案``)
  closes the whole text (no heading), with the paragraphs after it; the item's first paragraph is
  always its own, and a plain exhortation (``各地各部门要高度重视……``) stays under the item
  (tests/test_genres_g4.py). The 2016 Shanxi notice's last paragraph (各地、各部门要结合本地、本部门实际，
  制定工作方案…) is such a closing: its heading path is now empty (its clause id, which keys its gold
  labels, stays).
- Wrapped like a PDF, ``第一，`` / ``——`` / ``会议指出，`` / ``各乡镇、各有关部门要`` after a closed sentence open
  a paragraph, and a roster's ``副组长：`` / ``成员：`` lines are lines of their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policytag.corpus.clean import classify_lines, heading_level, normalize_punct, parse_date
from policytag.corpus.segment import segment_paths, segment_text
from conftest import CORPUS_DIR, TEST_DATA
from test_genres import _as_docx, _as_html, _as_pdf, one, reading, wrap

DATA5 = TEST_DATA / "genres5"


def one5(name: str):
    """``one`` of tests/test_genres.py, for a notice of tests/data/genres5/."""
    return one(f"../genres5/{name}")


# file: (title, [(heading path, start of the clause text)])
G5 = {
    "g5_fireworks_tonggao.txt": ("霁山县人民政府关于元宵节期间城区禁止燃放烟花爆竹的通告", [
        ((), "为保障元宵节期间公共安全"),
        ((), "1.禁放时间：自2028年2月10日零时起"),
        ((), "2.禁放区域：县城建成区及霁山湖风景区全域。"),
        ((), "3.禁放期间，严禁下列行为："),
        (("3.禁放期间，严禁下列行为",), "（1）在禁放区域内燃放各类烟花爆竹；"),
        (("3.禁放期间，严禁下列行为",), "（2）在禁放区域内销售、储存烟花爆竹；"),
        (("3.禁放期间，严禁下列行为",), "（3）携带烟花爆竹进入车站、商场等人员密集场所。"),
        ((), "4.违反本通告规定燃放烟花爆竹的"),
        ((), "5.本通告自发布之日起施行。"),
    ]),
    "g5_inspection_bulletin.txt": ("澄岭市安全生产委员会办公室关于2027年第二季度危险化学品企业安全生产督查情况的通报", [
        ((), "2027年5月至6月，市安委办组织3个督查组"),
        (("一、总体情况",), "从督查情况看"),
        (("二、存在的主要问题", "（一）澄岭宏泰化工有限公司"), "1.罐区可燃气体报警仪未定期检定。"),
        (("二、存在的主要问题", "（一）澄岭宏泰化工有限公司"), "2.动火作业票证未经审批即开始作业。"),
        (("二、存在的主要问题", "（一）澄岭宏泰化工有限公司"), "责令整改：企业于7月15日前完成整改"),
        (("二、存在的主要问题", "（二）澄岭金源新材料有限公司"), "1.重大危险源监控系统数据未接入市级平台。"),
        (("二、存在的主要问题", "（二）澄岭金源新材料有限公司"), "2.特种作业人员未持证上岗。"),
        (("二、存在的主要问题", "（二）澄岭金源新材料有限公司"), "责令整改：立即停止无证人员作业"),
        (("三、工作要求",), "（一）各县（市、区）要督促问题企业"),
        (("三、工作要求",), "（二）市应急管理局要对整改情况"),
    ]),
    "g5_accountability_decision.txt": ("鹤汀区安全生产委员会关于对“4·9”较大火灾事故有关责任单位和责任人员问责处理的决定", [
        ((), "2027年4月9日，鹤汀区某商贸城发生"),
        (("一、对事故责任单位的处理",), "（一）鹤汀区某商贸城经营管理有限公司，"),
        (("一、对事故责任单位的处理",), "（二）鹤汀区某物业服务有限公司，"),
        (("二、对有关责任人员的处理",), "（一）李某某，"),
        (("二、对有关责任人员的处理",), "（二）赵某某，"),
        (("二、对有关责任人员的处理",), "（三）孙某某，"),
        (("三、有关要求",), "各街道、各有关部门要深刻汲取事故教训"),
    ]),
    "g5_leader_speech.txt": ("在全县2027年安全生产工作会议上的讲话", [
        ((), "今天召开全县安全生产工作会议"),
        (("一、清醒认识当前安全生产面临的严峻形势",), "第一，事故总量虽然下降"),
        (("一、清醒认识当前安全生产面临的严峻形势",), "第二，风险隐患交织叠加。一是老旧小区"),
        (("一、清醒认识当前安全生产面临的严峻形势",), "第三，基层监管力量依然薄弱。"),
        (("二、突出抓好今年重点工作",), "（一）抓好燃气安全整治。"),
        (("二、突出抓好今年重点工作",), "（二）抓好自建房安全排查。"),
        (("二、突出抓好今年重点工作",), "（三）抓好应急能力建设。"),
        (("三、切实压紧压实安全生产责任",), "安全生产责任重于泰山。"),
        ((), "同志们，安全生产事关人民群众生命财产安全。"),
    ]),
    "g5_minutes_points.txt": ("雁岭县人民政府常务会议纪要", [
        ((), "6月10日上午，县长吴某某主持召开"),
        ((), "会议指出，今年入汛以来"),
        ((), "会议强调，各乡镇、各有关部门要"),
        ((), "会议要求，一是县水利局要在6月20日前"),
        ((), "会议同意县应急管理局提出的"),
    ]),
    "g5_party_gov_opinions.txt": ("中共霁山县委办公室霁山县人民政府办公室关于全面加强乡镇应急管理能力建设的实施意见", [
        ((), "为推动应急管理重心下移"),
        (("一、指导思想",), "坚持人民至上"),
        (("二、基本原则",), "——坚持党政同责。"),
        (("二、基本原则",), "——坚持预防为主。"),
        (("二、基本原则",), "——坚持因地制宜。"),
        (("三、主要任务",), "（一）健全应急管理机构。"),
        (("三、主要任务",), "（二）建强应急救援队伍。"),
        (("三、主要任务",), "（三）完善应急物资储备。"),
        (("四、保障措施",), "（一）加强组织领导。"),
        (("四、保障措施",), "（二）强化经费保障。"),
        (("四、保障措施",), "（三）严格督导考核。"),
    ]),
    "g5_bracketed_ideographs.txt": ("枫川县应急管理局关于开展2027年度工贸企业安全生产标准化复评工作的通知", [
        ((), "为持续提升工贸企业安全管理水平"),
        (("一、复评范围",), "全县取得安全生产标准化"),
        (("二、复评程序",), "（一）企业自评。"),
        (("二、复评程序",), "（二）申请复评。"),
        (("二、复评程序",), "（三）现场评审。"),
        (("三、工作要求",), "（一）各乡镇要加强宣传动员"),
        (("三、工作要求",), "（二）评审组要严格标准"),
    ]),
    "g5_latin_letters.txt": ("青枫市应急管理局关于开展2027年危险化学品企业特殊作业专项检查的通知", [
        ((), "为防范化解危险化学品企业特殊作业安全风险"),
        (("一、检查重点", "A.动火作业"), "1.动火作业票证是否按规定审批。"),
        (("一、检查重点", "A.动火作业"), "2.动火前是否进行气体分析"),
        (("一、检查重点", "B.受限空间作业"), "1.作业前是否进行通风置换"),
        (("一、检查重点", "B.受限空间作业"), "2.作业现场是否配备应急救援器材。"),
        (("一、检查重点",), "C.高处作业。重点检查安全带"),
        (("二、时间安排",), "7月10日前，各区县完成"),
        (("三、有关要求",), "各区县要将检查发现的问题"),
    ]),
    "g5_task_key_lines.txt": ("澄岭市2027年安全生产执法检查工作方案", [
        ((), "为加强安全生产执法检查"),
        (("一、重点任务",), "1.开展矿山企业执法检查，重点检查通风、防治水和提升运输系统。责任单位：市应急管理局；完成时限：2027年10月底前"),
        (("一、重点任务",), "2.开展建筑施工安全执法检查，严查违章指挥、违规作业行为。责任单位：市住房和城乡建设局；完成时限：2027年11月底前"),
        (("一、重点任务",), "3.开展道路运输企业安全执法检查。责任单位：市交通运输局、市公安局交警支队；完成时限：2027年全年"),
        (("二、保障措施",), "1.各责任单位要制定具体检查计划，明确检查对象和频次。责任单位：各有关部门；完成时限：2027年3月底前"),
        (("二、保障措施",), "2.各责任单位每季度末将执法检查情况报送市安委办。责任单位：各有关部门；完成时限：每季度末"),
    ]),
    "g5_annual_summary.txt": ("鹤汀区应急管理局2027年工作总结和2028年工作打算", [
        ((), "2027年，在区委、区政府的坚强领导下"),
        (("一、主要工作及成效",), "（一）安全责任体系不断完善。"),
        (("一、主要工作及成效",), "（二）隐患排查治理扎实推进。"),
        (("一、主要工作及成效",), "（三）应急救援能力持续提升。"),
        (("二、存在的问题",), "一是部分企业主体责任落实不到位"),
        (("三、2028年工作打算",), "（一）深化安全生产治本攻坚。"),
        (("三、2028年工作打算",), "（二）提升基层应急能力。"),
        (("三、2028年工作打算",), "（三）加强安全宣传教育。"),
    ]),
    "g5_gov_work_report.txt": ("霁山县2027年政府工作报告（摘要）", [
        ((), "现在，我代表县人民政府"),
        (("一、2026年工作回顾",), "过去一年，全县生产安全事故"),
        (("二、2027年主要任务", "（一）全力守护群众生命财产安全"), "坚决落实安全生产责任制"),
        (("二、2027年主要任务", "（二）加强基层应急能力建设"), "推进乡镇应急消防站建设"),
        ((), "各位代表，新的一年"),
    ]),
    "g5_circled_under_items.txt": ("雁岭县住房和城乡建设局关于加强2027年汛期建筑施工安全管理的通知", [
        ((), "为切实做好汛期建筑施工安全管理工作"),
        (("一、强化危险性较大工程管控",), "1.深基坑工程。施工单位要重点做好以下工作："),
        (("一、强化危险性较大工程管控", "1.深基坑工程"), "①开挖前编制专项施工方案"),
        (("一、强化危险性较大工程管控", "1.深基坑工程"), "②设置基坑周边排水"),
        (("一、强化危险性较大工程管控", "1.深基坑工程"), "③安排专人监测基坑变形。"),
        (("一、强化危险性较大工程管控",), "2.起重机械。遇6级以上大风"),
        (("二、做好应急准备",), "各施工单位要储备抽水泵、沙袋等防汛物资，做到①物资到位、②人员到位、③责任到位。"),
    ]),
    "g5_hazard_checklist.txt": ("枫川县餐饮场所燃气安全隐患排查清单", [
        (("一、燃气设施",), "1.检查项目：燃气管道；检查内容：管道是否存在锈蚀、占压，穿墙处是否加设套管。检查依据：《城镇燃气设计规范》"),
        (("一、燃气设施",), "2.检查项目：可燃气体报警装置；检查内容："),
        (("二、使用管理",), "1.检查项目：操作人员；检查内容："),
        (("二、使用管理",), "2.检查项目：应急处置；检查内容："),
    ]),
    "g5_work_team.txt": ("青枫市人民政府办公室关于成立青枫市城镇燃气安全整治工作专班的通知", [
        ((), "为加强对城镇燃气安全整治工作的组织领导"),
        (("一、组成人员",), "组长：郑某某"),
        (("一、组成人员",), "副组长：王某某"),
        (("一、组成人员",), "成员：市应急管理局"),
        (("二、主要职责",), "统筹协调全市城镇燃气安全整治工作"),
        (("三、工作机制",), "（一）专班下设办公室"),
        (("三、工作机制",), "（二）专班实行周调度、月通报制度"),
        (("三、工作机制",), "（三）工作专班在整治任务完成后自行撤销。"),
    ]),
    "g5_rules_sections_mixed.txt": ("澄岭市生产经营单位事故隐患排查治理实施细则", [
        (("第一章 总则",), "第一条为规范生产经营单位"),
        (("第一章 总则",), "第二条本细则适用于"),
        (("第二章 隐患排查",), "第三条生产经营单位是事故隐患排查治理的责任主体"),
        (("第二章 隐患排查", "第一节 企业自查"), "第四条生产经营单位应当建立"),
        (("第二章 隐患排查", "第一节 企业自查"), "第五条生产经营单位发现重大事故隐患的，应当采取下列措施："),
        (("第二章 隐患排查", "第一节 企业自查", "第五条 生产经营单位发现重大事故隐患的，应当采取下列措施"), "（一）立即停止相关区域作业；"),
        (("第二章 隐患排查", "第一节 企业自查", "第五条 生产经营单位发现重大事故隐患的，应当采取下列措施"), "（二）制定治理方案"),
        (("第二章 隐患排查", "第二节 部门检查"), "第六条负有安全生产监督管理职责的部门"),
        (("第三章 附则",), "第七条本细则自2027年9月1日起施行。"),
    ]),
    "g5_commendation_decision.txt": ("雁岭县人民政府关于表彰2027年度安全生产工作先进单位和先进个人的决定", [
        ((), "2027年，全县各级各部门认真贯彻落实"),
        ((), "希望受表彰的单位和个人珍惜荣誉"),
    ]),
    "g5_interview_notice.txt": ("霁山县安全生产委员会办公室关于对霁山县顺达运输有限公司进行安全生产约谈的通知", [
        ((), "2027年以来，你公司所属车辆连续发生"),
        (("一、约谈时间",), "2027年9月6日上午9时。"),
        (("二、约谈地点",), "县应急管理局三楼会议室。"),
        (("三、参加人员",), "公司法定代表人、安全生产分管负责人"),
        (("四、有关要求",), "（一）你公司要认真准备书面材料"),
        (("四、有关要求",), "（二）约谈后10个工作日内"),
    ]),
    "g5_closing_after_title_item.txt": ("霁山县2027年森林防灭火工作方案", [
        ((), "为切实做好2027年森林防灭火工作"),
        (("一、工作目标",), "全年森林火灾受害率控制在0.9‰以内"),
        (("二、重点任务",), "（一）加强火源管控。"),
        (("二、重点任务",), "（二）强化监测预警。"),
        (("三、保障措施",), "县财政要将森林防灭火经费"),
        (("三、保障措施",), "各乡镇要加强扑火队伍建设"),
        ((), "各乡镇、各有关部门要结合本地本部门实际"),
    ]),
    "g5_halfwidth_mixed.txt": ("青枫市安全生产委员会办公室关于做好2027年高温季节安全防范工作的通知", [
        ((), "进入夏季以来，我市持续出现高温天气"),
        (("（一）加强高温作业管理",), "1）督促企业合理安排作业时间"),
        (("（一）加强高温作业管理",), "2）为高温作业人员配备防暑降温用品。"),
        (("（二）防范危险化学品事故",), "（1）落实储存场所通风降温措施，严防超温超压；"),
        (("（二）防范危险化学品事故",), "（2）加强装卸环节管理"),
        (("（三）严格值班值守",), "各区县要严格执行24小时值班"),
    ]),
    "g5_duty_text_table.txt": ("鹤汀区2027年安全生产重点工作任务分工", [
        ((), "为确保全区2027年安全生产重点工作落到实处"),
        ((), "1.开展燃气安全专项整治"),
        ((), "2.推进电动自行车充电设施建设"),
        ((), "3.组织安全生产执法检查"),
    ]),
    # a checklist typed as a text table (序号 检查项目 检查内容 检查依据): each row a clause, as a task table's row is
    "g5_checklist_text_table.txt": ("霁山县危险化学品企业安全检查表", [
        ((), "为规范危险化学品企业安全检查工作"),
        ((), "1."),
        ((), "2."),
        ((), "3."),
    ]),
    # a 指挥部 notice: its roster (总指挥：/副总指挥：/成员：) line by line, its member organs heading their duties
    "g5_command_post.txt": ("枫川县人民政府关于调整枫川县森林防灭火指挥部组成人员的通知", [
        ((), "因人事变动和工作需要"),
        (("一、指挥部组成人员",), "总指挥：林某某"),
        (("一、指挥部组成人员",), "副总指挥：何某某"),
        (("一、指挥部组成人员",), "成员：县应急管理局"),
        (("二、指挥部办公室",), "指挥部办公室设在县应急管理局"),
        (("三、成员单位职责", "县应急管理局"), "负责组织指导森林火灾应急救援"),
        (("三、成员单位职责", "县林业局"), "负责森林火灾预防工作"),
        (("三、成员单位职责", "县气象局"), "负责森林火险气象等级预报"),
    ]),
    "g5_inspection_named_list.txt": ("枫川县应急管理局关于2027年上半年非煤矿山安全检查情况的通报", [
        ((), "按照年度执法计划，县应急管理局于4月至6月"),
        (("一、检查基本情况",), "本次共检查非煤矿山企业9家"),
        (("二、发现的突出问题",), "1）部分矿山未按设计开采"),
        (("二、发现的突出问题",), "2）个别矿山排土场未设置截排水设施；"),
        (("二、发现的突出问题",), "3）少数企业安全管理人员配备不足。"),
        (("三、责令整改的企业",), "（1）枫川县石岭采石场：未按设计开采"),
        (("三、责令整改的企业",), "（2）枫川县青龙石料厂：排土场截排水设施缺失"),
        (("四、下一步工作要求",), "各乡镇要落实属地监管责任"),
    ]),
}


# how many clauses open each notice as its preamble (an opening that reads as one: 为…/根据…/现将…)
PREAMBLES = {name: 1 for name in G5} | {"g5_hazard_checklist.txt": 0, "g5_rules_sections_mixed.txt": 0,
                                        "g5_commendation_decision.txt": 0}
# notices the segmenter misreads (strict xfails). Fixed: a checklist typed as a text table (序号 检查项目 检查内容
# 检查依据: no agency or deadline column), whose rows ran together into one clause (segfix: corpus/tables.py
# reads a checklist's header as a task table's)
KNOWN_READING_MISS: set[str] = set()


def test_every_g5_notice_is_listed():
    assert sorted(p.name for p in DATA5.glob("*.txt")) == sorted(G5)


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="checklist text table read as one run"))
    if name in KNOWN_READING_MISS else name for name in sorted(G5)])
def test_title_clauses_and_heading_paths(name):
    doc, clauses = one5(name)
    title, expected = G5[name]
    assert doc.title == title
    assert reading(clauses, expected) == expected
    assert len({c.clause_id for c in clauses}) == len(clauses)
    k = PREAMBLES[name]
    assert [c.kind for c in clauses] == ["preamble"] * k + ["clause"] * (len(clauses) - k)
    for c in clauses:
        assert doc.text[c.span[0]:c.span[1]] == c.text


def _read(text: str, name: str):
    return [(d.title, [(c.heading_path, c.text) for c in cs]) for d, cs in segment_text(text, name)]


# wrapped notices read otherwise than unwrapped (strict xfails). Fixed: the command post notice at 90 cells, where
# no line of the body is cut mid-sentence (the preamble's first line ends its sentence exactly at the margin), so
# the body reads as unwrapped and the preamble's lead-in (现将…通知如下：) was a paragraph of its own (segfix:
# corpus/clean.py _cut_before_lead_in)
KNOWN_WRAP_MISS: set[tuple[str, int]] = set()


@pytest.mark.parametrize("name, width", [
    pytest.param(name, width, marks=pytest.mark.xfail(strict=True, reason="no line cut mid-sentence: margin unknown"))
    if (name, width) in KNOWN_WRAP_MISS else (name, width)
    for name in sorted(G5) for width in (60, 70, 80, 90, 100)])
def test_same_reading_when_wrapped_like_a_pdf(name, width):
    text = (DATA5 / name).read_text(encoding="utf-8")
    assert _read(wrap(text, width), name) == _read(text, name)


# readings a reader misses (strict xfails). Fixed: a task table typed with spaces, one row a Word paragraph,
# which the .docx reader read as paragraphs (segfix: read_docx reads typed tables as read_txt does)
KNOWN_READER_MISS: set[tuple[str, str]] = set()


@pytest.mark.parametrize("name, fmt", [
    pytest.param(name, fmt, marks=pytest.mark.xfail(strict=True, reason="spaced text table in .docx paragraphs"))
    if (name, fmt) in KNOWN_READER_MISS else (name, fmt)
    for name in sorted(G5) for fmt in ("docx", "html", "pdf")])
def test_every_reader_gives_the_same_reading(tmp_path, name, fmt):
    lines = [line for line in (DATA5 / name).read_text(encoding="utf-8").split("\n") if line.strip()]
    path = tmp_path / f"{name[:-4]}.{fmt}"
    {"docx": _as_docx, "html": _as_html, "pdf": _as_pdf}[fmt](lines, path)
    doc, clauses = one5(name)
    result = segment_paths([path])
    assert not result.errors and [d.title for d in result.documents] == [doc.title]
    assert [(c.heading_path, c.text) for c in result.clauses] == [(c.heading_path, c.text) for c in clauses]


@pytest.mark.parametrize("line, normal, level", [
    ("㈡申请复评。企业于8月31日前提交申请。", "（二）申请复评。企业于8月31日前提交申请。", 2),
    ("⑶携带烟花爆竹进入车站；", "（3）携带烟花爆竹进入车站；", 4), ("⒉开展燃气安全检查。", "2.开展燃气安全检查。", 3),
])
def test_enclosed_item_numbers_are_the_items_they_stand_for(line, normal, level):
    assert normalize_punct(line) == normal
    (only,) = [l for l in classify_lines(line) if l.kind != "blank"]
    assert heading_level(only.text) == level


def test_latin_letter_items_sit_between_bracketed_and_arabic_items():
    items = ["A.动火作业", "B、受限空间作业", "C．高处作业。重点检查安全带。"]
    assert [heading_level(normalize_punct(line)) for line in items] == [2.5] * 3
    # a letter with no mark and Chinese after it is no item: a response level, a word, a figure
    others = ["A级响应：由县应急局组织处置。", "B超检查要在6月底前完成。", "PM2.5浓度持续下降。"]
    assert [heading_level(normalize_punct(line)) for line in others] == [None] * 3


def _paths(text: str) -> dict[str, tuple[str, ...]]:
    (_, clauses), = segment_text(text, "t.txt")
    return {c.text: c.heading_path for c in clauses}


def test_a_section_title_naming_its_year_is_a_title():
    text = ("鹤汀区应急管理局2027年工作总结和2028年工作打算\n一、主要工作\n全年检查企业1480家次。\n"
            "二、2028年工作打算\n（一）深化治本攻坚。持续开展排查整治。\n（二）2028年6月底前完成街道应急站建设。\n"
            "各街道要配齐专职人员。\n")
    paths = _paths(text)
    assert "二、2028年工作打算" not in paths  # a title, no clause saying nothing
    assert paths["（一）深化治本攻坚。持续开展排查整治。"] == ("二、2028年工作打算",)
    # a deadline with a year stays a sentence: the item is a clause, its paragraph under it
    assert paths["（二）2028年6月底前完成街道应急站建设。"] == ("二、2028年工作打算",)
    assert paths["各街道要配齐专职人员。"] == ("二、2028年工作打算", "（二）2028年6月底前完成街道应急站建设")


@pytest.mark.parametrize("header, kinds", [
    ("在全县安全生产工作会议上的讲话\n县长　周某某\n（2027年2月15日）\n同志们：", ["title", "signer", "date", "addressee"]),
    ("霁山县2027年政府工作报告\n各位代表：", ["title", "addressee"]),
    ("关于对霁山县顺达运输有限公司进行安全生产约谈的通知\n霁山县顺达运输有限公司：", ["title", "addressee"]),
    ("关于同意设立化工园区的批复\n县应急管理局：", ["title", "addressee"]),
])
def test_header_lines_of_speeches_reports_and_single_addressees(header, kinds):
    def kinds_of(text: str) -> list[str]:
        return [l.kind for l in classify_lines(text + "\n一、加强领导\n各地要加强领导。") if l.kind != "blank"]

    assert kinds_of(header)[:len(kinds)] == kinds
    # a lead line under a title names no organ: text
    assert kinds_of("关于做好2027年汛期安全防范工作的通知\n主要任务：")[:2] == ["title", "text"]


def test_a_speechs_bracketed_date_is_its_date():
    assert parse_date("（2027年2月15日）") == "2027-02-15"
    assert parse_date("（二〇二七年二月十五日）") == "2027-02-15"
    assert parse_date("（2027年2月15日起施行）") is None


def test_participants_beside_attendance_lines_are_attendance():
    minutes = "会议同意值班工作安排。\n参会人员：吴某某、郑某某\n列席人员：县应急管理局、县住房和\n城乡建设局主要负责同志\n"
    assert [l.kind for l in classify_lines(minutes)] == ["text", "attendance", "attendance", "attendance", "blank"]
    # in a meeting notice 参会人员： says who is to come: an instruction, text
    notice = "二、参会人员\n参会人员：各乡镇分管负责同志。\n三、有关要求\n请准时参会。"
    assert [l.kind for l in classify_lines(notice)][1] == "text"


def test_a_checklist_rows_lines_are_one_clause():
    text = ("枫川县餐饮场所燃气安全隐患排查清单\n一、燃气设施\n1.检查项目：燃气管道\n检查内容：管道是否锈蚀。\n"
            "检查依据：《城镇燃气设计规范》\n2.检查项目：报警装置\n检查内容：是否安装报警装置。\n检查依据：《城镇燃气管理条例》\n")
    (_, clauses), = segment_text(text, "t.txt")
    assert [c.text for c in clauses] == ["1.检查项目：燃气管道；检查内容：管道是否锈蚀。检查依据：《城镇燃气设计规范》",
                                         "2.检查项目：报警装置；检查内容：是否安装报警装置。检查依据：《城镇燃气管理条例》"]


LIST = ("澄岭市安委办关于危险化学品企业督查情况的通报\n一、存在的问题\n（一）澄岭宏泰化工有限公司\n1.罐区报警仪未定期检定。\n"
        "2.动火作业票证未经审批。\n{tail}")


def test_a_keyed_paragraph_closing_a_list_of_sentences_is_the_parents():
    paths = _paths(LIST.format(tail="责令整改：7月15日前完成整改。\n（二）澄岭金源新材料有限公司\n1.特种作业人员未持证上岗。\n"))
    company = ("一、存在的问题", "（一）澄岭宏泰化工有限公司")
    assert paths["2.动火作业票证未经审批。"] == company
    assert paths["责令整改：7月15日前完成整改。"] == company
    # several keyed paragraphs (a sector list) under the last item, or one before the item's sibling: its own
    paths = _paths(LIST.format(tail="煤矿：严格落实特别规定。\n危险化学品：开展园区评估。\n二、工作要求\n各地要按期整改。\n"))
    assert paths["煤矿：严格落实特别规定。"] == ("一、存在的问题", "（一）澄岭宏泰化工有限公司", "2.动火作业票证未经审批")
    paths = _paths(LIST.format(tail="煤矿：严格落实特别规定。\n3.特种作业人员未持证上岗。\n"))
    assert paths["煤矿：严格落实特别规定。"] == ("一、存在的问题", "（一）澄岭宏泰化工有限公司", "2.动火作业票证未经审批")


TITLED = ("霁山县2027年森林防灭火工作方案\n为做好森林防灭火工作，制定本方案。\n一、火源管控\n各乡镇要设立检查站。\n二、保障措施\n"
          "县财政要保障扑火经费。\n{closing}\n")


@pytest.mark.parametrize("closing", [
    "各乡镇、各有关部门要结合本地实际，制定具体实施方案，确保各项任务落到实处。",
    "各乡镇、各有关部门要按照本方案要求，抓好工作落实。",
    "同志们，让我们奋力开创森林防灭火工作新局面！",
])
def test_a_closing_after_a_title_only_last_item_closes_the_text(closing):
    (_, clauses), = segment_text(TITLED.format(closing=closing), "t.txt")
    last = clauses[-1]
    assert (last.text, last.heading_path) == (closing, ())
    assert clauses[-2].heading_path == ("二、保障措施",)  # the item's first paragraph is its own
    assert last.clause_id.endswith("-2-p2")  # the id it had as the item's paragraph
    # what goes on with the item stays under it: no address of everyone, or an exhortation alone
    for para in ("各乡镇要加强扑火队伍建设，确保各项任务落到实处。", "各乡镇、各有关部门要高度重视，切实抓好各项措施落实。"):
        assert _paths(TITLED.format(closing=para))[para] == ("二、保障措施",)


def test_the_shanxi_2016_closing_has_no_heading():
    clauses = {c.clause_id: c for c in segment_paths([CORPUS_DIR]).clauses}
    closing = clauses["2016-ceed0b-7-p2"]
    assert closing.text.startswith("各地、各部门要结合本地、本部门实际，制定工作方案")
    assert closing.heading_path == ()
    assert clauses["2016-ceed0b-7-p1"].heading_path == ("七、严格事故调查处理，深入开展警示教育",)


def test_titles_of_speeches_summaries_and_checklists():
    titles = ["在全县2027年安全生产工作会议上的讲话", "鹤汀区应急管理局2027年工作总结和2028年工作打算",
              "霁山县危险化学品企业安全检查表", "枫川县燃气安全隐患排查表"]
    for title in titles:
        assert [l.kind for l in classify_lines(f"{title}\n\n一、总体要求\n各地要加强领导。") if l.kind != "blank"][0] == "title", title
    # the checklist is read (it was refused: no title, no number, no numbered item)
    (doc, clauses), = segment_text((DATA5 / "g5_checklist_text_table.txt").read_text(encoding="utf-8"), "t.txt")
    assert doc.title == "霁山县危险化学品企业安全检查表" and clauses
