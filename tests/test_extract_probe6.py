"""Extraction probe 6: counts at the end of a clause part.

The form: a verb (or a coordinated pair of verbs: 关闭退出, 整治提升, 升级改造) + its object + a
number (+ 万/千) + a measure word, closing the clause part (``…小型露天采石场15处。``,
``…一类园区8个。``, ``…宣传资料2万份。``). An analyst found three of them read as no target at all:
the pair's second verb and a long object overran the count pattern's 16 characters, 整治/提升/印发
were no count verbs, ``一类`` was taken for the count (and rejected) before ``8个`` was reached, and
份 was no unit nor 万 a magnitude before a measure word.

Not targets: ordinals (第2批), figures reported done (已/共/累计 before the verb), document numbers
(〔2027〕3号), periods (6个月), a count that does not close its part, phone numbers, a weak verb's
scope (组织开展…12场次). Each case sits beside a count of the form, so that every case fails on the
code before this probe (the count was missed) as well as guarding what must stay unread.

Every sentence is invented for this file (places and organs too); the readings were written down
before the code ran on them.
"""

from __future__ import annotations

import json

import pytest

from policytag.inference.extract import extract_deadlines, extract_fields, extract_targets
from test_extract_probe2 import _targets  # (text, value, unit, what, comparator, verb) of each target

Y = 2027

# (sentence, targets as (text, value, unit, what, comparator, verb))
FORMS = [
    # a coordinated verb pair and an object of 18 characters
    ("（三）非煤矿山。关闭退出不符合安全条件的小型砖瓦窑厂和石灰窑21处。",
     [("关闭退出不符合安全条件的小型砖瓦窑厂和石灰窑21处", 21, "处", "关闭退出不符合安全条件的小型砖瓦窑厂和石灰窑", "=", "关闭退出")]),
    # 二类 is part of the object, not the count
    ("完成化工园区风险评估，整治提升二类化工园区6个。",
     [("整治提升二类化工园区6个", 6, "个", "整治提升二类化工园区", "=", "整治提升")]),
    # 万 before a measure word
    ("开展森林防火宣传，印发森林防火宣传折页3万份。",
     [("印发森林防火宣传折页3万份", 3, "万份", "印发森林防火宣传折页", "=", "印发")]),
    ("各乡镇取缔非法加油点12个；",
     [("取缔非法加油点12个", 12, "个", "取缔非法加油点", "=", "取缔")]),
    ("汛前发放防汛明白卡1.5万张，",
     [("发放防汛明白卡1.5万张", 1.5, "万张", "发放防汛明白卡", "=", "发放")]),
    ("全年清理占用消防车通道的杂物堆放点300处以上。",
     [("清理占用消防车通道的杂物堆放点300处以上", 300, "处", "清理占用消防车通道的杂物堆放点", ">=", "清理")]),
    # an old count verb with an object of 17 characters (国三: a numeral inside the object)
    ("淘汰国三及以下排放标准的危化品运输车辆200辆。",
     [("淘汰国三及以下排放标准的危化品运输车辆200辆", 200, "辆", "淘汰国三及以下排放标准的危化品运输车辆", "=", "淘汰")]),
    ("为各乡镇配备便携式气体检测报警仪2千台。",
     [("配备便携式气体检测报警仪2千台", 2, "千台", "配备便携式气体检测报警仪", "=", "配备")]),
    # 一类 taken for the count (and rejected) before 4处 was reached
    ("到2028年，建成一类应急避难场所4处。",
     [("建成一类应急避难场所4处", 4, "处", "建成一类应急避难场所", "=", "建成")]),
    ("关停小散乱危险化学品仓库7家。",
     [("关停小散乱危险化学品仓库7家", 7, "家", "关停小散乱危险化学品仓库", "=", "关停")]),
    ("拆除违规搭建的彩钢板房1200平方米。",
     [("拆除违规搭建的彩钢板房1200平方米", 1200, "平方米", "拆除违规搭建的彩钢板房", "=", "拆除")]),
    ("排查改造老旧小区燃气立管1.2万套。",
     [("改造老旧小区燃气立管1.2万套", 1.2, "万套", "改造老旧小区燃气立管", "=", "改造")]),
    ("购置水域救援冲锋舟和橡皮艇40艘，",
     [("购置水域救援冲锋舟和橡皮艇40艘", 40, "艘", "购置水域救援冲锋舟和橡皮艇", "=", "购置")]),
    ("在事故多发路口设置农村道路交通安全劝导站120个。",
     [("设置农村道路交通安全劝导站120个", 120, "个", "设置农村道路交通安全劝导站", "=", "设置")]),
    ("更新服役超过十年的老旧消防车辆和举高车15台。",
     [("更新服役超过十年的老旧消防车辆和举高车15台", 15, "台", "更新服役超过十年的老旧消防车辆和举高车", "=", "更新")]),
    ("搬迁入园城区危险化学品生产企业9家（牵头单位：县工信局）。",
     [("搬迁入园城区危险化学品生产企业9家", 9, "家", "搬迁入园城区危险化学品生产企业", "=", "搬迁")]),
    # the pair starts the count, not its second verb alone
    ("升级改造县级应急指挥平台2套。",
     [("升级改造县级应急指挥平台2套", 2, "套", "升级改造县级应急指挥平台", "=", "升级改造")]),
    ("印制并发放安全生产明白纸5千份。",
     [("发放安全生产明白纸5千份", 5, "千份", "发放安全生产明白纸", "=", "发放")]),
    ("为各街道储备防汛编织袋和土工布8万条。",
     [("储备防汛编织袋和土工布8万条", 8, "万条", "储备防汛编织袋和土工布", "=", "储备")]),
    ("改扩建乡镇专职消防站3座，",
     [("改扩建乡镇专职消防站3座", 3, "座", "改扩建乡镇专职消防站", "=", "改扩建")]),
    ("县财政安排资金，设立安全生产风险抵押周转金500万元。",
     [("设立安全生产风险抵押周转金500万元", 500, "万元", "设立安全生产风险抵押周转金", "=", "设立")]),
    ("修建村级应急避难场所和物资储备点27处。",
     [("修建村级应急避难场所和物资储备点27处", 27, "处", "修建村级应急避难场所和物资储备点", "=", "修建")]),
]

# a case that must stay unread beside a count of the form (the count alone is read)
BESIDE = [
    # an ordinal
    ("淘汰落后生产工艺工作进入第2批，取缔非法加油点12个。",
     [("取缔非法加油点12个", 12, "个", "取缔非法加油点", "=", "取缔")]),
    # done before: 已 before the verb (the second part sets the year's count)
    ("全区已关闭退出小型采石场15处，今年再关闭退出小型采石场6处。",
     [("关闭退出小型采石场6处", 6, "处", "关闭退出小型采石场", "=", "关闭退出")]),
    # done before: 共 before the verb, in its own sentence
    ("去年共发放防汛明白卡3万张；今年发放防汛明白卡2万张。",
     [("发放防汛明白卡2万张", 2, "万张", "发放防汛明白卡", "=", "发放")]),
    # a document number
    ("按照《关于整治提升化工园区的通知》（青安委〔2027〕3号）要求，整治提升化工园区8个。",
     [("整治提升化工园区8个", 8, "个", "整治提升化工园区", "=", "整治提升")]),
    # a period (6个月 does not close on its measure word)
    ("关闭退出小型采石场工作期限6个月，整治提升工业园区4个。",
     [("整治提升工业园区4个", 4, "个", "整治提升工业园区", "=", "整治提升")]),
    # a figure of a report sentence before the verb
    ("检查中发现的12处隐患已整改。下一步，印发整改通知书30份。",
     [("印发整改通知书30份", 30, "份", "印发整改通知书", "=", "印发")]),
    # a phone number
    ("咨询电话0771-12345678，发放宣传挂图500张。",
     [("发放宣传挂图500张", 500, "张", "发放宣传挂图", "=", "发放")]),
    # a rate read once, as before, beside the count
    ("整治提升化工园区8个，整治提升率达到90%。",
     [("整治提升化工园区8个", 8, "个", "整治提升化工园区", "=", "整治提升"),
      ("整治提升率达到90%", 90, "%", "整治提升率", ">=", "达到")]),
    # a weak verb's scope stays a scope (场次 is a measure word now)
    ("组织开展宣传活动12场次，发放宣传品1万件。",
     [("发放宣传品1万件", 1, "万件", "发放宣传品", "=", "发放")]),
    # a count that does not close its part
    ("印发宣传资料2万份的经费由县财政保障，设置警示标志牌60块。",
     [("设置警示标志牌60块", 60, "块", "设置警示标志牌", "=", "设置")]),
    # a deadline's date is no count
    ("2027年12月31日前，取缔无证经营烟花爆竹摊点35个。",
     [("取缔无证经营烟花爆竹摊点35个", 35, "个", "取缔无证经营烟花爆竹摊点", "=", "取缔")]),
]

# reported, with nothing beside: the code before this probe read each as a target
REPORTED = [
    "2026年全市累计关闭退出小型采石场23处。",
    "全县已关闭小型烟花爆竹仓库9座。",
    "上半年共计淘汰老旧渣土车辆46辆。",
]


@pytest.mark.parametrize("text,want", FORMS, ids=[w[0][0][:12] for _, w in FORMS])
def test_a_count_closing_its_part_is_read(text, want):
    assert _targets(text) == want


@pytest.mark.parametrize("text,want", BESIDE, ids=[w[0][0][:12] for _, w in BESIDE])
def test_what_is_no_count_stays_unread_beside_one(text, want):
    assert _targets(text) == want


@pytest.mark.parametrize("text", REPORTED)
def test_a_count_done_before_is_no_target(text):
    assert _targets(text) == []


def test_extract_fields_reads_the_same_in_a_batch():
    texts = [t for t, _ in FORMS + BESIDE] + REPORTED
    assert extract_fields(texts, [Y] * len(texts)) == [(extract_deadlines(t, Y), extract_targets(t)) for t in texts]
    assert [[(t.text, t.value, t.unit) for t in ts] for _, ts in extract_fields(texts, [Y] * len(texts))] == \
        [[w[:3] for w in want] for _, want in FORMS + BESIDE] + [[]] * len(REPORTED)


# --- through `policytag tag` ----------------------------------------------------------------------
#: an invented county's work points; the targets its rows should carry, written down first
NOTICE = """柘川县2027年安全生产工作要点

一、非煤矿山
关闭退出不符合安全条件的小型砖瓦窑厂和石灰窑21处。
二、危险化学品
完成化工园区风险评估，整治提升二类化工园区6个。
三、宣传教育
组织开展宣传活动12场次，印发森林防火宣传折页3万份。
四、工作回顾
2026年全县累计关闭退出小型采石场23处。

柘川县安全生产委员会
2027年2月10日
"""
NOTICE_WANT = [("关闭退出不符合安全条件的小型砖瓦窑厂和石灰窑21处", 21, "处"), ("整治提升二类化工园区6个", 6, "个"),
               ("印发森林防火宣传折页3万份", 3, "万份")]


def test_tag_rows_carry_the_counts(policytag_cli, keyword_run, tmp_path):
    notice = tmp_path / "zhechuan_2027.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = policytag_cli("tag", str(notice), "--model", str(keyword_run), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [(t["text"], t["value"], t["unit"]) for row in rows for t in row["targets"]] == NOTICE_WANT
