"""seg26: a table's caption heads its rows (corpus/segment.py ``_table_caption``, corpus/tables.py ``_plain_body``).

A table typed under its caption line (``表1  重点行业领域专项整治任务分解表`` / ``表1：…`` / a caption ending in a table's
word: ``…清单``, ``…名单``, ``…台账``) was read as a clause saying nothing and its rows as clauses with no heading: an
analyst filtering a notice's clauses by heading path lost which table they came from. Only a plan's indicator table
(``主要指标``) had its caption over its rows. Now any such caption right over a table's first row (cells joined by
``；``: a table typed with tabs or spaces, or a ``.docx`` table that is no task table) heads the rows until the table
ends; a paragraph after the table is under the headings it was under before. A ``.docx`` table's caption merged
across its top row was a line of its own and the column labels under it a clause: the labels are a header again.

Every notice here is invented (鹭汀市, 澄江县).
"""

from __future__ import annotations

import pytest

from policytag.corpus.segment import segment_paths, segment_text

HEAD = ("鹭汀市安全生产委员会办公室关于印发2027年重点行业领域专项整治任务的通知\n\n各区人民政府，市安委会各成员单位：\n"
        "为扎实推进重点行业领域专项整治，现将任务分解如下，请认真落实。\n\n")
TAIL = "\n\n请各单位于每月25日前报送工作进展情况。\n\n鹭汀市安全生产委员会办公室\n2027年3月10日\n"
TASKS = [("序号", "整治任务", "责任单位", "完成时限"), ("1", "开展燃气管网隐患排查", "市住建局", "2027年6月底前"),
         ("2", "整治危化品运输车辆违法行为", "市交通运输局", "2027年9月底前"), ("3", "清理高层建筑消防通道", "市消防救援支队", "2027年12月底前")]
FIRMS = [("序号", "企业名称", "隐患部位", "整改期限"), ("1", "鹭汀化工有限公司", "储罐区", "2027年4月30日"),
         ("2", "澄江物流有限公司", "仓库", "2027年5月15日"), ("3", "鹭汀建材厂", "配电室", "2027年5月31日")]


def _typed(rows, sep: str) -> str:
    return "\n".join(sep.join(r) for r in rows)


def _read(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    (_, clauses), = segment_text(text, "inline.txt")
    return [(c.heading_path, c.kind, c.text) for c in clauses]


CAPTIONS = [  # (the caption line, the heading it gives the rows)
    ("表1  重点行业领域专项整治任务分解表", "表1 重点行业领域专项整治任务分解表"),
    ("表1：重点行业领域专项整治任务分解表", "表1 重点行业领域专项整治任务分解表"),
    ("表 2 重点检查企业", "表2 重点检查企业"),  # (numbered: any short title)
    ("重点行业领域专项整治任务分解表", "重点行业领域专项整治任务分解表"),
    ("2027年度重点检查企业名单", "2027年度重点检查企业名单"),
    ("澄江县燃气安全隐患整改台账", "澄江县燃气安全隐患整改台账"),
    ("主要指标", "主要指标"),  # (as before: an indicator table's)
]


@pytest.mark.parametrize("rows", [TASKS, FIRMS], ids=["tasks", "firms"])
@pytest.mark.parametrize("sep", ["\t", "  "], ids=["tabs", "spaces"])
@pytest.mark.parametrize("caption,heading", CAPTIONS, ids=[c for c, _ in CAPTIONS])
def test_a_caption_heads_its_tables_rows(caption, heading, sep, rows):
    """main: the caption (all but 主要指标) was a clause of its own, the rows had no heading."""
    got = _read(HEAD + caption + "\n" + _typed(rows, sep) + TAIL)
    assert got == [((), "preamble", "为扎实推进重点行业领域专项整治，现将任务分解如下，请认真落实。"),
                   *(((heading,), "clause", "；".join(r)) for r in rows[1:]),
                   ((), "clause", "请各单位于每月25日前报送工作进展情况。")]


@pytest.mark.parametrize("line", [
    "各单位要对照以下清单",  # (a sentence's words: no caption)
    "表1  重点任务分解表，请认真落实",  # (a sentence mark)
])
def test_a_line_that_is_no_caption_reads_as_before(line):
    got = _read(HEAD + line + "\n" + _typed(FIRMS, "\t") + TAIL)
    assert all(h == () for h, _, _ in got) and ((), "clause", line.replace("  ", "")) in got


def test_a_caption_over_a_sentence_is_a_clause_as_before():
    # (no row under it: a paragraph of the notice, read as before)
    got = _read(HEAD + "重点企业名单\n各区要于4月底前报送名单。" + TAIL)
    assert ((), "clause", "重点企业名单") in got


def test_a_caption_inside_a_section_heads_its_rows_under_the_section():
    text = HEAD + "一、工作任务\n各区要按照分工抓好落实。\n表1  重点企业隐患整改清单\n" + _typed(FIRMS, "\t") + \
        "\n二、工作要求\n各单位要加强组织领导。" + TAIL
    got = _read(text)
    rows = [h for h, _, t in got if t[:1].isdigit()]
    assert rows == [("一、工作任务", "表1 重点企业隐患整改清单")] * 3
    assert (("一、工作任务",), "clause", "各区要按照分工抓好落实。") in got
    assert (("二、工作要求",), "clause", "各单位要加强组织领导。") in got


def _docx(path, caption: str | None):
    import docx

    d = docx.Document()
    for line in HEAD.strip().split("\n"):
        d.add_paragraph(line)
    rows = [("单位名称", "联系人", "职务", "值班电话"), ("鹭汀市应急管理局", "王某某", "科长", "0591-1234567"),
            ("澄江县应急管理局", "李某某", "副局长", "0591-7654321"), ("鹭汀市消防救援支队", "赵某某", "参谋", "0591-1112223")]
    top = 1 if caption else 0
    table = d.add_table(rows=len(rows) + top, cols=4)
    if caption:
        table.cell(0, 0).merge(table.cell(0, 3)).text = caption
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i + top, j).text = text
    for line in TAIL.strip().split("\n"):
        d.add_paragraph(line)
    d.save(path)


def test_a_docx_tables_caption_merged_across_its_top_row_heads_its_rows(tmp_path):
    """main: the caption was a clause and the column labels under it another (单位名称；联系人；职务；值班电话。)."""
    _docx(tmp_path / "n.docx", "表1  应急值守联系人名单")
    result = segment_paths([tmp_path / "n.docx"])
    got = [(c.heading_path, c.text) for c in result.clauses if c.kind == "clause"]
    assert got == [(("表1 应急值守联系人名单",), "鹭汀市应急管理局；王某某；科长；0591-1234567。"),
                   (("表1 应急值守联系人名单",), "澄江县应急管理局；李某某；副局长；0591-7654321。"),
                   (("表1 应急值守联系人名单",), "鹭汀市消防救援支队；赵某某；参谋；0591-1112223。"),
                   ((), "请各单位于每月25日前报送工作进展情况。")]


def test_a_docx_table_without_a_caption_reads_as_before(tmp_path):
    _docx(tmp_path / "n.docx", None)
    result = segment_paths([tmp_path / "n.docx"])
    got = [(c.heading_path, c.text) for c in result.clauses if c.kind == "clause"]
    assert got[0] == ((), "鹭汀市应急管理局；王某某；科长；0591-1234567。") and len(got) == 4


def _task_docx(path, caption: str | None):
    import docx

    d = docx.Document()
    for line in ["澄江县2027年重点行业领域安全生产专项整治方案", "为深入推进专项整治，制定本方案。", "一、主要任务",
                 "各牵头单位要按照任务分解表抓好落实。"]:
        d.add_paragraph(line)
    rows = [("序号", "整治任务", "牵头单位", "完成时限"), ("1", "开展燃气管网排查", "县住建局", "2027年6月底前"),
            ("2", "开展危化品企业检查", "县应急管理局", "2027年8月底前")]
    top = 1 if caption else 0
    table = d.add_table(rows=len(rows) + top, cols=4)
    if caption:
        table.cell(0, 0).merge(table.cell(0, 3)).text = caption
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i + top, j).text = text
    for line in ["各单位要于每月25日前报送进展。", "二、保障措施", "（一）加强组织领导。县安委会统筹协调。", "澄江县安全生产委员会",
                 "2027年3月15日"]:
        d.add_paragraph(line)
    d.save(path)


def _task_reading(path) -> list:
    result = segment_paths([path])
    assert len(result.documents) == 1
    return [(c.heading_path, c.text, tuple(c.agencies)) for c in result.clauses if c.kind == "clause"]


SECTION = ("一、主要任务",)


@pytest.mark.parametrize("caption", ["表1  重点行业领域专项整治任务分解表", "表1：重点行业领域专项整治任务分解表"])
def test_a_docx_task_tables_numbered_caption_heads_its_tasks(tmp_path, caption):
    """main: the caption row was dropped, and the last task (its deadline remark read as a phase's period, 2027年…）) was
    a title over the paragraph after the table, no clause; now the tasks are clauses under the caption, and the
    paragraph after the table is its section's."""
    _task_docx(tmp_path / "t.docx", caption)
    heading = SECTION + ("表1 重点行业领域专项整治任务分解表",)
    assert _task_reading(tmp_path / "t.docx") == [
        (SECTION, "各牵头单位要按照任务分解表抓好落实。", ()),
        (heading, "1.开展燃气管网排查（完成时限：2027年6月底前）", ("县住建局",)),
        (heading, "2.开展危化品企业检查（完成时限：2027年8月底前）", ("县应急管理局",)),
        (SECTION, "各单位要于每月25日前报送进展。", ()),
        (("二、保障措施",), "（一）加强组织领导。县安委会统筹协调。", ())]


def test_a_docx_task_tables_last_task_is_a_clause_without_a_caption(tmp_path):
    """main: the last task was a title (its deadline remark read as a phase's period), no clause."""
    _task_docx(tmp_path / "t.docx", None)
    got = _task_reading(tmp_path / "t.docx")
    assert got[1:3] == [(SECTION, "1.开展燃气管网排查（完成时限：2027年6月底前）", ("县住建局",)),
                        (SECTION, "2.开展危化品企业检查（完成时限：2027年8月底前）", ("县应急管理局",))]


def test_a_paragraph_after_a_docx_task_table_without_caption_is_its_sections(tmp_path):
    """main: it was read under the table's last task (a numbered item); that task's keyed remark closes it."""
    _task_docx(tmp_path / "t.docx", None)
    assert (SECTION, "各单位要于每月25日前报送进展。", ()) in _task_reading(tmp_path / "t.docx")


def test_a_docx_task_tables_caption_with_no_number_is_dropped_as_before(tmp_path):
    # (written alone over numbered lines, 重点…分解表 reads as an enclosure's title to the cleaner: a new notice)
    _task_docx(tmp_path / "t.docx", "重点行业领域专项整治任务分解表")
    got = _task_reading(tmp_path / "t.docx")
    assert got[1] == (SECTION, "1.开展燃气管网排查（完成时限：2027年6月底前）", ("县住建局",))


@pytest.mark.parametrize("title,clause", [
    ("（一）动员部署阶段（2027年3月底前）", False),  # (a phase's period: a title, as before)
    ("2.开展危化品企业检查（完成时限：2027年8月底前）", True),  # (a task's keyed deadline: a sentence)
])
def test_a_keyed_deadline_remark_is_no_period(title, clause):
    text = HEAD + "一、主要任务\n" + title + "\n各单位要于每月25日前报送进展。\n二、工作要求\n加强领导。" + TAIL
    got = _read(text)
    assert any(t == title for _, _, t in got) == clause
