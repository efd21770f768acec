"""Header and signature lines the cleaner missed (session 14, found by the analyst8 and meta13 engineers on
their documents, tests/data/reports8 and metadata13; the documents here are written for these tests).

* An addressee opening with 各旗 (an Inner Mongolian league writes to its banners: ``各旗、市人民政府，盟直各有关
  部门：``) was a preamble clause; 各盟 already was an addressee.
* An addressee of the sections of a zone or an organ (``新区各部门，各园区管理办公室，区内各危险化学品企业：``,
  ``各街道办事处，管委会各部门：``) right under the title or number was a preamble clause: each piece names
  "each" of a kind of organ (各…), but not at the line's start.
* A state-owned group's or a ministry department's name alone over the date (``岚溪能源集团有限公司`` /
  ``2027年1月12日``; ``…冶金安全监察司``) was a clause of the last item: the group's six items read as seven
  clauses and its own name was counted as a 冶金工贸 clause. Like a place's name there, it is the signature.
"""

from __future__ import annotations

from policytag.corpus.segment import segment_text


def _read(text: str):
    pairs = segment_text(text, source="t.txt")
    return [d for d, _ in pairs], [c for _, cs in pairs for c in cs]


LEAGUE = """乌兰塔木盟行政公署关于做好2027年安全生产工作的通知
乌盟署发〔2027〕6号
各旗、市人民政府，盟直各有关部门：
为做好全盟安全生产工作，现通知如下。
一、严格煤矿安全生产责任。煤矿企业主要负责人每月带班下井不少于5个班次。
二、做好草原防火工作。各旗、市落实草原防火巡护员，严控野外用火。
乌兰塔木盟行政公署
2027年1月20日
"""


def test_an_addressee_opening_with_ge_qi_is_no_clause():
    docs, clauses = _read(LEAGUE)
    assert [c.text[:2] for c in clauses] == ["为做", "一、", "二、"]
    assert docs[0].issuer == "乌兰塔木盟行政公署"


ZONE = """澄湖新区管理委员会关于印发澄湖新区城镇燃气安全整治方案的通知
澄新管发〔2027〕3号
新区各部门，各园区管理办公室，区内各燃气经营企业：
《澄湖新区城镇燃气安全整治方案》已经管委会研究同意，现印发给你们，请抓好落实。
澄湖新区管理委员会
2027年3月2日
"""

STREETS = """澄湖新区应急管理局关于开展汛期安全检查的通知
各街道办事处，管委会各部门：
一、各街道于6月10日前完成辖区低洼地带排查。
二、各部门加强值班值守，确保信息畅通。
澄湖新区应急管理局
2027年5月28日
"""


def test_an_addressee_of_each_kind_of_organ_not_opening_with_ge_is_no_clause():
    _, clauses = _read(ZONE)
    assert [c.text[:4] for c in clauses] == ["《澄湖新"]
    _, clauses = _read(STREETS)
    assert [c.text[:2] for c in clauses] == ["一、", "二、"]


def test_a_line_under_the_title_that_tells_each_organ_what_to_do_stays_a_clause():
    text = STREETS.replace("各街道办事处，管委会各部门：", "新区各部门要做好以下工作：")
    _, clauses = _read(text)
    assert clauses[0].text.startswith("新区各部门要做好以下工作")


GROUP = """岚溪能源集团有限公司2027年安全生产工作要点
一、压实集团各级安全生产责任，所属单位主要负责人年初签订安全生产责任书。
二、深化所属煤矿重大灾害治理，冲击地压矿井年底前完成防冲能力评估。
三、组织集团应急救援队伍实战演练，全年不少于4次。
岚溪能源集团有限公司
2027年1月12日
"""

BUREAU = """国家工贸安全监察总局冶金安全监察司2027年工作要点
一、完善冶金行业安全监管制度，年内修订冶金企业煤气区域安全管理规定。
二、组织冶金行业安全管理人员培训，全年培训不少于3000人次。
国家工贸安全监察总局冶金安全监察司
2027年2月1日
"""


def test_a_group_or_a_ministry_department_over_the_date_is_the_signature():
    for text, issuer, n in ((GROUP, "岚溪能源集团有限公司", 3), (BUREAU, "国家工贸安全监察总局冶金安全监察司", 2)):
        docs, clauses = _read(text)
        assert len(clauses) == n and all(c.text[1] == "、" for c in clauses), [c.text for c in clauses]
        assert docs[0].issuer == issuer


def test_a_company_named_between_lines_of_text_stays_text():
    text = GROUP.replace("三、组织集团", "三、下列企业开展对标检查：\n岚溪第二煤业有限公司\n四、组织集团")
    _, clauses = _read(text)
    assert any("岚溪第二煤业有限公司" in c.text for c in clauses)


def test_an_enterprise_branch_writing_to_its_own_units():
    """``公司各车队：`` under a branch company's title was a heading over the first paragraph, and the branch's
    name over the date a clause (tests/data/metadata12/r2_soe_branch.txt)."""
    from policytag import PROJECT_ROOT
    text = (PROJECT_ROOT / "tests" / "data" / "metadata12" / "r2_soe_branch.txt").read_text(encoding="utf-8")
    _, clauses = _read(text)
    assert [(c.kind, c.heading_path, c.text[:2]) for c in clauses] == [
        ("preamble", (), "为确"), ("clause", (), "一、"), ("clause", (), "二、")]


def test_a_folder_holding_an_odt_and_a_mail_reads_both(tmp_path):
    """.odt and .eml (formats7) were read only when named: a folder of downloads skipped them silently."""
    import shutil

    from policytag import PROJECT_ROOT
    from policytag.corpus.segment import segment_paths
    for name in ("fire_review.odt", "winter_mail.eml"):
        shutil.copy(PROJECT_ROOT / "tests" / "data" / "formats7" / name, tmp_path / name)
    result = segment_paths([tmp_path])
    sources = {str(d.source) for d in result.documents}
    assert any(s.endswith("fire_review.odt") for s in sources) and any("winter_mail.eml" in s for s in sources), sources
