"""genres22: genres and layouts not read before (session 22).

Notices written for these tests (tests/data/genres22/; invented places, organs and people, no sentence copied or
paraphrased from a real document): an accident 通报 whose parts hold ``（一）X。…`` sub-items, a 警示函 to one enterprise,
a 十五五 规划 with a 主要指标 table set without a 专栏 and 专栏 boxes after tasks, a 工作总结和工作打算, a 会议纪要 of
会议指出 / 会议强调 paragraphs with 会议要求： over items and a 参会人员 line. Each expected reading was written down in
tests/data/genres22/EXPECTED.md before the segmenter was run on it; the notices' tests use tests/genres_harness.py.

What was wrong and is now read right (corpus/segment.py):
- a 警示函's sanction after its last demand (``三、加强从业人员安全教育培训。`` / ``逾期未整改或整改不到位的，我局将依法予以
  处罚。``): the short item was read as a title over the sanction (heading path ``三、加强从业人员安全教育培训``). A
  sanction on whoever misses the list (``逾期…的，`` / ``拒不…的，``) after a last item closed by its full stop or
  carrying a sentence closes the text (``segment.RE_SANCTION``).
- a table's caption alone over its rows (``主要指标`` over ``指标⇥2025年⇥2030年⇥属性``, no ``专栏``): the caption was a
  clause saying nothing and the rows sat under the section. The caption heads the rows as a box's name does
  (``segment._table_caption``).

Read right as they were: the 通报's facts, causes, lessons and requirements (each a clause under its part); the 总结's
achievements and 打算; the 纪要's 会议指出 / 会议强调 paragraphs, 会议要求： heading its items, 参会人员 / 记录 no clause.

Fixed by lines25 (these were strict xfails): a 参会人员 line a phone wraps where a name's remark (``赵明（`` /
``市住建局）``) or a comma starts the next line is still an attendance line, no clause (``clean._name_cut``).
"""

from __future__ import annotations

import pytest

from policytag.corpus.segment import segment_text
from conftest import TEST_DATA
from genres_harness import GenreSet, phone_wrap

DATA22 = TEST_DATA / "genres22"


def _clauses(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    (_, clauses), = segment_text(text, "inline.txt")
    return [(c.heading_path, c.kind, c.text) for c in clauses]


# --- a sanction after the last demand ---------------------------------------------------------------------------
LETTER = ("柘源市应急管理局整改通知书\n\n澄江县宏昌建材有限公司：\n经检查，你单位存在安全隐患。请你单位：\n"
          "一、于2027年9月1日前完成粉尘清扫，并书面报告整改情况。\n二、{last}\n{after}\n\n柘源市应急管理局\n2027年8月2日\n")


@pytest.mark.parametrize("last, sanction", [
    ("完善除尘设施。", "逾期未整改或整改不到位的，我局将依法予以处罚。"),  # a short item closed by its full stop
    ("完善除尘设施。", "拒不整改的，依法责令停产停业整顿。"),
    ("于2027年9月10日前更换泄爆装置，并报告我局。", "对逾期未完成整改的，依法从重处罚。"),  # an item carrying a sentence
], ids=["short-逾期", "short-拒不", "sentence-对逾期"])
def test_a_sanction_after_the_last_demand_closes_the_text(last, sanction):
    # written first (failed on main: a short last item was a title over the sanction; after a sentence item the
    # sanction was the item's last paragraph)
    got = _clauses(LETTER.format(last=last, after=sanction))
    assert ((), "clause", f"二、{last}") in got
    assert ((), "clause", sanction) in got


def test_a_sanction_under_a_section_title_stays_its_own():
    # guard: under a title with no full stop (三、整改要求) the paragraph is the section's, as before
    text = LETTER.format(last="整改要求", after="逾期未整改的，依法予以处罚。")
    assert (("二、整改要求",), "clause", "逾期未整改的，依法予以处罚。") in _clauses(text)


# --- a caption over a table's rows ------------------------------------------------------------------------------
PLAN = ("柘源市“十五五”防灾减灾规划\n\n一、主要目标\n到2030年，防灾减灾能力明显增强。\n{caption}\n"
        "指标\t2025年\t2030年\t属性\n自然灾害直接经济损失占地区生产总值比例（%）\t—\t1\t预期性\n"
        "{after}二、主要任务\n（一）加强监测预警。建设综合监测预警平台。\n")


@pytest.mark.parametrize("caption, heading", [
    ("主要指标", "主要指标"), ("表1 防灾减灾主要指标", "表1 防灾减灾主要指标"),
    ("“十五五”防灾减灾主要指标", "“十五五”防灾减灾主要指标"), ("表2：主要指标表", "表2 主要指标表")])  # (表N …, as 专栏N …)
def test_a_caption_alone_over_a_tables_rows_heads_them(caption, heading):
    # written first (failed on main: the caption was a clause saying nothing, the rows under the section only)
    got = _clauses(PLAN.format(caption=caption, after=""))
    assert [t for _, _, t in got if t.replace(" ", "") == caption.replace(" ", "")] == []
    assert (("一、主要目标", heading), "clause", "自然灾害直接经济损失占地区生产总值比例（%）；—；1；预期性") in got
    assert (("二、主要任务",), "clause", "（一）加强监测预警。建设综合监测预警平台。") in got


def test_a_paragraph_after_the_table_is_no_row_of_it():
    # the caption heads the rows only: a note after the table is its section's, as before
    note = "注：2025年为基期值。"
    got = _clauses(PLAN.format(caption="主要指标", after=note + "\n"))
    assert (("一、主要目标",), "clause", note) in got


def test_a_short_line_over_a_sentence_list_is_no_caption():
    # guard: a paragraph of 一是…；二是…；三是…。 is a sentence, no table's row: the line before it stays as it was read
    text = PLAN.format(caption="主要指标", after="").replace(
        "指标\t2025年\t2030年\t属性\n自然灾害直接经济损失占地区生产总值比例（%）\t—\t1\t预期性\n",
        "一是减少损失；二是降低死亡率；三是提升能力。\n")
    assert all(len(path) <= 1 for path, _, _ in _clauses(text))


# --- a 参会人员 line a phone wraps (was left; lines25's clean._name_cut) -------------------------------------------------
MINUTES = ("柘源市安全生产工作专题会议纪要\n\n2027年3月6日，副市长郑维主持召开专题会议。纪要如下：\n"
           "会议要求：\n一、市交通运输局要在4月底前完成客运车辆动态监控平台升级。\n{attendance}\n记录：陈晓\n\n"
           "柘源市人民政府办公室\n2027年3月8日\n")


@pytest.mark.parametrize("attendance", ["参会人员：郑维、李成刚（市应急管理局）、王雪（市交通运输局）、赵明（市住建局）",
                                        "参会人员：郑维、李成刚、王雪、赵明，市应急管理局、市交通运输局、市住建局负责同志"],
                         ids=["remarks", "comma"])
def test_a_wrapped_attendance_line_is_no_clause(attendance):
    text = MINUTES.format(attendance=attendance)
    assert _clauses(phone_wrap(text)) == _clauses(text)


# --- the notices ------------------------------------------------------------------------------------------------
BULLETIN = ("一、事故基本情况",), ("二、事故原因",), ("三、事故暴露的问题和教训",), ("四、工作要求",)
TASKS = ("三、主要任务",)
G22 = {
    "g22_accident_bulletin_parts.txt": (
        ("柘源市安全生产委员会办公室关于青石镇“5·17”较大粉尘爆炸事故的通报", "柘源市安全生产委员会办公室", "柘源市", "city",
         "bulletin", 2027, "2027-05-25"), [
            ((), "preamble", "2027年5月17日，青石镇一家铝制品加工企业"),
            (BULLETIN[0], "clause", "（一）事故单位概况。"),
            (BULLETIN[0], "clause", "（二）事故经过。"),
            (BULLETIN[1], "clause", "（一）直接原因。"),
            (BULLETIN[1], "clause", "（二）间接原因。"),
            (BULLETIN[2], "clause", "企业安全生产主体责任严重缺失"),
            (BULLETIN[3], "clause", "（一）立即开展涉爆粉尘企业专项检查。"),
            (BULLETIN[3], "clause", "（二）严格落实企业主体责任。"),
            (BULLETIN[3], "clause", "（三）严肃追责问责。"),
        ]),
    "g22_warning_letter.txt": (
        ("安全生产警示函", "柘源市应急管理局", "柘源市", "city", "rectification", 2027, "2027-07-28"), [
            ((), "preamble", "近期，我局在执法检查中发现你单位存在以下问题"),
            ((), "preamble", "上述问题违反了《中华人民共和国安全生产法》"),
            ((), "clause", "一、于2027年8月10日前完成上述问题整改"),
            ((), "clause", "二、举一反三，全面排查本单位安全风险。"),
            ((), "clause", "三、加强从业人员安全教育培训。"),
            ((), "clause", "逾期未整改或整改不到位的，我局将依法予以处罚。"),
        ]),
    "g22_plan_box_indicators.txt": (
        # (year: 2026, the plan's first year, as genres19's fyp)
        ("柘源市“十五五”安全生产规划", None, "柘源市", "city", "plan", 2026, None), [
            (("一、发展基础",), "clause", "“十四五”期间"),
            (("二、主要目标",), "clause", "到2030年"),
            (("二、主要目标", "主要指标"), "clause", "亿元地区生产总值生产安全事故死亡率下降（%）；—；33；约束性"),
            (("二、主要目标", "主要指标"), "clause", "工矿商贸就业人员十万人生产安全事故死亡率下降（%）；—；20；约束性"),
            (TASKS, "clause", "（一）强化风险源头防控。"),
            (TASKS + ("专栏1 安全风险防控重点工程",), "clause", "1.化工园区安全风险智能化管控平台建设。"),
            (TASKS + ("专栏1 安全风险防控重点工程",), "clause", "2.城镇燃气管网更新改造。"),
            (TASKS, "clause", "（二）提升应急救援能力。"),
            (TASKS + ("专栏2 应急能力提升工程",), "clause", "1.市级应急物资储备库建设。"),
            (("四、保障措施",), "clause", "各县（区）要将本规划主要任务"),
        ]),
    "g22_annual_summary.txt": (
        ("柘源市应急管理局2026年工作总结和2027年工作打算", "柘源市应急管理局", "柘源市", "city", "report", 2026,
         "2026-12-20"), [
            ((), "preamble", "2026年，在市委、市政府的坚强领导下"),
            (("一、2026年工作开展情况",), "clause", "（一）安全生产形势持续稳定。"),
            (("一、2026年工作开展情况",), "clause", "（二）专项整治扎实推进。"),
            (("二、存在的问题",), "clause", "部分企业主体责任落实不到位"),
            (("三、2027年工作打算",), "clause", "（一）深化安全生产治本攻坚。"),
            (("三、2027年工作打算",), "clause", "（二）加强应急能力建设。"),
        ]),
    "g22_minutes_paragraphs.txt": (
        ("柘源市安全生产工作专题会议纪要", "柘源市人民政府办公室", "柘源市", "city", "minutes", 2027, "2027-03-08"), [
            ((), "preamble", "2027年3月6日，副市长郑维"),
            ((), "clause", "会议指出，今年以来"),
            ((), "clause", "会议强调，各地各部门"),
            (("会议要求",), "clause", "一、市交通运输局要在4月底前"),
            (("会议要求",), "clause", "二、市住建局要对在建工地"),
        ]),
}

KNOWN_GAPS: dict[tuple[str, str], str] = {}
WRAP_MISS: set[tuple[str, int]] = set()
PHONE_MISS: dict[str, str] = {}

SET22 = GenreSet(DATA22, G22, KNOWN_GAPS, WRAP_MISS, PHONE_MISS, as_file=True)


def test_every_new_notice_is_listed_and_has_its_reading_written_down():
    SET22.check_listed()


@pytest.mark.parametrize("name", SET22.known("reading"))
def test_new_genre_document_reading(name):
    SET22.check_reading(name)


@pytest.mark.parametrize("name", SET22.known("clauses"))
def test_new_genre_clauses_heading_paths_and_kinds(name):
    SET22.check_clauses(name)


@pytest.mark.parametrize("name, width", SET22.wrap_params())
def test_new_genre_same_clauses_when_wrapped_like_a_pdf(name, width):
    SET22.check_wrapped(name, width)


@pytest.mark.parametrize("name", SET22.phone_params())
def test_new_genre_same_clauses_when_copied_from_a_phone(name):
    SET22.check_phone(name)
