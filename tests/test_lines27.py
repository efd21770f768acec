"""lines27: the line layer (corpus/clean.py; session 23): a body run together on one line of a several-line text, the
margin of a wrapped body whose long paragraphs are all numbered items, one source for the line breaker's marks, and
pasted copies with line-level quirks.

Notices written for these tests (tests/data/lines27/; invented places and organs, no sentence copied or paraphrased from
a real document), each reading written down before the segmenter was run on it.

What was wrong and is now read right (each test marked "failed on main" failed on main's code):
- a converter's copy that ran a body's headings, items and sentences together on one line of a several-line text
  (the title, addressee and signature on lines of their own) was read as a paragraph or two: ``clean.relined`` cuts
  such a line (``_run_together``: 150 characters or more, two item numbers or more opening its sentences) by the rules
  that cut a one-line notice, and a numbered title run into its first sub-item (``二、主要任务（一）加强…``) apart.
- a wrapped 通告 whose long paragraphs were all numbered items, one or two lines long: no line but those items' first
  lines was cut mid-sentence, and the margin was read at their width, 4 cells short of the page's
  (``clean._indented_margin``): a short paragraph under an item's last line was joined to it.
- ``RE_HELD_OPEN``/``RE_CLOSED_LATE`` are built from ``_NO_LINE_END``/``_NO_LINE_START`` (the same marks: a line breaker's):
  『 and [ at a line's end, 』 and . at the next one's start now hold a typed paragraph open too.
- a WeChat article's rule of bullets alone (``◆ ◆ ◆``) was a clause, and under the title cut the notice in two; a
  picture's caption (``▲ 图为…``) was a clause.
- a mail forwarded as text, each line quoted ``> ``: no heading, title or signature was read.
- a 版头's ``…办公室文件`` printed again at each page's top started a document of its own, cutting the paragraph over
  the page break in two.
- Hangul fillers and the Braille blank as a phone copy's indent (``ㅤㅤ一、检查范围``): no heading.
- two columns of running text copied across the page (``一、燃放时间      四、销售管理``): each line ran the columns'
  sentences together (``clean._two_columns`` reads the left column, then the right).

Read right as they were: item numbers on a line of their own over their titles; a phone copy indented with ideographic
and ASCII spaces mixed.
"""

from __future__ import annotations

import re

import pytest

from conftest import TEST_DATA, best_cpu_time
from genres_harness import all_clauses, phone_wrap
from test_genres import wrap
from policytag.corpus.clean import (_NO_LINE_END, _NO_LINE_START, RE_CLOSED_LATE, RE_HELD_OPEN, _held_open, classify,
                                    classify_lines, relined, visible, wrap_margin)
from policytag.corpus.segment import segment_text

DATA = TEST_DATA / "lines27"


def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _docs(text: str, name: str = "t.txt"):
    return segment_text(text, name)


def _clauses(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    return [(c.heading_path, c.kind, c.text) for _, cs in _docs(text) for c in cs]


# --- 1. a body run together on one line of a several-line text -------------------------------------------------------
HEAD = "松岩县应急管理局关于做好汛期安全生产工作的通知\n各乡镇人民政府，县直有关单位：\n"
FOOT = "\n松岩县应急管理局\n2027年6月1日\n"
RUN = ("入汛以来，我县降雨偏多，山洪、地质灾害风险上升。为做好汛期安全生产工作，现就有关事项通知如下：一、压实防汛责任。"
       "各乡镇要落实防汛责任人，明确每处隐患点的监测人员。二、重点任务（一）加强尾矿库管理。严禁超量蓄水。（二）加强"
       "在建工地管理。暴雨期间停止露天作业。三、工作要求。各乡镇要严格执行24小时值班制度，遇有险情及时报告。")


def test_a_run_together_line_of_a_several_line_text_is_cut_at_its_items():  # failed on main: one line
    lines = relined(HEAD + RUN + FOOT).split("\n")
    assert lines[2].endswith("现就有关事项通知如下：")
    assert "一、压实防汛责任。各乡镇要落实防汛责任人，明确每处隐患点的监测人员。" in lines
    assert lines[lines.index("二、重点任务") + 1] == "（一）加强尾矿库管理。严禁超量蓄水。"
    assert lines[-3:] == ["松岩县应急管理局", "2027年6月1日", ""]  # (the lines around it as they were)


def test_a_run_together_body_reads_as_typed():  # failed on main: a preamble of one paragraph
    typed = RUN.replace("：一、", "：\n一、").replace("。二、重点任务", "。\n二、重点任务\n").replace("。（二）", "。\n（二）")
    got = _clauses(HEAD + RUN + FOOT)
    assert got == _clauses(HEAD + typed.replace("。三、", "。\n三、") + FOOT)
    assert [p for p, _, _ in got if p] == [("二、重点任务",), ("二、重点任务",)]  # (一、…。 and 三、…。 head their clause)


@pytest.mark.parametrize("line", [
    # 一是…二是…: no item number
    "会议强调，各乡镇要切实扛起防汛责任。一是要压实责任，乡镇主要负责人要靠前指挥，落实到村到组到人。二是要加强监测，"
    "对隐患点实行二十四小时监测。三是要做好转移，提前确定转移路线和安置地点，确保群众安全。" * 2,
    # clauses listed after ：and ；: one number opening a sentence
    "生产经营单位有下列情形之一的，由县应急管理局责令限期改正，可以处五万元以下的罚款：（一）未按照规定设置安全生产管理机构"
    "或者配备安全生产管理人员的；（二）主要负责人和安全生产管理人员未按照规定经考核合格的；（三）未按照规定对从业人员进行安全"
    "生产教育和培训的；（四）未如实记录安全生产教育和培训情况的；（五）未将事故隐患排查治理情况如实记录的。",
])
def test_a_long_typed_paragraph_with_an_inline_enumeration_stays_one_line(line):
    text = HEAD + line + FOOT
    assert len(line) >= 150
    assert relined(text) is text


def test_a_short_line_with_items_stays_one_line():  # (tests/test_lines19.py's typed paragraph, in its own words)
    text = HEAD + "现将有关事项通知如下：一、检查范围。全县尾矿库。二、检查重点。排洪设施是否畅通。" + FOOT
    assert relined(text) is text


def test_a_one_line_notice_cuts_a_numbered_title_off_its_first_sub_item():  # failed on main: one heading
    one = (HEAD + RUN + FOOT).replace("\n", "")
    assert "二、重点任务\n（一）加强尾矿库管理。严禁超量蓄水。" in relined(one)


def test_run_together_lines_are_read_in_linear_time():
    def read(n: int) -> None:
        relined(HEAD + (RUN + "\n") * n + FOOT)

    small = max(best_cpu_time(read, 50), 0.002)
    assert best_cpu_time(read, 400, repeat=2) < 20 * small


# --- 2. the margin of a wrapped body whose long paragraphs are all numbered items -------------------------------------
NUMBERED = "l27_numbered_paragraphs.txt"


def _body(text: str) -> list[str]:
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[2:-2]  # (the title's two lines and the signature's)


@pytest.mark.parametrize("width", [28, 35, 40, 46, 52, 58, 60, 62, 64])
def test_the_margin_of_numbered_paragraphs_is_the_pages(width):  # failed on main: 52, 58, 60, 62, 64 (4 cells short)
    expected = width - width % 2  # (wide characters only: an odd width fills one cell short)
    assert wrap_margin(_body(wrap(_text(NUMBERED), width))) == expected


@pytest.mark.parametrize("width", [28, 30, 40, 46, 50, 60, 62, 64])
def test_numbered_paragraphs_wrapped_like_a_pdf_read_as_typed(width):  # failed on main: 62, 64
    text = _text(NUMBERED)
    assert all_clauses(_docs(wrap(text, width))) == all_clauses(_docs(text))


@pytest.mark.parametrize("width", [28, 32, 35, 40])
def test_numbered_paragraphs_on_a_phone_read_as_typed(width):
    text = _text(NUMBERED)
    assert all_clauses(_docs(phone_wrap(text, width))) == all_clauses(_docs(text))


@pytest.mark.parametrize("width", [
    pytest.param(32, marks=pytest.mark.xfail(strict=True, reason="an item's line closing its sentence exactly at the "
                                             "margin (…频次。 at 32 of 32) over a short closed line: nothing tells a "
                                             "paragraph's end from its last sentence (tests/test_lines28.py)")),
    36])
def test_an_items_last_line_closing_4_cells_short_ends_it(width):
    text = _text(NUMBERED)
    assert all_clauses(_docs(wrap(text, width))) == all_clauses(_docs(text))


# --- 3. one source for the marks a line breaker keeps off a line's start and end --------------------------------------
def test_the_held_open_marks_are_the_line_breakers():
    assert all(RE_HELD_OPEN.search("见" + mark) for mark in _NO_LINE_END)
    assert all(RE_CLOSED_LATE.match(mark + "等") for mark in _NO_LINE_START)
    assert not RE_HELD_OPEN.search("见附件。") and not RE_CLOSED_LATE.match("“回头看”")


@pytest.mark.parametrize("line, nxt, held", [
    ("详见『", "整改清单』。", True), ("按照[", "2027]3号文件执行。", True),  # failed on main: not held open
    ("以下简称『回头看", "』工作。", True), ("资金3", ".5亿元用于隐患治理。", True),  # failed on main
    ("逐一明确监测责任人（", "包括村组干部）。", True), ("落实到人。", "（二）加强监测。", False),  # (as they were)
])
def test_every_mark_a_line_may_not_end_or_open_with_holds_a_paragraph_open(line, nxt, held):
    assert _held_open(line, nxt) is held


# --- 4. pasted copies -------------------------------------------------------------------------------------------------
def test_a_wechat_copys_rules_and_captions_are_no_clauses():  # failed on main: two documents, four clauses of signs
    docs = _docs(_text("l27_wechat_decorations.txt"))
    assert len(docs) == 1
    doc, clauses = docs[0]
    assert (doc.title, doc.issuer, doc.date) == ("澄江县应急管理局关于开展“安全生产月”宣传咨询日活动的通知", "澄江县应急管理局",
                                                "2027-06-10")
    assert [c.heading_path for c in clauses][1:] == [("一、活动时间和地点",), ("二、参加单位",)] + [("三、活动内容",)] * 3 + [
        ("四、工作要求",)]
    assert not any("◆" in c.text or "图为" in c.text for c in clauses)


@pytest.mark.parametrize("raw, kind", [
    ("◆ ◆ ◆", "url"), ("◆◆◆◆◆◆", "url"), ("★★★", "url"), ("▲ 图为检查组在企业检查", "url"), ("△图片：县应急管理局", "url"),
    ("★★★级旅游景区要加强管理。", "text"), ("▲加强汛期值守。", "text"), ("◆ 加强汛期值守。", "text"),
])
def test_a_line_of_bullets_alone_or_a_pictures_caption_is_furniture(raw, kind):  # failed on main: the first five
    assert classify(raw, 1).kind == kind


def test_a_mail_quoting_the_notice_reads_the_notice():  # failed on main: no heading, title or signature
    docs = _docs(_text("l27_mail_quoted.txt"))
    assert len(docs) == 1
    doc, clauses = docs[0]
    assert (doc.title, doc.issuer, doc.date) == ("鹭汀市应急管理局关于做好高温天气安全防范工作的通知", "鹭汀市应急管理局", "2027-07-01")
    assert [c.heading_path for c in clauses][1:] == [("一、加强高温作业安全管理",), ("二、强化危险化学品安全管理",),
                                                    ("三、做好用电安全检查",), ("四、严格值班值守",)]
    assert not any(">" in c.text for c in clauses)


@pytest.mark.parametrize("text, read", [
    ("> 一、加强管理\n> 各区要落实。", "一、加强管理\n各区要落实。"), (">> 一、加强管理\n>\n> > 各区要落实。", "一、加强管理\n\n各区要落实。"),
    (">5人的班组\n各区要落实。", ">5人的班组\n各区要落实。"),  # a line of its own opening with > keeps it
    (">90分　优秀\n>80分　良好\n>60分　合格", ">90分　优秀\n>80分　良好\n>60分　合格"),  # a scoring table's rows
])
def test_a_mails_quoting_marks_are_off_its_quoted_lines(text, read):
    assert visible(text) == read


def test_a_redhead_repeated_at_each_pages_top_is_a_running_head():  # failed on main: three documents
    docs = _docs(_text("l27_running_heads.txt"))
    assert len(docs) == 1
    clauses = [(c.heading_path, c.text) for c in docs[0][1]]
    assert (("三、主要任务",), "（二）整治燃气管道设施。市住房和城乡建设局要组织燃气企业对老旧管网开展检测评估，对存在腐蚀、泄漏等"
            "问题的管道及时更新改造，对违规占压管道的建（构）筑物依法拆除。") in clauses
    assert [p for p, _ in clauses if p] == [("一、工作目标",), ("二、整治范围",)] + [("三、主要任务",)] * 3 + [
        ("四、工作步骤",)] * 3 + [("五、保障措施",)]


def test_hangul_fillers_and_braille_blanks_indent_as_spaces():  # failed on main: no heading
    got = _clauses(_text("l27_invisible_indents.txt"))
    assert [p for p, _, _ in got if p] == [("一、检查范围",)] + [("二、检查内容",)] * 3 + [("三、工作要求",)]
    assert not any(re.search("[\u3164\u2800\u200b\u00ad\u2060\ufeff]", t) for _, _, t in got)
    assert visible("\u3164\u3164一、检查范围\u2800") == "\u3000\u3000一、检查范围 "


def test_item_numbers_on_lines_of_their_own_head_their_titles():
    text = _text("l27_numbers_alone.txt")
    typed = re.sub(r"(?m)^((?:[一二三四五六七八九十]、|（[一二三四五六七八九十]）|\d\.))\n", r"\1", text)
    assert typed.count("\n") < text.count("\n")
    assert _clauses(text) == _clauses(typed)
    assert [p for p, _, _ in _clauses(text) if p][-3:-1] == [("二、检查内容", "（三）驾驶员管理情况")] * 2


def test_a_phone_copy_indented_with_ideographic_and_ascii_spaces_mixed_reads_as_typed():
    text = _text("l27_mixed_indents.txt")
    lines = [line for line in classify_lines(text) if line.kind == "text"]
    assert sum(line.indent for line in lines) >= 4
    got = [t for _, _, t in _clauses(text)]
    assert got[1:] == ["一、各街道要立即组织力量对辖区危房、工棚、广告牌等开展排查，及时转移危险区域人员。",
                       "二、建筑工地要停止高空作业和塔吊作业，做好临时设施加固。",
                       "三、各单位要严格执行24小时值班制度，确保通讯畅通，遇有险情要第一时间报告。"]


def test_two_columns_copied_across_the_page_read_column_by_column():  # failed on main: headings run together
    got = _clauses(_text("l27_two_columns.txt"))
    assert [p for p, _, _ in got if p] == [("一、燃放时间",), ("二、禁放区域",), ("三、禁止行为",), ("四、销售管理",),
                                          ("五、法律责任",), ("六、施行日期",)]
    assert (("三、禁止行为",), "clause", "禁止向行人、车辆、建筑物投掷点燃的烟花爆竹。") in got


@pytest.mark.parametrize("block", [
    "组　长：王明　　　　　县政府副县长\n副组长：李强　　　　　县应急管理局局长\n成　员：赵刚　　　　　县公安局副局长",  # a roster
    "检查时间    2027年6月\n检查地点    县城中心广场\n检查人员    县应急管理局",  # a form's fields
    "鹭汀市应急管理局    鹭汀市公安局\n2027年6月1日",  # joint organs
])
def test_lines_with_a_wide_gap_that_are_no_two_columns_stay(block):
    # (read as two columns, each line would be two: the left part's and the right part's)
    assert len(classify_lines(block)) == block.count("\n") + 1
