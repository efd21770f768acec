"""genres26: genres not read before (session 23, seg26).

Notices written for these tests (tests/data/genres26/; invented places, organs and people, no sentence copied or
paraphrased from a real document): a 约谈情况通报 (interviews held, published to all), a 禁渔期 通告 in 一、 articles, a
防汛 应急响应 启动 notice, a 安全生产目标责任书 between two governments (甲方/乙方), a monthly 风险研判报告, a 专项整治方案 with
a task table under its caption (表1  …分解表), a holiday 值班安排 notice with its 值班表, and a 副县长's 述职报告 (一是/二是
inside paragraphs). Each expected reading was written down in tests/data/genres26/EXPECTED.md before the segmenter was
run on them; the tests use tests/genres_harness.py.

What was wrong and is now read right (corpus/segment.py):
- a section title about a month (``一、5月份安全生产形势``, ``二、6月份主要风险研判``: a monthly report's) was a clause and a
  heading at once: its figure read as a sentence's (a deadline's). A title's month or quarter (``5月份``, ``1—5月份``,
  ``第2季度``) is a period, as its year is (``RE_TITLE_PERIOD`` beside ``RE_TITLE_YEAR``).
- a table's caption (``表1  重点行业领域专项整治任务分解表``, ``端午节假期值班表``) was a clause saying nothing and its rows had
  no heading (tests/test_seg26_tables.py).

Still misread (strict xfails, ``KNOWN_GAPS``): the 责任书's two parties signing side by side on one line
(``甲方：鹭汀市人民政府（盖章）　　乙方：澄江县人民政府（盖章）`` / ``法定代表人：　法定代表人：``) are clauses of its last item,
and it has no issuer, region or level (clean.py's signature lines, metadata.py's issuer: other owners' files).
"""

from __future__ import annotations

import pytest

from conftest import TEST_DATA
from genres_harness import GenreSet

DATA26 = TEST_DATA / "genres26"

LT, CJ = "鹭汀市", "澄江县"
TABLE = ("三、主要任务", "表1 重点行业领域专项整治任务分解表")
ROSTER = ("一、值班安排", "端午节假期值班表")
G26 = {
    "g26_interview_bulletin.txt": (
        ("鹭汀市安全生产委员会办公室关于约谈澄江县等3个县（区）人民政府的情况通报", "鹭汀市安全生产委员会办公室", LT, "city",
         "bulletin", 2027, "2027-05-20"), [
            ((), "preamble", "今年以来，全市生产安全事故总体平稳"),
            (("一、约谈基本情况",), "clause", "约谈会由市安委办主任"),
            (("二、约谈指出的主要问题",), "clause", "（一）安全发展理念树得不牢。"),
            (("二、约谈指出的主要问题",), "clause", "（二）隐患排查治理流于形式。"),
            (("二、约谈指出的主要问题",), "clause", "（三）重点行业领域风险管控不力。"),
            (("三、整改要求",), "clause", "1.被约谈的县（区）人民政府"),
            (("三、整改要求",), "clause", "2.各县（区）要举一反三"),
            (("三、整改要求",), "clause", "3.市安委办将适时组织"),
        ]),
    "g26_fishing_ban.txt": (
        ("澄江县人民政府关于长河澄江段2027年禁渔期管理的通告", "澄江县人民政府", CJ, "county", "announcement", 2027,
         "2027-02-20"), [
            ((), "preamble", "为保护长河水生生物资源"),
            *(((), "clause", s) for s in ("一、禁渔范围。", "二、禁渔时间。", "三、禁止事项。", "四、安全管理。", "五、法律责任。",
                                          "六、举报方式。", "七、监督检查。", "八、本通告自发布之日起施行。")),
        ]),
    "g26_flood_response.txt": (
        ("鹭汀市防汛抗旱指挥部关于启动防汛Ⅳ级应急响应的通知", "鹭汀市防汛抗旱指挥部", LT, "city", "other", 2027, "2027-06-12"), [
            ((), "preamble", "据市气象台预报"),
            *(((), "clause", s) for s in ("一、加强值班值守。", "二、强化监测预警。", "三、做好人员转移。", "四、落实重点部位防御。",
                                          "五、做好抢险救援准备。", "六、加强旅游景区和涉水活动管理。", "七、及时报送信息。")),
        ]),
    "g26_target_letter.txt": (
        # (issuer: 甲方, who sets the targets; genre: a 责任书 is no genre of its own, EXPECTED.md)
        ("2027年度安全生产目标责任书", "鹭汀市人民政府", LT, "city", "other", 2027, "2027-02-10"), [
            ((), "preamble", "为全面落实安全生产责任制"),
            (("一、目标任务",), "clause", "1.生产安全事故起数"),
            (("一、目标任务",), "clause", "2.重大事故隐患整改率"),
            (("一、目标任务",), "clause", "3.乡镇（街道）安全生产监管机构"),
            (("二、乙方责任",), "clause", "1.乙方主要负责人"),
            (("二、乙方责任",), "clause", "2.乙方要定期研究"),
            (("二、乙方责任",), "clause", "3.乙方要组织开展"),
            (("二、乙方责任",), "clause", "4.乙方要加强应急救援"),
            (("三、考核奖惩",), "clause", "1.甲方按照"),
            (("三、考核奖惩",), "clause", "2.对完成目标任务"),
            (("四、其他",), "clause", "1.本责任书考核期限"),
            (("四、其他",), "clause", "2.本责任书一式两份"),
        ]),
    "g26_risk_analysis.txt": (
        ("鹭汀市应急管理局2027年6月份安全生产风险研判报告", "鹭汀市应急管理局", LT, "city", "report", 2027, "2027-06-02"), [
            ((), "preamble", "根据市安委会工作安排"),
            (("一、5月份安全生产形势",), "clause", "5月份，全市共发生"),
            (("二、6月份主要风险研判",), "clause", "（一）汛期自然灾害风险。"),
            (("二、6月份主要风险研判",), "clause", "（二）高温作业风险。"),
            (("二、6月份主要风险研判",), "clause", "（三）危险化学品风险。"),
            (("二、6月份主要风险研判",), "clause", "（四）人员密集场所风险。"),
            (("三、防范措施建议",), "clause", "1.建议各县（区）"),
            (("三、防范措施建议",), "clause", "2.建议市住建局"),
            (("三、防范措施建议",), "clause", "3.建议市应急管理局"),
            (("三、防范措施建议",), "clause", "4.建议市消防救援支队"),
        ]),
    "g26_caption_plan.txt": (
        ("澄江县2027年重点行业领域安全生产专项整治方案", "澄江县安全生产委员会", CJ, "county", "special_plan", 2027,
         "2027-03-15"), [
            ((), "preamble", "为深入推进重点行业领域安全生产专项整治"),
            (("一、工作目标",), "clause", "通过专项整治"),
            (("二、整治范围",), "clause", "全县城镇燃气"),
            (("三、主要任务",), "clause", "各牵头单位要按照任务分解表"),
            (TABLE, "clause", "1；开展城镇燃气管网老化更新"),
            (TABLE, "clause", "2；开展危险化学品企业特殊作业专项检查"),
            (TABLE, "clause", "3；整治“两客一危”车辆"),
            (TABLE, "clause", "4；排查整治高层建筑"),
            (("四、实施步骤",), "clause", "（一）动员部署阶段（2027年3月底前）。"),
            (("四、实施步骤",), "clause", "（二）集中整治阶段"),
            (("四、实施步骤",), "clause", "（三）总结提升阶段"),
            (("五、保障措施",), "clause", "（一）加强组织领导。"),
            (("五、保障措施",), "clause", "（二）强化督导检查。"),
            (("五、保障措施",), "clause", "（三）严格考核问责。"),
        ]),
    "g26_duty_roster.txt": (
        ("鹭汀市应急管理局关于2027年端午节假期值班安排的通知", "鹭汀市应急管理局", LT, "city", "other", 2027, "2027-06-05"), [
            ((), "preamble", "根据国务院办公厅关于2027年部分节假日安排的通知精神"),
            (ROSTER, "clause", "6月9日；王某某；陈某、刘某；0591-6600110"),
            (ROSTER, "clause", "6月10日；李某某；张某、黄某；0591-6600110"),
            (ROSTER, "clause", "6月11日；赵某某；周某、吴某；0591-6600110"),
            (("二、值班要求",), "clause", "（一）严格落实值班制度。"),
            (("二、值班要求",), "clause", "（二）及时报送突发事件信息。"),
            (("二、值班要求",), "clause", "（三）做好应急处置准备。"),
            (("二、值班要求",), "clause", "（四）做好值班记录。"),
            (("三、其他事项",), "clause", "值班期间如遇人员调整"),
        ]),
    "g26_duty_report.txt": (
        # (issuer: the 副县长's government, EXPECTED.md's acceptable reading; the bracketed date under the title)
        ("2027年度安全生产工作述职报告", "澄江县人民政府", CJ, "county", "report", 2027, "2027-12-22"), [
            ((), "preamble", "按照县委、县政府的安排"),
            (("一、履行安全生产职责情况",), "clause", "一年来，我始终把安全生产放在分管工作的首要位置"),
            (("二、存在的不足",), "clause", "一是对基层监管力量不足的问题"),
            (("三、下一步工作打算",), "clause", "一是进一步压实分管领域安全生产责任"),
        ]),
}

SIGNED_SIDE_BY_SIDE = ("two parties signing side by side on one line (甲方：…（盖章）　乙方：…（盖章）, 法定代表人：) are read as "
                       "text: clauses of the last item, and no issuer (clean.py's signature lines, lines27; metadata.py, meta25)")
KNOWN_GAPS: dict[tuple[str, str], str] = {
    ("reading", "g26_target_letter.txt"): SIGNED_SIDE_BY_SIDE,
    ("clauses", "g26_target_letter.txt"): SIGNED_SIDE_BY_SIDE,
}
WRAP_MISS: set[tuple[str, int]] = set()
PHONE_MISS: dict[str, str] = {}

SET26 = GenreSet(DATA26, G26, KNOWN_GAPS, WRAP_MISS, PHONE_MISS)


def test_every_new_notice_is_listed_and_has_its_reading_written_down():
    SET26.check_listed()


@pytest.mark.parametrize("name", SET26.known("reading"))
def test_new_genre_document_reading(name):
    SET26.check_reading(name)


@pytest.mark.parametrize("name", SET26.known("clauses"))
def test_new_genre_clauses_heading_paths_and_kinds(name):
    SET26.check_clauses(name)


@pytest.mark.parametrize("name, width", SET26.wrap_params())
def test_new_genre_same_clauses_when_wrapped_like_a_pdf(name, width):
    SET26.check_wrapped(name, width)


@pytest.mark.parametrize("name", SET26.phone_params())
def test_new_genre_same_clauses_when_copied_from_a_phone(name):
    SET26.check_phone(name)


@pytest.mark.parametrize("title", ["一、5月份安全生产形势", "二、1—5月份事故情况", "（一）第2季度工作回顾"])
def test_a_section_title_about_a_month_is_a_title(title):
    """main: the title's figure read as a sentence's: the title was a clause (and a heading of the paragraph under it)."""
    from policytag.corpus.segment import segment_text

    text = ("鹭汀市应急管理局安全生产形势分析报告\n\n现将有关情况报告如下：\n" + title +
            "\n全市共发生生产安全事故3起。\n\n鹭汀市应急管理局\n2027年6月2日\n")
    (_, clauses), = segment_text(text, "inline.txt")
    assert [(c.heading_path, c.text) for c in clauses if c.kind == "clause"] == [((title,), "全市共发生生产安全事故3起。")]


@pytest.mark.parametrize("title", ["一、5月底前完成排查", "二、6月30日前报送材料"])
def test_a_numbered_deadline_stays_a_clause(title):
    # guard: a deadline's month (月底前, 月30日前) is a sentence's, as before
    from policytag.corpus.segment import segment_text

    text = ("鹭汀市应急管理局关于开展排查的通知\n\n各县（区）应急管理局：\n现通知如下：\n" + title +
            "。\n\n鹭汀市应急管理局\n2027年6月2日\n")
    (_, clauses), = segment_text(text, "inline.txt")
    assert [c.text for c in clauses if c.kind == "clause"] == [title + "。"]
