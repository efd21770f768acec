"""Document metadata of what other governments publish (session 10, meta9): web copies with a 信息公开
box, joint and sub-county issuers, the 兵团's regiments, a ministry's 司, 特急/明电 headers, dates in every
form, speeches' outlines and key points, reports titled 汇报, press Q&As, quantities in titles and a web
copy deduplicated against its .docx. Documents written for these tests (tests/data/metadata9/*.txt;
invented places and organs, no sentence copied or paraphrased from a real document); each expected
reading was written down before running ``policytag segment`` on the document.

What was wrong and is now read right (corpus/metadata.py, corpus/dedup.py):
- ``在全市防汛工作会议上的讲话要点`` read ``work_points`` (``要点$``): a speech's 讲话要点 / 讲话提纲 /
  讲话稿 and a chair's 主持词 are ``speech``; ``关于…情况的汇报`` is a ``report``; ``…就《…办法》答记者问``
  and ``《…》政策问答`` are an ``interpretation`` (they read ``other``); so are the drafters' ``关于《…条例（草案）》的说明``
  and a ``…起草说明``; a ``行政处罚决定书`` is a ``decision``; ``…2024年工作总结和2025年工作计划`` read ``work_points``
  (a year's 工作计划) and is a ``report`` (a summary with the next year's plans, as docs/segmentation.md's 工作打算).
- ``…关于开展储存量2000吨以上危险化学品仓库安全检查的通知`` signed 2025 read year 2000: a figure with a unit
  (吨, 家, 万元…) or inside a longer number is a quantity, no year.
- ``柘州省应急管理厅`` read region 柘州 at level ``city``, ``蓼乡县`` region 蓼乡 at ``department``: a place
  match stopped at the 州 or 乡 inside a name; the tier character right after it (州: 省市区, 乡: 市县区) now
  ends the name (also 县: 区, 梅县区).
- ``国家税务总局柘川市税务局`` (signing a joint notice) read as two organs, 国家税务总局 and 柘川市税务局: a
  central administration's branch named by its place and trade is one organ, ``central`` as 国家矿山安全监察局山西局,
  its region the place.
- ``共青团柘川市委`` read region ``共青团柘川市``: the youth league's name opens with its organisation, as 中共's.
- ``policytag segment DIR`` with a web copy (.txt) and the .docx of one notice keeps the .txt (the faithful
  format) but lost the number and signing date only the .docx showed: the kept copy now takes the number and
  date it lacks from the copy it replaces (what it shows itself stays); and when the page's box names the district
  with its city (柘川市蓼湾区…) and the .docx the district alone (蓼湾区…), the two regions no longer read as two
  governments: both copies were kept.

Read as the docs say (guards, passing before and after): a ministry's 司 is ``central``/全国; a
兵团 regiment's 安委会 is ``county``; a 高新区's 党工委 and 管委会 signing together are ``department``
(the title's full-width space between them dropped); 特急 / 明电 / the organ over its number do not
displace a title wrapped over three lines; the year of ``关于做好2026年安全生产工作的通知`` signed
2025-12-26 is 2026 (the year the notice is for: docs/segmentation.md, ``year`` row), its date 2025-12-26; an imprint's
``…2025年7月2日印发`` gives no signing date.

The four misreadings first left to other owners' files as strict xfails (a tabbed box's 发文字号, the
title's short organ over the signature's full name, a place signing alone) read right since session 11
(genres11) and are in DOCUMENTS.
"""

from __future__ import annotations

import json

import pytest

from policytag.corpus import metadata as md
from policytag.corpus.dedup import _two_documents, complete_from_copy
from policytag.records import Document
from conftest import TEST_DATA, read_document_metadata as _read, run_cli

DATA = TEST_DATA / "metadata9"

# file: (title, issuer, region, level, genre, year, date, doc_number)
DOCUMENTS = {
    "committee_office_number_year.txt": ("关于开展燃气安全隐患排查整治“回头看”的通知", "蓼湾区安全生产委员会办公室", "蓼湾区",
                                         "county", "other", 2025, None, "蓼湾区安委办〔2025〕7号"),
    "corps_regiment_dotted.txt": ("新疆生产建设兵团第十师一八三团安全生产委员会关于印发2025年安全生产工作要点的通知",
                                  "新疆生产建设兵团第十师一八三团安全生产委员会", "新疆生产建设兵团第十师一八三团", "county",
                                  "work_points", 2025, "2025-02-08", None),
    "ministry_department.txt": ("住房和城乡建设部工程质量安全监管司关于开展建筑施工起重机械安全专项检查的通知",
                                "住房和城乡建设部工程质量安全监管司", "全国", "central", "other", 2025, "2025-05-06", None),
    "hitech_zone_joint.txt": ("柘川高新区党工委柘川高新区管委会关于调整高新区安全生产委员会组成人员的通知",
                              "柘川高新区党工委、柘川高新区管理委员会", "柘川高新区", "department", "other", 2025, "2025-03-03", None),
    "urgent_wrapped_title.txt": ("关于立即开展危险化学品道路运输安全隐患排查的紧急通知", "中岳省安全生产委员会办公室", "中岳省",
                                 "province", "other", 2025, "2025-08-14", "中安委办明电〔2025〕4号"),
    "annual_next_year.txt": ("柘川县人民政府关于做好2026年安全生产工作的通知", "柘川县人民政府", "柘川县", "county",
                             "annual_notice", 2026, "2025-12-26", "柘政〔2025〕41号"),
    "imprint_print_date.txt": ("蓼湾区人民政府办公室关于印发《蓼湾区有限空间作业安全专项整治实施方案》的通知", "蓼湾区人民政府办公室",
                               "蓼湾区", "county", "special_plan", 2025, None, "蓼政办〔2025〕12号"),
    # fixed: year 2000 (储存量2000吨以上) before
    "year_not_quantity.txt": ("蓼湾区应急管理局关于开展储存量2000吨以上危险化学品仓库安全检查的通知", "蓼湾区应急管理局", "蓼湾区",
                              "county", "other", 2025, "2025-09-22", None),
    # fixed: region 柘州 (the shortest match stopped at 州), level city before
    "province_name_with_zhou.txt": ("柘州省应急管理厅关于加强尾矿库汛期安全管理的通知", "柘州省应急管理厅", "柘州省", "province", "other",
                                    2025, "2025-05-20", None),
    # fixed: region 蓼乡 (cut at 乡), level department before
    "county_name_with_xiang.txt": ("蓼乡县人民政府办公室关于印发《蓼乡县2025年安全生产工作要点》的通知", "蓼乡县人民政府办公室", "蓼乡县",
                                   "county", "work_points", 2025, "2025-03-06", "蓼政办〔2025〕5号"),
    # fixed: four organs (国家税务总局、柘川市税务局 cut apart) before
    "joint_tax_branch.txt": ("柘川市财政局国家税务总局柘川市税务局柘川市应急管理局关于做好安全生产专用设备税收优惠政策落实工作的通知",
                             "柘川市财政局、国家税务总局柘川市税务局、柘川市应急管理局", "柘川市", "city", "other", 2025,
                             "2025-03-28", None),
    # the 标题：/文号： box lines split the page in two documents and lost the number before genres10's
    # web-furniture fix (972f099…6b44938); read right since
    "web_box_lines.txt": ("柘川市蓼湾区应急管理局关于做好元旦春节期间安全防范工作的通知", "柘川市蓼湾区应急管理局", "柘川市蓼湾区",
                          "county", "other", 2025, "2025-01-05", "蓼应急〔2025〕1号"),
    # fixed: work_points (…2025年工作计划) before; a summary with the next year's plans is a report (docs/segmentation.md)
    "summary_with_plan.txt": ("蓼湾区应急管理局2024年工作总结和2025年工作计划", "蓼湾区应急管理局", "蓼湾区", "county", "report", 2024,
                              "2025-01-10", None),
    # fixed: work_points (…要点) before
    "speech_key_points.txt": ("在全市防汛工作会议上的讲话要点", "柘川市人民政府", "柘川市", "city", "speech", 2025, "2025-06-18", None),
    # fixed in session 10 by the lead (was a known gap: clean.py: a date line 2025/6/3 is not read as a date)
    "joint_stacked_slash_date.txt": ("关于加强汛期地下空间安全管理的通知", "柘川市应急管理局、柘川市住房和城乡建设局、柘川市水务局",
                                      "柘川市", "city", "other", 2025, "2025-06-03", None),
    # fixed in session 10 by the lead (was a known gap: clean.py: a date line 2025-01-05 is not read as a date)
    "date_dash_bureau.txt": ("柘川县教育局关于做好寒假期间学生安全教育工作的通知", "柘川县教育局", "柘川县", "county", "other", 2025,
                              "2025-01-05", None),
    # fixed in session 10 by the lead (was a known gap: clean.py: the breadcrumb 首页 > 政务公开 > 政策解读 is read as the title)
    # (session 22: its 来源 is the issuer, as a news page's: the page names no other organ; before, None)
    "graphic_interpretation.txt": ("图解：柘川市2025年安全生产工作要点", "柘川市应急管理局", "柘川市", "city", "interpretation", 2025,
                                   None, None),
    # fixed in session 10 by the lead (was a known gap: clean.py: RE_TITLE_GENRE takes no title ending 讲话提纲)
    "speech_outline.txt": ("在全县安全生产暨消防工作会议上的讲话提纲", "柘川县人民政府", "柘川县", "county", "speech", 2025,
                            "2025-07-09", None),
    # fixed in session 10 by the lead (was a known gap: clean.py: RE_TITLE / RE_TITLE_GENRE take no title ending 汇报)
    "report_huibao.txt": ("关于2025年上半年全区安全生产工作情况的汇报", "蓼湾区应急管理局", "蓼湾区", "county", "report", 2025,
                           "2025-07-04", None),
    # fixed in session 10 by the lead (was a known gap: clean.py: a title ending 答记者问 is not taken (no document at all))
    "interpretation_press_qa.txt": ("柘川市应急管理局负责人就《柘川市生产经营单位安全生产约谈办法》答记者问", "柘川市应急管理局", "柘川市",
                                     "city", "interpretation", 2025, "2025-11-03", None),
    # fixed in session 11 by genres11 (was a known gap: the 发文字号 inside a tab-separated box line was not read)
    "web_box_tabs.txt": ("中岳省应急管理厅关于开展危险化学品企业安全生产执法检查的通知", "中岳省应急管理厅", "中岳省", "province",
                         "other", 2025, "2025-03-12", "中应急〔2025〕9号"),
    # fixed in session 11 by genres11 (was a known gap: the title's short organ won over the signature's full name)
    "street_office.txt": ("桂塘街道办事处关于开展沿街商铺消防安全检查的通知", "柘川市蓼湾区桂塘街道办事处", "柘川市蓼湾区桂塘街道",
                          "department", "other", 2025, "2025-04-10", None),
    "township_wrapped_plan.txt": ("石岭镇人民政府关于印发《石岭镇2025年森林防灭火工作方案》的通知", "柘川县石岭镇人民政府",
                                  "柘川县石岭镇", "department", "special_plan", 2025, "2025-02-20", None),
    # fixed in session 11 by genres11 (was a known gap: a place signing alone, 蓼湾区 over the date, read as the issuer)
    "place_signs_alone.txt": ("关于进一步加强校园周边道路交通安全管理的通知", None, "蓼湾区", "county", "other", 2025, "2025-09-01",
                              None),
}

# Misreadings in files meta9 does not own (the owner and the line in the session report); strict, so
# that the fix shows here as an XPASS to turn into a plain test.


def test_every_document_is_listed():
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted(DOCUMENTS)
    assert len(DOCUMENTS) >= 12


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_metadata(name):
    assert _read(DATA / name) == DOCUMENTS[name]


@pytest.mark.parametrize("name", ["year_not_quantity.txt", "speech_key_points.txt"])
def test_cli_documents(name):
    """``policytag segment FILE --documents``, the command acceptance runs, prints the reading."""
    proc = run_cli("segment", DATA / name, "--documents")
    assert proc.returncode == 0, proc.stderr
    (row,) = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    fields = ("title", "issuer", "region", "level", "genre", "year", "date", "doc_number")
    assert tuple(row[f] for f in fields) == DOCUMENTS[name]


@pytest.mark.parametrize("title, genre", [
    ("在全市防汛工作会议上的讲话要点", "speech"),
    ("在全县安全生产暨消防工作会议上的讲话提纲", "speech"),
    ("在全县安全生产工作会议上的讲话稿", "speech"),
    ("在全县安全生产工作会议上的主持词", "speech"),
    ("关于2025年上半年全区安全生产工作情况的汇报", "report"),
    ("柘川市应急管理局负责人就《柘川市生产经营单位安全生产约谈办法》答记者问", "interpretation"),
    ("《柘川市安全生产约谈办法》政策问答", "interpretation"),
    ("蓼湾区应急管理局2024年工作总结和2025年工作计划", "report"),
    ("柘川市应急管理局行政处罚决定书", "decision"),
    ("关于《柘川市安全生产条例（草案）》的说明", "interpretation"),
    ("柘川市安全生产举报奖励实施细则起草说明", "interpretation"),
    # guards: a year's 工作计划 stays work points, a 总结及…工作要点 too; a 情况的说明 explains no rule
    ("蓼湾区应急管理局2025年度安全生产工作计划", "work_points"),
    ("蓼湾区2024年工作总结及2025年工作要点", "work_points"),
    ("关于开展安全生产检查有关情况的说明", "other"),
    # guards: 工作要点 stays work points; a notice about 汇报材料 stays a notice; a quiz is no interpretation
    ("柘川市2025年安全生产工作要点", "work_points"),
    ("蓼湾区安全生产委员会2025年工作要点", "work_points"),
    ("关于做好2025年安全生产工作汇报材料报送的通知", "other"),
    ("安全生产知识问答", "other"),
    ("在全市安全生产工作会议上的发言", "speech"),
])
def test_genre_from_the_title(title, genre):
    assert md.genre_of(title, []) == genre


@pytest.mark.parametrize("title, kept", [
    ("关于开展储存量2000吨以上危险化学品仓库安全检查的通知", None),
    ("关于对年检查2000家次以上的单位给予奖励的通知", None),
    ("关于拨付1998.5万元安全生产专项资金的通知", None),
    # guards: years stay
    ("关于做好2026年安全生产工作的通知", "2026"),
    ("柘川市安全生产治本攻坚三年行动实施方案（2025-2027）", "2025"),
    ("关于开展2025年度“安全生产月”活动的通知", "2025"),
])
def test_a_quantity_is_no_year(title, kept):
    import re
    m = re.search(r"(?:19|20)\d{2}", md.year_text(title))
    assert (m.group(0) if m else None) == kept


@pytest.mark.parametrize("name, region, level", [
    ("共青团柘川市委", "柘川市", "city"),
    ("中国共产主义青年团蓼湾区委员会", "蓼湾区", "county"),
    ("共青团中央", "全国", "central"),  # guard
    ("中共柘川县委办公室", "柘川县", "county"),  # guard
])
def test_a_league_committee_is_its_place(name, region, level):
    assert md.issuer_region_level(md.normalize_issuer(name)) == (region, level)


@pytest.mark.parametrize("name, region, level", [
    ("柘州省应急管理厅", "柘州省", "province"),
    ("柘川市岚州区人民政府", "柘川市岚州区", "county"),
    ("柘川市檀乡市应急管理局", "柘川市檀乡市", "county"),
    ("柘川市蓼乡县人民政府", "柘川市蓼乡县", "county"),
    ("柘川市蓼乡区应急管理局", "柘川市蓼乡区", "county"),
    # guards: an autonomous county (its 族自治县 read as a unit of its own, as before); a township stays
    # one, also before 市场; a prefecture 某州 stays one, and 某州市 a prefecture
    ("柘川市梅县区应急管理局", "柘川市梅县区", "county"),
    ("柘川市蓼乡彝族自治县人民政府", "柘川市蓼乡彝族自治县", "county"),
    ("柘川县石岭乡人民政府", "柘川县石岭乡", "department"),
    ("柘川县区域应急救援中心", "柘川县", "county"),
    ("柘川县石岭乡市场监督管理所", "柘川县石岭乡", "department"),
    ("蓼源州应急管理局", "蓼源州", "city"),
    ("蓼源州市应急管理局", "蓼源州市", "city"),
    ("蓼源藏族自治州应急管理局", "蓼源藏族自治州", "city"),
])
def test_a_name_holding_a_tier_character(name, region, level):
    """柘州省, 岚州区, 檀乡市, 蓼乡县: the shortest place match stopped at the 州 or 乡 inside the name
    (region 柘州, level city; 蓼乡, department)."""
    assert md.issuer_region_level(md.normalize_issuer(name)) == (region, level)


@pytest.mark.parametrize("name, issuer, region, level", [
    ("国家税务总局柘川市税务局", "国家税务总局柘川市税务局", "柘川市", "central"),
    ("国家税务总局柘州省税务局", "国家税务总局柘州省税务局", "柘州省", "central"),
    # guards: the administration and another place's bureau are two organs; the administration alone
    ("国家税务总局　柘川市应急管理局", "国家税务总局、柘川市应急管理局", "全国", "central"),
    ("国家税务总局", "国家税务总局", "全国", "central"),
    # fixed too: a central organ run on after a province's was no cut (one organ, 柘州省应急管理厅国家…)
    ("柘州省应急管理厅国家矿山安全监察局柘州局", "柘州省应急管理厅、国家矿山安全监察局柘州局", "柘州省", "province"),
])
def test_a_central_administrations_branch_is_one_organ(name, issuer, region, level):
    """国家税务总局柘川市税务局 read as two organs, 国家税务总局 and 柘川市税务局 (a cut before a place and an
    organ); it is the administration's branch, central as 国家矿山安全监察局山西局, its territory the place."""
    assert md.normalize_issuer(name) == issuer
    assert md.issuer_region_level(issuer) == (region, level)


def _notice_docx(path, lines: list[str]) -> None:
    import docx  # python-docx: a real Word file, as an office saves the notice's attachment

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)


def test_a_web_copy_keeps_the_number_and_date_of_its_docx(tmp_path):
    """The page copied as text (box with tabs: its 发文字号 not read) and the .docx of the same notice
    (红头: number under the header): one notice, kept as the .txt, with the .docx's number and date."""
    web = (DATA / "web_box_tabs.txt").read_text(encoding="utf-8")
    (tmp_path / "a_web.txt").write_text(web, encoding="utf-8")
    body = [line for line in web.splitlines()[5:] if line.strip()]  # addressee … date
    _notice_docx(tmp_path / "b_attachment.docx", ["中岳省应急管理厅文件", "中应急〔2025〕9号",
                                                  "中岳省应急管理厅关于开展危险化学品企业安全生产执法检查的通知", *body])
    proc = run_cli("segment", tmp_path, "--documents")
    assert proc.returncode == 0, proc.stderr
    assert "skipped 1 duplicate notice" in proc.stderr and "b_attachment.docx" in proc.stderr
    (row,) = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert row["source"].endswith("a_web.txt")
    assert (row["doc_number"], row["date"], row["issuer"]) == ("中应急〔2025〕9号", "2025-03-12", "中岳省应急管理厅")


def test_a_web_copy_naming_the_city_is_the_same_notice_as_its_docx(tmp_path):
    """The page's box names the district with its city (发文机关：柘川市蓼湾区应急管理局), the .docx of the
    same notice the district alone (蓼湾区应急管理局): one place, one notice. Before, the two regions
    (柘川市蓼湾区, 蓼湾区) read as two governments and both copies were kept."""
    web = [line for line in (DATA / "web_box_lines.txt").read_text(encoding="utf-8").splitlines()
           if not line.startswith("文号")]  # (no 文号： line: the number comes from the .docx)
    (tmp_path / "a_web.txt").write_text("\n".join(web) + "\n", encoding="utf-8")
    body = [line for line in web[9:] if line.strip()]  # addressee … items
    _notice_docx(tmp_path / "b_attachment.docx", ["蓼湾区应急管理局文件", "蓼应急〔2025〕1号",
                                                  "蓼湾区应急管理局关于做好元旦春节期间安全防范工作的通知", *body,
                                                  "蓼湾区应急管理局", "2025年1月5日"])
    proc = run_cli("segment", tmp_path, "--documents")
    assert proc.returncode == 0, proc.stderr
    (row,) = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert row["source"].endswith("a_web.txt") and row["doc_number"] == "蓼应急〔2025〕1号"


@pytest.mark.parametrize("region_a, region_b, two", [
    ("柘川市蓼湾区", "蓼湾区", False),
    ("中岳省柘川市蓼湾区", "柘川市蓼湾区", False),
    # guards: two counties of one name in two provinces, two districts, a name ending like another
    ("中岳省长宁县", "东川省长宁县", True),
    ("柘川市蓼湾区", "柘川市岚山区", True),
    ("柘川市蓼湾区", "湾区", True),
])
def test_two_governments_or_one_place_written_twice(region_a, region_b, two):
    a = Document("2025-aaaaaa", "关于…的通知", 2025, None, None, None, "a.txt", "正文", region=region_a)
    b = Document("2025-aaaaaa", "关于…的通知", 2025, None, None, None, "b.docx", "正文", region=region_b)
    assert _two_documents(a, b) is two


def test_a_copy_does_not_overwrite_what_the_kept_copy_shows():
    kept = Document("2025-aaaaaa", "关于…的通知", 2025, "蓼应急〔2025〕1号", "蓼湾区应急管理局", "2025-01-05", "a.txt", "正文")
    copy = Document("2025-aaaaaa", "关于…的通知", 2025, "蓼应急〔2025〕2号", "蓼湾区应急管理局", "2025-01-08", "a.docx", "正文")
    assert complete_from_copy(kept, copy) == kept
    bare = Document("2025-aaaaaa", "关于…的通知", 2025, None, "蓼湾区应急管理局", None, "a.txt", "正文")
    assert (complete_from_copy(bare, copy).doc_number, complete_from_copy(bare, copy).date) == ("蓼应急〔2025〕2号", "2025-01-08")
