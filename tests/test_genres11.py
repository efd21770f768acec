"""genres11: segmentation and document-level reading of what other governments publish (session 11).

Notices written for these tests (tests/data/genres11/; invented places and organs, no sentence copied or
paraphrased from a real document). Each expected reading was written down from the notice before running
the segmenter on it.

What was wrong and is now read right (corpus/segment.py, corpus/clean.py):
- a 信息公开 box row copied as one line, its fields apart by tabs (``成文日期：…⇥发文字号：…⇥发布日期：…``):
  the first key took the whole line as its value, the 发文字号 and 发文机关 after it were lost.
- ``桂塘街道办事处关于…`` signed ``柘川市蓼湾区桂塘街道办事处``: the title's short name was the issuer; the
  signature's full name of the same organ is (tests/test_metadata_g9.py); another organ stays.
- a place signing alone (``蓼湾区`` over the date) was the issuer; a place is no organ: issuer None,
  region and level the place's.
"""

from __future__ import annotations

import pytest

from policytag.corpus.segment import segment_paths, segment_text
from conftest import TEST_DATA
from test_genres import reading, wrap

BODY = "为加强辖区安全管理，现将有关事项通知如下：\n一、各单位要在6月底前完成自查。\n二、严禁违规动火作业。\n\n"


def _doc(text: str):
    (doc, _), = segment_text(text, "inline.txt")
    return doc


def test_every_field_of_a_tab_separated_box_row_is_read():
    text = ("索引号：11410000/2025-00112\t发文机关：蓼湾区应急管理局\t成文日期：2025-06-02\n"
            "关于开展夏季高温时段安全检查的通知\n" + BODY)
    doc = _doc(text)
    assert (doc.issuer, doc.region, doc.level, doc.date) == ("蓼湾区应急管理局", "蓼湾区", "county", "2025-06-02")


@pytest.mark.parametrize("title, signature, issuer", [
    # the same organ: the signature's full name (its city and district)
    ("桂塘街道办事处关于开展出租房屋消防检查的通知", "柘川市蓼湾区桂塘街道办事处", "柘川市蓼湾区桂塘街道办事处"),
    # guards: another organ in the title stays the issuer
    ("蓼湾区应急管理局关于开展出租房屋消防检查的通知", "柘川市蓼湾区安全生产委员会办公室", "蓼湾区应急管理局"),
    ("桂塘街道办事处关于开展出租房屋消防检查的通知", "柘川市蓼湾区石岭镇人民政府", "桂塘街道办事处"),
])
def test_the_signature_names_the_titles_organ_in_full(title, signature, issuer):
    assert _doc(f"{title}\n{BODY}{signature}\n2025年5月6日\n").issuer == issuer


def test_a_place_signing_alone_is_no_issuer():
    doc = _doc(f"关于加强汛期河道管理的通知\n{BODY}柘川县\n2025年6月3日\n")
    assert (doc.issuer, doc.region, doc.level) == (None, "柘川县", "county")


# --- notices of other governments' genres and layouts (tests/data/genres11/) -------------------------
DATA11 = TEST_DATA / "genres11"

ART3 = ("第二章 党政领导责任", "第三条 县委、县政府主要负责人是本行政区域安全生产第一责任人，对安全…")
ART4 = ("第二章 党政领导责任", "第四条 乡镇党委、政府主要负责人应当履行下列职责")
DUTY = ("2 组织指挥体系", "2.1 县应急指挥部", "2.1.2 指挥部职责")
BOX = ("第二章 主要任务", "第一节 强化风险防控", "专栏1 安全风险监测预警工程")
FIRE = ("第二部分 深化专项整治", "二、消防安全整治")

# file: ((title, issuer, region, level, genre, year, date, doc_number), [(heading path, start of the clause)])
# — the whole list of clauses: none more, none less
G11 = {
    "gr11_supervise_listing.txt": (
        ("中岳省安全生产委员会办公室关于对蓼湾区恒昌化工有限公司重大事故隐患挂牌督办的通知", "中岳省安全生产委员会办公室", "中岳省",
         "province", "other", 2026, "2026-03-18", "中安委办〔2026〕15号"), [
            ((), "近期，省安委办检查组在检查中发现"),
            (("一、督办事项",), "该公司甲类仓库与相邻厂房防火间距不足"),
            (("二、整改要求",), "（一）企业要立即停止使用甲类仓库"),
            (("二、整改要求",), "（二）柘川市安委办要督促企业"),
            (("三、督办销号",), "整改完成后，企业要向蓼湾区应急管理局提出销号申请"),
        ]),
    "gr11_interview_notice.txt": (
        ("柘川市安全生产委员会办公室关于约谈蓼湾区人民政府的通知", "柘川市安全生产委员会办公室", "柘川市", "city", "other", 2026,
         "2026-08-05", None), [
            ((), "2026年以来，你区接连发生2起较大生产安全事故"),
            ((), "一、约谈时间：2026年8月12日上午9时。"),
            ((), "二、约谈地点：市应急管理局三楼会议室。"),
            ((), "三、参加人员：蓼湾区人民政府主要负责人"),
            (("四、有关要求",), "（一）请你区于8月10日前"),
            (("四、有关要求",), "（二）参加人员不得请假或委托他人参加。"),
        ]),
    "gr11_accident_report.txt": (
        ("蓼湾区“4·12”一般火灾事故调查报告", None, "蓼湾区", "county", "report", 2026, None, None), [
            ((), "2026年4月12日14时许"),
            (("一、事故基本情况",), "恒达物流有限公司成立于2018年"),
            (("二、事故原因", "（一）直接原因"), "仓库内违规私拉电线"),
            (("二、事故原因", "（二）间接原因"), "企业未建立安全生产责任制"),
            (("三、对事故责任者的处理建议",), "企业主要负责人未履行安全生产管理职责"),
            (("四、防范和整改措施",), "（一）企业要立即开展电气线路隐患排查"),
            (("四、防范和整改措施",), "（二）桂塘街道要加强"),
            (("四、防范和整改措施",), "（三）区消防救援大队要加大"),
        ]),
    "gr11_duty_list.txt": (
        ("柘川县安全生产委员会关于印发《柘川县部门安全生产责任清单》的通知", "柘川县安全生产委员会", "柘川县", "county", "duty_list",
         2026, "2026-02-16", None), [
            ((), "现将《柘川县部门安全生产责任清单》印发给你们"),
            (("一、县应急管理局",), "1.负责全县安全生产综合监督管理"),
            (("一、县应急管理局",), "2.依法监督检查危险化学品"),
            (("二、县住房和城乡建设局",), "1.负责房屋建筑和市政工程施工安全监督管理。"),
            (("二、县住房和城乡建设局",), "2.负责城镇燃气安全监督管理。"),
            (("三、县交通运输局",), "1.负责道路运输企业安全生产监督管理。"),
        ]),
    "gr11_fyp_plan.txt": (
        ("蓼湾区“十五五”安全生产规划", None, "蓼湾区", "county", "plan", 2026, None, None), [
            (("第一章 发展基础和形势", "第一节 “十四五”时期取得的成效"), "“十四五”期间，全区生产安全事故"),
            (("第一章 发展基础和形势", "第二节 面临的挑战"), "全区老旧小区燃气管网"),
            (("第二章 主要任务", "第一节 强化风险防控"), "一、深化重点行业领域专项整治。"),
            (("第二章 主要任务", "第一节 强化风险防控"), "二、推进安全风险监测预警。"),
            (BOX, "1.危险化学品企业监测预警系统建设。"),
            (BOX, "2.城镇燃气管网泄漏监测系统建设。"),
            (("第二章 主要任务", "第二节 提升应急能力"), "一、加强应急救援队伍建设。"),
            (("第三章 保障措施",), "一、加强组织领导。"),
            (("第三章 保障措施",), "二、强化考核评估。"),
        ]),
    "gr11_inspection_plan_table.txt": (
        ("柘川市应急管理局2026年度安全生产监督检查计划", "柘川市应急管理局", "柘川市", "city", "work_points", 2026, None, None), [
            ((), "为规范安全生产监督检查工作"),
            (("一、检查重点",), "重点检查危险化学品"),
            (("二、检查方式",), "采取“四不两直”"),
            (("三、工作要求",), "各执法大队要严格执行执法程序"),
            ((), "1；危险化学品；40家；3月至5月；危化科"),
            ((), "2；非煤矿山；20家；6月至8月；矿山科"),
            ((), "3；冶金工贸；30家；9月至11月；工贸科"),
        ]),
    "gr11_public_prohibitions.txt": (
        ("柘川县人民政府关于禁止燃放孔明灯的通告", "柘川县人民政府", "柘川县", "county", "announcement", 2026, "2026-01-20", None), [
            ((), "为预防火灾事故，保障人民群众生命财产安全"),
            ((), "一、严禁在本县行政区域内生产、销售、燃放孔明灯。"),
            ((), "二、严禁在林区、景区及人员密集场所燃放烟花爆竹。"),
            ((), "三、对违反本通告规定的"),
            ((), "四、本通告自发布之日起施行。"),
        ]),
    "gr11_work_points_parts.txt": (
        ("蓼湾区安全生产委员会2026年工作要点", "蓼湾区安全生产委员会", "蓼湾区", "county", "work_points", 2026, None, None), [
            ((), "2026年全区安全生产工作的总体要求是"),
            (("第一部分 强化责任落实",), "一、压实党政领导责任。"),
            (("第一部分 强化责任落实",), "二、压实部门监管责任。"),
            (("第二部分 深化专项整治",), "一、城镇燃气安全整治。"),
            (FIRE, "（一）开展高层建筑消防设施检测"),
            (FIRE, "（二）清理占用堵塞消防通道行为。"),
            (("第三部分 夯实基层基础",), "一、加强基层监管力量。"),
        ]),
    "gr11_minutes_agreed.txt": (
        # (written first as 柘川市安全生产委员会, the organ the title names; docs/segmentation.md: the organ printed beside the
        # minutes' date issues them, here the committee's office)
        ("柘川市安全生产委员会专题会议纪要", "柘川市安全生产委员会办公室", "柘川市", "city", "minutes", 2026, "2026-05-09", None), [
            ((), "2026年5月8日，副市长、市安委会副主任韩立平主持召开"),
            ((), "一、会议听取了市住建局关于"),
            (("二、会议议定事项",), "（一）市住建局要在6月底前"),
            (("二、会议议定事项",), "（二）市市场监管局要加强"),
            (("二、会议议定事项",), "（三）各区县要在7月15日前"),
        ]),
    "gr11_score_rules.txt": (
        ("蓼湾区街道安全生产工作考核细则", "柘川市蓼湾区安全生产委员会办公室", "柘川市蓼湾区", "county", "regulation", 2026,
         "2026-02-10", None), [
            (("一、组织领导（10分）",), "1.街道党工委、办事处每季度至少研究一次"),
            (("一、组织领导（10分）",), "2.落实安全生产“党政同责、一岗双责”"),
            (("一、组织领导（10分）",), "3.按要求配备安全生产监管人员。（3分）"),
            (("二、隐患排查治理（20分）",), "1.建立辖区重大事故隐患台账"),
            (("二、隐患排查治理（20分）",), "2.重大事故隐患按期整改率达到100%"),
            (("三、加分和扣分项目",), "（一）在全区安全生产工作中作出突出贡献"),
            (("三、加分和扣分项目",), "（二）发生较大生产安全事故的"),
        ]),
    "gr11_duty_rules_articles.txt": (
        ("柘川县安全生产责任制实施细则", None, "柘川县", "county", "regulation", 2026, None, None), [
            (("第一章 总则",), "第一条为落实安全生产责任制"),
            (("第一章 总则",), "第二条本细则适用于"),
            (("第二章 党政领导责任",), "第三条县委、县政府主要负责人"),
            (ART3, "其他负责人对分管范围内"),
            (ART3, "县政府每季度至少召开一次常务会议"),
            (("第二章 党政领导责任",), "第四条乡镇党委、政府主要负责人应当履行下列职责："),
            (ART4, "（一）组织制定本乡镇安全生产工作计划；"),
            (ART4, "（二）每月至少开展一次安全生产检查。"),
            (("第三章 附则",), "第五条本细则自2026年3月1日起施行。"),
        ]),
    "gr11_ministry_two_annexes.txt": (
        ("应急管理部办公厅关于开展危险化学品重大危险源企业专项检查的通知", "应急管理部办公厅", "全国", "central", "other", 2026,
         "2026-05-20", None), [
            ((), "为防范化解危险化学品重大安全风险"),
            ((), "一、各地要按照检查要点（见附件1）"),
            ((), "二、各地要于10月15日前"),
            ((), "一、重大危险源辨识评估是否规范。"),
            ((), "二、安全监测监控系统是否完好投用。"),
            ((), "三、应急预案是否按规定备案和演练。"),
            ((), "1.汇总表由省级应急管理部门统一填报。"),
            ((), "2.“检查企业数”填写"),
        ]),
    "gr11_county_emergency_plan.txt": (
        ("柘川县危险化学品事故应急预案", None, "柘川县", "county", "emergency_plan", None, None, None), [
            (("1 总则", "1.1 编制目的"), "为及时有效处置危险化学品事故"),
            (("1 总则", "1.2 适用范围"), "本预案适用于本县行政区域内"),
            (("2 组织指挥体系", "2.1 县应急指挥部", "2.1.1 指挥部组成"), "县应急指挥部总指挥由县长担任"),
            (DUTY, "（1）统一领导全县"),
            (DUTY, "（2）决定启动和终止"),
            (DUTY, "（3）向县委、县政府和市应急指挥部报告"),
            (("3 应急响应", "3.1 分级响应"), "事故发生后，按照事故严重程度"),
            (("3 应急响应", "3.2 信息报告"), "事故单位要在事故发生后1小时内"),
            (("4 附则",), "本预案自印发之日起实施。"),
        ]),
    "gr11_ordinal_items.txt": (
        ("柘川市应急管理局关于做好汛期安全生产工作的通知", "柘川市应急管理局", "柘川市", "city", "other", 2026, "2026-05-15", None), [
            ((), "主汛期即将到来"),
            ((), "一、提高思想认识。各地一要充分认识"),
            (("二、强化隐患排查",), "第一，全面排查尾矿库"),
            (("二、强化隐患排查",), "第二，对排查出的隐患"),
            (("二、强化隐患排查",), "第三，对整改不到位的"),
            ((), "三、做好应急准备。首先，要修订完善防汛应急预案；其次，"),
            (("四、加强值班值守",), "首先，各单位要严格执行24小时值班"),
            (("四、加强值班值守",), "其次，要保持通信畅通"),
            (("四、加强值班值守",), "最后，要加强值班人员培训"),
        ]),
    "gr11_bullet_marks.txt": (
        ("蓼湾区应急管理局关于做好冬季安全生产工作的提示", "柘川市蓼湾区应急管理局", "柘川市蓼湾区", "county", "reminder", 2026,
         "2026-11-20", None), [
            ((), "入冬以来，气温持续下降"),
            # (▲ ☆ ★ were kept in the clauses until lines22; a bullet is no text: dropped, clean.classify)
            (("一、重点防范领域",), "人员密集场所："),
            (("一、重点防范领域",), "城镇燃气："),
            (("一、重点防范领域",), "建筑施工："),
            (("二、重点防范措施",), "加强隐患排查"),
            (("二、重点防范措施",), "强化值班值守"),
            (("三、群众安全提醒",), "不在室内使用木炭"),
            (("三、群众安全提醒",), "不私拉乱接电线"),
        ]),
    "gr11_bold_titles_inline.txt": (
        ("柘川县安全生产委员会关于进一步加强安全生产工作的意见", "柘川县安全生产委员会", "柘川县", "county", "opinion", 2026,
         "2026-03-02", None), [
            ((), "为进一步加强全县安全生产工作，现提出如下意见："),
            (("一、健全责任体系",), "（一）压实属地责任。各乡镇要落实党政同责"),
            (("一、健全责任体系",), "（二）压实部门责任。县直各部门要按照"),
            (("一、健全责任体系",), "（三）压实企业主体责任。企业主要负责人要每月"),
            (("二、强化风险管控",), "（一）加强重大风险监测。2026年底前"),
            (("二、强化风险管控",), "（二）推进隐患排查治理。对重大事故隐患实行挂牌督办"),
        ]),
    # written after the first run of the sixteen above: a box of unnumbered lines under a section's （一） item,
    # a speech's 一要 / 二要 lines
    "gr11_box_unnumbered.txt": (
        ("柘川市“十五五”应急体系建设规划", None, "柘川市", "city", "plan", 2026, None, None), [
            (("一、发展环境",), "“十四五”时期，全市应急管理体系"),
            (("二、主要任务",), "（一）提升监测预警能力。"),
            (("二、主要任务", "专栏1 监测预警重点工程"), "自然灾害综合监测预警系统："),
            (("二、主要任务", "专栏1 监测预警重点工程"), "城市生命线安全监测系统："),
            (("二、主要任务",), "（二）提升救援处置能力。"),
            (("三、保障措施",), "市政府加强对规划实施的统筹协调"),
        ]),
    "gr11_speech_yao_items.txt": (
        ("在全县安全生产工作会议上的讲话", "柘川县人民政府", "柘川县", "county", "speech", 2026, "2026-02-20", None), [
            ((), "这次会议的主要任务是"),
            (("一、正确认识当前安全生产形势",), "去年全县生产安全事故起数同比下降15%"),
            (("二、突出抓好重点领域整治",), "一要抓好道路交通安全"),
            (("二、突出抓好重点领域整治",), "二要抓好建筑施工安全"),
            (("二、突出抓好重点领域整治",), "三要抓好城镇燃气安全"),
            (("三、严格落实安全生产责任",), "各乡镇、各部门要把安全生产工作摆在突出位置"),
            ((), "同志们，安全生产责任重于泰山。"),
        ]),
    # written after the second landing: an enclosure titled on its 附件1： line, a 通告 of （一） items only
    "gr11_annex_same_line.txt": (
        ("蓼湾区应急管理局关于开展2026年“安全生产月”活动的通知", "柘川市蓼湾区应急管理局", "柘川市蓼湾区", "county", "other", 2026,
         "2026-05-25", None), [
            ((), "根据上级部署，区应急管理局决定"),
            (("一、活动主题",), "人人讲安全、个个会应急。"),
            (("二、活动内容",), "（一）开展安全宣传咨询日活动。"),
            (("二、活动内容",), "（二）开展应急演练。"),
        ]),
    "gr11_items_paren_only.txt": (
        ("柘川县公安局柘川县交通运输局关于春运期间道路交通安全管理的通告", "柘川县公安局、柘川县交通运输局", "柘川县", "county",
         "announcement", 2026, "2026-01-10", None), [
            ((), "为确保春运期间道路交通安全"),
            ((), "（一）春运期间，客运车辆驾驶人"),
            ((), "（二）凌晨2时至5时"),
            ((), "（三）有下列情形之一的，依法从重处罚："),
            (("（三）有下列情形之一的，依法从重处罚",), "1、客车超员的；"),
            (("（三）有下列情形之一的，依法从重处罚",), "2、驾驶人酒后驾驶的。"),
            ((), "（四）本通告自2026年1月20日起施行。"),
        ]),
}


# readings still wrong, read in files genres11 does not own (strict: a fix shows as an XPASS to turn into a
# plain test): (test, file) -> the file that reads it and what it reads
KNOWN_GAPS = {
    # (gr11_inspection_plan_table.txt's 年度安全生产监督检查计划 reads work_points since meta11: a year's work plan)
    # (its table, rows joined into one paragraph before, is read by readers._tab_tables since formats4's 98cd22d)
}


def _known(test: str, names) -> list:
    return [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[test, n])) if (test, n) in KNOWN_GAPS
            else n for n in sorted(names)]


def _one(name: str):
    result = segment_paths([DATA11 / name])
    assert not result.errors, result.errors
    assert len(result.documents) == 1, [d.title for d in result.documents]
    return result.documents[0], result.clauses


def test_every_notice_is_listed():
    assert sorted(p.name for p in DATA11.glob("*.txt")) == sorted(G11)
    assert len(G11) >= 15


@pytest.mark.parametrize("name", _known("reading", G11))
def test_document_reading(name):
    doc, _ = _one(name)
    assert (doc.title, doc.issuer, doc.region, doc.level, doc.genre, doc.year, doc.date, doc.doc_number) == G11[name][0]


@pytest.mark.parametrize("name", _known("clauses", G11))
def test_clauses_and_heading_paths(name):
    _, clauses = _one(name)
    expected = G11[name][1]
    assert reading(clauses, expected) == expected


def test_a_box_closes_at_the_next_item_of_its_section():
    text = ("蓼湾区“十五五”应急体系规划\n第一章 主要任务\n一、建设监测平台。2028年底前建成区级平台。\n专栏2：重点工程\n"
            "1.监测预警工程。\n2.救援基地工程。\n二、加强队伍建设。每个街道建成一支救援队伍。\n")
    (_, clauses), = segment_text(text, "inline.txt")
    assert [(c.heading_path, c.text[:4]) for c in clauses] == [
        (("第一章 主要任务",), "一、建设"), (("第一章 主要任务", "专栏2 重点工程"), "1.监测"),
        (("第一章 主要任务", "专栏2 重点工程"), "2.救援"), (("第一章 主要任务",), "二、加强")]


# (wrapped at 70 cells, the covering letter's first line ends its sentence at the margin and its second line
# read as a paragraph of its own; read right since genres12: the letter is wrapped at its enclosure's margin)
WRAP_MISS: set[tuple[str, int]] = set()


@pytest.mark.parametrize("name, width", [
    pytest.param(n, w, marks=pytest.mark.xfail(strict=True, reason="margin cut at a sentence end"))
    if (n, w) in WRAP_MISS else (n, w) for n in sorted(G11) for w in (70, 90)])
def test_same_clauses_when_wrapped_like_a_pdf(name, width):
    text = (DATA11 / name).read_text(encoding="utf-8")
    plain = [(c.heading_path, c.text) for _, cs in segment_text(text, name) for c in cs]
    wrapped = [(c.heading_path, c.text) for _, cs in segment_text(wrap(text, width), name) for c in cs]
    assert wrapped == plain


def test_a_task_team_signing_its_report_is_the_signature():
    # the team's line was a clause of the last item (…（二）街道要加强检查 › 蓼湾区“4·12”…调查组)
    text = ("蓼湾区“4·12”一般火灾事故调查报告\n\n2026年4月12日，蓼湾区一仓库发生火灾。现将调查情况报告如下：\n一、事故原因\n"
            "线路过载引燃包装物。\n二、防范措施\n（一）企业要立即开展隐患排查。\n（二）街道要加强检查。\n\n"
            "蓼湾区“4·12”一般火灾事故调查组\n2026年6月5日\n")
    (doc, clauses), = segment_text(text, "inline.txt")
    assert [c.text for c in clauses][-1] == "（二）街道要加强检查。"
    assert (doc.issuer, doc.region, doc.level, doc.date) == ("蓼湾区“4·12”一般火灾事故调查组", "蓼湾区", "county", "2026-06-05")
