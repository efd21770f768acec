"""lines23: capital numerals and tables typed with spaces (corpus/clean.py, corpus/segment.py; session 20).

Notices written for these tests (tests/data/lines23/; invented places, no sentence copied or paraphrased from a real
document), each reading written down in tests/data/lines23/EXPECTED.md before the code was run.

What was wrong and is now read right (each test marked "failed on main" failed on main's code):
- capital numerals numbered nothing: ``壹、`` / ``贰、`` sections and ``（壹）`` items were clauses with an empty heading
  path, their items lost their section. Now read as ``一、`` / ``（一）`` are (``clean.ITEM_NUMERAL``, one place for the
  numeral set; ``clean.item_number_value`` reads their value, so a numbering that restarts or goes on reads alike).
- a 隐患整改清单 typed with spaces for tabs (single spaces, aligned runs of spaces, full-width spaces: a web page's
  copy) ran header and rows into one clause; now read as the same table typed with tabs (``clean._spaced_tables``),
  only under a ``序号`` header with rows numbered 1, 2, … whose cell counts all agree with the header's; wrapped like a
  PDF or copied from a phone (rows cut over lines) it reads the same (``clean._CutTable`` joins the pieces; a row set
  as a first line 4 cells short of the margin is cut at the rows' own margin, ``_CutTable.row_margin``).
- a 条例 of two-line articles wrapped like a PDF at 54-60 cells (tests/data/genres10/gr10_regulation_paragraphs.txt): its
  margin was read at the first lines' width (56), 4 cells short of the later lines' 60, and a short 款 after a closed
  paragraph was joined to the paragraph under it. An article's first line cut mid-sentence at the common width now
  counts as the cut line above a widest cut (``clean._numbered_first_line_cut``, in ``_indented_margin``).
"""

from __future__ import annotations

import re

import pytest

from conftest import TEST_DATA, best_cpu_time
from genres_harness import all_clauses, phone_wrap
from test_genres import wrap
from policytag.corpus.clean import (_numbered_first_line_cut, classify_lines, heading_level, heading_number, item_number_value,
                                    normalize_punct, wrap_margin)
from policytag.corpus.segment import segment_text

DATA = TEST_DATA / "lines23"


def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _read(text: str, name: str = "t.txt") -> list:
    return all_clauses(segment_text(text, name))


def _clauses(text: str) -> list[tuple[tuple[str, ...], str]]:
    return [(c.heading_path, c.text) for _, cs in segment_text(text, "t.txt") for c in cs]


def test_every_notice_has_its_reading_written_down():
    expected = _text("EXPECTED.md")
    assert all(f"## {p.name}" in expected for p in DATA.glob("*.txt"))


# --- 1. capital numerals: 壹、 sections, （壹） items -----------------------------------------------------------------
CAPITAL_TO_PLAIN = str.maketrans("壹贰叁肆伍陆柒捌玖拾", "一二三四五六七八九十")


def test_a_capital_numbered_plan_reads_as_the_same_plan_numbered_plainly():  # failed on main: no heading path
    capital = _text("l23_capital_plan.txt")
    plain = capital.translate(CAPITAL_TO_PLAIN)
    assert plain != capital
    read = [(tuple(h.translate(CAPITAL_TO_PLAIN) for h in path), text.translate(CAPITAL_TO_PLAIN))
            for path, text in _clauses(capital)]
    assert read == _clauses(plain)
    assert [p for p, _ in _clauses(capital)][1:] == [("壹、总体要求",)] + [("贰、重点任务",)] * 3 + [("叁、保障措施",)] * 2


@pytest.mark.parametrize("width", [60, 80, 100])
def test_a_capital_numbered_plan_wrapped_like_a_pdf_reads_as_typed(width):  # (passed on main: wrong alike)
    text = _text("l23_capital_plan.txt")
    assert _read(wrap(text, width)) == _read(text)


@pytest.mark.parametrize("line, level, number", [
    ("壹、总体要求", 1, 1), ("贰.重点任务", 1, 2), ("拾贰、其他事项", 1, 12), ("拾、附则", 1, 10),
    ("（壹）非煤矿山", 2, 1), ("（叁）道路运输", 2, 3), ("(拾壹)危险化学品", 2, 11), ("肆）消防安全", 2, 4),
    ("貳、主要任務", 1, 2), ("（陸）烟花爆竹", 2, 6),  # (the traditional forms a Hong Kong-trained typist keeps)
])
def test_a_capital_numeral_numbers_a_heading(line, level, number):  # failed on main: None
    assert heading_level(line) == level
    assert heading_number(line, level) == number


@pytest.mark.parametrize("line", [
    "全县共有壹号院等三个小区纳入燃气改造。",  # 壹 inside a sentence
    "壹号院小区燃气管道老化问题已整改。",  # 壹号院 opening a line
    "人民币壹万元整",  # an amount
    "壹万元以下罚款由县应急管理局作出决定。",
    "一贰、混写的编号",  # plain and capital mixed: no number
    "佰、项目",  # (no 佰: a hundred sections never are)
])
def test_a_capital_numeral_that_numbers_nothing_opens_no_heading(line):
    assert heading_level(line) is None


def test_an_amount_in_capitals_stays_in_its_clause():
    text = ("青川县应急管理局行政处罚决定书\n\n一、违法事实\n该企业未按规定开展隐患排查。\n二、处罚决定\n"
            "对该企业处以罚款\n人民币壹万元整。\n壹号院项目部应于十五日内缴纳。\n")
    assert [(p, t[:4]) for p, t in _clauses(text)] == [
        (("一、违法事实",), "该企业未"), (("二、处罚决定",), "对该企业"), (("二、处罚决定",), "人民币壹"), (("二、处罚决定",), "壹号院项")]


@pytest.mark.parametrize("numeral, value", [("壹", 1), ("玖", 9), ("拾", 10), ("拾壹", 11), ("贰拾", 20), ("贰拾叁", 23),
                                            ("十二", 12), ("叁", 3), ("參", 3)])
def test_item_number_value_reads_plain_and_capital_numerals(numeral, value):
    assert item_number_value(numeral) == value


def test_capital_items_run_on_one_line_split_where_the_next_number_follows():  # failed on main: one clause
    text = ("青川县2027年安全生产工作要点\n\n壹、重点任务\n（壹）开展燃气安全检查。（贰）开展消防安全检查。"
            "对照（壹）项要求逐一整改。\n")
    assert [t for _, t in _clauses(text)] == ["（壹）开展燃气安全检查。", "（贰）开展消防安全检查。对照（壹）项要求逐一整改。"]


def test_a_capital_item_with_a_half_width_stop_keeps_its_number():  # failed on main: 壹。总体要求
    assert normalize_punct("壹.总体要求") == "壹.总体要求"
    assert heading_level(normalize_punct("贰.主要任务")) == 1


def test_a_capital_item_lead_set_off_by_a_gap_ends_with_a_stop():  # failed on main: the lead ran into its body
    assert normalize_punct("（壹）压实属地责任\u3000各乡镇要落实属地管理责任。") == "（壹）压实属地责任。各乡镇要落实属地管理责任。"


# --- 2. a table typed with spaces for tabs --------------------------------------------------------------------------
HAZARDS = (("序号", "隐患内容", "整改措施", "责任人", "整改时限"),
           ("1", "罐区可燃气体报警仪未定期检定", "立即委托有资质机构检定", "王某某", "2027年6月30日"),
           ("2", "消防通道被堆放物料占用", "清理物料并设置禁停标志", "赵某某", "2027年5月31日"),
           ("3", "配电室未配备绝缘手套", "配齐绝缘防护用品", "刘某某", "立即整改"))
TITLE = "青川县化工园区2027年第三季度隐患整改清单\n\n"
AFTER = "\n\n各企业要按期完成整改 并将整改情况报园区安监办。\n"


def _table(rows, sep: str) -> str:
    return TITLE + "\n".join(sep.join(r) for r in rows) + AFTER


@pytest.mark.parametrize("sep", [" ", "  ", "   ", "\u3000", "\u3000\u3000", " \u3000"])
def test_a_table_typed_with_spaces_reads_as_typed_with_tabs(sep):  # failed on main: one clause
    assert _read(_table(HAZARDS, sep)) == _read(_table(HAZARDS, "\t"))
    assert [t for _, t in _clauses(_table(HAZARDS, sep))][:3] == ["；".join(r) for r in HAZARDS[1:]]


def test_a_table_with_columns_aligned_by_padding_reads_as_typed_with_tabs():  # failed on main: one clause
    text = _text("l23_spaced_hazard_list.txt")
    tabbed = "\n".join("\t".join(re.split("[ \u3000]+", line.strip())) if re.match(r"(?:序号|\d)[ \u3000]", line) else line
                       for line in text.split("\n"))
    assert "\t" in tabbed and _read(text) == _read(tabbed)
    # (the caption 丰禾县物流园区隐患整改清单 heads the rows since seg26: no clause of its own)
    assert [t for _, t in _clauses(text)][1:] == [
        "1；二号仓库；灭火器压力不足；更换灭火器；物流公司；2027年7月10日", "2；配电室；电缆沟积水；排水并封堵；设备科；2027年7月15日",
        "3；三号车间；安全出口锁闭；拆除门锁；生产部；立即整改", "各单位整改完成后请于7月20日前将整改报告报送县应急管理局。"]


def test_a_scanned_table_typed_with_full_width_spaces_reads_as_typed_with_tabs():
    # an OCR engine's copy sets a space between every two characters (序 号　隐 患 内 容): read without them, as
    # clean.classify reads a scan's lines (tests/test_lines19.py), the cells apart by the full-width spaces
    scanned = "\n".join(re.sub(r"(?<=\S)(?=\S)", " ", line) for line in _table(HAZARDS, "\u3000").split("\n"))
    assert _read(scanned) == _read(_table(HAZARDS, "\t"))


@pytest.mark.parametrize("width", [60, 70, 80, 90, 100])
@pytest.mark.parametrize("sep", ["  ", "\u3000"], ids=["two-spaces", "ideographic-space"])
def test_a_table_typed_with_spaces_wrapped_like_a_pdf_reads_as_typed(sep, width):
    # (rows cut over lines, some inside a cell, some at a gap, the last cell's rest on a line of its own: read back into
    # their rows as a tabbed table's are)
    text = _table(HAZARDS, sep)
    assert _read(wrap(text, width)) == _read(text)


@pytest.mark.parametrize("name", ["l23_spaced_hazard_list.txt"])
def test_a_table_typed_with_spaces_copied_from_a_phone_reads_as_typed(name):
    text = _text(name)
    assert _read(phone_wrap(text)) == _read(text)


def _rows(text: str) -> list[str]:
    return [line.text for line in classify_lines(text) if line.row or line.kind == "columns"]


@pytest.mark.parametrize("rows", [
    # a cell holding a space: its row has one cell more than the header, so no row is read as cells
    (HAZARDS[0], HAZARDS[1], ("2", "消防通道 被堆放物料占用", "清理物料并设置禁停标志", "赵某某", "2027年5月31日")),
    # rows with no 序号 header over them
    HAZARDS[1:],
    # a header with no numbered row under it (a sentence after it)
    (HAZARDS[0], ("各企业", "要按期", "完成整改", "并报", "安监办。")),
    # rows numbered out of order (2 under the header: no table's first row)
    (HAZARDS[0], HAZARDS[2], HAZARDS[1]),
    # a header of sentence words, no column labels
    (("序号", "为本次检查中发现问题的编号，", "各企业", "按序", "整改"), ("1", "罐区", "报警仪", "检定", "王某某")),
])
def test_spaces_are_no_cells_outside_a_numbered_table_under_a_header(rows):
    assert _rows(_table(rows, " ")) == []


def test_a_sentence_with_spaces_is_never_split_into_cells():
    text = ("关于开展燃气安全检查的通知\n\n各乡镇：\n序号 一 至 序号 五 的企业 请于6月底前完成自查。\n"
            "1 月 至 6 月 全县 共 排查 隐患 120 处。\n2 家 企业 被 责令 停产 整顿。\n")
    assert _rows(text) == []
    assert all("；" not in t for _, t in _clauses(text))


def test_spaced_tables_read_in_linear_time():
    def doc(n: int) -> str:
        rows = [HAZARDS[0]] + [(str(k),) + HAZARDS[1 + k % 3][1:] for k in range(1, n + 1)]
        return "\n\n".join([_table(rows, "\u3000")] * 4)

    small, large = doc(20), doc(320)
    ratio = best_cpu_time(classify_lines, large) / best_cpu_time(classify_lines, small)
    assert ratio < 16 * 3, ratio


# --- 3. a 条例 of two-line articles wrapped like a PDF: the margin is the later lines', not the first lines' ----------
@pytest.mark.parametrize("name, width", [
    ("genres10/gr10_regulation_paragraphs.txt", 54), ("genres10/gr10_regulation_paragraphs.txt", 56),
    ("genres10/gr10_regulation_paragraphs.txt", 58), ("genres10/gr10_regulation_paragraphs.txt", 60),  # (failed on main)
    ("lines23/l23_rules_two_line_articles.txt", 50),  # (failed on main)
    ("lines23/l23_rules_two_line_articles.txt", 60), ("lines23/l23_rules_two_line_articles.txt", 70),
    ("lines23/l23_rules_two_line_articles.txt", 80), ("lines23/l23_rules_two_line_articles.txt", 90),
])
def test_a_rule_of_two_line_articles_wrapped_like_a_pdf_reads_as_typed(name, width):
    text = (TEST_DATA / name).read_text(encoding="utf-8")
    assert _read(wrap(text, width)) == _read(text)


def _body(text: str) -> list[str]:
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[1:]  # (the title above the body)


def test_the_margin_of_two_line_articles_is_their_later_lines_width():  # failed on main: 56
    text = (TEST_DATA / "genres10" / "gr10_regulation_paragraphs.txt").read_text(encoding="utf-8")
    assert wrap_margin(_body(wrap(text, 60))) == 60


@pytest.mark.parametrize("line, cut", [
    ("第一条　为了加强危险化学品安全管理，预防和减少危险化学品事", True),  # an article's first line, cut mid-sentence
    ("第一条　为了加强危险化学品安全管理，预防和减少危险化学品。", False),  # its sentence closed
    ("一、关于进一步加强全县危险化学品仓储安全管理工作有关事项", False),  # a numbered title: no comma, no sentence
    ("为了加强危险化学品安全管理，预防和减少危险化学品事故，保", False),  # no number (the plain cut lines' rule reads it)
    ("第一条　为了加强危险化学品安全管理，预防", False),  # short of the common width
])
def test_a_numbered_first_line_cut_at_the_common_width(line, cut):
    assert _numbered_first_line_cut(line, 56) is cut
