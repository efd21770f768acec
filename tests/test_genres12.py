"""genres12: segmentation of what other governments publish (session 12).

Notices written for these tests (tests/data/genres12/; invented places and organs, no sentence copied or
paraphrased from a real document). Each expected reading was written down from the notice before running
the segmenter on it (where the documented rule (docs/segmentation.md) said otherwise, the comment says so).

What was wrong and is now read right (corpus/segment.py, corpus/clean.py):
- a notice sent to several enterprises by name (``甲有限公司、乙有限公司、丙有限公司：``, a 约谈 notice) had its
  addressee line read as a preamble clause; one enterprise alone was already an addressee.
- the covering sentence of a notice that sends a text (``现将《…方案》印发给你们，请…贯彻落实。``) is its
  preamble (codebook §1: ``现将…印发给你们`` is an opening; rule 3: the preamble is a clause). Before the
  enclosure it was; in a notice whose enclosure is not in the file (a web page linking it) it was a
  ``clause`` when an opening paragraph came before it, or when written ``《…》已经县政府同意，现予印发``, and
  so was a request to carry the text out standing alone (``请结合实际，认真贯彻落实。``).
- wrapped like a PDF, a line ending its sentence a character or two short of the margin, the next line a
  short closed sentence, read as one paragraph (a 款 joined to its article, an answer's second paragraph to
  its first): widths cannot tell (real cut lines spread 8 cells), but where the text copy kept the PDF's
  first-line indent and no continuation line is indented, an indented line opens a paragraph.
- wrapped like a PDF: the addressee of several enterprises wrapped over two lines was a preamble clause; a
  speech's closing ``同志们，…`` after a line ending its sentence at the margin joined the paragraph before it;
  a paragraph of ``一是……；二是……`` whose first line ended at ``；`` read the margin 4 cells too wide (the line
  after a ``；`` counted as a paragraph's first line) and split the paragraph and the opening before it.
- a covering letter of two lines (neither cut mid-sentence) before an enclosure wrapped at a fixed width
  read one paragraph a line: it is printed on the same pages, and is now read at their margin.
"""

from __future__ import annotations

import pytest

from policytag.corpus.segment import segment_paths, segment_text
from conftest import TEST_DATA
from test_genres import wrap

DATA12 = TEST_DATA / "genres12"

# file: ((title, issuer, region, level, genre, year, date, doc_number), [(heading path, kind, start of the clause)])
# — written from each notice before the segmenter read it; the whole list of clauses, none more, none less
G12 = {
    "g12_speech_inline.txt": (
        ("在全市安全生产工作会议上的讲话", "岚溪市人民政府", "岚溪市", "city", "speech", 2027, "2027-02-22", None), [
            ((), "preamble", "今天召开全市安全生产工作会议"),
            (("一、清醒认识当前安全生产形势",), "clause", "去年全市生产安全事故起数"),  # 一是…二是…三是…: one clause
            (("二、突出抓好重点行业领域整治",), "clause", "第一，抓好城镇燃气安全。"),
            (("二、突出抓好重点行业领域整治",), "clause", "第二，抓好道路交通安全。"),
            (("二、突出抓好重点行业领域整治",), "clause", "第三，抓好消防安全。"),
            (("三、压紧压实安全生产责任",), "clause", "首先，要压实属地管理责任。"),
            (("三、压紧压实安全生产责任",), "clause", "其次，要压实部门监管责任。"),
            (("三、压紧压实安全生产责任",), "clause", "最后，要压实企业主体责任。"),
            ((), "clause", "同志们，安全生产责任重于泰山。"),
        ]),
    "g12_accident_bulletin.txt": (
        ("岚溪市安全生产委员会办公室关于青阳区“3·18”较大燃气爆炸事故的通报", "岚溪市安全生产委员会办公室", "岚溪市", "city",
         "bulletin", 2027, "2027-03-21", None), [
            ((), "preamble", "2027年3月18日11时20分许"),
            (("一、事故基本情况",), "clause", "经初步调查，涉事餐饮店"),
            (("二、事故暴露出的问题",), "clause", "一是企业主体责任不落实"),
            (("三、下一步工作要求",), "clause", "（一）立即开展餐饮场所燃气安全排查。"),
            (("三、下一步工作要求",), "clause", "（二）严格落实监管责任。"),
            (("三、下一步工作要求",), "clause", "（三）严肃追责问责。"),
        ]),
    "g12_inspection_feedback.txt": (
        ("泊川县安全生产委员会办公室关于安全生产督查发现问题的反馈通知", "泊川县安全生产委员会办公室", "泊川县", "county", "other",
         2027, "2027-04-25", None), [
            ((), "preamble", "2027年4月10日至20日"),
            (("一、问题清单",), "clause", "1.枫亭镇未建立"),
            (("一、问题清单",), "clause", "2.县交通运输局"),
            (("一、问题清单",), "clause", "3.县住建局"),
            (("一、问题清单",), "clause", "4.石门乡3家"),
            (("二、整改要求",), "clause", "（一）各单位要对照问题清单"),
            (("二、整改要求",), "clause", "（二）整改工作要在5月31日前"),
            (("二、整改要求",), "clause", "（三）县安委办将适时组织"),
        ]),
    "g12_minutes_points.txt": (
        # (written first as the office that signs them; docs/segmentation.md: the organ the title opens with stays the issuer
        # when another organ signs, here the committee whose meeting it was)
        ("岚溪市青阳区安全生产委员会2027年第一次全体会议纪要", "岚溪市青阳区安全生产委员会", "岚溪市青阳区", "county", "minutes",
         2027, "2027-01-20", None), [
            ((), "preamble", "2027年1月18日，区长"),
            ((), "clause", "会议指出，2026年全区"),
            ((), "clause", "会议强调，各街道、各部门"),
            (("会议要求",), "clause", "一、各街道要在2月底前"),
            (("会议要求",), "clause", "二、区应急管理局要牵头"),
            (("会议要求",), "clause", "三、区住建局要加快推进"),
        ]),
    "g12_interview_enterprises.txt": (
        ("鹤沙县应急管理局关于对3家企业主要负责人进行安全生产约谈的通知", "鹤沙县应急管理局", "鹤沙县", "county", "other", 2027,
         "2027-06-02", None), [
            ((), "preamble", "近期，我局在执法检查中"),
            ((), "clause", "约谈时间：2027年6月8日下午3时。"),
            ((), "clause", "约谈地点：县应急管理局五楼会议室。"),
            ((), "clause", "参加人员：企业主要负责人"),
            ((), "clause", "有关要求：请各企业于6月6日前"),
        ]),
    # (written first as one line per row, ``1；区应急管理局；负责…``; docs/segmentation.md: a table with a task-like column and a
    # 序号 is read as a task table, one clause per row, its agency column giving ``agencies``: that reading)
    "g12_duty_list_rows.txt": (
        ("岚溪市青阳区安全生产委员会成员单位安全生产工作职责", "岚溪市青阳区安全生产委员会", "岚溪市青阳区", "county", "duty_list",
         None, None, None), [
            ((), "clause", "1.负责全区安全生产综合监督管理，指导协调各行业主管部门开展安全生产工作。"),
            ((), "clause", "2.负责房屋建筑和市政基础设施工程施工安全监督管理，负责城镇燃气行业安全监督管理。"),
            ((), "clause", "3.负责道路运输、水路运输行业安全监督管理。"),
            ((), "clause", "4.负责各级各类学校校园安全管理工作。"),
        ]),
    "g12_cover_web.txt": (
        ("泊川县人民政府办公室关于印发泊川县2027年度安全生产工作要点的通知", "泊川县人民政府办公室", "泊川县", "county", "work_points",
         2027, "2027-03-03", None), [
            ((), "preamble", "《泊川县2027年度安全生产工作要点》已经县政府第9次常务会议研究同意，现予印发。"),
            ((), "preamble", "请结合实际，认真贯彻落实。"),
        ]),
    "g12_forward_requirements.txt": (
        ("鹤沙县安全生产委员会办公室转发市安委办关于做好端午节期间安全防范工作的通知", "鹤沙县安全生产委员会办公室", "鹤沙县", "county",
         "other", 2027, "2027-06-04", None), [
            ((), "preamble", "现将《岚溪市安全生产委员会办公室关于做好端午节期间安全防范工作的通知》转发给你们"),
            ((), "preamble", "同时，结合我县实际，提出以下要求"),
            ((), "clause", "一、加强水上交通安全管理。"),
            ((), "clause", "二、强化值班值守。"),
        ]),
    "g12_cover_plan_two_paras.txt": (
        ("枫亭镇人民政府关于印发《枫亭镇2027年森林防火工作方案》的通知", "枫亭镇人民政府", "枫亭镇", "department", "special_plan", 2027,
         "2027-02-10", None), [
            ((), "preamble", "为切实做好2027年森林防火工作"),
            ((), "preamble", "现将《方案》印发给你们，请认真组织实施。"),
            (("一、工作目标",), "clause", "全年不发生重大森林火灾"),
            (("二、主要措施",), "clause", "（一）严格野外火源管控。"),
            (("二、主要措施",), "clause", "（二）加强扑火队伍建设。"),
        ]),
}
# two documents in one file: the draft put out for comment, and the drafters' explanation after it
G12_TWO = {
    "g12_draft_with_notes.txt": [
        (("岚溪市电动自行车停放充电安全管理办法（征求意见稿）", None, "岚溪市", "city", "regulation", None, None, None), [
            ((), "clause", "第一条为了加强电动自行车停放充电安全管理"),
            ((), "clause", "第二条本市行政区域内"),
            ((), "clause", "第三条禁止在建筑内"),
            ((), "clause", "第四条本办法自发布之日起施行。"),
        ]),
        (("关于《岚溪市电动自行车停放充电安全管理办法（征求意见稿）》的起草说明", None, "岚溪市", "city", "interpretation", None, None,
          None), [
            (("一、起草背景",), "clause", "近年来，我市电动自行车保有量"),
            (("二、起草过程",), "clause", "市消防救援支队在深入调研"),
            (("三、主要内容",), "clause", "《办法》共四条"),
        ]),
    ],
}


# readings still wrong, read in files genres12 does not own (strict: a fix shows as an XPASS to turn into a
# plain test): (test, file) -> the file that reads it and what it reads
# (session 13: both gaps listed here are read right on main — the bare 单位 column heads the agency column
# (tables.py, a35e99f) and 关于《岚溪市…》的起草说明 names 岚溪市 (metadata.py) —; the strict xfails are gone)
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def _known(test: str, names) -> list:
    return [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[test, n])) if (test, n) in KNOWN_GAPS
            else n for n in sorted(names)]


def _documents(name: str):
    result = segment_paths([DATA12 / name])
    assert not result.errors, result.errors
    return [(d, [c for c in result.clauses if c.doc_id == d.doc_id]) for d in result.documents]


def _meta(doc) -> tuple:
    return (doc.title, doc.issuer, doc.region, doc.level, doc.genre, doc.year, doc.date, doc.doc_number)


def _reading(clauses, expected) -> list:
    """The clauses as (heading path, kind, start of the text), each cut to the length of the expected start."""
    starts = [e[2] for e in expected] + [""] * max(0, len(clauses) - len(expected))
    return [(c.heading_path, c.kind, c.text[:len(s)] if s else c.text) for c, s in zip(clauses, starts)]


def test_every_notice_is_listed():
    assert sorted(p.name for p in DATA12.glob("*.txt")) == sorted([*G12, *G12_TWO])
    assert len(G12) + len(G12_TWO) >= 8


@pytest.mark.parametrize("name", _known("reading", [*G12, *G12_TWO]))
def test_document_reading(name):
    expected = [m for m, _ in G12_TWO[name]] if name in G12_TWO else [G12[name][0]]
    assert [_meta(d) for d, _ in _documents(name)] == expected


@pytest.mark.parametrize("name", _known("clauses", [*G12, *G12_TWO]))
def test_clauses_heading_paths_and_kinds(name):
    expected = [cs for _, cs in G12_TWO[name]] if name in G12_TWO else [G12[name][1]]
    read = [_reading(cs, e) for (_, cs), e in zip(_documents(name), expected)]
    assert read == expected


# (session 13: g12_interview_enterprises at 90, its opening's first line ending its sentence at the margin,
# reads right since genres13's _first_lines_full_below (corpus/clean.py); tests/test_genres13.py)
WRAP_MISS: set[tuple[str, int]] = set()
# (the duty table is a tab-separated table a PDF never wraps; the other notices read the same at 60…100 but
# for g12_speech_inline at 100, no line of it cut mid-sentence: one paragraph a line; g12_draft_with_notes at
# 60, its 起草说明 title wrapped over two lines after an unsigned draft, reads right since genres13's
# _title_tails)


@pytest.mark.parametrize("name, width", [
    pytest.param(n, w, marks=pytest.mark.xfail(strict=True, reason="margin cut at a sentence end"))
    if (n, w) in WRAP_MISS else (n, w) for n in sorted(G12) if n != "g12_duty_list_rows.txt" for w in (70, 90)])
def test_same_clauses_when_wrapped_like_a_pdf(name, width):
    text = (DATA12 / name).read_text(encoding="utf-8")
    plain = [(c.heading_path, c.kind, c.text) for _, cs in segment_text(text, name) for c in cs]
    wrapped = [(c.heading_path, c.kind, c.text) for _, cs in segment_text(wrap(text, width), name) for c in cs]
    assert wrapped == plain


def test_duty_rows_name_their_organ_as_agency():
    # each row's organ is its agency (what tagging and reports read), its remark out of the text
    _, clauses = _documents("g12_duty_list_rows.txt")[0]
    assert [c.agencies for c in clauses] == [("区应急管理局",), ("区住房和城乡建设局",), ("区交通运输局",), ("区教育局",)]
    assert not any("单位：" in c.text for c in clauses)



def _kinds(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for _, cs in segment_text(text, "inline.txt") for c in cs]


HEAD = "鹤沙县人民政府办公室关于印发《鹤沙县2027年防汛安全检查方案》的通知\n\n各乡镇人民政府，县直有关单位：\n"
SIGNED = "\n鹤沙县人民政府办公室\n2027年5月6日\n"
ENCLOSURE = ("\n附件\n\n鹤沙县2027年防汛安全检查方案\n\n一、检查范围\n山洪灾害危险区、地质灾害隐患点和在建工程。\n"
             "二、检查要求\n各乡镇要在5月20日前完成自查。\n")
OPENING = "为做好2027年防汛安全工作，县政府研究制定了防汛安全检查方案。"


@pytest.mark.parametrize("covering", [
    "现将《鹤沙县2027年防汛安全检查方案》印发给你们，请结合实际认真贯彻落实。",
    "现将《鹤沙县2027年防汛安全检查方案》下发给你们，请认真遵照执行。",
    "现将市安委办《关于做好汛期安全防范工作的通知》转发给你们，请结合实际认真贯彻执行。",
    "《鹤沙县2027年防汛安全检查方案》已经县政府同意，现予印发，请认真组织实施。",
    "《鹤沙县2027年防汛安全检查方案》已经县政府同意，现予印发。\n请结合实际，认真贯彻落实。",
])
@pytest.mark.parametrize("opening", ["", OPENING + "\n"])
@pytest.mark.parametrize("enclosure", ["", ENCLOSURE])
def test_the_covering_sentence_is_the_preamble_in_every_form(covering, opening, enclosure):
    # written first: the opening and the covering letter are the preamble, with or without the enclosure in
    # the file; the enclosure's sentences are clauses
    sent = [p for p in (opening + covering).split("\n") if p]
    expected = [("preamble", p) for p in sent]
    if enclosure:
        expected += [("clause", "山洪灾害危险区、地质灾害隐患点和在建工程。"), ("clause", "各乡镇要在5月20日前完成自查。")]
    assert _kinds(HEAD + opening + covering + "\n" + SIGNED + enclosure) == expected


def test_an_instruction_after_the_covering_sentence_stays_a_clause_without_the_enclosure():
    # guard (codebook §1: in a body with no structure only the opening is the preamble): a task of its own
    text = HEAD + "现将《鹤沙县2027年防汛安全检查方案》印发给你们，请认真贯彻落实。\n各乡镇要于5月10日前报送自查方案。\n" + SIGNED
    assert [k for k, _ in _kinds(text)] == ["preamble", "clause"]


@pytest.mark.parametrize("addressee", [
    "鹤沙县鑫达化工有限公司、鹤沙县宏远建材有限公司：",
    "鹤沙县鑫达化工有限公司，鹤沙县安泰物流有限公司：",
    "各基础电信企业鹤沙分公司、县内各铁塔分公司：",
])
def test_an_addressee_naming_several_enterprises_is_no_clause(addressee):
    text = ("鹤沙县应急管理局关于开展重大事故隐患整改约谈的通知\n\n" + addressee + "\n"
            "近期检查发现你们单位存在重大事故隐患，现将约谈事项通知如下：\n一、约谈时间：2027年6月8日下午3时。\n"
            "二、约谈地点：县应急管理局会议室。\n\n鹤沙县应急管理局\n2027年6月2日\n")
    assert [t for _, t in _kinds(text)] == ["近期检查发现你们单位存在重大事故隐患，现将约谈事项通知如下：",
                                            "一、约谈时间：2027年6月8日下午3时。", "二、约谈地点：县应急管理局会议室。"]


# --- wrapped text: a covering letter on its enclosure's pages ------------------------------------------
def _clauses(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    return [(c.heading_path, c.kind, c.text) for _, cs in segment_text(text, "inline.txt") for c in cs]


RULES = ("檀溪县瓶装液化石油气安全管理办法\n\n"
         "第一条　为了加强本县瓶装液化石油气安全管理，防止和减少燃气事故，根据有关\n"
         "法律法规，结合本县实际，制定本办法。\n"
         "  第二条　本县行政区域内瓶装液化石油气的充装、配送和使用适用本办法。\n"
         "  供应企业应当建立用户档案，如实登记用户信息。\n"
         "  第三条　本办法自2027年5月1日起施行。\n")


def test_an_indented_line_after_a_closed_one_opens_a_paragraph_when_the_copy_kept_the_indent():
    # written first: 第二条's line ends one character short of the margin; the indented 款 is its own clause
    art2 = "第二条 本县行政区域内瓶装液化石油气的充装、配送和使用适用本办法"
    assert _clauses(RULES) == [
        ((), "clause", "第一条为了加强本县瓶装液化石油气安全管理，防止和减少燃气事故，根据有关法律法规，结合本县实际，制定本办法。"),
        ((), "clause", "第二条本县行政区域内瓶装液化石油气的充装、配送和使用适用本办法。"),
        ((art2,), "clause", "供应企业应当建立用户档案，如实登记用户信息。"),
        ((), "clause", "第三条本办法自2027年5月1日起施行。"),
    ]
    # a copy that indents a line going on with a cut sentence says nothing by its indents: read as before
    random = RULES.replace("\n法律法规", "\n  法律法规")
    assert [t for _, _, t in _clauses(random)][1].endswith("适用本办法。供应企业应当建立用户档案，如实登记用户信息。")


COVERING = ("檀溪县应急管理局关于印发《檀溪县2027年汛期安全检查方案》的通知\n\n各乡镇人民政府，县直有关单位：\n"
            "为做好2027年汛期安全防范工作，县应急管理局研究制定了汛期安全检查方案。\n"
            "现将方案印发给你们，请结合实际认真贯彻落实。\n\n檀溪县应急管理局\n2027年5月6日\n\n"
            "附件\n\n檀溪县2027年汛期安全检查方案\n"
            "一、检查范围\n"
            "重点检查山洪灾害危险区、地质灾害隐患点、在建工程和危化品企业，各乡镇\n"
            "要逐一建立台账。\n"
            "二、检查要求\n"
            "（一）各乡镇要在5月20日前完成自查，对发现的隐患立即组织整改，不能立即\n"
            "整改的要落实监控措施。\n"
            "（二）县直有关单位要按照职责分工开展行业检查。\n")


def test_a_covering_letter_is_wrapped_at_its_enclosures_margin():
    # written first: the letter's first line ends its sentence at the margin; the letter is one paragraph
    assert _clauses(COVERING) == [
        ((), "preamble", "为做好2027年汛期安全防范工作，县应急管理局研究制定了汛期安全检查方案。现将方案印发给你们，请结合实际认真贯彻落实。"),
        (("一、检查范围",), "clause", "重点检查山洪灾害危险区、地质灾害隐患点、在建工程和危化品企业，各乡镇要逐一建立台账。"),
        (("二、检查要求",), "clause", "（一）各乡镇要在5月20日前完成自查，对发现的隐患立即组织整改，不能立即整改的要落实监控措施。"),
        (("二、检查要求",), "clause", "（二）县直有关单位要按照职责分工开展行业检查。"),
    ]
    # typed one paragraph a line (the enclosure's lines not cut either): the letter keeps its two paragraphs
    typed = COVERING.replace("各乡镇\n要逐一", "各乡镇要逐一").replace("不能立即\n整改", "不能立即整改")
    assert [t for _, kind, t in _clauses(typed) if kind == "preamble"] == [
        "为做好2027年汛期安全防范工作，县应急管理局研究制定了汛期安全检查方案。", "现将方案印发给你们，请结合实际认真贯彻落实。"]
