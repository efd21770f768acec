"""clean26: the line layer's open gaps of round 1 (corpus/clean.py), each read right now by one rule per kind of line.

Cases written for these tests (invented places, organs and people; no sentence copied or paraphrased from a real
document); what each must read as was written down first in tests/data/clean26/EXPECTED.md. Each test below failed on
main's code but the guards (marked so), which read right there and must stay so.

- a flowchart drawn with box characters (``┌──┐`` / ``│ 接报 │`` / ``└─┬─┘`` around ``↓`` lines, or boxes side by side
  with arrows between them) was one preamble clause: a run of drawn lines holding an arrow is a chart (``_drawn_charts``);
  a table drawn with box characters and no arrow between its boxes is read as before;
- a news article's byline in brackets (``（编辑：李青　审核：王岩）``) was a clause, and wrapped, the paragraph's end: page
  furniture now (``RE_BYLINE``);
- a place's ``…工作专班`` signing over the date was a clause and no issuer: it signs as a 领导小组 does (``_placed_organ``);
- a ``¹`` / ``[1]`` footnote line after a note ending a few cells short of the margin was that note's end: it opens a
  paragraph after a closed sentence, as an item does (``RE_FOOTNOTE_LINE``);
- a joint title whose first organs stand on the line over the title line its last organ opens was a header over that
  title (title and issuer the last organ's only): one title (``_joint_titles``);
- a 关于 title's first line of more than 40 characters (a title wrapped at 100 cells) was body text, and a built title
  replaced the title: up to 60 characters when the lines make a 关于 title (``_title_first_line``).
"""

from __future__ import annotations

import pytest

from policytag.corpus.clean import classify, classify_lines, display_width, join_paragraphs
from policytag.corpus.segment import segment_text
from test_genres import wrap


def _read(text: str) -> list:
    return [((d.title, d.issuer, d.date), [(c.heading_path, c.kind, c.text) for c in cs])
            for d, cs in segment_text(text, "inline.txt")]


# --- 1. flowcharts drawn with box characters -----------------------------------------------------------------------
PLAN = ("岩溪县生产安全事故应急预案\n\n1 总则\n为规范生产安全事故应急处置工作，制定本预案。\n2 信息报告\n"
        "事故发生单位应当在1小时内向县应急管理局报告。\n\n附件\n生产安全事故信息报告流程图\n{chart}\n")
DOWN = ("┌────────────┐\n│  接到事故报告  │\n└─────┬──────┘\n        ↓\n┌────────────┐\n│ 值班室核实情况 │\n"
        "└─────┬──────┘\n        ↓\n  是否属于较大以上事故 → 是 → 报告市应急管理局\n        ↓ 否\n┌────────────┐\n"
        "│  县级组织处置  │\n└────────────┘")
SIDEWAYS = ("┌──────┐  ┌──────┐  ┌──────┐\n│ 接到事故报告 │→│ 值班室核实 │→│ 县级组织处置 │\n"
            "└──────┘  └──────┘  └──────┘")


WIDE = DOWN.replace("────────────", "─" * 40)  # (boxes as wide as the page: borders of 42 characters)


@pytest.mark.parametrize("chart", [DOWN, DOWN.replace("\n", "\n\n"), SIDEWAYS, WIDE], ids=["down", "spaced", "sideways", "wide"])
def test_a_flowchart_drawn_with_box_characters_is_no_clause(chart):
    (_, clauses), = _read(PLAN.format(chart=chart))
    assert clauses == [(("1 总则",), "clause", "为规范生产安全事故应急处置工作，制定本预案。"),
                       (("2 信息报告",), "clause", "事故发生单位应当在1小时内向县应急管理局报告。")]


TABLE = ("┌──────┬──────┬──────┐\n│ 乡镇 │ 检查企业数 │ 同比 │\n├──────┼──────┼──────┤\n"
         "│ 白沙镇 │ 12 │ ↑3 │\n│ 青石乡 │ 8 │ ↓1 │\n└──────┴──────┴──────┘")


def test_a_table_drawn_with_box_characters_and_no_arrow_between_boxes_is_no_chart():
    # guard (read so on main): an arrow inside a cell (↑3: up by three) is a cell's text, no chart's
    assert "chart" not in [line.kind for line in classify_lines(PLAN.format(chart=TABLE))]


# --- 2. a news article's byline ------------------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["（编辑：李青　审核：王岩）", "(责任编辑：张某)", "（来源：县应急管理局　作者：刘某）",
                                  "（文字：赵某　摄影：钱某）", "（编辑：李青，审核：王岩）"])
def test_a_bracketed_byline_is_page_furniture(line):
    assert classify(line, 1).kind == "url"


@pytest.mark.parametrize("line, kind", [
    ("责任编辑：张某", "url"), ("来源：县应急管理局 作者：刘某", "url"),  # (unbracketed: read so on main)
    ("（联系人：王某，电话：0999-1234567）", "contact"),
    ("（编辑：本条由县应急管理局负责解释。）", "text"),  # a sentence in brackets is no byline
    ("（一）加强组织领导。", "text"),
])
def test_lines_like_a_byline_keep_their_kind(line, kind):
    # guards
    assert classify(line, 1).kind == kind


NEWS = ("岩溪县召开汛期安全生产调度会\n发布时间：2027-06-08 09:20　来源：岩溪县应急管理局\n"
        "近日，岩溪县召开汛期安全生产调度会，分析研判汛期安全生产形势，部署下一阶段防汛和安全生产重点工作。\n"
        "会议要求，各乡镇要加强山洪地质灾害隐患点巡查，发现险情立即组织群众转移避险，确保人员安全。\n"
        "会议强调，各部门要严格执行领导带班和24小时值班制度，确保信息畅通、处置及时。\n"
        "县防汛抗旱指挥部各成员单位负责人参加会议。\n（编辑：孙晓　审核：钱塘）\n")


@pytest.mark.parametrize("width", [None, 60, 80])
def test_a_news_byline_is_no_clause_and_joins_no_paragraph(width):
    text = NEWS if width is None else wrap(NEWS, width)
    (_, clauses), = _read(text)
    assert clauses[-1][2] == "县防汛抗旱指挥部各成员单位负责人参加会议。"
    assert not [t for _, _, t in clauses if "编辑" in t]


# --- 3. a 工作专班 signing ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, kind", [
    ("榆岭县城镇燃气安全专项整治工作专班", "issuer"), ("澄河市自建房安全专项整治工作专班", "issuer"),
    ("澄河市自建房安全专项整治工作专班办公室", "issuer"),  # (its office: an issuer on main too)
    ("县政府决定成立城镇燃气安全专项整治工作专班", "text"), ("各乡镇要组建工作专班", "text"),  # guards
])
def test_a_work_team_signature_is_an_issuer_line(line, kind):
    assert classify(line, 1).kind == kind


def test_a_notice_signed_by_a_work_team_has_it_as_issuer():
    text = ("关于开展自建房安全隐患排查的通知\n\n各镇人民政府、各街道办事处：\n为做好自建房安全隐患排查工作，现通知如下：\n"
            "一、全面开展排查。\n二、及时报送情况。\n\n澄河市自建房安全专项整治工作专班\n2027年3月2日\n")
    (meta, clauses), = _read(text)
    assert meta == ("关于开展自建房安全隐患排查的通知", "澄河市自建房安全专项整治工作专班", "2027-03-02")
    assert [t for _, _, t in clauses if "专班" in t] == []


# --- 4. a footnote line after a note, wrapped ----------------------------------------------------------------------
NOTE = "注2：本表适用于管道燃气和瓶装燃气经营企业。"


@pytest.mark.parametrize("footnote", ["¹ 含瓶装燃气供应站点。", "²³ 含瓶装燃气供应站点。", "[1] 考核由县应急管理局组织实施。"])
def test_a_footnote_line_after_a_note_short_of_the_margin_is_a_paragraph(footnote):
    # the note stops 4 cells short of the margin (a wrap would have moved no word of the footnote up)
    margin = display_width(NOTE) + 4
    assert join_paragraphs([NOTE, footnote], margin) == [NOTE, footnote]


def test_a_line_cut_before_a_reference_mark_goes_on():
    # guard: the mark after a word, moved to the next line by the cut, opens no footnote
    head = "1.企业取得燃气经营许可证，且许可证在有效期内，经营场所符合规定要求的许可证"
    assert join_paragraphs([head, "¹，且在有效期内。"], display_width(head)) == [head + "¹，且在有效期内。"]


# --- 5. a joint title over three lines -----------------------------------------------------------------------------
BODY = ("\n\n各县（市、区）应急管理局：\n为做好安全防范工作，现通知如下：\n一、落实主体责任。\n二、加强值班值守。\n\n"
        "{sig}\n2027年5月17日\n")
TITLE = "关于开展危险货物道路运输安全联合检查的通知"


@pytest.mark.parametrize("head, title, issuer", [
    ("澄河市应急管理局澄河市公安局\n澄河市交通运输局关于开展危险货物\n道路运输安全联合检查的通知",
     "澄河市应急管理局澄河市公安局澄河市交通运输局" + TITLE, "澄河市应急管理局、澄河市公安局、澄河市交通运输局"),
    ("澄河市应急管理局　　澄河市公安局\n澄河市交通运输局" + TITLE,
     "澄河市应急管理局澄河市公安局澄河市交通运输局" + TITLE, "澄河市应急管理局、澄河市公安局、澄河市交通运输局"),
    ("岩溪县应急管理局\n岩溪县消防救援大队" + TITLE, "岩溪县应急管理局岩溪县消防救援大队" + TITLE,
     "岩溪县应急管理局、岩溪县消防救援大队"),
], ids=["three-lines", "organs-apart", "one-organ-over"])
def test_a_joint_title_whose_first_organs_stand_over_it_is_one_title(head, title, issuer):
    (meta, clauses), = _read(head + BODY.format(sig="澄河市应急管理局"))
    assert meta[:2] == (title, issuer) and len(clauses) == 3


@pytest.mark.parametrize("head", [
    "澄河市应急管理局\n澄河市应急管理局" + TITLE,  # a header naming the title's own organ
    "澄河市应急管理局澄河市公安局文件\n澄河市交通运输局" + TITLE,  # a red-letter header
    "澄河市应急管理局澄河市公安局\n\n澄河市交通运输局" + TITLE,  # set apart by a blank line
], ids=["own-organ", "wenjian", "blank-between"])
def test_a_header_over_a_title_stays_a_header(head):
    # guards (read so on main)
    (meta, _), = _read(head + BODY.format(sig="澄河市应急管理局"))
    assert meta[0] == head.rsplit("\n", 1)[-1]


def test_a_signature_after_the_body_does_not_join_the_next_notices_title():
    # guard: an organ after body text (no date under it) signs the notice above, the title under it opens the next
    first = ("澄河市应急管理局关于做好汛期安全工作的通知\n\n各县（市、区）应急管理局：\n为做好汛期安全防范工作，现通知如下：\n"
             "一、落实主体责任。\n二、加强值班值守。\n澄河市应急管理局\n")
    docs = _read(first + "澄河市公安局" + TITLE + BODY.format(sig="澄河市公安局"))
    assert [meta[:2] for meta, _ in docs] == [("澄河市应急管理局关于做好汛期安全工作的通知", "澄河市应急管理局"),
                                              ("澄河市公安局" + TITLE, "澄河市公安局")]


# --- 6. a 关于 title's wide first line ------------------------------------------------------------------------------
FORWARD = "澄河市安全生产委员会办公室关于转发省安委办关于进一步加强城镇燃气和危险化学品安全监管工作的通知的通知"


@pytest.mark.parametrize("cut", [41, 43, 45, 48, 49])  # (first lines of 41 to 49 characters, none a title alone)
def test_a_title_wrapped_at_a_wide_margin_keeps_its_first_line(cut):
    text = FORWARD[:cut] + "\n" + FORWARD[cut:] + BODY.format(sig="澄河市安全生产委员会办公室")
    (meta, clauses), = _read(text)
    assert meta[:2] == (FORWARD, "澄河市安全生产委员会办公室") and len(clauses) == 3


def test_a_long_line_that_makes_no_title_stays_text():
    # guard: 50 characters with no 关于 over a short line: body text, not a title's first line
    long_line = "澄河市应急管理局组织全市危险化学品企业开展安全生产标准化建设工作推进会议现场观摩活动情况的报告会议纪要"
    lines = classify_lines(long_line + "\n附件材料\n")
    assert [line.kind for line in lines[:2]] != ["title", "blank"]
