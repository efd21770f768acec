"""Line kinds (corpus/clean.py classify_lines), session 17: an urgency marker beside the number, a village's
committee signing with every tier of its place, a 兵团 unit signing as itself and a regiment's addressee.
Readings written first in tests/data/lines17/EXPECTED.md."""
from __future__ import annotations

import time

import pytest

from corpus.clean import classify_lines, issuer_line


def kinds(text: str) -> list[tuple[str, str]]:
    return [(line.kind, line.text) for line in classify_lines(text) if line.kind != "blank"]


def kind_of(line: str, before: str = "二、发现火情立即报告。", after: str = "2027年3月30日") -> tuple[str, str]:
    """The kind of ``line`` where a signature stands: after a body line, before the date."""
    return kinds(f"{before}\n\n{line}\n{after}")[1]


# --- 1. an urgency marker and the number on one line -----------------------------------------------------------

@pytest.mark.parametrize("line, number", [
    ("特急　　　　　　　　　　霁政办明电〔2027〕5号", "霁政办明电〔2027〕5号"),
    ("加急　岚应急〔2027〕12号", "岚应急〔2027〕12号"),
    ("平急 沐安委办〔2026〕3号", "沐安委办〔2026〕3号"),
    ("特急·明电　　桐应急明电〔2027〕9号", "桐应急明电〔2027〕9号"),
    ("特提　渌应急明电［2027］3号", "渌应急明电［2027］3号"),
    ("特急霁政办明电〔2027〕5号", "霁政办明电〔2027〕5号"),  # (a copy that lost the gap: on main, letters 特急霁政办明电)
])
def test_an_urgency_marker_beside_the_number_is_a_number_line(line, number):
    head = f"霁阳市人民政府办公室\n{line}\n\n霁阳市人民政府办公室关于立即开展燃气安全隐患排查的紧急通知\n"
    assert kinds(head)[1] == ("docnum", number)


def test_a_marker_alone_before_the_number_line_leaves_the_number_its_line():
    for marker in ("特急", "加急", "平急"):
        read = kinds(f"{marker}\n霁政办明电〔2027〕5号\n\n霁阳市人民政府办公室关于立即开展燃气安全隐患排查的紧急通知\n")
        assert read[:2] == [("text", marker), ("docnum", "霁政办明电〔2027〕5号")]  # (the marker line as on main)


@pytest.mark.parametrize("line", [
    "特急通知：各单位要在收到霁政办明电〔2027〕5号后立即排查。",  # a sentence naming a number
    "特急　　请各单位立即排查",                                      # a marker and no number
    "特急",
])
def test_a_marker_with_no_number_after_it_is_no_number_line(line):
    assert kinds(f"{line}\n")[0][0] != "docnum"


# --- 2. a village's committee named with every tier of its place -----------------------------------------------

@pytest.mark.parametrize("signature", [
    "峦山彝族自治县石门瑶族乡柳湾村村民委员会",
    "东川省临江市青石区柳岸街道柳岸社区居民委员会",
    "鄂温克族自治旗巴彦托海镇乌兰嘎查委员会",
    "苇塘县芦口镇石桥乡柳塘村村委会",
    "梧溪市石桥镇柳塘村村民委员会",  # (short enough for RE_ISSUER on main: still one)
])
def test_a_village_committee_signing_with_its_places_tiers_is_an_issuer(signature):
    assert kind_of(signature) == ("issuer", signature)


@pytest.mark.parametrize("line", [
    "村级防火工作由峦山彝族自治县石门瑶族乡柳湾村村民委员会",  # a sentence cut at the margin: no tier first
    "全县各乡镇人民政府要督促指导辖区各行政村村民委员会",      # an instruction ending in the committee
    "峦山县石门乡柳湾村依托村民委员会建立健全村民委员会",
    "峦山彝族自治县石门瑶族乡柳湾村村民委员会的工作人员",      # the committee is no line's end
])
def test_a_sentence_ending_in_a_committee_stays_text(line):
    assert kind_of(line)[0] == "text"


def test_a_line_ending_in_a_committee_is_read_in_bounded_time():
    # (each pattern has one bounded repeat: a line of tier characters ending in the committee, the worst case for
    # nested repeats, costs as little as a signature; a line longer than a signature is not tried)
    lines = ["市县区乡镇" * 7 + "村民委员会", "市" * 37 + "委员会", "市县" * 18 + "村村委会", "县" * 2000 + "村民委员会"]
    start = time.perf_counter()
    for _ in range(500):
        read = [issuer_line(line) for line in lines]
    assert time.perf_counter() - start < 1.0
    assert read[1] is False and read[3] is False  # (no village's name; longer than any signature)


# --- 3. a 兵团 unit signing as itself; a regiment's addressee --------------------------------------------------

@pytest.mark.parametrize("signature", [
    "新疆生产建设兵团第三师四十四团",
    "新疆生产建设兵团第八师",
    "兵团第十四师二二四团",
])
def test_a_corps_unit_signing_as_itself_is_an_issuer(signature):
    assert kind_of(signature) == ("issuer", signature)


@pytest.mark.parametrize("line", [
    "新疆生产建设兵团",            # the corps alone: no unit of it
    "自治区人大代表团",            # a delegation
    "共青团",
    "四十四团",                    # a regiment's short name alone, as on main (the title gives it)
    "兵团第三师四十四团要开展检查",
])
def test_no_corps_unit_is_no_issuer(line):
    assert kind_of(line)[0] != "issuer"


@pytest.mark.parametrize("line", ["各连队，团属各单位：", "各团场、师直各单位：", "各师市，兵团机关各部门："])
def test_a_regiments_addressee(line):
    assert kinds(f"四十四团关于做好秋收期间农机安全工作的通知\n\n{line}\n为防范秋收期间农机事故，现通知如下：\n")[1] == (
        "addressee", line)


@pytest.mark.parametrize("line", ["各连队要对农机驾驶人员开展安全培训：", "各团场应当在秋收前完成检查："])
def test_an_instruction_to_the_regiments_units_is_text(line):
    assert kinds(f"四十四团关于做好秋收期间农机安全工作的通知\n\n{line}\n")[1][0] == "text"
