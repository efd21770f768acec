"""seg27: a 十五五 plan's year, an issuing notice whose title leaves its enclosure's name unquoted, a 附表 in mid-body.

1. A five-year plan's year is its period's first year (corpus/segment.py ``_doc_metadata``): ``澄河市“十五五”…规划``
   signed 2025-12-22 read 2025 (the period's year was used only for a plan with no number and no date).
2. ``关于印发2027年全县安全生产工作要点的通知`` (the name unquoted, ``全县`` for the county's name) over its enclosure
   ``澄江县2027年安全生产工作要点``: the covering sentence's ``《…》`` names the enclosure too (``split_documents``); the
   enclosure was a document of its own, the letter another.
3. ``附表：重点企业隐患整改清单`` over rows in mid-body, text of the section after the rows: a table of the body (its
   caption heads the rows, corpus/tables.py ``table_caption``), no enclosure (the closing sentence and the next section
   were read under the table's name).

Every notice here is invented (鹭汀市, 澄江县, 澄河市).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policytag.corpus.segment import segment_text

DATA = Path(__file__).parent / "data" / "seg27"


def _docs(text: str):
    return segment_text(text, "probe.txt")


# --- 1. a five-year plan's year ------------------------------------------------------------------------------------
PLAN_BODY = "为加快推进应急管理体系和能力现代化，编制本规划，规划期为2026年至2030年。\n一、各单位要落实安全生产主体责任。\n二、各单位要加强值班值守。\n\n"


@pytest.mark.parametrize("title, tail, year", [
    ("澄河市“十五五”应急体系建设规划", "澄河市人民政府\n2025年12月22日\n", 2026),  # (signed before its period)
    ("澄河市“十五五”安全生产规划", "澄河市人民政府\n2026年3月2日\n", 2026),
    ("澄河市“十四五”安全生产规划", "澄河市人民政府\n2022年3月2日\n", 2021),  # (signed late: still its period's)
    ("澄河市“十五五”应急体系建设规划", "", 2026),  # (no date: as before)
])
def test_a_five_year_plans_year_is_its_periods_first(title, tail, year):
    (doc, _), = _docs(f"{title}\n\n{PLAN_BODY}{tail}")
    assert (doc.genre, doc.year) == ("plan", year)


@pytest.mark.parametrize("title, tail, year", [
    # a notice about drafting the plan is no plan: the year it was signed
    ("澄河市应急管理局关于开展“十五五”应急体系规划编制工作的通知", "澄河市应急管理局\n2024年5月6日\n", 2024),
    # a regulation's edition remark: with a date, the date's year (the edition is read only with no number and no date)
    ("澄河市安全生产条例（2019年修订）", "澄河市人民政府\n2021年5月6日\n", 2021),
])
def test_what_is_no_five_year_plan_keeps_its_year(title, tail, year):
    (doc, _), = _docs(f"{title}\n\n各单位要做好有关工作。\n一、各单位要落实安全生产主体责任。\n二、各单位要加强值班值守。\n\n{tail}")
    assert doc.year == year


# --- 2. an issuing notice whose title leaves the enclosure's name unquoted ------------------------------------------
LETTER = ("澄江县人民政府关于印发2027年全县安全生产工作要点的通知\n澄政发〔2027〕4号\n各乡镇人民政府，县直各单位：\n"
          "现将《澄江县2027年安全生产工作要点》印发给你们，请认真贯彻落实。\n澄江县人民政府\n2027年2月20日\n")
ENCLOSURE = ("澄江县2027年安全生产工作要点\n2027年全县安全生产工作的总体要求是：坚持人民至上、生命至上。\n一、压实安全责任\n"
             "（一）修订责任清单。3月底前完成修订。\n（二）严格考核巡查。年内开展一轮巡查。\n")


@pytest.mark.parametrize("gap", ["", "\n", "\n\n"], ids=["no_blank", "blank", "two_blanks"])
def test_an_issuing_notices_enclosure_named_in_its_covering_sentence_is_part_of_it(gap):
    docs = _docs(LETTER + gap + ENCLOSURE)
    assert len(docs) == 1
    doc, clauses = docs[0]
    assert (doc.title, doc.genre, doc.doc_number) == ("澄江县人民政府关于印发2027年全县安全生产工作要点的通知", "work_points",
                                                      "澄政发〔2027〕4号")
    assert [(c.heading_path, c.text) for c in clauses if c.kind == "clause"] == [
        (("一、压实安全责任",), "（一）修订责任清单。3月底前完成修订。"), (("一、压实安全责任",), "（二）严格考核巡查。年内开展一轮巡查。")]


def test_the_probe_file_of_an_issuing_notice_is_one_document():
    docs = _docs((DATA / "issuing_no_blank.txt").read_text(encoding="utf-8"))
    assert [d.genre for d, _ in docs] == ["work_points"]


def test_a_letter_followed_by_another_notice_is_still_two_documents():
    # (the next notice's title names no document the letter sends)
    other = "澄江县2027年防汛工作要点\n一、压实防汛责任\n（一）落实包保责任。5月底前完成。\n（二）开展隐患排查。汛前完成一轮。\n"
    assert len(_docs(LETTER + other)) == 2


# --- 3. a 附表 in mid-body -----------------------------------------------------------------------------------------
SECTION1, SECTION2 = ("一、工作任务",), ("二、工作要求",)
CAPTION = "附表 重点企业隐患整改清单"


def _midbody(caption: str, sep: str = "\t") -> str:
    rows = [("序号", "企业名称", "隐患部位", "整改期限"), ("1", "鹭汀化工有限公司", "储罐区", "2027年4月30日"),
            ("2", "澄江物流有限公司", "仓库", "2027年5月15日")]
    return ("鹭汀市安全生产委员会办公室关于开展重点企业隐患整改的通知\n\n各区人民政府，市安委会各成员单位：\n"
            "为推进重点企业隐患整改，现将有关事项通知如下。\n一、工作任务\n各区要按照清单抓好隐患整改。\n" + caption + "\n"
            + "\n".join(sep.join(r) for r in rows) + "\n请各单位于每月25日前报送整改进展情况。\n二、工作要求\n各单位要加强组织领导。\n\n"
            "鹭汀市安全生产委员会办公室\n2027年3月10日\n")


@pytest.mark.parametrize("caption, heading", [
    ("附表：重点企业隐患整改清单", CAPTION),
    ("附表1：重点企业隐患整改清单", "附表1 重点企业隐患整改清单"),
])
@pytest.mark.parametrize("sep", ["\t", "  "], ids=["tabs", "spaces"])
def test_a_table_introduced_in_the_body_is_no_enclosure(caption, heading, sep):
    (doc, clauses), = _docs(_midbody(caption, sep))
    got = [(c.heading_path, c.kind, c.text) for c in clauses]
    assert got == [((), "preamble", "为推进重点企业隐患整改，现将有关事项通知如下。"),
                   (SECTION1, "clause", "各区要按照清单抓好隐患整改。"),
                   (SECTION1 + (heading,), "clause", "1；鹭汀化工有限公司；储罐区；2027年4月30日"),
                   (SECTION1 + (heading,), "clause", "2；澄江物流有限公司；仓库；2027年5月15日"),
                   (SECTION1, "clause", "请各单位于每月25日前报送整改进展情况。"),
                   (SECTION2, "clause", "各单位要加强组织领导。")]


def test_the_probe_file_of_a_table_in_mid_body():
    (_, clauses), = _docs((DATA / "table_midbody.txt").read_text(encoding="utf-8"))
    assert [(c.heading_path, c.text) for c in clauses if c.text.startswith(("请", "各单位要加强"))] == [
        (SECTION1, "请各单位于每月25日前报送整改进展情况。"), (SECTION2, "各单位要加强组织领导。")]


def test_a_table_after_an_unsigned_plans_text_is_still_its_enclosure():
    # (rows to the end: the table set after the text, as before)
    text = ("澄江县2027年燃气安全专项整治方案\n为推进燃气安全专项整治，制定本方案。\n一、整治任务\n各乡镇要开展燃气安全排查。\n"
            "附表：重点企业隐患整改清单\n序号\t企业名称\t隐患部位\t整改期限\n1\t鹭汀化工有限公司\t储罐区\t2027年4月30日\n"
            "2\t澄江物流有限公司\t仓库\t2027年5月15日\n")
    (_, clauses), = _docs(text)
    assert [c.heading_path for c in clauses if c.text.startswith(("1；", "2；"))] == [("重点企业隐患整改清单",)] * 2


def test_a_table_in_mid_body_of_an_issued_enclosure_is_no_second_enclosure():
    # (inside a 印发 notice's enclosure the 附表 opened an enclosure of its own, as in a letter's body)
    letter = ("澄江县人民政府关于印发《澄江县2027年燃气安全专项整治方案》的通知\n澄政发〔2027〕4号\n各乡镇人民政府，县直各单位：\n"
              "现将《澄江县2027年燃气安全专项整治方案》印发给你们，请认真贯彻落实。\n澄江县人民政府\n2027年2月20日\n")
    enclosure = ("澄江县2027年燃气安全专项整治方案\n为推进燃气安全专项整治，制定本方案。\n一、整治任务\n各乡镇要开展燃气安全排查。\n"
                 "附表：重点企业隐患整改清单\n序号\t企业名称\t隐患部位\t整改期限\n1\t鹭汀化工有限公司\t储罐区\t2027年4月30日\n"
                 "2\t澄江物流有限公司\t仓库\t2027年5月15日\n请各乡镇于每月25日前报送进展。\n二、保障措施\n各单位要加强组织领导。\n")
    (_, clauses), = _docs(letter + enclosure)
    got = [(c.heading_path, c.text) for c in clauses if c.kind == "clause"]
    assert got == [(("一、整治任务",), "各乡镇要开展燃气安全排查。"),
                   (("一、整治任务", CAPTION), "1；鹭汀化工有限公司；储罐区；2027年4月30日"),
                   (("一、整治任务", CAPTION), "2；澄江物流有限公司；仓库；2027年5月15日"),
                   (("一、整治任务",), "请各乡镇于每月25日前报送进展。"), (("二、保障措施",), "各单位要加强组织领导。")]


# --- 4. probes of structures not yet tested (readings written first in EXPECTED.md; all read right on main) ---------
PHASE1, PHASE2 = ("一、整治步骤", "（一）动员部署阶段（2027年3月底前）"), ("一、整治步骤", "（二）排查整治阶段（2027年4月至9月）")
PROBES = {
    # 第一部分/第二部分 parts, 一、 restarting in 第三部分 (no new notice)
    "p1_parts.txt": (("work_points", 2027), [
        (("第一部分 总体要求",), "2027年全县安全生产工作要坚持人民至上、生命至上，统筹发展和安全。"),
        (("第二部分 重点任务", "一、压实安全责任"), "（一）修订责任清单。3月底前完成修订。"),
        (("第二部分 重点任务", "一、压实安全责任"), "（二）严格考核巡查。年内开展一轮巡查。"),
        (("第二部分 重点任务", "二、整治重点领域"), "（三）城镇燃气。9月底前完成报警装置全覆盖。"),
        (("第三部分 保障措施",), "一、加强组织领导。各乡镇要成立工作专班。"),
        (("第三部分 保障措施",), "二、强化督导检查。县安委办每季度通报一次。")]),
    # （一） items right under the title, no 一、
    "p2_items_no_top.txt": (("other", 2027), [
        ((), "（一）加强隐患排查。各区要对人员密集场所开展一次全面检查。"), ((), "（二）强化值班值守。节日期间严格执行24小时值班制度。"),
        ((), "（三）做好应急准备。各单位要备足应急物资，确保拉得出、用得上。")]),
    # a plan's phases titled with their periods over ● bullets
    "p3_phases_bullets.txt": (("special_plan", 2027), [
        (PHASE1, "各乡镇要制定具体实施方案。"), (PHASE1, "县住建局要组织召开动员会。"), (PHASE2, "全面排查餐饮场所燃气隐患。"),
        (PHASE2, "建立隐患整改台账，逐项销号。"), (("二、工作要求",), "各单位要加强协调配合。")]),
    # a 解读's 问：/答：
    "p4_qa.txt": (("interpretation", 2027), [
        (("问：为什么要制定《规定》？",), "答：近年来电动自行车火灾事故多发，制定《规定》是为了加强管理，保障群众生命财产安全。"),
        (("问：《规定》对充电有什么要求？",), "答：禁止在楼道、安全出口等公共区域为电动自行车充电。"),
        (("问：违反规定的如何处罚？",), "答：由消防救援机构责令改正，可处五百元以下罚款。")]),
}


def _wrapped(text: str, width: int) -> str:
    return "\n".join(line[i:i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


@pytest.mark.parametrize("layout", ["typed", "wrapped28", "blank_lines"])
@pytest.mark.parametrize("name", sorted(PROBES))
def test_probed_structures_read_as_written_down(name, layout):
    text = (DATA / name).read_text(encoding="utf-8")
    text = {"typed": text, "wrapped28": _wrapped(text, 28), "blank_lines": text.replace("\n", "\n\n")}[layout]
    (doc, clauses), = _docs(text)
    (genre, year), expected = PROBES[name]
    assert (doc.genre, doc.year) == (genre, year)
    assert [(c.heading_path, c.text) for c in clauses if c.kind == "clause"] == expected
