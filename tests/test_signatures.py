"""A signature is no clause: an organ the issuer pattern did not know (a fire and rescue brigade, a
commission by its short name 卫生健康委) or a place signing alone (``蓼湾区``) on the line before the date
was read as text, a clause under the notice's last item. Organ names of a duty list stay its headings."""

from __future__ import annotations

import pytest

from policytag.corpus.segment import segment_text

SIGNED = {
    "brigade": ("""柘川县消防救援大队关于开展冬春火灾防控工作的通知

各乡镇人民政府，县直各单位：
为做好今冬明春火灾防控工作，现将有关事项通知如下。
一、全面排查整治火灾隐患。各乡镇要在12月底前完成辖区“九小场所”消防安全检查。
二、加强消防宣传。各单位要组织开展消防安全培训，普及灭火器使用常识。

柘川县消防救援大队
2027年11月20日
""", "柘川县消防救援大队"),
    "place": ("""蓼湾区关于做好2027年安全生产工作的通知
各街道办事处，区政府各部门：
为做好2027年全区安全生产工作，现通知如下。
一、各街道要每月开展一次安全生产大检查。
二、区应急局负责开展有限空间作业专项治理，6月底前完成摸底建档。
蓼湾区
2027年2月26日
""", "蓼湾区"),
    "commission": ("""桐溪县卫生健康委关于加强医疗机构消防安全管理的通知

各乡镇卫生院，县直各医疗卫生单位：
一、各单位要落实消防安全主体责任，明确消防安全管理人。
二、定期开展消防设施检测维护，确保疏散通道畅通。

桐溪县卫生健康委
2027年3月8日
""", "桐溪县卫生健康委"),
}


@pytest.mark.parametrize("name", sorted(SIGNED))
def test_the_signature_before_the_date_is_no_clause(name):
    text, signer = SIGNED[name]
    [(doc, clauses)] = segment_text(text, f"{name}.txt")
    assert doc.date is not None
    items = [c.text for c in clauses if c.kind == "clause"]
    assert items and all(signer not in t for t in items), items
    assert items[-1].startswith("二、")
    assert doc.issuer == signer


def test_a_duty_lists_organs_with_those_names_are_its_headings():
    text = """柘川县安全生产任务分工

县应急管理局
1.负责全县安全生产综合监管，组织开展安全生产大检查。
县消防救援大队
1.负责火灾隐患排查整治。
2.负责消防安全宣传培训。
县卫生健康委
1.负责医疗机构安全管理。
"""
    [(_, clauses)] = segment_text(text, "duties.txt")
    assert [(c.heading_path, c.text) for c in clauses] == [
        (("县应急管理局",), "1.负责全县安全生产综合监管，组织开展安全生产大检查。"),
        (("县消防救援大队",), "1.负责火灾隐患排查整治。"),
        (("县消防救援大队",), "2.负责消防安全宣传培训。"),
        (("县卫生健康委",), "1.负责医疗机构安全管理。"),
    ]


def test_a_place_between_lines_of_text_stays_text():
    # a list by place: the place's line is followed by text, not by a date: no signature
    text = """临江市2027年安全生产重点任务

一、各县区要落实属地管理责任。
青石县
要在6月底前完成化工园区安全整治提升。
白沙县
要在9月底前完成城镇燃气管道更新改造。
"""
    [(_, clauses)] = segment_text(text, "places.txt")
    assert any("青石县" in c.text or "青石县" in c.heading_path for c in clauses)
