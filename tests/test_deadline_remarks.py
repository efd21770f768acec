"""A work plan's task written with a keyed remark keeps its deadline (found probing the Label Studio loop
on a self-written 工作要点: the remark ``（牵头单位：区应急管理局；完成时限：2028年6月底前）`` was cut from the
clause whole, so its agencies were kept but the deadline was gone from the text, the ``tag`` rows and
the annotators' screen). The deadline's action is the task, not the rest of the remark."""
from __future__ import annotations

import pytest

from policytag.corpus.segment import segment_paths
from policytag.inference.extract import extract_deadlines

NOTICE = """东陵区2028年安全生产工作要点

一、压实安全生产责任
（一）修订区安委会成员单位安全生产工作职责清单（牵头单位：区应急管理局；完成时限：2028年6月底前）。
（二）开展安全生产巡查，对各街道巡查全覆盖（牵头单位：区安委办；配合单位：区委组织部）（完成时限：2028年11月底前）。
（三）推进燃气管道老化更新改造120公里（牵头单位：区住建局）。
二、强化隐患排查治理
（四）建立重大事故隐患清单，实行挂牌督办（责任单位：区应急管理局、各街道；时间节点：2028年3月底前）；开展有限空间作业专项检查（牵头单位：区应急管理局）。
"""


def test_keyed_deadline_stays_in_the_clause_and_agencies_are_read(tmp_path):
    path = tmp_path / "dongling.txt"
    path.write_text(NOTICE, encoding="utf-8")
    result = segment_paths([path])
    clauses, body = result.clauses, result.documents[0].text
    assert [(c.text, list(c.agencies)) for c in clauses] == [
        ("（一）修订区安委会成员单位安全生产工作职责清单（牵头单位：区应急管理局；完成时限：2028年6月底前）", ["区应急管理局"]),
        # a deadline remark of its own after the agency remark: part of the task, not a clause
        ("（二）开展安全生产巡查，对各街道巡查全覆盖（牵头单位：区安委办；配合单位：区委组织部）（完成时限：2028年11月底前）",
         ["区安委办", "区委组织部"]),
        ("（三）推进燃气管道老化更新改造120公里", ["区住建局"]),  # no deadline: the remark goes, as before
        ("（四）建立重大事故隐患清单，实行挂牌督办（责任单位：区应急管理局、各街道；时间节点：2028年3月底前）",
         ["区应急管理局", "各街道"]),
        ("开展有限空间作业专项检查", ["区应急管理局"]),
    ]
    for c in clauses:  # the text is the notice's, where the span says
        assert body[c.span[0]:c.span[1]] == c.text


@pytest.mark.parametrize("text,action", [
    ("（一）修订职责清单（牵头单位：区应急管理局；完成时限：2028年6月底前）", "修订职责清单"),
    ("2.修订职责清单（完成时限：2028年6月底前）（牵头单位：区应急管理局）", "修订职责清单"),  # a task table's row
    ("开展排查。修订职责清单。责任单位：区应急管理局；完成时限：2028年6月底前", "修订职责清单"),
    ("修订职责清单，责任单位：区应急管理局；完成时限：2028年6月底前", "修订职责清单"),
    ("实行挂牌督办（责任单位：各街道；时间节点：2028年3月底前）", "实行挂牌督办"),
    ("修订清单，6月底前完成。", "修订清单，完成"),  # not keyed: as before
])
def test_a_keyed_deadline_acts_on_its_task(text, action):
    (deadline,) = extract_deadlines(text, 2028)
    assert deadline.action == action
    assert text[deadline.span[0]:deadline.span[1]] == deadline.text
