"""Five more genres for what governments publish besides notices (session 9, meta8): 规划, 解读, 倡议书,
安全提示/提醒 and 检查表/排查清单 read ``other`` before and now read ``plan``, ``interpretation``,
``appeal``, ``reminder`` and ``checklist``. Documents written for these tests (tests/data/metadata8/*.txt;
invented places and organs, no sentence copied or paraphrased from a real document); each expected
reading was written down before running ``policytag segment`` on the document, and each new value
read ``other`` on the code before.

Decisions (docs: docs/segmentation.md, the ``genre`` row; corpus/metadata.py's docstring):
- The title's last words decide, as for meta7's kinds (``…安全生产规划``, ``…规划（2026—2030年）``, ``…政策解读``,
  ``…的倡议书``, ``…的提示``/``…的提醒``, ``…检查表``/``…排查清单``); a notice (``关于做好…规划编制工作的通知``)
  stays a notice, ``other``; a wrapper (``关于印发《…规划》的通知``) has the enclosure's genre.
- The genres of form still come first: a ``…规划实施方案`` is ``special_plan``, a ``…规划工作要点`` ``work_points``.
  The one exception is an interpretation: ``《…管理办法》政策解读`` or ``一图读懂《…实施方案》`` explains a rule
  or a plan and is none, so a title ending 解读 (or opening 一图读懂/图解) is read first.
- A 隐患排查清单 is a checklist, a 责任清单 still a duty list.
- With no title, an appeal opens ``…倡议如下`` / ``发出如下倡议`` / ``我们倡议：``; an annual notice that
  mentions 倡议 stays ``annual_notice``. The other new genres have no telltale opening.
- A built title (an untitled document's) ends in the genre's plain word: ``栖桐县教育局2027年倡议书``.
"""

from __future__ import annotations

import pytest

from policytag.corpus import metadata as md
from policytag.corpus.segment import segment_paths
from conftest import TEST_DATA

DATA = TEST_DATA / "metadata8"

NEW_GENRES = ("plan", "interpretation", "appeal", "reminder", "checklist")

# file: (title, genre)
DOCUMENTS = {
    "plan_fifteenth.txt": ("澄溪市“十五五”安全生产规划（2026—2030年）", "plan"),
    "plan_wrapped.txt": ("栖桐县人民政府关于印发《栖桐县应急管理体系建设“十五五”规划》的通知", "plan"),
    "interpretation_policy.txt": ("《澄溪市危险化学品安全管理办法》政策解读", "interpretation"),
    # an interpretation of a 方案 (before: special_plan, as 方案 anywhere in a title is a genre of form)
    "interpretation_plan.txt": ("关于《栖桐县城镇燃气安全专项整治实施方案》的解读", "interpretation"),
    "appeal_titled.txt": ("关于文明祭扫、防范森林火灾的倡议书", "appeal"),
    # no title: 发出如下倡议; the built title ends in 倡议书
    "appeal_untitled.txt": ("栖桐县教育局2027年倡议书", "appeal"),
    "reminder_heat.txt": ("萍岚区应急管理局关于高温天气户外作业安全风险的提示", "reminder"),
    "reminder_gas.txt": ("栖桐县住房和城乡建设局关于冬季燃气使用安全的提醒", "reminder"),
    "checklist_school.txt": ("萍岚区中小学校消防安全检查表", "checklist"),
    "checklist_hazard.txt": ("澄溪市工贸企业粉尘涉爆重大事故隐患排查清单", "checklist"),
    # negatives: a notice on 规划编制 is a notice; an annual notice mentioning 倡议 stays annual
    "notice_plan_drafting.txt": ("澄溪市应急管理局关于做好“十五五”安全生产规划编制工作的通知", "other"),
    "annual_mentions_appeal.txt": ("萍岚区人民政府关于做好2027年安全生产工作的通知", "annual_notice"),
}


def test_every_document_is_listed():
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted(DOCUMENTS)


def test_each_new_genre_has_two_documents_and_a_report_name():
    readings = [genre for _, genre in DOCUMENTS.values()]
    for genre in NEW_GENRES:
        assert genre in md.GENRES and md.GENRE_NAMES[genre]
        assert readings.count(genre) >= 2, genre
    assert md.GENRES[-1] == "other" and set(md.GENRE_NAMES) == set(md.GENRES)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_genre(name):
    title, genre = DOCUMENTS[name]
    result = segment_paths([DATA / name])
    assert not result.errors
    (doc,) = result.documents
    assert (doc.title, doc.genre) == (title, genre)
    assert {c.genre for c in result.clauses} == {genre}


@pytest.mark.parametrize("title, genre", [
    ("霁川县安全生产“十五五”规划", "plan"),
    ("关于印发《霁川县综合防灾减灾规划（2026—2035年）》的通知", "plan"),
    ("霁川县消防事业发展规划纲要", "plan"),
    ("《霁川县安全生产条例》解读", "interpretation"),
    ("关于《霁川县烟花爆竹燃放管理规定》的解读", "interpretation"),
    ("图解：霁川县2027年安全生产工作要点", "interpretation"),
    ("一图读懂《霁川县城镇燃气安全专项整治实施方案》", "interpretation"),
    ("致全县广大居民的防火倡议书", "appeal"),
    ("关于安全文明燃放烟花爆竹的倡议", "appeal"),
    ("霁川县应急管理局关于汛期地质灾害风险的提示", "reminder"),
    ("霁川县春节期间安全提醒", "reminder"),
    ("霁川县有限空间作业安全自查表", "checklist"),
    ("霁川县城镇燃气安全隐患检查清单", "checklist"),
    # negatives: the genres of form and the duty lists come first; a notice stays a notice
    ("霁川县“十五五”安全生产规划实施方案", "special_plan"),
    ("霁川县2027年安全生产规划工作要点", "work_points"),
    ("霁川县安全生产委员会成员单位隐患排查治理责任清单", "duty_list"),
    ("关于做好“十五五”应急体系规划编制工作的通知", "other"),
    ("关于开展安全生产政策解读宣讲活动的通知", "other"),
    ("关于印发安全隐患排查清单的通知", "checklist"),
    ("关于做好2027年安全生产工作的通知", "annual_notice"),
])
def test_genre_from_the_title(title, genre):
    assert md.genre_of(title, ["一、加强组织领导。"]) == genre


@pytest.mark.parametrize("paragraphs, genre", [
    (["广大市民朋友们：", "为预防火灾，我们倡议：", "一、不私拉乱接电线。"], "appeal"),
    (["为营造安全生产良好氛围，现向全市企业倡议如下：", "一、落实主体责任。"], "appeal"),
    (["各位家长：", "暑期将至，特向全县家长发出以下倡议。", "一、看护好孩子。"], "appeal"),
    # negatives: an annual notice's body mentioning 倡议 stays annual; a mention alone is none
    (["为做好2027年安全生产工作，现就做好2027年全县安全生产工作提出如下意见：", "一、向社会发出安全倡议。"],
     "annual_notice"),
    (["各单位要积极响应安全生产倡议活动。", "一、压实责任。"], "other"),
])
def test_genre_from_an_untitled_body(paragraphs, genre):
    assert md.genre_of(None, paragraphs) == genre


@pytest.mark.parametrize("genre, word", [("plan", "规划"), ("interpretation", "政策解读"), ("appeal", "倡议书"),
                                         ("reminder", "安全提示"), ("checklist", "检查表")])
def test_a_built_title_ends_in_the_genre_word(genre, word):
    assert md.build_title("霁川县应急管理局", 2027, genre, ["一、压实责任。"], "x") == f"霁川县应急管理局2027年{word}"
