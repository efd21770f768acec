"""genres13: segmentation of what other governments publish (session 13).

Notices written for these tests (tests/data/genres13/; invented places and organs, no sentence copied or
paraphrased from a real document). Each expected reading was written down in tests/data/genres13/EXPECTED.md
from the notice before running the segmenter on it.

What was wrong and is now read right (corpus/segment.py, corpus/clean.py):
- a notice that sends a text without it in the file: the covering sentence (``现将《…》印发给你们，``) and the
  request after it (``请结合实际，认真贯彻落实。``) read as clauses when a paragraph before them did not open as
  an opening does (``汛期临近，…`` / ``方案已经县政府常务会议研究同意。``): the paragraphs up to the covering
  sentence lead up to the text it sends and are the preamble; a request adding what it should achieve
  (``…认真抓好贯彻落实，确保各项工作落到实处。``) is the request too.
- ``_full_name`` compared the title's organ with the signature's before spelling abbreviations out:
  ``云岫镇安委会关于…`` signed ``青石县云岫镇安全生产委员会`` kept the short name (region 云岫镇).
- a title wrapped before its last words (``…工作意见`` / ``的通知``; ``关于《…（征求意见稿）`` / ``》的起草说明``)
  read its tail as a clause or as a title of its own (the 起草说明 after an unsigned draft lost its title); over
  three lines (``…转发市安`` / ``委办关于…工作`` / ``的通知``), the last two joined and the first left over.
- a copy from a phone (wrapped at 35 cells): a quoted name ending a line right under the addressee
  (``《…方案》`` / ``已经县安委会同意，…``) read as a title line and was lost from the body.
- wrapped like a PDF: a body of articles whose only cut lines are articles' first lines (``第一条　…，``) read
  its margin 4 cells short, so the decree's announcement above the rules (two lines, its first cut
  mid-sentence) split; a notice whose opening's first line ends its sentence at the margin, another
  paragraph's first line cut there too, read its margin 4 cells too wide and split the opening.
"""

from __future__ import annotations

import pytest

from policytag.corpus.segment import segment_text
from conftest import TEST_DATA
from genres_harness import GenreSet, phone_wrap  # noqa: F401 (phone_wrap: imported from here by older tests)
from test_genres import wrap

DATA13 = TEST_DATA / "genres13"
DATA12 = TEST_DATA / "genres12"


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for _, cs in segment_text(text, "inline.txt") for c in cs]


# --- a covering notice without its enclosure ---------------------------------------------------------
HEAD = "鹤沙县人民政府办公室关于印发《鹤沙县2027年防汛安全检查方案》的通知\n\n各乡镇人民政府，县直有关单位：\n"
SIGNED = "\n鹤沙县人民政府办公室\n2027年5月6日\n"
COVER = "现将《鹤沙县2027年防汛安全检查方案》印发给你们，"


@pytest.mark.parametrize("letter", [
    # an opening that does not open as one (no 为…/根据…/近日…)
    ["汛期临近，全县防汛形势严峻复杂。", COVER, "请结合实际，认真贯彻落实。"],
    ["县政府研究制定了《鹤沙县2027年防汛安全检查方案》。", "现将方案印发给你们，", "请结合实际，认真贯彻落实。"],
    # an opening of two paragraphs, the second not opening as one
    ["为做好2027年防汛安全工作，县政府研究制定了检查方案。", "方案已经县政府第12次常务会议研究同意。", COVER,
     "请结合实际，认真贯彻落实。"],
    # a request saying what carrying the text out should achieve
    [COVER, "请结合实际，认真抓好贯彻落实，确保各项检查工作落到实处。"],
])
@pytest.mark.parametrize("width", [None, 70, 90])
def test_a_covering_letter_without_its_enclosure_is_all_preamble(letter, width):
    # written first: every paragraph of the letter, up to and with the request to carry the text out, is the
    # preamble (docs/segmentation.md: the covering sentence and the request after it are the notice's preamble)
    text = HEAD + "\n".join(letter) + "\n" + SIGNED
    read = _kinds(text if width is None else wrap(text, width))
    assert {kind for kind, _ in read} == {"preamble"}
    assert "".join(t for _, t in read) == "".join(letter)


def test_a_task_after_the_covering_letter_stays_a_clause():
    # guard: only the letter is the preamble; a task of its own after it is a clause, and a letter's first
    # paragraph with a lead of its own (a duty list's 区应急管理局：负责…) is no opening
    text = HEAD + "汛期临近，全县防汛形势严峻复杂。\n" + COVER + "请结合实际，认真贯彻落实。\n各乡镇要于5月10日前报送自查方案。\n" + SIGNED
    assert [k for k, _ in _kinds(text)] == ["preamble", "preamble", "clause"]
    duty = HEAD + "县应急管理局：负责全县防汛安全检查的综合协调。\n" + COVER + "请结合实际，认真贯彻落实。\n" + SIGNED
    assert [k for k, _ in _kinds(duty)][0] == "clause"


# --- the title's organ by its signature's full name ----------------------------------------------------
@pytest.mark.parametrize("title_organ, signed", [
    ("云岫镇安委会", "青石县云岫镇安全生产委员会"),
    ("云岫镇安全生产委员会", "青石县云岫镇安委会"),
])
def test_the_titles_organ_takes_the_signatures_full_name_spelt_out(title_organ, signed):
    # written first: one committee, named short in the title and in full (its county above it) in the signature
    text = (f"{title_organ}关于开展汛期安全隐患排查的通知\n\n各村（社区），镇属有关单位：\n"
            "为做好汛期安全防范工作，现就开展隐患排查有关事项通知如下：\n一、各村要在6月10日前完成自查。\n"
            f"二、镇应急办要对重点部位逐一检查。\n\n{signed}\n2027年6月1日\n")
    (doc, _), = segment_text(text, "inline.txt")
    assert (doc.issuer, doc.region, doc.level) == ("青石县云岫镇安全生产委员会", "青石县云岫镇", "department")


# --- titles wrapped before their last words ----------------------------------------------------------
def test_a_draft_notes_title_wrapped_at_60_cells_is_kept():
    # written first: the two documents and their titles as unwrapped (tests/test_genres12.py)
    text = wrap((DATA12 / "g12_draft_with_notes.txt").read_text(encoding="utf-8"), 60)
    assert [d.title for d, _ in segment_text(text, "g12_draft_with_notes.txt")] == [
        "岚溪市电动自行车停放充电安全管理办法（征求意见稿）",
        "关于《岚溪市电动自行车停放充电安全管理办法（征求意见稿）》的起草说明"]


def test_a_title_wrapped_before_its_genre_word_is_one_title():
    text = ("鹤沙县人民政府办公室转发县应急管理局关于加强汛期尾矿库安全管理工作意见\n的通知\n\n各乡镇人民政府，县直有关单位：\n"
            "县应急管理局《关于加强汛期尾矿库安全管理工作的意见》已经县政府同意，现转发给你们，请认真贯彻执行。\n\n"
            "鹤沙县人民政府办公室\n2027年6月3日\n")
    (doc, clauses), = segment_text(text, "inline.txt")
    assert doc.title == "鹤沙县人民政府办公室转发县应急管理局关于加强汛期尾矿库安全管理工作意见的通知"
    assert [(c.kind, c.text[:6]) for c in clauses] == [("preamble", "县应急管理局")]


# --- new genres: notices written for these tests (readings in tests/data/genres13/EXPECTED.md) ------------
# file: ((title, issuer, region, level, genre, year, date), [(heading path, kind, start of the clause)])
G13 = {
    "g13_rectification_plan.txt": (
        ("檀溪县应急管理局关于市安全生产巡查反馈问题的整改方案", "檀溪县应急管理局", "檀溪县", "county", "special_plan", 2027,
         "2027-07-12"), [
            ((), "preamble", "根据市安全生产巡查组2027年7月5日反馈的意见"),
            (("一、整改目标",), "clause", "9月30日前，反馈的4个问题"),
            (("二、问题及整改措施",), "clause", "（一）问题：危险化学品企业重大危险源包保责任落实不到位。整改措施：逐企核定"),
            (("二、问题及整改措施",), "clause", "（二）问题：执法检查计划执行率偏低。整改措施：调整年度执法计划"),
            (("二、问题及整改措施",), "clause", "（三）问题：应急预案演练流于形式。整改措施：组织开展无脚本实战演练"),
            (("三、工作要求",), "clause", "各股室要把巡查反馈问题整改"),
        ]),
    "g13_year_end_summary.txt": (
        ("栖梧市应急管理局2027年工作总结", "栖梧市应急管理局", "栖梧市", "city", "report", 2027, "2027-12-20"), [
            ((), "preamble", "2027年，市应急管理局坚持人民至上"),
            (("一、主要工作成效",), "clause", "（一）安全责任体系更加健全。一是修订"),
            (("一、主要工作成效",), "clause", "（二）重点领域整治成效明显。一是完成"),
            (("二、存在的问题",), "clause", "一是基层监管力量薄弱"),
            (("三、2028年工作打算",), "clause", "（一）深化治本攻坚。"),
            (("三、2028年工作打算",), "clause", "（二）提升应急能力。"),
        ]),
    "g13_circled_items.txt": (
        ("蓼湾区安全生产委员会办公室关于做好国庆节期间安全防范工作的通知", "蓼湾区安全生产委员会办公室", "蓼湾区", "county", "other",
         2027, "2027-09-20"), [
            ((), "preamble", "国庆节即将到来"),
            ((), "clause", "①开展节前安全检查。各街道要在9月28日前"),
            ((), "clause", "②加强道路交通管控。"),
            ((), "clause", "③严格值班值守。"),
        ]),
    "g13_plain_arabic_items.txt": (
        ("柘川县应急管理局关于开展有限空间作业专项检查的通知", "柘川县应急管理局", "柘川县", "county", "other", 2027,
         "2027-07-03"), [
            ((), "preamble", "近期，外地连续发生有限空间作业"),
            ((), "clause", "1、检查范围："),
            ((), "clause", "2、检查内容："),
            ((), "clause", "3、时间安排："),
            ((), "clause", "4、工作要求："),
        ]),
    "g13_exec_meeting_minutes.txt": (
        ("霁南县人民政府第28次常务会议纪要", "霁南县人民政府", "霁南县", "county", "minutes", 2027, "2027-08-16"), [
            ((), "preamble", "2027年8月14日，县长周某某主持召开"),
            (("一、关于全县汛期安全生产工作情况的汇报",), "clause", "会议听取了"),
            (("二、关于《霁南县城镇燃气安全专项整治实施方案》的审议",), "clause", "会议原则同意"),
        ]),
    "g13_duty_list_posts.txt": (
        ("鹤沙县乡镇（街道）安全生产责任清单", None, "鹤沙县", "county", "duty_list", None, None), [
            (("一、乡镇（街道）党（工）委书记",), "clause", "1.把安全生产纳入"),
            (("一、乡镇（街道）党（工）委书记",), "clause", "2.督促党（工）委班子成员"),
            (("二、乡镇长（街道办事处主任）",), "clause", "1.组织制定年度安全生产工作计划"),
            (("二、乡镇长（街道办事处主任）",), "clause", "2.每月至少带队"),
            (("三、分管安全生产负责人",), "clause", "1.协助主要负责人"),
            (("三、分管安全生产负责人",), "clause", "2.组织开展安全生产宣传教育"),
        ]),
    "g13_power_list.txt": (
        ("霁南县应急管理局安全生产权责清单", "霁南县应急管理局", "霁南县", "county", "duty_list", None, None), [
            (("一、行政处罚",), "clause", "1.对生产经营单位未按规定配备安全生产管理人员的处罚；实施依据："),
            (("一、行政处罚",), "clause", "2.对未按规定对从业人员进行安全生产教育和培训的处罚；实施依据："),
            (("二、行政检查",), "clause", "3.对生产经营单位执行安全生产法律法规情况的监督检查；实施依据："),
        ]),
    "g13_drill_plan.txt": (
        ("岚溪市2027年危险化学品事故应急演练方案", None, "岚溪市", "city", "special_plan", 2027, None), [
            ((), "preamble", "为检验危险化学品事故应急预案"),
            (("一、演练时间和地点",), "clause", "时间：2027年6月16日上午9时。"),
            (("一、演练时间和地点",), "clause", "地点：岚溪化工园区"),
            (("二、演练科目",), "clause", "储罐区液氨泄漏事故应急处置。"),
            (("三、演练程序",), "clause", "第一阶段：信息报告。"),
            (("三、演练程序",), "clause", "第二阶段：应急响应。"),
            (("三、演练程序",), "clause", "第三阶段：现场处置。"),
            (("四、工作要求",), "clause", "各参演单位要高度重视"),
        ]),
    "g13_phone_copy.txt": (
        ("青石县人民政府办公室关于切实做好高温天气安全生产工作的紧急通知", "青石县人民政府办公室", "青石县", "county", "other", 2027,
         "2027-07-18"), [
            ((), "preamble", "近日我县持续高温，企业生产经营和群众生活用电用气量大幅增加，火灾、中暑等风险明显上升。"
                             "为切实做好高温天气安全防范工作，现将有关事项紧急通知如下："),
            ((), "clause", "一、加强高温作业管理。各建筑施工企业要合理调整作业时间，中午11时至15时停止露天高处作业。"),
            ((), "clause", "二、强化消防安全检查。县消防救援大队要对商场、仓库、出租房开展夜查，督促整改电气线路老化问题。"),
            ((), "clause", "三、严格信息报送。各乡镇发生险情要第一时间报告县政府总值班室，不得迟报、漏报、瞒报。"),
        ]),
}
# each problem's and each power's keyed lines stay in its clause; the agencies its 责任单位： line names
AGENCIES = {"g13_rectification_plan.txt": [(), (), ("危险化学品监管股",), ("执法大队",), ("应急指挥中心",), ()]}

# readings still wrong, read in files genres13 does not own (strict: a fix shows as an XPASS to turn into a
# plain test): (test, file) -> the file that reads it and what it reads
# (session 13: the minutes titled 霁南县人民政府第28次常务会议纪要, signed by the office, read the office as issuer
# until metadata.py d329e06: the government whose meeting it was)
KNOWN_GAPS: dict[tuple[str, str], str] = {}
# each notice wrapped like a PDF at 60…100 cells reads as it does unwrapped (the phone copy is wrapped already)
WRAP_MISS: set[tuple[str, int]] = set()
# (empty since session 14: the minutes' item title wrapped over two lines, 一、关于…情况的 / 汇报, ran into the indented
# paragraph under it; clean._numbered_title now ends such a title at the indented line under it)
PHONE_MISS: set[str] = set()
SET13 = GenreSet(DATA13, G13, KNOWN_GAPS, WRAP_MISS, PHONE_MISS, unwrapped={"g13_phone_copy.txt"})


def _read(name: str, text: str | None = None):
    return SET13.read(name, text)


def test_every_notice_is_listed_and_has_its_reading_written_down():
    SET13.check_listed()


@pytest.mark.parametrize("name", SET13.known("reading"))
def test_document_reading(name):
    SET13.check_reading(name)


@pytest.mark.parametrize("name", SET13.known("clauses"))
def test_clauses_heading_paths_and_kinds(name):
    SET13.check_clauses(name)


@pytest.mark.parametrize("name", sorted(AGENCIES))
def test_keyed_lines_stay_in_their_entry_and_name_its_agencies(name):
    (_, clauses), = _read(name)
    assert [c.agencies for c in clauses] == AGENCIES[name]


def test_a_powers_grounds_and_duties_are_its_clause():
    (_, clauses), = _read("g13_power_list.txt")
    assert all("实施依据：" in c.text and "责任事项：" in c.text for c in clauses)


@pytest.mark.parametrize("name, width", SET13.wrap_params())
def test_same_clauses_when_wrapped_like_a_pdf(name, width):
    SET13.check_wrapped(name, width)


# --- a copy from a phone: hard wraps at 35 cells, first lines indented by full-width spaces ---------------
PHONE_COVER = ("栖梧县安全生产委员会办公室转发市安\n委办关于做好中秋国庆期间安全防范工作\n的通知\n\n"
               "各乡镇安委会，县安委会各成员单位：\n"
               "　　《栖梧县中秋国庆期间安全检查方案》\n已经县安委会同意，现印发给你们，请\n认真组织实施。\n\n"
               "栖梧县安全生产委员会办公室\n2027年9月15日\n")


def test_a_phone_copy_keeps_its_title_over_three_lines_and_the_quoted_name_under_the_addressee():
    # written first: the title's three lines are one title (its last line 的通知 alone); the body's first line,
    # the quoted name cut where it ends, opens the one paragraph of the letter, which is its preamble
    (doc, clauses), = segment_text(PHONE_COVER, "phone.txt")
    assert doc.title == "栖梧县安全生产委员会办公室转发市安委办关于做好中秋国庆期间安全防范工作的通知"
    assert [(c.kind, c.text) for c in clauses] == [
        ("preamble", "《栖梧县中秋国庆期间安全检查方案》已经县安委会同意，现印发给你们，请认真组织实施。")]


@pytest.mark.parametrize("name", SET13.phone_params())
def test_same_clauses_when_copied_from_a_phone(name):
    SET13.check_phone(name)
