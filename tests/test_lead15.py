"""Session 15, lead: one definition of an enterprise for metadata's levels and the reports' notes.

metadata read an issuer naming 集团/公司 anywhere as an enterprise (its level 基层及其他), while the across report's
note asked only whether the name *ended* with 公司/集团: a group's own committee (岚江能源集团有限公司安全生产委员会)
was an enterprise to metadata and "the only 基层及其他 government" to the report. Both now ask
``corpus.metadata.is_enterprise``.
"""
from __future__ import annotations

import pytest

from policytag.corpus.metadata import is_enterprise, issuer_region_level


@pytest.mark.parametrize("issuer, expected", [
    ("岚江能源集团有限公司", True),
    ("岚江能源集团有限公司安全生产委员会", True),   # the group's own committee
    ("东川交通投资集团有限公司第三分公司", True),
    ("汀阜县鑫源化工有限公司“3·21”中毒窒息事故调查组", False),  # the county's team, named after a company
    ("汀阜县应急管理局", False),
    ("", False),
    (None, False),
])
def test_is_enterprise(issuer, expected):
    assert is_enterprise(issuer) is expected


def test_metadata_and_report_agree_on_a_group_s_committee():
    """The committee is on no tier of the government ladder (metadata) and the report's note calls it an
    enterprise, not "the only 基层及其他 government" (on main the note's own check read its name's end only)."""
    from report_synth import _doc, _tagged

    from policytag.inference.render_md import render_md
    from policytag.inference.report import build_report
    from policytag.taxonomy import load_taxonomy

    firm_name = "岚江能源集团有限公司安全生产委员会"
    assert issuer_region_level(firm_name)[1] == "department"
    coal = ("深化所属煤矿重大灾害治理，年底前完成防冲能力评估。", ("coal_mine",), ("hazard_remediation",))
    road = ("排查牧区道路急弯陡坡，完善警示标志。", ("road_transport",), ("hazard_remediation",))
    a = _doc("a", "查干敖包旗人民政府", "查干敖包旗", "county", "annual_notice", 2027)
    b = _doc("b", "哈日努尔旗人民政府", "哈日努尔旗", "county", "annual_notice", 2027)
    firm = _doc("f", firm_name, None, "department", "work_points", 2027, title=f"{firm_name}2027年安全生产工作要点")
    tagged = _tagged(a, [road, coal]) + _tagged(b, [road, road]) + _tagged(firm, [coal, coal, road])
    text = render_md(build_report([a, b, firm], tagged, load_taxonomy(), "test"))
    assert f"{firm_name} is the only" not in text
    assert f"{firm_name} is an enterprise, not a government" in text


# --- a period counted from an event has no calendar date ---------------------------------------------------------
# (a city's 工作要点, written for this test: `事故结案后一年内开展整改评估` read due 2027-12-31, the notice's year end,
# as if the year counted from the notice; a period in months after an event already had no date)
@pytest.mark.parametrize("text, kind, due, period", [
    ("较大事故由市政府挂牌督办，事故结案后一年内开展整改评估。", "within_years", None, 1),
    ("自验收合格之日起两年内，每半年复查一次。", "within_years", None, 2),
    ("事故调查报告批复后一年内，组织开展整改情况评估。", "within_years", None, 1),
    # guards: a period from the notice keeps its date (the notice's year counts as its first)
    ("一年内完成全部整改。", "within_years", "2027-12-31", 1),
    ("三年内完成老旧管道改造。", "within_years", "2029-12-31", 3),
])
def test_a_period_after_an_event_has_no_date(text, kind, due, period):
    from policytag.inference.extract import extract_fields

    deadlines, _ = extract_fields([text], [2027])[0]
    assert [(d.kind, d.due, d.period) for d in deadlines] == [(kind, due, period)]


# --- a sector's annual notice -------------------------------------------------------------------------------------
# (analyst9's reports9: 国家能源生产安全部关于做好2027年能源行业安全生产工作的通知 was 其他文件, so it was compared with no
# annual notice across governments and a province's caution called it "another kind")
@pytest.mark.parametrize("title, genre", [
    ("国家能源生产安全部关于做好2027年能源行业安全生产工作的通知", "annual_notice"),
    ("交通运输部关于做好2027年交通运输安全生产工作的通知", "annual_notice"),
    ("枫岭市住房和城乡建设局关于做好2027年全市住建系统安全生产工作的意见", "annual_notice"),
    ("澜溪县水利局关于做好2027年度水利安全生产工作的通知", "annual_notice"),
    # guards: a part of the year, an event, a campaign; no year at all
    ("关于做好2027年第一季度安全生产工作的通知", "other"),
    ("关于做好2027年上半年安全生产工作的通知", "other"),
    ("关于做好2027年5月份安全生产工作的通知", "other"),
    ("关于做好2027年汛期安全生产工作的通知", "other"),
    ("关于做好2027年高考期间安全生产工作的通知", "other"),
    ("关于开展2027年安全生产大检查工作的通知", "other"),
    ("漪川县人民政府关于进一步做好安全生产工作的通知", "other"),
    ("岚海省人民政府关于做好2027年安全生产工作的通知", "annual_notice"),
])
def test_a_sector_s_annual_notice_is_an_annual_notice(title, genre):
    from policytag.corpus.metadata import genre_of

    assert genre_of(title, []) == genre


# --- formats one reader reads are one format to dedup --------------------------------------------------------------
@pytest.mark.parametrize("a, b", [("n.docx", "n.docm"), ("n.docx", "n.dotx"), ("n.eml", "n.msg"), ("n.html", "n.htm")])
def test_near_identical_texts_of_one_reader_s_formats_are_two_versions(a, b):
    """formats8 read .docm/.dotx/.dotm as the .docx they are and .msg by the .eml code; dedup still took a .docx and
    a .docm of near-identical text for copies of one notice, where two exact-text files are two versions."""
    from policytag.corpus.dedup import _two_versions
    from policytag.records import Document

    def doc(source):
        return Document(doc_id=source, title="t", year=2027, doc_number=None, issuer=None, date=None, source=source,
                        text="x")
    assert _two_versions(doc(a), doc(b))
    assert not _two_versions(doc(a), doc("n.pdf"))


def test_a_text_of_many_periods_reads_in_linear_time():
    """The event check above first searched back to the text's start before each 三年内: a text of 2,400 of them took
    ~80x the time of 150 (the property test's linear-time check found it only when its random unit held 三年内)."""
    from policytag.inference.extract import extract_deadlines
    from conftest import best_cpu_time

    unit = "三年内安全煤矿加强（省公安厅、省住建厅等按职责分工负责）三年内：6月底前，事故结案后一年内；"
    small = max(best_cpu_time(lambda t: extract_deadlines(t, 2026), unit * 150), 0.01)
    large = best_cpu_time(lambda t: extract_deadlines(t, 2026), unit * 2400, repeat=2)
    assert large < 40 * small, (small, large)
