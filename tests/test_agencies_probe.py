"""Responsible-agency remarks in the wording of district, township, street and corps notices, and
agency names with a bracket of their own (``各县（市、区）人民政府``). Every sentence is written for this
test (invented places and organs); the expected readings were written down before the code ran.

Decisions (docs/tagging.md, ``agencies``):

* a remark is read when it has the role form ``policytag.text`` recognises for the matcher (agency
  names, each comma part ending in a role word 牵头/负责/配合/…, an agency word, no instruction such as
  要/须/确保), whatever organ opens it (区, 乡, 镇, 街道, 团, 各县…), besides the province/city/county
  remarks read before (``（省应急厅等部门按职责分工负责）``);
* one level of brackets inside a remark belongs to an agency's name (``各县（市、区）人民政府``,
  ``各村（社区）``): a 、 or ， inside it does not separate two agencies.
"""

from __future__ import annotations

import pytest

from policytag.corpus.segment import parse_agencies, segment_text
from policytag.inference.extract import extract_agencies


@pytest.mark.parametrize("remark,want", [
    ("各县（市、区）人民政府负责", ["各县（市、区）人民政府"]),
    ("市应急局、各县（市、区）人民政府负责", ["市应急局", "各县（市、区）人民政府"]),
    ("镇应急办牵头，各村（社区）配合", ["镇应急办", "各村（社区）"]),
    ("区应急局和区住建局负责", ["区应急局", "区住建局"]),
    # as before
    ("省安委办和各市、县人民政府负责", ["省安委办", "各市县人民政府"]),
    ("省应急厅、省公安厅等部门按职责分工负责", ["省应急厅", "省公安厅"]),
])
def test_a_bracket_in_a_name_keeps_the_name_whole(remark, want):
    assert parse_agencies(remark) == want


@pytest.mark.parametrize("text,want", [
    ("开展燃气安全排查（区应急局牵头，区住建局配合）", ["区应急局", "区住建局"]),
    ("开展燃气安全排查（各县（市、区）人民政府负责）", ["各县（市、区）人民政府"]),
    ("清理林区可燃物（乡林业站负责）", ["乡林业站"]),
    ("组织沿街商铺消防检查（街道办事处牵头，各社区配合）", ["街道办事处", "各社区"]),
    ("开展连队农机安全检查（团应急办牵头，各连队配合）", ["团应急办", "各连队"]),
    ("落实河道巡查（由镇水利站负责）", ["镇水利站"]),
    ("完成电动自行车充电设施建设（各乡镇人民政府、区城管局按职责分工负责）", ["各乡镇人民政府", "区城管局"]),
    ("整治群租房消防隐患（区消防救援大队牵头，各街道、区住建局配合）", ["区消防救援大队", "各街道", "区住建局"]),
])
def test_role_remarks_of_any_organ(text, want):
    assert extract_agencies(text) == want


@pytest.mark.parametrize("text", [
    "对餐饮场所逐户排查（逐户负责）",  # no agency
    "压实属地责任（各街道要负责到底）",  # an instruction in brackets
    "排查老旧小区燃气管道（含庭院管、立管）",  # a scope in brackets
    "完成隐患整改（2027年6月底前）",
])
def test_brackets_that_are_no_remark(text):
    assert extract_agencies(text) == []


NOTICE = """区安全生产委员会关于开展2027年燃气安全专项整治的通知
各街道办事处，区安委会各成员单位：
现就有关事项通知如下：
一、开展餐饮场所燃气安全排查。对全区餐饮场所逐户排查燃气管道和报警装置（区应急局牵头，区住建局、区市场监管局配合）。
二、整治老旧小区燃气管网。对使用年限超过20年的燃气管网登记造册，分批改造（各街道办事处负责）。
三、督促企业落实主体责任。燃气经营企业每季度开展一次入户安全检查（各街道办事处、区住建局（区燃气办）负责）。
区安全生产委员会
2027年3月10日
"""


def test_a_district_notice_reads_its_remarks_as_agencies():
    [(_, clauses)] = segment_text(NOTICE, "district.txt")
    body = [c for c in clauses if c.kind == "clause"]
    assert [(c.text, list(c.agencies)) for c in body] == [
        ("一、开展餐饮场所燃气安全排查。对全区餐饮场所逐户排查燃气管道和报警装置", ["区应急局", "区住建局", "区市场监管局"]),
        ("二、整治老旧小区燃气管网。对使用年限超过20年的燃气管网登记造册，分批改造", ["各街道办事处"]),
        ("三、督促企业落实主体责任。燃气经营企业每季度开展一次入户安全检查", ["各街道办事处", "区住建局（区燃气办）"]),
    ]
